//! Lint: the slips that records officers send documents back for. Each rule
//! gives warnings under its own name, by which it can be switched off.

use chrono::NaiveDate;

use super::Document;
use super::source::FieldPath;
use crate::conventions::{Standard, format_day, format_month};
use crate::error::Severity;

/// A lint rule: the name by which it is switched off (`-A`, `[lint]`), what
/// it warns about in words a secretary reads, and how bad it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub name: &'static str,
    pub description: &'static str,
    pub severity: Severity,
}

const fn warns(name: &'static str, description: &'static str) -> Rule {
    Rule {
        name,
        description,
        severity: Severity::Warning,
    }
}

/// Every rule. `-A`, `check --help`, the README's table and the tests are
/// all checked against this list.
pub const RULES: &[Rule] = &[
    warns(
        "type-code",
        "chữ viết tắt tên cơ quan lẫn ký hiệu loại văn bản (vanban tự thêm ký hiệu này)",
    ),
    warns(
        "number-format",
        "số, ký hiệu văn bản trong nội dung viết theo thể thức kia",
    ),
    warns("archive-line", "nơi nhận thiếu dòng lưu (\"Lưu …\")"),
    warns(
        "reference-date",
        "văn bản được viện dẫn có ngày sau văn bản này",
    ),
    warns(
        "date-padding",
        "ngày tháng trong nội dung sai quy tắc thêm số 0",
    ),
    warns(
        "summary-case",
        "trích yếu bắt đầu bằng chữ hoa/thường sai thể thức",
    ),
    warns(
        "spacing",
        "khoảng trắng ở cuối dòng, hai khoảng trắng liền nhau, hoặc khoảng trắng trước dấu câu",
    ),
    warns(
        "unused-footnote",
        "chú thích có nội dung mà không được dẫn ở đâu",
    ),
    warns(
        "guide-date",
        "thể thức ghi trong `guide` không phải thể thức dùng cho ngày của văn bản",
    ),
    warns(
        "signer-title",
        "người ký thay mặt (T/M) cấp ủy không phải bí thư, phó bí thư, chủ nhiệm, phó chủ nhiệm, chủ tịch, phó chủ tịch (Hướng dẫn 05-HD/VPTW)",
    ),
    warns(
        "abolished-unit",
        "cơ quan cấp huyện (huyện, quận, thị xã; HU, QU, ThU) ban hành văn bản đề ngày từ 01/7/2025, khi cấp huyện đã kết thúc hoạt động",
    ),
    // Raised where the pictures are read (crate::images), not by `lint`.
    warns(
        crate::images::OPAQUE_RULE,
        "ảnh chữ ký hoặc ảnh dấu có nền không trong suốt",
    ),
    warns(
        "place-length",
        "địa danh và ngày tháng dài quá cột, phải xuống dòng sau dấu phẩy",
    ),
    warns(
        "end-mark",
        "dấu kết thúc \"./.\" gõ sẵn ở cuối nội dung, thứ vanban tự in theo thể thức",
    ),
    warns(
        "placeholder",
        "còn chỗ «…» của văn bản mẫu (vanban new) chưa thay bằng nội dung thật",
    ),
];

/// The rule of this name.
pub fn rule(name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.name == name)
}

