//! End to end with a real runtime: podman 4.3.1 with its CNI backend (see
//! ../shared/reference/real-runtime-podman.md) runs a busybox container through the
//! recording shims, in a throwaway host namespace, with a configuration directory, a
//! containers.conf, a subnet and an image store of the test's own. The log must hold
//! podman's ADD and DEL for every plugin, the delegated host-local calls linked to the
//! plugin that made them, podman's CNI_ARGS and, with `-p`, the portMappings capability.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{json, Value};

use super::Rec;

/// Where libcni keeps its cache unless told otherwise; podman does not tell it.
const STATE_DIR: &str = "/var/lib/cni";
use crate::util::{cnictl, root_or_skip, unique, World};

/// Whether podman, runc and a static busybox are installed; under CI their absence fails.
pub(super) fn podman_or_skip(test: &str) -> bool {
    let have = |p: &str| {
        Command::new("sh")
            .args(["-c", &format!("command -v {p}")])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if have("podman") && have("runc") && Path::new("/bin/busybox").exists() {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("{test} needs podman, runc and busybox-static: run scripts/install-deps");
    }
    eprintln!("skipping {test}: needs podman, runc and busybox-static");
    false
}

/// podman's storage and run dirs in a temporary directory; whatever podman left mounted
/// under it is unmounted before the directory goes.
pub(super) struct Store {
    dir: tempfile::TempDir,
}

impl Store {
    pub(super) fn new() -> Store {
        let dir = tempfile::Builder::new().prefix("cnictl-podman-").tempdir().unwrap();
        for sub in ["root", "runroot", "tmp", "rootfs/bin", "cni"] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        }
        Store { dir }
    }

    pub(super) fn path(&self, sub: &str) -> PathBuf {
        self.dir.path().join(sub)
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        let mounts = std::fs::read_to_string("/proc/self/mounts").unwrap_or_default();
        let base = self.dir.path().to_string_lossy().into_owned();
        let mut under: Vec<&str> = mounts
            .lines()
            .filter_map(|l| l.split(' ').nth(1))
            .filter(|m| m.starts_with(&base))
            .collect();
        under.reverse();
        for mount in under {
            let _ = Command::new("umount").args(["-l", mount]).status();
        }
    }
}

pub(super) struct Podman<'a> {
    pub(super) store: &'a Store,
    pub(super) world: &'a World,
    pub(super) conf: PathBuf,
}

