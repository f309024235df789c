//! The report of `run`.

use std::path::PathBuf;

use serde::Serialize;
use serde_json::Value;

use super::{ConfigSummary, ErrorReport};
use crate::exec::chain::{Step, VersionAnswer};
use crate::exec::process::{Captured, Exit, KEEP_BYTES};
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
    /// The step could not tell (a leak check that could not compare).
    Unknown,
}

impl StepOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            StepOutcome::Ok => "ok",
            StepOutcome::Failed => "failed",
            StepOutcome::Skipped => "skipped",
            StepOutcome::Unknown => "unknown",
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

/// What the COMMAND did. `stdout` and `stderr` hold at most the first and last
/// [`KEEP_BYTES`] of each stream; `stdoutBytes` and `stderrBytes` say how much it wrote.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CommandRun {
    pub argv: Vec<String>,
    pub exit_code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub stdout_bytes: u64,
    pub stderr_bytes: u64,
    pub duration_ms: f64,
    /// How it ended, for the table; JSON keeps `exitCode` alone.
    #[serde(skip)]
    pub exit: Exit,
}

impl CommandRun {
    pub fn new(argv: &[String], captured: &Captured) -> CommandRun {
        CommandRun {
            argv: argv.to_vec(),
            exit_code: match captured.exit {
                Exit::Code(code) => Some(code),
                _ => None,
            },
            stdout: String::from_utf8_lossy(&captured.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&captured.stderr).into_owned(),
            stdout_bytes: captured.stdout_total,
            stderr_bytes: captured.stderr_total,
            duration_ms: captured.duration.as_secs_f64() * 1000.0,
            exit: captured.exit.clone(),
        }
    }

    /// `exit 3`, `killed by SIGKILL (signal 9)`, `timed out after 60s`.
    pub fn ended(&self) -> String {
        ended(&self.exit)
    }

    /// The streams whose middle was cut, with what they wrote: `stdout 10000000 bytes`.
    pub fn cut(&self) -> Vec<String> {
        [("stdout", self.stdout_bytes), ("stderr", self.stderr_bytes)]
            .into_iter()
            .filter(|(_, total)| *total > 2 * KEEP_BYTES as u64)
            .map(|(name, total)| format!("{name} {total} bytes"))
            .collect()
    }
}

/// How a process ended, in words: [`Exit`]'s own, but `exit 3` for a status and seconds for
/// a whole-second timeout.
pub fn ended(exit: &Exit) -> String {
    match exit {
        Exit::Code(code) => format!("exit {code}"),
        Exit::TimedOut { after_ms } if after_ms % 1000 == 0 => {
            format!("timed out after {}s", after_ms / 1000)
        }
        other => other.to_string(),
    }
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
    /// `run -q`: the table shows the headline and what failed, nothing else.
    #[serde(skip)]
    pub quiet: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exit_is_told_in_words_not_as_rust_debug() {
        assert_eq!(ended(&Exit::Code(3)), "exit 3");
        assert_eq!(ended(&Exit::TimedOut { after_ms: 60_000 }), "timed out after 60s");
        assert_eq!(ended(&Exit::TimedOut { after_ms: 500 }), "timed out after 500ms");
        let kill = Exit::Signal { signal: 9, name: "SIGKILL".into() };
        assert_eq!(ended(&kill), "killed by SIGKILL (signal 9)");
    }
}
