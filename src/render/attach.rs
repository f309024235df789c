//! Tables for `add`, `check` and `del`.

use std::io::{self, Write};

use serde_json::Value;

use super::table::*;
use super::{Render, Style};
use crate::exec::chain::Outcome;
use crate::report::AttachmentReport;
use crate::spec::result::CniResult;

impl Render for AttachmentReport {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        attachment(out, self, style)
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
pub fn attachment(out: &mut dyn Write, report: &AttachmentReport, style: &Style) -> io::Result<()> {
    let color = style.color;
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
        let cols = [
            Col::new("#").keep(),
            Col::new("plugin").keep(),
            Col::new("outcome").keep(),
            Col::new("time").keep(),
            Col::new("runtimeConfig").wrap(),
        ];
        let mut t = Grid::new(style, cols);
        for step in &report.plugins {
            t.row([
                text(step.index + 1),
                text(&step.plugin_type),
                outcome(step.outcome),
                text(if step.outcome == Outcome::NotRun {
                    String::new()
                } else {
                    format!("{:.1}ms", step.duration_ms)
                }),
                text(step.runtime_config.join(", ")),
            ]);
        }
        t.section(out, "Plugins")?;
        let op = report.command.to_uppercase();
        step_stderr(out, color, report.plugins.iter().map(|s| (op.as_str(), s)))?;
    }

    if let Some(value) = &report.result {
        let label = if report.command == "add" { "Result" } else { "Cached result" };
        if let Ok(result) = CniResult::from_value(value, "") {
            cni_result(out, style, &result, label)?;
        }
    }
    if let Some(cache) = &report.cache {
        writeln!(out, "\ncache: {} {}", cache.action, cache.path.display())?;
    }
    notes(out, color, &report.notes)?;
    for error in report.error.iter().chain(&report.errors) {
        error_details(out, error, color)?;
    }
    Ok(())
}
