//! `conf lint` of what is on disk: a file, or every file of a directory. Each file's text
//! is linted (`lint`), then loaded as the runtimes load it; a file that loads has its
//! plugin binaries checked (present, and speaking its version), and a directory gets its
//! own checks: duplicate names, files no runtime reads, subnets two networks share, and
//! world-writable conf or bin dirs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::lint::{lint_bytes, Diagnostic, Linted, Severity};
use super::overlap::{self, Network};
use super::ranges::Subnet;
use super::spans::{self, Spans};
use super::survey::{self, Probe, Prober};

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
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    let mut networks = Vec::new();
    for file in &files {
        if let Some((name, subnets)) = lint_file(file, &mut seen, prober, &mut out)? {
            networks.push((file.clone(), name, subnets));
        }
    }
    if is_dir {
        let owned: Vec<Network> =
            networks.iter().map(|(f, n, s)| Network { file: f, name: n, subnets: s }).collect();
        let mut positions: HashMap<usize, Spans> = HashMap::new();
        for (i, finding) in overlap::shared_subnets(&owned) {
            let file = owned[i].file;
            let spans = positions.entry(i).or_insert_with(|| {
                crate::config::read_file(file).map(|b| spans::locate(&b)).unwrap_or_default()
            });
            let pos = spans.get(&finding.pointer).copied();
            out.push(Diagnostic {
                severity: finding.severity,
                code: finding.code,
                file: Some(file.to_path_buf()),
                line: pos.map(|p| p.0),
                column: pos.map(|p| p.1),
                message: finding.message,
                fix: finding.fix,
            });
        }
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
/// Returns, for a file that loads, its network and the subnets of its host-local ranges.
fn lint_file(
    file: &Path,
    seen: &mut HashMap<String, PathBuf>,
    prober: &mut Prober,
    out: &mut Vec<Diagnostic>,
) -> Result<Option<(String, Vec<Subnet>)>, crate::config::ConfigError> {
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
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    let Linted { diagnostics, subnets } = lint_bytes(file, &bytes);
    let clean = !diagnostics.iter().any(|d| d.severity == Severity::Error);
    out.extend(diagnostics);
    match crate::config::load_file(file) {
        Ok(list) => {
            if let Some(first) = seen.get(&list.name) {
                let mut d = Diagnostic::warning(
                    "duplicate-name",
                    file,
                    format!("network {:?} is also defined in {}", list.name, first.display()),
                    "give each network one file: remove or rename one of them".into(),
                );
                let at = spans::locate(&bytes).get("/name").copied();
                (d.line, d.column) = (at.map(|a| a.0), at.map(|a| a.1));
                out.push(d);
            } else {
                seen.insert(list.name.clone(), file.to_path_buf());
            }
            lint_binaries(file, &list, prober, out);
            Ok(Some((list.name, subnets)))
        }
        Err(e) if clean => {
            let fix = "fix the configuration as the message says".to_string();
            let at = match &e {
                // Only a position in this file: a drop-in's error is about another.
                crate::config::ConfigError::Invalid { at, path, .. } if path == file => *at,
                _ => None,
            };
            let mut d = Diagnostic::warning("invalid-config", file, e.to_string(), fix);
            d.severity = Severity::Error;
            (d.line, d.column) = (at.map(|a| a.0), at.map(|a| a.1));
            out.push(d);
            Ok(None)
        }
        Err(_) => Ok(None),
    }
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
