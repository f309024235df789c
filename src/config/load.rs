//! Parsing one configuration file, as libcni's `NetworkConfFromBytes` (lists) and
//! `ConfFromBytes` + `ConfListFromConf` (single plugins) do, with errors that name the file,
//! the line and column, and what to do.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::gojson::{self, kind};
use super::{Format, NetworkConfigList, Origin, PluginConf};
use crate::spec::version;

/// Why a configuration could not be loaded or found.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}:{line}:{column}: invalid JSON: {message}{}", path.display(), hint_suffix(hint))]
    Syntax { path: PathBuf, line: usize, column: usize, message: String, hint: Option<String> },
    #[error("{}{}: {message}", path.display(), at_suffix(at))]
    Invalid { path: PathBuf, message: String, at: Option<(usize, usize)> },
    #[error("cannot read {}: {error}", path.display())]
    Io { path: PathBuf, error: std::io::Error },
    #[error(
        "no network configuration named {name:?} in {}{}",
        dir.display(),
        available_suffix(available)
    )]
    NotFound { name: String, dir: PathBuf, available: Vec<String> },
    #[error(
        "no network configurations found in {}: {} (check --cni-conf-dir / NETCONFPATH)",
        dir.display(),
        if dir.is_dir() { "it has no .conflist, .conf or .json files" } else { "it does not exist" }
    )]
    NoConfigs { dir: PathBuf },
    #[error(
        "looking up network {name:?} stopped at {}, which does not load (libcni aborts the \
         lookup at the first such file, even if the network is in a later one): {error}",
        path.display()
    )]
    LookupAborted { name: String, path: PathBuf, error: Box<ConfigError> },
}

fn at_suffix(at: &Option<(usize, usize)>) -> String {
    at.map(|(line, column)| format!(":{line}:{column}")).unwrap_or_default()
}

fn hint_suffix(hint: &Option<String>) -> String {
    hint.as_ref().map(|h| format!("\n  hint: {h}")).unwrap_or_default()
}

fn available_suffix(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1..=12 => format!(" (networks found: {})", names.join(", ")),
        n => format!(
            " (networks found: {}, and {} more; see `cnictl conf ls`)",
            names[..10].join(", "),
            n - 10
        ),
    }
}

fn invalid(path: &Path, message: impl Into<String>) -> ConfigError {
    ConfigError::Invalid { path: path.to_path_buf(), message: message.into(), at: None }
}

/// A file being parsed: its path, and its text for the line and column of an error about
/// a key or an object (found only when there is an error).
#[derive(Clone, Copy)]
struct Doc<'a> {
    path: &'a Path,
    bytes: &'a [u8],
}

impl Doc<'_> {
    /// An error about the value at `pointer` (a JSON pointer; "" for the whole document).
    fn invalid_at(&self, pointer: &str, message: impl Into<String>) -> ConfigError {
        let at = if pointer.is_empty() {
            self.bytes
                .iter()
                .position(|b| !b.is_ascii_whitespace())
                .map(|i| position(self.bytes, i))
        } else {
            super::spans::locate(self.bytes).get(pointer).copied()
        };
        ConfigError::Invalid { path: self.path.to_path_buf(), message: message.into(), at }
    }
}

/// The 1-based line and column (in characters) of byte `offset`.
fn position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let column = before[line_start..].iter().filter(|b| (**b & 0xC0) != 0x80).count() + 1;
    (line, column)
}

/// Parses JSON text into an object, with line and column on failure.
fn parse_object(path: &Path, bytes: &[u8]) -> Result<Map<String, Value>, ConfigError> {
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(other) => Err(invalid(path, format!("expected a JSON object, found {}", kind(&other)))),
        Err(err) => {
            let hint = syntax_hint(bytes, err.line(), err.column(), &err.to_string());
            let message = err.to_string();
            let message = match message.rfind(" at line ") {
                Some(at) => message[..at].to_string(),
                None => message,
            };
            // serde_json points past a trailing comma, at the bracket; the comma is the fix.
            let (line, column) = match message.contains("trailing comma") {
                true => trailing_comma(bytes, err.line(), err.column())
                    .unwrap_or((err.line(), err.column())),
                false => (err.line(), err.column()),
            };
            Err(ConfigError::Syntax { path: path.to_path_buf(), line, column, message, hint })
        }
    }
}

