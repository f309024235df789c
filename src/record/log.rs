//! The call log: one NDJSON record per plugin call in `<log-dir>/calls.ndjson`, rotated to
//! `calls.ndjson.1`, `.2` at a size cap. Shims write concurrently without a lock: the file
//! is opened `O_APPEND` and each record goes out in one `write(2)`, which a local file
//! system never interleaves with another appender's. Only rotation takes a lock
//! (`flock` on `<log-dir>/.lock`), and re-checks the size under it, so two shims never
//! rotate twice. Files are made 0600. Trouble is noted in `problems.log` beside the log,
//! never on the plugin's stderr, which the runtime reads.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use serde::{Deserialize, Serialize};

use crate::exec::Exit;

/// The log's file name; rotated copies add `.1`, `.2`, ...
pub const LOG_FILE: &str = "calls.ndjson";
/// Where the shim notes what went wrong with the log.
pub const PROBLEMS_FILE: &str = "problems.log";
const LOCK_FILE: &str = ".lock";
/// The problems file stops growing here.
const PROBLEMS_CAP: u64 = 64 * 1024;

/// One plugin call as the log keeps it. Field names are the log's stable format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Record {
    /// `<start in ms since the epoch>-<shim pid>`: what `record show` takes.
    pub id: String,
    /// When the call started, RFC 3339 in UTC.
    pub time: String,
    pub start_unix_ns: u128,
    pub duration_ms: f64,
    /// `CNI_COMMAND` as the runtime gave it (absent when it gave none).
    pub command: Option<String>,
    /// The name the runtime called (the shim's file name).
    pub plugin: String,
    /// The shim as invoked (argv[0]).
    pub shim: PathBuf,
    /// The real plugin that ran (absent when none was found).
    pub path: Option<PathBuf>,
    pub sha256: Option<String>,
    /// The arguments after argv[0], passed on unchanged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<String>,
    /// The shim's process id, and the real plugin's: a delegated call's caller is that one.
    pub pid: u32,
    pub plugin_pid: Option<u32>,
    /// Who called: the runtime, or the plugin that delegated (IPAM).
    pub caller: Caller,
    pub container_id: Option<String>,
    pub netns: Option<String>,
    pub ifname: Option<String>,
    /// `name` and `type` of the configuration on stdin.
    pub network: Option<String>,
    pub plugin_type: Option<String>,
    /// The whole environment the plugin got (secrets masked under redaction).
    #[serde(
        serialize_with = "crate::exec::plugin::env_as_object",
        deserialize_with = "crate::exec::plugin::env_from_object"
    )]
    pub env: Vec<(String, String)>,
    pub stdin: Stream,
    pub stdout: Stream,
    pub stderr: Stream,
    pub exit: Exit,
    /// What redaction masked: JSON pointers into stdin, `env:NAME` for variables.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub redacted: Vec<String>,
}

/// The calling process, read from /proc when the call started.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caller {
    pub pid: u32,
    pub comm: String,
    pub cmdline: Vec<String>,
}

impl Caller {
    pub fn of(pid: u32) -> Caller {
        let proc = PathBuf::from(format!("/proc/{pid}"));
        let comm = fs::read_to_string(proc.join("comm")).unwrap_or_default();
        let cmdline = fs::read(proc.join("cmdline")).unwrap_or_default();
        Caller {
            pid,
            comm: comm.trim_end().to_string(),
            cmdline: cmdline
                .split(|b| *b == 0)
                .filter(|a| !a.is_empty())
                .map(|a| String::from_utf8_lossy(a).into_owned())
                .collect(),
        }
    }
}

/// One stream as kept: its text (or base64 when not UTF-8), how many bytes really
/// crossed, and whether the text was cut at the cap.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stream {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base64: Option<String>,
    pub bytes: u64,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
}

impl Stream {
    /// `kept` is at most the cap; `total` is what crossed.
    pub fn new(kept: &[u8], total: u64) -> Stream {
        let truncated = total > kept.len() as u64;
        match std::str::from_utf8(kept) {
            Ok(text) => Stream { text: Some(text.into()), base64: None, bytes: total, truncated },
            // The cap may cut a character in two: keep the text up to it.
            Err(e) if truncated && e.error_len().is_none() => Stream {
                text: Some(String::from_utf8_lossy(&kept[..e.valid_up_to()]).into_owned()),
                base64: None,
                bytes: total,
                truncated,
            },
            Err(_) => Stream {
                text: None,
                base64: Some(base64::engine::general_purpose::STANDARD.encode(kept)),
                bytes: total,
                truncated,
            },
        }
    }

