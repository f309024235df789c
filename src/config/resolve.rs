//! Finding a network by name in a configuration directory, in libcni's order
//! (`LoadNetworkConf`): the `.conflist` files sorted bytewise, then the `.conf` and `.json`
//! files sorted bytewise, the first whose `name` matches. Like libcni, a file that does not
//! load stops the lookup; unlike libcni, the error says which file and why.

use std::collections::HashSet;
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use super::load::load_file_in;
use super::quick::{summarize, Summary};
use super::{load_file, ConfigError, NetworkConfigList};

/// How the network was found, for the report: which file, and what came before it.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Resolution {
    /// The directory searched (or the file given directly).
    pub dir: PathBuf,
    /// The file chosen.
    pub file: PathBuf,
    /// "conflist" when found among the lists, "conf" when among the single-plugin files,
    /// "path" when the file was named on the command line.
    pub phase: &'static str,
    /// Files read before the chosen one, with the network each defines.
    pub skipped: Vec<SkippedFile>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct SkippedFile {
    pub file: PathBuf,
    pub network: String,
}

/// The regular files of `dir` (not recursive) whose extension is one of `exts`, sorted by
/// their bytes as Go's `sort.Strings` does. A missing directory has none.
pub fn list_files(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    read_dir(dir, exts).unwrap_or_default()
}

/// Like [`list_files`], but a directory that exists and cannot be read is an error.
pub fn read_dir(dir: &Path, exts: &[&str]) -> Result<Vec<PathBuf>, ConfigError> {
    Ok(Listing::read(dir, exts)?.files)
}

/// One pass over a directory: its configuration files in order, and its subdirectories
/// (where drop-ins live).
#[derive(Debug, Default)]
pub struct Listing {
    pub files: Vec<PathBuf>,
    pub subdirs: HashSet<OsString>,
    /// Regular files with other extensions: no runtime reads them.
    pub ignored: Vec<PathBuf>,
}

impl Listing {
    pub fn read(dir: &Path, exts: &[&str]) -> Result<Listing, ConfigError> {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Listing::default()),
            Err(error) => return Err(ConfigError::Io { path: dir.to_path_buf(), error }),
        };
        let mut listing = Listing::default();
        for entry in entries.filter_map(Result::ok) {
            // The directory listing tells the type; only symlinks need a stat (libcni
            // follows them). Like libcni's ConfFiles, everything but a directory is listed:
            // a broken symlink, a FIFO or a device is then a file that does not load (and
            // cnictl refuses to read the last two rather than block on them).
            let is_dir = match entry.file_type() {
                Ok(t) if t.is_symlink() => {
                    std::fs::metadata(entry.path()).is_ok_and(|m| m.is_dir())
                }
                Ok(t) => t.is_dir(),
                Err(_) => false,
            };
            let is_file = !is_dir;
            let path = entry.path();
            if is_dir {
                listing.subdirs.insert(entry.file_name());
            } else if is_file
                && path
                    .extension()
                    .is_some_and(|e| exts.iter().any(|x| e.as_bytes() == x.as_bytes()))
            {
                listing.files.push(path);
            } else if is_file {
                listing.ignored.push(path);
            }
        }
        listing.files.sort_by(|a, b| a.as_os_str().as_bytes().cmp(b.as_os_str().as_bytes()));
        listing.ignored.sort();
        Ok(listing)
    }

    /// Summarizes every file, in order; large directories are read on every core.
    pub fn summaries(&self, files: &[PathBuf]) -> Vec<Result<Summary, ConfigError>> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
        if files.len() < 256 || threads < 2 {
            return files.iter().map(|f| summarize(f, &self.subdirs)).collect();
        }
        let chunk = files.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let workers: Vec<_> = files
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        part.iter().map(|f| summarize(f, &self.subdirs)).collect::<Vec<_>>()
                    })
                })
                .collect();
            workers.into_iter().flat_map(|w| w.join().expect("a loader thread panicked")).collect()
        })
    }
}

/// Files a lookup reads by itself before it asks other cores to help: most lookups end
/// in the first few files, and a thread costs more than reading one.
const LOOKUP_ALONE: usize = 32;

