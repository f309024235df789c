//! `add`, `check` and `del`: cnitool's commands, with its arguments, environment variables,
//! container-ID derivation and result cache, plus a report of what each plugin did.

use std::path::Path;
use std::time::Instant;

use anyhow::{Context as _, Result};
use clap::Args;

use super::params::{capability_args, cnitool_container_id, Params};
use super::Context;
use crate::cache::{self, Cache, Cached};
use crate::config::{self, NetworkConfigList};
use crate::exec::chain::{self, Attachment, ChainRun};
use crate::exec::Command;
use crate::exit::{Code, EnvironmentError, UsageError};
use crate::netns;
use crate::report::{
    AttachmentReport, CacheAction, CacheUse, ConfigSummary, ErrorKind, ErrorReport,
};
use crate::spec::{capabilities, result::CniResult, validate, version::Version};

/// What identifies an attachment, and what it is given.
#[derive(Debug, Clone, Args)]
pub struct AttachArgs {
    /// Network name, looked up in the conf dir as libcni does (or a path to a file)
    pub network: String,
    /// Network namespace: a path, or a name under /var/run/netns
    pub netns: String,
    /// Interface name inside the namespace
    #[arg(short = 'i', long, env = "CNI_IFNAME", default_value = "eth0")]
    pub ifname: String,
    /// Container ID [default: cnitool's: "cnitool-" and 20 hex digits of the SHA-512 of the
    /// namespace path]
    #[arg(long, value_name = "ID")]
    pub container_id: Option<String>,
    #[command(flatten)]
    pub params: Params,
}

/// `add`'s arguments: an attachment, and whether to ADD over one already cached.
#[derive(Debug, Clone, Args)]
pub struct AddArgs {
    #[command(flatten)]
    pub attach: AttachArgs,
    /// ADD even when this network, container ID and ifname are already cached. A runtime
    /// never ADDs twice; a second ADD usually fails half-way and its clean-up would take
    /// the first attachment down with it
    #[arg(long)]
    pub force: bool,
}

/// `del`'s arguments: an attachment, and whether to go on past a failing plugin.
#[derive(Debug, Clone, Args)]
pub struct DelArgs {
    #[command(flatten)]
    pub attach: AttachArgs,
    /// Run the remaining plugins of the chain after one fails, reporting each, so that the
    /// others still release what they hold (a node with a broken plugin). The cache entry
    /// stays when any plugin failed
    #[arg(long)]
    pub keep_going: bool,
}

/// The longest file name the cache can have (NAME_MAX of the usual file systems).
const NAME_MAX: usize = 255;

/// Everything decided before a plugin runs.
struct Plan {
    list: NetworkConfigList,
    summary: ConfigSummary,
    att: Attachment,
    cache_path: std::path::PathBuf,
}

fn plan(ctx: &Context, command: Command, args: &AttachArgs) -> Result<Plan> {
    let (list, how) = config::find_network(&ctx.global.cni_conf_dir, &args.network)?;
    let summary = ConfigSummary::new(&list, &how);
    let netns = netns::resolve(&args.netns).to_string_lossy().into_owned();
    let container_id = args.container_id.clone().unwrap_or_else(|| cnitool_container_id(&netns));
    let pairs = args.params.cni_args()?;
    let att = Attachment {
        container_id,
        netns,
        ifname: args.ifname.clone(),
        args: pairs,
        capability_args: capability_args(&args.params)?,
    };
    if command == Command::Add {
        // libcni validates these on ADD only.
        validate::identifier("network name", &list.name).map_err(UsageError)?;
        validate::identifier("container ID", &att.container_id).map_err(UsageError)?;
        validate::ifname(&att.ifname).map_err(UsageError)?;
    }
    for part in [&list.name, &att.container_id, &att.ifname] {
        if part.is_empty() || part.contains('/') {
            return Err(UsageError(format!(
                "network name, container ID and interface name must be non-empty and contain no \
                 '/' (the cache file is named after them): got {part:?}"
            ))
            .into());
        }
    }
    let cache = Cache::new(ctx.cache_dir());
    let cache_path = cache.path(&list.name, &att.container_id, &att.ifname);
    let file_name = cache_path.file_name().map_or(0, |n| n.len());
    if file_name > NAME_MAX {
        return Err(UsageError(format!(
            "network name, container ID and interface name make a cache file name of {file_name} \
             bytes (<network>-<container ID>-<ifname>), over the {NAME_MAX} a file system allows: \
             shorten the container ID (--container-id) or the network name"
        ))
        .into());
    }
    let results = cache.results_dir();
    for dir in [cache.dir.as_path(), results.as_path()] {
        if dir.exists() && !dir.is_dir() {
            return Err(EnvironmentError(format!(
                "the cache dir {} is not a directory: point --cache-dir at a directory",
                dir.display()
            ))
            .into());
        }
    }
    Ok(Plan { list, summary, att, cache_path })
}

