//! The one bounded process runner: plugin calls ([`super::plugin::SystemRunner`]) and the
//! command of `cnictl run -- COMMAND` both go through [`run`]. A child runs in its own
//! process group with an explicit environment; stdin is written, stdout and stderr are read
//! while it runs; the deadline and the interrupt flag are checked between polls, and either
//! kills the whole group. Output is captured with bounded memory: the first and last
//! [`KEEP_BYTES`] of each stream, and the total size.

use std::collections::VecDeque;
use std::io::{self, Read, Write};
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Child, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use nix::fcntl::{fcntl, FcntlArg, OFlag};
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::signal::{killpg, Signal};
use nix::unistd::Pid;
use serde::{Deserialize, Serialize};

/// How much of each end of a stream is kept: the first and the last 64 KiB. A plugin's
/// result or error is far smaller; a runaway writer costs at most 256 KiB per process,
/// and the cut is marked in the middle of the text (see [`cut_marker`]).
pub const KEEP_BYTES: usize = 64 * 1024;

/// Requests up to this size are written at once and stdin closed: they fit in a pipe's
/// buffer, so the write cannot block. Larger ones go through a thread, in case the child
/// writes before it reads.
const INLINE_STDIN: usize = 16 * 1024;

/// How long output may still arrive after the child exited: a grandchild that escaped the
/// process group can hold the pipes open for ever.
const EXITED_GRACE: Duration = Duration::from_millis(500);

/// How long to wait for a killed child to be reaped before giving up on its status.
const KILLED_GRACE: Duration = Duration::from_secs(5);

/// At most this much is read from one pipe per turn, so a fast writer cannot keep the loop
/// from checking the deadline.
const READ_PER_TURN: usize = 1024 * 1024;

/// Set by the signal handlers of [`crate::signals`]; a running child is killed when it
/// turns on.
fn global_flag() -> &'static Arc<AtomicBool> {
    crate::signals::pending()
}

/// What to run.
pub struct Spec<'a> {
    /// The binary; a bare name is looked up in `PATH`, as `std::process::Command` does.
    pub program: &'a Path,
    /// The arguments after `argv[0]`.
    pub args: &'a [String],
    /// Applied over an empty environment, or over cnictl's own with `inherit_env`.
    pub env: &'a [(String, String)],
    pub inherit_env: bool,
    /// Written to the child's stdin, which is then closed; `None` gives it `/dev/null`.
    pub stdin: Option<&'a [u8]>,
    /// Counted from the spawn; the group is killed when it runs out.
    pub timeout: Duration,
    /// Runs on the command before the spawn, e.g. [`crate::sandbox::Placement::apply`].
    pub prepare: &'a dyn Fn(&mut std::process::Command) -> io::Result<()>,
    /// The child is killed when this turns on; the signal flag unless a test says not.
    pub interrupt: &'a AtomicBool,
    /// On interrupt, let the child finish (held to [`crate::signals::CLEANUP_TIMEOUT`])
    /// rather than kill it: for DEL, which a kill can leave half done.
    pub finish_on_interrupt: bool,
    /// Called with the time since the spawn at every turn of the wait (a few times a
    /// second at least), and once with `None` when the wait is over: for a progress line.
    pub tick: &'a dyn Fn(Option<Duration>),
}

fn no_preparation(_: &mut std::process::Command) -> io::Result<()> {
    Ok(())
}

fn no_tick(_: Option<Duration>) {}

impl<'a> Spec<'a> {
    /// `program` with no arguments, an empty environment and stdin from `/dev/null`.
    pub fn new(program: &'a Path, timeout: Duration) -> Spec<'a> {
        Spec {
            program,
            args: &[],
            env: &[],
            inherit_env: false,
            stdin: None,
            timeout,
            prepare: &no_preparation,
            interrupt: global_flag(),
            finish_on_interrupt: false,
            tick: &no_tick,
        }
    }
}

/// How a process ended. In JSON: `{"kind": "code", "code": 0}`, `{"kind": "signal",
/// "signal": 6, "name": "SIGABRT"}`, `{"kind": "timedOut", "afterMs": 500}`, `{"kind":
/// "spawnFailed", "error": "..."}` or `{"kind": "interrupted"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Exit {
    /// Exited with this status.
    #[serde(with = "code_field")]
    Code(i32),
    /// Killed by a signal it did not get from cnictl.
    Signal { signal: i32, name: String },
    /// Killed by cnictl after the timeout.
    #[serde(rename_all = "camelCase")]
    TimedOut { after_ms: u64 },
    /// Could not be started.
    SpawnFailed { error: String },
    /// Killed by cnictl because cnictl was interrupted.
    Interrupted,
}

