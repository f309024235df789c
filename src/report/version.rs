//! The report of `version`.

use serde::Serialize;

use super::ConfigSummary;
use crate::exec::chain::VersionAnswer;
use crate::exec::Invocation;

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