impl Podman<'_> {
    pub(super) fn command(&self) -> Command {
        // podman keeps libcni's cache in /var/lib/cni: in a mount namespace of its own, a
        // directory of the store's is mounted there, so the machine's cache is not touched.
        std::fs::create_dir_all(STATE_DIR).unwrap();
        let mut cmd = Command::new("unshare");
        cmd.args(["--mount", "--propagation", "private", "sh", "-c"])
            .arg(r#"state=$1 net=$2; shift 2; mount --bind "$state" /var/lib/cni && exec nsenter --net="$net" podman "$@""#)
            .arg("sh")
            .arg(self.store.path("cni"))
            .arg(self.world.host.path())
            .args(["--root", &self.store.path("root").to_string_lossy()])
            .args(["--runroot", &self.store.path("runroot").to_string_lossy()])
            .args(["--runtime", "runc", "--network-backend", "cni", "--cgroup-manager", "cgroupfs"])
            .args(["--network-config-dir", &self.world.conf_dir().to_string_lossy()])
            .env_clear()
            .env("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
            .env("HOME", self.store.path("tmp"))
            .env("CONTAINERS_CONF", &self.conf)
            // Proof that the plugins get the runtime's environment as libcni passes it on.
            .env("CNICTL_TEST_MARK", "from-the-runtime");
        cmd
    }

    pub(super) fn import(&self) {
        let rootfs = self.store.path("rootfs");
        std::fs::copy("/bin/busybox", rootfs.join("bin/busybox")).unwrap();
        std::os::unix::fs::symlink("busybox", rootfs.join("bin/sh")).unwrap();
        let mut tar = Command::new("tar")
            .arg("-C")
            .arg(&rootfs)
            .args(["-c", "."])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let out = self
            .command()
            .args(["import", "-", "localhost/cnictl-bb:latest"])
            .stdin(tar.stdout.take().unwrap())
            .output()
            .unwrap();
        tar.wait().unwrap();
        assert!(out.status.success(), "podman import: {}", String::from_utf8_lossy(&out.stderr));
    }

    /// `podman run --rm` of busybox's `ip -4 addr` on a network; returns its output.
    pub(super) fn run(&self, name: &str, network: &str, extra: &[&str]) -> String {
        let out = self
            .command()
            .args(["run", "--rm", "--name", name, "--network", network])
            .args(["--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024"])
            .args(extra)
            .args(["localhost/cnictl-bb:latest", "/bin/busybox", "ip", "-4", "addr"])
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "podman run on {network}:\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        stdout
    }
}

/// The calls of one container, without VERSION (which libcni sends with no container).
pub(super) fn calls_of(records: &[Value], container: &str) -> Vec<Value> {
    records.iter().filter(|r| r["containerId"] == container).cloned().collect()
}

pub(super) fn summary(calls: &[Value]) -> Vec<(String, String)> {
    calls
        .iter()
        .map(|c| {
            (c["command"].as_str().unwrap().to_string(), c["plugin"].as_str().unwrap().to_string())
        })
        .collect()
}

#[test]
fn podman_calls_through_the_shims_are_recorded_with_delegated_ipam_and_port_mappings() {
    let test = "podman_calls_through_the_shims_are_recorded_with_delegated_ipam_and_port_mappings";
    if !root_or_skip(test) || !podman_or_skip(test) {
        return;
    }
    let world = World::new("rec-pod");
    let store = Store::new();
    let rec = Rec::new();
    let shim = rec.path("shim");
    let log = rec.path("log");
    let log_arg = log.to_string_lossy().into_owned();
    cnictl()
        .env("CNI_PATH", "/usr/lib/cni")
        .args(["record", "install", "--shim-dir", &shim.to_string_lossy(), "--log-dir", &log_arg])
        .expect(0);
    let conf = write_confs(&world, &store, &shim);
    let p = &world.subnet_prefix;
    let machine_conf = Path::new("/etc/cni/net.d/87-podman-bridge.conflist");
    let machine_had = machine_conf.exists();
    let podman = Podman { store: &store, world: &world, conf };
    podman.import();

    let name = format!("cnictl-rec-{}-{}", std::process::id(), unique());
    let out = podman.run(&name, "recptp", &[]);
    assert!(out.contains(&format!("inet {p}.2/25")), "the container got no address:\n{out}");
    let name_br = format!("{name}-br");
    let out = podman.run(&name_br, "recbr", &["-p", "18080:80/tcp"]);
    assert!(out.contains(&format!("inet {p}.130/25")), "the container got no address:\n{out}");
    assert_eq!(machine_conf.exists(), machine_had, "podman wrote into /etc/cni/net.d");
    assert!(store.path("cni/results").is_dir(), "podman's libcni cache was not the store's");

    let records = rec.records();
    let ptp_add = records
        .iter()
        .find(|r| r["command"] == "ADD" && r["plugin"] == "ptp")
        .unwrap_or_else(|| panic!("no ADD of ptp:\n{records:#?}"));
    let container = ptp_add["containerId"].as_str().unwrap();
    let calls = calls_of(&records, container);
    let want = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter().map(|(c, p)| (c.to_string(), p.to_string())).collect()
    };
    assert_eq!(
        summary(&calls),
        want(&[("ADD", "ptp"), ("ADD", "host-local"), ("DEL", "ptp"), ("DEL", "host-local")])
    );
    for call in &calls {
        assert_eq!(call["network"], "recptp");
        assert_eq!(call["env"]["CNI_ARGS"], format!("IgnoreUnknown=1;K8S_POD_NAME={name}"));
        if call["command"] == "ADD" {
            assert_eq!(call["env"]["CNICTL_TEST_MARK"], "from-the-runtime", "{:#}", call["env"]);
        }
        assert!(call["env"]["CNI_PATH"].as_str().unwrap().starts_with(&*shim.to_string_lossy()));
        assert_eq!(call["exit"], json!({"kind": "code", "code": 0}));
    }
    // DEL may come from `podman container cleanup`, which conmon starts with an environment
    // of its own: the variable podman run had is gone there.
    eprintln!("DEL of ptp called by {:?}", calls[2]["caller"]["cmdline"]);
    assert_eq!(calls[2]["caller"]["comm"], "podman");
    assert!(calls[0]["env"].get("K8S_POD_NAMESPACE").is_none(), "podman sends no pod namespace");
    // podman is the caller of ptp; ptp the caller of its delegated host-local.
    assert_eq!(calls[0]["caller"]["comm"], "podman");
    assert_eq!(calls[1]["caller"]["comm"], "ptp");
    assert_eq!(calls[1]["caller"]["pid"], calls[0]["pluginPid"]);
    assert!(calls[0]["stdout"]["text"].as_str().unwrap().contains(&format!("{p}.2/25")));
    // libcni asks every plugin for its VERSION before ADD and DEL, with no container.
    assert!(records.iter().any(|r| r["command"] == "VERSION" && r["plugin"] == "ptp"));

    let ls = cnictl().args(["-o", "json", "record", "ls", "--log-dir", &log_arg]).expect(0).json();
    let ids: Vec<&Value> =
        ls["calls"].as_array().unwrap().iter().filter(|c| c["containerId"] == container).collect();
    assert_eq!(ids[1]["parent"], ids[0]["id"], "host-local's ADD is linked to ptp's");
    assert_eq!(ids[3]["parent"], ids[2]["id"], "host-local's DEL is linked to ptp's");

    check_bridge_and_portmap(&records, p, &name_br);

    // For the README: the ptp ADD as `record show` prints it.
    let show = cnictl()
        .args(["record", "show", ptp_add["id"].as_str().unwrap(), "--log-dir", &log_arg])
        .expect(0);
    eprintln!("{}", show.stdout);

    let shim_arg = shim.to_string_lossy().into_owned();
    cnictl().args(["record", "uninstall", "--shim-dir", &shim_arg]).expect(0);
    assert!(!shim.exists(), "uninstall left the shim dir");
}

