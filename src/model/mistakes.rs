//! The slips a newcomer makes in a TOML file, recognised where the parser
//! can only say what it failed to read, and often on a later line: a date
//! written the Vietnamese way, a quotation mark inside a text, a list left
//! open, a text without quotes.

use chrono::NaiveDate;

use super::scan::{Surroundings, surroundings};
use super::source::{FieldPath, Seg, SourceFile};
use crate::error::Diagnostic;

/// The mistake behind the TOML parser's `message` at `offset`, when it is
/// one of the known ones.
pub fn explain(file: &SourceFile<'_>, offset: usize, message: &str) -> Option<Diagnostic> {
    let text = file.text;
    let offset = floor_char_boundary(text, offset);
    let around = surroundings(text, offset);
    let at = |byte: usize, path: &FieldPath| {
        Diagnostic::new(file.name, "")
            .at(Some(file.position(byte)))
            .field(path.to_string())
    };

    if around.path.0 == [Seg::Key("date".to_owned())] {
        let (start, written) = value_on_line(text, offset);
        let written = written.trim_matches(['"', '\'']);
        if !written.starts_with('{') && !is_iso_date(written) {
            let (message, hint) = date_advice(written);
            return Some(with(at(start, &around.path), message, hint));
        }
    }

    if let Some(quote) = stray_quote(text, offset, &around) {
        let rest = text[offset..].lines().next().unwrap_or_default();
        let (message, hint) = match rest.split('"').collect::<Vec<_>>()[..] {
            // A phrase in quotes, and the text's own closing quote after it.
            [phrase, _, _, ..] if !phrase.trim().is_empty() => {
                let p = phrase.trim();
                (
                    format!("văn bản bị cắt ngang ở dấu nháy kép trước {p}"),
                    format!(
                        "trong văn bản, dấu nháy kép viết là \\\" (\\\"{p}\\\"), hoặc dùng dấu nháy cong như văn bản in: “{p}”"
                    ),
                )
            }
            _ => (
                format!(
                    "văn bản bị cắt ngang ở dấu nháy kép trước {}",
                    token(rest).trim_end_matches('"')
                ),
                "trong văn bản, dấu nháy kép viết là \\\", hoặc dùng dấu nháy cong “ ”; nếu dấu nháy này thừa thì xóa nó đi".to_owned(),
            ),
        };
        return Some(with(at(quote, &around.path), message, hint));
    }

    if let Some(d) = vietnamese_key(file, offset, message, &around) {
        return Some(d);
    }

    if let Some(list) = &around.open_list {
        let at_char = text[offset..].chars().next();
        let later_line = text[list.start..offset].contains('\n');
        if message.starts_with("unclosed array")
            || at_char == Some('}')
            || later_line && (starts_a_field(line_of(text, offset)) || at_char == Some('='))
        {
            let hint = if at_char == Some('}') {
                let p = file.position(offset);
                format!(
                    "thêm ] sau phần tử cuối cùng của danh sách, trước dấu }} ở dòng {}, cột {}",
                    p.line, p.column
                )
            } else {
                let last = last_entry_line(text, list.start, offset);
                format!("thêm ] sau phần tử cuối cùng của danh sách, ở cuối dòng {last}")
            };
            return Some(with(
                at(list.start, &list.path),
                "danh sách mở ở đây chưa được đóng: thiếu dấu ]".to_owned(),
                hint,
            ));
        }
    }

    if message.starts_with("string values must be quoted") {
        let (start, written) = value_on_line(text, offset);
        let written = if start == offset {
            written
        } else {
            token(&text[offset..])
        };
        let key = around.path.0.last().and_then(|s| match s {
            Seg::Key(k) => Some(k.as_str()),
            Seg::Index(_) => None,
        });
        let (message, hint) = match key {
            Some(key) if written.is_empty() => (
                "thiếu giá trị sau dấu =",
                format!("viết {key} = \"…\", hoặc xóa dòng này"),
            ),
            Some(key) if start == offset => (
                "văn bản phải đặt trong dấu nháy kép",
                format!("viết {key} = \"{written}\""),
            ),
            _ => (
                "văn bản phải đặt trong dấu nháy kép",
                format!("viết \"{written}\""),
            ),
        };
        return Some(with(at(offset, &around.path), message.to_owned(), hint));
    }
    None
}

fn with(diagnostic: Diagnostic, message: String, hint: String) -> Diagnostic {
    Diagnostic {
        message,
        ..diagnostic
    }
    .hint(hint)
}

