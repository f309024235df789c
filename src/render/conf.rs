//! Tables for `conf ls`, `conf show` and `conf lint`.

use std::io::{self, Write};

use comfy_table::Color;
use owo_colors::Style as Paint;

use super::table::{config_lines, file_name, notes, text, Col, Grid};
use super::{paint, Render, Style};
use crate::report::conf::{LintReport, ShowReport, Survey};

impl Render for Survey {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        conf_ls(out, self, style)
    }

    /// The networks of the files that load, in the order the runtimes read them.
    fn names(&self) -> Option<Vec<String>> {
        Some(self.files.iter().filter_map(|f| f.network.clone()).collect())
    }
}

impl Render for ShowReport {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        conf_show(out, self, style)
    }
}

impl Render for LintReport {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        conf_lint(out, self, style)
    }
}

/// Renders `conf ls`.
pub fn conf_ls(out: &mut dyn Write, survey: &Survey, style: &Style) -> io::Result<()> {
    let color = style.color;
    writeln!(out, "{} {}", paint(color, "conf dir", Paint::new().bold()), survey.dir.display())?;
    // The file is what a reader greps for and opens: never cut. The chain wraps between
    // plugins, the status is the verdict.
    let cols = [
        Col::new("#").keep().priority(3),
        Col::new("file").keep().priority(3),
        Col::new("format").wrap().priority(1),
        Col::new("network").keep().priority(2),
        Col::new("version").keep().priority(1),
        Col::new("plugins").wrap(),
        Col::new("status").keep().priority(2),
    ];
    let mut t = Grid::new(style, cols);
    for f in &survey.files {
        let format = match (&f.mismatch, f.body) {
            (Some(_), "list") => format!("LIST in .{}", f.extension),
            (Some(_), _) => "SINGLE in .conflist".to_string(),
            (None, "list") => "conflist".into(),
            (None, "single") => "conf".into(),
            (None, _) => "?".into(),
        };
        let mut plugins = f.plugins.join(" > ");
        if !f.drop_ins.is_empty() {
            plugins.push_str(&format!(" (+{} drop-in)", f.drop_ins.len()));
        }
        let color = match f.status {
            "ok" => Color::Green,
            "warnings" => Color::Yellow,
            _ => Color::Red,
        };
        let status = text(f.status).fg(color);
        t.row([
            text(f.position),
            text(file_name(&f.file)),
            text(format),
            text(f.network.clone().unwrap_or_default()),
            text(f.cni_version.clone().unwrap_or_default()),
            text(plugins),
            status,
        ]);
    }
    t.put(out)?;
    for f in &survey.files {
        // A mismatch explains the load error it causes; one line is enough.
        let reason =
            if f.mismatch.is_some() && f.status == "invalid" { None } else { f.reason.as_ref() };
        for text in f.mismatch.iter().chain(reason) {
            writeln!(out, "  {} {}: {text}", f.position, file_name(&f.file))?;
        }
    }
    for ignored in &survey.ignored {
        writeln!(out, "  ignored by every runtime: {}", file_name(ignored))?;
    }
    let cols = [
        Col::new("runtime").keep().priority(2),
        Col::new("default network").wrap().priority(2),
        Col::new("file").keep().priority(1),
        Col::new("why").wrap(),
    ];
    let mut t = Grid::new(style, cols);
    for pick in &survey.picks {
        t.row([
            pick.runtime.to_string(),
            pick.network.clone().unwrap_or_else(|| "-".into()),
            pick.file.as_deref().map(file_name).unwrap_or_default(),
            pick.reason.clone(),
        ]);
    }
    t.section(out, "Default network, as each runtime picks it")?;
    if survey.offline {
        writeln!(
            out,
            "{} plugins were not asked VERSION (--offline)",
            paint(color, "note:", Paint::new().yellow().bold())
        )?;
    }
    Ok(())
}

/// Renders `conf show`.
pub fn conf_show(out: &mut dyn Write, r: &ShowReport, style: &Style) -> io::Result<()> {
    let color = style.color;
    writeln!(out, "{} {}", paint(color, "network", Paint::new().bold()), r.config.network)?;
    config_lines(out, &r.config)?;
    writeln!(
        out,
        "  version    {} ({})",
        if r.config.cni_version.is_empty() { "0.1.0" } else { &r.config.cni_version },
        r.version_reason
    )?;
    let flags: Vec<&str> = [
        (r.disable_check, "disableCheck"),
        (r.disable_gc, "disableGC"),
        (r.load_only_inlined_plugins, "loadOnlyInlinedPlugins"),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, name)| *name)
    .collect();
    if !flags.is_empty() {
        writeln!(out, "  flags      {}", flags.join(", "))?;
    }
    let cols = [
        Col::new("#").keep().priority(2),
        Col::new("plugin").keep().priority(2),
        Col::new("ipam").keep().priority(1),
        Col::new("capabilities").wrap(),
        Col::new("from").wrap(),
    ];
    let mut t = Grid::new(style, cols);
    for p in &r.plugins {
        t.row([
            (p.index + 1).to_string(),
            p.plugin_type.clone(),
            p.ipam.clone().unwrap_or_default(),
            p.capabilities.join(", "),
            format!("{} ({})", p.file.display(), p.source),
        ]);
    }
    t.section(out, "Plugins")?;
    if r.plugins.iter().any(|p| !p.capability_runtimes.is_empty()) {
        let cols = [
            Col::new("#").keep().priority(2),
            Col::new("plugin").keep().priority(2),
            Col::new("capability").keep().priority(2),
            Col::new("passed by").wrap(),
        ];
        let mut t = Grid::new(style, cols);
        for p in &r.plugins {
            for cap in &p.capability_runtimes {
                t.row([
                    (p.index + 1).to_string(),
                    p.plugin_type.clone(),
                    cap.name.clone(),
                    cap.passed_by.join(", "),
                ]);
            }
        }
        t.section(out, "Capabilities, and the runtimes that pass them")?;
    }
    if let Some(request) = &r.request {
        for p in &r.plugins {
            if let Some(stdin) = &p.stdin {
                let title =
                    format!("{request} stdin of plugin {} ({})", p.index + 1, p.plugin_type);
                writeln!(out, "\n{}", paint(color, &title, Paint::new().bold().underline()))?;
                writeln!(out, "{}", serde_json::to_string_pretty(stdin).unwrap_or_default())?;
            }
        }
    }
    notes(out, color, &r.notes)?;
    Ok(())
}

/// Renders `conf lint`.
pub fn conf_lint(out: &mut dyn Write, r: &LintReport, style: &Style) -> io::Result<()> {
    let color = style.color;
    use crate::diagnose::lint::Severity;
    for d in &r.diagnostics {
        let (label, style) = match d.severity {
            Severity::Error => ("error", Paint::new().red().bold()),
            Severity::Warning => ("warning", Paint::new().yellow().bold()),
            Severity::Info => ("info", Paint::new().cyan()),
        };
        let mut place = d.file.as_ref().map(|f| f.display().to_string()).unwrap_or_default();
        if let (Some(line), Some(col)) = (d.line, d.column) {
            place.push_str(&format!(":{line}:{col}"));
        }
        writeln!(out, "{place}: {}[{}]: {}", paint(color, label, style), d.code, d.message)?;
        writeln!(out, "  fix: {}", d.fix)?;
    }
    writeln!(out, "{}: {} error(s), {} warning(s)", r.target.display(), r.errors, r.warnings)
}
