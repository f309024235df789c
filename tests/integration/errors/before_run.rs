//! Errors before any plugin runs: usage errors, a missing namespace, running without root,
//! and configuration that does not parse or does not name a known network.

use std::os::unix::process::CommandExt;

use serde_json::json;

use super::{assert_contains, error_line, fixture, json_run, network, recorded, setup, NET};
use crate::util::{self, sh, Output};

#[test]
fn a_plugin_type_with_a_slash_is_a_configuration_error() {
    let Some((world, ns)) = setup("a_plugin_type_with_a_slash_is_a_configuration_error", "slash")
    else {
        return;
    };
    let bin = world.path("bin").join("fx");
    network(&world, "1.0.0", vec![fixture(&world, "fx", json!({"type": bin}))]);
    // Found when the file is read, before any plugin or namespace is looked at.
    let error = json_run(&world, "add", &ns).expect(2).json()["error"].clone();
    assert_eq!(error["kind"], "config");
    assert_eq!(error["exitCode"], 2);
    assert!(error["message"].as_str().unwrap().contains("not a bare binary name"), "{error}");
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

/// Only a name under /var/run/netns is what `ip netns add` makes: a missing path elsewhere
/// gets no such hint, and a path that is not a network namespace (a file, a directory,
/// another kind of namespace) is refused before any plugin runs, with no DEL suggested.
#[test]
fn a_path_that_is_not_a_network_namespace_is_refused_before_plugins() {
    let Some((world, _ns)) = setup("a_path_that_is_not_a_network_namespace", "notns") else {
        return;
    };
    network(&world, "1.0.0", vec![fixture(&world, "fx", json!({}))]);
    let gone = world.path("nc-nope");
    let out = world.cnictl().args(["add", NET, &gone.to_string_lossy()]).expect(3);
    assert_contains(error_line(&out), "does not exist");
    assert!(!out.stderr.contains("ip netns add"), "{}", out.stderr);
    let file = world.path("not-a-namespace");
    std::fs::write(&file, "x").unwrap();
    let cases = [
        (file.to_string_lossy().into_owned(), "is a file, not a network namespace"),
        (world.path("bin").to_string_lossy().into_owned(), "is a directory"),
        ("/proc/self/ns/mnt".to_string(), "another kind of namespace"),
    ];
    for (path, says) in cases {
        for command in ["add", "check"] {
            let out = world.cnictl().args([command, NET, &path]).expect(3);
            assert_contains(error_line(&out), says);
            assert!(!out.stderr.contains("cnictl del"), "{command} {path}: {}", out.stderr);
        }
    }
    assert!(recorded(&world).is_empty(), "a plugin ran: {:?}", recorded(&world));
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
