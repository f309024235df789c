//! What Go's `encoding/json` makes of a plugin configuration, since that is how libcni reads
//! one (`json.Unmarshal` into `types.PluginConf`): field names match exactly or in any case,
//! a value of the wrong JSON type fails the whole file, `null` leaves a field unset, and
//! strings with invalid UTF-8 or lone surrogate escapes load with U+FFFD in their place.
//! The list around the plugins is read through a plain map, so its keys match exactly.

use serde_json::{Map, Value};

/// A Go type that libcni decodes a plugin field into.
#[derive(Debug)]
enum GoType {
    Str,
    Bool,
    /// `map[string]T`
    Map(&'static GoType),
    /// `[]T`
    Slice(&'static GoType),
    /// A struct, by its fields' JSON names.
    Struct(&'static [(&'static str, GoType)]),
    /// `interface{}`: anything.
    Any,
}

use GoType::*;

const IPAM: GoType = Struct(&[("type", Str)]);
const DNS: GoType = Struct(&[
    ("nameservers", Slice(&Str)),
    ("domain", Str),
    ("search", Slice(&Str)),
    ("options", Slice(&Str)),
]);
const ATTACHMENT: GoType = Struct(&[("containerID", Str), ("ifname", Str)]);

/// libcni v1.3.0's `types.PluginConf`, the fields it decodes from every plugin object.
const PLUGIN_CONF: &[(&str, GoType)] = &[
    ("cniVersion", Str),
    ("name", Str),
    ("type", Str),
    ("capabilities", Map(&Bool)),
    ("ipam", IPAM),
    ("dns", DNS),
    ("prevResult", Map(&Any)),
    ("cni.dev/valid-attachments", Slice(&ATTACHMENT)),
];

/// Whether a JSON key sets the Go field of that JSON name: exactly, or equal under Go's
/// case folding (ASCII letters in any case, and the two non-ASCII letters that fold to
/// ASCII ones: U+017F long s for `s`, U+212A Kelvin sign for `k`).
pub fn names_field(key: &str, field: &str) -> bool {
    if key == field {
        return true;
    }
    let fold = |c: char| match c {
        '\u{17F}' => 'S',
        '\u{212A}' => 'K',
        c => c.to_ascii_uppercase(),
    };
    key.chars().map(fold).eq(field.chars().map(fold))
}

/// The value Go would leave in `field`: keys are decoded in order (a list's plugins reach
/// libcni re-encoded from a map, so in sorted order, which is this map's order), each one
/// that names the field overwrites it, and `null` leaves it as it was.
pub fn field<'a>(map: &'a Map<String, Value>, field: &str) -> Option<&'a Value> {
    map.iter().rev().find(|(k, v)| !v.is_null() && names_field(k, field)).map(|(_, v)| v)
}

/// The `PluginConf` field a key names, if any (in any case).
pub fn plugin_field(key: &str) -> Option<&'static str> {
    let exact = PLUGIN_CONF.iter().find(|(f, _)| *f == key);
    exact.or_else(|| PLUGIN_CONF.iter().find(|(f, _)| names_field(key, f))).map(|(f, _)| *f)
}

/// Whether some key names `field` in a case other than its own: libcni takes it, the
/// plugins' own decoders too, but it is worth a lint warning.
pub fn odd_case_keys(map: &Map<String, Value>) -> Vec<(&str, &'static str)> {
    map.keys()
        .filter_map(|k| {
            PLUGIN_CONF
                .iter()
                .find(|(f, _)| k != f && names_field(k, f))
                .map(|(f, _)| (k.as_str(), *f))
        })
        .collect()
}

/// A value libcni cannot decode into its typed field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeError {
    /// JSON pointer below the plugin object (`/capabilities/portMappings`).
    pub pointer: String,
    /// The field as Go names it (`PluginConf.capabilities`).
    pub go_field: String,
    /// What was expected, in words (`true or false`).
    pub expected: &'static str,
    /// What was found (`a string`).
    pub found: &'static str,
}

impl std::fmt::Display for TypeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let key = self.pointer.trim_start_matches('/').replace('/', ".").replace("~1", "/");
        write!(
            f,
            "{key:?} must be {}, not {} (libcni cannot decode it into Go field {})",
            self.expected, self.found, self.go_field
        )
    }
}

