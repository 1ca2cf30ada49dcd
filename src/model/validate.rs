//! The rules beyond types: required text is not empty, dates exist,
//! footnotes are defined, authorities are known. Every problem found is
//! reported, not only the first.

use std::collections::{BTreeMap, HashSet};

use super::lint;
use super::raw::{RawDocument, RawItem, RawPart};
use super::source::{FieldPath, SourceFile};
use super::{Document, Item, MAX_ITEM_DEPTH, Part, PartRole, Text};
use crate::conventions::LabelStyle;
use crate::error::{Diagnostic, Error, Position, Result};
use crate::markup;

pub const SCHEMA_VERSION: i64 = 1;

/// The most paragraphs and items a document may have; far beyond any real
/// conclusion, it keeps a runaway script from making a million pages.
pub const MAX_BLOCKS: usize = 5_000;

/// The most errors reported for one input.
const MAX_PROBLEMS: usize = 50;

pub(super) struct Checker<'a, 's> {
    pub(super) file: &'a SourceFile<'s>,
    problems: Vec<Diagnostic>,
    /// Footnote references met, with the field they stand in.
    pub(super) footnote_refs: Vec<(String, FieldPath)>,
    /// Every text field as written, for the checks that read raw text.
    pub(super) texts: Vec<(FieldPath, String)>,
    /// What `texts` holds, to record each field once.
    recorded: HashSet<(String, String)>,
    /// Paragraphs and items so far.
    blocks: usize,
    /// Footnotes defined but never referred to.
    pub(super) unused_footnotes: Vec<String>,
}

impl Checker<'_, '_> {
    pub(super) fn report(
        &mut self,
        path: &FieldPath,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        let position = self.file.locate(path);
        self.push(path, position, message.into(), hint.into());
    }

    fn push(
        &mut self,
        path: &FieldPath,
        position: Option<Position>,
        message: String,
        hint: String,
    ) {
        // Past a point, more messages of the same kind help nobody.
        if self.problems.len() >= MAX_PROBLEMS {
            return;
        }
        self.problems.push(
            Diagnostic::new(self.file.name, message)
                .at(position)
                .field(path.to_string())
                .hint(hint),
        );
    }

    /// A problem at `spot`, where it first appears in the field's text, so
    /// that the message points at it rather than at the start of the field.
    pub(super) fn report_spot(
        &mut self,
        path: &FieldPath,
        spot: &str,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        let position = self.file.locate_spot(path, spot, 0);
        self.push(path, position, message.into(), hint.into());
    }

    /// Remembers a field's text as written.
    fn record(&mut self, path: &FieldPath, text: &str) {
        if self.recorded.insert((path.to_string(), text.to_owned())) {
            self.texts.push((path.clone(), text.to_owned()));
        }
    }

    pub(super) fn required(&mut self, path: &FieldPath, text: &str) -> String {
        self.record(path, text);
        let text = text.trim();
        if text.is_empty() {
            self.report(
                path,
                "trường này không được để trống",
                "viết nội dung vào giữa hai dấu nháy",
            );
        }
        text.to_owned()
    }

    /// Parses inline markup and remembers the footnotes it refers to.
    pub(super) fn text(&mut self, path: &FieldPath, text: &str) -> Text {
        self.record(path, text);
        self.blocks += 1;
        let runs = markup::parse(text.trim());
        for id in markup::footnote_refs(&runs) {
            self.footnote_refs.push((id.to_owned(), path.clone()));
        }
        runs
    }

    /// Each entry of a list of texts may hold several paragraphs, separated
    /// by an empty line.
    fn paragraphs(&mut self, path: &FieldPath, texts: &[String]) -> Vec<Text> {
        let mut out = Vec::new();
        for (i, entry) in texts.iter().enumerate() {
            let p = if texts.len() == 1 {
                path.clone()
            } else {
                path.index(i)
            };
            self.record(&p, entry);
            for para in split_paragraphs(entry) {
                out.push(self.text(&p, para));
            }
        }
        out
    }

    fn part(&mut self, role: PartRole, name: &str, raw: Option<RawPart>) -> Option<Part> {
        let raw = raw?;
        let path = FieldPath::default().key(name);
        let heading = raw
            .heading
            .as_deref()
            .map(|h| self.required(&path.key("heading"), h));
        let lead = self.paragraphs(&path.key("lead"), &raw.lead.0);
        let mut labels = LabelStyle::defaults(raw.numbered).to_vec();
        if let Some(given) = &raw.labels {
            for (i, spelling) in given.iter().enumerate() {
                match LabelStyle::parse(spelling) {
                    Some(style) if i < labels.len() => labels[i] = style,
                    Some(_) => self.report(
                        &path.key("labels").index(i),
                        format!("các mục lồng nhau tối đa {MAX_ITEM_DEPTH} cấp; kiểu đánh số này là thừa"),
                        "cho mỗi cấp một kiểu đánh số, ví dụ [\"1.\", \"a)\", \"-\"]",
                    ),
                    None => {
                        let known: Vec<String> = LabelStyle::SPELLINGS
                            .iter()
                            .map(|(s, _)| format!("\"{s}\""))
                            .collect();
                        self.report(
                            &path.key("labels").index(i),
                            format!("`{spelling}` không phải là kiểu đánh số"),
                            format!("các kiểu đánh số: {}", known.join(", ")),
                        );
                    }
                }
            }
        }
        let items = self.items(&path.key("items"), &raw.items, 1);
        Some(Part {
            role,
            heading,
            lead,
            labels,
            restart_numbering: raw.restart_numbering,
            items,
        })
    }

