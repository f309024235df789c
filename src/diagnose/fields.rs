//! The check of a plugin's configuration against the typed fields its reference plugin
//! decodes (the table is `plugins`).
//!
//! Each reference plugin decodes its configuration with Go's `encoding/json` into its
//! struct, which fails on a string for a bool or an int, a number for a string, an object
//! for an array, and so on, and matches keys case-insensitively (`"MTU"` is `mtu`); so a
//! mismatch in a field the plugin reads is an error: the plugin refuses the configuration.
//! JSON `null` leaves a Go field at its zero value and passes. A key the plugin does not
//! read is ignored whatever its value; one that another reference plugin reads, given with
//! that plugin's wrong type (ptp's `"isGateway": "true"`), is a warning. A plugin that is
//! not one of these is its own business: its fields get no type checks at all (the AWS VPC
//! CNI reads `"mtu": "9001"` as a string).

use serde_json::{Map, Value};

use crate::config::gojson;

use super::lint::{Finding, Severity};
use super::plugins::{Field, Kind, Plugin, Role, PLUGINS};
use super::ranges::{parse_cidr, parse_ip};
use Kind::{Bool, Cidr, Int, Ip, List, Map as MapOf, Object, Str, U32, U64};

/// The field of `fields` that Go decodes `key` into: the same name, in any case.
fn field(fields: &'static [Field], key: &str) -> Option<&'static Field> {
    let folded = |f: &&Field| gojson::names_field(key, f.0);
    fields.iter().find(|f| f.0 == key).or_else(|| fields.iter().find(folded))
}

/// Where a value is, built on the stack as the checks descend and written out only for a
/// finding: most configurations have none, and `conf ls` checks every file.
#[derive(Clone, Copy)]
struct At<'a> {
    step: Step<'a>,
    parent: Option<&'a At<'a>>,
}

#[derive(Clone, Copy)]
enum Step<'a> {
    /// The pointer of the plugin object, and the name for people of where the checked
    /// object starts ("" or "ipam").
    Root(&'a str, &'a str),
    Key(&'a str),
    /// A key of a `map[string]T`, shown quoted.
    MapKey(&'a str),
    Index(usize),
}

impl<'a> At<'a> {
    fn child(&'a self, step: Step<'a>) -> At<'a> {
        At { step, parent: Some(self) }
    }

    fn pointer(&self) -> String {
        let mut out = self.parent.map(At::pointer).unwrap_or_default();
        match self.step {
            Step::Root(pointer, _) => out.push_str(pointer),
            Step::Key(k) | Step::MapKey(k) => {
                out.push('/');
                out.push_str(&super::lint::escape(k));
            }
            Step::Index(i) => out.push_str(&format!("/{i}")),
        }
        out
    }

    /// As people read it: `ipam.ranges[0][0].subnet`, `sysctl["net.core.somaxconn"]`.
    fn path(&self) -> String {
        let mut out = self.parent.map(At::path).unwrap_or_default();
        match self.step {
            Step::Root(_, name) => out.push_str(name),
            Step::Key(k) if out.is_empty() => out.push_str(k),
            Step::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Step::MapKey(k) => out.push_str(&format!("[{k:?}]")),
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
        out
    }

    /// The key a fix names: the last key on the way.
    fn key(&self) -> &'a str {
        match self.step {
            Step::Key(k) | Step::MapKey(k) => k,
            Step::Root(_, name) => name,
            Step::Index(_) => self.parent.map_or("", At::key),
        }
    }
}

/// Keys libcni decodes itself, or that no reference plugin reads as a scalar elsewhere:
/// not worth looking up among the other plugins' fields.
const LIBCNI_KEYS: [&str; 8] =
    ["type", "name", "cniVersion", "capabilities", "ipam", "dns", "args", "runtimeConfig"];

/// The `"ipam"` object of a plugin as Go reads it (the key in any case), with its key.
pub fn ipam_of(plugin: &Map<String, Value>) -> Option<(&str, &Map<String, Value>)> {
    let (key, value) =
        plugin.iter().rev().find(|(k, v)| !v.is_null() && gojson::names_field(k, "ipam"))?;
    value.as_object().map(|ipam| (key.as_str(), ipam))
}

