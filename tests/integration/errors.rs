//! Every way a plugin can fail, the exit codes and reports cnictl gives for each, and exactly
//! what plugins see (environment and stdin), with the fixture plugin
//! (examples/fixture-plugin.rs) linked into each test's bin dir under the names it uses.

use std::os::unix::process::CommandExt;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::util::{self, read_json, root_or_skip, sh, Netns, Output, World};

/// The network every test defines.
const NET: &str = "net";

/// A world and a container namespace, or `None` (test skipped) without root.
fn setup(test: &str, tag: &str) -> Option<(World, Netns)> {
    root_or_skip(test).then(|| (World::new(tag), Netns::new(tag)))
}

/// Links the fixture into the bin dir as `name` and returns its plugin object: recording
/// its calls in the world's `rec/` dir, plus the `extra` fields.
fn fixture(world: &World, name: &str, extra: Value) -> Value {
    world.fixture(name);
    let mut conf = json!({"type": name, "recordDir": world.path("rec")});
    conf.as_object_mut().unwrap().extend(extra.as_object().cloned().unwrap_or_default());
    conf
}

/// Writes `10-net.conflist` holding these plugins.
fn network(world: &World, version: &str, plugins: Vec<Value>) {
    let list = json!({"cniVersion": version, "name": NET, "plugins": plugins});
    world.conf("10-net.conflist", &list.to_string());
}

/// `cnictl -o json COMMAND net NETNS`.
fn json_run(world: &World, command: &str, ns: &Netns) -> util::Cnictl {
    world.cnictl().args(["-o", "json", command, NET, &ns.name])
}

/// The calls the fixture plugins recorded, in order; none when no plugin ran.
fn recorded(world: &World) -> Vec<Value> {
    match std::fs::read_to_string(world.path("rec").join("calls.jsonl")) {
        Ok(text) => text.lines().map(|line| serde_json::from_str(line).unwrap()).collect(),
        Err(_) => Vec::new(),
    }
}

/// The name a recorded call's plugin was invoked as.
fn caller(call: &Value) -> &str {
    call["argv0"].as_str().unwrap().rsplit('/').next().unwrap()
}

fn callers(calls: &[Value]) -> Vec<&str> {
    calls.iter().map(caller).collect()
}

/// cnictl's one-line error summary on stderr.
fn error_line(out: &Output) -> &str {
    let line = out.stderr.lines().find(|l| l.starts_with("cnictl: error:"));
    line.unwrap_or_else(|| panic!("no `cnictl: error:` line on stderr:\n{}", out.stderr))
}

fn assert_contains(text: &str, needle: &str) {
    assert!(text.contains(needle), "expected {needle:?} in:\n{text}");
}

/// The outcome of each plugin in the report, in the order they ran.
fn outcomes(report: &Value) -> Vec<&str> {
    let steps = report["plugins"].as_array().unwrap();
    steps.iter().map(|s| s["outcome"].as_str().unwrap()).collect()
}

#[test]
fn an_error_object_exits_1_and_explains_the_code() {
    let Some((world, ns)) = setup("an_error_object_exits_1_and_explains_the_code", "errobj") else {
        return;
    };
    let failing = json!({"behaviour": "error", "errorCode": 7, "errorMsg": "bad subnet"});
    network(
        &world,
        "1.0.0",
        vec![fixture(&world, "first", json!({})), fixture(&world, "second", failing)],
    );
    let out = json_run(&world, "add", &ns).expect(1);
    let report = out.json();
    let error = &report["error"];
    assert_eq!(error["kind"], "plugin-error");
    assert_eq!(error["exitCode"], 1);
    assert_eq!((&error["plugin"], &error["index"]), (&json!("second"), &json!(1)));
    assert_eq!(error["cniError"]["code"], 7);
    assert_eq!(error["cniError"]["meaning"], "invalid network configuration");
    assert_eq!(error["cniError"]["msg"], "bad subnet");
    assert_eq!(error["exit"], json!({"kind": "code", "code": 1}));
    assert_contains(error["hint"].as_str().unwrap(), "cnictl del net");
    assert_eq!(outcomes(&report), ["ok", "failed"]);
    assert!(report["cache"].is_null() && report["result"].is_null());
    assert!(world.cache_entries().is_empty(), "{:?}", world.cache_entries());
    let line = error_line(&out);
    assert_contains(line, "plugin 2 of 2 (second)");
    assert_contains(line, "bad subnet");
}

