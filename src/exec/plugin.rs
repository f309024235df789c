//! Running one plugin call the way the spec describes (SPEC section 2): parameters in
//! `CNI_*` variables of an otherwise explicit environment, the request on stdin, the result
//! or error on stdout, logs on stderr. Everything is captured and timed, so a trace shows
//! exactly what the plugin saw and said. The process itself is run by [`super::process`],
//! in its own group, so that a timeout or Ctrl-C kills it and every child it started.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::process::{self, Spec};
use super::PluginFailure;

pub use super::process::Exit;

/// The spec's operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

/// One call to make. In JSON `env` is an object, as in [`Invocation`], and `stdin` a
/// string when it is UTF-8 (requests are JSON), else `{"base64": "..."}`, so that any bytes
/// survive a round trip and the common case stays readable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Call {
    pub plugin: String,
    pub path: PathBuf,
    pub command: Command,
    #[serde(serialize_with = "env_as_object", deserialize_with = "env_from_object")]
    pub env: Vec<(String, String)>,
    #[serde(with = "text_or_base64")]
    pub stdin: Vec<u8>,
}

/// A finished call: everything that crossed the process boundary. `stdout` and `stderr`
/// are bounded (see [`process::KEEP_BYTES`]); `stdoutBytes` and `stderrBytes` say how much
/// the plugin really wrote, so a reader sees whether the text was cut.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Invocation {
    pub plugin: String,
    pub path: PathBuf,
    pub command: Command,
    #[serde(serialize_with = "env_as_object", deserialize_with = "env_from_object")]
    pub env: Vec<(String, String)>,
    pub stdin: String,
    pub stdout: String,
    pub stderr: String,
    pub exit: Exit,
    pub duration_ms: f64,
    /// Bytes written to stdout, kept or not; absent in reports from before it existed.
    #[serde(default)]
    pub stdout_bytes: u64,
    /// Bytes written to stderr, kept or not.
    #[serde(default)]
    pub stderr_bytes: u64,
    /// Processes of its group still running after it exited.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub survivors: Vec<super::survivors::Survivor>,
}

/// An empty VERSION call that exited 0: a base for fakes and tests to fill in with
/// `..Default::default()`.
impl Default for Invocation {
    fn default() -> Invocation {
        Invocation {
            plugin: String::new(),
            path: PathBuf::new(),
            command: Command::Version,
            env: Vec::new(),
            stdin: String::new(),
            stdout: String::new(),
            stderr: String::new(),
            exit: Exit::Code(0),
            duration_ms: 0.0,
            stdout_bytes: 0,
            stderr_bytes: 0,
            survivors: Vec::new(),
        }
    }
}

pub(crate) fn env_as_object<S: serde::Serializer>(
    env: &[(String, String)],
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(env.len()))?;
    for (k, v) in env {
        map.serialize_entry(k, v)?;
    }
    map.end()
}

/// The inverse of [`env_as_object`], keeping the object's order.
pub(crate) fn env_from_object<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<(String, String)>, D::Error> {
    struct Pairs;
    impl<'de> serde::de::Visitor<'de> for Pairs {
        type Value = Vec<(String, String)>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object of environment variables")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut env = Vec::with_capacity(map.size_hint().unwrap_or(0));
            while let Some(pair) = map.next_entry()? {
                env.push(pair);
            }
            Ok(env)
        }
    }
    d.deserialize_map(Pairs)
}

/// Bytes as a string when they are UTF-8, else as `{"base64": "..."}`.
mod text_or_base64 {
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    #[serde(untagged)]
    enum Bytes {
        Text(String),
        Base64 { base64: String },
    }

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Bytes::Text(text.to_string()),
            Err(_) => Bytes::Base64 { base64: STANDARD.encode(bytes) },
        }
        .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        match Bytes::deserialize(d)? {
            Bytes::Text(text) => Ok(text.into_bytes()),
            Bytes::Base64 { base64 } => STANDARD.decode(base64).map_err(serde::de::Error::custom),
        }
    }
}

