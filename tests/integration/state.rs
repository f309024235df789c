//! The commands that look at and clean up a node's CNI state: STATUS, GC (dry run and
//! applied, with the fixture plugin and with ptp + host-local), the result cache in libcni's
//! format (entries written by hand as cnitool and containerd write them) and host-local's
//! lease files, released under host-local's own lock.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use nix::fcntl::{Flock, FlockArg};
use serde_json::{json, Value};

use crate::util::{self, read_json, root_or_skip, Netns, World};

/// The network the fixture tests define.
const NET: &str = "net";

/// A world, or `None` (test skipped) without root.
fn setup(test: &str, tag: &str) -> Option<World> {
    root_or_skip(test).then(|| World::new(tag))
}

/// Links the fixture into the bin dir as `name` and returns its plugin object.
fn fixture(world: &World, name: &str, extra: Value) -> Value {
    world.fixture(name);
    fixture_obj(world, name, extra)
}

/// The object of a fixture plugin already linked as `name`: recording its calls in the
/// world's `rec/` dir, plus the `extra` fields.
fn fixture_obj(world: &World, name: &str, extra: Value) -> Value {
    let mut conf = json!({"type": name, "recordDir": world.path("rec")});
    conf.as_object_mut().unwrap().extend(extra.as_object().cloned().unwrap_or_default());
    conf
}

/// Writes `10-net.conflist` holding these plugins, plus the `extra` top-level fields.
fn network(world: &World, version: &str, plugins: &[Value], extra: Value) {
    let mut list = json!({"cniVersion": version, "name": NET, "plugins": plugins});
    list.as_object_mut().unwrap().extend(extra.as_object().cloned().unwrap_or_default());
    world.conf("10-net.conflist", &list.to_string());
}

/// `cnictl -o json ARGS...` in the world.
fn json_cmd(world: &World, args: &[&str]) -> util::Cnictl {
    world.cnictl().args(["-o", "json"]).args(args)
}

/// The calls the fixture plugins recorded, in order; none when no plugin ran.
fn recorded(world: &World) -> Vec<Value> {
    match std::fs::read_to_string(world.path("rec").join("calls.jsonl")) {
        Ok(text) => text.lines().map(|line| serde_json::from_str(line).unwrap()).collect(),
        Err(_) => Vec::new(),
    }
}

/// The recorded calls of one command.
fn recorded_of(world: &World, command: &str) -> Vec<Value> {
    recorded(world).into_iter().filter(|c| c["command"] == command).collect()
}

/// Forgets the calls recorded so far.
fn forget_calls(world: &World) {
    let _ = std::fs::remove_file(world.path("rec").join("calls.jsonl"));
}

/// The name a recorded call's plugin was invoked as.
fn caller(call: &Value) -> &str {
    call["argv0"].as_str().unwrap().rsplit('/').next().unwrap()
}

fn callers(calls: &[Value]) -> Vec<&str> {
    calls.iter().map(caller).collect()
}

fn assert_contains(text: &str, needle: &str) {
    assert!(text.contains(needle), "expected {needle:?} in:\n{text}");
}

/// Whether some note of a report contains `needle`.
fn assert_note(report: &Value, needle: &str) {
    let notes = report["notes"].as_array().unwrap();
    assert!(
        notes.iter().any(|n| n.as_str().unwrap().contains(needle)),
        "no note containing {needle:?}: {notes:#?}"
    );
}

/// What a plugin receives for STATUS: its object with `name` and `cniVersion`, nothing else.
fn status_stdin(plugin: &Value, version: &str) -> Value {
    let mut stdin = plugin.clone();
    stdin["name"] = json!(NET);
    stdin["cniVersion"] = json!(version);
    stdin
}

/// What a plugin receives for GC: as for STATUS, plus the valid set under both keys.
fn gc_stdin(plugin: &Value, version: &str, valid: &[(&str, &str)]) -> Value {
    let mut stdin = status_stdin(plugin, version);
    let list: Vec<Value> =
        valid.iter().map(|(id, ifname)| json!({"containerID": id, "ifname": ifname})).collect();
    stdin["cni.dev/valid-attachments"] = json!(list);
    stdin["cni.dev/attachments"] = json!(list);
    stdin
}

/// The outcome of each plugin in a report's `field`, in the order they ran.
fn outcomes<'a>(report: &'a Value, field: &str) -> Vec<&'a str> {
    let steps = report[field].as_array().unwrap();
    steps.iter().map(|s| s["outcome"].as_str().unwrap()).collect()
}

// ---------------------------------------------------------------------------------------
// STATUS

#[test]
fn status_asks_every_plugin_with_only_name_and_version() {
    let Some(world) = setup("status_asks_every_plugin_with_only_name_and_version", "stok") else {
        return;
    };
    let plugins = [
        fixture(&world, "first", json!({"custom": {"a": 1}})),
        fixture(&world, "second", json!({"capabilities": {"portMappings": true}})),
    ];
    network(&world, "1.1.0", &plugins, json!({}));
    let report = json_cmd(&world, &["status", NET]).expect(0).json();
    assert_eq!(report["sent"], true);
    assert_eq!(report["verdict"], "available");
    assert_eq!(report["errors"], json!([]));
    assert_eq!(outcomes(&report, "plugins"), ["ok", "ok"]);
    let calls = recorded(&world);
    assert_eq!(callers(&calls), ["first", "second"]);
    for (call, plugin) in calls.iter().zip(&plugins) {
        assert_eq!(call["command"], "STATUS");
        assert_eq!(call["env"]["CNI_COMMAND"], "STATUS");
        // No prevResult, no runtimeConfig (even for a plugin declaring capabilities).
        assert_eq!(call["stdin"], status_stdin(plugin, "1.1.0"), "{}", caller(call));
    }
}

