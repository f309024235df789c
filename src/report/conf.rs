//! The reports of `conf ls`, `conf show` and `conf lint`. The survey behind `conf ls` is
//! built in `diagnose::survey`; its report types are re-exported here.

use std::path::PathBuf;

use serde::Serialize;
use serde_json::Value;

use super::ConfigSummary;
pub use crate::diagnose::lint::{Diagnostic, Severity};
pub use crate::diagnose::survey::{FileReport, RuntimePick, Survey};

/// Where one plugin of a resolved list came from.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PluginOrigin {
    pub index: usize,
    #[serde(rename = "type")]
    pub plugin_type: String,
    pub ipam: Option<String>,
    /// The capabilities it declares true.
    pub capabilities: Vec<String>,
    /// Each of those, with the runtimes that pass an argument for it.
    pub capability_runtimes: Vec<PassedBy>,
    /// The file it is written in.
    pub file: PathBuf,
    /// "inline" (with its position in `plugins`) or "drop-in".
    pub source: String,
    /// With --request: the stdin it would receive.
    pub stdin: Option<Value>,
    /// With --request: the environment it would get.
    pub env: Option<serde_json::Map<String, Value>>,
}

/// A capability a plugin declares, and who fills it in (`diagnose::runtimes`).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PassedBy {
    pub name: String,
    pub passed_by: Vec<&'static str>,
}

/// The report of `conf show`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ShowReport {
    pub command: &'static str,
    pub config: ConfigSummary,
    pub declared_version: Option<String>,
    pub cni_versions: Vec<String>,
    /// Why this version was chosen.
    pub version_reason: String,
    pub disable_check: bool,
    pub disable_gc: bool,
    pub load_only_inlined_plugins: bool,
    pub plugins: Vec<PluginOrigin>,
    pub request: Option<String>,
    pub notes: Vec<String>,
}

/// The report of `conf lint`.
#[derive(Debug, Clone, Serialize)]
pub struct LintReport {
    pub command: &'static str,
    pub target: PathBuf,
    pub diagnostics: Vec<Diagnostic>,
    pub errors: usize,
    pub warnings: usize,
}