/// The test's containers.conf (plugin path: the shims first) and its two networks: ptp on
/// the lower half of the world's /24, bridge + portmap on the upper.
pub(super) fn write_confs(world: &World, store: &Store, shim: &Path) -> PathBuf {
    let conf = store.path("containers.conf");
    std::fs::write(
        &conf,
        format!(
            "[network]\nnetwork_backend = \"cni\"\ncni_plugin_dirs = [{:?}, \"/usr/lib/cni\"]\n\
             network_config_dir = {:?}\n\n[engine]\ntmp_dir = {:?}\nevents_logger = \"none\"\n",
            shim.display().to_string(),
            world.conf_dir().display().to_string(),
            store.path("tmp").display().to_string()
        ),
    )
    .unwrap();
    let p = &world.subnet_prefix;
    let ipam = |range: &str| {
        json!({"type": "host-local", "subnet": format!("{p}.{range}"), "dataDir": world.ipam_dir(),
               "routes": [{"dst": "0.0.0.0/0"}]})
    };
    world.conf(
        "10-recptp.conflist",
        &json!({"cniVersion": "1.0.0", "name": "recptp",
                "plugins": [{"type": "ptp", "ipMasq": false, "ipam": ipam("0/25")}]})
        .to_string(),
    );
    let bridge = format!("cni-rec{}", unique() % 10_000);
    world.conf(
        "20-recbr.conflist",
        &json!({"cniVersion": "1.0.0", "name": "recbr", "plugins": [
            {"type": "bridge", "bridge": bridge, "isGateway": true, "ipMasq": false, "ipam": ipam("128/25")},
            {"type": "portmap", "capabilities": {"portMappings": true}}
        ]})
        .to_string(),
    );
    conf
}

