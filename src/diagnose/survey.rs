//! A configuration directory, explained: every file the runtimes consider, how each loads,
//! its status, and the default network as containerd (go-cni), CRI-O (ocicni), the old
//! kubelet (dockershim) and libcni would each pick it. The runtimes disagree on the same
//! directory (libcni-behaviour.md section 3.4); this is where that becomes visible.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;

use crate::config::quick::Summary;
use crate::config::ConfigError;
use crate::exec::chain::probe_version;
use crate::exec::Runner;

/// The extensions every runtime considers.
pub const EXTENSIONS: [&str; 3] = ["conf", "conflist", "json"];

/// What a plugin binary said to VERSION (or why it could not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Probe {
    Versions(Vec<String>),
    Missing(String),
    Failed(String),
    /// `--offline`: not asked.
    Skipped,
}

/// Finds plugin binaries and asks each VERSION once.
pub struct Prober<'a> {
    runner: &'a (dyn Runner + Sync),
    offline: bool,
    cache: HashMap<String, Probe>,
}

impl<'a> Prober<'a> {
    pub fn new(runner: &'a (dyn Runner + Sync), offline: bool) -> Prober<'a> {
        Prober { runner, offline, cache: HashMap::new() }
    }

    pub fn offline(&self) -> bool {
        self.offline
    }

    /// Asks every given plugin VERSION at once, each on its own thread (VERSION calls are
    /// process starts, and a directory names only a handful of plugin types), doing `work`
    /// on this thread meanwhile.
    pub fn prefetch_while<R>(
        &mut self,
        types: impl IntoIterator<Item = String>,
        work: impl FnOnce() -> R,
    ) -> R {
        let mut wanted: Vec<String> =
            types.into_iter().filter(|t| !self.cache.contains_key(t)).collect();
        wanted.sort();
        wanted.dedup();
        let runner = self.runner;
        let offline = self.offline;
        let (result, found): (R, Vec<(String, Probe)>) = std::thread::scope(|scope| {
            let asks: Vec<_> = wanted
                .into_iter()
                .map(|t| {
                    scope.spawn(move || {
                        let probe = Self::ask(runner, offline, &t);
                        (t, probe)
                    })
                })
                .collect();
            let result = work();
            (result, asks.into_iter().filter_map(|a| a.join().ok()).collect())
        });
        self.cache.extend(found);
        result
    }

    fn ask(runner: &dyn Runner, offline: bool, plugin_type: &str) -> Probe {
        match runner.find(plugin_type) {
            Err(e) => Probe::Missing(e.to_string()),
            Ok(_) if offline => Probe::Skipped,
            Ok(path) => match probe_version(runner, plugin_type, path).0 {
                Ok(versions) => Probe::Versions(versions),
                Err(e) => Probe::Failed(e.to_string()),
            },
        }
    }

    pub fn probe(&mut self, plugin_type: &str) -> Probe {
        if let Some(known) = self.cache.get(plugin_type) {
            return known.clone();
        }
        let probe = Self::ask(self.runner, self.offline, plugin_type);
        self.cache.insert(plugin_type.to_string(), probe.clone());
        probe
    }

    /// Why a loaded list cannot run here: a binary missing, or a version not supported.
    /// Each problem says whether it is about a delegated IPAM plugin: libcni's
    /// `ValidateNetworkList`, which CRI-O and the kubelet use, checks only `type`.
    pub fn problems(&mut self, list: &Summary) -> Vec<Problem> {
        let mut problems = Vec::new();
        let wanted = crate::spec::version::Version::effective(&list.cni_version);
        for plugin in &list.plugins {
            let types = std::iter::once((&plugin.plugin_type, false))
                .chain(plugin.ipam.as_ref().map(|t| (t, true)));
            for (t, ipam) in types {
                // Probes are cached by type: look up without cloning the name.
                let probe = match self.cache.get(t.as_str()) {
                    Some(probe) => probe.clone(),
                    None => self.probe(t),
                };
                let (status, why) = match probe {
                    Probe::Missing(_) => {
                        ("plugin-missing", format!("plugin {t} is not in the bin dirs"))
                    }
                    Probe::Failed(why) => {
                        ("version-unsupported", format!("{t} did not answer VERSION: {why}"))
                    }
                    Probe::Versions(v) if !v.iter().any(|x| x == wanted) => (
                        "version-unsupported",
                        format!(
                            "{t} supports {} but not {}",
                            v.join(", "),
                            display_version(&list.cni_version)
                        ),
                    ),
                    Probe::Versions(_) | Probe::Skipped => continue,
                };
                problems.push(Problem { status, why, ipam });
            }
        }
        problems
    }
}

/// Why a list cannot run on this node.
#[derive(Debug, Clone)]
pub struct Problem {
    pub status: &'static str,
    pub why: String,
    /// About a delegated IPAM plugin, which the runtimes' validation does not check.
    pub ipam: bool,
}

fn display_version(v: &str) -> &str {
    if v.is_empty() {
        "(none: 0.1.0)"
    } else {
        v
    }
}

/// One file of the directory.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FileReport {
    /// 1-based position in the order the runtimes read files (bytewise).
    pub position: usize,
    pub file: PathBuf,
    pub extension: String,
    /// What the content is: "list", "single" or "invalid".
    pub body: &'static str,
    /// A list body in a .conf/.json file, or a single-plugin body in a .conflist.
    pub mismatch: Option<String>,
    pub network: Option<String>,
    pub cni_version: Option<String>,
    /// Plugin types, with their IPAM types: `bridge(host-local)`.
    pub plugins: Vec<String>,
    pub drop_ins: Vec<PathBuf>,
    /// "ok", "invalid", "shadowed", "plugin-missing", "version-unsupported", or for a file
    /// that would otherwise be "ok", lint's worst finding: "warnings" or "errors".
    pub status: &'static str,
    pub reason: Option<String>,
    /// For a file that loads, lint's verdict on it: "ok", "warnings" or "errors" (whatever
    /// its status).
    pub lint: Option<&'static str>,
    #[serde(skip)]
    pub list: Option<Summary>,
    /// Why the runtimes' own validation (plugin types only) refuses it, if it does.
    #[serde(skip)]
    pub unrunnable: Option<&'static str>,
}