/// The position of the comma before the bracket that serde_json reports at `line`:`column`.
fn trailing_comma(bytes: &[u8], line: usize, column: usize) -> Option<(usize, usize)> {
    let line_start = if line <= 1 {
        0
    } else {
        bytes.iter().enumerate().filter(|(_, b)| **b == b'\n').nth(line - 2)?.0 + 1
    };
    let bracket = line_start + column.saturating_sub(1);
    let comma =
        bytes.get(..bracket.min(bytes.len()))?.iter().rposition(|b| !b.is_ascii_whitespace())?;
    (bytes[comma] == b',').then(|| position(bytes, comma))
}

fn syntax_hint(bytes: &[u8], line: usize, column: usize, message: &str) -> Option<String> {
    if message.contains("trailing comma") {
        return Some("remove the comma before the closing bracket: JSON allows none".into());
    }
    let text = String::from_utf8_lossy(bytes);
    let at = text.lines().nth(line.saturating_sub(1))?.get(column.saturating_sub(1)..)?;
    if at.starts_with("//") || at.starts_with("/*") || at.starts_with('#') {
        return Some("comments are not JSON; the runtimes reject them: remove it".into());
    }
    if message.contains("EOF") {
        return Some("the file ends early: a closing '}' or ']' is missing".into());
    }
    None
}

/// libcni accepts a boolean or the strings "true"/"false" (any case) for these flags.
fn flag(path: &Path, map: &Map<String, Value>, key: &str) -> Result<bool, ConfigError> {
    match map.get(key) {
        None => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => Ok(true),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => Ok(false),
        Some(other) => Err(invalid(
            path,
            format!("{key:?} must be true or false, not {other}: write {key:?}: true or false"),
        )),
    }
}

fn optional_string(
    path: &Path,
    map: &Map<String, Value>,
    key: &str,
) -> Result<Option<String>, ConfigError> {
    match map.get(key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => {
            Err(invalid(path, format!("{key:?} must be a string, not {}: quote it", kind(other))))
        }
    }
}

/// One plugin object, decoded as libcni decodes it into `types.PluginConf`: its fields in
/// any case, each of the JSON type its Go field holds. `pointer` is where it is in `doc`.
fn plugin(
    doc: Doc,
    pointer: &str,
    value: Value,
    origin: Origin,
) -> Result<PluginConf, ConfigError> {
    let where_ = match &origin {
        Origin::Inline(i) => format!("plugins[{i}]"),
        Origin::DropIn(_) => "the plugin".to_string(),
    };
    let Value::Object(raw) = value else {
        return Err(doc
            .invalid_at(pointer, format!("{where_} must be a JSON object, not {}", kind(&value))));
    };
    if let Err(e) = gojson::check_plugin(&raw) {
        return Err(doc.invalid_at(&format!("{pointer}{}", e.pointer), format!("{where_}: {e}")));
    }
    let plugin_type = match gojson::field(&raw, "type") {
        Some(Value::String(t)) if t.contains('/') || t == "." || t == ".." => {
            return Err(doc.invalid_at(
                &format!("{pointer}/type"),
                format!(
                    "{where_}: \"type\" {t:?} is not a bare binary name: plugins are looked up \
                     in the bin dirs, and a path separator, \".\" or \"..\" would run a file \
                     outside them; name the binary only"
                ),
            ))
        }
        Some(Value::String(t)) if !t.is_empty() => t.clone(),
        _ => {
            return Err(doc
                .invalid_at(pointer, format!("{where_} has no \"type\": name the plugin binary")))
        }
    };
    Ok(PluginConf { plugin_type, raw, origin })
}

