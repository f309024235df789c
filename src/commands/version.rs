//! `version`: VERSION to every plugin of a network and to the IPAM plugins they delegate
//! to, against the version the configuration selects. The check cnitool never made
//! (cni#436, plugins#359): it finds the stale binary before ADD does.

use anyhow::Result;
use clap::Args;

use super::Context;
use crate::config;
use crate::exec::chain;
use crate::exit::{self, Code, ReportedFailure};
use crate::report::{ConfigSummary, VersionReport};

#[derive(Debug, Clone, Args)]
pub struct VersionArgs {
    /// Network name, looked up in the conf dir as libcni does (or a path to a file)
    pub network: String,
}

pub fn run(ctx: &Context, args: &VersionArgs) -> Result<()> {
    let (list, how) = config::find_network(&ctx.global.cni_conf_dir, &args.network)?;
    let (answers, calls) = chain::versions(&ctx.runner, &list);
    let ok = answers.iter().all(|a| a.error.is_none() && a.supports_selected);
    let mut notes = Vec::new();
    if list.declared_version.is_none() {
        notes.push("the configuration has no cniVersion: runtimes treat it as 0.1.0".into());
    }
    let report = VersionReport {
        command: "version",
        config: ConfigSummary::new(&list, &how),
        plugins: answers,
        ok,
        notes,
        calls: ctx.calls_for_report(&calls),
    };
    ctx.trace_to_stderr(&calls)?;
    ctx.emit(&report)?;
    if ok {
        return Ok(());
    }
    // The worst problem decides the exit code: a missing binary or a crash over a plugin
    // that merely lacks the version.
    let worst = report
        .plugins
        .iter()
        .filter_map(|a| a.failure.as_ref())
        .map(exit::of_failure)
        .max_by_key(|code| match code {
            Code::Environment => 3,
            Code::Crash => 2,
            _ => 1,
        })
        .unwrap_or(Code::PluginFailed);
    let bad: Vec<String> = report
        .plugins
        .iter()
        .filter(|a| a.error.is_some() || !a.supports_selected)
        .map(|a| match &a.failure {
            Some(crate::exec::PluginFailure::NotFound { .. }) => {
                format!("{} (not found)", a.plugin_type)
            }
            Some(_) => format!("{} (no usable answer to VERSION)", a.plugin_type),
            None => format!("{} (lacks {})", a.plugin_type, list.cni_version),
        })
        .collect();
    let fix = if worst == Code::Environment {
        "install the missing plugins or fix --cni-bin-dir / CNI_PATH"
    } else {
        "upgrade the plugin binaries or lower cniVersion"
    };
    Err(ReportedFailure {
        code: worst,
        message: format!(
            "not every plugin can run {} at cniVersion {}: {}; {fix}",
            list.name,
            list.cni_version,
            bad.join(", ")
        ),
    }
    .into())
}
