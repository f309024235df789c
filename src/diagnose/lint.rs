//! `conf lint`: diagnostics for configuration files, each with a severity, a stable code,
//! the file and line:column where it applies, and a one-line fix. The rules come from what
//! the spec requires and from what breaks in the field (libcni-behaviour.md section 1).

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::{Map, Value};

use super::fields;
use super::plugins::{self, Role};
use super::ranges::{self, Subnet};
use super::runtimes;
use super::spans::{self, Spans};
use super::survey;
use crate::spec::{validate, version};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// One finding.
#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable: scripts may match on it.
    pub code: &'static str,
    pub file: Option<PathBuf>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub fix: String,
}

impl Diagnostic {
    /// A warning about a whole file or directory (no line and column).
    pub fn warning(code: &'static str, file: &Path, message: String, fix: String) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            code,
            file: Some(file.to_path_buf()),
            line: None,
            column: None,
            message,
            fix,
        }
    }
}

/// A finding about the value at a JSON pointer of a file, before it has a line and column:
/// what the checks in `fields` and `ranges` produce.
#[derive(Debug, Clone)]
pub struct Finding {
    pub severity: Severity,
    pub code: &'static str,
    pub pointer: String,
    pub message: String,
    pub fix: String,
}

impl Finding {
    pub fn new(
        severity: Severity,
        code: &'static str,
        pointer: &str,
        message: String,
        fix: &str,
    ) -> Finding {
        Finding { severity, code, pointer: pointer.to_string(), message, fix: fix.to_string() }
    }
}

/// A key as a JSON Pointer segment.
pub fn escape(key: &str) -> std::borrow::Cow<'_, str> {
    if key.contains(['~', '/']) {
        key.replace('~', "~0").replace('/', "~1").into()
    } else {
        key.into()
    }
}

/// What linting one file's text found, with what the directory's checks need of it.
#[derive(Debug, Clone, Default)]
pub struct Linted {
    pub diagnostics: Vec<Diagnostic>,
    /// The subnets of its host-local ranges that host-local accepts.
    pub subnets: Vec<Subnet>,
}

/// Collects diagnostics for one file. Key positions are found only once a finding needs
/// one: most files have none, and `conf ls` lints every file of the directory.
struct FileLint<'a> {
    path: &'a Path,
    bytes: &'a [u8],
    spans: Option<Spans>,
    /// The version the plugins receive (host-local's ranges depend on it).
    cni_version: String,
    out: Vec<Diagnostic>,
    subnets: Vec<Subnet>,
}

