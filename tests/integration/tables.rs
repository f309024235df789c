//! Tables that a script can read: piped output keeps every cell whole on one line, a
//! terminal of known width (`COLUMNS`, under `script`) gets fitted tables that never split
//! a file name, a terminal of 0 columns gets rows unwrapped, and `--no-headers` and
//! `-o name` hold for every listing. None of this needs root.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use serde_json::json;

use crate::util::{cnictl, cnictl_bin, Cnictl};

/// The file name that `conf ls | grep` could not find when tables wrapped at 120 columns.
const DOCS: &str = "cni-plugins-docs--tuning-sysctl.conf";

/// A conf dir and a cache dir in a temporary directory.
struct Dir {
    tmp: tempfile::TempDir,
}

impl Dir {
    fn new() -> Dir {
        let tmp = tempfile::Builder::new().prefix("cnictl-tables-").tempdir().unwrap();
        fs::create_dir(tmp.path().join("conf")).unwrap();
        Dir { tmp }
    }

    fn path(&self, sub: &str) -> PathBuf {
        self.tmp.path().join(sub)
    }

    /// Writes a single-plugin file (`.conf`) or a list of these plugin types.
    fn conf(&self, file: &str, network: &str, types: &[&str]) {
        let text = if file.ends_with(".conflist") {
            let plugins: Vec<_> = types.iter().map(|t| json!({"type": t})).collect();
            json!({"cniVersion": "1.0.0", "name": network, "plugins": plugins})
        } else {
            json!({"cniVersion": "1.0.0", "name": network, "type": types[0]})
        };
        fs::write(self.path("conf").join(file), text.to_string()).unwrap();
    }

    /// Writes a libcni cache entry, named as libcni names it; returns that name.
    fn cache_entry(&self, network: &str, id: &str, ifname: &str) -> String {
        let dir = self.path("cache").join("results");
        fs::create_dir_all(&dir).unwrap();
        let name = format!("{network}-{id}-{ifname}");
        let entry = json!({
            "kind": "cniCacheV1", "containerId": id, "config": "", "ifName": ifname,
            "networkName": network,
            "result": {"cniVersion": "1.0.0", "interfaces": [{"name": ifname}],
                       "ips": [{"address": "10.1.0.5/24", "interface": 0}]}
        });
        fs::write(dir.join(&name), entry.to_string()).unwrap();
        name
    }

    fn dirs(&self) -> Vec<String> {
        vec![
            "--cni-conf-dir".into(),
            self.path("conf").to_string_lossy().into_owned(),
            "--cache-dir".into(),
            self.path("cache").to_string_lossy().into_owned(),
        ]
    }

    /// cnictl with this world's dirs, stdout a pipe.
    fn cnictl(&self) -> Cnictl {
        cnictl().args(self.dirs())
    }

    /// cnictl with these arguments at a terminal (`script` gives it a pty), with `COLUMNS`
    /// set when given and `setup` run first in the same shell (`stty cols 0`). Returns the
    /// lines of stdout, the pty's `\r` removed.
    fn at_terminal(&self, columns: Option<&str>, setup: &str, args: &[&str]) -> Vec<String> {
        let mut argv = vec![cnictl_bin().to_string_lossy().into_owned()];
        argv.extend(self.dirs());
        argv.extend(args.iter().map(|a| a.to_string()));
        let line = format!("{setup}{}", argv.join(" "));
        let mut cmd = Command::new("script");
        cmd.args(["-qfec", &line, "/dev/null"])
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("NO_COLOR", "1")
            .stdin(std::process::Stdio::null());
        if let Some(columns) = columns {
            cmd.env("COLUMNS", columns);
        }
        let out = cmd.output().expect("script runs (bsdutils)");
        let stdout = String::from_utf8_lossy(&out.stdout).replace('\r', "");
        assert!(out.status.success(), "{line} failed:\n{stdout}");
        stdout.lines().map(str::to_string).collect()
    }
}

fn lines_with<'a>(lines: &'a [String], needle: &str) -> Vec<&'a String> {
    lines.iter().filter(|l| l.contains(needle)).collect()
}

/// A file name is whole on each line that shows any of it, or cut with an ellipsis; never
/// broken across lines.
fn assert_never_split(lines: &[String], name: &str) {
    let (head, tail) = name.split_at(name.len() / 2);
    for line in lines.iter().filter(|l| l.contains(head) || l.contains(tail)) {
        assert!(line.contains(name) || line.contains('…'), "{name} split in:\n{lines:#?}");
    }
    assert!(lines.iter().any(|l| l.contains(name) || l.contains('…')), "{name} missing");
}

#[test]
fn piped_conf_ls_keeps_long_file_names_whole() {
    let d = Dir::new();
    d.conf(DOCS, "tuning", &["tuning"]);
    let long = format!("10-{}.conflist", "x".repeat(150 - 12));
    assert_eq!(long.len(), 150);
    d.conf(&long, "long", &["bridge", "tuning", "portmap", "firewall", "bandwidth"]);
    let out = d.cnictl().args(["conf", "ls", "--offline"]).expect(0).stdout;
    let lines: Vec<String> = out.lines().map(str::to_string).collect();
    for name in [DOCS, &long] {
        // One row, whole: the regression was `grep -c tuning-sysctl.conf` finding nothing.
        let rows = lines_with(&lines, name);
        assert!(!rows.is_empty(), "{name} not whole in:\n{out}");
        assert_never_split(&lines, name);
    }
    let row = lines_with(&lines, &long)[0];
    assert!(row.contains("bridge > tuning > portmap > firewall > bandwidth"), "{out}");
}