/// What runs plugins: the real one spawns processes; tests substitute a fake.
/// The seam where plugin calls are made: the system's runner spawns the binaries; tests,
/// and later record, replay, bench and conformance, put their own here. Commands reach it
/// through the context as a trait object.
pub trait Runner: Sync {
    /// The plugin search path, as given to plugins in `CNI_PATH`.
    fn cni_path(&self) -> String;
    /// The directories of that path, in order.
    fn bin_dirs(&self) -> Vec<PathBuf>;
    /// Where plugins run: cnictl's own namespaces, or a sandbox's.
    fn placement(&self) -> crate::sandbox::Placement;
    /// The same runner, with plugins run somewhere else (a sandbox).
    fn placed(&self, placement: crate::sandbox::Placement) -> Box<dyn Runner>;
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

    /// Runs `call` to the end, retrying the start while the binary is busy being written.
    fn execute(&self, call: &Call) -> process::Captured {
        let prepare = |cmd: &mut std::process::Command| self.placement.apply(cmd);
        let timeout = crate::signals::call_timeout(self.timeout);
        let line = super::slow::SlowLine::new(&call.plugin, call.command.as_str(), timeout);
        let tick = |elapsed| line.tick(elapsed);
        let spec = Spec {
            env: &call.env,
            inherit_env: self.inherit_env,
            stdin: Some(&call.stdin),
            prepare: &prepare,
            tick: &tick,
            // A DEL killed half way can leave what it had not yet removed (ptp's masquerade
            // rules, once its veth is gone, are never found again): it runs to its end.
            finish_on_interrupt: call.command == Command::Del,
            ..Spec::new(&call.path, self.timeout)
        };
        let mut tries = 0;
        loop {
            match process::spawn(&spec) {
                Err(err) if err.raw_os_error() == Some(TEXT_FILE_BUSY) && tries < 5 => {
                    tries += 1;
                    std::thread::sleep(Duration::from_millis(200));
                }
                Err(err) => return process::Captured::not_started(&err),
                Ok(running) => return running.wait(),
            }
        }
    }
}

impl<R: Runner + ?Sized> Runner for Box<R> {
    fn cni_path(&self) -> String {
        (**self).cni_path()
    }
    fn bin_dirs(&self) -> Vec<PathBuf> {
        (**self).bin_dirs()
    }
    fn placement(&self) -> crate::sandbox::Placement {
        (**self).placement()
    }
    fn placed(&self, placement: crate::sandbox::Placement) -> Box<dyn Runner> {
        (**self).placed(placement)
    }
    fn find(&self, plugin: &str) -> Result<PathBuf, PluginFailure> {
        (**self).find(plugin)
    }
    fn run(&self, call: &Call) -> Invocation {
        (**self).run(call)
    }
}

impl Runner for SystemRunner {
    fn cni_path(&self) -> String {
        self.bin_dirs.iter().map(|d| d.display().to_string()).collect::<Vec<_>>().join(":")
    }

    fn bin_dirs(&self) -> Vec<PathBuf> {
        self.bin_dirs.clone()
    }

    fn placement(&self) -> crate::sandbox::Placement {
        self.placement.clone()
    }

