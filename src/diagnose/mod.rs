//! What reads a whole configuration directory (or, later, a node) and may ask plugins:
//! the directory survey behind `conf ls`, the linter behind `conf lint`, and the spans that
//! give its findings a line and column. It sits above `exec`; `config` below it reads and
//! resolves files and runs nothing. The linter's knowledge of the world is in rooms of its
//! own: the reference plugins and their fields (`plugins`, checked by `fields`), host-local's
//! ranges (`ranges`, and across networks `overlap`) and the capabilities each runtime passes
//! (`runtimes`); `directory` lints what is on disk, and `verdict` is what `conf ls` shows of
//! lint.

pub mod directory;
pub mod fields;
pub mod lint;
pub mod overlap;
pub mod perms;
pub mod plugins;
pub mod ranges;
pub mod runtimes;
pub use crate::config::spans;
pub mod survey;
pub mod verdict;
