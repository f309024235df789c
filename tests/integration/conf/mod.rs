//! `conf ls`, `conf show` and `conf lint` against configuration directories each test writes
//! into a temporary directory, with plugin binaries that are symlinks to the fixture plugin
//! (examples/fixture-plugin.rs) in a temporary bin dir, so the tests decide which plugins are
//! missing and which versions each speaks (`<link>.versions`). None of this needs root, and
//! no test makes a namespace.
//!
//! Expected behaviour comes from the runtimes' code (libcni-behaviour.md sections 3.3, 3.4):
//! libcni `LoadNetworkConf`, go-cni `loadFromConfDir` (containerd), ocicni `loadNetworks`
//! (CRI-O) and the kubelet's dockershim `getDefaultCNINetwork`. Tests marked `// Regression (fixed):` assert
//! that behaviour where cnictl differs today.
//!
//! This module holds the temporary world ([`Dir`]) and the report readers the submodules
//! share; the tests are in `ls`, `show`, `lint`, `lint_reference`, `examples` and
//! `no_root`.

mod examples;
mod libcni;
mod lint;
mod lint_reference;
mod ls;
mod no_root;
mod show;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use serde_json::{json, Value};

use crate::util::{cnictl, fixture_bin, Cnictl};

/// A temporary world: `conf/` (the conf dir), `bin/` (fixture links), `cache/`.
struct Dir {
    tmp: tempfile::TempDir,
}

impl Dir {
    fn new() -> Dir {
        let tmp = tempfile::Builder::new().prefix("cnictl-conf-").tempdir().unwrap();
        for sub in ["conf", "bin", "cache"] {
            let dir = tmp.path().join(sub);
            fs::create_dir(&dir).unwrap();
            // Whatever the umask: a world-writable dir would add lint warnings.
            fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
        }
        Dir { tmp }
    }

    fn path(&self, sub: &str) -> PathBuf {
        self.tmp.path().join(sub)
    }

    fn conf_dir(&self) -> PathBuf {
        self.path("conf")
    }

    /// Writes a file below the conf dir (`name` may hold a drop-in folder).
    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.conf_dir().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, text).unwrap();
        path
    }

    /// Links the fixture plugin into the bin dir as `name`; it speaks every released version.
    fn plugin(&self, name: &str) {
        std::os::unix::fs::symlink(fixture_bin(), self.path("bin").join(name)).unwrap();
    }

    /// Links the fixture as `name`, answering VERSION with only `versions` (comma-separated).
    fn plugin_speaking(&self, name: &str, versions: &str) {
        self.plugin(name);
        fs::write(self.path("bin").join(format!("{name}.versions")), versions).unwrap();
    }

    /// `cnictl -o json` with this world's conf, bin and cache dirs.
    fn cnictl(&self) -> Cnictl {
        cnictl().args(["--cni-conf-dir", &self.conf_dir().to_string_lossy()]).args([
            "--cni-bin-dir",
            &self.path("bin").to_string_lossy(),
            "--cache-dir",
            &self.path("cache").to_string_lossy(),
            "-o",
            "json",
        ])
    }

    /// `conf ls` with extra flags, which must succeed.
    fn ls(&self, extra: &[&str]) -> Value {
        self.cnictl().args(["conf", "ls"]).args(extra).expect(0).json()
    }

    /// `conf show` with extra arguments, which must succeed.
    fn show(&self, args: &[&str]) -> Value {
        self.cnictl().args(["conf", "show"]).args(args).expect(0).json()
    }

    /// `conf lint` with extra arguments, exiting `code`.
    fn lint(&self, args: &[&str], code: i32) -> Value {
        self.cnictl().args(["conf", "lint"]).args(args).expect(code).json()
    }
}

/// A configuration list of the given plugin types.
fn list(name: &str, version: &str, types: &[&str]) -> String {
    let plugins: Vec<Value> = types.iter().map(|t| json!({ "type": t })).collect();
    json!({"cniVersion": version, "name": name, "plugins": plugins}).to_string()
}

/// The last component of a path in a report.
fn base(path: &Value) -> &str {
    let text = path.as_str().unwrap_or_else(|| panic!("not a path: {path}"));
    text.rsplit('/').next().unwrap()
}

fn strings(value: &Value) -> Vec<&str> {
    value.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect()
}

fn assert_contains(text: &str, needle: &str) {
    assert!(text.contains(needle), "expected {needle:?} in:\n{text}");
}

/// The pick of one runtime in a `conf ls` report.
fn pick<'a>(survey: &'a Value, runtime: &str) -> &'a Value {
    let picks = survey["picks"].as_array().unwrap();
    picks
        .iter()
        .find(|p| p["runtime"] == runtime)
        .unwrap_or_else(|| panic!("no pick for {runtime} in {:#}", survey["picks"]))
}

/// The network a runtime picks (None: no network) and the name of its file.
fn picked(survey: &Value, runtime: &str) -> (Option<String>, Option<String>) {
    let p = pick(survey, runtime);
    let network = p["network"].as_str().map(str::to_string);
    let file = (!p["file"].is_null()).then(|| base(&p["file"]).to_string());
    (network, file)
}

/// (file name, status) of every file, in report order.
fn statuses(survey: &Value) -> Vec<(String, String)> {
    let files = survey["files"].as_array().unwrap();
    files
        .iter()
        .map(|f| (base(&f["file"]).to_string(), f["status"].as_str().unwrap().to_string()))
        .collect()
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

fn some(name: &str) -> Option<String> {
    Some(name.to_string())
}

fn diagnostics(report: &Value) -> &Vec<Value> {
    report["diagnostics"].as_array().unwrap()
}

fn codes(report: &Value) -> Vec<&str> {
    diagnostics(report).iter().map(|d| d["code"].as_str().unwrap()).collect()
}

fn counts(report: &Value) -> (u64, u64) {
    (report["errors"].as_u64().unwrap(), report["warnings"].as_u64().unwrap())
}