/// A key the parser cannot read because it has Vietnamese letters or
/// spaces (`kính_gửi = …`, `[nơi nhận]`): told by its meaning.
fn vietnamese_key(
    file: &SourceFile<'_>,
    offset: usize,
    message: &str,
    around: &Surroundings,
) -> Option<Diagnostic> {
    let line_start = file.text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = line_of(file.text, offset);
    let indent = line.len() - line.trim_start().len();
    let written = line.trim_start();
    let written = match written.strip_prefix('[') {
        Some(header) => header.trim_start_matches('[').split(']').next()?,
        None => written.split('=').next()?,
    }
    .trim();
    let key_start = line_start + indent + line.trim_start().find(written).unwrap_or(0);
    let on_key = (key_start..=key_start + written.len()).contains(&offset);
    let unreadable = !written.is_ascii() || written.contains(' ');
    let bare = !written.contains(['"', '\'']);
    if !on_key
        || !bare
        || around.open_list.is_some()
        || !(unreadable || message.starts_with("invalid unquoted key"))
    {
        return None;
    }
    // Outside any table, prefer the document's fields (`ngày` is `date`).
    let here: &[&str] = if around.path.0.len() <= 1 {
        super::raw::DOCUMENT_FIELDS
    } else {
        &[]
    };
    let (message, hint) = match super::aliases::meaning(written, here) {
        Some(a) => (
            format!("không có trường `{written}`"),
            format!(
                "vanban dùng tên trường tiếng Anh: “{}” là `{}`",
                a.meaning, a.field
            ),
        ),
        None if unreadable => (
            format!("tên trường `{written}` có dấu tiếng Việt hoặc khoảng trắng"),
            "tên trường viết bằng tiếng Anh, không dấu, như trong docs/schema.md".to_owned(),
        ),
        None => return None,
    };
    Some(with(
        Diagnostic::new(file.name, "")
            .at(Some(file.position(key_start)))
            .field(around.path.to_string()),
        message,
        hint,
    ))
}

/// What to say about a date not written as YYYY-MM-DD, and the fix: the
/// same date the right way round when it can be read (day first, as
/// Vietnamese write it).
pub fn date_advice(written: &str) -> (String, String) {
    if let Some(day) = written.get(..10).filter(|d| is_iso_date(d)) {
        return (
            format!("ngày ban hành không kèm giờ: chỉ viết {day}"),
            format!("sửa thành date = {day}, không có dấu nháy"),
        );
    }
    match loose_date(written) {
        Some(date) => (
            format!(
                "ngày viết theo dạng năm-tháng-ngày: ngày {} là {}",
                date.format("%d tháng %m năm %Y"),
                date.format("%Y-%m-%d")
            ),
            format!(
                "sửa thành date = {}, không có dấu nháy",
                date.format("%Y-%m-%d")
            ),
        ),
        None => (
            "ngày viết theo dạng năm-tháng-ngày, ví dụ 2020-11-05 là ngày 05 tháng 11 năm 2020"
                .to_owned(),
            "sửa thành date = NĂM-THÁNG-NGÀY, không có dấu nháy; để trống ngày cho văn thư điền tay thì viết date = { year = 2020, month = 11 }"
                .to_owned(),
        ),
    }
}

