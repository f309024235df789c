//! `conf ls | show | lint`: the configuration directory, explained. None of these needs
//! root, and none runs ADD or DEL (`ls` and `lint` ask plugins VERSION unless `--offline`).

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand, ValueEnum};
use serde_json::Value;

use super::params::{capability_args, cnitool_container_id, Params};
use super::Context;
use crate::cache::Cache;
use crate::config::{self, Origin};
use crate::diagnose::directory;
use crate::diagnose::lint::Severity;
use crate::diagnose::runtimes;
use crate::diagnose::survey::{self, Prober, Settings};
use crate::exec::chain::Attachment;
use crate::exec::{plan, Command, Runner};
use crate::exit::{Code, EnvironmentError, ReportedFailure};
use crate::report::conf::{LintReport, PassedBy, PluginOrigin, ShowReport};
use crate::report::ConfigSummary;
use crate::spec::result::CniResult;
use crate::spec::version::Version;

#[derive(Debug, Clone, Args)]
pub struct ConfArgs {
    #[command(subcommand)]
    pub action: ConfAction,
}

// Parsed once per run: the size of a variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, Subcommand)]
pub enum ConfAction {
    /// Every file of the conf dir: format, network, version, plugins, status; then the default
    /// network as containerd, CRI-O, the kubelet and libcni would each pick it
    Ls {
        /// containerd's max_conf_num: how many files it loads (0: all)
        #[arg(long, default_value_t = 1)]
        max_conf_num: usize,
        /// CRI-O's cni_default_network
        #[arg(long, value_name = "NAME")]
        default_network: Option<String>,
        /// Do not ask plugins VERSION (binaries are still looked for)
        #[arg(long)]
        offline: bool,
    },
    /// One network resolved: its file, where each plugin came from, the version chosen and
    /// why; with --request, the exact stdin each plugin would receive
    Show {
        /// Network name, looked up as libcni does (or a path to a file)
        network: String,
        /// Show the stdin of each plugin for this operation
        #[arg(long, value_enum)]
        request: Option<Request>,
        /// Namespace, to find a cached result for CHECK/DEL (as `add` would name it)
        #[arg(long)]
        netns: Option<String>,
        /// Container ID, to find a cached result for CHECK/DEL
        #[arg(long)]
        container_id: Option<String>,
        /// Interface name inside the namespace
        #[arg(short = 'i', long, env = "CNI_IFNAME", default_value = "eth0")]
        ifname: String,
        #[command(flatten)]
        params: Params,
    },
    /// Diagnostics for a file or a directory (default: the conf dir), with fixes; exits 2
    /// when there are errors
    Lint {
        /// A configuration file or directory
        target: Option<PathBuf>,
        /// Do not ask plugins VERSION
        #[arg(long)]
        offline: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Request {
    Add,
    Check,
    Del,
    Gc,
    Status,
}

impl Request {
    fn command(self) -> Command {
        match self {
            Request::Add => Command::Add,
            Request::Check => Command::Check,
            Request::Del => Command::Del,
            Request::Gc => Command::Gc,
            Request::Status => Command::Status,
        }
    }
}

pub fn run(ctx: &Context, args: &ConfArgs) -> Result<()> {
    match &args.action {
        ConfAction::Ls { max_conf_num, default_network, offline } => {
            let dir = &ctx.global.cni_conf_dir;
            if !dir.is_dir() {
                let why = if dir.exists() { "is not a directory" } else { "does not exist" };
                return Err(EnvironmentError(format!(
                    "the conf dir {} {why}: point --cni-conf-dir (or NETCONFPATH) at the \
                     directory the runtime reads",
                    dir.display()
                ))
                .into());
            }
            let mut prober = Prober::new(&ctx.runner, *offline);
            let settings =
                Settings { max_conf_num: *max_conf_num, default_network: default_network.clone() };
            let survey = survey::survey(&ctx.global.cni_conf_dir, &mut prober, &settings)?;
            let shown = ctx.emit(&survey);
            // A survey of a large directory is many small allocations; the process ends
            // right after, so let the system take them back at once.
            std::mem::forget(survey);
            shown
        }
        ConfAction::Show { network, request, netns, container_id, ifname, params } => {
            let shown = Shown { network, request: *request, netns, container_id, ifname, params };
            show(ctx, &shown)
        }
        ConfAction::Lint { target, offline } => lint(ctx, target.as_ref(), *offline),
    }
}

/// The arguments of `conf show`.
struct Shown<'a> {
    network: &'a str,
    request: Option<Request>,
    netns: &'a Option<String>,
    container_id: &'a Option<String>,
    ifname: &'a str,
    params: &'a Params,
}

fn show(ctx: &Context, args: &Shown) -> Result<()> {
    let (list, how) = config::find_network(&ctx.global.cni_conf_dir, args.network)?;
    let mut notes = Vec::new();
    let mut plugins = origins(&list);
    if let Some(request) = args.request {
        let command = request.command();
        let netns = args.netns.as_deref().map(|n| crate::netns::resolve(n).display().to_string());
        let att = Attachment {
            container_id: args
                .container_id
                .clone()
                .unwrap_or_else(|| cnitool_container_id(netns.as_deref().unwrap_or(""))),
            netns: netns.clone().unwrap_or_default(),
            ifname: args.ifname.to_string(),
            args: args.params.cni_args()?,
            capability_args: capability_args(args.params)?,
        };
        let cached = match (args.netns, args.container_id) {
            (None, None) => None,
            _ => cached_result(ctx, &list, &att, &mut notes),
        };
        let cni_path = ctx.runner.cni_path();
        for call in plan::would_send(&list, command, &att, &cni_path, cached.as_ref(), &[]) {
            let origin = &mut plugins[call.index];
            origin.stdin = Some(Value::Object(call.stdin));
            origin.env = Some(call.env.into_iter().map(|(k, v)| (k, Value::String(v))).collect());
        }
        request_notes(&list, request, &mut notes);
        if request == Request::Del {
            plugins.reverse();
            notes.push("DEL runs the plugins in reverse order, as listed".into());
        }
    }
    ctx.emit(&ShowReport {
        command: "conf show",
        config: ConfigSummary::new(&list, &how),
        declared_version: list.declared_version.clone(),
        cni_versions: list.cni_versions.clone(),
        version_reason: version_reason(&list),
        disable_check: list.disable_check,
        disable_gc: list.disable_gc,
        load_only_inlined_plugins: list.load_only_inlined_plugins,
        plugins,
        request: args.request.map(|r| r.command().as_str().to_string()),
        notes,
    })
}

/// Where each plugin of the list is written.
fn origins(list: &config::NetworkConfigList) -> Vec<PluginOrigin> {
    list.plugins
        .iter()
        .enumerate()
        .map(|(i, p)| PluginOrigin {
            index: i,
            plugin_type: p.plugin_type.clone(),
            ipam: p.ipam_type().map(str::to_string),
            capabilities: p.capabilities(),
            capability_runtimes: p
                .capabilities()
                .into_iter()
                .map(|name| PassedBy { passed_by: runtimes::passed_by(&name), name })
                .collect(),
            file: match &p.origin {
                Origin::DropIn(f) => f.clone(),
                Origin::Inline(_) => list.source.clone(),
            },
            source: match &p.origin {
                Origin::DropIn(_) => "drop-in".into(),
                Origin::Inline(_) if list.format == config::Format::Conf => {
                    "the whole file (single plugin, up-converted)".into()
                }
                Origin::Inline(n) => format!("inline, plugins[{n}]"),
            },
            stdin: None,
            env: None,
        })
        .collect()
}

/// The cached ADD result of the attachment, at the list's version, noting where it came
/// from (or that a placeholder stands in).
fn cached_result(
    ctx: &Context,
    list: &config::NetworkConfigList,
    att: &Attachment,
    notes: &mut Vec<String>,
) -> Option<CniResult> {
    let cache = Cache::new(ctx.cache_dir());
    let path = cache.path(&list.name, &att.container_id, &att.ifname);
    let found = cache.read(&path, &list.cni_version).ok();
    let result =
        found.as_ref().and_then(|c| c.result()).and_then(|r| r.convert(&list.cni_version).ok());
    notes.push(match &result {
        Some(_) => format!("prevResult is the cached result in {}", path.display()),
        None => format!("no cached result at {}: a placeholder stands in", path.display()),
    });
    result
}

/// Why a runtime would not send this request at all.
fn request_notes(list: &config::NetworkConfigList, request: Request, notes: &mut Vec<String>) {
    let v = Version::parse(&list.cni_version).unwrap_or(Version(0, 1, 0));
    match request {
        Request::Check if !v.has_check() => {
            notes.push(format!("CHECK is not sent below 0.4.0 (this list is {})", list.cni_version))
        }
        Request::Check if list.disable_check => {
            notes.push("CHECK is not sent: disableCheck".into())
        }
        Request::Gc if list.disable_gc => notes.push("GC is not sent: disableGC".into()),
        Request::Gc | Request::Status if !v.has_gc_status() => notes.push(format!(
            "{} is not sent below 1.1.0 (this list is {})",
            request.command(),
            Version::effective(&list.cni_version)
        )),
        Request::Gc => {
            notes.push("the valid attachments are shown empty; `cnictl gc` fills them".into())
        }
        _ => {}
    }
}

fn lint(ctx: &Context, target: Option<&PathBuf>, offline: bool) -> Result<()> {
    let target = target.cloned().unwrap_or_else(|| ctx.global.cni_conf_dir.clone());
    let mut prober = Prober::new(&ctx.runner, offline);
    let diagnostics = directory::lint(&target, &ctx.runner.bin_dirs(), &mut prober)?;
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    let report = LintReport {
        command: "conf lint",
        target,
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        diagnostics,
    };
    ctx.emit(&report)?;
    if report.errors > 0 {
        return Err(ReportedFailure {
            code: Code::Usage,
            message: format!("{} error(s) in {}", report.errors, report.target.display()),
        }
        .into());
    }
    Ok(())
}

/// Why the list runs at its version.
fn version_reason(list: &config::NetworkConfigList) -> String {
    let current = crate::spec::version::CURRENT;
    match (&list.declared_version, list.cni_versions.is_empty()) {
        (None, true) => "no cniVersion: runtimes treat it as 0.1.0".into(),
        (Some(v), true) => format!("cniVersion {v}"),
        (declared, false) => format!(
            "the highest of cniVersion ({}) and cniVersions [{}] not above {current}",
            declared.as_deref().unwrap_or("none"),
            list.cni_versions.join(", ")
        ),
    }
}
