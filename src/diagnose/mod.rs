//! What reads a whole configuration directory (or, later, a node) and may ask plugins:
//! the directory survey behind `conf ls`, the linter behind `conf lint`, and the spans that
//! give its findings a line and column. It sits above `exec`; `config` below it reads and
//! resolves files and runs nothing.

pub mod lint;
pub mod perms;
pub use crate::config::spans;
pub mod survey;
