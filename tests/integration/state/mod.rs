//! The commands that look at and clean up a node's CNI state: STATUS, GC (dry run and
//! applied, with the fixture plugin and with ptp + host-local), the result cache in libcni's
//! format (entries written by hand as cnitool and containerd write them) and host-local's
//! lease files, released under host-local's own lock.
//!
//! This module holds the fixture world and the readers of recorded calls and reports that
//! the submodules share; the tests are in `status`, `gc`, `cache` and `leases`.

mod cache;
mod gc;
mod leases;
mod status;

use base64::Engine;
use serde_json::{json, Value};

use crate::util::{self, root_or_skip, World};

/// The network the fixture tests define.
const NET: &str = "net";

/// A world, or `None` (test skipped) without root.
fn setup(test: &str, tag: &str) -> Option<World> {
    root_or_skip(test).then(|| World::new(tag))
}

/// Links the fixture into the bin dir as `name` and returns its plugin object.
fn fixture(world: &World, name: &str, extra: Value) -> Value {
    world.fixture(name);
    fixture_obj(world, name, extra)
}

/// The object of a fixture plugin already linked as `name`: recording its calls in the
/// world's `rec/` dir, plus the `extra` fields.
fn fixture_obj(world: &World, name: &str, extra: Value) -> Value {
    let mut conf = json!({"type": name, "recordDir": world.path("rec")});
    conf.as_object_mut().unwrap().extend(extra.as_object().cloned().unwrap_or_default());
    conf
}

/// Writes `10-net.conflist` holding these plugins, plus the `extra` top-level fields.
fn network(world: &World, version: &str, plugins: &[Value], extra: Value) {
    let mut list = json!({"cniVersion": version, "name": NET, "plugins": plugins});
    list.as_object_mut().unwrap().extend(extra.as_object().cloned().unwrap_or_default());
    world.conf("10-net.conflist", &list.to_string());
}

/// `cnictl -o json ARGS...` in the world.
fn json_cmd(world: &World, args: &[&str]) -> util::Cnictl {
    world.cnictl().args(["-o", "json"]).args(args)
}

/// The calls the fixture plugins recorded, in order; none when no plugin ran.
fn recorded(world: &World) -> Vec<Value> {
    match std::fs::read_to_string(world.path("rec").join("calls.jsonl")) {
        Ok(text) => text.lines().map(|line| serde_json::from_str(line).unwrap()).collect(),
        Err(_) => Vec::new(),
    }
}

/// The recorded calls of one command.
fn recorded_of(world: &World, command: &str) -> Vec<Value> {
    recorded(world).into_iter().filter(|c| c["command"] == command).collect()
}

/// Forgets the calls recorded so far.
fn forget_calls(world: &World) {
    let _ = std::fs::remove_file(world.path("rec").join("calls.jsonl"));
}

/// The name a recorded call's plugin was invoked as.
fn caller(call: &Value) -> &str {
    call["argv0"].as_str().unwrap().rsplit('/').next().unwrap()
}

fn callers(calls: &[Value]) -> Vec<&str> {
    calls.iter().map(caller).collect()
}

fn assert_contains(text: &str, needle: &str) {
    assert!(text.contains(needle), "expected {needle:?} in:\n{text}");
}

/// Whether some note of a report contains `needle`.
fn assert_note(report: &Value, needle: &str) {
    let notes = report["notes"].as_array().unwrap();
    assert!(
        notes.iter().any(|n| n.as_str().unwrap().contains(needle)),
        "no note containing {needle:?}: {notes:#?}"
    );
}

/// What a plugin receives for STATUS: its object with `name` and `cniVersion`, nothing else.
fn status_stdin(plugin: &Value, version: &str) -> Value {
    let mut stdin = plugin.clone();
    stdin["name"] = json!(NET);
    stdin["cniVersion"] = json!(version);
    stdin
}

/// The outcome of each plugin in a report's `field`, in the order they ran.
fn outcomes<'a>(report: &'a Value, field: &str) -> Vec<&'a str> {
    let steps = report[field].as_array().unwrap();
    steps.iter().map(|s| s["outcome"].as_str().unwrap()).collect()
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}
