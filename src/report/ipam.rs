//! The report of `ipam leases`.

use std::path::PathBuf;

use serde::Serialize;

/// One lease file.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lease {
    pub network: String,
    pub ip: String,
    pub container_id: String,
    /// Empty for leases written by old host-local versions (container ID only).
    pub ifname: String,
    pub file: PathBuf,
    pub stale: bool,
    pub why: String,
}

/// The report of `ipam leases`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LeaseReport {
    pub command: &'static str,
    pub dirs: Vec<PathBuf>,
    pub cache_dir: PathBuf,
    pub leases: Vec<Lease>,
    pub released: Vec<Lease>,
    pub notes: Vec<String>,
}