/// The rules as `check --help` lists them: one a line, name and description.
pub fn rules_help() -> String {
    let width = RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
    RULES
        .iter()
        .map(|r| format!("  {:width$}  {}", r.name, r.description))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What marks a placeholder in a skeleton from `vanban new`: «…» around
/// the words to replace. Vietnamese documents do not use these quotes.
pub const PLACEHOLDER_OPEN: char = '«';

/// The issuer code of a skeleton: a code must be letters, so it cannot
/// carry the quotes.
pub const PLACEHOLDER_CODE: &str = "XX";

/// A warning before it is placed in the file.
pub struct Finding {
    pub rule: &'static str,
    pub path: FieldPath,
    /// Text of the field around the problem, and the byte offset of the
    /// problem in it: to point inside the field rather than at its start.
    pub spot: Option<(String, usize)>,
    pub message: String,
    pub hint: String,
}

pub(super) fn finding(
    rule: &'static str,
    path: &FieldPath,
    message: String,
    hint: String,
) -> Finding {
    Finding {
        rule,
        path: path.clone(),
        spot: None,
        message,
        hint,
    }
}

impl Finding {
    fn at(mut self, spot: impl Into<String>, offset: usize) -> Self {
        self.spot = Some((spot.into(), offset));
        self
    }
}

/// A place and date too long for the header's column: printed on two
/// lines, broken after the comma. Measured with the embedded serif.
fn place_length(doc: &Document) -> Option<Finding> {
    let p = &doc.profile;
    let column = p.text_width_mm() - p.header_left_mm;
    let line = crate::conventions::format_place_date(&doc.place, doc.date);
    let width = crate::engine::serif_width_pt(&line, p.place_date_pt, true) * 25.4 / 72.0;
    if width <= column {
        return None;
    }
    let hint = match crate::conventions::short_place(&doc.place) {
        Some(short) => {
            format!("Hướng dẫn 05-HD/VPTW cho phép viết tắt địa danh: place = \"{short}\"")
        }
        None => "viết địa danh ngắn gọn hơn, hoặc để in thành hai dòng".to_owned(),
    };
    Some(finding(
        "place-length",
        &FieldPath::default().key("place"),
        format!(
            "địa danh và ngày tháng dài {width:.0} mm, quá cột {column:.0} mm nên in thành hai dòng, xuống dòng sau dấu phẩy"
        ),
        hint,
    ))
}

/// An end mark typed at the end of the body, which vanban took off.
pub(super) fn typed_end_mark(
    path: &FieldPath,
    typed: &super::end_mark::TypedEndMark,
    guide: &crate::conventions::Guide,
) -> Finding {
    let mark = &typed.mark;
    let (message, hint) = match guide.wording.body_end_mark {
        Some(own) if own != "." => (
            format!(
                "đoạn cuối đã gõ sẵn dấu kết thúc \"{mark}\"; vanban bỏ nó đi và tự in \"{own}\" một lần"
            ),
            format!(
                "xóa \"{mark}\" ở cuối đoạn cuối; vanban in dấu kết thúc theo {}",
                guide.name
            ),
        ),
        _ => (
            format!(
                "đoạn cuối đã gõ sẵn dấu kết thúc \"{mark}\"; văn bản Đảng kết thúc bằng dấu chấm nên vanban in dấu chấm thay cho nó"
            ),
            format!("xóa \"{mark}\" ở cuối đoạn cuối, chỉ để dấu chấm (.)"),
        ),
    };
    let offset = typed.context.rfind(mark.as_str()).unwrap_or(0);
    finding("end-mark", path, message, hint).at(typed.context.clone(), offset)
}

/// Type codes of both standards, for spotting one inside an issuer code.
const TYPE_CODES: &[&str] = &[
    "NQ", "QĐ", "CT", "QC", "QyĐ", "QĐi", "TC", "TB", "HD", "HĐ", "CTr", "KH", "PA", "ĐA", "DA",
    "BC", "BB", "TTr", "KL", "CV", "TT", "CĐ", "GM", "GGT", "BS",
];

/// Runs every rule over a checked document and the raw text of its fields.
pub fn lint(
    doc: &Document,
    texts: &[(FieldPath, String)],
    unused_footnotes: &[String],
) -> Vec<Finding> {
    let mut out = Vec::new();
    let root = FieldPath::default();

    let code = &doc.issuer.code;
    if let Some(first) = code
        .split('-')
        .next()
        .filter(|f| code.contains('-') && TYPE_CODES.contains(f))
    {
        let rest = &code[first.len() + 1..];
        out.push(finding(
            "type-code",
            &root.key("issuer").key("code"),
            format!(
                "chữ viết tắt tên cơ quan `{code}` bắt đầu bằng ký hiệu loại văn bản {first}; số sẽ thành \"{}\"",
                crate::conventions::format_number(&doc.guide.wording, doc.number, doc.kind.type_code(), code)
            ),
            format!("chỉ ghi chữ viết tắt tên cơ quan: code = \"{rest}\"; ký hiệu loại văn bản lấy từ `kind`"),
        ));
    }

    if doc.recipients.archive.is_none() {
        out.push(finding(
            "archive-line",
            &root.key("recipients"),
            "nơi nhận thiếu dòng lưu".to_owned(),
            super::guide_rules::archive_hint(doc.guide, &doc.issuer.name),
        ));
    }

    summary_case(doc, texts, &mut out);
    super::guide_rules::lint(doc, &mut out);

    if let Some(long) = place_length(doc) {
        out.push(long);
    }

    for id in unused_footnotes {
        out.push(finding(
            "unused-footnote",
            &root.key("footnotes").key(id),
            format!("chú thích [^{id}] không được dẫn ở đâu cả"),
            format!("ghi [^{id}] vào chỗ cần đánh dấu chú thích, hoặc xóa chú thích đi"),
        ));
    }

    placeholders(doc, texts, &mut out);

    let doc_date = match (doc.date.month, doc.date.day) {
        (Some(m), Some(d)) => NaiveDate::from_ymd_opt(doc.date.year, m, d),
        _ => None,
    };
    for (path, text) in texts {
        spacing(path, text, &mut out);
        for date in find_dates(text) {
            date_padding(path, &date, &mut out);
        }
        for symbol in find_symbols(text) {
            symbol_format(path, &symbol, &mut out);
            if let (Some(ours), Some(date)) = (doc_date, symbol.date.as_ref().and_then(|d| d.date))
                && date > ours
            {
                out.push(
                    finding(
                        "reference-date",
                        path,
                        format!(
                            "{} đề ngày {}, sau ngày của văn bản này ({})",
                            symbol.text,
                            date.format("%d/%m/%Y"),
                            ours.format("%d/%m/%Y")
                        ),
                        "kiểm tra lại ngày của văn bản được viện dẫn, hoặc ngày của văn bản này"
                            .to_owned(),
                    )
                    .at(symbol.text.clone(), 0),
                );
            }
        }
    }
    out
}

/// The first letter of a summary: lower case for the Party ("về …"), a
/// capital for the State ("Kết luận của …"). A Party summary may open with
/// its author in capitals, as HD05's own example does ("KẾT LUẬN / CỦA BAN
/// THƯỜNG VỤ THÀNH UỶ / về phát triển kinh tế tư nhân"); the subject under
/// it is then the line that must start in lower case.
fn summary_case(doc: &Document, texts: &[(FieldPath, String)], out: &mut Vec<Finding>) {
    let path = FieldPath::default().key("summary");
    let lines: Vec<String> = doc
        .summary
        .iter()
        .map(|l| crate::markup::plain_text(l))
        .collect();
    let is_author = |line: &str| line.starts_with("CỦA ") && !line.chars().any(char::is_lowercase);
    let at = match (doc.standard(), lines.first()) {
        (Standard::Party, Some(first)) if is_author(first) => 1,
        _ => 0,
    };
    let Some(line) = lines.get(at) else {
        return;
    };
    let Some(initial) = line.chars().find(|c| c.is_alphabetic()) else {
        return;
    };
    let guide = doc.guide.name;
    let (message, hint) = match doc.standard() {
        Standard::Party if initial.is_uppercase() && at == 1 => (
            format!(
                "sau dòng tác giả \"{}\", trích yếu văn bản Đảng viết chữ thường; dòng này bắt đầu bằng \"{initial}\"",
                lines[0]
            ),
            format!("viết \"về …\" hoặc \"tại …\" ({guide})"),
        ),
        Standard::Party if initial.is_uppercase() => (
            format!(
                "trích yếu văn bản Đảng bắt đầu bằng chữ thường, trích yếu này bắt đầu bằng \"{initial}\""
            ),
            format!(
                "viết \"về …\" hoặc \"của …\"; dòng tác giả thì viết hoa cả dòng: \"CỦA BAN THƯỜNG VỤ …\" ({guide})"
            ),
        ),
        Standard::State if initial.is_lowercase() => (
            format!(
                "trích yếu văn bản nhà nước bắt đầu bằng chữ hoa, trích yếu này bắt đầu bằng \"{initial}\""
            ),
            format!("viết hoa chữ cái đầu ({guide})"),
        ),
        _ => return,
    };
    // The line as written, to point at it; the field's start if it was
    // written differently (markup, a line broken inside one text).
    let written = texts
        .iter()
        .filter(|(p, _)| *p == path || p.0.starts_with(&path.0))
        .map(|(_, t)| t.trim())
        .find(|t| crate::markup::plain_text(&crate::markup::parse(t)) == *line)
        .unwrap_or(line.as_str());
    out.push(finding("summary-case", &path, message, hint).at(written, 0));
}

/// One warning per field that still holds a skeleton's «…».
fn placeholders(doc: &Document, texts: &[(FieldPath, String)], out: &mut Vec<Finding>) {
    let root = FieldPath::default();
    let unrecorded = [
        (
            root.key("issuer").key("superior"),
            doc.issuer.superior.clone(),
        ),
        (
            root.key("recipients").key("archive"),
            doc.recipients.archive.clone(),
        ),
        (
            root.key("recipients").key("drafter"),
            doc.recipients.drafter.as_ref().map(|(d, _)| d.clone()),
        ),
    ];
    let mut seen: Vec<&FieldPath> = Vec::new();
    let fields = texts.iter().map(|(p, t)| (p, t.as_str())).chain(
        unrecorded
            .iter()
            .filter_map(|(p, t)| Some((p, t.as_deref()?))),
    );
    for (path, text) in fields {
        let Some(at) = text.find(PLACEHOLDER_OPEN) else {
            continue;
        };
        if seen.contains(&path) {
            continue;
        }
        seen.push(path);
        let end = text[at..]
            .find('»')
            .map_or(text.len(), |i| at + i + '»'.len_utf8());
        let words = &text[at..end];
        out.push(
            finding(
                "placeholder",
                path,
                format!("còn chỗ {words} của văn bản mẫu chưa thay"),
                "thay cả chỗ «…» bằng nội dung thật, hoặc xóa trường này nếu không cần".to_owned(),
            )
            .at(words.to_owned(), 0),
        );
    }
    if doc.issuer.code == PLACEHOLDER_CODE {
        out.push(finding(
            "placeholder",
            &root.key("issuer").key("code"),
            format!("chữ viết tắt tên cơ quan vẫn là {PLACEHOLDER_CODE} của văn bản mẫu"),
            "ghi chữ viết tắt của cơ quan, ví dụ \"HU\" (Huyện ủy) hoặc \"UBND\"".to_owned(),
        ));
    }
}

fn spacing(path: &FieldPath, text: &str, out: &mut Vec<Finding>) {
    let trailing = text
        .lines()
        .find(|l| l.ends_with(' ') || l.ends_with('\t'))
        .map(|l| l.trim_end_matches([' ', '\t']));
    let before_punctuation = [" ,", " .", " ;", " :", " !", " ?", " )"]
        .iter()
        .filter_map(|p| {
            text.match_indices(p)
                .find(|(i, _)| !text[i + p.len()..].starts_with(['.', '/']))
        })
        .min_by_key(|(i, _)| *i)
        .map(|(_, p)| p.to_owned());
    let problem = if let Some(line) = trailing {
        // The line's last words, to find it by, then the first space.
        let start = line.char_indices().rev().nth(11).map_or(0, |(i, _)| i);
        let tail = &line[start..];
        Some((
            "khoảng trắng ở cuối dòng",
            "xóa khoảng trắng ở cuối dòng",
            format!("{tail} "),
            tail.len(),
        ))
    } else if text.contains("  ") {
        Some((
            "hai khoảng trắng liền nhau",
            "giữa hai từ chỉ để một khoảng trắng",
            "  ".to_owned(),
            0,
        ))
    } else if text.contains(" [^") {
        Some((
            "khoảng trắng trước dấu chú thích",
            "viết dấu chú thích liền sau từ: \"ổn định[^1]\"",
            " [^".to_owned(),
            0,
        ))
    } else {
        before_punctuation.map(|p| {
            (
                "khoảng trắng trước dấu câu",
                "xóa khoảng trắng trước , . ; : ! ? )",
                p,
                0,
            )
        })
    };
    if let Some((what, hint, spot, offset)) = problem {
        out.push(
            finding(
                "spacing",
                path,
                format!("nội dung có {what}"),
                hint.to_owned(),
            )
            .at(spot, offset),
        );
    }
}

/// A date written in the text: "ngày 05 tháng 11 năm 2020" or "02/12/2019".
struct WrittenDate {
    text: String,
    day: Option<(u32, String)>,
    month: (u32, String),
    year: i32,
    date: Option<NaiveDate>,
}

fn find_dates(text: &str) -> Vec<WrittenDate> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    let digits = |w: &str| {
        let w = w.trim_end_matches([',', '.', ';', ')', ':']);
        (!w.is_empty() && w.chars().all(|c| c.is_ascii_digit())).then(|| w.to_owned())
    };
    for (i, w) in words.iter().enumerate() {
        // "ngày 5 tháng 11 năm 2020" and "tháng 11 năm 2020".
        if w.eq_ignore_ascii_case("tháng") || *w == "tháng" {
            let (Some(m), Some(&"năm"), Some(y)) = (
                words.get(i + 1).and_then(|w| digits(w)),
                words.get(i + 2),
                words.get(i + 3).and_then(|w| digits(w)),
            ) else {
                continue;
            };
            let day = (i >= 2 && words[i - 2].to_lowercase() == "ngày")
                .then(|| digits(words[i - 1]))
                .flatten();
            // As written, capitals included, to be found in the file.
            let text = match &day {
                Some(d) => format!("{} {d} {w} {m} năm {y}", words[i - 2]),
                None => format!("{w} {m} năm {y}"),
            };
            push_date(&mut out, day, m, &y, text);
        }
        // "02/12/2019"
        let token = w
            .trim_end_matches([',', '.', ';', ')', ':'])
            .trim_start_matches('(');
        let parts: Vec<&str> = token.split('/').collect();
        if parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
            && parts[2].len() == 4
        {
            push_date(
                &mut out,
                Some(parts[0].to_owned()),
                parts[1].to_owned(),
                parts[2],
                token.to_owned(),
            );
        }
    }
    out
}

