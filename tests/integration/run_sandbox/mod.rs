//! `run`: the whole loop in throwaway namespaces, and the `netns` and `inspect` commands
//! around it. Sandboxed runs start cnictl straight on the node (no `ip netns exec`): the
//! sandbox makes its own host namespace and private /var/lib/cni, and every such test checks
//! that the node's links, routes, iptables rules, /var/lib/cni and namespaces are untouched.
//! Tests run in parallel threads, so each compares only what its own run could change and
//! cleans up only the namespaces it knows by name (never `netns gc` from a guard: another
//! test may be looking at its stale namespaces).
//!
//! This module holds the world, report readers, [`Cleanup`] and the slow-run starter that
//! the submodules share; the tests are in `runs`, `interrupt` and `netns`.

mod interrupt;
mod netns;
mod runs;

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use nix::sys::signal::{kill, killpg, Signal};
use nix::unistd::Pid;
use serde_json::{json, Value};

use crate::util::{self, root_or_skip, World};

const NET: &str = "net";
/// How long the slow fixture's ADD sleeps: far longer than any wait below, so that a
/// prompt exit proves the plugin was killed rather than waited for.
const SLOW_ADD: &str = "slow:30000";

fn setup(test: &str, tag: &str) -> Option<World> {
    root_or_skip(test).then(|| World::new(tag))
}

/// cnictl with the world's conf and bin dirs, run on the node itself (for `--sandbox`).
fn on_node(world: &World) -> util::Cnictl {
    util::cnictl()
        .env("NETCONFPATH", world.conf_dir().to_string_lossy())
        .env("CNI_PATH", world.bin_dirs())
}

fn network(world: &World, plugins: Vec<Value>) {
    let list = json!({"cniVersion": "1.0.0", "name": NET, "plugins": plugins});
    world.conf("10-net.conflist", &list.to_string());
}

/// ptp with host-local; no dataDir, so the leases land in /var/lib/cni (the sandbox's own).
fn ptp(world: &World) -> Value {
    json!({"type": "ptp", "ipMasq": false, "ipam": {
        "type": "host-local",
        "subnet": format!("{}.0/24", world.subnet_prefix),
        "routes": [{"dst": "0.0.0.0/0"}]
    }})
}

/// Links the fixture as `name`, recording its calls in the world's `rec/`.
fn fixture(world: &World, name: &str, extra: Value) -> Value {
    world.fixture(name);
    let mut conf = json!({"type": name, "recordDir": world.path("rec")});
    conf.as_object_mut().unwrap().extend(extra.as_object().cloned().unwrap_or_default());
    conf
}

fn recorded(world: &World) -> Vec<Value> {
    match std::fs::read_to_string(world.path("rec").join("calls.jsonl")) {
        Ok(text) => text.lines().map(|line| serde_json::from_str(line).unwrap()).collect(),
        Err(_) => Vec::new(),
    }
}

fn commands(calls: &[Value]) -> Vec<&str> {
    calls.iter().map(|c| c["command"].as_str().unwrap_or("?")).collect()
}

fn steps(report: &Value) -> Vec<(&str, &str)> {
    let steps = report["steps"].as_array().expect("steps");
    steps.iter().map(|s| (s["name"].as_str().unwrap(), s["outcome"].as_str().unwrap())).collect()
}

/// `leaks.leftBehind`. The report still says `left_behind` (see
/// `run_report_keys_are_camel_case`); read that too so the other tests check behaviour.
fn left_behind(report: &Value) -> Vec<Value> {
    let leaks = &report["leaks"];
    let list = leaks.get("leftBehind").or_else(|| leaks.get("left_behind"));
    list.and_then(Value::as_array).unwrap_or_else(|| panic!("no leaks in {report}")).clone()
}

/// The namespaces a run names: its container namespace and sandbox host namespace.
fn run_names(report: &Value) -> Vec<String> {
    [&report["netns"], &report["hostNetns"]]
        .iter()
        .filter_map(|v| v.as_str())
        .map(|p| p.rsplit('/').next().unwrap().to_string())
        .collect()
}

/// Whether a namespace of that name is mounted anywhere this process can see.
fn nsfs_mounted(name: &str) -> bool {
    let info = std::fs::read_to_string("/proc/self/mountinfo").unwrap();
    info.lines().any(|line| {
        let (left, right) = line.split_once(" - ").unwrap_or((line, ""));
        let point = left.split_whitespace().nth(4).unwrap_or("");
        right.starts_with("nsfs ") && point.rsplit('/').next() == Some(name)
    })
}

/// Namespaces that must be gone: no file, no mount, no owner record.
fn assert_gone(names: &[String]) {
    assert!(!names.is_empty());
    for name in names {
        assert!(!Path::new("/var/run/netns").join(name).exists(), "{name} left in /var/run/netns");
        assert!(!nsfs_mounted(name), "{name} still mounted");
        let owner = format!("/run/cnictl/netns/{name}.json");
        assert!(!Path::new(&owner).exists(), "{owner} left");
    }
}

