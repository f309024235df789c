//! STATUS: every plugin is asked with only its name and version, codes 50 and 51 are
//! explained, and below 1.1.0 nothing is sent.

use serde_json::{json, Value};

use super::{
    assert_contains, assert_note, caller, callers, fixture, fixture_obj, forget_calls, json_cmd,
    network, outcomes, recorded, recorded_of, setup, status_stdin, NET,
};

#[test]
fn status_asks_every_plugin_with_only_name_and_version() {
    let Some(world) = setup("status_asks_every_plugin_with_only_name_and_version", "stok") else {
        return;
    };
    let plugins = [
        fixture(&world, "first", json!({"custom": {"a": 1}})),
        fixture(&world, "second", json!({"capabilities": {"portMappings": true}})),
    ];
    network(&world, "1.1.0", &plugins, json!({}));
    let report = json_cmd(&world, &["status", NET]).expect(0).json();
    assert_eq!(report["sent"], true);
    assert_eq!(report["verdict"], "available");
    assert_eq!(report["errors"], json!([]));
    assert_eq!(outcomes(&report, "plugins"), ["ok", "ok"]);
    let calls = recorded(&world);
    assert_eq!(callers(&calls), ["first", "second"]);
    for (call, plugin) in calls.iter().zip(&plugins) {
        assert_eq!(call["command"], "STATUS");
        assert_eq!(call["env"]["CNI_COMMAND"], "STATUS");
        // No prevResult, no runtimeConfig (even for a plugin declaring capabilities).
        assert_eq!(call["stdin"], status_stdin(plugin, "1.1.0"), "{}", caller(call));
    }
}

#[test]
fn status_codes_50_and_51_are_explained_and_every_plugin_is_asked() {
    let Some(world) = setup("status_codes_50_and_51_are_explained", "st5x") else {
        return;
    };
    let down = |code: u32| json!({"behaviour": {"STATUS": format!("status:{code}")}});

    // 50 from the first plugin: not available; the second is asked all the same.
    let plugins = [fixture(&world, "first", down(50)), fixture(&world, "second", json!({}))];
    network(&world, "1.1.0", &plugins, json!({}));
    let report = json_cmd(&world, &["status", NET]).expect(1).json();
    assert_eq!(report["verdict"], "not available");
    assert_eq!(outcomes(&report, "plugins"), ["failed", "ok"]);
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0]["cniError"]["code"], 50);
    assert_eq!(errors[0]["index"], 0);
    assert_contains(errors[0]["hint"].as_str().unwrap(), "ADD");
    assert_eq!(callers(&recorded_of(&world, "STATUS")), ["first", "second"]);

    // 51 from the second plugin: limited connectivity.
    forget_calls(&world);
    let plugins =
        [fixture_obj(&world, "first", json!({})), fixture_obj(&world, "second", down(51))];
    network(&world, "1.1.0", &plugins, json!({}));
    let report = json_cmd(&world, &["status", NET]).expect(1).json();
    assert_eq!(report["verdict"], "limited connectivity");
    assert_eq!(outcomes(&report, "plugins"), ["ok", "failed"]);
    assert_eq!(report["errors"][0]["cniError"]["code"], 51);
    assert_eq!(report["errors"][0]["index"], 1);
    assert_contains(report["errors"][0]["hint"].as_str().unwrap(), "ADD");
    assert_eq!(callers(&recorded_of(&world, "STATUS")), ["first", "second"]);

    // Both: 51 is the worse, whatever the order.
    forget_calls(&world);
    let plugins = [fixture_obj(&world, "first", down(51)), fixture_obj(&world, "second", down(50))];
    network(&world, "1.1.0", &plugins, json!({}));
    let report = json_cmd(&world, &["status", NET]).expect(1).json();
    assert_eq!(report["verdict"], "limited connectivity");
    assert_eq!(report["errors"].as_array().unwrap().len(), 2);
    assert_eq!(callers(&recorded_of(&world, "STATUS")), ["first", "second"]);
}

#[test]
fn status_below_1_1_0_is_not_sent_and_says_so() {
    let Some(world) = setup("status_below_1_1_0_is_not_sent_and_says_so", "st100") else {
        return;
    };
    let plugins = [fixture(&world, "first", json!({"behaviour": "status:50"}))];
    network(&world, "1.0.0", &plugins, json!({}));
    let report = json_cmd(&world, &["status", NET]).expect(0).json();
    assert_eq!(report["sent"], false);
    assert_eq!(report["verdict"], "not asked");
    assert_eq!(report["plugins"], json!([]));
    assert_note(&report, "STATUS was not sent");
    assert!(recorded(&world).is_empty(), "{:?}", recorded(&world));
}

/// A bridge + portmap list at 1.1.0, leases in the world's IPAM dir.
fn bridge_portmap(world: &crate::util::World) -> Value {
    json!([
        {
            "type": "bridge",
            "bridge": "cni-st0",
            "ipam": {
                "type": "host-local",
                "subnet": format!("{}.0/24", world.subnet_prefix),
                "dataDir": world.ipam_dir()
            }
        },
        {"type": "portmap", "capabilities": {"portMappings": true}}
    ])
}

