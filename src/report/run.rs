//! The report of `run`.

use std::path::PathBuf;

use serde::Serialize;
use serde_json::Value;

use super::{ConfigSummary, ErrorReport};
use crate::exec::chain::{Step, VersionAnswer};
use crate::exec::Invocation;
use crate::inspect::Snapshot;
use crate::leaks::LeakReport;

/// How one step of the run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepOutcome {
    Ok,
    Failed,
    Skipped,
}

impl StepOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            StepOutcome::Ok => "ok",
            StepOutcome::Failed => "failed",
            StepOutcome::Skipped => "skipped",
        }
    }
}

/// One step of the run.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RunStep {
    /// "sandbox", "netns", "preflight", "add", "verify", "check", "command", "del",
    /// "leak-check", "cleanup", "keep"
    pub name: &'static str,
    pub outcome: StepOutcome,
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
