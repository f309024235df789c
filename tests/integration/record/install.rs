//! `record install | uninstall | status` make and remove only their own files, and
//! `record ls | show` read the log back, with delegated calls linked to their parent.

use std::os::unix::fs::PermissionsExt;

use serde_json::{json, Value};

use super::{cni_env, Rec};
use crate::util::{cnictl_bin, root_or_skip, World};

#[test]
fn install_links_every_plugin_and_uninstall_removes_only_that() {
    let rec = Rec::new();
    rec.fixture("fx-a");
    rec.fixture("fx-b");
    std::fs::write(rec.path("bin/README"), "not a plugin").unwrap();
    let report = rec.install(&["--redact-keys", "token,community"]);
    let shim = rec.path("shim");
    let names: Vec<&str> =
        report["plugins"].as_array().unwrap().iter().map(|p| p[0].as_str().unwrap()).collect();
    assert_eq!(names, ["fx-a", "fx-b"]);
    for name in ["fx-a", "fx-b"] {
        assert_eq!(
            std::fs::read_link(shim.join(name)).unwrap(),
            cnictl_bin().canonicalize().unwrap()
        );
    }
    assert!(!shim.join("README").exists());
    let marker: Value =
        serde_json::from_slice(&std::fs::read(shim.join(".cnictl-record.json")).unwrap()).unwrap();
    assert_eq!(marker["binDirs"], json!([rec.path("bin")]));
    assert_eq!(marker["redactKeys"], json!(["token", "community"]));
    assert_eq!(marker["streamCap"], 1 << 20);
    let mode = std::fs::metadata(rec.path("log")).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
    assert!(report["runtimes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["line"].as_str().unwrap().contains(&*shim.to_string_lossy())));

    // A call, and a plugin installed since: status shows both.
    rec.run(&shim.join("fx-a"), &cni_env("DEL", &[]), b"{\"name\":\"n\"}");
    rec.fixture("fx-c");
    let shim_arg = shim.to_string_lossy().into_owned();
    let status = rec
        .cnictl()
        .args(["-o", "json", "record", "status", "--shim-dir", &shim_arg])
        .expect(0)
        .json();
    assert_eq!(status["installed"]["links"], json!([["fx-a", "ok"], ["fx-b", "ok"]]));
    assert_eq!(status["installed"]["unlinked"], json!(["fx-c"]));
    assert_eq!(status["log"]["records"], 1);
    assert!(status["log"]["bytes"].as_u64().unwrap() > 100);
    let text = rec.cnictl().args(["record", "status", "--shim-dir", &shim_arg]).expect(0).stdout;
    assert!(text.contains("records    1") && text.contains("no shim    fx-c"), "{text}");

    // Installing again links the new plugin; a file of someone else's stays.
    rec.install(&[]);
    assert!(shim.join("fx-c").is_symlink());
    std::fs::write(shim.join("notes"), "mine").unwrap();
    let out = rec
        .cnictl()
        .args(["-o", "json", "record", "uninstall", "--shim-dir", &shim_arg])
        .expect(0)
        .json();
    assert_eq!(out["removed"], json!(["fx-a", "fx-b", "fx-c"]));
    assert_eq!(out["dirRemoved"], false);
    let left: Vec<String> = std::fs::read_dir(&shim)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["notes"]);
    assert!(rec.path("log/calls.ndjson").exists(), "the log stays");
    let status = rec
        .cnictl()
        .args(["-o", "json", "record", "status", "--shim-dir", &shim_arg])
        .expect(0)
        .json();
    assert!(status["installed"].is_null());
}

#[test]
fn install_refuses_a_loop_and_a_directory_it_did_not_make() {
    let rec = Rec::new();
    rec.fixture("fx");
    let bin = rec.path("bin").to_string_lossy().into_owned();
    let out = rec
        .cnictl()
        .args(["record", "install", "--shim-dir", &bin])
        .args(["--log-dir", "/nonexistent/x"])
        .expect(2);
    assert!(out.stderr.contains("would call themselves"), "{}", out.stderr);
    std::fs::create_dir(rec.path("shim")).unwrap();
    std::fs::write(rec.path("shim/ptp"), "someone's").unwrap();
    let shim = rec.path("shim").to_string_lossy().into_owned();
    let out = rec.cnictl().args(["record", "install", "--shim-dir", &shim]).expect(2);
    assert!(out.stderr.contains("is not empty and is no shim dir"), "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(rec.path("shim/ptp")).unwrap(), "someone's");
}

#[test]
fn record_ls_and_show_link_a_delegated_ipam_call_to_its_plugin() {
    if !root_or_skip("record_ls_and_show_link_a_delegated_ipam_call_to_its_plugin") {
        return;
    }
    let w = World::new("rec-ls");
    w.conf("10-ptp.conflist", &w.ptp_conflist("1.0.0"));
    let rec = Rec::new();
    let shim = rec.path("shim").to_string_lossy().into_owned();
    let log = rec.path("log").to_string_lossy().into_owned();
    crate::util::cnictl()
        .env("CNI_PATH", "/usr/lib/cni")
        .args(["record", "install", "--shim-dir", &shim, "--log-dir", &log])
        .expect(0);
    let ns = crate::util::Netns::new("rec-ls-c");
    w.cnictl().env("CNI_PATH", &shim).args(["add", "ptpnet", &ns.path()]).expect(0);
    w.cnictl().env("CNI_PATH", &shim).args(["del", "ptpnet", &ns.path()]).expect(0);

    let ls = crate::util::cnictl()
        .args(["-o", "json", "record", "ls", "--log-dir", &log])
        .expect(0)
        .json();
    let calls = ls["calls"].as_array().unwrap();
    let row = |i: usize| {
        let c = &calls[i];
        (
            c["command"].as_str().unwrap(),
            c["plugin"].as_str().unwrap(),
            c["outcome"]["kind"].as_str().unwrap(),
        )
    };
    let rows: Vec<_> = (0..calls.len()).map(row).collect();
    assert_eq!(
        rows,
        [
            ("ADD", "ptp", "ok"),
            ("ADD", "host-local", "ok"),
            ("DEL", "ptp", "ok"),
            ("DEL", "host-local", "ok")
        ],
        "{ls:#}"
    );
    assert_eq!(calls[1]["parent"], calls[0]["id"]);
    assert_eq!(calls[3]["parent"], calls[2]["id"]);
    assert!(calls[0]["parent"].is_null());
    assert_eq!(calls[1]["network"], "ptpnet");
    assert_eq!(calls[1]["containerId"], calls[0]["containerId"]);

    let table = crate::util::cnictl().args(["record", "ls", "--log-dir", &log]).expect(0).stdout;
    assert!(table.contains("└ host-local") && table.contains("4 calls"), "{table}");
    let bare = crate::util::cnictl()
        .args(["record", "ls", "--no-headers", "--log-dir", &log])
        .expect(0)
        .stdout;
    assert_eq!(bare.lines().count(), 4, "{bare}");
    let ids = crate::util::cnictl()
        .args(["-o", "name", "record", "ls", "--log-dir", &log])
        .expect(0)
        .stdout;
    assert_eq!(ids.lines().next(), calls[0]["id"].as_str());

    let ipam_id = calls[1]["id"].as_str().unwrap();
    let show =
        crate::util::cnictl().args(["record", "show", ipam_id, "--log-dir", &log]).expect(0).stdout;
    assert!(show.contains(&format!("parent      {}", calls[0]["id"].as_str().unwrap())), "{show}");
    assert!(show.contains("caller      ptp (pid "), "{show}");
    assert!(show.contains("--- call 1/1: ADD host-local (/usr/lib/cni/host-local)"), "{show}");
    assert!(show.contains(&format!("\"subnet\": \"{}.0/24\"", w.subnet_prefix)), "{show}");
    let json = crate::util::cnictl()
        .args(["-o", "json", "record", "show", ipam_id, "--log-dir", &log])
        .expect(0)
        .json();
    assert_eq!(json["caller"]["comm"], "ptp");
    assert_eq!(json["env"]["CNI_PATH"], shim);
    let parent = crate::util::cnictl()
        .args(["-o", "json", "record", "show", calls[0]["id"].as_str().unwrap(), "--log-dir", &log])
        .expect(0)
        .json();
    assert_eq!(parent["children"], json!([ipam_id]));
    crate::util::cnictl().args(["record", "show", "nope", "--log-dir", &log]).expect(2);
}
