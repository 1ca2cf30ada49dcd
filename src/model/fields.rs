//! The checks of single fields and tables: the date, the signature, the
//! `[layout]` and `[lint]` tables, footnotes, and what every text may not
//! contain (control characters, legacy encodings).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::raw::RawDate;
use super::source::FieldPath;
use super::validate::Checker;
use super::{SectionMark, Signature, Text};
use super::{lint, text_checks};
use crate::conventions::{Authority, Guide, IssueDate, LAYOUT_FIELDS, Overrides, StyleProfile};
use crate::markup;

impl Checker<'_, '_> {
    pub(super) fn date(&mut self, raw: RawDate) -> IssueDate {
        let path = FieldPath::default().key("date");
        let fallback = IssueDate {
            year: 2000,
            month: None,
            day: None,
        };
        let Ok(year) = i32::try_from(raw.year) else {
            self.report(
                &path,
                format!("năm {} không hợp lệ", raw.year),
                "viết năm đủ bốn chữ số",
            );
            return fallback;
        };
        if !(1945..=9999).contains(&year) {
            self.report(
                &path,
                format!("năm {year} không hợp lệ"),
                "viết năm đủ bốn chữ số, từ 1945 trở đi",
            );
            return fallback;
        }
        let month = match raw.month {
            None => None,
            Some(m @ 1..=12) => Some(m as u32),
            Some(m) => {
                self.report(
                    &path,
                    format!("không có tháng {m}"),
                    "tháng phải từ 1 đến 12",
                );
                return fallback;
            }
        };
        let day = match (raw.day, month) {
            (None, _) => None,
            (Some(_), None) => {
                self.report(
                    &path,
                    "có ngày nhưng không có tháng",
                    "ghi cả tháng, hoặc bỏ ngày đi",
                );
                return fallback;
            }
            (Some(d), Some(m)) => {
                let exists = u32::try_from(d)
                    .ok()
                    .and_then(|d| NaiveDate::from_ymd_opt(year, m, d));
                match exists {
                    Some(date) => Some(date.day()),
                    None => {
                        self.report(
                            &path,
                            format!(
                                "không có ngày {d} tháng {m} năm {year}: tháng đó có {} ngày",
                                days_in_month(year, m)
                            ),
                            "kiểm tra lại ngày và tháng",
                        );
                        return fallback;
                    }
                }
            }
        };
        IssueDate { year, month, day }
    }

    pub(super) fn signature(&mut self, raw: super::raw::RawSignature, guide: &Guide) -> Signature {
        let style = guide.wording.authority;
        let path = FieldPath::default().key("signature");
        let mut authority = Vec::new();
        let entries = &raw.authority.0;
        // Each line is an authority line, in a list or in one text; an
        // empty entry is still reported.
        let lines = entries.iter().enumerate().flat_map(|(i, entry)| {
            let lines: Vec<&str> = entry
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            let lines = if lines.is_empty() { vec![""] } else { lines };
            lines.into_iter().map(move |l| (i, l))
        });
        for (i, line) in lines {
            let p = if entries.len() == 1 {
                path.key("authority")
            } else {
                path.key("authority").index(i)
            };
            let (abbr, body) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
            match Authority::parse(abbr) {
                Some(a) if a.spelling(style).is_none() => self.report(
                    &p,
                    format!("`{abbr}` không dùng theo {}", guide.name),
                    "dùng T/M, K/T, T/L hoặc Q.",
                ),
                Some(a) if body.trim().is_empty() => self.report(
                    &p,
                    format!("sau `{abbr}` phải ghi tập thể hoặc chức vụ được thay mặt"),
                    format!("ví dụ \"{} BAN THƯỜNG VỤ\"", a.spelling(style).unwrap_or(abbr)),
                ),
                Some(a) => authority.push((a, body.trim().to_owned())),
                None => self.report(
                    &p,
                    format!("`{abbr}` không phải là thẩm quyền ký"),
                    "bắt đầu bằng T/M (thay mặt), K/T (ký thay), T/L (thừa lệnh) hoặc Q. (quyền), rồi đến tập thể, ví dụ \"T/M BAN THƯỜNG VỤ\"",
                ),
            }
        }
        let (image, seal, seal_diameter_mm) =
            self.signature_images(raw.image, raw.seal, raw.seal_diameter_mm);
        Signature {
            authority,
            title: self.required(&path.key("title"), &raw.title),
            name: self.required(&path.key("name"), &raw.name),
            image,
            seal,
            seal_diameter_mm,
        }
    }

