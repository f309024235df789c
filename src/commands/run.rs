//! `run`: the whole debugging loop in one command, leaving nothing behind. A throwaway
//! namespace (and, with `--sandbox`, a throwaway host namespace and private /var/lib/cni),
//! VERSION preflight, ADD, the live state read over netlink and compared with the result,
//! CHECK, an optional command inside the namespace, DEL, a leak check, and removal of
//! everything made, each step timed. DEL runs whenever ADD was attempted, as the spec
//! requires, and a signal ends the run through the same clean-up.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Result;
use clap::Args;

use super::params::{capability_args, Params};
use super::Context;
use crate::cache::{self, Cache};
use crate::config;
use crate::exec::chain::{self, Attachment};
use crate::exec::{Command as Op, Invocation, PluginFailure, Runner, SystemRunner};
use crate::exit::{self, Code, ReportedFailure, UsageError};
use crate::inspect::{self, addresses, compare};
use crate::leaks;
use crate::netns;
use crate::report::{
    CommandRun, ConfigSummary, ErrorKind, ErrorReport, Kept, RunReport, RunStep, StepOutcome,
};
use crate::sandbox::{Placement, Sandbox, STATE_DIR};
use crate::spec::{result::CniResult, validate, version::Version};

#[derive(Debug, Clone, Args)]
pub struct RunArgs {
    /// Network name, looked up in the conf dir as libcni does (or a path to a file)
    pub network: String,
    /// A command to run inside the namespace after ADD and CHECK, e.g. -- ping -c1 10.22.0.1
    #[arg(last = true, value_name = "COMMAND")]
    pub command: Vec<String>,
    /// Run plugins in a throwaway host namespace with a private /var/lib/cni, so nothing
    /// they do reaches the node
    #[arg(long)]
    pub sandbox: bool,
    /// Stop after ADD (and CHECK): leave the namespaces and print the commands that finish
    /// the job
    #[arg(long)]
    pub keep: bool,
    /// Skip CHECK
    #[arg(long)]
    pub no_check: bool,
    /// Exit 1 when DEL leaves something of this attachment behind on the host side
    #[arg(long)]
    pub fail_on_leak: bool,
    /// Interface name inside the namespace
    #[arg(short = 'i', long, env = "CNI_IFNAME", default_value = "eth0")]
    pub ifname: String,
    #[command(flatten)]
    pub params: Params,
}

/// The run as it goes: the report, every call, and the first failure's exit code.
struct Progress {
    report: RunReport,
    calls: Vec<Invocation>,
    code: Code,
    failure: Option<anyhow::Error>,
}

impl Progress {
    fn step(
        &mut self,
        name: &'static str,
        outcome: StepOutcome,
        started: Instant,
        detail: Option<String>,
    ) {
        self.report.steps.push(RunStep {
            name,
            outcome,
            duration_ms: started.elapsed().as_secs_f64() * 1000.0,
            detail,
        });
    }

    /// Records the first failure; later ones only add steps.
    fn fail(&mut self, kind: ErrorKind, code: Code, message: String, hint: Option<String>) {
        if self.report.error.is_none() {
            self.report.error = Some(ErrorReport::simple(kind, code, message.clone(), hint));
            self.code = code;
            self.failure = Some(ReportedFailure { code, message }.into());
        }
    }

    fn fail_plugin(&mut self, step: &str, index: usize, failure: &PluginFailure) {
        if self.report.error.is_none() {
            self.report.error = Some(ErrorReport::from_failure(index, failure, None));
            self.code = exit::of_failure(failure);
            self.failure = Some(
                anyhow::Error::new(failure.clone())
                    .context(format!("{step} failed at plugin {}", index + 1)),
            );
        }
    }

    fn failed(&self) -> bool {
        self.report.error.is_some()
    }

    /// A signal asked cnictl to stop: record it, and clear the flag so that DEL and the
    /// clean-up can still run plugins (a second signal ends cnictl at once).
    fn interrupted(&mut self) -> bool {
        let flag = crate::exec::plugin::interrupt_flag();
        if flag.swap(false, std::sync::atomic::Ordering::SeqCst) {
            self.fail(
                ErrorKind::Interrupted,
                Code::Interrupted,
                "interrupted by a signal; cleaned up".into(),
                None,
            );
            return true;
        }
        false
    }
}

