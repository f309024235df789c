//! One writer for every report: with `-o json` every failure, usage errors included, is one
//! JSON object on stdout with its kind and exit code, in every command family; `-o cnitool`
//! prints what cnitool prints (the ADD result, nothing for anything else); `-o name` only
//! where a command lists things.

use serde_json::Value;

use crate::util::{self, cnictl, root_or_skip, Netns, World};

/// A conf dir holding one ptp + host-local list named `ptpnet`, the bin dir Debian's.
struct Dirs {
    dir: tempfile::TempDir,
}

impl Dirs {
    fn new() -> Dirs {
        let dir = tempfile::Builder::new().prefix("cnictl-out-").tempdir().unwrap();
        for sub in ["conf", "cache"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
        }
        let list = serde_json::json!({
            "cniVersion": "1.0.0",
            "name": "ptpnet",
            "plugins": [{"type": "ptp", "ipam": {"type": "host-local", "subnet": "10.250.9.0/24",
                "dataDir": dir.path().join("ipam")}}]
        });
        std::fs::write(dir.path().join("conf/10-ptp.conflist"), list.to_string()).unwrap();
        Dirs { dir }
    }

    fn cnictl(&self) -> util::Cnictl {
        cnictl()
            .env("NETCONFPATH", self.dir.path().join("conf").to_string_lossy())
            .env("CNI_PATH", "/usr/lib/cni")
            .args(["--cache-dir", &self.dir.path().join("cache").to_string_lossy()])
    }
}

/// Asserts stdout is exactly one JSON failure object for `command`, of `kind`, with the
/// exit code cnictl ended with, and returns it.
fn failure(out: &util::Output, command: &str, kinds: &[&str]) -> Value {
    let json = out.json();
    assert_eq!(json["command"], command, "{json:#}");
    let error = &json["error"];
    let kind = error["kind"].as_str().unwrap_or_default();
    assert!(kinds.contains(&kind), "kind {kind:?} not in {kinds:?}: {json:#}");
    assert_eq!(error["exitCode"], out.code, "{json:#}");
    let class = match out.code {
        1 => "plugin-failed",
        2 => "usage",
        3 => "environment",
        4 => "crash",
        other => panic!("unexpected exit {other}"),
    };
    assert_eq!(error["exitClass"], class, "{json:#}");
    assert!(!error["message"].as_str().unwrap_or_default().is_empty(), "{json:#}");
    json
}

#[test]
fn usage_errors_print_a_json_error_object_with_o_json() {
    let dirs = Dirs::new();
    // Every spelling of the flag, before and after the subcommand.
    for args in [
        vec!["-o", "json", "add"],
        vec!["--output=json", "add", "ptpnet"],
        vec!["add", "-ojson"],
        vec!["--output", "json", "netns", "frobnicate"],
        vec!["-o", "json", "--timeout", "soon", "version", "ptpnet"],
    ] {
        let out = dirs.cnictl().args(&args).expect(2);
        let json = out.json();
        assert_eq!(json["error"]["kind"], "usage", "{args:?}: {json:#}");
        assert_eq!(json["error"]["exitCode"], 2);
        assert!(!out.stderr.is_empty(), "clap's own message stays on stderr");
    }
    // Without -o json, stdout stays empty.
    let out = dirs.cnictl().arg("add").expect(2);
    assert_eq!(out.stdout, "");
    // --help is not a failure.
    let out = dirs.cnictl().args(["-o", "json", "add", "--help"]).expect(0);
    assert!(out.stdout.contains("Usage:"), "{}", out.stdout);
}

