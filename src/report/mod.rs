//! What commands hand to the renderers: plain data, serialisable, the same for the tables
//! and the JSON output. Field names here are the stable JSON interface (see the README's
//! JSON section). One file per command family; `render/` mirrors it. This file holds what
//! every family shares: the configuration summary and the error block.

/// `Display` for the report's enums, by their `as_str`: the words the tables print.
macro_rules! display_as_str {
    ($($t:ty),*) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}

pub mod attach;
pub mod cache;
pub mod conf;
pub mod gc;
pub mod inspect;
pub mod ipam;
pub mod netns;
pub mod record;
pub mod run;
pub mod status;
pub mod version;

use std::path::PathBuf;

use serde::Serialize;

use crate::config::{Format, NetworkConfigList, Resolution};
use crate::exec::chain::excerpt;
use crate::exec::PluginFailure;

/// How much of a failing call's output an error block shows.
const EVIDENCE_BYTES: usize = 16 * 1024;
use crate::exit::{self, Code};

/// Which configuration ran, and how it was found.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfigSummary {
    pub network: String,
    pub file: PathBuf,
    pub format: Format,
    /// The version the list runs at.
    pub cni_version: String,
    /// How the file was chosen: "conflist", "conf" or "path".
    pub found_as: &'static str,
    /// Files read before the chosen one, with their network names.
    pub skipped: Vec<crate::config::SkippedFile>,
    /// The plugin types, in order.
    pub plugins: Vec<String>,
}

impl ConfigSummary {
    pub fn new(list: &NetworkConfigList, how: &Resolution) -> ConfigSummary {
        ConfigSummary {
            network: list.name.clone(),
            file: how.file.clone(),
            format: list.format,
            cni_version: list.cni_version.clone(),
            found_as: how.phase,
            skipped: how.skipped.clone(),
            plugins: list.plugins.iter().map(|p| p.plugin_type.clone()).collect(),
        }
    }
}

/// A CNI error object, explained.
#[derive(Debug, Clone, Serialize)]
pub struct CniErrorReport {
    pub code: u32,
    pub meaning: &'static str,
    pub msg: String,
    pub details: String,
}

/// What kind of failure an error block describes. The first nine are about one plugin
/// call; the rest are failures before, around or after the calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// The plugin printed a CNI error object and exited non-zero.
    PluginError,
    /// The plugin exited non-zero without an error object.
    PluginFailed,
    /// Killed by a signal, or a Go runtime panic.
    Crash,
    Timeout,
    /// Output that breaks the protocol (not JSON, not a valid result).
    BadOutput,
    /// The plugin binary is in none of the bin dirs.
    NotFound,
    /// The binary could not be started.
    Spawn,
    /// A `type` that is not a bare binary name.
    BadType,
    Interrupted,
    /// Bad arguments or options.
    Usage,
    /// A configuration file that does not load.
    Config,
    /// The machine: root, a namespace, a file, the cache.
    Environment,
    /// `run`'s steps: a plugin lacks the version (preflight), the namespace lacks what the
    /// result claims (verify), the command failed, DEL left something behind (leak), or
    /// removing what the run made failed (cleanup).
    Preflight,
    Verify,
    Command,
    Leak,
    Cleanup,
    /// The plugin does not support the configuration's version (its VERSION answer lacks
    /// it), so it did not understand the command it failed (`status`).
    UnsupportedVersion,
    /// Any other failure the report already shows in full.
    Failed,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::PluginError => "plugin-error",
            ErrorKind::PluginFailed => "plugin-failed",
            ErrorKind::Crash => "crash",
            ErrorKind::Timeout => "timeout",
            ErrorKind::BadOutput => "bad-output",
            ErrorKind::NotFound => "not-found",
            ErrorKind::Spawn => "spawn",
            ErrorKind::BadType => "bad-type",
            ErrorKind::Interrupted => "interrupted",
            ErrorKind::Usage => "usage",
            ErrorKind::Config => "config",
            ErrorKind::Environment => "environment",
            ErrorKind::Preflight => "preflight",
            ErrorKind::Verify => "verify",
            ErrorKind::Command => "command",
            ErrorKind::Leak => "leak",
            ErrorKind::Cleanup => "cleanup",
            ErrorKind::UnsupportedVersion => "unsupported-version",
            ErrorKind::Failed => "failed",
        }
    }
}

/// Why a command failed.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorReport {
    pub kind: ErrorKind,
    /// The exit code cnictl ends with, and its class by name.
    pub exit_code: u8,
    pub exit_class: Code,
    pub message: String,
    /// The plugin at fault and its position in the list, when there is one.
    pub plugin: Option<String>,
    pub index: Option<usize>,
    pub cni_error: Option<CniErrorReport>,
    pub exit: Option<crate::exec::Exit>,
    /// What the failing call wrote on stderr, and (when its output broke the protocol) on
    /// stdout: at most 16 KiB of each; `--trace` shows all that was captured.
    pub stderr: Option<String>,
    pub stdout: Option<String>,
    /// What to do about it.
    pub hint: Option<String>,
}