/// Parses a configuration list (`.conflist`), without its drop-ins. The list's own keys are
/// read as libcni reads them, from a map: exactly as written.
pub fn parse_conflist(path: &Path, bytes: &[u8]) -> Result<NetworkConfigList, ConfigError> {
    let text = gojson::go_text(bytes);
    let bytes = text.as_deref().unwrap_or(bytes);
    let doc = Doc { path, bytes };
    let map = parse_object(path, bytes)?;
    // libcni takes an empty name ("" is a string); lint warns of it.
    let Some(name) = optional_string(path, &map, "name")? else {
        return Err(doc.invalid_at("", "the list has no \"name\": every network needs one"));
    };
    let declared_version = optional_string(path, &map, "cniVersion")?;
    let cni_versions = match map.get("cniVersions") {
        None => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| {
                v.as_str().map(str::to_string).ok_or_else(|| {
                    doc.invalid_at(
                        &format!("/cniVersions/{i}"),
                        format!("\"cniVersions\" must hold strings, not {v}"),
                    )
                })
            })
            .collect::<Result<_, _>>()?,
        Some(other) => {
            return Err(doc.invalid_at(
                "/cniVersions",
                format!("\"cniVersions\" must be an array, not {}", kind(other)),
            ))
        }
    };
    let cni_version = version::select(declared_version.as_deref(), &cni_versions)
        .map_err(|e| invalid(path, e))?;
    let load_only_inlined_plugins = flag(path, &map, "loadOnlyInlinedPlugins")?;
    let plugins = match map.get("plugins") {
        None if load_only_inlined_plugins => {
            return Err(doc.invalid_at(
                "/loadOnlyInlinedPlugins",
                "\"loadOnlyInlinedPlugins\" is true but there is no \"plugins\" list",
            ))
        }
        None => Vec::new(),
        Some(Value::Array(items)) if items.is_empty() => {
            return Err(doc
                .invalid_at("/plugins", "\"plugins\" is empty: a list needs at least one plugin"))
        }
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| plugin(doc, &format!("/plugins/{i}"), item.clone(), Origin::Inline(i)))
            .collect::<Result<_, _>>()?,
        Some(other) => {
            return Err(doc.invalid_at(
                "/plugins",
                format!("\"plugins\" must be an array, not {}", kind(other)),
            ))
        }
    };
    Ok(NetworkConfigList {
        name,
        cni_version,
        declared_version,
        cni_versions,
        disable_check: flag(path, &map, "disableCheck")?,
        disable_gc: flag(path, &map, "disableGC")?,
        load_only_inlined_plugins,
        plugins,
        source: path.to_path_buf(),
        format: Format::Conflist,
        bytes: bytes.to_vec(),
        raw: map,
    })
}

/// Parses a single-plugin configuration (`.conf`, `.json`) and up-converts it to a list of
/// one, as libcni's `ConfListFromConf` does. The file is one plugin object, so its keys
/// match in any case, as every plugin's do.
pub fn parse_conf(path: &Path, bytes: &[u8]) -> Result<NetworkConfigList, ConfigError> {
    let text = gojson::go_text(bytes);
    let bytes = text.as_deref().unwrap_or(bytes);
    let doc = Doc { path, bytes };
    let map = parse_object(path, bytes)?;
    if gojson::field(&map, "type").is_none() && map.contains_key("plugins") {
        return Err(doc.invalid_at(
            "/plugins",
            "missing \"type\": this file holds a configuration list (it has \"plugins\"), \
             but single-plugin files (.conf, .json) are read as one plugin: rename it to .conflist",
        ));
    }
    let plugin = plugin(doc, "", Value::Object(map.clone()), Origin::Inline(0))?;
    // Checked as strings by `plugin`.
    let text_field = |key| gojson::field(&map, key).and_then(Value::as_str).map(str::to_string);
    let name = text_field("name").unwrap_or_default();
    let declared_version = text_field("cniVersion");
    let mut list = Map::new();
    list.insert("cniVersion".into(), Value::String(declared_version.clone().unwrap_or_default()));
    list.insert("name".into(), Value::String(name.clone()));
    list.insert("plugins".into(), Value::Array(vec![Value::Object(map)]));
    Ok(NetworkConfigList {
        name,
        cni_version: declared_version.clone().unwrap_or_default(),
        declared_version,
        cni_versions: Vec::new(),
        disable_check: false,
        disable_gc: false,
        load_only_inlined_plugins: false,
        plugins: vec![plugin],
        source: path.to_path_buf(),
        format: Format::Conf,
        bytes: serde_json::to_vec(&list).expect("a JSON map always serializes"),
        raw: list,
    })
}