/// Debian's 1.1.1 plugins speak up to 1.0.0 and answer STATUS, which they do not know,
/// with code 3 "missing containerID". cnictl asks them VERSION and says that they do not
/// support 1.1.0, per plugin and in the summary; the same list with the v1.7.1 plugins,
/// which do, is available and nobody is asked VERSION.
#[test]
fn status_says_plugins_older_than_the_list_did_not_understand_it() {
    let test = "status_says_plugins_older_than_the_list_did_not_understand_it";
    let Some(world) = setup(test, "stold") else {
        return;
    };
    let plugins = bridge_portmap(&world);
    network(&world, "1.1.0", plugins.as_array().unwrap(), json!({}));
    let old = || world.cnictl().env("CNI_PATH", "/usr/lib/cni");

    let report = old().args(["-o", "json", "--trace", "status", NET]).expect(1).json();
    assert_eq!(report["verdict"], "unsupported");
    assert_eq!(outcomes(&report, "plugins"), ["unsupported", "unsupported"]);
    let unsupported = report["unsupported"].as_array().unwrap();
    assert_eq!(unsupported.len(), 2, "{unsupported:#?}");
    for (entry, plugin) in unsupported.iter().zip(["bridge", "portmap"]) {
        assert_eq!(entry["type"], plugin);
        let versions = entry["supportedVersions"].as_array().unwrap();
        assert!(versions.contains(&json!("1.0.0")) && !versions.contains(&json!("1.1.0")));
    }
    for (error, plugin) in report["errors"].as_array().unwrap().iter().zip(["bridge", "portmap"]) {
        assert_eq!(error["kind"], "unsupported-version");
        assert_eq!(error["plugin"], plugin);
        let message = error["message"].as_str().unwrap();
        assert_contains(message, &format!("{plugin} does not support cniVersion 1.1.0"));
        assert_contains(message, "so it did not understand STATUS");
        // The confused answer stays as evidence.
        assert_eq!(error["cniError"]["code"], 3, "{error:#}");
        assert_contains(error["hint"].as_str().unwrap(), "cniVersion to 1.0.0");
    }
    assert_note(&report, "bridge, portmap do not support cniVersion 1.1.0");
    let commands: Vec<&str> = report["calls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["command"].as_str().unwrap())
        .collect();
    assert_eq!(commands, ["STATUS", "STATUS", "VERSION", "VERSION"]);

    let table = old().args(["status", NET]).expect(1);
    assert_contains(&table.stdout, "STATUS net: unsupported");
    assert_contains(&table.stdout, "UNSUPPORTED");
    assert_contains(&table.stdout, "bridge does not support cniVersion 1.1.0");
    assert_contains(
        &table.stderr,
        "STATUS not understood: 2 of 2 plugins do not support cniVersion 1.1.0 (bridge, portmap)",
    );

    let Some(current) = crate::util::reference_plugins(test) else {
        return;
    };
    let report = world
        .cnictl()
        .env("CNI_PATH", current.to_string_lossy())
        .args(["-o", "json", "--trace", "status", NET])
        .expect(0)
        .json();
    assert_eq!(report["verdict"], "available");
    assert_eq!(outcomes(&report, "plugins"), ["ok", "ok"]);
    assert_eq!((&report["errors"], &report["unsupported"]), (&json!([]), &json!([])));
    let calls = report["calls"].as_array().unwrap();
    assert!(calls.iter().all(|c| c["command"] == "STATUS"), "{calls:#?}");
}

/// A plugin's own 50 outweighs another's not understanding STATUS, and a plugin that
/// supports 1.1.0 and fails is an ordinary failure: only the old one is called unsupported.
#[test]
fn status_tells_a_plugin_that_lacks_1_1_0_from_one_that_fails() {
    let Some(world) = setup("status_tells_a_plugin_that_lacks_1_1_0_from_one_that_fails", "stmix")
    else {
        return;
    };
    let old = fixture(&world, "old", json!({"behaviour": {"STATUS": "error"}}));
    std::fs::write(world.path("bin").join("old.versions"), "0.4.0,1.0.0").unwrap();
    let broken = fixture(&world, "broken", json!({"behaviour": {"STATUS": "error"}}));
    let down = fixture(&world, "down", json!({"behaviour": {"STATUS": "status:50"}}));
    network(&world, "1.1.0", &[old, broken, down], json!({}));
    let report = json_cmd(&world, &["--trace", "status", NET]).expect(1).json();
    assert_eq!(report["verdict"], "not available");
    assert_eq!(outcomes(&report, "plugins"), ["unsupported", "failed", "failed"]);
    assert_eq!(
        report["unsupported"],
        json!([{"index": 0, "type": "old", "supportedVersions": ["0.4.0", "1.0.0"]}])
    );
    let kinds: Vec<&str> =
        report["errors"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["unsupported-version", "plugin-error", "plugin-error"]);
    assert_eq!(report["errors"][2]["cniError"]["code"], 50);
    // Each plugin that failed was asked VERSION once, after the STATUS round; not the one
    // that answered 50, a code only a plugin that knows STATUS gives.
    let calls: Vec<String> = report["calls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| format!("{} {}", c["command"].as_str().unwrap(), c["plugin"].as_str().unwrap()))
        .collect();
    assert_eq!(
        calls,
        ["STATUS old", "STATUS broken", "STATUS down", "VERSION old", "VERSION broken"]
    );
}
