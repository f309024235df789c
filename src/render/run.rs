//! The report of `run`: steps, plugins, result, the live namespace, leaks.

use std::io::{self, Write};

use comfy_table::Color;
use owo_colors::Style as Paint;

use super::table::*;
use super::{paint, Render, Style};
use crate::exec::chain::Outcome;
use crate::inspect::Snapshot;
use crate::leaks::LeakReport;
use crate::report::{CommandRun, RunReport, StepOutcome};
use crate::shell;
use crate::spec::result::CniResult;

impl Render for RunReport {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        run(out, self, style)
    }

    /// What cnitool would have printed for the ADD of the run.
    fn cnitool(&self) -> Option<String> {
        let result = CniResult::from_value(self.result.as_ref()?, &self.config.cni_version).ok()?;
        Some(result.to_cnitool_text())
    }
}

/// Renders `run`.
pub fn run(out: &mut dyn Write, report: &RunReport, style: &Style) -> io::Result<()> {
    let color = style.color;
    if report.quiet {
        return quiet(out, report, color);
    }
    headline(out, color, "run", &report.config, report.error.is_some(), report.duration_ms)?;
    if let Some(ns) = &report.netns {
        writeln!(out, "  namespace  {ns}  ifname {}", report.ifname)?;
    }
    if let Some(host) = &report.host_netns {
        writeln!(out, "  sandbox    host namespace {host}, private /var/lib/cni")?;
    }
    steps_table(report, style).section(out, "Steps")?;
    if !report.add.is_empty() {
        plugins_table(report, style).section(out, "Plugins")?;
    }
    let ops = [("ADD", &report.add), ("CHECK", &report.check), ("DEL", &report.del)];
    step_stderr(
        out,
        color,
        ops.iter().flat_map(|(op, steps)| steps.iter().map(move |s| (*op, s))),
    )?;
    if let Some(result) = report.result.as_ref().and_then(|v| CniResult::from_value(v, "").ok()) {
        cni_result(out, style, &result, "Result")?;
    }
    if let Some(live) = &report.live {
        live_table(live, style).section(out, "Namespace after ADD (netlink)")?;
    }
    if let Some(cmd) = &report.command_run {
        command(out, cmd, color)?;
    }
    if let Some(leaks) = &report.leaks {
        leak_lines(out, leaks, color)?;
    }
    if let Some(kept) = &report.kept {
        writeln!(
            out,
            "\n{} namespace {} kept. To finish:",
            paint(color, "--keep:", Paint::new().bold()),
            kept.netns
        )?;
        for cmd in &kept.finish {
            writeln!(out, "  {cmd}")?;
        }
    }
    notes(out, color, &report.notes)?;
    if let Some(error) = &report.error {
        error_details(out, error, color)?;
    }
    Ok(())
}

fn steps_table(report: &RunReport, style: &Style) -> Grid {
    let cols = [
        Col::new("step").keep().priority(3),
        Col::new("outcome").keep().priority(3),
        Col::new("time").keep().priority(2),
        Col::new("detail").wrap(),
    ];
    let mut t = Grid::new(style, cols);
    for step in &report.steps {
        let fg = match step.outcome {
            StepOutcome::Ok => Color::Green,
            StepOutcome::Skipped => Color::DarkGrey,
            StepOutcome::Unknown => Color::Yellow,
            _ => Color::Red,
        };
        t.row([
            text(step.name),
            text(step.outcome).fg(fg),
            text(format!("{:.1}ms", step.duration_ms)),
            text(step.detail.clone().unwrap_or_default()),
        ]);
    }
    t
}

/// Each plugin's part in ADD, CHECK and DEL.
fn plugins_table(report: &RunReport, style: &Style) -> Grid {
    let cols = ["plugin", "ADD", "CHECK", "DEL"].map(|h| Col::new(h).keep());
    let mut t = Grid::new(style, cols);
    let find = |steps: &[crate::exec::chain::Step], i: usize| {
        steps
            .iter()
            .find(|s| s.index == i)
            .map(|s| match s.outcome {
                Outcome::Ok => format!("ok {:.1}ms", s.duration_ms),
                Outcome::Failed => "FAILED".into(),
                Outcome::NotRun => "not run".into(),
                Outcome::Unsupported => "UNSUPPORTED".into(),
            })
            .unwrap_or_default()
    };
    for (i, plugin) in report.config.plugins.iter().enumerate() {
        t.row([plugin.clone(), find(&report.add, i), find(&report.check, i), find(&report.del, i)]);
    }
    t
}

