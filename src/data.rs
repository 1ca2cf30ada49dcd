//! The data a template receives, as JSON in the virtual file `/data.json`.
//! Every piece of user text arrives as a string inside this data, never as
//! Typst code. The contract is documented in docs/schema.md.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use crate::conventions::{self as vn, Standard, StyleProfile};
use crate::markup::Inline;
use crate::model::{Document, Item, PartRole, Text};

#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct TemplateData {
    /// The data contract's version; a template may check it.
    pub version: u32,
    pub kind: &'static str,
    pub standard: Standard,
    pub style: StyleProfile,
    /// Font families to use, best first; only families that are present.
    pub fonts: Vec<String>,
    pub meta: Meta,
    pub header: Header,
    pub title: &'static str,
    pub summary: Vec<Vec<Run>>,
    pub opening: Vec<Vec<Run>>,
    pub parts: Vec<PartData>,
    pub closing: Vec<Vec<Run>>,
    pub footnotes: BTreeMap<String, Vec<Run>>,
    pub signature: SignatureData,
    pub recipients: RecipientsData,
}

#[derive(Debug, Serialize)]
pub struct Meta {
    pub title: String,
    pub author: String,
    pub keywords: Vec<String>,
    /// The document's date as [year, month, day] for the PDF metadata.
    pub date: [u32; 3],
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Header {
    /// Lines of the superior body's name (none, or as many as the user
    /// broke it into); each may still wrap.
    pub superior: Vec<String>,
    pub issuer: Vec<String>,
    /// "ĐẢNG CỘNG SẢN VIỆT NAM".
    pub national: &'static str,
    pub number: String,
    pub place_date: String,
    /// The mark under the summary: "-----" for the Party.
    pub summary_rule: Option<&'static str>,
}

/// A run of inline content. A footnote is marked `first` where it is first
/// referred to, which is where its text is placed.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Run {
    Text {
        text: String,
        bold: bool,
        italic: bool,
    },
    Footnote {
        id: String,
        first: bool,
    },
}

#[derive(Debug, Serialize)]
pub struct PartData {
    pub role: &'static str,
    pub lead: Option<Vec<Run>>,
    pub items: Vec<ItemData>,
}

#[derive(Debug, Serialize)]
pub struct ItemData {
    /// "1.", "a)", "-", or none for an unnumbered paragraph.
    pub label: Option<String>,
    pub title: Option<Vec<Run>>,
    pub paragraphs: Vec<Vec<Run>>,
    pub items: Vec<ItemData>,
}

#[derive(Debug, Serialize)]
pub struct SignatureData {
    /// Authority lines, spelled per the standard: "T/M BAN THƯỜNG VỤ".
    pub authority: Vec<String>,
    pub title: String,
    pub name: String,
}

#[derive(Debug, Serialize)]
pub struct RecipientsData {
    pub label: &'static str,
    /// Each line with its punctuation, the archive line last.
    pub items: Vec<Vec<Run>>,
}