/// `Exit::Code(0)` as `"code": 0` next to the tag: an internally tagged newtype variant
/// needs a map for its content.
mod code_field {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Code {
        code: i32,
    }

    pub fn serialize<S: Serializer>(code: &i32, s: S) -> Result<S::Ok, S::Error> {
        Code { code: *code }.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i32, D::Error> {
        Code::deserialize(d).map(|c| c.code)
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

/// A finished process. `stdout` and `stderr` are whole when their totals are at most
/// `2 * KEEP_BYTES`; otherwise they hold the first and last `KEEP_BYTES` around a
/// [`cut_marker`] line.
#[derive(Debug, Clone)]
pub struct Captured {
    pub exit: Exit,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// Bytes the child wrote to stdout, kept or not.
    pub stdout_total: u64,
    /// Bytes the child wrote to stderr, kept or not.
    pub stderr_total: u64,
    /// From the spawn to the end.
    pub duration: Duration,
    /// The child's pid, which is also its process group; `None` when it did not start.
    pub pid: Option<u32>,
}

/// Runs `spec` to the end, whatever the child does with its pipes.
pub fn run(spec: &Spec) -> Captured {
    match spawn(spec) {
        Ok(running) => running.wait(),
        Err(err) => Captured::not_started(&err),
    }
}

impl Captured {
    /// The result for a spawn that failed with `err`.
    pub fn not_started(err: &io::Error) -> Captured {
        Captured {
            exit: Exit::SpawnFailed { error: err.to_string() },
            stdout: Vec::new(),
            stderr: Vec::new(),
            stdout_total: 0,
            stderr_total: 0,
            duration: Duration::ZERO,
            pid: None,
        }
    }
}

/// Starts `spec`; the error is the spawn's, for callers that retry (ETXTBSY).
pub fn spawn<'a>(spec: &Spec<'a>) -> io::Result<Running<'a>> {
    let mut cmd = std::process::Command::new(spec.program);
    cmd.args(spec.args);
    if !spec.inherit_env {
        cmd.env_clear();
    }
    cmd.envs(spec.env.iter().map(|(k, v)| (k, v)))
        .stdin(if spec.stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    (spec.prepare)(&mut cmd)?;
    let mut child = cmd.spawn()?;
    let started = Instant::now();
    if let (Some(mut pipe), Some(input)) = (child.stdin.take(), spec.stdin) {
        // A child that exits unread makes the write fail, harmlessly.
        if input.len() <= INLINE_STDIN {
            let _ = pipe.write_all(input);
        } else {
            let input = input.to_vec();
            std::thread::spawn(move || {
                let _ = pipe.write_all(&input);
            });
        }
    }
    let pipes = [
        Pipe::new(child.stdout.take().expect("stdout is piped")),
        Pipe::new(child.stderr.take().expect("stderr is piped")),
    ];
    let (interrupt, tick, finish_on_interrupt) =
        (spec.interrupt, spec.tick, spec.finish_on_interrupt);
    // Once cnictl was interrupted, what still runs is clean-up, and is kept short.
    let timeout = crate::signals::call_timeout(spec.timeout);
    Ok(Running { child, pipes, started, timeout, interrupt, tick, finish_on_interrupt })
}

/// A started child whose output is not read yet.
pub struct Running<'a> {
    child: Child,
    interrupt: &'a AtomicBool,
    pipes: [Pipe; 2],
    started: Instant,
    timeout: Duration,
    tick: &'a dyn Fn(Option<Duration>),
    finish_on_interrupt: bool,
}

impl Running<'_> {
    /// Reads both pipes until the child is gone, killing its group at the deadline or on
    /// interrupt. One thread, no helpers; the process is waited for by `try_wait` between
    /// polls, never by a blocking wait, so the deadline holds even when the pipes close
    /// early.
    pub fn wait(mut self) -> Captured {
        let mut deadline = self.started + self.timeout;
        let mut killed: Option<(Exit, Instant)> = None;
        let mut status: Option<ExitStatus> = None;
        let mut exited_at: Option<Instant> = None;
        let mut shortened = false;
        loop {
            let now = Instant::now();
            if killed.is_none() {
                let interrupted = self.interrupt.load(Ordering::SeqCst);
                if interrupted && !self.finish_on_interrupt {
                    killed = Some((Exit::Interrupted, now));
                } else {
                    // A call that must not be cut in half (DEL) finishes, within the
                    // clean-up timeout.
                    if interrupted && !shortened {
                        shortened = true;
                        deadline = deadline.min(now + crate::signals::CLEANUP_TIMEOUT);
                    }
                    if now >= deadline {
                        // The limit that was hit, not the poll's lateness past it.
                        let after_ms = deadline.duration_since(self.started).as_millis() as u64;
                        killed = Some((Exit::TimedOut { after_ms }, now));
                    }
                }
                if killed.is_some() {
                    self.kill();
                }
            }
            if status.is_none() {
                if let Ok(Some(done)) = self.child.try_wait() {
                    status = Some(done);
                    exited_at = Some(now);
                }
            }
            let open = self.pipes.iter().any(|p| !p.closed);
            match (exited_at, &killed) {
                (Some(_), _) if !open => break,
                (Some(t), _) if t.elapsed() > EXITED_GRACE => break,
                // SIGKILL cannot be caught; only a process stuck in the kernel outlives it.
                (None, Some((_, t))) if t.elapsed() > KILLED_GRACE => break,
                _ => {}
            }
            // Short slices while the child runs with closed pipes: nothing wakes the poll.
            let cap = if open { Duration::from_millis(100) } else { Duration::from_millis(5) };
            let slice = match killed {
                Some(_) => cap,
                None => deadline.saturating_duration_since(now).min(cap),
            };
            self.poll(slice.max(Duration::from_millis(1)));
            (self.tick)(Some(self.started.elapsed()));
        }
        (self.tick)(None);
        for pipe in self.pipes.iter_mut().filter(|p| !p.closed) {
            pipe.drain();
        }
        let exit = match (killed, status) {
            (Some((exit, _)), _) => exit,
            (None, Some(status)) => exit_of(status),
            (None, None) => Exit::SpawnFailed { error: "no exit status".into() },
        };
        let pid = self.child.id();
        let [out, err] = self.pipes.map(|p| p.stream);
        Captured {
            exit,
            stdout_total: out.total,
            stderr_total: err.total,
            stdout: out.finish(),
            stderr: err.finish(),
            duration: self.started.elapsed(),
            pid: Some(pid),
        }
    }

