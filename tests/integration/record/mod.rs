//! `cnictl record`: the shim passes every byte through and logs each call; install,
//! uninstall and status make and remove only their own files; podman's calls are caught.

mod install;
mod passthrough;
mod podman;

use std::collections::BTreeMap;
use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::util::{cnictl, fixture_bin, Cnictl};

/// A temporary node: real plugins in `bin`, shims in `shim`, the log in `log`.
pub struct Rec {
    pub dir: tempfile::TempDir,
}

/// What a process printed, byte for byte, and how it ended.
#[derive(Debug, PartialEq, Eq)]
pub struct Ran {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub code: Option<i32>,
    pub signal: Option<i32>,
}

impl Rec {
    pub fn new() -> Rec {
        let dir = tempfile::Builder::new().prefix("cnictl-record-").tempdir().unwrap();
        std::fs::create_dir(dir.path().join("bin")).unwrap();
        Rec { dir }
    }

    pub fn path(&self, sub: &str) -> PathBuf {
        self.dir.path().join(sub)
    }

    /// Copies the fixture plugin into the bin dir under `name` (a copy, so that its
    /// `<argv0>.json` sidecar is found through the real path either way).
    pub fn fixture(&self, name: &str) {
        std::fs::copy(fixture_bin(), self.path("bin").join(name)).unwrap();
    }

    /// Links a system binary into the bin dir, to stand for a plugin.
    pub fn link(&self, name: &str, target: &str) {
        std::os::unix::fs::symlink(target, self.path("bin").join(name)).unwrap();
    }

    pub fn cnictl(&self) -> Cnictl {
        cnictl().env("CNI_PATH", self.path("bin").to_string_lossy())
    }

    pub fn install(&self, extra: &[&str]) -> Value {
        let shim = self.path("shim");
        let log = self.path("log");
        self.cnictl()
            .args(["-o", "json", "record", "install"])
            .args(["--shim-dir", &shim.to_string_lossy(), "--log-dir", &log.to_string_lossy()])
            .args(extra)
            .expect(0)
            .json()
    }

    /// Runs `program` with exactly `env` and `stdin`.
    pub fn run(&self, program: &Path, env: &BTreeMap<String, String>, stdin: &[u8]) -> Ran {
        let mut child = Command::new(program)
            .env_clear()
            .envs(env)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{}: {e}", program.display()));
        let mut input = child.stdin.take().unwrap();
        let bytes = stdin.to_vec();
        let writer = std::thread::spawn(move || {
            let _ = input.write_all(&bytes);
        });
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap();
        Ran {
            stdout: out.stdout,
            stderr: out.stderr,
            code: out.status.code(),
            signal: out.status.signal(),
        }
    }

    /// The same call to the real plugin and through its shim.
    pub fn both(&self, name: &str, env: &BTreeMap<String, String>, stdin: &[u8]) -> (Ran, Ran) {
        let direct = self.run(&self.path("bin").join(name), env, stdin);
        let shimmed = self.run(&self.path("shim").join(name), env, stdin);
        (direct, shimmed)
    }

    /// The log's records in order of their start (a call is written when it ends, so a
    /// delegated call's record comes before its parent's in the file).
    pub fn records(&self) -> Vec<Value> {
        let text = std::fs::read_to_string(self.path("log/calls.ndjson")).unwrap_or_default();
        let mut records: Vec<Value> = text
            .lines()
            .map(|l| {
                serde_json::from_str(l).unwrap_or_else(|e| panic!("a broken record ({e}): {l}"))
            })
            .collect();
        records.sort_by_key(|r| r["startUnixNs"].as_u64());
        records
    }
}

/// An environment as a runtime would give it.
pub fn cni_env(command: &str, extra: &[(&str, &str)]) -> BTreeMap<String, String> {
    let mut env: BTreeMap<String, String> = [
        ("CNI_COMMAND", command),
        ("CNI_CONTAINERID", "c0ffee"),
        ("CNI_NETNS", "/var/run/netns/nowhere"),
        ("CNI_IFNAME", "eth0"),
        ("CNI_PATH", "/nowhere"),
        ("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (k, v) in extra {
        env.insert(k.to_string(), v.to_string());
    }
    env
}
