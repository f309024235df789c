//! VERSION queries (plugins lacking the selected version, plugins predating VERSION, IPAM
//! plugins), `--trace` on stderr and in the JSON report, and cnitool-style output.

use serde_json::{json, Value};

use super::{assert_contains, callers, fixture, json_run, network, recorded, setup, NET};
use crate::util::{read_json, World};

/// `cnictl -o json version net`.
fn version_run(world: &World, code: i32) -> Value {
    world.cnictl().args(["-o", "json", "version", NET]).expect(code).json()
}

#[test]
fn version_flags_a_plugin_lacking_the_selected_version() {
    let Some((world, _ns)) = setup("version_flags_a_plugin_lacking_the_selected_version", "ver")
    else {
        return;
    };
    let plugins = vec![fixture(&world, "fresh", json!({})), fixture(&world, "stale", json!({}))];
    std::fs::write(world.path("bin").join("stale.versions"), "0.3.1,0.4.0").unwrap();
    network(&world, "1.0.0", plugins);
    let report = version_run(&world, 1);
    assert_eq!(report["ok"], false);
    assert_eq!(report["plugins"][0]["supportsSelected"], true);
    let stale = &report["plugins"][1];
    assert_eq!((&stale["type"], &stale["supportsSelected"]), (&json!("stale"), &json!(false)));
    assert_eq!(stale["supportedVersions"], json!(["0.3.1", "0.4.0"]));
}

#[test]
fn a_plugin_predating_version_supports_only_0_1_0() {
    let Some((world, _ns)) = setup("a_plugin_predating_version_supports_only_0_1_0", "ver010")
    else {
        return;
    };
    network(&world, "1.0.0", vec![fixture(&world, "ancient", json!({}))]);
    let sidecar = json!({"behaviour": {"VERSION": "unknown-version-command"}});
    std::fs::write(world.path("bin").join("ancient.json"), sidecar.to_string()).unwrap();
    let answer = &version_run(&world, 1)["plugins"][0];
    assert_eq!(answer["supportedVersions"], json!(["0.1.0"]));
    assert_eq!((&answer["supportsSelected"], &answer["error"]), (&json!(false), &Value::Null));
}

#[test]
fn version_asks_ipam_plugins_too() {
    let Some((world, _ns)) = setup("version_asks_ipam_plugins_too", "veripam") else {
        return;
    };
    let main = fixture(&world, "main", json!({"ipam": {"type": "addrs"}}));
    world.fixture("addrs");
    // VERSION's stdin carries no configuration: the sidecar makes the IPAM plugin record.
    let sidecar = json!({"recordDir": world.path("rec")});
    std::fs::write(world.path("bin").join("addrs.json"), sidecar.to_string()).unwrap();
    network(&world, "1.0.0", vec![main]);
    let report = version_run(&world, 0);
    let ipam = &report["plugins"][1];
    assert_eq!(
        (&ipam["role"], &ipam["type"], &ipam["index"]),
        (&json!("ipam"), &json!("addrs"), &json!(0))
    );
    assert_eq!(ipam["supportsSelected"], true);
    let calls = recorded(&world);
    assert_eq!(callers(&calls), ["addrs"]);
    assert_eq!(calls[0]["command"], "VERSION");
}

#[test]
fn trace_prints_every_call_on_stderr() {
    let Some((world, ns)) = setup("trace_prints_every_call_on_stderr", "tracetab") else {
        return;
    };
    let plugins = vec![fixture(&world, "first", json!({})), fixture(&world, "second", json!({}))];
    network(&world, "1.0.0", plugins);
    let out = world.cnictl().args(["--trace", "add", NET, &ns.name]).expect(0);
    for needle in ["--- call 1/2: ADD first", "--- call 2/2: ADD second", "exit status 0"] {
        assert_contains(&out.stderr, needle);
    }
    for needle in ["CNI_COMMAND=ADD", "stdin:", "stdout:", "stderr:"] {
        assert_eq!(out.stderr.matches(needle).count(), 2, "{needle:?} in:\n{}", out.stderr);
    }
    assert_contains(&out.stderr, &format!("CNI_NETNS={}", ns.path()));
}

