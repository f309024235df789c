//! Tables for the node's state: `status`, `gc`, `cache`, `ipam leases`.

use std::io::{self, Write};

use comfy_table::{Cell, Color, Table};
use owo_colors::Style as Paint;
use serde_json::Value;

use super::paint;
use super::table::{
    config_lines, error_details, file_name, notes, outcome_cell, put, result_tables, section,
    sparse, table,
};
use crate::spec::result::CniResult;

/// A table of plugin steps: position, type, outcome, time.
fn steps(color: bool, outcome: &str, steps: &[crate::exec::chain::Step]) -> Table {
    let mut t = table(color, &["#", "plugin", outcome, "time"]);
    for step in steps {
        t.add_row(vec![
            Cell::new(step.index + 1),
            Cell::new(&step.plugin_type),
            outcome_cell(color, step.outcome),
            Cell::new(format!("{:.1}ms", step.duration_ms)),
        ]);
    }
    t
}

/// Renders `status`.
pub fn status(
    out: &mut dyn Write,
    r: &crate::commands::status::StatusReport,
    color: bool,
) -> io::Result<()> {
    let style = match r.verdict {
        "available" => Paint::new().green().bold(),
        "not asked" => Paint::new().yellow().bold(),
        _ => Paint::new().red().bold(),
    };
    writeln!(
        out,
        "{} {}: {}",
        paint(color, "STATUS", Paint::new().bold()),
        r.config.network,
        paint(color, r.verdict, style)
    )?;
    config_lines(out, &r.config)?;
    if !r.plugins.is_empty() {
        section(out, color, "Plugins", &steps(color, "outcome", &r.plugins))?;
    }
    for error in &r.errors {
        error_details(out, error, color)?;
    }
    notes(out, color, &r.notes)?;
    Ok(())
}

fn age(seconds: Option<u64>) -> String {
    match seconds {
        None => String::new(),
        Some(s) if s < 120 => format!("{s}s"),
        Some(s) if s < 7200 => format!("{}m", s / 60),
        Some(s) if s < 172_800 => format!("{}h", s / 3600),
        Some(s) => format!("{}d", s / 86_400),
    }
}

/// Renders `cache ls`.
pub fn cache_ls(
    out: &mut dyn Write,
    r: &crate::commands::cache::CacheReport,
    color: bool,
) -> io::Result<()> {
    writeln!(out, "{} {}", paint(color, "cache", Paint::new().bold()), r.dir.display())?;
    let rows = r
        .entries
        .iter()
        .map(|e| {
            let netns = match (&e.netns, e.netns_exists) {
                (Some(n), Some(true)) => n.clone(),
                (Some(n), _) => format!("{n} (gone)"),
                (None, _) => String::new(),
            };
            let state = match &e.problem {
                Some(p) => format!("{}: {p}", e.state.to_uppercase()),
                None => e.state.to_string(),
            };
            vec![
                e.network.clone().unwrap_or_else(|| file_name(&e.file)),
                e.container_id.clone().unwrap_or_default(),
                e.ifname.clone().unwrap_or_default(),
                netns,
                e.addresses.join(" "),
                age(e.age_seconds),
                state,
            ]
        })
        .collect();
    let t = sparse(
        color,
        &["network", "container", "ifname", "netns", "addresses", "age", "state"],
        rows,
    );
    put(out, &t)?;
    writeln!(out, "{} entries", r.entries.len())
}

