//! The data a template receives, as JSON in the virtual file `/data.json`.
//! Every piece of user text arrives as a string inside this data, never as
//! Typst code. The contract is documented in docs/templates.md.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use crate::conventions::{self as vn, Block, Guide, Standard, StyleProfile, Wording, roman};
use crate::markup::{self, Inline};
use crate::model::{Document, Item, PartRole, SectionMark, Text};

/// The version of this contract; templates may check it.
/// Version 2: a part's `lead` is a list of paragraphs.
pub const CONTRACT_VERSION: u32 = 2;

#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct TemplateData {
    pub version: u32,
    /// The document kind's name, e.g. "ket-luan".
    pub kind: &'static str,
    pub standard: Standard,
    /// The guide the document is laid out by, and the blocks its pages carry.
    pub guide: GuideData,
    pub style: StyleProfile,
    /// Font families to use, best first; only families that are present.
    pub fonts: Vec<String>,
    pub meta: Meta,
    pub header: Header,
    /// The type name: "KẾT LUẬN", "THÔNG BÁO".
    pub title: &'static str,
    pub summary: Vec<Vec<Run>>,
    /// "Kính gửi" addressees, each with its punctuation.
    pub to: Vec<Vec<Run>>,
    pub opening: Vec<Vec<Run>>,
    pub parts: Vec<PartData>,
    pub closing: Vec<Vec<Run>>,
    pub footnotes: BTreeMap<String, Vec<Run>>,
    pub signature: SignatureData,
    pub recipients: RecipientsData,
    /// The issuer's contact information (ô 13), one entry a line; placed
    /// where the guide's `contact` block stands.
    pub contact: Vec<Vec<Run>>,
    /// The files the PDF carries (its source, its pictures), for the
    /// template to attach; filled by the pipeline.
    pub attachments: Vec<crate::original::Attachment>,
}

#[derive(Debug, Serialize)]
pub struct GuideData {
    /// "hd36", "nd30".
    pub key: &'static str,
    /// "Hướng dẫn 36-HD/VPTW".
    pub name: &'static str,
    /// The components the built-in templates set, in order.
    pub blocks: &'static [Block],
}

