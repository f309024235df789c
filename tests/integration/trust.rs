//! Nothing cnictl reads or is given can make it hang, abort or eat memory: configuration
//! files are regular files of bounded size, durations have a documented range.

use std::path::Path;
use std::process::Command;

use crate::util::{cnictl_bin, Output};

/// Runs cnictl with a hard limit of 20 s, so a regression that hangs fails instead of
/// stalling the suite.
fn bounded(args: &[&str], conf_dir: &Path) -> Output {
    let out = Command::new("timeout")
        .args(["-s", "KILL", "20"])
        .arg(cnictl_bin())
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("NO_COLOR", "1")
        .env("NETCONFPATH", conf_dir)
        .env("CNI_PATH", "/usr/lib/cni")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let out = Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert_ne!(out.code, -1, "cnictl {args:?} was killed after 20 s:\n{}", out.stderr);
    assert_ne!(out.code, 137, "cnictl {args:?} was killed after 20 s:\n{}", out.stderr);
    out
}

fn conf_dir() -> tempfile::TempDir {
    let dir = tempfile::Builder::new().prefix("cnictl-trust-").tempdir().unwrap();
    let list = r#"{"cniVersion":"1.0.0","name":"good","plugins":[{"type":"loopback"}]}"#;
    std::fs::write(dir.path().join("20-good.conflist"), list).unwrap();
    dir
}

#[test]
fn timeouts_out_of_range_are_refused_not_a_panic() {
    let dir = conf_dir();
    for bad in ["1e20", "9e15h", "18446744073709551615", "1e-12", "25h"] {
        let out = bounded(&["--timeout", bad, "conf", "ls", "--offline"], dir.path());
        assert_eq!(out.code, 2, "--timeout {bad}: {}", out.stderr);
        assert!(out.stderr.contains("--timeout"), "{}", out.stderr);
        assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    }
    let out = bounded(&["--timeout", "24h", "conf", "ls", "--offline"], dir.path());
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn a_fifo_among_the_configurations_hangs_nothing() {
    let dir = conf_dir();
    let fifo = dir.path().join("10-pipe.conflist");
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::from_bits_truncate(0o644)).unwrap();
    let fifo_arg = fifo.to_string_lossy().into_owned();

    // conf ls reports it as a file that does not load, and goes on.
    let out = bounded(&["-o", "json", "conf", "ls", "--offline"], dir.path());
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report = out.json();
    let pipe = &report["files"][0];
    assert_eq!(pipe["status"], "invalid", "{report:#}");
    assert!(pipe["reason"].as_str().unwrap().contains("a FIFO"), "{report:#}");

    // Named on the command line: a configuration error naming it.
    let out = bounded(&["conf", "lint", &fifo_arg], dir.path());
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("a FIFO"), "{}", out.stdout);
    for args in [vec!["conf", "show", &fifo_arg], vec!["version", &fifo_arg]] {
        let out = bounded(&args, dir.path());
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains(&fifo_arg) && out.stderr.contains("a FIFO"), "{}", out.stderr);
    }
    // A lookup by name stops at it, as libcni's stops at any file that does not load.
    let out = bounded(&["conf", "show", "good"], dir.path());
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("10-pipe.conflist"), "{}", out.stderr);
}

