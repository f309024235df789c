//! `conf lint`: the diagnostics for files and directories, each with its code, severity,
//! position and fix, and the error and warning counts.

use std::fs;
use std::os::unix::fs::PermissionsExt;

use serde_json::Value;

use super::{assert_contains, base, codes, counts, diagnostics, list, Dir};

/// The 1-based line and column (in characters) where `needle` starts in `text`; it must
/// occur once.
pub(super) fn position(text: &str, needle: &str) -> (u64, u64) {
    assert_eq!(text.matches(needle).count(), 1, "{needle:?} must occur once in:\n{text}");
    let at = text.find(needle).unwrap();
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line as u64, column as u64)
}

/// The only diagnostic with this code at this position (None: a whole-file one), checked for
/// severity and a fix.
pub(super) fn expect_diag<'a>(
    report: &'a Value,
    code: &str,
    severity: &str,
    at: Option<(u64, u64)>,
) -> &'a Value {
    let want = |d: &&Value| {
        let pos = d["line"].as_u64().zip(d["column"].as_u64());
        d["code"] == code && pos == at
    };
    let found: Vec<&Value> = diagnostics(report).iter().filter(want).collect();
    assert_eq!(found.len(), 1, "one {code} at {at:?} in {:#}", report["diagnostics"]);
    let d = found[0];
    assert_eq!(d["severity"], severity, "{d}");
    assert!(!d["fix"].as_str().unwrap().trim().is_empty(), "no fix: {d}");
    assert!(!d["message"].as_str().unwrap().is_empty(), "no message: {d}");
    d
}

#[test]
fn lint_invalid_json_points_at_the_offending_character() {
    let d = Dir::new();
    let comment = "{\n  \"name\": \"x\", // a comment\n  \"plugins\": []\n}\n";
    d.write("10-c.conflist", comment);
    let r = d.lint(&[], 2);
    let diag = expect_diag(&r, "invalid-json", "error", Some(position(comment, "// a comment")));
    assert_contains(diag["fix"].as_str().unwrap(), "comments are not JSON");
    assert_eq!(base(&diag["file"]), "10-c.conflist");
    assert_eq!(codes(&r), ["invalid-json"]);

    let d = Dir::new();
    let trailing = "{\n  \"name\": \"x\",\n  \"plugins\": [{\"type\": \"fa\"},]\n}\n";
    d.write("10-t.conflist", trailing);
    let r = d.lint(&[], 2);
    // serde_json reports the bracket after the comma; the comma is what to remove.
    let diag = expect_diag(&r, "invalid-json", "error", Some(position(trailing, ",]\n}")));
    assert_contains(diag["fix"].as_str().unwrap(), "comma");
}

