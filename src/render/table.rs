//! Readable tables for people at a terminal: what ran, how each plugin fared and how long it
//! took, and the result (interfaces, addresses, routes, DNS).

use std::io::{self, Write};

use comfy_table::{presets, Cell, Color, ContentArrangement, Table};
use owo_colors::Style as Paint;
use serde_json::Value;

use super::paint;
use crate::exec::chain::Outcome;
use crate::report::{AttachmentReport, ConfigSummary, ErrorReport, RunReport, VersionReport};
use crate::spec::result::CniResult;

fn table(color: bool, header: &[&str]) -> Table {
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
fn sparse(color: bool, header: &[&str], rows: Vec<Vec<String>>) -> Table {
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

fn section(out: &mut dyn Write, color: bool, title: &str, t: &Table) -> io::Result<()> {
    writeln!(out, "\n{}", paint(color, title, Paint::new().bold().underline()))?;
    put(out, t)
}

/// Writes a table without the padding comfy-table leaves at the end of each line.
fn put(out: &mut dyn Write, t: &Table) -> io::Result<()> {
    for line in t.to_string().lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

fn config_lines(out: &mut dyn Write, config: &ConfigSummary) -> io::Result<()> {
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

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn outcome_cell(color: bool, outcome: Outcome) -> Cell {
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

/// Renders `add`, `check` and `del`.
pub fn attachment(out: &mut dyn Write, report: &AttachmentReport, color: bool) -> io::Result<()> {
    let verdict = if report.error.is_some() {
        paint(color, "FAILED", Paint::new().red().bold())
    } else {
        paint(color, "ok", Paint::new().green().bold())
    };
    writeln!(
        out,
        "{} {}: {verdict} in {:.1}ms",
        paint(color, &report.command.to_uppercase(), Paint::new().bold()),
        report.config.network,
        report.duration_ms
    )?;
    config_lines(out, &report.config)?;
    writeln!(out, "  namespace  {}", report.netns)?;
    writeln!(out, "  container  {}  ifname {}", report.container_id, report.ifname)?;
    if !report.cni_args.is_empty() {
        writeln!(out, "  CNI_ARGS   {}", crate::spec::args::join(&report.cni_args))?;
    }
    if !report.capability_args.is_empty() {
        writeln!(out, "  capability args {}", Value::Object(report.capability_args.clone()))?;
    }

    if !report.plugins.is_empty() {
        let mut t = table(color, &["#", "plugin", "outcome", "time", "runtimeConfig"]);
        for step in &report.plugins {
            t.add_row(vec![
                Cell::new(step.index + 1),
                Cell::new(&step.plugin_type),
                outcome_cell(color, step.outcome),
                Cell::new(if step.outcome == Outcome::NotRun {
                    String::new()
                } else {
                    format!("{:.1}ms", step.duration_ms)
                }),
                Cell::new(step.runtime_config.join(", ")),
            ]);
        }
        section(out, color, "Plugins", &t)?;
    }

    if let Some(value) = &report.result {
        let label = if report.command == "add" { "Result" } else { "Cached result" };
        if let Ok(result) = CniResult::from_value(value, "") {
            result_tables(out, &result, label, color)?;
        }
    }
    if let Some(cache) = &report.cache {
        writeln!(out, "\ncache: {} {}", cache.action, cache.path.display())?;
    }
    for note in &report.notes {
        writeln!(out, "{} {note}", paint(color, "note:", Paint::new().yellow().bold()))?;
    }
    if let Some(error) = &report.error {
        error_details(out, error, color)?;
    }
    Ok(())
}

/// The parts of an error that the one-line message on stderr does not carry.
fn error_details(out: &mut dyn Write, error: &ErrorReport, color: bool) -> io::Result<()> {
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
    for note in &report.notes {
        writeln!(out, "{} {note}", paint(color, "note:", Paint::new().yellow().bold()))?;
    }
    Ok(())
}

/// Renders `run`.
pub fn run(out: &mut dyn Write, report: &RunReport, color: bool) -> io::Result<()> {
    let verdict = if report.error.is_some() {
        paint(color, "FAILED", Paint::new().red().bold())
    } else {
        paint(color, "ok", Paint::new().green().bold())
    };
    writeln!(
        out,
        "{} {}: {verdict} in {:.1}ms",
        paint(color, "RUN", Paint::new().bold()),
        report.config.network,
        report.duration_ms
    )?;
    config_lines(out, &report.config)?;
    if let Some(ns) = &report.netns {
        writeln!(out, "  namespace  {ns}  ifname {}", report.ifname)?;
    }
    if let Some(host) = &report.host_netns {
        writeln!(out, "  sandbox    host namespace {host}, private /var/lib/cni")?;
    }

    let mut t = table(color, &["step", "outcome", "time", "detail"]);
    for step in &report.steps {
        let fg = match step.outcome {
            "ok" => Color::Green,
            "skipped" => Color::DarkGrey,
            _ => Color::Red,
        };
        let mut cell = Cell::new(step.outcome);
        if color {
            cell = cell.fg(fg);
        }
        t.add_row(vec![
            Cell::new(step.name),
            cell,
            Cell::new(format!("{:.1}ms", step.duration_ms)),
            Cell::new(step.detail.clone().unwrap_or_default()),
        ]);
    }
    section(out, color, "Steps", &t)?;

    let mut t = table(color, &["plugin", "ADD", "CHECK", "DEL"]);
    let find = |steps: &[crate::exec::chain::Step], i: usize| {
        steps
            .iter()
            .find(|s| s.index == i)
            .map(|s| match s.outcome {
                Outcome::Ok => format!("ok {:.1}ms", s.duration_ms),
                Outcome::Failed => "FAILED".into(),
                Outcome::NotRun => "not run".into(),
            })
            .unwrap_or_default()
    };
    for (i, plugin) in report.config.plugins.iter().enumerate() {
        t.add_row(vec![
            plugin.clone(),
            find(&report.add, i),
            find(&report.check, i),
            find(&report.del, i),
        ]);
    }
    if !report.add.is_empty() {
        section(out, color, "Plugins", &t)?;
    }

    if let Some(result) = report.result.as_ref().and_then(|v| CniResult::from_value(v, "").ok()) {
        result_tables(out, &result, "Result", color)?;
    }
    if let Some(live) = &report.live {
        let mut t = table(color, &["link", "kind", "state", "mac", "addresses"]);
        for link in &live.links {
            let addrs: Vec<&str> = live
                .addresses
                .iter()
                .filter(|a| a.ifname == link.name && a.scope != "link")
                .map(|a| a.address.as_str())
                .collect();
            t.add_row(vec![
                link.name.clone(),
                link.kind.clone().unwrap_or_default(),
                link.state.clone(),
                link.mac.clone().unwrap_or_default(),
                addrs.join(" "),
            ]);
        }
        section(out, color, "Namespace after ADD (netlink)", &t)?;
    }
    if let Some(cmd) = &report.command_run {
        writeln!(
            out,
            "\n{} {} (exit {:?})",
            paint(color, "Command", Paint::new().bold().underline()),
            cmd.argv.join(" "),
            cmd.exit_code
        )?;
        for line in cmd.stdout.lines().chain(cmd.stderr.lines()) {
            writeln!(out, "  {line}")?;
        }
    }
    if let Some(leaks) = &report.leaks {
        writeln!(
            out,
            "\n{}",
            paint(
                color,
                "Leak check (host side, before ADD vs after DEL)",
                Paint::new().bold().underline()
            )
        )?;
        if leaks.left_behind.is_empty() && leaks.removed.is_empty() {
            writeln!(out, "  nothing left behind")?;
        }
        for leak in &leaks.left_behind {
            let tag = if leak.shared { "shared, kept by design" } else { "LEFT BEHIND" };
            writeln!(
                out,
                "  {} {} {}",
                paint(color, tag, Paint::new().yellow()),
                leak.kind,
                leak.item
            )?;
        }
        for gone in &leaks.removed {
            writeln!(out, "  removed (existed before ADD) {} {}", gone.kind, gone.item)?;
        }
        for note in &leaks.notes {
            writeln!(out, "  {note}")?;
        }
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
    for note in &report.notes {
        writeln!(out, "{} {note}", paint(color, "note:", Paint::new().yellow().bold()))?;
    }
    if let Some(error) = &report.error {
        error_details(out, error, color)?;
    }
    Ok(())
}

/// Renders `netns`.
pub fn netns(
    out: &mut dyn Write,
    report: &crate::commands::netns::NetnsReport,
    list: bool,
    color: bool,
) -> io::Result<()> {
    for line in &report.changed {
        writeln!(out, "{line}")?;
    }
    if list {
        let mut t = table(color, &["namespace", "made by cnictl for", "owner", "state"]);
        for e in &report.namespaces {
            let owner = match (e.owner_pid, e.owner_alive) {
                (Some(pid), true) => format!("pid {pid} (running)"),
                (Some(pid), false) => format!("pid {pid} (gone)"),
                (None, _) => String::new(),
            };
            let state = if e.stale { "stale: netns gc removes it" } else { "" };
            t.add_row(vec![
                e.name.clone(),
                e.made_by_cnictl.clone().unwrap_or_else(|| "-".into()),
                owner,
                state.into(),
            ]);
        }
        put(out, &t)?;
    } else if report.changed.is_empty() {
        writeln!(out, "nothing to do")?;
    }
    Ok(())
}

/// Renders `inspect`.
pub fn inspect(
    out: &mut dyn Write,
    snap: &crate::inspect::Snapshot,
    color: bool,
) -> io::Result<()> {
    if let Some(ns) = &snap.netns {
        writeln!(out, "{} {}", paint(color, "namespace", Paint::new().bold()), ns.display())?;
    }
    let mut t = table(color, &["#", "link", "kind", "state", "mtu", "mac", "peer", "master"]);
    for l in &snap.links {
        let peer = match (l.peer, l.peer_netns_id) {
            (Some(p), Some(ns)) => format!("if{p} in netns id {ns}"),
            (Some(p), None) => snap
                .links
                .iter()
                .find(|x| x.index == p)
                .map(|x| x.name.clone())
                .unwrap_or(format!("if{p}")),
            _ => String::new(),
        };
        t.add_row(vec![
            l.index.to_string(),
            l.name.clone(),
            l.kind.clone().unwrap_or_default(),
            format!("{}{}", l.state, if l.up { "" } else { " (admin down)" }),
            l.mtu.map(|m| m.to_string()).unwrap_or_default(),
            l.mac.clone().unwrap_or_default(),
            peer,
            l.master.clone().unwrap_or_default(),
        ]);
    }
    section(out, color, "Links", &t)?;
    let mut t = table(color, &["address", "link", "scope"]);
    for a in &snap.addresses {
        t.add_row(vec![a.address.clone(), a.ifname.clone(), a.scope.clone()]);
    }
    section(out, color, "Addresses", &t)?;
    let mut t = table(color, &["route", "via", "dev", "table", "scope", "proto", "metric"]);
    for r in snap.routes.iter().filter(|r| r.table != 255) {
        t.add_row(vec![
            r.dst.clone(),
            r.gw.clone().unwrap_or_default(),
            r.dev.clone().unwrap_or_default(),
            if r.table == 254 { "main".into() } else { r.table.to_string() },
            r.scope.clone(),
            r.protocol.clone(),
            r.priority.map(|p| p.to_string()).unwrap_or_default(),
        ]);
    }
    section(out, color, "Routes (local table omitted)", &t)
}

/// Renders `conf ls`.
pub fn conf_ls(
    out: &mut dyn Write,
    survey: &crate::config::survey::Survey,
    color: bool,
) -> io::Result<()> {
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
pub fn conf_show(
    out: &mut dyn Write,
    r: &crate::commands::conf::ShowReport,
    color: bool,
) -> io::Result<()> {
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
    for note in &r.notes {
        writeln!(out, "{} {note}", paint(color, "note:", Paint::new().yellow().bold()))?;
    }
    Ok(())
}

/// Renders `conf lint`.
pub fn conf_lint(
    out: &mut dyn Write,
    r: &crate::commands::conf::LintReport,
    color: bool,
) -> io::Result<()> {
    use crate::config::lint::Severity;
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
    for note in &r.notes {
        writeln!(out, "{} {note}", paint(color, "note:", Paint::new().yellow().bold()))?;
    }
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
    for note in &r.notes {
        writeln!(out, "{} {note}", paint(color, "note:", Paint::new().yellow().bold()))?;
    }
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
    for note in &r.notes {
        writeln!(out, "{} {note}", paint(color, "note:", Paint::new().yellow().bold()))?;
    }
    Ok(())
}
