//! Tables for `conf ls`, `conf show` and `conf lint`.

use std::io::{self, Write};

use comfy_table::{Cell, Color};
use owo_colors::Style as Paint;

use super::table::{config_lines, file_name, notes, put, section, table};
use super::{paint, Render, Style};
use crate::report::conf::{LintReport, ShowReport, Survey};

impl Render for Survey {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        conf_ls(out, self, style.color)
    }

    /// The networks of the files that load, in the order the runtimes read them.
    fn names(&self) -> Option<Vec<String>> {
        Some(self.files.iter().filter_map(|f| f.network.clone()).collect())
    }
}

impl Render for ShowReport {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        conf_show(out, self, style.color)
    }
}

impl Render for LintReport {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        conf_lint(out, self, style.color)
    }
}

/// Renders `conf ls`.
pub fn conf_ls(out: &mut dyn Write, survey: &Survey, color: bool) -> io::Result<()> {
    writeln!(out, "{} {}", paint(color, "conf dir", Paint::new().bold()), survey.dir.display())?;
    let mut t = table(color, &["#", "file", "format", "network", "version", "plugins", "status"]);
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
        let mut status_cell = Cell::new(f.status);
        if color {
            status_cell = status_cell.fg(if f.status == "ok" { Color::Green } else { Color::Red });
        }
        t.add_row(vec![
            Cell::new(f.position),
            Cell::new(file_name(&f.file)),
            Cell::new(format),
            Cell::new(f.network.clone().unwrap_or_default()),
            Cell::new(f.cni_version.clone().unwrap_or_default()),
            Cell::new(plugins),
            status_cell,
        ]);
    }
    put(out, &t)?;
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
    let mut t = table(color, &["runtime", "default network", "file", "why"]);
    for pick in &survey.picks {
        t.add_row(vec![
            pick.runtime.to_string(),
            pick.network.clone().unwrap_or_else(|| "-".into()),
            pick.file.as_deref().map(file_name).unwrap_or_default(),
            pick.reason.clone(),
        ]);
    }
    section(out, color, "Default network, as each runtime picks it", &t)?;
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
pub fn conf_show(out: &mut dyn Write, r: &ShowReport, color: bool) -> io::Result<()> {
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
    let mut t = table(color, &["#", "plugin", "ipam", "capabilities", "from"]);
    for p in &r.plugins {
        t.add_row(vec![
            (p.index + 1).to_string(),
            p.plugin_type.clone(),
            p.ipam.clone().unwrap_or_default(),
            p.capabilities.join(", "),
            format!("{} ({})", p.file.display(), p.source),
        ]);
    }
    section(out, color, "Plugins", &t)?;
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
pub fn conf_lint(out: &mut dyn Write, r: &LintReport, color: bool) -> io::Result<()> {
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
