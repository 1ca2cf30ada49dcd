//! A forgiving walk over TOML text that the parser refused: which field and
//! item a spot is in, which list is still open there, where the last text in
//! quotes ended. The parser stops at the first thing it cannot read; this is
//! what lets a message point at the mistake a person made instead.

use super::source::{FieldPath, Seg};

/// What surrounds a byte offset of the text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Surroundings {
    /// The field the offset is in, with the item's index in a list.
    pub path: FieldPath,
    /// The innermost list still open at the offset.
    pub open_list: Option<OpenList>,
    /// Just past the closing quote of the last text before the offset.
    pub last_text_end: Option<usize>,
}

/// A list whose `[` has no `]` yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenList {
    /// The offset of its `[`.
    pub start: usize,
    /// The field the list is the value of.
    pub path: FieldPath,
}

enum Frame {
    List {
        start: usize,
        path: FieldPath,
        index: usize,
    },
    Inline {
        key_start: usize,
        key: Option<Vec<Seg>>,
    },
}

/// Reads `text` up to `offset` as TOML is written, without giving up on
/// errors.
pub fn surroundings(text: &str, offset: usize) -> Surroundings {
    let bytes = text.as_bytes();
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut header: Vec<Seg> = Vec::new();
    let mut key: Option<Vec<Seg>> = None;
    let mut key_start = 0;
    let mut stack: Vec<Frame> = Vec::new();
    let mut last_text_end = None;
    let mut line_start = true;
    let mut i = 0;
    while i < end {
        let c = bytes[i];
        match c {
            b'\n' => {
                line_start = true;
                if stack.is_empty() {
                    key_start = i + 1;
                }
                i += 1;
                continue;
            }
            b'"' | b'\'' => {
                let (close, closed) = skip_text(text, i);
                if close > end {
                    // The offset is inside this text.
                    break;
                }
                last_text_end = closed.then_some(close);
                i = close;
            }
            b'#' => {
                i = line_end(text, i);
                continue;
            }
            b'[' if stack.is_empty() && line_start => {
                let close = line_end(text, i);
                header = keys(
                    text[i..close]
                        .trim_start_matches('[')
                        .split(']')
                        .next()
                        .unwrap_or_default(),
                );
                key = None;
                i = close;
                continue;
            }
            b'[' => {
                let path = current(&header, &key, &stack);
                stack.push(Frame::List {
                    start: i,
                    path,
                    index: 0,
                });
                i += 1;
            }
            b']' => {
                if matches!(stack.last(), Some(Frame::List { .. })) {
                    stack.pop();
                }
                i += 1;
            }
            b'{' => {
                stack.push(Frame::Inline {
                    key_start: i + 1,
                    key: None,
                });
                i += 1;
            }
            b'}' => {
                if matches!(stack.last(), Some(Frame::Inline { .. })) {
                    stack.pop();
                }
                i += 1;
            }
            b',' => {
                match stack.last_mut() {
                    Some(Frame::List { index, .. }) => *index += 1,
                    Some(Frame::Inline { key_start, key }) => {
                        *key_start = i + 1;
                        *key = None;
                    }
                    None => {}
                }
                i += 1;
            }
            b'=' => {
                match stack.last_mut() {
                    None => key = Some(keys(&text[key_start..i])),
                    Some(Frame::Inline { key_start, key }) => {
                        *key = Some(keys(&text[*key_start..i]));
                    }
                    Some(Frame::List { .. }) => {}
                }
                i += 1;
            }
            _ => i += 1,
        }
        if !c.is_ascii_whitespace() {
            line_start = false;
        }
    }
    // On a key before its `=`: the field that key names.
    if stack.is_empty() && key_start <= end && !text[key_start..end].contains('=') {
        let rest = &text[key_start..line_end(text, key_start)];
        key = rest.split_once('=').map(|(k, _)| keys(k));
    }
    let open_list = stack.iter().rev().find_map(|frame| match frame {
        Frame::List { start, path, .. } => Some(OpenList {
            start: *start,
            path: path.clone(),
        }),
        Frame::Inline { .. } => None,
    });
    Surroundings {
        path: current(&header, &key, &stack),
        open_list,
        last_text_end,
    }
}

