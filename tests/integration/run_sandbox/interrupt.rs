//! SIGINT and SIGTERM while a plugin's ADD runs: the plugin is killed, DEL still runs,
//! everything made is removed, and cnictl exits 130.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Child, ExitStatus};
use std::time::{Duration, Instant};

use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;
use serde_json::Value;

use super::{
    assert_gone, commands, dirs_of, recorded, running, setup, start_slow_run, steps, Cleanup,
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
