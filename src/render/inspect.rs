//! The tables of `inspect`: links, addresses, routes.

use std::io::{self, Write};

use owo_colors::Style as Paint;

use super::table::*;
use super::{paint, Render, Style};
use crate::inspect::Snapshot;
use crate::report::inspect::InspectReport;

impl Render for InspectReport {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        inspect(out, &self.snapshot, style.color)
    }
}

/// Renders `inspect`.
pub fn inspect(out: &mut dyn Write, snap: &Snapshot, color: bool) -> io::Result<()> {
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
