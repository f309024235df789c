//! Exactly what plugins see: the environment (only the CNI variables and PATH, unless
//! `--inherit-env`) and the stdin of ADD, DEL and CHECK, and when CHECK is not sent.

use serde_json::{json, Value};

use super::{
    assert_contains, caller, callers, error_line, fixture, json_run, network, recorded, setup, NET,
};
use crate::util::{read_json, sh};

/// cnitool's container ID for a namespace path: "cnitool-" and 20 hex digits of its SHA-512.
fn cnitool_container_id(netns_path: &str) -> String {
    let digest = sh("sh", &["-c", "printf %s \"$1\" | sha512sum", "sh", netns_path]);
    format!("cnitool-{}", &digest[..20])
}

#[test]
fn plugins_get_only_the_cni_variables_and_path() {
    let Some((world, ns)) = setup("plugins_get_only_the_cni_variables_and_path", "env") else {
        return;
    };
    network(&world, "1.0.0", vec![fixture(&world, "fx", json!({}))]);
    // The fixture records only CNI_* and PATH, so the leak probe must look like one of them.
    json_run(&world, "add", &ns).env("CNI_LEAK_ME", "1").env("LEAK_ME", "1").expect(0);
    let calls = recorded(&world);
    assert_eq!(calls.len(), 1);
    let expected = json!({
        "CNI_COMMAND": "ADD",
        "CNI_CONTAINERID": cnitool_container_id(&ns.path()),
        "CNI_NETNS": ns.path(),
        "CNI_IFNAME": "eth0",
        "CNI_ARGS": "",
        "CNI_PATH": world.bin_dirs(),
        "PATH": std::env::var("PATH").unwrap_or_else(|_| "/usr/sbin:/usr/bin:/sbin:/bin".into()),
    });
    assert_eq!(calls[0]["env"], expected);
}

#[test]
fn inherit_env_gives_plugins_the_whole_environment() {
    let Some((world, ns)) = setup("inherit_env_gives_plugins_the_whole_environment", "inherit")
    else {
        return;
    };
    network(&world, "1.0.0", vec![fixture(&world, "fx", json!({}))]);
    json_run(&world, "add", &ns).arg("--inherit-env").env("CNI_LEAK_ME", "1").expect(0);
    let env = &recorded(&world)[0]["env"];
    assert_eq!(env["CNI_LEAK_ME"], "1");
    assert_eq!(env["CNI_COMMAND"], "ADD");
}

#[test]
fn add_requests_carry_name_version_prev_result_and_declared_capabilities() {
    let Some((world, ns)) = setup("add_requests_carry_name_version_prev_result", "stdin") else {
        return;
    };
    let caps = json!({"capabilities": {"portMappings": true, "mac": true}});
    network(
        &world,
        "1.0.0",
        vec![
            fixture(&world, "first", json!({"custom": {"a": 1}})),
            fixture(&world, "second", caps.clone()),
        ],
    );
    let report = json_run(&world, "add", &ns)
        .args(["--trace", "--port-mapping", "8080:80", "--bandwidth", "ingressRate=1000"])
        .expect(0)
        .json();
    let calls = recorded(&world);
    assert_eq!(callers(&calls), ["first", "second"]);
    let (first, second) = (&calls[0]["stdin"], &calls[1]["stdin"]);
    assert_eq!((&first["name"], &first["cniVersion"]), (&json!(NET), &json!("1.0.0")));
    assert_eq!(first["custom"], json!({"a": 1}));
    assert!(first.get("prevResult").is_none() && first.get("runtimeConfig").is_none());
    // libcni re-serialises a result before chaining it, dropping empty lists and (1.x) an
    // empty dns; so does cnictl.
    let mut first_result: Value =
        serde_json::from_str(report["calls"][0]["stdout"].as_str().unwrap()).unwrap();
    assert_eq!(first_result.as_object_mut().unwrap().remove("routes"), Some(json!([])));
    assert_eq!(first_result.as_object_mut().unwrap().remove("dns"), Some(json!({})));
    assert_eq!(second["prevResult"], first_result);
    assert_eq!(second["capabilities"], caps["capabilities"]);
    let mapping = json!({"hostPort": 8080, "containerPort": 80, "protocol": "tcp"});
    assert_eq!(second["runtimeConfig"], json!({"portMappings": [mapping]}));
    assert_eq!(report["plugins"][0]["runtimeConfig"], json!([]));
    assert_eq!(report["plugins"][1]["runtimeConfig"], json!(["portMappings"]));
}

#[test]
fn del_runs_in_reverse_with_the_cached_result() {
    let Some((world, ns)) = setup("del_runs_in_reverse_with_the_cached_result", "del") else {
        return;
    };
    let plugins = vec![fixture(&world, "first", json!({})), fixture(&world, "second", json!({}))];
    network(&world, "1.0.0", plugins);
    json_run(&world, "add", &ns).expect(0);
    let cached = read_json(&world.cache_entries()[0])["result"].clone();
    let report = json_run(&world, "del", &ns).expect(0).json();
    let dels: Vec<Value> = recorded(&world).into_iter().filter(|c| c["command"] == "DEL").collect();
    assert_eq!(callers(&dels), ["second", "first"]);
    for call in &dels {
        assert_eq!(call["stdin"]["prevResult"], cached, "{}", caller(call));
    }
    assert_eq!(report["cache"]["action"], "removed");
    assert!(world.cache_entries().is_empty());
}

#[test]
fn check_needs_configuration_version_0_4_0() {
    let Some((world, ns)) = setup("check_needs_configuration_version_0_4_0", "check031") else {
        return;
    };
    network(&world, "0.3.1", vec![fixture(&world, "fx", json!({}))]);
    let out = world.cnictl().args(["check", NET, &ns.name]).expect(2);
    assert_contains(error_line(&out), "configuration version 0.3.1 does not support CHECK");
    assert_contains(error_line(&out), "0.4.0");
    assert!(recorded(&world).is_empty());
}

#[test]
fn disable_check_skips_check_without_calling_plugins() {
    let Some((world, ns)) = setup("disable_check_skips_check_without_calling_plugins", "nocheck")
    else {
        return;
    };
    let plugin = fixture(&world, "fx", json!({}));
    let list =
        json!({"cniVersion": "1.0.0", "name": NET, "disableCheck": true, "plugins": [plugin]});
    world.conf("10-net.conflist", &list.to_string());
    let report = json_run(&world, "check", &ns).expect(0).json();
    assert_eq!(report["plugins"], json!([]));
    assert_contains(report["notes"][0].as_str().unwrap(), "disableCheck");
    assert!(recorded(&world).is_empty());
}
