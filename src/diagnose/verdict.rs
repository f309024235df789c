//! What `conf ls` shows of `conf lint`: for each file that loads, lint's worst finding
//! (`ok`, `warnings`, `errors`), so that the listing never calls a file fine that lint
//! fails. The findings are lint's own for the file's text, with the directory's subnets
//! that two networks share; the plugin binaries, duplicate names and permissions are
//! `conf ls`'s own columns already. One read and one parse per file, on every core for a
//! large directory, and one sort for the subnets: linear in the number of files.

use std::path::Path;

use super::lint::{self, Diagnostic, Linted, Severity};

/// Lint's verdict on one file.
#[derive(Debug, Clone, Default)]
pub struct Verdict {
    pub errors: usize,
    pub warnings: usize,
    /// The worst finding, first in the file among those of its severity.
    pub worst: Option<Diagnostic>,
}

impl Verdict {
    /// `ok`, `warnings` or `errors`, as `conf ls` shows it.
    pub fn status(&self) -> &'static str {
        if self.errors > 0 {
            "errors"
        } else if self.warnings > 0 {
            "warnings"
        } else {
            "ok"
        }
    }

    /// One line for `conf ls`: the worst finding and how many more lint has.
    pub fn reason(&self) -> Option<String> {
        let worst = self.worst.as_ref()?;
        let at = match (worst.line, worst.column) {
            (Some(line), Some(column)) => format!(" (line {line}, column {column})"),
            _ => String::new(),
        };
        Some(format!(
            "{}[{}]{at}: {}; conf lint: {} error(s), {} warning(s)",
            match worst.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            },
            worst.code,
            worst.message,
            self.errors,
            self.warnings
        ))
    }

    fn add(&mut self, d: Diagnostic) {
        match d.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => return,
        }
        let rank = |d: &Diagnostic| (d.severity, d.line, d.column);
        if self.worst.as_ref().is_none_or(|w| rank(&d) < rank(w)) {
            self.worst = Some(d);
        }
    }
}

/// Lints each file that loads, given with its network (`None`: it does not load, and gets
/// no verdict).
pub fn verdicts(files: &[(&Path, Option<&str>)]) -> Vec<Option<Verdict>> {
    let linted = lint_all(files);
    let mut index = Vec::new();
    let mut networks = Vec::new();
    for (i, ((path, network), linted)) in files.iter().zip(&linted).enumerate() {
        if let (Some(name), Some(linted)) = (network, linted) {
            index.push(i);
            networks.push(super::overlap::Network { file: path, name, subnets: &linted.subnets });
        }
    }
    let shared: Vec<(usize, lint::Finding)> =
        super::overlap::shared_subnets(&networks).into_iter().map(|(k, f)| (index[k], f)).collect();
    let mut out: Vec<Option<Verdict>> = linted
        .into_iter()
        .map(|l| {
            l.map(|l| {
                let mut verdict = Verdict::default();
                l.diagnostics.into_iter().for_each(|d| verdict.add(d));
                verdict
            })
        })
        .collect();
    for (i, finding) in shared {
        if let Some(verdict) = out[i].as_mut() {
            verdict.add(Diagnostic::warning(
                finding.code,
                files[i].0,
                finding.message,
                finding.fix,
            ));
        }
    }
    out
}

/// Each file that loads, read and linted; large directories on every core.
fn lint_all(files: &[(&Path, Option<&str>)]) -> Vec<Option<Linted>> {
    let one = |(path, network): &(&Path, Option<&str>)| {
        (*network)?;
        let bytes = crate::config::read_file(path).ok()?;
        Some(lint::lint_bytes(path, &bytes))
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if files.len() < 256 || threads < 2 {
        return files.iter().map(one).collect();
    }
    let chunk = files.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(one).collect::<Vec<_>>()))
            .collect();
        workers.into_iter().flat_map(|w| w.join().expect("a lint thread panicked")).collect()
    })
}
