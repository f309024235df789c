//! The result-cache entry parser on arbitrary bytes: no panic, and an entry it accepts,
//! written back as cnictl writes entries, reads back as the same entry.
#![no_main]

use cnictl::cache::{parse, Cached};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for default in ["0.4.0", "1.0.0", ""] {
        match parse(data, default) {
            Cached::Entry { info, result } => {
                let _ = info.config_bytes();
                let bytes = serde_json::to_vec(&info).expect("an entry serializes");
                match parse(&bytes, default) {
                    Cached::Entry { info: again, result: result_again } => {
                        assert_eq!(info, again, "an entry changed when written back");
                        assert_eq!(result, result_again, "its result changed when written back");
                    }
                    other => panic!("an accepted entry does not read back: {other:?}"),
                }
            }
            Cached::Legacy { result } => {
                let _ = result.to_cnitool_text();
            }
            Cached::Missing | Cached::Corrupt { .. } => {}
        }
    }
});