    /// The kept bytes as text: base64 is decoded, and shown lossily.
    pub fn lossy(&self) -> String {
        if let Some(text) = &self.text {
            return text.clone();
        }
        let bytes = self
            .base64
            .as_deref()
            .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
            .unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

/// RFC 3339 in UTC with microseconds, from nanoseconds since the epoch.
pub fn rfc3339(unix_ns: u128) -> String {
    let secs = (unix_ns / 1_000_000_000) as i64;
    let micros = (unix_ns / 1000 % 1_000_000) as u32;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{micros:06}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// Appends records to a log directory.
pub struct Writer<'a> {
    pub dir: &'a Path,
    pub cap: u64,
    pub keep: u32,
}

impl Writer<'_> {
    pub fn path(&self) -> PathBuf {
        self.dir.join(LOG_FILE)
    }

    /// Appends one line (a newline is added) in one write, rotating first when the line
    /// would take the log past its cap.
    pub fn append(&self, record: &Record) -> io::Result<()> {
        let mut line = serde_json::to_vec(record).map_err(io::Error::other)?;
        line.push(b'\n');
        let mut file = self.open()?;
        let size = file.metadata()?.len();
        if size > 0 && size + line.len() as u64 > self.cap {
            self.rotate()?;
            file = self.open()?;
        }
        let written = file.write(&line)?;
        if written != line.len() {
            return Err(io::Error::new(
                io::ErrorKind::WriteZero,
                format!("only {written} of {} bytes of the record were written", line.len()),
            ));
        }
        Ok(())
    }

    fn open(&self) -> io::Result<File> {
        OpenOptions::new().create(true).append(true).mode(0o600).open(self.path())
    }

    /// Renames `calls.ndjson` to `.1` (and `.1` to `.2`, ...) under the lock, unless
    /// another shim did it while this one waited.
    fn rotate(&self) -> io::Result<()> {
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .open(self.dir.join(LOCK_FILE))?;
        let _held = nix::fcntl::Flock::lock(lock, nix::fcntl::FlockArg::LockExclusive)
            .map_err(|(_, e)| io::Error::from(e))?;
        let path = self.path();
        if fs::metadata(&path).map(|m| m.len()).unwrap_or(0) < self.cap / 2 {
            return Ok(());
        }
        if self.keep == 0 {
            return fs::remove_file(&path);
        }
        let rotated = |n: u32| self.dir.join(format!("{LOG_FILE}.{n}"));
        let _ = fs::remove_file(rotated(self.keep));
        for n in (1..self.keep).rev() {
            let _ = fs::rename(rotated(n), rotated(n + 1));
        }
        fs::rename(&path, rotated(1))
    }
}

/// Notes a problem with the log, bounded, in the log dir or else `fallback_dir`; silent
/// when neither can be written: the plugin's call matters more than the note.
pub fn note_problem(log_dir: &Path, fallback_dir: &Path, what: &str) {
    let line = format!("{} {what}\n", rfc3339(now_ns()));
    for path in [log_dir.join(PROBLEMS_FILE), fallback_dir.join(".cnictl-record-problems.log")] {
        if fs::metadata(&path).is_ok_and(|m| m.len() > PROBLEMS_CAP) {
            return;
        }
        let file = OpenOptions::new().create(true).append(true).mode(0o600).open(&path);
        if let Ok(mut file) = file {
            if file.write_all(line.as_bytes()).is_ok() {
                return;
            }
        }
    }
}

pub fn now_ns() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

/// The log files of a directory, oldest first: `.2`, `.1`, then the current one.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let mut rotated: Vec<(u32, PathBuf)> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let n = name.strip_prefix(&format!("{LOG_FILE}."))?.parse().ok()?;
            Some((n, e.path()))
        })
        .collect();
    rotated.sort_by_key(|r| std::cmp::Reverse(r.0));
    let mut all: Vec<PathBuf> = rotated.into_iter().map(|(_, p)| p).collect();
    let current = dir.join(LOG_FILE);
    if current.exists() {
        all.push(current);
    }
    all
}

/// What a log directory holds: the records in order of their start, and the lines that
/// are not records (a record cut by a full disk).
#[derive(Debug, Default)]
pub struct Read {
    pub records: Vec<Record>,
    pub broken: Vec<String>,
}

