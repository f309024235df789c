//! Tables for `add`, `check` and `del`.

use std::io::{self, Write};

use comfy_table::Cell;
use serde_json::Value;

use super::table::*;
use super::{Render, Style};
use crate::exec::chain::Outcome;
use crate::report::AttachmentReport;
use crate::spec::result::CniResult;

impl Render for AttachmentReport {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        attachment(out, self, style.color)
    }

    /// cnitool prints the final result of a successful ADD, and nothing else.
    fn cnitool(&self) -> Option<String> {
        if self.command != "add" || self.error.is_some() {
            return None;
        }
        let result = CniResult::from_value(self.result.as_ref()?, &self.config.cni_version).ok()?;
        Some(result.to_cnitool_text())
    }
}

/// Renders `add`, `check` and `del`.
pub fn attachment(out: &mut dyn Write, report: &AttachmentReport, color: bool) -> io::Result<()> {
    let failed = report.error.is_some();
    headline(out, color, report.command, &report.config, failed, report.duration_ms)?;
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
    notes(out, color, &report.notes)?;
    if let Some(error) = &report.error {
        error_details(out, error, color)?;
    }
    Ok(())
}
