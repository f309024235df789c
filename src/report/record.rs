//! The reports of `record install | uninstall | status | ls | show`.

use std::path::PathBuf;

use serde::Serialize;

use crate::record::log::Record;
use crate::record::Marker;

/// One runtime's configuration line that puts the shims first.
#[derive(Debug, Clone, Serialize)]
pub struct RuntimeHint {
    pub runtime: &'static str,
    pub file: PathBuf,
    /// Whether the file (or directory) is on this node.
    pub found: bool,
    pub section: String,
    pub line: String,
}

/// The report of `record install`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InstallReport {
    pub command: &'static str,
    pub shim_dir: PathBuf,
    pub marker: Marker,
    /// Each shim and the real plugin it runs.
    pub plugins: Vec<(String, PathBuf)>,
    pub runtimes: Vec<RuntimeHint>,
}

/// The report of `record uninstall`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UninstallReport {
    pub command: &'static str,
    pub shim_dir: PathBuf,
    pub removed: Vec<String>,
    /// Names the marker lists that are no longer cnictl's links, left alone.
    pub kept: Vec<String>,
    pub dir_removed: bool,
    /// The log, which uninstall leaves.
    pub log_dir: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkState {
    Ok,
    /// The link is gone or points elsewhere.
    Gone,
    /// No real plugin of that name in the bin dirs any more.
    NoPlugin,
}

impl LinkState {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkState::Ok => "ok",
            LinkState::Gone => "gone",
            LinkState::NoPlugin => "no-plugin",
        }
    }
}

display_as_str!(LinkState);

#[derive(Debug, Clone, Serialize)]
pub struct Installed {
    pub marker: Marker,
    pub links: Vec<(String, LinkState)>,
    /// Plugins in the bin dirs with no shim (installed since): their calls are not
    /// recorded until `record install` runs again.
    pub unlinked: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LogSummary {
    pub dir: PathBuf,
    pub exists: bool,
    pub files: Vec<PathBuf>,
    pub bytes: u64,
    pub records: usize,
    /// Lines that are not records.
    pub broken: usize,
    /// The last lines of the problems file.
    pub problems: Vec<String>,
}

/// The report of `record status`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusReport {
    pub command: &'static str,
    pub shim_dir: PathBuf,
    /// None when the directory is no shim dir.
    pub installed: Option<Installed>,
    pub log: LogSummary,
}

/// How a recorded call ended, in a word and a detail.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub kind: &'static str,
    pub detail: String,
}

/// One call as `record ls` lists it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CallSummary {
    pub id: String,
    pub time: String,
    pub command: Option<String>,
    pub network: Option<String>,
    pub container_id: Option<String>,
    pub ifname: Option<String>,
    pub plugin: String,
    pub outcome: Outcome,
    pub duration_ms: f64,
    /// The call that made this one (a delegated IPAM call's plugin), by id.
    pub parent: Option<String>,
    /// The calling process: `comm` and pid.
    pub caller: String,
}

/// The report of `record ls`.
#[derive(Debug, Clone, Serialize)]
pub struct ListReport {
    pub command: &'static str,
    pub dir: PathBuf,
    pub calls: Vec<CallSummary>,
    /// Lines of the log that are not records, by file and line.
    pub broken: Vec<String>,
}

/// The report of `record show`.
#[derive(Debug, Clone, Serialize)]
pub struct ShowReport {
    #[serde(flatten)]
    pub record: Record,
    pub outcome: Outcome,
    pub parent: Option<String>,
    pub children: Vec<String>,
}
