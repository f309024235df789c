//! `netns create | ls | rm | gc`: network namespaces made the way `ip netns add` makes them,
//! and the clean-up of those a killed cnictl left behind.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand};

use super::Context;
use crate::exit::{EnvironmentError, UsageError};
use crate::netns::{self, Owner};
use crate::report::netns::{NetnsEntry, NetnsReport};

#[derive(Debug, Clone, Args)]
pub struct NetnsArgs {
    #[command(subcommand)]
    pub action: NetnsAction,
}

#[derive(Debug, Clone, Subcommand)]
pub enum NetnsAction {
    /// Create a named network namespace (default name: cnictl-<random>) that stays until
    /// `netns rm`
    Create {
        /// Names under /var/run/netns (default: one named cnictl-<random>)
        names: Vec<String>,
    },
    /// List the namespaces under /var/run/netns, with who made them
    Ls,
    /// Remove namespaces (and the temporary directories cnictl noted with them)
    Rm {
        /// Names under /var/run/netns
        #[arg(required = true)]
        names: Vec<String>,
        /// Remove namespaces that still have cached attachments without asking
        #[arg(long)]
        yes: bool,
    },
    /// Remove what killed cnictl runs left behind: their namespaces whose owner is gone
    Gc {
        /// Only say what would be removed
        #[arg(long)]
        dry_run: bool,
    },
}

/// Refuses to remove a namespace that still has cached attachments unless confirmed:
/// its DEL would then run without a namespace, and the host side of the attachment stays.
fn confirm_attached(ctx: &Context, names: &[String], yes: bool) -> Result<()> {
    let entries = crate::cache::Cache::new(ctx.cache_dir()).entries().unwrap_or_default();
    let attached: Vec<String> = names
        .iter()
        .flat_map(|name| {
            let path = std::path::Path::new(netns::NETNS_RUN_DIR).join(name);
            entries
                .iter()
                .filter_map(|e| e.info())
                .filter(move |i| {
                    std::path::Path::new(&i.netns) == path
                        || i.netns == format!("/run/netns/{name}")
                })
                .map(move |i| {
                    format!("{name}: {} {} {}", i.network_name, i.container_id, i.if_name)
                })
        })
        .collect();
    if attached.is_empty() {
        return Ok(());
    }
    let what = format!(
        "cached attachments: {}. Removing the namespace leaves their host side (veths' peers, \
         routes, iptables rules, IP leases) until a DEL; `cnictl del` detaches first",
        attached.join("; ")
    );
    if ctx.confirm(yes, &what, "remove the namespaces anyway?") {
        return Ok(());
    }
    Err(UsageError("not removed: answer y, or pass --yes (or detach with `cnictl del`)".into())
        .into())
}

fn entry(name: &str, created: &std::collections::HashSet<String>) -> NetnsEntry {
    let owner = netns::read_owner(name);
    let alive = owner.as_ref().is_some_and(Owner::alive);
    let purpose = match &owner {
        Some(o) => Some(o.purpose.clone()),
        None if created.contains(name) => Some("create".to_string()),
        None => None,
    };
    // A namespace of a run whose process is gone was left by a kill; one made to stay
    // ("create", "kept") never is.
    let stale = match &owner {
        Some(o) => o.pid.is_some() && !alive,
        None => false,
    };
    NetnsEntry {
        name: name.to_string(),
        path: PathBuf::from(netns::NETNS_RUN_DIR).join(name),
        made_by_cnictl: purpose,
        owner_pid: owner.as_ref().and_then(|o| o.pid),
        owner_alive: alive,
        stale,
        dirs: owner.map(|o| o.dirs).unwrap_or_default(),
    }
}

/// Removes a namespace and the directories noted with it.
fn remove(entry: &NetnsEntry) -> Result<()> {
    netns::delete(&entry.name).map_err(|e| EnvironmentError(e.to_string()))?;
    for dir in &entry.dirs {
        let _ = std::fs::remove_dir_all(dir);
    }
    Ok(())
}

