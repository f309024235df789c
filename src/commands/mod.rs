//! One module per subcommand: each turns its arguments into calls and a report, and hands
//! the report to the renderers.

pub mod attach;
pub mod cache;
pub mod completion;
pub mod conf;
pub mod gc;
pub mod generate;
pub mod inspect;
pub mod ipam;
pub mod netns;
pub mod params;
pub mod record;
pub mod run;
pub mod status;
pub mod version;

mod context;

pub use context::{Context, Global, DEFAULT_BIN_DIRS, DEFAULT_CACHE_DIR};