/// Where the run keeps its own cache: `--cache-dir`, the sandbox's, or a temporary one.
enum CacheRoot {
    Given(PathBuf),
    Temp(tempfile::TempDir),
    Sandbox(PathBuf),
}

impl CacheRoot {
    fn path(&self) -> PathBuf {
        match self {
            CacheRoot::Given(p) | CacheRoot::Sandbox(p) => p.clone(),
            CacheRoot::Temp(dir) => dir.path().to_path_buf(),
        }
    }
}

pub fn run(ctx: &Context, args: &RunArgs) -> Result<()> {
    let started = Instant::now();
    let (list, how) = config::find_network(&ctx.global.cni_conf_dir, &args.network)?;
    validate::identifier("network name", &list.name).map_err(UsageError)?;
    validate::ifname(&args.ifname).map_err(UsageError)?;
    let params = (args.params.cni_args()?, capability_args(&args.params)?);
    ctx.require_root("run")?;
    let version = Version::parse(&list.cni_version).map_err(UsageError)?;

    let mut p = Progress {
        report: RunReport {
            command: "run",
            config: ConfigSummary::new(&list, &how),
            sandbox: args.sandbox,
            netns: None,
            host_netns: None,
            container_id: None,
            ifname: args.ifname.clone(),
            cache_dir: None,
            steps: Vec::new(),
            versions: Vec::new(),
            add: Vec::new(),
            result: None,
            live: None,
            mismatches: Vec::new(),
            check: Vec::new(),
            command_run: None,
            del: Vec::new(),
            leaks: None,
            kept: None,
            notes: Vec::new(),
            error: None,
            duration_ms: 0.0,
            calls: None,
        },
        calls: Vec::new(),
        code: Code::Success,
        failure: None,
    };

    // Where plugins run, and the cache.
    let t = Instant::now();
    let sandbox = if args.sandbox {
        match Sandbox::create() {
            Ok(sandbox) => {
                p.step(
                    "sandbox",
                    StepOutcome::Ok,
                    t,
                    Some(format!("host namespace {}", sandbox.host.name)),
                );
                Some(sandbox)
            }
            Err(e) => {
                p.step("sandbox", StepOutcome::Failed, t, None);
                return Err(exit_env(format!("{e:#}")));
            }
        }
    } else {
        None
    };
    let placement =
        sandbox.as_ref().map(Sandbox::placement).unwrap_or_else(|| ctx.runner.placement.clone());
    let runner = SystemRunner { placement: placement.clone(), ..ctx.runner.clone() };
    let cache_root = match (&ctx.global.cache_dir, &sandbox) {
        (Some(dir), _) => CacheRoot::Given(dir.clone()),
        (None, Some(sandbox)) => CacheRoot::Sandbox(sandbox.cache_dir()),
        (None, None) => {
            CacheRoot::Temp(tempfile::Builder::new().prefix("cnictl-cache-").tempdir()?)
        }
    };
    p.report.cache_dir = Some(cache_root.path());
    p.report.host_netns = sandbox.as_ref().map(|s| s.host.name.clone());

    let t = Instant::now();
    let ns = match netns::Guard::create(&netns::random_name(""), "run") {
        Ok(ns) => ns,
        Err(e) => {
            p.step("netns", StepOutcome::Failed, t, None);
            return Err(exit_env(e.to_string()));
        }
    };
    if let CacheRoot::Temp(dir) = &cache_root {
        ns.note_dirs(vec![dir.path().to_path_buf()], "run");
    }
    p.step("netns", StepOutcome::Ok, t, Some(ns.path.display().to_string()));
    p.report.netns = Some(ns.path.display().to_string());
    p.report.container_id = Some(ns.name.clone());
    let att = Attachment {
        container_id: ns.name.clone(),
        netns: ns.path.display().to_string(),
        ifname: args.ifname.clone(),
        args: params.0,
        capability_args: params.1,
    };

    // VERSION preflight: a stale binary stops the run before anything is set up.
    let t = Instant::now();
    let (answers, calls) = chain::versions(&runner, &list);
    p.calls.extend(calls);
    let bad: Vec<String> = answers
        .iter()
        .filter(|a| a.error.is_some() || !a.supports_selected)
        .map(|a| match &a.error {
            Some(e) => e.clone(),
            None => format!(
                "{} supports {} but not {}",
                a.plugin_type,
                a.supported_versions.join(", "),
                list.cni_version
            ),
        })
        .collect();
    let worst = answers
        .iter()
        .filter_map(|a| a.failure.as_ref())
        .map(exit::of_failure)
        .find(|c| *c == Code::Environment);
    p.report.versions = answers;
    if bad.is_empty() {
        p.step(
            "preflight",
            StepOutcome::Ok,
            t,
            Some(format!("every plugin supports {}", list.cni_version)),
        );
    } else {
        p.step("preflight", StepOutcome::Failed, t, None);
        p.fail(
            ErrorKind::Preflight,
            worst.unwrap_or(Code::PluginFailed),
            format!("VERSION preflight: {}", bad.join("; ")),
            Some(
                "upgrade the plugin binaries, or lower cniVersion to one every plugin supports"
                    .into(),
            ),
        );
    }
    p.interrupted();

    let state_dir = placement.state_dir.clone().unwrap_or_else(|| PathBuf::from(STATE_DIR));
    let lease_dirs = leaks::lease_dirs(&list, &state_dir);
    let before = (!p.failed()).then(|| leaks::capture(&placement, &lease_dirs));
    let cache = Cache::new(cache_root.path());
    let cache_path = cache.path(&list.name, &att.container_id, &att.ifname);

    // ADD, then what follows a successful one.
    let mut added: Option<CniResult> = None;
    let add_attempted = !p.failed();
    if add_attempted {
        let t = Instant::now();
        let add = chain::run(&runner, &list, Op::Add, &att, None);
        p.report.add = add.steps.clone();
        p.calls.extend(add.calls.clone());
        match &add.failure {
            Some((index, failure)) => {
                p.step("add", StepOutcome::Failed, t, None);
                p.fail_plugin("ADD", *index, failure);
            }
            None => {
                let result = add.result.clone().expect("a successful ADD has a result");
                p.step("add", StepOutcome::Ok, t, Some(addresses(&result)));
                p.report.result = Some(result.to_json());
                let entry = cache::entry(&list.bytes, &list.name, &att, &result);
                if let Err(e) = cache.write(&cache_path, &entry) {
                    p.fail(
                        ErrorKind::Environment,
                        Code::Environment,
                        format!("cannot write {}: {e}", cache_path.display()),
                        None,
                    );
                }
                added = Some(result);
            }
        }
    }
    p.interrupted();

    if let (Some(result), false) = (&added, p.failed()) {
        let t = Instant::now();
        match inspect::snapshot(Some(&ns.path)) {
            Ok(live) => {
                let mismatches = compare(result, &live, &att.netns);
                p.report.live = Some(live);
                if mismatches.is_empty() {
                    p.step(
                        "verify",
                        StepOutcome::Ok,
                        t,
                        Some("the namespace holds what the result claims".into()),
                    );
                } else {
                    p.step("verify", StepOutcome::Failed, t, Some(mismatches.join("; ")));
                    p.fail(
                        ErrorKind::Verify,
                        Code::PluginFailed,
                        format!(
                            "the result claims what the namespace lacks: {}",
                            mismatches.join("; ")
                        ),
                        None,
                    );
                    p.report.mismatches = mismatches;
                }
            }
            Err(e) => {
                p.step("verify", StepOutcome::Failed, t, None);
                p.fail(
                    ErrorKind::Environment,
                    Code::Environment,
                    format!("reading {} over netlink: {e}", ns.path.display()),
                    None,
                );
            }
        }
    }

    if let (Some(result), false) = (&added, p.failed()) {
        let t = Instant::now();
        let skip = if args.no_check {
            Some("--no-check")
        } else if list.disable_check {
            Some("the configuration sets disableCheck")
        } else if !version.has_check() {
            Some("CHECK needs cniVersion 0.4.0 or later")
        } else {
            None
        };
        match skip {
            Some(why) => p.step("check", StepOutcome::Skipped, t, Some(why.into())),
            None => {
                let prev = result.convert(&list.cni_version).ok();
                let check = chain::run(&runner, &list, Op::Check, &att, prev.as_ref());
                p.report.check = check.steps.clone();
                p.calls.extend(check.calls.clone());
                match &check.failure {
                    Some((index, failure)) => {
                        p.step("check", StepOutcome::Failed, t, None);
                        p.fail_plugin("CHECK", *index, failure);
                    }
                    None => p.step("check", StepOutcome::Ok, t, None),
                }
            }
        }
        p.interrupted();
    }

    if !args.command.is_empty() && added.is_some() && !p.failed() {
        let t = Instant::now();
        let run = run_inside(&ns.path, &args.command, ctx.global.timeout);
        match &run {
            Ok(run) if run.exit_code == Some(0) => {
                p.step("command", StepOutcome::Ok, t, Some(args.command.join(" ")))
            }
            Ok(run) => {
                let exit =
                    run.exit_code.map(|c| format!("exit {c}")).unwrap_or_else(|| "killed".into());
                p.step("command", StepOutcome::Failed, t, Some(exit.clone()));
                p.fail(
                    ErrorKind::Command,
                    Code::PluginFailed,
                    format!("`{}` failed inside the namespace ({exit})", args.command.join(" ")),
                    None,
                );
            }
            Err(e) => {
                p.step("command", StepOutcome::Failed, t, None);
                p.fail(
                    ErrorKind::Command,
                    Code::Environment,
                    format!("cannot run `{}`: {e}", args.command.join(" ")),
                    None,
                );
            }
        }
        p.report.command_run = run.ok();
        p.interrupted();
    }

    if args.keep && add_attempted {
        return keep(ctx, p, ns, sandbox, cache_root, &list.name, &att, started);
    }

    // DEL whenever ADD was attempted, with the ADD result when there is one.
    if add_attempted {
        let t = Instant::now();
        let prev = added.as_ref().and_then(|r| r.convert(&list.cni_version).ok());
        let prev = if version.has_check() { prev } else { None };
        let del = chain::run(&runner, &list, Op::Del, &att, prev.as_ref());
        p.report.del = del.steps.clone();
        p.calls.extend(del.calls.clone());
        match &del.failure {
            Some((index, failure)) => {
                p.step("del", StepOutcome::Failed, t, None);
                p.fail_plugin("DEL", *index, failure);
            }
            None => p.step("del", StepOutcome::Ok, t, None),
        }
        let _ = cache.remove(&cache_path);
        p.interrupted();

        if let Some(before) = &before {
            let t = Instant::now();
            let after = leaks::capture(&placement, &lease_dirs);
            let report = leaks::compare(before, &after, &leaks::bridges(&list));
            let own = report.real().count();
            let shared = report.left_behind.len() - own;
            let detail = format!("{own} left behind, {shared} shared (kept by design)");
            if own > 0 && args.fail_on_leak {
                p.step("leak-check", StepOutcome::Failed, t, Some(detail));
                let items: Vec<String> =
                    report.real().map(|l| format!("{} {}", l.kind, l.item)).collect();
                p.fail(
                    ErrorKind::Leak,
                    Code::PluginFailed,
                    format!("DEL left behind: {}", items.join("; ")),
                    None,
                );
            } else {
                p.step(
                    "leak-check",
                    if own > 0 { StepOutcome::Failed } else { StepOutcome::Ok },
                    t,
                    Some(detail),
                );
            }
            p.report.leaks = Some(report);
        }
    }

    // Remove what the run made, collecting every error.
    let t = Instant::now();
    let mut problems = Vec::new();
    if let Err(e) = ns.remove() {
        problems.push(e.to_string());
    }
    if let Some(sandbox) = sandbox {
        if let Err(e) = sandbox.remove() {
            problems.push(e);
        }
    }
    drop(cache_root);
    if problems.is_empty() {
        p.step("cleanup", StepOutcome::Ok, t, None);
    } else {
        p.step("cleanup", StepOutcome::Failed, t, Some(problems.join("; ")));
        p.fail(
            ErrorKind::Cleanup,
            Code::Environment,
            problems.join("; "),
            Some("run `cnictl netns gc`".into()),
        );
    }
    finish_report(ctx, p, started)
}

