//! Integration tests: the real `cnictl` binary against Debian's reference plugins and the
//! repository's fixture plugin, in namespaces each test makes and removes.

mod conf;
mod deploy;
mod errors;
mod generated;
mod help;
mod interop;
mod real_plugins;
mod run_sandbox;
mod state;
mod util;
