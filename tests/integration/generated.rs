//! The committed completions and man pages match the command line, the bash completion
//! works in bash, and the man pages render without warnings.

use std::path::Path;
use std::process::Command;

use crate::util::cnictl;

fn compare_dirs(committed: &Path, fresh: &Path) {
    let names = |dir: &Path| {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let regenerate = "regenerate them with `cargo run -- generate --dir .` and commit the result";
    assert_eq!(names(committed), names(fresh), "{} is stale: {regenerate}", committed.display());
    for name in names(fresh) {
        let old = std::fs::read(committed.join(&name)).unwrap();
        let new = std::fs::read(fresh.join(&name)).unwrap();
        assert!(old == new, "{}/{name} is stale: {regenerate}", committed.display());
    }
}

#[test]
fn committed_completions_and_man_pages_are_current() {
    let dir = tempfile::tempdir().unwrap();
    cnictl().args(["generate", "--dir", &dir.path().to_string_lossy()]).expect(0);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    compare_dirs(&root.join("completions"), &dir.path().join("completions"));
    compare_dirs(&root.join("man"), &dir.path().join("man"));
}

#[test]
fn bash_completion_completes_subcommands_and_options() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/cnictl.bash");
    let complete = |words: &str, cword: usize| {
        let program = format!(
            "source {}; COMP_WORDS=({words}); COMP_CWORD={cword}; COMP_LINE='{words}'; \
             COMP_POINT=${{#COMP_LINE}}; _cnictl cnictl \"${{COMP_WORDS[COMP_CWORD]}}\" \
             \"${{COMP_WORDS[COMP_CWORD-1]}}\"; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display()
        );
        let out =
            Command::new("bash").args(["--norc", "-c", &program]).output().expect("bash runs");
        assert!(out.status.success(), "bash failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).lines().map(str::to_string).collect::<Vec<_>>()
    };
    assert_eq!(complete("cnictl ru", 1), ["run"]);
    let netns = complete("cnictl netns ", 2);
    for sub in ["create", "ls", "rm", "gc"] {
        assert!(netns.contains(&sub.to_string()), "{netns:?}");
    }
    assert!(complete("cnictl run --sa", 2).contains(&"--sandbox".to_string()));
}

#[test]
fn man_pages_render_without_warnings() {
    if Command::new("man").arg("--version").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "CI must install man-db");
        eprintln!("skipping: man is not installed");
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    let mut pages: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    pages.sort();
    assert!(pages.len() > 10, "expected a page per subcommand, found {}", pages.len());
    for page in pages {
        let out = Command::new("man")
            .args(["--warnings", "-l"])
            .arg(&page)
            .env("MANWIDTH", "80")
            .env("MAN_KEEP_FORMATTING", "0")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && stderr.trim().is_empty(), "{}: {stderr}", page.display());
        let source = std::fs::read_to_string(&page).unwrap();
        for section in [".SH \"EXIT STATUS\"", ".SH ENVIRONMENT", ".SH FILES"] {
            assert!(source.contains(section), "{} lacks {section}", page.display());
        }
    }
}
