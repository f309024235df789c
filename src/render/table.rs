//! Readable tables for people at a terminal: what ran, how each plugin fared and how long it
//! took, and the result (interfaces, addresses, routes, DNS).

use std::io::{self, Write};

use comfy_table::{presets, Cell, Color, ContentArrangement, Table};
use owo_colors::Style as Paint;

use super::paint;
use crate::exec::chain::Outcome;
use crate::report::{ConfigSummary, ErrorReport};
use crate::spec::result::CniResult;

pub fn table(color: bool, header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING).set_content_arrangement(ContentArrangement::Dynamic);
    // Wrap long cells at the terminal's width, or at 120 columns when there is no terminal
    // (a pipe, a CI log), so rows stay readable.
    let width = t.width().or_else(|| std::env::var("COLUMNS").ok()?.parse().ok()).unwrap_or(120);
    t.set_width(width);
    if color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    t.set_header(header.iter().map(|h| Cell::new(h).add_attribute(comfy_table::Attribute::Bold)));
    t
}

/// A table of plain text without the columns that are empty in every row.
pub fn sparse(color: bool, header: &[&str], rows: Vec<Vec<String>>) -> Table {
    let keep: Vec<usize> = (0..header.len())
        .filter(|&c| rows.iter().any(|r| r.get(c).is_some_and(|v| !v.is_empty())))
        .collect();
    let mut t = table(color, &keep.iter().map(|&c| header[c]).collect::<Vec<_>>());
    for row in rows {
        t.add_row(
            keep.iter().map(|&c| row.get(c).cloned().unwrap_or_default()).collect::<Vec<_>>(),
        );
    }
    t
}

pub fn section(out: &mut dyn Write, color: bool, title: &str, t: &Table) -> io::Result<()> {
    writeln!(out, "\n{}", paint(color, title, Paint::new().bold().underline()))?;
    put(out, t)
}

/// The notes of a report, one a line.
pub fn notes(out: &mut dyn Write, color: bool, notes: &[String]) -> io::Result<()> {
    for note in notes {
        writeln!(out, "{} {note}", paint(color, "note:", Paint::new().yellow().bold()))?;
    }
    Ok(())
}

/// Writes a table without the padding comfy-table leaves at the end of each line.
pub fn put(out: &mut dyn Write, t: &Table) -> io::Result<()> {
    for line in t.to_string().lines() {
        writeln!(out, "{}", line.trim_end())?;
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

pub fn outcome_cell(color: bool, outcome: Outcome) -> Cell {
    let (text, fg) = match outcome {
        Outcome::Ok => ("ok", Color::Green),
        Outcome::Failed => ("FAILED", Color::Red),
        Outcome::NotRun => ("not run", Color::DarkGrey),
    };
    let cell = Cell::new(text);
    if color {
        cell.fg(fg)
    } else {
        cell
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
    if let Some(stderr) = &error.stderr {
        writeln!(out, "  stderr    {}", stderr.trim_end().replace('\n', "\n            "))?;
    }
    if let Some(hint) = &error.hint {
        writeln!(out, "  {} {hint}", paint(color, "hint:", Paint::new().bold()))?;
    }
    Ok(())
}

/// Interfaces, addresses, routes and DNS of a result.
pub fn result_tables(
    out: &mut dyn Write,
    r: &CniResult,
    label: &str,
    color: bool,
) -> io::Result<()> {
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
        let t = sparse(color, &["#", "interface", "mac", "mtu", "sandbox", "socket", "pci"], rows);
        put(out, &t)?;
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
        put(out, &sparse(color, &["address", "gateway", "interface"], rows))?;
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
        let header = ["route", "via", "mtu", "advmss", "priority", "table", "scope"];
        put(out, &sparse(color, &header, rows))?;
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

/// A table of plugin steps: position, type, outcome, time.
pub fn steps(color: bool, outcome: &str, steps: &[crate::exec::chain::Step]) -> Table {
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
