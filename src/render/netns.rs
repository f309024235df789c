//! The table of `netns`.

use std::io::{self, Write};

use super::table::*;
use super::{Render, Style};
use crate::report::netns::NetnsReport;

impl Render for NetnsReport {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        netns(out, self, self.listing, style.color)
    }

    fn names(&self) -> Option<Vec<String>> {
        Some(self.namespaces.iter().map(|n| n.name.clone()).collect())
    }
}

/// Renders `netns`.
pub fn netns(out: &mut dyn Write, report: &NetnsReport, list: bool, color: bool) -> io::Result<()> {
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
