//! Network namespaces as cnictl's commands name them: a path, or a bare name meaning
//! `/var/run/netns/<name>` (where `ip netns add` puts them). The path handed to plugins is
//! made absolute and cleaned but not symlink-resolved, as cnitool does, so the container ID
//! derived from it matches cnitool's.

use std::os::unix::fs::MetadataExt;
use std::path::{Component, Path, PathBuf};

/// Where named namespaces live.
pub const NETNS_RUN_DIR: &str = "/var/run/netns";

/// Turns a NETNS argument into the path given to plugins in `CNI_NETNS`.
pub fn resolve(arg: &str) -> PathBuf {
    if !arg.contains('/') {
        return Path::new(NETNS_RUN_DIR).join(arg);
    }
    let path = Path::new(arg);
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/")).join(path)
    };
    clean(&absolute)
}

/// Lexical cleaning like Go's `filepath.Clean`: no `.`, no `..`, no doubled separators.
pub fn clean(path: &Path) -> PathBuf {
    let mut out = PathBuf::from("/");
    for part in path.components() {
        match part {
            Component::Normal(name) => out.push(name),
            Component::ParentDir => {
                out.pop();
            }
            Component::RootDir | Component::CurDir | Component::Prefix(_) => {}
        }
    }
    out
}

/// What is at a NETNS path, for the checks made before plugins run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Missing,
    /// The same namespace cnictl itself runs in: plugins would configure the host.
    Own,
    Present,
}

pub fn state(path: &Path) -> State {
    let Ok(target) = std::fs::metadata(path) else {
        return State::Missing;
    };
    match std::fs::metadata("/proc/self/ns/net") {
        Ok(own) if own.dev() == target.dev() && own.ino() == target.ino() => State::Own,
        _ => State::Present,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_paths() {
        assert_eq!(resolve("blue"), PathBuf::from("/var/run/netns/blue"));
        assert_eq!(resolve("/run/netns/blue"), PathBuf::from("/run/netns/blue"));
        assert_eq!(resolve("/var/run//netns/./x/../blue"), PathBuf::from("/var/run/netns/blue"));
        assert!(resolve("./here").is_absolute());
    }

    #[test]
    fn own_namespace_is_recognised() {
        assert_eq!(state(Path::new("/proc/self/ns/net")), State::Own);
        assert_eq!(state(Path::new("/nonexistent/ns")), State::Missing);
    }
}
