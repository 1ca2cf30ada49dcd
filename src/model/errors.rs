//! Turns the parsers' errors (TOML and JSON) into messages that say which
//! field is wrong and what to write instead.

use super::source::{FieldPath, Seg, SourceFile};
use crate::error::{Diagnostic, Position};

/// The syntax of an input, for hints that show what to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Toml,
    Json,
}

/// The errors serde raises for a value of the wrong shape, whatever the
/// syntax: an unknown field, a missing one, a wrong type.
fn shape_error(
    diag: Diagnostic,
    path: &FieldPath,
    message: &str,
    syntax: Syntax,
) -> Option<Diagnostic> {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        return Some(unknown_field(diag, path, rest, syntax));
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or_default();
        let field = field_under(path, name);
        let hint = match (syntax, path.0.is_empty()) {
            (Syntax::Toml, true) => {
                format!("thêm `{name} = …` ở đầu tệp; xem docs/schema.md")
            }
            (Syntax::Toml, false) => format!("thêm `{name} = …` dưới [{path}]; xem docs/schema.md"),
            (Syntax::Json, true) => {
                format!("thêm \"{name}\": … vào đối tượng ngoài cùng; xem docs/schema.md")
            }
            (Syntax::Json, false) => {
                format!("thêm \"{name}\": … vào đối tượng `{path}`; xem docs/schema.md")
            }
        };
        return Some(
            Diagnostic {
                message: format!("thiếu trường bắt buộc `{name}`"),
                ..diag
            }
            .field(field.to_string())
            .hint(hint),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "kiểu khác"));
        return Some(
            Diagnostic {
                message: format!(
                    "sai kiểu: đang là {}, cần {}",
                    friendly_found(found),
                    friendly_type(expected)
                ),
                ..diag
            }
            .field(path.to_string())
            .hint(type_hint(expected)),
        );
    }
    None
}

pub fn diagnose_json(
    file: &SourceFile<'_>,
    path: FieldPath,
    error: &serde_json::Error,
) -> Diagnostic {
    let full = error.to_string();
    let message = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(m, _)| m)
        .trim();
    let position =
        (error.line() > 0).then(|| json_position(file.text, error.line(), error.column()));
    let diag = Diagnostic::new(file.name, "").at(position);
    if error.is_data() {
        if let Some(d) = shape_error(diag.clone(), &path, message, Syntax::Json) {
            return d;
        }
        return Diagnostic {
            message: message.to_owned(),
            ..diag
        }
        .field(path.to_string());
    }
    Diagnostic {
        message: format!("sai cú pháp JSON: {message}"),
        ..diag
    }
    .field(path.to_string())
    .hint("kiểm tra xem có thiếu dấu nháy, dấu phẩy hay dấu ngoặc không")
}

/// serde_json counts columns in bytes; editors count characters.
fn json_position(text: &str, line: usize, column: usize) -> Position {
    let line_text = text.split('\n').nth(line - 1).unwrap_or_default();
    let mut byte = column.saturating_sub(1).min(line_text.len());
    while !line_text.is_char_boundary(byte) {
        byte -= 1;
    }
    Position {
        line,
        column: line_text[..byte].chars().count() + 1,
    }
}

pub fn diagnose_toml(file: &SourceFile<'_>, error: &toml::de::Error) -> Diagnostic {
    let message = error.message().trim();
    let offset = error.span().map(|s| s.start);
    let position = offset.map(|o| file.position(o));
    let path = offset.map(|o| file.path_at(o)).unwrap_or_default();
    let diag = Diagnostic::new(file.name, "").at(position);

    if let Some(d) = shape_error(diag.clone(), &path, message, Syntax::Toml) {
        return d;
    }
    if path.0.is_empty() || !is_serde_message(message) {
        let field = offset
            .map(|o| field_on_line(file.text, o))
            .unwrap_or_default();
        if message.contains("day between") || message.contains("month between") {
            let written = offset.map(|o| token_at(file.text, o)).unwrap_or_default();
            let expected = message.split("expected ").nth(1).unwrap_or(message);
            return Diagnostic {
                message: format!("không có ngày {written}: {}", date_range(expected)),
                ..diag
            }
            .field(field)
            .hint("kiểm tra lại ngày và tháng");
        }
        return Diagnostic {
            message: format!("sai cú pháp TOML: {}", toml_message(first_line(message))),
            ..diag
        }
        .field(field)
        .hint(syntax_hint(message));
    }
    Diagnostic {
        message: first_line(message).to_owned(),
        ..diag
    }
    .field(path.to_string())
}

