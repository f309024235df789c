//! Tables for `cache ls`, `cache show` and `cache rm`.

use std::io::{self, Write};

use owo_colors::Style as Paint;
use serde_json::Value;

use super::table::*;
use super::{paint, Render, Style};
use crate::report::cache::{CacheReport, EntryDetail};
use crate::spec::result::CniResult;

impl Render for CacheReport {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        if self.command == "cache rm" {
            for path in &self.removed {
                writeln!(out, "removed {}", path.display())?;
            }
            return Ok(());
        }
        cache_ls(out, self, style)
    }

    fn names(&self) -> Option<Vec<String>> {
        Some(self.entries.iter().map(|e| e.name.clone()).collect())
    }
}

impl Render for EntryDetail {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        cache_show(out, self, style)
    }
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
pub fn cache_ls(out: &mut dyn Write, r: &CacheReport, style: &Style) -> io::Result<()> {
    let color = style.color;
    writeln!(out, "{} {}", paint(color, "cache", Paint::new().bold()), r.dir.display())?;
    let rows: Vec<Vec<String>> = r
        .entries
        .iter()
        .map(|e| {
            let netns = match (&e.netns, e.netns_exists) {
                (Some(n), Some(true)) => n.clone(),
                (Some(n), _) => format!("{n} (gone)"),
                (None, _) => String::new(),
            };
            let state = match &e.problem {
                Some(p) => format!("{}: {p}", e.state.as_str().to_uppercase()),
                None => e.state.to_string(),
            };
            vec![
                e.name.clone(),
                e.network.clone().unwrap_or_default(),
                e.container_id.clone().unwrap_or_default(),
                e.ifname.clone().unwrap_or_default(),
                netns,
                e.addresses.join(" "),
                age(e.age_seconds),
                state,
            ]
        })
        .collect();
    // The name is what `cache show` and `cache rm` take, so it is never cut; the container
    // id keeps its start (what people type), the namespace path its end.
    let cols = [
        Col::new("name").keep().priority(3),
        Col::new("network").keep().priority(2),
        Col::new("container").head().priority(1),
        Col::new("ifname").keep().priority(2),
        Col::new("netns").tail(),
        Col::new("addresses").wrap(),
        Col::new("age").keep().priority(1),
        Col::new("state").wrap().priority(1),
    ];
    let mut t = Grid::new(style, cols).hide_empty();
    for row in rows {
        t.row(row);
    }
    t.put(out)?;
    writeln!(out, "{} entries", r.entries.len())
}

/// Renders `cache show`.
pub fn cache_show(out: &mut dyn Write, d: &EntryDetail, style: &Style) -> io::Result<()> {
    let color = style.color;
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
                .unwrap_or_else(|| s.state.to_string()),
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
        cni_result(out, style, &result, "Result")?;
    }
    Ok(())
}