    fn items(&mut self, path: &FieldPath, raw: &[RawItem], depth: usize) -> Vec<Item> {
        if depth > MAX_ITEM_DEPTH && !raw.is_empty() {
            self.report(
                path,
                format!(
                    "các mục lồng nhau quá sâu: chỉ được tối đa {MAX_ITEM_DEPTH} cấp (1., a), -)"
                ),
                "đưa các mục này lên một cấp, hoặc viết chúng thành đoạn văn của mục cha",
            );
            return Vec::new();
        }
        raw.iter()
            .enumerate()
            .map(|(i, item)| {
                let p = path.index(i);
                match item {
                    RawItem::Text(t) => {
                        self.required(&p, t);
                        Item {
                            title: None,
                            paragraphs: self.paragraphs(&p, std::slice::from_ref(t)),
                            items: Vec::new(),
                        }
                    }
                    RawItem::Table(t) => {
                        let title = t.title.as_deref().map(|s| self.text(&p.key("title"), s));
                        if title.is_none() && t.text.0.is_empty() && t.items.is_empty() {
                            self.report(
                                &p,
                                "mục này trống",
                                "ghi cho nó `title`, `text` hoặc `items`",
                            );
                        }
                        Item {
                            title,
                            paragraphs: self.paragraphs(&p.key("text"), &t.text.0),
                            items: self.items(&p.key("items"), &t.items, depth + 1),
                        }
                    }
                }
            })
            .collect()
    }
}

pub fn validate(file: &SourceFile<'_>, raw: RawDocument) -> Result<Document> {
    let raw_lint = raw.lint.unwrap_or_default();
    let mut c = Checker {
        texts: Vec::new(),
        recorded: HashSet::new(),
        blocks: 0,
        unused_footnotes: Vec::new(),
        file,
        problems: Vec::new(),
        footnote_refs: Vec::new(),
    };
    let root = FieldPath::default();

    if let Some(v) = raw.schema.filter(|&v| v != SCHEMA_VERSION) {
        c.report(
            &root.key("schema"),
            format!("không hỗ trợ lược đồ phiên bản {v}"),
            format!("vanban này đọc lược đồ phiên bản {SCHEMA_VERSION}"),
        );
    }
    let (kind, standard) = c.kind_and_standard(&raw.kind, raw.standard.as_deref());
    let template = raw.template.as_deref().map(|t| c.template(t));

    let (issuer, contact) = c.issuer(raw.issuer);

    let number = match raw.number {
        None => None,
        Some(n) => match u32::try_from(n) {
            Ok(n) if n > 0 => Some(n),
            _ => {
                c.report(
                    &root.key("number"),
                    format!("số văn bản phải là số nguyên dương, không phải {n}"),
                    "bỏ `number` đi để để trống cho văn thư ghi số",
                );
                None
            }
        },
    };

    let place = c.required(&root.key("place"), &raw.place);
    let date = c.date(raw.date);
    let guide = c.guide(raw.guide.as_deref(), kind, standard, date);
    let (profile, section_mark) = c.layout(raw.layout.unwrap_or_default(), guide);

    let summary_path = root.key("summary");
    let summary: Vec<Text> = raw
        .summary
        .0
        .iter()
        .flat_map(|s| s.lines().map(str::to_owned).collect::<Vec<_>>())
        .filter(|l| !l.trim().is_empty())
        .map(|l| c.text(&summary_path, &l))
        .collect();
    if summary.is_empty() {
        c.report(
            &summary_path,
            "trường này không được để trống",
            "ghi trích yếu nội dung, ví dụ \"tại hội nghị giao ban tháng 11 năm 2020\"",
        );
    }

    let to = c.paragraphs(&root.key("to"), &raw.to.0);
    let opening = c.paragraphs(&root.key("opening"), &raw.opening.0);
    let parts: Vec<Part> = [
        (PartRole::Findings, "findings", raw.findings),
        (PartRole::Limitations, "limitations", raw.limitations),
        (PartRole::Directives, "directives", raw.directives),
    ]
    .into_iter()
    .filter_map(|(role, name, part)| c.part(role, name, part))
    .collect();
    let closing = c.paragraphs(&root.key("closing"), &raw.closing.0);

    let mut footnotes = BTreeMap::new();
    for (id, text) in &raw.footnotes {
        let path = root.key("footnotes").key(id);
        if !id.chars().all(markup::is_footnote_id_char) {
            c.report(
                &path,
                format!("`{id}` không dùng làm tên chú thích được"),
                "chỉ dùng chữ, số, - và _, ví dụ 1 hoặc ghi-chu",
            );
        }
        c.required(&path, text);
        let runs = markup::parse(text.trim());
        footnotes.insert(id.clone(), runs);
    }
    let signature = c.signature(raw.signature, guide);
    c.signing_rules(&signature, guide);

    let recipients = c.recipients(raw.recipients, &issuer, guide);

    c.check_footnotes(&footnotes);

    if c.blocks > MAX_BLOCKS {
        c.report(
            &root,
            format!(
                "văn bản có {} đoạn và mục; vanban chỉ làm được tối đa {MAX_BLOCKS}",
                c.blocks
            ),
            "tách thành nhiều văn bản",
        );
    }
    c.check_texts();
    let mut doc = Document {
        warnings: Vec::new(),
        allowed: Vec::new(),
        kind,
        guide,
        profile,
        section_mark,
        template,
        issuer,
        number,
        place,
        date,
        summary,
        to,
        opening,
        parts,
        closing,
        footnotes,
        signature,
        recipients,
        contact,
    };
    let typed_end_mark = super::end_mark::finish(&mut doc).map(|typed| {
        let path = last_body_field(&c.texts).unwrap_or_default();
        lint::typed_end_mark(&path, &typed, doc.guide)
    });
    let allowed = c.allowed_rules(raw_lint);
    let warnings: Vec<Diagnostic> = lint::lint(&doc, &c.texts, &c.unused_footnotes)
        .into_iter()
        .chain(typed_end_mark)
        .filter(|f| !allowed.contains(&f.rule))
        .map(|f| {
            let position = match &f.spot {
                Some((spot, offset)) => file.locate_spot(&f.path, spot, *offset),
                None => file.locate(&f.path),
            };
            Diagnostic::new(file.name, f.message)
                .at(position)
                .field(f.path.to_string())
                .hint(f.hint)
                .warning(f.rule)
        })
        .collect();
    if !c.problems.is_empty() {
        c.problems.extend(warnings);
        return Err(Error::Input(c.problems));
    }
    doc.warnings = warnings;
    doc.allowed = allowed;
    Ok(doc)
}

