//! JSON input: field paths from serde_path_to_error, and the way back from
//! a field path to where its value is written, for messages about values
//! that parse but break a rule (serde_json keeps no spans).

use std::ops::Range;

use super::source::{FieldPath, Seg};

/// A serde_path_to_error path as our field path.
pub fn field_path(path: &serde_path_to_error::Path) -> FieldPath {
    use serde_path_to_error::Segment;
    FieldPath(
        path.iter()
            .filter_map(|seg| match seg {
                Segment::Seq { index } => Some(Seg::Index(*index)),
                Segment::Map { key } => Some(Seg::Key(key.clone())),
                Segment::Enum { variant } => Some(Seg::Key(variant.clone())),
                Segment::Unknown => None,
            })
            .collect(),
    )
}

/// The bytes of the value at `path` in `text`, a valid JSON document.
pub fn locate(text: &str, path: &FieldPath) -> Option<Range<usize>> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
    };
    let start = scanner.find(&path.0)?;
    scanner.skip_value()?;
    Some(start..scanner.pos)
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn skip_ws(&mut self) {
        while self
            .bytes
            .get(self.pos)
            .is_some_and(u8::is_ascii_whitespace)
        {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Where the value that `target` (the path's remaining steps) names
    /// starts, searching from the value at the current position.
    fn find(&mut self, target: &[Seg]) -> Option<usize> {
        self.skip_ws();
        let Some((first, rest)) = target.split_first() else {
            return Some(self.pos);
        };
        match (self.peek()?, first) {
            (b'{', Seg::Key(key)) => {
                self.pos += 1;
                loop {
                    self.skip_ws();
                    if self.peek()? == b'}' {
                        return None;
                    }
                    let raw = self.string()?;
                    let name: String = serde_json::from_slice(raw).ok()?;
                    self.skip_ws();
                    if self.peek()? != b':' {
                        return None;
                    }
                    self.pos += 1;
                    if name == *key {
                        return self.find(rest);
                    }
                    self.skip_value()?;
                    self.skip_ws();
                    if self.peek()? == b',' {
                        self.pos += 1;
                    }
                }
            }
            (b'[', Seg::Index(index)) => {
                self.pos += 1;
                for _ in 0..*index {
                    self.skip_value()?;
                    self.skip_ws();
                    if self.peek()? != b',' {
                        return None;
                    }
                    self.pos += 1;
                }
                self.find(rest)
            }
            _ => None,
        }
    }

    /// The raw bytes of a string, quotes included.
    fn string(&mut self) -> Option<&[u8]> {
        let start = self.pos;
        if self.peek()? != b'"' {
            return None;
        }
        self.pos += 1;
        loop {
            match self.peek()? {
                b'\\' => self.pos += 2,
                b'"' => {
                    self.pos += 1;
                    return Some(&self.bytes[start..self.pos]);
                }
                _ => self.pos += 1,
            }
        }
    }

    fn skip_value(&mut self) -> Option<()> {
        self.skip_ws();
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.pos += 1;
                loop {
                    self.skip_ws();
                    let c = self.peek()?;
                    if c == close {
                        self.pos += 1;
                        return Some(());
                    }
                    if c == b',' || c == b':' {
                        self.pos += 1;
                        continue;
                    }
                    self.skip_value()?;
                }
            }
            _ => {
                while self
                    .peek()
                    .is_some_and(|c| !matches!(c, b',' | b'}' | b']') && !c.is_ascii_whitespace())
                {
                    self.pos += 1;
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_nested_values() {
        let text = r#"{ "a": 1, "b": { "c": [ "x", {"d": "y"} ] }, "e": "z" }"#;
        let at = |path: FieldPath| locate(text, &path).map(|span| &text[span]);
        let root = FieldPath::default();
        assert_eq!(at(root.key("a")), Some("1"));
        assert_eq!(at(root.key("b").key("c")), Some(r#"[ "x", {"d": "y"} ]"#));
        assert_eq!(at(root.key("b").key("c").index(1).key("d")), Some("\"y\""));
        assert_eq!(at(root.key("e")), Some("\"z\""));
        assert_eq!(at(root.key("f")), None);
    }
}