/// Checks a plugin object against the fields libcni decodes, as Go would: the first value
/// (in key order) of a JSON type its Go field cannot hold fails.
pub fn check_plugin(map: &Map<String, Value>) -> Result<(), TypeError> {
    check_fields(map, PLUGIN_CONF, "", "PluginConf")
}

fn check_fields(
    map: &Map<String, Value>,
    fields: &'static [(&'static str, GoType)],
    pointer: &str,
    go_path: &str,
) -> Result<(), TypeError> {
    for (key, value) in map {
        let exact = fields.iter().find(|(f, _)| f == key);
        let Some((name, ty)) = exact.or_else(|| fields.iter().find(|(f, _)| names_field(key, f)))
        else {
            continue;
        };
        let escaped = key.replace('~', "~0").replace('/', "~1");
        check(value, ty, &format!("{pointer}/{escaped}"), &format!("{go_path}.{name}"))?;
    }
    Ok(())
}

fn check(
    value: &Value,
    ty: &'static GoType,
    pointer: &str,
    go_path: &str,
) -> Result<(), TypeError> {
    let wrong = |expected| TypeError {
        pointer: pointer.to_string(),
        go_field: go_path.to_string(),
        expected,
        found: kind(value),
    };
    match (ty, value) {
        (_, Value::Null) | (Any, _) | (Str, Value::String(_)) | (Bool, Value::Bool(_)) => Ok(()),
        (Map(elem), Value::Object(map)) => map.iter().try_for_each(|(k, v)| {
            let escaped = k.replace('~', "~0").replace('/', "~1");
            check(v, elem, &format!("{pointer}/{escaped}"), go_path)
        }),
        (Slice(elem), Value::Array(items)) => items
            .iter()
            .enumerate()
            .try_for_each(|(i, v)| check(v, elem, &format!("{pointer}/{i}"), go_path)),
        (Struct(fields), Value::Object(map)) => check_fields(map, fields, pointer, go_path),
        (Str, _) => Err(wrong("a string")),
        (Bool, _) => Err(wrong("true or false")),
        (Map(Bool), _) => Err(wrong("an object of true or false values")),
        (Map(_), _) | (Struct(_), _) => Err(wrong("an object")),
        (Slice(Str), _) => Err(wrong("an array of strings")),
        (Slice(_), _) => Err(wrong("an array of objects")),
    }
}

/// A JSON value's kind, in words for messages (`a string`).
pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// What Go's decoder reads in place of bytes serde_json refuses inside strings: each byte
/// of invalid UTF-8 and each lone surrogate escape (`\ud800`) becomes U+FFFD. `None` when
/// the text needs nothing of the kind (the usual case, found without copying). A lone
/// surrogate escape is replaced by `\ufffd`, the same length, so positions stay true.
pub fn go_text(bytes: &[u8]) -> Option<Vec<u8>> {
    if std::str::from_utf8(bytes).is_ok() && !has_surrogate_escape(bytes) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() + 16);
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !in_string {
            in_string = b == b'"';
            out.push(b);
            i += 1;
            continue;
        }
        match b {
            b'"' => {
                in_string = false;
                out.push(b);
                i += 1;
            }
            b'\\' if bytes.get(i + 1) == Some(&b'u') => {
                let unit = hex4(bytes, i + 2);
                let low = hex4(bytes, i + 8).filter(|_| bytes.get(i + 6..i + 8) == Some(b"\\u"));
                match unit {
                    Some(0xD800..=0xDBFF) if matches!(low, Some(0xDC00..=0xDFFF)) => {
                        out.extend_from_slice(&bytes[i..i + 12]);
                        i += 12;
                    }
                    Some(0xD800..=0xDFFF) => {
                        out.extend_from_slice(b"\\ufffd");
                        i += 6;
                    }
                    _ => {
                        out.extend_from_slice(&bytes[i..i + 2]);
                        i += 2;
                    }
                }
            }
            b'\\' => {
                out.extend_from_slice(&bytes[i..(i + 2).min(bytes.len())]);
                i += 2;
            }
            _ if b < 0x80 => {
                out.push(b);
                i += 1;
            }
            _ => {
                // One character, or U+FFFD for each byte that does not begin one.
                let end = (i + 4).min(bytes.len());
                match std::str::from_utf8(&bytes[i..end]) {
                    Ok(s) => {
                        let c = s.chars().next().expect("not empty");
                        out.extend_from_slice(&bytes[i..i + c.len_utf8()]);
                        i += c.len_utf8();
                    }
                    Err(e) if e.valid_up_to() > 0 => {
                        let n = std::str::from_utf8(&bytes[i..i + e.valid_up_to()])
                            .expect("valid")
                            .chars()
                            .next()
                            .expect("not empty")
                            .len_utf8();
                        out.extend_from_slice(&bytes[i..i + n]);
                        i += n;
                    }
                    Err(_) => {
                        out.extend_from_slice("\u{FFFD}".as_bytes());
                        i += 1;
                    }
                }
            }
        }
    }
    Some(out)
}

fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = std::str::from_utf8(bytes.get(at..at + 4)?).ok()?;
    u32::from_str_radix(digits, 16).ok()
}

/// Whether the text holds a `\u` escape in the surrogate range (quick, and may say yes for
/// a valid pair, which [`go_text`] then keeps).
fn has_surrogate_escape(bytes: &[u8]) -> bool {
    bytes.windows(3).any(|w| w[0] == b'\\' && w[1] == b'u' && matches!(w[2], b'd' | b'D'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn field_names_fold_as_go_does() {
        assert!(names_field("Type", "type") && names_field("TYPE", "type"));
        assert!(names_field("capabilitie\u{17F}", "capabilities"));
        assert!(names_field("CNI.DEV/VALID-ATTACHMENTS", "cni.dev/valid-attachments"));
        assert!(!names_field("typ", "type") && !names_field("types", "type"));
        let map = obj(json!({"Type": "a", "type": null}));
        assert_eq!(field(&map, "type"), Some(&json!("a")));
        let map = obj(json!({"TYPE": "a", "type": "b"}));
        assert_eq!(field(&map, "type"), Some(&json!("b")));
        assert_eq!(odd_case_keys(&obj(json!({"Type": "a", "mtu": 1}))), [("Type", "type")]);
    }

    #[test]
    fn wrong_types_in_typed_fields_fail_as_in_go() {
        let bad = [
            (json!({"capabilities": {"portMappings": "true"}}), "/capabilities/portMappings"),
            (json!({"ipam": "host-local"}), "/ipam"),
            (json!({"IPAM": {"Type": 7}}), "/IPAM/Type"),
            (json!({"dns": {"nameservers": "8.8.8.8"}}), "/dns/nameservers"),
            (json!({"dns": {"options": [1]}}), "/dns/options/0"),
            (json!({"name": 7}), "/name"),
            (json!({"cniVersion": 1.0}), "/cniVersion"),
            (json!({"prevResult": []}), "/prevResult"),
            (
                json!({"cni.dev/valid-attachments": [{"ifname": 1}]}),
                "/cni.dev~1valid-attachments/0/ifname",
            ),
            (json!({"Capabilities": "all"}), "/Capabilities"),
        ];
        for (plugin, pointer) in bad {
            let err = check_plugin(&obj(plugin.clone())).expect_err(&plugin.to_string());
            assert_eq!(err.pointer, pointer, "{plugin}");
        }
        let good = json!({"type": "a", "capabilities": {"x": null}, "dns": null, "ipam": {},
            "mtu": "9001", "prevResult": {"ips": []}, "cni.dev/valid-attachments": [null]});
        assert_eq!(check_plugin(&obj(good)), Ok(()));
        let err =
            check_plugin(&obj(json!({"capabilities": {"portMappings": "true"}}))).unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"capabilities.portMappings\" must be true or false, not a string (libcni cannot \
             decode it into Go field PluginConf.capabilities)"
        );
    }

    #[test]
    fn invalid_text_in_strings_becomes_the_replacement_character() {
        assert_eq!(go_text(br#"{"a":"b"}"#), None);
        assert_eq!(go_text(br#"{"a":"\ud83d\ude00"}"#).unwrap(), br#"{"a":"\ud83d\ude00"}"#);
        assert_eq!(go_text(br#"{"a":"x\ud800y"}"#).unwrap(), br#"{"a":"x\ufffdy"}"#);
        assert_eq!(go_text(br#"{"a":"\udc00\\ud800"}"#).unwrap(), br#"{"a":"\ufffd\\ud800"}"#);
        let text = go_text(b"{\"a\":\"n\xff\xe2\x82z\",\"\xc3\xa9\":1}").unwrap();
        let value: Value = serde_json::from_slice(&text).unwrap();
        assert_eq!(value["a"], "n\u{FFFD}\u{FFFD}\u{FFFD}z");
        assert_eq!(value["\u{e9}"], 1);
    }
}
