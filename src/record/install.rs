//! Making and removing shim directories, and saying what is installed. The marker is
//! written before the first link and removed after the last, so a link never exists
//! without the marker that makes it a shim. Uninstall removes only the links the marker
//! lists, and only while they still point at cnictl; the log stays.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use super::{log, Marker, MARKER};
use crate::exit::{EnvironmentError, UsageError};
use crate::report::record::{
    Installed, LinkState, LogSummary, RuntimeHint, StatusReport, UninstallReport,
};

/// What `record install` was asked for.
pub struct Options {
    pub shim_dir: PathBuf,
    pub log_dir: PathBuf,
    pub bin_dirs: Vec<PathBuf>,
    pub redact: bool,
    pub redact_keys: Vec<String>,
    pub stream_cap: u64,
    pub log_cap: u64,
    pub keep: u32,
    /// The configuration directory, where a Multus configuration would be.
    pub conf_dir: PathBuf,
}

/// The plugins of the bin dirs, first name wins as in a lookup: executables that are not
/// hidden, in directories that are not shim directories.
pub fn plugins(bin_dirs: &[PathBuf]) -> Vec<(String, PathBuf)> {
    let mut found: Vec<(String, PathBuf)> = Vec::new();
    for dir in bin_dirs {
        if dir.join(MARKER).exists() {
            continue;
        }
        let Ok(entries) = fs::read_dir(dir) else {
            continue;
        };
        let mut names: Vec<(String, PathBuf)> = entries
            .flatten()
            .filter_map(|e| Some((e.file_name().to_str()?.to_string(), e.path())))
            .filter(|(name, _)| !name.starts_with('.') && name != "cnictl" && name != "cnitool")
            .filter(|(_, path)| {
                fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
            })
            .collect();
        names.sort();
        for (name, path) in names {
            if !found.iter().any(|(n, _)| *n == name) {
                found.push((name, path));
            }
        }
    }
    found
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Makes (or remakes) a shim directory. Returns the marker written and the plugins linked.
pub fn install(opts: &Options) -> Result<(Marker, Vec<(String, PathBuf)>)> {
    if let Some(dir) = opts.bin_dirs.iter().find(|d| same_dir(d, &opts.shim_dir)) {
        return Err(UsageError(format!(
            "the shim dir {} is one of the bin dirs ({}): the shims would call themselves; \
             give the real plugin dirs with --cni-bin-dir",
            opts.shim_dir.display(),
            dir.display()
        ))
        .into());
    }
    let previous = Marker::read(&opts.shim_dir).ok();
    if previous.is_none() && fs::read_dir(&opts.shim_dir).is_ok_and(|mut d| d.next().is_some()) {
        return Err(UsageError(format!(
            "{} is not empty and is no shim dir (it has no {MARKER}): choose an empty or new \
             directory",
            opts.shim_dir.display()
        ))
        .into());
    }
    let plugins = plugins(&opts.bin_dirs);
    if plugins.is_empty() {
        let dirs: Vec<String> = opts.bin_dirs.iter().map(|d| d.display().to_string()).collect();
        return Err(EnvironmentError(format!(
            "no plugins in {}: point --cni-bin-dir at the directories the runtime uses",
            dirs.join(":")
        ))
        .into());
    }
    let cnictl = std::env::current_exe()
        .and_then(fs::canonicalize)
        .context("finding the cnictl binary the shims link to")?;
    // A name that is there but no link of ours would be overwritten: refuse first.
    for (name, _) in &plugins {
        let path = opts.shim_dir.join(name);
        let ours = previous.as_ref().is_some_and(|m| m.links.contains(name));
        if !ours && fs::symlink_metadata(&path).is_ok() {
            return Err(UsageError(format!(
                "{} exists and was not made by record install: remove it first",
                path.display()
            ))
            .into());
        }
    }
    fs::create_dir_all(&opts.shim_dir)
        .with_context(|| format!("creating the shim dir {}", opts.shim_dir.display()))?;
    fs::create_dir_all(&opts.log_dir)
        .with_context(|| format!("creating the log dir {}", opts.log_dir.display()))?;
    fs::set_permissions(&opts.log_dir, fs::Permissions::from_mode(0o700))
        .with_context(|| format!("making {} private (0700)", opts.log_dir.display()))?;
    let mut links: Vec<String> = plugins.iter().map(|(n, _)| n.clone()).collect();
    // Links of an earlier install whose plugin went stay listed until removed below.
    let stale: Vec<String> = previous
        .as_ref()
        .map(|m| m.links.iter().filter(|l| !links.contains(l)).cloned().collect())
        .unwrap_or_default();
    links.extend(stale.iter().cloned());
    let marker = Marker {
        version: 1,
        bin_dirs: opts.bin_dirs.clone(),
        log_dir: opts.log_dir.clone(),
        cnictl: cnictl.clone(),
        links,
        stream_cap: opts.stream_cap,
        log_cap: opts.log_cap,
        keep: opts.keep,
        redact: opts.redact,
        redact_keys: opts.redact_keys.clone(),
    };
    write_marker(&opts.shim_dir, &marker)?;
    for (name, _) in &plugins {
        let path = opts.shim_dir.join(name);
        if is_our_link(&path, &cnictl) {
            continue;
        }
        let _ = fs::remove_file(&path);
        std::os::unix::fs::symlink(&cnictl, &path)
            .with_context(|| format!("linking {} to {}", path.display(), cnictl.display()))?;
    }
    let mut marker = marker;
    for name in &stale {
        remove_link(&opts.shim_dir.join(name), &cnictl);
    }
    marker.links.retain(|l| !stale.contains(l));
    write_marker(&opts.shim_dir, &marker)?;
    Ok((marker, plugins))
}

fn write_marker(dir: &Path, marker: &Marker) -> Result<()> {
    let path = dir.join(MARKER);
    let tmp = dir.join(format!("{MARKER}.tmp.{}", std::process::id()));
    let mut text = serde_json::to_vec_pretty(marker)?;
    text.push(b'\n');
    fs::write(&tmp, text).with_context(|| format!("writing {}", tmp.display()))?;
    fs::set_permissions(&tmp, fs::Permissions::from_mode(0o644))?;
    fs::rename(&tmp, &path).with_context(|| format!("writing {}", path.display()))
}

fn is_our_link(path: &Path, cnictl: &Path) -> bool {
    fs::read_link(path).is_ok_and(|target| target == cnictl)
}

fn remove_link(path: &Path, cnictl: &Path) -> bool {
    is_our_link(path, cnictl) && fs::remove_file(path).is_ok()
}

/// Removes what install made: its links (while they still point at cnictl), the marker,
/// and the directory when nothing else is left in it. The log is kept.
pub fn uninstall(shim_dir: &Path) -> Result<UninstallReport> {
    let marker = Marker::read(shim_dir).map_err(|e| {
        UsageError(format!(
            "{} is not a shim dir ({MARKER}: {e}): nothing to uninstall",
            shim_dir.display()
        ))
    })?;
    let mut removed = Vec::new();
    let mut kept = Vec::new();
    for name in &marker.links {
        let path = shim_dir.join(name);
        if remove_link(&path, &marker.cnictl) {
            removed.push(name.clone());
        } else if fs::symlink_metadata(&path).is_ok() {
            kept.push(format!("{name}: no longer a link to {}", marker.cnictl.display()));
        }
    }
    fs::remove_file(shim_dir.join(MARKER))
        .with_context(|| format!("removing {}", shim_dir.join(MARKER).display()))?;
    let dir_removed = fs::remove_dir(shim_dir).is_ok();
    Ok(UninstallReport {
        command: "record uninstall",
        shim_dir: shim_dir.to_path_buf(),
        removed,
        kept,
        dir_removed,
        log_dir: marker.log_dir,
    })
}

/// What is installed in a shim directory, and what its log holds.
pub fn status(shim_dir: &Path, log_dir: Option<&Path>) -> StatusReport {
    let marker = Marker::read(shim_dir).ok();
    let installed = marker.as_ref().map(|m| {
        let links = m
            .links
            .iter()
            .map(|name| {
                let path = shim_dir.join(name);
                let state = if !is_our_link(&path, &m.cnictl) {
                    LinkState::Gone
                } else if super::shim::find_plugin(&m.bin_dirs, shim_dir, name).is_none() {
                    LinkState::NoPlugin
                } else {
                    LinkState::Ok
                };
                (name.clone(), state)
            })
            .collect();
        let unlinked = plugins(&m.bin_dirs)
            .into_iter()
            .map(|(name, _)| name)
            .filter(|name| !m.links.contains(name))
            .collect();
        Installed { marker: m.clone(), links, unlinked }
    });
    let log_dir = log_dir
        .map(Path::to_path_buf)
        .or_else(|| marker.as_ref().map(|m| m.log_dir.clone()))
        .unwrap_or_else(|| PathBuf::from(super::DEFAULT_LOG_DIR));
    StatusReport {
        command: "record status",
        shim_dir: shim_dir.to_path_buf(),
        installed,
        log: log_summary(&log_dir),
    }
}

pub fn log_summary(dir: &Path) -> LogSummary {
    let files: Vec<(PathBuf, u64)> = log::files(dir)
        .into_iter()
        .map(|p| {
            let size = fs::metadata(&p).map(|m| m.len()).unwrap_or(0);
            (p, size)
        })
        .collect();
    let (records, broken) = match log::read(dir) {
        Ok(read) => (read.records.len(), read.broken.len()),
        Err(_) => (0, 0),
    };
    let problems_path = dir.join(log::PROBLEMS_FILE);
    let problems: Vec<String> = fs::read_to_string(&problems_path)
        .map(|t| t.lines().rev().take(5).map(String::from).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .rev()
        .collect();
    LogSummary {
        dir: dir.to_path_buf(),
        exists: dir.is_dir(),
        bytes: files.iter().map(|(_, s)| s).sum(),
        files: files.into_iter().map(|(p, _)| p).collect(),
        records,
        broken,
        problems,
    }
}

/// The configuration line to change for each runtime this node has (or, when it has
/// none of them, for each runtime cnictl knows).
pub fn runtime_hints(shim_dir: &Path, bin_dirs: &[PathBuf], conf_dir: &Path) -> Vec<RuntimeHint> {
    let mut dirs = vec![shim_dir.display().to_string()];
    dirs.extend(bin_dirs.iter().map(|d| d.display().to_string()));
    let list = dirs.iter().map(|d| format!("{d:?}")).collect::<Vec<_>>().join(", ");
    let shim = format!("{:?}", shim_dir.display().to_string());
    let exists = |p: &str| Path::new(p).exists();
    let mut hints = Vec::new();
    let containerd = "/etc/containerd/config.toml";
    let v3 = fs::read_to_string(containerd).is_ok_and(|t| t.contains("version = 3"));
    hints.push(if v3 {
        RuntimeHint {
            runtime: "containerd 2.x",
            file: containerd.into(),
            found: true,
            section: "[plugins.\"io.containerd.cri.v1.runtime\".cni]".into(),
            line: format!("bin_dirs = [{list}]"),
        }
    } else {
        RuntimeHint {
            runtime: "containerd",
            file: containerd.into(),
            found: exists(containerd),
            section: "[plugins.\"io.containerd.grpc.v1.cri\".cni]".into(),
            // containerd 1.x takes one directory: the shims find the real plugins
            // themselves, and delegated IPAM comes back through this one.
            line: format!("bin_dir = {shim}"),
        }
    });
    let crio = ["/etc/crio/crio.conf", "/etc/crio/crio.conf.d"];
    hints.push(RuntimeHint {
        runtime: "CRI-O",
        file: crio.iter().find(|p| exists(p)).unwrap_or(&crio[0]).into(),
        found: crio.iter().any(|p| exists(p)),
        section: "[crio.network]".into(),
        line: format!("plugin_dirs = [{list}]"),
    });
    let podman = ["/etc/containers/containers.conf", "/usr/share/containers/containers.conf"];
    hints.push(RuntimeHint {
        runtime: "podman",
        // Changes go in /etc; the packaged defaults in /usr/share are only read.
        file: podman[0].into(),
        found: podman.iter().any(|p| exists(p)),
        section: "[network]".into(),
        line: format!("cni_plugin_dirs = [{list}]"),
    });
    let multus = fs::read_dir(conf_dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("multus"));
    hints.push(RuntimeHint {
        runtime: "Multus",
        found: multus.is_some(),
        file: multus.unwrap_or_else(|| conf_dir.join("00-multus.conf")),
        section: "(the top-level object)".into(),
        line: format!("\"binDir\": {shim}"),
    });
    if hints.iter().any(|h| h.found) {
        hints.retain(|h| h.found);
    }
    hints
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plugins_are_the_executables_first_name_wins_and_shim_dirs_are_skipped() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let shims = tempfile::tempdir().unwrap();
        let exe = |dir: &Path, name: &str, mode: u32| {
            let p = dir.join(name);
            fs::write(&p, "#!/bin/true\n").unwrap();
            fs::set_permissions(&p, fs::Permissions::from_mode(mode)).unwrap();
        };
        exe(a.path(), "ptp", 0o755);
        exe(a.path(), "notes.txt", 0o644);
        exe(a.path(), ".hidden", 0o755);
        exe(b.path(), "ptp", 0o755);
        exe(b.path(), "bridge", 0o755);
        exe(shims.path(), "vlan", 0o755);
        fs::write(shims.path().join(MARKER), "{}").unwrap();
        let dirs = vec![a.path().into(), b.path().into(), shims.path().into()];
        let found = plugins(&dirs);
        let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["ptp", "bridge"]);
        assert_eq!(found[0].1, a.path().join("ptp"));
    }
}
