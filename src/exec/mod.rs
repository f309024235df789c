//! Executing plugins: [`process`] runs any child with a deadline and bounded capture;
//! [`plugin`] finds a plugin binary and runs it once through it; [`chain`] runs a
//! configuration list for ADD, CHECK and DEL (SPEC section 3) and VERSION for every plugin.

pub mod chain;
pub mod plan;
pub mod plugin;
pub mod process;
pub mod slow;
pub mod survivors;
pub mod version;

use std::path::PathBuf;
use std::time::Duration;

pub use plugin::{Call, Command, Exit, Invocation, Runner, SystemRunner};

use crate::spec::error::CniError;

/// Why one plugin call did not succeed. Each case maps to one exit code.
#[derive(Debug, Clone, thiserror::Error)]
pub enum PluginFailure {
    #[error(
        "plugin {plugin:?} not found in {}: install it there, or point --cni-bin-dir / \
         CNI_PATH at the directory that holds it",
        join_dirs(dirs)
    )]
    NotFound { plugin: String, dirs: Vec<PathBuf> },
    #[error(
        "plugin type {plugin:?} contains a path separator; \"type\" must be a bare binary \
         name looked up in the bin dirs"
    )]
    BadType { plugin: String },
    #[error("cannot execute {}: {error}", path.display())]
    Spawn { plugin: String, path: PathBuf, error: String },
    #[error("plugin {plugin:?} failed ({exit}): {error}")]
    Error { plugin: String, error: CniError, exit: Exit, stderr: String },
    #[error("plugin {plugin:?} failed ({exit}) without an error object{}", stderr_suffix(stderr))]
    Failed { plugin: String, exit: Exit, stderr: String },
    #[error("plugin {plugin:?} crashed: {exit}{}", stderr_suffix(stderr))]
    Crashed { plugin: String, exit: Exit, stderr: String },
    #[error(
        "plugin {plugin:?} timed out after {}; it and its children were killed \
         (raise --timeout if it is just slow)",
        human_duration(*after)
    )]
    TimedOut { plugin: String, after: Duration, stderr: String },
    #[error("plugin {plugin:?} broke the protocol: {why}{}", stdout_suffix(stdout))]
    BadOutput { plugin: String, why: String, stdout: String, stderr: String },
    #[error("interrupted while plugin {plugin:?} ran; it and its children were killed")]
    Interrupted { plugin: String },
}

impl PluginFailure {
    /// The plugin this failure is about.
    pub fn plugin(&self) -> &str {
        match self {
            PluginFailure::NotFound { plugin, .. }
            | PluginFailure::BadType { plugin }
            | PluginFailure::Spawn { plugin, .. }
            | PluginFailure::Error { plugin, .. }
            | PluginFailure::Failed { plugin, .. }
            | PluginFailure::Crashed { plugin, .. }
            | PluginFailure::TimedOut { plugin, .. }
            | PluginFailure::BadOutput { plugin, .. }
            | PluginFailure::Interrupted { plugin } => plugin,
        }
    }

    /// Classifies a finished call: `Ok(())` when the plugin exited 0.
    pub fn from_invocation(inv: &Invocation) -> Result<(), PluginFailure> {
        let plugin = inv.plugin.clone();
        let stderr = inv.stderr.trim_end().to_string();
        match &inv.exit {
            Exit::Code(0) => Ok(()),
            Exit::Code(code) => match CniError::from_stdout(inv.stdout.as_bytes()) {
                Some(error) => {
                    Err(PluginFailure::Error { plugin, error, exit: inv.exit.clone(), stderr })
                }
                // A Go runtime panic exits 2 with a goroutine dump: a crash, not a report.
                None if *code == 2 && is_go_panic(&stderr) => {
                    Err(PluginFailure::Crashed { plugin, exit: inv.exit.clone(), stderr })
                }
                None => Err(PluginFailure::Failed { plugin, exit: inv.exit.clone(), stderr }),
            },
            Exit::Signal { .. } => {
                Err(PluginFailure::Crashed { plugin, exit: inv.exit.clone(), stderr })
            }
            Exit::TimedOut { after_ms } => Err(PluginFailure::TimedOut {
                plugin,
                after: Duration::from_millis(*after_ms),
                stderr,
            }),
            Exit::SpawnFailed { error } => {
                Err(PluginFailure::Spawn { plugin, path: inv.path.clone(), error: error.clone() })
            }
            Exit::Interrupted => Err(PluginFailure::Interrupted { plugin }),
        }
    }
}

/// Whether stderr holds a Go runtime panic (most plugins are Go programs).
fn is_go_panic(stderr: &str) -> bool {
    stderr.starts_with("panic: ") && stderr.contains("\ngoroutine ")
}

fn join_dirs(dirs: &[PathBuf]) -> String {
    if dirs.is_empty() {
        return "(no bin dirs given)".into();
    }
    dirs.iter().map(|d| d.display().to_string()).collect::<Vec<_>>().join(":")
}

