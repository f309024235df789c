//! One module per subcommand: each turns its arguments into calls and a report, and hands
//! the report to the renderers.

pub mod attach;
pub mod cache;
pub mod conf;
pub mod gc;
pub mod generate;
pub mod inspect;
pub mod ipam;
pub mod netns;
pub mod run;
pub mod status;
pub mod version;

use std::io::Write;
use std::path::PathBuf;

use crate::cli::{Global, Output};
use crate::exec::{Invocation, SystemRunner};
use crate::render::{self, Style};

/// Plugin directories when neither `--cni-bin-dir` nor `CNI_PATH` is given: the runtimes'
/// usual place first, then the distributions' (cnitool has no default and fails instead).
pub const DEFAULT_BIN_DIRS: &str = "/opt/cni/bin:/usr/libexec/cni:/usr/lib/cni";

/// libcni's cache root.
pub const DEFAULT_CACHE_DIR: &str = "/var/lib/cni";

/// What every command needs, built once from the global options.
pub struct Context {
    pub global: Global,
    pub runner: SystemRunner,
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
        let runner = SystemRunner {
            bin_dirs,
            timeout: global.timeout,
            inherit_env: global.inherit_env,
            placement,
        };
        let style = Style::new(global.output, global.color, global.trace);
        Context { global, runner, style, rendered: std::cell::Cell::new(false) }
    }

    /// The cache root: `--cache-dir`, else libcni's.
    pub fn cache_dir(&self) -> PathBuf {
        self.global.cache_dir.clone().unwrap_or_else(|| PathBuf::from(DEFAULT_CACHE_DIR))
    }

    /// Writes a report to stdout: as JSON, as tables, or (`-o cnitool`) as what cnitool would
    /// print, which is nothing but the ADD result.
    pub fn emit<T: serde::Serialize>(
        &self,
        report: &T,
        table: impl FnOnce(&mut dyn Write, bool) -> std::io::Result<()>,
        cnitool: Option<String>,
    ) -> anyhow::Result<()> {
        self.rendered.set(true);
        let mut out = render::stdout();
        match self.style.output {
            Output::Json => render::json(&mut out, report)?,
            Output::Table => table(&mut out, self.style.color)?,
            Output::Cnitool => write!(out, "{}", cnitool.unwrap_or_default())?,
        }
        out.flush()?;
        Ok(())
    }

    /// Writes the trace to stderr when it is not part of a JSON report.
    pub fn trace_to_stderr(&self, calls: &[Invocation]) -> std::io::Result<()> {
        if self.style.trace && self.style.output != Output::Json {
            let stderr = std::io::stderr();
            let mut err = stderr.lock();
            let color = self.style.color && std::io::IsTerminal::is_terminal(&std::io::stderr());
            render::trace::calls(
                &mut err,
                calls,
                color || self.global.color == crate::cli::ColorChoice::Always,
            )?;
            err.flush()?;
        }
        Ok(())
    }

    /// The calls to embed in a JSON report: all of them with `--trace`, else none.
    pub fn calls_for_report(&self, calls: &[Invocation]) -> Option<Vec<Invocation>> {
        (self.style.trace && self.style.output == Output::Json).then(|| calls.to_vec())
    }
}
