//! Running a configuration list (SPEC section 3): ADD forward with each result chained into
//! the next plugin's `prevResult`, CHECK forward and DEL in reverse with the cached result,
//! and VERSION to every plugin and delegated IPAM plugin. Request configurations are derived
//! as libcni derives them ("Deriving request configuration from plugin configuration").

use std::path::PathBuf;

use serde::Serialize;
use serde_json::{Map, Value};

pub use super::version::{probe_version, versions, VersionAnswer};
use super::{Call, Command, Invocation, PluginFailure, Runner};
use crate::config::{NetworkConfigList, PluginConf};
use crate::spec::{args, result::CniResult};

/// The per-attachment parameters (SPEC section 3, "Attachment Parameters").
#[derive(Debug, Clone, Default)]
pub struct Attachment {
    pub container_id: String,
    pub netns: String,
    pub ifname: String,
    pub args: Vec<(String, String)>,
    pub capability_args: Map<String, Value>,
}

/// What happened to one plugin of the chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Ok,
    Failed,
    NotRun,
    /// Failed, and does not support the configuration's version: it did not understand the
    /// command (`status` asks VERSION of a plugin that failed).
    Unsupported,
}

/// One plugin's part in a chain run.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    /// Position in the list (0-based), whatever the direction of the run.
    pub index: usize,
    #[serde(rename = "type")]
    pub plugin_type: String,
    pub path: Option<PathBuf>,
    pub outcome: Outcome,
    pub duration_ms: f64,
    /// The capability arguments injected as `runtimeConfig`, by name.
    pub runtime_config: Vec<String>,
    /// What the plugin wrote on stderr, when anything (a warning from a plugin that
    /// succeeded is news too), at most [`STEP_STDERR_BYTES`] of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stderr: Option<String>,
}

/// How much of a plugin's stderr a step shows; `--trace` shows all that was captured.
pub const STEP_STDERR_BYTES: usize = 4096;

/// The start of `text`, cut at a character boundary, with a note of what was left out.
pub fn excerpt(text: &str, limit: usize) -> String {
    if text.len() <= limit {
        return text.to_string();
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}\n[... {} more bytes; --trace shows them]", &text[..end], text.len() - end)
}

impl Step {
    /// The step of a call that was made.
    fn of_call(index: usize, inv: &Invocation, ok: bool, runtime_config: Vec<String>) -> Step {
        Step {
            index,
            plugin_type: inv.plugin.clone(),
            path: Some(inv.path.clone()),
            outcome: if ok { Outcome::Ok } else { Outcome::Failed },
            duration_ms: inv.duration_ms,
            runtime_config,
            stderr: Some(inv.stderr.trim_end())
                .filter(|s| !s.is_empty())
                .map(|s| excerpt(s, STEP_STDERR_BYTES)),
        }
    }
}

/// A chain run: the steps, every call made, the final result, and the first failure.
#[derive(Debug, Clone, Default)]
pub struct ChainRun {
    pub steps: Vec<Step>,
    pub calls: Vec<Invocation>,
    pub result: Option<CniResult>,
    /// The failing plugin's index in the list, and why.
    pub failure: Option<(usize, PluginFailure)>,
    /// Every failure, when the chain went on after the first.
    pub failures: Vec<(usize, PluginFailure)>,
}

/// The stdin a plugin receives: its own object with every unknown field kept, `name` and
/// `cniVersion` from the list, `prevResult` when there is one, and `runtimeConfig` holding
/// the capability arguments the plugin declares. Like libcni, `capabilities` stays in.
pub fn request(
    list: &NetworkConfigList,
    plugin: &PluginConf,
    capability_args: &Map<String, Value>,
    prev: Option<&CniResult>,
) -> (Map<String, Value>, Vec<String>) {
    let mut conf = plugin.raw.clone();
    conf.insert("name".into(), Value::String(list.name.clone()));
    conf.insert("cniVersion".into(), Value::String(list.cni_version.clone()));
    if let Some(prev) = prev {
        // As libcni injects it: the result marshalled by its own type, so a 1.x result
        // without an empty `dns` (types100.Result.MarshalJSON).
        conf.insert("prevResult".into(), prev.to_libcni_map());
    }
    let mut runtime = Map::new();
    for cap in plugin.capabilities() {
        if let Some(value) = capability_args.get(&cap) {
            runtime.insert(cap, value.clone());
        }
    }
    let injected: Vec<String> = runtime.keys().cloned().collect();
    if !runtime.is_empty() {
        conf.insert("runtimeConfig".into(), Value::Object(runtime));
    }
    (conf, injected)
}