/// The default network as one runtime would pick it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuntimePick {
    /// "containerd", "cri-o", "kubelet-dockershim", "libcni".
    pub runtime: &'static str,
    pub network: Option<String>,
    pub file: Option<PathBuf>,
    /// The networks it loads, in order (containerd with max_conf_num > 1, CRI-O).
    pub loaded: Vec<String>,
    pub reason: String,
}

/// The runtimes' settings that change their pick.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// containerd's `max_conf_num` (CRI default 1; 0 loads every file).
    pub max_conf_num: usize,
    /// CRI-O's `cni_default_network`.
    pub default_network: Option<String>,
}

/// The whole directory.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Survey {
    pub dir: PathBuf,
    pub files: Vec<FileReport>,
    /// Files in the directory no runtime reads (other extensions).
    pub ignored: Vec<PathBuf>,
    pub picks: Vec<RuntimePick>,
    /// VERSION was not asked (`--offline`).
    pub offline: bool,
}

/// What the content of a parsed file looks like.
pub fn body_kind(value: &Value) -> &'static str {
    match value {
        Value::Object(map) if map.contains_key("plugins") && !map.contains_key("type") => "list",
        Value::Object(map) if map.contains_key("type") => "single",
        Value::Object(map) if map.contains_key("plugins") => "list",
        Value::Object(_) => "single",
        _ => "invalid",
    }
}

/// The mismatch between an extension and the content, if any.
pub fn mismatch(extension: &str, body: &str) -> Option<String> {
    match (extension, body) {
        ("conf" | "json", "list") => Some(format!(
            "a configuration list in a .{extension} file: every runtime reads it as a single plugin \
             and fails (\"missing 'type'\"); rename it to .conflist"
        )),
        ("conflist", "single") => Some(
            "a single-plugin configuration in a .conflist file: it has no \"plugins\" list; rename \
             it to .conf, or wrap it in {\"name\": ..., \"plugins\": [...]}"
                .into(),
        ),
        _ => None,
    }
}

