//! host-local's lease files: `ipam leases` judges each lease, and only stale ones are
//! released, under host-local's own lock.

use std::io::Read;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use nix::fcntl::{Flock, FlockArg};
use serde_json::{json, Value};

use super::{b64, json_cmd, setup, NET};
use crate::util::Netns;

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

/// Three leases of `net` (one of a cached container whose namespace lives, one stale, one of
/// an old host-local without ifname), host-local's lock and last-reserved files. Returns the
/// lease dir and the live namespace.
fn write_leases(world: &crate::util::World) -> (std::path::PathBuf, Netns) {
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

    (dir, live)
}

#[test]
fn ipam_leases_are_judged_and_only_stale_ones_released_under_the_lock() {
    let Some(world) = setup("ipam_leases_are_judged_and_only_stale_ones_released", "lease") else {
        return;
    };
    let p = &world.subnet_prefix;
    let (dir, _live) = write_leases(&world);
    let (ip5, ip6, ip7) = (format!("{p}.5"), format!("{p}.6"), format!("{p}.7"));
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

    release_waits_for_the_lock(&world, &dir, &ip6, &ip7);
}

/// While the test holds host-local's lock, a release waits; once it is free, the release
/// goes through and the live lease stays.
fn release_waits_for_the_lock(
    world: &crate::util::World,
    dir: &std::path::Path,
    ip6: &str,
    ip7: &str,
) {
    // The lock is honoured: while the test holds it, the release waits.
    let lock = std::fs::File::options().write(true).open(dir.join("lock")).unwrap();
    let held = Flock::lock(lock, FlockArg::LockExclusive).map_err(|(_, e)| e).unwrap();
    let mut command =
        json_cmd(world, &["ipam", "leases", NET, "--release", ip7, "--yes"]).command();
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
    assert!(dir.join(ip7).exists(), "the lease was removed while the lock was held");
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
    assert!(!dir.join(ip7).exists());
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["released"][0]["ip"], ip7);
    assert!(dir.join(ip6).exists(), "the live lease went too");
}

#[test]
fn without_evidence_a_lease_is_unknown_and_never_released() {
    // A wrong or missing --cache-dir once made every lease stale, and --release freed an
    // address a live namespace held.
    let Some(world) = setup("without_evidence_a_lease_is_unknown", "lease-unknown") else {
        return;
    };
    let p = world.subnet_prefix.clone();
    let (dir, _live) = write_leases(&world);
    let empty = tempfile::tempdir().unwrap();
    let nowhere = world.path("no-such-cache");
    for cache in [nowhere.to_string_lossy().into_owned(), empty.path().display().to_string()] {
        let report =
            json_cmd(&world, &["--cache-dir", &cache, "ipam", "leases", NET]).expect(0).json();
        for lease in report["leases"].as_array().unwrap() {
            assert_eq!(lease["state"], "unknown", "{cache}: {lease}");
            assert_eq!(lease["stale"], false, "{cache}: {lease}");
        }
        for ip in [format!("{p}.5"), format!("{p}.6")] {
            let args = ["--cache-dir", &cache, "ipam", "leases", NET, "--release", &ip, "--yes"];
            let out = json_cmd(&world, &args).expect(2);
            assert!(out.stderr.contains("unknown"), "{}", out.stderr);
            assert!(dir.join(&ip).exists(), "{ip} was released on no evidence");
        }
    }
    // With the runtime's cache dir, the evidence is there again.
    let report = json_cmd(&world, &["ipam", "leases", NET]).expect(0).json();
    let states: Vec<&str> =
        report["leases"].as_array().unwrap().iter().map(|l| l["state"].as_str().unwrap()).collect();
    assert_eq!(states, ["stale", "in-use", "stale"]);
}
