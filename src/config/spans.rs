//! Where each key of a JSON document starts (line and column, 1-based), so that a
//! diagnostic about `plugins[1].ipMasq` can point at the text. serde_json keeps no
//! positions; this is a small scanner over text that is already known to parse.
//!
//! Columns are counted incrementally: each line's characters are counted once, up to the
//! furthest position asked so far, so a one-line file of many keys (as `jq -c` writes)
//! costs time linear in its length, not quadratic (issue 10, item 24).

use std::collections::HashMap;

/// Key positions by JSON pointer (`/plugins/1/ipMasq`).
pub type Spans = HashMap<String, (usize, usize)>;

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
    columns: Columns,
    spans: Spans,
}

/// The column of positions on the current line, counted from where the last count stopped.
#[derive(Debug, Default)]
struct Columns {
    /// Where the current line starts.
    line_start: usize,
    /// How far the line has been counted, and how many characters that was.
    counted_to: usize,
    chars: usize,
    /// Bytes looked at over the whole text: what keeps the count linear, and what the
    /// tests check.
    examined: usize,
}

impl Columns {
    fn new_line(&mut self, start: usize) {
        self.line_start = start;
        self.counted_to = start;
        self.chars = 0;
    }

    /// The 1-based column of `pos` (on the current line, at or after the last position
    /// asked), in characters: UTF-8 bytes that do not continue a character.
    fn at(&mut self, bytes: &[u8], pos: usize) -> usize {
        debug_assert!(pos >= self.counted_to, "columns are asked in text order");
        let pos = pos.max(self.counted_to).min(bytes.len());
        let new = &bytes[self.counted_to..pos];
        self.chars += new.iter().filter(|b| (**b & 0xC0) != 0x80).count();
        self.examined += new.len();
        self.counted_to = pos;
        self.chars + 1
    }
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn bump(&mut self) {
        if self.peek() == Some(b'\n') {
            self.line += 1;
            self.columns.new_line(self.pos + 1);
        }
        self.pos += 1;
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn column(&mut self) -> usize {
        self.columns.at(self.bytes, self.pos)
    }

    fn string(&mut self) -> Option<String> {
        let start = self.pos;
        self.bump();
        while let Some(b) = self.peek() {
            match b {
                b'\\' => {
                    self.bump();
                    self.bump();
                }
                b'"' => {
                    self.bump();
                    return serde_json::from_slice(&self.bytes[start..self.pos]).ok();
                }
                _ => self.bump(),
            }
        }
        None
    }

    fn value(&mut self, pointer: &str) -> Option<()> {
        self.skip_ws();
        match self.peek()? {
            b'{' => {
                self.bump();
                loop {
                    self.skip_ws();
                    match self.peek()? {
                        b'}' => {
                            self.bump();
                            return Some(());
                        }
                        b',' => self.bump(),
                        b'"' => {
                            let at = (self.line, self.column());
                            let key = self.string()?;
                            let child =
                                format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"));
                            self.spans.entry(child.clone()).or_insert(at);
                            self.skip_ws();
                            if self.peek()? != b':' {
                                return None;
                            }
                            self.bump();
                            self.value(&child)?;
                        }
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.bump();
                let mut index = 0;
                loop {
                    self.skip_ws();
                    match self.peek()? {
                        b']' => {
                            self.bump();
                            return Some(());
                        }
                        b',' => {
                            self.bump();
                            index += 1;
                        }
                        _ => {
                            let child = format!("{pointer}/{index}");
                            let at = (self.line, self.column());
                            self.spans.entry(child.clone()).or_insert(at);
                            self.value(&child)?;
                        }
                    }
                }
            }
            b'"' => self.string().map(|_| ()),
            _ => {
                while matches!(self.peek(), Some(b) if !matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
                {
                    self.bump();
                }
                Some(())
            }
        }
    }
}

/// The positions of every key and array element in `text`.
pub fn locate(text: &[u8]) -> Spans {
    scan(text).spans
}

fn scan(text: &[u8]) -> Scanner<'_> {
    let mut scanner =
        Scanner { bytes: text, pos: 0, line: 1, columns: Columns::default(), spans: Spans::new() };
    let _ = scanner.value("");
    scanner
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_keys_and_elements() {
        let text = b"{\n  \"name\": \"x\",\n  \"plugins\": [\n    {\"type\": \"a\"},\n    {\"type\": \"b\", \"ipMasq\": \"true\"}\n  ]\n}";
        let spans = locate(text);
        assert_eq!(spans["/name"], (2, 3));
        assert_eq!(spans["/plugins/1"], (5, 5));
        assert_eq!(spans["/plugins/1/ipMasq"], (5, 19));
        assert_eq!(spans["/plugins/0/type"], (4, 6));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let spans = locate("{\"é\": 1, \"ü\": {\"x\": [1, \"ß\"]}}".as_bytes());
        assert_eq!(spans["/é"], (1, 2));
        assert_eq!(spans["/ü"], (1, 10));
        assert_eq!(spans["/ü/x"], (1, 16));
        assert_eq!(spans["/ü/x/1"], (1, 25));
    }

    /// Issue 10, item 24: each key's column was counted from the start of its line, so a
    /// one-line file of n keys cost n times its length. Counted incrementally, every byte
    /// of the text is looked at once at most, however many keys share the line.
    #[test]
    fn a_one_line_file_of_many_keys_counts_each_byte_once() {
        let keys: Vec<String> = (0..20_000).map(|i| format!("\"k{i}\":\"ü{i}\"")).collect();
        let text =
            format!("{{\"name\":\"n\",\"plugins\":[{{\"type\":\"a\",{}}}]}}", keys.join(","));
        let scanner = scan(text.as_bytes());
        assert_eq!(scanner.spans.len(), 20_000 + 4);
        assert!(
            scanner.columns.examined <= text.len(),
            "{} bytes looked at for a text of {}",
            scanner.columns.examined,
            text.len()
        );
        let last = &scanner.spans["/plugins/0/k19999"];
        let expected = text[..text.find("\"k19999\"").unwrap()].chars().count() + 1;
        assert_eq!(*last, (1, expected));
    }
}
