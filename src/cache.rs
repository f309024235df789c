//! The result cache, in libcni's format so that cnitool, containerd and CRI-O read what
//! cnictl writes and the other way round: `<cache-dir>/results/<network>-<containerID>-<ifname>`,
//! a `cniCacheV1` object whose `config` is the list's bytes in base64 (a Go `[]byte`).
//! The bytes are libcni v1.3.0's (`cacheAdd`, through [`crate::spec::gojson`]). Files are
//! written to a temporary file, flushed to disk and renamed, so a crash or a reboot never
//! leaves a half-written or empty entry (cni#1055).

use std::fs;
use std::io::Write;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::exec::chain::Attachment;
use crate::spec::gojson;
use crate::spec::result::CniResult;

/// The `kind` of every entry libcni writes today.
pub const KIND: &str = "cniCacheV1";

/// One cache entry, with libcni's field names and order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CachedInfo {
    pub kind: String,
    #[serde(rename = "containerId", default)]
    pub container_id: String,
    /// The configuration list's bytes, base64-encoded.
    #[serde(default)]
    pub config: String,
    #[serde(rename = "ifName", default)]
    pub if_name: String,
    #[serde(rename = "networkName", default)]
    pub network_name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub netns: String,
    #[serde(rename = "cniArgs", default, skip_serializing_if = "Vec::is_empty")]
    pub cni_args: Vec<(String, String)>,
    #[serde(rename = "capabilityArgs", default, skip_serializing_if = "Map::is_empty")]
    pub capability_args: Map<String, Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Value>,
}

impl CachedInfo {
    /// The configuration bytes, decoded.
    pub fn config_bytes(&self) -> Result<Vec<u8>, String> {
        base64::engine::general_purpose::STANDARD
            .decode(&self.config)
            .map_err(|e| format!("\"config\" is not base64: {e}"))
    }
}

/// What reading an entry found.
#[derive(Debug, Clone)]
pub enum Cached {
    /// No file: nothing was cached (or DEL already ran).
    Missing,
    /// A `cniCacheV1` entry, with its result parsed.
    Entry { info: Box<CachedInfo>, result: Option<CniResult> },
    /// libcni's legacy form: the file is a bare result.
    Legacy { result: CniResult },
    /// Something that is neither: an empty file after a crash, or junk.
    Corrupt { reason: String },
}

impl Cached {
    pub fn result(&self) -> Option<&CniResult> {
        match self {
            Cached::Entry { result, .. } => result.as_ref(),
            Cached::Legacy { result } => Some(result),
            Cached::Missing | Cached::Corrupt { .. } => None,
        }
    }
}

/// The cache rooted at a directory (`/var/lib/cni` by default).
#[derive(Debug, Clone)]
pub struct Cache {
    pub dir: PathBuf,
}

impl Cache {
    pub fn new(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    pub fn results_dir(&self) -> PathBuf {
        self.dir.join("results")
    }

    /// `<dir>/results/<network>-<containerID>-<ifname>`.
    pub fn path(&self, network: &str, container_id: &str, ifname: &str) -> PathBuf {
        self.results_dir().join(format!("{network}-{container_id}-{ifname}"))
    }

    /// Reads an entry, falling back to the legacy bare-result form as libcni does.
    pub fn read(&self, path: &Path, default_version: &str) -> std::io::Result<Cached> {
        let bytes = match fs::read(path) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Cached::Missing),
            Err(err) => return Err(err),
        };
        Ok(parse(&bytes, default_version))
    }

    /// Writes an entry atomically: a temporary file in the same directory (mode 0600),
    /// flushed to disk, then renamed over the entry. After a crash the entry is the old one
    /// or the new one, never empty; the directory itself is not flushed, which would only
    /// make the rename durable sooner and costs as much again.
    pub fn write(&self, path: &Path, info: &CachedInfo) -> std::io::Result<()> {
        let dir = path.parent().unwrap_or(Path::new("."));
        fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
        let mut tmp = tempfile::Builder::new().prefix(".cnictl-").tempfile_in(dir)?;
        // As libcni's `json.Marshal(&cached)`: the result and capability args are Go maps,
        // so their numbers are float64 and their keys sorted (see `entry`).
        let bytes = gojson::to_string(info, None, gojson::Numbers::Float64);
        tmp.write_all(bytes.as_bytes())?;
        tmp.as_file().sync_all()?;
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    }

    /// Removes an entry; a missing one is fine.
    pub fn remove(&self, path: &Path) -> std::io::Result<bool> {
        match fs::remove_file(path) {
            Ok(()) => Ok(true),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(err) => Err(err),
        }
    }
}

