//! `conf ls`: which files each runtime (containerd, CRI-O, the kubelet's dockershim) loads,
//! skips or ignores in a conf dir, and which network each picks.

use std::fs;

use serde_json::{json, Value};

use super::{assert_contains, base, list, pairs, pick, picked, some, statuses, strings, Dir};
use crate::util::cnictl;

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
    // Not "version-unsupported"; lint's warning that there is no cniVersion is the status.
    let want = [("10-legacy.conflist", "warnings"), ("20-old.conf", "warnings")];
    assert_eq!(statuses(&s), pairs(&want));
    assert_contains(file(&s, "20-old.conf")["reason"].as_str().unwrap(), "missing-cni-version");
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

/// Issue 25: a number out of range, or nesting past the parser's depth limit, in a key the
/// quick look does not read, made `conf ls` call the file fine. libcni refuses both.
#[test]
fn ls_a_number_out_of_range_or_deep_nesting_makes_a_file_invalid() {
    let d = Dir::new();
    d.plugin("fa");
    d.write("00-big.conflist", r#"{"name":"big","x":1e999,"plugins":[{"type":"fa"}]}"#);
    let deep = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    let text = format!(r#"{{"name":"deep","plugins":[{{"type":"fa","x":{deep}}}]}}"#);
    d.write("01-deep.conflist", &text);
    d.write("10-a.conflist", &list("a", "1.0.0", &["fa"]));
    let s = d.ls(&[]);
    assert_eq!(
        statuses(&s),
        pairs(&[
            ("00-big.conflist", "invalid"),
            ("01-deep.conflist", "invalid"),
            ("10-a.conflist", "ok")
        ])
    );
    assert_contains(file(&s, "00-big.conflist")["reason"].as_str().unwrap(), "out of range");
    assert_contains(file(&s, "01-deep.conflist")["reason"].as_str().unwrap(), "recursion limit");
    assert_eq!(picked(&s, "libcni"), (None, some("00-big.conflist")));
}

/// Issue 11, item 11: `conf ls` said `ok` for a file on which `conf lint` reports errors.
/// The status of a file that loads is now lint's worst finding; a file that does not load,
/// or that another status explains, keeps it, and `lint` says lint's verdict on each.
#[test]
fn ls_status_is_lints_worst_finding() {
    let d = Dir::new();
    for p in ["bridge", "host-local", "fa"] {
        d.plugin(p);
    }
    d.write(
        "10-err.conflist",
        r#"{"cniVersion": "1.0.0", "name": "err", "plugins": [{"type": "bridge", "mtu": "1500"}]}"#,
    );
    d.write("20-warn.conflist", r#"{"name": "warn", "plugins": [{"type": "fa"}]}"#);
    d.write("30-ok.conflist", &list("ok", "1.0.0", &["fa"]));
    // Each fine alone, but they share a subnet: lint warns on both.
    let net = |name: &str, subnet: &str| {
        json!({"cniVersion": "1.0.0", "name": name,
               "plugins": [{"type": "bridge", "ipam": {"type": "host-local", "subnet": subnet}}]})
        .to_string()
    };
    d.write("40-s1.conflist", &net("s1", "10.60.0.0/16"));
    d.write("50-s2.conflist", &net("s2", "10.60.1.0/24"));
    d.write(
        "60-miss.conflist",
        r#"{"cniVersion": "1.0.0", "name": "miss", "plugins": [{"type": "absent", "mtu": "x"}]}"#,
    );
    d.write("70-bad.conflist", "{");
    let s = d.ls(&[]);
    assert_eq!(
        statuses(&s),
        pairs(&[
            ("10-err.conflist", "errors"),
            ("20-warn.conflist", "warnings"),
            ("30-ok.conflist", "ok"),
            ("40-s1.conflist", "warnings"),
            ("50-s2.conflist", "warnings"),
            ("60-miss.conflist", "plugin-missing"),
            ("70-bad.conflist", "invalid"),
        ])
    );
    let err = file(&s, "10-err.conflist");
    assert_eq!(err["lint"], "errors");
    let reason = err["reason"].as_str().unwrap();
    assert_contains(reason, "string-for-number");
    assert_contains(reason, "1 error(s), 0 warning(s)");
    assert_contains(file(&s, "40-s1.conflist")["reason"].as_str().unwrap(), "10.60.1.0/24");
    assert_eq!(file(&s, "30-ok.conflist")["lint"], "ok");
    assert_eq!(file(&s, "60-miss.conflist")["lint"], "ok");
    assert!(file(&s, "70-bad.conflist")["lint"].is_null());
    // The statuses are lint's: the files lint fails are the ones ls says "errors" of.
    let r = d.lint(&[], 2);
    let mut failing: Vec<&str> = super::diagnostics(&r)
        .iter()
        .filter(|d| d["severity"] == "error" && d["code"] != "plugin-missing")
        .map(|d| base(&d["file"]))
        .collect();
    failing.dedup();
    assert_eq!(failing, ["10-err.conflist", "70-bad.conflist"]);

    let table = d.cnictl().args(["-o", "table", "conf", "ls"]).expect(0).stdout;
    let row = table.lines().find(|l| l.contains("10-err.conflist")).unwrap();
    assert!(row.trim_end().ends_with("errors"), "{table}");
}