/// Checks a plugin configuration object at `at` against its reference plugin's fields,
/// and its `"ipam"` object against its IPAM plugin's.
pub fn check_plugin(plugin: &Map<String, Value>, at: &str, out: &mut Vec<Finding>) {
    let main =
        gojson::field(plugin, "type").and_then(Value::as_str).and_then(super::plugins::reference);
    if let Some(p) = main.filter(|p| p.role != Role::Ipam) {
        let root = At { step: Step::Root(at, ""), parent: None };
        for (key, value) in plugin {
            match field(p.fields, key) {
                Some(f) => Check { plugin: p.name, read: true }.value(
                    value,
                    f.1,
                    &root.child(Step::Key(key)),
                    out,
                ),
                None if !LIBCNI_KEYS.contains(&key.as_str()) => {
                    ignored(p, key, value, &root.child(Step::Key(key)), out)
                }
                None => {}
            }
        }
    }
    let Some((ipam_key, ipam)) = ipam_of(plugin) else { return };
    let ipam_type = gojson::field(ipam, "type").and_then(Value::as_str);
    if let Some(p) = ipam_type.and_then(super::plugins::reference).filter(|p| p.role == Role::Ipam)
    {
        let root = At { step: Step::Root(at, ""), parent: None };
        let ipam_at = root.child(Step::Key(ipam_key));
        for (key, value) in ipam {
            let Some(f) = field(p.fields, key) else { continue };
            let check = Check { plugin: p.name, read: true };
            check.value(value, f.1, &ipam_at.child(Step::Key(key)), out);
        }
    }
}

/// A key `p` does not read: harmless to it, but if another reference plugin reads it and
/// the value has the wrong type for that one, it was surely meant as that type.
fn ignored(p: &Plugin, key: &str, value: &Value, at: &At, out: &mut Vec<Finding>) {
    if !matches!(value, Value::Bool(_) | Value::Number(_) | Value::String(_)) {
        return;
    }
    let elsewhere = PLUGINS
        .iter()
        .filter(|q| q.role != Role::Ipam)
        .find_map(|q| field(q.fields, key).map(|f| (q.name, f.1)));
    let Some((reader, kind @ (Bool | Int | U32 | U64 | Str))) = elsewhere else { return };
    let mut found = Vec::new();
    Check { plugin: reader, read: false }.value(value, kind, at, &mut found);
    for mut f in found {
        f.message = format!("{}; {} does not read {key} and ignores it", f.message, p.name);
        f.fix = format!("remove {key} ({} does not read it), or {}", p.name, f.fix);
        out.push(f);
    }
}

/// One check: the plugin whose field it is, and whether the plugin being configured reads
/// it (an error) or ignores it (a warning).
#[derive(Clone, Copy)]
struct Check {
    plugin: &'static str,
    read: bool,
}

impl Check {
    /// Checks `value` at `at` against `kind`.
    fn value(self, value: &Value, kind: Kind, at: &At, out: &mut Vec<Finding>) {
        match (kind, value) {
            (_, Value::Null) | (Bool, Value::Bool(_)) | (Str, Value::String(_)) => {}
            (Int | U32 | U64, Value::Number(n)) => {
                let fits = match kind {
                    U32 => n.as_u64().is_some_and(|v| v <= u64::from(u32::MAX)),
                    U64 => n.as_u64().is_some(),
                    _ => n.as_i64().is_some(),
                };
                if !fits {
                    self.refuse("bad-number", value, kind, at, out);
                }
            }
            (Ip, Value::String(s)) if s.is_empty() || parse_ip(s).is_some() => {}
            (Ip, Value::String(_)) => self.refuse("invalid-address", value, kind, at, out),
            (Cidr, Value::String(s)) if parse_cidr(s).is_some() => {}
            (Cidr, Value::String(_)) => self.refuse("invalid-subnet", value, kind, at, out),
            (List(item), Value::Array(items)) => {
                for (i, v) in items.iter().enumerate() {
                    self.value(v, *item, &at.child(Step::Index(i)), out);
                }
            }
            (MapOf(item), Value::Object(map)) => {
                for (k, v) in map {
                    self.value(v, *item, &at.child(Step::MapKey(k)), out);
                }
            }
            (Object(fields), Value::Object(map)) => {
                for (k, v) in map {
                    if let Some(f) = field(fields, k) {
                        self.value(v, f.1, &at.child(Step::Key(k)), out);
                    }
                }
            }
            (Bool, Value::String(_)) => self.refuse("string-for-boolean", value, kind, at, out),
            (Int | U32 | U64, Value::String(_)) => {
                self.refuse("string-for-number", value, kind, at, out)
            }
            _ => self.refuse("wrong-type", value, kind, at, out),
        }
    }

