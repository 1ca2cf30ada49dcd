//! A source with the records office's number and date written in, and
//! nothing else changed. `issue` makes an unsigned document again from it
//! and the PDF carries it, so that the issued document can be made again,
//! number and date included, from its own PDF.

use chrono::{Datelike, NaiveDate};
use toml_edit::{DocumentMut, Item, Value};

use super::json;
use super::source::{FieldPath, Seg};
use super::{Syntax, syntax_of};
use crate::error::{Error, Result};

/// `source`, an input exactly as read and named `name`, with its `number`
/// set to `number` and, when `date` is given, its `date` set to it. The
/// rest stays byte for byte: comments, order, spacing, line ends, a
/// byte-order mark.
pub fn with_number_and_date(
    name: &str,
    source: &[u8],
    number: u32,
    date: Option<NaiveDate>,
) -> Result<Vec<u8>> {
    let (mark, body) = match source.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (&source[..3], rest),
        None => (&source[..0], source),
    };
    // The source has just been read as an input, so it is UTF-8 and parses:
    // a failure here is vanban's own.
    let text = std::str::from_utf8(body).map_err(|e| cannot(&e))?;
    let edited = match syntax_of(name, text) {
        Syntax::Toml => in_toml(text, number, date)?,
        Syntax::Json => in_json(text, number, date)?,
    };
    Ok([mark, edited.as_bytes()].concat())
}

fn cannot(e: &dyn std::fmt::Display) -> Error {
    Error::Internal(format!("không ghi được số và ngày vào tệp nguồn: {e}"))
}

/// The TOML way: through toml_edit, which keeps what it does not touch as
/// it was written. A number written anew goes just before the place (or
/// the date), where the examples write it.
fn in_toml(text: &str, number: u32, date: Option<NaiveDate>) -> Result<String> {
    let mut doc: DocumentMut = text.parse().map_err(|e| cannot(&e))?;
    let root = doc.as_table_mut();
    let order: Vec<String> = root.iter().map(|(k, _)| k.to_owned()).collect();
    let anchor = ["place", "date"]
        .iter()
        .filter_map(|key| order.iter().position(|k| k == key))
        .min()
        .unwrap_or(order.len());
    let new_number = !root.contains_key("number");
    set(root, "number", Value::from(i64::from(number)));
    if let Some(date) = date {
        set(root, "date", Value::from(toml_date(date)?));
    }
    if new_number {
        // Twice the old place, and the new key just before the anchor's.
        let rank = |key: &str| match order.iter().position(|k| k == key) {
            Some(i) => 2 * i + 1,
            None => 2 * anchor,
        };
        root.sort_values_by(|a, _, b, _| rank(a.get()).cmp(&rank(b.get())));
        // The blank lines before the anchor go before the number, which
        // joins its group; a comment stays with the key it is about.
        if let Some(anchor) = order.get(anchor) {
            let prefix = root
                .key(anchor)
                .and_then(|k| k.leaf_decor().prefix())
                .and_then(|p| p.as_str())
                .unwrap_or_default()
                .to_owned();
            let rest = prefix.trim_start_matches(['\n', '\r', ' ', '\t']);
            let blank = &prefix[..prefix.len() - rest.len()];
            let blank = &blank[..blank.rfind('\n').map_or(0, |i| i + 1)];
            if let (false, Some(mut number)) = (blank.is_empty(), root.key_mut("number")) {
                number.leaf_decor_mut().set_prefix(blank);
                if let Some(mut key) = root.key_mut(anchor) {
                    key.leaf_decor_mut().set_prefix(&prefix[blank.len()..]);
                }
            }
        }
    }
    let mut out = doc.to_string();
    // toml_edit ends every line it writes with "\n", the last one too: a
    // file whose every line ends in "\r\n" (Notepad's) keeps to that, and
    // one without a line end at its end stays so.
    let windows =
        text.contains("\r\n") && text.matches('\n').count() == text.matches("\r\n").count();
    if windows {
        out = out.replace("\r\n", "\n").replace('\n', "\r\n");
    }
    if !text.ends_with('\n') {
        let end = if windows { "\r\n" } else { "\n" };
        if let Some(kept) = out.strip_suffix(end) {
            out.truncate(kept.len());
        }
    }
    Ok(out)
}