#[test]
fn status_codes_50_and_51_are_explained_and_every_plugin_is_asked() {
    let Some(world) = setup("status_codes_50_and_51_are_explained", "st5x") else {
        return;
    };
    let down = |code: u32| json!({"behaviour": {"STATUS": format!("status:{code}")}});

    // 50 from the first plugin: not available; the second is asked all the same.
    let plugins = [fixture(&world, "first", down(50)), fixture(&world, "second", json!({}))];
    network(&world, "1.1.0", &plugins, json!({}));
    let report = json_cmd(&world, &["status", NET]).expect(1).json();
    assert_eq!(report["verdict"], "not available");
    assert_eq!(outcomes(&report, "plugins"), ["failed", "ok"]);
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0]["cniError"]["code"], 50);
    assert_eq!(errors[0]["index"], 0);
    assert_contains(errors[0]["hint"].as_str().unwrap(), "ADD");
    assert_eq!(callers(&recorded_of(&world, "STATUS")), ["first", "second"]);

    // 51 from the second plugin: limited connectivity.
    forget_calls(&world);
    let plugins =
        [fixture_obj(&world, "first", json!({})), fixture_obj(&world, "second", down(51))];
    network(&world, "1.1.0", &plugins, json!({}));
    let report = json_cmd(&world, &["status", NET]).expect(1).json();
    assert_eq!(report["verdict"], "limited connectivity");
    assert_eq!(outcomes(&report, "plugins"), ["ok", "failed"]);
    assert_eq!(report["errors"][0]["cniError"]["code"], 51);
    assert_eq!(report["errors"][0]["index"], 1);
    assert_contains(report["errors"][0]["hint"].as_str().unwrap(), "ADD");
    assert_eq!(callers(&recorded_of(&world, "STATUS")), ["first", "second"]);

    // Both: 51 is the worse, whatever the order.
    forget_calls(&world);
    let plugins = [fixture_obj(&world, "first", down(51)), fixture_obj(&world, "second", down(50))];
    network(&world, "1.1.0", &plugins, json!({}));
    let report = json_cmd(&world, &["status", NET]).expect(1).json();
    assert_eq!(report["verdict"], "limited connectivity");
    assert_eq!(report["errors"].as_array().unwrap().len(), 2);
    assert_eq!(callers(&recorded_of(&world, "STATUS")), ["first", "second"]);
}

#[test]
fn status_below_1_1_0_is_not_sent_and_says_so() {
    let Some(world) = setup("status_below_1_1_0_is_not_sent_and_says_so", "st100") else {
        return;
    };
    let plugins = [fixture(&world, "first", json!({"behaviour": "status:50"}))];
    network(&world, "1.0.0", &plugins, json!({}));
    let report = json_cmd(&world, &["status", NET]).expect(0).json();
    assert_eq!(report["sent"], false);
    assert_eq!(report["verdict"], "not asked");
    assert_eq!(report["plugins"], json!([]));
    assert_note(&report, "STATUS was not sent");
    assert!(recorded(&world).is_empty(), "{:?}", recorded(&world));
}

// ---------------------------------------------------------------------------------------
// GC with the fixture

const ONE: &str = "ctr-one";
const TWO: &str = "ctr-two";

/// A world with `net` (two recording fixture plugins, the second declaring portMappings)
/// and two attachments: ONE in the first namespace, TWO in the second, added with CNI_ARGS
/// and a port mapping.
struct GcWorld {
    world: World,
    plugins: Vec<Value>,
    ns1: Netns,
    ns2: Netns,
}

fn gc_world(test: &str, tag: &str, extra: Value) -> Option<GcWorld> {
    let world = setup(test, tag)?;
    let plugins = vec![
        fixture(&world, "first", json!({})),
        fixture(&world, "second", json!({"capabilities": {"portMappings": true}})),
    ];
    network(&world, "1.1.0", &plugins, extra);
    let (ns1, ns2) = (Netns::new(&format!("{tag}-1")), Netns::new(&format!("{tag}-2")));
    world.cnictl().args(["add", NET, &ns1.name, "--container-id", ONE]).expect(0);
    world
        .cnictl()
        .args(["add", NET, &ns2.name, "--container-id", TWO])
        .args(["--args", "IgnoreUnknown=1", "--port-mapping", "8080:80"])
        .expect(0);
    assert_eq!(world.cache_entries().len(), 2);
    forget_calls(&world);
    Some(GcWorld { world, plugins, ns1, ns2 })
}

/// The cache entry of an attachment of `net` on eth0.
fn entry_path(world: &World, container_id: &str) -> PathBuf {
    world.cache_dir().join("results").join(format!("{NET}-{container_id}-eth0"))
}

