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
pub mod record;
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
        Output::Cnitool => write!(out, "{}", report.cnitool().unwrap_or_default()),
        Output::Table => {
            let mut text = Vec::new();
            report.table(&mut text, style)?;
            out.write_all(escape_controls(&String::from_utf8_lossy(&text), style.color).as_bytes())
        }
        Output::Name => {
            for name in report.names().unwrap_or_default() {
                writeln!(out, "{}", escape_controls(&name, false))?;
            }
            Ok(())
        }
    }
}

/// Human text with every control character made visible (`\x1B`, `\x07`, `\r`), but for
/// newlines and tabs: a network name, a plugin's stderr or an error message must not be
/// able to move the cursor, retitle the terminal or hide text. With `keep_sgr`, colour
/// sequences (`ESC [ ... m`) pass, since cnictl paints with them. JSON stays exact.
pub fn escape_controls(text: &str, keep_sgr: bool) -> std::borrow::Cow<'_, str> {
    let plain = |c: char| !c.is_control() || c == '\n' || c == '\t';
    if text.chars().all(plain) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\x1b' && keep_sgr {
            if let Some(len) = sgr_len(rest) {
                out.push_str(&rest[..len]);
                rest = &rest[len..];
                continue;
            }
        }
        if plain(c) {
            out.push(c);
        } else {
            out.push_str(&format!("\\x{:02X}", u32::from(c)));
        }
        rest = &rest[c.len_utf8()..];
    }
    std::borrow::Cow::Owned(out)
}

/// The length of a colour sequence (`ESC [`, digits and `;`, `m`) at the start of `text`.
fn sgr_len(text: &str) -> Option<usize> {
    let body = text.strip_prefix("\x1b[")?;
    let params = body.find(|c: char| !(c.is_ascii_digit() || c == ';'))?;
    (body[params..].starts_with('m')).then_some(2 + params + 1)
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

#[cfg(test)]
mod tests {
    use super::escape_controls;

    #[test]
    fn control_characters_are_made_visible_but_colour_may_pass() {
        let name = "rl\u{1b}]0;pwned\u{7}x";
        assert_eq!(escape_controls(name, false), "rl\\x1B]0;pwned\\x07x");
        assert_eq!(escape_controls(name, true), "rl\\x1B]0;pwned\\x07x");
        assert_eq!(escape_controls("a\rb\u{9b}c", false), "a\\x0Db\\x9Bc");
        let painted = "\u{1b}[1;32mok\u{1b}[0m\n\tnext";
        assert_eq!(escape_controls(painted, true), painted);
        assert_eq!(escape_controls(painted, false), "\\x1B[1;32mok\\x1B[0m\n\tnext");
        assert_eq!(escape_controls("plain é text\n", false), "plain é text\n");
    }
}