/// The largest configuration file cnictl reads. libcni has no limit; real configurations
/// are a few KiB, and a file past this is a mistake (or `/dev/zero`) rather than a network.
pub const MAX_CONFIG_BYTES: usize = 1024 * 1024;

/// Reads a configuration file: a regular file of at most [`MAX_CONFIG_BYTES`]. A FIFO, a
/// device or a directory is refused without blocking (the file is opened non-blocking and
/// checked before any read), so a stray pipe in the conf dir cannot hang a lookup.
pub fn read(path: &Path) -> Result<Vec<u8>, ConfigError> {
    use std::io::Read;
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    let fail = |error| ConfigError::Io { path: path.to_path_buf(), error };
    let too_big = || {
        let limit = MAX_CONFIG_BYTES / 1024;
        invalid(
            path,
            format!("is larger than {limit} KiB, the most cnictl reads for a configuration file"),
        )
    };
    let mut file = std::fs::File::options()
        .read(true)
        .custom_flags(nix::fcntl::OFlag::O_NONBLOCK.bits())
        .open(path)
        .map_err(fail)?;
    let kind = file.metadata().map_err(fail)?.file_type();
    if !kind.is_file() {
        let what = if kind.is_fifo() {
            "a FIFO"
        } else if kind.is_char_device() || kind.is_block_device() {
            "a device"
        } else if kind.is_dir() {
            "a directory"
        } else if kind.is_socket() {
            "a socket"
        } else {
            "not a regular file"
        };
        return Err(invalid(
            path,
            format!("is {what}, not a configuration file: remove it or point at a regular file"),
        ));
    }
    // Configuration files are small: read without asking their size first, in one read and
    // the one that sees the end, never past the limit.
    let mut bytes = vec![0u8; 8192];
    let mut len = 0;
    loop {
        if len == bytes.len() {
            if len > MAX_CONFIG_BYTES {
                return Err(too_big());
            }
            bytes.resize((len * 2).min(MAX_CONFIG_BYTES + 1), 0);
        }
        match file.read(&mut bytes[len..]) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(fail(e)),
        }
    }
    if len > MAX_CONFIG_BYTES {
        return Err(too_big());
    }
    bytes.truncate(len);
    Ok(bytes)
}

/// Loads a file by its extension (`.conflist` as a list, anything else as a single plugin),
/// then appends the drop-ins from `<dir>/<network-name>/*.conf` unless the list says
/// `loadOnlyInlinedPlugins`.
pub fn load_file(path: &Path) -> Result<NetworkConfigList, ConfigError> {
    load_file_in(path, None)
}

/// [`load_file`] for a file of a directory already listed: `subdirs`, the names of its
/// subdirectories, spares a failed open for every list without drop-ins.
pub fn load_file_in(
    path: &Path,
    subdirs: Option<&std::collections::HashSet<std::ffi::OsString>>,
) -> Result<NetworkConfigList, ConfigError> {
    let bytes = read(path)?;
    load_bytes(path, &bytes, subdirs)
}

