//! The help text: every command's `--help` ends with examples that parse, every argument
//! says what it is, usage lines do not show options the environment supplied as required,
//! `cnictl completion` prints working scripts whose dynamic completion names networks,
//! namespaces and cache entries, and the man pages name only pages that exist.

use std::path::Path;
use std::process::Command;

use crate::util::{cnictl, cnictl_bin, root_or_skip, Netns};

/// Every command a user can reach, with its path after `cnictl` ("" for cnictl itself):
/// not clap's `help`, not the hidden ones.
fn commands() -> Vec<(String, clap::Command)> {
    fn walk(cmd: &clap::Command, path: &str, out: &mut Vec<(String, clap::Command)>) {
        out.push((path.to_string(), cmd.clone()));
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
            let sub_path = if path.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{path} {}", sub.get_name())
            };
            walk(sub, &sub_path, out);
        }
    }
    let mut cmd = cnictl::cli::command();
    cmd.build();
    let mut out = Vec::new();
    walk(&cmd, "", &mut out);
    out
}

fn words(path: &str) -> Vec<&str> {
    path.split_whitespace().collect()
}

#[test]
fn every_help_ends_with_examples() {
    for (path, _) in commands() {
        let out = cnictl().args(words(&path)).arg("--help").expect(0);
        let (_, block) = out
            .stdout
            .rsplit_once("\nExamples:\n")
            .unwrap_or_else(|| panic!("`cnictl {path} --help` has no Examples block"));
        let mut commands = 0;
        for line in block.lines().filter(|l| !l.trim().is_empty()) {
            if line.starts_with("  cnictl ") {
                commands += 1;
            } else {
                assert!(
                    line.starts_with("  # "),
                    "`cnictl {path} --help`: the Examples block is not last, or {line:?} is \
                     neither `  # what` nor `  cnictl ...`"
                );
            }
        }
        let wanted = if path.is_empty() { 2..=4 } else { 2..=3 };
        assert!(wanted.contains(&commands), "`cnictl {path} --help` has {commands} examples");
    }
}

#[test]
fn every_example_parses_as_its_command() {
    for (path, _) in commands() {
        for (what, example) in cnictl::cli::examples(&path) {
            assert!(example.starts_with("cnictl "), "{example}");
            let args: Vec<&str> = example.split_whitespace().collect();
            let matches = cnictl::cli::command()
                .try_get_matches_from(&args)
                .unwrap_or_else(|e| panic!("example {what:?} of `{path}` does not parse: {e}"));
            let mut reached = Vec::new();
            let mut m = &matches;
            while let Some((name, sub)) = m.subcommand() {
                reached.push(name);
                m = sub;
            }
            assert!(
                reached.join(" ").starts_with(&path),
                "example {example:?} is listed under `{path}` but runs `{}`",
                reached.join(" ")
            );
        }
    }
}

#[test]
fn every_argument_has_help() {
    let mut missing = Vec::new();
    for (path, cmd) in commands() {
        for arg in cmd.get_arguments() {
            if matches!(arg.get_id().as_str(), "help" | "version") {
                continue;
            }
            let help = arg.get_help().or(arg.get_long_help()).map(|h| h.to_string());
            if help.is_none_or(|h| h.trim().is_empty()) {
                let name = match arg.get_long() {
                    Some(long) => format!("--{long}"),
                    None => format!("<{}>", arg.get_id().as_str().to_uppercase()),
                };
                missing.push(format!("cnictl {path} {name}"));
            }
        }
    }
    assert!(missing.is_empty(), "arguments without help text:\n{}", missing.join("\n"));
}

#[test]
fn every_completer_names_an_argument_that_exists() {
    let commands = commands();
    for (path, id, _) in cnictl::cli::COMPLETERS {
        let (_, cmd) = commands
            .iter()
            .find(|(p, _)| p == path)
            .unwrap_or_else(|| panic!("no command `{path}`"));
        assert!(
            cmd.get_arguments().any(|a| a.get_id() == *id),
            "`cnictl {path}` has no argument {id}"
        );
    }
}

#[test]
fn usage_does_not_show_options_from_the_environment_as_required() {
    let with_env = || {
        cnictl()
            .env("NETCONFPATH", "/tmp/net.d")
            .env("CNI_PATH", "/opt/cni/bin")
            .env("CNI_IFNAME", "net1")
    };
    for out in [cnictl().arg("add").expect(2), with_env().arg("add").expect(2)] {
        assert!(out.stderr.contains("\nUsage: cnictl add <NETWORK> <NETNS>\n"), "{}", out.stderr);
    }
    let help = with_env().args(["add", "--help"]).expect(0).stdout;
    assert!(help.contains("\nUsage: cnictl add [OPTIONS] <NETWORK> <NETNS>\n"), "{help}");
    assert!(help.contains("[env: NETCONFPATH=/tmp/net.d]"), "{help}");
}