fn unknown_field(diag: Diagnostic, path: &FieldPath, rest: &str, syntax: Syntax) -> Diagnostic {
    let name = rest.split('`').next().unwrap_or_default();
    let expected: Vec<&str> = rest
        .split_once("expected ")
        .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
        .unwrap_or_default();
    let nearest = expected
        .iter()
        .map(|&e| (strsim::jaro_winkler(name, e), e))
        .filter(|(score, _)| *score > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, e)| e);
    let misplaced =
        syntax == Syntax::Toml && path.0.len() > 1 && super::raw::DOCUMENT_FIELDS.contains(&name);
    let hint = match nearest {
        _ if misplaced => format!(
            "`{name}` thuộc phần đầu tệp, nhưng ở đây nó rơi vào bảng phía trên: chuyển nó lên trên tiêu đề [bảng] đầu tiên"
        ),
        Some(e) => format!("có phải ý bạn là `{e}`?"),
        None if expected.is_empty() => "xóa nó đi; ở đây không được viết gì".to_owned(),
        None => format!("các trường được phép ở đây: {}", expected.join(", ")),
    };
    let field = if matches!(path.0.last(), Some(Seg::Key(k)) if k == name) {
        path.clone()
    } else {
        field_under(path, name)
    };
    Diagnostic {
        message: format!("không có trường `{name}`"),
        ..diag
    }
    .field(field.to_string())
    .hint(hint)
}

/// The field a line defines, for errors in text the TOML parser could not
/// read: the key before `=` on the offset's line, under the nearest
/// `[table]` header above it.
fn field_on_line(text: &str, offset: usize) -> String {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next().unwrap_or_default();
    let is_key = |k: &str| {
        !k.is_empty()
            && k.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
    };
    let Some(key) = line
        .split_once('=')
        .map(|(k, _)| k.trim())
        .filter(|k| is_key(k))
    else {
        return String::new();
    };
    let table = before[..line_start].lines().rev().find_map(|l| {
        let l = l.trim();
        let name = l.strip_prefix('[')?.trim_start_matches('[');
        let name = name.split(']').next()?.trim();
        is_key(name).then(|| name.to_owned())
    });
    match table {
        Some(t) => format!("{t}.{key}"),
        None => key.to_owned(),
    }
}

/// The value written at `offset`, up to the next space, comma or bracket.
fn token_at(text: &str, offset: usize) -> String {
    text.get(offset..)
        .unwrap_or_default()
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | '}' | ']' | '#'))
        .collect()
}

fn field_under(path: &FieldPath, name: &str) -> FieldPath {
    path.key(name)
}

/// The TOML parser's "what, expected what" in Vietnamese, for the slips a
/// hand-edited file has; rarer messages stay as the parser wrote them.
fn toml_message(message: &str) -> String {
    const WHAT: &[(&str, &str)] = &[
        (
            "invalid basic string",
            "văn bản trong dấu nháy kép chưa đóng hoặc không hợp lệ",
        ),
        (
            "invalid literal string",
            "văn bản trong dấu nháy đơn chưa đóng hoặc không hợp lệ",
        ),
        (
            "invalid multi-line basic string",
            "văn bản nhiều dòng trong \"\"\" chưa đóng hoặc không hợp lệ",
        ),
        (
            "invalid multi-line literal string",
            "văn bản nhiều dòng trong ''' chưa đóng hoặc không hợp lệ",
        ),
        ("invalid string", "văn bản không hợp lệ"),
        ("missing opening quote", "thiếu dấu nháy mở"),
        ("missing escaped value", "thiếu ký tự sau dấu \\"),
        ("duplicate key", "trường này đã được viết ở trên"),
        ("unclosed table", "tiêu đề bảng chưa đóng"),
        ("unclosed array table", "tiêu đề bảng [[…]] chưa đóng"),
        ("unclosed array", "danh sách chưa đóng"),
        ("unclosed inline table", "bảng { … } chưa đóng"),
        (
            "missing comma between array elements",
            "thiếu dấu phẩy giữa các phần tử của danh sách",
        ),
        (
            "missing comma between key-value pairs",
            "thiếu dấu phẩy giữa các trường",
        ),
        (
            "missing assignment between key-value pairs",
            "thiếu dấu `=` giữa tên trường và giá trị",
        ),
        ("extra assignment between key-value pairs", "thừa dấu `=`"),
        ("extra `=`", "thừa dấu `=`"),
        ("missing value", "thiếu giá trị"),
        ("missing value for key", "thiếu giá trị của trường"),
        ("invalid key", "tên trường không hợp lệ"),
        ("invalid unquoted key", "tên trường không hợp lệ"),
        ("unexpected content", "có nội dung thừa"),
        (
            "unexpected key or value",
            "tên trường hoặc giá trị đặt sai chỗ",
        ),
        ("invalid date-time", "ngày giờ không hợp lệ"),
        ("invalid integer number", "số nguyên không hợp lệ"),
        (
            "unexpected leading zero",
            "số không được bắt đầu bằng chữ số 0",
        ),
        ("invalid boolean", "giá trị không hợp lệ"),
    ];
    let (what, expected) = match message.split_once(", expected ") {
        Some((what, expected)) => (what, Some(expected)),
        None => (message, None),
    };
    let what = WHAT
        .iter()
        .find(|(english, _)| *english == what)
        .map_or(what, |(_, vietnamese)| vietnamese);
    match expected {
        Some(expected) => format!("{what}, cần {expected}"),
        None => what.to_owned(),
    }
}

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or(message)
}

