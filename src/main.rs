//! The `cnictl` binary: parse the command line, run it, print the error chain once, and
//! exit with the code documented in the README.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match cnictl::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() {
                cnictl::exit::Code::Usage.as_u8()
            } else {
                0
            });
        }
    };
    match cnictl::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("cnictl: error: {err:#}");
            ExitCode::from(cnictl::exit::of_error(&err).as_u8())
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
