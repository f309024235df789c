//! The steps of `run`, one function each, in the order [`super::run`] calls them. Each times
//! itself, pushes its [`RunStep`](crate::report::RunStep) and records a failure in
//! [`Progress`]; ADD, CHECK and DEL share [`chain_step`].

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Result;

use super::{CacheRoot, Plan, Progress, Stage};
use crate::cache;
use crate::commands::Context;
use crate::exec::chain::{self, Step};
use crate::exec::process::{self, Exit, Spec};
use crate::exec::Command as Op;
use crate::exit::{Code, EnvironmentError};
use crate::inspect::{self, addresses, compare};
use crate::leaks::{self, HostState, LeakVerdict};
use crate::netns;
use crate::report::{CommandRun, ErrorKind, RunReport, StepOutcome};
use crate::sandbox::{Placement, Sandbox};
use crate::shell;
use crate::spec::result::CniResult;

/// `--sandbox`: the throwaway host namespace and private /var/lib/cni.
pub(super) fn sandbox(p: &mut Progress, wanted: bool) -> Result<Option<Sandbox>> {
    if !wanted {
        return Ok(None);
    }
    let t = Instant::now();
    match Sandbox::create() {
        Ok(sandbox) => {
            let detail = format!("host namespace {}", sandbox.host.name);
            p.step("sandbox", StepOutcome::Ok, t, Some(detail));
            Ok(Some(sandbox))
        }
        Err(e) => {
            p.step("sandbox", StepOutcome::Failed, t, None);
            Err(EnvironmentError(format!("{e:#}")).into())
        }
    }
}

/// The container's namespace, `cnictl-<random>`.
pub(super) fn netns(p: &mut Progress, cache_root: &CacheRoot) -> Result<netns::Guard> {
    let t = Instant::now();
    let dirs = match cache_root {
        CacheRoot::Temp(dir) => vec![dir.path().to_path_buf()],
        _ => Vec::new(),
    };
    let ns = match netns::Guard::create(&netns::random_name(""), "run", dirs) {
        Ok(ns) => ns,
        Err(e) => {
            p.step("netns", StepOutcome::Failed, t, None);
            return Err(EnvironmentError(e.to_string()).into());
        }
    };
    p.step("netns", StepOutcome::Ok, t, Some(ns.path.display().to_string()));
    p.report.netns = Some(ns.path.display().to_string());
    p.report.container_id = Some(ns.name.clone());
    Ok(ns)
}

/// VERSION of every plugin: each must support the list's cniVersion.
pub(super) fn preflight(p: &mut Progress, plan: &Plan, stage: &Stage) {
    let t = Instant::now();
    let (answers, calls) = chain::versions(&stage.runner, &plan.list);
    p.calls.extend(calls);
    let ok = answers.iter().all(|a| a.error.is_none() && a.supports_selected);
    let verdict = crate::commands::version::Verdict::of(&answers, &plan.list.cni_version);
    p.report.versions = answers;
    if ok {
        let detail = format!("every plugin supports {}", plan.list.cni_version);
        p.step("preflight", StepOutcome::Ok, t, Some(detail));
        return;
    }
    p.step("preflight", StepOutcome::Failed, t, None);
    let message = format!("VERSION preflight: {}", verdict.plugins.join("; "));
    p.fail(ErrorKind::Preflight, verdict.code, message, Some(verdict.hint));
}

/// ADD, and its result cached for CHECK and DEL. The result when every plugin succeeded.
pub(super) fn add(p: &mut Progress, plan: &Plan, stage: &Stage) -> Option<CniResult> {
    let result = chain_step(p, plan, stage, Op::Add, None)?;
    p.report.result = Some(result.to_json());
    let entry = cache::entry(&plan.list.bytes, &plan.list.name, &stage.att, &result);
    if let Err(e) = stage.cache.write(&stage.cache_path, &entry) {
        p.fail(
            ErrorKind::Environment,
            Code::Environment,
            format!("cannot write {}: {e}", stage.cache_path.display()),
            None,
        );
    }
    Some(result)
}