    fn refuse(
        self,
        code: &'static str,
        value: &Value,
        kind: Kind,
        at: &At,
        out: &mut Vec<Finding>,
    ) {
        let shown = short(value);
        let plugin = self.plugin;
        let path = at.path();
        let (message, severity) = match (self.read, code) {
            (true, "invalid-subnet") => (
                format!(
                    "{path} {shown} is not a subnet (ADDRESS/PREFIX): {plugin} fails on the \
                     configuration (\"invalid CIDR address\")"
                ),
                Severity::Error,
            ),
            (true, "invalid-address") => (
                format!(
                    "{path} {shown} is not an IP address: {plugin} fails on the configuration \
                     (\"invalid IP address\")"
                ),
                Severity::Error,
            ),
            (true, _) => (
                format!(
                    "{path} is {shown}, but {plugin} reads {}: it fails on the configuration \
                     (\"json: cannot unmarshal\")",
                    describe(kind)
                ),
                Severity::Error,
            ),
            (false, _) => (
                format!("{path} is {shown}, not {} as {plugin} reads it", describe(kind)),
                Severity::Warning,
            ),
        };
        let fix = fix(code, value, kind, at.key());
        out.push(Finding::new(severity, code, &at.pointer(), message, &fix));
    }
}

/// A value as a message shows it: strings quoted, anything long cut.
fn short(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text,
    }
}

fn describe(kind: Kind) -> &'static str {
    match kind {
        Bool => "a boolean (true or false)",
        Int => "a whole number",
        U32 => "a whole number from 0 to 4294967295",
        U64 => "a whole number from 0",
        Str => "a string",
        Ip => "an IP address",
        Cidr => "a subnet, ADDRESS/PREFIX",
        List(_) => "an array",
        MapOf(_) => "an object",
        Object(_) => "an object",
    }
}