impl ErrorReport {
    pub fn from_failure(
        index: usize,
        failure: &PluginFailure,
        hint: Option<String>,
    ) -> ErrorReport {
        let (kind, cni_error, exit, stderr) = match failure {
            PluginFailure::Error { error, exit, stderr, .. } => (
                ErrorKind::PluginError,
                Some(CniErrorReport {
                    code: error.code,
                    meaning: error.meaning(),
                    msg: error.msg.clone(),
                    details: error.details.clone(),
                }),
                Some(exit.clone()),
                Some(stderr.clone()),
            ),
            PluginFailure::Failed { exit, stderr, .. } => {
                (ErrorKind::PluginFailed, None, Some(exit.clone()), Some(stderr.clone()))
            }
            PluginFailure::Crashed { exit, stderr, .. } => {
                (ErrorKind::Crash, None, Some(exit.clone()), Some(stderr.clone()))
            }
            PluginFailure::TimedOut { stderr, .. } => {
                (ErrorKind::Timeout, None, None, Some(stderr.clone()))
            }
            PluginFailure::BadOutput { stderr, .. } => {
                (ErrorKind::BadOutput, None, None, Some(stderr.clone()))
            }
            PluginFailure::NotFound { .. } => (ErrorKind::NotFound, None, None, None),
            PluginFailure::Spawn { .. } => (ErrorKind::Spawn, None, None, None),
            PluginFailure::BadType { .. } => (ErrorKind::BadType, None, None, None),
            PluginFailure::Interrupted { .. } => (ErrorKind::Interrupted, None, None, None),
        };
        let code = exit::of_failure(failure);
        ErrorReport {
            kind,
            exit_code: code.as_u8(),
            exit_class: code,
            message: failure.to_string(),
            plugin: Some(failure.plugin().to_string()),
            index: Some(index),
            cni_error,
            exit,
            stderr: stderr.filter(|s| !s.is_empty()).map(|s| excerpt(&s, EVIDENCE_BYTES)),
            stdout: match failure {
                PluginFailure::BadOutput { stdout, .. } => Some(excerpt(stdout, EVIDENCE_BYTES)),
                _ => None,
            },
            hint,
        }
    }

    pub fn simple(
        kind: ErrorKind,
        code: Code,
        message: String,
        hint: Option<String>,
    ) -> ErrorReport {
        ErrorReport {
            kind,
            exit_code: code.as_u8(),
            exit_class: code,
            message,
            plugin: None,
            index: None,
            cni_error: None,
            exit: None,
            stderr: None,
            stdout: None,
            hint,
        }
    }
}

impl ErrorReport {
    /// The error block of any error: its kind and exit code from the first cause in its
    /// chain that says, the whole chain as the message.
    pub fn of_error(err: &anyhow::Error) -> ErrorReport {
        let code = exit::of_error(err);
        let message = format!("{err:#}");
        if let Some(failure) = err.chain().find_map(|c| c.downcast_ref::<PluginFailure>()) {
            let mut report = ErrorReport::from_failure(0, failure, None);
            report.index = None;
            report.message = message;
            return report;
        }
        let kind = err
            .chain()
            .find_map(|cause| {
                if cause.is::<crate::config::ConfigError>() {
                    Some(ErrorKind::Config)
                } else if cause.is::<exit::UsageError>() || cause.is::<clap::Error>() {
                    Some(ErrorKind::Usage)
                } else if cause.is::<exit::EnvironmentError>() {
                    Some(ErrorKind::Environment)
                } else {
                    None
                }
            })
            .unwrap_or(match code {
                Code::Interrupted => ErrorKind::Interrupted,
                Code::Usage => ErrorKind::Usage,
                Code::Environment => ErrorKind::Environment,
                _ => ErrorKind::Failed,
            });
        ErrorReport::simple(kind, code, message, None)
    }
}

/// The JSON of a command that failed before it had a report to show (a usage error, a
/// configuration that does not load, no root): the command and the error block.
#[derive(Debug, Clone, Serialize)]
pub struct FailureReport {
    pub command: String,
    pub error: ErrorReport,
}

display_as_str!(
    ErrorKind,
    attach::CacheAction,
    cache::EntryState,
    gc::Verdict,
    run::StepOutcome,
    status::Health
);

pub use attach::{AttachmentReport, CacheAction, CacheUse};
pub use run::{CommandRun, Kept, RunReport, RunStep, StepOutcome};
pub use version::VersionReport;
