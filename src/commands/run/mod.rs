//! `run`: the whole debugging loop in one command, leaving nothing behind. A throwaway
//! namespace (and, with `--sandbox`, a throwaway host namespace and private /var/lib/cni),
//! VERSION preflight, ADD, the live state read over netlink and compared with the result,
//! CHECK, an optional command inside the namespace, DEL, a leak check, and removal of
//! everything made, each step timed. DEL runs whenever ADD was attempted, as the spec
//! requires, and a signal ends the run through the same clean-up.
//!
//! [`run`] reads as the list of steps; each step is a function of [`steps`] that records
//! itself in [`Progress`]; `--keep` ends the run in [`keep`].

mod keep;
mod progress;
mod steps;

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;
use clap::Args;
use serde_json::{Map, Value};

use super::params::{capability_args, Params};
use super::Context;
use crate::cache::Cache;
use crate::config::{self, NetworkConfigList};
use crate::exec::chain::Attachment;
use crate::exec::Runner;
use crate::exit::UsageError;
use crate::leaks;
use crate::netns;
use crate::report::ConfigSummary;
use crate::sandbox::{Placement, Sandbox, STATE_DIR};
use crate::spec::{validate, version::Version};
use progress::Progress;

#[derive(Debug, Clone, Args)]
pub struct RunArgs {
    /// Network name, looked up in the conf dir as libcni does (or a path to a file)
    pub network: String,
    /// A command to run inside the namespace after ADD and CHECK (after `--`), with the
    /// same --timeout as a plugin call; its output is kept bounded
    #[arg(last = true, value_name = "COMMAND")]
    pub command: Vec<String>,
    /// Run plugins in a throwaway host namespace with a private /var/lib/cni, so nothing
    /// they do reaches the node
    #[arg(long)]
    pub sandbox: bool,
    /// Stop after ADD, CHECK and COMMAND: leave the namespaces (no DEL, so no leak check)
    /// and print the commands that finish the job
    #[arg(long)]
    pub keep: bool,
    /// Skip CHECK; COMMAND, DEL and the leak check still run
    #[arg(long)]
    pub no_check: bool,
    /// Exit 1 when DEL leaves something of this attachment behind on the host side
    #[arg(long)]
    pub fail_on_leak: bool,
    /// Print only the one-line verdict and what failed (tables only; JSON is unchanged)
    #[arg(short, long)]
    pub quiet: bool,
    /// Interface name inside the namespace
    #[arg(short = 'i', long, env = "CNI_IFNAME", default_value = "eth0")]
    pub ifname: String,
    #[command(flatten)]
    pub params: Params,
}

/// The arguments checked and the configuration read, before anything is touched.
struct Plan<'a> {
    ctx: &'a Context,
    args: &'a RunArgs,
    list: NetworkConfigList,
    config: ConfigSummary,
    version: Version,
    cni_args: Vec<(String, String)>,
    capability_args: Map<String, Value>,
}

impl<'a> Plan<'a> {
    fn new(ctx: &'a Context, args: &'a RunArgs) -> Result<Plan<'a>> {
        let (list, how) = config::find_network(&ctx.global.cni_conf_dir, &args.network)?;
        validate::identifier("network name", &list.name).map_err(UsageError)?;
        validate::ifname(&args.ifname).map_err(UsageError)?;
        let cni_args = args.params.cni_args()?;
        let capability_args = capability_args(&args.params)?;
        ctx.require_root("run")?;
        let version = Version::parse(&list.cni_version).map_err(UsageError)?;
        let config = ConfigSummary::new(&list, &how);
        Ok(Plan { ctx, args, list, config, version, cni_args, capability_args })
    }
}

/// Where the steps act, once the sandbox and the namespace exist.
struct Stage {
    runner: Box<dyn Runner>,
    placement: Placement,
    att: Attachment,
    netns: PathBuf,
    cache: Cache,
    cache_path: PathBuf,
    lease_dirs: Vec<PathBuf>,
}