/// An error message on one line: a hint on its own line goes in parentheses.
fn one_line(message: &str) -> String {
    let mut lines = message.lines().map(str::trim);
    let first = lines.next().unwrap_or_default().to_string();
    lines.fold(first, |acc, more| format!("{acc} ({more})"))
}

fn labels(list: &Summary) -> Vec<String> {
    list.plugins
        .iter()
        .map(|p| match &p.ipam {
            Some(ipam) => format!("{}({ipam})", p.plugin_type),
            None => p.plugin_type.clone(),
        })
        .collect()
}

/// A report per file, with shadowing in libcni's lookup order.
fn reports(
    listing: &crate::config::Listing,
    loaded: Vec<Result<Summary, ConfigError>>,
) -> Vec<FileReport> {
    let mut files = Vec::with_capacity(loaded.len());
    for (i, (path, result)) in listing.files.iter().zip(loaded).enumerate() {
        let extension =
            path.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
        let mut report = FileReport {
            position: i + 1,
            file: path.clone(),
            extension: extension.clone(),
            body: "invalid",
            mismatch: None,
            network: None,
            cni_version: None,
            plugins: Vec::new(),
            drop_ins: Vec::new(),
            status: "ok",
            reason: None,
            lint: None,
            list: None,
            unrunnable: None,
        };
        match result {
            Ok(list) => {
                report.body = match list.format {
                    crate::config::Format::Conflist => "list",
                    crate::config::Format::Conf => "single",
                };
                report.network = Some(list.name.clone());
                report.cni_version = Some(list.cni_version.clone());
                report.plugins = labels(&list);
                report.drop_ins = list.drop_ins.clone();
                report.list = Some(list);
            }
            Err(e) => {
                // Only a file that does not load is read again, to tell what it holds.
                let parsed: Option<Value> = crate::config::read_file(path)
                    .ok()
                    .and_then(|b| serde_json::from_slice(&b).ok());
                report.body = parsed.as_ref().map(body_kind).unwrap_or("invalid");
                report.network = parsed
                    .as_ref()
                    .and_then(|v| v.get("name"))
                    .and_then(Value::as_str)
                    .map(str::to_string);
                report.status = "invalid";
                report.reason = Some(one_line(&e.to_string()));
            }
        }
        report.mismatch = mismatch(&extension, report.body);
        files.push(report);
    }

    // Shadowing, in libcni's lookup order: lists first, then single-plugin files.
    let order = (0..files.len())
        .filter(|&i| files[i].extension == "conflist")
        .chain((0..files.len()).filter(|&i| files[i].extension != "conflist"));
    let mut first_by_name: HashMap<&str, usize> = HashMap::with_capacity(files.len());
    let mut shadowed = Vec::new();
    for i in order {
        let Some(list) = files[i].list.as_ref() else { continue };
        match first_by_name.get(list.name.as_str()) {
            Some(&first) => shadowed.push((i, first)),
            None => {
                first_by_name.insert(&list.name, i);
            }
        }
    }
    drop(first_by_name);
    for (i, first) in shadowed {
        let first = name_of(&files[first]);
        let file = &mut files[i];
        let name = file.list.as_ref().map(|l| l.name.as_str()).unwrap_or_default();
        file.reason =
            Some(format!("network {name:?} is also in {first}, which libcni finds first"));
        file.status = "shadowed";
    }
    files
}

