//! libcni v1.3.0, the version the runtimes of today vendor, as a verdict to test against.
//! tests/interop/libcni-probe is built against the copy that the reference plugins' sources
//! (../shared/third_party) vendor, with the Go 1.23 that ../shared/tools/reference-plugins
//! installs (scripts/install-deps runs it). Without them the tests that need the probe
//! skip, except in CI on a machine that has ../shared, where a missing probe fails.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;

const GO: &str = "/usr/lib/go-1.23/bin/go";

pub fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

/// The reference plugins' source tarball, which vendors libcni v1.3.0.
pub fn tarball() -> PathBuf {
    std::env::var_os("CNICTL_CNI_PLUGINS_TARBALL")
        .map(PathBuf::from)
        .unwrap_or_else(|| shared().join("third_party/cni-plugins-v1.7.1.tar.gz"))
}

/// Whether a missing probe is a failure rather than a skip.
pub fn required() -> bool {
    std::env::var_os("CI").is_some() && shared().join("tools/reference-plugins").exists()
}

/// The probe built against libcni v1.3.0, built once per test run; `None` (with a note on
/// stderr) when Go 1.23 or the sources are missing outside CI.
pub fn libcni13() -> Option<&'static Path> {
    static PROBE: OnceLock<Option<PathBuf>> = OnceLock::new();
    PROBE
        .get_or_init(|| {
            let tarball = tarball();
            if !Path::new(GO).exists() || !tarball.exists() {
                assert!(
                    !required(),
                    "CI needs Go 1.23 and {} (scripts/install-deps runs \
                     ../shared/tools/reference-plugins)",
                    tarball.display()
                );
                eprintln!("skipping libcni v1.3.0 comparisons: Go 1.23 or the sources missing");
                return None;
            }
            let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).join("libcni13");
            let _ = std::fs::remove_dir_all(&tmp);
            std::fs::create_dir_all(&tmp).unwrap();
            let untar = Command::new("tar").arg("-xzf").arg(&tarball).arg("-C").arg(&tmp).status();
            assert!(untar.unwrap().success(), "cannot unpack {}", tarball.display());
            let module = tmp.join("cni-plugins-v1.7.1");
            let package = module.join("cnictl-libcni-probe");
            std::fs::create_dir_all(&package).unwrap();
            let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/libcni-probe");
            std::fs::copy(source.join("main.go"), package.join("main.go")).unwrap();
            let out = tmp.join("libcni13-probe");
            let path =
                format!("/usr/lib/go-1.23/bin:{}", std::env::var("PATH").unwrap_or_default());
            let status = Command::new(GO)
                .args(["build", "-o"])
                .arg(&out)
                .arg("./cnictl-libcni-probe")
                .current_dir(&module)
                .env("PATH", path)
                .env("GOFLAGS", "-mod=vendor")
                .env("GOPROXY", "off")
                .env("GOTOOLCHAIN", "local")
                .env("CGO_ENABLED", "0")
                .env("GOCACHE", Path::new(env!("CARGO_TARGET_TMPDIR")).join("gocache13"))
                .status()
                .expect("go build runs");
            assert!(status.success(), "building the libcni v1.3.0 probe failed");
            Some(out)
        })
        .as_deref()
}

/// What libcni v1.3.0 makes of one file, loaded as a runtime loads the first file of its
/// directory: `Ok` with the list's name, version, plugin types and IPAM types, or `Err`
/// with libcni's message.
pub fn file_verdict(probe: &Path, file: &Path) -> Result<Value, String> {
    verdict(Command::new(probe).arg("file").arg(file))
}

/// What libcni v1.3.0 finds for `name` in `dir` (`LoadConfList`, as the runtimes look up a
/// network by name).
pub fn find_verdict(probe: &Path, dir: &Path, name: &str) -> Result<Value, String> {
    verdict(Command::new(probe).arg("find").arg(dir).arg(name))
}

fn verdict(command: &mut Command) -> Result<Value, String> {
    let out = command.output().expect("the libcni probe runs");
    if out.status.success() {
        Ok(serde_json::from_slice(&out.stdout).expect("the probe prints JSON"))
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
    }
}
