//! Integration tests: the real `cnictl` binary against Debian's reference plugins and the
//! repository's fixture plugin, in namespaces each test makes and removes.

mod attach_guard;
mod cnitool;
mod conf;
mod deploy;
mod errors;
mod generated;
mod help;
mod interop;
mod layout;
mod output;
mod probe;
mod real_plugins;
mod record;
mod run_sandbox;
mod run_steps;
mod state;
mod tables;
mod trust;
mod util;
