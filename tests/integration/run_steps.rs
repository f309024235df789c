//! `run` step by step: the order and details of its steps, the command inside the namespace
//! (run through the bounded process runner, shown shell-quoted, its exit told in words) and
//! `run -q`. Every run is sandboxed (`--sandbox`), with ptp and host-local on a subnet of
//! the test's own, so nothing reaches the node.

use serde_json::{json, Value};

use crate::util::{self, root_or_skip, World};

const NET: &str = "net";

/// The bounded capture keeps the first and last 64 KiB of a stream, and a marker line.
const KEPT: usize = 2 * 64 * 1024;

fn setup(test: &str, tag: &str) -> Option<World> {
    let world = root_or_skip(test).then(|| World::new(tag))?;
    let plugins = json!([{"type": "ptp", "ipMasq": false, "ipam": {
        "type": "host-local",
        "subnet": format!("{}.0/24", world.subnet_prefix),
        "routes": [{"dst": "0.0.0.0/0"}]
    }}]);
    let list = json!({"cniVersion": "1.0.0", "name": NET, "plugins": plugins});
    world.conf("10-net.conflist", &list.to_string());
    Some(world)
}

/// cnictl with the world's conf and bin dirs, on the node itself (the sandbox isolates it).
fn on_node(world: &World) -> util::Cnictl {
    util::cnictl()
        .env("NETCONFPATH", world.conf_dir().to_string_lossy())
        .env("CNI_PATH", world.bin_dirs())
}

/// `cnictl -o json run --sandbox NET -- argv...`, expecting `code`.
fn run_json(world: &World, code: i32, argv: &[&str]) -> (Value, Gone) {
    let out = on_node(world).args(["-o", "json", "run", "--sandbox", NET, "--"]).args(argv);
    let report = out.expect(code).json();
    let gone = Gone::of(&report);
    (report, gone)
}

/// Removes on drop the namespaces a report names, should a failed run have left them.
struct Gone(Vec<String>);

impl Gone {
    fn of(report: &Value) -> Gone {
        let names = [&report["netns"], &report["hostNetns"]]
            .iter()
            .filter_map(|v| v.as_str())
            .map(|p| p.rsplit('/').next().unwrap().to_string())
            .collect();
        Gone(names)
    }
}

impl Drop for Gone {
    fn drop(&mut self) {
        for name in &self.0 {
            if std::path::Path::new("/var/run/netns").join(name).exists() {
                let _ = util::cnictl().args(["netns", "rm", name]).run();
            }
        }
    }
}

fn steps(report: &Value) -> Vec<(&str, &str)> {
    let steps = report["steps"].as_array().expect("steps");
    steps.iter().map(|s| (s["name"].as_str().unwrap(), s["outcome"].as_str().unwrap())).collect()
}

fn detail<'a>(report: &'a Value, step: &str) -> &'a Value {
    let steps = report["steps"].as_array().expect("steps");
    &steps.iter().find(|s| s["name"] == step).unwrap_or_else(|| panic!("no {step}"))["detail"]
}

#[test]
fn a_clean_run_with_a_command_reports_every_step_in_order() {
    let Some(world) = setup("a_clean_run_with_a_command_reports_every_step", "rsord") else {
        return;
    };
    let (report, _gone) = run_json(&world, 0, &["true"]);
    let names = [
        "sandbox",
        "netns",
        "preflight",
        "add",
        "verify",
        "check",
        "command",
        "del",
        "leak-check",
        "cleanup",
    ];
    let expected: Vec<(&str, &str)> = names.iter().map(|n| (*n, "ok")).collect();
    assert_eq!(steps(&report), expected);
    assert_eq!(detail(&report, "add"), &json!(format!("{}.2/24", world.subnet_prefix)));
    assert_eq!(detail(&report, "verify"), "the namespace holds what the result claims");
    assert_eq!(detail(&report, "preflight"), "every plugin supports 1.0.0");
    assert_eq!(detail(&report, "command"), "true");
    assert!(detail(&report, "check").is_null() && detail(&report, "del").is_null());
    for chain in ["add", "check", "del"] {
        let plugins = report[chain].as_array().unwrap();
        assert_eq!(plugins.len(), 1, "{chain}: {plugins:?}");
        assert_eq!(plugins[0]["outcome"], "ok", "{chain}: {plugins:?}");
    }
    let cmd = &report["commandRun"];
    assert_eq!(cmd["exitCode"], 0, "{cmd}");
    assert_eq!((&cmd["stdoutBytes"], &cmd["stderrBytes"]), (&json!(0), &json!(0)), "{cmd}");
    assert!(report["error"].is_null(), "{}", report["error"]);
    assert!(report.get("quiet").is_none(), "quiet is for the table only");
}

