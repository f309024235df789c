//! The line a terminal shows while a call takes long: which plugin, which operation, and
//! for how long, drawn on stderr once a call has run for [`AFTER`] and cleared when it ends.
//! Nothing is drawn when stderr is not a terminal, so scripts and logs never see it.

use std::cell::RefCell;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a call runs before the line appears.
pub const AFTER: Duration = Duration::from_secs(1);

/// The progress line of one call.
pub struct SlowLine {
    label: String,
    timeout: Duration,
    bar: RefCell<Option<ProgressBar>>,
}

impl SlowLine {
    /// For `plugin` running `op` (control characters are dropped: the line is printed raw).
    pub fn new(plugin: &str, op: &str, timeout: Duration) -> SlowLine {
        let label: String = format!("{plugin} {op}").chars().filter(|c| !c.is_control()).collect();
        SlowLine { label, timeout, bar: RefCell::new(None) }
    }

    /// What [`super::process::Spec::tick`] calls.
    pub fn tick(&self, elapsed: Option<Duration>) {
        let mut bar = self.bar.borrow_mut();
        let Some(elapsed) = elapsed else {
            if let Some(bar) = bar.take() {
                bar.finish_and_clear();
            }
            return;
        };
        if elapsed < AFTER {
            return;
        }
        let bar = bar.get_or_insert_with(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template("cnictl: {spinner} {msg}") {
                bar.set_style(style);
            }
            bar
        });
        bar.set_message(format!(
            "waiting for {}: {:.1}s (timeout {}s; Ctrl-C stops it)",
            self.label,
            elapsed.as_secs_f64(),
            self.timeout.as_secs()
        ));
        bar.tick();
    }
}
