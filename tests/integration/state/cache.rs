//! The result cache in libcni's format: entries written by hand as cnitool and containerd
//! write them are listed, decoded and removed.

use serde_json::{json, Value};

use super::{assert_contains, b64, json_cmd, setup};
use crate::util::{self, Netns};

/// A cnitool-style container ID: "cnitool-" and 20 hex digits.
const CNITOOL_ID: &str = "cnitool-3f9a0c1d2e4b5a6f7081";
/// A containerd-style sandbox ID: 64 hex digits.
const SANDBOX_ID: &str = "8d2f4c1a9b7e6d5c3a2b1f0e9d8c7b6a5f4e3d2c1b0a99887766554433221100";

/// The four entries the test writes, as cnitool, containerd, a crash and old libcni left
/// them, and what it wrote.
struct Written {
    results: std::path::PathBuf,
    _pod_ns: Netns,
    pod_ns_path: String,
    gone_ns: String,
    cnitool_conf: &'static str,
    cnitool_result: Value,
    cnitool_file: String,
    cnitool_entry: Value,
    containerd_conf: Value,
    cni_args: Value,
    capability_args: Value,
    containerd_result: Value,
    containerd_file: String,
    empty_file: &'static str,
    legacy_file: &'static str,
}

/// An entry as containerd writes it: the CRI's CNI_ARGS and capability args. Returns the
/// configuration, args, capability args and result it holds, and its file name.
fn write_containerd_entry(
    results: &std::path::Path,
    pod_ns_path: &str,
) -> (Value, Value, Value, Value, String) {
    // containerd: the CRI's CNI_ARGS and capability args.
    let containerd_conf = json!({
        "cniVersion": "1.0.0",
        "name": "containerd-net",
        "plugins": [
            {"type": "bridge", "bridge": "cni0", "isGateway": true, "ipMasq": true,
             "ipam": {"type": "host-local", "ranges": [[{"subnet": "10.88.0.0/16"}]],
                      "routes": [{"dst": "0.0.0.0/0"}]}},
            {"type": "portmap", "capabilities": {"portMappings": true}}
        ]
    });
    let cni_args = json!([
        ["IgnoreUnknown", "1"],
        ["K8S_POD_NAMESPACE", "default"],
        ["K8S_POD_NAME", "web"],
        ["K8S_POD_INFRA_CONTAINER_ID", SANDBOX_ID],
        ["K8S_POD_UID", "0c2bbf4e-6a3c-4c8e-9a65-1d8f4e3b2a10"]
    ]);
    let capability_args = json!({
        "portMappings": [{"hostPort": 8080, "containerPort": 80, "protocol": "tcp", "hostIP": ""}],
        "io.kubernetes.cri.pod-annotations": {}
    });
    let containerd_result = json!({
        "cniVersion": "1.0.0",
        "interfaces": [
            {"name": "cni0", "mac": "2a:1b:3c:4d:5e:6f"},
            {"name": "veth1a2b3c4d", "mac": "6e:5d:4c:3b:2a:19"},
            {"name": "eth0", "mac": "0a:58:0a:58:00:07", "sandbox": pod_ns_path}
        ],
        "ips": [{"interface": 2, "address": "10.88.0.7/16", "gateway": "10.88.0.1"}],
        "routes": [{"dst": "0.0.0.0/0", "gw": "10.88.0.1"}],
        "dns": {}
    });
    let containerd_file = format!("containerd-net-{SANDBOX_ID}-eth0");
    let containerd_entry = json!({
        "kind": "cniCacheV1",
        "containerId": SANDBOX_ID,
        "config": b64(containerd_conf.to_string().as_bytes()),
        "ifName": "eth0",
        "networkName": "containerd-net",
        "netns": pod_ns_path,
        "cniArgs": cni_args,
        "capabilityArgs": capability_args,
        "result": containerd_result,
    });
    std::fs::write(results.join(&containerd_file), containerd_entry.to_string()).unwrap();

    (containerd_conf, cni_args, capability_args, containerd_result, containerd_file)
}