/// Surveys a directory.
pub fn survey(dir: &Path, prober: &mut Prober, settings: &Settings) -> Result<Survey, ConfigError> {
    let listing = crate::config::Listing::read(dir, &EXTENSIONS)?;
    let loaded = listing.summaries(&listing.files);
    // The plugins are asked VERSION while the reports are built.
    let types: std::collections::HashSet<&str> = loaded
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .flat_map(|l| l.plugins.iter())
        .flat_map(|p| std::iter::once(p.plugin_type.as_str()).chain(p.ipam.as_deref()))
        .collect();
    let types: Vec<String> = types.into_iter().map(str::to_string).collect();
    // And each file that loads is linted meanwhile, so that its status is lint's too.
    let (mut files, verdicts) = prober.prefetch_while(types, || {
        let files = reports(&listing, loaded);
        let named: Vec<(&Path, Option<&str>)> = files
            .iter()
            .map(|f| (f.file.as_path(), f.list.as_ref().map(|l| l.name.as_str())))
            .collect();
        let verdicts = super::verdict::verdicts(&named);
        (files, verdicts)
    });
    for (file, verdict) in files.iter_mut().zip(verdicts) {
        let Some(list) = file.list.as_ref() else { continue };
        let problems = prober.problems(list);
        file.unrunnable = problems.iter().find(|p| !p.ipam).map(|p| p.status);
        if let (Some(first), "ok") = (problems.first(), file.status) {
            file.status = first.status;
            file.reason =
                Some(problems.iter().map(|p| p.why.clone()).collect::<Vec<_>>().join("; "));
        }
        let Some(verdict) = verdict else { continue };
        file.lint = Some(verdict.status());
        if file.status == "ok" && verdict.status() != "ok" {
            file.status = verdict.status();
            file.reason = verdict.reason();
        }
    }

    let picks = vec![
        containerd(&files, settings),
        crio(&files, prober.offline(), settings),
        kubelet(&files),
        libcni(&files),
    ];
    Ok(Survey {
        dir: dir.to_path_buf(),
        files,
        ignored: listing.ignored.clone(),
        picks,
        offline: prober.offline(),
    })
}

fn name_of(file: &FileReport) -> String {
    file.file.file_name().unwrap_or_default().to_string_lossy().into_owned()
}

/// go-cni's `loadFromConfDir`: files in order until `max_conf_num` have loaded; a file that
/// does not load before that aborts everything.
fn containerd(files: &[FileReport], settings: &Settings) -> RuntimePick {
    let wanted = if settings.max_conf_num == 0 { usize::MAX } else { settings.max_conf_num };
    let mut loaded = Vec::new();
    let mut first: Option<&FileReport> = None;
    for file in files {
        if loaded.len() >= wanted {
            break;
        }
        let Some(list) = &file.list else {
            return RuntimePick {
                runtime: "containerd",
                network: None,
                file: None,
                loaded: Vec::new(),
                reason: format!(
                    "{} does not load and aborts the whole load, so the node reports \"cni plugin not \
                     initialized\": {}",
                    name_of(file),
                    file.reason.as_deref().unwrap_or("invalid")
                ),
            };
        };
        first.get_or_insert(file);
        loaded.push(list.name.clone());
    }
    match first {
        None => RuntimePick {
            runtime: "containerd",
            network: None,
            file: None,
            loaded,
            reason: "no configuration files: \"cni plugin not initialized\"".into(),
        },
        Some(file) => RuntimePick {
            runtime: "containerd",
            network: loaded.first().cloned(),
            file: Some(file.file.clone()),
            reason: format!(
                "the first file in order, {}; max_conf_num {} loads {} ({}); binaries and versions are \
                 not checked until a pod starts",
                name_of(file),
                settings.max_conf_num,
                loaded.len(),
                if settings.max_conf_num == 0 { "0 means all" } else { "eth0, eth1, ... in this order" }
            ),
            loaded,
        },
    }
}

