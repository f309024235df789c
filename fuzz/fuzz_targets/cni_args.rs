//! `CNI_ARGS` parsing and formatting: what parses, joined and parsed again, gives the same
//! pairs; and the join of those pairs is stable.
#![no_main]

use cnictl::spec::args::{join, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(pairs) = parse(text) else { return };
    let joined = join(&pairs);
    let again = parse(&joined).unwrap_or_else(|e| panic!("{joined:?} does not parse: {e}"));
    assert_eq!(pairs, again, "pairs changed through {joined:?}");
    assert_eq!(join(&again), joined);
});
