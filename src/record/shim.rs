//! The recording shim: cnictl run under a plugin's name from a shim directory. It must be
//! invisible to the runtime, so it parses no command line and loads no configuration: it
//! reads the directory's [`Marker`], finds the real plugin in the recorded bin dirs (never
//! a shim: that would loop), and runs it with the same argv (argv[0] is the real path, as
//! without the shim), the same environment and the same stdin bytes. stdout and stderr are
//! copied through as they arrive, chunk by chunk, and the exit status is the plugin's;
//! death by a signal is passed on by dying of the same signal (the default action is
//! restored and the signal raised), so the runtime sees what it would have seen; only if
//! that fails does the shim exit 128+n as a shell would. SIGTERM, SIGINT, SIGHUP and
//! SIGQUIT sent to the shim go on to the plugin, and if the shim is killed outright the
//! plugin gets SIGKILL (`PR_SET_PDEATHSIG`), as it would have from the runtime.
//!
//! Only then is the call logged. Nothing about the log can change the call: a log that
//! cannot be written is noted in the problems file, and the plugin's bytes go through all
//! the same.

use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::os::fd::AsFd;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use serde_json::Value;

use super::log::{self, Caller, Record, Stream};
use super::redact::Redactor;
use super::{Marker, MARKER};
use crate::exec::Exit;

/// When this process was started as a shim (its file name is not cnictl's or cnitool's and
/// its directory holds a marker), runs the call and returns the exit status to end with;
/// otherwise returns `None` and cnictl is itself.
pub fn run_if_shim() -> Option<u8> {
    let argv: Vec<OsString> = std::env::args_os().collect();
    let argv0 = PathBuf::from(argv.first()?);
    let name = argv0.file_name()?.to_str()?.to_string();
    if name == "cnictl" || name == "cnitool" {
        return None;
    }
    // The directory of the path as invoked: never PATH or CNI_PATH, which the runtime sets.
    let dir = match argv0.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => return None,
    };
    let marker_path = dir.join(MARKER);
    if !marker_path.exists() {
        return None;
    }
    let marker = match Marker::read(&dir) {
        Ok(marker) => marker,
        Err(e) => {
            // A shim with a broken marker still runs the plugin, from CNI_PATH.
            let fallback = Path::new(super::DEFAULT_LOG_DIR);
            log::note_problem(fallback, &dir, &format!("{}: {e}", marker_path.display()));
            broken_marker(&dir)
        }
    };
    Some(Shim { argv, argv0, dir, name, marker }.run())
}

fn broken_marker(dir: &Path) -> Marker {
    Marker {
        version: 1,
        bin_dirs: Vec::new(),
        log_dir: dir.to_path_buf(),
        cnictl: PathBuf::new(),
        links: Vec::new(),
        stream_cap: super::DEFAULT_STREAM_CAP,
        log_cap: super::DEFAULT_LOG_CAP,
        keep: super::DEFAULT_KEEP,
        redact: true,
        redact_keys: super::redact::DEFAULT_KEYS.iter().map(|k| k.to_string()).collect(),
    }
}

struct Shim {
    argv: Vec<OsString>,
    argv0: PathBuf,
    dir: PathBuf,
    name: String,
    marker: Marker,
}

/// A stream's first `cap` bytes and its length.
#[derive(Default)]
struct Kept {
    bytes: Vec<u8>,
    total: u64,
}

impl Kept {
    fn push(&mut self, chunk: &[u8], cap: u64) {
        let room = cap.saturating_sub(self.bytes.len() as u64) as usize;
        self.bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
        self.total += chunk.len() as u64;
    }

    fn stream(&self) -> Stream {
        Stream::new(&self.bytes, self.total)
    }
}

