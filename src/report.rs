//! What commands hand to the renderers: plain data, serialisable, the same for the tables
//! and the JSON output. Field names here are the stable JSON interface (see the README).

use std::path::PathBuf;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::config::{Format, NetworkConfigList, Resolution};
use crate::exec::chain::{Step, VersionAnswer};
use crate::exec::{Invocation, PluginFailure};
use crate::exit::{self, Code};
use crate::inspect::Snapshot;
use crate::leaks::LeakReport;

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

/// Why a command failed.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorReport {
    /// "plugin-error", "plugin-failed", "crash", "timeout", "bad-output", "not-found",
    /// "spawn", "bad-type", "interrupted", or "environment"/"usage" for failures before
    /// any plugin ran.
    pub kind: &'static str,
    pub exit_code: u8,
    pub message: String,
    /// The plugin at fault and its position in the list, when there is one.
    pub plugin: Option<String>,
    pub index: Option<usize>,
    pub cni_error: Option<CniErrorReport>,
    pub exit: Option<crate::exec::Exit>,
    pub stderr: Option<String>,
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
                "plugin-error",
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
                ("plugin-failed", None, Some(exit.clone()), Some(stderr.clone()))
            }
            PluginFailure::Crashed { exit, stderr, .. } => {
                ("crash", None, Some(exit.clone()), Some(stderr.clone()))
            }
            PluginFailure::TimedOut { .. } => ("timeout", None, None, None),
            PluginFailure::BadOutput { .. } => ("bad-output", None, None, None),
            PluginFailure::NotFound { .. } => ("not-found", None, None, None),
            PluginFailure::Spawn { .. } => ("spawn", None, None, None),
            PluginFailure::BadType { .. } => ("bad-type", None, None, None),
            PluginFailure::Interrupted { .. } => ("interrupted", None, None, None),
        };
        ErrorReport {
            kind,
            exit_code: exit::of_failure(failure).as_u8(),
            message: failure.to_string(),
            plugin: Some(failure.plugin().to_string()),
            index: Some(index),
            cni_error,
            exit,
            stderr: stderr.filter(|s| !s.is_empty()),
            hint,
        }
    }

    pub fn simple(
        kind: &'static str,
        code: Code,
        message: String,
        hint: Option<String>,
    ) -> ErrorReport {
        ErrorReport {
            kind,
            exit_code: code.as_u8(),
            message,
            plugin: None,
            index: None,
            cni_error: None,
            exit: None,
            stderr: None,
            hint,
        }
    }
}

/// The cache entry an attachment command used, and what it did with it.
#[derive(Debug, Clone, Serialize)]
pub struct CacheReport {
    pub path: PathBuf,
    /// "written", "read", "read-legacy", "missing", "removed", "corrupt", "not-read".
    pub action: &'static str,
}

/// The report of `add`, `check` and `del`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentReport {
    /// "add", "check" or "del".
    pub command: &'static str,
    pub config: ConfigSummary,
    pub container_id: String,
    pub netns: String,
    pub ifname: String,
    /// `CNI_ARGS`, as `[key, value]` pairs.
    pub cni_args: Vec<(String, String)>,
    pub capability_args: Map<String, Value>,
    /// Each plugin's part, in the order they ran (DEL: reverse).
    pub plugins: Vec<Step>,
    /// The final ADD result (or, for CHECK and DEL, the cached one given as prevResult).
    pub result: Option<Value>,
    pub cache: Option<CacheReport>,
    /// Things worth knowing that are not errors.
    pub notes: Vec<String>,
    pub error: Option<ErrorReport>,
    pub duration_ms: f64,
    /// Every plugin call, with `--trace`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calls: Option<Vec<Invocation>>,
}

/// The report of `version`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VersionReport {
    pub command: &'static str,
    pub config: ConfigSummary,
    /// One entry per plugin and per IPAM plugin named in `ipam.type`.
    pub plugins: Vec<VersionAnswer>,
    /// Whether every plugin answered and supports the selected version.
    pub ok: bool,
    pub notes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calls: Option<Vec<Invocation>>,
}

/// One step of the run.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RunStep {
    /// "sandbox", "netns", "preflight", "add", "verify", "check", "command", "del",
    /// "leak-check", "cleanup"
    pub name: &'static str,
    /// "ok", "failed", "skipped"
    pub outcome: &'static str,
    pub duration_ms: f64,
    pub detail: Option<String>,
}

/// What the COMMAND did.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CommandRun {
    pub argv: Vec<String>,
    pub exit_code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub duration_ms: f64,
}

/// What `--keep` left, and how to finish.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Kept {
    pub netns: String,
    pub host_netns: Option<String>,
    pub dir: Option<PathBuf>,
    /// The commands that finish the job, in order.
    pub finish: Vec<String>,
}

/// The report of `run`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RunReport {
    pub command: &'static str,
    pub config: ConfigSummary,
    pub sandbox: bool,
    pub netns: Option<String>,
    pub host_netns: Option<String>,
    pub container_id: Option<String>,
    pub ifname: String,
    pub cache_dir: Option<PathBuf>,
    pub steps: Vec<RunStep>,
    pub versions: Vec<VersionAnswer>,
    pub add: Vec<Step>,
    pub result: Option<Value>,
    /// The namespace as read over netlink after ADD.
    pub live: Option<Snapshot>,
    /// What the result claims and the namespace lacks.
    pub mismatches: Vec<String>,
    pub check: Vec<Step>,
    pub command_run: Option<CommandRun>,
    pub del: Vec<Step>,
    pub leaks: Option<LeakReport>,
    pub kept: Option<Kept>,
    pub notes: Vec<String>,
    pub error: Option<ErrorReport>,
    pub duration_ms: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calls: Option<Vec<Invocation>>,
}
