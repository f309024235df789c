//! `conf lint` over the reference plugins' own example configurations: every whole
//! configuration in a ```json block of their READMEs (`plugins/*/*/README.md`) and the
//! configurations of their integration tests (`integration/testdata`), taken at test time
//! from the v1.7.1 source tarball in ../shared/third_party. A linter that calls the
//! reference plugins' own examples wrong has a false positive. Warnings are allowed: the
//! testdata writes `runtimeConfig` in files, which is worth a word.
//!
//! Without the tarball the test skips, except in CI on a machine that has ../shared, as
//! the libcni probe's tests do.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use super::{diagnostics, Dir};
use crate::probe::{required, tarball};

/// Examples that are genuinely invalid, by the name the test gives them, with why. None in
/// v1.7.1.
const EXCLUDED: [(&str, &str); 0] = [];

/// One example: the name it is written under in the conf dir, and its text.
struct Example {
    name: String,
    text: String,
}

/// The ```json blocks of a README that are whole configurations: an object with a name
/// and a type (one plugin) or plugins (a list). Fragments (an "ipam" object, a result) are
/// not configurations.
fn readme_examples(readme: &Path, label: &str) -> Vec<Example> {
    let text = fs::read_to_string(readme).unwrap();
    let mut found = Vec::new();
    let mut block: Option<Vec<&str>> = None;
    for line in text.lines() {
        match block.as_mut() {
            None if line.trim_start().starts_with("```json") => block = Some(Vec::new()),
            None => {}
            Some(lines) if line.trim_start().starts_with("```") => {
                let body = lines.join("\n");
                block = None;
                let Ok(Value::Object(config)) = serde_json::from_str::<Value>(&body) else {
                    continue;
                };
                let extension = match (config.get("type"), config.get("plugins")) {
                    (Some(Value::String(_)), _) => "conf",
                    (_, Some(Value::Array(_))) => "conflist",
                    _ => continue,
                };
                if config.contains_key("name") {
                    let name = format!("readme-{label}-{}.{extension}", found.len() + 1);
                    found.push(Example { name, text: body });
                }
            }
            Some(lines) => lines.push(line),
        }
    }
    found
}

/// The configuration files under `dir` (recursively), named after their path.
fn testdata(dir: &Path, prefix: &str, out: &mut Vec<Example>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            testdata(&path, &format!("{prefix}{name}-"), out);
        } else if name.ends_with(".json") || name.ends_with(".conflist") || name.ends_with(".conf")
        {
            out.push(Example {
                name: format!("{prefix}{name}"),
                text: fs::read_to_string(&path).unwrap(),
            });
        }
    }
}

/// Every plugin type an example names, main and IPAM.
fn plugin_types(text: &str) -> Vec<String> {
    let config: Value = serde_json::from_str(text).unwrap();
    let plugins = match config.get("plugins") {
        Some(Value::Array(list)) => list.clone(),
        _ => vec![config],
    };
    let mut types = Vec::new();
    for p in &plugins {
        types.extend(p.get("type").and_then(Value::as_str).map(str::to_string));
        types.extend(p.pointer("/ipam/type").and_then(Value::as_str).map(str::to_string));
    }
    types
}

#[test]
fn lint_reports_no_error_on_the_reference_plugins_examples() {
    let tarball = tarball();
    if !tarball.exists() {
        assert!(!required(), "CI needs {} (../shared/third_party)", tarball.display());
        eprintln!("skipping the reference plugins' examples: {} is missing", tarball.display());
        return;
    }
    let d = Dir::new();
    let unpacked = d.path("src");
    fs::create_dir(&unpacked).unwrap();
    let status = Command::new("tar")
        .arg("-xzf")
        .arg(&tarball)
        .arg("-C")
        .arg(&unpacked)
        .args(["--wildcards", "*/plugins/*/README.md", "*/integration/testdata/*"])
        .status()
        .expect("tar runs");
    assert!(status.success(), "cannot unpack {}", tarball.display());
    let root = unpacked.join("cni-plugins-v1.7.1");

    let mut examples = Vec::new();
    let mut readmes = Vec::new();
    for group in ["main", "ipam", "meta"] {
        let dir = root.join("plugins").join(group);
        let mut plugins: Vec<PathBuf> =
            fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        plugins.sort();
        for plugin in plugins {
            let readme = plugin.join("README.md");
            if readme.exists() {
                let label = format!("{group}-{}", plugin.file_name().unwrap().to_string_lossy());
                examples.extend(readme_examples(&readme, &label));
                readmes.push(label);
            }
        }
    }
    testdata(&root.join("integration/testdata"), "testdata-", &mut examples);
    // v1.7.1's READMEs moved to cni.dev but for dummy's; the testdata has four files.
    assert!(readmes.len() >= 15, "READMEs found: {readmes:?}");
    let names: Vec<&str> = examples.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"readme-main-dummy-1.conf"), "{names:?}");
    assert!(names.iter().filter(|n| n.starts_with("testdata-")).count() >= 4, "{names:?}");

    let mut failures = Vec::new();
    for example in &examples {
        if let Some((_, why)) = EXCLUDED.iter().find(|(name, _)| *name == example.name) {
            eprintln!("not linting {}: {why}", example.name);
            continue;
        }
        for t in plugin_types(&example.text) {
            if !d.path("bin").join(&t).exists() {
                d.plugin(&t);
            }
        }
        let path = d.write(&example.name, &example.text);
        let out = d.cnictl().args(["conf", "lint"]).arg(path.to_string_lossy()).run();
        let report = out.json();
        let errors: Vec<&Value> =
            diagnostics(&report).iter().filter(|d| d["severity"] == "error").collect();
        if out.code != 0 || !errors.is_empty() {
            failures.push(format!("{} (exit {}): {errors:#?}", example.name, out.code));
        }
    }
    assert!(failures.is_empty(), "lint errors on reference examples:\n{}", failures.join("\n"));
    eprintln!("linted {} reference examples: {}", examples.len(), names.join(", "));
}
