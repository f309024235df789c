//! The test harness: a builder that runs the real `cnictl` binary with a clean environment
//! and checks its exit code, and guards for the namespaces and directories a test makes,
//! removed on drop even when an assertion fails.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A number unique within this test run, for names and subnets.
pub fn unique() -> usize {
    COUNTER.fetch_add(1, Ordering::SeqCst)
}

/// Whether the test may touch namespaces. Without root the test is skipped with a message,
/// except under CI, where a skip would hide a broken job.
pub fn root_or_skip(test: &str) -> bool {
    if nix::unistd::geteuid().is_root() {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("{test} needs root, and CI must run every test: run the suite as root");
    }
    eprintln!("skipping {test}: needs root");
    false
}

pub fn cnictl_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_cnictl"))
}

/// The fixture plugin, built by `cargo test` from examples/fixture-plugin.rs.
pub fn fixture_bin() -> PathBuf {
    let path = cnictl_bin().parent().unwrap().join("examples/fixture-plugin");
    assert!(path.is_file(), "{} is missing: run the tests with `cargo test`", path.display());
    path
}

/// What a command printed, and how it ended.
#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!("stdout is not JSON ({e}):\n{}\nstderr:\n{}", self.stdout, self.stderr)
        })
    }
}

/// A cnictl invocation under construction.
pub struct Cnictl {
    args: Vec<String>,
    env: BTreeMap<String, String>,
    netns: Option<String>,
    stdin_null: bool,
}

/// Starts a cnictl command. The environment holds only PATH and what the test adds, so the
/// developer's NETCONFPATH or CNI_PATH never leak in.
pub fn cnictl() -> Cnictl {
    let mut env = BTreeMap::new();
    env.insert(
        "PATH".into(),
        std::env::var("PATH").unwrap_or_else(|_| "/usr/sbin:/usr/bin:/sbin:/bin".into()),
    );
    env.insert("NO_COLOR".into(), "1".into());
    Cnictl { args: Vec::new(), env, netns: None, stdin_null: true }
}

impl Cnictl {
    pub fn args<I: IntoIterator<Item = S>, S: AsRef<str>>(mut self, args: I) -> Self {
        self.args.extend(args.into_iter().map(|a| a.as_ref().to_string()));
        self
    }

    pub fn arg(mut self, arg: impl AsRef<str>) -> Self {
        self.args.push(arg.as_ref().to_string());
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<str>) -> Self {
        self.env.insert(key.into(), value.as_ref().to_string());
        self
    }

    /// Runs cnictl inside a namespace (with `ip netns exec`), the test's stand-in host.
    pub fn in_netns(mut self, name: &str) -> Self {
        self.netns = Some(name.to_string());
        self
    }

    pub fn command(&self) -> Command {
        let mut cmd = match &self.netns {
            Some(ns) => {
                let mut c = Command::new("ip");
                c.args(["netns", "exec", ns]).arg(cnictl_bin());
                c
            }
            None => Command::new(cnictl_bin()),
        };
        cmd.args(&self.args).env_clear().envs(&self.env);
        if self.stdin_null {
            cmd.stdin(std::process::Stdio::null());
        }
        cmd
    }

    pub fn run(&self) -> Output {
        let out = self.command().output().expect("cnictl runs");
        Output {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs and asserts the exit code, showing everything printed when it differs.
    pub fn expect(&self, code: i32) -> Output {
        let out = self.run();
        assert_eq!(
            out.code,
            code,
            "cnictl {} exited {} (expected {code})\n--- stdout\n{}\n--- stderr\n{}",
            self.args.join(" "),
            out.code,
            out.stdout,
            out.stderr
        );
        out
    }
}

/// Runs a command to success and returns its stdout.
pub fn sh(program: &str, args: &[&str]) -> String {
    let out =
        Command::new(program).args(args).output().unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {} failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A network namespace made with `ip netns add`, deleted on drop.
pub struct Netns {
    pub name: String,
}

impl Netns {
    pub fn new(tag: &str) -> Netns {
        let name = format!("cnictl-t{}-{}-{tag}", std::process::id(), unique());
        sh("ip", &["netns", "add", &name]);
        let ns = Netns { name };
        sh("ip", &["-n", &ns.name, "link", "set", "lo", "up"]);
        ns
    }

    pub fn path(&self) -> String {
        format!("/var/run/netns/{}", self.name)
    }

    /// The addresses of an interface, as `ip -j addr` reports them (`10.1.0.2/24`).
    pub fn addresses(&self, ifname: &str) -> Vec<String> {
        let out = Command::new("ip")
            .args(["-n", &self.name, "-j", "addr", "show", "dev", ifname])
            .output()
            .unwrap();
        if !out.status.success() {
            return Vec::new();
        }
        let links: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
        links
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|l| l["addr_info"].as_array().cloned().unwrap_or_default())
            .filter(|a| a["scope"] != "link")
            .map(|a| format!("{}/{}", a["local"].as_str().unwrap_or(""), a["prefixlen"]))
            .collect()
    }

    /// The names of its links.
    pub fn links(&self) -> Vec<String> {
        let out = sh("ip", &["-n", &self.name, "-j", "link", "show"]);
        let links: Value = serde_json::from_str(&out).unwrap();
        links
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["ifname"].as_str().unwrap().to_string())
            .collect()
    }

    /// Runs a command inside the namespace.
    pub fn exec(&self, args: &[&str]) -> String {
        let mut all = vec!["netns", "exec", &self.name];
        all.extend_from_slice(args);
        sh("ip", &all)
    }
}

impl Drop for Netns {
    fn drop(&mut self) {
        let _ = Command::new("ip").args(["netns", "del", &self.name]).status();
    }
}

/// A test's world: a temporary conf dir, bin dir, cache dir and IPAM data dir, a host
/// namespace standing in for the node, and a private /24 of 10.x for its addresses.
pub struct World {
    pub dir: tempfile::TempDir,
    pub host: Netns,
    pub subnet_prefix: String,
}

impl World {
    pub fn new(tag: &str) -> World {
        let n = unique() + (std::process::id() as usize % 200) * 64;
        let dir = tempfile::Builder::new().prefix("cnictl-test-").tempdir().unwrap();
        for sub in ["conf", "bin", "cache", "ipam"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
        }
        World {
            dir,
            host: Netns::new(&format!("{tag}-h")),
            subnet_prefix: format!("10.{}.{}", 100 + (n / 256) % 150, n % 256),
        }
    }

