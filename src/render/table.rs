//! Tables for people at a terminal, and the shared pieces of every report: what ran, how
//! each plugin fared and how long it took, and the result (interfaces, addresses, routes,
//! DNS).
//!
//! Every table is a [`Grid`]: columns declared with [`Col`] (a header, a [`Fit`] and a
//! priority), rows of [`Text`]. Nothing is wrapped or cut unless stdout is a terminal of a
//! known width ([`Style::width`]), so a pipe, a file or a CI log gets one row a line and
//! every cell whole, for `grep`, `awk` and `cut`. At a terminal that is too narrow,
//! [`fit`] takes width from the least important columns first, and only as far as each
//! column's [`Fit`] allows: names, ids and files stay whole or lose their end (or, for
//! paths, their start) to an ellipsis, never split across lines.

use std::cmp::Reverse;
use std::fmt::Display;
use std::io::{self, IsTerminal, Write};

use comfy_table::{presets, Attribute, Cell, Color, ContentArrangement, Table};
use owo_colors::Style as Paint;

use super::{paint, Style};
use crate::exec::chain::Outcome;
use crate::report::{ConfigSummary, ErrorReport};
use crate::spec::result::CniResult;

/// The width to fit tables to: `COLUMNS`, else the terminal's own size, and only when
/// stdout is a terminal. 0 (from either) means unknown, as it does to `ls`: no fitting.
pub fn terminal_width() -> Option<usize> {
    if !io::stdout().is_terminal() {
        return None;
    }
    let columns = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<usize>().ok());
    let width = match columns {
        Some(n) => n,
        // comfy-table asks the terminal (TIOCGWINSZ) when stdout is one.
        None => usize::from(Table::new().width()?),
    };
    (width > 0).then_some(width)
}

/// How a column gives up width when its table is wider than the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Never narrower than its widest cell: the names and files a reader copies.
    Keep,
    /// Wrapped at spaces only; a word longer than the column stays whole on its line.
    Wrap,
    /// Cut at the end with `…`, keeping the start: container ids, whose start is what
    /// people type (as with docker's short ids, and as fd and rg shorten).
    Head,
    /// Cut at the start with `…`, keeping the end: paths, whose end names the thing.
    Tail,
}

/// One column of a [`Grid`]: its header, how it fits, and how much it matters. Columns
/// wrap by default; the lowest priority shrinks first, and among equals the rightmost.
#[derive(Debug, Clone)]
pub struct Col {
    header: String,
    fit: Fit,
    priority: u8,
}

impl Col {
    pub fn new(header: impl Into<String>) -> Col {
        Col { header: header.into(), fit: Fit::Wrap, priority: 0 }
    }

    /// Never shrinks: see [`Fit::Keep`].
    pub fn keep(self) -> Col {
        Col { fit: Fit::Keep, ..self }
    }

    /// Wraps at spaces: see [`Fit::Wrap`].
    pub fn wrap(self) -> Col {
        Col { fit: Fit::Wrap, ..self }
    }

    /// Keeps the start, cuts the end: see [`Fit::Head`].
    pub fn head(self) -> Col {
        Col { fit: Fit::Head, ..self }
    }

    /// Keeps the end, cuts the start: see [`Fit::Tail`].
    pub fn tail(self) -> Col {
        Col { fit: Fit::Tail, ..self }
    }

    /// Shrinks after the columns of lower priority (default 0).
    pub fn priority(self, priority: u8) -> Col {
        Col { priority, ..self }
    }
}

/// The text of one cell and its colour, shown only when colour is on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    text: String,
    fg: Option<Color>,
}

impl Text {
    pub fn fg(self, fg: Color) -> Text {
        Text { fg: Some(fg), ..self }
    }
}

/// A cell of anything printable.
pub fn text(value: impl Display) -> Text {
    Text { text: value.to_string(), fg: None }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text { text, fg: None }
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        text.to_string().into()
    }
}

impl From<&String> for Text {
    fn from(text: &String) -> Text {
        text.clone().into()
    }
}

