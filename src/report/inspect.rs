//! The report of `inspect`: a namespace's live state, read over netlink.

use serde::Serialize;

use crate::inspect::Snapshot;

#[derive(Debug, Clone, Serialize)]
pub struct InspectReport {
    pub command: &'static str,
    #[serde(flatten)]
    pub snapshot: Snapshot,
}
