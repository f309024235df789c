//! VERSION (SPEC section 2): asking every plugin of a list, and each IPAM plugin it
//! delegates to, which spec versions it speaks, and reading the answer as libcni does.

use std::path::PathBuf;

use serde::Serialize;
use serde_json::Value;

use super::{Call, Command, Invocation, PluginFailure, Runner};
use crate::config::NetworkConfigList;

/// A plugin's answer to VERSION.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VersionAnswer {
    /// "plugin", or "ipam" for a delegated plugin named in `ipam.type`.
    pub role: &'static str,
    /// The list entry it belongs to (0-based).
    pub index: usize,
    #[serde(rename = "type")]
    pub plugin_type: String,
    pub path: Option<PathBuf>,
    pub supported_versions: Vec<String>,
    pub supports_selected: bool,
    pub error: Option<String>,
    #[serde(skip)]
    pub failure: Option<PluginFailure>,
}

/// The stdin of VERSION, as libcni sends it: its own newest version.
const VERSION_REQUEST: &str = r#"{"cniVersion":"1.1.0"}"#;

/// Asks VERSION of every plugin of the list and of each IPAM plugin they name.
pub fn versions(
    runner: &dyn Runner,
    list: &NetworkConfigList,
) -> (Vec<VersionAnswer>, Vec<Invocation>) {
    let mut answers = Vec::new();
    let mut calls = Vec::new();
    for (index, plugin) in list.plugins.iter().enumerate() {
        let mut targets = vec![("plugin", plugin.plugin_type.clone())];
        if let Some(ipam) = plugin.ipam_type() {
            targets.push(("ipam", ipam.to_string()));
        }
        for (role, plugin_type) in targets {
            let mut answer = VersionAnswer {
                role,
                index,
                plugin_type: plugin_type.clone(),
                path: None,
                supported_versions: Vec::new(),
                supports_selected: false,
                error: None,
                failure: None,
            };
            match runner.find(&plugin_type) {
                Err(failure) => {
                    answer.error = Some(failure.to_string());
                    answer.failure = Some(failure);
                }
                Ok(path) => {
                    answer.path = Some(path.clone());
                    let (outcome, inv) = probe_version(runner, &plugin_type, path);
                    match outcome {
                        Ok(versions) => {
                            answer.supports_selected = versions.contains(&list.cni_version);
                            answer.supported_versions = versions;
                        }
                        Err(failure) => {
                            answer.error = Some(failure.to_string());
                            answer.failure = Some(failure);
                        }
                    }
                    calls.push(inv);
                }
            }
            answers.push(answer);
        }
    }
    (answers, calls)
}

/// Asks one plugin binary VERSION, as libcni does.
pub fn probe_version(
    runner: &dyn Runner,
    plugin_type: &str,
    path: PathBuf,
) -> (Result<Vec<String>, PluginFailure>, Invocation) {
    let inv = runner.run(&Call {
        plugin: plugin_type.to_string(),
        path,
        command: Command::Version,
        // Old skel-based plugins insist on these even for VERSION.
        env: vec![
            ("CNI_COMMAND".into(), "VERSION".into()),
            ("CNI_NETNS".into(), "dummy".into()),
            ("CNI_IFNAME".into(), "dummy".into()),
            ("CNI_PATH".into(), "dummy".into()),
            ("PATH".into(), super::SystemRunner::path_env()),
        ],
        stdin: VERSION_REQUEST.as_bytes().to_vec(),
    });
    (interpret_version(&inv), inv)
}

/// Reads a VERSION answer. A plugin that predates VERSION answers "unknown CNI_COMMAND:
/// VERSION"; libcni takes that to mean it speaks 0.1.0 only.
fn interpret_version(inv: &Invocation) -> Result<Vec<String>, PluginFailure> {
    if let Err(failure) = PluginFailure::from_invocation(inv) {
        if let PluginFailure::Error { error, .. } = &failure {
            if error.msg == "unknown CNI_COMMAND: VERSION" {
                return Ok(vec!["0.1.0".into()]);
            }
        }
        return Err(failure);
    }
    let bad = |why: String| PluginFailure::bad_output(inv, why);
    let value: Value = serde_json::from_str(inv.stdout.trim())
        .map_err(|e| bad(format!("VERSION output is not JSON ({e})")))?;
    match value.get("supportedVersions") {
        Some(Value::Array(items)) => {
            Ok(items.iter().filter_map(|v| v.as_str().map(String::from)).collect())
        }
        None if value.get("cniVersion").and_then(Value::as_str) == Some("0.2.0") => {
            Ok(vec!["0.1.0".into(), "0.2.0".into()])
        }
        _ => Err(bad("VERSION output has no \"supportedVersions\" list".into())),
    }
}