/// bridge + portmap with -p: every plugin's ADD and DEL, and the capability reaches
/// portmap as runtimeConfig.
fn check_bridge_and_portmap(records: &[Value], p: &str, name_br: &str) {
    let want = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter().map(|(c, p)| (c.to_string(), p.to_string())).collect()
    };
    let br_add = records
        .iter()
        .find(|r| r["command"] == "ADD" && r["plugin"] == "bridge")
        .unwrap_or_else(|| panic!("no ADD of bridge:\n{records:#?}"));
    let calls = calls_of(records, br_add["containerId"].as_str().unwrap());
    assert_eq!(
        summary(&calls),
        want(&[
            ("ADD", "bridge"),
            ("ADD", "host-local"),
            ("ADD", "portmap"),
            ("DEL", "portmap"),
            ("DEL", "bridge"),
            ("DEL", "host-local"),
        ])
    );
    let portmap: Value = serde_json::from_str(calls[2]["stdin"]["text"].as_str().unwrap()).unwrap();
    assert_eq!(
        portmap["runtimeConfig"]["portMappings"],
        json!([{"hostPort": 18080, "containerPort": 80, "protocol": "tcp"}]),
        "{portmap:#}"
    );
    assert!(portmap["prevResult"]["ips"][0]["address"]
        .as_str()
        .unwrap()
        .starts_with(&format!("{p}.130")));
    assert_eq!(calls[0]["env"]["CNI_ARGS"], format!("IgnoreUnknown=1;K8S_POD_NAME={name_br}"));
}

#[test]
fn eight_concurrent_podman_runs_leave_eight_whole_unmixed_recordings() {
    let test = "eight_concurrent_podman_runs_leave_eight_whole_unmixed_recordings";
    if !root_or_skip(test) || !podman_or_skip(test) {
        return;
    }
    let world = World::new("rec-pod8");
    let store = Store::new();
    let rec = Rec::new();
    let shim = rec.path("shim");
    cnictl()
        .env("CNI_PATH", "/usr/lib/cni")
        .args(["record", "install", "--shim-dir", &shim.to_string_lossy()])
        .args(["--log-dir", &rec.path("log").to_string_lossy()])
        .expect(0);
    let conf = write_confs(&world, &store, &shim);
    let podman = Podman { store: &store, world: &world, conf };
    podman.import();

    let base = format!("cnictl-rec8-{}-{}", std::process::id(), unique());
    let names: Vec<String> = (0..8).map(|i| format!("{base}-{i}")).collect();
    let outputs: Vec<String> = std::thread::scope(|s| {
        let runs: Vec<_> =
            names.iter().map(|name| s.spawn(|| podman.run(name, "recptp", &[]))).collect();
        runs.into_iter().map(|r| r.join().unwrap()).collect()
    });
    let p = &world.subnet_prefix;
    let mut addresses: Vec<String> = outputs
        .iter()
        .map(|out| {
            out.split_whitespace()
                .skip_while(|w| *w != "inet")
                .find(|w| w.starts_with(&format!("{p}.")))
                .unwrap_or_else(|| panic!("a container got no address:\n{out}"))
                .to_string()
        })
        .collect();
    addresses.sort();
    addresses.dedup();
    assert_eq!(addresses.len(), 8, "two containers got one address: {addresses:?}");

    // Every record parses (records() panics on a broken line), and each container's
    // calls are its own: the whole chain, once, with its own name in CNI_ARGS.
    let records = rec.records();
    let mut containers: Vec<String> = records
        .iter()
        .filter(|r| r["command"] == "ADD" && r["plugin"] == "ptp")
        .map(|r| r["containerId"].as_str().unwrap().to_string())
        .collect();
    containers.sort();
    containers.dedup();
    assert_eq!(containers.len(), 8, "{} ADDs of ptp recorded", containers.len());
    let mut seen_names = Vec::new();
    for container in &containers {
        let calls = calls_of(&records, container);
        let chain: Vec<(String, String)> =
            ["ADD ptp", "ADD host-local", "DEL ptp", "DEL host-local"]
                .iter()
                .map(|c| c.split_once(' ').unwrap())
                .map(|(c, p)| (c.to_string(), p.to_string()))
                .collect();
        assert_eq!(summary(&calls), chain, "container {container}");
        let args = calls[0]["env"]["CNI_ARGS"].as_str().unwrap().to_string();
        for call in &calls {
            assert_eq!(call["env"]["CNI_ARGS"], args, "calls of {container} mixed");
            assert!(call["stdout"].get("truncated").is_none(), "{container}: stdout cut");
            assert_eq!(call["exit"], json!({"kind": "code", "code": 0}));
        }
        seen_names.push(args.trim_start_matches("IgnoreUnknown=1;K8S_POD_NAME=").to_string());
    }
    seen_names.sort();
    assert_eq!(seen_names, names);
    cnictl().args(["record", "uninstall", "--shim-dir", &shim.to_string_lossy()]).expect(0);
}
