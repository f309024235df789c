//! Who may change what the runtime runs as root: world-writable configuration and plugin
//! directories, and world-writable plugin binaries in the search path.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use super::lint::Diagnostic;

/// Anyone on the node may write it. The sticky bit (1777) does not help: anyone may still
/// add a configuration that sorts first, or a plugin under a name a configuration uses.
fn writable_by_all(path: &Path) -> bool {
    std::fs::metadata(path).map(|m| m.permissions().mode() & 0o002 != 0).unwrap_or(false)
}

/// Warns of each world-writable directory of `dirs`, and of each world-writable file in
/// those that are plugin dirs (every one but `conf_dir`).
pub fn world_writable(dirs: &[PathBuf], conf_dir: Option<&Path>, out: &mut Vec<Diagnostic>) {
    for dir in dirs {
        if writable_by_all(dir) {
            out.push(Diagnostic::warning(
                "world-writable",
                dir,
                format!(
                    "{} is writable by every user: anyone can change what the runtime runs as root",
                    dir.display()
                ),
                format!("chmod o-w {}", dir.display()),
            ));
        }
        if Some(dir.as_path()) == conf_dir {
            continue;
        }
        let Ok(entries) = std::fs::read_dir(dir) else { continue };
        let mut plugins: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && writable_by_all(p))
            .collect();
        plugins.sort();
        for plugin in plugins {
            out.push(Diagnostic::warning(
                "world-writable",
                &plugin,
                format!(
                    "the plugin {} is writable by every user: anyone can replace what the \
                     runtime runs as root",
                    plugin.display()
                ),
                format!("chmod o-w {}", plugin.display()),
            ));
        }
    }
}
