//! The run as it goes: the report being filled, every plugin call, and the first failure,
//! which decides the exit code. Steps record themselves here; later failures only add steps.

use std::time::Instant;

use anyhow::Result;

use super::Plan;
use crate::commands::Context;
use crate::exec::PluginFailure;
use crate::exec::{Command as Op, Invocation};
use crate::exit::{self, Code, ReportedFailure};
use crate::report::{ErrorKind, ErrorReport, RunReport, RunStep, StepOutcome};

pub(super) struct Progress {
    pub report: RunReport,
    pub calls: Vec<Invocation>,
    code: Code,
    failure: Option<anyhow::Error>,
    told_interrupt: bool,
}

impl Progress {
    pub fn new(plan: &Plan) -> Progress {
        let report = RunReport {
            command: "run",
            config: plan.config.clone(),
            sandbox: plan.args.sandbox,
            netns: None,
            host_netns: None,
            container_id: None,
            ifname: plan.args.ifname.clone(),
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
            quiet: plan.args.quiet,
        };
        Progress {
            report,
            calls: Vec::new(),
            code: Code::Success,
            failure: None,
            told_interrupt: false,
        }
    }

    pub fn step(
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
    pub fn fail(&mut self, kind: ErrorKind, code: Code, message: String, hint: Option<String>) {
        if self.report.error.is_none() {
            self.report.error = Some(ErrorReport::simple(kind, code, message.clone(), hint));
            self.code = code;
            self.failure = Some(ReportedFailure { code, message }.into());
        }
    }

    /// Records the first failure, a plugin's in the chain step `op`.
    pub fn fail_plugin(&mut self, op: Op, index: usize, failure: &PluginFailure) {
        if self.report.error.is_none() {
            self.report.error = Some(ErrorReport::from_failure(index, failure, None));
            self.code = exit::of_failure(failure);
            self.failure = Some(
                anyhow::Error::new(failure.clone())
                    .context(format!("{op} failed at plugin {}", index + 1)),
            );
        }
    }

    pub fn failed(&self) -> bool {
        self.report.error.is_some()
    }

    /// A signal asked cnictl to stop: record it, say so on stderr, and clear the flag so
    /// that DEL and the clean-up can still run plugins (held to
    /// [`crate::signals::CLEANUP_TIMEOUT`]; a second signal ends cnictl at once).
    pub fn interrupted(&mut self) -> bool {
        if !crate::signals::take_pending() {
            return false;
        }
        if !self.told_interrupt {
            self.told_interrupt = true;
            eprintln!(
                "cnictl: interrupted: cleaning up (DEL of the chain, then removing what this run \
                 made); Ctrl-C again to abort"
            );
        }
        self.fail(
            ErrorKind::Interrupted,
            Code::Interrupted,
            "interrupted by a signal; cleaned up".into(),
            None,
        );
        true
    }

    /// A signal that came after an earlier failure, or during the leak check or the
    /// clean-up, still makes the exit 130; an earlier failure stays in the report as a note.
    fn settle_interrupt(&mut self) {
        if !crate::signals::seen() || self.code == Code::Interrupted {
            return;
        }
        if let Some(earlier) = self.report.error.take() {
            self.report.notes.push(format!("before the signal: {}", earlier.message));
        }
        let message = "interrupted by a signal; cleaned up".to_string();
        let report =
            ErrorReport::simple(ErrorKind::Interrupted, Code::Interrupted, message.clone(), None);
        self.report.error = Some(report);
        self.code = Code::Interrupted;
        self.failure = Some(ReportedFailure { code: Code::Interrupted, message }.into());
    }

    /// Emits the report and returns the first failure.
    pub fn finish(mut self, ctx: &Context, started: Instant) -> Result<()> {
        self.settle_interrupt();
        let left = crate::exec::survivors::notes(&self.calls);
        self.report.notes.splice(0..0, left);
        self.report.duration_ms = started.elapsed().as_secs_f64() * 1000.0;
        self.report.calls = ctx.calls_for_report(&self.calls);
        ctx.trace_to_stderr(&self.calls)?;
        ctx.emit(&self.report)?;
        match self.failure {
            Some(failure) => Err(failure),
            None => Ok(()),
        }
    }
}
