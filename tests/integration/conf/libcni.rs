//! cnictl's loader verdicts are libcni v1.3.0's (issue 11, items 1-5): every file here is
//! given to libcni (tests/integration/probe.rs) and to `cnictl conf show FILE`, and the two
//! must agree on whether it loads and, when it does, on the name, version, plugin types and
//! IPAM types. cnictl's own stricter opinions are lint warnings, never another verdict.

use std::path::Path;

use serde_json::Value;

use super::Dir;
use crate::probe::{file_verdict, find_verdict, libcni13};

/// cnictl's verdict on one file: what libcni's probe prints, or the error message.
fn cnictl_verdict(d: &Dir, file: &Path) -> Result<Value, String> {
    let out = d.cnictl().args(["conf", "show"]).arg(file.to_string_lossy().as_ref()).run();
    let report: Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("conf show printed no JSON ({e}): {}", out.stdout));
    if out.code != 0 {
        assert_eq!(out.code, 2, "a configuration error exits 2: {}", out.stdout);
        return Err(report["error"]["message"].as_str().unwrap_or_default().to_string());
    }
    let plugins = report["plugins"].as_array().unwrap();
    let types: Vec<Value> = plugins.iter().map(|p| p["type"].clone()).collect();
    let ipams: Vec<Value> = plugins
        .iter()
        .map(|p| Value::String(p["ipam"].as_str().unwrap_or_default().to_string()))
        .collect();
    Ok(serde_json::json!({
        "name": report["config"]["network"],
        "cniVersion": report["config"]["cniVersion"],
        "plugins": types,
        "ipam": ipams,
    }))
}

/// Writes each case, asks both, and collects every disagreement before failing.
fn agree(cases: &[(&str, &[u8])]) -> Vec<(String, Result<Value, String>)> {
    let Some(probe) = libcni13() else { return Vec::new() };
    let d = Dir::new();
    let mut wrong = Vec::new();
    let mut verdicts = Vec::new();
    for (i, (name, bytes)) in cases.iter().enumerate() {
        let file = d.conf_dir().join(format!("{i:02}-{name}"));
        std::fs::write(&file, bytes).unwrap();
        let theirs = file_verdict(probe, &file);
        let ours = cnictl_verdict(&d, &file);
        let same = match (&theirs, &ours) {
            (Ok(a), Ok(b)) => a == b,
            (Err(_), Err(_)) => true,
            _ => false,
        };
        if !same {
            wrong.push(format!(
                "{}\n  libcni: {theirs:?}\n  cnictl: {ours:?}",
                String::from_utf8_lossy(bytes)
            ));
        }
        verdicts.push((String::from_utf8_lossy(bytes).into_owned(), ours));
    }
    assert!(wrong.is_empty(), "cnictl and libcni v1.3.0 disagree on:\n{}", wrong.join("\n"));
    verdicts
}

#[test]
fn a_broken_symlink_is_listed_and_stops_the_lookup_as_in_libcni() {
    let Some(probe) = libcni13() else { return };
    let d = Dir::new();
    std::os::unix::fs::symlink("/nonexistent/cnictl-gone", d.conf_dir().join("00-gone.conflist"))
        .unwrap();
    d.write("10-net.conflist", &super::list("net", "1.0.0", &["loopback"]));
    let theirs = find_verdict(probe, &d.conf_dir(), "net").unwrap_err();
    assert!(theirs.contains("no such file or directory"), "{theirs}");
    let out = d.cnictl().args(["conf", "show", "net"]).expect(2).json();
    let message = out["error"]["message"].as_str().unwrap();
    assert!(message.contains("00-gone.conflist") && message.contains("stopped at"), "{message}");
    // conf ls lists it, as a file that does not load.
    let ls = d.ls(&[]);
    let files: Vec<(&str, &str)> = ls["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (super::base(&f["file"]), f["status"].as_str().unwrap_or_default()))
        .collect();
    assert!(files.iter().any(|(f, s)| *f == "00-gone.conflist" && *s != "ok"), "{files:?}");
}

#[test]
fn ordinary_files_load_alike() {
    agree(&[
        ("a.conflist", br#"{"cniVersion":"1.0.0","name":"a","plugins":[{"type":"bridge","ipam":{"type":"host-local"}},{"type":"portmap","capabilities":{"portMappings":true}}]}"#),
        ("b.conf", br#"{"cniVersion":"0.4.0","name":"b","type":"ptp","ipam":{"type":"dhcp"},"dns":{"nameservers":["10.1.0.1"]}}"#),
        ("c.json", br#"{"name":"c","type":"loopback"}"#),
        ("d.conflist", br#"{"cniVersion":"0.4.0","cniVersions":["1.0.0","9.9.9"],"name":"d","plugins":[{"type":"loopback"}]}"#),
        ("e.conflist", br#"{"name":"e","plugins":[]}"#),
        ("f.conflist", br#"{"name":"f","disableCheck":"yes","plugins":[{"type":"a"}]}"#),
    ]);
}