fn check_netns(
    command: Command,
    att: &Attachment,
    notes: &mut Vec<String>,
) -> Result<(), EnvironmentError> {
    match netns::state(Path::new(&att.netns)) {
        netns::State::Present => Ok(()),
        netns::State::Own => Err(EnvironmentError(format!(
            "{} is cnictl's own network namespace: plugins would configure the host itself. \
             Give the namespace of a container (e.g. one made with `ip netns add NAME`)",
            att.netns
        ))),
        netns::State::Missing if command == Command::Del => {
            notes.push(format!(
                "namespace {} does not exist; DEL runs anyway so plugins release what they hold",
                att.netns
            ));
            Ok(())
        }
        netns::State::Missing => Err(EnvironmentError(format!(
            "network namespace {} does not exist: {}",
            att.netns,
            create_hint(Path::new(&att.netns))
        ))),
        netns::State::NotNetns(what) if command == Command::Del => {
            notes.push(format!(
                "{} is {what}, not a network namespace; DEL runs anyway so plugins release \
                 what they hold",
                att.netns
            ));
            Ok(())
        }
        netns::State::NotNetns(what) => Err(EnvironmentError(format!(
            "{} is {what}, not a network namespace: give a namespace's name under {}, \
             /proc/PID/ns/net of a container's process, or a bind mount of one",
            att.netns,
            netns::NETNS_RUN_DIR
        ))),
        netns::State::Unreadable(why) => Err(EnvironmentError(format!(
            "cannot open the network namespace {}: {why} (cnictl must run as root)",
            att.netns
        ))),
    }
}

/// How to make a missing namespace: only a name under the run dir is what `ip netns add`
/// makes; for any other path, the hint is to give an existing one.
fn create_hint(path: &Path) -> String {
    let named = path.parent().is_some_and(|dir| {
        dir == Path::new(netns::NETNS_RUN_DIR) || dir == Path::new("/run/netns")
    });
    match path.file_name().and_then(|n| n.to_str()) {
        Some(name) if named && crate::spec::validate::identifier("name", name).is_ok() => {
            format!("create it with `ip netns add {name}`, or pass the path of an existing one")
        }
        _ => format!(
            "pass the path of an existing one (a name under {}, or /proc/PID/ns/net of a \
             container's process)",
            netns::NETNS_RUN_DIR
        ),
    }
}

/// How `add` and `del` may go beyond what a runtime does.
#[derive(Debug, Clone, Copy, Default)]
struct Overrides {
    force: bool,
    keep_going: bool,
}

/// Runs `add`: refuses to ADD over a cached attachment unless forced.
pub fn add(ctx: &Context, args: &AddArgs) -> Result<()> {
    let overrides = Overrides { force: args.force, ..Overrides::default() };
    run_attach(ctx, Command::Add, &args.attach, overrides)
}

/// Runs `del`.
pub fn del(ctx: &Context, args: &DelArgs) -> Result<()> {
    let overrides = Overrides { keep_going: args.keep_going, ..Overrides::default() };
    run_attach(ctx, Command::Del, &args.attach, overrides)
}

/// Runs `check`.
pub fn check(ctx: &Context, args: &AttachArgs) -> Result<()> {
    run_attach(ctx, Command::Check, args, Overrides::default())
}

/// An attachment with these IDs that is cached already, if any.
fn existing(plan: &Plan) -> Option<String> {
    let meta = std::fs::symlink_metadata(&plan.cache_path).ok()?;
    let age = meta.modified().ok().and_then(|m| m.elapsed().ok());
    Some(match age {
        Some(age) => format!("cached {} ago", crate::exec::human_duration(age)),
        None => "cached".into(),
    })
}