/// The namespace read over netlink and compared with the result.
pub(super) fn verify(p: &mut Progress, stage: &Stage, result: &CniResult) {
    let t = Instant::now();
    let live = match inspect::snapshot(Some(&stage.netns)) {
        Ok(live) => live,
        Err(e) => {
            p.step("verify", StepOutcome::Failed, t, None);
            let message = format!("reading {} over netlink: {e}", stage.netns.display());
            p.fail(ErrorKind::Environment, Code::Environment, message, None);
            return;
        }
    };
    let mismatches = compare(result, &live, &stage.att.netns);
    p.report.live = Some(live);
    if mismatches.is_empty() {
        let detail = "the namespace holds what the result claims".to_string();
        p.step("verify", StepOutcome::Ok, t, Some(detail));
        return;
    }
    let joined = mismatches.join("; ");
    p.step("verify", StepOutcome::Failed, t, Some(joined.clone()));
    let message = format!("the result claims what the namespace lacks: {joined}");
    p.fail(ErrorKind::Verify, Code::PluginFailed, message, None);
    p.report.mismatches = mismatches;
}

/// CHECK with the ADD result, unless it is turned off or the version lacks it.
pub(super) fn check(p: &mut Progress, plan: &Plan, stage: &Stage, result: &CniResult) {
    let skip = if plan.args.no_check {
        Some("--no-check")
    } else if plan.list.disable_check {
        Some("the configuration sets disableCheck")
    } else if !plan.version.has_check() {
        Some("CHECK needs cniVersion 0.4.0 or later")
    } else {
        None
    };
    if let Some(why) = skip {
        p.step("check", StepOutcome::Skipped, Instant::now(), Some(why.into()));
        return;
    }
    let prev = result.convert(&plan.list.cni_version).ok();
    chain_step(p, plan, stage, Op::Check, prev.as_ref());
}

/// COMMAND inside the namespace, with cnictl's environment and `--timeout`.
pub(super) fn command(p: &mut Progress, ctx: &Context, stage: &Stage, argv: &[String]) {
    let t = Instant::now();
    let shown = shell::join(argv);
    let captured = run_inside(&stage.netns, argv, ctx.global.timeout);
    let run = CommandRun::new(argv, &captured);
    match &captured.exit {
        Exit::Code(0) => p.step("command", StepOutcome::Ok, t, Some(shown)),
        Exit::SpawnFailed { error } => {
            p.step("command", StepOutcome::Failed, t, None);
            let message = format!("cannot run `{shown}`: {error}");
            p.fail(ErrorKind::Command, Code::Environment, message, None);
            return;
        }
        // Recorded as the interruption by the caller, which then cleans up.
        Exit::Interrupted => p.step("command", StepOutcome::Failed, t, Some(run.ended())),
        _ => {
            p.step("command", StepOutcome::Failed, t, Some(run.ended()));
            let message = format!("`{shown}` failed inside the namespace ({})", run.ended());
            p.fail(ErrorKind::Command, Code::PluginFailed, message, None);
        }
    }
    p.report.command_run = Some(run);
}

/// Runs COMMAND through the one process runner: both pipes are read while it runs, its
/// process group is killed at the timeout or on a signal, and its output is bounded.
fn run_inside(netns: &Path, argv: &[String], timeout: Duration) -> process::Captured {
    let placement = Placement { netns: Some(netns.to_path_buf()), state_dir: None };
    process::run(&Spec {
        args: &argv[1..],
        inherit_env: true,
        prepare: &|c| placement.apply(c),
        ..Spec::new(Path::new(&argv[0]), timeout)
    })
}

/// DEL, with the ADD result as prevResult when there is one (0.4.0 and later), and the
/// cache entry removed whatever DEL said.
pub(super) fn del(p: &mut Progress, plan: &Plan, stage: &Stage, added: Option<&CniResult>) {
    let prev = added.and_then(|r| r.convert(&plan.list.cni_version).ok());
    let prev = if plan.version.has_check() { prev } else { None };
    chain_step(p, plan, stage, Op::Del, prev.as_ref());
    let _ = stage.cache.remove(&stage.cache_path);
}

