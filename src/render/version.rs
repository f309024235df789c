//! The table of `version`.

use std::io::{self, Write};

use comfy_table::Color;
use owo_colors::Style as Paint;

use super::table::*;
use super::{paint, Render, Style};
use crate::report::VersionReport;

impl Render for VersionReport {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        version(out, self, style)
    }
}

/// Renders `version`.
pub fn version(out: &mut dyn Write, report: &VersionReport, style: &Style) -> io::Result<()> {
    let color = style.color;
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
    // The binary's path keeps its end: the directory is the likelier part to know.
    let cols = [
        Col::new("#").keep().priority(3),
        Col::new("plugin").keep().priority(3),
        Col::new("role").keep().priority(1),
        Col::new(format!("{selected}?")).keep().priority(2),
        Col::new("supported versions").wrap(),
        Col::new("binary").tail(),
    ];
    let mut t = Grid::new(style, cols);
    for answer in &report.plugins {
        let verdict = match &answer.error {
            Some(_) => ("error", Color::Red),
            None if answer.supports_selected => ("yes", Color::Green),
            None => ("NO", Color::Red),
        };
        t.row([
            text(answer.index + 1),
            text(&answer.plugin_type),
            text(answer.role),
            text(verdict.0).fg(verdict.1),
            text(answer.supported_versions.join(" ")),
            text(
                answer
                    .path
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| "(not found)".into()),
            ),
        ]);
    }
    t.put(out)?;
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
