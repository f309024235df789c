//! The shared pieces of every report for people at a terminal: what ran, how each plugin
//! fared and how long it took, and the result (interfaces, addresses, routes, DNS).
//!
//! Every table is a [`Grid`] (in [`super::grid`], re-exported here): columns declared with [`Col`] (a header, a [`Fit`] and a
//! priority), rows of [`Text`]. Nothing is wrapped or cut unless stdout is a terminal of a
//! known width ([`Style::width`]), so a pipe, a file or a CI log gets one row a line and
//! every cell whole, for `grep`, `awk` and `cut`. At a terminal that is too narrow,
//! [`fit`] takes width from the least important columns first, and only as far as each
//! column's [`Fit`] allows: names, ids and files stay whole or lose their end (or, for
//! paths, their start) to an ellipsis, never split across lines.

use std::io::{self, Write};

use comfy_table::Color;
use owo_colors::Style as Paint;

pub use super::grid::*;
use super::{paint, Style};
use crate::exec::chain::{Outcome, Step};
use crate::report::{ConfigSummary, ErrorKind, ErrorReport};
use crate::spec::result::CniResult;

/// The notes of a report, one a line.
pub fn notes(out: &mut dyn Write, color: bool, notes: &[String]) -> io::Result<()> {
    for note in notes {
        writeln!(out, "{} {note}", paint(color, "note:", Paint::new().yellow().bold()))?;
    }
    Ok(())
}

/// The most lines of one stream a table shows; `--trace` shows all that was captured.
const STREAM_LINES: usize = 20;

/// A plugin's or command's stream, indented under its label, at most [`STREAM_LINES`] lines.
pub fn stream(out: &mut dyn Write, label: &str, text: &str) -> io::Result<()> {
    let lines: Vec<&str> = text.trim_end().lines().collect();
    writeln!(out, "  {label:<9} {}", lines.first().copied().unwrap_or_default())?;
    for line in lines.iter().skip(1).take(STREAM_LINES - 1) {
        writeln!(out, "            {line}")?;
    }
    if lines.len() > STREAM_LINES {
        writeln!(
            out,
            "            ({} more lines; --trace shows them)",
            lines.len() - STREAM_LINES
        )?;
    }
    Ok(())
}

/// What each plugin wrote on stderr, successful calls included (a warning is evidence):
/// `steps` pairs each plugin step with its operation.
pub fn step_stderr<'a>(
    out: &mut dyn Write,
    color: bool,
    steps: impl IntoIterator<Item = (&'a str, &'a Step)>,
) -> io::Result<()> {
    let mut header = false;
    for (op, step) in steps {
        let Some(stderr) = step.stderr.as_deref().filter(|e| !e.trim().is_empty()) else {
            continue;
        };
        if !header {
            header = true;
            writeln!(out, "\n{}", paint(color, "Plugin stderr", Paint::new().bold().underline()))?;
        }
        writeln!(out, "  {} {} ({op})", step.index + 1, step.plugin_type)?;
        stream(out, "", stderr)?;
    }
    Ok(())
}

pub fn config_lines(out: &mut dyn Write, config: &ConfigSummary) -> io::Result<()> {
    let version = if config.cni_version.is_empty() { "(none: 0.1.0)" } else { &config.cni_version };
    writeln!(
        out,
        "  config     {} ({}, cniVersion {version})",
        config.file.display(),
        match config.format {
            crate::config::Format::Conflist => "list",
            crate::config::Format::Conf => "single plugin, up-converted",
        }
    )?;
    if !config.skipped.is_empty() {
        let mut names: Vec<String> = config
            .skipped
            .iter()
            .take(4)
            .map(|s| format!("{} ({})", file_name(&s.file), s.network))
            .collect();
        if config.skipped.len() > 4 {
            names.push(format!("and {} more files before it", config.skipped.len() - 4));
        }
        writeln!(out, "  passed over {}", names.join(", "))?;
    }
    Ok(())
}