fn push_date(
    out: &mut Vec<WrittenDate>,
    day: Option<String>,
    month: String,
    year: &str,
    text: String,
) {
    let (Ok(m), Ok(y)) = (month.parse::<u32>(), year.parse::<i32>()) else {
        return;
    };
    let d = day.as_ref().and_then(|d| d.parse::<u32>().ok());
    if !(1..=12).contains(&m) {
        return;
    }
    out.push(WrittenDate {
        text: text.trim().to_owned(),
        day: d.zip(day),
        month: (m, month),
        year: y,
        date: NaiveDate::from_ymd_opt(y, m, d.unwrap_or(1)),
    });
}

fn date_padding(path: &FieldPath, date: &WrittenDate, out: &mut Vec<Finding>) {
    let day_ok = date
        .day
        .as_ref()
        .is_none_or(|(d, written)| *written == format_day(*d));
    let month_ok = date.month.1 == format_month(date.month.0);
    if day_ok && month_ok {
        return;
    }
    let fixed_day = date.day.as_ref().map(|(d, _)| format_day(*d));
    let fixed_month = format_month(date.month.0);
    let fixed = if date.text.contains('/') {
        format!(
            "{}/{fixed_month}/{}",
            fixed_day.unwrap_or_default(),
            date.year
        )
    } else {
        // The words as written, with the numbers corrected.
        let mut words: Vec<String> = date.text.split(' ').map(str::to_owned).collect();
        let month_at = match fixed_day {
            Some(d) if words.len() > 3 => {
                words[1] = d;
                3
            }
            _ => 1,
        };
        if let Some(m) = words.get_mut(month_at) {
            *m = fixed_month;
        }
        words.join(" ")
    };
    out.push(
        finding(
            "date-padding",
            path,
            format!("ngày \"{}\" phải viết là \"{fixed}\"", date.text),
            "ngày dưới 10 và tháng 1, tháng 2 thêm số 0 ở trước; các tháng khác thì không"
                .to_owned(),
        )
        .at(date.text.clone(), 0),
    );
}

