//! `record install | uninstall | status | ls | show`: put recording shims in front of the
//! real plugins, and read what the runtime sent them. The shim itself is
//! [`crate::record::shim`]; nothing here runs in it.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand};

use super::Context;
use crate::exec::Exit;
use crate::exit::{EnvironmentError, UsageError};
use crate::record::log::{self, Record};
use crate::record::{install, redact, DEFAULT_LOG_DIR, DEFAULT_SHIM_DIR};
use crate::report::record::{CallSummary, InstallReport, ListReport, Outcome, ShowReport};
use crate::spec::error::CniError;

#[derive(Debug, Clone, Args)]
pub struct RecordArgs {
    #[command(subcommand)]
    pub action: RecordAction,
}

#[derive(Debug, Clone, Subcommand)]
pub enum RecordAction {
    /// Make a shim dir: a link to cnictl for every plugin in the bin dirs, and the marker
    /// naming them; then print the line that puts it first in each runtime's plugin path
    ///
    /// The bin dirs are --cni-bin-dir (or CNI_PATH): the directories the runtime uses
    /// today. Each shim runs the real plugin of its name from them with the same stdin,
    /// environment and arguments, passes stdout, stderr and the exit status back
    /// untouched, and appends the call to the log. Running install again updates the
    /// links (plugins installed since get theirs).
    Install {
        /// The directory of shims to make (new, empty, or made by install before)
        #[arg(long, value_name = "DIR", default_value = DEFAULT_SHIM_DIR)]
        shim_dir: PathBuf,
        /// Where the shims write the log (made 0700)
        #[arg(long, value_name = "DIR", default_value = DEFAULT_LOG_DIR)]
        log_dir: PathBuf,
        /// Log secrets as they are: without it, values of keys named like the
        /// --redact-keys are masked in the logged stdin and environment
        #[arg(long)]
        no_redact: bool,
        /// Key fragments that mark a secret, comma-separated, case-insensitive
        #[arg(
            long,
            value_name = "LIST",
            value_delimiter = ',',
            default_value = "token,password,passwd,key,secret,credential"
        )]
        redact_keys: Vec<String>,
        /// The most of each stream (stdin, stdout, stderr) one record keeps; the plugin's
        /// own streams are never cut
        #[arg(long, value_name = "BYTES", default_value = "1MiB", value_parser = parse_bytes)]
        stream_cap: u64,
        /// The size at which the log is rotated
        #[arg(long, value_name = "BYTES", default_value = "64MiB", value_parser = parse_bytes)]
        log_cap: u64,
        /// How many rotated logs to keep
        #[arg(long, value_name = "N", default_value_t = crate::record::DEFAULT_KEEP)]
        keep: u32,
    },
    /// Remove the links and the marker install made (never anything else); the log stays
    Uninstall {
        /// The shim dir install made
        #[arg(long, value_name = "DIR", default_value = DEFAULT_SHIM_DIR)]
        shim_dir: PathBuf,
    },
    /// What a shim dir holds, which plugins have no shim, and the log's size and records
    Status {
        /// The shim dir to look at
        #[arg(long, value_name = "DIR", default_value = DEFAULT_SHIM_DIR)]
        shim_dir: PathBuf,
        /// The log dir to look at [default: the shim dir's, else /var/log/cnictl]
        #[arg(long, value_name = "DIR")]
        log_dir: Option<PathBuf>,
    },
    /// The recorded calls, oldest first: a delegated IPAM call names the call it came from
    Ls {
        /// The log dir install was given
        #[arg(long, value_name = "DIR", default_value = DEFAULT_LOG_DIR)]
        log_dir: PathBuf,
        /// Only this network's calls
        #[arg(long)]
        network: Option<String>,
        /// Only this container's calls
        #[arg(long)]
        container_id: Option<String>,
    },
    /// One recorded call in full: caller, links, environment, stdin, stdout, stderr
    Show {
        /// The call's id (as `record ls` shows it), or its unique start
        id: String,
        /// The log dir install was given
        #[arg(long, value_name = "DIR", default_value = DEFAULT_LOG_DIR)]
        log_dir: PathBuf,
    },
}

/// Bytes, with an optional K, M or G (KiB, MiB, GiB) suffix: `1MiB`, `512K`, `4096`.
pub fn parse_bytes(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let n: u64 = number.parse().map_err(|_| format!("{text:?} is not a size (e.g. 1MiB)"))?;
    let shift = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kib" | "kb" => 10,
        "m" | "mib" | "mb" => 20,
        "g" | "gib" | "gb" => 30,
        _ => return Err(format!("{text:?}: the unit is one of K, M, G (powers of 1024)")),
    };
    n.checked_shl(shift).filter(|v| v >> shift == n).ok_or_else(|| format!("{text:?} is too big"))
}

