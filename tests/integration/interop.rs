//! cnictl and libcni, the reference implementation, read each other's result caches: an
//! attachment cnictl added is checked and deleted by libcni, and the other way round. The
//! probe is a small Go program built here from Debian's libcni sources
//! (golang-github-appc-cni-dev), offline.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;

use crate::util::{root_or_skip, Netns, World};

/// Builds tests/interop/libcni-probe once; `None` when Go or libcni's sources are missing
/// (outside CI only).
fn probe() -> Option<&'static Path> {
    static PROBE: OnceLock<Option<PathBuf>> = OnceLock::new();
    PROBE
        .get_or_init(|| {
            let libcni = Path::new("/usr/share/gocode/src/github.com/containernetworking/cni/libcni");
            if Command::new("go").arg("version").output().is_err() || !libcni.is_dir() {
                assert!(
                    std::env::var_os("CI").is_none(),
                    "CI must install golang-go and golang-github-appc-cni-dev (scripts/install-deps)"
                );
                eprintln!("skipping libcni interop: go or libcni sources missing");
                return None;
            }
            let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
            let out = tmp.join("libcni-probe");
            let status = Command::new("go")
                .args(["build", "-o"])
                .arg(&out)
                .arg("./tests/interop/libcni-probe")
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .env("GO111MODULE", "off")
                .env("GOPATH", "/usr/share/gocode")
                .env("GOCACHE", tmp.join("gocache"))
                .env("GOFLAGS", "")
                .status()
                .expect("go build runs");
            assert!(status.success(), "building the libcni probe failed");
            Some(out)
        })
        .as_deref()
}

/// Runs the probe inside the world's host namespace.
fn libcni(world: &World, op: &str, ctr: &Netns, id: &str) -> (i32, String, String) {
    let probe = probe().expect("probe built");
    let out = Command::new("ip")
        .args(["netns", "exec", &world.host.name])
        .arg(probe)
        .arg(op)
        .arg(world.conf_dir())
        .args(["ptpnet", &ctr.path(), id, "eth0"])
        .arg(world.cache_dir())
        .arg("/usr/lib/cni")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn libcni_checks_and_deletes_what_cnictl_added() {
    if !root_or_skip("libcni_checks_and_deletes_what_cnictl_added") || probe().is_none() {
        return;
    }
    let world = World::new("ia");
    let ctr = Netns::new("ia-c");
    world.conf("10-ptp.conflist", &world.ptp_conflist("1.0.0"));
    let id = "cnictl-made-1";
    let add = world
        .cnictl()
        .args(["-o", "json", "add", "ptpnet", &ctr.name, "--container-id", id])
        .expect(0)
        .json();
    let (code, stdout, stderr) = libcni(&world, "cached", &ctr, id);
    assert_eq!(code, 0, "libcni cannot read cnictl's cache entry: {stderr}");
    let cached: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(cached["ips"], add["result"]["ips"]);
    let (code, _, stderr) = libcni(&world, "check", &ctr, id);
    assert_eq!(code, 0, "libcni CHECK with cnictl's cache failed: {stderr}");
    let (code, _, stderr) = libcni(&world, "del", &ctr, id);
    assert_eq!(code, 0, "libcni DEL with cnictl's cache failed: {stderr}");
    assert!(world.cache_entries().is_empty(), "libcni left cnictl's entry");
    assert!(ctr.addresses("eth0").is_empty());
}

#[test]
fn cnictl_checks_and_deletes_what_libcni_added() {
    if !root_or_skip("cnictl_checks_and_deletes_what_libcni_added") || probe().is_none() {
        return;
    }
    let world = World::new("ib");
    let ctr = Netns::new("ib-c");
    world.conf("10-ptp.conflist", &world.ptp_conflist("1.0.0"));
    let id = "libcni-made-1";
    let (code, stdout, stderr) = libcni(&world, "add", &ctr, id);
    assert_eq!(code, 0, "libcni ADD failed: {stderr}");
    let added: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(world.cache_entries().len(), 1);
    let check = world
        .cnictl()
        .args(["-o", "json", "check", "ptpnet", &ctr.name, "--container-id", id])
        .expect(0)
        .json();
    assert_eq!(check["cache"]["action"], "read");
    assert_eq!(check["result"]["ips"], added["ips"]);
    let shown = world.cnictl().args(["-o", "json", "cache", "ls"]).expect(0).json();
    assert_eq!(shown["entries"][0]["containerId"], id);
    assert_eq!(shown["entries"][0]["state"], "ok");
    world.cnictl().args(["del", "ptpnet", &ctr.name, "--container-id", id]).expect(0);
    assert!(world.cache_entries().is_empty());
    assert!(ctr.addresses("eth0").is_empty());
}

#[test]
fn cnictl_and_libcni_find_the_same_network() {
    if probe().is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write("9-b.conflist", r#"{"cniVersion":"1.0.0","name":"net","plugins":[{"type":"from-9"}]}"#);
    write("10-a.conflist", r#"{"cniVersion":"1.0.0","name":"net","plugins":[{"type":"from-10"}]}"#);
    write("05-c.conf", r#"{"cniVersion":"1.0.0","name":"net","type":"from-conf"}"#);
    let out =
        Command::new(probe().unwrap()).args(["find"]).arg(dir.path()).arg("net").output().unwrap();
    let theirs: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ours = crate::util::cnictl()
        .args([
            "--cni-conf-dir",
            &dir.path().to_string_lossy(),
            "-o",
            "json",
            "conf",
            "show",
            "net",
        ])
        .expect(0)
        .json();
    assert_eq!(theirs["plugins"], ours["config"]["plugins"]);
}
