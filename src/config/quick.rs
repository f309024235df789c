//! A fast first look at a configuration file: its name, version and plugin types, read
//! without building a JSON tree. It answers only when it is certain the full load would
//! succeed with the same answer; anything unusual (null values, drop-in folders, duplicate
//! keys, odd types) falls back to the full load, so results and errors are always the full
//! load's. This is what makes a lookup over thousands of files fast.

use std::collections::HashSet;
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer};

use serde_json::{Map, Value};

use super::{gojson, ConfigError, Format, NetworkConfigList, Origin};
use crate::spec::version;

/// What a lookup or a survey needs of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub name: String,
    /// The version the list runs at.
    pub cni_version: String,
    pub format: Format,
    pub plugins: Vec<PluginSummary>,
    pub drop_ins: Vec<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluginSummary {
    pub plugin_type: String,
    pub ipam: Option<String>,
}

impl From<&NetworkConfigList> for Summary {
    fn from(list: &NetworkConfigList) -> Summary {
        Summary {
            name: list.name.clone(),
            cni_version: list.cni_version.clone(),
            format: list.format,
            plugins: list
                .plugins
                .iter()
                .map(|p| PluginSummary {
                    plugin_type: p.plugin_type.clone(),
                    ipam: p.ipam_type().map(str::to_string),
                })
                .collect(),
            drop_ins: list
                .plugins
                .iter()
                .filter_map(|p| match &p.origin {
                    Origin::DropIn(f) => Some(f.clone()),
                    Origin::Inline(_) => None,
                })
                .collect(),
        }
    }
}

/// A key that may be absent, null, or hold a value: `Option` alone cannot tell the first
/// two apart, and the full load treats them differently.
#[derive(Debug, Default)]
enum Field<T> {
    #[default]
    Absent,
    Null,
    Value(T),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match Option::<T>::deserialize(d)? {
            Some(v) => Field::Value(v),
            None => Field::Null,
        })
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Flag {
    Bool(bool),
    Text(String),
}

/// The other keys of an object. serde's derive would skip their values unread, and a
/// skipped value is not checked: `1e999` or nesting past serde_json's depth limit would pass
/// here and fail the full load, as they fail libcni's. Gathered through `flatten`, each value
/// is parsed as the full load parses it (numbers in range, the same depth limit), and
/// `flatten` also keeps serde from reading an array as the object's fields in order.
///
/// Keys that name a field of libcni's `PluginConf` (in any case, as Go matches them) are
/// kept, so that their types can be checked as libcni checks them; a key that names one in
/// another case than its own is noted, and the quick look then abstains.
#[derive(Default)]
struct Rest {
    typed: Map<String, Value>,
    odd_case: bool,
}

impl<'de> Deserialize<'de> for Rest {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> serde::de::Visitor<'de> for Entries {
            type Value = Rest;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Rest, A::Error> {
                use serde::de::IgnoredAny;
                let mut rest = Rest::default();
                while let Some(key) = map.next_key::<String>()? {
                    match gojson::plugin_field(&key) {
                        Some(field) => {
                            rest.odd_case |= field != key;
                            rest.typed.insert(key, map.next_value()?);
                        }
                        None => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(rest)
            }
        }
        d.deserialize_map(Entries)
    }
}

#[derive(Deserialize)]
struct Ipam {
    #[serde(rename = "type", default)]
    ipam_type: Field<String>,
    #[serde(flatten)]
    rest: Rest,
}

#[derive(Deserialize)]
struct Plugin {
    #[serde(rename = "type", default)]
    plugin_type: Field<String>,
    #[serde(default)]
    ipam: Field<Ipam>,
    #[serde(flatten)]
    rest: Rest,
}

impl Plugin {
    /// The plugin's summary, when libcni would decode it the same way.
    fn summary(&self) -> Option<PluginSummary> {
        certain(&self.rest, &self.ipam)?;
        Some(PluginSummary {
            plugin_type: bare_type(&self.plugin_type)?.to_string(),
            ipam: ipam_type(&self.ipam),
        })
    }
}

