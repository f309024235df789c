//! cnictl: a debugger for CNI plugins. It resolves network configurations as libcni and the
//! runtimes do, runs the real plugin binaries with the spec's operations, and reports every
//! call. `main.rs` parses the command line and calls [`run`]; everything else lives here.

pub mod cache;
pub mod cli;
pub mod commands;
pub mod config;
pub mod exec;
pub mod exit;
pub mod netns;
pub mod render;
pub mod report;
pub mod spec;

use std::sync::atomic::Ordering;

use anyhow::Result;

use cli::{Cli, Command};
use commands::Context;
use exec::Command as Op;

/// Turns SIGINT, SIGTERM and SIGHUP into a flag: the running plugin is killed, the command
/// cleans up what it made, and cnictl exits with [`exit::Code::Interrupted`]. A second
/// signal ends cnictl at once.
fn install_signal_handlers() -> Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let flag = exec::plugin::interrupt_flag();
    for signal in [SIGINT, SIGTERM, SIGHUP] {
        signal_hook::flag::register_conditional_default(signal, flag.clone())?;
        signal_hook::flag::register(signal, flag.clone())?;
    }
    Ok(())
}

/// Whether a signal asked cnictl to stop.
pub fn interrupted() -> bool {
    exec::plugin::interrupt_flag().load(Ordering::SeqCst)
}
/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    install_signal_handlers()?;
    let ctx = Context::new(cli.global);
    match &cli.command {
        Command::Add(args) => commands::attach::run(&ctx, Op::Add, args),
        Command::Check(args) => commands::attach::run(&ctx, Op::Check, args),
        Command::Del(args) => commands::attach::run(&ctx, Op::Del, args),
        Command::Version(args) => commands::version::run(&ctx, args),
    }
}