#[test]
fn plugins_after_a_failure_are_never_run() {
    let Some((world, ns)) = setup("plugins_after_a_failure_are_never_run", "notrun") else {
        return;
    };
    network(
        &world,
        "1.0.0",
        vec![
            fixture(&world, "first", json!({})),
            fixture(&world, "second", json!({"behaviour": "error"})),
            fixture(&world, "third", json!({})),
        ],
    );
    let report = json_run(&world, "add", &ns).expect(1).json();
    assert_eq!(outcomes(&report), ["ok", "failed", "not-run"]);
    assert!(report["plugins"][2]["path"].is_null());
    assert_eq!(callers(&recorded(&world)), ["first", "second"]);
}

#[test]
fn a_crash_exits_4_with_the_signal_and_stderr() {
    let Some((world, ns)) = setup("a_crash_exits_4_with_the_signal_and_stderr", "crash") else {
        return;
    };
    network(&world, "1.0.0", vec![fixture(&world, "boom", json!({"behaviour": "crash"}))]);
    let out = json_run(&world, "add", &ns).expect(4);
    let error = &out.json()["error"];
    assert_eq!(error["kind"], "crash");
    assert_eq!(error["exitCode"], 4);
    assert_eq!(error["exit"], json!({"kind": "signal", "signal": 6, "name": "SIGABRT"}));
    assert_eq!(error["stderr"], "panic: fixture crashed on purpose");
    assert_contains(error_line(&out), "killed by SIGABRT");
}

/// Whether a process still runs (a zombie has been killed and only awaits its reaper).
fn running(pid: &str) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        // The state follows the command name in parentheses: `123 (sleep) S ...`.
        Ok(stat) => {
            !matches!(stat.rsplit(')').next().unwrap().trim_start().chars().next(), Some('Z' | 'X'))
        }
        Err(_) => false,
    }
}

#[test]
fn a_hang_is_killed_with_its_children_after_the_timeout() {
    let Some((world, ns)) = setup("a_hang_is_killed_with_its_children_after_the_timeout", "hang")
    else {
        return;
    };
    network(&world, "1.0.0", vec![fixture(&world, "stuck", json!({"behaviour": "hang"}))]);
    let started = Instant::now();
    let out = json_run(&world, "add", &ns).args(["--timeout", "500ms"]).expect(4);
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(10), "took {elapsed:?}");
    let error = &out.json()["error"];
    assert_eq!(error["kind"], "timeout");
    assert_eq!(error["exitCode"], 4);
    assert_contains(error["message"].as_str().unwrap(), "timed out after 500ms");

    let pids: Vec<String> = ["hang.pid", "child.pid"]
        .iter()
        .map(|f| std::fs::read_to_string(world.path("rec").join(f)).expect(f))
        .collect();
    let deadline = Instant::now() + Duration::from_secs(2);
    while pids.iter().any(|p| running(p)) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let survivors: Vec<&String> = pids.iter().filter(|p| running(p)).collect();
    for pid in &survivors {
        let _ = std::process::Command::new("kill").args(["-9", pid]).status();
    }
    assert!(survivors.is_empty(), "still running after the timeout: {survivors:?}");
}

#[test]
fn garbage_after_a_successful_add_is_a_protocol_violation() {
    let Some((world, ns)) = setup("garbage_after_a_successful_add_is_a_protocol_violation", "garb")
    else {
        return;
    };
    network(&world, "1.0.0", vec![fixture(&world, "noisy", json!({"behaviour": "garbage"}))]);
    let out = json_run(&world, "add", &ns).expect(4);
    let report = out.json();
    assert_eq!(report["error"]["kind"], "bad-output");
    assert_eq!(report["error"]["exitCode"], 4);
    assert_contains(report["error"]["message"].as_str().unwrap(), "stdout is not a result");
    assert!(world.cache_entries().is_empty());
}