/// A date as people write it: 01/12/2026, 1-12-2026, 01.12.2026, 2026/12/1,
/// "ngày 01 tháng 12 năm 2026".
fn loose_date(written: &str) -> Option<NaiveDate> {
    let lower = written.trim().to_lowercase();
    let mut numbers = Vec::new();
    let mut rest = lower.as_str();
    while !rest.is_empty() {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 {
            numbers.push(&rest[..digits]);
            rest = &rest[digits..];
            continue;
        }
        let word = ["ngày", "tháng", "năm", "/", "-", ".", " ", ","]
            .iter()
            .find(|w| rest.starts_with(**w))?;
        rest = &rest[word.len()..];
    }
    let [a, b, c] = numbers[..] else {
        return None;
    };
    let (year, month, day) = match (a.len(), c.len()) {
        (4, 1 | 2) => (a, b, c),
        (1 | 2, 4) => (c, b, a),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

fn is_iso_date(written: &str) -> bool {
    let b = written.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// The byte where the value after `=` on the offset's line starts, and the
/// value as written, without a comment after it.
fn value_on_line(text: &str, offset: usize) -> (usize, &str) {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = line_of(text, offset);
    let Some(eq) = line.find('=') else {
        return (offset, token(&text[offset..]));
    };
    let after = &line[eq + 1..];
    let value_start = start + eq + 1 + (after.len() - after.trim_start().len());
    let value = after.split(" #").next().unwrap_or_default().trim();
    (value_start, value)
}

/// The value written at the start of `text`, up to a comma, bracket or
/// comment on its line.
fn token(text: &str) -> &str {
    let line = text.lines().next().unwrap_or_default();
    let end = line.find([',', ']', '}', '#']).unwrap_or(line.len());
    line[..end].trim()
}

fn line_of(text: &str, offset: usize) -> &str {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    text[start..].lines().next().unwrap_or_default()
}

/// A line that starts a field (`lead = …`) or a table (`[limitations]`),
/// which a list cannot hold: the list before it was never closed.
fn starts_a_field(line: &str) -> bool {
    let line = line.trim();
    let is_key = |k: &str| {
        let k = k.trim();
        !k.is_empty()
            && k.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ' '))
    };
    if let Some(header) = line.strip_prefix('[') {
        let header = header.split('#').next().unwrap_or_default().trim_end();
        return header
            .trim_start_matches('[')
            .strip_suffix(']')
            .is_some_and(|h| is_key(h.trim_end_matches(']')));
    }
    line.split_once('=').is_some_and(|(key, _)| is_key(key))
}

/// The last line of a list's entries before `offset`: the line before the
/// fields, tables, comments and blank lines that the list ran into.
fn last_entry_line(text: &str, list_start: usize, offset: usize) -> usize {
    let first = text[..list_start].matches('\n').count() + 1;
    let lines: Vec<&str> = text.lines().collect();
    let mut line = text[..offset].matches('\n').count() + 1;
    while line > first {
        let prev = lines.get(line - 2).copied().unwrap_or_default().trim();
        if prev.is_empty() || prev.starts_with('#') || starts_a_field(prev) {
            line -= 1;
        } else {
            return line - 1;
        }
    }
    first
}

/// The opening quote of a phrase in quotes inside a text, which closed the
/// text early: the parser stopped on the words right after it.
fn stray_quote(text: &str, offset: usize, around: &Surroundings) -> Option<usize> {
    let end = around.last_text_end?;
    let gap = text.get(end..offset)?;
    if !gap.chars().all(|c| c == ' ' || c == '\t') || !text[..end].ends_with('"') {
        return None;
    }
    let rest = text[offset..].lines().next()?;
    let (words, _) = rest.split_once('"')?;
    if words.contains('=') {
        // `title = "x" text = "y"`: a comma left out between two fields,
        // not a quotation mark inside a text.
        return None;
    }
    let next = rest.chars().next()?;
    (!next.is_whitespace() && !matches!(next, ',' | ']' | '}' | '#' | '"' | '\'' | '='))
        .then_some(end - 1)
}

fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_people_write_them() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(loose_date("01/12/2026"), d(2026, 12, 1));
        assert_eq!(loose_date("5-11-2020"), d(2020, 11, 5));
        assert_eq!(loose_date("05.11.2020"), d(2020, 11, 5));
        assert_eq!(loose_date("2026/12/1"), d(2026, 12, 1));
        assert_eq!(loose_date("Ngày 05 tháng 11 năm 2020"), d(2020, 11, 5));
        assert_eq!(loose_date("31/02/2020"), None);
        assert_eq!(loose_date("hôm nay"), None);
        assert_eq!(loose_date("12/2020"), None);
    }

    #[test]
    fn a_quotation_mark_inside_a_text_and_a_comma_left_out() {
        let explain = |text: &str, at: &str| {
            let file = SourceFile::new("vb.toml", text, super::super::Syntax::Toml);
            let offset = text.find(at).unwrap_or_default();
            explain(&file, offset, "unexpected key or value").map(|d| d.message)
        };
        assert_eq!(
            explain("a = \"phong trào \"Xanh\" là\"\n", "Xanh").as_deref(),
            Some("văn bản bị cắt ngang ở dấu nháy kép trước Xanh")
        );
        assert_eq!(
            explain("a = { title = \"x\" text = \"y\" }\n", "text"),
            None
        );
        assert_eq!(explain("a = \"x\" b\n", "b"), None);
    }

    #[test]
    fn a_line_that_starts_a_field() {
        assert!(starts_a_field("lead = \"…\""));
        assert!(starts_a_field("[limitations]"));
        assert!(starts_a_field("  [[a.b]]  # ghi chú"));
        assert!(!starts_a_field("\"a = b\","));
        assert!(!starts_a_field("[\"a\"],"));
    }
}