fn exit_env(message: String) -> anyhow::Error {
    crate::exit::EnvironmentError(message).into()
}

/// Runs COMMAND inside the namespace, capturing its output; killed after the timeout or
/// on a signal.
fn run_inside(netns: &Path, argv: &[String], timeout: Duration) -> std::io::Result<CommandRun> {
    let started = Instant::now();
    let mut cmd = std::process::Command::new(&argv[0]);
    cmd.args(&argv[1..]).stdin(std::process::Stdio::null());
    Placement { netns: Some(netns.to_path_buf()), state_dir: None }.apply(&mut cmd)?;
    let mut child =
        cmd.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped()).spawn()?;
    let flag = crate::exec::plugin::interrupt_flag();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if started.elapsed() > timeout || flag.load(std::sync::atomic::Ordering::SeqCst) {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let mut stdout = String::new();
    let mut stderr = String::new();
    use std::io::Read;
    if let Some(mut out) = child.stdout.take() {
        let _ = out.read_to_string(&mut stdout);
    }
    if let Some(mut err) = child.stderr.take() {
        let _ = err.read_to_string(&mut stderr);
    }
    Ok(CommandRun {
        argv: argv.to_vec(),
        exit_code: status.and_then(|s| s.code()),
        stdout,
        stderr,
        duration_ms: started.elapsed().as_secs_f64() * 1000.0,
    })
}

