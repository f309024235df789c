//! What reads a whole configuration directory (or, later, a node) and may ask plugins:
//! the directory survey behind `conf ls`, the linter behind `conf lint`, and the spans that
//! give its findings a line and column. It sits above `exec`; `config` below it reads and
//! resolves files and runs nothing. What the linter knows of the runtimes is a room of its
//! own: the capabilities each passes (`runtimes`).

pub mod lint;
pub mod perms;
pub mod runtimes;
pub mod spans;
pub mod survey;
