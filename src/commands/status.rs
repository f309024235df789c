//! `status`: STATUS to every plugin of a network (SPEC section 2, added in 1.1.0). Below
//! 1.1.0 nothing is sent, and cnictl says so: libcni reports success there without asking
//! anyone, which reads as a false "ready". A plugin that fails is asked VERSION: one that
//! does not support the configuration's version did not understand STATUS, and is reported
//! as such rather than by its confused answer.

use anyhow::Result;
use clap::Args;

use super::Context;
use crate::config::{self, NetworkConfigList};
use crate::exec::chain::{self, Outcome};
use crate::exec::{Command, Invocation, PluginFailure};
use crate::exit::{self, Code, ReportedFailure};
use crate::report::status::{Health, StatusReport, Unsupported};
use crate::report::{ConfigSummary, ErrorKind, ErrorReport};
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
        unsupported: Vec::new(),
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
            let path = report.plugins[*index].path.clone();
            let unsupported = unsupported(ctx, &list, *index, path, failure, &mut calls);
            let (worse, error) = match unsupported {
                Some(versions) => {
                    let error = unsupported_error(&list, *index, failure, &versions);
                    report.plugins[*index].outcome = Outcome::Unsupported;
                    report.unsupported.push(Unsupported {
                        index: *index,
                        plugin_type: list.plugins[*index].plugin_type.clone(),
                        supported_versions: versions,
                    });
                    (Health::Unsupported, error)
                }
                None => {
                    let hint = match failure {
                        PluginFailure::Error { error, .. } => {
                            explain(error.code).map(str::to_string)
                        }
                        _ => None,
                    };
                    (health_of(failure), ErrorReport::from_failure(*index, failure, hint))
                }
            };
            if rank(worse) > rank(report.verdict) {
                report.verdict = worse;
            }
            report.errors.push(error);
        }
        if !report.unsupported.is_empty() {
            report.notes.push(unsupported_note(&list, &report.unsupported));
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
            message: failure_message(&list, &report),
        }
        .into()),
    }
}

/// What one failure says of the network.
fn health_of(failure: &PluginFailure) -> Health {
    match failure {
        PluginFailure::Error { error, .. } if error.code == 51 => Health::LimitedConnectivity,
        PluginFailure::Error { error, .. } if error.code == 50 => Health::NotAvailable,
        _ => Health::Unknown,
    }
}

/// The verdict is the worst of the plugins' answers, whatever their order: a plugin's own
/// 51 or 50 over an answer that says nothing certain, and that over a plugin that did not
/// understand the question.
fn rank(health: Health) -> u8 {
    match health {
        Health::NotAsked | Health::Available => 0,
        Health::Unsupported => 1,
        Health::Unknown => 2,
        Health::NotAvailable => 3,
        Health::LimitedConnectivity => 4,
    }
}

/// For a plugin that ran and failed STATUS, but not with 50 or 51: its VERSION answer,
/// when that lacks the configuration's version. A plugin older than 1.1.0 does not know
/// STATUS and fails it in its own way (the 1.1.1 reference plugins with code 3 "missing
/// containerID"), which is no statement about the network.
fn unsupported(
    ctx: &Context,
    list: &NetworkConfigList,
    index: usize,
    path: Option<std::path::PathBuf>,
    failure: &PluginFailure,
    calls: &mut Vec<Invocation>,
) -> Option<Vec<String>> {
    // A plugin that answered 50 or 51 knows STATUS; one that did not run cannot say.
    let confused = match failure {
        PluginFailure::Error { error, .. } => explain(error.code).is_none(),
        PluginFailure::Failed { .. }
        | PluginFailure::Crashed { .. }
        | PluginFailure::BadOutput { .. } => true,
        _ => false,
    };
    if !confused {
        return None;
    }
    let (answer, inv) = chain::probe_version(&ctx.runner, &list.plugins[index].plugin_type, path?);
    calls.push(inv);
    answer.ok().filter(|versions| !versions.contains(&list.cni_version))
}

/// The error block of a plugin that did not understand STATUS: what it supports, and its
/// answer kept as evidence.
fn unsupported_error(
    list: &NetworkConfigList,
    index: usize,
    failure: &PluginFailure,
    versions: &[String],
) -> ErrorReport {
    let plugin_type = &list.plugins[index].plugin_type;
    let newest = versions
        .iter()
        .filter_map(|v| Version::parse(v).ok().map(|parsed| (parsed, v)))
        .max()
        .map(|(_, v)| v.clone());
    let mut error = ErrorReport::from_failure(index, failure, None);
    error.kind = ErrorKind::UnsupportedVersion;
    error.message = format!(
        "{plugin_type} does not support cniVersion {} (its VERSION answer lists {}), so it did \
         not understand STATUS: its answer says nothing about the network",
        list.cni_version,
        if versions.is_empty() { "none".to_string() } else { versions.join(", ") }
    );
    error.hint = Some(match newest {
        Some(newest) => format!(
            "install a {plugin_type} that supports {}, or set the list's cniVersion to {newest} \
             or lower (runtimes send no STATUS below 1.1.0)",
            list.cni_version
        ),
        None => format!("install a {plugin_type} that supports {}", list.cni_version),
    });
    error
}

/// The summary note: which plugins did not understand STATUS.
fn unsupported_note(list: &NetworkConfigList, unsupported: &[Unsupported]) -> String {
    let names: Vec<&str> = unsupported.iter().map(|u| u.plugin_type.as_str()).collect();
    let (names, verb, whose) = match names.len() {
        1 => (names[0].to_string(), "does", "its answer says"),
        _ => (names.join(", "), "do", "their answers say"),
    };
    format!(
        "{names} {verb} not support cniVersion {} and so did not understand STATUS: {whose} \
         nothing about whether {} is ready",
        list.cni_version, list.name
    )
}

/// The one line on stderr after a failed STATUS.
fn failure_message(list: &NetworkConfigList, report: &StatusReport) -> String {
    let failed = report.errors.len();
    let of = list.plugins.len();
    if failed == report.unsupported.len() {
        return format!(
            "{}: STATUS not understood: {} of {of} plugins do not support cniVersion {} ({})",
            list.name,
            failed,
            list.cni_version,
            report
                .unsupported
                .iter()
                .map(|u| u.plugin_type.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let mut message =
        format!("{}: {failed} of {of} plugins are not ready ({})", list.name, report.verdict);
    if !report.unsupported.is_empty() {
        message.push_str(&format!(
            "; {} of them do not support cniVersion {}",
            report.unsupported.len(),
            list.cni_version
        ));
    }
    message
}
