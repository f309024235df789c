//! ADD, CHECK and DEL through Debian's reference plugins (/usr/lib/cni), with the host side
//! in a throwaway namespace: the interfaces, addresses, iptables rules and qdiscs they make
//! are looked at directly, and so is the cache.

use base64::Engine;
use serde_json::{json, Value};

use crate::util::{read_json, root_or_skip, sh, Netns, World};

#[test]
fn loopback_comes_up_and_stays_after_del() {
    if !root_or_skip("loopback_comes_up_and_stays_after_del") {
        return;
    }
    let world = World::new("lo");
    let ctr = Netns::new("lo-c");
    sh("ip", &["-n", &ctr.name, "link", "set", "lo", "down"]);
    world.conf("99-lo.conf", r#"{"cniVersion":"1.0.0","name":"lonet","type":"loopback"}"#);
    let out = world.cnictl().args(["-o", "json", "add", "lonet", &ctr.name, "-i", "lo"]).expect(0);
    let report = out.json();
    assert_eq!(report["config"]["format"], "conf");
    assert_eq!(report["plugins"][0]["type"], "loopback");
    assert!(ctr.exec(&["ip", "link", "show", "lo"]).contains("UP"), "lo is not up");
    assert!(ctr.addresses("lo").contains(&"127.0.0.1/8".to_string()));
    world.cnictl().args(["del", "lonet", &ctr.name, "-i", "lo"]).expect(0);
    assert!(world.cache_entries().is_empty());
}

#[test]
fn ptp_add_check_del_at_1_0_0() {
    if !root_or_skip("ptp_add_check_del_at_1_0_0") {
        return;
    }
    let world = World::new("ptp");
    let ctr = Netns::new("ptp-c");
    let file = world.conf("10-ptp.conflist", &world.ptp_conflist("1.0.0"));
    let expected_ip = format!("{}.2/24", world.subnet_prefix);

    let report = world.cnictl().args(["-o", "json", "add", "ptpnet", &ctr.name]).expect(0).json();
    assert_eq!(report["result"]["ips"][0]["address"], expected_ip);
    assert_eq!(report["result"]["cniVersion"], "1.0.0");
    assert_eq!(report["cache"]["action"], "written");
    assert_eq!(ctr.addresses("eth0"), std::slice::from_ref(&expected_ip));
    let host_veth = report["result"]["interfaces"][0]["name"].as_str().unwrap().to_string();
    assert!(world.host.links().contains(&host_veth), "host side {host_veth} missing");

    // The cache entry, field by field as libcni writes it.
    let entries = world.cache_entries();
    assert_eq!(entries.len(), 1);
    let container_id = report["containerId"].as_str().unwrap();
    assert_eq!(
        entries[0].file_name().unwrap().to_string_lossy(),
        format!("ptpnet-{container_id}-eth0")
    );
    let cached = read_json(&entries[0]);
    assert_eq!(cached["kind"], "cniCacheV1");
    assert_eq!(cached["containerId"], container_id);
    assert_eq!(cached["ifName"], "eth0");
    assert_eq!(cached["networkName"], "ptpnet");
    assert_eq!(cached["netns"], ctr.path());
    let config = base64::engine::general_purpose::STANDARD
        .decode(cached["config"].as_str().unwrap())
        .unwrap();
    assert_eq!(config, std::fs::read(&file).unwrap(), "config is not the file's bytes");
    assert_eq!(cached["result"]["ips"][0]["address"], expected_ip);
    assert!(cached.get("cniArgs").is_none() && cached.get("capabilityArgs").is_none());

    world.cnictl().args(["check", "ptpnet", &ctr.name]).expect(0);

    // Take the address away behind the plugins' back: CHECK must notice.
    sh("ip", &["-n", &ctr.name, "addr", "del", &expected_ip, "dev", "eth0"]);
    let failed = world.cnictl().args(["-o", "json", "check", "ptpnet", &ctr.name]).expect(1).json();
    assert_eq!(failed["error"]["kind"], "plugin-error");
    assert_eq!(failed["error"]["plugin"], "ptp");

    let del = world.cnictl().args(["-o", "json", "del", "ptpnet", &ctr.name]).expect(0).json();
    assert_eq!(del["cache"]["action"], "removed");
    assert!(!ctr.links().contains(&"eth0".to_string()), "eth0 survived DEL");
    assert!(!world.host.links().contains(&host_veth), "host veth survived DEL");
    assert!(world.cache_entries().is_empty(), "cache entry survived DEL");
    let leases: Vec<_> = std::fs::read_dir(world.ipam_dir().join("ptpnet"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("10."))
        .collect();
    assert!(leases.is_empty(), "host-local leases left: {leases:?}");
    // DEL again is fine (spec: delete may follow delete), even with no cache.
    world.cnictl().args(["del", "ptpnet", &ctr.name]).expect(0);
}

#[test]
fn ptp_at_0_3_1_adds_in_the_old_result_shape_and_refuses_check() {
    if !root_or_skip("ptp_at_0_3_1_adds_in_the_old_result_shape_and_refuses_check") {
        return;
    }
    let world = World::new("old");
    let ctr = Netns::new("old-c");
    world.conf("10-ptp.conflist", &world.ptp_conflist("0.3.1"));
    let out = world.cnictl().args(["-o", "cnitool", "add", "ptpnet", &ctr.name]).expect(0);
    let result: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(result["cniVersion"], "0.3.1");
    assert_eq!(result["ips"][0]["version"], "4", "0.3.1 results carry ips[].version");
    assert_eq!(ctr.addresses("eth0"), [format!("{}.2/24", world.subnet_prefix)]);
    let refused = world.cnictl().args(["check", "ptpnet", &ctr.name]).expect(2);
    assert!(
        refused.stderr.contains("does not support CHECK (added in 0.4.0)"),
        "{}",
        refused.stderr
    );
    world.cnictl().args(["del", "ptpnet", &ctr.name]).expect(0);
    assert!(ctr.addresses("eth0").is_empty());
    assert!(world.cache_entries().is_empty());
}

fn bridge_conf(world: &World) -> String {
    let p = &world.subnet_prefix;
    json!({
        "cniVersion": "1.0.0",
        "name": "brnet",
        "plugins": [
            {
                "type": "bridge",
                "bridge": "cnictl-br0",
                "isGateway": true,
                "ipMasq": true,
                "ipam": {
                    "type": "host-local",
                    "dataDir": world.ipam_dir(),
                    "ranges": [[{"subnet": format!("{p}.0/24")}], [{"subnet": "fd00:c1c7::/64"}]],
                    "routes": [{"dst": "0.0.0.0/0"}]
                }
            },
            {"type": "portmap", "capabilities": {"portMappings": true}, "snat": true},
            {"type": "tuning", "capabilities": {"mac": true}, "sysctl": {"net.ipv4.conf.IFNAME.arp_notify": "1"}},
            {"type": "bandwidth", "capabilities": {"bandwidth": true}}
        ]
    })
    .to_string()
    .replace("IFNAME", "eth0")
}

#[test]
fn bridge_portmap_tuning_bandwidth_chain() {
    if !root_or_skip("bridge_portmap_tuning_bandwidth_chain") {
        return;
    }
    let world = World::new("br");
    let ctr = Netns::new("br-c");
    world.conf("20-bridge.conflist", &bridge_conf(&world));
    let v4 = format!("{}.2/24", world.subnet_prefix);
    let add = world
        .cnictl()
        .args(["-o", "json", "add", "brnet", &ctr.name])
        .args(["--port-mapping", "8080:80/tcp", "--mac", "02:c1:c7:00:00:2a"])
        .args([
            "--bandwidth",
            "ingressRate=8000000,ingressBurst=80000,egressRate=8000000,egressBurst=80000",
        ])
        .expect(0)
        .json();
    let steps: Vec<(&str, &str)> = add["plugins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["type"].as_str().unwrap(), s["outcome"].as_str().unwrap()))
        .collect();
    assert_eq!(steps, [("bridge", "ok"), ("portmap", "ok"), ("tuning", "ok"), ("bandwidth", "ok")]);
    assert_eq!(add["plugins"][1]["runtimeConfig"], json!(["portMappings"]));
    assert_eq!(add["plugins"][2]["runtimeConfig"], json!(["mac"]));
    assert_eq!(add["plugins"][3]["runtimeConfig"], json!(["bandwidth"]));

    // The container side: both addresses, and the MAC tuning set.
    let addrs = ctr.addresses("eth0");
    assert!(addrs.contains(&v4), "{addrs:?}");
    assert!(addrs.iter().any(|a| a.starts_with("fd00:c1c7::")), "{addrs:?}");
    assert!(ctr.exec(&["ip", "link", "show", "eth0"]).contains("02:c1:c7:00:00:2a"));
    assert_eq!(ctr.exec(&["sysctl", "-n", "net.ipv4.conf.eth0.arp_notify"]).trim(), "1");
    // The host side, in the throwaway host namespace: bridge, DNAT for the port, a shaper.
    assert!(world.host.links().contains(&"cnictl-br0".to_string()));
    let nat = world.host.exec(&["iptables-save", "-t", "nat"]);
    assert!(
        nat.contains("--dport 8080") && nat.contains(&format!("{}.2:80", world.subnet_prefix)),
        "{nat}"
    );
    let qdiscs = world.host.exec(&["tc", "qdisc", "show"]);
    assert!(qdiscs.contains("tbf"), "no token bucket from bandwidth: {qdiscs}");
    // The gateway answers from inside the container.
    ctr.exec(&["ping", "-c", "1", "-W", "2", &format!("{}.1", world.subnet_prefix)]);

    // Debian's portmap (1.1.1) checks its IPv4 rules in the IPv6 table and fails CHECK
    // (plugins#819, fixed upstream). That failure, exactly, is what cnictl must report; any
    // other outcome but success is a regression.
    let check = world
        .cnictl()
        .args(["-o", "json", "check", "brnet", &ctr.name, "--port-mapping", "8080:80/tcp"])
        .args(["--mac", "02:c1:c7:00:00:2a"])
        .args([
            "--bandwidth",
            "ingressRate=8000000,ingressBurst=80000,egressRate=8000000,egressBurst=80000",
        ])
        .run();
    let report = check.json();
    assert_eq!(report["plugins"][0]["outcome"], "ok", "bridge CHECK: {}", check.stdout);
    if check.code != 0 {
        assert_eq!(check.code, 1, "{}", check.stderr);
        assert_eq!(report["error"]["plugin"], "portmap");
        let msg = report["error"]["cniError"]["msg"].as_str().unwrap();
        assert!(msg.starts_with("could not check ipv6 dnat"), "not plugins#819: {msg}");
        assert_eq!(report["plugins"][2]["outcome"], "not-run");
    }

    let del = world
        .cnictl()
        .args(["-o", "json", "del", "brnet", &ctr.name, "--port-mapping", "8080:80/tcp"])
        .expect(0)
        .json();
    let order: Vec<&str> =
        del["plugins"].as_array().unwrap().iter().map(|s| s["type"].as_str().unwrap()).collect();
    assert_eq!(order, ["bandwidth", "tuning", "portmap", "bridge"], "DEL runs in reverse");
    assert!(!ctr.links().contains(&"eth0".to_string()));
    let nat = world.host.exec(&["iptables-save", "-t", "nat"]);
    assert!(!nat.contains("--dport 8080"), "DNAT rule survived DEL: {nat}");
    assert!(world.cache_entries().is_empty());
}

/// A cache entry written the way containerd's libcni writes it, by hand, drives CHECK and
/// DEL of an attachment cnictl did not cache itself.
#[test]
fn hand_written_libcni_cache_drives_check_and_del() {
    if !root_or_skip("hand_written_libcni_cache_drives_check_and_del") {
        return;
    }
    let world = World::new("hand");
    let ctr = Netns::new("hand-c");
    let file = world.conf("10-ptp.conflist", &world.ptp_conflist("1.0.0"));
    let scratch = world.path("scratch-cache");
    let add = world
        .cnictl()
        .args(["-o", "json", "--cache-dir", &scratch.to_string_lossy()])
        .args([
            "add",
            "ptpnet",
            &ctr.path(),
            "--container-id",
            "f00dcafe1234",
            "--args",
            "IgnoreUnknown=1;K8S_POD_NAME=web",
        ])
        .expect(0)
        .json();
    let result = &add["result"];
    // What containerd's libcni would have left in /var/lib/cni/results.
    let entry = json!({
        "kind": "cniCacheV1",
        "containerId": "f00dcafe1234",
        "config": base64::engine::general_purpose::STANDARD.encode(std::fs::read(&file).unwrap()),
        "ifName": "eth0",
        "networkName": "ptpnet",
        "netns": ctr.path(),
        "cniArgs": [["IgnoreUnknown", "1"], ["K8S_POD_NAME", "web"]],
        "result": {
            "cniVersion": "1.0.0",
            "interfaces": result["interfaces"],
            "ips": result["ips"],
            "routes": result["routes"],
            "dns": {}
        }
    });
    let results = world.cache_dir().join("results");
    std::fs::create_dir_all(&results).unwrap();
    let path = results.join("ptpnet-f00dcafe1234-eth0");
    std::fs::write(&path, serde_json::to_vec_pretty(&entry).unwrap()).unwrap();

    let check = world
        .cnictl()
        .args(["-o", "json", "check", "ptpnet", &ctr.path(), "--container-id", "f00dcafe1234"])
        .expect(0)
        .json();
    assert_eq!(check["cache"]["action"], "read");
    // The legacy form, a bare result, is read as well.
    std::fs::write(&path, serde_json::to_vec(&entry["result"]).unwrap()).unwrap();
    let check = world
        .cnictl()
        .args(["-o", "json", "check", "ptpnet", &ctr.path(), "--container-id", "f00dcafe1234"])
        .expect(0)
        .json();
    assert_eq!(check["cache"]["action"], "read-legacy");

    std::fs::write(&path, serde_json::to_vec_pretty(&entry).unwrap()).unwrap();
    let del = world
        .cnictl()
        .args([
            "-o",
            "json",
            "--trace",
            "del",
            "ptpnet",
            &ctr.path(),
            "--container-id",
            "f00dcafe1234",
        ])
        .expect(0)
        .json();
    let stdin: Value = serde_json::from_str(del["calls"][0]["stdin"].as_str().unwrap()).unwrap();
    assert_eq!(stdin["prevResult"]["ips"], result["ips"], "DEL got the cached result");
    assert!(!path.exists(), "DEL left the cache entry");
    assert!(ctr.addresses("eth0").is_empty());
}

/// A zero-byte entry (cni#1055) makes CHECK fail with a clear message, and DEL go on
/// without a prevResult and remove it, as libcni does.
#[test]
fn empty_cache_entry_fails_check_but_not_del() {
    if !root_or_skip("empty_cache_entry_fails_check_but_not_del") {
        return;
    }
    let world = World::new("zero");
    let ctr = Netns::new("zero-c");
    world.conf("10-ptp.conflist", &world.ptp_conflist("1.0.0"));
    let add = world.cnictl().args(["-o", "json", "add", "ptpnet", &ctr.name]).expect(0).json();
    let path = std::path::PathBuf::from(add["cache"]["path"].as_str().unwrap());
    std::fs::write(&path, b"").unwrap();
    let check = world.cnictl().args(["check", "ptpnet", &ctr.name]).expect(3);
    assert!(check.stderr.contains("is unreadable (the file is empty"), "{}", check.stderr);
    let del = world.cnictl().args(["-o", "json", "del", "ptpnet", &ctr.name]).expect(0).json();
    assert_eq!(del["cache"]["action"], "removed");
    assert!(del["notes"].to_string().contains("DEL runs without prevResult"));
    assert!(ctr.addresses("eth0").is_empty());
}
