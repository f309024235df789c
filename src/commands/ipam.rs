//! `ipam leases`: host-local's lease files (`<state>/networks/<network>/<ip>`, or the
//! configuration's `dataDir`), each with its container, interface and whether it is in use,
//! stale (on positive evidence only) or unknown. Stale leases are the "no IP addresses
//! available in range" problem (k3s#5885, plugins#332); `--release` removes one while
//! holding host-local's own lock, after saying what it will do and asking.

use std::fs::File;
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::{Args, Subcommand};
use nix::fcntl::{Flock, FlockArg};

use super::Context;
use crate::cache::Cache;
use crate::config;
use crate::exit::{EnvironmentError, UsageError};
use crate::report::ipam::{Lease, LeaseReport, LeaseState};
use crate::sandbox::STATE_DIR;

#[derive(Debug, Clone, Args)]
pub struct IpamArgs {
    #[command(subcommand)]
    pub action: IpamAction,
}

#[derive(Debug, Clone, Subcommand)]
pub enum IpamAction {
    /// host-local's leases, and which are stale
    Leases {
        /// Only this network's (its configuration tells where host-local keeps them)
        network: Option<String>,
        /// Remove this stale lease, holding host-local's lock
        #[arg(long, value_name = "IP")]
        release: Option<String>,
        /// Do not ask before releasing
        #[arg(long)]
        yes: bool,
    },
}

fn state_dir(ctx: &Context) -> PathBuf {
    ctx.runner.placement().state_dir.unwrap_or_else(|| PathBuf::from(STATE_DIR))
}

/// The lease directories to look at.
fn lease_dirs(
    ctx: &Context,
    network: Option<&str>,
    notes: &mut Vec<String>,
) -> Result<Vec<PathBuf>> {
    match network {
        Some(name) => {
            let (list, _) = config::find_network(&ctx.global.cni_conf_dir, name)?;
            let dirs = crate::leaks::lease_dirs(&list, &state_dir(ctx));
            if dirs.is_empty() {
                notes.push(format!("{} uses no host-local IPAM: it has no lease files", list.name));
            }
            Ok(dirs)
        }
        None => {
            let root = state_dir(ctx).join("networks");
            let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
                .map(|r| {
                    r.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_dir()).collect()
                })
                .unwrap_or_default();
            dirs.sort();
            Ok(dirs)
        }
    }
}

