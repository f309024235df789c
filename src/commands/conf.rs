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
use crate::diagnose::lint::{self, Severity};
use crate::diagnose::survey::{self, Prober, Settings};
use crate::exec::chain;
use crate::exit::{Code, ReportedFailure};
use crate::report::conf::{LintReport, PluginOrigin, ShowReport};
use crate::report::ConfigSummary;
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

pub fn run(ctx: &Context, args: &ConfArgs) -> Result<()> {
    match &args.action {
        ConfAction::Ls { max_conf_num, default_network, offline } => {
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
            let (list, how) = config::find_network(&ctx.global.cni_conf_dir, network)?;
            let mut notes = Vec::new();
            let version_reason = version_reason(&list);
            let caps = capability_args(params)?;
            let mut plugins: Vec<PluginOrigin> = list
                .plugins
                .iter()
                .enumerate()
                .map(|(i, p)| PluginOrigin {
                    index: i,
                    plugin_type: p.plugin_type.clone(),
                    ipam: p.ipam_type().map(str::to_string),
                    capabilities: p.capabilities(),
                    file: match &p.origin {
                        Origin::DropIn(f) => f.clone(),
                        Origin::Inline(_) => list.source.clone(),
                    },
                    source: match &p.origin {
                        Origin::DropIn(_) => "drop-in".into(),
                        Origin::Inline(n) if list.format == config::Format::Conf => {
                            let _ = n;
                            "the whole file (single plugin, up-converted)".into()
                        }
                        Origin::Inline(n) => format!("inline, plugins[{n}]"),
                    },
                    stdin: None,
                })
                .collect();
            if let Some(request) = request {
                let cached = match (netns, container_id) {
                    (None, None) => None,
                    _ => {
                        let ns = netns
                            .as_deref()
                            .map(|n| crate::netns::resolve(n).display().to_string());
                        let id = container_id
                            .clone()
                            .unwrap_or_else(|| cnitool_container_id(ns.as_deref().unwrap_or("")));
                        let path = Cache::new(ctx.cache_dir()).path(&list.name, &id, ifname);
                        let found = Cache::new(ctx.cache_dir()).read(&path, &list.cni_version).ok();
                        let result = found
                            .as_ref()
                            .and_then(|c| c.result())
                            .and_then(|r| r.convert(&list.cni_version).ok());
                        notes.push(match &result {
                            Some(_) => {
                                format!("prevResult is the cached result in {}", path.display())
                            }
                            None => format!(
                                "no cached result at {}: a placeholder stands in",
                                path.display()
                            ),
                        });
                        result
                    }
                };
                for (i, plugin) in list.plugins.iter().enumerate() {
                    let stdin = match request {
                        Request::Add | Request::Check | Request::Del => {
                            let (mut conf, _) = chain::request(
                                &list,
                                plugin,
                                &caps,
                                cached.as_ref().filter(|_| *request != Request::Add),
                            );
                            let placeholder = match request {
                                Request::Add if i > 0 => Some(format!(
                                    "<the result of plugin {} ({})>",
                                    i,
                                    list.plugins[i - 1].plugin_type
                                )),
                                Request::Check | Request::Del if cached.is_none() => {
                                    Some("<the cached result of ADD>".to_string())
                                }
                                _ => None,
                            };
                            if let Some(text) = placeholder {
                                conf.insert("prevResult".into(), Value::String(text));
                            }
                            conf
                        }
                        Request::Gc => chain::gc_request(&list, plugin, &[]),
                        Request::Status => chain::status_request(&list, plugin),
                    };
                    plugins[i].stdin = Some(Value::Object(stdin));
                }
                let v = Version::parse(&list.cni_version).unwrap_or(Version(0, 1, 0));
                match request {
                    Request::Check if !v.has_check() => notes.push(format!(
                        "CHECK is not sent below 0.4.0 (this list is {})",
                        list.cni_version
                    )),
                    Request::Check if list.disable_check => {
                        notes.push("CHECK is not sent: disableCheck".into())
                    }
                    Request::Gc if list.disable_gc => {
                        notes.push("GC is not sent: disableGC".into())
                    }
                    Request::Gc | Request::Status if !v.has_gc_status() => notes.push(format!(
                        "{} is not sent below 1.1.0 (this list is {})",
                        format!("{request:?}").to_uppercase(),
                        Version::effective(&list.cni_version)
                    )),
                    Request::Gc => notes.push(
                        "the valid attachments are shown empty; `cnictl gc` fills them".into(),
                    ),
                    _ => {}
                }
                if *request == Request::Del {
                    plugins.reverse();
                    notes.push("DEL runs the plugins in reverse order, as listed".into());
                }
            }
            let report = ShowReport {
                command: "conf show",
                config: ConfigSummary::new(&list, &how),
                declared_version: list.declared_version.clone(),
                cni_versions: list.cni_versions.clone(),
                version_reason,
                disable_check: list.disable_check,
                disable_gc: list.disable_gc,
                load_only_inlined_plugins: list.load_only_inlined_plugins,
                plugins,
                request: request.map(|r| format!("{r:?}").to_uppercase()),
                notes,
            };
            ctx.emit(&report)
        }
        ConfAction::Lint { target, offline } => {
            let target = target.clone().unwrap_or_else(|| ctx.global.cni_conf_dir.clone());
            let mut prober = Prober::new(&ctx.runner, *offline);
            let diagnostics = lint::lint(&target, &ctx.runner.bin_dirs, &mut prober)?;
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
    }
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