/// `--keep`: leave everything and say how to finish.
#[allow(clippy::too_many_arguments)]
fn keep(
    ctx: &Context,
    mut p: Progress,
    mut ns: netns::Guard,
    sandbox: Option<Sandbox>,
    cache_root: CacheRoot,
    network: &str,
    att: &Attachment,
    started: Instant,
) -> Result<()> {
    ns.keep();
    let conf = format!("--cni-conf-dir {}", ctx.global.cni_conf_dir.display());
    let bins = format!("--cni-bin-dir {}", ctx.runner.cni_path());
    let mut finish = Vec::new();
    let (host, dir) = match sandbox {
        Some(sandbox) => {
            let (host, dir) = sandbox.keep();
            (Some(host), Some(dir))
        }
        None => (None, None),
    };
    let cache_dir = match cache_root {
        CacheRoot::Temp(dir) => dir.keep(),
        other => other.path(),
    };
    let placement = match (&host, &dir) {
        (Some(host), Some(dir)) => {
            format!(" --host-netns {host} --plugin-state-dir {}", dir.join("state").display())
        }
        _ => String::new(),
    };
    finish.push(format!(
        "cnictl {conf} {bins} --cache-dir {}{placement} del {network} {} --container-id {} -i {}",
        cache_dir.display(),
        ns.name,
        att.container_id,
        att.ifname
    ));
    let mut names = vec![ns.name.clone()];
    names.extend(host.clone());
    finish.push(format!("cnictl netns rm {}", names.join(" ")));
    let mut dirs: Vec<String> = dir.iter().map(|d| d.display().to_string()).collect();
    if !dir.as_ref().is_some_and(|d| cache_dir.starts_with(d)) {
        dirs.push(cache_dir.display().to_string());
    }
    finish.push(format!("rm -rf {}", dirs.join(" ")));
    p.step("keep", StepOutcome::Ok, Instant::now(), Some("namespaces left in place".into()));
    p.report.kept = Some(Kept { netns: ns.name.clone(), host_netns: host, dir, finish });
    finish_report(ctx, p, started)
}

fn finish_report(ctx: &Context, mut p: Progress, started: Instant) -> Result<()> {
    p.report.duration_ms = started.elapsed().as_secs_f64() * 1000.0;
    p.report.calls = ctx.calls_for_report(&p.calls);
    ctx.trace_to_stderr(&p.calls)?;
    ctx.emit(&p.report)?;
    match p.failure {
        Some(failure) => Err(failure),
        None => Ok(()),
    }
}
