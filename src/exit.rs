//! Exit codes, in one place: documented in the README and the man page, and stable.

use crate::config::ConfigError;
use crate::exec::PluginFailure;

/// How cnictl ends. In JSON, by name: "success", "plugin-failed", "usage", "environment",
/// "crash", "interrupted".
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// Everything asked for succeeded.
    Success = 0,
    /// A plugin reported failure (an error object, or a non-zero exit), or does not
    /// support the version the configuration selects.
    PluginFailed = 1,
    /// Bad usage or a bad configuration: nothing was run, or what ran was refused.
    Usage = 2,
    /// The environment is wrong: not root, a namespace or plugin binary missing, the cache
    /// unreadable or unwritable.
    Environment = 3,
    /// A plugin timed out, crashed (died of a signal) or broke the protocol (garbage output).
    Crash = 4,
    /// Interrupted by SIGINT, SIGTERM or SIGHUP; the running plugin was killed.
    Interrupted = 130,
}

impl Code {
    pub fn as_u8(self) -> u8 {
        self as u8
    }

    /// The code cnitool ends with in the same case: it exits 1 on every failure, whatever
    /// its cause (`exit` and `usage` in cnitool.go), and a signal ends it as it ends cnictl.
    pub fn as_cnitool(self) -> Code {
        match self {
            Code::Success | Code::Interrupted => self,
            Code::PluginFailed | Code::Usage | Code::Environment | Code::Crash => {
                Code::PluginFailed
            }
        }
    }

    pub fn from_u8(code: u8) -> Option<Code> {
        [
            Code::Success,
            Code::PluginFailed,
            Code::Usage,
            Code::Environment,
            Code::Crash,
            Code::Interrupted,
        ]
        .into_iter()
        .find(|c| c.as_u8() == code)
    }
}

/// The exit status of a run that ended with `code`: the code itself, or cnitool's when
/// cnictl was invoked as `cnitool`.
pub fn status(code: u8, as_cnitool: bool) -> u8 {
    match Code::from_u8(code) {
        Some(c) if as_cnitool => c.as_cnitool().as_u8(),
        _ => code,
    }
}

/// Bad usage or arguments: exit 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// A problem with the machine rather than with cnictl's input: exit 3.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct EnvironmentError(pub String);

/// The exit code of a plugin failure.
pub fn of_failure(failure: &PluginFailure) -> Code {
    match failure {
        PluginFailure::NotFound { .. } | PluginFailure::Spawn { .. } => Code::Environment,
        PluginFailure::BadType { .. } => Code::Usage,
        PluginFailure::Error { .. } | PluginFailure::Failed { .. } => Code::PluginFailed,
        PluginFailure::Crashed { .. }
        | PluginFailure::TimedOut { .. }
        | PluginFailure::BadOutput { .. } => Code::Crash,
        PluginFailure::Interrupted { .. } => Code::Interrupted,
    }
}

/// The exit code of an error, from the first cause in its chain that says.
pub fn of_error(err: &anyhow::Error) -> Code {
    for cause in err.chain() {
        if let Some(failure) = cause.downcast_ref::<PluginFailure>() {
            return of_failure(failure);
        }
        // A file or directory that cannot be read is the machine's problem, not the
        // configuration's.
        if matches!(cause.downcast_ref::<ConfigError>(), Some(ConfigError::Io { .. })) {
            return Code::Environment;
        }
        if cause.is::<ConfigError>() || cause.is::<UsageError>() || cause.is::<clap::Error>() {
            return Code::Usage;
        }
        if cause.is::<crate::signals::Interrupted>() {
            return Code::Interrupted;
        }
        if cause.is::<EnvironmentError>() {
            return Code::Environment;
        }
        if cause.is::<ReportedFailure>() {
            return cause
                .downcast_ref::<ReportedFailure>()
                .map(|r| r.code)
                .unwrap_or(Code::PluginFailed);
        }
    }
    Code::Environment
}

/// A failure already shown in full by the report; carries its exit code.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct ReportedFailure {
    pub code: Code,
    pub message: String,
}