impl FileLint<'_> {
    fn at(
        &mut self,
        severity: Severity,
        code: &'static str,
        pointer: &str,
        message: String,
        fix: &str,
    ) {
        let bytes = self.bytes;
        let spans = self.spans.get_or_insert_with(|| spans::locate(bytes));
        let pos = spans.get(pointer).copied();
        self.out.push(Diagnostic {
            severity,
            code,
            file: Some(self.path.to_path_buf()),
            line: pos.map(|p| p.0),
            column: pos.map(|p| p.1),
            message,
            fix: fix.to_string(),
        });
    }

    fn found(&mut self, findings: Vec<Finding>) {
        for f in findings {
            self.at(f.severity, f.code, &f.pointer, f.message, &f.fix);
        }
    }

    fn top(&mut self, map: &Map<String, Value>, is_list: bool) {
        // A list's keys are matched exactly (libcni reads it as a map); a single-plugin file
        // is a plugin, whose keys Go matches in any case.
        let get = |key: &str| match is_list {
            true => map.get(key),
            false => crate::config::gojson::field(map, key),
        };
        match get("name") {
            None => self.at(
                Severity::Error,
                "missing-name",
                "",
                "the configuration has no \"name\"".into(),
                "add \"name\": \"<network>\"",
            ),
            Some(Value::String(name)) => {
                if let Err(why) = validate::identifier("network name", name) {
                    self.at(
                        Severity::Error,
                        "bad-network-name",
                        "/name",
                        why,
                        "use letters, digits, '_', '.' and '-', starting with a letter or digit",
                    );
                }
            }
            Some(other) => self.at(
                Severity::Error,
                "name-not-string",
                "/name",
                format!("\"name\" is {other}, not a string"),
                "quote the name",
            ),
        }
        match get("cniVersion") {
            None => self.at(
                Severity::Warning,
                "missing-cni-version",
                "",
                "no \"cniVersion\": runtimes treat the configuration as 0.1.0".into(),
                "add \"cniVersion\": \"1.0.0\" (or the version your plugins support)",
            ),
            Some(Value::String(v)) if !version::RELEASED.contains(&v.as_str()) => self.at(
                Severity::Warning,
                "unknown-cni-version",
                "/cniVersion",
                format!(
                    "cniVersion {v:?} is not a released spec version ({})",
                    version::RELEASED.join(", ")
                ),
                "use a released version",
            ),
            Some(Value::String(_)) => {}
            Some(other) => self.at(
                Severity::Error,
                "cni-version-not-string",
                "/cniVersion",
                format!("\"cniVersion\" is {other}, not a string"),
                "quote the version: \"1.0.0\"",
            ),
        }
        if let Some(Value::Array(versions)) = map.get("cniVersions") {
            for (i, v) in versions.iter().enumerate() {
                let above = v
                    .as_str()
                    .and_then(|s| version::Version::parse(s).ok())
                    .is_some_and(|p| p > version::CURRENT);
                if above {
                    self.at(
                        Severity::Warning,
                        "cni-versions-above-current",
                        &format!("/cniVersions/{i}"),
                        format!(
                            "cniVersions entry {v} is above {}: libcni ignores it",
                            version::CURRENT
                        ),
                        "remove it until the runtimes support it",
                    );
                }
            }
        }
        for key in ["disableCheck", "disableGC", "loadOnlyInlinedPlugins"] {
            if let Some(Value::String(s)) = map.get(key).filter(|v| {
                v.as_str().is_some_and(|s| {
                    s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("false")
                })
            }) {
                self.at(
                    Severity::Info,
                    "string-for-boolean",
                    &format!("/{key}"),
                    format!("{key} is the string {s:?}: libcni accepts it, other readers may not"),
                    &format!("write {key}: {}", s.to_lowercase()),
                );
            }
        }
        if !is_list {
            self.plugin(map, "", Place::Single);
        }
    }

    fn plugin(&mut self, plugin: &Map<String, Value>, at: &str, place: Place) {
        self.key_case(plugin, at);
        // As libcni reads it: the key in any case, null as no value.
        match crate::config::gojson::field(plugin, "type") {
            None => self.at(Severity::Error, "missing-type", at, "the plugin has no \"type\"".into(), "add \"type\": \"<plugin binary name>\""),
            Some(Value::String(t)) if t.contains('/') || t.contains('\\') => self.at(
                Severity::Error,
                "type-has-path",
                &format!("{at}/type"),
                format!("\"type\" {t:?} contains a path separator: runtimes look it up by name in CNI_PATH"),
                "give the binary's name and put its directory in the bin dirs",
            ),
            Some(Value::String(t)) => self.chained_first(t, at, place),
            Some(other) => self.at(Severity::Error, "type-not-string", &format!("{at}/type"), format!("\"type\" is {other}, not a string"), "quote the plugin name"),
        }
        let mut findings = Vec::new();
        fields::check_plugin(plugin, at, &mut findings);
        if let Some((key, ipam)) = fields::ipam_of(plugin) {
            let ipam_type = crate::config::gojson::field(ipam, "type").and_then(Value::as_str);
            if ipam_type == Some("host-local") {
                let at = format!("{at}/{}", escape(key));
                let version = self.cni_version.clone();
                let subnets = ranges::host_local(plugin, ipam, &at, &version, &mut findings);
                self.subnets.extend(subnets);
            }
        }
        self.found(findings);
        for key in plugin.keys() {
            let pointer = || format!("{at}/{}", escape(key));
            // A warning, not an error: libcni loads such a file and passes the key on (the
            // reference plugins' own integration tests write runtimeConfig in files).
            if key == "runtimeConfig" || key == "prevResult" || key.starts_with("cni.dev/") {
                self.at(
                    Severity::Warning,
                    "reserved-key",
                    &pointer(),
                    format!(
                        "{key:?} is generated by the runtime at execution time (SPEC section 1)"
                    ),
                    "remove it from the file; pass capability arguments at run time",
                );
            }
            if key == "args" {
                self.at(
                    Severity::Warning,
                    "reserved-key",
                    &pointer(),
                    "\"args\" is reserved for the runtime (SPEC section 1); runtimes may overwrite it".into(),
                    "make sure a runtime is meant to see it, or remove it",
                );
            }
        }
        match plugin.get("capabilities") {
            Some(Value::Object(caps)) => {
                for (cap, on) in caps {
                    let pointer = || format!("{at}/capabilities/{}", escape(cap));
                    if !on.is_boolean() {
                        self.at(
                            Severity::Error,
                            "capability-not-boolean",
                            &pointer(),
                            format!("capability {cap} is {on}, not true or false"),
                            "write true or false",
                        );
                    }
                    if !runtimes::known(cap) {
                        let (message, fix) = runtimes::unknown(cap);
                        let at = pointer();
                        self.at(Severity::Warning, "unknown-capability", &at, message, &fix);
                    }
                }
            }
            Some(other) => self.at(
                Severity::Error,
                "capabilities-not-object",
                &format!("{at}/capabilities"),
                format!("\"capabilities\" is {other}, not an object"),
                "write \"capabilities\": {\"portMappings\": true}",
            ),
            None => {}
        }
    }

    /// A plugin that only works chained (portmap, tuning, ...) alone in a `.conf`, or first
    /// in a list: its ADD gets no prevResult and fails ("must be called as chained plugin").
    fn chained_first(&mut self, plugin_type: &str, at: &str, place: Place) {
        let Some(p) = plugins::reference(plugin_type).filter(|p| p.role == Role::Chained) else {
            return;
        };
        let pointer = format!("{at}/type");
        let name = p.name;
        match place {
            Place::Single => self.at(
                Severity::Error,
                "list-only-plugin",
                &pointer,
                format!(
                    "{name} only runs chained after a plugin that creates the interface: alone in a \
                     single-plugin file it gets no prevResult, and its ADD fails"
                ),
                &format!(
                    "write a .conflist whose \"plugins\" has the main plugin (bridge, ptp, ...) first and {name} after it"
                ),
            ),
            Place::First => self.at(
                Severity::Error,
                "chained-plugin-first",
                &pointer,
                format!(
                    "{name} is first in the list, but it only runs chained after a plugin that \
                     creates the interface: it gets no prevResult, and its ADD fails"
                ),
                &format!("put the main plugin (bridge, ptp, ...) before {name}"),
            ),
            Place::Later => {}
        }
    }
}

