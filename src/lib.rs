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
pub mod record;
pub mod render;
pub mod report;
pub mod sandbox;
pub mod shell;
pub mod signals;
pub mod spec;

/// What the fuzz targets in `fuzz/` call that is not otherwise meant for callers.
#[doc(hidden)]
pub mod fuzzing {
    pub use crate::config::quick::quick as quick_summary;
    pub use crate::config::spans::locate;
}

use anyhow::Result;

use cli::{Cli, Command};
use commands::Context;
use render::Output;

/// Runs a parsed command line.
///
/// The signal handlers of [`signals`] must be installed already (`main` does it first).
pub fn run(cli: Cli) -> Result<()> {
    let ctx = Context::new(cli.global);
    let name = cli.command.name();
    if ctx.style.output == Output::Name && !cli.command.lists() {
        let err = exit::UsageError(format!(
            "-o name is for commands that list things (conf ls, netns ls, cache ls, record ls); \
             `{name}` lists nothing: use -o table or -o json"
        ))
        .into();
        ctx.emit_failure(&name, &err)?;
        return Err(err);
    }
    let result = match &cli.command {
        Command::Add(args) => commands::attach::add(&ctx, args),
        Command::Check(args) => commands::attach::check(&ctx, args),
        Command::Del(args) => commands::attach::del(&ctx, args),
        Command::Version(args) => commands::version::run(&ctx, args),
        Command::Run(args) => commands::run::run(&ctx, args),
        Command::Status(args) => commands::status::run(&ctx, args),
        Command::Gc(args) => commands::gc::run(&ctx, args),
        Command::Netns(args) => commands::netns::run(&ctx, args),
        Command::Inspect(args) => commands::inspect::run(&ctx, args),
        Command::Conf(args) => commands::conf::run(&ctx, args),
        Command::Record(args) => commands::record::run(&ctx, args),
        Command::Cache(args) => commands::cache::run(&ctx, args),
        Command::Ipam(args) => commands::ipam::run(&ctx, args),
        Command::Completion(args) => commands::completion::run(args),
        Command::Generate(args) => commands::generate::run(args),
    };
    if let Err(err) = &result {
        ctx.emit_failure(&name, err)?;
    }
    // A signal that came while the command did work that runs no plugin (a table being
    // read, the clean-up after the last call) still makes the exit 130; the report was
    // printed, and stands.
    if result.is_ok() && signals::seen() {
        return Err(signals::Interrupted.into());
    }
    result
}

/// A command line that did not parse. clap has printed why on stderr; with `-o json` (in
/// any of its spellings) stdout also gets the JSON failure object every command gives.
/// Returns the exit code: 0 for `--help` and `--version`, else usage.
pub fn parse_failure(err: &clap::Error, args: &[std::ffi::OsString]) -> u8 {
    let _ = err.print();
    if !err.use_stderr() {
        return 0;
    }
    let code = exit::Code::Usage;
    if wants_json(args) {
        use clap::CommandFactory;
        let words: Vec<String> = args.iter().skip(1).map(|a| a.to_string_lossy().into()).collect();
        let cmd = Cli::command();
        let name = words
            .iter()
            .find(|w| cmd.get_subcommands().any(|s| s.get_name() == w.as_str()))
            .cloned()
            .unwrap_or_default();
        let message = err.kind().as_str().map(str::to_string).unwrap_or_else(|| {
            err.to_string().lines().next().unwrap_or_default().trim_start_matches("error: ").into()
        });
        let error = report::ErrorReport::simple(report::ErrorKind::Usage, code, message, None);
        let _ =
            render::json(&mut std::io::stdout(), &report::FailureReport { command: name, error });
    }
    code.as_u8()
}

/// Whether the arguments ask for JSON output: `-o json`, `-ojson`, `-o=json`,
/// `--output json`, `--output=json`.
fn wants_json(args: &[std::ffi::OsString]) -> bool {
    let words: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    words.iter().enumerate().any(|(i, w)| {
        let next_is_json = words.get(i + 1).is_some_and(|n| n == "json");
        matches!(w.as_str(), "-ojson" | "-o=json" | "--output=json")
            || (matches!(w.as_str(), "-o" | "--output") && next_is_json)
    })
}
