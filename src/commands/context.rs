//! What every command needs: the global options, the plugin runner, the output style, and
//! the one place that writes a report or an error.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::exec::{Invocation, Runner, SystemRunner};
use crate::exit::EnvironmentError;
use crate::render::{self, ColorChoice, Output, Render, Style};
use crate::report::{ErrorReport, FailureReport};

/// Options every command takes. A flag beats its environment variable, which beats the
/// default.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct Global {
    /// Directory of network configurations (.conflist, .conf, .json)
    #[arg(
        long,
        env = "NETCONFPATH",
        default_value = "/etc/cni/net.d",
        global = true,
        value_name = "DIR"
    )]
    pub cni_conf_dir: PathBuf,

    /// Plugin directories, colon-separated, searched in order
    /// [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]
    #[arg(long, env = "CNI_PATH", global = true, value_name = "DIRS")]
    pub cni_bin_dir: Option<String>,

    /// Root of the result cache (results/ below it), as libcni's [default: /var/lib/cni;
    /// for `run`, a private temporary one]
    #[arg(long, global = true, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,

    /// Output format: readable tables, a JSON report (also for failures), exactly what
    /// cnitool prints, or the names a listing command lists
    #[arg(short, long, value_enum, default_value_t = Output::Table, global = true)]
    pub output: Output,

    /// Tables without their header row
    #[arg(long, global = true)]
    pub no_headers: bool,

    /// Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time
    /// (on stderr; in the report with -o json)
    #[arg(long, global = true)]
    pub trace: bool,

    /// When to use colour (NO_COLOR is honoured under auto)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Time limit of each plugin call; the plugin and its children are killed after it
    #[arg(long, default_value = "60s", global = true, value_name = "DURATION",
          value_parser = crate::exec::parse_duration)]
    pub timeout: std::time::Duration,

    /// Give plugins cnictl's whole environment, as libcni does, instead of only CNI_* and
    /// PATH
    #[arg(long, global = true)]
    pub inherit_env: bool,

    /// Run plugins inside this network namespace (a name under /var/run/netns, or a path)
    /// instead of cnictl's own: a stand-in for the node
    #[arg(long, global = true, value_name = "NETNS")]
    pub host_netns: Option<String>,

    /// Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so
    /// IPAM state stays out of the node's
    #[arg(long, global = true, value_name = "DIR")]
    pub plugin_state_dir: Option<PathBuf>,
}

/// Plugin directories when neither `--cni-bin-dir` nor `CNI_PATH` is given: the runtimes'
/// usual place first, then the distributions' (cnitool has no default and fails instead).
pub const DEFAULT_BIN_DIRS: &str = "/opt/cni/bin:/usr/libexec/cni:/usr/lib/cni";

/// libcni's cache root.
pub const DEFAULT_CACHE_DIR: &str = "/var/lib/cni";

/// What every command needs, built once from the global options.
pub struct Context {
    pub global: Global,
    /// Where plugin calls go: the system's runner, or whatever a command puts in its place.
    pub runner: Box<dyn Runner>,
    pub style: Style,
    /// Set once a report is on stdout, so a later error does not print another.
    pub rendered: std::cell::Cell<bool>,
}

impl Context {
    pub fn new(global: Global) -> Context {
        let dirs = global.cni_bin_dir.clone().unwrap_or_else(|| DEFAULT_BIN_DIRS.to_string());
        let bin_dirs: Vec<PathBuf> =
            dirs.split(':').filter(|d| !d.is_empty()).map(PathBuf::from).collect();
        let placement = crate::sandbox::Placement {
            netns: global.host_netns.as_deref().map(crate::netns::resolve),
            state_dir: global.plugin_state_dir.clone(),
        };
        let runner = Box::new(SystemRunner {
            bin_dirs,
            timeout: global.timeout,
            inherit_env: global.inherit_env,
            placement,
        });
        let style = Style::new(global.output, global.color, global.trace, global.no_headers);
        Context { global, runner, style, rendered: std::cell::Cell::new(false) }
    }

    /// The cache root: `--cache-dir`, else libcni's.
    pub fn cache_dir(&self) -> PathBuf {
        self.global.cache_dir.clone().unwrap_or_else(|| PathBuf::from(DEFAULT_CACHE_DIR))
    }

    /// Writes a report to stdout in the chosen format. The one writer of reports.
    pub fn emit(&self, report: &impl Render) -> anyhow::Result<()> {
        self.rendered.set(true);
        let mut out = render::stdout();
        render::write(&mut out, &self.style, report)?;
        out.flush()?;
        Ok(())
    }