/// Where a plugin configuration sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// The whole of a single-plugin file.
    Single,
    First,
    Later,
}

/// Lints one file's text.
pub fn lint_text(path: &Path, bytes: &[u8]) -> Vec<Diagnostic> {
    lint_bytes(path, bytes).diagnostics
}

/// Lints one file's text, and keeps what the directory's checks need of it.
pub fn lint_bytes(path: &Path, original: &[u8]) -> Linted {
    // Strings are read as libcni's Go decoder reads them; what it replaces is a warning.
    let replaced = crate::config::gojson::go_text(original);
    let bytes = replaced.as_deref().unwrap_or(original);
    let mut lint = FileLint {
        path,
        bytes,
        spans: None,
        cni_version: String::new(),
        out: Vec::new(),
        subnets: Vec::new(),
    };
    if let Some(text) = &replaced {
        lint.out.push(replaced_text(path, original, text));
    }
    let value: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            let err = crate::config::parse_conflist(path, bytes).err();
            let (message, fix, line, column) = match err {
                Some(crate::config::ConfigError::Syntax {
                    message, hint, line, column, ..
                }) => (message, hint.unwrap_or_else(|| "fix the JSON syntax".into()), line, column),
                _ => (e.to_string(), "fix the JSON syntax".into(), e.line(), e.column()),
            };
            lint.out.push(Diagnostic {
                severity: Severity::Error,
                code: "invalid-json",
                file: Some(path.to_path_buf()),
                line: Some(line),
                column: Some(column),
                message,
                fix,
            });
            return Linted { diagnostics: lint.out, subnets: Vec::new() };
        }
    };
    let Value::Object(map) = &value else {
        lint.at(
            Severity::Error,
            "not-an-object",
            "",
            "the file is not a JSON object".into(),
            "write a configuration object {...}",
        );
        return Linted { diagnostics: lint.out, subnets: Vec::new() };
    };
    lint.cni_version = selected_version(map);
    let extension = path.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
    let body = survey::body_kind(&value);
    if let Some(why) = survey::mismatch(&extension, body) {
        let code = if body == "list" { "list-in-conf-file" } else { "single-in-conflist-file" };
        let fix = if body == "list" {
            "rename the file to .conflist"
        } else {
            "rename the file to .conf"
        };
        lint.at(Severity::Error, code, "", why, fix);
    }
    let is_list = body == "list";
    lint.top(map, is_list);
    if is_list {
        match map.get("plugins") {
            Some(Value::Array(plugins)) if plugins.is_empty() => lint.at(
                Severity::Error,
                "empty-plugins",
                "/plugins",
                "\"plugins\" is empty".into(),
                "add at least one plugin",
            ),
            Some(Value::Array(plugins)) => {
                for (i, plugin) in plugins.iter().enumerate() {
                    match plugin {
                        Value::Object(p) => {
                            let place = if i == 0 { Place::First } else { Place::Later };
                            lint.plugin(p, &format!("/plugins/{i}"), place)
                        }
                        other => lint.at(
                            Severity::Error,
                            "not-an-object",
                            &format!("/plugins/{i}"),
                            format!("plugins[{i}] is {other}, not an object"),
                            "write the plugin as an object",
                        ),
                    }
                }
            }
            Some(other) => lint.at(
                Severity::Error,
                "plugins-not-array",
                "/plugins",
                format!("\"plugins\" is {other}, not an array"),
                "write \"plugins\": [ ... ]",
            ),
            None => {}
        }
    }
    Linted { diagnostics: lint.out, subnets: lint.subnets }
}