    /// Kills the group, and the child itself in case it left the group.
    fn kill(&mut self) {
        let _ = killpg(Pid::from_raw(self.child.id() as i32), Signal::SIGKILL);
        let _ = self.child.kill();
    }

    /// Waits up to `slice` for output, then reads what came; sleeps when both pipes closed.
    fn poll(&mut self, slice: Duration) {
        let mut fds: Vec<PollFd> = self
            .pipes
            .iter()
            .filter(|p| !p.closed)
            .map(|p| PollFd::new(p.file.as_fd(), PollFlags::POLLIN))
            .collect();
        if fds.is_empty() {
            std::thread::sleep(slice);
            return;
        }
        let millis = u16::try_from(slice.as_millis()).unwrap_or(u16::MAX);
        let ready = poll(&mut fds, PollTimeout::from(millis));
        drop(fds);
        if matches!(ready, Ok(n) if n > 0) || ready.is_err() {
            for pipe in self.pipes.iter_mut().filter(|p| !p.closed) {
                pipe.drain();
            }
        }
    }
}

fn exit_of(status: ExitStatus) -> Exit {
    match (status.code(), status.signal()) {
        (Some(code), _) => Exit::Code(code),
        (None, Some(signal)) => Exit::Signal { signal, name: signal_name(signal) },
        (None, None) => Exit::SpawnFailed { error: "no exit status".into() },
    }
}

/// `SIGABRT` for 6; `signal 99` for what nix does not know.
pub fn signal_name(signal: i32) -> String {
    Signal::try_from(signal)
        .map(|s| s.as_str().to_string())
        .unwrap_or_else(|_| format!("signal {signal}"))
}

/// One output pipe, read without blocking.
struct Pipe {
    file: std::fs::File,
    stream: Stream,
    closed: bool,
}

impl Pipe {
    fn new(fd: impl Into<OwnedFd>) -> Pipe {
        let fd: OwnedFd = fd.into();
        let flags = fcntl(fd.as_raw_fd(), FcntlArg::F_GETFL).unwrap_or(0);
        let flags = OFlag::from_bits_truncate(flags) | OFlag::O_NONBLOCK;
        let _ = fcntl(fd.as_raw_fd(), FcntlArg::F_SETFL(flags));
        Pipe { file: std::fs::File::from(fd), stream: Stream::default(), closed: false }
    }