/// The path at this point of the walk.
fn current(header: &[Seg], key: &Option<Vec<Seg>>, stack: &[Frame]) -> FieldPath {
    let mut path: Vec<Seg> = header.to_vec();
    path.extend(key.iter().flatten().cloned());
    for frame in stack {
        match frame {
            Frame::List { index, .. } => path.push(Seg::Index(*index)),
            Frame::Inline { key, .. } => path.extend(key.iter().flatten().cloned()),
        }
    }
    FieldPath(path)
}

/// The keys of a dotted key as written: `a.b`, `"kính gửi"`.
fn keys(written: &str) -> Vec<Seg> {
    written
        .split('.')
        .map(|k| k.trim().trim_matches(['"', '\'']))
        .filter(|k| !k.is_empty())
        .map(|k| Seg::Key(k.to_owned()))
        .collect()
}

fn line_end(text: &str, from: usize) -> usize {
    text[from..].find('\n').map_or(text.len(), |i| from + i)
}

/// The end of the text in quotes starting at `start`, just past its closing
/// quote, and whether it was closed. A one-line text left open ends at its
/// line's end.
fn skip_text(text: &str, start: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let quote = bytes[start];
    let triple = [quote; 3];
    let basic = quote == b'"';
    if bytes[start..].starts_with(&triple) {
        let mut i = start + 3;
        while i < bytes.len() {
            if basic && bytes[i] == b'\\' {
                i += 2;
                continue;
            }
            if bytes[i..].starts_with(&triple) {
                // Up to two more quotes belong to the text: `""""""` ends it.
                let mut close = i + 3;
                while close < bytes.len() && close < i + 5 && bytes[close] == quote {
                    close += 1;
                }
                return (close, true);
            }
            i += 1;
        }
        return (bytes.len(), false);
    }
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if basic => i += 2,
            b'\n' => return (i, false),
            q if q == quote => return (i + 1, true),
            _ => i += 1,
        }
    }
    (bytes.len(), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, needle: &str) -> Surroundings {
        surroundings(text, text.find(needle).expect("needle"))
    }

    #[test]
    fn finds_the_field_and_item() {
        let text = "kind = \"a\"\n[findings]\nitems = [\n  \"một\",\n  { title = \"hai\", items = [\"ba\", \"bốn\"] },\n]\n";
        assert_eq!(at(text, "kind").path.to_string(), "kind");
        assert_eq!(at(text, "\"một").path.to_string(), "findings.items[0]");
        assert_eq!(
            at(text, "\"bốn").path.to_string(),
            "findings.items[1].items[1]"
        );
        assert_eq!(
            at(text, "\"hai").path.to_string(),
            "findings.items[1].title"
        );
    }

    #[test]
    fn finds_the_list_left_open() {
        let text = "summary = [\n  \"một\",\n  \"hai\"\n\n[issuer]\nname = \"x\"\n";
        let found = at(text, "name");
        let open = found.open_list.expect("open");
        assert_eq!(open.start, text.find('[').expect("["));
        assert_eq!(open.path.to_string(), "summary");
        // A closed list is not open, even with a `[` inside its texts.
        let text = "a = [\"[x\", \"y]\"]\nb = 1\n";
        assert_eq!(at(text, "b =").open_list, None);
    }

    #[test]
    fn knows_where_the_last_text_ended() {
        let text = "a = \"phong trào \"Ngày xanh\" là\"\n";
        let after = text.find("Ngày").expect("Ngày");
        assert_eq!(surroundings(text, after).last_text_end, Some(after));
        // Comments and quotes inside texts are skipped.
        let text = "# \"x\n b = 'c\"d' # \"\nc = \"\"\"a\n\"b\"\n\"\"\"\nd = 1";
        let s = at(text, "d = 1");
        assert_eq!(s.path.to_string(), "d");
        assert_eq!(s.last_text_end, text.rfind("\"\"\"").map(|i| i + 3));
    }
}