/// A table under construction; [`Grid::put`] fits and writes it.
#[derive(Debug, Clone)]
pub struct Grid {
    color: bool,
    headers: bool,
    width: Option<usize>,
    cols: Vec<Col>,
    rows: Vec<Vec<Text>>,
    hide_empty: bool,
}

impl Grid {
    pub fn new(style: &Style, cols: impl IntoIterator<Item = Col>) -> Grid {
        Grid {
            color: style.color,
            headers: !style.no_headers,
            width: style.width,
            cols: cols.into_iter().collect(),
            rows: Vec::new(),
            hide_empty: false,
        }
    }

    /// Leaves out the columns that are empty in every row.
    pub fn hide_empty(self) -> Grid {
        Grid { hide_empty: true, ..self }
    }

    pub fn row<T: Into<Text>>(&mut self, cells: impl IntoIterator<Item = T>) {
        self.rows.push(cells.into_iter().map(Into::into).collect());
    }

    /// The lines of the table, fitted, without trailing blanks.
    pub fn lines(&self) -> Vec<String> {
        fn cell(row: &[Text], c: usize) -> &str {
            row.get(c).map(|t| t.text.as_str()).unwrap_or("")
        }
        let shown: Vec<usize> = (0..self.cols.len())
            .filter(|&c| !self.hide_empty || self.rows.iter().any(|r| !cell(r, c).is_empty()))
            .collect();
        let needs: Vec<Need> = shown
            .iter()
            .map(|&c| {
                let col = &self.cols[c];
                let header = self.headers.then_some(col.header.as_str());
                Need::of(col, header.into_iter().chain(self.rows.iter().map(|r| cell(r, c))))
            })
            .collect();
        let widths = match self.width {
            Some(width) => fit(&needs, width),
            None => needs.iter().map(|n| n.natural).collect(),
        };

        let mut t = Table::new();
        t.load_preset(presets::NOTHING).set_content_arrangement(ContentArrangement::Disabled);
        if self.color {
            t.enforce_styling();
        } else {
            t.force_no_tty();
        }
        let shape = |c: usize, i: usize, s: &str| shape(s, self.cols[c].fit, widths[i]);
        if self.headers {
            t.set_header(shown.iter().enumerate().map(|(i, &c)| {
                Cell::new(shape(c, i, &self.cols[c].header)).add_attribute(Attribute::Bold)
            }));
        }
        for row in &self.rows {
            t.add_row(shown.iter().enumerate().map(|(i, &c)| {
                let text = row.get(c).cloned().unwrap_or_default();
                let cell = Cell::new(shape(c, i, &text.text));
                match text.fg {
                    Some(fg) if self.color => cell.fg(fg),
                    _ => cell,
                }
            }));
        }
        t.to_string().lines().map(|l| l.trim_end().to_string()).collect()
    }

    pub fn put(&self, out: &mut dyn Write) -> io::Result<()> {
        for line in self.lines() {
            writeln!(out, "{line}")?;
        }
        Ok(())
    }

    /// The table under a bold, underlined title (kept with `--no-headers`: it says which
    /// table follows).
    pub fn section(&self, out: &mut dyn Write, title: &str) -> io::Result<()> {
        writeln!(out, "\n{}", paint(self.color, title, Paint::new().bold().underline()))?;
        self.put(out)
    }
}

/// What a column of cells needs: its width unfitted, the least it can take, and how much
/// it matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Need {
    pub natural: usize,
    pub min: usize,
    pub priority: u8,
}

/// A cut column keeps at least this many characters, the ellipsis included.
const MIN_CUT: usize = 12;

impl Need {
    fn of<'a>(col: &Col, cells: impl Iterator<Item = &'a str>) -> Need {
        let (mut natural, mut word) = (0, 0);
        for cell in cells {
            for line in cell.lines() {
                natural = natural.max(width(line));
                word = line.split(' ').map(width).max().unwrap_or(0).max(word);
            }
        }
        let min = match col.fit {
            Fit::Keep => natural,
            Fit::Wrap => word,
            Fit::Head | Fit::Tail => natural.min(MIN_CUT.max(width(&col.header))),
        };
        Need { natural, min, priority: col.priority }
    }
}

