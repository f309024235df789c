//! `cache ls | show | rm`: the attachments in `<cache-dir>/results`, whoever cached them
//! (cnictl, cnitool, containerd, CRI-O), decoded; empty and unreadable entries flagged
//! (cni#1055), since they make every later DEL of that attachment fail in older libcni.

use std::path::PathBuf;
use std::time::SystemTime;

use anyhow::Result;
use clap::{Args, Subcommand};
use serde_json::Value;

use super::Context;
use crate::cache::{Cache, Cached, Entry};
use crate::exit::{EnvironmentError, UsageError};
use crate::report::cache::{CacheReport, EntryDetail, EntryState, EntrySummary};

#[derive(Debug, Clone, Args)]
pub struct CacheArgs {
    #[command(subcommand)]
    pub action: CacheAction,
}

#[derive(Debug, Clone, Subcommand)]
pub enum CacheAction {
    /// List the cached attachments
    Ls {
        /// Only this network's
        #[arg(long)]
        network: Option<String>,
        /// Only this container's
        #[arg(long)]
        container_id: Option<String>,
    },
    /// Decode one entry: configuration, args, capability args, result
    Show {
        /// The entry's file name under <cache-dir>/results, or its path
        entry: String,
    },
    /// Remove entries
    /// Remove entries; one whose namespace still exists is a live attachment, and is
    /// removed only when confirmed (or with --yes)
    Rm {
        /// File names under <cache-dir>/results, or paths
        #[arg(required = true)]
        entries: Vec<String>,
        /// Remove entries of live attachments without asking
        #[arg(long)]
        yes: bool,
    },
}

pub fn summarize(entry: &Entry) -> EntrySummary {
    let (state, problem) = match &entry.cached {
        Cached::Entry { .. } => (EntryState::Ok, None),
        Cached::Legacy { .. } => (EntryState::Legacy, None),
        Cached::Corrupt { .. } if entry.size == 0 => (
            EntryState::Empty,
            Some("zero bytes: written by a runtime that crashed or lost power".to_string()),
        ),
        Cached::Corrupt { .. } if entry.cached_is_blank() => (
            EntryState::Empty,
            Some("only white space: written by a runtime that crashed or lost power".to_string()),
        ),
        Cached::Corrupt { reason } => (EntryState::Corrupt, Some(reason.clone())),
        Cached::Missing => (EntryState::Corrupt, Some("vanished".into())),
    };
    let info = entry.info();
    let netns = info.map(|i| i.netns.clone()).filter(|n| !n.is_empty());
    EntrySummary {
        name: entry.file_name(),
        file: entry.path.clone(),
        state,
        problem,
        network: info.map(|i| i.network_name.clone()),
        container_id: info.map(|i| i.container_id.clone()),
        ifname: info.map(|i| i.if_name.clone()),
        netns_exists: netns.as_ref().map(|n| std::path::Path::new(n).exists()),
        netns,
        addresses: entry
            .cached
            .result()
            .map(|r| r.ips.iter().map(|ip| ip.address.clone()).collect())
            .unwrap_or_default(),
        age_seconds: entry
            .modified
            .and_then(|m| SystemTime::now().duration_since(m).ok())
            .map(|d| d.as_secs()),
        size: entry.size,
    }
}

fn find(cache: &Cache, name: &str) -> Result<Entry> {
    let path =
        if name.contains('/') { PathBuf::from(name) } else { cache.results_dir().join(name) };
    entries(cache)?.into_iter().find(|e| e.path == path).ok_or_else(|| {
        UsageError(format!("no cache entry {} (see `cnictl cache ls`)", path.display())).into()
    })
}

/// The cache's entries; a cache dir that is missing or cannot be read is an error naming it.
fn entries(cache: &Cache) -> Result<Vec<Entry>> {
    if !cache.dir.is_dir() {
        let why = if cache.dir.exists() { "is not a directory" } else { "does not exist" };
        return Err(EnvironmentError(format!(
            "the cache dir {} {why}: give the runtime's with --cache-dir",
            cache.dir.display()
        ))
        .into());
    }
    cache.entries().map_err(|e| {
        let hint =
            if e.kind() == std::io::ErrorKind::PermissionDenied { " (run as root)" } else { "" };
        EnvironmentError(format!("cannot read {}: {e}{hint}", cache.results_dir().display())).into()
    })
}

pub fn run(ctx: &Context, args: &CacheArgs) -> Result<()> {
    let cache = Cache::new(ctx.cache_dir());
    match &args.action {
        CacheAction::Ls { network, container_id } => {
            let entries: Vec<EntrySummary> = entries(&cache)?
                .iter()
                .filter(|e| e.matches(network.as_deref(), container_id.as_deref()))
                .map(summarize)
                .collect();
            ctx.emit(&CacheReport {
                command: "cache ls",
                dir: cache.results_dir(),
                entries,
                removed: Vec::new(),
            })
        }
        CacheAction::Show { entry } => {
            let entry = find(&cache, entry)?;
            let info = entry.info();
            let config = info.and_then(|i| i.config_bytes().ok()).map(|bytes| {
                serde_json::from_slice(&bytes)
                    .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()))
            });
            ctx.emit(&EntryDetail {
                summary: summarize(&entry),
                config,
                cni_args: info.map(|i| i.cni_args.clone()).unwrap_or_default(),
                capability_args: info.map(|i| i.capability_args.clone()).unwrap_or_default(),
                result: entry.cached.result().map(|r| r.to_json()),
            })
        }
        CacheAction::Rm { entries, yes } => {
            let found: Vec<Entry> =
                entries.iter().map(|e| find(&cache, e)).collect::<Result<_>>()?;
            let live: Vec<String> = found
                .iter()
                .filter_map(|e| e.info())
                .filter(|i| !i.netns.is_empty() && std::path::Path::new(&i.netns).exists())
                .map(|i| {
                    format!(
                        "{} {} {} (namespace {})",
                        i.network_name, i.container_id, i.if_name, i.netns
                    )
                })
                .collect();
            if !live.is_empty() {
                let what = format!(
                    "live attachments: {}. Removing their cache entries leaves the \
                     attachments themselves (interfaces, addresses, IP leases) in place, and a \
                     later DEL runs without their prevResult; `cnictl del` detaches instead",
                    live.join("; ")
                );
                if !ctx.confirm(*yes, &what, "remove their entries anyway?") {
                    return Err(UsageError(
                        "not removed: answer y, or pass --yes (or detach with `cnictl del`)".into(),
                    )
                    .into());
                }
            }
            let mut removed = Vec::new();
            for entry in &found {
                cache.remove(&entry.path)?;
                removed.push(entry.path.clone());
            }
            ctx.emit(&CacheReport {
                command: "cache rm",
                dir: cache.results_dir(),
                entries: Vec::new(),
                removed,
            })
        }
    }
}