impl Listing {
    /// The summaries of `files` in order, up to and including the first that defines `name`
    /// or does not load: where libcni's lookup stops. Nothing after it is read, except the
    /// few files other cores were already reading when it was found.
    pub fn summaries_until(
        &self,
        files: &[PathBuf],
        name: &str,
    ) -> Vec<Result<Summary, ConfigError>> {
        use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
        use std::sync::OnceLock;
        let slots: Vec<OnceLock<Result<Summary, ConfigError>>> =
            files.iter().map(|_| OnceLock::new()).collect();
        let next = AtomicUsize::new(0);
        let stop = AtomicUsize::new(usize::MAX);
        // Each worker takes the next file in order; the first stop found bounds them all.
        let work = |limit: usize| loop {
            let i = next.fetch_add(1, Relaxed);
            if i >= limit.min(files.len()) || i > stop.load(Relaxed) {
                break;
            }
            let summary = summarize(&files[i], &self.subdirs);
            if summary.as_ref().map_or(true, |s| s.name == name) {
                stop.fetch_min(i, Relaxed);
            }
            let _ = slots[i].set(summary);
        };
        work(LOOKUP_ALONE);
        if stop.load(Relaxed) == usize::MAX && files.len() > LOOKUP_ALONE {
            // The first worker stopped after taking one index past its limit; give it back.
            next.store(LOOKUP_ALONE, Relaxed);
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
            std::thread::scope(|scope| {
                for _ in 1..threads {
                    scope.spawn(|| work(usize::MAX));
                }
                work(usize::MAX);
            });
        }
        let end = stop.load(Relaxed).min(files.len().saturating_sub(1));
        slots
            .into_iter()
            .take(end + 1)
            .map(|slot| slot.into_inner().expect("every file up to the stop is read"))
            .collect()
    }
}