pub fn file_name(path: &std::path::Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

pub fn outcome(outcome: Outcome) -> Text {
    match outcome {
        Outcome::Ok => text("ok").fg(Color::Green),
        Outcome::Failed => text("FAILED").fg(Color::Red),
        Outcome::NotRun => text("not run").fg(Color::DarkGrey),
        Outcome::Unsupported => text("UNSUPPORTED").fg(Color::Red),
    }
}

/// The first line of a report: `ADD mynet: ok in 12.3ms`, then where the configuration came
/// from.
pub fn headline(
    out: &mut dyn Write,
    color: bool,
    verb: &str,
    config: &ConfigSummary,
    failed: bool,
    duration_ms: f64,
) -> io::Result<()> {
    let verdict = if failed {
        paint(color, "FAILED", Paint::new().red().bold())
    } else {
        paint(color, "ok", Paint::new().green().bold())
    };
    let verb = paint(color, &verb.to_uppercase(), Paint::new().bold());
    writeln!(out, "{verb} {}: {verdict} in {duration_ms:.1}ms", config.network)?;
    config_lines(out, config)
}

/// The parts of an error that the one-line message on stderr does not carry.
pub fn error_details(out: &mut dyn Write, error: &ErrorReport, color: bool) -> io::Result<()> {
    let head = paint(color, "error:", Paint::new().red().bold());
    match (&error.plugin, error.index) {
        (Some(plugin), Some(index)) => {
            writeln!(out, "\n{head} plugin {} ({plugin}): {}", index + 1, error.kind)?
        }
        _ => writeln!(out, "\n{head} {}", error.kind)?,
    }
    if error.kind == ErrorKind::UnsupportedVersion {
        // The message is the diagnosis; the code and msg below are the answer it explains.
        writeln!(out, "  why       {}", error.message)?;
    }
    if let Some(cni) = &error.cni_error {
        writeln!(out, "  code      {} ({})", cni.code, cni.meaning)?;
        writeln!(out, "  msg       {}", cni.msg)?;
        if !cni.details.is_empty() {
            writeln!(out, "  details   {}", cni.details)?;
        }
    }
    if let Some(exit) = &error.exit {
        writeln!(out, "  exit      {exit}")?;
    }
    if let Some(stderr) = error.stderr.as_deref().filter(|e| !e.trim().is_empty()) {
        stream(out, "stderr", stderr)?;
    }
    if let Some(stdout) = error.stdout.as_deref().filter(|o| !o.trim().is_empty()) {
        stream(out, "stdout", stdout)?;
    }
    if let Some(hint) = &error.hint {
        writeln!(out, "  {} {hint}", paint(color, "hint:", Paint::new().bold()))?;
    }
    Ok(())
}

/// Interfaces, addresses, routes and DNS of a result.
pub fn cni_result(
    out: &mut dyn Write,
    style: &Style,
    r: &CniResult,
    label: &str,
) -> io::Result<()> {
    let color = style.color;
    writeln!(
        out,
        "\n{} (cniVersion {})",
        paint(color, label, Paint::new().bold().underline()),
        r.cni_version
    )?;
    if !r.interfaces.is_empty() {
        let rows = r
            .interfaces
            .iter()
            .enumerate()
            .map(|(i, iface)| {
                vec![
                    i.to_string(),
                    iface.name.clone(),
                    iface.mac.clone(),
                    if iface.mtu == 0 { String::new() } else { iface.mtu.to_string() },
                    if iface.sandbox.is_empty() { "(host)".into() } else { iface.sandbox.clone() },
                    iface.socket_path.clone(),
                    iface.pci_id.clone(),
                ]
            })
            .collect();
        let cols = [
            Col::new("#").keep().priority(2),
            Col::new("interface").keep().priority(2),
            Col::new("mac").keep().priority(1),
            Col::new("mtu").keep(),
            Col::new("sandbox").tail().priority(1),
            Col::new("socket").tail(),
            Col::new("pci").keep(),
        ];
        rows_of(style, cols, rows).put(out)?;
    }
    if !r.ips.is_empty() {
        let rows = r
            .ips
            .iter()
            .map(|ip| {
                let iface = ip
                    .interface
                    .map(|i| {
                        let name =
                            r.interfaces.get(i as usize).map(|f| f.name.as_str()).unwrap_or("?");
                        format!("{i} ({name})")
                    })
                    .unwrap_or_default();
                vec![ip.address.clone(), ip.gateway.clone(), iface]
            })
            .collect();
        let cols = [Col::new("address").keep(), Col::new("gateway").keep(), Col::new("interface")];
        rows_of(style, cols, rows).put(out)?;
    }
    if !r.routes.is_empty() {
        let num = |n: u64| if n == 0 { String::new() } else { n.to_string() };
        let rows = r
            .routes
            .iter()
            .map(|route| {
                vec![
                    route.dst.clone(),
                    route.gw.clone(),
                    num(route.mtu),
                    num(route.advmss),
                    num(route.priority),
                    route.table.map(|n| n.to_string()).unwrap_or_default(),
                    route.scope.map(|n| n.to_string()).unwrap_or_default(),
                ]
            })
            .collect();
        let cols = ["route", "via", "mtu", "advmss", "priority", "table", "scope"];
        rows_of(style, cols.map(|c| Col::new(c).keep()), rows).put(out)?;
    }
    let dns = &r.dns;
    if !dns.nameservers.is_empty() {
        writeln!(out, "  dns nameservers {}", dns.nameservers.join(", "))?;
    }
    if !dns.domain.is_empty() {
        writeln!(out, "  dns domain {}", dns.domain)?;
    }
    if !dns.search.is_empty() {
        writeln!(out, "  dns search {}", dns.search.join(", "))?;
    }
    if !dns.options.is_empty() {
        writeln!(out, "  dns options {}", dns.options.join(", "))?;
    }
    Ok(())
}

/// A grid of plain text rows without the columns that are empty in every row.
fn rows_of(style: &Style, cols: impl IntoIterator<Item = Col>, rows: Vec<Vec<String>>) -> Grid {
    let mut t = Grid::new(style, cols).hide_empty();
    for row in rows {
        t.row(row);
    }
    t
}

/// A table of plugin steps: position, type, outcome, time.
pub fn steps(style: &Style, outcome_header: &str, steps: &[crate::exec::chain::Step]) -> Grid {
    let cols = [
        Col::new("#").keep(),
        Col::new("plugin").keep(),
        Col::new(outcome_header).keep(),
        Col::new("time").keep(),
    ];
    let mut t = Grid::new(style, cols);
    for step in steps {
        t.row([
            text(step.index + 1),
            text(&step.plugin_type),
            outcome(step.outcome),
            text(format!("{:.1}ms", step.duration_ms)),
        ]);
    }
    t
}
