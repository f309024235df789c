//! The table every report prints: a [`Grid`] of columns declared with [`Col`] (a header, a
//! [`Fit`] and a priority) and rows of [`Text`]. Nothing is wrapped or cut unless stdout is
//! a terminal of a known width ([`Style::width`]), so a pipe, a file or a CI log gets one
//! row a line and every cell whole, for `grep`, `awk` and `cut`. At a terminal that is too
//! narrow, [`fit`] takes width from the least important columns first, and only as far as
//! each column's [`Fit`] allows: names, ids and files stay whole or lose their end (or, for
//! paths, their start) to an ellipsis, never split across lines.

use std::cmp::Reverse;
use std::fmt::Display;
use std::io::{self, IsTerminal, Write};

use comfy_table::{presets, Attribute, Cell, Color, ContentArrangement, Table};

use owo_colors::Style as Paint;

use super::{paint, Style};

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