/// Renders `cache show`.
pub fn cache_show(
    out: &mut dyn Write,
    d: &crate::commands::cache::EntryDetail,
    color: bool,
) -> io::Result<()> {
    let s = &d.summary;
    writeln!(out, "{} {}", paint(color, "entry", Paint::new().bold()), s.file.display())?;
    let line = |out: &mut dyn Write, k: &str, v: Option<&String>| -> io::Result<()> {
        if let Some(v) = v {
            writeln!(out, "  {k:<12}{v}")?;
        }
        Ok(())
    };
    line(
        out,
        "state",
        Some(
            &s.problem
                .clone()
                .map(|p| format!("{}: {p}", s.state))
                .unwrap_or_else(|| s.state.into()),
        ),
    )?;
    line(out, "network", s.network.as_ref())?;
    line(out, "container", s.container_id.as_ref())?;
    line(out, "ifname", s.ifname.as_ref())?;
    let netns = s.netns.as_ref().map(|n| {
        if s.netns_exists == Some(true) {
            n.clone()
        } else {
            format!("{n} (gone)")
        }
    });
    line(out, "netns", netns.as_ref())?;
    if !d.cni_args.is_empty() {
        writeln!(out, "  CNI_ARGS    {}", crate::spec::args::join(&d.cni_args))?;
    }
    if !d.capability_args.is_empty() {
        writeln!(out, "  capability args {}", Value::Object(d.capability_args.clone()))?;
    }
    if let Some(config) = &d.config {
        writeln!(
            out,
            "\n{}",
            paint(color, "Configuration (decoded)", Paint::new().bold().underline())
        )?;
        writeln!(out, "{}", serde_json::to_string_pretty(config).unwrap_or_default())?;
    }
    if let Some(result) = d.result.as_ref().and_then(|v| CniResult::from_value(v, "").ok()) {
        result_tables(out, &result, "Result", color)?;
    }
    Ok(())
}

/// Renders `gc`.
pub fn gc(out: &mut dyn Write, r: &crate::commands::gc::GcReport, color: bool) -> io::Result<()> {
    let mode = if r.applied { "applied" } else { "dry run (--apply to do it)" };
    writeln!(out, "{} {}: {mode}", paint(color, "GC", Paint::new().bold()), r.config.network)?;
    config_lines(out, &r.config)?;
    let valid: Vec<String> = r.valid.iter().map(|(c, i)| format!("{c}/{i}")).collect();
    writeln!(
        out,
        "  valid      {}",
        if valid.is_empty() { "(none)".into() } else { valid.join(", ") }
    )?;
    let rows = r
        .attachments
        .iter()
        .map(|a| {
            vec![a.container_id.clone(), a.ifname.clone(), a.netns.clone(), a.verdict.to_string()]
        })
        .collect();
    section(
        out,
        color,
        "Cached attachments",
        &sparse(color, &["container", "ifname", "netns", "verdict"], rows),
    )?;
    if !r.gc.is_empty() {
        section(out, color, "GC", &steps(color, "GC", &r.gc))?;
    } else if r.gc_sent && !r.applied {
        writeln!(out, "\nGC would be sent to: {}", r.config.plugins.join(", "))?;
    }
    for error in &r.errors {
        error_details(out, error, color)?;
    }
    notes(out, color, &r.notes)?;
    Ok(())
}

/// Renders `ipam leases`.
pub fn leases(
    out: &mut dyn Write,
    r: &crate::commands::ipam::LeaseReport,
    color: bool,
) -> io::Result<()> {
    for lease in &r.released {
        writeln!(out, "released {} ({})", lease.ip, lease.file.display())?;
    }
    let mut t = table(color, &["network", "ip", "container", "ifname", "state", "why"]);
    for l in &r.leases {
        let mut state = Cell::new(if l.stale { "STALE" } else { "in use" });
        if color {
            state = state.fg(if l.stale { Color::Red } else { Color::Green });
        }
        t.add_row(vec![
            Cell::new(&l.network),
            Cell::new(&l.ip),
            Cell::new(&l.container_id),
            Cell::new(&l.ifname),
            state,
            Cell::new(&l.why),
        ]);
    }
    put(out, &t)?;
    let stale = r.leases.iter().filter(|l| l.stale).count();
    writeln!(out, "{} leases, {stale} stale", r.leases.len())?;
    notes(out, color, &r.notes)?;
    Ok(())
}
