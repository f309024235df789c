//! `gc`: garbage collection made safe. By default a dry run: which cached attachments of a
//! network fall outside the valid set and would get a synthesized DEL, and the GC each
//! plugin would be sent. `--apply` does it: DEL for each stale attachment with its cached
//! configuration, args and capability args, then (from 1.1.0) GC to every plugin with both
//! `cni.dev/valid-attachments` and `cni.dev/attachments`, going on past errors. An empty
//! valid set is refused unless `--all`: that is what `cnitool gc` does, and on a live node it
//! deletes every pod's attachment (libcni-behaviour.md section 3.6).

use std::path::Path;

use anyhow::Result;
use clap::Args;
use serde_json::Value;

use super::Context;
use crate::cache::{Cache, Entry};
use crate::config::{self, NetworkConfigList};
use crate::exec::chain::{self, Attachment};
use crate::exec::{plan, Command, Invocation, Runner};
use crate::exit::{Code, ReportedFailure, UsageError};
use crate::report::gc::{Attached, GcReport, Verdict};
use crate::report::{ConfigSummary, ErrorReport};
use crate::spec::version::Version;

#[derive(Debug, Clone, Args)]
pub struct GcArgs {
    /// Network name, looked up as libcni does (or a path to a file)
    pub network: String,
    /// Accepted and ignored, as cnitool takes one (`cnitool gc NET NETNS`): GC is about
    /// every cached attachment of the network, not one namespace
    pub netns: Option<String>,
    /// An attachment that is still in use, as CONTAINERID/IFNAME (repeatable)
    #[arg(long = "valid", value_name = "CONTAINERID/IFNAME")]
    pub valid: Vec<String>,
    /// Count every cached attachment whose namespace still exists as in use
    #[arg(long)]
    pub valid_from_netns: bool,
    /// Do it: DEL the stale attachments, then GC (without it, only say what would happen)
    #[arg(long)]
    pub apply: bool,
    /// Allow --apply with an empty valid set, which deletes every cached attachment
    #[arg(long)]
    pub all: bool,
}

fn parse_valid(text: &str) -> Result<(String, String), UsageError> {
    match text.split_once('/') {
        Some((id, ifname)) if !id.is_empty() && !ifname.is_empty() => {
            Ok((id.to_string(), ifname.to_string()))
        }
        _ => Err(UsageError(format!("invalid --valid {text:?}: expected CONTAINERID/IFNAME"))),
    }
}

/// The configuration a stale attachment was added with, from its cache entry; the current
/// one when the cached bytes do not load.
fn cached_list(
    entry: &Entry,
    current: &NetworkConfigList,
    notes: &mut Vec<String>,
) -> NetworkConfigList {
    let bytes = entry.info().and_then(|i| i.config_bytes().ok());
    match bytes.map(|b| config::parse_conflist(&entry.path, &b)) {
        Some(Ok(list)) if !list.plugins.is_empty() => list,
        _ => {
            notes.push(format!(
                "{}: cached configuration unusable, DEL uses the current one",
                entry.file_name()
            ));
            current.clone()
        }
    }
}

pub fn run(ctx: &Context, args: &GcArgs) -> Result<()> {
    let (list, how) = config::find_network(&ctx.global.cni_conf_dir, &args.network)?;
    let cache = Cache::new(ctx.cache_dir());
    let entries: Vec<Entry> = cache
        .entries()?
        .into_iter()
        .filter(|e| e.info().is_some_and(|i| i.network_name == list.name))
        .collect();
    let valid = valid_set(args, &entries)?;
    let version = Version::parse(&list.cni_version).unwrap_or(Version(0, 1, 0));
    let mut report = GcReport {
        command: "gc",
        config: ConfigSummary::new(&list, &how),
        applied: args.apply,
        valid: valid.clone(),
        attachments: Vec::new(),
        gc_sent: version.has_gc_status() && !list.disable_gc,
        gc_requests: Vec::new(),
        gc: Vec::new(),
        errors: Vec::new(),
        notes: Vec::new(),
        calls: None,
    };
    if let Some(netns) = &args.netns {
        report.notes.push(format!(
            "{netns} is ignored, as cnitool ignores it: GC is about every cached attachment \
             of {}, not one namespace",
            list.name
        ));
    }
    judge(ctx, &list, &entries, &mut report);
    let mut calls = Vec::new();
    if args.apply && !list.disable_gc {
        if valid.is_empty() && !args.all {
            return Err(UsageError(format!(
                "refusing --apply with an empty valid set: it would DEL all {} cached attachments of {} \
                 (what `cnitool gc` does to a live node). Name the live ones with --valid \
                 CONTAINERID/IFNAME or --valid-from-netns, or pass --all if that is what you want",
                report.attachments.len(),
                list.name
            ))
            .into());
        }
        ctx.require_root("gc --apply")?;
        calls = apply(ctx, &list, &entries, &mut report);
    }
    report.calls = ctx.calls_for_report(&calls);
    ctx.trace_to_stderr(&calls)?;
    ctx.emit(&report)?;
    if !args.apply && !list.disable_gc {
        // `cnitool gc` would have deleted them; a drop-in that silently did nothing would
        // mislead the script that called it.
        ctx.note_for_cnitool(&format!(
            "gc is a dry run: nothing was deleted and no GC was sent. cnitool gc would DEL \
             all {} cached attachments of {}; pass --apply --all to do that, or see \
             `cnictl gc {}` for what would happen",
            report.attachments.len(),
            list.name,
            list.name
        ));
    }
    if report.errors.is_empty() {
        return Ok(());
    }
    let code = report
        .errors
        .iter()
        .map(|e| e.exit_code)
        .max()
        .and_then(Code::from_u8)
        .unwrap_or(Code::PluginFailed);
    Err(ReportedFailure {
        code,
        message: format!("gc of {}: {} error(s), all shown above", list.name, report.errors.len()),
    }
    .into())
}