#[test]
fn a_non_zero_exit_without_an_error_object_keeps_stderr() {
    let Some((world, ns)) = setup("a_non_zero_exit_without_an_error_object_keeps_stderr", "exit3")
    else {
        return;
    };
    network(&world, "1.0.0", vec![fixture(&world, "quits", json!({"behaviour": "exit:3"}))]);
    let error = json_run(&world, "add", &ns).expect(1).json()["error"].clone();
    assert_eq!(error["kind"], "plugin-failed");
    assert_eq!(error["exitCode"], 1);
    assert_eq!(error["exit"], json!({"kind": "code", "code": 3}));
    assert!(error["cniError"].is_null());
    assert_eq!(error["stderr"], "fixture: exiting with 3");
}

#[test]
fn empty_and_null_add_output_are_an_empty_result() {
    if !root_or_skip("empty_and_null_add_output_are_an_empty_result") {
        return;
    }
    for mode in ["empty", "null"] {
        let (world, ns) = (World::new(mode), Netns::new(mode));
        network(&world, "1.0.0", vec![fixture(&world, "quiet", json!({"behaviour": mode}))]);
        let report = json_run(&world, "add", &ns).expect(0).json();
        assert_eq!(report["result"]["cniVersion"], "1.0.0", "{mode}");
        assert!(report["result"].get("ips").is_none(), "{mode}: {}", report["result"]);
        assert_eq!(report["cache"]["action"], "written", "{mode}");
        let entries = world.cache_entries();
        assert_eq!(entries.len(), 1, "{mode}");
        assert_eq!(read_json(&entries[0])["result"], report["result"], "{mode}");
    }
}

#[test]
fn a_result_without_cni_version_takes_the_configuration_version() {
    let Some((world, ns)) = setup("a_result_without_cni_version_takes_the_conf_version", "nover")
    else {
        return;
    };
    network(&world, "0.4.0", vec![fixture(&world, "bare", json!({"behaviour": "noversion"}))]);
    let report = json_run(&world, "add", &ns).expect(0).json();
    assert_eq!(report["config"]["cniVersion"], "0.4.0");
    assert_eq!(report["result"]["cniVersion"], "0.4.0");
    assert_eq!(report["result"]["ips"][0]["address"], "192.0.2.10/24");
}

#[test]
fn a_missing_plugin_binary_stops_the_chain_before_anything_runs() {
    let Some((world, ns)) = setup("a_missing_plugin_binary_stops_the_chain", "missing") else {
        return;
    };
    let present = fixture(&world, "present", json!({}));
    network(&world, "1.0.0", vec![present, json!({"type": "absent"})]);
    let out = json_run(&world, "add", &ns).expect(3);
    let error = &out.json()["error"];
    assert_eq!(error["kind"], "not-found");
    assert_eq!((&error["plugin"], &error["index"]), (&json!("absent"), &json!(1)));
    let message = error["message"].as_str().unwrap();
    assert_contains(message, "\"absent\"");
    assert_contains(message, &world.bin_dirs());
    assert_eq!(outcomes(&out.json()), ["not-run", "not-run"]);
    assert!(recorded(&world).is_empty(), "{:?}", recorded(&world));
    // Regression (fixed): the hint says "plugins before it may have set things up" although cnictl locates
    // every binary before running any, so nothing ran (every outcome is "not-run").
    let hint = error["hint"].as_str().unwrap_or("");
    assert!(!hint.contains("may have set things up"), "misleading hint: {hint}");
}

#[test]
fn a_plugin_type_with_a_slash_is_a_usage_error() {
    let Some((world, ns)) = setup("a_plugin_type_with_a_slash_is_a_usage_error", "slash") else {
        return;
    };
    let bin = world.path("bin").join("fx");
    network(&world, "1.0.0", vec![fixture(&world, "fx", json!({"type": bin}))]);
    let error = json_run(&world, "add", &ns).expect(2).json()["error"].clone();
    assert_eq!(error["kind"], "bad-type");
    assert_eq!(error["exitCode"], 2);
    assert!(recorded(&world).is_empty());
}

#[test]
fn a_namespace_that_does_not_exist_is_an_environment_error() {
    let Some((world, _ns)) = setup("a_namespace_that_does_not_exist", "nons") else {
        return;
    };
    network(&world, "1.0.0", vec![fixture(&world, "fx", json!({}))]);
    let missing = format!("cnictl-absent-{}-{}", std::process::id(), util::unique());
    let out = world.cnictl().args(["add", NET, &missing]).expect(3);
    assert_contains(error_line(&out), &format!("`ip netns add {missing}`"));
    assert!(recorded(&world).is_empty());
}