    /// Reads what is there, up to [`READ_PER_TURN`]; marks the pipe closed at end of file.
    fn drain(&mut self) {
        let mut chunk = vec![0u8; 64 * 1024];
        let mut read = 0;
        while read < READ_PER_TURN {
            match self.file.read(&mut chunk) {
                Ok(0) => {
                    self.closed = true;
                    return;
                }
                Ok(n) => {
                    self.stream.push(&chunk[..n]);
                    read += n;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return,
                Err(_) => {
                    self.closed = true;
                    return;
                }
            }
        }
    }
}

/// A stream's first and last [`KEEP_BYTES`] and its size; the middle is counted, not kept.
#[derive(Debug, Default)]
struct Stream {
    head: Vec<u8>,
    tail: VecDeque<u8>,
    total: u64,
}

impl Stream {
    fn push(&mut self, mut data: &[u8]) {
        self.total += data.len() as u64;
        let room = KEEP_BYTES - self.head.len();
        let (head, rest) = data.split_at(room.min(data.len()));
        self.head.extend_from_slice(head);
        data = rest;
        if data.len() >= KEEP_BYTES {
            self.tail.clear();
            data = &data[data.len() - KEEP_BYTES..];
        }
        let over = (self.tail.len() + data.len()).saturating_sub(KEEP_BYTES);
        self.tail.drain(..over);
        self.tail.extend(data);
    }