impl Shim {
    fn run(self) -> u8 {
        let start = Instant::now();
        let start_ns = log::now_ns();
        let caller = Caller::of(std::os::unix::process::parent_id());
        let Some(real) = find_plugin(&self.marker.bin_dirs, &self.dir, &self.name) else {
            return self.not_found(start, start_ns, caller);
        };
        let cap = self.marker.stream_cap;
        let hash = {
            let (real, log_dir) = (real.clone(), self.marker.log_dir.clone());
            spawn(move || sha256_cached(&real, &log_dir))
        };
        let parent = std::process::id();
        let mut cmd = Command::new(&real);
        cmd.arg0(&real)
            .args(&self.argv[1..])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let pre_exec = move || -> io::Result<()> {
            nix::sys::prctl::set_pdeathsig(nix::sys::signal::Signal::SIGKILL)?;
            // The shim died before the line above: nobody would kill this plugin.
            if std::os::unix::process::parent_id() != parent {
                return Err(io::Error::other("the recording shim died"));
            }
            Ok(())
        };
        // SAFETY: the closure calls only prctl(2) and getppid(2), both async-signal-safe,
        // and allocates only on the error path of an exiting child.
        #[allow(unsafe_code)]
        unsafe {
            cmd.pre_exec(pre_exec);
        }
        let mut child = match cmd.spawn() {
            Ok(child) => child,
            Err(e) => return self.spawn_failed(&real, start, start_ns, caller, e),
        };
        let child_pid = child.id();
        let forward = forward_signals(child_pid);

        let stdin_kept = Arc::new(Mutex::new(Kept::default()));
        let stdin_thread = copy_in(child.stdin.take(), Arc::clone(&stdin_kept), cap);
        let stdout_thread = child.stdout.take().map(|from| copy_out(from, io::stdout(), cap));
        let stderr_thread = child.stderr.take().map(|from| copy_out(from, io::stderr(), cap));
        let status = loop {
            match child.wait() {
                Ok(status) => break Some(status),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(_) => break None,
            }
        };
        // Both pipes to their end, as the runtime would read them.
        let stdout = stdout_thread.and_then(|t| t.join().ok()).unwrap_or_default();
        let stderr = stderr_thread.and_then(|t| t.join().ok()).unwrap_or_default();
        let duration = start.elapsed();
        drop(forward);
        // A runtime that keeps stdin open after the plugin ended: log what came so far.
        if stdin_thread.is_finished() {
            let _ = stdin_thread.join();
        }
        let stdin = stdin_kept.lock().map(|k| k.stream()).unwrap_or_default();
        let exit = match status {
            Some(s) => match (s.code(), s.signal()) {
                (Some(code), _) => Exit::Code(code),
                (None, Some(signal)) => {
                    Exit::Signal { signal, name: crate::exec::process::signal_name(signal) }
                }
                _ => Exit::SpawnFailed { error: format!("unknown end: {s:?}") },
            },
            None => Exit::SpawnFailed { error: "lost the plugin's exit status".into() },
        };
        let sha256 = hash.join().ok().flatten();
        let mut record = self.record(start_ns, duration.as_secs_f64() * 1000.0, caller, stdin);
        record.path = Some(real);
        record.sha256 = sha256;
        record.plugin_pid = Some(child_pid);
        record.stdout = stdout.stream();
        record.stderr = stderr.stream();
        record.exit = exit.clone();
        self.write(record);
        end_as(&exit)
    }

    /// The record of this call, all but the plugin's side.
    fn record(&self, start_ns: u128, duration_ms: f64, caller: Caller, stdin: Stream) -> Record {
        let mut env: Vec<(String, String)> = std::env::vars_os()
            .map(|(k, v)| (k.to_string_lossy().into_owned(), v.to_string_lossy().into_owned()))
            .collect();
        let get = |name: &str| env.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        let (command, container_id, netns, ifname) =
            (get("CNI_COMMAND"), get("CNI_CONTAINERID"), get("CNI_NETNS"), get("CNI_IFNAME"));
        let mut stdin = stdin;
        let mut redacted = Vec::new();
        let parsed = stdin
            .text
            .as_deref()
            .filter(|_| !stdin.truncated)
            .and_then(|t| serde_json::from_str::<Value>(t).ok());
        let field = |key: &str| {
            parsed.as_ref().and_then(|v| v.get(key)).and_then(Value::as_str).map(String::from)
        };
        let (network, plugin_type) = (field("name"), field("type"));
        if self.marker.redact {
            let redactor = Redactor::new(&self.marker.redact_keys);
            redacted.extend(redactor.env(&mut env));
            if let Some(mut value) = parsed.clone() {
                let found = redactor.json(&mut value);
                if !found.is_empty() {
                    // The original's layout is lost only when something was masked.
                    stdin.text = Some(value.to_string());
                    redacted.extend(found);
                }
            }
        }
        Record {
            id: format!("{}-{}", start_ns / 1_000_000, std::process::id()),
            time: log::rfc3339(start_ns),
            start_unix_ns: start_ns,
            duration_ms,
            command,
            plugin: self.name.clone(),
            shim: self.argv0.clone(),
            path: None,
            sha256: None,
            args: self.argv[1..].iter().map(|a| a.to_string_lossy().into_owned()).collect(),
            pid: std::process::id(),
            plugin_pid: None,
            caller,
            container_id,
            netns,
            ifname,
            network,
            plugin_type,
            env,
            stdin,
            stdout: Stream::default(),
            stderr: Stream::default(),
            exit: Exit::Code(0),
            redacted,
        }
    }

