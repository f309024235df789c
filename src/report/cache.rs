//! The reports of `cache ls`, `cache show` and `cache rm`.

use std::path::PathBuf;

use serde::Serialize;
use serde_json::{Map, Value};

/// What a cache file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntryState {
    /// A libcni cache entry (`cniCacheV1`).
    Ok,
    /// A bare result, as libcni before 0.7 wrote.
    Legacy,
    /// Zero bytes or only white space.
    Empty,
    /// Anything else that does not decode.
    Corrupt,
}

impl EntryState {
    pub fn as_str(self) -> &'static str {
        match self {
            EntryState::Ok => "ok",
            EntryState::Legacy => "legacy",
            EntryState::Empty => "empty",
            EntryState::Corrupt => "corrupt",
        }
    }
}

/// One attachment as `cache ls` shows it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntrySummary {
    /// The name `cache show` and `cache rm` take: the file name under `results/`.
    pub name: String,
    pub file: PathBuf,
    pub state: EntryState,
    pub problem: Option<String>,
    pub network: Option<String>,
    pub container_id: Option<String>,
    pub ifname: Option<String>,
    pub netns: Option<String>,
    /// Whether the namespace still exists (none when unknown).
    pub netns_exists: Option<bool>,
    pub addresses: Vec<String>,
    pub age_seconds: Option<u64>,
    pub size: u64,
}

/// The report of `cache show`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntryDetail {
    #[serde(flatten)]
    pub summary: EntrySummary,
    /// The cached configuration, decoded from base64 (JSON when it parses).
    pub config: Option<Value>,
    pub cni_args: Vec<(String, String)>,
    pub capability_args: Map<String, Value>,
    pub result: Option<Value>,
}

/// The report of `cache ls` and `cache rm`.
#[derive(Debug, Clone, Serialize)]
pub struct CacheReport {
    pub command: &'static str,
    pub dir: PathBuf,
    pub entries: Vec<EntrySummary>,
    pub removed: Vec<PathBuf>,
}
