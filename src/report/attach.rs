//! The report of `add`, `check` and `del`.

use std::path::PathBuf;

use serde::Serialize;
use serde_json::{Map, Value};

use super::{ConfigSummary, ErrorReport};
use crate::exec::chain::Step;
use crate::exec::Invocation;

/// What an attachment command did with its cache entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CacheAction {
    Written,
    Read,
    ReadLegacy,
    Missing,
    Removed,
    Corrupt,
}

impl CacheAction {
    pub fn as_str(self) -> &'static str {
        match self {
            CacheAction::Written => "written",
            CacheAction::Read => "read",
            CacheAction::ReadLegacy => "read-legacy",
            CacheAction::Missing => "missing",
            CacheAction::Removed => "removed",
            CacheAction::Corrupt => "corrupt",
        }
    }
}

/// The cache entry an attachment command used, and what it did with it.
#[derive(Debug, Clone, Serialize)]
pub struct CacheUse {
    pub path: PathBuf,
    pub action: CacheAction,
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
    /// Capability arguments given that no plugin declares, so none received them.
    pub unused_capabilities: Vec<String>,
    /// Each plugin's part, in the order they ran (DEL: reverse).
    pub plugins: Vec<Step>,
    /// The final ADD result (or, for CHECK and DEL, the cached one given as prevResult).
    pub result: Option<Value>,
    pub cache: Option<CacheUse>,
    /// Things worth knowing that are not errors.
    pub notes: Vec<String>,
    pub error: Option<ErrorReport>,
    /// With `del --keep-going`: the failures after the first.
    pub errors: Vec<ErrorReport>,
    pub duration_ms: f64,
    /// Every plugin call, with `--trace`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calls: Option<Vec<Invocation>>,
}