#[test]
fn no_check_skips_check_but_not_the_command_or_del() {
    let Some(world) = setup("no_check_skips_check", "rsnck") else { return };
    let out = on_node(&world).args(["-o", "json", "run", "--sandbox", "--no-check", NET]);
    let report = out.args(["--", "true"]).expect(0).json();
    let _gone = Gone::of(&report);
    let got = steps(&report);
    let at = |name: &str| got.iter().position(|(n, _)| *n == name).unwrap();
    assert_eq!(got[at("check")], ("check", "skipped"));
    assert_eq!(detail(&report, "check"), "--no-check");
    assert!(at("verify") < at("check") && at("check") < at("command") && at("command") < at("del"));
    assert_eq!(report["check"], json!([]));
}

#[test]
fn ten_megabytes_on_the_commands_stdout_are_counted_and_bounded() {
    let Some(world) = setup("ten_megabytes_on_the_commands_stdout", "rsout") else { return };
    let (report, _gone) = run_json(&world, 0, &["sh", "-c", "head -c 10000000 /dev/zero"]);
    let cmd = &report["commandRun"];
    assert_eq!(cmd["exitCode"], 0);
    assert_eq!(cmd["stdoutBytes"], 10_000_000);
    let stdout = cmd["stdout"].as_str().unwrap();
    assert!(stdout.len() < KEPT + 100, "{} bytes kept", stdout.len());
    assert!(stdout.contains("\n[... 9,868,928 bytes cut by cnictl ...]\n"));
    assert!(steps(&report).contains(&("command", "ok")), "{:?}", steps(&report));
}

#[test]
fn a_command_flooding_stderr_is_bounded_and_the_table_says_it_was_cut() {
    let Some(world) = setup("a_command_flooding_stderr_is_bounded", "rserr") else { return };
    let script = "yes a-line-of-stderr | head -c 300000 >&2; echo done";
    let (report, _gone) = run_json(&world, 0, &["sh", "-c", script]);
    let cmd = &report["commandRun"];
    assert_eq!((&cmd["stderrBytes"], &cmd["stdoutBytes"]), (&json!(300_000), &json!(5)), "{cmd}");
    assert!(cmd["stderr"].as_str().unwrap().len() < KEPT + 100);
    assert_eq!(cmd["stdout"], "done\n");

    let out = on_node(&world).args(["run", "--sandbox", NET, "--", "sh", "-c", script]).expect(0);
    let note = "output cut (stderr 300000 bytes): the first and last 64 KiB kept";
    assert!(out.stdout.contains(note), "{}", out.stdout);
    assert!(out.stdout.lines().count() < 10_000, "the table holds the whole stream");
}

#[test]
fn the_command_line_is_shell_quoted_and_its_exit_is_told_in_words() {
    let Some(world) = setup("the_command_line_is_shell_quoted", "rsquo") else { return };
    let argv = ["sh", "-c", "ip -br addr; exit 3"];
    let out = on_node(&world).args(["run", "--sandbox", NET, "--"]).args(argv).expect(1);
    let text = &out.stdout;
    assert!(text.contains("Command sh -c 'ip -br addr; exit 3' (exit 3)"), "{text}");
    assert!(text.contains("eth0"), "the command's output is shown: {text}");
    assert!(!text.contains("Some("), "{text}");
    let step = text.lines().find(|l| l.contains("command")).unwrap_or_default();
    assert!(step.contains("failed") && step.contains("exit 3"), "{step}");
    let message = "`sh -c 'ip -br addr; exit 3'` failed inside the namespace (exit 3)";
    assert!(out.stderr.contains(message), "{}", out.stderr);

    let (report, _gone) = run_json(&world, 1, &argv);
    assert_eq!(detail(&report, "command"), "exit 3");
    assert_eq!(report["commandRun"]["exitCode"], 3);
    assert_eq!(report["commandRun"]["argv"], json!(argv));
    assert_eq!(report["error"]["kind"], "command");
    assert!(steps(&report).contains(&("del", "ok")), "{:?}", steps(&report));
}