/// A document symbol in the text ("369/BC-UBND", "13-NQ/HU") with the date
/// written after it, if any.
struct Symbol {
    /// How the reference reads: "số 369/BC-UBND".
    text: String,
    party_style: bool,
    agency: String,
    date: Option<WrittenDate>,
}

fn find_symbols(text: &str) -> Vec<Symbol> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let token = w
            .trim_end_matches([',', '.', ';', ')', ':'])
            .trim_start_matches('(');
        let Some(split) = token.find(['-', '/']) else {
            continue;
        };
        let (number, rest) = token.split_at(split);
        if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let first_sep = &rest[..1];
        let rest = &rest[1..];
        let Some(second) = rest.find(['-', '/']) else {
            continue;
        };
        let (type_code, tail) = rest.split_at(second);
        let second_sep = &tail[..1];
        let agency = &tail[1..];
        let letters = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_alphabetic() || c == '-');
        if first_sep == second_sep
            || !letters(type_code)
            || !letters(agency)
            || !type_code.chars().next().is_some_and(char::is_uppercase)
        {
            continue;
        }
        // The date that follows the reference closely: "…, ngày 30 tháng 11 năm 2020".
        let after = words[i + 1..words.len().min(i + 8)].join(" ");
        let date = find_dates(&after).into_iter().next();
        let prefix = if i > 0 && words[i - 1].eq_ignore_ascii_case("số") {
            "số "
        } else {
            ""
        };
        out.push(Symbol {
            text: format!("{prefix}{token}"),
            party_style: first_sep == "-",
            agency: agency.to_owned(),
            date,
        });
    }
    out
}

