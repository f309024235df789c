//! A CNI plugin that misbehaves on purpose, for cnictl's integration tests.
//!
//! cnictl runs it like any plugin (SPEC §2: `CNI_COMMAND` and friends in the environment, the
//! request configuration on stdin). Tests copy or symlink `target/debug/examples/fixture-plugin`
//! into a temporary bin dir under any name and choose what it does through optional fields of
//! its configuration: `recordDir` (append every call to `<recordDir>/calls.jsonl`),
//! `behaviour` (one mode for every command but VERSION, or an object mapping a command to a
//! mode), `stderrLog`, `address`, `errorCode`, `errorMsg`, `supportedVersions` and `leakLink`.
//! The modes are ok, error, crash, hang, garbage, empty, null, result (ADD prints the
//! configured `result` as it is), noversion, exit:N, slow:MS,
//! unknown-version-command, status:N and leak-link (ADD also makes a dummy link, or an ifb
//! without the dummy driver, named by `leakLink` in the plugin's own network namespace; DEL
//! leaves it behind).
//!
//! VERSION's stdin is only `{"cniVersion": ...}` (SPEC §2 VERSION) and cnictl hands plugins a
//! clean environment, so the configuration can also come from a sidecar file `<argv0>.json`
//! next to the binary as invoked: its keys fill in whatever stdin does not set. Supported
//! versions can also come from `<argv0>.versions` or `FIXTURE_SUPPORTED_VERSIONS` (both
//! comma-separated).

use std::fs::{self, OpenOptions};
use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::process::{self, Command, ExitCode};
use std::thread;
use std::time::Duration;

use serde_json::{json, Map, Value};

const COMMANDS: &[&str] = &["ADD", "DEL", "CHECK", "GC", "STATUS", "VERSION"];
const DEFAULT_VERSIONS: &[&str] = &["0.1.0", "0.2.0", "0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0"];
const DEFAULT_ADDRESS: &str = "192.0.2.10/24";

/// One invocation, once stdin has been read and the command is known to be valid.
struct Call {
    command: String,
    /// The request's `cniVersion`.
    version: String,
    /// The plugin configuration (stdin, then the sidecar file).
    config: Map<String, Value>,
    argv0: String,
}

