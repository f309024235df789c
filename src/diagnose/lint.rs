//! `conf lint`: diagnostics for configuration files, each with a severity, a stable code,
//! the file and line:column where it applies, and a one-line fix. The rules come from what
//! the spec requires and from what breaks in the field (libcni-behaviour.md section 1).

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::{Map, Value};

use super::fields;
use super::runtimes;
use super::spans::{self, Spans};
use super::survey::{self, Probe, Prober};
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
/// what the checks in `fields` produce.
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

/// Collects diagnostics for one file. Key positions are found only once a finding needs
/// one: most files have none.
struct FileLint<'a> {
    path: &'a Path,
    bytes: &'a [u8],
    spans: Option<Spans>,
    out: Vec<Diagnostic>,
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
        match map.get("name") {
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
        match map.get("cniVersion") {
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
            self.plugin(map, "");
        }
    }

    fn plugin(&mut self, plugin: &Map<String, Value>, at: &str) {
        match plugin.get("type") {
            None => self.at(Severity::Error, "missing-type", at, "the plugin has no \"type\"".into(), "add \"type\": \"<plugin binary name>\""),
            Some(Value::String(t)) if t.contains('/') || t.contains('\\') => self.at(
                Severity::Error,
                "type-has-path",
                &format!("{at}/type"),
                format!("\"type\" {t:?} contains a path separator: runtimes look it up by name in CNI_PATH"),
                "give the binary's name and put its directory in the bin dirs",
            ),
            Some(Value::String(_)) => {}
            Some(other) => self.at(Severity::Error, "type-not-string", &format!("{at}/type"), format!("\"type\" is {other}, not a string"), "quote the plugin name"),
        }
        let mut findings = Vec::new();
        fields::check_plugin(plugin, at, &mut findings);
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
}

/// Lints one file's text. Returns the diagnostics and whether the content parsed.
pub fn lint_text(path: &Path, bytes: &[u8]) -> Vec<Diagnostic> {
    let mut lint = FileLint { path, bytes, spans: None, out: Vec::new() };
    let value: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            let err = crate::config::parse_conflist(path, bytes).err();
            let (message, fix) = match err {
                Some(crate::config::ConfigError::Syntax { message, hint, .. }) => {
                    (message, hint.unwrap_or_else(|| "fix the JSON syntax".into()))
                }
                _ => (e.to_string(), "fix the JSON syntax".into()),
            };
            lint.out.push(Diagnostic {
                severity: Severity::Error,
                code: "invalid-json",
                file: Some(path.to_path_buf()),
                line: Some(e.line()),
                column: Some(e.column()),
                message,
                fix,
            });
            return lint.out;
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
        return lint.out;
    };
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
                        Value::Object(p) => lint.plugin(p, &format!("/plugins/{i}")),
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
    lint.out
}

/// Lints the binaries a loaded list needs: present, and speaking its version.
fn lint_binaries(
    file: &Path,
    list: &crate::config::NetworkConfigList,
    prober: &mut Prober,
    out: &mut Vec<Diagnostic>,
) {
    let spans = crate::config::read_file(file).map(|b| spans::locate(&b)).unwrap_or_default();
    for plugin in &list.plugins {
        let pointer = match (&plugin.origin, list.format) {
            (crate::config::Origin::Inline(_), crate::config::Format::Conf) => "/type".to_string(),
            (crate::config::Origin::Inline(n), crate::config::Format::Conflist) => {
                format!("/plugins/{n}/type")
            }
            (crate::config::Origin::DropIn(_), _) => "/type".to_string(),
        };
        let path = match &plugin.origin {
            crate::config::Origin::DropIn(f) => f.clone(),
            crate::config::Origin::Inline(_) => file.to_path_buf(),
        };
        // A missing IPAM plugin is reported at its own "type" inside "ipam", not the main one.
        let ipam_pointer = format!("{}/ipam/type", pointer.trim_end_matches("/type"));
        let mut types = vec![(plugin.plugin_type.clone(), pointer.clone())];
        types.extend(plugin.ipam_type().map(|t| (t.to_string(), ipam_pointer)));
        for (t, at) in types {
            let pos = spans.get(&at).or_else(|| spans.get(&pointer)).copied();
            let (code, message, fix) = match prober.probe(&t) {
                Probe::Missing(why) => (
                    "plugin-missing",
                    why,
                    "install the plugin, or fix \"type\" or the bin dirs".to_string(),
                ),
                Probe::Failed(why) => (
                    "version-unsupported",
                    format!("{t} did not answer VERSION: {why}"),
                    "replace the binary".to_string(),
                ),
                Probe::Versions(v)
                    if !v.iter().any(|x| {
                        x == crate::spec::version::Version::effective(&list.cni_version)
                    }) =>
                {
                    (
                        "version-unsupported",
                        format!(
                            "{t} supports {} but the configuration selects {}",
                            v.join(", "),
                            list.cni_version
                        ),
                        format!("set cniVersion to one {t} supports, or upgrade it"),
                    )
                }
                Probe::Versions(_) | Probe::Skipped => continue,
            };
            out.push(Diagnostic {
                severity: Severity::Error,
                code,
                file: Some(path.clone()),
                line: pos.map(|p| p.0),
                column: pos.map(|p| p.1),
                message,
                fix,
            });
        }
    }
}

