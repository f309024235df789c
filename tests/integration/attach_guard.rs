//! `add` never harms an attachment that works, and checks everything it is given before
//! any plugin runs: a second ADD of the same IDs is refused, capability flags are
//! validated and those no plugin declares are named, a cache dir that is a file or names
//! too long for the cache file stop the call while the namespace is still untouched.

use serde_json::Value;

use crate::util::{self, root_or_skip, Netns, World};

/// A world with the ptp + host-local list, and a container namespace.
fn setup(test: &str, tag: &str) -> Option<(World, Netns)> {
    if !root_or_skip(test) {
        return None;
    }
    let world = World::new(tag);
    world.conf("10-ptp.conflist", &world.ptp_conflist("1.0.0"));
    let ns = Netns::new(&format!("{tag}-c"));
    Some((world, ns))
}

/// The links of a namespace other than lo.
fn links(ns: &Netns) -> Vec<String> {
    let out = std::process::Command::new("ip")
        .args(["-n", &ns.name, "-j", "link", "show"])
        .output()
        .unwrap();
    let links: Value = serde_json::from_slice(&out.stdout).unwrap();
    links
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["ifname"].as_str().unwrap().to_string())
        .filter(|n| n != "lo")
        .collect()
}

#[test]
fn a_second_add_of_the_same_attachment_is_refused_and_the_first_survives() {
    let Some((world, ns)) = setup("a_second_add_of_the_same_attachment_is_refused", "twice") else {
        return;
    };
    world.cnictl().args(["add", "ptpnet", &ns.name]).expect(0);
    let address = ns.addresses("eth0");
    assert_eq!(address.len(), 1);

    let out = world.cnictl().args(["add", "ptpnet", &ns.name]).expect(2);
    assert!(out.stderr.contains("already has an attachment"), "{}", out.stderr);
    assert!(out.stderr.contains("--force"), "{}", out.stderr);
    assert_eq!(ns.addresses("eth0"), address, "the first attachment was touched");
    assert_eq!(world.cache_entries().len(), 1);

    // Forced: the plugin fails on the existing eth0, and no hint points at a DEL that would
    // take the first attachment down.
    let out = world.cnictl().args(["-o", "json", "add", "--force", "ptpnet", &ns.name]).run();
    assert_ne!(out.code, 0, "{}", out.stdout);
    let hint = out.json()["error"]["hint"].as_str().unwrap_or_default().to_string();
    assert!(!hint.contains("cnictl del"), "{hint}");
    assert!(hint.contains("existed before"), "{hint}");
    assert_eq!(ns.addresses("eth0"), address, "the first attachment was touched");
    world.cnictl().args(["del", "ptpnet", &ns.name]).expect(0);
}

#[test]
fn capabilities_no_plugin_declares_are_named() {
    let Some((world, ns)) = setup("capabilities_no_plugin_declares_are_named", "unusedcap") else {
        return;
    };
    let ip = format!("{}.60/24", world.subnet_prefix);
    let out = world.cnictl().args(["-o", "json", "add", "ptpnet", &ns.name, "--ip", &ip]).expect(0);
    let report = out.json();
    assert_eq!(report["unusedCapabilities"], serde_json::json!(["ips"]), "{report:#}");
    let notes = report["notes"].to_string();
    assert!(notes.contains("no plugin of ptpnet declares ips"), "{notes}");
    let table = world.cnictl().args(["check", "ptpnet", &ns.name]).expect(0);
    assert!(!table.stdout.contains("declares"), "CHECK was given no capability");
    world.cnictl().args(["del", "ptpnet", &ns.name]).expect(0);
}

#[test]
fn bad_input_stops_add_before_any_plugin_runs() {
    let Some((world, ns)) = setup("bad_input_stops_add_before_any_plugin_runs", "badin") else {
        return;
    };
    let file = world.path("a-file");
    std::fs::write(&file, "").unwrap();
    let long_id = "c".repeat(300);
    let cases: Vec<(Vec<String>, i32, &str)> = vec![
        (vec!["--mac".into(), "zz".into()], 2, "invalid --mac"),
        (vec!["--ip".into(), "10.1.2.3".into()], 2, "invalid --ip"),
        (vec!["--container-id".into(), long_id], 2, "cache file name"),
    ];
    for (extra, code, said) in cases {
        let out = world.cnictl().args(["add", "ptpnet", &ns.name]).args(&extra).expect(code);
        assert!(out.stderr.contains(said), "{extra:?}: {}", out.stderr);
        assert!(links(&ns).is_empty(), "{extra:?}: a plugin ran: {:?}", links(&ns));
    }
    let out = world
        .cnictl()
        .args(["--cache-dir", &file.to_string_lossy(), "add", "ptpnet", &ns.name])
        .expect(3);
    assert!(out.stderr.contains("is not a directory"), "{}", out.stderr);
    assert!(links(&ns).is_empty(), "a plugin ran: {:?}", links(&ns));
    assert!(world.cache_entries().is_empty());
}

#[test]
fn removing_a_live_attachments_entry_or_namespace_needs_a_yes() {
    let Some((world, ns)) = setup("removing_a_live_attachments_entry_or_namespace", "live") else {
        return;
    };
    world.cnictl().args(["add", "ptpnet", &ns.name]).expect(0);
    let entry = world.cache_entries()[0].file_name().unwrap().to_string_lossy().into_owned();

    // No terminal, no --yes: refused, saying what would be left.
    let out = world.cnictl().args(["cache", "rm", &entry]).expect(2);
    assert!(out.stderr.contains("live attachments"), "{}", out.stderr);
    assert!(out.stderr.contains("cnictl del"), "{}", out.stderr);
    assert_eq!(world.cache_entries().len(), 1);
    let cache = world.cache_dir().to_string_lossy().into_owned();
    let out = util::cnictl().args(["--cache-dir", &cache, "netns", "rm", &ns.name]).expect(2);
    assert!(out.stderr.contains("cached attachments"), "{}", out.stderr);
    assert!(std::path::Path::new(&ns.path()).exists(), "the namespace went");

    // With --yes, it goes, and the report says what it did.
    world.cnictl().args(["del", "ptpnet", &ns.name]).expect(0);
    world.cnictl().args(["add", "ptpnet", &ns.name]).expect(0);
    let out = world.cnictl().args(["cache", "rm", "--yes", &entry]).expect(0);
    assert!(out.stdout.contains("removed"), "{}", out.stdout);
    assert!(world.cache_entries().is_empty());
    // Detach by hand what the entry no longer describes.
    world.cnictl().args(["del", "ptpnet", &ns.name]).expect(0);
}