    fn write(&self, record: Record) {
        let writer = log::Writer {
            dir: &self.marker.log_dir,
            cap: self.marker.log_cap,
            keep: self.marker.keep,
        };
        if let Err(e) = writer.append(&record) {
            let what = format!(
                "cannot log {} {} (record {}) in {}: {e}",
                record.command.as_deref().unwrap_or("(no CNI_COMMAND)"),
                self.name,
                record.id,
                writer.path().display()
            );
            log::note_problem(&self.marker.log_dir, &self.dir, &what);
        }
    }

    /// No real plugin of this name: answer as libcni would have, with a CNI error.
    fn not_found(&self, start: Instant, start_ns: u128, caller: Caller) -> u8 {
        let dirs: Vec<String> =
            self.marker.bin_dirs.iter().map(|d| d.display().to_string()).collect();
        let msg = format!("failed to find plugin {:?} in path {:?}", self.name, dirs);
        self.refuse(start, start_ns, caller, msg, "not found")
    }

    fn spawn_failed(
        &self,
        real: &Path,
        start: Instant,
        start_ns: u128,
        caller: Caller,
        e: io::Error,
    ) -> u8 {
        let msg = format!("cannot execute {}: {e}", real.display());
        self.refuse(start, start_ns, caller, msg, "spawn")
    }

    fn refuse(&self, start: Instant, start_ns: u128, caller: Caller, msg: String, why: &str) -> u8 {
        let mut input = Vec::new();
        let _ = io::stdin().lock().take(self.marker.stream_cap).read_to_end(&mut input);
        let error = serde_json::json!({"cniVersion": "1.0.0", "code": 999, "msg": msg});
        let out = format!("{error}\n");
        let _ = write_fd(io::stdout(), out.as_bytes());
        let stdin = Stream::new(&input, input.len() as u64);
        let mut record =
            self.record(start_ns, start.elapsed().as_secs_f64() * 1000.0, caller, stdin);
        record.stdout = Stream::new(out.as_bytes(), out.len() as u64);
        record.exit = Exit::SpawnFailed { error: format!("{why}: {msg}") };
        self.write(record);
        1
    }
}

/// Each copy's read buffer: a pipe's default capacity is 64 KiB, but a call's streams are
/// mostly small, and every page touched is a page fault paid on every call.
const BUF: usize = 16 * 1024;

/// A helper thread with a small stack: the shim's threads copy bytes and hash a file, and
/// a default 2 MiB stack only costs mappings and faults.
fn spawn<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> std::thread::JoinHandle<T> {
    std::thread::Builder::new()
        .stack_size(128 * 1024)
        .spawn(f)
        // As std::thread::spawn does: without a thread the call cannot be passed through.
        .expect("a thread for the recording shim")
}

/// Copies the runtime's stdin to the plugin as it comes, keeping the first `cap` bytes.
fn copy_in(
    mut to_child: Option<std::process::ChildStdin>,
    kept: Arc<Mutex<Kept>>,
    cap: u64,
) -> std::thread::JoinHandle<()> {
    spawn(move || {
        let mut buf = vec![0u8; BUF];
        let mut input = io::stdin().lock();
        loop {
            let n = match input.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            };
            if let Some(pipe) = to_child.as_mut() {
                // A plugin that stopped reading: keep the rest for the log.
                if pipe.write_all(&buf[..n]).is_err() {
                    to_child = None;
                }
            }
            if let Ok(mut kept) = kept.lock() {
                kept.push(&buf[..n], cap);
            }
        }
    })
}

