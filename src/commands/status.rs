//! `status`: STATUS to every plugin of a network (SPEC section 2, added in 1.1.0). Below
//! 1.1.0 nothing is sent, and cnictl says so: libcni reports success there without asking
//! anyone, which reads as a false "ready".

use anyhow::Result;
use clap::Args;

use super::Context;
use crate::config;
use crate::exec::chain::{self};
use crate::exec::{Command, PluginFailure};
use crate::exit::{self, Code, ReportedFailure};
use crate::report::status::{Health, StatusReport};
use crate::report::{ConfigSummary, ErrorReport};
use crate::spec::version::Version;

#[derive(Debug, Clone, Args)]
pub struct StatusArgs {
    /// Network name, looked up as libcni does (or a path to a file)
    pub network: String,
    /// Accepted and ignored, as cnitool takes one (`cnitool status NET NETNS`): STATUS is
    /// about the network, not a namespace
    pub netns: Option<String>,
}

/// What codes 50 and 51 mean for the node.
pub fn explain(code: u32) -> Option<&'static str> {
    match code {
        50 => Some("the plugin cannot service ADD: new pods on this network will not start"),
        51 => Some(
            "the plugin cannot service ADD, and pods already on this network may have limited \
             connectivity",
        ),
        _ => None,
    }
}

pub fn run(ctx: &Context, args: &StatusArgs) -> Result<()> {
    let (list, how) = config::find_network(&ctx.global.cni_conf_dir, &args.network)?;
    let version = Version::parse(&list.cni_version).unwrap_or(Version(0, 1, 0));
    let mut report = StatusReport {
        command: "status",
        config: ConfigSummary::new(&list, &how),
        sent: version.has_gc_status(),
        plugins: Vec::new(),
        errors: Vec::new(),
        verdict: Health::NotAsked,
        notes: Vec::new(),
        calls: None,
    };
    let mut calls = Vec::new();
    if report.sent {
        let (run, failures) = chain::network_wide(&ctx.runner, &list, Command::Status, &[]);
        report.plugins = run.steps;
        calls = run.calls;
        report.verdict = Health::Available;
        for (index, failure) in &failures {
            let hint = match failure {
                PluginFailure::Error { error, .. } => explain(error.code).map(str::to_string),
                _ => None,
            };
            let worse = match failure {
                PluginFailure::Error { error, .. } if error.code == 51 => {
                    Health::LimitedConnectivity
                }
                PluginFailure::Error { error, .. } if error.code == 50 => Health::NotAvailable,
                _ => Health::Unknown,
            };
            if report.verdict == Health::Available || worse == Health::LimitedConnectivity {
                report.verdict = worse;
            }
            report.errors.push(ErrorReport::from_failure(*index, failure, hint));
        }
    } else {
        report.notes.push(format!(
            "STATUS was not sent: it exists from cniVersion 1.1.0 and this configuration selects {}. \
             libcni reports success here without asking any plugin, so a runtime's \"ready\" means \
             nothing for this network",
            if list.cni_version.is_empty() { "0.1.0" } else { &list.cni_version }
        ));
    }
    report.calls = ctx.calls_for_report(&calls);
    ctx.trace_to_stderr(&calls)?;
    ctx.emit(&report)?;
    match report.errors.first() {
        None => Ok(()),
        Some(first) => Err(ReportedFailure {
            code: exit::Code::from_u8(first.exit_code).unwrap_or(Code::PluginFailed),
            message: format!(
                "{}: {} of {} plugins are not ready ({})",
                list.name,
                report.errors.len(),
                list.plugins.len(),
                report.verdict
            ),
        }
        .into()),
    }
}
