//! cnictl invoked as `cnitool` against cnitool v1.3.0 itself. What it prints after ADD and
//! what it caches are libcni v1.3.0's bytes, compared with the probe built on that libcni
//! (tests/interop/libcni-probe, whose `add` prints the result with `Result.Print` as
//! cnitool.go does) on the same network in the same namespace; it exits as cnitool does (1
//! on every failure); and it takes every invocation cnitool takes (`gc` and `status` with
//! a namespace argument).
//!
//! The network is made deterministic so that the bytes can be compared whole: macvlan on a
//! veth of the test's host namespace, host-local with a range of one address, tuning with a
//! fixed MAC, and the addresses, routes and DNS given in the configuration.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

use crate::probe::libcni13;
use crate::util::{
    cnictl_bin, cnitool_id, reference_plugins, root_or_skip, sh, Netns, Output, World,
};

/// A world with the v1.7.1 plugins, the v1.3.0 probe, a `cnitool` link to cnictl and a
/// container namespace; `None` (skipped) without root, the plugins or the probe.
struct Bench {
    world: World,
    ctr: Netns,
    plugins: PathBuf,
    probe: &'static Path,
}

impl Bench {
    fn new(test: &str, tag: &str) -> Option<Bench> {
        if !root_or_skip(test) {
            return None;
        }
        let plugins = reference_plugins(test)?;
        let probe = libcni13()?;
        let world = World::new(tag);
        link_cnitool(&world);
        // macvlan's master, in the throwaway host namespace.
        let host = &world.host.name;
        sh("ip", &["-n", host, "link", "add", "v0", "type", "veth", "peer", "name", "v0p"]);
        sh("ip", &["-n", host, "link", "set", "v0", "up"]);
        let ctr = Netns::new(&format!("{tag}-c"));
        Some(Bench { world, ctr, plugins, probe })
    }

    /// A macvlan + host-local + tuning list at `version`, with `dns` in the macvlan plugin
    /// (which puts it in the result) when given.
    fn network(&self, name: &str, version: &str, dns: Option<Value>) {
        let p = &self.world.subnet_prefix;
        let mut macvlan = json!({
            "type": "macvlan",
            "master": "v0",
            "ipam": {
                "type": "host-local",
                "dataDir": self.world.ipam_dir(),
                "ranges": [[{
                    "subnet": format!("{p}.0/24"),
                    "rangeStart": format!("{p}.7"),
                    "rangeEnd": format!("{p}.7"),
                    "gateway": format!("{p}.1")
                }]],
                "routes": [
                    {"dst": "0.0.0.0/0", "gw": format!("{p}.1"), "priority": 100},
                    {"dst": "198.51.100.0/24", "gw": format!("{p}.1")}
                ]
            }
        });
        if let Some(dns) = dns {
            macvlan["dns"] = dns;
        }
        let tuning = json!({"type": "tuning", "mac": "02:00:00:5e:00:07",
                            "dataDir": self.world.path("tuning")});
        let list = json!({"cniVersion": version, "name": name, "plugins": [macvlan, tuning]});
        self.world.conf(&format!("10-{name}.conflist"), &list.to_string());
    }

    /// The probe's `op` on `network` in the container namespace, run in the host
    /// namespace with `cache` as libcni's cache dir.
    fn libcni(&self, op: &str, network: &str, cache: &Path, env: &[(&str, &str)]) -> Output {
        let out = Command::new("ip")
            .args(["netns", "exec", &self.world.host.name])
            .arg(self.probe)
            .arg(op)
            .arg(self.world.conf_dir())
            .args([network, &self.ctr.path(), &cnitool_id(&self.ctr.path()), "eth0"])
            .arg(cache)
            .arg(&self.plugins)
            .envs(env.iter().copied())
            .output()
            .unwrap();
        output(out)
    }