/// The stdin of GC (SPEC section 3, "Garbage-collecting a network"): the plugin's object with
/// `name` and `cniVersion`, and the valid attachments under both the current key and the
/// older `cni.dev/attachments`, as libcni sends them (cni#1101).
pub fn gc_request(
    list: &NetworkConfigList,
    plugin: &PluginConf,
    valid: &[(String, String)],
) -> Map<String, Value> {
    let mut conf = status_request(list, plugin);
    let attachments: Vec<Value> = valid
        .iter()
        .map(|(id, ifname)| serde_json::json!({"containerID": id, "ifname": ifname}))
        .collect();
    conf.insert("cni.dev/valid-attachments".into(), Value::Array(attachments.clone()));
    conf.insert("cni.dev/attachments".into(), Value::Array(attachments));
    conf
}

/// The stdin of STATUS: the plugin's object with `name` and `cniVersion` only.
pub fn status_request(list: &NetworkConfigList, plugin: &PluginConf) -> Map<String, Value> {
    let mut conf = plugin.raw.clone();
    conf.insert("name".into(), Value::String(list.name.clone()));
    conf.insert("cniVersion".into(), Value::String(list.cni_version.clone()));
    conf
}

/// The environment of an attachment call: every `CNI_*` variable, always set (libcni sets
/// empty ones too), and `PATH`.
pub fn environment(command: Command, att: &Attachment, cni_path: &str) -> Vec<(String, String)> {
    vec![
        ("CNI_COMMAND".into(), command.as_str().into()),
        ("CNI_CONTAINERID".into(), att.container_id.clone()),
        ("CNI_NETNS".into(), att.netns.clone()),
        ("CNI_IFNAME".into(), att.ifname.clone()),
        ("CNI_ARGS".into(), args::join(&att.args)),
        ("CNI_PATH".into(), cni_path.into()),
        ("PATH".into(), super::SystemRunner::path_env()),
    ]
}

/// Finds every plugin of the list before anything runs, so a missing binary stops the run
/// before the first ADD has changed anything.
pub fn locate(
    runner: &dyn Runner,
    list: &NetworkConfigList,
) -> Result<Vec<PathBuf>, (usize, PluginFailure)> {
    list.plugins
        .iter()
        .enumerate()
        .map(|(i, p)| runner.find(&p.plugin_type).map_err(|e| (i, e)))
        .collect()
}

fn not_run(list: &NetworkConfigList, order: &[usize], from: usize, run: &mut ChainRun) {
    for &i in &order[from..] {
        run.steps.push(Step {
            index: i,
            plugin_type: list.plugins[i].plugin_type.clone(),
            path: None,
            outcome: Outcome::NotRun,
            duration_ms: 0.0,
            runtime_config: Vec::new(),
            stderr: None,
        });
    }
}

/// Runs `command` over the chain. ADD goes forward, feeding each result to the next plugin;
/// CHECK goes forward and DEL backward, each plugin given `prev` (the cached ADD result,
/// already at the list's version). Stops at the first failure, as the spec says.
pub fn run(
    runner: &dyn Runner,
    list: &NetworkConfigList,
    command: Command,
    att: &Attachment,
    prev: Option<&CniResult>,
) -> ChainRun {
    run_with(runner, list, command, att, prev, false)
}

