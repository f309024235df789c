//! Rendering reports: readable tables ([`table`]), JSON, cnitool's exact output, and raw
//! traces ([`trace`]). Nothing else in cnictl prints.

pub mod conf;
pub mod namespaces;
pub mod state;
pub mod table;
pub mod trace;

use std::io::{self, IsTerminal, Write};

use serde::Serialize;

use crate::cli::{ColorChoice, Output};

/// How to render.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub output: Output,
    pub color: bool,
    pub trace: bool,
}

impl Style {
    /// Colour under `auto` only when stdout is a terminal and NO_COLOR is unset or empty.
    pub fn new(output: Output, choice: ColorChoice, trace: bool) -> Style {
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && io::stdout().is_terminal()
            }
        };
        Style { output, color, trace }
    }
}

/// Standard output, buffered: a report goes out in a few writes, not one per line.
/// Callers flush it when done.
pub fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::with_capacity(64 * 1024, io::stdout().lock())
}

/// Writes a report as pretty JSON and a newline.
pub fn json<T: Serialize>(out: &mut dyn Write, report: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}

/// Paints text when colour is on.
pub fn paint(on: bool, text: &str, style: owo_colors::Style) -> String {
    use owo_colors::OwoColorize;
    if on {
        text.style(style).to_string()
    } else {
        text.to_string()
    }
}