impl Stage {
    fn new(plan: &Plan, placement: Placement, ns: &netns::Guard, cache_root: &CacheRoot) -> Stage {
        let att = Attachment {
            container_id: ns.name.clone(),
            netns: ns.path.display().to_string(),
            ifname: plan.args.ifname.clone(),
            args: plan.cni_args.clone(),
            capability_args: plan.capability_args.clone(),
        };
        let state_dir = placement.state_dir.clone().unwrap_or_else(|| PathBuf::from(STATE_DIR));
        let cache = Cache::new(cache_root.path());
        Stage {
            runner: plan.ctx.runner.placed(placement.clone()),
            lease_dirs: leaks::lease_dirs(&plan.list, &state_dir),
            cache_path: cache.path(&plan.list.name, &att.container_id, &att.ifname),
            cache,
            netns: ns.path.clone(),
            placement,
            att,
        }
    }
}

/// Where the run keeps its own cache: `--cache-dir`, the sandbox's, or a temporary one.
enum CacheRoot {
    Given(PathBuf),
    Temp(tempfile::TempDir),
    Sandbox(PathBuf),
}

impl CacheRoot {
    fn choose(given: Option<&PathBuf>, sandbox: Option<&Sandbox>) -> Result<CacheRoot> {
        Ok(match (given, sandbox) {
            (Some(dir), _) => CacheRoot::Given(dir.clone()),
            (None, Some(sandbox)) => CacheRoot::Sandbox(sandbox.cache_dir()),
            (None, None) => CacheRoot::Temp(
                tempfile::Builder::new().prefix(&netns::temp_prefix("cache")).tempdir()?,
            ),
        })
    }

    fn path(&self) -> PathBuf {
        match self {
            CacheRoot::Given(p) | CacheRoot::Sandbox(p) => p.clone(),
            CacheRoot::Temp(dir) => dir.path().to_path_buf(),
        }
    }
}

pub fn run(ctx: &Context, args: &RunArgs) -> Result<()> {
    let started = Instant::now();
    let plan = Plan::new(ctx, args)?;
    let mut p = Progress::new(&plan);

    // Where plugins run, and the cache.
    let sandbox = steps::sandbox(&mut p, args.sandbox)?;
    let placement =
        sandbox.as_ref().map(Sandbox::placement).unwrap_or_else(|| ctx.runner.placement());
    if sandbox.is_none() && placement.is_default() {
        p.report.notes.push(
            "without --sandbox, host-side plugins (bridge, ptp, portmap, firewall) act on this \
             node's own network namespace and IPAM state in /var/lib/cni; --sandbox keeps them \
             in a throwaway one"
                .into(),
        );
    }
    let cache_root = CacheRoot::choose(ctx.global.cache_dir.as_ref(), sandbox.as_ref())?;
    p.report.cache_dir = Some(cache_root.path());
    p.report.host_netns = sandbox.as_ref().map(|s| s.host.name.clone());
    let ns = steps::netns(&mut p, &cache_root)?;
    let stage = Stage::new(&plan, placement, &ns, &cache_root);

    // VERSION preflight: a stale binary stops the run before anything is set up.
    steps::preflight(&mut p, &plan, &stage);
    p.interrupted();
    let before = (!p.failed()).then(|| leaks::capture(&stage.placement, &stage.lease_dirs));

    // ADD, then what follows a successful one.
    let add_attempted = !p.failed();
    let added = if add_attempted { steps::add(&mut p, &plan, &stage) } else { None };
    p.interrupted();
    if let (Some(result), false) = (&added, p.failed()) {
        steps::verify(&mut p, &stage, result);
    }
    if let (Some(result), false) = (&added, p.failed()) {
        steps::check(&mut p, &plan, &stage, result);
        p.interrupted();
    }
    if !args.command.is_empty() && added.is_some() && !p.failed() {
        steps::command(&mut p, ctx, &stage, &args.command);
        p.interrupted();
    }

    if args.keep && add_attempted {
        return keep::keep(p, &plan, &stage, ns, sandbox, cache_root, started);
    }

    // DEL whenever ADD was attempted, with the ADD result when there is one.
    if add_attempted {
        // A first signal during DEL lets its plugin finish (within the clean-up timeout):
        // a DEL cut in half can leave what it had not removed yet, for good.
        steps::del(&mut p, &plan, &stage, added.as_ref());
        p.interrupted();
        if let Some(before) = &before {
            steps::leak_check(&mut p, &plan, &stage, before);
        }
    }
    steps::cleanup(&mut p, ns, sandbox, cache_root);
    p.finish(ctx, started)
}