fn run_attach(
    ctx: &Context,
    command: Command,
    args: &AttachArgs,
    overrides: Overrides,
) -> Result<()> {
    let started = Instant::now();
    let plan = plan(ctx, command, args)?;
    let before = if command == Command::Add { existing(&plan) } else { None };
    if let (Some(when), false) = (&before, overrides.force) {
        return Err(UsageError(format!(
            "{} already has an attachment for container ID {} and ifname {} ({when} in {}): a \
             runtime never ADDs twice. Detach it first with `cnictl del`, choose another \
             --container-id or -i, or pass --force to ADD anyway",
            plan.list.name,
            plan.att.container_id,
            plan.att.ifname,
            plan.cache_path.display()
        ))
        .into());
    }
    let mut notes = Vec::new();
    ctx.require_root(&command.as_str().to_lowercase())?;
    check_netns(command, &plan.att, &mut notes)?;
    let _mount_point = match &ctx.runner.placement().state_dir {
        Some(_) => Some(crate::sandbox::MountPointLock::take().map_err(|e| {
            EnvironmentError(format!("preparing /var/lib/cni as a mount point: {e}"))
        })?),
        None => None,
    };
    let version = Version::parse(&plan.list.cni_version).map_err(UsageError)?;
    let mut report = empty_report(command, &plan);
    if !report.unused_capabilities.is_empty() {
        notes.push(format!(
            "no plugin of {} declares {}: they reach no plugin (a plugin gets only the \
             capabilities its \"capabilities\" object enables)",
            plan.list.name,
            report.unused_capabilities.join(", ")
        ));
    }
    if command == Command::Check && !check_applies(&plan.list, version, &mut notes)? {
        report.notes = notes;
        report.duration_ms = started.elapsed().as_secs_f64() * 1000.0;
        return finish(ctx, &report, &ChainRun::default());
    }
    let prev = previous_result(ctx, command, &plan, version, &mut report, &mut notes)?;
    let (list, att) = (&plan.list, &plan.att);
    let run = chain::run_with(&ctx.runner, list, command, att, prev.as_ref(), overrides.keep_going);
    report.plugins = run.steps.clone();
    report.result = match command {
        Command::Add => run.result.as_ref().map(|r| r.to_json()),
        _ => prev.as_ref().map(|r| r.to_json()),
    };
    match &run.failure {
        Some((index, failure)) => {
            let hint = match &before {
                // Its DEL would take the attachment that was there before down too.
                Some(_) => Some(
                    "an attachment with these IDs existed before this --force ADD: no clean-up \
                     is suggested, since its DEL would remove that one too; inspect the \
                     namespace and detach by hand"
                        .to_string(),
                ),
                None => cleanup_hint(ctx, command, args, &plan.att, run.calls.len()),
            };
            report.error = Some(ErrorReport::from_failure(*index, failure, hint));
            report.errors = run
                .failures
                .iter()
                .skip(1)
                .map(|(i, f)| ErrorReport::from_failure(*i, f, None))
                .collect();
        }
        None => record(ctx, command, &plan, &run, &mut report),
    }
    notes.extend(crate::exec::survivors::notes(&run.calls));
    report.notes = notes;
    report.duration_ms = started.elapsed().as_secs_f64() * 1000.0;
    finish(ctx, &report, &run)?;
    match (&run.failure, &report.error) {
        (Some((index, failure)), _) => Err(anyhow::Error::new(failure.clone()).context(format!(
            "{} failed at plugin {} of {} ({})",
            command,
            index + 1,
            plan.list.plugins.len(),
            plan.list.plugins[*index].plugin_type
        ))),
        (None, Some(error)) => Err(EnvironmentError(error.message.clone()).into()),
        (None, None) => Ok(()),
    }
}

/// The report before anything ran.
fn empty_report(command: Command, plan: &Plan) -> AttachmentReport {
    AttachmentReport {
        command: match command {
            Command::Add => "add",
            Command::Check => "check",
            _ => "del",
        },
        config: plan.summary.clone(),
        container_id: plan.att.container_id.clone(),
        netns: plan.att.netns.clone(),
        ifname: plan.att.ifname.clone(),
        cni_args: plan.att.args.clone(),
        capability_args: plan.att.capability_args.clone(),
        unused_capabilities: capabilities::unused(
            &plan.att.capability_args,
            &plan.list.plugins.iter().flat_map(|p| p.capabilities()).collect::<Vec<_>>(),
        ),
        plugins: Vec::new(),
        result: None,
        cache: None,
        notes: Vec::new(),
        error: None,
        errors: Vec::new(),
        duration_ms: 0.0,
        calls: None,
    }
}

/// Whether CHECK goes to the plugins: an error below 0.4.0, a note and no call with
/// `disableCheck`.
fn check_applies(
    list: &NetworkConfigList,
    version: Version,
    notes: &mut Vec<String>,
) -> Result<bool> {
    if !version.has_check() {
        return Err(UsageError(format!(
            "{}: configuration version {} does not support CHECK (added in 0.4.0); raise \
             cniVersion to 0.4.0 or later if every plugin supports it",
            list.source.display(),
            list.cni_version
        ))
        .into());
    }
    if list.disable_check {
        notes.push(
            "CHECK skipped: the configuration sets disableCheck, so runtimes never run it".into(),
        );
        return Ok(false);
    }
    Ok(true)
}