/// Finds `name` in `dir` the way libcni does. A `name` that is a path to a file loads that
/// file directly, for configurations kept outside the directory.
pub fn find_network(
    dir: &Path,
    name: &str,
) -> Result<(NetworkConfigList, Resolution), ConfigError> {
    if name.contains('/') {
        let path = PathBuf::from(name);
        let list = load_file(&path)?;
        let resolution = Resolution {
            dir: path.parent().unwrap_or(Path::new(".")).to_path_buf(),
            file: path,
            phase: "path",
            skipped: Vec::new(),
        };
        return Ok((list, resolution));
    }
    let mut skipped = Vec::new();
    let listing = Listing::read(dir, &["conflist", "conf", "json"])?;
    let found_any = !listing.files.is_empty();
    let is_list = |f: &&PathBuf| f.extension().is_some_and(|e| e == "conflist");
    let lists: Vec<PathBuf> = listing.files.iter().filter(is_list).cloned().collect();
    let singles: Vec<PathBuf> = listing.files.iter().filter(|f| !is_list(f)).cloned().collect();
    for (phase, files) in [("conflist", lists), ("conf", singles)] {
        let summaries = listing.summaries_until(&files, name);
        for (file, summary) in files.into_iter().zip(summaries) {
            let summary = summary.map_err(|error| ConfigError::LookupAborted {
                name: name.to_string(),
                path: file.clone(),
                error: Box::new(error),
            })?;
            if summary.name == name {
                // Only the file that matches is loaded in full.
                let list = load_file_in(&file, Some(&listing.subdirs))?;
                let resolution = Resolution { dir: dir.to_path_buf(), file, phase, skipped };
                return Ok((list, resolution));
            }
            skipped.push(SkippedFile { file, network: summary.name });
        }
    }
    if !found_any {
        return Err(ConfigError::NoConfigs { dir: dir.to_path_buf() });
    }
    let mut seen = HashSet::new();
    let available: Vec<String> =
        skipped.into_iter().map(|s| s.network).filter(|n| seen.insert(n.clone())).collect();
    Err(ConfigError::NotFound { name: name.to_string(), dir: dir.to_path_buf(), available })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let path = dir.path().join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        dir
    }

    #[test]
    fn conflists_come_before_confs_and_sort_bytewise() {
        let dir = dir_with(&[
            ("00-a.conf", r#"{"name":"net","type":"from-conf"}"#),
            ("9-b.conflist", r#"{"name":"net","plugins":[{"type":"from-9"}]}"#),
            ("10-c.conflist", r#"{"name":"net","plugins":[{"type":"from-10"}]}"#),
        ]);
        let (list, how) = find_network(dir.path(), "net").unwrap();
        assert_eq!(list.plugins[0].plugin_type, "from-10");
        assert_eq!(how.phase, "conflist");
        assert!(how.skipped.is_empty());
    }

    #[test]
    fn falls_back_to_conf_and_json() {
        let dir = dir_with(&[
            ("10-a.conflist", r#"{"name":"other","plugins":[{"type":"x"}]}"#),
            ("20-b.json", r#"{"name":"net","type":"from-json"}"#),
        ]);
        let (list, how) = find_network(dir.path(), "net").unwrap();
        assert_eq!(list.plugins[0].plugin_type, "from-json");
        assert_eq!(how.phase, "conf");
        assert_eq!(how.skipped[0].network, "other");
    }

    #[test]
    fn a_broken_file_before_the_match_aborts_the_lookup() {
        let dir = dir_with(&[
            ("00-broken.conflist", "{ not json"),
            ("10-good.conflist", r#"{"name":"net","plugins":[{"type":"x"}]}"#),
        ]);
        let err = find_network(dir.path(), "net").unwrap_err().to_string();
        assert!(err.contains("00-broken.conflist"), "{err}");
        assert!(err.contains("stopped at"), "{err}");
    }

    #[test]
    fn drop_ins_are_appended_unless_only_inlined() {
        let dir = dir_with(&[
            ("10-a.conflist", r#"{"name":"net","plugins":[{"type":"first"}]}"#),
            ("net/20-x.conf", r#"{"type":"dropped-in"}"#),
            (
                "11-b.conflist",
                r#"{"name":"solo","loadOnlyInlinedPlugins":true,"plugins":[{"type":"only"}]}"#,
            ),
            ("solo/1.conf", r#"{"type":"ignored"}"#),
        ]);
        let (list, _) = find_network(dir.path(), "net").unwrap();
        let types: Vec<_> = list.plugins.iter().map(|p| p.plugin_type.as_str()).collect();
        assert_eq!(types, ["first", "dropped-in"]);
        let (list, _) = find_network(dir.path(), "solo").unwrap();
        assert_eq!(list.plugins.len(), 1);
    }

    /// Issue 11, item 14: the lookup stops where libcni stops, reading past the first few
    /// files on every core, and gives every file before the stop in order.
    #[test]
    fn a_lookup_stops_at_the_first_match_or_broken_file_in_order() {
        let mut files: Vec<(String, String)> = (0..300)
            .map(|i| {
                (
                    format!("{i:04}.conflist"),
                    format!(r#"{{"name":"n{i}","plugins":[{{"type":"x"}}]}}"#),
                )
            })
            .collect();
        files[250].1 = "{ broken".into();
        let refs: Vec<(&str, &str)> = files.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let dir = dir_with(&refs);
        let listing = Listing::read(dir.path(), &["conflist"]).unwrap();
        for (name, stop, broken) in [
            ("n0", 0, false),
            ("n31", 31, false),
            ("n32", 32, false),
            ("n200", 200, false),
            ("n299", 250, true),
            ("none", 250, true),
        ] {
            let got = listing.summaries_until(&listing.files, name);
            assert_eq!(got.len(), stop + 1, "{name}");
            assert_eq!(got.last().unwrap().is_err(), broken, "{name}");
            for (i, summary) in got[..stop].iter().enumerate() {
                assert_eq!(summary.as_ref().unwrap().name, format!("n{i}"), "{name}");
            }
        }
        let (_, how) = find_network(dir.path(), "n200").unwrap();
        assert_eq!(how.skipped.len(), 200);
        assert_eq!(how.skipped[199].network, "n199");
    }

    #[test]
    fn not_found_lists_the_networks_there() {
        let dir = dir_with(&[("10-a.conflist", r#"{"name":"other","plugins":[{"type":"x"}]}"#)]);
        let err = find_network(dir.path(), "net").unwrap_err().to_string();
        assert!(err.contains("networks found: other"), "{err}");
        let empty = tempfile::tempdir().unwrap();
        assert!(matches!(find_network(empty.path(), "x"), Err(ConfigError::NoConfigs { .. })));
    }
}