/// One file of `<cache-dir>/results`, whatever wrote it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub path: PathBuf,
    pub cached: Cached,
    pub size: u64,
    pub modified: Option<std::time::SystemTime>,
}

impl Entry {
    /// The `cniCacheV1` fields, when the entry has them.
    pub fn info(&self) -> Option<&CachedInfo> {
        match &self.cached {
            Cached::Entry { info, .. } => Some(info),
            _ => None,
        }
    }

    /// Whether the entry held nothing but whitespace.
    pub fn cached_is_blank(&self) -> bool {
        matches!(&self.cached, Cached::Corrupt { reason } if reason.starts_with("the file is empty"))
    }

    pub fn file_name(&self) -> String {
        self.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
    }

    /// Whether the entry belongs to `network` (and `container_id`, when given). Entries
    /// without fields (legacy, corrupt) are matched on their file name, as libcni's
    /// `<network>-<containerID>-<ifname>` naming allows.
    pub fn matches(&self, network: Option<&str>, container_id: Option<&str>) -> bool {
        match self.info() {
            Some(info) => {
                network.is_none_or(|n| info.network_name == n)
                    && container_id.is_none_or(|c| info.container_id == c)
            }
            None => {
                let name = self.file_name();
                network.is_none_or(|n| name.starts_with(&format!("{n}-")))
                    && container_id.is_none_or(|c| name.contains(&format!("-{c}-")))
            }
        }
    }
}

