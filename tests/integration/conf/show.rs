//! `conf show`: where each plugin of a network comes from, the version chosen, and the
//! stdin each plugin would get for ADD, DEL, CHECK, GC and STATUS requests.

use std::fs;
use std::path::PathBuf;

use serde_json::{json, Value};
use sha2::{Digest, Sha512};

use super::{assert_contains, base, list, strings, Dir};

#[test]
fn show_names_where_each_plugin_comes_from() {
    let d = Dir::new();
    d.write(
        "10-n.conflist",
        &json!({"cniVersion": "1.0.0", "name": "n", "plugins": [
            {"type": "fa", "ipam": {"type": "host-local"}},
            {"type": "fb", "capabilities": {"portMappings": true, "mac": false}}]})
        .to_string(),
    );
    d.write("n/50-d.conf", r#"{"type": "fd"}"#);
    d.write("20-s.conf", r#"{"cniVersion": "0.4.0", "name": "s", "type": "fs"}"#);

    let r = d.show(&["n"]);
    assert_eq!(r["command"], "conf show");
    assert_eq!(r["config"]["network"], "n");
    assert_eq!(base(&r["config"]["file"]), "10-n.conflist");
    assert_eq!(
        (&r["config"]["format"], &r["config"]["foundAs"]),
        (&json!("conflist"), &json!("conflist"))
    );
    assert_eq!(strings(&r["config"]["plugins"]), ["fa", "fb", "fd"]);
    let plugins = r["plugins"].as_array().unwrap();
    let origins: Vec<(u64, &str, &str, &str)> = plugins
        .iter()
        .map(|p| {
            let source = p["source"].as_str().unwrap();
            (p["index"].as_u64().unwrap(), p["type"].as_str().unwrap(), source, base(&p["file"]))
        })
        .collect();
    assert_eq!(
        origins,
        [
            (0, "fa", "inline, plugins[0]", "10-n.conflist"),
            (1, "fb", "inline, plugins[1]", "10-n.conflist"),
            (2, "fd", "drop-in", "50-d.conf")
        ]
    );
    assert!(plugins[2]["file"].as_str().unwrap().ends_with("/n/50-d.conf"));
    assert_eq!(plugins[0]["ipam"], "host-local");
    assert_eq!(plugins[1]["capabilities"], json!(["portMappings"]));
    assert!(plugins.iter().all(|p| p["stdin"].is_null()), "stdin without --request");
    assert!(r["request"].is_null());

    // A single-plugin file, found after every list, up-converted.
    let r = d.show(&["s"]);
    assert_eq!((&r["config"]["format"], &r["config"]["foundAs"]), (&json!("conf"), &json!("conf")));
    assert_eq!(r["config"]["skipped"][0]["network"], "n");
    assert_eq!(base(&r["config"]["skipped"][0]["file"]), "10-n.conflist");
    assert_contains(r["plugins"][0]["source"].as_str().unwrap(), "whole file");

    // A path is loaded directly.
    let path = d.conf_dir().join("20-s.conf");
    let r = d.show(&[&path.to_string_lossy()]);
    assert_eq!(r["config"]["foundAs"], "path");

    let out = d.cnictl().args(["conf", "show", "nope"]).expect(2);
    assert_contains(&out.stderr, "networks found: n, s");
}

#[test]
fn show_explains_the_version_chosen() {
    let d = Dir::new();
    d.write(
        "10-n.conflist",
        &json!({"cniVersion": "0.4.0", "cniVersions": ["1.0.0", "0.3.1", "2.0.0"], "name": "n",
                "plugins": [{"type": "fa"}]})
        .to_string(),
    );
    d.write("20-p.conflist", &list("p", "0.3.1", &["fa"]));
    d.write("30-none.conflist", r#"{"name": "none", "plugins": [{"type": "fa"}]}"#);

    let r = d.show(&["n"]);
    assert_eq!(r["config"]["cniVersion"], "1.0.0");
    assert_eq!(r["declaredVersion"], "0.4.0");
    assert_eq!(strings(&r["cniVersions"]), ["1.0.0", "0.3.1", "2.0.0"]);
    let why = r["versionReason"].as_str().unwrap();
    assert_contains(why, "the highest of");
    assert_contains(why, "0.4.0");
    assert_contains(why, "[1.0.0, 0.3.1, 2.0.0]");
    assert_contains(why, "1.1.0");

    let r = d.show(&["p"]);
    assert_eq!(r["config"]["cniVersion"], "0.3.1");
    assert_eq!(r["cniVersions"], json!([]));
    assert_contains(r["versionReason"].as_str().unwrap(), "0.3.1");

    let r = d.show(&["none"]);
    assert!(r["declaredVersion"].is_null());
    assert_contains(r["versionReason"].as_str().unwrap(), "0.1.0");
}

#[test]
fn show_a_cni_version_above_current_loses_to_cni_versions() {
    // Regression (fixed): when "cniVersions" is present, libcni's NetworkConfFromBytes drops every version
    // above version.Current() (1.1.0), "cniVersion" included, before taking the highest; so
    // {"cniVersion":"2.0.0","cniVersions":["1.0.0"]} runs at 1.0.0. cnictl's version::select
    // caps only the cniVersions entries and picks 2.0.0. Reproduce: `cnictl conf show n -o
    // json` on that list gives config.cniVersion "2.0.0".
    let d = Dir::new();
    d.write(
        "10-n.conflist",
        &json!({"cniVersion": "2.0.0", "cniVersions": ["1.0.0"], "name": "n",
                "plugins": [{"type": "fa"}]})
        .to_string(),
    );
    let r = d.show(&["n"]);
    assert_eq!(r["config"]["cniVersion"], "1.0.0");
}

/// A three-plugin list for the request tests: an IPAM-delegating plugin with fields the
/// runtime must pass through, one declaring capabilities, one declaring none.
fn chain(d: &Dir, version: &str) {
    d.write(
        "10-n.conflist",
        &json!({"cniVersion": version, "name": "n", "top": {"kept": "only at the top"},
                "plugins": [
            {"type": "fa", "name": "overwritten", "cniVersion": "0.1.0",
             "ipam": {"type": "host-local", "subnet": "10.1.0.0/24"}, "extra": {"k": [1, 2]}},
            {"type": "fb", "capabilities": {"portMappings": true, "bandwidth": true, "mac": false}},
            {"type": "fc", "capabilities": {"portMappings": false}}]})
        .to_string(),
    );
}

fn stdins(report: &Value) -> Vec<&Value> {
    report["plugins"].as_array().unwrap().iter().map(|p| &p["stdin"]).collect()
}

#[test]
fn show_add_request_shows_each_plugins_stdin() {
    let d = Dir::new();
    chain(&d, "1.0.0");
    let r = d.show(&[
        "n",
        "--request",
        "add",
        "--port-mapping",
        "8080:80",
        "--cap-args",
        r#"{"bandwidth": {"ingressRate": 1000}, "mac": "c2:11:22:33:44:55"}"#,
    ]);
    assert_eq!(r["request"], "ADD");
    let stdin = stdins(&r);
    assert_eq!(
        *stdin[0],
        json!({"type": "fa", "name": "n", "cniVersion": "1.0.0",
               "ipam": {"type": "host-local", "subnet": "10.1.0.0/24"}, "extra": {"k": [1, 2]}}),
        "the first plugin: name and cniVersion injected, nothing else added"
    );
    let second = stdin[1].as_object().unwrap();
    assert_eq!((&second["name"], &second["cniVersion"]), (&json!("n"), &json!("1.0.0")));
    assert_contains(second["prevResult"].as_str().unwrap(), "plugin 1 (fa)");
    assert_eq!(
        second["runtimeConfig"],
        json!({"portMappings": [{"hostPort": 8080, "containerPort": 80, "protocol": "tcp"}],
               "bandwidth": {"ingressRate": 1000}}),
        "only the capabilities it declares true"
    );
    // libcni leaves "capabilities" in the stdin.
    assert_eq!(second["capabilities"]["portMappings"], true);
    let third = stdin[2].as_object().unwrap();
    assert_contains(third["prevResult"].as_str().unwrap(), "plugin 2 (fb)");
    assert!(!third.contains_key("runtimeConfig"), "{third:?}");
    assert!(stdin.iter().all(|s| s.get("top").is_none()), "top-level keys are not injected");
}

#[test]
fn show_del_request_lists_the_plugins_in_reverse() {
    let d = Dir::new();
    chain(&d, "1.0.0");
    let r = d.show(&["n", "--request", "del"]);
    assert_eq!(r["request"], "DEL");
    let order: Vec<u64> =
        r["plugins"].as_array().unwrap().iter().map(|p| p["index"].as_u64().unwrap()).collect();
    assert_eq!(order, [2, 1, 0]);
    for stdin in stdins(&r) {
        assert!(stdin["prevResult"].is_string(), "a placeholder without a cache: {stdin}");
        assert_eq!(stdin["name"], "n");
    }
    let notes = r["notes"].to_string();
    assert_contains(&notes, "reverse");
}

/// cnitool's container ID for a namespace path.
fn cnitool_id(netns_path: &str) -> String {
    let digest = Sha512::digest(netns_path.as_bytes());
    let hex: String = digest[..10].iter().map(|b| format!("{b:02x}")).collect();
    format!("cnitool-{hex}")
}

/// Writes a libcni cache entry holding a 1.0.0 result.
fn cache_entry(d: &Dir, network: &str, id: &str, ifname: &str) -> PathBuf {
    let dir = d.path("cache").join("results");
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{network}-{id}-{ifname}"));
    let entry = json!({
        "kind": "cniCacheV1", "containerId": id, "config": "", "ifName": ifname,
        "networkName": network,
        "result": {"cniVersion": "1.0.0", "interfaces": [{"name": ifname}],
                   "ips": [{"address": "10.1.0.5/24", "interface": 0}]}
    });
    fs::write(&path, entry.to_string()).unwrap();
    path
}

#[test]
fn show_check_request_uses_the_cached_result_as_prev_result() {
    let d = Dir::new();
    chain(&d, "1.0.0");
    let entry = cache_entry(&d, "n", "c1", "eth0");
    let r = d.show(&["n", "--request", "check", "--container-id", "c1"]);
    assert_eq!(r["request"], "CHECK");
    for stdin in stdins(&r) {
        assert_eq!(stdin["prevResult"]["ips"][0]["address"], "10.1.0.5/24", "{stdin}");
        assert_eq!(stdin["prevResult"]["cniVersion"], "1.0.0");
    }
    assert!(stdins(&r)[1]["runtimeConfig"].is_null(), "no capability arguments given");
    let notes = r["notes"].to_string();
    assert_contains(&notes, "prevResult is the cached result");
    assert_contains(&notes, &entry.to_string_lossy());

    // With --netns the entry is found under cnitool's ID for that namespace, and the result
    // is converted to the list's version, as libcni does.
    let d = Dir::new();
    chain(&d, "0.4.0");
    cache_entry(&d, "n", &cnitool_id("/var/run/netns/ctr1"), "net1");
    let r = d.show(&["n", "--request", "check", "--netns", "ctr1", "-i", "net1"]);
    let prev = &stdins(&r)[0]["prevResult"];
    assert_eq!(prev["cniVersion"], "0.4.0");
    assert_eq!(prev["ips"][0]["version"], "4");
}

#[test]
fn show_check_request_without_a_cache_uses_a_placeholder() {
    let d = Dir::new();
    chain(&d, "1.0.0");
    let r = d.show(&["n", "--request", "check", "--container-id", "c1"]);
    for stdin in stdins(&r) {
        assert_contains(stdin["prevResult"].as_str().unwrap(), "cached result");
    }
    let notes = r["notes"].to_string();
    assert_contains(&notes, "no cached result");
    assert_contains(&notes, "n-c1-eth0");

    // Without an ID or a namespace there is nothing to look up.
    let r = d.show(&["n", "--request", "check"]);
    assert!(stdins(&r).iter().all(|s| s["prevResult"].is_string()));

    // CHECK is not sent below 0.4.0, nor with disableCheck.
    let d = Dir::new();
    d.write("10-old.conflist", &list("old", "0.3.1", &["fa"]));
    d.write(
        "20-nc.conflist",
        &json!({"cniVersion": "1.0.0", "name": "nc", "disableCheck": true,
                "plugins": [{"type": "fa"}]})
        .to_string(),
    );
    assert_contains(&d.show(&["old", "--request", "check"])["notes"].to_string(), "0.4.0");
    let r = d.show(&["nc", "--request", "check"]);
    assert_eq!(r["disableCheck"], true);
    assert_contains(&r["notes"].to_string(), "disableCheck");
}

#[test]
fn show_gc_request_carries_both_attachment_keys() {
    let d = Dir::new();
    chain(&d, "1.1.0");
    let r = d.show(&["n", "--request", "gc", "--port-mapping", "8080:80"]);
    assert_eq!(r["request"], "GC");
    for stdin in stdins(&r) {
        let conf = stdin.as_object().unwrap();
        assert_eq!(conf["cni.dev/valid-attachments"], json!([]), "{stdin}");
        assert_eq!(conf["cni.dev/attachments"], json!([]), "{stdin}");
        assert_eq!((&conf["name"], &conf["cniVersion"]), (&json!("n"), &json!("1.1.0")));
        assert!(!conf.contains_key("runtimeConfig") && !conf.contains_key("prevResult"));
    }
    assert_contains(&r["notes"].to_string(), "valid attachments");

    // Below 1.1.0 libcni sends no GC at all.
    let d = Dir::new();
    chain(&d, "1.0.0");
    let notes = d.show(&["n", "--request", "gc"])["notes"].to_string().to_lowercase();
    assert_contains(&notes, "gc is not sent below 1.1.0");

    let d = Dir::new();
    d.write(
        "10-n.conflist",
        &json!({"cniVersion": "1.1.0", "name": "n", "disableGC": true,
                "plugins": [{"type": "fa"}]})
        .to_string(),
    );
    let r = d.show(&["n", "--request", "gc"]);
    assert_eq!(r["disableGc"], true);
    assert_contains(&r["notes"].to_string(), "disableGC");
}

#[test]
fn show_status_request_injects_only_name_and_version() {
    let d = Dir::new();
    chain(&d, "1.1.0");
    let r = d.show(&["n", "--request", "status", "--port-mapping", "8080:80"]);
    assert_eq!(r["request"], "STATUS");
    assert_eq!(
        *stdins(&r)[1],
        json!({"type": "fb", "name": "n", "cniVersion": "1.1.0",
               "capabilities": {"portMappings": true, "bandwidth": true, "mac": false}})
    );
    assert_eq!(stdins(&r)[0]["extra"], json!({"k": [1, 2]}));
}

#[test]
fn show_notes_keep_their_case() {
    // Regression (fixed): the "not sent below 1.1.0" note of GC and STATUS is upper-cased as a whole
    // ("GC IS NOT SENT BELOW 1.1.0 (THIS LIST IS 1.0.0)"): commands/conf.rs formats
    // `{request:?}` ("Gc") into the sentence and calls to_uppercase() on all of it, where only
    // the command name was meant. Reproduce: `cnictl conf show n --request gc` on a 1.0.0 list.
    let d = Dir::new();
    chain(&d, "1.0.0");
    for (request, name) in [("gc", "GC"), ("status", "STATUS")] {
        let notes = d.show(&["n", "--request", request])["notes"].clone();
        assert_eq!(notes, json!([format!("{name} is not sent below 1.1.0 (this list is 1.0.0)")]));
    }
}

#[test]
fn show_a_broken_earlier_file_aborts_the_lookup_with_exit_2() {
    let d = Dir::new();
    d.write("00-broken.conflist", "{\n  \"name\": \"zz\", // comment\n  \"plugins\": []\n}");
    d.write("10-n.conflist", &list("n", "1.0.0", &["fa"]));
    let out = d.cnictl().args(["conf", "show", "n"]).expect(2);
    let error = &out.json()["error"];
    assert_eq!(error["exitCode"], 2);
    let message = error["message"].as_str().unwrap();
    assert_contains(message, "stopped at");
    assert_contains(message, "00-broken.conflist");
    assert_contains(&out.stderr, "00-broken.conflist");

    // A broken .conf does not matter to a network found among the lists, which libcni
    // reads first.
    let d = Dir::new();
    d.write("00-broken.conf", "{");
    d.write("10-n.conflist", &list("n", "1.0.0", &["fa"]));
    assert_eq!(d.show(&["n"])["config"]["network"], "n");
}

/// Issue 25: `conf show` of a network in a later file went past an earlier file holding a
/// number out of range or nesting past the depth limit; libcni stops the lookup there.
#[test]
fn show_stops_at_an_earlier_file_with_a_number_out_of_range_or_deep_nesting() {
    let deep = format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    let bad = [
        (
            "00-big.conflist",
            r#"{"name":"zz","x":1e999,"plugins":[{"type":"fa"}]}"#.to_string(),
            "out of range",
        ),
        ("00-big.conf", r#"{"name":"zz","type":"fa","x":-1e999}"#.to_string(), "out of range"),
        (
            "00-deep.conflist",
            format!(r#"{{"name":"zz","x":{deep},"plugins":[{{"type":"fa"}}]}}"#),
            "recursion limit",
        ),
    ];
    for (file, text, why) in bad {
        let d = Dir::new();
        d.write(file, &text);
        // A .conf is read after the lists: the network must be among the .conf files too.
        d.write("10-n.conf", r#"{"cniVersion":"1.0.0","name":"n","type":"fa"}"#);
        let out = d.cnictl().args(["conf", "show", "n"]).expect(2);
        let message = out.json()["error"]["message"].as_str().unwrap().to_string();
        assert_contains(&message, "stopped at");
        assert_contains(&message, file);
        assert_contains(&message, why);
        assert_contains(&out.stderr, file);
    }
}

/// Issue 11, item 7: each capability a plugin declares, with the runtimes that pass an
/// argument for it (diagnose::runtimes), in the JSON beside the plain names and in a table.
#[test]
fn show_names_the_runtimes_that_pass_each_capability() {
    let d = Dir::new();
    d.write(
        "10-n.conflist",
        &json!({"cniVersion": "1.0.0", "name": "n", "plugins": [
            {"type": "fa"},
            {"type": "fb", "capabilities": {"portMappings": true, "mac": false,
                                            "io.kubernetes.cri.pod-annotations": true}}]})
        .to_string(),
    );
    let r = d.show(&["n"]);
    let plugins = r["plugins"].as_array().unwrap();
    assert_eq!(plugins[0]["capabilityRuntimes"], json!([]));
    assert_eq!(
        plugins[1]["capabilities"],
        json!(["io.kubernetes.cri.pod-annotations", "portMappings"])
    );
    assert_eq!(
        plugins[1]["capabilityRuntimes"],
        json!([
            {"name": "io.kubernetes.cri.pod-annotations",
             "passedBy": ["containerd", "cri-o", "cnitool"]},
            {"name": "portMappings", "passedBy": ["containerd", "podman", "multus", "cnitool"]}
        ])
    );

    let table = d.cnictl().args(["-o", "table", "conf", "show", "n"]).expect(0).stdout;
    assert_contains(&table, "Capabilities, and the runtimes that pass them");
    let row = table.lines().find(|l| l.contains("pod-annotations  ")).unwrap_or_default();
    assert!(row.contains("fb") && row.ends_with("containerd, cri-o, cnitool"), "{table}");
}