/// The field of the body's last paragraph: the last body text recorded,
/// since fields are recorded in reading order.
fn last_body_field(texts: &[(FieldPath, String)]) -> Option<FieldPath> {
    const BODY: &[&str] = &[
        "opening",
        "findings",
        "limitations",
        "directives",
        "closing",
    ];
    texts
        .iter()
        .rev()
        .map(|(path, _)| path)
        .find(|path| {
            matches!(path.0.first(), Some(super::Seg::Key(k)) if BODY.contains(&k.as_str()))
                && !path.0.contains(&super::Seg::Key("heading".to_owned()))
        })
        .cloned()
}

/// Splits a text on empty lines.
fn split_paragraphs(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut offset = 0;
    let mut blank_run = false;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if blank && !blank_run {
            out.push(&text[start..offset]);
        }
        if !blank && blank_run {
            start = offset;
        }
        blank_run = blank;
        offset += line.len();
    }
    if !blank_run {
        out.push(&text[start..]);
    }
    out.into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// A recipient as the user may have pasted it from a finished document:
/// "- Văn phòng Tỉnh ủy," becomes "Văn phòng Tỉnh ủy"; the template adds the
/// punctuation of its standard.
pub(super) fn clean_recipient(item: &str) -> String {
    let item = item.trim();
    let item = item.strip_prefix('-').unwrap_or(item).trim_start();
    item.trim_end_matches([',', ';', '.']).trim_end().to_owned()
}

/// "Lưu VPHU." and "Lưu: VT, VPHU" both give "VPHU"; the template writes
/// the "Lưu" of its standard.
pub(super) fn clean_archive(archive: &str) -> String {
    let a = clean_recipient(archive);
    let a = a
        .strip_prefix("Lưu")
        .map_or(a.as_str(), |rest| rest.trim_start_matches([':', ' ']));
    let a = a.strip_prefix("VT,").map_or(a, str::trim_start);
    a.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_empty_lines() {
        assert_eq!(
            split_paragraphs("một\nhai\n\n  \nba\n"),
            vec!["một\nhai", "ba"]
        );
        assert_eq!(split_paragraphs("một"), vec!["một"]);
    }

    #[test]
    fn pasted_recipients_lose_their_punctuation() {
        assert_eq!(clean_recipient("- Văn phòng Tỉnh ủy,"), "Văn phòng Tỉnh ủy");
        assert_eq!(clean_archive("- Lưu VPHU."), "VPHU");
        assert_eq!(clean_archive("Lưu: VT, VP."), "VP");
        assert_eq!(clean_archive("Văn phòng Huyện ủy"), "Văn phòng Huyện ủy");
    }
}