/// Display width, counted in chars: cnictl's cells are ASCII but for the odd file name,
/// and an exact count would need unicode-width's tables for little gain.
fn width(s: &str) -> usize {
    s.chars().count()
}

/// The width of each column so the table fits `width`: the columns of lowest priority
/// (the rightmost among equals) give up width first, each down to its minimum before the
/// next gives any. When even the minimums do not fit, the table is as narrow as it can be
/// and wider than asked: a row too wide beats a name cut in two.
pub fn fit(needs: &[Need], width: usize) -> Vec<usize> {
    let mut widths: Vec<usize> = needs.iter().map(|n| n.natural).collect();
    // Each column is padded by a space on both sides; the last one's is trimmed.
    let gaps = (2 * needs.len()).saturating_sub(1);
    let mut excess = (widths.iter().sum::<usize>() + gaps).saturating_sub(width);
    let mut order: Vec<usize> = (0..needs.len()).collect();
    order.sort_by_key(|&i| (needs[i].priority, Reverse(i)));
    for i in order {
        let give = (widths[i] - needs[i].min.min(widths[i])).min(excess);
        widths[i] -= give;
        excess -= give;
    }
    widths
}

/// A cell's text made to fit its column's width, as its [`Fit`] allows.
pub fn shape(text: &str, fit: Fit, columns: usize) -> String {
    let lines = text.lines().map(|line| {
        let n = width(line);
        if n <= columns {
            return line.to_string();
        }
        let keep = columns.saturating_sub(1);
        match fit {
            Fit::Keep => line.to_string(),
            Fit::Wrap => wrap(line, columns),
            Fit::Head => format!("{}…", line.chars().take(keep).collect::<String>()),
            Fit::Tail => format!("…{}", line.chars().skip(n - keep).collect::<String>()),
        }
    });
    lines.collect::<Vec<_>>().join("\n")
}