/// Copies a plugin's stream through to the shim's own as each chunk arrives, keeping the
/// first `cap` bytes. If the runtime stopped reading, the rest is still drained and counted.
fn copy_out<R: Read + Send + 'static, W: AsFd + Send + 'static>(
    mut from: R,
    to: W,
    cap: u64,
) -> std::thread::JoinHandle<Kept> {
    spawn(move || {
        let mut kept = Kept::default();
        let mut buf = vec![0u8; BUF];
        let mut passing = true;
        loop {
            let n = match from.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            };
            if passing && write_fd(&to, &buf[..n]).is_err() {
                passing = false;
            }
            kept.push(&buf[..n], cap);
        }
        kept
    })
}

/// Writes all of `bytes` with write(2), no buffer in between.
fn write_fd(fd: impl AsFd, mut bytes: &[u8]) -> io::Result<()> {
    while !bytes.is_empty() {
        match nix::unistd::write(fd.as_fd(), bytes) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => bytes = &bytes[n..],
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// Signals the runtime may send its plugin, passed on to the real one while it runs.
fn forward_signals(child: u32) -> Option<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP, SIGQUIT]).ok()?;
    let handle = signals.handle();
    spawn(move || {
        let pid = nix::unistd::Pid::from_raw(child as i32);
        for signal in signals.forever() {
            if let Ok(signal) = nix::sys::signal::Signal::try_from(signal) {
                let _ = nix::sys::signal::kill(pid, signal);
            }
        }
    });
    Some(handle)
}

/// Ends the shim as the plugin ended: its exit status, or death by its signal.
fn end_as(exit: &Exit) -> u8 {
    match exit {
        Exit::Code(code) => *code as u8,
        Exit::Signal { signal, .. } => {
            let _ = signal_hook::low_level::emulate_default_handler(*signal);
            (128 + *signal) as u8
        }
        _ => 1,
    }
}

/// The first executable of this name in the bin dirs that is not a shim: a directory
/// holding a marker is a shim directory, and a file that is the running cnictl is a shim
/// wherever it lies.
pub fn find_plugin(bin_dirs: &[PathBuf], shim_dir: &Path, name: &str) -> Option<PathBuf> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let same = |a: &Path, b: &Path| match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    };
    let me = std::env::current_exe().ok();
    for dir in bin_dirs {
        if same(dir, shim_dir) || dir.join(MARKER).exists() {
            continue;
        }
        let path = dir.join(name);
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if !meta.is_file() || meta.permissions().mode() & 0o111 == 0 {
            continue;
        }
        if me.as_deref().is_some_and(|me| same(me, &path)) {
            continue;
        }
        return Some(path);
    }
    None
}

/// The plugin's sha256, from `<log-dir>/.sha256-cache` when the file is unchanged since
/// (device, inode, size, mtime and ctime all equal: ctime cannot be set back), else
/// computed and added there. Runs beside the plugin, so a cold hash costs no latency
/// unless the plugin is quicker than the hash.
fn sha256_cached(path: &Path, log_dir: &Path) -> Option<String> {
    use sha2::{Digest, Sha256};
    use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
    let meta = std::fs::metadata(path).ok()?;
    let key = format!(
        "{} {} {} {}.{} {}.{} ",
        meta.dev(),
        meta.ino(),
        meta.size(),
        meta.mtime(),
        meta.mtime_nsec(),
        meta.ctime(),
        meta.ctime_nsec()
    );
    let cache = log_dir.join(".sha256-cache");
    if let Ok(text) = std::fs::read_to_string(&cache) {
        if let Some(line) = text.lines().rev().find(|l| l.starts_with(&key)) {
            return line[key.len()..].split(' ').next().map(String::from);
        }
    }
    let mut file = std::fs::File::open(path).ok()?;
    let mut hasher = Sha256::new();
    io::copy(&mut file, &mut hasher).ok()?;
    let hex: String = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
    // Small enough to rebuild when it grows: start again past 256 KiB.
    let fresh = std::fs::metadata(&cache).is_ok_and(|m| m.len() > 256 * 1024);
    let line = format!("{key}{hex} {}\n", path.as_os_str().to_string_lossy());
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(!fresh)
        .write(true)
        .truncate(fresh)
        .mode(0o600)
        .open(&cache);
    if let Ok(mut file) = file {
        let _ = file.write_all(line.as_bytes());
    }
    Some(hex)
}