/// The `prevResult` of CHECK and DEL: the cached ADD result, converted to the list's
/// version. Notes what was found; a CHECK without a usable entry is an error.
fn previous_result(
    ctx: &Context,
    command: Command,
    plan: &Plan,
    version: Version,
    report: &mut AttachmentReport,
    notes: &mut Vec<String>,
) -> Result<Option<CniResult>> {
    let (list, cache_path) = (&plan.list, &plan.cache_path);
    if command == Command::Add {
        return Ok(None);
    }
    if command == Command::Del && !version.has_check() {
        notes.push(format!(
            "configuration version {} predates 0.4.0: DEL gets no prevResult, as libcni does",
            list.cni_version
        ));
        return Ok(None);
    }
    let cached = Cache::new(ctx.cache_dir())
        .read(cache_path, &list.cni_version)
        .with_context(|| format!("cannot read cache entry {}", cache_path.display()))
        .map_err(|e| EnvironmentError(format!("{e:#}")))?;
    let action = match &cached {
        Cached::Missing => {
            notes.push(match command {
                Command::Check => format!(
                    "no cached result at {}: plugins get no prevResult and most fail CHECK \
                     (was ADD run with this container ID and ifname, and this --cache-dir?)",
                    cache_path.display()
                ),
                _ => "no cached result: DEL runs without prevResult".into(),
            });
            CacheAction::Missing
        }
        Cached::Entry { .. } => CacheAction::Read,
        Cached::Legacy { .. } => CacheAction::ReadLegacy,
        Cached::Corrupt { reason } if command == Command::Check => {
            return Err(EnvironmentError(format!(
                "cache entry {} is unreadable ({reason}); CHECK needs it. Run `cnictl del` \
                 to detach, or remove the file",
                cache_path.display()
            ))
            .into())
        }
        Cached::Corrupt { reason } => {
            notes.push(format!(
                "cache entry is unreadable ({reason}); DEL runs without prevResult, as libcni does"
            ));
            CacheAction::Corrupt
        }
    };
    report.cache = Some(CacheUse { path: cache_path.clone(), action });
    let Some(result) = cached.result() else {
        return Ok(None);
    };
    match result.convert(&list.cni_version) {
        Ok(converted) => Ok(Some(converted)),
        Err(e) if command == Command::Del => {
            notes.push(format!("cached result not used: {e}"));
            Ok(None)
        }
        Err(e) => Err(UsageError(format!("cached result: {e}")).into()),
    }
}

/// After a failed ADD the runtime owes a DEL (SPEC section 3); say which one, with every
/// option of this call, shell-quoted, so that pasted it acts on this attachment only.
fn cleanup_hint(
    ctx: &Context,
    command: Command,
    args: &AttachArgs,
    att: &Attachment,
    calls: usize,
) -> Option<String> {
    let mut argv = vec!["cnictl".to_string()];
    argv.extend(ctx.global_argv(None, None));
    argv.extend(["del".into(), args.network.clone(), att.netns.clone()]);
    argv.extend([
        "--container-id".into(),
        att.container_id.clone(),
        "-i".into(),
        att.ifname.clone(),
    ]);
    if !att.args.is_empty() {
        argv.extend(["--args".into(), crate::spec::args::join(&att.args)]);
    }
    if !att.capability_args.is_empty() {
        argv.extend([
            "--cap-args".into(),
            serde_json::Value::Object(att.capability_args.clone()).to_string(),
        ]);
    }
    let del = crate::shell::join(&argv);
    match calls {
        _ if command != Command::Add => None,
        0 => None,
        1 => Some(format!("if the plugin left anything behind, clean up with: {del}")),
        _ => Some(format!("the plugins before it set things up; clean up with: {del}")),
    }
}

/// After a chain that succeeded: ADD caches its result, DEL drops the entry.
fn record(
    ctx: &Context,
    command: Command,
    plan: &Plan,
    run: &ChainRun,
    report: &mut AttachmentReport,
) {
    let cache = Cache::new(ctx.cache_dir());
    let path = &plan.cache_path;
    match command {
        Command::Add => {
            let result = run.result.as_ref().expect("a successful ADD has a result");
            let entry = cache::entry(&plan.list.bytes, &plan.list.name, &plan.att, result);
            if let Err(e) = cache.write(path, &entry) {
                let message = format!(
                    "every plugin succeeded but the result could not be cached at {}: {e}. \
                     Run `cnictl del` to undo the attachment, or fix --cache-dir",
                    path.display()
                );
                report.error = Some(ErrorReport::simple(
                    ErrorKind::Environment,
                    Code::Environment,
                    message,
                    None,
                ));
            } else {
                report.cache = Some(CacheUse { path: path.clone(), action: CacheAction::Written });
            }
        }
        Command::Del if cache.remove(path).unwrap_or(false) => {
            report.cache = Some(CacheUse { path: path.clone(), action: CacheAction::Removed });
        }
        _ => {}
    }
}

fn finish(ctx: &Context, report: &AttachmentReport, run: &ChainRun) -> Result<()> {
    ctx.trace_to_stderr(&run.calls)?;
    let mut full = report.clone();
    full.calls = ctx.calls_for_report(&run.calls);
    ctx.emit(&full)
}