    /// The rules the document's `[lint]` table switches off, each checked.
    pub(super) fn allowed_rules(&mut self, raw: super::raw::RawLint) -> Vec<&'static str> {
        let mut allowed = Vec::new();
        for (i, name) in raw.allow.iter().enumerate() {
            match lint::rule(name) {
                Some(rule) => allowed.push(rule.name),
                None => {
                    let names: Vec<&str> = lint::RULES.iter().map(|r| r.name).collect();
                    self.report(
                        &FieldPath::default().key("lint").key("allow").index(i),
                        format!("không có quy tắc kiểm tra `{name}`"),
                        format!("các quy tắc: {}", names.join(", ")),
                    );
                }
            }
        }
        allowed
    }

    /// Control characters and legacy encodings, in every text field.
    pub(super) fn check_texts(&mut self) {
        let texts = std::mem::take(&mut self.texts);
        for (path, text) in &texts {
            if let Some((c, at)) = text_checks::control_character(text) {
                self.report(
                    path,
                    format!(
                        "nội dung có ký tự điều khiển vô hình U+{:04X} ở ký tự thứ {at}",
                        u32::from(c)
                    ),
                    "xóa nó đi; ký tự này thường đi theo văn bản chép từ chương trình khác",
                );
            }
            if let Some(encoding) = text_checks::legacy_encoding(text) {
                let sample: String = text.chars().take(40).collect();
                self.report(
                    path,
                    format!("nội dung có vẻ là tiếng Việt theo bảng mã cũ {}, không phải Unicode: \"{sample}\"", encoding.name()),
                    format!(
                        "chuyển sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey: {} → Unicode) rồi dán lại",
                        encoding.name()
                    ),
                );
            }
        }
        self.texts = texts;
    }

    pub(super) fn layout(
        &mut self,
        overrides: Overrides,
        guide: &Guide,
    ) -> (StyleProfile, SectionMark) {
        let path = FieldPath::default().key("layout");
        let mark = match overrides.section_mark.as_deref().map(str::trim) {
            None | Some("I.") => SectionMark::Dot,
            Some("I-") => SectionMark::Hyphen,
            Some(other) => {
                self.report(
                    &path.key("section_mark"),
                    format!("`{other}` không phải là kiểu đánh số phần"),
                    "viết \"I.\" hoặc \"I-\"",
                );
                SectionMark::Dot
            }
        };
        match StyleProfile::with_overrides(guide, &overrides) {
            Ok(p) => (p, mark),
            Err(errors) => {
                for e in errors {
                    let default = LAYOUT_FIELDS
                        .iter()
                        .find(|f| f.key == e.field)
                        .map_or(0.0, |f| f.get(&guide.layout));
                    let hint = format!(
                        "bỏ `{}` đi để dùng giá trị của thể thức: {default} {}",
                        e.field, e.unit
                    );
                    self.report(&path.key(e.field), e.to_string(), hint);
                }
                (guide.layout.clone(), mark)
            }
        }
    }

    pub(super) fn check_footnotes(&mut self, footnotes: &BTreeMap<String, Text>) {
        let refs = std::mem::take(&mut self.footnote_refs);
        self.unused_footnotes = footnotes
            .keys()
            .filter(|id| !refs.iter().any(|(r, _)| r == *id))
            .cloned()
            .collect();
        for (id, path) in &refs {
            if !footnotes.contains_key(id) {
                self.report_spot(
                    path,
                    &format!("[^{id}]"),
                    format!("chưa có nội dung cho chú thích [^{id}]"),
                    format!("thêm nó dưới [footnotes]: {} = \"…\"", toml_key(id)),
                );
            }
        }
        for (id, text) in footnotes {
            if markup::footnote_refs(text).next().is_some() {
                let path = FieldPath::default().key("footnotes").key(id);
                self.report(
                    &path,
                    "chú thích không được dẫn tới chú thích khác",
                    "xóa [^…] khỏi chú thích này",
                );
            }
        }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some())
        .unwrap_or(28)
}

fn toml_key(id: &str) -> String {
    if id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        id.to_owned()
    } else {
        format!("\"{id}\"")
    }
}