/// The links of the namespace with their addresses (link-local ones left out).
fn live_table(live: &Snapshot, style: &Style) -> Grid {
    let cols = [
        Col::new("link").keep().priority(3),
        Col::new("kind").keep().priority(1),
        Col::new("state").keep().priority(1),
        Col::new("mac").keep().priority(2),
        Col::new("addresses").wrap().priority(2),
    ];
    let mut t = Grid::new(style, cols);
    for link in &live.links {
        let addrs: Vec<&str> = live
            .addresses
            .iter()
            .filter(|a| a.ifname == link.name && a.scope != "link")
            .map(|a| a.address.as_str())
            .collect();
        t.row([
            link.name.clone(),
            link.kind.clone().unwrap_or_default(),
            link.state.clone(),
            link.mac.clone().unwrap_or_default(),
            addrs.join(" "),
        ]);
    }
    t
}

fn leak_lines(out: &mut dyn Write, leaks: &LeakReport, color: bool) -> io::Result<()> {
    let title = "Leak check (host side, before ADD vs after DEL)";
    writeln!(out, "\n{}", paint(color, title, Paint::new().bold().underline()))?;
    if leaks.left_behind.is_empty() && leaks.removed.is_empty() {
        writeln!(out, "  nothing left behind")?;
    }
    for leak in &leaks.left_behind {
        let tag = if leak.shared { "shared, kept by design" } else { "LEFT BEHIND" };
        let tag = paint(color, tag, Paint::new().yellow());
        writeln!(out, "  {tag} {} {}", leak.kind, leak.item)?;
    }
    for gone in &leaks.removed {
        writeln!(out, "  removed (existed before ADD) {} {}", gone.kind, gone.item)?;
    }
    for note in &leaks.notes {
        writeln!(out, "  {note}")?;
    }
    Ok(())
}

/// COMMAND as the shell would read it, how it ended, its output, and what was cut of it.
fn command(out: &mut dyn Write, cmd: &CommandRun, color: bool) -> io::Result<()> {
    let title = paint(color, "Command", Paint::new().bold().underline());
    writeln!(out, "\n{title} {} ({})", shell::join(&cmd.argv), cmd.ended())?;
    for line in cmd.stdout.lines().chain(cmd.stderr.lines()) {
        writeln!(out, "  {line}")?;
    }
    let cut = cmd.cut();
    if !cut.is_empty() {
        let kept = crate::exec::process::KEEP_BYTES / 1024;
        let note = format!("output cut ({}): the first and last {kept} KiB kept", cut.join(", "));
        writeln!(out, "  {}", paint(color, &note, Paint::new().yellow()))?;
    }
    Ok(())
}

/// `run -q`: the verdict line, then only what failed: failed steps, mismatches, a failed
/// command, leaks that are not shared, the error, and what `--keep` left.
fn quiet(out: &mut dyn Write, report: &RunReport, color: bool) -> io::Result<()> {
    let failed = report.error.is_some();
    let verdict = if failed {
        paint(color, "FAILED", Paint::new().red().bold())
    } else {
        paint(color, "ok", Paint::new().green().bold())
    };
    let verb = paint(color, "RUN", Paint::new().bold());
    writeln!(out, "{verb} {}: {verdict} in {:.1}ms", report.config.network, report.duration_ms)?;
    let bad = |s: &&crate::report::RunStep| {
        matches!(s.outcome, StepOutcome::Failed | StepOutcome::Unknown)
    };
    for step in report.steps.iter().filter(bad) {
        let detail = step.detail.as_deref().map(|d| format!(": {d}")).unwrap_or_default();
        writeln!(out, "  step {} failed{detail}", step.name)?;
    }
    for mismatch in &report.mismatches {
        writeln!(out, "  mismatch: {mismatch}")?;
    }
    if let Some(cmd) = report.command_run.as_ref().filter(|c| c.exit_code != Some(0)) {
        command(out, cmd, color)?;
    }
    let leaks = report.leaks.iter().flat_map(|l| &l.left_behind).filter(|l| !l.shared);
    for leak in leaks {
        let tag = paint(color, "LEFT BEHIND", Paint::new().yellow());
        writeln!(out, "  {tag} {} {}", leak.kind, leak.item)?;
    }
    if let Some(kept) = &report.kept {
        writeln!(out, "  --keep: namespace {} kept. To finish:", kept.netns)?;
        for cmd in &kept.finish {
            writeln!(out, "    {cmd}")?;
        }
    }
    if let Some(error) = &report.error {
        error_details(out, error, color)?;
    }
    Ok(())
}
