//! STATUS: every plugin is asked with only its name and version, codes 50 and 51 are
//! explained, and below 1.1.0 nothing is sent.

use serde_json::json;

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