    pub fn path(&self, sub: &str) -> PathBuf {
        self.dir.path().join(sub)
    }

    pub fn conf_dir(&self) -> PathBuf {
        self.path("conf")
    }

    pub fn cache_dir(&self) -> PathBuf {
        self.path("cache")
    }

    pub fn ipam_dir(&self) -> PathBuf {
        self.path("ipam")
    }

    /// Writes a file into the conf dir.
    pub fn conf(&self, name: &str, text: &str) -> PathBuf {
        let path = self.conf_dir().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    /// A ptp + host-local list named `ptpnet` on this world's subnet, leases in its own
    /// IPAM dir.
    pub fn ptp_conflist(&self, version: &str) -> String {
        serde_json::json!({
            "cniVersion": version,
            "name": "ptpnet",
            "plugins": [{
                "type": "ptp",
                "ipMasq": false,
                "ipam": {
                    "type": "host-local",
                    "subnet": format!("{}.0/24", self.subnet_prefix),
                    "dataDir": self.ipam_dir(),
                    "routes": [{"dst": "0.0.0.0/0"}]
                }
            }]
        })
        .to_string()
    }

    /// Links the fixture plugin into the bin dir under `name`.
    pub fn fixture(&self, name: &str) {
        std::os::unix::fs::symlink(fixture_bin(), self.path("bin").join(name)).unwrap();
    }

    /// The bin dirs for a run: the test's own, then Debian's plugins.
    pub fn bin_dirs(&self) -> String {
        format!("{}:/usr/lib/cni", self.path("bin").display())
    }

    /// cnictl with this world's directories, run inside its host namespace.
    pub fn cnictl(&self) -> Cnictl {
        cnictl()
            .env("NETCONFPATH", self.conf_dir().to_string_lossy())
            .env("CNI_PATH", self.bin_dirs())
            .args(["--cache-dir", &self.cache_dir().to_string_lossy()])
            .in_netns(&self.host.name)
    }

    /// The cache entries written so far.
    pub fn cache_entries(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(self.cache_dir().join("results")) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
        files.sort();
        files
    }
}

/// Reads a JSON file.
pub fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// The spec 1.1 reference plugins (v1.7.1), which ../shared/tools/reference-plugins builds
/// (scripts/install-deps runs it); `None`, with a note, when they are missing, except in CI
/// on a machine that has ../shared, where that is a failure.
pub fn reference_plugins(test: &str) -> Option<PathBuf> {
    let dir = PathBuf::from("/opt/cni-plugins-v1.7.1");
    if ["macvlan", "host-local", "tuning", "bridge", "portmap"]
        .iter()
        .all(|p| dir.join(p).is_file())
    {
        return Some(dir);
    }
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/reference-plugins");
    assert!(
        std::env::var_os("CI").is_none() || !shared.exists(),
        "{test}: CI needs the v1.7.1 reference plugins in {} (scripts/install-deps)",
        dir.display()
    );
    eprintln!("skipping {test}: the v1.7.1 reference plugins are not in {}", dir.display());
    None
}

/// cnitool's container ID for a namespace path: "cnitool-" and 20 hex digits of its SHA-512.
pub fn cnitool_id(netns_path: &str) -> String {
    let digest = sh("sh", &["-c", "printf %s \"$1\" | sha512sum", "sh", netns_path]);
    format!("cnitool-{}", &digest[..20])
}