impl Cache {
    /// Every file in `results/`, sorted by name; a missing directory has none.
    pub fn entries(&self) -> std::io::Result<Vec<Entry>> {
        let dir = self.results_dir();
        let read = match fs::read_dir(&dir) {
            Ok(read) => read,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut entries = Vec::new();
        for item in read {
            let path = item?.path();
            if !path.is_file()
                || path.file_name().is_some_and(|n| n.to_string_lossy().starts_with(".cnictl-"))
            {
                continue;
            }
            let meta = fs::metadata(&path)?;
            let cached = match fs::read(&path) {
                Ok(bytes) => parse(&bytes, ""),
                Err(e) => Cached::Corrupt { reason: format!("unreadable: {e}") },
            };
            entries.push(Entry { path, cached, size: meta.len(), modified: meta.modified().ok() });
        }
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(entries)
    }
}

/// Builds the entry libcni writes after a successful ADD (`cacheAdd`): the result as libcni
/// holds it in the entry's map, and the capability args as the map they were decoded into.
pub fn entry(list_bytes: &[u8], network: &str, att: &Attachment, result: &CniResult) -> CachedInfo {
    CachedInfo {
        kind: KIND.to_string(),
        container_id: att.container_id.clone(),
        config: base64::engine::general_purpose::STANDARD.encode(list_bytes),
        if_name: att.ifname.clone(),
        network_name: network.to_string(),
        netns: att.netns.clone(),
        cni_args: att.args.clone(),
        capability_args: gojson::sorted_map(&att.capability_args),
        result: Some(result.to_libcni_map()),
    }
}

/// Interprets the bytes of an entry.
pub fn parse(bytes: &[u8], default_version: &str) -> Cached {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Cached::Corrupt { reason: "the file is empty (left by a crash or reboot?)".into() };
    }
    if let Ok(info) = serde_json::from_slice::<CachedInfo>(bytes) {
        if info.kind == KIND {
            let result = match &info.result {
                Some(value) => match CniResult::from_value(value, default_version) {
                    Ok(result) => Some(result),
                    Err(e) => return Cached::Corrupt { reason: format!("its result: {e}") },
                },
                None => None,
            };
            return Cached::Entry { info: Box::new(info), result };
        }
    }
    match serde_json::from_slice::<Value>(bytes) {
        Ok(value) if value.is_object() && value.get("kind").is_none() => {
            match CniResult::from_value(&value, default_version) {
                Ok(result) => Cached::Legacy { result },
                Err(e) => {
                    Cached::Corrupt { reason: format!("not a cache entry nor a result: {e}") }
                }
            }
        }
        Ok(value) => Cached::Corrupt {
            reason: format!(
                "unknown cache kind {}",
                value.get("kind").map(Value::to_string).unwrap_or_else(|| "(none)".into())
            ),
        },
        Err(e) => Cached::Corrupt { reason: format!("not JSON: {e}") },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn result() -> CniResult {
        CniResult::from_value(&json!({"cniVersion":"1.0.0","ips":[{"address":"10.4.0.2/24"}]}), "")
            .unwrap()
    }

    /// Found by the cache_entry fuzz target: a large number in a capability argument read
    /// back as another number once written (serde_json's fast float parsing is not
    /// correctly rounded; the `float_roundtrip` feature is, as Go's parser is).
    #[test]
    fn numbers_in_an_entry_read_back_unchanged() {
        let text = br#"{"kind":"cniCacheV1","containerId":"c","config":"e30=","ifName":"eth0","networkName":"n","netns":"/x","capabilityArgs":{"portMappings":[{"containerPort":2222222222222222222222222222222222222222280,"hostPort":0.1}]}}"#;
        let Cached::Entry { info, .. } = parse(text, "1.0.0") else { panic!("not an entry") };
        let again = serde_json::to_vec(&info).unwrap();
        let Cached::Entry { info: back, .. } = parse(&again, "1.0.0") else { panic!("lost") };
        assert_eq!(info, back);
    }

    #[test]
    fn writes_libcni_format_with_private_modes() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let path = cache.path("net", "cnitool-0011", "eth0");
        let mut caps = Map::new();
        caps.insert("portMappings".into(), json!([{"hostPort": 80}]));
        let att = Attachment {
            container_id: "cnitool-0011".into(),
            netns: "/run/netns/x".into(),
            ifname: "eth0".into(),
            args: vec![("IgnoreUnknown".to_string(), "1".to_string())],
            capability_args: caps,
        };
        let info = entry(b"{\"name\":\"net\"}", "net", &att, &result());
        cache.write(&path, &info).unwrap();
        assert_eq!(path, dir.path().join("results/net-cnitool-0011-eth0"));
        let text: Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        assert_eq!(text["kind"], "cniCacheV1");
        assert_eq!(text["config"], "eyJuYW1lIjoibmV0In0=");
        assert_eq!(text["cniArgs"], json!([["IgnoreUnknown", "1"]]));
        assert_eq!(text["result"]["ips"][0]["address"], "10.4.0.2/24");
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&cache.results_dir()), 0o700);
        let back = cache.read(&path, "1.0.0").unwrap();
        assert!(
            matches!(&back, Cached::Entry { info, .. } if info.config_bytes().unwrap() == b"{\"name\":\"net\"}")
        );
        assert_eq!(back.result(), Some(&result()));
        assert!(cache.remove(&path).unwrap());
        assert!(matches!(cache.read(&path, "1.0.0").unwrap(), Cached::Missing));
    }

    #[test]
    fn writes_the_bytes_libcni_writes() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let path = cache.path("net", "c1", "eth0");
        let caps: Value = serde_json::from_str(
            r#"{"portMappings":[{"hostPort":8080,"containerPort":80.0,"protocol":"tcp"}],"bandwidth":{"ingressRate":1e6}}"#,
        )
        .unwrap();
        let att = Attachment {
            container_id: "c1".into(),
            netns: "/run/netns/a&b".into(),
            ifname: "eth0".into(),
            args: vec![("K".to_string(), "v".to_string())],
            capability_args: caps.as_object().unwrap().clone(),
        };
        let result = CniResult::from_value(
            &json!({"cniVersion":"1.0.0","interfaces":[{"name":"eth0","mac":"02:00:00:00:00:01"}],
                    "ips":[{"interface":0,"address":"10.4.0.2/24"}],"dns":{}}),
            "",
        )
        .unwrap();
        cache.write(&path, &entry(b"{}", "net", &att, &result)).unwrap();
        let expected = concat!(
            r#"{"kind":"cniCacheV1","containerId":"c1","config":"e30=","ifName":"eth0","#,
            r#""networkName":"net","netns":"/run/netns/a\u0026b","cniArgs":[["K","v"]],"#,
            r#""capabilityArgs":{"bandwidth":{"ingressRate":1000000},"portMappings":"#,
            r#"[{"containerPort":80,"hostPort":8080,"protocol":"tcp"}]},"#,
            r#""result":{"cniVersion":"1.0.0","interfaces":[{"mac":"02:00:00:00:00:01","name":"eth0"}],"#,
            r#""ips":[{"address":"10.4.0.2/24","interface":0}]}}"#
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), expected);
    }

    #[test]
    fn reads_legacy_and_flags_corrupt_entries() {
        let legacy = br#"{"cniVersion":"0.4.0","ips":[{"version":"4","address":"10.5.0.2/24"}]}"#;
        assert!(matches!(parse(legacy, "0.4.0"), Cached::Legacy { .. }));
        assert!(matches!(parse(b"", "0.4.0"), Cached::Corrupt { .. }));
        assert!(matches!(parse(b"{\"kind\":\"cniCacheV9\"}", "0.4.0"), Cached::Corrupt { .. }));
        assert!(matches!(parse(b"{trunc", "0.4.0"), Cached::Corrupt { .. }));
    }
}
