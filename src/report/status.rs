//! The report of `status`.

use serde::Serialize;

use super::{ConfigSummary, ErrorReport};
use crate::exec::chain::Step;
use crate::exec::Invocation;

/// What STATUS says of the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Health {
    #[serde(rename = "available")]
    Available,
    /// Code 50.
    #[serde(rename = "not available")]
    NotAvailable,
    /// Code 51.
    #[serde(rename = "limited connectivity")]
    LimitedConnectivity,
    /// Another error.
    #[serde(rename = "unknown")]
    Unknown,
    /// Below cniVersion 1.1.0 nothing is asked.
    #[serde(rename = "not asked")]
    NotAsked,
}

impl Health {
    pub fn as_str(self) -> &'static str {
        match self {
            Health::Available => "available",
            Health::NotAvailable => "not available",
            Health::LimitedConnectivity => "limited connectivity",
            Health::Unknown => "unknown",
            Health::NotAsked => "not asked",
        }
    }
}

/// The report of `status`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusReport {
    pub command: &'static str,
    pub config: ConfigSummary,
    /// False below cniVersion 1.1.0: nothing was asked.
    pub sent: bool,
    pub plugins: Vec<Step>,
    /// Every plugin that answered with an error, explained.
    pub errors: Vec<ErrorReport>,
    pub verdict: Health,
    pub notes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calls: Option<Vec<Invocation>>,
}