    /// `cnitool ARGS` in the host namespace, with cnitool's environment variables.
    fn cnitool(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let out = Command::new("ip")
            .args(["netns", "exec", &self.world.host.name])
            .arg(tool(&self.world))
            .args(args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("NETCONFPATH", self.world.conf_dir())
            .env("CNI_PATH", &self.plugins)
            .envs(env.iter().copied())
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        output(out)
    }
}

fn output(out: std::process::Output) -> Output {
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `<world>/tool/cnitool`, a link to the cnictl binary.
fn tool(world: &World) -> PathBuf {
    world.path("tool").join("cnitool")
}

fn link_cnitool(world: &World) {
    std::fs::create_dir_all(world.path("tool")).unwrap();
    std::os::unix::fs::symlink(cnictl_bin(), tool(world)).unwrap();
}

/// The one file of a cache dir's results/.
fn cache_file(cache: &Path) -> String {
    let files: Vec<_> = std::fs::read_dir(cache.join("results")).unwrap().collect();
    assert_eq!(files.len(), 1, "{files:?}");
    std::fs::read_to_string(files[0].as_ref().unwrap().path()).unwrap()
}

/// Runs the same ADD through libcni v1.3.0 and through cnictl as cnitool, one after the
/// other in the same namespace, and compares the bytes printed and cached; then has libcni
/// read cnictl's entry, and cnictl detach.
fn same_bytes(bench: &Bench, network: &str, env: &[(&str, &str)]) -> String {
    let (theirs, ours) = (bench.world.path(&format!("{network}-libcni")), bench.world.cache_dir());
    let probe_env: Vec<(String, &str)> =
        env.iter().map(|(k, v)| (format!("PROBE_{k}"), *v)).collect();
    let probe_env: Vec<(&str, &str)> = probe_env.iter().map(|(k, v)| (k.as_str(), *v)).collect();

    let added = bench.libcni("add", network, &theirs, &probe_env);
    assert_eq!(added.code, 0, "libcni ADD of {network} failed: {}", added.stderr);
    let their_entry = cache_file(&theirs);
    let deleted = bench.libcni("del", network, &theirs, &probe_env);
    assert_eq!(deleted.code, 0, "libcni DEL of {network} failed: {}", deleted.stderr);

    let ctr = bench.ctr.path();
    let add = bench.cnitool(&["--cache-dir", &ours.to_string_lossy(), "add", network, &ctr], env);
    assert_eq!(add.code, 0, "cnitool add {network} failed: {}", add.stderr);
    assert_eq!(add.stdout, added.stdout, "{network}: ADD printed other bytes than cnitool v1.3.0");
    let our_entry = cache_file(&ours);
    assert_eq!(our_entry, their_entry, "{network}: the cache entry differs from libcni v1.3.0's");

    let read = bench.libcni("cached", network, &ours, &probe_env);
    assert_eq!(read.code, 0, "libcni cannot read cnictl's entry: {}", read.stderr);
    assert_eq!(read.stdout, added.stdout, "{network}: libcni reads another result back");

    let del = bench.cnitool(&["--cache-dir", &ours.to_string_lossy(), "del", network, &ctr], env);
    assert_eq!((del.code, del.stdout.as_str()), (0, ""), "{network}: {}", del.stderr);
    assert!(bench.ctr.addresses("eth0").is_empty(), "{network} left eth0 configured");
    assert!(bench.world.cache_entries().is_empty());
    added.stdout
}

#[test]
fn cnitool_mode_prints_and_caches_add_results_byte_for_byte_as_cnitool_1_3() {
    let test = "cnitool_mode_prints_and_caches_add_results_byte_for_byte_as_cnitool_1_3";
    let Some(bench) = Bench::new(test, "c13") else {
        return;
    };
    // Go escapes <, > and & in strings; the DNS strings carry them through the plugin's
    // output and back.
    let dns = json!({
        "nameservers": ["192.0.2.53", "192.0.2.54"],
        "domain": "a.example",
        "search": ["b.example", "c.example"],
        "options": ["ndots:2", "x<y>&z"]
    });
    bench.network("n100", "1.0.0", None);
    bench.network("n110dns", "1.1.0", Some(dns.clone()));
    bench.network("n040dns", "0.4.0", Some(dns.clone()));
    bench.network("n031", "0.3.1", None);

    // 1.x: keys sorted at every level, no empty dns.
    let printed = same_bytes(&bench, "n100", &[]);
    assert!(printed.contains("\n            \"mac\": \"02:00:00:5e:00:07\",\n"), "{printed}");
    assert!(!printed.contains("\"dns\""), "{printed}");
    let printed = same_bytes(&bench, "n110dns", &[]);
    assert!(printed.contains("\"dns\": {\n        \"domain\""), "{printed}");
    assert!(printed.contains(r#""x\u003cy\u003e\u0026z""#), "{printed}");
    // 0.x: the struct order, and "dns" always.
    let printed = same_bytes(&bench, "n040dns", &[]);
    assert!(printed.contains("\"dns\": {\n        \"nameservers\""), "{printed}");
    let printed = same_bytes(&bench, "n031", &[]);
    assert!(printed.ends_with("    \"dns\": {}\n}"), "{printed}");
    assert!(printed.contains("\"version\": \"4\""), "{printed}");

    // CNI_ARGS and CAP_ARGS are cached as given, the capability args as the map libcni
    // decoded them into: keys sorted, numbers float64.
    let caps = r#"{"portMappings":[{"protocol":"tcp","hostPort":8080,"containerPort":80}],"bandwidth":{"ingressRate":1e6,"egressBurst":2.50}}"#;
    let env = [("CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAME=web"), ("CAP_ARGS", caps)];
    same_bytes(&bench, "n100", &env);
}

/// The fixture world of the exit-code and argument tests: a network of one fixture plugin
/// at `version`, with the fixture's `behaviour`.
fn fixture_world(tag: &str, version: &str, behaviour: Value) -> World {
    let world = World::new(tag);
    link_cnitool(&world);
    world.fixture("fx");
    let plugin = json!({"type": "fx", "behaviour": behaviour, "recordDir": world.path("rec")});
    let list = json!({"cniVersion": version, "name": "fxnet", "plugins": [plugin]});
    world.conf("10-fxnet.conflist", &list.to_string());
    world
}

/// `cnitool ARGS` and `cnictl -o cnitool ARGS`, with the world's directories, in its host
/// namespace.
fn both(world: &World, args: &[&str]) -> (Output, Output) {
    let out = Command::new("ip")
        .args(["netns", "exec", &world.host.name])
        .arg(tool(world))
        .arg("--cache-dir")
        .arg(world.cache_dir())
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("NETCONFPATH", world.conf_dir())
        .env("CNI_PATH", world.bin_dirs())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    (output(out), world.cnictl().args(["-o", "cnitool"]).args(args).run())
}

#[test]
fn cnitool_mode_exits_1_on_every_failure_as_cnitool_does() {
    if !root_or_skip("cnitool_mode_exits_1_on_every_failure_as_cnitool_does") {
        return;
    }
    let ctr = Netns::new("c13x-c");
    let world = fixture_world("c13x", "1.0.0", json!({"ADD": "crash"}));
    let missing = format!("/var/run/netns/{}-gone", ctr.name);
    // (arguments, cnictl's own exit code)
    let cases: [(Vec<&str>, i32); 5] = [
        (vec![], 2),
        (vec!["add", "nosuchnet", &ctr.name], 2),
        (vec!["add", "fxnet", &missing], 3),
        (vec!["add", "fxnet", &ctr.name], 4),
        (vec!["del", "fxnet", &ctr.name, "--container-id", "bad/id"], 2),
    ];
    for (args, cnictl_code) in &cases {
        let (as_cnitool, as_cnictl) = both(&world, args);
        assert_eq!(
            as_cnictl.code, *cnictl_code,
            "cnictl -o cnitool {args:?}: {}",
            as_cnictl.stderr
        );
        assert_eq!(as_cnitool.code, 1, "cnitool {args:?}: {}", as_cnitool.stderr);
        assert_eq!(as_cnitool.stdout, "", "cnitool {args:?}");
        assert!(!as_cnitool.stderr.is_empty(), "cnitool {args:?} said nothing");
    }
    for ok in [vec!["--help"], vec!["--version"], vec!["del", "fxnet", &ctr.name]] {
        let (as_cnitool, _) = both(&world, &ok);
        assert_eq!(as_cnitool.code, 0, "cnitool {ok:?}: {}", as_cnitool.stderr);
    }
}

#[test]
fn cnitool_mode_takes_gc_and_status_with_a_namespace_as_cnitool_does() {
    if !root_or_skip("cnitool_mode_takes_gc_and_status_with_a_namespace_as_cnitool_does") {
        return;
    }
    let ctr = Netns::new("c13a-c");
    let world = fixture_world("c13a", "1.1.0", json!({}));
    for command in ["status", "gc"] {
        let (as_cnitool, as_cnictl) = both(&world, &[command, "fxnet", &ctr.path()]);
        for out in [&as_cnitool, &as_cnictl] {
            assert_eq!((out.code, out.stdout.as_str()), (0, ""), "{command}: {}", out.stderr);
        }
    }
    // cnitool ignores arguments after the namespace; so does cnitool mode.
    let (extra, _) = both(&world, &["status", "fxnet", &ctr.path(), "extra", "more"]);
    assert_eq!((extra.code, extra.stdout.as_str()), (0, ""), "{}", extra.stderr);
    // The attachment that `cnitool gc` would delete is still there: cnictl's gc is a dry
    // run unless told otherwise, and says so where cnitool's output has no room for it.
    let add = both(&world, &["add", "fxnet", &ctr.name]).0;
    assert_eq!(add.code, 0, "{}", add.stderr);
    let (gc, _) = both(&world, &["gc", "fxnet", &ctr.name]);
    assert_eq!((gc.code, gc.stdout.as_str()), (0, ""), "{}", gc.stderr);
    assert!(gc.stderr.contains("gc is a dry run: nothing was deleted"), "{}", gc.stderr);
    assert!(gc.stderr.contains("cnitool gc would DEL all 1 cached attachments"), "{}", gc.stderr);
    assert_eq!(world.cache_entries().len(), 1);
    let calls = std::fs::read_to_string(world.path("rec").join("calls.jsonl")).unwrap();
    assert!(!calls.contains("\"GC\""), "a dry run sent GC:\n{calls}");
    // A STATUS that fails exits 1 in cnitool mode too; cnictl's own form (no namespace) stays.
    let down = fixture_world("c13b", "1.1.0", json!({"STATUS": "status:50"}));
    let (as_cnitool, as_cnictl) = both(&down, &["status", "fxnet", &ctr.path()]);
    assert_eq!((as_cnitool.code, as_cnictl.code), (1, 1), "{}", as_cnitool.stderr);
    let report = down.cnictl().args(["-o", "json", "gc", "fxnet", &ctr.path()]).expect(0).json();
    let notes = report["notes"].to_string();
    assert!(notes.contains("is ignored, as cnitool ignores it"), "{notes}");
}
