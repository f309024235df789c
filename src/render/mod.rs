//! Rendering reports: readable tables, JSON, cnitool's exact output, names one a line, and
//! raw traces ([`trace`]). Every report implements [`Render`]; `Context::emit` is the one
//! place that writes one, errors included. Nothing else in cnictl prints. The files mirror
//! `report/`: one per command family, with the shared table helpers in [`table`].

pub mod attach;
pub mod cache;
pub mod conf;
pub mod gc;
pub mod grid;
pub mod inspect;
pub mod ipam;
pub mod netns;
pub mod run;
pub mod status;
pub mod table;
pub mod trace;
pub mod version;

use std::io::{self, IsTerminal, Write};

use clap::ValueEnum;
use serde::Serialize;

/// The output formats of `-o`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Output {
    /// Readable tables
    Table,
    /// One JSON report on stdout, also for failures
    Json,
    /// cnitool's output: the final result of ADD as JSON, nothing for other commands
    Cnitool,
    /// The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)
    Name,
}

/// When to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// What every report knows how to be. JSON comes from `Serialize`; the rest is here.
pub trait Render: Serialize {
    /// Tables and text for a person.
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()>;

    /// What cnitool prints for this command: nothing, unless the report says otherwise.
    fn cnitool(&self) -> Option<String> {
        None
    }

    /// `-o name`: the names of what the report lists, for commands that list things.
    fn names(&self) -> Option<Vec<String>> {
        None
    }
}

/// Writes a report in the chosen format.
pub fn write(out: &mut dyn Write, style: &Style, report: &dyn Rendered) -> io::Result<()> {
    match style.output {
        Output::Json => report.json(out),
        Output::Table => report.table(out, style),
        Output::Cnitool => write!(out, "{}", report.cnitool().unwrap_or_default()),
        Output::Name => {
            for name in report.names().unwrap_or_default() {
                writeln!(out, "{name}")?;
            }
            Ok(())
        }
    }
}

/// [`Render`] made object-safe: JSON through `serde_json`, the rest forwarded.
pub trait Rendered {
    fn json(&self, out: &mut dyn Write) -> io::Result<()>;
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()>;
    fn cnitool(&self) -> Option<String>;
    fn names(&self) -> Option<Vec<String>>;
}

impl<T: Render> Rendered for T {
    fn json(&self, out: &mut dyn Write) -> io::Result<()> {
        json(out, self)
    }
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        Render::table(self, out, style)
    }
    fn cnitool(&self) -> Option<String> {
        Render::cnitool(self)
    }
    fn names(&self) -> Option<Vec<String>> {
        Render::names(self)
    }
}

/// How to render.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub output: Output,
    pub color: bool,
    pub trace: bool,
    /// `--no-headers`: tables without their header row.
    pub no_headers: bool,
    /// The width tables fit into: a terminal's, or none (a pipe, a file, a terminal that
    /// reports 0 columns), and then nothing is wrapped or cut. See [`table::terminal_width`].
    pub width: Option<usize>,
}

impl Style {
    /// Colour under `auto` only when stdout is a terminal and NO_COLOR is unset or empty.
    pub fn new(output: Output, choice: ColorChoice, trace: bool, no_headers: bool) -> Style {
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && io::stdout().is_terminal()
            }
        };
        Style { output, color, trace, no_headers, width: table::terminal_width() }
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