#[test]
fn a_device_or_an_oversized_file_is_refused_with_its_name() {
    let dir = conf_dir();
    let zero = dir.path().join("05-zero.conflist");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let zero_arg = zero.to_string_lossy().into_owned();
    let out = bounded(&["conf", "show", &zero_arg], dir.path());
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains(&zero_arg) && out.stderr.contains("a device"), "{}", out.stderr);
    std::fs::remove_file(&zero).unwrap();

    // Two MiB of valid JSON: over the limit, refused before it is parsed.
    let big = dir.path().join("06-big.conflist");
    let padding = "x".repeat(2 * 1024 * 1024);
    let text = format!(
        r#"{{"cniVersion":"1.0.0","name":"big","pad":"{padding}","plugins":[{{"type":"loopback"}}]}}"#
    );
    std::fs::write(&big, text).unwrap();
    let big_arg = big.to_string_lossy().into_owned();
    let out = bounded(&["conf", "show", &big_arg], dir.path());
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains(&big_arg) && out.stderr.contains("1024 KiB"), "{}", out.stderr);
    // A file just under the limit still loads.
    let padding = "x".repeat(1000 * 1024);
    let text = format!(
        r#"{{"cniVersion":"1.0.0","name":"big","pad":"{padding}","plugins":[{{"type":"loopback"}}]}}"#
    );
    std::fs::write(&big, text).unwrap();
    let out = bounded(&["conf", "show", &big_arg], dir.path());
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn missing_directories_are_errors_that_name_them() {
    let dir = conf_dir();
    let gone = dir.path().join("gone");
    let gone_arg = gone.to_string_lossy().into_owned();
    let out = bounded(&["--cni-conf-dir", &gone_arg, "conf", "ls"], dir.path());
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(
        out.stderr.contains(&gone_arg) && out.stderr.contains("does not exist"),
        "{}",
        out.stderr
    );
    let out = bounded(&["--cache-dir", &gone_arg, "cache", "ls"], dir.path());
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(
        out.stderr.contains(&gone_arg) && out.stderr.contains("does not exist"),
        "{}",
        out.stderr
    );
    let out = bounded(&["conf", "lint", &gone_arg], dir.path());
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(
        out.stderr.contains(&gone_arg) && out.stderr.contains("No such file"),
        "{}",
        out.stderr
    );
    let out = bounded(&["inspect", &gone_arg], dir.path());
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(
        out.stderr.contains(&gone_arg) && out.stderr.contains("does not exist"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_plugin_type_that_is_a_path_is_a_configuration_error_when_read() {
    let dir = conf_dir();
    let list = r#"{"cniVersion":"1.0.0","name":"evil","plugins":[{"type":"../../bin/sh"}]}"#;
    std::fs::write(dir.path().join("10-evil.conflist"), list).unwrap();
    let out = bounded(&["conf", "show", "evil"], dir.path());
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("10-evil.conflist"), "{}", out.stderr);
    assert!(out.stderr.contains("not a bare binary name"), "{}", out.stderr);
    let out = bounded(&["-o", "json", "conf", "ls", "--offline"], dir.path());
    let report = out.json();
    assert_eq!(report["files"][0]["status"], "invalid", "{report:#}");
}

#[test]
fn a_world_writable_plugin_dir_is_warned_about_even_when_sticky() {
    let dir = conf_dir();
    let bin = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/usr/lib/cni/loopback", bin.path().join("loopback")).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(bin.path(), std::fs::Permissions::from_mode(0o1777)).unwrap();
    let bin_arg = bin.path().to_string_lossy().into_owned();
    let out = bounded(&["--cni-bin-dir", &bin_arg, "-o", "json", "conf", "lint"], dir.path());
    let report = out.json();
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"world-writable"), "{report:#}");

    // A plugin anyone may replace, in a directory only root may write.
    std::fs::set_permissions(bin.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::remove_file(bin.path().join("loopback")).unwrap();
    let plugin = bin.path().join("loopback");
    std::fs::copy("/usr/lib/cni/loopback", &plugin).unwrap();
    std::fs::set_permissions(&plugin, std::fs::Permissions::from_mode(0o777)).unwrap();
    let out = bounded(&["--cni-bin-dir", &bin_arg, "-o", "json", "conf", "lint"], dir.path());
    let report = out.json();
    let flagged: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "world-writable")
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(flagged, [plugin.to_string_lossy().as_ref()], "{report:#}");
}

#[test]
fn terminal_escapes_in_names_and_messages_are_never_printed_raw() {
    let dir = conf_dir();
    let name = "rl\u{1b}]0;pwned\u{7}x";
    let list =
        serde_json::json!({"cniVersion": "1.0.0", "name": name, "plugins": [{"type": "loopback"}]});
    std::fs::write(dir.path().join("10-esc.conflist"), list.to_string()).unwrap();
    for args in [
        vec!["conf", "ls", "--offline"],
        vec!["conf", "show", name],
        vec!["-o", "name", "conf", "ls"],
    ] {
        for color in ["never", "always"] {
            let mut all = vec!["--color", color];
            all.extend(&args);
            let out = bounded(&all, dir.path());
            assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
            assert!(!out.stdout.contains("\u{7}"), "{args:?} {color}: a raw BEL");
            assert!(!out.stdout.contains("\u{1b}]"), "{args:?} {color}: a raw OSC");
            assert!(out.stdout.contains("rl\\x1B]0;pwned\\x07x"), "{args:?}: {}", out.stdout);
        }
    }
    // A lookup that fails names the network in the error, escaped too.
    let out = bounded(&["conf", "show", "nope\u{1b}[2J"], dir.path());
    assert!(!out.stderr.contains('\u{1b}'), "{}", out.stderr);
    // JSON keeps the exact bytes.
    let out = bounded(&["-o", "json", "conf", "show", name], dir.path());
    assert_eq!(out.json()["config"]["network"], name);
}