#[test]
fn a_command_that_cannot_start_is_an_environment_error_and_del_still_runs() {
    let Some(world) = setup("a_command_that_cannot_start", "rsnst") else { return };
    let (report, _gone) = run_json(&world, 3, &["/nonexistent/cnictl-test-command"]);
    assert!(report["commandRun"].is_null(), "{}", report["commandRun"]);
    assert_eq!(report["error"]["kind"], "command");
    let message = report["error"]["message"].as_str().unwrap();
    assert!(message.starts_with("cannot run `/nonexistent/cnictl-test-command`: "), "{message}");
    let got = steps(&report);
    assert!(got.contains(&("command", "failed")) && got.contains(&("del", "ok")), "{got:?}");
    assert!(got.contains(&("cleanup", "ok")), "{got:?}");
}

#[test]
fn a_command_past_the_timeout_is_killed_and_the_run_fails() {
    let Some(world) = setup("a_command_past_the_timeout_is_killed", "rstmo") else { return };
    let out = on_node(&world).args(["-o", "json", "--timeout", "3s", "run", "--sandbox", NET]);
    let report = out.args(["--", "sh", "-c", "sleep 60 & sleep 60"]).expect(1).json();
    let _gone = Gone::of(&report);
    assert_eq!(detail(&report, "command"), "timed out after 3s");
    assert!(report["commandRun"]["exitCode"].is_null());
    let got = steps(&report);
    assert!(got.contains(&("del", "ok")) && got.contains(&("cleanup", "ok")), "{got:?}");
}

#[test]
fn run_quiet_prints_the_verdict_of_a_clean_run_and_little_else() {
    let Some(world) = setup("run_quiet_prints_the_verdict_of_a_clean_run", "rsqok") else {
        return;
    };
    let out = on_node(&world).args(["run", "-q", "--sandbox", NET, "--", "true"]).expect(0);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(lines[0].starts_with("RUN net: ok in "), "{}", out.stdout);
    assert!(lines.len() < 6, "{}", out.stdout);
    assert!(!out.stdout.contains("shared, kept by design"), "{}", out.stdout);

    // JSON does not change with -q.
    let quiet = on_node(&world).args(["-o", "json", "run", "--quiet", "--sandbox", NET]);
    let report = quiet.expect(0).json();
    let _gone = Gone::of(&report);
    assert!(report["steps"].as_array().unwrap().len() >= 8, "{}", report["steps"]);
    assert!(report.get("quiet").is_none());
}

#[test]
fn run_quiet_prints_a_failing_command_and_the_error() {
    let Some(world) = setup("run_quiet_prints_a_failing_command", "rsqfl") else { return };
    let argv = ["sh", "-c", "echo from-the-command; exit 3"];
    let out = on_node(&world).args(["run", "-q", "--sandbox", NET, "--"]).args(argv).expect(1);
    let text = &out.stdout;
    assert!(text.starts_with("RUN net: FAILED in "), "{text}");
    assert!(text.contains("step command failed: exit 3"), "{text}");
    assert!(text.contains("Command sh -c 'echo from-the-command; exit 3' (exit 3)"), "{text}");
    assert!(text.contains("  from-the-command\n"), "{text}");
    assert!(text.contains("error: command"), "{text}");
    assert!(!text.contains("Steps") && !text.contains("Leak check"), "{text}");
}

#[test]
fn without_sandbox_the_report_says_plugins_act_on_the_node() {
    let Some(world) = setup("without_sandbox_the_report_says_plugins_act_on_the_node", "nosb")
    else {
        return;
    };
    // ptp in the world's own host namespace (ip netns exec): the node as far as cnictl knows.
    let out = world.cnictl().args(["-o", "json", "run", NET]).expect(0);
    let report = out.json();
    let _gone = Gone::of(&report);
    let notes = report["notes"].to_string();
    assert!(notes.contains("without --sandbox"), "{notes}");
    let (report, _gone) = run_json(&world, 0, &["true"]);
    assert!(!report["notes"].to_string().contains("without --sandbox"), "{report:#}");
}
