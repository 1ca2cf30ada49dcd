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
                format!("add `{name} = …` at the top of the file; see docs/schema.md")
            }
            (Syntax::Toml, false) => format!("add `{name} = …` under [{path}]; see docs/schema.md"),
            (Syntax::Json, true) => {
                format!("add \"{name}\": … to the top-level object; see docs/schema.md")
            }
            (Syntax::Json, false) => {
                format!("add \"{name}\": … to the object `{path}`; see docs/schema.md")
            }
        };
        return Some(
            Diagnostic {
                message: format!("the required field `{name}` is missing"),
                ..diag
            }
            .field(field.to_string())
            .hint(hint),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        return Some(
            Diagnostic {
                message: format!(
                    "wrong type: found {found}, expected {}",
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
        message: format!("JSON syntax error: {message}"),
        ..diag
    }
    .field(path.to_string())
    .hint("check for a missing quote, comma or bracket")
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
                message: format!("the date {written} does not exist: expected {expected}"),
                ..diag
            }
            .field(field)
            .hint("check the day and the month");
        }
        return Diagnostic {
            message: format!("TOML syntax error: {}", first_line(message)),
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
            "`{name}` belongs at the top level, but here it falls inside the table above it: move it above the first [table] header"
        ),
        Some(e) => format!("did you mean `{e}`?"),
        None if expected.is_empty() => "remove it; nothing can be written here".to_owned(),
        None => format!("the fields allowed here are: {}", expected.join(", ")),
    };
    let field = if matches!(path.0.last(), Some(Seg::Key(k)) if k == name) {
        path.clone()
    } else {
        field_under(path, name)
    };
    Diagnostic {
        message: format!("unknown field `{name}`"),
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

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or(message)
}

/// Messages that serde writes for a value of the right syntax but the wrong
/// shape, as opposed to the TOML parser's own.
fn is_serde_message(message: &str) -> bool {
    [
        "invalid value",
        "invalid length",
        "is not a date",
        "is a time",
        "overflowed",
    ]
    .iter()
    .any(|m| message.contains(m))
}

fn friendly_type(expected: &str) -> &str {
    match expected {
        "a string" => "text in quotes",
        "i64" | "u32" | "an integer" => "a whole number",
        "f64" => "a number",
        "a boolean" => "true or false",
        "a sequence" => "a list in [ ]",
        "a map" => "a table",
        other => other,
    }
}

fn type_hint(expected: &str) -> &'static str {
    match expected {
        "a string" => "put the text between double quotes, e.g. \"Đơn Dương\"",
        "i64" | "u32" | "an integer" => "write the number without quotes, e.g. 15",
        "f64" => "write the number without quotes, e.g. 25",
        "a boolean" => "write true or false, without quotes",
        "a sequence" => "write a list between [ ], e.g. [\"…\", \"…\"]",
        _ => "see docs/schema.md for what this field takes",
    }
}

fn syntax_hint(message: &str) -> &'static str {
    if message.contains("duplicate key") {
        "each field may be written only once in a table"
    } else if message.contains("string") || message.contains("unterminated") {
        "text must be closed with the same quote it opens with; use \"\"\" … \"\"\" for text over several lines"
    } else {
        "check the line for a missing quote, `=` or bracket"
    }
}
