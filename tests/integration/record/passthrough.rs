//! The shim is invisible: the runtime gets the plugin's stdout, stderr and exit status
//! (death by signal too) byte for byte, and the plugin gets the runtime's stdin, environment
//! and arguments, whatever happens to the log.

use serde_json::{json, Value};

use super::{cni_env, Rec};
use crate::util::{cnictl_bin, root_or_skip};

#[test]
fn stdout_stderr_exit_status_stdin_and_env_are_the_plugins_own() {
    let rec = Rec::new();
    rec.fixture("fx");
    rec.link("cat", "/bin/cat");
    rec.link("env", "/usr/bin/env");
    rec.install(&[]);
    let seen = rec.path("seen");
    let conf = json!({
        "cniVersion": "1.0.0", "name": "passnet", "type": "fx",
        "behaviour": "exit:3", "stderrLog": "a warning\non two lines",
        "recordDir": seen, "password": "hunter2",
    });
    let stdin = format!("{conf}\n  ");
    let env = cni_env("ADD", &[("CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAME=p"), ("ODD", "é\t")]);
    let (direct, shimmed) = rec.both("fx", &env, stdin.as_bytes());
    assert_eq!(direct.code, Some(3));
    assert_eq!(shimmed, direct);

    // What the plugin itself saw, both times: the same stdin, CNI_* variables and argv[0].
    let calls = std::fs::read_to_string(seen.join("calls.jsonl")).unwrap();
    let mut calls: Vec<Value> = calls.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    for call in &mut calls {
        call.as_object_mut().unwrap().remove("pid");
    }
    assert_eq!(calls.len(), 2);
    assert_eq!(calls[0], calls[1]);
    assert_eq!(calls[1]["stdin"]["password"], "hunter2", "the plugin gets the secret");

    // The whole environment, and arbitrary bytes on stdin (more than a pipe holds).
    let (direct, shimmed) = rec.both("env", &env, b"");
    assert!(String::from_utf8_lossy(&direct.stdout).contains("ODD=é\t\n"));
    assert_eq!(shimmed, direct);
    let bytes: Vec<u8> = (0..300_000u32).map(|n| (n * 7 % 251) as u8).collect();
    let (direct, shimmed) = rec.both("cat", &env, &bytes);
    assert_eq!(direct.stdout, bytes);
    assert_eq!(shimmed, direct);

    // Death by a signal is passed on as death by the same signal.
    let crash =
        json!({"cniVersion": "1.0.0", "name": "passnet", "type": "fx", "behaviour": "crash"});
    let (direct, shimmed) = rec.both("fx", &env, crash.to_string().as_bytes());
    assert_eq!(direct.signal, Some(6));
    assert_eq!(shimmed, direct);

    let records = rec.records();
    assert_eq!(records.len(), 4, "{records:#?}");
    let fx = &records[0];
    assert_eq!(fx["command"], "ADD");
    assert_eq!(fx["plugin"], "fx");
    assert_eq!(fx["network"], "passnet");
    assert_eq!(fx["containerId"], "c0ffee");
    assert_eq!(fx["ifname"], "eth0");
    assert_eq!(fx["exit"], json!({"kind": "code", "code": 3}));
    assert_eq!(fx["stderr"]["text"], "a warning\non two lines\nfixture: exiting with 3\n");
    assert_eq!(fx["env"]["CNI_ARGS"], "IgnoreUnknown=1;K8S_POD_NAME=p");
    assert_eq!(fx["env"]["ODD"], "é\t");
    assert_eq!(fx["path"], rec.path("bin/fx").to_string_lossy().as_ref());
    assert_eq!(fx["sha256"].as_str().map(str::len), Some(64));
    // Redaction is on by default: the log holds no secret, and says what it masked.
    assert_eq!(fx["redacted"], json!(["/password"]));
    let logged: Value = serde_json::from_str(fx["stdin"]["text"].as_str().unwrap()).unwrap();
    assert_eq!(logged["password"], "<redacted>");
    assert_eq!(fx["stdin"]["bytes"], stdin.len());
    let log = std::fs::read_to_string(rec.path("log/calls.ndjson")).unwrap();
    assert!(!log.contains("hunter2"));
    let cat = &records[2];
    assert_eq!(cat["stdin"]["bytes"], 300_000);
    assert!(cat["stdin"]["base64"].is_string(), "binary stdin is kept as base64");
    assert_eq!(records[3]["exit"]["kind"], "signal");
    assert_eq!(records[3]["exit"]["name"], "SIGABRT");
}

#[test]
fn without_redaction_the_log_keeps_the_secret() {
    let rec = Rec::new();
    rec.link("cat", "/bin/cat");
    rec.install(&["--no-redact"]);
    let stdin = br#"{"name":"n","apiToken":"t0k"}"#;
    let (direct, shimmed) = rec.both("cat", &cni_env("ADD", &[]), stdin);
    assert_eq!(shimmed, direct);
    let records = rec.records();
    assert_eq!(records[0]["stdin"]["text"], String::from_utf8_lossy(stdin).as_ref());
    assert!(records[0].get("redacted").is_none());
}