/// The valid attachments: `--valid`, and with `--valid-from-netns` every cached attachment
/// whose namespace still exists.
fn valid_set(args: &GcArgs, entries: &[Entry]) -> Result<Vec<(String, String)>> {
    let mut valid: Vec<(String, String)> =
        args.valid.iter().map(|v| parse_valid(v)).collect::<Result<_, _>>()?;
    if args.valid_from_netns {
        for info in entries.iter().filter_map(Entry::info) {
            if !info.netns.is_empty() && Path::new(&info.netns).exists() {
                let pair = (info.container_id.clone(), info.if_name.clone());
                if !valid.contains(&pair) {
                    valid.push(pair);
                }
            }
        }
    }
    Ok(valid)
}

/// What GC makes of each cached attachment, and the stdin each plugin would get.
fn judge(ctx: &Context, list: &NetworkConfigList, entries: &[Entry], report: &mut GcReport) {
    if list.disable_gc {
        report.notes.push(
            "the configuration sets disableGC: runtimes neither DEL stale attachments nor send GC"
                .into(),
        );
        return;
    }
    for entry in entries {
        let info = entry.info().expect("filtered on cniCacheV1 entries");
        let pair = (info.container_id.clone(), info.if_name.clone());
        let is_valid = report.valid.contains(&pair);
        report.attachments.push(Attached {
            container_id: info.container_id.clone(),
            ifname: info.if_name.clone(),
            netns: info.netns.clone(),
            cache_file: entry.path.clone(),
            verdict: if is_valid { Verdict::Valid } else { Verdict::Stale },
            why: if is_valid {
                "in the valid set".into()
            } else {
                "not in the valid set: GC synthesizes a DEL for it".into()
            },
            del: Vec::new(),
        });
    }
    if report.gc_sent {
        let cni_path = ctx.runner.cni_path();
        let att = Attachment::default();
        report.gc_requests =
            plan::would_send(list, Command::Gc, &att, &cni_path, None, &report.valid)
                .into_iter()
                .map(|call| Value::Object(call.stdin))
                .collect();
    } else {
        report.notes.push(format!(
            "GC is not sent to plugins below cniVersion 1.1.0 (this list is {}); only the DELs happen",
            if list.cni_version.is_empty() { "0.1.0" } else { &list.cni_version }
        ));
    }
}

/// `--apply`: DEL every stale attachment with its cached configuration, then GC to every
/// plugin. Returns the calls made.
fn apply(
    ctx: &Context,
    list: &NetworkConfigList,
    entries: &[Entry],
    report: &mut GcReport,
) -> Vec<Invocation> {
    let cache = Cache::new(ctx.cache_dir());
    let mut calls = Vec::new();
    for (attached, entry) in report.attachments.iter_mut().zip(entries) {
        if attached.verdict != Verdict::Stale {
            continue;
        }
        let info = entry.info().expect("cniCacheV1");
        let cached = cached_list(entry, list, &mut report.notes);
        let att = Attachment {
            container_id: info.container_id.clone(),
            netns: info.netns.clone(),
            ifname: info.if_name.clone(),
            args: info.cni_args.clone(),
            capability_args: info.capability_args.clone(),
        };
        let prev = entry.cached.result().and_then(|r| r.convert(&cached.cni_version).ok());
        let del = chain::run(&ctx.runner, &cached, Command::Del, &att, prev.as_ref());
        attached.del = del.steps.clone();
        calls.extend(del.calls.clone());
        match &del.failure {
            None => {
                let _ = cache.remove(&entry.path);
                attached.verdict = Verdict::Deleted;
            }
            Some((index, failure)) => {
                attached.verdict = Verdict::DeleteFailed;
                report.errors.push(ErrorReport::from_failure(*index, failure, None));
            }
        }
    }
    if report.gc_sent {
        let (run, failures) = chain::network_wide(&ctx.runner, list, Command::Gc, &report.valid);
        report.gc = run.steps;
        calls.extend(run.calls);
        for (index, failure) in &failures {
            report.errors.push(ErrorReport::from_failure(*index, failure, None));
        }
    }
    calls
}