#[test]
fn add_without_root_is_an_environment_error() {
    let Some((world, ns)) = setup("add_without_root_is_an_environment_error", "noroot") else {
        return;
    };
    network(&world, "1.0.0", vec![fixture(&world, "fx", json!({}))]);
    // The temporary dir is 0700: let the unprivileged cnictl read the configuration.
    sh("chmod", &["0755", &world.dir.path().to_string_lossy()]);
    let mut cmd = util::cnictl()
        .env("NETCONFPATH", world.conf_dir().to_string_lossy())
        .env("CNI_PATH", world.bin_dirs())
        .args(["--cache-dir", &world.cache_dir().to_string_lossy(), "add", NET, &ns.path()])
        .command();
    let raw = cmd.uid(65534).output().unwrap();
    let out = Output {
        code: raw.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&raw.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&raw.stderr).into_owned(),
    };
    assert_eq!(out.code, 3, "{out:?}");
    assert_contains(error_line(&out), "add needs root");
    assert!(recorded(&world).is_empty());
}

#[test]
fn invalid_json_is_reported_with_file_line_and_column() {
    let Some((world, ns)) = setup("invalid_json_is_reported_with_file_line_and_column", "json")
    else {
        return;
    };
    let path = world.conf(
        "10-net.conflist",
        "{\n  \"name\": \"net\",\n  \"plugins\": [{\"type\": \"fx\"},]\n}\n",
    );
    let out = world.cnictl().args(["add", NET, &ns.name]).expect(2);
    assert_contains(error_line(&out), &format!("{}:3:", path.display()));
    assert_contains(&out.stderr, "invalid JSON: trailing comma");
}

#[test]
fn a_conflist_body_in_a_conf_file_says_rename_it() {
    let Some((world, ns)) = setup("a_conflist_body_in_a_conf_file_says_rename_it", "conf") else {
        return;
    };
    world.conf("10-net.conf", r#"{"cniVersion":"1.0.0","name":"net","plugins":[{"type":"fx"}]}"#);
    let out = world.cnictl().args(["add", NET, &ns.name]).expect(2);
    assert_contains(error_line(&out), "10-net.conf");
    assert_contains(&out.stderr, "rename it to .conflist");
}

#[test]
fn an_unknown_network_lists_the_networks_found() {
    let Some((world, ns)) = setup("an_unknown_network_lists_the_networks_found", "unknown") else {
        return;
    };
    world.conf("10-a.conflist", r#"{"cniVersion":"1.0.0","name":"a","plugins":[{"type":"x"}]}"#);
    world.conf("20-b.conflist", r#"{"cniVersion":"1.0.0","name":"b","plugins":[{"type":"x"}]}"#);
    world.conf("30-a.conf", r#"{"cniVersion":"1.0.0","name":"a","type":"x"}"#);
    let out = world.cnictl().args(["add", NET, &ns.name]).expect(2);
    let line = error_line(&out);
    assert_contains(line, "no network configuration named \"net\"");
    // Regression (fixed): network "a" is listed twice ("a, b, a"): `available.dedup()` in
    // src/config/resolve.rs only drops adjacent duplicates.
    assert_contains(line, "(networks found: a, b)");
}

#[test]
fn a_broken_earlier_file_aborts_the_lookup() {
    let Some((world, ns)) = setup("a_broken_earlier_file_aborts_the_lookup", "broken") else {
        return;
    };
    let broken = world.conf("05-broken.conflist", "{ not json");
    network(&world, "1.0.0", vec![fixture(&world, "fx", json!({}))]);
    let out = world.cnictl().args(["add", NET, &ns.name]).expect(2);
    assert_contains(error_line(&out), &format!("stopped at {}", broken.display()));
    assert!(recorded(&world).is_empty());
    // Regression (fixed): the cause is printed twice: ConfigError::LookupAborted puts `{source}` in its own
    // message and also marks it `#[source]`, so main's `{err:#}` appends it again.
    assert_eq!(out.stderr.matches("invalid JSON").count(), 1, "{}", out.stderr);
}

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
    // libcni re-serialises a result before chaining it, dropping empty lists; so does cnictl.
    let mut first_result: Value =
        serde_json::from_str(report["calls"][0]["stdout"].as_str().unwrap()).unwrap();
    assert_eq!(first_result.as_object_mut().unwrap().remove("routes"), Some(json!([])));
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
