//! The `netns` commands and `inspect`: create, ls, rm and gc of namespaces (what a killed
//! run left versus created ones), `--keep` and its finish commands, and agreement with
//! iproute2.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use nix::sys::signal::{killpg, Signal};
use nix::unistd::Pid;
use serde_json::{json, Value};

use super::{
    assert_gone, dirs_of, network, nsfs_mounted, on_node, ptp, run_names, running, setup,
    start_slow_run, steps, Cleanup, NET,
};
use crate::util::{self, root_or_skip, sh};

fn wait_for(what: &str, limit: Duration, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A namespace made by `cnictl netns create`, removed with `cnictl netns rm` on drop.
struct Persistent(String);

impl Drop for Persistent {
    fn drop(&mut self) {
        if Path::new("/var/run/netns").join(&self.0).exists() {
            let _ = util::cnictl().args(["netns", "rm", &self.0]).run();
        }
    }
}

fn persistent() -> Persistent {
    let name = format!("cnictl-t{}-{}-keep", std::process::id(), util::unique());
    util::cnictl().args(["netns", "create", &name]).expect(0);
    Persistent(name)
}

fn netns_entries(out: &util::Output) -> Vec<Value> {
    out.json()["namespaces"].as_array().unwrap().clone()
}

#[test]
fn netns_gc_removes_what_a_killed_run_left_but_not_created_namespaces() {
    let Some(world) = setup("netns_gc_removes_what_a_killed_run_left", "sbgc") else { return };
    let kept = persistent();
    let mut cleanup = Cleanup::default();
    let (mut child, add, owners) = start_slow_run(&world, &mut cleanup);
    child.kill().unwrap();
    child.wait().unwrap();
    cleanup.gone(child.id());
    let plugin = add["pid"].as_u64().unwrap();
    killpg(Pid::from_raw(plugin as i32), Signal::SIGKILL).unwrap();
    wait_for("the plugin to die", Duration::from_secs(5), || !running(plugin));
    cleanup.gone(plugin as u32);
    let names: Vec<String> = owners.iter().map(|(n, _)| n.clone()).collect();
    let dirs: Vec<PathBuf> = owners.iter().flat_map(|(_, o)| dirs_of(o)).collect();
    assert!(!dirs.is_empty() && dirs.iter().all(|d| d.exists()), "{dirs:?}");

    let listed = netns_entries(&util::cnictl().args(["-o", "json", "netns", "ls"]).expect(0));
    let entry = |name: &str| listed.iter().find(|e| e["name"] == name).cloned();
    for name in &names {
        let e = entry(name).unwrap_or_else(|| panic!("{name} not listed"));
        assert_eq!((&e["stale"], &e["ownerAlive"]), (&json!(true), &json!(false)), "{e}");
        assert!(nsfs_mounted(name), "{name} is listed but not mounted");
    }
    let k = entry(&kept.0).expect("the created namespace is listed");
    assert_eq!((&k["madeByCnictl"], &k["stale"]), (&json!("create"), &json!(false)), "{k}");

    let (orphans, live) = killed_before_or_after_its_namespace();
    let dry = util::cnictl().args(["-o", "json", "netns", "gc", "--dry-run"]).expect(0);
    assert!(orphans.iter().all(|p| p.exists()), "--dry-run removed one of {orphans:?}");
    let would: Vec<Value> = netns_entries(&dry).iter().map(|e| e["name"].clone()).collect();
    for name in &names {
        assert!(would.contains(&json!(name)), "{name} not in {would:?}");
        assert!(Path::new("/var/run/netns").join(name).exists(), "--dry-run removed {name}");
    }
    let gc = util::cnictl().args(["-o", "json", "netns", "gc"]).expect(0);
    let removed: Vec<Value> = netns_entries(&gc).iter().map(|e| e["name"].clone()).collect();
    assert!(!removed.contains(&json!(kept.0)), "gc took the created namespace");
    assert_gone(&names);
    for dir in &dirs {
        assert!(!dir.exists(), "gc left {}", dir.display());
    }
    assert!(Path::new("/var/run/netns").join(&kept.0).exists(), "gc removed {}", kept.0);
    for orphan in &orphans {
        assert!(!orphan.exists(), "gc left {}", orphan.display());
    }
    assert!(live.exists(), "gc removed a live process's {}", live.display());
    let _ = std::fs::remove_dir(&live);
    util::cnictl().args(["netns", "rm", &kept.0]).expect(0);
    assert_gone(std::slice::from_ref(&kept.0));
}

#[test]
fn keep_leaves_the_namespaces_and_its_finish_commands_remove_them() {
    let Some(world) = setup("keep_leaves_the_namespaces", "sbkeep") else { return };
    network(&world, vec![ptp(&world)]);
    let out = on_node(&world).args(["-o", "json", "run", "--sandbox", "--keep", NET]).expect(0);
    let report = out.json();
    let mut cleanup = Cleanup::of_report(&report);
    let kept = &report["kept"];
    let dir = PathBuf::from(kept["dir"].as_str().expect("kept.dir"));
    cleanup.dirs.push(dir.clone());
    let names = run_names(&report);
    assert_eq!(names, [kept["netns"].as_str().unwrap(), kept["hostNetns"].as_str().unwrap()]);
    assert_eq!(steps(&report).last(), Some(&("keep", "ok")));
    for name in &names {
        assert!(Path::new("/var/run/netns").join(name).exists(), "{name} was not kept");
    }
    let leases = dir.join("state/networks").join(NET);
    assert!(leases.join(format!("{}.2", world.subnet_prefix)).exists(), "no lease in {leases:?}");

    let finish: Vec<&str> =
        kept["finish"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
    assert_eq!(finish.len(), 3, "{finish:?}");
    for line in &finish {
        let mut words = line.split_whitespace();
        let program = match words.next().unwrap() {
            "cnictl" => util::cnictl_bin(),
            other => PathBuf::from(other),
        };
        let path = std::env::var("PATH").unwrap_or_else(|_| "/usr/sbin:/usr/bin:/sbin:/bin".into());
        let out = Command::new(&program)
            .args(words)
            .env_clear()
            .env("PATH", path)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "`{line}` failed: {stderr}");
        if line.contains(" del ") {
            let lease = leases.join(format!("{}.2", world.subnet_prefix));
            assert!(!lease.exists(), "DEL left {}", lease.display());
        }
    }
    assert_gone(&names);
    assert!(!dir.exists(), "{} survived", dir.display());
}

#[test]
fn netns_create_inspect_ls_rm_and_iproute2_agree() {
    if !root_or_skip("netns_create_inspect_ls_rm_and_iproute2_agree") {
        return;
    }
    let ns = persistent();
    let inspect = util::cnictl().args(["-o", "json", "inspect", &ns.0]).expect(0).json();
    let links = inspect["links"].as_array().unwrap();
    assert!(links.iter().any(|l| l["name"] == "lo"), "{inspect}");
    let listed = netns_entries(&util::cnictl().args(["-o", "json", "netns", "ls"]).expect(0));
    let entry = listed.iter().find(|e| e["name"] == ns.0.as_str()).expect("listed");
    assert_eq!(entry["madeByCnictl"], "create");
    assert_eq!(entry["stale"], false);
    sh("ip", &["netns", "exec", &ns.0, "true"]);
    assert!(sh("ip", &["netns", "list"])
        .lines()
        .any(|l| l.split_whitespace().next() == Some(&ns.0)));

    util::cnictl().args(["netns", "rm", &ns.0]).expect(0);
    assert_gone(std::slice::from_ref(&ns.0));
    let missing = util::cnictl().args(["-o", "json", "inspect", &ns.0]).expect(3).json();
    assert_eq!(missing["error"]["kind"], "environment");
}

#[test]
fn netns_create_with_an_invalid_name_is_a_usage_error() {
    if !root_or_skip("netns_create_with_an_invalid_name_is_a_usage_error") {
        return;
    }
    let out = util::cnictl().args(["netns", "create", "bad/name"]).run();
    assert!(out.stderr.contains("not a valid namespace name"), "{out:?}");
    // Regression (fixed): exits 3 (environment): src/commands/netns.rs maps every netns::create error,
    // NetnsError::BadName included, to EnvironmentError. A bad argument is usage: exit 2.
    assert_eq!(out.code, 2, "{out:?}");
}

/// What a run killed before its namespace existed (or after it was removed) leaves: an
/// owner record with no namespace, naming a directory, and temporary directories whose name
/// carries a dead pid. Returns those, and a directory named for this live process.
fn killed_before_or_after_its_namespace() -> (Vec<PathBuf>, PathBuf) {
    let mut dead = std::process::Command::new("true").spawn().unwrap();
    dead.wait().unwrap();
    let pid = dead.id();
    let tag = format!("{pid}.1-{}", std::process::id());
    let tmp = std::env::temp_dir();
    let noted = tmp.join(format!("nc-gc-noted-{tag}"));
    let sandbox = tmp.join(format!("cnictl-sandbox-{tag}"));
    let cache = tmp.join(format!("cnictl-cache-{tag}"));
    for dir in [&noted, &sandbox, &cache] {
        std::fs::create_dir_all(dir).unwrap();
    }
    let record =
        PathBuf::from(format!("/run/cnictl/netns/cnictl-gcrec{}.json", std::process::id()));
    let owner = json!({"pid": pid, "startTime": 1, "purpose": "run", "dirs": [noted]});
    std::fs::write(&record, owner.to_string()).unwrap();
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap();
    let start = stat[stat.rfind(')').unwrap() + 2..].split(' ').nth(19).unwrap().to_string();
    let live = tmp.join(format!("cnictl-cache-{}.{start}-live", std::process::id()));
    std::fs::create_dir_all(&live).unwrap();
    (vec![record, noted, sandbox, cache], live)
}