/// The first line of stderr for one-line messages; the report keeps all of it.
fn stderr_suffix(stderr: &str) -> String {
    let mut lines = stderr.lines().filter(|l| !l.trim().is_empty());
    match (lines.next(), lines.count()) {
        (None, _) => "; it wrote nothing on stderr".into(),
        (Some(first), 0) => format!("; stderr: {first}"),
        (Some(first), more) => format!("; stderr: {first} (and {more} more lines)"),
    }
}

/// The start of what a plugin printed instead of a result, for one-line messages.
fn stdout_suffix(stdout: &str) -> String {
    let text = stdout.trim();
    if text.is_empty() {
        return String::new();
    }
    let shown: String = text.chars().take(80).collect();
    let more = if shown.len() < text.len() { "..." } else { "" };
    format!("; stdout: {shown:?}{more}")
}

impl PluginFailure {
    /// A protocol violation of a finished call, with what it printed as evidence.
    pub fn bad_output(inv: &Invocation, why: String) -> PluginFailure {
        PluginFailure::BadOutput {
            plugin: inv.plugin.clone(),
            why,
            stdout: inv.stdout.clone(),
            stderr: inv.stderr.trim_end().to_string(),
        }
    }
}

/// `1.5s`, `250ms`, `2m`.
pub fn human_duration(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 1000.0 {
        format!("{ms:.0}ms")
    } else if ms < 120_000.0 {
        format!("{:.1}s", ms / 1000.0).replace(".0s", "s")
    } else {
        format!("{:.1}m", ms / 60_000.0).replace(".0m", "m")
    }
}

/// The shortest `--timeout`: below it every call would time out before the plugin starts.
pub const MIN_TIMEOUT: Duration = Duration::from_millis(1);
/// The longest `--timeout`: a day, far past any plugin a runtime would wait for.
pub const MAX_TIMEOUT: Duration = Duration::from_secs(24 * 3600);

/// Parses `60s`, `500ms`, `2m`, `1.5s`, `1h`, or a bare number of seconds, between
/// [`MIN_TIMEOUT`] and [`MAX_TIMEOUT`].
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (number, scale) = if let Some(n) = text.strip_suffix("ms") {
        (n, 0.001)
    } else if let Some(n) = text.strip_suffix('s') {
        (n, 1.0)
    } else if let Some(n) = text.strip_suffix('m') {
        (n, 60.0)
    } else if let Some(n) = text.strip_suffix('h') {
        (n, 3600.0)
    } else {
        (text, 1.0)
    };
    let seconds = match number.trim().parse::<f64>() {
        Ok(n) if n.is_finite() => n * scale,
        _ => return Err(format!("invalid duration {text:?}: use e.g. 60s, 500ms, 2m")),
    };
    let range = || {
        format!(
            "duration {text:?} is out of range: give between {} and {}",
            human_duration(MIN_TIMEOUT),
            "24h"
        )
    };
    if !(MIN_TIMEOUT.as_secs_f64()..=MAX_TIMEOUT.as_secs_f64()).contains(&seconds) {
        return Err(range());
    }
    Ok(Duration::from_secs_f64(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_go_panic_is_a_crash() {
        let inv = Invocation {
            plugin: "bandwidth".into(),
            path: "/usr/lib/cni/bandwidth".into(),
            command: Command::Check,
            env: vec![],
            stdin: String::new(),
            stdout: String::new(),
            stderr: "panic: runtime error: nil pointer\n\ngoroutine 1 [running]:\nmain.cmdCheck()"
                .into(),
            exit: Exit::Code(2),
            duration_ms: 1.0,
            ..Default::default()
        };
        assert!(matches!(PluginFailure::from_invocation(&inv), Err(PluginFailure::Crashed { .. })));
        let plain = Invocation { stderr: "bad flag".into(), ..inv };
        assert!(matches!(
            PluginFailure::from_invocation(&plain),
            Err(PluginFailure::Failed { .. })
        ));
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("500ms").unwrap(), Duration::from_millis(500));
        assert_eq!(parse_duration("2m").unwrap(), Duration::from_secs(120));
        assert_eq!(parse_duration("1.5").unwrap(), Duration::from_millis(1500));
        assert!(parse_duration("0s").is_err());
        assert!(parse_duration("soon").is_err());
        assert_eq!(parse_duration("24h").unwrap(), MAX_TIMEOUT);
        assert_eq!(parse_duration("1ms").unwrap(), MIN_TIMEOUT);
        // Once panics in Duration::from_secs_f64, or a timeout nothing can meet.
        for text in ["1e20", "9e15h", "18446744073709551615", "1e-12", "25h", "-1s", "NaN", "inf"] {
            assert!(parse_duration(text).is_err(), "{text}");
        }
        assert_eq!(human_duration(Duration::from_millis(250)), "250ms");
        assert_eq!(human_duration(Duration::from_secs(60)), "60s");
    }
}
