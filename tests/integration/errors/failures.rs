//! How a plugin fails, and what cnictl makes of it: error objects, crashes, hangs killed
//! after the timeout, garbage and empty output, non-zero exits without an error object, and
//! missing plugin binaries.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::{
    assert_contains, callers, error_line, fixture, json_run, network, recorded, setup, NET,
};
use crate::util::{read_json, root_or_skip, Netns, World};

/// The outcome of each plugin in the report, in the order they ran.
fn outcomes(report: &Value) -> Vec<&str> {
    let steps = report["plugins"].as_array().unwrap();
    steps.iter().map(|s| s["outcome"].as_str().unwrap()).collect()
}

/// The plugin of each step, in the order they ran.
fn types(report: &Value) -> Vec<&str> {
    let steps = report["plugins"].as_array().unwrap();
    steps.iter().map(|s| s["type"].as_str().unwrap()).collect()
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
    let hint = error["hint"].as_str().unwrap();
    // Every directory of the call, though they came from NETCONFPATH and CNI_PATH.
    assert_contains(hint, &format!("cnictl --cni-conf-dir {}", world.conf_dir().display()));
    assert_contains(hint, &format!("--cni-bin-dir {}", world.bin_dirs()));
    assert_contains(hint, " del net ");
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
fn null_add_output_is_an_empty_result() {
    if !root_or_skip("null_add_output_is_an_empty_result") {
        return;
    }
    let mode = "null";
    let (world, ns) = (World::new(mode), Netns::new(mode));
    network(&world, "1.0.0", vec![fixture(&world, "quiet", json!({"behaviour": mode}))]);
    let report = json_run(&world, "add", &ns).expect(0).json();
    assert_eq!(report["result"]["cniVersion"], "1.0.0", "{mode}");
    assert!(report["result"].get("ips").is_none(), "{mode}: {}", report["result"]);
    assert_eq!(report["cache"]["action"], "written", "{mode}");
    let entries = world.cache_entries();
    assert_eq!(entries.len(), 1, "{mode}");
    // Cached as libcni caches it: a 1.x result without its empty dns.
    assert_eq!(report["result"]["dns"], json!({}), "{mode}");
    assert_eq!(read_json(&entries[0])["result"], json!({"cniVersion": "1.0.0"}), "{mode}");
}

#[test]
fn empty_add_output_with_exit_0_is_a_protocol_violation() {
    // libcni fails it ("unexpected end of JSON input"); cnictl once cached it as success.
    let Some((world, ns)) = setup("empty_add_output_with_exit_0_is_a_protocol_violation", "empty")
    else {
        return;
    };
    network(&world, "1.0.0", vec![fixture(&world, "quiet", json!({"behaviour": "empty"}))]);
    let report = json_run(&world, "add", &ns).expect(4).json();
    assert_eq!(report["error"]["kind"], "bad-output", "{report:#}");
    assert_eq!(report["error"]["plugin"], "quiet");
    assert!(report["error"]["message"].as_str().unwrap().contains("printed nothing"));
    assert!(world.cache_entries().is_empty(), "a failed ADD is not cached");
}

#[test]
fn a_result_that_is_not_valid_for_its_version_fails_add_naming_the_plugin() {
    let Some((world, ns)) = setup("a_result_that_is_not_valid_fails_add", "badres") else {
        return;
    };
    let result = json!({"cniVersion": "1.0.0", "ips": [{"address": "999.1.2.3/40"}]});
    let plugin = fixture(&world, "liar", json!({"behaviour": "result", "result": result}));
    network(&world, "1.0.0", vec![plugin]);
    let report = json_run(&world, "add", &ns).expect(4).json();
    assert_eq!(report["error"]["kind"], "bad-output", "{report:#}");
    assert_eq!(report["error"]["plugin"], "liar");
    assert!(report["error"]["message"].as_str().unwrap().contains("999.1.2.3/40"), "{report:#}");
    assert!(world.cache_entries().is_empty());
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
fn a_successful_plugins_stderr_is_in_the_report() {
    // A warning on stderr from a plugin that succeeds was seen only with --trace.
    let Some((world, ns)) = setup("a_successful_plugins_stderr_is_in_the_report", "warn") else {
        return;
    };
    let warning = "WARNING: MTU 9000 is larger than the uplink's 1500";
    network(&world, "1.0.0", vec![fixture(&world, "warner", json!({"stderrLog": warning}))]);
    let report = json_run(&world, "add", &ns).expect(0).json();
    assert_eq!(report["plugins"][0]["stderr"], warning, "{report:#}");
    let report = json_run(&world, "del", &ns).expect(0).json();
    assert_eq!(report["plugins"][0]["stderr"], warning, "{report:#}");
    // The table shows it too, under the plugin and operation that wrote it.
    let table = world.cnictl().args(["add", NET, &ns.name]).expect(0).stdout;
    assert!(table.contains("Plugin stderr\n  1 warner (ADD)\n"), "{table}");
    assert!(table.contains(warning), "{table}");
    world.cnictl().args(["del", NET, &ns.name]).expect(0);
}

#[test]
fn failure_blocks_carry_the_evidence() {
    let Some((world, ns)) = setup("failure_blocks_carry_the_evidence", "evidence") else {
        return;
    };
    // A plugin that times out: what it said before it hung.
    let waiting = "waiting for the datastore...";
    let slow = fixture(&world, "slow", json!({"behaviour": "hang", "stderrLog": waiting}));
    network(&world, "1.0.0", vec![slow]);
    let out = world.cnictl().args(["-o", "json", "--timeout", "500ms", "add", NET, &ns.name]);
    let report = out.expect(4).json();
    assert_eq!(report["error"]["kind"], "timeout", "{report:#}");
    assert_eq!(report["error"]["stderr"], waiting, "{report:#}");

    // Garbage instead of a result: the bytes themselves.
    let liar = fixture(&world, "liar", json!({"behaviour": "garbage"}));
    network(&world, "1.0.0", vec![liar]);
    let out = json_run(&world, "add", &ns).expect(4);
    let report = out.json();
    assert_eq!(report["error"]["kind"], "bad-output", "{report:#}");
    assert!(report["error"]["stdout"].as_str().unwrap().contains("this is not JSON {"));
    assert!(error_line(&out).contains("this is not JSON"), "{}", out.stderr);
}

#[test]
fn del_keep_going_runs_the_plugins_after_a_failing_one() {
    let Some((world, ns)) = setup("del_keep_going_runs_the_plugins_after_a_failing_one", "keepon")
    else {
        return;
    };
    let broken = fixture(&world, "broken", json!({"behaviour": {"DEL": "error"}}));
    let plugins =
        vec![fixture(&world, "first", json!({})), broken, fixture(&world, "last", json!({}))];
    network(&world, "1.0.0", plugins);
    json_run(&world, "add", &ns).expect(0);
    // DEL runs in reverse: last, broken, and without --keep-going first never runs.
    let report = json_run(&world, "del", &ns).expect(1).json();
    assert_eq!(types(&report), ["last", "broken", "first"]);
    assert_eq!(outcomes(&report), ["ok", "failed", "not-run"]);
    assert_eq!(report["error"]["kind"], "plugin-error", "{report:#}");
    assert_eq!(world.cache_entries().len(), 1, "a failed DEL keeps the cache entry");

    let out = world.cnictl().args(["-o", "json", "del", "--keep-going", NET, &ns.name]).expect(1);
    let report = out.json();
    assert_eq!(types(&report), ["last", "broken", "first"]);
    assert_eq!(outcomes(&report), ["ok", "failed", "ok"]);
    assert_eq!(report["error"]["plugin"], "broken");
    assert_eq!(report["errors"], json!([]));
    assert_eq!(world.cache_entries().len(), 1, "a DEL with a failure keeps the cache entry");

    // Two failing plugins: each gets its error block, in the table as in the JSON.
    let twice = fixture(&world, "again", json!({"behaviour": {"DEL": "error"}}));
    let plugins = vec![twice, fixture(&world, "broken2", json!({"behaviour": {"DEL": "error"}}))];
    network(&world, "1.0.0", plugins);
    let out = world.cnictl().args(["del", "--keep-going", NET, &ns.name]).expect(1);
    assert!(out.stdout.contains("plugin 2 (broken2): plugin-error"), "{}", out.stdout);
    assert!(out.stdout.contains("plugin 1 (again): plugin-error"), "{}", out.stdout);
}

#[test]
fn the_clean_up_hint_runs_as_printed_and_acts_on_this_attachment_only() {
    // Once it dropped --cni-conf-dir and --cni-bin-dir: pasted, it failed or acted on
    // another network of the same name.
    let Some((world, ns)) = setup("the_clean_up_hint_runs_as_printed", "hint") else {
        return;
    };
    let failing = json!({"behaviour": {"ADD": "error"}});
    let plugins = vec![fixture(&world, "first", json!({})), fixture(&world, "second", failing)];
    network(&world, "1.0.0", plugins);
    let report =
        json_run(&world, "add", &ns).args(["--args", "K8S_POD_NAME=web 1"]).expect(1).json();
    let hint = report["error"]["hint"].as_str().unwrap();
    let command = hint.split_once("clean up with: ").unwrap().1;
    assert_contains(command, "--args 'K8S_POD_NAME=web 1'");
    // Run it in a shell with none of the environment the first call had.
    let status = std::process::Command::new("ip")
        .args(["netns", "exec", &world.host.name, "sh", "-c"])
        .arg(command.replacen("cnictl", &crate::util::cnictl_bin().to_string_lossy(), 1))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap())
        .status()
        .unwrap();
    assert!(status.success(), "the hint failed: {command}");
    let dels: Vec<Value> = recorded(&world).into_iter().filter(|c| c["command"] == "DEL").collect();
    assert_eq!(callers(&dels), ["second", "first"], "the DEL reached this network's plugins");
}

/// On a terminal, a call that takes over a second gets a line on stderr naming the plugin,
/// the operation and the time so far; with stderr not a terminal, nothing of it is printed.
#[test]
fn a_slow_call_shows_a_progress_line_on_a_terminal_only() {
    let Some((world, ns)) = setup("a_slow_call_shows_a_progress_line", "slowline") else {
        return;
    };
    let slow = fixture(&world, "slowp", json!({"behaviour": {"ADD": "slow:1800"}}));
    network(&world, "1.0.0", vec![slow]);
    let line = format!(
        "env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin NO_COLOR=1 NETCONFPATH={} CNI_PATH={} \
         ip netns exec {} {} --cache-dir {} add {NET} {} 2>&1 >/dev/null",
        world.conf_dir().display(),
        world.bin_dirs(),
        world.host.name,
        crate::util::cnictl_bin().display(),
        world.cache_dir().display(),
        ns.name
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{shown}");
    assert!(shown.contains("waiting for slowp ADD: 1."), "no progress line in {shown:?}");
    world.cnictl().args(["del", NET, &ns.name]).expect(0);
    let piped = world.cnictl().args(["add", NET, &ns.name]).expect(0);
    assert!(!piped.stderr.contains("waiting for"), "{}", piped.stderr);
    assert!(!piped.stdout.contains("waiting for"), "{}", piped.stdout);
}