#[test]
fn piped_cache_ls_keeps_long_container_ids_and_shows_the_entry_name() {
    let d = Dir::new();
    let id = "c0ffee".repeat(20);
    let name = d.cache_entry("net", &id, "eth0");
    let out = d.cnictl().args(["cache", "ls"]).expect(0).stdout;
    let lines: Vec<String> = out.lines().map(str::to_string).collect();
    let rows = lines_with(&lines, &name);
    assert_eq!(rows.len(), 1, "the entry name is a column:\n{out}");
    // The id twice on the row: inside the name, and as the container.
    assert_eq!(rows[0].matches(&id).count(), 2, "{out}");
    assert!(lines[1].trim_start().starts_with("name"), "{out}");
}

#[test]
fn a_narrow_terminal_fits_tables_without_splitting_file_names() {
    let d = Dir::new();
    d.conf("a.conflist", "n", &["bridge", "tuning", "portmap", "firewall"]);
    // The files table is 48 columns at the least (its kept cells, "firewall" and 13 columns
    // of padding), so 50 is as narrow as it can fit; the runtimes' table below holds words
    // too long for it.
    let lines = d.at_terminal(Some("50"), "", &["conf", "ls", "--offline", "--no-headers"]);
    let files = lines.iter().skip(1).take_while(|l| !l.is_empty());
    for line in files {
        assert!(line.chars().count() <= 50, "wider than 50:\n{}", lines.join("\n"));
    }
    assert!(lines[1].ends_with("bridge >   ok"), "the chain wraps:\n{}", lines.join("\n"));
    for plugin in ["bridge", "tuning", "portmap", "firewall"] {
        assert!(!lines_with(&lines, plugin).is_empty(), "{plugin} split:\n{lines:#?}");
    }
    assert!(lines[1].contains(" a.conflist "), "{lines:#?}");

    // Too long to fit: kept whole, or cut with an ellipsis, but never broken across lines.
    let d = Dir::new();
    d.conf(DOCS, "tuning", &["tuning"]);
    d.conf("a.conflist", "n", &["bridge", "tuning", "portmap", "firewall", "bandwidth"]);
    let lines = d.at_terminal(Some("40"), "", &["conf", "ls", "--offline"]);
    assert_never_split(&lines, DOCS);

    let d = Dir::new();
    let id = "c0ffee".repeat(20);
    let name = d.cache_entry("net", &id, "eth0");
    let lines = d.at_terminal(Some("40"), "", &["cache", "ls"]);
    assert_eq!(lines_with(&lines, &name).len(), 1, "{lines:#?}");
    assert_never_split(&lines, &id);
}

#[test]
fn a_terminal_of_0_columns_gets_rows_unwrapped() {
    let d = Dir::new();
    d.conf(DOCS, "tuning", &["tuning"]);
    d.conf("a.conflist", "n", &["bridge", "tuning", "portmap", "firewall", "bandwidth"]);
    let chain = "bridge > tuning > portmap > firewall > bandwidth";
    // COLUMNS=0, and a terminal that reports 0 columns (script's pty, stdin not a terminal).
    for (columns, setup) in [(Some("0"), ""), (None, "stty cols 0; ")] {
        let lines = d.at_terminal(columns, setup, &["conf", "ls", "--offline"]);
        let row = lines_with(&lines, "a.conflist");
        assert!(row[0].contains(chain), "{columns:?} {setup}:\n{}", lines.join("\n"));
        let header = lines.iter().find(|l| l.contains("format")).unwrap();
        assert!(header.contains("status"), "one header line:\n{}", lines.join("\n"));
    }
}

#[test]
fn no_headers_removes_the_header_row_of_every_listing() {
    let d = Dir::new();
    d.conf("a.conflist", "n", &["bridge"]);
    d.cache_entry("n", "c1", "eth0");
    for (args, header) in [
        (&["conf", "ls", "--offline"][..], "format"),
        (&["cache", "ls"][..], "container"),
        (&["netns", "ls"][..], "made by cnictl for"),
    ] {
        let with = d.cnictl().args(args).expect(0).stdout;
        assert!(with.contains(header), "{args:?}:\n{with}");
        let without = d.cnictl().args(args).arg("--no-headers").expect(0).stdout;
        assert!(!without.contains(header), "{args:?} --no-headers:\n{without}");
    }
}

#[test]
fn output_name_prints_one_name_a_line() {
    let d = Dir::new();
    d.conf("10-a.conflist", "alpha", &["bridge"]);
    d.conf(DOCS, "tuning", &["tuning"]);
    let out = d.cnictl().args(["-o", "name", "conf", "ls", "--offline"]).expect(0).stdout;
    assert_eq!(out, "alpha\ntuning\n");

    let d = Dir::new();
    let a = d.cache_entry("n", &"a".repeat(64), "eth0");
    let b = d.cache_entry("n", "b1", "net1");
    let out = d.cnictl().args(["-o", "name", "cache", "ls"]).expect(0).stdout;
    let mut names: Vec<&str> = out.lines().collect();
    names.sort_unstable();
    assert_eq!(names, [a.as_str(), b.as_str()]);
}

#[test]
fn output_name_on_a_command_that_lists_nothing_is_a_usage_error() {
    let d = Dir::new();
    d.conf("10-a.conflist", "alpha", &["bridge"]);
    let out = d.cnictl().args(["-o", "name", "conf", "show", "alpha"]).expect(2);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
}