/// Reads the leases of one directory and judges each against the cache and the namespaces.
fn read_leases(dir: &Path, cache: &Cache) -> Vec<Lease> {
    let network = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let entries = cache.entries();
    let Ok(files) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut leases = Vec::new();
    for file in files.filter_map(Result::ok).map(|e| e.path()) {
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name == "lock" || name.starts_with("last_reserved_ip") || !file.is_file() {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let mut lines = text.lines().map(str::trim);
        let container_id = lines.next().unwrap_or_default().to_string();
        let ifname = lines.next().unwrap_or_default().to_string();
        let (state, why) = judge(&network, &container_id, &ifname, cache, &entries);
        leases.push(Lease {
            network: network.clone(),
            ip: name,
            container_id,
            ifname,
            file,
            stale: state == LeaseState::Stale,
            state,
            why,
        });
    }
    leases.sort_by(|a, b| a.ip.cmp(&b.ip));
    leases
}

/// Whether a lease is in use, stale, or cannot be told. Stale needs positive evidence:
/// the cached attachment's namespace is gone, or the cache dir holds this network's
/// attachments but none for this container. A cache dir that is missing, unreadable or
/// holds nothing of the network proves nothing (the runtime may cache elsewhere).
fn judge(
    network: &str,
    container_id: &str,
    ifname: &str,
    cache: &Cache,
    entries: &std::io::Result<Vec<crate::cache::Entry>>,
) -> (LeaseState, String) {
    if Path::new(crate::netns::NETNS_RUN_DIR).join(container_id).exists() {
        return (LeaseState::InUse, format!("a namespace named {container_id} exists"));
    }
    let results = cache.results_dir();
    let entries = match entries {
        Ok(entries) => entries,
        Err(e) => {
            return (
                LeaseState::Unknown,
                format!("the cache dir {} cannot be read ({e})", results.display()),
            )
        }
    };
    let mut of_network =
        entries.iter().filter_map(|e| e.info()).filter(|i| i.network_name == network);
    let cached = of_network
        .clone()
        .find(|i| i.container_id == container_id && (ifname.is_empty() || i.if_name == ifname));
    match cached {
        Some(info) if info.netns.is_empty() => {
            (LeaseState::InUse, "cached attachment, namespace unknown".into())
        }
        Some(info) if Path::new(&info.netns).exists() => {
            (LeaseState::InUse, format!("cached attachment, namespace {}", info.netns))
        }
        Some(info) => {
            (LeaseState::Stale, format!("cached, but its namespace {} is gone", info.netns))
        }
        None if of_network.next().is_some() => (
            LeaseState::Stale,
            format!(
                "{} caches {network}'s attachments, but none of this container",
                results.display()
            ),
        ),
        None => (
            LeaseState::Unknown,
            format!(
                "{} holds no attachment of {network}: the runtime may cache elsewhere \
                 (give its --cache-dir)",
                results.display()
            ),
        ),
    }
}

/// Removes a lease file under host-local's lock, checking it still holds the same owner.
fn release(lease: &Lease) -> Result<()> {
    let dir = lease.file.parent().unwrap_or(Path::new("."));
    let lock = File::options().create(true).truncate(false).write(true).open(dir.join("lock"))?;
    let _held = Flock::lock(lock, FlockArg::LockExclusive).map_err(|(_, e)| {
        EnvironmentError(format!("locking {}: {e}", dir.join("lock").display()))
    })?;
    let now = std::fs::read_to_string(&lease.file).unwrap_or_default();
    if now.lines().next().map(str::trim) != Some(lease.container_id.as_str()) {
        return Err(EnvironmentError(format!(
            "{} changed hands while waiting for the lock; nothing removed",
            lease.file.display()
        ))
        .into());
    }
    std::fs::remove_file(&lease.file)?;
    Ok(())
}

pub fn run(ctx: &Context, args: &IpamArgs) -> Result<()> {
    let IpamAction::Leases { network, release: to_release, yes } = &args.action;
    let mut notes = Vec::new();
    let dirs = lease_dirs(ctx, network.as_deref(), &mut notes)?;
    let cache = Cache::new(ctx.cache_dir());
    let leases: Vec<Lease> = dirs.iter().flat_map(|d| read_leases(d, &cache)).collect();
    notes.push(format!(
        "stale means: the cached attachment's namespace is gone, or {} caches the network but \
         not this container; without such evidence a lease is unknown (a runtime with another \
         cache dir needs --cache-dir)",
        cache.results_dir().display()
    ));
    let mut report = LeaseReport {
        command: "ipam leases",
        dirs,
        cache_dir: cache.dir.clone(),
        leases,
        released: Vec::new(),
        notes,
    };
    if let Some(ip) = to_release {
        let matching: Vec<&Lease> = report.leases.iter().filter(|l| &l.ip == ip).collect();
        let lease = match matching.as_slice() {
            [] => {
                return Err(
                    UsageError(format!("no lease for {ip} in {}", join(&report.dirs))).into()
                )
            }
            [one] => (*one).clone(),
            _ => {
                return Err(UsageError(format!(
                    "{ip} is leased in several networks: name the network"
                ))
                .into())
            }
        };
        match lease.state {
            LeaseState::Stale => {}
            LeaseState::InUse => {
                return Err(UsageError(format!(
                    "{ip} is in use ({}): only stale leases are released",
                    lease.why
                ))
                .into())
            }
            LeaseState::Unknown => {
                return Err(UsageError(format!(
                    "not released: whether {ip} is still in use is unknown ({}); only a lease \
                     shown stale is released",
                    lease.why
                ))
                .into())
            }
        }
        let what = format!(
            "will remove {} (held by container {} {}), under host-local's lock",
            lease.file.display(),
            lease.container_id,
            lease.ifname
        );
        if !ctx.confirm(*yes, &what, "release it?") {
            return Err(UsageError("not released: answer y, or pass --yes".into()).into());
        }
        release(&lease)?;
        report.leases.retain(|l| l.file != lease.file);
        report.released.push(lease);
    }
    ctx.emit(&report)?;
    Ok(())
}

fn join(dirs: &[PathBuf]) -> String {
    dirs.iter().map(|d| d.display().to_string()).collect::<Vec<_>>().join(", ")
}
