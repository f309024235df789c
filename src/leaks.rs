//! Leak detection: the host side (a sandbox's host namespace or the node's) captured before
//! ADD and after DEL, and compared. Links, addresses and routes come from netlink; iptables
//! rules from `iptables-save`/`ip6tables-save` run in the same namespace; host-local leases
//! from the network's IPAM data directory. Objects the reference plugins keep by design
//! (a bridge device, the shared CNI-HOSTPORT-* and CNI-FORWARD chains) are reported too,
//! but marked shared so that `--fail-on-leak` can ignore them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::config::NetworkConfigList;
use crate::sandbox::Placement;

/// The host side at one moment, as sets of comparable lines.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct HostState {
    pub links: BTreeSet<String>,
    pub addresses: BTreeSet<String>,
    pub routes: BTreeSet<String>,
    pub iptables: BTreeSet<String>,
    pub leases: BTreeSet<String>,
    /// What could not be read, and why.
    #[serde(skip)]
    pub unreadable: Vec<String>,
    /// Something that exists could not be read (the host namespace vanished, netlink or
    /// iptables failed): a comparison with this state proves nothing. A tool that is not
    /// installed is only noted: no plugin can have used it either.
    #[serde(skip)]
    pub blind: bool,
}

/// What the leak check found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LeakVerdict {
    /// Everything was compared and nothing of this attachment is left.
    #[default]
    Clean,
    /// Something of this attachment is left behind.
    Leaked,
    /// The comparison could not be made: never taken for clean.
    Unknown,
}

/// One difference between before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Leak {
    /// "link", "address", "route", "iptables" or "lease".
    pub kind: &'static str,
    pub item: String,
    /// Kept by the plugins by design (shared between attachments), not a leak of this one.
    pub shared: bool,
}

/// The comparison of before and after.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LeakReport {
    /// Present after DEL but not before ADD.
    pub left_behind: Vec<Leak>,
    /// Present before ADD but gone after DEL.
    pub removed: Vec<Leak>,
    pub verdict: LeakVerdict,
    pub notes: Vec<String>,
}

impl LeakReport {
    /// Leaks that are this attachment's own (not shared state).
    pub fn real(&self) -> impl Iterator<Item = &Leak> {
        self.left_behind.iter().filter(|l| !l.shared)
    }
}

/// The host-local data directories of a network's plugins: `ipam.dataDir/<network>`, or
/// `<state>/networks/<network>`.
pub fn lease_dirs(list: &NetworkConfigList, state_dir: &Path) -> Vec<PathBuf> {
    let all: Vec<PathBuf> = list
        .plugins
        .iter()
        .filter(|p| p.ipam_type() == Some("host-local"))
        .map(|p| {
            // host-local decodes its configuration as libcni does: keys in any case.
            let base = p
                .ipam()
                .and_then(|ipam| crate::config::gojson::field(ipam, "dataDir"))
                .and_then(|d| d.as_str())
                .map(PathBuf::from)
                .unwrap_or_else(|| state_dir.join("networks"));
            base.join(&list.name)
        })
        .collect();
    let mut dirs: Vec<PathBuf> = Vec::new();
    for dir in all {
        if !dirs.contains(&dir) {
            dirs.push(dir);
        }
    }
    dirs
}

/// Captures the host side.
pub fn capture(placement: &Placement, lease_dirs: &[PathBuf]) -> HostState {
    let mut state = HostState::default();
    match crate::inspect::snapshot(placement.netns.as_deref()) {
        Ok(snap) => {
            for link in &snap.links {
                state.links.insert(format!(
                    "{} ({})",
                    link.name,
                    link.kind.as_deref().unwrap_or("device")
                ));
            }
            for addr in &snap.addresses {
                state.addresses.insert(format!("{} on {}", addr.address, addr.ifname));
            }
            for route in &snap.routes {
                // Kernel-made local and multicast routes follow addresses; skip the noise.
                if route.table == 255 || route.dst.starts_with("ff00::") {
                    continue;
                }
                let mut line = route.dst.clone();
                if let Some(gw) = &route.gw {
                    line.push_str(&format!(" via {gw}"));
                }
                if let Some(dev) = &route.dev {
                    line.push_str(&format!(" dev {dev}"));
                }
                if route.table != 254 {
                    line.push_str(&format!(" table {}", route.table));
                }
                state.routes.insert(line);
            }
        }
        Err(e) => {
            state.unreadable.push(format!("links, addresses and routes: {e}"));
            state.blind = true;
        }
    }
    for (tool, family) in [("iptables-save", "ipv4"), ("ip6tables-save", "ipv6")] {
        match iptables_rules(tool, placement) {
            Ok(rules) => state.iptables.extend(rules.into_iter().map(|r| format!("{family} {r}"))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                state.unreadable.push(format!("{tool}: not installed"));
            }
            Err(e) => {
                state.unreadable.push(format!("{tool}: {e}"));
                state.blind = true;
            }
        }
    }
    for dir in lease_dirs {
        let Ok(entries) = std::fs::read_dir(dir) else { continue };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name == "lock" || name.starts_with("last_reserved_ip") {
                continue;
            }
            let owner = std::fs::read_to_string(entry.path()).unwrap_or_default();
            let owner = owner.split_whitespace().collect::<Vec<_>>().join(" ");
            state.leases.insert(format!("{name} held by {owner} in {}", dir.display()));
        }
    }
    state
}