/// Messages that serde writes for a value of the right syntax but the wrong
/// shape, as opposed to the TOML parser's own.
fn is_serde_message(message: &str) -> bool {
    [
        "invalid value",
        "invalid length",
        "không phải là ngày",
        "overflowed",
    ]
    .iter()
    .any(|m| message.contains(m))
}

/// What serde found, e.g. "integer `5`" or "string \"15\"", in Vietnamese.
fn friendly_found(found: &str) -> String {
    const KINDS: [(&str, &str); 8] = [
        ("integer", "số nguyên"),
        ("floating point", "số thực"),
        ("string", "văn bản"),
        ("boolean", "giá trị"),
        ("sequence", "một danh sách"),
        ("map", "một bảng"),
        ("datetime", "ngày giờ"),
        ("unit value", "giá trị rỗng"),
    ];
    for (english, vietnamese) in KINDS {
        if let Some(rest) = found.strip_prefix(english) {
            return format!("{vietnamese}{rest}");
        }
    }
    found.to_owned()
}

/// toml_datetime's "day between 01 and 30", in Vietnamese.
fn date_range(expected: &str) -> String {
    let unit = if expected.starts_with("month") {
        "tháng"
    } else {
        "ngày"
    };
    match expected
        .split_once(" between ")
        .and_then(|(_, r)| r.split_once(" and "))
    {
        Some((low, high)) => format!("{unit} phải từ {low} đến {high}"),
        None => expected.to_owned(),
    }
}

fn friendly_type(expected: &str) -> &str {
    match expected {
        "a string" => "văn bản trong dấu nháy",
        "i64" | "u32" | "an integer" => "một số nguyên",
        "f64" => "một số",
        "a boolean" => "true hoặc false",
        "a sequence" => "một danh sách trong [ ]",
        "a map" => "một bảng",
        other => other,
    }
}

fn type_hint(expected: &str) -> &'static str {
    match expected {
        "a string" => "đặt văn bản giữa hai dấu nháy kép, ví dụ \"Đơn Dương\"",
        "i64" | "u32" | "an integer" => "viết số không có dấu nháy, ví dụ 15",
        "f64" => "viết số không có dấu nháy, ví dụ 25",
        "a boolean" => "viết true hoặc false, không có dấu nháy",
        "a sequence" => "viết danh sách giữa [ ], ví dụ [\"…\", \"…\"]",
        _ => "xem docs/schema.md để biết trường này nhận gì",
    }
}

fn syntax_hint(message: &str) -> &'static str {
    if message.contains("duplicate key") {
        "mỗi trường chỉ được viết một lần trong một bảng"
    } else if message.contains("string") || message.contains("unterminated") {
        "văn bản phải đóng bằng đúng dấu nháy đã mở; dùng \"\"\" … \"\"\" cho văn bản nhiều dòng"
    } else {
        "kiểm tra xem dòng này có thiếu dấu nháy, dấu `=` hay dấu ngoặc không"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_messages_read_in_vietnamese() {
        assert_eq!(
            toml_message("unclosed table, expected `]`"),
            "tiêu đề bảng chưa đóng, cần `]`"
        );
        assert_eq!(
            toml_message("duplicate key"),
            "trường này đã được viết ở trên"
        );
        // A message without a translation is kept rather than lost.
        assert_eq!(toml_message("invalid mantissa"), "invalid mantissa");
    }

    #[test]
    fn serde_types_read_in_vietnamese() {
        assert_eq!(friendly_found("integer `5`"), "số nguyên `5`");
        assert_eq!(friendly_found("string \"15\""), "văn bản \"15\"");
        assert_eq!(
            date_range("month between 01 and 12"),
            "tháng phải từ 01 đến 12"
        );
        assert_eq!(
            date_range("day between 01 and 29"),
            "ngày phải từ 01 đến 29"
        );
    }
}
