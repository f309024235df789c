//! The table of `status`.

use std::io::{self, Write};

use owo_colors::Style as Paint;

use super::table::*;
use super::{paint, Render, Style};
use crate::report::status::{Health, StatusReport};

impl Render for StatusReport {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        status(out, self, style)
    }
}

/// Renders `status`.
pub fn status(out: &mut dyn Write, r: &StatusReport, style: &Style) -> io::Result<()> {
    let color = style.color;
    let verdict = match r.verdict {
        Health::Available => Paint::new().green().bold(),
        Health::NotAsked => Paint::new().yellow().bold(),
        _ => Paint::new().red().bold(),
    };
    writeln!(
        out,
        "{} {}: {}",
        paint(color, "STATUS", Paint::new().bold()),
        r.config.network,
        paint(color, r.verdict.as_str(), verdict)
    )?;
    config_lines(out, &r.config)?;
    if !r.plugins.is_empty() {
        steps(style, "outcome", &r.plugins).section(out, "Plugins")?;
    }
    for error in &r.errors {
        error_details(out, error, color)?;
    }
    notes(out, color, &r.notes)?;
    Ok(())
}
