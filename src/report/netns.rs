//! The report of every `netns` action.

use std::path::PathBuf;

use serde::Serialize;

/// One namespace, as `netns ls` shows it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NetnsEntry {
    pub name: String,
    pub path: PathBuf,
    /// "run", "sandbox-host", "create", "kept", or none for namespaces cnictl did not make.
    pub made_by_cnictl: Option<String>,
    pub owner_pid: Option<u32>,
    pub owner_alive: bool,
    /// The namespace would go in `netns gc`.
    pub stale: bool,
    pub dirs: Vec<PathBuf>,
}

/// The report of every `netns` action.
#[derive(Debug, Clone, Serialize)]
pub struct NetnsReport {
    pub command: &'static str,
    pub namespaces: Vec<NetnsEntry>,
    /// What create, rm or gc did (or, with --dry-run, would do).
    pub changed: Vec<String>,
    /// Whether the table lists the namespaces (`ls`) or only says what changed.
    #[serde(skip)]
    pub listing: bool,
}
