//! CNI result parsing at every cniVersion, and conversion between versions: no panic, and a
//! valid result converted to any version writes JSON that parses back as a valid result of
//! that version.
#![no_main]

use cnictl::spec::result::CniResult;
use cnictl::spec::version::RELEASED;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for default in RELEASED.iter().chain(&["", "9.9.9"]) {
        let Ok(result) = CniResult::from_stdout(data, default) else { continue };
        let _ = result.to_cnitool_text();
        for target in RELEASED {
            let Ok(converted) = result.convert(target) else { continue };
            let text = serde_json::to_vec(&converted.to_json()).expect("a result serializes");
            let back = CniResult::from_stdout(&text, target).unwrap_or_else(|e| {
                panic!(
                    "{} result converted to {target} does not parse: {e}\n{}",
                    result.cni_version,
                    String::from_utf8_lossy(&text)
                )
            });
            assert_eq!(back.cni_version, target, "converted to the wrong version");
        }
    }
});
