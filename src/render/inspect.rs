//! The tables of `inspect`: links, addresses, routes.

use std::io::{self, Write};

use owo_colors::Style as Paint;

use super::table::*;
use super::{paint, Render, Style};
use crate::inspect::Snapshot;
use crate::report::inspect::InspectReport;

impl Render for InspectReport {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        inspect(out, &self.snapshot, style)
    }
}

/// Renders `inspect`.
pub fn inspect(out: &mut dyn Write, snap: &Snapshot, style: &Style) -> io::Result<()> {
    let color = style.color;
    if let Some(ns) = &snap.netns {
        writeln!(out, "{} {}", paint(color, "namespace", Paint::new().bold()), ns.display())?;
    }
    let cols = ["#", "link", "kind", "state", "mtu", "mac", "peer", "master"];
    let mut t = Grid::new(style, cols.map(|c| Col::new(c).keep().priority(1)));
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
        t.row([
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
    t.section(out, "Links")?;
    let mut t = Grid::new(style, ["address", "link", "scope"].map(|c| Col::new(c).keep()));
    for a in &snap.addresses {
        t.row([a.address.clone(), a.ifname.clone(), a.scope.clone()]);
    }
    t.section(out, "Addresses")?;
    let cols = ["route", "via", "dev", "table", "scope", "proto", "metric"];
    let mut t = Grid::new(style, cols.map(|c| Col::new(c).keep()));
    for r in snap.routes.iter().filter(|r| r.table != 255) {
        t.row([
            r.dst.clone(),
            r.gw.clone().unwrap_or_default(),
            r.dev.clone().unwrap_or_default(),
            if r.table == 254 { "main".into() } else { r.table.to_string() },
            r.scope.clone(),
            r.protocol.clone(),
            r.priority.map(|p| p.to_string()).unwrap_or_default(),
        ]);
    }
    t.section(out, "Routes (local table omitted)")
}