/// Sets a top-level value; a value already there keeps the spacing and
/// comment around it.
fn set(root: &mut toml_edit::Table, key: &str, mut value: Value) {
    match root.get_mut(key) {
        Some(Item::Value(old)) => {
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        // A `[date]` table or dotted keys become one value, its key
        // spaced as a value's.
        Some(other) => {
            *other = Item::Value(value);
            if let Some(mut key) = root.key_mut(key) {
                key.leaf_decor_mut().clear();
                key.dotted_decor_mut().clear();
            }
        }
        None => {
            root.insert(key, Item::Value(value));
        }
    }
}

fn toml_date(date: NaiveDate) -> Result<toml_edit::Datetime> {
    let part = |n: u32| u8::try_from(n).map_err(|e| cannot(&e));
    Ok(toml_edit::Datetime {
        date: Some(toml_edit::Date {
            year: u16::try_from(date.year()).map_err(|e| cannot(&e))?,
            month: part(date.month())?,
            day: part(date.day())?,
        }),
        time: None,
        offset: None,
    })
}

/// The JSON way: the values' bytes replaced where they are written. A
/// number written anew follows the date: `"date": "2020-11-05", "number":
/// 15`, which is valid JSON whatever comes after.
fn in_json(text: &str, number: u32, date: Option<NaiveDate>) -> Result<String> {
    let at = |key: &str| json::locate(text, &FieldPath(vec![Seg::Key(key.to_owned())]));
    let date_at = at("date").ok_or_else(|| cannot(&"không thấy `date`"))?;
    let mut date_text = match date {
        Some(d) => format!("\"{}\"", d.format("%Y-%m-%d")),
        None => text[date_at.clone()].to_owned(),
    };
    let mut edits = vec![];
    match at("number") {
        Some(number_at) => edits.push((number_at, number.to_string())),
        None => date_text.push_str(&format!(", \"number\": {number}")),
    }
    edits.push((date_at, date_text));
    // From the end, so that each range is still where it was.
    edits.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    let mut out = text.to_owned();
    for (range, new) in edits {
        out.replace_range(range, &new);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled(name: &str, text: &str, date: Option<(i32, u32, u32)>) -> String {
        let date = date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        let bytes = with_number_and_date(name, text.as_bytes(), 15, date).expect("filled");
        String::from_utf8(bytes).expect("UTF-8")
    }

    #[test]
    fn toml_gets_its_number_before_the_place_and_keeps_everything_else() {
        let before = "# Kết luận\r\nkind = \"ket-luan\"   # loại\r\n\r\nplace = \"Đơn Dương\"\r\n\
                      date = { year = 2020, month = 11 }   # văn thư điền ngày\r\n\
                      summary = \"x\"\r\n[issuer]\r\nname = \"HUYỆN ỦY\"\r\n";
        assert_eq!(
            filled("vb.toml", before, Some((2020, 11, 5))),
            "# Kết luận\r\nkind = \"ket-luan\"   # loại\r\n\r\nnumber = 15\r\nplace = \"Đơn Dương\"\r\n\
             date = 2020-11-05   # văn thư điền ngày\r\n\
             summary = \"x\"\r\n[issuer]\r\nname = \"HUYỆN ỦY\"\r\n"
        );
    }

    #[test]
    fn a_file_without_a_line_end_at_its_end_stays_so() {
        assert_eq!(
            filled("vb.toml", "kind = \"x\"\r\nplace = \"A\"", None),
            "kind = \"x\"\r\nnumber = 15\r\nplace = \"A\""
        );
    }

    #[test]
    fn a_comment_stays_with_its_key_and_blank_lines_go_before_the_number() {
        let before = "kind = \"x\"\n\n# Nơi ban hành\nplace = \"A\"\ndate = 2020-11-05\n";
        assert_eq!(
            filled("vb.toml", before, None),
            "kind = \"x\"\n\nnumber = 15\n# Nơi ban hành\nplace = \"A\"\ndate = 2020-11-05\n"
        );
    }

    #[test]
    fn a_date_table_becomes_a_date_and_a_full_date_stays() {
        let before =
            "kind = \"ket-luan\"\nplace = \"A\"\n[date]\nyear = 2020\n[issuer]\nname = \"B\"\n";
        assert_eq!(
            filled("vb.toml", before, Some((2020, 3, 4))),
            "kind = \"ket-luan\"\nnumber = 15\nplace = \"A\"\ndate = 2020-03-04\n[issuer]\nname = \"B\"\n"
        );
        let dated = "kind = \"x\"\ndate = 2020-11-05\nplace = \"A\"\n";
        assert_eq!(
            filled("vb.toml", dated, None),
            "kind = \"x\"\nnumber = 15\ndate = 2020-11-05\nplace = \"A\"\n"
        );
    }

    #[test]
    fn json_values_are_replaced_where_they_are_written() {
        let before =
            "\u{feff}{\"kind\": \"ket-luan\",\n \"date\": {\"year\": 2020},\n \"place\": \"A\"}";
        assert_eq!(
            filled("-", before, Some((2020, 2, 3))),
            "\u{feff}{\"kind\": \"ket-luan\",\n \"date\": \"2020-02-03\", \"number\": 15,\n \"place\": \"A\"}"
        );
        let null = "{\"number\": null, \"date\": \"2020-02-03\"}";
        assert_eq!(
            filled("vb.json", null, None),
            "{\"number\": 15, \"date\": \"2020-02-03\"}"
        );
    }
}
