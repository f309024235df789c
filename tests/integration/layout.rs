//! The house rules that keep the layout from drifting, checked on the source: data flows one
//! way (cli -> commands -> diagnose -> exec -> config -> spec; reports and renderers never
//! reach back into commands), no source file over 600 lines, no function over 100.

use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn tree(top: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join(top), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p.strip_prefix(root).unwrap().display().to_string(), text)
        })
        .collect()
}

/// Lines of `text` that name `module` (a `use` or a path), outside comments.
fn mentions(text: &str, module: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .filter(|l| {
            l.contains(&format!("crate::{module}")) || l.contains(&format!("cnictl::{module}"))
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn imports_flow_one_way() {
    let mut wrong = Vec::new();
    for (file, text) in tree("src") {
        let room = file.trim_start_matches("src/").split(['/', '.']).next().unwrap().to_string();
        // cli is the clap tree: only main, lib and the generators read it.
        let cli_readers =
            ["src/main.rs", "src/lib.rs", "src/commands/generate.rs", "src/commands/completion.rs"];
        if !cli_readers.contains(&file.as_str()) && !file.starts_with("src/cli") {
            wrong.extend(mentions(&text, "cli::").into_iter().map(|l| format!("{file}: {l}")));
        }
        let forbidden: &[&str] = match room.as_str() {
            "render" | "report" => &["commands"],
            "exec" => &["commands", "diagnose", "render"],
            "config" => &["commands", "diagnose", "exec", "render", "report"],
            "spec" => &["commands", "diagnose", "exec", "render", "report", "config"],
            _ => &[],
        };
        for module in forbidden {
            let found = mentions(&text, &format!("{module}::"));
            wrong.extend(found.into_iter().map(|l| format!("{file} ({room} -> {module}): {l}")));
        }
    }
    assert!(wrong.is_empty(), "imports against the flow:\n{}", wrong.join("\n"));
}

#[test]
fn no_file_over_600_lines_and_no_function_over_100() {
    let mut wrong = Vec::new();
    for top in ["src", "tests", "examples"] {
        for (file, text) in tree(top) {
            let lines: Vec<&str> = text.lines().collect();
            if lines.len() > 600 {
                wrong.push(format!("{file}: {} lines", lines.len()));
            }
            for (i, line) in lines.iter().enumerate() {
                let body = line.trim_start();
                let indent = &line[..line.len() - body.len()];
                let is_fn = ["fn ", "pub fn ", "pub(crate) fn ", "pub(super) fn "]
                    .iter()
                    .any(|p| body.starts_with(p));
                if !is_fn || body.ends_with(';') {
                    continue;
                }
                let close = format!("{indent}}}");
                if let Some(end) = lines[i..].iter().position(|l| *l == close) {
                    if end + 1 > 100 {
                        wrong.push(format!("{file}:{}: a function of {} lines", i + 1, end + 1));
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "too long:\n{}", wrong.join("\n"));
}