fn write_entries(world: &util::World) -> Written {
    let results = world.cache_dir().join("results");
    std::fs::create_dir_all(&results).unwrap();
    let pod_ns = Netns::new("cache-pod");
    let gone_ns = format!("/var/run/netns/cnictl-absent-{}-{}", std::process::id(), util::unique());

    // cnitool: no args, no capability args, the conflist file's bytes as config.
    let cnitool_conf = concat!(
        "{\n",
        "  \"cniVersion\": \"1.0.0\",\n",
        "  \"name\": \"mynet\",\n",
        "  \"plugins\": [\n",
        "    {\"type\": \"ptp\",\n",
        "     \"ipam\": {\"type\": \"host-local\", \"subnet\": \"10.22.0.0/16\"}}\n",
        "  ]\n",
        "}\n"
    );
    let cnitool_result = json!({
        "cniVersion": "1.0.0",
        "interfaces": [{"name": "eth0", "mac": "0a:58:0a:16:00:05", "sandbox": gone_ns}],
        "ips": [{"address": "10.22.0.5/16", "gateway": "10.22.0.1", "interface": 0}],
        "dns": {}
    });
    let cnitool_file = format!("mynet-{CNITOOL_ID}-eth0");
    let cnitool_entry = json!({
        "kind": "cniCacheV1",
        "containerId": CNITOOL_ID,
        "config": b64(cnitool_conf.as_bytes()),
        "ifName": "eth0",
        "networkName": "mynet",
        "netns": gone_ns,
        "result": cnitool_result,
    });
    std::fs::write(results.join(&cnitool_file), cnitool_entry.to_string()).unwrap();

    let (containerd_conf, cni_args, capability_args, containerd_result, containerd_file) =
        write_containerd_entry(&results, &pod_ns.path());
    // Zero bytes, as a crash leaves it; and libcni's legacy bare result.
    let empty_file = "mynet-0123abcd-eth0";
    std::fs::write(results.join(empty_file), "").unwrap();
    let legacy_file = "mynet-legacyctr-eth0";
    let legacy = json!({
        "cniVersion": "0.4.0",
        "interfaces": [
            {"name": "eth0", "mac": "0a:58:0a:16:00:09", "sandbox": "/var/run/netns/old"}
        ],
        "ips": [
            {"version": "4", "address": "10.22.0.9/16", "gateway": "10.22.0.1", "interface": 0}
        ],
        "dns": {}
    });
    std::fs::write(results.join(legacy_file), legacy.to_string()).unwrap();

    Written {
        results,
        pod_ns_path: pod_ns.path(),
        _pod_ns: pod_ns,
        gone_ns,
        cnitool_conf,
        cnitool_result,
        cnitool_file,
        cnitool_entry,
        containerd_conf,
        cni_args,
        capability_args,
        containerd_result,
        containerd_file,
        empty_file,
        legacy_file,
    }
}

fn ls(world: &util::World, args: &[&str]) -> Value {
    json_cmd(world, &["cache", "ls"]).args(args).expect(0).json()
}

fn names(report: &Value) -> Vec<String> {
    let entries = report["entries"].as_array().unwrap();
    entries
        .iter()
        .map(|e| {
            let file = e["file"].as_str().unwrap();
            file.rsplit('/').next().unwrap().to_string()
        })
        .collect()
}

#[test]
fn hand_written_libcni_cache_entries_are_listed_decoded_and_removed() {
    let Some(world) = setup("hand_written_libcni_cache_entries_are_listed", "cache") else {
        return;
    };
    let w = write_entries(&world);
    listed(&world, &w);
    filtered(&world, &w);
    shown_and_removed(&world, &w);
}