/// [`run`], optionally going on after a failure (`del --keep-going`: on a broken node the
/// plugins after a failing one still release what they hold). Every failure is kept in
/// `failures`; `failure` is the first.
pub fn run_with(
    runner: &dyn Runner,
    list: &NetworkConfigList,
    command: Command,
    att: &Attachment,
    prev: Option<&CniResult>,
    keep_going: bool,
) -> ChainRun {
    let mut run = ChainRun::default();
    let mut order: Vec<usize> = (0..list.plugins.len()).collect();
    if command == Command::Del {
        order.reverse();
    }
    let paths = match locate(runner, list) {
        Ok(paths) => paths,
        Err(failure) => {
            not_run(list, &order, 0, &mut run);
            run.failure = Some(failure);
            return run;
        }
    };
    let env = environment(command, att, &runner.cni_path());
    let mut chained: Option<CniResult> = prev.cloned();
    for (pos, &i) in order.iter().enumerate() {
        let plugin = &list.plugins[i];
        let (stdin, injected) = request(list, plugin, &att.capability_args, chained.as_ref());
        let call = Call {
            plugin: plugin.plugin_type.clone(),
            path: paths[i].clone(),
            command,
            env: env.clone(),
            stdin: serde_json::to_vec(&stdin).expect("a JSON map always serializes"),
        };
        let inv = runner.run(&call);
        let mut outcome = PluginFailure::from_invocation(&inv);
        if outcome.is_ok() && command == Command::Add {
            match CniResult::from_stdout(inv.stdout.as_bytes(), &list.cni_version) {
                Ok(result) => chained = Some(result),
                Err(why) => {
                    let why = format!("ADD exited 0 but its stdout is not a result: {why}");
                    outcome = Err(PluginFailure::bad_output(&inv, why))
                }
            }
        }
        run.steps.push(Step::of_call(i, &inv, outcome.is_ok(), injected));
        run.calls.push(inv);
        if let Err(failure) = outcome {
            run.failures.push((i, failure.clone()));
            run.failure.get_or_insert((i, failure));
            if !keep_going {
                not_run(list, &order, pos + 1, &mut run);
                return run;
            }
        }
    }
    if command == Command::Add && run.failure.is_none() {
        run.result = chained;
    }
    run
}