/// The version the plugins of a file receive, as far as the text tells it.
fn selected_version(map: &Map<String, Value>) -> String {
    let declared = map.get("cniVersion").and_then(Value::as_str);
    let versions: Vec<String> = match map.get("cniVersions") {
        Some(Value::Array(v)) => v.iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
        _ => Vec::new(),
    };
    version::select(declared, &versions).unwrap_or_else(|_| declared.unwrap_or_default().into())
}

/// The warning for text libcni reads with U+FFFD in place of invalid UTF-8 or a lone
/// surrogate escape, at the first such place.
fn replaced_text(path: &Path, bytes: &[u8], text: &[u8]) -> Diagnostic {
    let first = bytes.iter().zip(text).position(|(a, b)| a != b).unwrap_or(0);
    let before = &bytes[..first];
    let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    Diagnostic {
        severity: Severity::Warning,
        code: "replaced-text",
        file: Some(path.to_path_buf()),
        line: Some(before.iter().filter(|b| **b == b'\n').count() + 1),
        column: Some(String::from_utf8_lossy(&before[line_start..]).chars().count() + 1),
        message: "a string holds invalid UTF-8 or a lone surrogate escape (\\ud800-\\udfff): \
                  libcni reads it as U+FFFD, and plugins get that character instead"
            .into(),
        fix: "save the file as UTF-8 and write the character itself or a valid escape pair".into(),
    }
}

impl FileLint<'_> {
    /// Keys that name a field libcni decodes, in another case than its own ("Type"): Go
    /// takes them, other readers of the file do not.
    fn key_case(&mut self, plugin: &Map<String, Value>, at: &str) {
        use crate::config::gojson::{names_field, odd_case_keys};
        let mut odd: Vec<(String, &str, &str)> = odd_case_keys(plugin)
            .into_iter()
            .map(|(k, f)| (format!("{at}/{}", escape(k)), k, f))
            .collect();
        for (key, value) in plugin.iter().filter(|(k, _)| names_field(k, "ipam")) {
            if let Value::Object(ipam) = value {
                let inner = ipam.keys().filter(|k| *k != "type" && names_field(k, "type"));
                odd.extend(
                    inner.map(|k| {
                        (format!("{at}/{}/{}", escape(key), escape(k)), k.as_str(), "type")
                    }),
                );
            }
        }
        for (pointer, key, field) in odd {
            self.at(
                Severity::Warning,
                "key-case",
                &pointer,
                format!(
                    "{key:?} is read as {field:?}: libcni and the Go plugins match keys in \
                     any case, other readers of the file do not"
                ),
                &format!("write {field:?}"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str, name: &str) -> Vec<(&'static str, Option<usize>)> {
        lint_text(Path::new(name), text.as_bytes()).iter().map(|d| (d.code, d.line)).collect()
    }

    #[test]
    fn flags_well_known_mistakes_with_positions() {
        let text = "{\n \"cniVersion\": \"1.0.0\",\n \"name\": \"net\",\n \"plugins\": [\n  {\"type\": \"bridge\",\n   \"ipMasq\": \"true\", \"mtu\": \"1500\",\n   \"capabilities\": {\"portMapping\": true},\n   \"runtimeConfig\": {}}\n ]\n}";
        let found = codes(text, "/d/10-net.conflist");
        assert!(found.contains(&("string-for-boolean", Some(6))), "{found:?}");
        assert!(found.contains(&("string-for-number", Some(6))), "{found:?}");
        assert!(found.contains(&("unknown-capability", Some(7))), "{found:?}");
        assert!(found.contains(&("reserved-key", Some(8))), "{found:?}");
    }

    #[test]
    fn flags_syntax_and_shape() {
        assert_eq!(
            codes("{\"name\": \"x\", // c\n}", "/d/a.conflist")[0],
            ("invalid-json", Some(1))
        );
        let found =
            codes(r#"{"cniVersion":"1.0.0","name":"x","plugins":[{"type":"a"}]}"#, "/d/a.conf");
        assert!(found.iter().any(|(c, _)| *c == "list-in-conf-file"), "{found:?}");
        let found = codes(r#"{"name":"-x","type":"a/b"}"#, "/d/a.conf");
        for code in ["bad-network-name", "type-has-path", "missing-cni-version"] {
            assert!(found.iter().any(|(c, _)| *c == code), "{code} in {found:?}");
        }
    }
}