/// ocicni's `loadNetworks`: bad files are skipped, lists whose plugins are missing or lack
/// the version are skipped, the first of two files with one name wins; the default is
/// `cni_default_network`, else the first valid file.
fn crio(files: &[FileReport], offline: bool, settings: &Settings) -> RuntimePick {
    let mut valid: Vec<(String, &FileReport)> = Vec::new();
    let mut names = std::collections::HashSet::new();
    let mut skipped = Vec::new();
    for file in files {
        let Some(list) = &file.list else {
            skipped.push(format!("{} (invalid)", name_of(file)));
            continue;
        };
        if file.unrunnable.is_some() {
            skipped.push(format!("{} ({})", name_of(file), file.status));
            continue;
        }
        // ocicni names an unnamed network after its file.
        let name = if list.name.is_empty() { name_of(file) } else { list.name.clone() };
        if names.insert(name.clone()) {
            valid.push((name, file));
        }
    }
    let loaded: Vec<String> = valid.iter().map(|(n, _)| n.clone()).collect();
    let skipped_note = if skipped.is_empty() {
        String::new()
    } else {
        format!("; skipped {}", skipped.join(", "))
    };
    let checked = if offline { " (binaries found; VERSION not asked: --offline)" } else { "" };
    let (network, file, reason) = match &settings.default_network {
        Some(wanted) => match valid.iter().find(|(n, _)| n == wanted) {
            Some((n, f)) => {
                (Some(n.clone()), Some(f.file.clone()), format!("cni_default_network = {wanted:?}, in {}{checked}", name_of(f)))
            }
            None => (
                None,
                None,
                format!("cni_default_network = {wanted:?} is not among the valid networks: pods fail to start{skipped_note}"),
            ),
        },
        None => match valid.first() {
            Some((n, f)) => (Some(n.clone()), Some(f.file.clone()), format!("the first valid file, {}{checked}{skipped_note}", name_of(f))),
            None => (None, None, format!("no valid network{skipped_note}")),
        },
    };
    RuntimePick { runtime: "cri-o", network, file, loaded, reason }
}

/// The kubelet's dockershim (Kubernetes up to 1.23): the first file that loads; errors are
/// only warnings.
fn kubelet(files: &[FileReport]) -> RuntimePick {
    // Since Kubernetes 1.16 (kubernetes#80482) the dockershim kubelet also validates each
    // list (binaries present, version spoken) before taking it.
    let mut skipped = Vec::new();
    let mut first = None;
    for f in files {
        match &f.list {
            None if f.body == "list" && f.extension != "conflist" => {
                skipped.push(format!("{} (no 'type'; perhaps this is a .conflist?)", name_of(f)))
            }
            None => skipped.push(format!("{} (invalid)", name_of(f))),
            Some(_) => match f.unrunnable {
                Some(status) => skipped.push(format!("{} ({status})", name_of(f))),
                None => {
                    first = Some(f);
                    break;
                }
            },
        }
    }
    let skipped_note = if skipped.is_empty() {
        String::new()
    } else {
        format!("; skipped {}", skipped.join(", "))
    };
    RuntimePick {
        runtime: "kubelet-dockershim",
        network: first.and_then(|f| f.list.as_ref()).map(|l| l.name.clone()),
        file: first.map(|f| f.file.clone()),
        loaded: Vec::new(),
        reason: match first {
            Some(f) => {
                format!("the first file that loads and validates, {}{skipped_note}", name_of(f))
            }
            None => format!("no file loads and validates{skipped_note}"),
        },
    }
}

/// libcni and cnitool look networks up by name; there is no default. A file that does not
/// load breaks the lookup of every name in files after it.
fn libcni(files: &[FileReport]) -> RuntimePick {
    let lists = files.iter().filter(|f| f.extension == "conflist");
    let singles = files.iter().filter(|f| f.extension != "conflist");
    let broken = lists.chain(singles).find(|f| f.list.is_none());
    RuntimePick {
        runtime: "libcni",
        network: None,
        file: broken.map(|f| f.file.clone()),
        loaded: Vec::new(),
        reason: match broken {
            Some(f) => format!(
                "by name only (cnitool, runtimes' per-name lookups); {} does not load, so looking up any \
                 network that libcni reaches after it fails",
                name_of(f)
            ),
            None => "by name only (cnitool, runtimes' per-name lookups): .conflist files first, then .conf \
                     and .json, the first with the name wins"
                .into(),
        },
    }
}