/// Lints a file, or every file of a directory with the directory's own checks: duplicate
/// names, files no runtime reads, world-writable directories and plugins.
pub fn lint(
    target: &Path,
    bin_dirs: &[PathBuf],
    prober: &mut Prober,
) -> Result<Vec<Diagnostic>, crate::config::ConfigError> {
    let mut out = Vec::new();
    let is_dir = target.is_dir();
    let files = if is_dir {
        crate::config::read_dir(target, &survey::EXTENSIONS)?
    } else {
        if !target.exists() {
            return Err(crate::config::ConfigError::Io {
                path: target.to_path_buf(),
                error: std::io::Error::from_raw_os_error(nix::libc::ENOENT),
            });
        }
        vec![target.to_path_buf()]
    };
    let mut seen: std::collections::HashMap<String, PathBuf> = std::collections::HashMap::new();
    for file in &files {
        lint_file(file, &mut seen, prober, &mut out)?;
    }
    if is_dir {
        for ignored in survey_ignored(target) {
            out.push(Diagnostic::warning(
                "ignored-file",
                &ignored,
                "no runtime reads this file: only .conf, .conflist and .json count".into(),
                "rename it with one of those extensions if it is meant to be used, or move it out"
                    .into(),
            ));
        }
    }
    let mut dirs: Vec<PathBuf> = bin_dirs.iter().filter(|d| d.is_dir()).cloned().collect();
    if is_dir {
        dirs.insert(0, target.to_path_buf());
    }
    super::perms::world_writable(&dirs, is_dir.then_some(target), &mut out);
    out.sort_by(|a, b| {
        (a.file.as_ref(), a.line, a.column).cmp(&(b.file.as_ref(), b.line, b.column))
    });
    Ok(out)
}

/// One file: its text, whether it loads, a name another file already took, its plugins.
fn lint_file(
    file: &Path,
    seen: &mut std::collections::HashMap<String, PathBuf>,
    prober: &mut Prober,
    out: &mut Vec<Diagnostic>,
) -> Result<(), crate::config::ConfigError> {
    let bytes = match crate::config::read_file(file) {
        Ok(bytes) => bytes,
        // A FIFO, a device or an oversized file among the configurations: say so and go on
        // with the others.
        Err(e @ crate::config::ConfigError::Invalid { .. }) => {
            let fix = format!(
                "remove it, or replace it with a regular file of at most {} KiB",
                crate::config::MAX_CONFIG_BYTES / 1024
            );
            let mut d = Diagnostic::warning("unreadable-file", file, e.to_string(), fix);
            d.severity = Severity::Error;
            out.push(d);
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    let found = lint_text(file, &bytes);
    let clean = !found.iter().any(|d| d.severity == Severity::Error);
    out.extend(found);
    match crate::config::load_file(file) {
        Ok(list) => {
            if let Some(first) = seen.get(&list.name) {
                out.push(Diagnostic::warning(
                    "duplicate-name",
                    file,
                    format!("network {:?} is also defined in {}", list.name, first.display()),
                    "give each network one file: remove or rename one of them".into(),
                ));
            } else {
                seen.insert(list.name.clone(), file.to_path_buf());
            }
            lint_binaries(file, &list, prober, out);
        }
        Err(e) if clean => {
            let fix = "fix the configuration as the message says".to_string();
            let mut d = Diagnostic::warning("invalid-config", file, e.to_string(), fix);
            d.severity = Severity::Error;
            out.push(d);
        }
        Err(_) => {}
    }
    Ok(())
}

fn survey_ignored(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && !p.extension().is_some_and(|e| survey::EXTENSIONS.iter().any(|x| e == *x))
        })
        .collect();
    files.sort();
    files
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
