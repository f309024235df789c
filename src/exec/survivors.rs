//! Processes a plugin left behind: children in its process group still running after the
//! plugin itself exited. A daemon a plugin forks keeps file descriptors and, in a sandbox,
//! the namespace it entered alive; cnictl reports them, and `run --sandbox` kills them
//! before its namespaces go.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use nix::sys::signal::{killpg, Signal};
use nix::unistd::Pid;
use serde::{Deserialize, Serialize};

use super::Invocation;

/// One process still running in a finished plugin's process group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Survivor {
    pub pid: u32,
    /// The group: the plugin's pid, which cnictl made a group leader.
    pub pgid: u32,
    /// The process's name (`comm`).
    pub command: String,
}

/// The processes of group `pgid`. A signal-0 probe first: when the group is empty, as it
/// nearly always is, nothing under /proc is read.
pub fn of_group(pgid: u32) -> Vec<Survivor> {
    let Ok(pgid_i32) = i32::try_from(pgid) else { return Vec::new() };
    if pgid_i32 <= 1 || killpg(Pid::from_raw(pgid_i32), None).is_err() {
        return Vec::new();
    }
    let Ok(entries) = std::fs::read_dir("/proc") else { return Vec::new() };
    let mut found: Vec<Survivor> = entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let open = stat.find('(')?;
            let close = stat.rfind(')')?;
            let command = stat[open + 1..close].to_string();
            // Fields after the name: state, ppid, pgrp.
            let mut rest = stat[close + 2..].split(' ');
            let state = rest.next()?;
            let group: u32 = rest.nth(1)?.parse().ok()?;
            (group == pgid && state != "Z").then_some(Survivor { pid, pgid, command })
        })
        .collect();
    found.sort_by_key(|s| s.pid);
    found
}

/// A note for every call that left processes running.
pub fn notes(calls: &[Invocation]) -> Vec<String> {
    calls
        .iter()
        .filter(|c| !c.survivors.is_empty())
        .map(|c| {
            let list: Vec<String> =
                c.survivors.iter().map(|s| format!("{} ({})", s.pid, s.command)).collect();
            format!(
                "{} ({}) left {} process{} running in its process group after it exited: {}",
                c.plugin,
                c.command,
                c.survivors.len(),
                if c.survivors.len() == 1 { "" } else { "es" },
                list.join(", ")
            )
        })
        .collect()
}

/// Kills the groups of the calls that left processes, if they still have any, and waits
/// up to a second for them to go. What was killed.
pub fn kill_left(calls: &[Invocation]) -> Vec<Survivor> {
    let groups: BTreeSet<u32> =
        calls.iter().flat_map(|c| c.survivors.iter().map(|s| s.pgid)).collect();
    let mut killed = Vec::new();
    for pgid in groups {
        // Probed again now: a group with members cannot have had its id reused.
        let members = of_group(pgid);
        if members.is_empty() {
            continue;
        }
        let _ = killpg(Pid::from_raw(pgid as i32), Signal::SIGKILL);
        let deadline = Instant::now() + Duration::from_secs(1);
        while !of_group(pgid).is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        killed.extend(members);
    }
    killed
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::process::CommandExt;

    #[test]
    fn a_group_child_left_running_is_found_and_killed() {
        // sh leads its own group and leaves a sleep in it when it exits.
        let mut sh = std::process::Command::new("sh")
            .args(["-c", "sleep 30 >/dev/null 2>&1 & exit 0"])
            .process_group(0)
            .spawn()
            .unwrap();
        let pgid = sh.id();
        sh.wait().unwrap();
        // The forked shell becomes `sleep` once it has exec'd: wait for that.
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut left = of_group(pgid);
        while left.iter().any(|s| s.command != "sleep") && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
            left = of_group(pgid);
        }
        assert_eq!(left.len(), 1, "{left:?}");
        assert_eq!((left[0].pgid, left[0].command.as_str()), (pgid, "sleep"));
        let call = Invocation { survivors: left.clone(), ..Default::default() };
        assert!(notes(std::slice::from_ref(&call))[0].contains("left 1 process running"));
        assert_eq!(kill_left(&[call]), left);
        assert!(of_group(pgid).is_empty(), "the sleep survived");
    }

    #[test]
    fn an_empty_group_reads_nothing() {
        let mut child = std::process::Command::new("true").process_group(0).spawn().unwrap();
        let pgid = child.id();
        child.wait().unwrap();
        assert!(of_group(pgid).is_empty());
        assert!(of_group(0).is_empty() && of_group(1).is_empty());
    }
}
