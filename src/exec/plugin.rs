//! Running one plugin call the way the spec describes (SPEC section 2): parameters in
//! `CNI_*` variables of an otherwise explicit environment, the request on stdin, the result
//! or error on stdout, logs on stderr. Everything is captured and timed, so a trace shows
//! exactly what the plugin saw and said. The plugin runs in its own process group so that a
//! timeout or Ctrl-C kills it and every child it started.

use std::io::{Read, Write};
use std::os::fd::{AsFd, AsRawFd};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use nix::fcntl::{fcntl, FcntlArg, OFlag};
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::signal::{killpg, Signal};
use nix::unistd::Pid;
use serde::Serialize;

use super::PluginFailure;

/// Set by the signal handlers of [`crate::run`]; a running plugin is killed when it turns on.
pub fn interrupt_flag() -> Arc<AtomicBool> {
    static FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();
    FLAG.get_or_init(|| Arc::new(AtomicBool::new(false))).clone()
}

/// The spec's operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Command {
    Add,
    Check,
    Del,
    Version,
    Gc,
    Status,
}

impl Command {
    pub fn as_str(self) -> &'static str {
        match self {
            Command::Add => "ADD",
            Command::Check => "CHECK",
            Command::Del => "DEL",
            Command::Version => "VERSION",
            Command::Gc => "GC",
            Command::Status => "STATUS",
        }
    }
}

impl std::fmt::Display for Command {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One call to make.
#[derive(Debug, Clone)]
pub struct Call {
    pub plugin: String,
    pub path: PathBuf,
    pub command: Command,
    pub env: Vec<(String, String)>,
    pub stdin: Vec<u8>,
}

/// How a call ended. In JSON: `{"kind": "code", "code": 0}`, `{"kind": "signal", "signal":
/// 6, "name": "SIGABRT"}`, `{"kind": "timedOut", "afterMs": 500}`, `{"kind": "spawnFailed",
/// "error": "..."}` or `{"kind": "interrupted"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exit {
    /// Exited with this status.
    Code(i32),
    /// Killed by a signal it did not get from cnictl.
    Signal { signal: i32, name: String },
    /// Killed by cnictl after the timeout.
    TimedOut { after_ms: u64 },
    /// Could not be started.
    SpawnFailed { error: String },
    /// Killed by cnictl because cnictl was interrupted.
    Interrupted,
}

impl Serialize for Exit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        match self {
            Exit::Code(code) => {
                map.serialize_entry("kind", "code")?;
                map.serialize_entry("code", code)?;
            }
            Exit::Signal { signal, name } => {
                map.serialize_entry("kind", "signal")?;
                map.serialize_entry("signal", signal)?;
                map.serialize_entry("name", name)?;
            }
            Exit::TimedOut { after_ms } => {
                map.serialize_entry("kind", "timedOut")?;
                map.serialize_entry("afterMs", after_ms)?;
            }
            Exit::SpawnFailed { error } => {
                map.serialize_entry("kind", "spawnFailed")?;
                map.serialize_entry("error", error)?;
            }
            Exit::Interrupted => map.serialize_entry("kind", "interrupted")?,
        }
        map.end()
    }
}

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Exit::Code(code) => write!(f, "exit status {code}"),
            Exit::Signal { name, signal } => write!(f, "killed by {name} (signal {signal})"),
            Exit::TimedOut { after_ms } => write!(f, "timed out after {after_ms}ms"),
            Exit::SpawnFailed { error } => write!(f, "not started: {error}"),
            Exit::Interrupted => write!(f, "interrupted"),
        }
    }
}

/// A finished call: everything that crossed the process boundary.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Invocation {
    pub plugin: String,
    pub path: PathBuf,
    pub command: Command,
    #[serde(serialize_with = "env_as_object")]
    pub env: Vec<(String, String)>,
    pub stdin: String,
    pub stdout: String,
    pub stderr: String,
    pub exit: Exit,
    pub duration_ms: f64,
}

fn env_as_object<S: serde::Serializer>(env: &[(String, String)], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(env.len()))?;
    for (k, v) in env {
        map.serialize_entry(k, v)?;
    }
    map.end()
}

