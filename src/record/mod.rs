//! `cnictl record`: what a real runtime sends each plugin. A shim directory holds one link
//! to the cnictl binary per plugin name and a marker ([`Marker`], `.cnictl-record.json`);
//! the runtime's plugin path lists it first. Run under a plugin's name from such a
//! directory, cnictl is the [`shim`]: it runs the real plugin with the same bytes, passes
//! everything back untouched, and appends one record to the [`log`]. [`redact`] masks
//! secrets in what is logged; [`install`] makes and removes shim directories.

pub mod install;
pub mod log;
pub mod redact;
pub mod shim;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The marker's file name inside a shim directory.
pub const MARKER: &str = ".cnictl-record.json";

/// Where the log goes unless `record install --log-dir` says otherwise.
pub const DEFAULT_LOG_DIR: &str = "/var/log/cnictl";

/// Where `record install` puts the shims unless `--shim-dir` says otherwise.
pub const DEFAULT_SHIM_DIR: &str = "/var/lib/cnictl/shims";

/// How much of each stream (stdin, stdout, stderr) one record keeps.
pub const DEFAULT_STREAM_CAP: u64 = 1024 * 1024;

/// The size at which the log is rotated.
pub const DEFAULT_LOG_CAP: u64 = 64 * 1024 * 1024;

/// How many rotated logs are kept (`calls.ndjson.1`, `calls.ndjson.2`).
pub const DEFAULT_KEEP: u32 = 2;

/// What `record install` writes into the shim directory: all the shim needs to know, so
/// that a call reads one small file and nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Marker {
    /// The format of this file.
    pub version: u32,
    /// The directories that hold the real plugins, searched in order.
    pub bin_dirs: Vec<PathBuf>,
    pub log_dir: PathBuf,
    /// The cnictl binary the links point at.
    pub cnictl: PathBuf,
    /// The links install made, by name: all that uninstall removes.
    pub links: Vec<String>,
    pub stream_cap: u64,
    pub log_cap: u64,
    pub keep: u32,
    /// Whether values of secret-looking keys are masked in the log.
    pub redact: bool,
    /// The key fragments that look secret (case-insensitive).
    pub redact_keys: Vec<String>,
}

impl Marker {
    /// Reads the marker of a shim directory.
    pub fn read(shim_dir: &Path) -> std::io::Result<Marker> {
        let bytes = std::fs::read(shim_dir.join(MARKER))?;
        serde_json::from_slice(&bytes)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
    }
}