/// The rules and user chains of every table, without counters or comments.
fn iptables_rules(tool: &str, placement: &Placement) -> std::io::Result<Vec<String>> {
    let mut cmd = std::process::Command::new(tool);
    cmd.stdin(std::process::Stdio::null()).stderr(std::process::Stdio::null());
    Placement { netns: placement.netns.clone(), state_dir: None }.apply(&mut cmd)?;
    let out = cmd.output()?;
    if !out.status.success() {
        return Err(std::io::Error::other(format!("exited with {}", out.status)));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut table = String::new();
    let mut rules = Vec::new();
    for line in text.lines() {
        if let Some(name) = line.strip_prefix('*') {
            table = name.to_string();
        } else if line.starts_with("-A ") {
            rules.push(format!("{table}: {line}"));
        } else if let Some(chain) = line.strip_prefix(':') {
            // Built-in chains exist as soon as a table is touched; only user chains count.
            let name = chain.split_whitespace().next().unwrap_or("");
            if !matches!(name, "PREROUTING" | "INPUT" | "FORWARD" | "OUTPUT" | "POSTROUTING") {
                rules.push(format!("{table}: chain {name}"));
            }
        }
    }
    Ok(rules)
}

/// Names of host objects the reference plugins share between attachments and keep.
fn shared(kind: &str, item: &str, bridges: &[String]) -> bool {
    const SHARED_CHAINS: [&str; 5] =
        ["CNI-HOSTPORT-", "CNI-FORWARD", "CNI-ADMIN", "CNI-ISOLATION-", "CNI-FIREWALL"];
    match kind {
        "link" => bridges.iter().any(|b| item.starts_with(&format!("{b} "))),
        "address" | "route" => bridges
            .iter()
            .any(|b| item.ends_with(&format!(" {b}")) || item.contains(&format!(" dev {b}"))),
        "iptables" => {
            let per_container = item.contains("CNI-DN-") || item.contains("CNI-SN-");
            !per_container && SHARED_CHAINS.iter().any(|c| item.contains(c))
        }
        _ => false,
    }
}

/// The bridges a configuration names (the bridge plugin's default is cni0).
pub fn bridges(list: &NetworkConfigList) -> Vec<String> {
    list.plugins
        .iter()
        .filter(|p| p.plugin_type == "bridge")
        .map(|p| p.raw.get("bridge").and_then(|b| b.as_str()).unwrap_or("cni0").to_string())
        .collect()
}

/// Compares two captures.
pub fn compare(before: &HostState, after: &HostState, bridges: &[String]) -> LeakReport {
    let mut report = LeakReport::default();
    let sets: [(&'static str, &BTreeSet<String>, &BTreeSet<String>); 5] = [
        ("link", &before.links, &after.links),
        ("address", &before.addresses, &after.addresses),
        ("route", &before.routes, &after.routes),
        ("iptables", &before.iptables, &after.iptables),
        ("lease", &before.leases, &after.leases),
    ];
    for (kind, old, new) in sets {
        for item in new.difference(old) {
            report.left_behind.push(Leak {
                kind,
                item: item.clone(),
                shared: shared(kind, item, bridges),
            });
        }
        for item in old.difference(new) {
            report.removed.push(Leak { kind, item: item.clone(), shared: false });
        }
    }
    for what in before.unreadable.iter().chain(&after.unreadable) {
        let note = format!("not compared: {what}");
        if !report.notes.contains(&note) {
            report.notes.push(note);
        }
    }
    report.verdict = if before.blind || after.blind {
        LeakVerdict::Unknown
    } else if report.real().next().is_some() {
        LeakVerdict::Leaked
    } else {
        LeakVerdict::Clean
    };
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comparison_that_could_not_be_made_is_unknown_never_clean() {
        let before = HostState::default();
        let gone = HostState {
            unreadable: vec!["links, addresses and routes: No such file or directory".into()],
            blind: true,
            ..HostState::default()
        };
        let report = compare(&before, &gone, &[]);
        assert_eq!(report.verdict, LeakVerdict::Unknown);
        assert!(report.notes[0].starts_with("not compared: links"), "{:?}", report.notes);
        assert_eq!(compare(&gone, &before, &[]).verdict, LeakVerdict::Unknown);
        // A tool that is not installed is noted, and the rest still decides.
        let no_ip6 = HostState {
            unreadable: vec!["ip6tables-save: not installed".into()],
            ..before.clone()
        };
        assert_eq!(compare(&before, &no_ip6, &[]).verdict, LeakVerdict::Clean);
        let mut leaked = no_ip6.clone();
        leaked.links.insert("veth1 (veth)".into());
        assert_eq!(compare(&before, &leaked, &[]).verdict, LeakVerdict::Leaked);
    }

    fn state(links: &[&str], iptables: &[&str]) -> HostState {
        HostState {
            links: links.iter().map(|s| s.to_string()).collect(),
            iptables: iptables.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn reports_new_objects_and_marks_shared_ones() {
        let before = state(&["lo (device)"], &[]);
        let after = state(
            &["lo (device)", "cni0 (bridge)", "veth1234 (veth)"],
            &["ipv4 nat: chain CNI-HOSTPORT-DNAT", "ipv4 nat: chain CNI-DN-abc"],
        );
        let report = compare(&before, &after, &["cni0".to_string()]);
        let real: Vec<_> = report.real().map(|l| l.item.as_str()).collect();
        assert_eq!(real, ["veth1234 (veth)", "ipv4 nat: chain CNI-DN-abc"]);
        assert_eq!(report.left_behind.len(), 4);
        let removed = compare(&after, &before, &[]);
        assert_eq!(removed.removed.len(), 4);
    }
}