impl TemplateData {
    pub fn new(doc: &Document, fonts: Vec<String>) -> Self {
        let standard = doc.kind.standard();
        let mut runs = RunBuilder::default();
        let summary = doc.summary.iter().map(|t| runs.convert(t)).collect();
        let opening = doc.opening.iter().map(|t| runs.convert(t)).collect();
        let parts = doc
            .parts
            .iter()
            .map(|p| PartData {
                role: match p.role {
                    PartRole::Findings => "findings",
                    PartRole::Limitations => "limitations",
                    PartRole::Directives => "directives",
                },
                lead: p.lead.as_ref().map(|l| runs.convert(l)),
                items: items(&p.items, p.numbered, 0, &mut runs),
            })
            .collect();
        let closing = doc.closing.iter().map(|t| runs.convert(t)).collect();

        let separator = vn::recipient_separator(standard);
        let mut recipients: Vec<Vec<Run>> = doc
            .recipients
            .items
            .iter()
            .map(|t| {
                let mut line = vec![plain("- ")];
                line.extend(runs.convert(t));
                line.push(plain(separator));
                line
            })
            .collect();
        recipients.push(vec![plain(&format!(
            "- {}",
            vn::archive_line(standard, &doc.recipients.archive)
        ))]);

        let footnotes = doc
            .footnotes
            .iter()
            .map(|(id, t)| (id.clone(), RunBuilder::default().convert(t)))
            .collect();

        let authority = doc
            .signature
            .authority
            .iter()
            .map(|(a, body)| {
                format!(
                    "{} {}",
                    a.spelling(standard).unwrap_or_default(),
                    vn::upper(body)
                )
            })
            .collect();

        let summary_text: Vec<String> = doc
            .summary
            .iter()
            .map(|t| crate::markup::plain_text(t))
            .collect();
        let date = doc.date;
        TemplateData {
            version: 1,
            kind: doc.kind.name(),
            standard,
            style: StyleProfile::for_standard(standard),
            fonts,
            meta: Meta {
                title: format!("{} {}", doc.kind.title(), summary_text.join(" ")),
                author: doc.issuer.name.clone(),
                keywords: vec![doc.kind.title().to_owned()],
                date: [
                    date.year.max(0) as u32,
                    date.month.unwrap_or(1),
                    date.day.unwrap_or(1),
                ],
            },
            header: Header {
                superior: doc
                    .issuer
                    .superior
                    .as_deref()
                    .map(name_lines)
                    .unwrap_or_default(),
                issuer: name_lines(&doc.issuer.name),
                national: vn::national_title(standard),
                number: vn::format_number(
                    standard,
                    doc.number,
                    doc.kind.type_code(),
                    &doc.issuer.code,
                ),
                place_date: vn::format_place_date(&doc.place, date),
                summary_rule: vn::summary_rule(standard),
            },
            title: doc.kind.title(),
            summary,
            opening,
            parts,
            closing,
            footnotes,
            signature: SignatureData {
                authority,
                title: vn::upper(&doc.signature.title),
                name: doc.signature.name.clone(),
            },
            recipients: RecipientsData {
                label: vn::recipients_label(standard),
                items: recipients,
            },
        }
    }
}

fn items(list: &[Item], numbered: bool, depth: usize, runs: &mut RunBuilder) -> Vec<ItemData> {
    list.iter()
        .enumerate()
        .map(|(i, item)| {
            // An unnumbered part keeps its top level as plain paragraphs and
            // marks deeper levels with dashes.
            let label = match (numbered, depth) {
                (false, 0) => None,
                (false, _) => Some("-".to_owned()),
                (true, d) => Some(vn::item_label(d, i)),
            };
            ItemData {
                label,
                title: item.title.as_ref().map(|t| runs.convert(t)),
                paragraphs: item.paragraphs.iter().map(|p| runs.convert(p)).collect(),
                items: items(&item.items, numbered, depth + 1, runs),
            }
        })
        .collect()
}

/// A body's name in capitals, split where the user broke the line.
fn name_lines(name: &str) -> Vec<String> {
    name.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(vn::upper)
        .collect()
}

fn plain(text: &str) -> Run {
    Run::Text {
        text: text.to_owned(),
        bold: false,
        italic: false,
    }
}

/// Converts runs in document order, marking the first reference to each
/// footnote.
#[derive(Default)]
struct RunBuilder {
    seen: HashSet<String>,
}

impl RunBuilder {
    fn convert(&mut self, text: &Text) -> Vec<Run> {
        text.iter()
            .map(|r| match r {
                Inline::Text { text, bold, italic } => Run::Text {
                    text: text.clone(),
                    bold: *bold,
                    italic: *italic,
                },
                Inline::Footnote { id } => Run::Footnote {
                    id: id.clone(),
                    first: self.seen.insert(id.clone()),
                },
            })
            .collect()
    }
}