impl GuideData {
    fn of(guide: &Guide) -> Self {
        Self {
            key: guide.key,
            name: guide.name,
            blocks: guide.blocks,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Meta {
    pub title: String,
    pub author: String,
    /// The type name and the guide the document is laid out by.
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
    /// Each line of `superior` in its units, which it breaks between
    /// ("ỦY BAN NHÂN DÂN" | "XÃ TÂN HÒA"); see `conventions::name_units`.
    pub superior_units: Vec<Vec<String>>,
    pub issuer_units: Vec<Vec<String>>,
    /// "ĐẢNG CỘNG SẢN VIỆT NAM" or "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
    pub national: &'static str,
    /// "Độc lập - Tự do - Hạnh phúc" for the State.
    pub motto: Option<&'static str>,
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
    /// "findings", "limitations" or "directives".
    pub role: &'static str,
    /// The numbered section heading, in capitals: "I. ĐÁNH GIÁ CHUNG".
    pub heading: Option<String>,
    /// The lead-in paragraphs before the items; empty if none.
    pub lead: Vec<Vec<Run>>,
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
#[serde(rename_all = "kebab-case")]
pub struct SignatureData {
    /// Authority lines, spelled per the standard: "T/M BAN THƯỜNG VỤ".
    pub authority: Vec<String>,
    /// Each authority line in its units, as the bodies' names.
    pub authority_units: Vec<Vec<String>>,
    pub title: String,
    pub name: String,
    /// The signer's signature picture, if drawn.
    pub image: Option<crate::original::SignatureImage>,
    /// The seal picture, if drawn.
    pub seal: Option<crate::original::SealImage>,
}

#[derive(Debug, Serialize)]
pub struct RecipientsData {
    pub label: &'static str,
    /// Each line with its punctuation, the archive line last.
    pub items: Vec<Vec<Run>>,
    /// The drafter's code and copy count (ô 12), e.g. "PL.(300)".
    pub drafter: Option<String>,
}

impl TemplateData {
    pub fn new(doc: &Document, fonts: Vec<String>) -> Self {
        let wording = &doc.guide.wording;
        let mut runs = RunBuilder::default();
        let summary = doc
            .summary
            .iter()
            .map(|t| bind_numbers(runs.convert(t)))
            .collect();
        let to = addressees(&doc.to, wording, &mut runs);
        let opening = doc.opening.iter().map(|t| runs.convert(t)).collect();
        let mut section = 0;
        let mut numbering = vn::NumberingRun::default();
        let parts = doc
            .parts
            .iter()
            .map(|p| PartData {
                role: match p.role {
                    PartRole::Findings => "findings",
                    PartRole::Limitations => "limitations",
                    PartRole::Directives => "directives",
                },
                heading: p.heading.as_deref().map(|h| {
                    section += 1;
                    let mark = match doc.section_mark {
                        SectionMark::Dot => ".",
                        SectionMark::Hyphen => "-",
                    };
                    format!("{}{mark} {}", roman(section), vn::upper(h))
                }),
                lead: p.lead.iter().map(|l| runs.convert(l)).collect(),
                items: {
                    let top = p.labels.first().copied().unwrap_or(vn::LabelStyle::None);
                    let skip = numbering.next_part(
                        top,
                        p.heading.is_some(),
                        p.restart_numbering,
                        p.items.len(),
                    );
                    items(&p.items, &p.labels, &[], skip, &mut runs)
                },
            })
            .collect();
        let closing = doc.closing.iter().map(|t| runs.convert(t)).collect();
        let recipients = recipients(doc, &mut runs);
        let contact = doc.contact.iter().map(|t| runs.convert(t)).collect();

        let footnotes = doc
            .footnotes
            .iter()
            .map(|(id, t)| (id.clone(), RunBuilder::default().convert(t)))
            .collect();
        let authority_units: Vec<Vec<String>> = doc
            .signature
            .authority
            .iter()
            .map(|(a, body)| {
                vn::name_units(&vn::bind_numbers(&format!(
                    "{} {}",
                    a.spelling(wording.authority).unwrap_or_default(),
                    vn::upper(body)
                )))
            })
            .collect();
        let superior_units: Vec<Vec<String>> = doc
            .issuer
            .superior
            .as_deref()
            .map(name_lines)
            .unwrap_or_default();
        let issuer_units = name_lines(&doc.issuer.name);
        let summary_text: Vec<String> = doc.summary.iter().map(|t| markup::plain_text(t)).collect();
        let (image, seal) = crate::original::placements(doc);
        let date = doc.date;

        TemplateData {
            version: CONTRACT_VERSION,
            kind: doc.kind.name(),
            standard: doc.standard(),
            guide: GuideData::of(doc.guide),
            style: doc.profile.clone(),
            fonts,
            meta: Meta {
                title: format!("{} {}", doc.kind.title(), summary_text.join(" ")),
                author: doc.issuer.name.clone(),
                keywords: vec![doc.kind.title().to_owned(), doc.guide.name.to_owned()],
                date: [
                    u32::try_from(date.year).unwrap_or(2000),
                    date.month.unwrap_or(1),
                    date.day.unwrap_or(1),
                ],
            },
            header: Header {
                superior: joined(&superior_units),
                issuer: joined(&issuer_units),
                superior_units,
                issuer_units,
                national: wording.national_title,
                motto: wording.motto,
                number: number_line(doc),
                place_date: vn::format_place_date(&doc.place, date),
                summary_rule: wording.summary_mark,
            },
            title: doc.kind.title(),
            summary,
            to,
            opening,
            parts,
            closing,
            footnotes,
            signature: SignatureData {
                authority: joined(&authority_units),
                authority_units,
                title: vn::bind_numbers(&vn::upper(&doc.signature.title)),
                name: vn::bind_numbers(&doc.signature.name),
                image,
                seal,
            },
            recipients,
            contact,
            attachments: Vec::new(),
        }
    }
}

/// The number line as the document prints it: "Số 15-KL/HU", with a blank
/// for a number the records office has yet to give.
pub fn number_line(doc: &Document) -> String {
    vn::format_number(
        &doc.guide.wording,
        doc.number,
        doc.kind.type_code(),
        &doc.issuer.code,
    )
}

/// The items of one level; `skip` is how many numbers the top level's
/// count skips (the part goes on from the one before).
fn items(
    list: &[Item],
    labels: &[vn::LabelStyle],
    parent: &[usize],
    skip: usize,
    runs: &mut RunBuilder,
) -> Vec<ItemData> {
    list.iter()
        .enumerate()
        .map(|(i, item)| {
            let mut path = parent.to_vec();
            path.push(if parent.is_empty() { skip + i } else { i });
            let style = labels
                .get(parent.len())
                .copied()
                .unwrap_or(vn::LabelStyle::Dash);
            ItemData {
                label: style.label(&path),
                title: item.title.as_ref().map(|t| runs.convert(t)),
                paragraphs: item.paragraphs.iter().map(|p| runs.convert(p)).collect(),
                items: items(&item.items, labels, &path, 0, runs),
            }
        })
        .collect()
}

/// "Kính gửi:" addressees: one stands alone; several each get a dash and
/// the standard's separator, the last a full stop.
fn addressees(to: &[Text], wording: &Wording, runs: &mut RunBuilder) -> Vec<Vec<Run>> {
    if to.len() == 1 {
        return vec![runs.convert(&to[0])];
    }
    let separator = wording.recipient_separator;
    to.iter()
        .enumerate()
        .map(|(i, t)| {
            let mut line = vec![plain("- ")];
            line.extend(runs.convert(t));
            line.push(plain(if i + 1 == to.len() { "." } else { separator }));
            line
        })
        .collect()
}

fn recipients(doc: &Document, runs: &mut RunBuilder) -> RecipientsData {
    let wording = &doc.guide.wording;
    let separator = wording.recipient_separator;
    let mut lines: Vec<Vec<Run>> = Vec::new();
    // A document with "Kính gửi" sends its copies "as above" first.
    let as_addressed = vn::as_addressed(wording);
    let already = doc.recipients.items.first().is_some_and(|t| {
        markup::plain_text(t)
            .trim()
            .eq_ignore_ascii_case(as_addressed.trim_end_matches(separator))
    });
    if !doc.to.is_empty() && !already {
        lines.push(vec![plain(&format!("- {as_addressed}"))]);
    }
    for t in &doc.recipients.items {
        let mut line = vec![plain("- ")];
        line.extend(runs.convert(t));
        line.push(plain(separator));
        lines.push(line);
    }
    if let Some(archive) = &doc.recipients.archive {
        lines.push(vec![plain(&format!(
            "- {}",
            vn::archive_line(wording, archive)
        ))]);
    }
    RecipientsData {
        label: wording.recipients_label,
        items: lines,
        drafter: doc
            .recipients
            .drafter
            .as_ref()
            .map(|(code, copies)| vn::drafter_line(wording, code, *copies)),
    }
}

/// A body's name in capitals, split where the user broke the line, each
/// line in its units.
fn name_lines(name: &str) -> Vec<Vec<String>> {
    name.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| vn::name_units(&vn::bind_numbers(&vn::upper(l))))
        .collect()
}

/// Lines from their units.
fn joined(lines: &[Vec<String>]) -> Vec<String> {
    lines.iter().map(|units| units.join(" ")).collect()
}

/// Runs whose numbers keep to the word after them.
fn bind_numbers(mut runs: Vec<Run>) -> Vec<Run> {
    for run in &mut runs {
        if let Run::Text { text, .. } = run {
            *text = vn::bind_numbers(text);
        }
    }
    runs
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
