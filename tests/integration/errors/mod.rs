//! Every way a plugin can fail, the exit codes and reports cnictl gives for each, and exactly
//! what plugins see (environment and stdin), with the fixture plugin
//! (examples/fixture-plugin.rs) linked into each test's bin dir under the names it uses.
//!
//! This module holds the world and the readers of recorded calls and errors that the
//! submodules share; the tests are in `failures`, `before_run`, `requests` and `version_trace`.

mod before_run;
mod failures;
mod requests;
mod version_trace;

use serde_json::{json, Value};

use crate::util::{self, root_or_skip, Netns, Output, World};

/// The network every test defines.
const NET: &str = "net";

/// A world and a container namespace, or `None` (test skipped) without root.
fn setup(test: &str, tag: &str) -> Option<(World, Netns)> {
    root_or_skip(test).then(|| (World::new(tag), Netns::new(tag)))
}

/// Links the fixture into the bin dir as `name` and returns its plugin object: recording
/// its calls in the world's `rec/` dir, plus the `extra` fields.
fn fixture(world: &World, name: &str, extra: Value) -> Value {
    world.fixture(name);
    let mut conf = json!({"type": name, "recordDir": world.path("rec")});
    conf.as_object_mut().unwrap().extend(extra.as_object().cloned().unwrap_or_default());
    conf
}

/// Writes `10-net.conflist` holding these plugins.
fn network(world: &World, version: &str, plugins: Vec<Value>) {
    let list = json!({"cniVersion": version, "name": NET, "plugins": plugins});
    world.conf("10-net.conflist", &list.to_string());
}

/// `cnictl -o json COMMAND net NETNS`.
fn json_run(world: &World, command: &str, ns: &Netns) -> util::Cnictl {
    world.cnictl().args(["-o", "json", command, NET, &ns.name])
}

/// The calls the fixture plugins recorded, in order; none when no plugin ran.
fn recorded(world: &World) -> Vec<Value> {
    match std::fs::read_to_string(world.path("rec").join("calls.jsonl")) {
        Ok(text) => text.lines().map(|line| serde_json::from_str(line).unwrap()).collect(),
        Err(_) => Vec::new(),
    }
}

/// The name a recorded call's plugin was invoked as.
fn caller(call: &Value) -> &str {
    call["argv0"].as_str().unwrap().rsplit('/').next().unwrap()
}

fn callers(calls: &[Value]) -> Vec<&str> {
    calls.iter().map(caller).collect()
}

/// cnictl's one-line error summary on stderr.
fn error_line(out: &Output) -> &str {
    let line = out.stderr.lines().find(|l| l.starts_with("cnictl: error:"));
    line.unwrap_or_else(|| panic!("no `cnictl: error:` line on stderr:\n{}", out.stderr))
}

fn assert_contains(text: &str, needle: &str) {
    assert!(text.contains(needle), "expected {needle:?} in:\n{text}");
}