/// What runs plugins: the real one spawns processes; tests substitute a fake.
pub trait Runner {
    /// The plugin search path, as given to plugins in `CNI_PATH`.
    fn cni_path(&self) -> String;
    /// Finds a plugin binary.
    fn find(&self, plugin: &str) -> Result<PathBuf, PluginFailure>;
    /// Runs one call to the end.
    fn run(&self, call: &Call) -> Invocation;
}

/// Runs real binaries.
#[derive(Debug, Clone)]
pub struct SystemRunner {
    pub bin_dirs: Vec<PathBuf>,
    pub timeout: Duration,
    /// Pass cnictl's whole environment to plugins (libcni does); otherwise only `CNI_*`
    /// and `PATH`.
    pub inherit_env: bool,
    /// Where plugins run: cnictl's own namespaces, or a sandbox's.
    pub placement: crate::sandbox::Placement,
}

/// The `PATH` plugins get when cnictl itself has none.
const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// ETXTBSY: a binary still open for writing (just installed). libcni retries; so do we.
const TEXT_FILE_BUSY: i32 = 26;

impl SystemRunner {
    /// The `PATH` given to plugins: cnictl's own, so they find `iptables` and friends.
    pub fn path_env() -> String {
        std::env::var("PATH").unwrap_or_else(|_| DEFAULT_PATH.to_string())
    }

    fn spawn(&self, call: &Call) -> std::io::Result<std::process::Child> {
        let mut tries = 0;
        loop {
            let mut cmd = std::process::Command::new(&call.path);
            cmd.env_clear();
            if self.inherit_env {
                cmd.envs(std::env::vars_os());
            }
            cmd.envs(call.env.iter().map(|(k, v)| (k, v)))
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .process_group(0);
            self.placement.apply(&mut cmd)?;
            match cmd.spawn() {
                Err(err) if err.raw_os_error() == Some(TEXT_FILE_BUSY) && tries < 5 => {
                    tries += 1;
                    std::thread::sleep(Duration::from_millis(200));
                }
                other => return other,
            }
        }
    }
}

/// One output pipe of a plugin, read without blocking.
struct Pipe {
    file: std::fs::File,
    buf: Vec<u8>,
    closed: bool,
}

impl Pipe {
    fn new(fd: impl Into<std::os::fd::OwnedFd>) -> Pipe {
        let fd: std::os::fd::OwnedFd = fd.into();
        let flags = fcntl(fd.as_raw_fd(), FcntlArg::F_GETFL).unwrap_or(0);
        let flags = OFlag::from_bits_truncate(flags) | OFlag::O_NONBLOCK;
        let _ = fcntl(fd.as_raw_fd(), FcntlArg::F_SETFL(flags));
        Pipe { file: std::fs::File::from(fd), buf: Vec::new(), closed: false }
    }

    /// Reads what is there; marks the pipe closed at end of file.
    fn drain(&mut self) {
        let mut chunk = [0u8; 16 * 1024];
        loop {
            match self.file.read(&mut chunk) {
                Ok(0) => {
                    self.closed = true;
                    return;
                }
                Ok(n) => self.buf.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return,
                Err(_) => {
                    self.closed = true;
                    return;
                }
            }
        }
    }
}

fn signal_name(signal: i32) -> String {
    Signal::try_from(signal)
        .map(|s| s.as_str().to_string())
        .unwrap_or_else(|_| format!("signal {signal}"))
}

impl Runner for SystemRunner {
    fn cni_path(&self) -> String {
        self.bin_dirs.iter().map(|d| d.display().to_string()).collect::<Vec<_>>().join(":")
    }

    fn find(&self, plugin: &str) -> Result<PathBuf, PluginFailure> {
        if plugin.contains('/') {
            return Err(PluginFailure::BadType { plugin: plugin.to_string() });
        }
        self.bin_dirs.iter().map(|dir| dir.join(plugin)).find(|path| path.is_file()).ok_or_else(
            || PluginFailure::NotFound { plugin: plugin.to_string(), dirs: self.bin_dirs.clone() },
        )
    }