/// `Some` when no key of a plugin object (or its `ipam`) names a field in another case and
/// each typed field holds what its Go type takes; else the full load decides.
fn certain(rest: &Rest, ipam: &Field<Ipam>) -> Option<()> {
    if rest.odd_case || matches!(ipam, Field::Value(Ipam { rest: Rest { odd_case: true, .. }, .. }))
    {
        return None;
    }
    gojson::check_plugin(&rest.typed).ok()
}

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    name: Field<String>,
    #[serde(rename = "cniVersion", default)]
    cni_version: Field<String>,
    #[serde(rename = "cniVersions", default)]
    cni_versions: Field<Vec<String>>,
    #[serde(rename = "disableCheck", default)]
    disable_check: Field<Flag>,
    #[serde(rename = "disableGC", default)]
    disable_gc: Field<Flag>,
    #[serde(rename = "loadOnlyInlinedPlugins", default)]
    load_only_inlined_plugins: Field<Flag>,
    #[serde(default)]
    plugins: Field<Vec<Plugin>>,
    #[serde(rename = "type", default)]
    plugin_type: Field<String>,
    #[serde(default)]
    ipam: Field<Ipam>,
    #[serde(flatten)]
    rest: Rest,
}

/// A flag's value, when the full load would accept it.
fn flag(f: &Field<Flag>) -> Option<bool> {
    match f {
        Field::Absent => Some(false),
        Field::Value(Flag::Bool(b)) => Some(*b),
        Field::Value(Flag::Text(t)) if t.eq_ignore_ascii_case("true") => Some(true),
        Field::Value(Flag::Text(t)) if t.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

fn optional(f: &Field<String>) -> Option<Option<&str>> {
    match f {
        Field::Absent => Some(None),
        Field::Value(v) => Some(Some(v)),
        Field::Null => None,
    }
}

fn ipam_type(f: &Field<Ipam>) -> Option<String> {
    match f {
        Field::Value(Ipam { ipam_type: Field::Value(t), .. }) => Some(t.clone()),
        _ => None,
    }
}

fn non_empty(f: &Field<String>) -> Option<&str> {
    match f {
        Field::Value(v) if !v.is_empty() => Some(v),
        _ => None,
    }
}

/// A plugin type the full load accepts: a bare binary name. Anything else abstains, so the
/// full load gives its error.
fn bare_type(f: &Field<String>) -> Option<&str> {
    non_empty(f).filter(|t| !t.contains('/') && *t != "." && *t != "..")
}

/// The certain answer for a file's bytes, or `None` to fall back to the full load. Public
/// for the fuzz target that checks it against [`super::load_bytes`], not for callers.
#[doc(hidden)]
pub fn quick(path: &Path, bytes: &[u8], subdirs: &HashSet<OsString>) -> Option<Summary> {
    let file: File = serde_json::from_slice(bytes).ok()?;
    let declared = optional(&file.cni_version)?;
    if path.extension().is_some_and(|e| e == "conflist") {
        let name = non_empty(&file.name)?;
        let versions: &[String] = match &file.cni_versions {
            Field::Absent => &[],
            Field::Value(v) => v,
            Field::Null => return None,
        };
        let cni_version = version::select(declared, versions).ok()?;
        flag(&file.disable_check)?;
        flag(&file.disable_gc)?;
        let load_only = flag(&file.load_only_inlined_plugins)?;
        // Drop-ins are read by the full load.
        if !load_only && subdirs.contains(OsStr::new(name)) {
            return None;
        }
        let Field::Value(plugins) = &file.plugins else { return None };
        if plugins.is_empty() {
            return None;
        }
        let plugins = plugins.iter().map(Plugin::summary).collect::<Option<Vec<_>>>()?;
        Some(Summary {
            name: name.into(),
            cni_version,
            format: Format::Conflist,
            plugins,
            drop_ins: Vec::new(),
        })
    } else {
        // The whole file is the plugin: `name` and `cniVersion` are typed fields too.
        certain(&file.rest, &file.ipam)?;
        let name = optional(&file.name)?.unwrap_or_default();
        let plugin_type = bare_type(&file.plugin_type)?;
        Some(Summary {
            name: name.into(),
            cni_version: declared.unwrap_or_default().into(),
            format: Format::Conf,
            plugins: vec![PluginSummary {
                plugin_type: plugin_type.into(),
                ipam: ipam_type(&file.ipam),
            }],
            drop_ins: Vec::new(),
        })
    }
}

/// A file's summary: the quick look when it is certain, else the full load's.
pub fn summarize(path: &Path, subdirs: &HashSet<OsString>) -> Result<Summary, ConfigError> {
    let bytes = super::load::read(path)?;
    match quick(path, &bytes, subdirs) {
        Some(summary) => Ok(summary),
        None => {
            super::load::load_bytes(path, &bytes, Some(subdirs)).map(|list| Summary::from(&list))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick look and the full load agree on every file, or the quick look abstains.
    #[test]
    fn agrees_with_the_full_load_or_abstains() {
        let cases: [(&str, &str); 13] = [
            (
                "a.conflist",
                r#"{"cniVersion":"1.0.0","name":"n","plugins":[{"type":"a","ipam":{"type":"host-local"}}]}"#,
            ),
            (
                "a.conflist",
                r#"{"cniVersion":"0.4.0","cniVersions":["1.0.0","9.0.0"],"name":"n","plugins":[{"type":"a"}]}"#,
            ),
            ("a.conflist", r#"{"cniVersion":null,"name":"n","plugins":[{"type":"a"}]}"#),
            ("a.conflist", r#"{"name":"n","plugins":[]}"#),
            ("a.conflist", r#"{"name":"n","disableCheck":"yes","plugins":[{"type":"a"}]}"#),
            ("a.conflist", r#"{"name":"n","name":"m","plugins":[{"type":"a"}]}"#),
            ("a.conflist", r#"{"name":"n","plugins":[{"type":""}]}"#),
            ("a.conflist", r#"{"name":"n","plugins":[{"type":"a","ipam":"x"}]}"#),
            (
                "a.conf",
                r#"{"cniVersion":"0.3.1","name":"n","type":"bridge","ipam":{"type":"dhcp"}}"#,
            ),
            ("a.conf", r#"{"name":"n","plugins":[{"type":"a"}]}"#),
            ("a.json", r#"{"type":"bridge"}"#),
            ("a.conf", r#"{"name":null,"type":"bridge"}"#),
            // An array for `ipam`: the full load sees no IPAM type; serde read it as fields.
            ("a.conflist", r#"{"name":"n","plugins":[{"type":"a","ipam":["h"]}]}"#),
        ];
        for (file, text) in cases {
            let path = Path::new("/nowhere").join(file);
            let full =
                super::super::load::load_bytes(&path, text.as_bytes(), Some(&HashSet::new()));
            if let Some(summary) = quick(&path, text.as_bytes(), &HashSet::new()) {
                let full = full.unwrap_or_else(|e| {
                    panic!("quick accepted what the full load refuses: {text}: {e}")
                });
                assert_eq!(summary, Summary::from(&full), "{text}");
            }
        }
    }

    /// Issue 25: a `1e999` or deep nesting in a key the quick look skipped, or an array where
    /// an object belongs, was called fine by `conf ls` and let a lookup go past a file that
    /// libcni stops at. The full load refuses each; the quick look must abstain.
    #[test]
    fn skipped_values_and_arrays_for_objects_are_never_accepted_quickly() {
        let deep = format!("{{\"type\":\"a\",\"x\":{}1{}}}", "[".repeat(200), "]".repeat(200));
        let cases: [(&str, &str); 7] = [
            // Values the full load refuses in keys the quick look does not read.
            ("a.conflist", r#"{"name":"n","x":1e999,"plugins":[{"type":"a"}]}"#),
            ("a.conflist", r#"{"name":"n","plugins":[{"type":"a","x":-1e999}]}"#),
            (
                "a.conflist",
                r#"{"name":"n","plugins":[{"type":"a","ipam":{"type":"h","x":1e400}}]}"#,
            ),
            ("a.conf", r#"{"type":"a","x":[1e999]}"#),
            ("a.conf", deep.as_str()),
            // Arrays where objects belong: serde reads them as fields in order.
            ("a.conf", r#"["n","0.3.1",[],true,true,true,[],"bridge"]"#),
            ("a.conflist", r#"{"name":"n","plugins":[["a"]]}"#),
        ];
        for (file, text) in cases {
            let path = Path::new("/nowhere").join(file);
            let full =
                super::super::load::load_bytes(&path, text.as_bytes(), Some(&HashSet::new()));
            assert!(full.is_err(), "the full load accepts {text}");
            assert_eq!(quick(&path, text.as_bytes(), &HashSet::new()), None, "{text}");
        }
    }
}