fn listed(world: &util::World, w: &Written) {
    let (results, gone_ns, cnitool_entry) = (&w.results, w.gone_ns.clone(), &w.cnitool_entry);
    let (cnitool_file, containerd_file) = (w.cnitool_file.clone(), w.containerd_file.clone());
    let (empty_file, legacy_file, pod_ns_path) = (w.empty_file, w.legacy_file, &w.pod_ns_path);
    let ls = |args: &[&str]| ls(world, args);
    let all = ls(&[]);
    assert_eq!(all["dir"], json!(results));
    let mut expected = vec![
        cnitool_file.clone(),
        containerd_file.clone(),
        empty_file.to_string(),
        legacy_file.to_string(),
    ];
    expected.sort();
    assert_eq!(names(&all), expected);
    let by_name = |name: &str| -> Value {
        all["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["file"].as_str().unwrap().ends_with(&format!("/{name}")))
            .cloned()
            .unwrap()
    };

    let cnitool = by_name(&cnitool_file);
    assert_eq!(cnitool["state"], "ok");
    assert!(cnitool["problem"].is_null());
    assert_eq!(cnitool["network"], "mynet");
    assert_eq!(cnitool["containerId"], CNITOOL_ID);
    assert_eq!(cnitool["ifname"], "eth0");
    assert_eq!(cnitool["netns"], gone_ns);
    assert_eq!(cnitool["netnsExists"], false);
    assert_eq!(cnitool["addresses"], json!(["10.22.0.5/16"]));
    assert_eq!(cnitool["size"], cnitool_entry.to_string().len());
    assert!(cnitool["ageSeconds"].as_u64().is_some_and(|a| a < 600), "{cnitool}");

    let containerd = by_name(&containerd_file);
    assert_eq!(containerd["state"], "ok");
    assert_eq!(containerd["network"], "containerd-net");
    assert_eq!(containerd["containerId"], SANDBOX_ID);
    assert_eq!(containerd["netns"], json!(pod_ns_path));
    assert_eq!(containerd["netnsExists"], true);
    assert_eq!(containerd["addresses"], json!(["10.88.0.7/16"]));

    let empty = by_name(empty_file);
    assert_eq!(empty["state"], "empty");
    assert_eq!(empty["size"], 0);
    assert_contains(empty["problem"].as_str().unwrap(), "zero bytes");

    let old = by_name(legacy_file);
    assert_eq!(old["state"], "legacy");
    assert_eq!(old["addresses"], json!(["10.22.0.9/16"]));
}

fn filtered(world: &util::World, w: &Written) {
    let (cnitool_file, containerd_file) = (w.cnitool_file.clone(), w.containerd_file.clone());
    let (empty_file, legacy_file) = (w.empty_file, w.legacy_file);
    let ls = |args: &[&str]| ls(world, args);
    // Filters: fields when the entry has them, the file name when it does not.
    let mut mynet = vec![cnitool_file.clone(), empty_file.to_string(), legacy_file.to_string()];
    mynet.sort();
    assert_eq!(names(&ls(&["--network", "mynet"])), mynet);
    assert_eq!(
        names(&ls(&["--network", "containerd-net"])),
        std::slice::from_ref(&containerd_file)
    );
    assert_eq!(names(&ls(&["--container-id", SANDBOX_ID])), std::slice::from_ref(&containerd_file));
    assert_eq!(names(&ls(&["--container-id", CNITOOL_ID])), std::slice::from_ref(&cnitool_file));
    assert_eq!(
        names(&ls(&["--network", "mynet", "--container-id", "legacyctr"])),
        [legacy_file.to_string()]
    );
    assert_eq!(names(&ls(&["--network", "containerd-net", "--container-id", CNITOOL_ID])), [""; 0]);
}

fn shown_and_removed(world: &util::World, w: &Written) {
    let (results, cnitool_conf, cnitool_result) =
        (&w.results, w.cnitool_conf, w.cnitool_result.clone());
    let (containerd_conf, cni_args) = (w.containerd_conf.clone(), w.cni_args.clone());
    let (capability_args, containerd_result) =
        (w.capability_args.clone(), w.containerd_result.clone());
    let (cnitool_file, containerd_file) = (w.cnitool_file.clone(), w.containerd_file.clone());
    let (empty_file, legacy_file) = (w.empty_file, w.legacy_file);
    let ls = |args: &[&str]| ls(world, args);
    // show: by file name, and by path.
    let show = json_cmd(world, &["cache", "show", &containerd_file]).expect(0).json();
    assert_eq!(show["config"], containerd_conf);
    assert_eq!(show["cniArgs"], cni_args);
    assert_eq!(show["capabilityArgs"], capability_args);
    assert_eq!(show["result"], containerd_result);
    assert_eq!(show["containerId"], SANDBOX_ID);
    assert_eq!(show["state"], "ok");
    let path = results.join(&cnitool_file);
    let show = json_cmd(world, &["cache", "show", &path.to_string_lossy()]).expect(0).json();
    let written: Value = serde_json::from_str(cnitool_conf).unwrap();
    assert_eq!(show["config"], written);
    assert_eq!(show["cniArgs"], json!([]));
    assert_eq!(show["capabilityArgs"], json!({}));
    assert_eq!(show["result"], cnitool_result);
    let show = json_cmd(world, &["cache", "show", legacy_file]).expect(0).json();
    assert_eq!(show["state"], "legacy");
    assert!(show["config"].is_null());
    assert_eq!(show["result"]["ips"][0]["address"], "10.22.0.9/16");
    json_cmd(world, &["cache", "show", "nope"]).expect(2);

    // rm: one entry, and it is gone from ls.
    let rm = json_cmd(world, &["cache", "rm", &cnitool_file]).expect(0).json();
    assert_eq!(rm["removed"], json!([path]));
    assert!(!path.exists());
    let mut rest = vec![containerd_file, empty_file.to_string(), legacy_file.to_string()];
    rest.sort();
    assert_eq!(names(&ls(&[])), rest);
    json_cmd(world, &["cache", "rm", "nope"]).expect(2);
    assert_eq!(names(&ls(&[])), rest);
}
