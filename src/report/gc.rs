//! The report of `gc`.

use std::path::PathBuf;

use serde::Serialize;
use serde_json::Value;

use super::{ConfigSummary, ErrorReport};
use crate::exec::chain::Step;
use crate::exec::Invocation;

/// What GC makes of one cached attachment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// In the valid set: kept.
    Valid,
    /// Not in the valid set: DEL (a dry run stops here).
    Stale,
    /// DEL succeeded and the cache entry is gone.
    Deleted,
    DeleteFailed,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Valid => "valid",
            Verdict::Stale => "stale",
            Verdict::Deleted => "deleted",
            Verdict::DeleteFailed => "delete-failed",
        }
    }
}

/// One cached attachment and what GC makes of it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Attached {
    pub container_id: String,
    pub ifname: String,
    pub netns: String,
    pub cache_file: PathBuf,
    pub verdict: Verdict,
    pub why: String,
    pub del: Vec<Step>,
}

/// The report of `gc`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GcReport {
    pub command: &'static str,
    pub config: ConfigSummary,
    pub applied: bool,
    pub valid: Vec<(String, String)>,
    pub attachments: Vec<Attached>,
    /// Whether GC goes (or went) to the plugins: not below 1.1.0, not with disableGC.
    pub gc_sent: bool,
    /// The stdin each plugin gets for GC.
    pub gc_requests: Vec<Value>,
    pub gc: Vec<Step>,
    pub errors: Vec<ErrorReport>,
    pub notes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calls: Option<Vec<Invocation>>,
}
