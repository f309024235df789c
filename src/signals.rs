//! SIGINT, SIGTERM and SIGHUP, as the README documents them. The first signal kills the
//! plugin or command that is running (through [`pending`]), the command cleans up what it
//! made, with clean-up calls held to [`CLEANUP_TIMEOUT`], and cnictl exits 130. A second
//! signal ends cnictl at once, with the default action: [`seen`] never turns off again.
//!
//! [`install`] is the first thing `main` does, so that no window exists in which a signal
//! ends cnictl without its clean-up.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// The longest a plugin call may run once cnictl was interrupted (the DEL of `run`'s
/// clean-up, say), whatever `--timeout` says: an operator who pressed Ctrl-C waits for
/// seconds, not for a hanging plugin's full timeout.
pub const CLEANUP_TIMEOUT: Duration = Duration::from_secs(5);

/// Set by the first signal and never cleared: a further signal then takes the default
/// action, and the command's exit is 130 whatever happened after.
fn seen_flag() -> &'static Arc<AtomicBool> {
    static FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();
    FLAG.get_or_init(|| Arc::new(AtomicBool::new(false)))
}

/// Set by every signal, cleared by the command once it has stopped what was running: the
/// running child is killed while it is on.
pub fn pending() -> &'static Arc<AtomicBool> {
    static FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();
    FLAG.get_or_init(|| Arc::new(AtomicBool::new(false)))
}

/// Installs the handlers. The conditional default is registered before the flag it reads
/// is set, so it sees the state from before this signal: the first one only sets flags, a
/// second one ends the process.
pub fn install() -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    for signal in [SIGINT, SIGTERM, SIGHUP] {
        signal_hook::flag::register_conditional_default(signal, seen_flag().clone())?;
        signal_hook::flag::register(signal, seen_flag().clone())?;
        signal_hook::flag::register(signal, pending().clone())?;
    }
    Ok(())
}

/// Whether a signal arrived at any time in this process.
pub fn seen() -> bool {
    seen_flag().load(Ordering::SeqCst)
}

/// Whether a signal arrived since the last call; clears it, so that the clean-up can run
/// plugins again.
pub fn take_pending() -> bool {
    pending().swap(false, Ordering::SeqCst)
}

/// The timeout of a call started now: `timeout`, or [`CLEANUP_TIMEOUT`] if shorter and
/// cnictl was interrupted.
pub fn call_timeout(timeout: Duration) -> Duration {
    if seen() {
        timeout.min(CLEANUP_TIMEOUT)
    } else {
        timeout
    }
}

/// The error of a command that finished its work but was interrupted meanwhile (a signal
/// during the leak check or the clean-up, or while a command ran no plugin): exit 130.
#[derive(Debug, thiserror::Error)]
#[error("interrupted by a signal")]
pub struct Interrupted;