fn fix(code: &str, value: &Value, kind: Kind, key: &str) -> String {
    match (code, value) {
        ("string-for-boolean", Value::String(s)) if s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("false") => {
            format!("write {key}: {}, without quotes", s.to_ascii_lowercase())
        }
        ("string-for-boolean", _) => format!("write {key}: true or {key}: false, without quotes"),
        ("string-for-number", Value::String(s)) if s.trim().parse::<i64>().is_ok() => {
            format!("write {key}: {}, without quotes", s.trim())
        }
        ("string-for-number" | "bad-number", _) => format!("write {key} as {}, without quotes", describe(kind)),
        ("invalid-address", _) => "write a whole IPv4 address (four numbers from 0 to 255, e.g. 10.88.0.1) or an IPv6 address, without a prefix".into(),
        ("invalid-subnet", _) => "write the network as ADDRESS/PREFIX, e.g. 10.88.0.0/16 (four numbers from 0 to 255) or fd00::/64".into(),
        (_, Value::Number(_) | Value::Bool(_)) if matches!(kind, Str) => format!("quote it: \"{value}\""),
        _ => format!("write {key} as {}", describe(kind)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(config: Value) -> Vec<(&'static str, Severity, String)> {
        let mut out = Vec::new();
        check_plugin(config.as_object().unwrap(), "", &mut out);
        out.into_iter().map(|f| (f.code, f.severity, f.pointer)).collect()
    }

    /// Issue 11, item 6: a third-party plugin's `"mtu": "9001"` was an error whose fix
    /// would break it.
    #[test]
    fn a_third_party_plugin_gets_no_type_checks() {
        assert_eq!(check(json!({"type": "aws-cni", "mtu": "9001", "ipMasq": "true"})), []);
        // Its IPAM plugin is still a reference plugin that reads "ipam".
        let found = check(
            json!({"type": "aws-cni", "ipam": {"type": "host-local", "subnet": "10.1.300.0/24"}}),
        );
        assert_eq!(found, [("invalid-subnet", Severity::Error, "/ipam/subnet".to_string())]);
    }

    #[test]
    fn a_reference_plugin_refuses_what_go_cannot_decode() {
        let found = check(json!({
            "type": "bridge", "mtu": "9001", "MTU": 1500.5, "isGateway": "true", "bridge": 5,
            "vlanTrunk": [{"minID": "1"}], "hairpinMode": null, "Documentation": 7
        }));
        let want = [
            ("bad-number", "/MTU"),
            ("wrong-type", "/bridge"),
            ("string-for-boolean", "/isGateway"),
            ("string-for-number", "/mtu"),
            ("string-for-number", "/vlanTrunk/0/minID"),
        ];
        let got: Vec<(&str, &str)> = found.iter().map(|(c, _, p)| (*c, p.as_str())).collect();
        assert_eq!(got, want);
        assert!(found.iter().all(|(_, s, _)| *s == Severity::Error));
        let found =
            check(json!({"type": "tuning", "sysctl": {"net.core.somaxconn": 500}, "txQLen": -1}));
        assert_eq!(
            found,
            [("wrong-type", Severity::Error, "/sysctl/net.core.somaxconn".to_string())]
        );
        let found = check(json!({"type": "vrf", "vrfname": "blue", "table": -1}));
        assert_eq!(found, [("bad-number", Severity::Error, "/table".to_string())]);
    }

    /// Issue 11, item 10: ptp has no isGateway, so a string there is ignored by it.
    #[test]
    fn a_field_the_plugin_does_not_read_is_a_warning() {
        let found = check(json!({"type": "ptp", "ipMasq": "true", "isGateway": "true"}));
        assert_eq!(
            found,
            [
                ("string-for-boolean", Severity::Error, "/ipMasq".to_string()),
                ("string-for-boolean", Severity::Warning, "/isGateway".to_string()),
            ]
        );
        assert_eq!(check(json!({"type": "ptp", "isGateway": true, "hairpinMode": false})), []);
    }

    #[test]
    fn ipam_fields_are_checked_by_the_ipam_plugin() {
        let found = check(json!({"type": "macvlan", "ipam": {
            "type": "host-local", "gateway": "10.89.8", "ranges": [{"subnet": "10.1.0.0/16"}],
            "routes": [{"dst": "0.0.0.0/0", "gw": "10.1.0.1"}, {"dst": "default"}]}}));
        let got: Vec<(&str, &str)> = found.iter().map(|(c, _, p)| (*c, p.as_str())).collect();
        assert_eq!(
            got,
            [
                ("invalid-address", "/ipam/gateway"),
                ("wrong-type", "/ipam/ranges/0"),
                ("invalid-subnet", "/ipam/routes/1/dst"),
            ]
        );
        let found = check(
            json!({"type": "bridge", "ipam": {"type": "dhcp", "request": {"skipDefault": true}}}),
        );
        assert_eq!(found, [("wrong-type", Severity::Error, "/ipam/request".to_string())]);
    }

    #[test]
    fn fixes_say_what_to_write() {
        let mut out = Vec::new();
        check_plugin(
            json!({"type": "bridge", "mtu": " 9001", "ipMasq": "True", "bridge": 5})
                .as_object()
                .unwrap(),
            "",
            &mut out,
        );
        let fixes: Vec<&str> = out.iter().map(|f| f.fix.as_str()).collect();
        assert_eq!(
            fixes,
            [
                "quote it: \"5\"",
                "write ipMasq: true, without quotes",
                "write mtu: 9001, without quotes"
            ]
        );
    }
}
