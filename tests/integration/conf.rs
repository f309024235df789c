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

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use sha2::{Digest, Sha512};

use crate::util::{cnictl, fixture_bin, Cnictl, Output};

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

fn reason<'a>(survey: &'a Value, runtime: &str) -> &'a str {
    pick(survey, runtime)["reason"].as_str().unwrap()
}

/// One file of a `conf ls` report, by file name.
fn file<'a>(survey: &'a Value, name: &str) -> &'a Value {
    let files = survey["files"].as_array().unwrap();
    files
        .iter()
        .find(|f| base(&f["file"]) == name)
        .unwrap_or_else(|| panic!("no {name} in {:#}", survey["files"]))
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

// ---- conf ls ------------------------------------------------------------------------------

#[test]
fn ls_a_broken_first_file_stops_containerd_but_not_crio_or_the_kubelet() {
    let d = Dir::new();
    d.plugin("fa");
    d.write(
        "00-broken.conflist",
        "{\n  \"name\": \"broken\", // a comment\n  \"plugins\": [{\"type\": \"fa\"}]\n}\n",
    );
    d.write("10-a.conflist", &list("a", "1.0.0", &["fa"]));
    d.write("20-b.conf", r#"{"cniVersion": "1.0.0", "name": "b", "type": "fa"}"#);
    let s = d.ls(&[]);
    assert_eq!(
        statuses(&s),
        pairs(&[("00-broken.conflist", "invalid"), ("10-a.conflist", "ok"), ("20-b.conf", "ok")])
    );
    let broken = file(&s, "00-broken.conflist");
    assert_eq!(broken["body"], "invalid");
    assert_contains(broken["reason"].as_str().unwrap(), "00-broken.conflist:2:");
    assert_contains(broken["reason"].as_str().unwrap(), "comments are not JSON");

    // go-cni: the first file fails to load, and that aborts the whole load.
    assert_eq!(picked(&s, "containerd"), (None, None));
    assert_eq!(pick(&s, "containerd")["loaded"], json!([]));
    let why = reason(&s, "containerd");
    assert_contains(why, "00-broken.conflist");
    assert_contains(why, "aborts");
    assert_contains(why, "cni plugin not initialized");

    // ocicni: bad files are skipped; the first valid file is the default.
    assert_eq!(picked(&s, "cri-o"), (some("a"), some("10-a.conflist")));
    assert_eq!(strings(&pick(&s, "cri-o")["loaded"]), ["a", "b"]);
    assert_contains(reason(&s, "cri-o"), "00-broken.conflist");

    // dockershim: the first file that loads.
    assert_eq!(picked(&s, "kubelet-dockershim"), (some("a"), some("10-a.conflist")));

    // libcni has no default; every lookup that reaches the broken file fails.
    assert_eq!(picked(&s, "libcni"), (None, some("00-broken.conflist")));
    assert_contains(reason(&s, "libcni"), "00-broken.conflist");
}

#[test]
fn ls_a_missing_plugin_binary_is_skipped_by_crio_but_not_by_containerd() {
    let d = Dir::new();
    d.plugin("fa");
    d.write("10-x.conflist", &list("x", "1.0.0", &["absent"]));
    d.write("20-y.conflist", &list("y", "1.0.0", &["fa"]));
    let s = d.ls(&[]);
    assert_eq!(
        statuses(&s),
        pairs(&[("10-x.conflist", "plugin-missing"), ("20-y.conflist", "ok")])
    );
    assert_contains(file(&s, "10-x.conflist")["reason"].as_str().unwrap(), "absent");

    // go-cni checks neither binaries nor versions when it loads.
    assert_eq!(picked(&s, "containerd"), (some("x"), some("10-x.conflist")));
    assert_eq!(strings(&pick(&s, "containerd")["loaded"]), ["x"]);
    // ocicni's ValidateNetworkList finds the binary missing and skips the file.
    assert_eq!(picked(&s, "cri-o"), (some("y"), some("20-y.conflist")));
    assert_eq!(strings(&pick(&s, "cri-o")["loaded"]), ["y"]);
    assert_contains(reason(&s, "cri-o"), "10-x.conflist (plugin-missing)");
}

#[test]
fn ls_kubelet_dockershim_skips_lists_that_fail_validation() {
    // Regression (fixed): cnictl's kubelet pick takes the first file that loads (10-x here) without
    // validating it. Since kubernetes/kubernetes#80482 (merged 2019-07, Kubernetes 1.16, so
    // every dockershim release up to its removal in 1.24), getDefaultCNINetwork calls
    // cniConfig.ValidateNetworkList on each list and skips one whose plugin binary is missing
    // or does not speak its version ("Error validating CNI config list ..."; "no valid networks
    // found in ..."). Reproduce: a conf dir with 10-x.conflist of type "absent" and
    // 20-y.conflist of an installed plugin; `cnictl conf ls -o json` gives kubelet-dockershim
    // network "x", the kubelet uses "y".
    let d = Dir::new();
    d.plugin("fa");
    d.plugin_speaking("old", "0.3.1,0.4.0");
    d.write("10-x.conflist", &list("x", "1.0.0", &["absent"]));
    d.write("15-v.conflist", &list("v", "1.0.0", &["old"]));
    d.write("20-y.conflist", &list("y", "1.0.0", &["fa"]));
    let s = d.ls(&[]);
    assert_eq!(picked(&s, "kubelet-dockershim"), (some("y"), some("20-y.conflist")));
}

#[test]
fn ls_a_version_unsupported_file_is_skipped_by_crio_unless_offline() {
    let d = Dir::new();
    d.plugin("fa");
    d.plugin_speaking("old", "0.3.1,0.4.0");
    d.write("10-old.conflist", &list("old", "1.0.0", &["old"]));
    d.write("20-y.conflist", &list("y", "1.0.0", &["fa"]));
    d.write("30-m.conflist", &list("m", "1.0.0", &["absent"]));

    let s = d.ls(&[]);
    assert_eq!(s["offline"], false);
    let old = file(&s, "10-old.conflist");
    assert_eq!(old["status"], "version-unsupported");
    assert_contains(old["reason"].as_str().unwrap(), "0.4.0");
    assert_contains(old["reason"].as_str().unwrap(), "1.0.0");
    assert_eq!(picked(&s, "cri-o"), (some("y"), some("20-y.conflist")));
    assert_contains(reason(&s, "cri-o"), "10-old.conflist (version-unsupported)");
    assert_eq!(picked(&s, "containerd"), (some("old"), some("10-old.conflist")));

    // --offline asks no plugin VERSION, but binaries are still looked for.
    let s = d.ls(&["--offline"]);
    assert_eq!(s["offline"], true);
    assert_eq!(
        statuses(&s),
        pairs(&[
            ("10-old.conflist", "ok"),
            ("20-y.conflist", "ok"),
            ("30-m.conflist", "plugin-missing")
        ])
    );
    assert_eq!(picked(&s, "cri-o"), (some("old"), some("10-old.conflist")));
    assert_contains(reason(&s, "cri-o"), "--offline");
    assert_eq!(strings(&pick(&s, "cri-o")["loaded"]), ["old", "y"]);
}

#[test]
fn ls_cni_default_network_decides_crios_pick_or_leaves_it_none() {
    let d = Dir::new();
    d.plugin("fa");
    d.plugin_speaking("old", "0.4.0");
    d.write("05-v.conflist", &list("v", "1.0.0", &["old"]));
    d.write("10-a.conflist", &list("a", "1.0.0", &["fa"]));
    d.write("20-y.conflist", &list("y", "1.0.0", &["fa"]));

    assert_eq!(picked(&d.ls(&[]), "cri-o"), (some("a"), some("10-a.conflist")));

    let s = d.ls(&["--default-network", "y"]);
    assert_eq!(picked(&s, "cri-o"), (some("y"), some("20-y.conflist")));
    assert_contains(reason(&s, "cri-o"), "\"y\"");
    // Only CRI-O has the setting.
    assert_eq!(picked(&s, "containerd"), (some("v"), some("05-v.conflist")));

    for wanted in ["nope", "v"] {
        let s = d.ls(&["--default-network", wanted]);
        assert_eq!(picked(&s, "cri-o"), (None, None), "--default-network {wanted}");
        let why = reason(&s, "cri-o");
        assert_contains(why, &format!("{wanted:?}"));
        assert_contains(why, "not among the valid");
    }
}

#[test]
fn ls_max_conf_num_sets_how_many_networks_containerd_loads() {
    let d = Dir::new();
    d.plugin("fa");
    d.write("10-a.conflist", &list("a", "1.0.0", &["fa"]));
    d.write("20-b.conf", r#"{"cniVersion": "1.0.0", "name": "b", "type": "fa"}"#);
    d.write("30-c.conflist", &list("c", "1.0.0", &["fa"]));

    let loaded = |flags: &[&str]| -> Vec<String> {
        let s = d.ls(flags);
        assert_eq!(picked(&s, "containerd").0, some("a"), "{flags:?}");
        let names = strings(&pick(&s, "containerd")["loaded"]);
        names.into_iter().map(str::to_string).collect()
    };
    assert_eq!(loaded(&[]), ["a"]);
    assert_eq!(loaded(&["--max-conf-num", "1"]), ["a"]);
    assert_eq!(loaded(&["--max-conf-num", "2"]), ["a", "b"]);
    assert_eq!(loaded(&["--max-conf-num", "0"]), ["a", "b", "c"]);
    assert_eq!(loaded(&["--max-conf-num", "9"]), ["a", "b", "c"]);

    // Files after the last one needed are never read, so a broken one only matters when
    // containerd gets that far.
    d.write("40-broken.conflist", "{");
    assert_eq!(loaded(&["--max-conf-num", "3"]), ["a", "b", "c"]);
    let s = d.ls(&["--max-conf-num", "0"]);
    assert_eq!(picked(&s, "containerd"), (None, None));
    assert_contains(reason(&s, "containerd"), "40-broken.conflist");
}

#[test]
fn ls_a_list_in_a_conf_file_is_called_out() {
    let d = Dir::new();
    d.plugin("fa");
    d.write("10-l.conf", &list("l", "1.0.0", &["fa"]));
    d.write("20-s.conflist", r#"{"cniVersion": "1.0.0", "name": "s", "type": "fa"}"#);
    d.write("30-ok.conflist", &list("ok", "1.0.0", &["fa"]));
    let s = d.ls(&[]);

    let l = file(&s, "10-l.conf");
    assert_eq!(
        (&l["extension"], &l["body"], &l["status"]),
        (&json!("conf"), &json!("list"), &json!("invalid"))
    );
    assert_eq!(l["network"], "l");
    assert_contains(l["mismatch"].as_str().unwrap(), "rename it to .conflist");

    let single = file(&s, "20-s.conflist");
    assert_eq!((&single["body"], &single["status"]), (&json!("single"), &json!("invalid")));
    assert_contains(single["mismatch"].as_str().unwrap(), "rename it to .conf");

    assert!(file(&s, "30-ok.conflist")["mismatch"].is_null());
    assert_eq!(picked(&s, "kubelet-dockershim"), (some("ok"), some("30-ok.conflist")));
    assert_contains(reason(&s, "kubelet-dockershim"), "perhaps this is a .conflist");
    assert_eq!(picked(&s, "containerd"), (None, None));
    assert_contains(reason(&s, "containerd"), "10-l.conf");
    assert_eq!(picked(&s, "cri-o"), (some("ok"), some("30-ok.conflist")));
}

#[test]
fn ls_the_later_of_two_files_with_one_name_is_shadowed_in_libcni_order() {
    let d = Dir::new();
    d.plugin("fa");
    d.plugin("fb");
    // libcni reads every .conflist before any .conf: 20-n.conflist defines "n" for it.
    d.write("10-n.conf", r#"{"cniVersion": "1.0.0", "name": "n", "type": "fa"}"#);
    d.write("20-n.conflist", &list("n", "1.0.0", &["fb"]));
    d.write("30-m.conflist", &list("m", "1.0.0", &["fa"]));
    d.write("40-m.conflist", &list("m", "1.0.0", &["fb"]));
    let s = d.ls(&[]);
    assert_eq!(
        statuses(&s),
        pairs(&[
            ("10-n.conf", "shadowed"),
            ("20-n.conflist", "ok"),
            ("30-m.conflist", "ok"),
            ("40-m.conflist", "shadowed")
        ])
    );
    assert_contains(file(&s, "10-n.conf")["reason"].as_str().unwrap(), "20-n.conflist");
    assert_contains(file(&s, "40-m.conflist")["reason"].as_str().unwrap(), "30-m.conflist");

    // ocicni keeps the first of a name in plain sorted order: 10-n.conf.
    assert_eq!(picked(&s, "cri-o"), (some("n"), some("10-n.conf")));
    assert_eq!(strings(&pick(&s, "cri-o")["loaded"]), ["n", "m"]);
    // `conf show` follows libcni.
    let shown = d.show(&["n"]);
    assert_eq!(base(&shown["config"]["file"]), "20-n.conflist");
}

#[test]
fn ls_files_with_other_extensions_are_ignored() {
    let d = Dir::new();
    d.plugin("fa");
    d.write("10-a.conflist", &list("a", "1.0.0", &["fa"]));
    d.write("10-a.conflist.bak", &list("bak", "1.0.0", &["fa"]));
    d.write("10-a.conflist~", &list("tilde", "1.0.0", &["fa"]));
    // Extensions are compared case-sensitively, as Go's filepath.Ext and libcni do.
    d.write("20-b.CONF", r#"{"cniVersion": "1.0.0", "name": "upper", "type": "fa"}"#);
    d.write("README", "notes");
    // Directories are never listed, neither as configurations nor as ignored files.
    fs::create_dir(d.conf_dir().join("sub.conflist")).unwrap();
    let s = d.ls(&[]);
    assert_eq!(statuses(&s), pairs(&[("10-a.conflist", "ok")]));
    let ignored: Vec<&str> = s["ignored"].as_array().unwrap().iter().map(base).collect();
    assert_eq!(ignored, ["10-a.conflist.bak", "10-a.conflist~", "20-b.CONF", "README"]);
    assert_eq!(picked(&s, "containerd").0, some("a"));
}

#[test]
fn ls_drop_ins_join_the_plugin_chain() {
    let d = Dir::new();
    for p in ["fa", "da", "db", "solo", "skipped"] {
        d.plugin(p);
    }
    d.write(
        "10-n.conflist",
        &json!({"cniVersion": "1.0.0", "name": "n",
                "plugins": [{"type": "fa", "ipam": {"type": "da"}}]})
        .to_string(),
    );
    d.write("n/20-b.conf", r#"{"type": "db"}"#);
    d.write("n/10-a.conf", r#"{"type": "da"}"#);
    d.write("n/notes.txt", "not a drop-in");
    d.write(
        "20-s.conflist",
        &json!({"cniVersion": "1.0.0", "name": "s", "loadOnlyInlinedPlugins": true,
                "plugins": [{"type": "solo"}]})
        .to_string(),
    );
    d.write("s/1.conf", r#"{"type": "skipped"}"#);
    let s = d.ls(&[]);

    let n = file(&s, "10-n.conflist");
    assert_eq!(n["status"], "ok");
    let drop_ins: Vec<&str> = n["dropIns"].as_array().unwrap().iter().map(base).collect();
    assert_eq!(drop_ins, ["10-a.conf", "20-b.conf"]);
    assert!(n["dropIns"][0].as_str().unwrap().ends_with("/n/10-a.conf"), "{}", n["dropIns"]);
    assert_eq!(strings(&n["plugins"]), ["fa(da)", "da", "db"]);

    let solo = file(&s, "20-s.conflist");
    assert_eq!(solo["dropIns"], json!([]));
    assert_eq!(strings(&solo["plugins"]), ["solo"]);
    // The drop-in folders are neither configurations nor ignored files.
    assert_eq!(s["files"].as_array().unwrap().len(), 2);
    assert_eq!(s["ignored"], json!([]));
}

#[test]
fn ls_files_sort_bytewise() {
    let d = Dir::new();
    d.plugin("fa");
    for (file, name) in [
        ("a.conflist", "lower"),
        ("Z.conflist", "upper"),
        ("9-b.conflist", "nine"),
        ("_u.conflist", "underscore"),
        ("10-a.conflist", "ten"),
    ] {
        d.write(file, &list(name, "1.0.0", &["fa"]));
    }
    let s = d.ls(&[]);
    let order: Vec<(u64, &str)> = s["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["position"].as_u64().unwrap(), base(&f["file"])))
        .collect();
    assert_eq!(
        order,
        [
            (1, "10-a.conflist"),
            (2, "9-b.conflist"),
            (3, "Z.conflist"),
            (4, "_u.conflist"),
            (5, "a.conflist")
        ]
    );
    assert_eq!(picked(&s, "containerd"), (some("ten"), some("10-a.conflist")));
    assert_eq!(picked(&s, "cri-o"), (some("ten"), some("10-a.conflist")));
    assert_eq!(
        strings(&pick(&s, "cri-o")["loaded"]),
        ["ten", "nine", "upper", "underscore", "lower"]
    );
}

#[test]
fn ls_a_file_without_cni_version_is_validated_as_0_1_0() {
    // Regression (fixed): libcni's validatePlugin (used by CRI-O and the kubelet) checks an empty
    // cniVersion as "0.1.0", which the fixture (like every reference plugin) lists. cnictl
    // compares the empty string with the plugin's versions and reports "version-unsupported"
    // ("fa supports 0.1.0, ..., 1.1.0 but not (none: 0.1.0)"), so CRI-O is said to skip the
    // file. Reproduce: `{"name":"legacy","plugins":[{"type":"fa"}]}` in 10-legacy.conflist,
    // fa installed; `cnictl conf ls -o json`.
    let d = Dir::new();
    d.plugin("fa");
    d.write("10-legacy.conflist", r#"{"name": "legacy", "plugins": [{"type": "fa"}]}"#);
    d.write("20-old.conf", r#"{"name": "old", "type": "fa"}"#);
    let s = d.ls(&[]);
    assert_eq!(statuses(&s), pairs(&[("10-legacy.conflist", "ok"), ("20-old.conf", "ok")]));
    assert_eq!(picked(&s, "cri-o"), (some("legacy"), some("10-legacy.conflist")));
}

#[test]
fn ls_crio_validates_plugin_types_but_not_their_ipam_plugins() {
    // Regression (fixed): libcni's ValidateNetworkList, which ocicni calls, looks up and asks VERSION of each
    // plugin's "type" only, never of "ipam.type"; a list whose IPAM binary is missing is
    // loaded by CRI-O and only fails when a pod is added. cnictl probes IPAM types too and
    // says CRI-O skips the list. Reproduce: 10-n.conflist with
    // `{"type":"fa","ipam":{"type":"absent-ipam"}}`, 20-y.conflist valid; `cnictl conf ls
    // -o json` gives cri-o network "y".
    let d = Dir::new();
    d.plugin("fa");
    d.write(
        "10-n.conflist",
        &json!({"cniVersion": "1.0.0", "name": "n",
                "plugins": [{"type": "fa", "ipam": {"type": "absent-ipam"}}]})
        .to_string(),
    );
    d.write("20-y.conflist", &list("y", "1.0.0", &["fa"]));
    let s = d.ls(&[]);
    assert_eq!(picked(&s, "cri-o"), (some("n"), some("10-n.conflist")));
}

#[test]
fn ls_table_shows_files_reasons_ignored_files_and_picks() {
    let d = Dir::new();
    d.plugin("fa");
    d.write("00-broken.conflist", "{ not json");
    d.write("10-a.conflist", &list("a", "1.0.0", &["fa"]));
    d.write("old.bak", "x");
    let out = cnictl()
        .args(["--cni-conf-dir", &d.conf_dir().to_string_lossy()])
        .args(["--cni-bin-dir", &d.path("bin").to_string_lossy(), "conf", "ls", "--offline"])
        .expect(0);
    for needle in [
        "00-broken.conflist",
        "10-a.conflist",
        "invalid",
        "ignored by every runtime: old.bak",
        "containerd",
        "cri-o",
        "kubelet-dockershim",
        "libcni",
        "--offline",
    ] {
        assert_contains(&out.stdout, needle);
    }
    assert!(!out.stdout.contains('\u{1b}'), "colour with NO_COLOR set:\n{}", out.stdout);
}

// ---- conf show ----------------------------------------------------------------------------

#[test]
fn show_names_where_each_plugin_comes_from() {
    let d = Dir::new();
    d.write(
        "10-n.conflist",
        &json!({"cniVersion": "1.0.0", "name": "n", "plugins": [
            {"type": "fa", "ipam": {"type": "host-local"}},
            {"type": "fb", "capabilities": {"portMappings": true, "mac": false}}]})
        .to_string(),
    );
    d.write("n/50-d.conf", r#"{"type": "fd"}"#);
    d.write("20-s.conf", r#"{"cniVersion": "0.4.0", "name": "s", "type": "fs"}"#);

    let r = d.show(&["n"]);
    assert_eq!(r["command"], "conf show");
    assert_eq!(r["config"]["network"], "n");
    assert_eq!(base(&r["config"]["file"]), "10-n.conflist");
    assert_eq!(
        (&r["config"]["format"], &r["config"]["foundAs"]),
        (&json!("conflist"), &json!("conflist"))
    );
    assert_eq!(strings(&r["config"]["plugins"]), ["fa", "fb", "fd"]);
    let plugins = r["plugins"].as_array().unwrap();
    let origins: Vec<(u64, &str, &str, &str)> = plugins
        .iter()
        .map(|p| {
            let source = p["source"].as_str().unwrap();
            (p["index"].as_u64().unwrap(), p["type"].as_str().unwrap(), source, base(&p["file"]))
        })
        .collect();
    assert_eq!(
        origins,
        [
            (0, "fa", "inline, plugins[0]", "10-n.conflist"),
            (1, "fb", "inline, plugins[1]", "10-n.conflist"),
            (2, "fd", "drop-in", "50-d.conf")
        ]
    );
    assert!(plugins[2]["file"].as_str().unwrap().ends_with("/n/50-d.conf"));
    assert_eq!(plugins[0]["ipam"], "host-local");
    assert_eq!(plugins[1]["capabilities"], json!(["portMappings"]));
    assert!(plugins.iter().all(|p| p["stdin"].is_null()), "stdin without --request");
    assert!(r["request"].is_null());

    // A single-plugin file, found after every list, up-converted.
    let r = d.show(&["s"]);
    assert_eq!((&r["config"]["format"], &r["config"]["foundAs"]), (&json!("conf"), &json!("conf")));
    assert_eq!(r["config"]["skipped"][0]["network"], "n");
    assert_eq!(base(&r["config"]["skipped"][0]["file"]), "10-n.conflist");
    assert_contains(r["plugins"][0]["source"].as_str().unwrap(), "whole file");

    // A path is loaded directly.
    let path = d.conf_dir().join("20-s.conf");
    let r = d.show(&[&path.to_string_lossy()]);
    assert_eq!(r["config"]["foundAs"], "path");

    let out = d.cnictl().args(["conf", "show", "nope"]).expect(2);
    assert_contains(&out.stderr, "networks found: n, s");
}

#[test]
fn show_explains_the_version_chosen() {
    let d = Dir::new();
    d.write(
        "10-n.conflist",
        &json!({"cniVersion": "0.4.0", "cniVersions": ["1.0.0", "0.3.1", "2.0.0"], "name": "n",
                "plugins": [{"type": "fa"}]})
        .to_string(),
    );
    d.write("20-p.conflist", &list("p", "0.3.1", &["fa"]));
    d.write("30-none.conflist", r#"{"name": "none", "plugins": [{"type": "fa"}]}"#);

    let r = d.show(&["n"]);
    assert_eq!(r["config"]["cniVersion"], "1.0.0");
    assert_eq!(r["declaredVersion"], "0.4.0");
    assert_eq!(strings(&r["cniVersions"]), ["1.0.0", "0.3.1", "2.0.0"]);
    let why = r["versionReason"].as_str().unwrap();
    assert_contains(why, "the highest of");
    assert_contains(why, "0.4.0");
    assert_contains(why, "[1.0.0, 0.3.1, 2.0.0]");
    assert_contains(why, "1.1.0");

    let r = d.show(&["p"]);
    assert_eq!(r["config"]["cniVersion"], "0.3.1");
    assert_eq!(r["cniVersions"], json!([]));
    assert_contains(r["versionReason"].as_str().unwrap(), "0.3.1");

    let r = d.show(&["none"]);
    assert!(r["declaredVersion"].is_null());
    assert_contains(r["versionReason"].as_str().unwrap(), "0.1.0");
}

#[test]
fn show_a_cni_version_above_current_loses_to_cni_versions() {
    // Regression (fixed): when "cniVersions" is present, libcni's NetworkConfFromBytes drops every version
    // above version.Current() (1.1.0), "cniVersion" included, before taking the highest; so
    // {"cniVersion":"2.0.0","cniVersions":["1.0.0"]} runs at 1.0.0. cnictl's version::select
    // caps only the cniVersions entries and picks 2.0.0. Reproduce: `cnictl conf show n -o
    // json` on that list gives config.cniVersion "2.0.0".
    let d = Dir::new();
    d.write(
        "10-n.conflist",
        &json!({"cniVersion": "2.0.0", "cniVersions": ["1.0.0"], "name": "n",
                "plugins": [{"type": "fa"}]})
        .to_string(),
    );
    let r = d.show(&["n"]);
    assert_eq!(r["config"]["cniVersion"], "1.0.0");
}

/// A three-plugin list for the request tests: an IPAM-delegating plugin with fields the
/// runtime must pass through, one declaring capabilities, one declaring none.
fn chain(d: &Dir, version: &str) {
    d.write(
        "10-n.conflist",
        &json!({"cniVersion": version, "name": "n", "top": {"kept": "only at the top"},
                "plugins": [
            {"type": "fa", "name": "overwritten", "cniVersion": "0.1.0",
             "ipam": {"type": "host-local", "subnet": "10.1.0.0/24"}, "extra": {"k": [1, 2]}},
            {"type": "fb", "capabilities": {"portMappings": true, "bandwidth": true, "mac": false}},
            {"type": "fc", "capabilities": {"portMappings": false}}]})
        .to_string(),
    );
}

fn stdins(report: &Value) -> Vec<&Value> {
    report["plugins"].as_array().unwrap().iter().map(|p| &p["stdin"]).collect()
}

#[test]
fn show_add_request_shows_each_plugins_stdin() {
    let d = Dir::new();
    chain(&d, "1.0.0");
    let r = d.show(&[
        "n",
        "--request",
        "add",
        "--port-mapping",
        "8080:80",
        "--cap-args",
        r#"{"bandwidth": {"ingressRate": 1000}, "mac": "c2:11:22:33:44:55"}"#,
    ]);
    assert_eq!(r["request"], "ADD");
    let stdin = stdins(&r);
    assert_eq!(
        *stdin[0],
        json!({"type": "fa", "name": "n", "cniVersion": "1.0.0",
               "ipam": {"type": "host-local", "subnet": "10.1.0.0/24"}, "extra": {"k": [1, 2]}}),
        "the first plugin: name and cniVersion injected, nothing else added"
    );
    let second = stdin[1].as_object().unwrap();
    assert_eq!((&second["name"], &second["cniVersion"]), (&json!("n"), &json!("1.0.0")));
    assert_contains(second["prevResult"].as_str().unwrap(), "plugin 1 (fa)");
    assert_eq!(
        second["runtimeConfig"],
        json!({"portMappings": [{"hostPort": 8080, "containerPort": 80, "protocol": "tcp"}],
               "bandwidth": {"ingressRate": 1000}}),
        "only the capabilities it declares true"
    );
    // libcni leaves "capabilities" in the stdin.
    assert_eq!(second["capabilities"]["portMappings"], true);
    let third = stdin[2].as_object().unwrap();
    assert_contains(third["prevResult"].as_str().unwrap(), "plugin 2 (fb)");
    assert!(!third.contains_key("runtimeConfig"), "{third:?}");
    assert!(stdin.iter().all(|s| s.get("top").is_none()), "top-level keys are not injected");
}

#[test]
fn show_del_request_lists_the_plugins_in_reverse() {
    let d = Dir::new();
    chain(&d, "1.0.0");
    let r = d.show(&["n", "--request", "del"]);
    assert_eq!(r["request"], "DEL");
    let order: Vec<u64> =
        r["plugins"].as_array().unwrap().iter().map(|p| p["index"].as_u64().unwrap()).collect();
    assert_eq!(order, [2, 1, 0]);
    for stdin in stdins(&r) {
        assert!(stdin["prevResult"].is_string(), "a placeholder without a cache: {stdin}");
        assert_eq!(stdin["name"], "n");
    }
    let notes = r["notes"].to_string();
    assert_contains(&notes, "reverse");
}

/// cnitool's container ID for a namespace path.
fn cnitool_id(netns_path: &str) -> String {
    let digest = Sha512::digest(netns_path.as_bytes());
    let hex: String = digest[..10].iter().map(|b| format!("{b:02x}")).collect();
    format!("cnitool-{hex}")
}

/// Writes a libcni cache entry holding a 1.0.0 result.
fn cache_entry(d: &Dir, network: &str, id: &str, ifname: &str) -> PathBuf {
    let dir = d.path("cache").join("results");
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{network}-{id}-{ifname}"));
    let entry = json!({
        "kind": "cniCacheV1", "containerId": id, "config": "", "ifName": ifname,
        "networkName": network,
        "result": {"cniVersion": "1.0.0", "interfaces": [{"name": ifname}],
                   "ips": [{"address": "10.1.0.5/24", "interface": 0}]}
    });
    fs::write(&path, entry.to_string()).unwrap();
    path
}

#[test]
fn show_check_request_uses_the_cached_result_as_prev_result() {
    let d = Dir::new();
    chain(&d, "1.0.0");
    let entry = cache_entry(&d, "n", "c1", "eth0");
    let r = d.show(&["n", "--request", "check", "--container-id", "c1"]);
    assert_eq!(r["request"], "CHECK");
    for stdin in stdins(&r) {
        assert_eq!(stdin["prevResult"]["ips"][0]["address"], "10.1.0.5/24", "{stdin}");
        assert_eq!(stdin["prevResult"]["cniVersion"], "1.0.0");
    }
    assert!(stdins(&r)[1]["runtimeConfig"].is_null(), "no capability arguments given");
    let notes = r["notes"].to_string();
    assert_contains(&notes, "prevResult is the cached result");
    assert_contains(&notes, &entry.to_string_lossy());

    // With --netns the entry is found under cnitool's ID for that namespace, and the result
    // is converted to the list's version, as libcni does.
    let d = Dir::new();
    chain(&d, "0.4.0");
    cache_entry(&d, "n", &cnitool_id("/var/run/netns/ctr1"), "net1");
    let r = d.show(&["n", "--request", "check", "--netns", "ctr1", "-i", "net1"]);
    let prev = &stdins(&r)[0]["prevResult"];
    assert_eq!(prev["cniVersion"], "0.4.0");
    assert_eq!(prev["ips"][0]["version"], "4");
}

#[test]
fn show_check_request_without_a_cache_uses_a_placeholder() {
    let d = Dir::new();
    chain(&d, "1.0.0");
    let r = d.show(&["n", "--request", "check", "--container-id", "c1"]);
    for stdin in stdins(&r) {
        assert_contains(stdin["prevResult"].as_str().unwrap(), "cached result");
    }
    let notes = r["notes"].to_string();
    assert_contains(&notes, "no cached result");
    assert_contains(&notes, "n-c1-eth0");

    // Without an ID or a namespace there is nothing to look up.
    let r = d.show(&["n", "--request", "check"]);
    assert!(stdins(&r).iter().all(|s| s["prevResult"].is_string()));

    // CHECK is not sent below 0.4.0, nor with disableCheck.
    let d = Dir::new();
    d.write("10-old.conflist", &list("old", "0.3.1", &["fa"]));
    d.write(
        "20-nc.conflist",
        &json!({"cniVersion": "1.0.0", "name": "nc", "disableCheck": true,
                "plugins": [{"type": "fa"}]})
        .to_string(),
    );
    assert_contains(&d.show(&["old", "--request", "check"])["notes"].to_string(), "0.4.0");
    let r = d.show(&["nc", "--request", "check"]);
    assert_eq!(r["disableCheck"], true);
    assert_contains(&r["notes"].to_string(), "disableCheck");
}

#[test]
fn show_gc_request_carries_both_attachment_keys() {
    let d = Dir::new();
    chain(&d, "1.1.0");
    let r = d.show(&["n", "--request", "gc", "--port-mapping", "8080:80"]);
    assert_eq!(r["request"], "GC");
    for stdin in stdins(&r) {
        let conf = stdin.as_object().unwrap();
        assert_eq!(conf["cni.dev/valid-attachments"], json!([]), "{stdin}");
        assert_eq!(conf["cni.dev/attachments"], json!([]), "{stdin}");
        assert_eq!((&conf["name"], &conf["cniVersion"]), (&json!("n"), &json!("1.1.0")));
        assert!(!conf.contains_key("runtimeConfig") && !conf.contains_key("prevResult"));
    }
    assert_contains(&r["notes"].to_string(), "valid attachments");

    // Below 1.1.0 libcni sends no GC at all.
    let d = Dir::new();
    chain(&d, "1.0.0");
    let notes = d.show(&["n", "--request", "gc"])["notes"].to_string().to_lowercase();
    assert_contains(&notes, "gc is not sent below 1.1.0");

    let d = Dir::new();
    d.write(
        "10-n.conflist",
        &json!({"cniVersion": "1.1.0", "name": "n", "disableGC": true,
                "plugins": [{"type": "fa"}]})
        .to_string(),
    );
    let r = d.show(&["n", "--request", "gc"]);
    assert_eq!(r["disableGc"], true);
    assert_contains(&r["notes"].to_string(), "disableGC");
}

#[test]
fn show_status_request_injects_only_name_and_version() {
    let d = Dir::new();
    chain(&d, "1.1.0");
    let r = d.show(&["n", "--request", "status", "--port-mapping", "8080:80"]);
    assert_eq!(r["request"], "STATUS");
    assert_eq!(
        *stdins(&r)[1],
        json!({"type": "fb", "name": "n", "cniVersion": "1.1.0",
               "capabilities": {"portMappings": true, "bandwidth": true, "mac": false}})
    );
    assert_eq!(stdins(&r)[0]["extra"], json!({"k": [1, 2]}));
}

#[test]
fn show_notes_keep_their_case() {
    // Regression (fixed): the "not sent below 1.1.0" note of GC and STATUS is upper-cased as a whole
    // ("GC IS NOT SENT BELOW 1.1.0 (THIS LIST IS 1.0.0)"): commands/conf.rs formats
    // `{request:?}` ("Gc") into the sentence and calls to_uppercase() on all of it, where only
    // the command name was meant. Reproduce: `cnictl conf show n --request gc` on a 1.0.0 list.
    let d = Dir::new();
    chain(&d, "1.0.0");
    for (request, name) in [("gc", "GC"), ("status", "STATUS")] {
        let notes = d.show(&["n", "--request", request])["notes"].clone();
        assert_eq!(notes, json!([format!("{name} is not sent below 1.1.0 (this list is 1.0.0)")]));
    }
}

#[test]
fn show_a_broken_earlier_file_aborts_the_lookup_with_exit_2() {
    let d = Dir::new();
    d.write("00-broken.conflist", "{\n  \"name\": \"zz\", // comment\n  \"plugins\": []\n}");
    d.write("10-n.conflist", &list("n", "1.0.0", &["fa"]));
    let out = d.cnictl().args(["conf", "show", "n"]).expect(2);
    let error = &out.json()["error"];
    assert_eq!(error["exitCode"], 2);
    let message = error["message"].as_str().unwrap();
    assert_contains(message, "stopped at");
    assert_contains(message, "00-broken.conflist");
    assert_contains(&out.stderr, "00-broken.conflist");

    // A broken .conf does not matter to a network found among the lists, which libcni
    // reads first.
    let d = Dir::new();
    d.write("00-broken.conf", "{");
    d.write("10-n.conflist", &list("n", "1.0.0", &["fa"]));
    assert_eq!(d.show(&["n"])["config"]["network"], "n");
}

// ---- conf lint ----------------------------------------------------------------------------

/// The 1-based line and column (in characters) where `needle` starts in `text`; it must
/// occur once.
fn position(text: &str, needle: &str) -> (u64, u64) {
    assert_eq!(text.matches(needle).count(), 1, "{needle:?} must occur once in:\n{text}");
    let at = text.find(needle).unwrap();
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line as u64, column as u64)
}

fn diagnostics(report: &Value) -> &Vec<Value> {
    report["diagnostics"].as_array().unwrap()
}

fn codes(report: &Value) -> Vec<&str> {
    diagnostics(report).iter().map(|d| d["code"].as_str().unwrap()).collect()
}

/// The only diagnostic with this code at this position (None: a whole-file one), checked for
/// severity and a fix.
fn expect_diag<'a>(
    report: &'a Value,
    code: &str,
    severity: &str,
    at: Option<(u64, u64)>,
) -> &'a Value {
    let want = |d: &&Value| {
        let pos = d["line"].as_u64().zip(d["column"].as_u64());
        d["code"] == code && pos == at
    };
    let found: Vec<&Value> = diagnostics(report).iter().filter(want).collect();
    assert_eq!(found.len(), 1, "one {code} at {at:?} in {:#}", report["diagnostics"]);
    let d = found[0];
    assert_eq!(d["severity"], severity, "{d}");
    assert!(!d["fix"].as_str().unwrap().trim().is_empty(), "no fix: {d}");
    assert!(!d["message"].as_str().unwrap().is_empty(), "no message: {d}");
    d
}

fn counts(report: &Value) -> (u64, u64) {
    (report["errors"].as_u64().unwrap(), report["warnings"].as_u64().unwrap())
}

#[test]
fn lint_invalid_json_points_at_the_offending_character() {
    let d = Dir::new();
    let comment = "{\n  \"name\": \"x\", // a comment\n  \"plugins\": []\n}\n";
    d.write("10-c.conflist", comment);
    let r = d.lint(&[], 2);
    let diag = expect_diag(&r, "invalid-json", "error", Some(position(comment, "// a comment")));
    assert_contains(diag["fix"].as_str().unwrap(), "comments are not JSON");
    assert_eq!(base(&diag["file"]), "10-c.conflist");
    assert_eq!(codes(&r), ["invalid-json"]);

    let d = Dir::new();
    let trailing = "{\n  \"name\": \"x\",\n  \"plugins\": [{\"type\": \"fa\"},]\n}\n";
    d.write("10-t.conflist", trailing);
    let r = d.lint(&[], 2);
    // serde_json reports the bracket after the comma.
    let diag = expect_diag(&r, "invalid-json", "error", Some(position(trailing, "]\n}")));
    assert_contains(diag["fix"].as_str().unwrap(), "comma");
}

#[test]
fn lint_extension_and_content_mismatches() {
    let d = Dir::new();
    d.plugin("fa");
    d.write("10-l.conf", &list("l", "1.0.0", &["fa"]));
    d.write("20-s.conflist", r#"{"cniVersion": "1.0.0", "name": "s", "type": "fa"}"#);
    let r = d.lint(&[], 2);
    let diag = expect_diag(&r, "list-in-conf-file", "error", None);
    assert_eq!(base(&diag["file"]), "10-l.conf");
    assert_contains(diag["fix"].as_str().unwrap(), ".conflist");
    let diag = expect_diag(&r, "single-in-conflist-file", "error", None);
    assert_eq!(base(&diag["file"]), "20-s.conflist");
    assert_eq!(counts(&r), (2, 0));
}

#[test]
fn lint_network_name_rules() {
    let d = Dir::new();
    d.plugin("fa");
    d.write("10-a.conflist", r#"{"cniVersion": "1.0.0", "plugins": [{"type": "fa"}]}"#);
    let not_string =
        "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": 5,\n  \"plugins\": [{\"type\": \"fa\"}]\n}";
    d.write("20-b.conflist", not_string);
    let bad = "{\n  \"cniVersion\": \"1.0.0\",\n    \"name\": \"-bad name\",\n  \"plugins\": [{\"type\": \"fa\"}]\n}";
    d.write("30-c.conflist", bad);
    let r = d.lint(&[], 2);
    let diag = expect_diag(&r, "missing-name", "error", None);
    assert_eq!(base(&diag["file"]), "10-a.conflist");
    expect_diag(&r, "name-not-string", "error", Some(position(not_string, "\"name\"")));
    let diag = expect_diag(&r, "bad-network-name", "error", Some(position(bad, "\"name\"")));
    assert_eq!(position(bad, "\"name\""), (3, 5));
    assert_contains(diag["message"].as_str().unwrap(), "-bad name");
    assert_eq!(counts(&r), (3, 0));
}

#[test]
fn lint_plugin_type_rules() {
    let d = Dir::new();
    d.plugin("fa");
    let text = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"x\",\n  \"plugins\": [\n    {\"type\": \"fa\"},\n    {\"ipMasq\": true},\n    {\"type\": 7},\n    {\"mtu\": 1, \"type\": \"/opt/cni/bin/fa\"}\n  ]\n}\n";
    d.write("10-x.conflist", text);
    let r = d.lint(&[], 2);
    expect_diag(&r, "missing-type", "error", Some(position(text, "{\"ipMasq\"")));
    expect_diag(&r, "type-not-string", "error", Some(position(text, "\"type\": 7")));
    let diag = expect_diag(&r, "type-has-path", "error", Some(position(text, "\"type\": \"/opt")));
    assert_eq!(position(text, "\"type\": \"/opt"), (8, 16));
    assert_contains(diag["message"].as_str().unwrap(), "/opt/cni/bin/fa");
    assert_eq!(counts(&r), (3, 0));
}

#[test]
fn lint_cni_version_rules() {
    let d = Dir::new();
    d.plugin("fa");
    let unknown = "{\n  \"cniVersion\": \"0.9.0\",\n  \"name\": \"u\",\n  \"plugins\": [{\"type\": \"fa\"}]\n}";
    let above = "{\n  \"cniVersion\": \"1.0.0\",\n  \"cniVersions\": [\"1.0.0\", \"2.0.0\"],\n  \"name\": \"a\",\n  \"plugins\": [{\"type\": \"fa\"}]\n}";
    d.write("20-a.conflist", above);
    let r = d.lint(&[], 0);
    expect_diag(&r, "cni-versions-above-current", "warning", Some(position(above, "\"2.0.0\"")));
    assert_eq!(counts(&r), (0, 1));

    // No cniVersion is a warning (runtimes use 0.1.0); --offline keeps the plugins out of it.
    d.write("30-m.conflist", r#"{"name": "m", "plugins": [{"type": "fa"}]}"#);
    let r = d.lint(&["--offline"], 0);
    let diag = expect_diag(&r, "missing-cni-version", "warning", None);
    assert_eq!(base(&diag["file"]), "30-m.conflist");
    assert_eq!(counts(&r), (0, 2));

    d.write("10-u.conflist", unknown);
    let not_string =
        "{\n  \"cniVersion\": 1.0,\n  \"name\": \"n\",\n  \"plugins\": [{\"type\": \"fa\"}]\n}";
    d.write("40-n.conflist", not_string);
    let r = d.lint(&["--offline"], 2);
    expect_diag(&r, "unknown-cni-version", "warning", Some(position(unknown, "\"cniVersion\"")));
    expect_diag(
        &r,
        "cni-version-not-string",
        "error",
        Some(position(not_string, "\"cniVersion\"")),
    );
    assert_eq!(counts(&r), (1, 3));
}

#[test]
fn lint_a_file_without_cni_version_has_only_the_warning() {
    // Regression (fixed): as in `conf ls`, lint compares an empty cniVersion with the versions the plugin
    // speaks instead of "0.1.0" (libcni's validatePlugin), and adds an error
    // "version-unsupported: fa supports 0.1.0, ..., 1.1.0 but the configuration selects "
    // (exit 2). Reproduce: `{"name":"m","plugins":[{"type":"fa"}]}`, fa installed, `cnictl
    // conf lint`.
    let d = Dir::new();
    d.plugin("fa");
    d.write("30-m.conflist", r#"{"name": "m", "plugins": [{"type": "fa"}]}"#);
    let r = d.lint(&[], 0);
    assert_eq!(codes(&r), ["missing-cni-version"]);
}

#[test]
fn lint_field_types() {
    let d = Dir::new();
    d.plugin("fa");
    let text = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"x\",\n  \"disableCheck\": \"true\",\n  \"plugins\": [\n    {\n      \"type\": \"fa\",\n      \"isGateway\": true,\n      \"ipMasq\": \"true\",\n      \"mtu\": \"1500\",\n      \"vlan\": 5\n    }\n  ]\n}\n";
    d.write("10-x.conflist", text);
    let r = d.lint(&[], 2);
    // libcni reads "true" for its own flags; other readers may not.
    expect_diag(&r, "string-for-boolean", "info", Some(position(text, "\"disableCheck\"")));
    // Plugins written in Go refuse a string where they want a bool or a number.
    expect_diag(&r, "string-for-boolean", "error", Some(position(text, "\"ipMasq\"")));
    expect_diag(&r, "string-for-number", "error", Some(position(text, "\"mtu\"")));
    assert_eq!(position(text, "\"mtu\""), (10, 7));
    assert_eq!(counts(&r), (2, 0));

    // Info alone exits 0.
    let d = Dir::new();
    d.plugin("fa");
    let info = "{\"cniVersion\": \"1.0.0\", \"name\": \"x\", \"disableGC\": \"FALSE\", \"plugins\": [{\"type\": \"fa\"}]}";
    d.write("10-x.conflist", info);
    let r = d.lint(&[], 0);
    expect_diag(&r, "string-for-boolean", "info", Some(position(info, "\"disableGC\"")));
    assert_eq!(counts(&r), (0, 0));
}

#[test]
fn lint_a_string_flag_libcni_refuses_is_not_said_to_be_accepted() {
    // Regression (fixed): for "disableCheck": "yes" lint gives the info "disableCheck is the string \"yes\":
    // libcni accepts it" next to the invalid-config error saying the file does not load;
    // libcni accepts only "true"/"false" in any case. Reproduce: `{"cniVersion":"1.0.0",
    // "name":"y","disableCheck":"yes","plugins":[{"type":"fa"}]}`, `cnictl conf lint`.
    let d = Dir::new();
    d.plugin("fa");
    d.write(
        "10-y.conflist",
        r#"{"cniVersion": "1.0.0", "name": "y", "disableCheck": "yes", "plugins": [{"type": "fa"}]}"#,
    );
    let r = d.lint(&[], 2);
    let accepted = diagnostics(&r)
        .iter()
        .filter(|d| d["message"].as_str().unwrap().contains("libcni accepts it"))
        .count();
    assert_eq!(accepted, 0, "{:#}", r["diagnostics"]);
    assert!(codes(&r).iter().any(|c| *c == "string-for-boolean" || *c == "invalid-config"));
}

#[test]
fn lint_reserved_keys() {
    let d = Dir::new();
    d.plugin("fa");
    let text = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"x\",\n  \"plugins\": [{\n    \"type\": \"fa\",\n    \"runtimeConfig\": {},\n    \"prevResult\": {},\n    \"args\": {\"cni\": {}}\n  }]\n}\n";
    d.write("10-x.conflist", text);
    let r = d.lint(&[], 2);
    expect_diag(&r, "reserved-key", "error", Some(position(text, "\"runtimeConfig\"")));
    expect_diag(&r, "reserved-key", "error", Some(position(text, "\"prevResult\"")));
    expect_diag(&r, "reserved-key", "warning", Some(position(text, "\"args\"")));
    assert_eq!(counts(&r), (2, 1));
}

#[test]
fn lint_positions_keys_that_hold_a_slash() {
    // Regression (fixed): a diagnostic about a key with '/' in it (every "cni.dev/..." key) has no line or
    // column: config/spans.rs stores pointers escaped as JSON Pointer ("/cni.dev~1attachments")
    // but config/lint.rs looks them up unescaped ("/cni.dev/attachments"). Reproduce: a plugin
    // with "cni.dev/attachments": [] on line 6, `cnictl conf lint -o json`: line and column
    // are null.
    let d = Dir::new();
    d.plugin("fa");
    let text = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"x\",\n  \"plugins\": [{\n    \"type\": \"fa\",\n    \"cni.dev/attachments\": []\n  }]\n}\n";
    d.write("10-x.conflist", text);
    let r = d.lint(&[], 2);
    let at = position(text, "\"cni.dev/attachments\"");
    assert_eq!(at, (6, 5));
    expect_diag(&r, "reserved-key", "error", Some(at));
}

#[test]
fn lint_capabilities() {
    let d = Dir::new();
    d.plugin("fa");
    d.plugin("fb");
    let text = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"x\",\n  \"plugins\": [\n    {\"type\": \"fa\", \"capabilities\": {\"portMapping\": true, \"mac\": \"yes\", \"ips\": true}},\n    {\"type\": \"fb\", \"capabilities\": [\"portMappings\"]}\n  ]\n}\n";
    d.write("10-x.conflist", text);
    let r = d.lint(&[], 2);
    let diag =
        expect_diag(&r, "unknown-capability", "warning", Some(position(text, "\"portMapping\"")));
    assert_contains(diag["message"].as_str().unwrap(), "portMappings");
    expect_diag(&r, "capability-not-boolean", "error", Some(position(text, "\"mac\"")));
    expect_diag(
        &r,
        "capabilities-not-object",
        "error",
        Some(position(text, "\"capabilities\": [")),
    );
    assert_eq!(counts(&r), (2, 1));

    // A misspelt capability alone is a warning: exit 0.
    let d = Dir::new();
    d.plugin("fa");
    d.write(
        "10-x.conflist",
        r#"{"cniVersion": "1.0.0", "name": "x", "plugins": [{"type": "fa", "capabilities": {"portmappings": true}}]}"#,
    );
    let r = d.lint(&[], 0);
    assert_eq!(codes(&r), ["unknown-capability"]);
}

#[test]
fn lint_plugins_must_be_a_non_empty_array_of_objects() {
    let d = Dir::new();
    d.plugin("fa");
    let empty = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"e\",\n  \"plugins\": []\n}";
    let object =
        "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"o\",\n  \"plugins\": {\"type\": \"fa\"}\n}";
    let string =
        "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"s\",\n  \"plugins\": [\n    \"fa\"\n  ]\n}";
    d.write("10-e.conflist", empty);
    d.write("20-o.conflist", object);
    d.write("30-s.conflist", string);
    d.write("40-a.conflist", "[1, 2]");
    let r = d.lint(&[], 2);
    expect_diag(&r, "empty-plugins", "error", Some(position(empty, "\"plugins\"")));
    expect_diag(&r, "plugins-not-array", "error", Some(position(object, "\"plugins\"")));
    expect_diag(&r, "not-an-object", "error", Some(position(string, "\"fa\"")));
    let diag = expect_diag(&r, "not-an-object", "error", None);
    assert_eq!(base(&diag["file"]), "40-a.conflist");
    assert_eq!(counts(&r), (4, 0));
}

#[test]
fn lint_checks_plugin_binaries_and_offline_skips_only_versions() {
    let d = Dir::new();
    d.plugin("fa");
    d.plugin_speaking("old", "0.3.1,0.4.0");
    let text = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"x\",\n  \"plugins\": [\n    {\"type\": \"fa\"},\n    {\"type\": \"absent\"},\n    {\"type\": \"old\"}\n  ]\n}\n";
    d.write("10-x.conflist", text);
    let r = d.lint(&[], 2);
    let missing =
        expect_diag(&r, "plugin-missing", "error", Some(position(text, "\"type\": \"absent\"")));
    assert_contains(missing["message"].as_str().unwrap(), "absent");
    let version =
        expect_diag(&r, "version-unsupported", "error", Some(position(text, "\"type\": \"old\"")));
    assert_contains(version["message"].as_str().unwrap(), "0.4.0");
    assert_contains(version["message"].as_str().unwrap(), "1.0.0");
    assert_eq!(counts(&r), (2, 0));

    let r = d.lint(&["--offline"], 2);
    assert_eq!(codes(&r), ["plugin-missing"]);

    // With the missing binary installed, --offline has nothing left to report.
    d.plugin("absent");
    d.lint(&["--offline"], 0);
    assert_eq!(codes(&d.lint(&[], 2)), ["version-unsupported"]);
}

#[test]
fn lint_a_directory_reports_duplicate_names_and_ignored_files() {
    let d = Dir::new();
    d.plugin("fa");
    d.write("10-x.conflist", &list("x", "1.0.0", &["fa"]));
    d.write("20-x.conf", r#"{"cniVersion": "1.0.0", "name": "x", "type": "fa"}"#);
    d.write("30-y.conflist", &list("y", "1.0.0", &["fa"]));
    d.write("40-x.conflist.bak", "old");
    let r = d.lint(&[], 0);
    let dup = expect_diag(&r, "duplicate-name", "warning", None);
    assert_eq!(base(&dup["file"]), "20-x.conf");
    assert_contains(dup["message"].as_str().unwrap(), "10-x.conflist");
    let ignored = expect_diag(&r, "ignored-file", "warning", None);
    assert_eq!(base(&ignored["file"]), "40-x.conflist.bak");
    assert_eq!(counts(&r), (0, 2));
    assert_eq!(r["command"], "conf lint");
    assert_eq!(r["target"], d.conf_dir().to_string_lossy().as_ref());
}

#[test]
fn lint_a_world_writable_conf_dir_is_a_warning() {
    let d = Dir::new();
    d.plugin("fa");
    d.write("10-x.conflist", &list("x", "1.0.0", &["fa"]));
    let conf = d.conf_dir();
    fs::set_permissions(&conf, fs::Permissions::from_mode(0o777)).unwrap();
    let r = d.lint(&[], 0);
    let diag = expect_diag(&r, "world-writable", "warning", None);
    assert_eq!(diag["file"], conf.to_string_lossy().as_ref());
    assert_contains(diag["fix"].as_str().unwrap(), "chmod o-w");

    // With the sticky bit (like /tmp) others can add files but not replace these.
    fs::set_permissions(&conf, fs::Permissions::from_mode(0o1777)).unwrap();
    assert_eq!(codes(&d.lint(&[], 0)), Vec::<&str>::new());
    fs::set_permissions(&conf, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(codes(&d.lint(&[], 0)), Vec::<&str>::new());
}

#[test]
fn lint_a_single_file() {
    let d = Dir::new();
    d.plugin("fa");
    let text = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"x\",\n  \"plugins\": [{\"type\": \"fa\", \"mtu\": \"9000\"}]\n}";
    let path = d.write("10-x.conflist", text);
    // Neighbours do not count when one file is named.
    d.write("20-x.conflist", &list("x", "1.0.0", &["fa"]));
    d.write("junk.bak", "x");
    let r = d.lint(&[&path.to_string_lossy()], 2);
    assert_eq!(r["target"], path.to_string_lossy().as_ref());
    assert_eq!(codes(&r), ["string-for-number"]);
    expect_diag(&r, "string-for-number", "error", Some(position(text, "\"mtu\"")));

    // A file outside any conf dir, named on the command line.
    let outside = d.path("elsewhere.conf");
    fs::write(&outside, r#"{"cniVersion": "1.0.0", "name": "e", "type": "fa"}"#).unwrap();
    let r = d.lint(&[&outside.to_string_lossy()], 0);
    assert_eq!(codes(&r), Vec::<&str>::new());
}

#[test]
fn lint_invalid_config_when_only_the_loader_refuses() {
    // The file itself is clean; its drop-in is not, so the network does not load.
    let d = Dir::new();
    d.plugin("fa");
    d.write("10-x.conflist", &list("x", "1.0.0", &["fa"]));
    d.write("x/1.conf", "{\"type\": \"fa\",}");
    let r = d.lint(&[], 2);
    let diag = expect_diag(&r, "invalid-config", "error", None);
    assert_eq!(base(&diag["file"]), "10-x.conflist");
    assert_contains(diag["message"].as_str().unwrap(), "1.conf");
    assert_eq!(codes(&r), ["invalid-config"]);
}

#[test]
fn lint_a_missing_target_names_it_once() {
    // Regression (fixed): I/O errors print their cause twice ("cannot read /x/nothere: entity not found:
    // entity not found"): ConfigError::Io formats `{source}` into its message and also
    // exposes it as the error source, which main's `{err:#}` appends again. Reproduce:
    // `cnictl conf lint /nonexistent`.
    let d = Dir::new();
    let missing = d.path("nothere.conflist");
    let out = d.cnictl().args(["conf", "lint", &missing.to_string_lossy()]).expect(2);
    let line = out.stderr.lines().find(|l| l.starts_with("cnictl: error:")).unwrap_or_default();
    assert_contains(line, "nothere.conflist");
    let words: Vec<&str> = line.split(": ").collect();
    let mut unique = words.clone();
    unique.dedup();
    assert_eq!(words, unique, "a repeated part in {line:?}");
}

// ---- without root -------------------------------------------------------------------------

/// Runs as the unprivileged `nobody` (65534) when the tests run as root; otherwise as the
/// (already unprivileged) current user.
fn as_nobody(builder: &Cnictl) -> Output {
    let mut command = builder.command();
    if nix::unistd::geteuid().is_root() {
        command.uid(65534).gid(65534);
    }
    let out = command.output().expect("cnictl runs");
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn open_up(path: &Path) {
    fs::set_permissions(path, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn conf_commands_need_no_root() {
    let d = Dir::new();
    d.plugin("fa");
    d.plugin_speaking("old", "0.4.0");
    d.write("10-a.conflist", &list("a", "1.0.0", &["fa"]));
    d.write("20-v.conflist", &list("v", "1.0.0", &["old"]));
    for dir in [d.tmp.path().to_path_buf(), d.conf_dir(), d.path("bin"), d.path("cache")] {
        open_up(&dir);
    }
    let ok = |args: &[&str], code: i32| -> Value {
        let out = as_nobody(&d.cnictl().args(args));
        assert_eq!(
            out.code, code,
            "{args:?}\n--- stdout\n{}\n--- stderr\n{}",
            out.stdout, out.stderr
        );
        out.json()
    };

    let s = ok(&["conf", "ls"], 0);
    assert_eq!(
        statuses(&s),
        pairs(&[("10-a.conflist", "ok"), ("20-v.conflist", "version-unsupported")])
    );
    assert_eq!(picked(&s, "cri-o").0, some("a"));
    let r = ok(&["conf", "show", "a", "--request", "add", "--container-id", "c1"], 0);
    assert_eq!(r["plugins"][0]["stdin"]["name"], "a");
    let r = ok(&["conf", "lint"], 2);
    assert_eq!(codes(&r), ["version-unsupported"]);
    let r = ok(&["conf", "lint", "--offline"], 0);
    assert_eq!(counts(&r), (0, 0));
}