fn main() -> ExitCode {
    let command = std::env::var("CNI_COMMAND").ok();
    let argv0 = std::env::args_os()
        .next()
        .map(|arg| arg.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Run by hand without CNI_COMMAND: do not wait for a terminal to send EOF.
    let raw =
        if command.is_none() && io::stdin().is_terminal() { String::new() } else { read_stdin() };
    let parsed = serde_json::from_str::<Value>(&raw);

    let mut config = match &parsed {
        Ok(Value::Object(object)) => object.clone(),
        _ => Map::new(),
    };
    fill_from_sidecar(&mut config, &argv0);

    if let Some(dir) = config.get("recordDir").and_then(Value::as_str) {
        let stdin = parsed.as_ref().map_or_else(|_| json!(raw), Value::clone);
        if let Err(err) = record(Path::new(dir), command.as_deref(), &stdin, &argv0) {
            eprintln!("fixture: cannot record the call in {dir}: {err}");
        }
    }
    if let Some(text) = config.get("stderrLog").and_then(Value::as_str) {
        eprintln!("{text}");
    }

    let Some(command) = command else {
        eprintln!("fixture-plugin: a CNI plugin for cnictl's tests");
        return ExitCode::SUCCESS;
    };
    if !COMMANDS.contains(&command.as_str()) {
        let msg = format!("unknown CNI_COMMAND: {command}");
        print_json(&json!({"cniVersion": "1.1.0", "code": 4, "msg": msg}));
        return ExitCode::FAILURE;
    }
    let version = match &parsed {
        Ok(value) => value.get("cniVersion").and_then(Value::as_str).unwrap_or("1.1.0"),
        Err(_) if command == "VERSION" => "1.1.0",
        Err(err) => {
            let details = format!("stdin is not JSON: {err}");
            let msg = "failed to decode the network configuration";
            print_json(&json!({"cniVersion": "1.1.0", "code": 6, "msg": msg, "details": details}));
            return ExitCode::FAILURE;
        }
    };
    let call = Call { version: version.to_owned(), command, config, argv0 };
    run(&call, call.mode())
}

impl Call {
    /// The mode for this command: a plain string applies to every command but VERSION.
    fn mode(&self) -> &str {
        match self.config.get("behaviour") {
            Some(Value::String(mode)) if self.command != "VERSION" => Some(mode.as_str()),
            Some(Value::Object(modes)) => modes.get(&self.command).and_then(Value::as_str),
            _ => None,
        }
        .unwrap_or("ok")
    }

    fn config_str(&self, key: &str) -> Option<&str> {
        self.config.get(key).and_then(Value::as_str)
    }

    fn config_or(&self, key: &str, default: Value) -> Value {
        self.config.get(key).cloned().unwrap_or(default)
    }
}

fn run(call: &Call, mode: &str) -> ExitCode {
    match mode {
        "ok" => ok(call, false),
        "noversion" => ok(call, true),
        "leak-link" => leak_link(call),
        "error" => fail(call),
        "crash" => crash(),
        "hang" => hang(call),
        "garbage" => {
            println!("this is not JSON {{");
            ExitCode::SUCCESS
        }
        "empty" => ExitCode::SUCCESS,
        "result" if call.command == "ADD" => {
            // Exactly the configured `result`, whatever it holds.
            print_json(&call.config_or("result", Value::Null));
            ExitCode::SUCCESS
        }
        "result" => ok(call, false),
        "null" => {
            println!("null");
            ExitCode::SUCCESS
        }
        "unknown-version-command" => {
            // What a plugin written before VERSION existed says (libcni then assumes 0.1.0).
            let msg = format!("unknown CNI_COMMAND: {}", call.command);
            print_json(&json!({"code": 4, "msg": msg}));
            ExitCode::FAILURE
        }
        _ => {
            if let Some(Ok(code)) = mode.strip_prefix("exit:").map(str::parse::<u8>) {
                eprintln!("fixture: exiting with {code}");
                return ExitCode::from(code);
            }
            if let Some(Ok(ms)) = mode.strip_prefix("slow:").map(str::parse::<u64>) {
                thread::sleep(Duration::from_millis(ms));
                return ok(call, false);
            }
            if let Some(Ok(code)) = mode.strip_prefix("status:").map(str::parse::<u64>) {
                return not_available(call, code);
            }
            let msg = format!("fixture: unknown behaviour {mode:?}");
            eprintln!("{msg}");
            print_json(&json!({"cniVersion": call.version, "code": 7, "msg": msg}));
            ExitCode::FAILURE
        }
    }
}

/// A well-behaved plugin: a result for ADD and VERSION, nothing for the other commands.
fn ok(call: &Call, without_version: bool) -> ExitCode {
    let mut output = match call.command.as_str() {
        "ADD" => add_result(call),
        "VERSION" => json!({"cniVersion": call.version, "supportedVersions": supported(call)}),
        _ => return ExitCode::SUCCESS,
    };
    if without_version {
        if let Some(object) = output.as_object_mut() {
            object.remove("cniVersion");
        }
    }
    print_json(&output);
    ExitCode::SUCCESS
}

/// A plugin with a bug: ADD makes a host-side link that no command ever removes, then
/// answers like "ok" (so a `prevResult` passes through); the other commands do nothing. The
/// link is a dummy, or an ifb on kernels built without the dummy driver.
fn leak_link(call: &Call) -> ExitCode {
    if call.command == "ADD" {
        let name = call.config_str("leakLink").unwrap_or("fixture-leak");
        let add = |kind: &str| {
            // stdout is the result: keep `ip` off it.
            Command::new("ip")
                .args(["link", "add", name, "type", kind])
                .stdout(process::Stdio::null())
                .status()
                .is_ok_and(|status| status.success())
        };
        if !add("dummy") && !add("ifb") {
            let msg = format!("fixture: cannot create the link {name} (dummy or ifb)");
            eprintln!("{msg}");
            print_json(&json!({"cniVersion": call.version, "code": 999, "msg": msg}));
            return ExitCode::FAILURE;
        }
    }
    ok(call, false)
}

/// SPEC §5 ADD Success, shaped for the request's version; a `prevResult` is passed through.
fn add_result(call: &Call) -> Value {
    let version = call.version.as_str();
    if let Some(prev) = call.config.get("prevResult") {
        let mut prev = prev.clone();
        if let Some(object) = prev.as_object_mut() {
            object.insert("cniVersion".to_owned(), json!(version));
        }
        return prev;
    }
    let address = call.config_str("address").unwrap_or(DEFAULT_ADDRESS);
    let family = if address.contains(':') { "6" } else { "4" };
    if version == "0.1.0" || version == "0.2.0" {
        let key = format!("ip{family}");
        return json!({"cniVersion": version, (key): {"ip": address}, "dns": {}});
    }
    let mut ip = json!({"address": address, "interface": 0});
    if version.starts_with("0.3.") || version == "0.4.0" {
        ip["version"] = json!(family);
    }
    let interface = json!({
        "name": env_or_empty("CNI_IFNAME"),
        "mac": "02:00:00:00:00:01",
        "sandbox": env_or_empty("CNI_NETNS"),
    });
    json!({
        "cniVersion": version,
        "interfaces": [interface],
        "ips": [ip],
        "routes": [],
        "dns": {},
    })
}

/// The versions VERSION reports: the configuration, `<argv0>.versions`,
/// `FIXTURE_SUPPORTED_VERSIONS`, then every released version.
fn supported(call: &Call) -> Value {
    if let Some(list @ Value::Array(_)) = call.config.get("supportedVersions") {
        return list.clone();
    }
    let listed = fs::read_to_string(format!("{}.versions", call.argv0))
        .or_else(|_| std::env::var("FIXTURE_SUPPORTED_VERSIONS"));
    match listed {
        Ok(list) => list.split(',').map(str::trim).filter(|v| !v.is_empty()).collect(),
        Err(_) => DEFAULT_VERSIONS.iter().copied().collect(),
    }
}

/// SPEC §5 Error, with the code and message the test asked for.
fn fail(call: &Call) -> ExitCode {
    let code = call.config_or("errorCode", json!(7));
    let msg = call.config_or("errorMsg", json!("fixture failure"));
    let details = "the fixture plugin was told to fail";
    print_json(&json!({"cniVersion": call.version, "code": code, "msg": msg, "details": details}));
    eprintln!("fixture: failing on purpose");
    ExitCode::FAILURE
}

/// SPEC §2 STATUS: codes 50 and 51 say the plugin cannot service ADD.
fn not_available(call: &Call, code: u64) -> ExitCode {
    let details = "the fixture plugin was told to be unavailable";
    let msg = "plugin not available";
    print_json(&json!({"cniVersion": call.version, "code": code, "msg": msg, "details": details}));
    ExitCode::FAILURE
}

fn crash() -> ExitCode {
    eprintln!("panic: fixture crashed on purpose");
    process::abort()
}

/// Hangs, with a child that holds stdout and stderr open as a daemon started by a plugin might.
fn hang(call: &Call) -> ExitCode {
    let child = match Command::new("sleep").arg("3600").spawn() {
        Ok(child) => Some(child.id()),
        Err(err) => {
            eprintln!("fixture: cannot start `sleep 3600`: {err}");
            None
        }
    };
    if let Some(dir) = call.config_str("recordDir") {
        if let Err(err) = write_pids(Path::new(dir), child) {
            eprintln!("fixture: cannot write pid files in {dir}: {err}");
        }
    }
    thread::sleep(Duration::from_secs(3600));
    ExitCode::SUCCESS
}

/// Writes child.pid before hang.pid, so that once hang.pid exists both do.
fn write_pids(dir: &Path, child: Option<u32>) -> io::Result<()> {
    if let Some(child) = child {
        write_atomically(&dir.join("child.pid"), &child.to_string())?;
    }
    write_atomically(&dir.join("hang.pid"), &process::id().to_string())
}

/// Appends one JSON line; a single write to an `O_APPEND` file keeps concurrent calls whole.
fn record(dir: &Path, command: Option<&str>, stdin: &Value, argv0: &str) -> io::Result<()> {
    let env: Map<String, Value> = std::env::vars_os()
        .map(|(name, value)| (name.to_string_lossy().into_owned(), value))
        .filter(|(name, _)| name.starts_with("CNI_") || name == "PATH")
        .map(|(name, value)| (name, json!(value.to_string_lossy())))
        .collect();
    let line = json!({
        "command": command,
        "env": env,
        "stdin": stdin,
        "argv0": argv0,
        "pid": process::id(),
    });
    fs::create_dir_all(dir)?;
    let mut file = OpenOptions::new().create(true).append(true).open(dir.join("calls.jsonl"))?;
    file.write_all(format!("{line}\n").as_bytes())
}

/// Fills the keys stdin did not set from `<argv0>.json`, if that file exists.
fn fill_from_sidecar(config: &mut Map<String, Value>, argv0: &str) {
    let path = format!("{argv0}.json");
    let Ok(text) = fs::read_to_string(&path) else {
        return;
    };
    match serde_json::from_str::<Map<String, Value>>(&text) {
        Ok(sidecar) => {
            for (key, value) in sidecar {
                config.entry(key).or_insert(value);
            }
        }
        Err(err) => eprintln!("fixture: ignoring {path}: {err}"),
    }
}

fn write_atomically(path: &Path, text: &str) -> io::Result<()> {
    let temporary = path.with_extension(format!("tmp.{}", process::id()));
    fs::write(&temporary, text)?;
    fs::rename(&temporary, path)
}

fn read_stdin() -> String {
    let mut bytes = Vec::new();
    if let Err(err) = io::stdin().read_to_end(&mut bytes) {
        eprintln!("fixture: cannot read stdin: {err}");
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn env_or_empty(name: &str) -> String {
    std::env::var(name).unwrap_or_default()
}

fn print_json(value: &Value) {
    println!("{value}");
}