#[test]
fn every_command_family_fails_with_one_json_object() {
    let dirs = Dirs::new();
    let missing_ns = format!("cnictl-absent-{}-{}", std::process::id(), util::unique());
    let cases: Vec<(Vec<&str>, &str, &[&str])> = vec![
        (vec!["add", "nope", "x"], "add", &["config", "usage"]),
        (vec!["check", "nope", "x"], "check", &["config", "usage"]),
        (vec!["del", "nope", "x"], "del", &["config", "usage"]),
        (vec!["version", "nope"], "version", &["config", "usage"]),
        (vec!["status", "nope"], "status", &["config", "usage"]),
        (vec!["gc", "nope"], "gc", &["config", "usage"]),
        (vec!["run", "nope"], "run", &["config", "usage", "environment"]),
        (vec!["conf", "show", "nope"], "conf show", &["config", "usage"]),
        (vec!["conf", "lint", "/nonexistent/cnictl"], "conf lint", &["config", "environment"]),
        (vec!["cache", "show", "nope"], "cache show", &["usage"]),
        (vec!["cache", "rm", "nope"], "cache rm", &["usage"]),
        (vec!["inspect", "/nonexistent/netns"], "inspect", &["environment"]),
        (vec!["netns", "rm", &missing_ns], "netns rm", &["environment", "usage"]),
        (vec!["ipam", "leases", "nope"], "ipam leases", &["config", "usage"]),
    ];
    for (args, command, kinds) in cases {
        let out = dirs.cnictl().args(["-o", "json"]).args(&args).run();
        assert_ne!(out.code, 0, "{args:?} should fail:\n{}", out.stdout);
        failure(&out, command, kinds);
        // The same failure without -o json prints nothing on stdout.
        let plain = dirs.cnictl().args(&args).run();
        assert_eq!(plain.code, out.code, "{args:?}");
        assert_eq!(plain.stdout, "", "{args:?}");
        assert!(plain.stderr.contains("cnictl: error:"), "{args:?}: {}", plain.stderr);
    }
}

#[test]
fn o_cnitool_prints_nothing_for_commands_cnitool_has_no_output_for() {
    let dirs = Dirs::new();
    for args in [
        vec!["conf", "ls", "--offline"],
        vec!["conf", "show", "ptpnet"],
        vec!["conf", "lint", "--offline"],
        vec!["cache", "ls"],
        vec!["netns", "ls"],
        vec!["version", "ptpnet"],
        vec!["ipam", "leases"],
    ] {
        let out = dirs.cnictl().args(["-o", "cnitool"]).args(&args).expect(0);
        assert_eq!(out.stdout, "", "{args:?} printed on stdout");
    }
    // Failures too: the error goes to stderr only.
    let out = dirs.cnictl().args(["-o", "cnitool", "cache", "show", "nope"]).expect(2);
    assert_eq!(out.stdout, "");
}

#[test]
fn o_cnitool_prints_the_add_result_and_nothing_for_check_and_del() {
    if !root_or_skip("o_cnitool_prints_the_add_result_and_nothing_for_check_and_del") {
        return;
    }
    let world = World::new("ocni");
    world.conf("10-ptp.conflist", &world.ptp_conflist("1.0.0"));
    let ns = Netns::new("ocni-c");
    let add = world.cnictl().args(["-o", "cnitool", "add", "ptpnet", &ns.name]).expect(0);
    let result: Value = serde_json::from_str(&add.stdout).expect("ADD prints the result");
    assert_eq!(result["cniVersion"], "1.0.0");
    assert!(result["ips"][0]["address"].as_str().unwrap().starts_with(&world.subnet_prefix));
    // cnitool indents with four spaces.
    assert!(add.stdout.contains("\n    \"cniVersion\""), "{}", add.stdout);
    for command in ["check", "del"] {
        let out = world.cnictl().args(["-o", "cnitool", command, "ptpnet", &ns.name]).expect(0);
        assert_eq!(out.stdout, "", "{command}");
    }
}

#[test]
fn o_name_lists_names_and_is_refused_where_nothing_is_listed() {
    let dirs = Dirs::new();
    let out = dirs.cnictl().args(["-o", "name", "conf", "ls", "--offline"]).expect(0);
    assert_eq!(out.stdout, "ptpnet\n");
    let out = dirs.cnictl().args(["-o", "name", "cache", "ls"]).expect(0);
    assert_eq!(out.stdout, "");
    for args in [vec!["conf", "show", "ptpnet"], vec!["version", "ptpnet"]] {
        let out = dirs.cnictl().args(["-o", "name"]).args(&args).expect(2);
        assert!(out.stderr.contains("-o name is for commands that list things"), "{}", out.stderr);
        assert_eq!(out.stdout, "");
    }
}