/// Every cache file with its bytes.
fn cache_bytes(world: &World) -> Vec<(PathBuf, Vec<u8>)> {
    world.cache_entries().into_iter().map(|p| (p.clone(), std::fs::read(&p).unwrap())).collect()
}

/// (containerId, verdict) of every attachment in a gc report.
fn verdicts(report: &Value) -> Vec<(String, String)> {
    let attachments = report["attachments"].as_array().unwrap();
    attachments
        .iter()
        .map(|a| (a["containerId"].as_str().unwrap().into(), a["verdict"].as_str().unwrap().into()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn gc_without_apply_changes_nothing() {
    let Some(gw) = gc_world("gc_without_apply_changes_nothing", "gcdry", json!({})) else {
        return;
    };
    let world = &gw.world;
    let before = cache_bytes(world);
    let report = json_cmd(world, &["gc", NET]).expect(0).json();
    assert_eq!(report["applied"], false);
    assert_eq!(report["valid"], json!([]));
    assert_eq!(verdicts(&report), pairs(&[(ONE, "stale"), (TWO, "stale")]));
    let attachments = report["attachments"].as_array().unwrap();
    assert_eq!(attachments[0]["netns"], gw.ns1.path());
    assert_eq!(attachments[1]["netns"], gw.ns2.path());
    assert_eq!(attachments[1]["cacheFile"], json!(entry_path(world, TWO)));
    assert_eq!(report["gcSent"], true);
    let requests = report["gcRequests"].as_array().unwrap();
    assert_eq!(requests.len(), 2);
    for (request, plugin) in requests.iter().zip(&gw.plugins) {
        assert_eq!(request, &gc_stdin(plugin, "1.1.0", &[]));
    }
    assert_eq!(report["gc"], json!([]));
    assert!(recorded(world).is_empty(), "plugins were called: {:#?}", recorded(world));
    assert_eq!(cache_bytes(world), before, "the dry run touched the cache");
}

#[test]
fn gc_apply_with_an_empty_valid_set_needs_all() {
    let Some(gw) = gc_world("gc_apply_with_an_empty_valid_set_needs_all", "gcall", json!({}))
    else {
        return;
    };
    let world = &gw.world;
    // Another network's attachment, which no GC of `net` may touch.
    let other = world.cache_dir().join("results").join(format!("other-{TWO}-eth0"));
    let entry = json!({
        "kind": "cniCacheV1",
        "containerId": TWO,
        "config": b64(br#"{"cniVersion":"1.1.0","name":"other","plugins":[{"type":"first"}]}"#),
        "ifName": "eth0",
        "networkName": "other",
        "netns": gw.ns2.path(),
    });
    std::fs::write(&other, entry.to_string()).unwrap();
    let before = cache_bytes(world);
    let out = json_cmd(world, &["gc", NET, "--apply"]).expect(2);
    assert_contains(&out.stderr, "--all");
    assert!(recorded(world).is_empty(), "plugins were called: {:#?}", recorded(world));
    assert_eq!(cache_bytes(world), before);

    let report = json_cmd(world, &["gc", NET, "--apply", "--all"]).expect(0).json();
    assert_eq!(report["applied"], true);
    assert_eq!(verdicts(&report), pairs(&[(ONE, "deleted"), (TWO, "deleted")]));
    assert_eq!(
        world.cache_entries(),
        std::slice::from_ref(&other),
        "only the other network's entry stays"
    );
    let dels = recorded_of(world, "DEL");
    let ids: Vec<&str> =
        dels.iter().map(|c| c["env"]["CNI_CONTAINERID"].as_str().unwrap()).collect();
    assert_eq!(ids, [ONE, ONE, TWO, TWO]);
    let gcs = recorded_of(world, "GC");
    assert_eq!(callers(&gcs), ["first", "second"]);
    for (call, plugin) in gcs.iter().zip(&gw.plugins) {
        assert_eq!(call["stdin"], gc_stdin(plugin, "1.1.0", &[]));
    }
}

#[test]
fn gc_apply_deletes_exactly_the_stale_attachment_as_it_was_added() {
    let Some(gw) = gc_world("gc_apply_deletes_exactly_the_stale_attachment", "gcone", json!({}))
    else {
        return;
    };
    let world = &gw.world;
    let kept = std::fs::read(entry_path(world, ONE)).unwrap();
    let cached = read_json(&entry_path(world, TWO));
    assert_eq!(cached["cniArgs"], json!([["IgnoreUnknown", "1"]]));
    assert_eq!(cached["result"]["ips"][0]["address"], "192.0.2.10/24", "{cached}");
    let valid = format!("{ONE}/eth0");
    let report = json_cmd(world, &["gc", NET, "--apply", "--valid", &valid]).expect(0).json();
    assert_eq!(report["valid"], json!([[ONE, "eth0"]]));
    assert_eq!(verdicts(&report), pairs(&[(ONE, "valid"), (TWO, "deleted")]));
    assert_eq!(outcomes(&report["attachments"][1], "del"), ["ok", "ok"]);
    assert_eq!(report["attachments"][0]["del"], json!([]));

    // One synthesized DEL, through the chain in reverse, for TWO only, as it was added.
    let dels = recorded_of(world, "DEL");
    assert_eq!(callers(&dels), ["second", "first"]);
    for call in &dels {
        let env = &call["env"];
        assert_eq!(env["CNI_CONTAINERID"], TWO);
        assert_eq!(env["CNI_IFNAME"], "eth0");
        assert_eq!(env["CNI_NETNS"], cached["netns"]);
        assert_eq!(env["CNI_NETNS"], gw.ns2.path());
        assert_eq!(env["CNI_ARGS"], "IgnoreUnknown=1");
        assert_eq!(call["stdin"]["prevResult"], cached["result"], "{}", caller(call));
    }
    let mapping = json!({"hostPort": 8080, "containerPort": 80, "protocol": "tcp"});
    assert_eq!(cached["capabilityArgs"], json!({"portMappings": [mapping]}));
    assert_eq!(dels[0]["stdin"]["runtimeConfig"], json!({"portMappings": [mapping]}));
    assert!(dels[1]["stdin"].get("runtimeConfig").is_none(), "{}", dels[1]["stdin"]);

    // Then exactly one GC per plugin, with the valid set under both keys.
    let gcs = recorded_of(world, "GC");
    assert_eq!(callers(&gcs), ["first", "second"]);
    for (call, plugin) in gcs.iter().zip(&gw.plugins) {
        assert_eq!(call["env"]["CNI_COMMAND"], "GC");
        assert_eq!(call["stdin"], gc_stdin(plugin, "1.1.0", &[(ONE, "eth0")]));
    }
    assert_eq!(outcomes(&report, "gc"), ["ok", "ok"]);
    let commands: Vec<String> =
        recorded(world).iter().map(|c| c["command"].as_str().unwrap().to_string()).collect();
    assert_eq!(commands, ["DEL", "DEL", "GC", "GC"], "DELs first, then GC");

    assert!(!entry_path(world, TWO).exists(), "the stale entry survived");
    assert_eq!(std::fs::read(entry_path(world, ONE)).unwrap(), kept, "the valid entry changed");
    assert_eq!(world.cache_entries().len(), 1);
}

#[test]
fn gc_apply_goes_on_past_a_failed_del() {
    let Some(world) = setup("gc_apply_goes_on_past_a_failed_del", "gcfail") else {
        return;
    };
    // The failing DEL is in the configuration the attachments were added with.
    let plugins = [
        fixture(&world, "first", json!({"behaviour": {"DEL": "error"}, "errorMsg": "no DEL"})),
        fixture(&world, "second", json!({})),
    ];
    network(&world, "1.1.0", &plugins, json!({}));
    let (ns1, ns2) = (Netns::new("gcfail-1"), Netns::new("gcfail-2"));
    world.cnictl().args(["add", NET, &ns1.name, "--container-id", ONE]).expect(0);
    world.cnictl().args(["add", NET, &ns2.name, "--container-id", TWO]).expect(0);
    forget_calls(&world);
    let before = std::fs::read(entry_path(&world, TWO)).unwrap();
    let valid = format!("{ONE}/eth0");
    let report = json_cmd(&world, &["gc", NET, "--apply", "--valid", &valid]).expect(1).json();
    assert_eq!(verdicts(&report), pairs(&[(ONE, "valid"), (TWO, "delete-failed")]));
    assert_eq!(outcomes(&report["attachments"][1], "del"), ["ok", "failed"]);
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!((&errors[0]["plugin"], &errors[0]["index"]), (&json!("first"), &json!(0)));
    assert_eq!(errors[0]["cniError"]["msg"], "no DEL");
    // The entry stays for a later DEL, and GC still goes to every plugin.
    assert_eq!(std::fs::read(entry_path(&world, TWO)).unwrap(), before);
    assert_eq!(outcomes(&report, "gc"), ["ok", "ok"]);
    let gcs = recorded_of(&world, "GC");
    assert_eq!(callers(&gcs), ["first", "second"]);
    for (call, plugin) in gcs.iter().zip(&plugins) {
        assert_eq!(call["stdin"], gc_stdin(plugin, "1.1.0", &[(ONE, "eth0")]));
    }
}

#[test]
fn gc_valid_from_netns_keeps_attachments_whose_namespace_exists() {
    let Some(gw) = gc_world("gc_valid_from_netns_keeps_attachments", "gcns", json!({})) else {
        return;
    };
    let GcWorld { world, plugins, ns1: _ns1, ns2 } = gw;
    let world = &world;
    // Dropping the guard runs `ip netns del`: the container is gone, its cache entry is not.
    let gone = ns2.path();
    drop(ns2);
    assert!(!Path::new(&gone).exists(), "{gone} survived `ip netns del`");
    let report = json_cmd(world, &["gc", NET, "--valid-from-netns"]).expect(0).json();
    assert_eq!(report["valid"], json!([[ONE, "eth0"]]));
    assert_eq!(verdicts(&report), pairs(&[(ONE, "valid"), (TWO, "stale")]));
    assert!(recorded(world).is_empty());

    let report = json_cmd(world, &["gc", NET, "--valid-from-netns", "--apply"]).expect(0).json();
    assert_eq!(verdicts(&report), pairs(&[(ONE, "valid"), (TWO, "deleted")]));
    let dels = recorded_of(world, "DEL");
    assert!(dels.iter().all(|c| c["env"]["CNI_CONTAINERID"] == TWO), "{dels:#?}");
    assert_eq!(dels.len(), 2);
    let gcs = recorded_of(world, "GC");
    assert_eq!(gcs.len(), 2);
    for (call, plugin) in gcs.iter().zip(&plugins) {
        assert_eq!(call["stdin"], gc_stdin(plugin, "1.1.0", &[(ONE, "eth0")]));
    }
    assert!(entry_path(world, ONE).exists());
    assert!(!entry_path(world, TWO).exists());
}

#[test]
fn disable_gc_makes_gc_apply_do_nothing() {
    let Some(gw) =
        gc_world("disable_gc_makes_gc_apply_do_nothing", "gcoff", json!({"disableGC": true}))
    else {
        return;
    };
    let world = &gw.world;
    let before = cache_bytes(world);
    let valid = format!("{ONE}/eth0");
    for args in [vec!["--apply", "--valid", &valid], vec!["--apply", "--all"]] {
        let report = json_cmd(world, &["gc", NET]).args(&args).expect(0).json();
        assert_eq!(report["gcSent"], false, "{args:?}");
        assert_eq!(report["gc"], json!([]), "{args:?}");
        assert_eq!(report["gcRequests"], json!([]), "{args:?}");
        assert!(
            report["attachments"].as_array().unwrap().iter().all(|a| a["verdict"] != "deleted"),
            "{args:?}: {}",
            report["attachments"]
        );
        assert_note(&report, "disableGC");
    }
    assert!(recorded(world).is_empty(), "plugins were called: {:#?}", recorded(world));
    assert_eq!(cache_bytes(world), before);
}

// ---------------------------------------------------------------------------------------
// GC with ptp + host-local

/// The host-local lease files of a directory, by IP, with their contents.
fn lease_files(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("10."))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p.file_name().unwrap().to_string_lossy().into_owned(), text)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn gc_apply_with_real_plugins_releases_the_stale_lease() {
    let Some(world) = setup("gc_apply_with_real_plugins_releases_the_stale_lease", "gcptp") else {
        return;
    };
    world.conf("10-ptp.conflist", &world.ptp_conflist("1.0.0"));
    let (ns1, ns2) = (Netns::new("gcptp-1"), Netns::new("gcptp-2"));
    let add = |ns: &Netns, id: &str| {
        let report = world
            .cnictl()
            .args(["-o", "json", "add", "ptpnet", &ns.name, "--container-id", id])
            .expect(0)
            .json();
        report["result"]["ips"][0]["address"].as_str().unwrap().to_string()
    };
    let (ip1, ip2) = (add(&ns1, ONE), add(&ns2, TWO));
    let bare = |cidr: &str| cidr.split('/').next().unwrap().to_string();
    let lease_dir = world.ipam_dir().join("ptpnet");
    assert_eq!(
        lease_files(&lease_dir),
        [(bare(&ip1), format!("{ONE}\r\neth0")), (bare(&ip2), format!("{TWO}\r\neth0"))]
    );

    let valid = format!("{ONE}/eth0");
    let report = world
        .cnictl()
        .args(["-o", "json", "gc", "ptpnet", "--apply", "--valid", &valid])
        .expect(0)
        .json();
    assert_eq!(verdicts(&report), pairs(&[(ONE, "valid"), (TWO, "deleted")]));
    assert_eq!(report["gcSent"], false);
    assert_eq!(report["gc"], json!([]));
    assert_note(&report, "GC is not sent to plugins below cniVersion 1.1.0");

    // The stale attachment is gone, lease and interface; the valid one keeps both.
    assert_eq!(lease_files(&lease_dir), [(bare(&ip1), format!("{ONE}\r\neth0"))]);
    assert!(!ns2.links().contains(&"eth0".to_string()), "eth0 survived in {}", ns2.name);
    assert_eq!(ns1.addresses("eth0"), std::slice::from_ref(&ip1));
    let entries = world.cache_entries();
    assert_eq!(entries.len(), 1);
    assert_eq!(read_json(&entries[0])["containerId"], ONE);
}

// ---------------------------------------------------------------------------------------
// The result cache

/// A cnitool-style container ID: "cnitool-" and 20 hex digits.
const CNITOOL_ID: &str = "cnitool-3f9a0c1d2e4b5a6f7081";
/// A containerd-style sandbox ID: 64 hex digits.
const SANDBOX_ID: &str = "8d2f4c1a9b7e6d5c3a2b1f0e9d8c7b6a5f4e3d2c1b0a99887766554433221100";

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[test]
fn hand_written_libcni_cache_entries_are_listed_decoded_and_removed() {
    let Some(world) = setup("hand_written_libcni_cache_entries_are_listed", "cache") else {
        return;
    };
    let results = world.cache_dir().join("results");
    std::fs::create_dir_all(&results).unwrap();
    let pod_ns = Netns::new("cache-pod");
    let gone_ns = format!("/var/run/netns/cnictl-absent-{}-{}", std::process::id(), util::unique());

    // cnitool: no args, no capability args, the conflist file's bytes as config.
    let cnitool_conf = concat!(
        "{\n",
        "  \"cniVersion\": \"1.0.0\",\n",
        "  \"name\": \"mynet\",\n",
        "  \"plugins\": [\n",
        "    {\"type\": \"ptp\",\n",
        "     \"ipam\": {\"type\": \"host-local\", \"subnet\": \"10.22.0.0/16\"}}\n",
        "  ]\n",
        "}\n"
    );
    let cnitool_result = json!({
        "cniVersion": "1.0.0",
        "interfaces": [{"name": "eth0", "mac": "0a:58:0a:16:00:05", "sandbox": gone_ns}],
        "ips": [{"address": "10.22.0.5/16", "gateway": "10.22.0.1", "interface": 0}],
        "dns": {}
    });
    let cnitool_file = format!("mynet-{CNITOOL_ID}-eth0");
    let cnitool_entry = json!({
        "kind": "cniCacheV1",
        "containerId": CNITOOL_ID,
        "config": b64(cnitool_conf.as_bytes()),
        "ifName": "eth0",
        "networkName": "mynet",
        "netns": gone_ns,
        "result": cnitool_result,
    });
    std::fs::write(results.join(&cnitool_file), cnitool_entry.to_string()).unwrap();

    // containerd: the CRI's CNI_ARGS and capability args.
    let containerd_conf = json!({
        "cniVersion": "1.0.0",
        "name": "containerd-net",
        "plugins": [
            {"type": "bridge", "bridge": "cni0", "isGateway": true, "ipMasq": true,
             "ipam": {"type": "host-local", "ranges": [[{"subnet": "10.88.0.0/16"}]],
                      "routes": [{"dst": "0.0.0.0/0"}]}},
            {"type": "portmap", "capabilities": {"portMappings": true}}
        ]
    });
    let cni_args = json!([
        ["IgnoreUnknown", "1"],
        ["K8S_POD_NAMESPACE", "default"],
        ["K8S_POD_NAME", "web"],
        ["K8S_POD_INFRA_CONTAINER_ID", SANDBOX_ID],
        ["K8S_POD_UID", "0c2bbf4e-6a3c-4c8e-9a65-1d8f4e3b2a10"]
    ]);
    let capability_args = json!({
        "portMappings": [{"hostPort": 8080, "containerPort": 80, "protocol": "tcp", "hostIP": ""}],
        "io.kubernetes.cri.pod-annotations": {}
    });
    let containerd_result = json!({
        "cniVersion": "1.0.0",
        "interfaces": [
            {"name": "cni0", "mac": "2a:1b:3c:4d:5e:6f"},
            {"name": "veth1a2b3c4d", "mac": "6e:5d:4c:3b:2a:19"},
            {"name": "eth0", "mac": "0a:58:0a:58:00:07", "sandbox": pod_ns.path()}
        ],
        "ips": [{"interface": 2, "address": "10.88.0.7/16", "gateway": "10.88.0.1"}],
        "routes": [{"dst": "0.0.0.0/0", "gw": "10.88.0.1"}],
        "dns": {}
    });
    let containerd_file = format!("containerd-net-{SANDBOX_ID}-eth0");
    let containerd_entry = json!({
        "kind": "cniCacheV1",
        "containerId": SANDBOX_ID,
        "config": b64(containerd_conf.to_string().as_bytes()),
        "ifName": "eth0",
        "networkName": "containerd-net",
        "netns": pod_ns.path(),
        "cniArgs": cni_args,
        "capabilityArgs": capability_args,
        "result": containerd_result,
    });
    std::fs::write(results.join(&containerd_file), containerd_entry.to_string()).unwrap();

    // Zero bytes, as a crash leaves it; and libcni's legacy bare result.
    let empty_file = "mynet-0123abcd-eth0";
    std::fs::write(results.join(empty_file), "").unwrap();
    let legacy_file = "mynet-legacyctr-eth0";
    let legacy = json!({
        "cniVersion": "0.4.0",
        "interfaces": [
            {"name": "eth0", "mac": "0a:58:0a:16:00:09", "sandbox": "/var/run/netns/old"}
        ],
        "ips": [
            {"version": "4", "address": "10.22.0.9/16", "gateway": "10.22.0.1", "interface": 0}
        ],
        "dns": {}
    });
    std::fs::write(results.join(legacy_file), legacy.to_string()).unwrap();

    let ls =
        |args: &[&str]| -> Value { json_cmd(&world, &["cache", "ls"]).args(args).expect(0).json() };
    let names = |report: &Value| -> Vec<String> {
        let entries = report["entries"].as_array().unwrap();
        entries
            .iter()
            .map(|e| {
                let file = e["file"].as_str().unwrap();
                file.rsplit('/').next().unwrap().to_string()
            })
            .collect()
    };

    let all = ls(&[]);
    assert_eq!(all["dir"], json!(results));
    let mut expected = vec![
        cnitool_file.clone(),
        containerd_file.clone(),
        empty_file.to_string(),
        legacy_file.to_string(),
    ];
    expected.sort();
    assert_eq!(names(&all), expected);
    let by_name = |name: &str| -> Value {
        all["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["file"].as_str().unwrap().ends_with(&format!("/{name}")))
            .cloned()
            .unwrap()
    };

    let cnitool = by_name(&cnitool_file);
    assert_eq!(cnitool["state"], "ok");
    assert!(cnitool["problem"].is_null());
    assert_eq!(cnitool["network"], "mynet");
    assert_eq!(cnitool["containerId"], CNITOOL_ID);
    assert_eq!(cnitool["ifname"], "eth0");
    assert_eq!(cnitool["netns"], gone_ns);
    assert_eq!(cnitool["netnsExists"], false);
    assert_eq!(cnitool["addresses"], json!(["10.22.0.5/16"]));
    assert_eq!(cnitool["size"], cnitool_entry.to_string().len());
    assert!(cnitool["ageSeconds"].as_u64().is_some_and(|a| a < 600), "{cnitool}");

    let containerd = by_name(&containerd_file);
    assert_eq!(containerd["state"], "ok");
    assert_eq!(containerd["network"], "containerd-net");
    assert_eq!(containerd["containerId"], SANDBOX_ID);
    assert_eq!(containerd["netns"], pod_ns.path());
    assert_eq!(containerd["netnsExists"], true);
    assert_eq!(containerd["addresses"], json!(["10.88.0.7/16"]));

    let empty = by_name(empty_file);
    assert_eq!(empty["state"], "empty");
    assert_eq!(empty["size"], 0);
    assert_contains(empty["problem"].as_str().unwrap(), "zero bytes");

    let old = by_name(legacy_file);
    assert_eq!(old["state"], "legacy");
    assert_eq!(old["addresses"], json!(["10.22.0.9/16"]));

    // Filters: fields when the entry has them, the file name when it does not.
    let mut mynet = vec![cnitool_file.clone(), empty_file.to_string(), legacy_file.to_string()];
    mynet.sort();
    assert_eq!(names(&ls(&["--network", "mynet"])), mynet);
    assert_eq!(
        names(&ls(&["--network", "containerd-net"])),
        std::slice::from_ref(&containerd_file)
    );
    assert_eq!(names(&ls(&["--container-id", SANDBOX_ID])), std::slice::from_ref(&containerd_file));
    assert_eq!(names(&ls(&["--container-id", CNITOOL_ID])), std::slice::from_ref(&cnitool_file));
    assert_eq!(
        names(&ls(&["--network", "mynet", "--container-id", "legacyctr"])),
        [legacy_file.to_string()]
    );
    assert_eq!(names(&ls(&["--network", "containerd-net", "--container-id", CNITOOL_ID])), [""; 0]);

    // show: by file name, and by path.
    let show = json_cmd(&world, &["cache", "show", &containerd_file]).expect(0).json();
    assert_eq!(show["config"], containerd_conf);
    assert_eq!(show["cniArgs"], cni_args);
    assert_eq!(show["capabilityArgs"], capability_args);
    assert_eq!(show["result"], containerd_result);
    assert_eq!(show["containerId"], SANDBOX_ID);
    assert_eq!(show["state"], "ok");
    let path = results.join(&cnitool_file);
    let show = json_cmd(&world, &["cache", "show", &path.to_string_lossy()]).expect(0).json();
    let written: Value = serde_json::from_str(cnitool_conf).unwrap();
    assert_eq!(show["config"], written);
    assert_eq!(show["cniArgs"], json!([]));
    assert_eq!(show["capabilityArgs"], json!({}));
    assert_eq!(show["result"], cnitool_result);
    let show = json_cmd(&world, &["cache", "show", legacy_file]).expect(0).json();
    assert_eq!(show["state"], "legacy");
    assert!(show["config"].is_null());
    assert_eq!(show["result"]["ips"][0]["address"], "10.22.0.9/16");
    json_cmd(&world, &["cache", "show", "nope"]).expect(2);

    // rm: one entry, and it is gone from ls.
    let rm = json_cmd(&world, &["cache", "rm", &cnitool_file]).expect(0).json();
    assert_eq!(rm["removed"], json!([path]));
    assert!(!path.exists());
    let mut rest = vec![containerd_file, empty_file.to_string(), legacy_file.to_string()];
    rest.sort();
    assert_eq!(names(&ls(&[])), rest);
    json_cmd(&world, &["cache", "rm", "nope"]).expect(2);
    assert_eq!(names(&ls(&[])), rest);
}

// ---------------------------------------------------------------------------------------
// host-local leases

/// Kills a spawned cnictl that outlives its test.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// Whether a process waits for a flock: /proc/locks lists waiters as
/// `1: -> FLOCK  ADVISORY  WRITE <pid> <dev>:<inode> 0 EOF`.
fn blocked_on_flock(pid: u32) -> bool {
    let locks = std::fs::read_to_string("/proc/locks").unwrap_or_default();
    locks.lines().any(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        fields.get(1) == Some(&"->")
            && fields.get(2) == Some(&"FLOCK")
            && fields.get(5) == Some(&pid.to_string().as_str())
    })
}

/// (ip, containerId, ifname, stale) of every lease in an `ipam leases` report.
fn leases(report: &Value) -> Vec<(String, String, String, bool)> {
    report["leases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["ip"].as_str().unwrap().into(),
                l["containerId"].as_str().unwrap().into(),
                l["ifname"].as_str().unwrap().into(),
                l["stale"].as_bool().unwrap(),
            )
        })
        .collect()
}

#[test]
fn ipam_leases_are_judged_and_only_stale_ones_released_under_the_lock() {
    let Some(world) = setup("ipam_leases_are_judged_and_only_stale_ones_released", "lease") else {
        return;
    };
    let p = &world.subnet_prefix;
    let list = json!({
        "cniVersion": "1.0.0",
        "name": NET,
        "plugins": [{
            "type": "ptp",
            "ipam": {
                "type": "host-local",
                "subnet": format!("{p}.0/24"),
                "dataDir": world.ipam_dir(),
            }
        }]
    });
    world.conf("10-net.conflist", &list.to_string());
    let dir = world.ipam_dir().join(NET);
    std::fs::create_dir_all(&dir).unwrap();
    let (ip5, ip6, ip7) = (format!("{p}.5"), format!("{p}.6"), format!("{p}.7"));
    std::fs::write(dir.join(&ip5), "cid-stale\r\neth0").unwrap();
    std::fs::write(dir.join(&ip6), "cid-live\r\neth0").unwrap();
    std::fs::write(dir.join(&ip7), "cid-gone").unwrap();
    std::fs::write(dir.join("lock"), "").unwrap();
    std::fs::write(dir.join("last_reserved_ip.0"), &ip7).unwrap();

    // cid-live is cached, and its namespace exists.
    let live = Netns::new("lease-live");
    let results = world.cache_dir().join("results");
    std::fs::create_dir_all(&results).unwrap();
    let entry = json!({
        "kind": "cniCacheV1",
        "containerId": "cid-live",
        "config": b64(list.to_string().as_bytes()),
        "ifName": "eth0",
        "networkName": NET,
        "netns": live.path(),
        "result": {"cniVersion": "1.0.0", "ips": [{"address": format!("{ip6}/24")}]},
    });
    std::fs::write(results.join(format!("{NET}-cid-live-eth0")), entry.to_string()).unwrap();

    let report = json_cmd(&world, &["ipam", "leases", NET]).expect(0).json();
    assert_eq!(report["dirs"], json!([dir]));
    assert_eq!(report["cacheDir"], json!(world.cache_dir()));
    let s = String::from;
    assert_eq!(
        leases(&report),
        [
            (ip5.clone(), s("cid-stale"), s("eth0"), true),
            (ip6.clone(), s("cid-live"), s("eth0"), false),
            (ip7.clone(), s("cid-gone"), s(""), true),
        ]
    );
    for lease in report["leases"].as_array().unwrap() {
        assert_eq!(lease["network"], NET);
        assert_eq!(lease["file"], json!(dir.join(lease["ip"].as_str().unwrap())));
    }

    // Not leased at all: a usage error.
    json_cmd(&world, &["ipam", "leases", NET, "--release", &format!("{p}.99"), "--yes"]).expect(2);
    // In use: refused, even with --yes.
    json_cmd(&world, &["ipam", "leases", NET, "--release", &ip6, "--yes"]).expect(2);
    assert!(dir.join(&ip6).exists());
    // Stale, but no --yes and no terminal to ask on: refused.
    json_cmd(&world, &["ipam", "leases", NET, "--release", &ip5]).expect(2);
    assert!(dir.join(&ip5).exists());
    // With --yes: removed and reported.
    let report =
        json_cmd(&world, &["ipam", "leases", NET, "--release", &ip5, "--yes"]).expect(0).json();
    assert!(!dir.join(&ip5).exists());
    assert_eq!(report["released"].as_array().unwrap().len(), 1);
    assert_eq!(report["released"][0]["ip"], ip5);
    assert_eq!(report["released"][0]["containerId"], "cid-stale");
    assert!(leases(&report).iter().all(|l| l.0 != ip5), "{}", report["leases"]);
    assert!(dir.join("lock").exists() && dir.join("last_reserved_ip.0").exists());

    // The lock is honoured: while the test holds it, the release waits.
    let lock = std::fs::File::options().write(true).open(dir.join("lock")).unwrap();
    let held = Flock::lock(lock, FlockArg::LockExclusive).map_err(|(_, e)| e).unwrap();
    let mut command =
        json_cmd(&world, &["ipam", "leases", NET, "--release", &ip7, "--yes"]).command();
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = Reaped(command.spawn().unwrap());
    // `ip netns exec` execs cnictl in place, so the child's pid is cnictl's: wait until the
    // kernel lists it as blocked on a flock (a `->` line of /proc/locks), then some more.
    let pid = child.0.id();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !blocked_on_flock(pid) {
        let exited = child.0.try_wait().unwrap();
        assert!(exited.is_none(), "the release ended ({exited:?}) while the lock was held");
        assert!(
            Instant::now() < deadline,
            "cnictl never waited for {}",
            dir.join("lock").display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(300));
    assert!(child.0.try_wait().unwrap().is_none(), "the release did not wait for the lock");
    assert!(dir.join(&ip7).exists(), "the lease was removed while the lock was held");
    drop(held);
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.0.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the release did not finish once the lock was free");
        std::thread::sleep(Duration::from_millis(20));
    };
    let (mut stdout, mut stderr) = (String::new(), String::new());
    child.0.stdout.take().unwrap().read_to_string(&mut stdout).unwrap();
    child.0.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert_eq!(status.code(), Some(0), "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(!dir.join(&ip7).exists());
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["released"][0]["ip"], ip7);
    assert!(dir.join(&ip6).exists(), "the live lease went too");
}
