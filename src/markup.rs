//! The inline markup allowed in user text: `**bold**`, `*italic*` and a
//! footnote reference `[^id]`. Every other character is literal, and so is a
//! `*` that opens nothing or closes nothing ("5 * 3"). A backslash before
//! `*`, `[` or `\` makes that character literal.
//!
//! The result is data (runs of text with their style), never Typst code.

use serde::Serialize;

/// A run of inline content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Inline {
    Text {
        text: String,
        bold: bool,
        italic: bool,
    },
    /// A reference to a footnote, by the id under which it is defined.
    Footnote { id: String },
}

/// Parses one piece of text. Line breaks inside it are read as spaces, the
/// way a word processor reflows a paragraph.
pub fn parse(text: &str) -> Vec<Inline> {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    let mut out = Vec::new();
    parse_span(&chars, false, false, &mut out);
    out
}

/// The ids of the footnotes a text refers to, in order.
pub fn footnote_refs(runs: &[Inline]) -> impl Iterator<Item = &str> {
    runs.iter().filter_map(|r| match r {
        Inline::Footnote { id } => Some(id.as_str()),
        Inline::Text { .. } => None,
    })
}

/// The plain text of some runs, footnote references left out.
pub fn plain_text(runs: &[Inline]) -> String {
    runs.iter()
        .filter_map(|r| match r {
            Inline::Text { text, .. } => Some(text.as_str()),
            Inline::Footnote { .. } => None,
        })
        .collect()
}

fn parse_span(chars: &[char], bold: bool, italic: bool, out: &mut Vec<Inline>) {
    let mut literal = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && matches!(chars.get(i + 1), Some('*' | '[' | '\\')) {
            literal.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if let Some((id, end)) = (c == '[').then(|| footnote_at(chars, i)).flatten() {
            flush(&mut literal, bold, italic, out);
            out.push(Inline::Footnote { id });
            i = end;
            continue;
        }
        if c == '*' {
            let run = star_run(chars, i);
            if let Some(close) = (run <= 3).then(|| find_closer(chars, i, run)).flatten() {
                flush(&mut literal, bold, italic, out);
                let (b, it) = match run {
                    1 => (bold, true),
                    2 => (true, italic),
                    _ => (true, true),
                };
                parse_span(&chars[i + run..close], b, it, out);
                i = close + run;
                continue;
            }
            literal.extend(&chars[i..i + run]);
            i += run;
            continue;
        }
        literal.push(c);
        i += 1;
    }
    flush(&mut literal, bold, italic, out);
}

fn flush(literal: &mut String, bold: bool, italic: bool, out: &mut Vec<Inline>) {
    if literal.is_empty() {
        return;
    }
    let text = std::mem::take(literal);
    // Merge with the previous run when the style is the same.
    if let Some(Inline::Text {
        text: prev,
        bold: b,
        italic: i,
    }) = out.last_mut()
        && *b == bold
        && *i == italic
    {
        prev.push_str(&text);
        return;
    }
    out.push(Inline::Text { text, bold, italic });
}

fn star_run(chars: &[char], start: usize) -> usize {
    chars[start..].iter().take_while(|&&c| c == '*').count()
}

/// Finds the run of exactly `run` stars that closes the one opening at
/// `open`. An opener must be followed, and a closer preceded, by a
/// non-space character, so that a lone star stays a star.
fn find_closer(chars: &[char], open: usize, run: usize) -> Option<usize> {
    let after = chars.get(open + run)?;
    if after.is_whitespace() {
        return None;
    }
    let mut i = open + run;
    while i < chars.len() {
        if chars[i] == '\\' && i + 1 < chars.len() {
            i += 2;
            continue;
        }
        if chars[i] == '*' {
            let len = star_run(chars, i);
            let before = chars[i - 1];
            if len == run && i > open + run && !before.is_whitespace() {
                return Some(i);
            }
            i += len;
            continue;
        }
        i += 1;
    }
    None
}

/// A footnote reference `[^id]` at `start`: its id and the index after it.
fn footnote_at(chars: &[char], start: usize) -> Option<(String, usize)> {
    if chars.get(start + 1) != Some(&'^') {
        return None;
    }
    let id_start = start + 2;
    let len = chars[id_start..]
        .iter()
        .take_while(|&&c| is_footnote_id_char(c))
        .count();
    if len == 0 || chars.get(id_start + len) != Some(&']') {
        return None;
    }
    Some((
        chars[id_start..id_start + len].iter().collect(),
        id_start + len + 1,
    ))
}

/// Footnote ids are letters, digits, `-` and `_`, like the keys of the
/// `[footnotes]` table written without quotes.
pub fn is_footnote_id_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str, bold: bool, italic: bool) -> Inline {
        Inline::Text {
            text: text.into(),
            bold,
            italic,
        }
    }

    #[test]
    fn plain_text_is_one_run() {
        assert_eq!(
            parse("Thường trực Huyện ủy"),
            vec![t("Thường trực Huyện ủy", false, false)]
        );
    }

    #[test]
    fn bold_italic_and_both() {
        assert_eq!(
            parse("Để **triển khai** tốt *các* ***nhiệm vụ***"),
            vec![
                t("Để ", false, false),
                t("triển khai", true, false),
                t(" tốt ", false, false),
                t("các", false, true),
                t(" ", false, false),
                t("nhiệm vụ", true, true),
            ]
        );
    }

    #[test]
    fn italic_inside_bold() {
        assert_eq!(
            parse("**Kết luận *của* Huyện ủy**"),
            vec![
                t("Kết luận ", true, false),
                t("của", true, true),
                t(" Huyện ủy", true, false)
            ]
        );
    }

    #[test]
    fn lone_and_spaced_stars_are_literal() {
        for s in ["*", "**", "a * b", "5 * 3 * 2", "*** x", "****a****", "x*"] {
            assert_eq!(parse(s), vec![t(s, false, false)], "{s}");
        }
    }

    #[test]
    fn escapes_make_markup_literal() {
        assert_eq!(
            parse(r"\*không nghiêng\*"),
            vec![t("*không nghiêng*", false, false)]
        );
        assert_eq!(parse(r"\[^1]"), vec![t("[^1]", false, false)]);
        assert_eq!(parse(r"C:\thư mục"), vec![t(r"C:\thư mục", false, false)]);
    }

    #[test]
    fn footnote_references() {
        assert_eq!(
            parse("ổn định[^1]. Tiếp[^ghi-chú_2]"),
            vec![
                t("ổn định", false, false),
                Inline::Footnote { id: "1".into() },
                t(". Tiếp", false, false),
                Inline::Footnote {
                    id: "ghi-chú_2".into()
                },
            ]
        );
        for s in ["[^]", "[^ 1]", "[^1", "[1]", "[^a b]"] {
            assert_eq!(parse(s), vec![t(s, false, false)], "{s}");
        }
    }

    #[test]
    fn newlines_read_as_spaces() {
        assert_eq!(
            parse("dòng một\ndòng hai"),
            vec![t("dòng một dòng hai", false, false)]
        );
    }
}
