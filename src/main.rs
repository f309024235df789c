//! The `cnictl` binary: parse the command line, run it, print the error chain once, and
//! exit with the code documented in the README.

use std::process::ExitCode;

fn main() -> ExitCode {
    // Under a plugin's name in a shim directory, cnictl is the recording shim: before
    // anything else, so that the call costs as little as possible.
    if let Some(code) = cnictl::record::shim::run_if_shim() {
        return ExitCode::from(code);
    }
    // First of all, so that a signal at any later point ends cnictl through its clean-up.
    if let Err(e) = cnictl::signals::install() {
        eprintln!("cnictl: error: cannot install signal handlers: {e}");
        return ExitCode::from(cnictl::exit::Code::Environment.as_u8());
    }
    // With COMPLETE set (by the script `cnictl completion SHELL` prints), this run answers a
    // TAB: it prints the candidates and exits here.
    clap_complete::CompleteEnv::with_factory(cnictl::cli::command).complete();
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // Installed (or linked) as `cnitool`, cnictl prints what cnitool prints unless told
    // otherwise, and exits as cnitool exits: a drop-in for scripts.
    let invoked_as = args.first().map(std::path::Path::new).and_then(|p| p.file_name());
    let as_cnitool = invoked_as.is_some_and(|name| name == "cnitool");
    if as_cnitool {
        // cnitool reads its command, network and namespace and ignores what follows.
        let commands = ["add", "check", "del", "gc", "status"];
        let at = args.iter().skip(1).position(|a| commands.iter().any(|k| a == *k));
        if let Some(at) = at.map(|i| i + 1) {
            let after = &args[at + 1..];
            if after.len() > 2 && after.iter().all(|a| !a.to_string_lossy().starts_with('-')) {
                args.truncate(at + 3);
            }
        }
        args.insert(1, "--output=cnitool".into());
    }
    let exit = |code: u8| ExitCode::from(cnictl::exit::status(code, as_cnitool));
    let cli = match cnictl::cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(err) => return exit(cnictl::parse_failure(&err, &args)),
    };
    match cnictl::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            let message = format!("{err:#}");
            eprintln!("cnictl: error: {}", cnictl::render::escape_controls(&message, false));
            exit(cnictl::exit::of_error(&err).as_u8())
        }
    }
}

/// A reader that went away (`cnictl ... | head`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
