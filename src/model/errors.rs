//! Turns the parsers' errors (TOML and JSON) into messages that say which
//! field is wrong and what to write instead.

use super::source::{FieldPath, Seg, SourceFile};
use super::{aliases, mistakes, parser_words, scan};
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
        // A whole number beyond what any field holds: serde shows it "as i128".
        if let Some(number) = rest
            .strip_prefix("integer `")
            .and_then(|r| r.split_once("` as "))
            .map(|(n, _)| n)
        {
            return Some(
                Diagnostic {
                    message: format!("số {number} quá lớn"),
                    ..diag
                }
                .field(path.to_string())
                .hint("kiểm tra lại số này"),
            );
        }
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
            message: parser_words::serde_data(message).unwrap_or_else(|| message.to_owned()),
            ..diag
        }
        .field(path.to_string());
    }
    Diagnostic {
        message: format!("sai cú pháp JSON: {}", parser_words::json_syntax(message)),
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
    if let Some(d) = offset.and_then(|o| mistakes::explain(file, o, message)) {
        return d;
    }
    if path.0.is_empty() || !is_serde_message(message) {
        // The parser stopped: the tree is not there to say where we are.
        let field = offset
            .map(|o| scan::surroundings(file.text, o).path.to_string())
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
            message: format!(
                "sai cú pháp TOML: {}",
                parser_words::toml_syntax(first_line(message))
            ),
            ..diag
        }
        .field(field)
        .hint(syntax_hint(message));
    }
    Diagnostic {
        message: parser_words::serde_data(message)
            .unwrap_or_else(|| first_line(message).to_owned()),
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
    let misplaced = |name: &str| {
        syntax == Syntax::Toml && path.0.len() > 1 && super::raw::DOCUMENT_FIELDS.contains(&name)
    };
    let moved = "thuộc phần đầu tệp, nhưng ở đây nó rơi vào bảng phía trên: chuyển nó lên trên tiêu đề [bảng] đầu tiên";
    // A Vietnamese name is matched by meaning before any guess by spelling:
    // `kinh_gui` is `to`, however close it looks to `kind`.
    let vietnamese = aliases::meaning(name, &expected);
    let hint = match (vietnamese, nearest) {
        _ if misplaced(name) => format!("`{name}` {moved}"),
        (Some(a), _) if expected.contains(&a.field) => format!(
            "vanban dùng tên trường tiếng Anh: “{}” là `{}`",
            a.meaning, a.field
        ),
        (Some(a), _) if misplaced(a.field) => format!(
            "vanban dùng tên trường tiếng Anh: “{}” là `{}`, và `{}` {moved}",
            a.meaning, a.field, a.field
        ),
        (_, Some(e)) => format!("có phải ý bạn là `{e}`?"),
        (Some(a), None) => format!(
            "vanban dùng tên trường tiếng Anh: “{}” là `{}`, nhưng ở đây không có trường đó; các trường được phép ở đây: {}",
            a.meaning,
            a.field,
            backticked(&expected)
        ),
        (None, None) if expected.is_empty() => "xóa nó đi; ở đây không được viết gì".to_owned(),
        (None, None) => format!("các trường được phép ở đây: {}", backticked(&expected)),
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

/// Field names as names: `title`, `text`, `items`.
fn backticked(names: &[&str]) -> String {
    let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    names.join(", ")
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

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or(message)
}

/// Messages that serde writes for a value of the right syntax but the wrong
/// shape, as opposed to the TOML parser's own.
fn is_serde_message(message: &str) -> bool {
    [
        "invalid value",
        "invalid length",
        "duplicate field",
        "unknown variant",
        "ngày viết theo dạng",
        "không kèm giờ",
        "overflowed",
    ]
    .iter()
    .any(|m| message.contains(m))
}

/// What serde found, e.g. "integer `5`" or "string \"15\"", in Vietnamese.
fn friendly_found(found: &str) -> String {
    const KINDS: [(&str, &str); 10] = [
        ("integer", "số nguyên"),
        ("floating point", "số thực"),
        ("string", "văn bản"),
        ("character", "văn bản"),
        ("boolean", "giá trị"),
        ("sequence", "một danh sách"),
        ("map", "một bảng"),
        ("datetime", "ngày giờ"),
        ("unit value", "giá trị rỗng"),
        ("Option value", "giá trị rỗng"),
    ];
    for (english, vietnamese) in KINDS {
        if let Some(rest) = found.strip_prefix(english) {
            return format!("{vietnamese}{rest}");
        }
    }
    "một giá trị khác".to_owned()
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
        other if other.starts_with("struct ") => "một bảng",
        // The visitors of `raw` say what they expect in Vietnamese already.
        other if !other.is_ascii() => other,
        _ => "kiểu khác",
    }
}

fn type_hint(expected: &str) -> &'static str {
    match expected {
        "a string" => "đặt văn bản giữa hai dấu nháy kép, ví dụ \"Đơn Dương\"",
        "i64" | "u32" | "an integer" => "viết số không có dấu nháy, ví dụ 15",
        "f64" => "viết số không có dấu nháy, ví dụ 25",
        "a boolean" => "viết true hoặc false, không có dấu nháy",
        "a sequence" => "viết danh sách giữa [ ], ví dụ [\"…\", \"…\"]",
        other if other.starts_with("struct ") => {
            "đây là một bảng: viết tên bảng trong [ ] trên một dòng riêng, rồi các trường của nó ở các dòng dưới"
        }
        _ => "xem docs/schema.md để biết trường này nhận gì",
    }
}

fn syntax_hint(message: &str) -> &'static str {
    if message.contains("duplicate key") {
        "mỗi trường chỉ được viết một lần trong một bảng"
    } else if message.contains("missing comma between array elements") {
        "thêm dấu phẩy sau phần tử đứng trước"
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
