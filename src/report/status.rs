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
    /// Every plugin that failed does not support the configuration's version (its VERSION
    /// answer lacks it), so it did not understand STATUS: its answer says nothing.
    #[serde(rename = "unsupported")]
    Unsupported,
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
            Health::Unsupported => "unsupported",
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
    /// The plugins that failed STATUS and, asked VERSION then, do not list the
    /// configuration's version: older than STATUS, they did not understand it.
    pub unsupported: Vec<Unsupported>,
    pub verdict: Health,
    pub notes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calls: Option<Vec<Invocation>>,
}

/// A plugin that failed STATUS and does not support the configuration's version.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Unsupported {
    /// Its position in the list (0-based).
    pub index: usize,
    #[serde(rename = "type")]
    pub plugin_type: String,
    /// What it answered to VERSION.
    pub supported_versions: Vec<String>,
}
