//! GC, dry run and applied: with recording fixture plugins (what is stale, what is deleted
//! and how, failed DELs, `--valid-from-netns`, `disableGC`) and with ptp + host-local, whose
//! stale lease is released.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::{
    assert_contains, assert_note, b64, caller, callers, fixture, forget_calls, json_cmd, network,
    outcomes, recorded, recorded_of, setup, status_stdin, NET,
};
use crate::util::{read_json, Netns, World};

/// What a plugin receives for GC: as for STATUS, plus the valid set under both keys.
fn gc_stdin(plugin: &Value, version: &str, valid: &[(&str, &str)]) -> Value {
    let mut stdin = status_stdin(plugin, version);
    let list: Vec<Value> =
        valid.iter().map(|(id, ifname)| json!({"containerID": id, "ifname": ifname})).collect();
    stdin["cni.dev/valid-attachments"] = json!(list);
    stdin["cni.dev/attachments"] = json!(list);
    stdin
}

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