/// The host side after DEL against before ADD.
pub(super) fn leak_check(p: &mut Progress, plan: &Plan, stage: &Stage, before: &HostState) {
    let t = Instant::now();
    let after = leaks::capture(&stage.placement, &stage.lease_dirs);
    let report = leaks::compare(before, &after, &leaks::bridges(&plan.list));
    let own = report.real().count();
    let shared = report.left_behind.len() - own;
    let (outcome, detail) = match report.verdict {
        LeakVerdict::Unknown => {
            (StepOutcome::Unknown, format!("could not compare: {}", report.notes.join("; ")))
        }
        LeakVerdict::Leaked => {
            (StepOutcome::Failed, format!("{own} left behind, {shared} shared (kept by design)"))
        }
        LeakVerdict::Clean => {
            (StepOutcome::Ok, format!("0 left behind, {shared} shared (kept by design)"))
        }
    };
    p.step("leak-check", outcome, t, Some(detail.clone()));
    if plan.args.fail_on_leak && report.verdict == LeakVerdict::Leaked {
        let items: Vec<String> = report.real().map(|l| format!("{} {}", l.kind, l.item)).collect();
        let message = format!("DEL left behind: {}", items.join("; "));
        p.fail(ErrorKind::Leak, Code::PluginFailed, message, None);
    }
    if plan.args.fail_on_leak && report.verdict == LeakVerdict::Unknown {
        let message = format!("the leak check {detail}: --fail-on-leak cannot pass on it");
        p.fail(ErrorKind::Leak, Code::Environment, message, None);
    }
    p.report.leaks = Some(report);
}

/// Removes what the run made, collecting every error.
pub(super) fn cleanup(
    p: &mut Progress,
    ns: netns::Guard,
    sandbox: Option<Sandbox>,
    cache_root: CacheRoot,
) {
    let t = Instant::now();
    let mut problems = Vec::new();
    // What the plugins left running would keep the sandbox's namespaces alive after their
    // files are gone: it goes first.
    if sandbox.is_some() {
        let killed = crate::exec::survivors::kill_left(&p.calls);
        if !killed.is_empty() {
            let list: Vec<String> =
                killed.iter().map(|s| format!("{} ({})", s.pid, s.command)).collect();
            p.report.notes.push(format!(
                "killed what the plugins left running before removing the sandbox: {}",
                list.join(", ")
            ));
        }
    }
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
        return;
    }
    p.step("cleanup", StepOutcome::Failed, t, Some(problems.join("; ")));
    p.fail(
        ErrorKind::Cleanup,
        Code::Environment,
        problems.join("; "),
        Some("run `cnictl netns gc`".into()),
    );
}

/// One chain step, ADD, CHECK or DEL: time it, run the chain, keep its plugin steps and
/// calls, record the failure. The chain's result when every plugin succeeded.
fn chain_step(
    p: &mut Progress,
    plan: &Plan,
    stage: &Stage,
    op: Op,
    prev: Option<&CniResult>,
) -> Option<CniResult> {
    let t = Instant::now();
    let run = chain::run(&stage.runner, &plan.list, op, &stage.att, prev);
    *plugin_steps(&mut p.report, op) = run.steps;
    p.calls.extend(run.calls);
    let name = step_name(op);
    if let Some((index, failure)) = &run.failure {
        p.step(name, StepOutcome::Failed, t, None);
        p.fail_plugin(op, *index, failure);
        return None;
    }
    let detail = match op {
        Op::Add => Some(addresses(run.result.as_ref().expect("a successful ADD has a result"))),
        _ => None,
    };
    p.step(name, StepOutcome::Ok, t, detail);
    run.result
}

fn step_name(op: Op) -> &'static str {
    match op {
        Op::Add => "add",
        Op::Check => "check",
        Op::Del => "del",
        other => unreachable!("{other} is not a step of run"),
    }
}

fn plugin_steps(report: &mut RunReport, op: Op) -> &mut Vec<Step> {
    match op {
        Op::Add => &mut report.add,
        Op::Check => &mut report.check,
        Op::Del => &mut report.del,
        other => unreachable!("{other} is not a step of run"),
    }
}