/// Removes on drop, even when an assertion failed, what a test knows it made: processes
/// (killed), plugin process groups (killed), namespaces (removed by name), directories.
/// A test takes a pid out with [`Cleanup::gone`] once it has seen the process end, so that
/// a reused pid is never killed.
#[derive(Default)]
struct Cleanup {
    processes: Vec<u32>,
    groups: Vec<u32>,
    names: Vec<String>,
    dirs: Vec<PathBuf>,
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        for pid in &self.processes {
            let _ = kill(Pid::from_raw(*pid as i32), Signal::SIGKILL);
        }
        for pid in &self.groups {
            // Only a group this pid leads: never the test harness's own.
            let pid = Pid::from_raw(*pid as i32);
            if nix::unistd::getpgid(Some(pid)) == Ok(pid) {
                let _ = killpg(pid, Signal::SIGKILL);
            }
        }
        for name in &self.names {
            if Path::new("/var/run/netns").join(name).exists() {
                let _ = util::cnictl().args(["netns", "rm", name]).run();
            }
            let _ = std::fs::remove_file(format!("/run/cnictl/netns/{name}.json"));
        }
        for dir in &self.dirs {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

impl Cleanup {
    fn of_report(report: &Value) -> Cleanup {
        let mut cleanup = Cleanup::default();
        cleanup.names = run_names(report);
        cleanup
    }

    fn gone(&mut self, pid: u32) {
        self.processes.retain(|p| *p != pid);
        self.groups.retain(|p| *p != pid);
    }
}

fn running(pid: u64) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => {
            !matches!(stat.rsplit(')').next().unwrap().trim_start().chars().next(), Some('Z' | 'X'))
        }
        Err(_) => false,
    }
}

/// Starts `cnictl -o json run --sandbox net` with the slow fixture, waits for its ADD to be
/// recorded, and returns the child, the ADD call, and the owner records naming it.
fn start_slow_run(world: &World, cleanup: &mut Cleanup) -> (Child, Value, Vec<(String, Value)>) {
    start_run_until(world, cleanup, json!({"ADD": SLOW_ADD}), "ADD")
}

/// Starts `cnictl -o json run --sandbox net` with the fixture behaving as `behaviour` says,
/// waits until it has recorded a `command` call, and returns the child, that call, and the
/// owner records naming the run.
fn start_run_until(
    world: &World,
    cleanup: &mut Cleanup,
    behaviour: Value,
    command: &str,
) -> (Child, Value, Vec<(String, Value)>) {
    network(world, vec![fixture(world, "slowpoke", json!({"behaviour": behaviour}))]);
    let mut cmd = on_node(world).args(["-o", "json", "run", "--sandbox", NET]).command();
    let child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    cleanup.processes.push(child.id());
    let deadline = Instant::now() + Duration::from_secs(20);
    let add = loop {
        let add = recorded(world).into_iter().find(|c| c["command"] == command);
        if add.is_some() || Instant::now() > deadline {
            break add;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    // Whatever happened, the guard learns the run's namespaces before anything can fail.
    let owners = owned_by(child.id());
    cleanup.names.extend(owners.iter().map(|(name, _)| name.clone()));
    for (_, owner) in &owners {
        cleanup.dirs.extend(dirs_of(owner));
    }
    let add = add.unwrap_or_else(|| panic!("the fixture never recorded a {command} call"));
    cleanup.groups.push(add["pid"].as_u64().unwrap() as u32);
    let container = add["env"]["CNI_NETNS"].as_str().unwrap().rsplit('/').next().unwrap();
    assert!(owners.iter().any(|(n, o)| n == container && o["purpose"] == "run"), "{owners:?}");
    assert!(owners.iter().any(|(_, o)| o["purpose"] == "sandbox-host"), "{owners:?}");
    (child, add, owners)
}

/// The owner records (/run/cnictl/netns/NAME.json) of namespaces this pid made.
fn owned_by(pid: u32) -> Vec<(String, Value)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/run/cnictl/netns").unwrap().filter_map(Result::ok) {
        let Ok(text) = std::fs::read(entry.path()) else { continue };
        let Ok(owner) = serde_json::from_slice::<Value>(&text) else { continue };
        if owner["pid"] == pid {
            let file = entry.file_name().to_string_lossy().into_owned();
            found.push((file.trim_end_matches(".json").to_string(), owner));
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

fn dirs_of(owner: &Value) -> Vec<PathBuf> {
    let dirs = owner["dirs"].as_array().cloned().unwrap_or_default();
    dirs.iter().map(|d| PathBuf::from(d.as_str().unwrap())).collect()
}
