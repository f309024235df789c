//! The report of `ipam leases`.

use std::path::PathBuf;

use serde::Serialize;

/// What is known of a lease's holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LeaseState {
    InUse,
    /// On positive evidence: the namespace is gone, or the cache knows the network but not
    /// the container.
    Stale,
    /// The cache dir proves nothing: missing, unreadable, or without the network.
    Unknown,
}

impl LeaseState {
    pub fn as_str(self) -> &'static str {
        match self {
            LeaseState::InUse => "in use",
            LeaseState::Stale => "stale",
            LeaseState::Unknown => "unknown",
        }
    }
}

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
    /// Whether the lease is stale; false when in use or unknown.
    pub stale: bool,
    pub state: LeaseState,
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