#[test]
fn trace_with_json_puts_every_call_in_the_report() {
    let Some((world, ns)) = setup("trace_with_json_puts_every_call_in_the_report", "tracejs")
    else {
        return;
    };
    let plugins = vec![fixture(&world, "first", json!({})), fixture(&world, "second", json!({}))];
    network(&world, "1.0.0", plugins);
    json_run(&world, "add", &ns).expect(0);
    let out = json_run(&world, "del", &ns).arg("--trace").expect(0);
    assert!(!out.stderr.contains("--- call"), "trace on stderr:\n{}", out.stderr);
    let calls = out.json()["calls"].as_array().unwrap().clone();
    let plugins: Vec<&Value> = calls.iter().map(|c| &c["plugin"]).collect();
    assert_eq!(plugins, [&json!("second"), &json!("first")]);
    for call in &calls {
        assert_eq!(call["command"], "DEL");
        assert_eq!(call["env"]["CNI_COMMAND"], "DEL");
        assert_eq!(call["env"]["CNI_NETNS"], ns.path());
        assert_eq!(call["exit"], json!({"kind": "code", "code": 0}));
    }
}

#[test]
fn cnitool_output_is_the_final_add_result_only() {
    let Some((world, ns)) = setup("cnitool_output_is_the_final_add_result_only", "cnitool") else {
        return;
    };
    let plugins = vec![fixture(&world, "first", json!({})), fixture(&world, "second", json!({}))];
    network(&world, "1.0.0", plugins);
    let cnitool = |command: &str, code| {
        world.cnictl().args(["-o", "cnitool", command, NET, &ns.name]).expect(code).stdout
    };
    let printed = cnitool("add", 0);
    assert!(printed.starts_with("{\n    \"cniVersion\""), "{printed}");
    assert!(!printed.ends_with('\n'), "trailing newline in {printed:?}");
    let result: Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(result, read_json(&world.cache_entries()[0])["result"]);
    assert_eq!(result["ips"][0]["address"], "192.0.2.10/24");
    assert_eq!(cnitool("del", 0), "");
}

/// `run`'s VERSION preflight and `version` agree on the exit class of every bad answer:
/// crash, timeout, garbage, empty (4), a missing binary (3, with a hint about installing
/// it, never "upgrade"), and each message is printed once.
#[test]
fn preflight_exit_classes_and_hints_follow_the_cause() {
    let Some((world, _ns)) = setup("preflight_exit_classes_and_hints_follow_the_cause", "prefl")
    else {
        return;
    };
    for (mode, code) in [("crash", 4), ("hang", 4), ("garbage", 4), ("empty", 4)] {
        let name = format!("v{mode}");
        let plugin = fixture(&world, &name, json!({}));
        let sidecar = json!({"behaviour": {"VERSION": mode}});
        std::fs::write(world.path("bin").join(format!("{name}.json")), sidecar.to_string())
            .unwrap();
        network(&world, "1.0.0", vec![plugin]);
        let run = world.cnictl().args(["-o", "json", "--timeout", "1s", "run", NET]).expect(code);
        let report = run.json();
        assert_eq!(report["error"]["kind"], "preflight", "{mode}: {}", report["error"]);
        assert_eq!(report["error"]["exitCode"], code, "{mode}: {}", report["error"]);
        let hint = report["error"]["hint"].as_str().unwrap_or_default();
        assert!(hint.contains("--trace") && !hint.contains("upgrade"), "{mode}: {hint}");
        assert!(recorded(&world).iter().all(|c| c["command"] != "ADD"), "{mode}: ADD ran");
        world.cnictl().args(["--timeout", "1s", "version", NET]).expect(code);
    }
    network(&world, "1.0.0", vec![json!({"type": "nc-not-installed"})]);
    let run = world.cnictl().args(["run", NET]).expect(3);
    let text = format!("{}{}", run.stdout, run.stderr);
    assert_contains(&text, "install the missing plugins");
    assert!(!text.contains("upgrade"), "{text}");
    assert_eq!(text.matches("install the missing plugins").count(), 1, "{text}");
    let version = world.cnictl().args(["version", NET]).expect(3);
    let text = format!("{}{}", version.stdout, version.stderr);
    assert_eq!(text.matches("install the missing plugins").count(), 1, "{text}");
}
