//! `cnictl completion SHELL`, and the dynamic completers behind it: network names from the
//! conf dir in effect, namespace names from /var/run/netns, and cache entries from
//! `<cache-dir>/results`. The script this prints calls back into cnictl (with `COMPLETE`
//! set, see clap_complete's `CompleteEnv`) on every TAB, so the names are always current;
//! `--static` prints the fixed script of `completions/` instead.

use std::ffi::{OsStr, OsString};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use clap::Args;
use clap_complete::engine::{CompletionCandidate, PathCompleter, ValueCompleter as _};
use clap_complete::Shell;

use crate::commands::DEFAULT_CACHE_DIR;

/// The environment variable that turns a cnictl run into a completion request.
pub const COMPLETE_VAR: &str = "COMPLETE";

#[derive(Debug, Clone, Args)]
pub struct CompletionArgs {
    /// The shell to print the completion script for
    pub shell: Shell,
    /// Print the static script instead (subcommands and options, no network, namespace or
    /// cache entry names), the one completions/ holds for packages
    #[arg(long = "static")]
    pub static_script: bool,
}

/// Prints the script.
pub fn run(args: &CompletionArgs) -> Result<()> {
    let mut out = std::io::stdout().lock();
    if args.static_script {
        clap_complete::generate(args.shell, &mut crate::cli::command(), "cnictl", &mut out);
        return Ok(());
    }
    let shells = clap_complete::env::Shells::builtins();
    let shell = shells
        .completer(&args.shell.to_string())
        .with_context(|| format!("no dynamic completion for {}", args.shell))?;
    let mut script = Vec::new();
    shell.write_registration(COMPLETE_VAR, "cnictl", "cnictl", &completer(), &mut script)?;
    out.write_all(&script)?;
    Ok(())
}

/// The program the script calls back, as `CompleteEnv` names it: `cnictl` when it was found
/// on PATH, else the absolute path of this binary.
fn completer() -> String {
    let arg0 = std::env::args_os().next().unwrap_or_else(|| "cnictl".into());
    if Path::new(&arg0).components().count() > 1 {
        if let Ok(exe) = std::env::current_exe() {
            return exe.to_string_lossy().into_owned();
        }
    }
    arg0.to_string_lossy().into_owned()
}

/// The value of `--flag VALUE` or `--flag=VALUE` on the command line being completed.
fn flag_value(flag: &str) -> Option<OsString> {
    let args: Vec<OsString> = std::env::args_os().collect();
    let prefix = format!("{flag}=");
    args.iter().enumerate().rev().find_map(|(i, arg)| {
        let arg = arg.to_str()?;
        if arg == flag {
            args.get(i + 1).cloned()
        } else {
            arg.strip_prefix(&prefix).map(OsString::from)
        }
    })
}

/// The conf dir in effect: `--cni-conf-dir`, then `NETCONFPATH`, then the default.
fn conf_dir() -> PathBuf {
    flag_value("--cni-conf-dir")
        .or_else(|| std::env::var_os("NETCONFPATH").filter(|v| !v.is_empty()))
        .map_or_else(|| PathBuf::from("/etc/cni/net.d"), PathBuf::from)
}

/// Whether the word being completed is a path rather than a name.
fn looks_like_path(current: &str) -> bool {
    current.starts_with('/') || current.starts_with('.')
}

fn matching(
    current: &str,
    names: impl IntoIterator<Item = (String, String)>,
) -> Vec<CompletionCandidate> {
    let mut seen = std::collections::HashSet::new();
    names
        .into_iter()
        .filter(|(name, _)| name.starts_with(current) && seen.insert(name.clone()))
        .map(|(name, help)| CompletionCandidate::new(name).help(Some(help.into())))
        .collect()
}

/// The networks of a conf dir, in libcni's lookup order (the first file of a name wins), each
/// with its file name as help. Files that do not load are left out.
pub fn network_names(dir: &Path) -> Vec<(String, String)> {
    let Ok(listing) = crate::config::Listing::read(dir, &["conflist", "conf", "json"]) else {
        return Vec::new();
    };
    let (lists, singles): (Vec<_>, Vec<_>) =
        listing.files.iter().cloned().partition(|f| f.extension().is_some_and(|e| e == "conflist"));
    let files: Vec<PathBuf> = lists.into_iter().chain(singles).collect();
    files
        .iter()
        .zip(listing.summaries(&files))
        .filter_map(|(file, summary)| {
            let file = file.file_name()?.to_string_lossy().into_owned();
            Some((summary.ok()?.name, file))
        })
        .collect()
}

/// Completes a NETWORK: its names in the conf dir in effect, or a path to a file.
pub fn networks(current: &OsStr) -> Vec<CompletionCandidate> {
    let current = current.to_string_lossy();
    if looks_like_path(&current) {
        return PathCompleter::file().complete(OsStr::new(current.as_ref()));
    }
    matching(&current, network_names(&conf_dir()))
}

/// Completes a NETNS: the names under /var/run/netns, or a path.
pub fn namespaces(current: &OsStr) -> Vec<CompletionCandidate> {
    let current = current.to_string_lossy();
    if looks_like_path(&current) {
        return PathCompleter::any().complete(OsStr::new(current.as_ref()));
    }
    matching(&current, dir_names(Path::new(crate::netns::NETNS_RUN_DIR), "namespace"))
}

/// Completes a cache entry: the file names under `<cache-dir>/results`, or a path.
pub fn cache_entries(current: &OsStr) -> Vec<CompletionCandidate> {
    let current = current.to_string_lossy();
    if looks_like_path(&current) {
        return PathCompleter::file().complete(OsStr::new(current.as_ref()));
    }
    let root =
        flag_value("--cache-dir").map_or_else(|| PathBuf::from(DEFAULT_CACHE_DIR), PathBuf::from);
    matching(&current, dir_names(&root.join("results"), "cached attachment"))
}

/// The entries of a directory, sorted, each with the same help.
fn dir_names(dir: &Path, help: &str) -> Vec<(String, String)> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    names.sort();
    names.into_iter().map(|name| (name, help.to_string())).collect()
}