    fn placed(&self, placement: crate::sandbox::Placement) -> Box<dyn Runner> {
        Box::new(SystemRunner { placement, ..self.clone() })
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
        let captured = self.execute(call);
        // A group cnictl killed is going anyway; only a plugin that exited by itself can
        // have left something running on purpose.
        let survivors = match captured.exit {
            Exit::Code(_) | Exit::Signal { .. } => {
                captured.pid.map(super::survivors::of_group).unwrap_or_default()
            }
            _ => Vec::new(),
        };
        Invocation {
            plugin: call.plugin.clone(),
            path: call.path.clone(),
            command: call.command,
            env,
            stdin: String::from_utf8_lossy(&call.stdin).into_owned(),
            stdout: String::from_utf8_lossy(&captured.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&captured.stderr).into_owned(),
            exit: captured.exit,
            duration_ms: start.elapsed().as_secs_f64() * 1000.0,
            stdout_bytes: captured.stdout_total,
            stderr_bytes: captured.stderr_total,
            survivors,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plugin that is a shell script in a fresh bin dir.
    fn script_plugin(dir: &std::path::Path, body: &str) -> PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let path = dir.join("script");
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path
    }

    fn call(path: PathBuf) -> Call {
        Call {
            plugin: "script".into(),
            path,
            command: Command::Add,
            env: vec![("CNI_COMMAND".into(), "ADD".into())],
            stdin: b"{}".to_vec(),
        }
    }

    #[test]
    fn a_plugin_that_closes_its_pipes_and_hangs_times_out() {
        let dir = tempfile::tempdir().unwrap();
        let path = script_plugin(dir.path(), "exec >&- 2>&-; sleep 30");
        let runner = SystemRunner {
            bin_dirs: vec![dir.path().to_path_buf()],
            timeout: Duration::from_millis(300),
            inherit_env: false,
            placement: Default::default(),
        };
        let inv = runner.run(&call(path));
        assert_eq!(inv.exit, Exit::TimedOut { after_ms: 300 });
    }

    #[test]
    fn an_invocation_counts_the_bytes_it_cut() {
        let dir = tempfile::tempdir().unwrap();
        let path = script_plugin(dir.path(), "cat; head -c 1000000 /dev/zero | tr '\\0' x >&2");
        let runner = SystemRunner {
            bin_dirs: vec![dir.path().to_path_buf()],
            timeout: Duration::from_secs(20),
            inherit_env: false,
            placement: Default::default(),
        };
        let inv = runner.run(&call(path));
        assert_eq!(inv.exit, Exit::Code(0));
        assert_eq!((inv.stdout.as_str(), inv.stdout_bytes), ("{}", 2));
        assert_eq!(inv.stderr_bytes, 1_000_000);
        assert!(inv.stderr.contains("\n[... 868,928 bytes cut by cnictl ...]\n"));
        assert_eq!(inv.env, [("CNI_COMMAND".to_string(), "ADD".to_string())]);
    }

    #[test]
    fn invocations_and_calls_round_trip() {
        let inv = Invocation {
            plugin: "bridge".into(),
            path: "/usr/lib/cni/bridge".into(),
            command: Command::Add,
            env: vec![("CNI_PATH".into(), "/b".into()), ("CNI_COMMAND".into(), "ADD".into())],
            stdin: "{}".into(),
            stdout: "{}".into(),
            exit: Exit::Signal { signal: 9, name: "SIGKILL".into() },
            duration_ms: 1.5,
            stdout_bytes: 2,
            ..Default::default()
        };
        let json = serde_json::to_value(&inv).unwrap();
        assert_eq!(json["env"], serde_json::json!({"CNI_PATH": "/b", "CNI_COMMAND": "ADD"}));
        assert_eq!(json["stdoutBytes"], 2);
        let text = serde_json::to_string(&inv).unwrap();
        assert_eq!(serde_json::from_str::<Invocation>(&text).unwrap(), inv);
        // Reports written before the byte counts existed still read.
        let old = text.replace(r#","stdoutBytes":2,"stderrBytes":0"#, "");
        assert!(!old.contains("Bytes"), "{old}");
        let back: Invocation = serde_json::from_str(&old).unwrap();
        assert_eq!(back, Invocation { stdout_bytes: 0, ..inv.clone() });

        for stdin in [b"{\"a\":1}".to_vec(), vec![0xff, 0x00, 0x80]] {
            let call = Call {
                plugin: "bridge".into(),
                path: "/usr/lib/cni/bridge".into(),
                command: Command::Del,
                env: inv.env.clone(),
                stdin,
            };
            let text = serde_json::to_string(&call).unwrap();
            assert_eq!(serde_json::from_str::<Call>(&text).unwrap(), call);
        }
        let binary = serde_json::to_value(Call { stdin: vec![0xff], ..call_of(&inv) }).unwrap();
        assert_eq!(binary["stdin"], serde_json::json!({"base64": "/w=="}));
        assert_eq!(serde_json::to_value(call_of(&inv)).unwrap()["stdin"], "{}");
    }

    fn call_of(inv: &Invocation) -> Call {
        Call {
            plugin: inv.plugin.clone(),
            path: inv.path.clone(),
            command: inv.command,
            env: inv.env.clone(),
            stdin: inv.stdin.clone().into_bytes(),
        }
    }
}
