//! The table of `netns`.

use std::io::{self, Write};

use super::table::*;
use super::{Render, Style};
use crate::report::netns::NetnsReport;

impl Render for NetnsReport {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        netns(out, self, self.listing, style)
    }

    fn names(&self) -> Option<Vec<String>> {
        Some(self.namespaces.iter().map(|n| n.name.clone()).collect())
    }
}

/// Renders `netns`.
pub fn netns(
    out: &mut dyn Write,
    report: &NetnsReport,
    list: bool,
    style: &Style,
) -> io::Result<()> {
    for line in &report.changed {
        writeln!(out, "{line}")?;
    }
    if list {
        let cols = [
            Col::new("namespace").keep().priority(2),
            Col::new("made by cnictl for").wrap().priority(1),
            Col::new("owner").wrap().priority(1),
            Col::new("state").wrap(),
        ];
        let mut t = Grid::new(style, cols);
        for e in &report.namespaces {
            let owner = match (e.owner_pid, e.owner_alive) {
                (Some(pid), true) => format!("pid {pid} (running)"),
                (Some(pid), false) => format!("pid {pid} (gone)"),
                (None, _) => String::new(),
            };
            let state = if e.stale { "stale: netns gc removes it" } else { "" };
            t.row([
                e.name.clone(),
                e.made_by_cnictl.clone().unwrap_or_else(|| "-".into()),
                owner,
                state.into(),
            ]);
        }
        t.put(out)?;
    } else if report.changed.is_empty() {
        writeln!(out, "nothing to do")?;
    }
    Ok(())
}
