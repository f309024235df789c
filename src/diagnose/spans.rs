//! Where each key of a JSON document starts (line and column, 1-based), so that a
//! diagnostic about `plugins[1].ipMasq` can point at the text. serde_json keeps no
//! positions; this is a small scanner over text that is already known to parse.

use std::collections::HashMap;

/// Key positions by JSON pointer (`/plugins/1/ipMasq`).
pub type Spans = HashMap<String, (usize, usize)>;

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
    line_start: usize,
    spans: Spans,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn bump(&mut self) {
        if self.peek() == Some(b'\n') {
            self.line += 1;
            self.line_start = self.pos + 1;
        }
        self.pos += 1;
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn column(&self) -> usize {
        // Columns count characters, not bytes.
        String::from_utf8_lossy(&self.bytes[self.line_start..self.pos]).chars().count() + 1
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
    let mut scanner = Scanner { bytes: text, pos: 0, line: 1, line_start: 0, spans: Spans::new() };
    let _ = scanner.value("");
    scanner.spans
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
}