    /// Writes a failure that came before any report (bad arguments, a configuration that
    /// does not load, no root): with `-o json`, one object with the command and the error
    /// block; otherwise nothing on stdout, since main prints the error on stderr.
    pub fn emit_failure(&self, command: &str, err: &anyhow::Error) -> anyhow::Result<()> {
        if self.rendered.get() || self.style.output != Output::Json {
            return Ok(());
        }
        let failure =
            FailureReport { command: command.to_string(), error: ErrorReport::of_error(err) };
        self.rendered.set(true);
        let mut out = render::stdout();
        render::json(&mut out, &failure)?;
        out.flush()?;
        Ok(())
    }

    /// The global options of this call as a command line, for the commands cnictl prints:
    /// a hint pasted into a shell must act on the same directories, cache, namespaces and
    /// plugins as the call that printed it, whether they came from flags or the environment.
    /// `cache_dir` and `placement` (host namespace, plugin state dir) replace the call's own
    /// when given (a kept run's sandbox).
    pub fn global_argv(
        &self,
        cache_dir: Option<&std::path::Path>,
        placement: Option<(&str, &std::path::Path)>,
    ) -> Vec<String> {
        let g = &self.global;
        let mut argv = vec![
            "--cni-conf-dir".to_string(),
            g.cni_conf_dir.display().to_string(),
            "--cni-bin-dir".to_string(),
            self.runner.cni_path(),
        ];
        let cache = cache_dir.map(std::path::Path::to_path_buf).or_else(|| g.cache_dir.clone());
        if let Some(dir) = cache {
            argv.extend(["--cache-dir".to_string(), dir.display().to_string()]);
        }
        let host = placement.map(|(h, _)| h.to_string()).or_else(|| g.host_netns.clone());
        if let Some(host) = host {
            argv.extend(["--host-netns".to_string(), host]);
        }
        let state = placement.map(|(_, d)| d.to_path_buf()).or_else(|| g.plugin_state_dir.clone());
        if let Some(dir) = state {
            argv.extend(["--plugin-state-dir".to_string(), dir.display().to_string()]);
        }
        if g.timeout != std::time::Duration::from_secs(60) {
            argv.extend(["--timeout".to_string(), format!("{}ms", g.timeout.as_millis().max(1))]);
        }
        if g.inherit_env {
            argv.push("--inherit-env".into());
        }
        argv
    }

    /// Says on stderr, with `-o cnitool` only, what that format has no room for (it prints
    /// nothing but ADD's result), where keeping quiet would mislead.
    pub fn note_for_cnitool(&self, text: &str) {
        if self.style.output == Output::Cnitool {
            eprintln!("cnictl: note: {}", render::escape_controls(text, false));
        }
    }

    /// Asks before an action that a live attachment would feel: yes with `--yes`, else the
    /// answer on a terminal, else no. Says what is at stake first, on stderr (stdout holds
    /// the report).
    pub fn confirm(&self, yes: bool, what: &str, question: &str) -> bool {
        use std::io::{BufRead, IsTerminal};
        eprintln!("{}", render::escape_controls(what, false));
        if yes {
            return true;
        }
        if !std::io::stdin().is_terminal() {
            return false;
        }
        eprint!("{question} [y/N] ");
        let mut answer = String::new();
        let _ = std::io::stdin().lock().read_line(&mut answer);
        matches!(answer.trim(), "y" | "Y" | "yes")
    }

    /// Refuses to go on without root: plugins need CAP_NET_ADMIN and CAP_SYS_ADMIN.
    pub fn require_root(&self, command: &str) -> Result<(), EnvironmentError> {
        if nix::unistd::geteuid().is_root() {
            return Ok(());
        }
        Err(EnvironmentError(format!(
            "{command} needs root: plugins create interfaces, addresses and routes \
             (CAP_NET_ADMIN and CAP_SYS_ADMIN); run cnictl with sudo"
        )))
    }

    /// Writes the trace to stderr when it is not part of a JSON report.
    pub fn trace_to_stderr(&self, calls: &[Invocation]) -> std::io::Result<()> {
        if self.style.trace && self.style.output != Output::Json {
            let color = (self.style.color && std::io::IsTerminal::is_terminal(&std::io::stderr()))
                || self.global.color == ColorChoice::Always;
            let mut text = Vec::new();
            render::trace::calls(&mut text, calls, color)?;
            let text = String::from_utf8_lossy(&text);
            let mut err = std::io::stderr().lock();
            err.write_all(render::escape_controls(&text, color).as_bytes())?;
            err.flush()?;
        }
        Ok(())
    }

    /// The calls to embed in a JSON report: all of them with `--trace`, else none.
    pub fn calls_for_report(&self, calls: &[Invocation]) -> Option<Vec<Invocation>> {
        (self.style.trace && self.style.output == Output::Json).then(|| calls.to_vec())
    }
}
