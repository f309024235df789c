//! The `conf` commands run as an unprivileged user (`nobody` when the tests run as root).

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::Path;

use serde_json::Value;

use super::{codes, counts, list, pairs, picked, some, statuses, Dir};
use crate::util::{Cnictl, Output};

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