#[test]
fn lint_extension_and_content_mismatches() {
    let d = Dir::new();
    d.plugin("fa");
    d.write("10-l.conf", &list("l", "1.0.0", &["fa"]));
    d.write("20-s.conflist", r#"{"cniVersion": "1.0.0", "name": "s", "type": "fa"}"#);
    let r = d.lint(&[], 2);
    let diag = expect_diag(&r, "list-in-conf-file", "error", None);
    assert_eq!(base(&diag["file"]), "10-l.conf");
    assert_contains(diag["fix"].as_str().unwrap(), ".conflist");
    let diag = expect_diag(&r, "single-in-conflist-file", "error", None);
    assert_eq!(base(&diag["file"]), "20-s.conflist");
    assert_eq!(counts(&r), (2, 0));
}

#[test]
fn lint_network_name_rules() {
    let d = Dir::new();
    d.plugin("fa");
    d.write("10-a.conflist", r#"{"cniVersion": "1.0.0", "plugins": [{"type": "fa"}]}"#);
    let not_string =
        "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": 5,\n  \"plugins\": [{\"type\": \"fa\"}]\n}";
    d.write("20-b.conflist", not_string);
    let bad = "{\n  \"cniVersion\": \"1.0.0\",\n    \"name\": \"-bad name\",\n  \"plugins\": [{\"type\": \"fa\"}]\n}";
    d.write("30-c.conflist", bad);
    let r = d.lint(&[], 2);
    let diag = expect_diag(&r, "missing-name", "error", None);
    assert_eq!(base(&diag["file"]), "10-a.conflist");
    expect_diag(&r, "name-not-string", "error", Some(position(not_string, "\"name\"")));
    let diag = expect_diag(&r, "bad-network-name", "error", Some(position(bad, "\"name\"")));
    assert_eq!(position(bad, "\"name\""), (3, 5));
    assert_contains(diag["message"].as_str().unwrap(), "-bad name");
    assert_eq!(counts(&r), (3, 0));
}

#[test]
fn lint_plugin_type_rules() {
    let d = Dir::new();
    d.plugin("fa");
    let text = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"x\",\n  \"plugins\": [\n    {\"type\": \"fa\"},\n    {\"ipMasq\": true},\n    {\"type\": 7},\n    {\"mtu\": 1, \"type\": \"/opt/cni/bin/fa\"}\n  ]\n}\n";
    d.write("10-x.conflist", text);
    let r = d.lint(&[], 2);
    expect_diag(&r, "missing-type", "error", Some(position(text, "{\"ipMasq\"")));
    expect_diag(&r, "type-not-string", "error", Some(position(text, "\"type\": 7")));
    let diag = expect_diag(&r, "type-has-path", "error", Some(position(text, "\"type\": \"/opt")));
    assert_eq!(position(text, "\"type\": \"/opt"), (8, 16));
    assert_contains(diag["message"].as_str().unwrap(), "/opt/cni/bin/fa");
    assert_eq!(counts(&r), (3, 0));
}

#[test]
fn lint_cni_version_rules() {
    let d = Dir::new();
    d.plugin("fa");
    let unknown = "{\n  \"cniVersion\": \"0.9.0\",\n  \"name\": \"u\",\n  \"plugins\": [{\"type\": \"fa\"}]\n}";
    let above = "{\n  \"cniVersion\": \"1.0.0\",\n  \"cniVersions\": [\"1.0.0\", \"2.0.0\"],\n  \"name\": \"a\",\n  \"plugins\": [{\"type\": \"fa\"}]\n}";
    d.write("20-a.conflist", above);
    let r = d.lint(&[], 0);
    expect_diag(&r, "cni-versions-above-current", "warning", Some(position(above, "\"2.0.0\"")));
    assert_eq!(counts(&r), (0, 1));

    // No cniVersion is a warning (runtimes use 0.1.0); --offline keeps the plugins out of it.
    d.write("30-m.conflist", r#"{"name": "m", "plugins": [{"type": "fa"}]}"#);
    let r = d.lint(&["--offline"], 0);
    let diag = expect_diag(&r, "missing-cni-version", "warning", None);
    assert_eq!(base(&diag["file"]), "30-m.conflist");
    assert_eq!(counts(&r), (0, 2));

    d.write("10-u.conflist", unknown);
    let not_string =
        "{\n  \"cniVersion\": 1.0,\n  \"name\": \"n\",\n  \"plugins\": [{\"type\": \"fa\"}]\n}";
    d.write("40-n.conflist", not_string);
    let r = d.lint(&["--offline"], 2);
    expect_diag(&r, "unknown-cni-version", "warning", Some(position(unknown, "\"cniVersion\"")));
    expect_diag(
        &r,
        "cni-version-not-string",
        "error",
        Some(position(not_string, "\"cniVersion\"")),
    );
    assert_eq!(counts(&r), (1, 3));
}

#[test]
fn lint_a_file_without_cni_version_has_only_the_warning() {
    // Regression (fixed): as in `conf ls`, lint compares an empty cniVersion with the versions the plugin
    // speaks instead of "0.1.0" (libcni's validatePlugin), and adds an error
    // "version-unsupported: fa supports 0.1.0, ..., 1.1.0 but the configuration selects "
    // (exit 2). Reproduce: `{"name":"m","plugins":[{"type":"fa"}]}`, fa installed, `cnictl
    // conf lint`.
    let d = Dir::new();
    d.plugin("fa");
    d.write("30-m.conflist", r#"{"name": "m", "plugins": [{"type": "fa"}]}"#);
    let r = d.lint(&[], 0);
    assert_eq!(codes(&r), ["missing-cni-version"]);
}

#[test]
fn lint_field_types() {
    let d = Dir::new();
    d.plugin("bridge");
    let text = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"x\",\n  \"disableCheck\": \"true\",\n  \"plugins\": [\n    {\n      \"type\": \"bridge\",\n      \"isGateway\": true,\n      \"ipMasq\": \"true\",\n      \"mtu\": \"1500\",\n      \"vlan\": 5\n    }\n  ]\n}\n";
    d.write("10-x.conflist", text);
    let r = d.lint(&[], 2);
    // libcni reads "true" for its own flags; other readers may not.
    expect_diag(&r, "string-for-boolean", "info", Some(position(text, "\"disableCheck\"")));
    // bridge decodes its configuration into a Go struct, which refuses a string where it
    // wants a bool or a number.
    let diag = expect_diag(&r, "string-for-boolean", "error", Some(position(text, "\"ipMasq\"")));
    assert_contains(diag["message"].as_str().unwrap(), "bridge");
    let diag = expect_diag(&r, "string-for-number", "error", Some(position(text, "\"mtu\"")));
    assert_eq!(diag["fix"], "write mtu: 1500, without quotes");
    assert_eq!(position(text, "\"mtu\""), (10, 7));
    assert_eq!(counts(&r), (2, 0));

    // Info alone exits 0.
    let d = Dir::new();
    d.plugin("fa");
    let info = "{\"cniVersion\": \"1.0.0\", \"name\": \"x\", \"disableGC\": \"FALSE\", \"plugins\": [{\"type\": \"fa\"}]}";
    d.write("10-x.conflist", info);
    let r = d.lint(&[], 0);
    expect_diag(&r, "string-for-boolean", "info", Some(position(info, "\"disableGC\"")));
    assert_eq!(counts(&r), (0, 0));
}

/// Issue 11, item 6: the AWS VPC CNI declares its MTU as a string; lint called `"mtu":
/// "9001"` an error and suggested the fix that breaks it. Fields of a plugin that is not
/// one of the reference plugins are that plugin's business.
#[test]
fn lint_leaves_third_party_plugins_fields_alone() {
    let d = Dir::new();
    for p in ["aws-cni", "egress-cni", "portmap", "host-local"] {
        d.plugin(p);
    }
    let text = r#"{
  "cniVersion": "0.4.0",
  "name": "aws-cni",
  "disableCheck": true,
  "plugins": [
    {"name": "aws-cni", "type": "aws-cni", "vethPrefix": "eni", "mtu": "9001",
     "podSGEnforcingMode": "strict", "pluginLogLevel": "DEBUG", "ipMasq": "false"},
    {"name": "egress-cni", "type": "egress-cni", "mtu": "9001", "enabled": "false",
     "randomizeSNAT": "prng", "nodeIP": "",
     "ipam": {"type": "host-local", "ranges": [[{"subnet": "fd00::ac:00/118"}]],
              "routes": [{"dst": "::/0"}], "dataDir": "/run/cni/v4pd/egress-v6-ipam"}},
    {"type": "portmap", "capabilities": {"portMappings": true}, "snat": true}
  ]
}
"#;
    d.write("10-aws.conflist", text);
    let r = d.lint(&[], 0);
    assert_eq!(codes(&r), Vec::<&str>::new());

    // The same field of a reference plugin that decodes it as a number is an error, and
    // one of a reference plugin that does not read it is a warning: ptp has no isGateway.
    let d = Dir::new();
    d.plugin("ptp");
    d.plugin("host-local");
    let text = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"p\",\n  \"plugins\": [\n    {\"type\": \"ptp\", \"mtu\": \"9001\", \"ipMasq\": \"true\", \"isGateway\": \"true\",\n     \"ipam\": {\"type\": \"host-local\", \"subnet\": \"10.77.0.0/24\"}}\n  ]\n}\n";
    d.write("10-p.conflist", text);
    let r = d.lint(&[], 2);
    expect_diag(&r, "string-for-number", "error", Some(position(text, "\"mtu\"")));
    expect_diag(&r, "string-for-boolean", "error", Some(position(text, "\"ipMasq\"")));
    let diag =
        expect_diag(&r, "string-for-boolean", "warning", Some(position(text, "\"isGateway\"")));
    assert_contains(diag["message"].as_str().unwrap(), "ptp does not read isGateway");
    assert_eq!(counts(&r), (2, 1));
}

#[test]
fn lint_a_string_flag_libcni_refuses_is_not_said_to_be_accepted() {
    // Regression (fixed): for "disableCheck": "yes" lint gives the info "disableCheck is the string \"yes\":
    // libcni accepts it" next to the invalid-config error saying the file does not load;
    // libcni accepts only "true"/"false" in any case. Reproduce: `{"cniVersion":"1.0.0",
    // "name":"y","disableCheck":"yes","plugins":[{"type":"fa"}]}`, `cnictl conf lint`.
    let d = Dir::new();
    d.plugin("fa");
    d.write(
        "10-y.conflist",
        r#"{"cniVersion": "1.0.0", "name": "y", "disableCheck": "yes", "plugins": [{"type": "fa"}]}"#,
    );
    let r = d.lint(&[], 2);
    let accepted = diagnostics(&r)
        .iter()
        .filter(|d| d["message"].as_str().unwrap().contains("libcni accepts it"))
        .count();
    assert_eq!(accepted, 0, "{:#}", r["diagnostics"]);
    assert!(codes(&r).iter().any(|c| *c == "string-for-boolean" || *c == "invalid-config"));
}

#[test]
fn lint_reserved_keys() {
    let d = Dir::new();
    d.plugin("fa");
    let text = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"x\",\n  \"plugins\": [{\n    \"type\": \"fa\",\n    \"runtimeConfig\": {},\n    \"prevResult\": {},\n    \"args\": {\"cni\": {}}\n  }]\n}\n";
    d.write("10-x.conflist", text);
    // libcni loads such a file (the reference plugins' own tests write runtimeConfig in
    // files), so each is a warning and lint does not fail on them.
    let r = d.lint(&[], 0);
    expect_diag(&r, "reserved-key", "warning", Some(position(text, "\"runtimeConfig\"")));
    expect_diag(&r, "reserved-key", "warning", Some(position(text, "\"prevResult\"")));
    expect_diag(&r, "reserved-key", "warning", Some(position(text, "\"args\"")));
    assert_eq!(counts(&r), (0, 3));
}

#[test]
fn lint_positions_keys_that_hold_a_slash() {
    // Regression (fixed): a diagnostic about a key with '/' in it (every "cni.dev/..." key) has no line or
    // column: config/spans.rs stores pointers escaped as JSON Pointer ("/cni.dev~1attachments")
    // but config/lint.rs looks them up unescaped ("/cni.dev/attachments"). Reproduce: a plugin
    // with "cni.dev/attachments": [] on line 6, `cnictl conf lint -o json`: line and column
    // are null.
    let d = Dir::new();
    d.plugin("fa");
    let text = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"x\",\n  \"plugins\": [{\n    \"type\": \"fa\",\n    \"cni.dev/attachments\": []\n  }]\n}\n";
    d.write("10-x.conflist", text);
    let r = d.lint(&[], 0);
    let at = position(text, "\"cni.dev/attachments\"");
    assert_eq!(at, (6, 5));
    expect_diag(&r, "reserved-key", "warning", Some(at));
}

#[test]
fn lint_capabilities() {
    let d = Dir::new();
    d.plugin("fa");
    d.plugin("fb");
    let text = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"x\",\n  \"plugins\": [\n    {\"type\": \"fa\", \"capabilities\": {\"portMapping\": true, \"mac\": \"yes\", \"ips\": true}},\n    {\"type\": \"fb\", \"capabilities\": [\"portMappings\"]}\n  ]\n}\n";
    d.write("10-x.conflist", text);
    let r = d.lint(&[], 2);
    let diag =
        expect_diag(&r, "unknown-capability", "warning", Some(position(text, "\"portMapping\"")));
    assert_contains(diag["message"].as_str().unwrap(), "portMappings");
    expect_diag(&r, "capability-not-boolean", "error", Some(position(text, "\"mac\"")));
    expect_diag(
        &r,
        "capabilities-not-object",
        "error",
        Some(position(text, "\"capabilities\": [")),
    );
    assert_eq!(counts(&r), (2, 1));

    // A misspelt capability alone is a warning: exit 0.
    let d = Dir::new();
    d.plugin("fa");
    d.write(
        "10-x.conflist",
        r#"{"cniVersion": "1.0.0", "name": "x", "plugins": [{"type": "fa", "capabilities": {"portmappings": true}}]}"#,
    );
    let r = d.lint(&[], 0);
    assert_eq!(codes(&r), ["unknown-capability"]);
}

#[test]
fn lint_plugins_must_be_a_non_empty_array_of_objects() {
    let d = Dir::new();
    d.plugin("fa");
    let empty = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"e\",\n  \"plugins\": []\n}";
    let object =
        "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"o\",\n  \"plugins\": {\"type\": \"fa\"}\n}";
    let string =
        "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"s\",\n  \"plugins\": [\n    \"fa\"\n  ]\n}";
    d.write("10-e.conflist", empty);
    d.write("20-o.conflist", object);
    d.write("30-s.conflist", string);
    d.write("40-a.conflist", "[1, 2]");
    let r = d.lint(&[], 2);
    expect_diag(&r, "empty-plugins", "error", Some(position(empty, "\"plugins\"")));
    expect_diag(&r, "plugins-not-array", "error", Some(position(object, "\"plugins\"")));
    expect_diag(&r, "not-an-object", "error", Some(position(string, "\"fa\"")));
    let diag = expect_diag(&r, "not-an-object", "error", None);
    assert_eq!(base(&diag["file"]), "40-a.conflist");
    assert_eq!(counts(&r), (4, 0));
}

#[test]
fn lint_checks_plugin_binaries_and_offline_skips_only_versions() {
    let d = Dir::new();
    d.plugin("fa");
    d.plugin_speaking("old", "0.3.1,0.4.0");
    let text = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"x\",\n  \"plugins\": [\n    {\"type\": \"fa\"},\n    {\"type\": \"absent\"},\n    {\"type\": \"old\"}\n  ]\n}\n";
    d.write("10-x.conflist", text);
    let r = d.lint(&[], 2);
    let missing =
        expect_diag(&r, "plugin-missing", "error", Some(position(text, "\"type\": \"absent\"")));
    assert_contains(missing["message"].as_str().unwrap(), "absent");
    let version =
        expect_diag(&r, "version-unsupported", "error", Some(position(text, "\"type\": \"old\"")));
    assert_contains(version["message"].as_str().unwrap(), "0.4.0");
    assert_contains(version["message"].as_str().unwrap(), "1.0.0");
    assert_eq!(counts(&r), (2, 0));

    let r = d.lint(&["--offline"], 2);
    assert_eq!(codes(&r), ["plugin-missing"]);

    // A missing IPAM plugin is reported at the "type" inside "ipam", not the main one.
    let ipam = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"y\",\n  \"plugins\": [\n    {\"type\": \"fa\",\n     \"ipam\": {\"type\": \"no-ipam\"}}\n  ]\n}\n";
    let e = Dir::new();
    e.plugin("fa");
    e.write("10-y.conflist", ipam);
    let r = e.lint(&[], 2);
    let missing =
        expect_diag(&r, "plugin-missing", "error", Some(position(ipam, "\"type\": \"no-ipam\"")));
    assert_contains(missing["message"].as_str().unwrap(), "no-ipam");

    // With the missing binary installed, --offline has nothing left to report.
    d.plugin("absent");
    d.lint(&["--offline"], 0);
    assert_eq!(codes(&d.lint(&[], 2)), ["version-unsupported"]);
}

#[test]
fn lint_a_directory_reports_duplicate_names_and_ignored_files() {
    let d = Dir::new();
    d.plugin("fa");
    d.write("10-x.conflist", &list("x", "1.0.0", &["fa"]));
    let second = r#"{"cniVersion": "1.0.0", "name": "x", "type": "fa"}"#;
    d.write("20-x.conf", second);
    d.write("30-y.conflist", &list("y", "1.0.0", &["fa"]));
    d.write("40-x.conflist.bak", "old");
    let r = d.lint(&[], 0);
    // At the "name" that repeats (issue 11, item 5).
    let dup = expect_diag(&r, "duplicate-name", "warning", Some(position(second, "\"name\"")));
    assert_eq!(base(&dup["file"]), "20-x.conf");
    assert_contains(dup["message"].as_str().unwrap(), "10-x.conflist");
    let ignored = expect_diag(&r, "ignored-file", "warning", None);
    assert_eq!(base(&ignored["file"]), "40-x.conflist.bak");
    assert_eq!(counts(&r), (0, 2));
    assert_eq!(r["command"], "conf lint");
    assert_eq!(r["target"], d.conf_dir().to_string_lossy().as_ref());
}

#[test]
fn lint_a_world_writable_conf_dir_is_a_warning() {
    let d = Dir::new();
    d.plugin("fa");
    d.write("10-x.conflist", &list("x", "1.0.0", &["fa"]));
    let conf = d.conf_dir();
    fs::set_permissions(&conf, fs::Permissions::from_mode(0o777)).unwrap();
    let r = d.lint(&[], 0);
    let diag = expect_diag(&r, "world-writable", "warning", None);
    assert_eq!(diag["file"], conf.to_string_lossy().as_ref());
    assert_contains(diag["fix"].as_str().unwrap(), "chmod o-w");

    // With the sticky bit (like /tmp) others cannot replace these files, but they can still
    // add a configuration that sorts first: a warning too.
    fs::set_permissions(&conf, fs::Permissions::from_mode(0o1777)).unwrap();
    assert_eq!(codes(&d.lint(&[], 0)), ["world-writable"]);
    fs::set_permissions(&conf, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(codes(&d.lint(&[], 0)), Vec::<&str>::new());
}

#[test]
fn lint_a_single_file() {
    let d = Dir::new();
    d.plugin("fa");
    d.plugin("bridge");
    let text = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"x\",\n  \"plugins\": [{\"type\": \"bridge\", \"mtu\": \"9000\"}]\n}";
    let path = d.write("10-x.conflist", text);
    // Neighbours do not count when one file is named.
    d.write("20-x.conflist", &list("x", "1.0.0", &["fa"]));
    d.write("junk.bak", "x");
    let r = d.lint(&[&path.to_string_lossy()], 2);
    assert_eq!(r["target"], path.to_string_lossy().as_ref());
    assert_eq!(codes(&r), ["string-for-number"]);
    expect_diag(&r, "string-for-number", "error", Some(position(text, "\"mtu\"")));

    // A file outside any conf dir, named on the command line.
    let outside = d.path("elsewhere.conf");
    fs::write(&outside, r#"{"cniVersion": "1.0.0", "name": "e", "type": "fa"}"#).unwrap();
    let r = d.lint(&[&outside.to_string_lossy()], 0);
    assert_eq!(codes(&r), Vec::<&str>::new());
}

#[test]
fn lint_invalid_config_when_only_the_loader_refuses() {
    // The file itself is clean; its drop-in is not, so the network does not load.
    let d = Dir::new();
    d.plugin("fa");
    d.write("10-x.conflist", &list("x", "1.0.0", &["fa"]));
    d.write("x/1.conf", "{\"type\": \"fa\",}");
    let r = d.lint(&[], 2);
    let diag = expect_diag(&r, "invalid-config", "error", None);
    assert_eq!(base(&diag["file"]), "10-x.conflist");
    assert_contains(diag["message"].as_str().unwrap(), "1.conf");
    assert_eq!(codes(&r), ["invalid-config"]);
}

#[test]
fn lint_a_missing_target_names_it_once() {
    // Regression (fixed): I/O errors print their cause twice ("cannot read /x/nothere: entity not found:
    // entity not found"): ConfigError::Io formats `{source}` into its message and also
    // exposes it as the error source, which main's `{err:#}` appends again. Reproduce:
    // `cnictl conf lint /nonexistent`.
    let d = Dir::new();
    let missing = d.path("nothere.conflist");
    // A file that cannot be read is the environment's problem: exit 3 (it was 2 before
    // unreadable paths got their own class).
    let out = d.cnictl().args(["conf", "lint", &missing.to_string_lossy()]).expect(3);
    let line = out.stderr.lines().find(|l| l.starts_with("cnictl: error:")).unwrap_or_default();
    assert_contains(line, "nothere.conflist");
    let words: Vec<&str> = line.split(": ").collect();
    let mut unique = words.clone();
    unique.dedup();
    assert_eq!(words, unique, "a repeated part in {line:?}");
}

/// Issue 10, item 24: a one-line list of many keys (as `jq -c` writes) is linted with the
/// right column for its last key; and past the 1 MiB every command reads, lint says so
/// (`unreadable-file`, exit 2) rather than reading on.
#[test]
fn lint_a_one_line_file_of_many_keys_and_one_over_the_size_limit() {
    let d = Dir::new();
    d.plugin("fa");
    d.plugin("bridge");
    let keys: Vec<String> = (0..40_000).map(|i| format!("\"k{i}\":0")).collect();
    let text = format!(
        r#"{{"cniVersion":"1.0.0","name":"x","plugins":[{{"type":"bridge","ü":0,{},"mtu":"9000"}}]}}"#,
        keys.join(",")
    );
    let path = d.write("10-x.conflist", &text);
    let r = d.lint(&[&path.to_string_lossy()], 2);
    assert_eq!(codes(&r), ["string-for-number"]);
    expect_diag(&r, "string-for-number", "error", Some(position(&text, "\"mtu\"")));

    let keys: Vec<String> = (0..150_000).map(|i| format!("\"k{i}\":0")).collect();
    let text = format!(r#"{{"name":"x","plugins":[{{"type":"fa",{}}}]}}"#, keys.join(","));
    assert!(text.len() > 1024 * 1024);
    let path = d.write("20-big.conflist", &text);
    let r = d.lint(&[&path.to_string_lossy()], 2);
    assert_eq!(codes(&r), ["unreadable-file"]);
    assert!(diagnostics(&r)[0]["message"].as_str().unwrap().contains("1024 KiB"), "{r:#}");
}

/// Issue 11, item 7: containerd and CRI-O pass the pod annotations as a capability, and
/// Multus passes CNIDeviceInfoFile; a name no runtime passes is still a warning, with the
/// name it was probably meant to be.
#[test]
fn lint_capabilities_the_runtimes_pass_are_known() {
    let d = Dir::new();
    d.plugin("fa");
    let text = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"x\",\n  \"plugins\": [\n    {\"type\": \"fa\", \"capabilities\": {\"io.kubernetes.cri.pod-annotations\": true,\n     \"CNIDeviceInfoFile\": true, \"cgroupPath\": true, \"PortMappings\": true}}\n  ]\n}\n";
    d.write("10-x.conflist", text);
    let r = d.lint(&[], 0);
    assert_eq!(codes(&r), ["unknown-capability"]);
    let diag =
        expect_diag(&r, "unknown-capability", "warning", Some(position(text, "\"PortMappings\"")));
    assert_contains(diag["fix"].as_str().unwrap(), "did you mean \"portMappings\"?");
    assert_contains(diag["message"].as_str().unwrap(), "CAP_ARGS");
}

/// Issue 11, items 3-5: what libcni takes but other readers may not is a warning, at its
/// place: a key in another case ("Type"), text that Go reads as U+FFFD; a trailing comma
/// is pointed at the comma.
#[test]
fn lint_warns_of_what_only_go_reads_and_points_at_the_comma() {
    let d = Dir::new();
    d.plugin("fa");
    d.plugin("host-local");
    // host-local needs a range, or lint says it would fail.
    let text = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"x\",\n  \"plugins\": [{\n    \"Type\": \"fa\",\n    \"IPAM\": {\"TYPE\": \"host-local\", \"subnet\": \"10.1.0.0/24\"}\n  }]\n}\n";
    d.write("10-x.conflist", text);
    let r = d.lint(&[], 0);
    expect_diag(&r, "key-case", "warning", Some(position(text, "\"Type\"")));
    expect_diag(&r, "key-case", "warning", Some(position(text, "\"IPAM\"")));
    expect_diag(&r, "key-case", "warning", Some(position(text, "\"TYPE\"")));
    assert_eq!(counts(&r), (0, 3));

    let e = Dir::new();
    e.plugin("fa");
    let bad = b"{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"y\",\n  \"plugins\": [{\"type\": \"fa\", \"x\": \"a\xffb\"}]\n}\n";
    std::fs::write(e.conf_dir().join("10-y.conflist"), bad).unwrap();
    let r = e.lint(&[], 0);
    expect_diag(&r, "replaced-text", "warning", Some((4, 37)));

    let f = Dir::new();
    f.plugin("fa");
    let comma = "{\n  \"name\": \"z\",\n  \"plugins\": [{\"type\": \"fa\"},\n  ]\n}\n";
    f.write("10-z.conflist", comma);
    let r = f.lint(&[], 2);
    expect_diag(&r, "invalid-json", "error", Some((3, 29)));
}

/// Issue 11, item 2: a value libcni cannot decode into its typed field is an error in lint
/// as in the loader, at its place, so `conf ls` and `conf lint` agree.
#[test]
fn lint_reports_what_libcni_cannot_decode_where_it_is() {
    let d = Dir::new();
    d.plugin("fa");
    let text = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"x\",\n  \"plugins\": [{\"type\": \"fa\",\n    \"dns\": {\"nameservers\": \"10.0.0.1\"}}]\n}\n";
    d.write("10-x.conflist", text);
    let r = d.lint(&[], 2);
    let diag = expect_diag(&r, "invalid-config", "error", Some(position(text, "\"nameservers\"")));
    assert_contains(diag["message"].as_str().unwrap(), "an array of strings");
    let ls = d.ls(&[]);
    assert_eq!(ls["files"][0]["status"], "invalid");
}
