//! `cache ls | show | rm`: the attachments in `<cache-dir>/results`, whoever cached them
//! (cnictl, cnitool, containerd, CRI-O), decoded; empty and unreadable entries flagged
//! (cni#1055), since they make every later DEL of that attachment fail in older libcni.

use std::io::Write;
use std::path::PathBuf;
use std::time::SystemTime;

use anyhow::Result;
use clap::{Args, Subcommand};
use serde::Serialize;
use serde_json::{Map, Value};

use super::Context;
use crate::cache::{Cache, Cached, Entry};
use crate::cli::Output;
use crate::exit::UsageError;
use crate::render;

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
    Rm {
        /// File names under <cache-dir>/results, or paths
        #[arg(required = true)]
        entries: Vec<String>,
    },
}

/// One attachment as `cache ls` shows it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntrySummary {
    pub file: PathBuf,
    /// "ok", "legacy" (a bare result), "empty", "corrupt".
    pub state: &'static str,
    pub problem: Option<String>,
    pub network: Option<String>,
    pub container_id: Option<String>,
    pub ifname: Option<String>,
    pub netns: Option<String>,
    /// Whether the namespace still exists (none when unknown).
    pub netns_exists: Option<bool>,
    pub addresses: Vec<String>,
    pub age_seconds: Option<u64>,
    pub size: u64,
}

pub fn summarize(entry: &Entry) -> EntrySummary {
    let (state, problem) = match &entry.cached {
        Cached::Entry { .. } => ("ok", None),
        Cached::Legacy { .. } => ("legacy", None),
        Cached::Corrupt { .. } if entry.size == 0 => (
            "empty",
            Some("zero bytes: written by a runtime that crashed or lost power".to_string()),
        ),
        Cached::Corrupt { .. } if entry.cached_is_blank() => (
            "empty",
            Some("only white space: written by a runtime that crashed or lost power".to_string()),
        ),
        Cached::Corrupt { reason } => ("corrupt", Some(reason.clone())),
        Cached::Missing => ("corrupt", Some("vanished".into())),
    };
    let info = entry.info();
    let netns = info.map(|i| i.netns.clone()).filter(|n| !n.is_empty());
    EntrySummary {
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

/// The report of `cache show`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntryDetail {
    #[serde(flatten)]
    pub summary: EntrySummary,
    /// The cached configuration, decoded from base64 (JSON when it parses).
    pub config: Option<Value>,
    pub cni_args: Vec<(String, String)>,
    pub capability_args: Map<String, Value>,
    pub result: Option<Value>,
}

/// The report of `cache ls` and `cache rm`.
#[derive(Debug, Clone, Serialize)]
pub struct CacheReport {
    pub command: &'static str,
    pub dir: PathBuf,
    pub entries: Vec<EntrySummary>,
    pub removed: Vec<PathBuf>,
}

fn find(cache: &Cache, name: &str) -> Result<Entry> {
    let path =
        if name.contains('/') { PathBuf::from(name) } else { cache.results_dir().join(name) };
    cache.entries()?.into_iter().find(|e| e.path == path).ok_or_else(|| {
        UsageError(format!("no cache entry {} (see `cnictl cache ls`)", path.display())).into()
    })
}

pub fn run(ctx: &Context, args: &CacheArgs) -> Result<()> {
    let cache = Cache::new(ctx.cache_dir());
    ctx.rendered.set(true);
    let mut out = render::stdout();
    match &args.action {
        CacheAction::Ls { network, container_id } => {
            let entries: Vec<EntrySummary> = cache
                .entries()?
                .iter()
                .filter(|e| e.matches(network.as_deref(), container_id.as_deref()))
                .map(summarize)
                .collect();
            let report = CacheReport {
                command: "cache ls",
                dir: cache.results_dir(),
                entries,
                removed: Vec::new(),
            };
            match ctx.style.output {
                Output::Json => render::json(&mut out, &report)?,
                _ => render::state::cache_ls(&mut out, &report, ctx.style.color)?,
            }
        }
        CacheAction::Show { entry } => {
            let entry = find(&cache, entry)?;
            let info = entry.info();
            let config = info.and_then(|i| i.config_bytes().ok()).map(|bytes| {
                serde_json::from_slice(&bytes)
                    .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()))
            });
            let detail = EntryDetail {
                summary: summarize(&entry),
                config,
                cni_args: info.map(|i| i.cni_args.clone()).unwrap_or_default(),
                capability_args: info.map(|i| i.capability_args.clone()).unwrap_or_default(),
                result: entry.cached.result().map(|r| r.to_json()),
            };
            match ctx.style.output {
                Output::Json => render::json(&mut out, &detail)?,
                _ => render::state::cache_show(&mut out, &detail, ctx.style.color)?,
            }
        }
        CacheAction::Rm { entries } => {
            let found: Vec<Entry> =
                entries.iter().map(|e| find(&cache, e)).collect::<Result<_>>()?;
            let mut removed = Vec::new();
            for entry in &found {
                cache.remove(&entry.path)?;
                removed.push(entry.path.clone());
            }
            let report = CacheReport {
                command: "cache rm",
                dir: cache.results_dir(),
                entries: Vec::new(),
                removed,
            };
            match ctx.style.output {
                Output::Json => render::json(&mut out, &report)?,
                _ => {
                    for path in &report.removed {
                        writeln!(out, "removed {}", path.display())?;
                    }
                }
            }
        }
    }
    out.flush()?;
    Ok(())
}
