//! The table of `version`.

use std::io::{self, Write};

use comfy_table::{Cell, Color};
use owo_colors::Style as Paint;

use super::table::*;
use super::{paint, Render, Style};
use crate::report::VersionReport;

impl Render for VersionReport {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        version(out, self, style.color)
    }
}

/// Renders `version`.
pub fn version(out: &mut dyn Write, report: &VersionReport, color: bool) -> io::Result<()> {
    let verdict = if report.ok {
        paint(color, "ok", Paint::new().green().bold())
    } else {
        paint(color, "PROBLEM", Paint::new().red().bold())
    };
    writeln!(
        out,
        "{} {}: {verdict}",
        paint(color, "VERSION", Paint::new().bold()),
        report.config.network
    )?;
    config_lines(out, &report.config)?;
    let selected = &report.config.cni_version;
    let mut t = table(color, &["#", "plugin", "role", "supports ", "supported versions", "binary"]);
    t.set_header(vec![
        "#",
        "plugin",
        "role",
        &format!("{selected}?"),
        "supported versions",
        "binary",
    ]);
    for answer in &report.plugins {
        let verdict = match &answer.error {
            Some(_) => ("error", Color::Red),
            None if answer.supports_selected => ("yes", Color::Green),
            None => ("NO", Color::Red),
        };
        let mut cell = Cell::new(verdict.0);
        if color {
            cell = cell.fg(verdict.1);
        }
        t.add_row(vec![
            Cell::new(answer.index + 1),
            Cell::new(&answer.plugin_type),
            Cell::new(answer.role),
            cell,
            Cell::new(answer.supported_versions.join(" ")),
            Cell::new(
                answer
                    .path
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| "(not found)".into()),
            ),
        ]);
    }
    put(out, &t)?;
    for answer in &report.plugins {
        if let Some(error) = &answer.error {
            writeln!(
                out,
                "{} {}: {error}",
                paint(color, "error:", Paint::new().red().bold()),
                answer.plugin_type
            )?;
        }
    }
    notes(out, color, &report.notes)?;
    Ok(())
}