#[test]
fn completion_prints_a_script_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = cnictl().args(["completion", shell]).expect(0).stdout;
        assert!(script.contains("COMPLETE"), "{shell}: not the dynamic script:\n{script}");
        let fixed = cnictl().args(["completion", "--static", shell]).expect(0).stdout;
        assert!(fixed.contains("cnictl"), "{shell}: empty static script");
    }
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/cnictl.bash");
    let fixed = cnictl().args(["completion", "--static", "bash"]).expect(0).stdout;
    assert_eq!(fixed, std::fs::read_to_string(committed).unwrap());
}

/// What clap_complete's bash protocol answers for `words`, the last being completed.
fn complete(words: &[&str], env: &[(&str, &str)]) -> Vec<String> {
    let mut run = cnictl()
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", words.len().to_string())
        .args(["--", "cnictl"])
        .args(words);
    for (key, value) in env {
        run = run.env(key, value);
    }
    run.expect(0).stdout.lines().map(str::to_string).collect()
}

fn conf_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let conflist = r#"{"cniVersion":"1.0.0","name":"alpha","plugins":[{"type":"bridge"}]}"#;
    std::fs::write(dir.path().join("10-alpha.conflist"), conflist).unwrap();
    let conf = r#"{"cniVersion":"1.0.0","name":"beta","type":"bridge"}"#;
    std::fs::write(dir.path().join("20-beta.conf"), conf).unwrap();
    std::fs::write(dir.path().join("30-broken.conf"), "{").unwrap();
    dir
}

#[test]
fn dynamic_completion_names_the_networks_of_the_conf_dir_in_effect() {
    let dir = conf_dir();
    let path = dir.path().to_string_lossy().into_owned();
    let by_flag = complete(&["--cni-conf-dir", &path, "add", ""], &[]);
    for name in ["alpha", "beta"] {
        assert!(by_flag.contains(&name.to_string()), "{by_flag:?}");
    }
    let by_env = complete(&["run", "a"], &[("NETCONFPATH", &path)]);
    assert_eq!(by_env, ["alpha"]);
    let conf_show = complete(&["conf", "show", "b"], &[("NETCONFPATH", &path)]);
    assert_eq!(conf_show, ["beta"]);
}

#[test]
fn bash_completes_network_names_after_sourcing_the_completion_script() {
    let dir = conf_dir();
    let script = cnictl().args(["completion", "bash"]).expect(0).stdout;
    let script_file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(script_file.path(), script).unwrap();
    let program = format!(
        "source {}; COMP_WORDS=(cnictl version al); COMP_CWORD=2; COMP_TYPE=9; \
         _clap_complete_cnictl cnictl al version; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script_file.path().display()
    );
    let out = Command::new("bash")
        .args(["--norc", "-c", &program])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("NETCONFPATH", dir.path())
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(stdout.split_whitespace().collect::<Vec<_>>(), ["alpha"], "{stdout}");
    assert!(cnictl_bin().is_absolute());
}

#[test]
fn dynamic_completion_names_cache_entries() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("results")).unwrap();
    for name in ["mynet-4f2a-eth0", "mynet-4f2a-net1", "other-77-eth0"] {
        std::fs::write(dir.path().join("results").join(name), "{}").unwrap();
    }
    let root = dir.path().to_string_lossy().into_owned();
    let shown = complete(&["--cache-dir", &root, "cache", "show", "my"], &[]);
    assert_eq!(shown, ["mynet-4f2a-eth0", "mynet-4f2a-net1"]);
    let removed = complete(&["cache", "rm", "--cache-dir", &root, "mynet-4f2a-eth0", "o"], &[]);
    assert_eq!(removed, ["other-77-eth0"]);
}

#[test]
fn dynamic_completion_names_namespaces() {
    if !root_or_skip("dynamic_completion_names_namespaces") {
        return;
    }
    let ns = Netns::new("complete");
    let prefix = &ns.name[..ns.name.len() - 3];
    for words in
        [vec!["inspect", prefix], vec!["add", "mynet", prefix], vec!["netns", "rm", prefix]]
    {
        let got = complete(&words, &[]);
        assert!(got.contains(&ns.name), "{words:?}: {got:?}");
    }
}

#[test]
fn man_pages_name_only_pages_that_exist() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let page = entry.unwrap().path();
        let source = std::fs::read_to_string(&page).unwrap();
        let plain = source.replace("\\fB", "").replace("\\fR", "").replace("\\-", "-");
        let named: Vec<&str> = plain
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter_map(|word| word.strip_suffix("(1)"))
            .collect();
        assert!(
            !named.is_empty() || page.ends_with("cnictl.1"),
            "{} names no page",
            page.display()
        );
        for name in named {
            assert!(
                dir.join(format!("{name}.1")).is_file(),
                "{} names {name}(1), which does not exist",
                page.display()
            );
        }
        if page.file_name().unwrap() != "cnictl.1" {
            assert!(source.contains(".SH \"SEE ALSO\""), "{} has no SEE ALSO", page.display());
        }
    }
}