/// Greedy wrapping at spaces; a word wider than the column gets a line of its own.
fn wrap(line: &str, columns: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for word in line.split(' ').filter(|w| !w.is_empty()) {
        match lines.last_mut() {
            Some(last) if width(last) + 1 + width(word) <= columns => {
                last.push(' ');
                last.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines.join("\n")
}

/// The table of `render/run.rs`, which has not moved to [`Grid`] yet: comfy-table's own
/// wrapping at a terminal of known width, none elsewhere. Use [`Grid`] for anything new.
pub fn table(color: bool, header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING);
    match terminal_width() {
        Some(width) => {
            t.set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(u16::try_from(width).unwrap_or(u16::MAX));
        }
        None => {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    if color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    t.set_header(header.iter().map(|h| Cell::new(h).add_attribute(Attribute::Bold)));
    t
}

/// A comfy-table [`table`] under a title (for `render/run.rs`; [`Grid::section`] for the
/// rest).
pub fn section(out: &mut dyn Write, color: bool, title: &str, t: &Table) -> io::Result<()> {
    writeln!(out, "\n{}", paint(color, title, Paint::new().bold().underline()))?;
    put(out, t)
}

/// The notes of a report, one a line.
pub fn notes(out: &mut dyn Write, color: bool, notes: &[String]) -> io::Result<()> {
    for note in notes {
        writeln!(out, "{} {note}", paint(color, "note:", Paint::new().yellow().bold()))?;
    }
    Ok(())
}

/// Writes a comfy-table [`table`] without the padding comfy-table leaves at the end of each
/// line.
pub fn put(out: &mut dyn Write, t: &Table) -> io::Result<()> {
    for line in t.to_string().lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

pub fn config_lines(out: &mut dyn Write, config: &ConfigSummary) -> io::Result<()> {
    let version = if config.cni_version.is_empty() { "(none: 0.1.0)" } else { &config.cni_version };
    writeln!(
        out,
        "  config     {} ({}, cniVersion {version})",
        config.file.display(),
        match config.format {
            crate::config::Format::Conflist => "list",
            crate::config::Format::Conf => "single plugin, up-converted",
        }
    )?;
    if !config.skipped.is_empty() {
        let mut names: Vec<String> = config
            .skipped
            .iter()
            .take(4)
            .map(|s| format!("{} ({})", file_name(&s.file), s.network))
            .collect();
        if config.skipped.len() > 4 {
            names.push(format!("and {} more files before it", config.skipped.len() - 4));
        }
        writeln!(out, "  passed over {}", names.join(", "))?;
    }
    Ok(())
}

pub fn file_name(path: &std::path::Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

pub fn outcome(outcome: Outcome) -> Text {
    match outcome {
        Outcome::Ok => text("ok").fg(Color::Green),
        Outcome::Failed => text("FAILED").fg(Color::Red),
        Outcome::NotRun => text("not run").fg(Color::DarkGrey),
    }
}

/// The first line of a report: `ADD mynet: ok in 12.3ms`, then where the configuration came
/// from.
pub fn headline(
    out: &mut dyn Write,
    color: bool,
    verb: &str,
    config: &ConfigSummary,
    failed: bool,
    duration_ms: f64,
) -> io::Result<()> {
    let verdict = if failed {
        paint(color, "FAILED", Paint::new().red().bold())
    } else {
        paint(color, "ok", Paint::new().green().bold())
    };
    let verb = paint(color, &verb.to_uppercase(), Paint::new().bold());
    writeln!(out, "{verb} {}: {verdict} in {duration_ms:.1}ms", config.network)?;
    config_lines(out, config)
}

/// The parts of an error that the one-line message on stderr does not carry.
pub fn error_details(out: &mut dyn Write, error: &ErrorReport, color: bool) -> io::Result<()> {
    let head = paint(color, "error:", Paint::new().red().bold());
    match (&error.plugin, error.index) {
        (Some(plugin), Some(index)) => {
            writeln!(out, "\n{head} plugin {} ({plugin}): {}", index + 1, error.kind)?
        }
        _ => writeln!(out, "\n{head} {}", error.kind)?,
    }
    if let Some(cni) = &error.cni_error {
        writeln!(out, "  code      {} ({})", cni.code, cni.meaning)?;
        writeln!(out, "  msg       {}", cni.msg)?;
        if !cni.details.is_empty() {
            writeln!(out, "  details   {}", cni.details)?;
        }
    }
    if let Some(exit) = &error.exit {
        writeln!(out, "  exit      {exit}")?;
    }
    if let Some(stderr) = &error.stderr {
        writeln!(out, "  stderr    {}", stderr.trim_end().replace('\n', "\n            "))?;
    }
    if let Some(hint) = &error.hint {
        writeln!(out, "  {} {hint}", paint(color, "hint:", Paint::new().bold()))?;
    }
    Ok(())
}

/// Interfaces, addresses, routes and DNS of a result.
pub fn cni_result(
    out: &mut dyn Write,
    style: &Style,
    r: &CniResult,
    label: &str,
) -> io::Result<()> {
    let color = style.color;
    writeln!(
        out,
        "\n{} (cniVersion {})",
        paint(color, label, Paint::new().bold().underline()),
        r.cni_version
    )?;
    if !r.interfaces.is_empty() {
        let rows = r
            .interfaces
            .iter()
            .enumerate()
            .map(|(i, iface)| {
                vec![
                    i.to_string(),
                    iface.name.clone(),
                    iface.mac.clone(),
                    if iface.mtu == 0 { String::new() } else { iface.mtu.to_string() },
                    if iface.sandbox.is_empty() { "(host)".into() } else { iface.sandbox.clone() },
                    iface.socket_path.clone(),
                    iface.pci_id.clone(),
                ]
            })
            .collect();
        let cols = [
            Col::new("#").keep().priority(2),
            Col::new("interface").keep().priority(2),
            Col::new("mac").keep().priority(1),
            Col::new("mtu").keep(),
            Col::new("sandbox").tail().priority(1),
            Col::new("socket").tail(),
            Col::new("pci").keep(),
        ];
        rows_of(style, cols, rows).put(out)?;
    }
    if !r.ips.is_empty() {
        let rows = r
            .ips
            .iter()
            .map(|ip| {
                let iface = ip
                    .interface
                    .map(|i| {
                        let name =
                            r.interfaces.get(i as usize).map(|f| f.name.as_str()).unwrap_or("?");
                        format!("{i} ({name})")
                    })
                    .unwrap_or_default();
                vec![ip.address.clone(), ip.gateway.clone(), iface]
            })
            .collect();
        let cols = [Col::new("address").keep(), Col::new("gateway").keep(), Col::new("interface")];
        rows_of(style, cols, rows).put(out)?;
    }
    if !r.routes.is_empty() {
        let num = |n: u64| if n == 0 { String::new() } else { n.to_string() };
        let rows = r
            .routes
            .iter()
            .map(|route| {
                vec![
                    route.dst.clone(),
                    route.gw.clone(),
                    num(route.mtu),
                    num(route.advmss),
                    num(route.priority),
                    route.table.map(|n| n.to_string()).unwrap_or_default(),
                    route.scope.map(|n| n.to_string()).unwrap_or_default(),
                ]
            })
            .collect();
        let cols = ["route", "via", "mtu", "advmss", "priority", "table", "scope"];
        rows_of(style, cols.map(|c| Col::new(c).keep()), rows).put(out)?;
    }
    let dns = &r.dns;
    if !dns.nameservers.is_empty() {
        writeln!(out, "  dns nameservers {}", dns.nameservers.join(", "))?;
    }
    if !dns.domain.is_empty() {
        writeln!(out, "  dns domain {}", dns.domain)?;
    }
    if !dns.search.is_empty() {
        writeln!(out, "  dns search {}", dns.search.join(", "))?;
    }
    if !dns.options.is_empty() {
        writeln!(out, "  dns options {}", dns.options.join(", "))?;
    }
    Ok(())
}

/// The result tables of `render/run.rs`, which has no [`Style`] at hand yet.
pub fn result_tables(
    out: &mut dyn Write,
    r: &CniResult,
    label: &str,
    color: bool,
) -> io::Result<()> {
    let style = Style {
        output: super::Output::Table,
        color,
        trace: false,
        no_headers: false,
        width: terminal_width(),
    };
    cni_result(out, &style, r, label)
}

/// A grid of plain text rows without the columns that are empty in every row.
fn rows_of(style: &Style, cols: impl IntoIterator<Item = Col>, rows: Vec<Vec<String>>) -> Grid {
    let mut t = Grid::new(style, cols).hide_empty();
    for row in rows {
        t.row(row);
    }
    t
}

/// A table of plugin steps: position, type, outcome, time.
pub fn steps(style: &Style, outcome_header: &str, steps: &[crate::exec::chain::Step]) -> Grid {
    let cols = [
        Col::new("#").keep(),
        Col::new("plugin").keep(),
        Col::new(outcome_header).keep(),
        Col::new("time").keep(),
    ];
    let mut t = Grid::new(style, cols);
    for step in steps {
        t.row([
            text(step.index + 1),
            text(&step.plugin_type),
            outcome(step.outcome),
            text(format!("{:.1}ms", step.duration_ms)),
        ]);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Output;

    fn style(width: Option<usize>, no_headers: bool) -> Style {
        Style { output: Output::Table, color: false, trace: false, no_headers, width }
    }

    fn need(natural: usize, min: usize, priority: u8) -> Need {
        Need { natural, min, priority }
    }

    #[test]
    fn fit_leaves_a_table_that_fits_alone() {
        // 10 + 10 + 3 gaps = 23.
        assert_eq!(fit(&[need(10, 2, 0), need(10, 2, 0)], 23), [10, 10]);
        assert_eq!(fit(&[need(10, 2, 0), need(10, 2, 0)], 200), [10, 10]);
    }

    #[test]
    fn fit_shrinks_the_least_important_column_first() {
        let needs = [need(10, 2, 0), need(10, 2, 5), need(10, 2, 1)];
        // 30 + 5 gaps = 35: 5 too wide, all taken from the priority-0 column.
        assert_eq!(fit(&needs, 30), [5, 10, 10]);
        // 12 too wide: 8 from priority 0 (down to its minimum), then 4 from priority 1.
        assert_eq!(fit(&needs, 23), [2, 10, 6]);
    }

    #[test]
    fn fit_takes_from_the_rightmost_of_equal_priority() {
        assert_eq!(fit(&[need(10, 2, 0), need(10, 2, 0)], 20), [10, 7]);
    }

    #[test]
    fn fit_never_goes_below_a_minimum() {
        // A kept column's minimum is its width: the table stays too wide instead.
        assert_eq!(fit(&[need(40, 40, 0), need(10, 4, 0)], 20), [40, 4]);
    }

    #[test]
    fn shape_cuts_with_an_ellipsis_at_the_chosen_end() {
        assert_eq!(shape("0123456789abcdef", Fit::Head, 8), "0123456…");
        assert_eq!(shape("/var/run/netns/ctr1", Fit::Tail, 8), "…ns/ctr1");
        assert_eq!(shape("short", Fit::Head, 8), "short");
        assert_eq!(shape("0123456789abcdef", Fit::Keep, 8), "0123456789abcdef");
    }

    #[test]
    fn shape_wraps_at_spaces_and_keeps_long_words_whole() {
        assert_eq!(
            shape("bridge > tuning > portmap", Fit::Wrap, 10),
            "bridge >\ntuning >\nportmap"
        );
        assert_eq!(
            shape("a cni-plugins-docs--tuning-sysctl.conf b", Fit::Wrap, 10),
            "a\ncni-plugins-docs--tuning-sysctl.conf\nb"
        );
    }

    fn sample(style: &Style) -> Grid {
        let cols = [
            Col::new("file").keep().priority(2),
            Col::new("id").head().priority(1),
            Col::new("plugins").wrap(),
        ];
        let mut t = Grid::new(style, cols);
        t.row([
            "cni-plugins-docs--tuning-sysctl.conf",
            &"f".repeat(64),
            "bridge > tuning > portmap",
        ]);
        t
    }

    #[test]
    fn without_a_width_nothing_is_wrapped_or_cut() {
        let lines = sample(&style(None, false)).lines();
        assert_eq!(lines.len(), 2, "{lines:#?}");
        assert!(lines[1].contains(&"f".repeat(64)), "{lines:#?}");
        assert!(lines[1].ends_with("bridge > tuning > portmap"), "{lines:#?}");
    }

    #[test]
    fn a_narrow_width_wraps_then_cuts_but_never_splits_a_kept_column() {
        // file 36, id down to 12, plugins down to 7 ("portmap"), 5 gaps: 60.
        let lines = sample(&style(Some(60), false)).lines();
        assert!(lines.iter().all(|l| l.chars().count() <= 60), "{lines:#?}");
        assert!(
            lines[1].contains("cni-plugins-docs--tuning-sysctl.conf  fffffffffff…"),
            "{lines:#?}"
        );
        assert_eq!(lines.iter().filter(|l| l.contains("cni-plugins")).count(), 1, "{lines:#?}");
        assert!(lines.iter().any(|l| l.trim_end().ends_with("portmap")), "{lines:#?}");
        // Narrower than the kept column: it stays whole, the rest are at their minimums.
        let lines = sample(&style(Some(20), false)).lines();
        assert!(lines[1].contains("cni-plugins-docs--tuning-sysctl.conf"), "{lines:#?}");
    }

    #[test]
    fn no_headers_drops_the_header_row_and_empty_columns_can_go() {
        let lines = sample(&style(None, true)).lines();
        assert_eq!(lines.len(), 1, "{lines:#?}");
        let mut t = Grid::new(&style(None, false), [Col::new("a"), Col::new("b"), Col::new("c")])
            .hide_empty();
        t.row(["1", "", "3"]);
        assert_eq!(t.lines(), [" a  c", " 1  3"]);
    }
}
