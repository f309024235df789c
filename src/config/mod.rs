//! Network configurations (SPEC section 1) as libcni loads them: `.conflist` files, the
//! deprecated single-plugin `.conf`/`.json` files up-converted to lists, version selection,
//! the sibling drop-in folder `<conf-dir>/<network>/*.conf`, and the lookup by name.

pub mod gojson;
mod load;
pub mod quick;
mod resolve;

pub use load::{
    load_bytes, load_file, parse_conf, parse_conflist, read as read_file, ConfigError,
    MAX_CONFIG_BYTES,
};
pub use resolve::{find_network, list_files, read_dir, Listing, Resolution, SkippedFile};

use std::path::PathBuf;

use serde_json::{Map, Value};

/// How a file was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A network configuration list (`plugins: [...]`).
    Conflist,
    /// A single plugin configuration, up-converted to a list of one.
    Conf,
}

/// Where a plugin of the chain came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The n-th entry of `plugins` in the main file (or the whole of a `.conf`).
    Inline(usize),
    /// A drop-in file from the network's sibling folder.
    DropIn(PathBuf),
}

/// One plugin configuration object, kept as the raw JSON so unknown fields survive.
#[derive(Debug, Clone, PartialEq)]
pub struct PluginConf {
    pub plugin_type: String,
    pub raw: Map<String, Value>,
    pub origin: Origin,
}

impl PluginConf {
    /// The capabilities this plugin declares `true` (SPEC section 3, "Deriving runtimeConfig").
    pub fn capabilities(&self) -> Vec<String> {
        match gojson::field(&self.raw, "capabilities") {
            Some(Value::Object(caps)) => caps
                .iter()
                .filter(|(_, on)| on.as_bool() == Some(true))
                .map(|(name, _)| name.clone())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The `ipam` object, found as libcni finds it (its key in any case).
    pub fn ipam(&self) -> Option<&Map<String, Value>> {
        gojson::field(&self.raw, "ipam")?.as_object()
    }

    /// The delegated IPAM plugin type, when `ipam.type` is set.
    pub fn ipam_type(&self) -> Option<&str> {
        gojson::field(self.ipam()?, "type")?.as_str()
    }
}

/// A resolved network configuration list, ready to execute.
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkConfigList {
    pub name: String,
    /// The version the list runs at, chosen by [`crate::spec::version::select`].
    pub cni_version: String,
    /// `cniVersion` as written in the file, if any.
    pub declared_version: Option<String>,
    /// `cniVersions` as written in the file.
    pub cni_versions: Vec<String>,
    pub disable_check: bool,
    pub disable_gc: bool,
    pub load_only_inlined_plugins: bool,
    pub plugins: Vec<PluginConf>,
    /// The file it was read from.
    pub source: PathBuf,
    pub format: Format,
    /// The bytes libcni would cache as `config`: the file for a list, the up-converted list
    /// for a single-plugin file.
    pub bytes: Vec<u8>,
    /// The whole top-level object, for display.
    pub raw: Map<String, Value>,
}
