//! The table of `gc`.

use std::io::{self, Write};

use owo_colors::Style as Paint;

use super::table::*;
use super::{paint, Render, Style};
use crate::report::gc::GcReport;

impl Render for GcReport {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        gc(out, self, style)
    }
}

/// Renders `gc`.
pub fn gc(out: &mut dyn Write, r: &GcReport, style: &Style) -> io::Result<()> {
    let color = style.color;
    let mode = if r.applied { "applied" } else { "dry run (--apply to do it)" };
    writeln!(out, "{} {}: {mode}", paint(color, "GC", Paint::new().bold()), r.config.network)?;
    config_lines(out, &r.config)?;
    let valid: Vec<String> = r.valid.iter().map(|(c, i)| format!("{c}/{i}")).collect();
    writeln!(
        out,
        "  valid      {}",
        if valid.is_empty() { "(none)".into() } else { valid.join(", ") }
    )?;
    let cols = [
        Col::new("container").head().priority(2),
        Col::new("ifname").keep().priority(2),
        Col::new("netns").tail(),
        Col::new("verdict").wrap().priority(1),
    ];
    let mut t = Grid::new(style, cols).hide_empty();
    for a in &r.attachments {
        t.row([a.container_id.clone(), a.ifname.clone(), a.netns.clone(), a.verdict.to_string()]);
    }
    t.section(out, "Cached attachments")?;
    if !r.gc.is_empty() {
        steps(style, "GC", &r.gc).section(out, "GC")?;
    } else if r.gc_sent && !r.applied {
        writeln!(out, "\nGC would be sent to: {}", r.config.plugins.join(", "))?;
    }
    for error in &r.errors {
        error_details(out, error, color)?;
    }
    notes(out, color, &r.notes)?;
    Ok(())
}
