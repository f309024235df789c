//! The linter on arbitrary text, as a `.conflist` and as a `.conf`: no panic, and every
//! position it gives is inside the text. The key scanner is also run on raw bytes, which
//! the linter only gives it once they parse.
#![no_main]

use std::path::Path;

use cnictl::diagnose::lint::lint_text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lines = data.split(|b| *b == b'\n').count();
    for name in ["10-fuzz.conflist", "10-fuzz.conf"] {
        for d in lint_text(Path::new(name), data) {
            if let Some(line) = d.line {
                assert!(line >= 1 && line <= lines, "line {line} of {lines}: {d:?}");
            }
        }
    }
    if serde_json::from_slice::<serde_json::Value>(data).is_ok() {
        for (pointer, (line, column)) in cnictl::fuzzing::locate(data) {
            assert!(line >= 1 && line <= lines && column >= 1, "{pointer}: {line}:{column}");
        }
    }
});