/// Party bodies' codes end in "U" (TU, HU, ĐU, BTCTU …) or are TW/VPTW.
fn is_party_agency(agency: &str) -> bool {
    let last = agency.rsplit('-').next().unwrap_or(agency);
    last.ends_with('U') || last.ends_with("TW") || last.ends_with("ĐUK")
}

fn symbol_format(path: &FieldPath, symbol: &Symbol, out: &mut Vec<Finding>) {
    let party = is_party_agency(&symbol.agency);
    if party == symbol.party_style {
        return;
    }
    let (message, hint) = if party {
        (
            format!(
                "{} viết theo kiểu văn bản nhà nước, nhưng {} là cơ quan Đảng",
                symbol.text, symbol.agency
            ),
            "ký hiệu văn bản Đảng viết số-LOẠI/CƠ QUAN, ví dụ 13-NQ/HU",
        )
    } else {
        (
            format!(
                "{} viết theo kiểu văn bản Đảng, nhưng {} không phải là cơ quan Đảng",
                symbol.text, symbol.agency
            ),
            "ký hiệu văn bản nhà nước viết số/LOẠI-CƠ QUAN, ví dụ 369/BC-UBND",
        )
    };
    out.push(finding("number-format", path, message, hint.to_owned()).at(symbol.text.clone(), 0));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str) -> Vec<&'static str> {
        let mut out = Vec::new();
        let path = FieldPath::default().key("x");
        spacing(&path, text, &mut out);
        for d in find_dates(text) {
            date_padding(&path, &d, &mut out);
        }
        for s in find_symbols(text) {
            symbol_format(&path, &s, &mut out);
        }
        out.iter().map(|f| f.rule).collect()
    }

    #[test]
    fn spacing_rules() {
        assert_eq!(rules("hai  khoảng trắng"), ["spacing"]);
        assert_eq!(rules("cuối dòng "), ["spacing"]);
        assert_eq!(rules("trước dấu phẩy , sai"), ["spacing"]);
        assert_eq!(rules("đúng, đủ. Hết./."), Vec::<&str>::new());
    }

    #[test]
    fn date_padding_rules() {
        assert_eq!(rules("ngày 5 tháng 11 năm 2020"), ["date-padding"]);
        assert_eq!(rules("ngày 05 tháng 1 năm 2020"), ["date-padding"]);
        assert_eq!(rules("ngày 05 tháng 03 năm 2020"), ["date-padding"]);
        assert_eq!(
            rules("ngày 05 tháng 3 năm 2020, ngày 20 tháng 02 năm 2018"),
            Vec::<&str>::new()
        );
        assert_eq!(rules("ngày 02/12/2019 và 25/9/2020"), Vec::<&str>::new());
        assert_eq!(rules("ngày 2/12/2019"), ["date-padding"]);
        assert_eq!(rules("ngày 12/04/2019"), ["date-padding"]);
    }

    #[test]
    fn symbol_rules() {
        assert_eq!(
            rules("Báo cáo số 369/BC-UBND và Nghị quyết số 13-NQ/HU"),
            Vec::<&str>::new()
        );
        assert_eq!(rules("Nghị quyết số 13/NQ-HU"), ["number-format"]);
        assert_eq!(rules("Quyết định số 05-QĐ/UBND"), ["number-format"]);
        assert_eq!(rules("Quy chế 05-QC/BTCTU-BDVTU"), Vec::<&str>::new());
        assert_eq!(
            rules("giai đoạn 2019 – 2025, Covid-19, 22.460 ha/27.060 ha"),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn references_carry_their_dates() {
        let s = find_symbols("Báo cáo số 369/BC-UBND, ngày 30 tháng 11 năm 2020 của UBND huyện");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].text, "số 369/BC-UBND");
        assert_eq!(
            s[0].date.as_ref().and_then(|d| d.date),
            NaiveDate::from_ymd_opt(2020, 11, 30)
        );
    }
}
