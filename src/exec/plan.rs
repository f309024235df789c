//! What a chain call would send, computed without running anything: each plugin's
//! environment and stdin, in the order the chain would call them. `conf show --request`
//! shows it; replay and conformance build on it. The stdin comes from the same builders
//! [`chain::run`] uses, so what is shown is what is sent.

use serde::Serialize;
use serde_json::{Map, Value};

use super::chain::{self, Attachment};
use super::Command;
use crate::config::NetworkConfigList;
use crate::spec::result::CniResult;

/// One call as it would be made.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Planned {
    /// Position in the list (0-based).
    pub index: usize,
    #[serde(rename = "type")]
    pub plugin_type: String,
    #[serde(serialize_with = "super::plugin::env_as_object")]
    pub env: Vec<(String, String)>,
    pub stdin: Map<String, Value>,
    /// The capability arguments it would get as `runtimeConfig`, by name.
    pub runtime_config: Vec<String>,
}

/// The calls of `command` over the chain, in the order they would run. ADD's `prevResult`
/// for the second plugin on is the previous plugin's result, unknown until it runs, so a
/// placeholder string names it; CHECK and DEL get `cached` (the cached ADD result, at the
/// list's version), or a placeholder when there is none. GC carries `valid`.
pub fn would_send(
    list: &NetworkConfigList,
    command: Command,
    att: &Attachment,
    cni_path: &str,
    cached: Option<&CniResult>,
    valid: &[(String, String)],
) -> Vec<Planned> {
    let network_wide = matches!(command, Command::Gc | Command::Status);
    let env = if network_wide {
        chain::environment(command, &Attachment::default(), cni_path)
    } else {
        chain::environment(command, att, cni_path)
    };
    let mut planned: Vec<Planned> = list
        .plugins
        .iter()
        .enumerate()
        .map(|(i, plugin)| {
            let (stdin, runtime_config) = match command {
                Command::Gc => (chain::gc_request(list, plugin, valid), Vec::new()),
                Command::Status => (chain::status_request(list, plugin), Vec::new()),
                _ => {
                    let prev = cached.filter(|_| command != Command::Add);
                    let (mut stdin, injected) =
                        chain::request(list, plugin, &att.capability_args, prev);
                    if let Some(text) = placeholder(list, command, i, cached.is_some()) {
                        stdin.insert("prevResult".into(), Value::String(text));
                    }
                    (stdin, injected)
                }
            };
            Planned {
                index: i,
                plugin_type: plugin.plugin_type.clone(),
                env: env.clone(),
                stdin,
                runtime_config,
            }
        })
        .collect();
    if command == Command::Del {
        planned.reverse();
    }
    planned
}

/// The stand-in for a `prevResult` that is not known before the chain runs.
fn placeholder(
    list: &NetworkConfigList,
    command: Command,
    i: usize,
    cached: bool,
) -> Option<String> {
    match command {
        Command::Add if i > 0 => {
            Some(format!("<the result of plugin {} ({})>", i, list.plugins[i - 1].plugin_type))
        }
        Command::Check | Command::Del if !cached => Some("<the cached result of ADD>".into()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list() -> NetworkConfigList {
        let text = br#"{"cniVersion":"1.0.0","name":"n","plugins":[
            {"type":"bridge","ipam":{"type":"host-local"}},
            {"type":"portmap","capabilities":{"portMappings":true}}]}"#;
        crate::config::parse_conflist(std::path::Path::new("n.conflist"), text).unwrap()
    }

    fn att() -> Attachment {
        let mut caps = Map::new();
        caps.insert("portMappings".into(), serde_json::json!([{"hostPort": 80}]));
        Attachment {
            container_id: "c1".into(),
            netns: "/var/run/netns/x".into(),
            ifname: "eth0".into(),
            args: vec![("K".into(), "V".into())],
            capability_args: caps,
        }
    }

    fn env(p: &Planned, key: &str) -> String {
        p.env.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).unwrap_or_default()
    }

    #[test]
    fn add_names_the_previous_result_and_injects_declared_capabilities() {
        let plan = would_send(&list(), Command::Add, &att(), "/opt/cni/bin", None, &[]);
        assert_eq!(plan.len(), 2);
        assert!(plan[0].stdin.get("prevResult").is_none());
        assert_eq!(plan[1].stdin["prevResult"], "<the result of plugin 1 (bridge)>");
        assert_eq!(plan[1].runtime_config, vec!["portMappings".to_string()]);
        assert!(plan[0].stdin.get("runtimeConfig").is_none());
        assert_eq!(env(&plan[0], "CNI_COMMAND"), "ADD");
        assert_eq!(env(&plan[0], "CNI_ARGS"), "K=V");
        assert_eq!(env(&plan[1], "CNI_PATH"), "/opt/cni/bin");
    }

    #[test]
    fn del_runs_in_reverse_with_the_cached_result_or_a_placeholder() {
        let cached = CniResult::from_value(
            &serde_json::json!({"cniVersion":"1.0.0","ips":[{"address":"10.1.0.2/24"}]}),
            "1.0.0",
        )
        .unwrap();
        let plan = would_send(&list(), Command::Del, &att(), "/b", Some(&cached), &[]);
        assert_eq!(plan[0].plugin_type, "portmap");
        assert_eq!(plan[1].stdin["prevResult"]["ips"][0]["address"], "10.1.0.2/24");
        let plan = would_send(&list(), Command::Del, &att(), "/b", None, &[]);
        assert_eq!(plan[0].stdin["prevResult"], "<the cached result of ADD>");
    }

    #[test]
    fn gc_and_status_carry_no_attachment() {
        let valid = [("c1".to_string(), "eth0".to_string())];
        let plan = would_send(&list(), Command::Gc, &att(), "/b", None, &valid);
        assert_eq!(plan[0].stdin["cni.dev/valid-attachments"][0]["containerID"], "c1");
        assert_eq!(env(&plan[0], "CNI_CONTAINERID"), "");
        let plan = would_send(&list(), Command::Status, &att(), "/b", None, &[]);
        assert!(plan[1].stdin.get("runtimeConfig").is_none());
        assert_eq!(env(&plan[1], "CNI_COMMAND"), "STATUS");
    }
}
