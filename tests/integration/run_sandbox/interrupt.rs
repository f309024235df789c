//! SIGINT and SIGTERM while a plugin's ADD runs: the plugin is killed, DEL still runs,
//! everything made is removed, and cnictl exits 130.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Child, ExitStatus};
use std::time::{Duration, Instant};

use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;
use serde_json::{json, Value};

use super::{
    assert_gone, commands, dirs_of, recorded, running, setup, start_run_until, start_slow_run,
    steps, Cleanup,
};

fn wait_child(child: &mut Child, limit: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        if Instant::now() >= deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn stdout_of(child: &mut Child) -> String {
    let mut text = String::new();
    child.stdout.take().unwrap().read_to_string(&mut text).unwrap();
    text
}

/// A signal while ADD runs: the plugin is killed, DEL still runs, everything goes, 130.
fn interrupt_during_add(test: &str, signal: Signal) {
    let Some(world) = setup(test, "sbsig") else { return };
    let mut cleanup = Cleanup::default();
    let (mut child, add, owners) = start_slow_run(&world, &mut cleanup);
    let plugin = add["pid"].as_u64().unwrap();
    assert!(running(plugin), "the slow plugin is not running");
    kill(Pid::from_raw(child.id() as i32), signal).unwrap();
    let sent = Instant::now();
    let status = wait_child(&mut child, Duration::from_secs(10));
    let status = status.unwrap_or_else(|| panic!("cnictl still runs 10s after {signal}"));
    cleanup.gone(child.id());
    assert!(sent.elapsed() < Duration::from_secs(5), "took {:?}", sent.elapsed());
    let stdout = stdout_of(&mut child);
    assert_eq!(status.code(), Some(130), "{status:?}\n{stdout}");
    assert!(!running(plugin), "the slow plugin {plugin} survived {signal}");
    cleanup.gone(plugin as u32);

    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["error"]["kind"], "interrupted", "{}", report["error"]);
    let steps = steps(&report);
    for step in [("add", "failed"), ("del", "ok"), ("cleanup", "ok")] {
        assert!(steps.contains(&step), "{step:?} not in {steps:?}");
    }
    assert_eq!(commands(&recorded(&world)), ["ADD", "DEL"], "DEL must follow the ADD");
    let names: Vec<String> = owners.iter().map(|(n, _)| n.clone()).collect();
    assert_gone(&names);
    let dirs: Vec<PathBuf> = owners.iter().flat_map(|(_, o)| dirs_of(o)).collect();
    let sandbox_dir = |d: &PathBuf| d.to_string_lossy().starts_with("/tmp/cnictl-sandbox-");
    assert!(dirs.iter().any(sandbox_dir), "no sandbox dir in the owner records: {dirs:?}");
    for dir in dirs {
        assert!(!dir.exists(), "{} survived {signal}", dir.display());
    }
}

#[test]
fn sigint_during_add_runs_del_cleans_up_and_exits_130() {
    interrupt_during_add("sigint_during_add_runs_del_cleans_up_and_exits_130", Signal::SIGINT);
}

#[test]
fn sigterm_during_add_runs_del_cleans_up_and_exits_130() {
    interrupt_during_add("sigterm_during_add_runs_del_cleans_up_and_exits_130", Signal::SIGTERM);
}

/// A first signal while DEL runs lets that DEL finish (a DEL cut in half can leave rules
/// it never finds again), then cnictl cleans up and exits 130.
#[test]
fn sigint_during_del_lets_it_finish_then_exits_130() {
    let Some(world) = setup("sigint_during_del_lets_it_finish_then_exits_130", "sbdel") else {
        return;
    };
    let mut cleanup = Cleanup::default();
    let (mut child, del, owners) =
        start_run_until(&world, &mut cleanup, json!({"DEL": "slow:1500"}), "DEL");
    let plugin = del["pid"].as_u64().unwrap();
    kill(Pid::from_raw(child.id() as i32), Signal::SIGINT).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    assert!(running(plugin), "the first signal killed the running DEL");
    let status = wait_child(&mut child, Duration::from_secs(15)).expect("cnictl still runs");
    cleanup.gone(child.id());
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    let stdout = stdout_of(&mut child);
    assert_eq!(status.code(), Some(130), "{status:?}\n{stdout}\n{stderr}");
    assert!(stderr.contains("interrupted: cleaning up"), "{stderr}");
    assert!(stderr.contains("Ctrl-C again to abort"), "{stderr}");
    assert_eq!(commands(&recorded(&world)), ["ADD", "DEL"]);
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["error"]["kind"], "interrupted", "{}", report["error"]);
    assert!(steps(&report).contains(&("del", "ok")), "{:?}", steps(&report));
    assert_eq!(report["del"][0]["outcome"], "ok", "{}", report["del"]);
    let names: Vec<String> = owners.iter().map(|(n, _)| n.clone()).collect();
    assert_gone(&names);
    for dir in owners.iter().flat_map(|(_, o)| dirs_of(o)) {
        assert!(!dir.exists(), "{} survived", dir.display());
    }
}

/// Once interrupted, a DEL still running is held to the short clean-up timeout, whatever
/// `--timeout` says; and a second signal ends cnictl at once, by the signal.
#[test]
fn cleanup_calls_are_short_and_a_second_signal_ends_cnictl_at_once() {
    let test = "cleanup_calls_are_short_and_a_second_signal_ends_cnictl_at_once";
    let Some(world) = setup(test, "sbsig2") else { return };
    let mut cleanup = Cleanup::default();
    let (mut child, del, _owners) =
        start_run_until(&world, &mut cleanup, json!({"DEL": "slow:60000"}), "DEL");
    let pid = Pid::from_raw(child.id() as i32);
    kill(pid, Signal::SIGINT).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    assert!(running(del["pid"].as_u64().unwrap()), "the first signal killed the running DEL");
    kill(pid, Signal::SIGINT).unwrap();
    let sent = Instant::now();
    let status = wait_child(&mut child, Duration::from_secs(3));
    let status = status.expect("a second SIGINT did not end cnictl within 3 s");
    cleanup.gone(child.id());
    assert!(sent.elapsed() < Duration::from_secs(2), "took {:?}", sent.elapsed());
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(status.signal(), Some(Signal::SIGINT as i32), "{status:?}");

    // Without a second signal, the slow DEL is killed at the clean-up timeout.
    let world = setup(test, "sbsig3").unwrap();
    let mut again = Cleanup::default();
    let (mut child, _del, _owners) =
        start_run_until(&world, &mut again, json!({"DEL": "slow:60000"}), "DEL");
    kill(Pid::from_raw(child.id() as i32), Signal::SIGINT).unwrap();
    let sent = Instant::now();
    let status = wait_child(&mut child, Duration::from_secs(20)).expect("cnictl still runs");
    again.gone(child.id());
    let waited = sent.elapsed();
    let stdout = stdout_of(&mut child);
    assert_eq!(status.code(), Some(130), "{status:?}");
    assert!(waited < Duration::from_secs(9), "the clean-up DEL ran {waited:?}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["error"]["kind"], "interrupted", "{}", report["error"]);
    assert_eq!(report["del"][0]["outcome"], "failed", "{}", report["del"]);
}
