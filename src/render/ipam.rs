//! The table of `ipam leases`.

use std::io::{self, Write};

use comfy_table::{Cell, Color};

use super::table::*;
use super::{Render, Style};
use crate::report::ipam::{LeaseReport, LeaseState};

impl Render for LeaseReport {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        leases(out, self, style.color)
    }
}

/// Renders `ipam leases`.
pub fn leases(out: &mut dyn Write, r: &LeaseReport, color: bool) -> io::Result<()> {
    for lease in &r.released {
        writeln!(out, "released {} ({})", lease.ip, lease.file.display())?;
    }
    let mut t = table(color, &["network", "ip", "container", "ifname", "state", "why"]);
    for l in &r.leases {
        let mut state = Cell::new(match l.state {
            LeaseState::Stale => "STALE",
            LeaseState::InUse => "in use",
            LeaseState::Unknown => "unknown",
        });
        if color {
            state = state.fg(match l.state {
                LeaseState::Stale => Color::Red,
                LeaseState::InUse => Color::Green,
                LeaseState::Unknown => Color::Yellow,
            });
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
