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

/// Item 2: a value of the wrong JSON type in a field libcni decodes into a typed struct
/// fails the file in libcni, so it fails in cnictl; `null` is no value at all.
#[test]
fn wrong_types_in_libcni_typed_fields_fail_alike() {
    agree(&[
        ("a.conflist", br#"{"cniVersion":"1.0.0","name":"a","plugins":[{"type":"portmap","capabilities":{"portMappings":"true"}}]}"#),
        ("b.conflist", br#"{"cniVersion":"1.0.0","name":"b","plugins":[{"type":"bridge","ipam":"host-local"}]}"#),
        ("c.conflist", br#"{"cniVersion":"1.0.0","name":"c","plugins":[{"type":"bridge","dns":{"nameservers":"8.8.8.8"}}]}"#),
        ("d.conflist", br#"{"cniVersion":"1.0.0","name":"d","plugins":[{"type":"bridge","name":7}]}"#),
        ("e.conflist", br#"{"cniVersion":"1.0.0","name":"e","plugins":[{"type":"bridge","cniVersion":1}]}"#),
        ("f.conflist", br#"{"cniVersion":"1.0.0","name":"f","plugins":[{"type":"bridge","ipam":{"type":5}}]}"#),
        ("g.conflist", br#"{"cniVersion":"1.0.0","name":"g","plugins":[{"type":"bridge","dns":{"domain":["x"]}}]}"#),
        ("h.conflist", br#"{"cniVersion":"1.0.0","name":"h","plugins":[{"type":"bridge","dns":{"search":[1]}}]}"#),
        ("i.conflist", br#"{"cniVersion":"1.0.0","name":"i","plugins":[{"type":"bridge","prevResult":"x"}]}"#),
        ("j.conflist", br#"{"cniVersion":"1.0.0","name":"j","plugins":[{"type":"bridge","cni.dev/valid-attachments":[{"containerID":1}]}]}"#),
        ("k.conflist", br#"{"cniVersion":"1.0.0","name":"k","plugins":[{"type":"bridge","capabilities":["ips"]}]}"#),
        ("l.conflist", br#"{"cniVersion":"1.0.0","name":"l","plugins":[{"type":"bridge","ipam":["host-local"]}]}"#),
        ("m.conf", br#"{"cniVersion":"1.0.0","name":"m","type":"bridge","capabilities":{"mac":1}}"#),
        ("n.conf", br#"{"cniVersion":"1.0.0","name":7,"type":"bridge"}"#),
        ("o.json", br#"{"cniVersion":["1.0.0"],"name":"o","type":"bridge"}"#),
        // Nulls leave a field unset, and fields libcni does not decode are the plugin's.
        ("p.conflist", br#"{"cniVersion":"1.0.0","name":"p","plugins":[{"type":"bridge","capabilities":{"mac":null},"dns":null,"ipam":null,"mtu":"9001","name":null}]}"#),
        ("q.conf", br#"{"cniVersion":"1.0.0","name":"q","type":"bridge","ipam":{"type":"host-local","ranges":"any"},"prevResult":null}"#),
    ]);
}

/// Item 3: Go matches a struct's field names in any case, so a plugin's "Type" (or "IPAM",
/// or "Capabilities" with a wrong type) counts; the list around it is a map, matched
/// exactly, so a list's "Name" is no name.
#[test]
fn plugin_keys_match_in_any_case_list_keys_exactly() {
    agree(&[
        ("a.conflist", br#"{"cniVersion":"1.0.0","name":"a","plugins":[{"Type":"loopback"}]}"#),
        ("b.conflist", br#"{"cniVersion":"1.0.0","name":"b","plugins":[{"TYPE":"bridge","IPAM":{"tYpE":"host-local"}}]}"#),
        ("c.conflist", br#"{"cniVersion":"1.0.0","name":"c","plugins":[{"type":"bridge","Capabilities":{"ips":"yes"}}]}"#),
        ("d.conflist", br#"{"cniVersion":"1.0.0","Name":"d","plugins":[{"type":"loopback"}]}"#),
        ("e.conf", br#"{"CNIVersion":"0.4.0","NAME":"e","Type":"bridge"}"#),
        ("f.conflist", br#"{"cniVersion":"1.0.0","name":"f","plugins":[{"Type":"loopback","type":null}]}"#),
        ("g.conflist", br#"{"cniVersion":"1.0.0","name":"g","plugins":[{"TYPE":"first","type":"second"}]}"#),
        // U+017F (long s) folds to "s" in Go, so this names "capabilities".
        ("h.conflist", "{\"cniVersion\":\"1.0.0\",\"name\":\"h\",\"plugins\":[{\"type\":\"a\",\"capabilitie\u{17F}\":{\"x\":\"y\"}}]}".as_bytes()),
        ("i.conflist", br#"{"cniVersion":"1.0.0","name":"i","plugins":[{"type":"a","types":5}]}"#),
    ]);
}

/// Item 4: Go reads invalid UTF-8 and lone surrogate escapes in strings as U+FFFD.
#[test]
fn invalid_utf8_and_lone_surrogates_load_with_the_replacement_character() {
    let verdicts = agree(&[
        ("a.conflist", b"{\"cniVersion\":\"1.0.0\",\"name\":\"a\xff\",\"plugins\":[{\"type\":\"loopback\"}]}"),
        ("b.conflist", br#"{"cniVersion":"1.0.0","name":"b\ud800","plugins":[{"type":"loopback","x":"\udc00"}]}"#),
        ("c.conf", b"{\"cniVersion\":\"1.0.0\",\"name\":\"c\",\"type\":\"bridge\",\"k\xc3\":1}"),
        ("d.conflist", br#"{"cniVersion":"1.0.0","name":"d\ud83d\ude00","plugins":[{"type":"loopback"}]}"#),
        // Outside a string, a bad byte is a syntax error in both.
        ("e.conflist", b"{\"cniVersion\":\"1.0.0\",\xff\"name\":\"e\",\"plugins\":[{\"type\":\"loopback\"}]}"),
    ]);
    if let Some((_, Ok(first))) = verdicts.first() {
        assert_eq!(first["name"], "a\u{FFFD}");
    }
}

/// Item 5: a trailing comma is reported at the comma, and errors about a key or an object
/// name its line and column.
#[test]
fn errors_name_the_line_and_column_of_what_they_are_about() {
    let d = Dir::new();
    let cases = [
        ("a.conflist", "{\n  \"name\": \"a\",\n  \"plugins\": [\n    {\"type\": \"x\"},\n  ]\n}\n", "4:18", "trailing comma"),
        ("b.conflist", "{\n  \"cniVersion\": \"1.0.0\",\n  \"plugins\": [{\"type\": \"x\"}]\n}\n", "1:1", "no \"name\""),
        ("c.conflist", "{\n  \"name\": \"c\",\n  \"plugins\": [\n    {\"type\": \"x\"},\n    {\"mtu\": 1}\n  ]\n}\n", "5:5", "plugins[1] has no \"type\""),
        ("d.conf", "{\n  \"name\": \"d\",\n  \"plugins\": [{\"type\": \"x\"}]\n}\n", "3:3", "rename it to .conflist"),
        ("e.conflist", "{\n  \"name\": \"e\",\n  \"plugins\": [{\"type\": \"x\",\n    \"capabilities\": {\"ips\": \"true\"}}]\n}\n", "4:22", "\"capabilities.ips\" must be true or false"),
    ];
    for (name, text, at, what) in cases {
        let file = d.write(name, text);
        let out = d.cnictl().args(["conf", "show"]).arg(file.to_string_lossy().as_ref()).expect(2);
        let message = out.json()["error"]["message"].as_str().unwrap().to_string();
        let prefix = format!("{}:{at}: ", file.display());
        assert!(message.starts_with(&prefix), "{name}: expected {prefix:?}: {message}");
        assert!(message.contains(what), "{name}: {message}");
    }
}