    fn finish(self) -> Vec<u8> {
        let cut = self.total - (self.head.len() + self.tail.len()) as u64;
        let mut out = self.head;
        if cut > 0 {
            out.extend_from_slice(cut_marker(cut).as_bytes());
        }
        out.extend(self.tail);
        out
    }
}

/// The line that stands for the discarded middle of a stream:
/// `\n[... 199,868,928 bytes cut by cnictl ...]\n`.
pub fn cut_marker(cut: u64) -> String {
    let digits = cut.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("\n[... {grouped} bytes cut by cnictl ...]\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SH: &str = "/bin/sh";

    fn sh(script: &str, stdin: Option<&[u8]>, timeout: Duration) -> Captured {
        let args = ["-c".to_string(), script.to_string()];
        run(&Spec { args: &args, stdin, ..Spec::new(Path::new(SH), timeout) })
    }

    /// Whether a process of group `pgid` is still alive (zombies do not count: they wait
    /// for whoever reaps orphans).
    fn group_alive(pgid: u32) -> bool {
        std::fs::read_dir("/proc").unwrap().flatten().any(|entry| {
            let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
                return false;
            };
            // After the `(comm)` field: state, ppid, pgrp.
            let Some((_, rest)) = stat.rsplit_once(") ") else { return false };
            let fields: Vec<&str> = rest.split(' ').collect();
            fields.len() > 2 && fields[0] != "Z" && fields[2] == pgid.to_string()
        })
    }

    #[test]
    fn ten_megabytes_on_stdout_are_drained_and_bounded() {
        let out = sh("head -c 10000000 /dev/zero", None, Duration::from_secs(30));
        assert_eq!(out.exit, Exit::Code(0));
        assert_eq!(out.stdout_total, 10_000_000);
        let marker = cut_marker(10_000_000 - 2 * KEEP_BYTES as u64);
        assert_eq!(marker, "\n[... 9,868,928 bytes cut by cnictl ...]\n");
        assert_eq!(out.stdout.len(), 2 * KEEP_BYTES + marker.len());
        let middle = &out.stdout[KEEP_BYTES..KEEP_BYTES + marker.len()];
        assert_eq!(middle, marker.as_bytes());
        assert!(out.stdout[..KEEP_BYTES].iter().all(|b| *b == 0));
        assert!(out.stdout[KEEP_BYTES + marker.len()..].iter().all(|b| *b == 0));
        assert!(out.stderr.is_empty());
    }

    #[test]
    fn two_hundred_megabytes_on_stderr_stay_bounded() {
        let out = sh("head -c 200000000 /dev/zero >&2; echo done", None, Duration::from_secs(60));
        assert_eq!(out.exit, Exit::Code(0));
        assert_eq!(out.stderr_total, 200_000_000);
        let marker = cut_marker(200_000_000 - 2 * KEEP_BYTES as u64);
        assert_eq!(out.stderr.len(), 2 * KEEP_BYTES + marker.len());
        assert_eq!(out.stdout, b"done\n");
        assert_eq!(out.stdout_total, 5);
    }

    #[test]
    fn a_child_that_closes_its_pipes_is_still_killed_at_the_deadline() {
        let out = sh("exec >&- 2>&-; sleep 30", None, Duration::from_millis(300));
        assert_eq!(out.exit, Exit::TimedOut { after_ms: 300 });
        let pgid = out.pid.unwrap();
        let gone = (0..100).any(|_| {
            std::thread::sleep(Duration::from_millis(10));
            !group_alive(pgid)
        });
        assert!(gone, "process group {pgid} survived the timeout");
    }

    #[test]
    fn a_grandchild_holding_the_pipes_does_not_hold_us() {
        // setsid takes the sleep out of the group, so the kill would miss it: only the
        // grace after the child's exit ends the wait, well before the timeout.
        let out = sh("setsid sleep 5 & echo started", None, Duration::from_secs(2));
        assert_eq!(out.exit, Exit::Code(0));
        assert_eq!(out.stdout, b"started\n");
    }

    #[test]
    fn exit_codes_and_signals() {
        let out = sh("echo oops >&2; exit 3", None, Duration::from_secs(10));
        assert_eq!(out.exit, Exit::Code(3));
        assert_eq!(out.stderr, b"oops\n");
        let out = sh("kill -ABRT $$", None, Duration::from_secs(10));
        assert_eq!(out.exit, Exit::Signal { signal: 6, name: "SIGABRT".into() });
        let out = run(&Spec::new(Path::new("/nonexistent/plugin"), Duration::from_secs(1)));
        assert!(matches!(out.exit, Exit::SpawnFailed { .. }), "{:?}", out.exit);
        assert_eq!(out.pid, None);
    }

    #[test]
    fn the_interrupt_flag_ends_the_wait() {
        let flag = Arc::new(AtomicBool::new(false));
        let setter = {
            let flag = flag.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(200));
                flag.store(true, Ordering::SeqCst);
            })
        };
        let args = ["-c".to_string(), "sleep 30".to_string()];
        let timeout = Duration::from_secs(20);
        let out = run(&Spec { args: &args, interrupt: &flag, ..Spec::new(Path::new(SH), timeout) });
        setter.join().unwrap();
        assert_eq!(out.exit, Exit::Interrupted);
    }

    #[test]
    fn stdin_reaches_the_child_small_or_large() {
        let out = sh("cat", Some(b"{\"cniVersion\":\"1.0.0\"}"), Duration::from_secs(10));
        assert_eq!(out.exit, Exit::Code(0));
        assert_eq!(out.stdout, b"{\"cniVersion\":\"1.0.0\"}");
        let big: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
        let out = sh("cat", Some(&big), Duration::from_secs(10));
        assert_eq!(out.exit, Exit::Code(0));
        assert_eq!(out.stdout, big);
        let out = sh("cat", None, Duration::from_secs(10));
        assert_eq!((out.exit, out.stdout), (Exit::Code(0), Vec::new()));
    }

    #[test]
    fn the_environment_is_explicit() {
        let env = [("CNI_COMMAND".to_string(), "ADD".to_string())];
        let args = ["-c".to_string(), "env".to_string()];
        let spec =
            Spec { args: &args, env: &env, ..Spec::new(Path::new(SH), Duration::from_secs(5)) };
        let out = run(&spec);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("CNI_COMMAND=ADD\n"), "{text}");
        assert!(!text.contains("HOME="), "{text}");
    }

    #[test]
    fn exit_keeps_its_json_shape() {
        let cases = [
            (Exit::Code(0), r#"{"kind":"code","code":0}"#),
            (
                Exit::Signal { signal: 6, name: "SIGABRT".into() },
                r#"{"kind":"signal","signal":6,"name":"SIGABRT"}"#,
            ),
            (Exit::TimedOut { after_ms: 500 }, r#"{"kind":"timedOut","afterMs":500}"#),
            (Exit::SpawnFailed { error: "no".into() }, r#"{"kind":"spawnFailed","error":"no"}"#),
            (Exit::Interrupted, r#"{"kind":"interrupted"}"#),
        ];
        for (exit, json) in cases {
            assert_eq!(serde_json::to_string(&exit).unwrap(), json);
            assert_eq!(serde_json::from_str::<Exit>(json).unwrap(), exit);
        }
    }
}
