//! cnictl: a debugger for CNI plugins. It resolves network configurations as libcni and the
//! runtimes do, runs the real plugin binaries with the spec's operations, and reports every
//! call. `main.rs` parses the command line and calls [`run`]; everything else lives here.

pub mod cache;
pub mod cli;
pub mod commands;
pub mod config;
pub mod diagnose;
pub mod exec;
pub mod exit;
pub mod inspect;
pub mod leaks;
pub mod netns;
pub mod render;
pub mod report;
pub mod sandbox;
pub mod spec;

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

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    install_signal_handlers()?;
    let ctx = Context::new(cli.global);
    let (name, result) = match &cli.command {
        Command::Add(args) => ("add", commands::attach::run(&ctx, Op::Add, args)),
        Command::Check(args) => ("check", commands::attach::run(&ctx, Op::Check, args)),
        Command::Del(args) => ("del", commands::attach::run(&ctx, Op::Del, args)),
        Command::Version(args) => ("version", commands::version::run(&ctx, args)),
        Command::Run(args) => ("run", commands::run::run(&ctx, args)),
        Command::Status(args) => ("status", commands::status::run(&ctx, args)),
        Command::Gc(args) => ("gc", commands::gc::run(&ctx, args)),
        Command::Netns(args) => ("netns", commands::netns::run(&ctx, args)),
        Command::Inspect(args) => ("inspect", commands::inspect::run(&ctx, args)),
        Command::Conf(args) => ("conf", commands::conf::run(&ctx, args)),
        Command::Cache(args) => ("cache", commands::cache::run(&ctx, args)),
        Command::Ipam(args) => ("ipam", commands::ipam::run(&ctx, args)),
        Command::Generate(args) => ("generate", commands::generate::run(args)),
    };
    if let Err(err) = &result {
        if ctx.style.output == cli::Output::Json && !ctx.rendered.get() {
            // A failure before any report (configuration, root, namespace): JSON readers
            // still get one object saying why.
            let code = exit::of_error(err);
            let kind = match code {
                exit::Code::Usage => "usage",
                exit::Code::Environment => "environment",
                exit::Code::Interrupted => "interrupted",
                _ => "failed",
            };
            let error = report::ErrorReport::simple(kind, code, format!("{err:#}"), None);
            let _ = render::json(
                &mut std::io::stdout(),
                &serde_json::json!({"command": name, "error": error}),
            );
        }
    }
    result
}