pub fn read(dir: &Path) -> io::Result<Read> {
    let mut out = Read::default();
    for file in files(dir) {
        let text = fs::read(&file)?;
        for (n, line) in text.split(|b| *b == b'\n').enumerate() {
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match serde_json::from_slice::<Record>(line) {
                Ok(record) => out.records.push(record),
                Err(e) => out.broken.push(format!("{}:{}: {e}", file.display(), n + 1)),
            }
        }
    }
    out.records.sort_by_key(|r| r.start_unix_ns);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn record(id: &str, stdout: &str) -> Record {
        Record {
            id: id.into(),
            time: rfc3339(0),
            start_unix_ns: 0,
            duration_ms: 1.5,
            command: Some("ADD".into()),
            plugin: "ptp".into(),
            shim: "/shims/ptp".into(),
            path: Some("/usr/lib/cni/ptp".into()),
            sha256: None,
            args: Vec::new(),
            pid: 1,
            plugin_pid: Some(2),
            caller: Caller::default(),
            container_id: Some("c1".into()),
            netns: None,
            ifname: Some("eth0".into()),
            network: Some("net".into()),
            plugin_type: Some("ptp".into()),
            env: vec![("CNI_COMMAND".into(), "ADD".into())],
            stdin: Stream::new(b"{}", 2),
            stdout: Stream::new(stdout.as_bytes(), stdout.len() as u64),
            stderr: Stream::default(),
            exit: Exit::Code(0),
            redacted: Vec::new(),
        }
    }

    #[test]
    fn rfc3339_is_utc_with_microseconds() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00.000000Z");
        assert_eq!(rfc3339(951_782_400_123_456_789), "2000-02-29T00:00:00.123456Z");
        assert_eq!(rfc3339(1_796_425_512_000_000_000), "2026-12-04T23:05:12.000000Z");
    }

    #[test]
    fn streams_keep_text_base64_and_cuts() {
        let s = Stream::new("héllo".as_bytes(), 6);
        assert_eq!((s.text.as_deref(), s.truncated), (Some("héllo"), false));
        // The cap fell inside "é": the text stops before it.
        let s = Stream::new(&"héllo".as_bytes()[..2], 6);
        assert_eq!((s.text.as_deref(), s.truncated, s.bytes), (Some("h"), true, 6));
        let s = Stream::new(&[0xff, 0x00, 0x41], 3);
        assert_eq!(s.base64.as_deref(), Some("/wBB"));
        assert_eq!(s.lossy(), "\u{fffd}\u{0}A");
    }

    #[test]
    fn records_round_trip_and_files_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let w = Writer { dir: dir.path(), cap: 1 << 20, keep: 2 };
        let a = record("1-1", "{\"cniVersion\":\"1.0.0\"}");
        w.append(&a).unwrap();
        w.append(&record("2-2", "")).unwrap();
        let read = read(dir.path()).unwrap();
        assert_eq!(read.records.len(), 2);
        assert_eq!(read.records[0], a);
        assert!(read.broken.is_empty());
        let mode = fs::metadata(w.path()).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn the_log_rotates_at_its_cap_and_keeps_so_many_files() {
        let dir = tempfile::tempdir().unwrap();
        let one = serde_json::to_vec(&record("x", &"o".repeat(900))).unwrap().len() as u64;
        let w = Writer { dir: dir.path(), cap: one * 3 + 10, keep: 2 };
        for n in 0..10 {
            w.append(&record(&n.to_string(), &"o".repeat(900))).unwrap();
        }
        let names: Vec<String> = files(dir.path())
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["calls.ndjson.2", "calls.ndjson.1", "calls.ndjson"]);
        for file in files(dir.path()) {
            assert!(fs::metadata(&file).unwrap().len() <= one * 3 + 10, "{}", file.display());
        }
        let ids: Vec<String> =
            read(dir.path()).unwrap().records.into_iter().map(|r| r.id).collect();
        // 10 records, 3 a file: the oldest were rotated away, the newest are all there.
        assert_eq!(ids.last().map(String::as_str), Some("9"));
        assert!(ids.len() >= 7 && ids.len() <= 9, "{ids:?}");
    }

    #[test]
    fn a_broken_line_is_reported_and_the_rest_read() {
        let dir = tempfile::tempdir().unwrap();
        let w = Writer { dir: dir.path(), cap: 1 << 20, keep: 2 };
        w.append(&record("1", "")).unwrap();
        fs::OpenOptions::new().append(true).open(w.path()).unwrap().write_all(b"{\"id\":").unwrap();
        let read = read(dir.path()).unwrap();
        assert_eq!(read.records.len(), 1);
        assert_eq!(read.broken.len(), 1);
    }

    #[test]
    fn concurrent_appends_stay_whole() {
        let dir = tempfile::tempdir().unwrap();
        let big = "x".repeat(200_000);
        std::thread::scope(|s| {
            for t in 0..8 {
                let (dir, big) = (dir.path(), &big);
                s.spawn(move || {
                    let w = Writer { dir, cap: 1 << 30, keep: 2 };
                    for n in 0..5 {
                        w.append(&record(&format!("{t}-{n}"), big)).unwrap();
                    }
                });
            }
        });
        let read = read(dir.path()).unwrap();
        assert!(read.broken.is_empty(), "{:?}", read.broken);
        assert_eq!(read.records.len(), 40);
        assert!(read.records.iter().all(|r| r.stdout.text.as_deref() == Some(big.as_str())));
    }
}