#[test]
fn a_stream_past_the_cap_is_cut_in_the_log_but_not_on_the_way() {
    let rec = Rec::new();
    rec.link("cat", "/bin/cat");
    rec.install(&["--stream-cap", "1K"]);
    let bytes = "0123456789".repeat(1024);
    let (direct, shimmed) = rec.both("cat", &cni_env("ADD", &[]), bytes.as_bytes());
    assert_eq!(shimmed.stdout.len(), 10_240);
    assert_eq!(shimmed, direct);
    let record = &rec.records()[0];
    assert_eq!(record["stdout"]["bytes"], 10_240);
    assert_eq!(record["stdout"]["truncated"], true);
    assert_eq!(record["stdout"]["text"].as_str().unwrap().len(), 1024);
    assert_eq!(record["stdin"]["truncated"], true);
}

#[test]
fn a_read_only_or_missing_log_dir_changes_nothing_for_the_runtime() {
    if !root_or_skip("a_read_only_or_missing_log_dir_changes_nothing_for_the_runtime") {
        return;
    }
    let rec = Rec::new();
    rec.fixture("fx");
    rec.install(&[]);
    let env = cni_env("ADD", &[]);
    let stdin = json!({"cniVersion": "1.0.0", "name": "ro", "type": "fx", "stderrLog": "w"});
    let stdin = stdin.to_string();
    let direct = rec.run(&rec.path("bin/fx"), &env, stdin.as_bytes());
    // The log dir read-only, in a mount namespace of this call's own.
    let log = rec.path("log");
    let script = r#"mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && exec "$2""#;
    let wrapper = rec.path("ro-wrapper");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\nexec unshare -m sh -c '{script}' sh {} {}\n",
            log.display(),
            rec.path("shim/fx").display()
        ),
    )
    .unwrap();
    let executable = std::os::unix::fs::PermissionsExt::from_mode(0o755);
    std::fs::set_permissions(&wrapper, executable).unwrap();
    let read_only = rec.run(&wrapper, &env, stdin.as_bytes());
    assert_eq!(read_only, direct);
    assert!(rec.records().is_empty(), "nothing could be logged");
    let problems = rec.path("shim/.cnictl-record-problems.log");
    let note = std::fs::read_to_string(&problems).unwrap();
    assert!(note.contains("cannot log ADD fx") && note.contains("Read-only"), "{note}");

    std::fs::remove_dir_all(&log).unwrap();
    let missing = rec.run(&rec.path("shim/fx"), &env, stdin.as_bytes());
    assert_eq!(missing, direct);
    let note = std::fs::read_to_string(&problems).unwrap();
    assert!(note.contains("No such file or directory"), "{note}");
}

#[test]
fn eight_concurrent_calls_leave_eight_whole_records() {
    let rec = Rec::new();
    rec.fixture("fx");
    rec.install(&[]);
    let big = "x".repeat(200_000);
    let outs: Vec<(usize, super::Ran)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|n| {
                let (rec, big) = (&rec, &big);
                s.spawn(move || {
                    let stdin = json!({
                        "cniVersion": "1.0.0", "name": format!("net{n}"), "type": "fx",
                        "behaviour": "result", "result": {"n": n, "big": big},
                    });
                    let env = cni_env("ADD", &[]);
                    (n, rec.run(&rec.path("shim/fx"), &env, stdin.to_string().as_bytes()))
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (n, out) in &outs {
        let result: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(result["n"], *n);
    }
    let records = rec.records();
    assert_eq!(records.len(), 8);
    let mut seen: Vec<u64> = records
        .iter()
        .map(|r| {
            let result: Value =
                serde_json::from_str(r["stdout"]["text"].as_str().unwrap()).unwrap();
            assert_eq!(result["big"].as_str().map(str::len), Some(200_000));
            assert_eq!(r["network"], format!("net{}", result["n"]));
            result["n"].as_u64().unwrap()
        })
        .collect();
    seen.sort();
    assert_eq!(seen, (0..8).collect::<Vec<u64>>());
}

#[test]
fn a_shim_never_runs_itself_as_the_plugin() {
    let rec = Rec::new();
    // A "plugin" that is cnictl itself, as a second shim dir without its marker would be.
    rec.link("loop", &cnictl_bin().to_string_lossy());
    rec.fixture("fx");
    rec.install(&[]);
    let out = rec.run(&rec.path("shim/loop"), &cni_env("ADD", &[]), b"{}");
    assert_eq!(out.code, Some(1));
    let error: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(error["code"], 999);
    assert!(error["msg"].as_str().unwrap().contains("failed to find plugin \"loop\""), "{error}");
    assert!(out.stderr.is_empty());
    let records = rec.records();
    assert_eq!(records[0]["exit"]["kind"], "spawnFailed");
}