/// What a run killed before its namespace existed, or after it was gone, leaves: owner
/// records without a namespace, and the temporary directories of a dead process.
fn sweep_records_and_dirs(report: &mut NetnsReport, dry_run: bool) {
    let verb = if dry_run { "would remove" } else { "removed" };
    let present: std::collections::HashSet<String> = netns::list().into_iter().collect();
    for name in netns::owner_records() {
        let Some(owner) = netns::read_owner(&name) else { continue };
        if present.contains(&name) || owner.pid.is_none() || owner.alive() {
            continue;
        }
        if !dry_run {
            for dir in &owner.dirs {
                let _ = std::fs::remove_dir_all(dir);
            }
            netns::forget_owner(&name);
        }
        let dirs: Vec<String> = owner.dirs.iter().map(|d| d.display().to_string()).collect();
        report.changed.push(format!(
            "{verb} the record of {name} (its namespace is gone; pid {} is gone){}",
            owner.pid.unwrap_or(0),
            if dirs.is_empty() { String::new() } else { format!(", and {}", dirs.join(", ")) }
        ));
    }
    for dir in netns::orphan_temp_dirs() {
        if !dry_run && std::fs::remove_dir_all(&dir).is_err() {
            continue;
        }
        report.changed.push(format!("{verb} {} (its process is gone)", dir.display()));
    }
}

pub fn run(ctx: &Context, args: &NetnsArgs) -> Result<()> {
    let mut report = NetnsReport {
        command: "netns",
        namespaces: Vec::new(),
        changed: Vec::new(),
        listing: matches!(args.action, NetnsAction::Ls),
    };
    match &args.action {
        NetnsAction::Create { names } => {
            ctx.require_root("netns create")?;
            let names = if names.is_empty() { vec![netns::random_name("")] } else { names.clone() };
            let outcomes = netns::create_many(&names);
            let made: Vec<String> = names
                .iter()
                .zip(&outcomes)
                .filter(|(_, o)| o.is_ok())
                .map(|(n, _)| n.clone())
                .collect();
            let _ = netns::note_created(&made);
            for (name, outcome) in names.iter().zip(outcomes) {
                let path = outcome.map_err(|e| -> anyhow::Error {
                    match e {
                        netns::NetnsError::BadName(_) | netns::NetnsError::Exists(_) => {
                            UsageError(e.to_string()).into()
                        }
                        _ => EnvironmentError(e.to_string()).into(),
                    }
                })?;
                report.changed.push(format!("created {}", path.display()));
                report.namespaces.push(NetnsEntry {
                    name: name.clone(),
                    path,
                    made_by_cnictl: Some("create".into()),
                    owner_pid: None,
                    owner_alive: false,
                    stale: false,
                    dirs: Vec::new(),
                });
            }
        }
        NetnsAction::Ls => {
            let created = netns::created();
            report.namespaces = netns::list().iter().map(|n| entry(n, &created)).collect();
        }
        NetnsAction::Rm { names, yes } => {
            ctx.require_root("netns rm")?;
            let present: std::collections::HashSet<String> = netns::list().into_iter().collect();
            for name in names {
                if !present.contains(name) {
                    return Err(UsageError(format!(
                        "no namespace {name} under {}",
                        netns::NETNS_RUN_DIR
                    ))
                    .into());
                }
            }
            confirm_attached(ctx, names, *yes)?;
            let none = std::collections::HashSet::new();
            for name in names {
                let e = entry(name, &none);
                remove(&e)?;
                report.changed.push(format!("removed {}", e.path.display()));
            }
            netns::forget_created(names);
        }
        NetnsAction::Gc { dry_run } => {
            if !dry_run {
                ctx.require_root("netns gc")?;
            }
            let none = std::collections::HashSet::new();
            for name in netns::list() {
                let e = entry(&name, &none);
                if !e.stale {
                    continue;
                }
                if !dry_run {
                    remove(&e)?;
                }
                let verb = if *dry_run { "would remove" } else { "removed" };
                report.changed.push(format!(
                    "{verb} {} (made for {} by pid {}, which is gone)",
                    e.path.display(),
                    e.made_by_cnictl.as_deref().unwrap_or("?"),
                    e.owner_pid.unwrap_or(0)
                ));
                report.namespaces.push(e);
            }
            sweep_records_and_dirs(&mut report, *dry_run);
            if !dry_run {
                crate::sandbox::release_mount_point();
            }
        }
    }
    ctx.emit(&report)?;
    Ok(())
}