/// [`load_file_in`] for bytes already read.
pub fn load_bytes(
    path: &Path,
    bytes: &[u8],
    subdirs: Option<&std::collections::HashSet<std::ffi::OsString>>,
) -> Result<NetworkConfigList, ConfigError> {
    if path.extension().is_some_and(|e| e == "conflist") {
        let mut list = parse_conflist(path, bytes)?;
        let has_drop_ins =
            subdirs.is_none_or(|dirs| dirs.contains(std::ffi::OsStr::new(&list.name)));
        if !list.load_only_inlined_plugins && has_drop_ins {
            let dir = path.parent().unwrap_or(Path::new(".")).join(&list.name);
            for file in super::list_files(&dir, &["conf"]) {
                let bytes = read(&file)?;
                let text = gojson::go_text(&bytes);
                let doc = Doc { path: &file, bytes: text.as_deref().unwrap_or(&bytes) };
                let map = parse_object(&file, doc.bytes)?;
                let origin = Origin::DropIn(file.clone());
                list.plugins.push(plugin(doc, "", Value::Object(map), origin)?);
            }
        }
        if list.plugins.is_empty() {
            return Err(invalid(
                path,
                format!(
                    "no plugin configs found: the list has no \"plugins\" and {} has no .conf \
                     drop-ins",
                    path.parent().unwrap_or(Path::new(".")).join(&list.name).display()
                ),
            ));
        }
        Ok(list)
    } else {
        parse_conf(path, bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conflist(text: &str) -> Result<NetworkConfigList, ConfigError> {
        parse_conflist(Path::new("/etc/cni/net.d/10-x.conflist"), text.as_bytes())
    }

    #[test]
    fn reads_a_list_keeping_unknown_fields() {
        let list = conflist(
            r#"{"cniVersion":"0.4.0","cniVersions":["1.0.0","0.3.1"],"name":"x",
                "disableCheck":"TRUE","plugins":[{"type":"ptp","custom":{"a":1},
                "capabilities":{"portMappings":true,"mac":false}}]}"#,
        )
        .unwrap();
        assert_eq!(list.cni_version, "1.0.0");
        assert!(list.disable_check);
        assert_eq!(list.plugins[0].raw["custom"]["a"], 1);
        assert_eq!(list.plugins[0].capabilities(), vec!["portMappings".to_string()]);
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let err = conflist("{\n  \"name\": \"x\", // comment\n}").unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("/etc/cni/net.d/10-x.conflist:2:"), "{text}");
        assert!(text.contains("comments are not JSON"), "{text}");
        let err = conflist("{\"name\": \"x\",\n \"plugins\": [{\"type\":\"a\"},]}").unwrap_err();
        assert!(err.to_string().contains("remove the comma"), "{err}");
    }

    #[test]
    fn refuses_bad_fields() {
        assert!(conflist(r#"{"plugins":[{"type":"a"}]}"#)
            .unwrap_err()
            .to_string()
            .contains("no \"name\""));
        assert!(conflist(r#"{"name":"x","plugins":[]}"#).is_err());
        assert!(conflist(r#"{"name":"x","plugins":[{"bridge":"b"}]}"#)
            .unwrap_err()
            .to_string()
            .contains("plugins[0] has no \"type\""));
        assert!(conflist(r#"{"name":"x","disableCheck":"yes","plugins":[{"type":"a"}]}"#).is_err());
        assert!(conflist(r#"{"name":"x","cniVersion":1,"plugins":[{"type":"a"}]}"#).is_err());
        for t in ["../bin/sh", "/usr/bin/true", ".", "..", "a/b"] {
            let text = format!(r#"{{"name":"x","plugins":[{{"type":"{t}"}}]}}"#);
            let err = conflist(&text).unwrap_err().to_string();
            assert!(err.contains("not a bare binary name"), "{t}: {err}");
        }
    }

    #[test]
    fn up_converts_a_single_plugin_file() {
        let path = Path::new("/d/10-x.conf");
        let list =
            parse_conf(path, br#"{"cniVersion":"0.3.1","name":"x","type":"bridge"}"#).unwrap();
        assert_eq!(list.plugins.len(), 1);
        assert_eq!(list.format, Format::Conf);
        let bytes: Value = serde_json::from_slice(&list.bytes).unwrap();
        assert_eq!(bytes["plugins"][0]["type"], "bridge");
        assert_eq!(bytes["cniVersion"], "0.3.1");
    }

    #[test]
    fn a_list_in_a_conf_file_is_called_out() {
        let err = parse_conf(Path::new("/d/10-x.conf"), br#"{"name":"x","plugins":[]}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("rename it to .conflist"), "{err}");
    }
}
