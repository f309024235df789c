//! `version`: VERSION to every plugin of a network and to the IPAM plugins they delegate
//! to, against the version the configuration selects. The check cnitool never made
//! (cni#436, plugins#359): it finds the stale binary before ADD does.

use anyhow::Result;
use clap::Args;

use super::Context;
use crate::config;
use crate::exec::version::VersionAnswer;
use crate::exec::{chain, PluginFailure};
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
    let verdict = Verdict::of(&report.plugins, &list.cni_version);
    Err(ReportedFailure {
        code: verdict.code,
        message: format!(
            "not every plugin can run {} at cniVersion {}: {}; {}",
            list.name,
            list.cni_version,
            verdict.plugins.join(", "),
            verdict.hint
        ),
    }
    .into())
}

/// What a VERSION round that failed comes to, for `version` and `run`'s preflight alike.
pub(crate) struct Verdict {
    /// The worst problem's exit code: interrupted, then a missing binary, then a crash,
    /// timeout or protocol violation, then a plugin that merely lacks the version.
    pub code: Code,
    /// Each plugin that failed, with why.
    pub plugins: Vec<String>,
    /// What to do, for the causes there are.
    pub hint: String,
}

impl Verdict {
    pub fn of(answers: &[VersionAnswer], version: &str) -> Verdict {
        let rank = |code: &Code| match code {
            Code::Interrupted => 5,
            Code::Environment => 4,
            Code::Usage => 3,
            Code::Crash => 2,
            _ => 1,
        };
        let bad: Vec<&VersionAnswer> =
            answers.iter().filter(|a| a.error.is_some() || !a.supports_selected).collect();
        let code = bad
            .iter()
            .map(|a| a.failure.as_ref().map_or(Code::PluginFailed, exit::of_failure))
            .max_by_key(rank)
            .unwrap_or(Code::PluginFailed);
        let mut hints = Vec::new();
        let mut hint = |h: &str| {
            if !hints.contains(&h.to_string()) {
                hints.push(h.to_string());
            }
        };
        let plugins = bad
            .iter()
            .map(|a| match &a.failure {
                Some(PluginFailure::NotFound { .. }) | Some(PluginFailure::Spawn { .. }) => {
                    hint("install the missing plugins or fix --cni-bin-dir / CNI_PATH");
                    format!("{} (not found or not runnable)", a.plugin_type)
                }
                Some(PluginFailure::Interrupted { .. }) => format!("{} (interrupted)", a.plugin_type),
                Some(failure) => {
                    hint("its VERSION answer is unusable: --trace shows what it printed");
                    format!("{} ({failure})", a.plugin_type)
                }
                None => {
                    hint("upgrade the plugin binaries, or lower cniVersion to one every plugin supports");
                    format!(
                        "{} supports {} but not {version}",
                        a.plugin_type,
                        a.supported_versions.join(", ")
                    )
                }
            })
            .collect();
        Verdict { code, plugins, hint: hints.join("; ") }
    }
}
