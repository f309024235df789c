//! The configuration loader on arbitrary bytes, read as a `.conflist` and as a `.conf`: it
//! must never panic, and the quick look behind lookups and `conf ls` must never answer
//! where the full load refuses, nor answer differently where it accepts.
#![no_main]

use std::collections::HashSet;
use std::path::Path;

use cnictl::config::{load_bytes, quick::Summary};
use cnictl::fuzzing::quick_summary;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // No drop-in folders: the full load then never touches the file system.
    let subdirs = HashSet::new();
    for name in ["10-fuzz.conflist", "10-fuzz.conf", "10-fuzz.json"] {
        let path = Path::new("/nonexistent-cnictl-fuzz").join(name);
        let full = load_bytes(&path, data, Some(&subdirs));
        if let Some(quick) = quick_summary(&path, data, &subdirs) {
            match full {
                Ok(list) => assert_eq!(quick, Summary::from(&list), "quick and full disagree"),
                Err(e) => panic!("the quick look accepted what the full load refuses: {e}"),
            }
        }
    }
});