pub fn run(ctx: &Context, args: &RecordArgs) -> Result<()> {
    match &args.action {
        RecordAction::Install {
            shim_dir,
            log_dir,
            no_redact,
            redact_keys,
            stream_cap,
            log_cap,
            keep,
        } => {
            let absolute = |p: &PathBuf| std::path::absolute(p).unwrap_or_else(|_| p.clone());
            let keys: Vec<String> = if redact_keys.is_empty() {
                redact::DEFAULT_KEYS.iter().map(|k| k.to_string()).collect()
            } else {
                redact_keys.iter().map(|k| k.trim().to_string()).filter(|k| !k.is_empty()).collect()
            };
            let opts = install::Options {
                shim_dir: absolute(shim_dir),
                log_dir: absolute(log_dir),
                bin_dirs: ctx.runner.bin_dirs().iter().map(absolute).collect(),
                redact: !no_redact,
                redact_keys: keys,
                stream_cap: *stream_cap,
                log_cap: *log_cap,
                keep: *keep,
                conf_dir: ctx.global.cni_conf_dir.clone(),
            };
            let (marker, plugins) = install::install(&opts)?;
            let runtimes = install::runtime_hints(&opts.shim_dir, &opts.bin_dirs, &opts.conf_dir);
            ctx.emit(&InstallReport {
                command: "record install",
                shim_dir: opts.shim_dir.clone(),
                marker,
                plugins,
                runtimes,
            })
        }
        RecordAction::Uninstall { shim_dir } => ctx.emit(&install::uninstall(shim_dir)?),
        RecordAction::Status { shim_dir, log_dir } => {
            ctx.emit(&install::status(shim_dir, log_dir.as_deref()))
        }
        RecordAction::Ls { log_dir, network, container_id } => {
            let read = read_log(log_dir)?;
            let keep = |r: &&Record| {
                network.as_ref().is_none_or(|n| r.network.as_ref() == Some(n))
                    && container_id.as_ref().is_none_or(|c| r.container_id.as_ref() == Some(c))
            };
            let calls = read
                .records
                .iter()
                .filter(keep)
                .map(|r| summarize(r, parent(&read.records, r)))
                .collect();
            ctx.emit(&ListReport {
                command: "record ls",
                dir: log_dir.clone(),
                calls,
                broken: read.broken,
            })
        }
        RecordAction::Show { id, log_dir } => show(ctx, id, log_dir),
    }
}

fn show(ctx: &Context, id: &str, log_dir: &std::path::Path) -> Result<()> {
    let read = read_log(log_dir)?;
    let exact = read.records.iter().find(|r| r.id == id);
    let record = match exact {
        Some(r) => r,
        None => {
            let matches: Vec<&Record> =
                read.records.iter().filter(|r| r.id.starts_with(id)).collect();
            match matches.as_slice() {
                [one] => *one,
                [] => {
                    return Err(UsageError(format!(
                        "no recorded call {id} in {} (see `cnictl record ls`)",
                        log_dir.display()
                    ))
                    .into())
                }
                many => {
                    return Err(UsageError(format!(
                        "{id} is the start of {} calls' ids: give more of it",
                        many.len()
                    ))
                    .into())
                }
            }
        }
    };
    let children = read
        .records
        .iter()
        .filter(|c| parent(&read.records, c).as_deref() == Some(record.id.as_str()))
        .map(|c| c.id.clone())
        .collect();
    ctx.emit(&ShowReport {
        record: record.clone(),
        outcome: outcome(record),
        parent: parent(&read.records, record),
        children,
    })
}

fn read_log(dir: &std::path::Path) -> Result<log::Read> {
    if !dir.is_dir() {
        return Err(EnvironmentError(format!(
            "no log dir {}: give the one of `record install --log-dir` with --log-dir",
            dir.display()
        ))
        .into());
    }
    log::read(dir).map_err(|e| {
        let hint =
            if e.kind() == std::io::ErrorKind::PermissionDenied { " (run as root)" } else { "" };
        EnvironmentError(format!("cannot read the log in {}: {e}{hint}", dir.display())).into()
    })
}

/// The call that made this one: a record whose real plugin process is this call's caller
/// and that was running when this one started (pids are reused, times are not).
pub fn parent(records: &[Record], call: &Record) -> Option<String> {
    records
        .iter()
        .filter(|p| p.plugin_pid == Some(call.caller.pid) && p.id != call.id)
        .filter(|p| {
            let end = p.start_unix_ns + (p.duration_ms * 1_000_000.0) as u128;
            p.start_unix_ns <= call.start_unix_ns && call.start_unix_ns <= end
        })
        .map(|p| p.id.clone())
        .next()
}

/// How the call ended: ok, a CNI error (code and message), another exit status, a signal.
pub fn outcome(r: &Record) -> Outcome {
    match &r.exit {
        Exit::Code(0) => Outcome { kind: "ok", detail: String::new() },
        Exit::Code(code) => match CniError::from_stdout(r.stdout.lossy().as_bytes()) {
            Some(e) => Outcome { kind: "error", detail: format!("{}: {}", e.code, e.msg) },
            None => Outcome { kind: "failed", detail: format!("exit status {code}") },
        },
        Exit::Signal { name, .. } => Outcome { kind: "killed", detail: name.clone() },
        other => Outcome { kind: "not-run", detail: other.to_string() },
    }
}

pub fn summarize(r: &Record, parent: Option<String>) -> CallSummary {
    CallSummary {
        id: r.id.clone(),
        time: r.time.clone(),
        command: r.command.clone(),
        network: r.network.clone(),
        container_id: r.container_id.clone(),
        ifname: r.ifname.clone(),
        plugin: r.plugin.clone(),
        outcome: outcome(r),
        duration_ms: r.duration_ms,
        parent,
        caller: format!("{} ({})", r.caller.comm, r.caller.pid),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_take_binary_units() {
        assert_eq!(parse_bytes("4096"), Ok(4096));
        assert_eq!(parse_bytes("1MiB"), Ok(1 << 20));
        assert_eq!(parse_bytes("64M"), Ok(64 << 20));
        assert_eq!(parse_bytes("2g"), Ok(2 << 30));
        assert!(parse_bytes("1T").is_err());
        assert!(parse_bytes("lots").is_err());
    }
}
