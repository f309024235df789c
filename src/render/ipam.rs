//! The table of `ipam leases`.

use std::io::{self, Write};

use comfy_table::Color;

use super::table::*;
use super::{Render, Style};
use crate::report::ipam::{LeaseReport, LeaseState};

impl Render for LeaseReport {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        leases(out, self, style)
    }
}

/// Renders `ipam leases`.
pub fn leases(out: &mut dyn Write, r: &LeaseReport, style: &Style) -> io::Result<()> {
    let color = style.color;
    for lease in &r.released {
        writeln!(out, "released {} ({})", lease.ip, lease.file.display())?;
    }
    let cols = [
        Col::new("network").keep().priority(2),
        Col::new("ip").keep().priority(3),
        Col::new("container").head().priority(1),
        Col::new("ifname").keep().priority(1),
        Col::new("state").keep().priority(2),
        Col::new("why").wrap(),
    ];
    let mut t = Grid::new(style, cols);
    for l in &r.leases {
        let state = match l.state {
            LeaseState::Stale => text("STALE").fg(Color::Red),
            LeaseState::InUse => text("in use").fg(Color::Green),
            LeaseState::Unknown => text("unknown").fg(Color::Yellow),
        };
        t.row([
            text(&l.network),
            text(&l.ip),
            text(&l.container_id),
            text(&l.ifname),
            state,
            text(&l.why),
        ]);
    }
    t.put(out)?;
    let stale = r.leases.iter().filter(|l| l.stale).count();
    writeln!(out, "{} leases, {stale} stale", r.leases.len())?;
    notes(out, color, &r.notes)?;
    Ok(())
}