/// GC or STATUS to every plugin in order (SPEC section 3): no attachment parameters, and
/// unlike ADD/CHECK/DEL every plugin is asked even after one fails, so that all errors are
/// seen at once. `valid` goes into GC's stdin.
pub fn network_wide(
    runner: &dyn Runner,
    list: &NetworkConfigList,
    command: Command,
    valid: &[(String, String)],
) -> (ChainRun, Vec<(usize, PluginFailure)>) {
    let mut run = ChainRun::default();
    let mut failures = Vec::new();
    let env = environment(command, &Attachment::default(), &runner.cni_path());
    for (i, plugin) in list.plugins.iter().enumerate() {
        let stdin = match command {
            Command::Gc => gc_request(list, plugin, valid),
            _ => status_request(list, plugin),
        };
        let path = match runner.find(&plugin.plugin_type) {
            Ok(path) => path,
            Err(failure) => {
                run.steps.push(Step {
                    index: i,
                    plugin_type: plugin.plugin_type.clone(),
                    path: None,
                    outcome: Outcome::Failed,
                    duration_ms: 0.0,
                    runtime_config: Vec::new(),
                    stderr: None,
                });
                failures.push((i, failure));
                continue;
            }
        };
        let inv = runner.run(&Call {
            plugin: plugin.plugin_type.clone(),
            path,
            command,
            env: env.clone(),
            stdin: serde_json::to_vec(&stdin).expect("a JSON map always serializes"),
        });
        let outcome = PluginFailure::from_invocation(&inv);
        run.steps.push(Step::of_call(i, &inv, outcome.is_ok(), Vec::new()));
        run.calls.push(inv);
        if let Err(failure) = outcome {
            failures.push((i, failure));
        }
    }
    run.failure = failures.first().cloned();
    (run, failures)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse_conflist;
    use crate::exec::Exit;
    use std::path::Path;
    use std::sync::Mutex;

    /// Answers each call from a script keyed by plugin type, and remembers the calls.
    struct Fake {
        answers: Vec<(&'static str, Exit, &'static str)>,
        seen: Mutex<Vec<Call>>,
    }

    impl Runner for Fake {
        fn cni_path(&self) -> String {
            "/fake/bin".into()
        }
        fn bin_dirs(&self) -> Vec<PathBuf> {
            vec!["/fake/bin".into()]
        }
        fn placement(&self) -> crate::sandbox::Placement {
            crate::sandbox::Placement::default()
        }
        fn placed(&self, _: crate::sandbox::Placement) -> Box<dyn Runner> {
            Box::new(Fake { answers: self.answers.clone(), seen: Mutex::new(Vec::new()) })
        }
        fn find(&self, plugin: &str) -> Result<PathBuf, PluginFailure> {
            if plugin == "missing" {
                return Err(PluginFailure::NotFound { plugin: plugin.into(), dirs: vec![] });
            }
            Ok(Path::new("/fake/bin").join(plugin))
        }
        fn run(&self, call: &Call) -> Invocation {
            self.seen.lock().unwrap().push(call.clone());
            let (_, exit, stdout) =
                self.answers.iter().find(|(p, _, _)| *p == call.plugin).cloned().unwrap();
            Invocation {
                plugin: call.plugin.clone(),
                path: call.path.clone(),
                command: call.command,
                env: call.env.clone(),
                stdin: String::from_utf8_lossy(&call.stdin).into(),
                stdout: stdout.into(),
                stderr: String::new(),
                exit,
                duration_ms: 1.0,
                ..Default::default()
            }
        }
    }

    fn list(plugins: &str) -> NetworkConfigList {
        let text = format!(r#"{{"cniVersion":"1.0.0","name":"net","plugins":[{plugins}]}}"#);
        parse_conflist(Path::new("/x.conflist"), text.as_bytes()).unwrap()
    }

    fn att() -> Attachment {
        let mut caps = Map::new();
        caps.insert("portMappings".into(), serde_json::json!([{"hostPort": 8080}]));
        caps.insert("mac".into(), serde_json::json!("02:00:00:00:00:09"));
        Attachment {
            container_id: "c1".into(),
            netns: "/run/netns/x".into(),
            ifname: "eth0".into(),
            args: vec![("IgnoreUnknown".into(), "1".into())],
            capability_args: caps,
        }
    }

    const RESULT: &str = r#"{"cniVersion":"1.0.0","ips":[{"address":"10.9.0.2/24"}]}"#;

    #[test]
    fn add_chains_results_and_injects_declared_capabilities_only() {
        let fake = Fake {
            answers: vec![("a", Exit::Code(0), RESULT), ("b", Exit::Code(0), RESULT)],
            seen: Mutex::new(vec![]),
        };
        let list =
            list(r#"{"type":"a","extra":1},{"type":"b","capabilities":{"portMappings":true}}"#);
        let run = run(&fake, &list, Command::Add, &att(), None);
        assert!(run.failure.is_none());
        let seen = fake.seen.lock().unwrap();
        let first: Value = serde_json::from_slice(&seen[0].stdin).unwrap();
        let second: Value = serde_json::from_slice(&seen[1].stdin).unwrap();
        assert!(first.get("prevResult").is_none());
        assert!(first.get("runtimeConfig").is_none());
        assert_eq!(first["extra"], 1);
        assert_eq!(first["name"], "net");
        assert_eq!(second["prevResult"]["ips"][0]["address"], "10.9.0.2/24");
        assert_eq!(second["runtimeConfig"]["portMappings"][0]["hostPort"], 8080);
        assert!(second["runtimeConfig"].get("mac").is_none());
        assert_eq!(seen[0].env[4], ("CNI_ARGS".to_string(), "IgnoreUnknown=1".to_string()));
        assert_eq!(run.result.unwrap().ips[0].address, "10.9.0.2/24");
    }

    #[test]
    fn del_runs_in_reverse_with_the_cached_result() {
        let fake = Fake {
            answers: vec![("a", Exit::Code(0), ""), ("b", Exit::Code(0), "")],
            seen: Mutex::new(vec![]),
        };
        let cached = CniResult::from_stdout(RESULT.as_bytes(), "1.0.0").unwrap();
        let run =
            run(&fake, &list(r#"{"type":"a"},{"type":"b"}"#), Command::Del, &att(), Some(&cached));
        let order: Vec<_> = fake.seen.lock().unwrap().iter().map(|c| c.plugin.clone()).collect();
        assert_eq!(order, ["b", "a"]);
        for call in fake.seen.lock().unwrap().iter() {
            let stdin: Value = serde_json::from_slice(&call.stdin).unwrap();
            assert_eq!(stdin["prevResult"]["ips"][0]["address"], "10.9.0.2/24");
        }
        assert!(run.failure.is_none());
    }

    #[test]
    fn a_failure_stops_the_chain_and_marks_the_rest_not_run() {
        let fake = Fake {
            answers: vec![
                ("a", Exit::Code(0), RESULT),
                ("b", Exit::Code(1), r#"{"code":7,"msg":"bad"}"#),
                ("c", Exit::Code(0), RESULT),
            ],
            seen: Mutex::new(vec![]),
        };
        let run = run(
            &fake,
            &list(r#"{"type":"a"},{"type":"b"},{"type":"c"}"#),
            Command::Add,
            &att(),
            None,
        );
        let (index, failure) = run.failure.unwrap();
        assert_eq!(index, 1);
        assert!(matches!(failure, PluginFailure::Error { ref error, .. } if error.code == 7));
        let outcomes: Vec<_> = run.steps.iter().map(|s| s.outcome).collect();
        assert_eq!(outcomes, [Outcome::Ok, Outcome::Failed, Outcome::NotRun]);
        assert!(run.result.is_none());
    }

    #[test]
    fn a_missing_binary_stops_before_anything_runs() {
        let fake = Fake { answers: vec![], seen: Mutex::new(vec![]) };
        let run =
            run(&fake, &list(r#"{"type":"a"},{"type":"missing"}"#), Command::Add, &att(), None);
        assert!(fake.seen.lock().unwrap().is_empty());
        assert!(matches!(run.failure, Some((1, PluginFailure::NotFound { .. }))));
    }

    #[test]
    fn garbage_after_a_successful_add_is_a_protocol_error() {
        let fake = Fake { answers: vec![("a", Exit::Code(0), "oops {")], seen: Mutex::new(vec![]) };
        let run = run(&fake, &list(r#"{"type":"a"}"#), Command::Add, &att(), None);
        assert!(matches!(run.failure, Some((0, PluginFailure::BadOutput { .. }))));
    }

    #[test]
    fn version_asks_plugins_and_their_ipam() {
        let fake = Fake {
            answers: vec![
                (
                    "a",
                    Exit::Code(0),
                    r#"{"cniVersion":"1.1.0","supportedVersions":["0.4.0","1.0.0"]}"#,
                ),
                (
                    "host-local",
                    Exit::Code(0),
                    r#"{"cniVersion":"1.1.0","supportedVersions":["0.4.0"]}"#,
                ),
                ("old", Exit::Code(1), r#"{"code":4,"msg":"unknown CNI_COMMAND: VERSION"}"#),
            ],
            seen: Mutex::new(vec![]),
        };
        let list = list(r#"{"type":"a","ipam":{"type":"host-local"}},{"type":"old"}"#);
        let (answers, calls) = versions(&fake, &list);
        assert_eq!(calls.len(), 3);
        assert!(answers[0].supports_selected);
        assert_eq!(answers[1].role, "ipam");
        assert!(!answers[1].supports_selected);
        assert_eq!(answers[2].supported_versions, ["0.1.0"]);
    }
}