    fn run(&self, call: &Call) -> Invocation {
        let start = Instant::now();
        // The trace shows the environment the plugin really got.
        let env = if self.inherit_env {
            let mut env: Vec<(String, String)> =
                std::env::vars().filter(|(k, _)| !call.env.iter().any(|(c, _)| c == k)).collect();
            env.extend(call.env.iter().cloned());
            env
        } else {
            call.env.clone()
        };
        let finish = |exit: Exit, stdout: Vec<u8>, stderr: Vec<u8>| Invocation {
            plugin: call.plugin.clone(),
            path: call.path.clone(),
            command: call.command,
            env: env.clone(),
            stdin: String::from_utf8_lossy(&call.stdin).into_owned(),
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
            exit,
            duration_ms: start.elapsed().as_secs_f64() * 1000.0,
        };
        let mut child = match self.spawn(call) {
            Ok(child) => child,
            Err(err) => {
                return finish(Exit::SpawnFailed { error: err.to_string() }, Vec::new(), Vec::new())
            }
        };
        let pgid = Pid::from_raw(child.id() as i32);
        // Requests are small: write and close at once, so the plugin sees the end of its
        // input. One that could fill the pipe goes through a thread instead, in case the
        // plugin writes before it reads. A plugin that exits unread makes the write fail,
        // harmlessly.
        let mut stdin = child.stdin.take().expect("stdin is piped");
        if call.stdin.len() <= 16 * 1024 {
            let _ = stdin.write_all(&call.stdin);
            drop(stdin);
        } else {
            let request = call.stdin.clone();
            std::thread::spawn(move || {
                let _ = stdin.write_all(&request);
            });
        }
        let mut pipes = [
            Pipe::new(child.stdout.take().expect("stdout is piped")),
            Pipe::new(child.stderr.take().expect("stderr is piped")),
        ];

        // One thread, no helpers: poll both pipes until they close, with the deadline and
        // the interrupt flag checked between polls.
        let interrupted = interrupt_flag();
        let deadline = start + self.timeout;
        let mut killed: Option<Exit> = None;
        let mut status = None;
        let mut exited_at: Option<Instant> = None;
        loop {
            if interrupted.load(Ordering::SeqCst) && killed.is_none() {
                let _ = killpg(pgid, Signal::SIGKILL);
                killed = Some(Exit::Interrupted);
            }
            let now = Instant::now();
            if now >= deadline && killed.is_none() {
                let _ = killpg(pgid, Signal::SIGKILL);
                killed = Some(Exit::TimedOut { after_ms: self.timeout.as_millis() as u64 });
            }
            if pipes.iter().all(|p| p.closed) {
                break;
            }
            // A child that escaped the process group can hold the pipes after the plugin
            // is gone; output is then complete enough after a grace period.
            if status.is_none() {
                if let Ok(Some(done)) = child.try_wait() {
                    status = Some(done);
                    exited_at = Some(now);
                }
            }
            if exited_at.is_some_and(|t| t.elapsed() > Duration::from_millis(500)) {
                break;
            }
            let slice = deadline
                .saturating_duration_since(now)
                .clamp(Duration::from_millis(1), Duration::from_millis(100));
            let mut fds: Vec<PollFd> = pipes
                .iter()
                .filter(|p| !p.closed)
                .map(|p| PollFd::new(p.file.as_fd(), PollFlags::POLLIN))
                .collect();
            let ready = poll(&mut fds, PollTimeout::from(slice.as_millis() as u16));
            drop(fds);
            if matches!(ready, Ok(n) if n > 0) || ready.is_err() {
                for pipe in pipes.iter_mut().filter(|p| !p.closed) {
                    pipe.drain();
                }
            }
        }
        let status = match status {
            Some(status) => Ok(status),
            None => child.wait(),
        };
        let [out, err] = pipes.map(|p| p.buf);
        let exit = match (killed, status) {
            (Some(exit), _) => exit,
            (None, Ok(status)) => match (status.code(), status.signal()) {
                (Some(code), _) => Exit::Code(code),
                (None, Some(signal)) => Exit::Signal { signal, name: signal_name(signal) },
                (None, None) => Exit::SpawnFailed { error: "no exit status".into() },
            },
            (None, Err(e)) => Exit::SpawnFailed { error: e.to_string() },
        };
        finish(exit, out, err)
    }
}
