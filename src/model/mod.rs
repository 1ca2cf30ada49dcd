//! The document a user describes: read from TOML, checked, in NFC.

mod aliases;
mod end_mark;
mod errors;
mod fields;
mod guide_rules;
mod json;
pub mod lint;
mod mistakes;
mod numbering;
mod parser_words;
mod raw;
mod scan;
mod sections;
mod signature_images;
mod source;
mod text_checks;
mod validate;

use std::collections::BTreeMap;
use std::path::PathBuf;

use unicode_normalization::UnicodeNormalization;

pub use numbering::with_number_and_date;
pub use signature_images::{DEFAULT_SEAL_DIAMETER_MM, SEAL_DIAMETERS_MM};
pub use source::{FieldPath, Seg, SourceFile};

use crate::conventions::{
    Authority, DocumentKind, Guide, IssueDate, LabelStyle, Standard, StyleProfile,
};
use crate::error::{Diagnostic, Error, Result};
use crate::markup::Inline;

/// Inline content: runs of text and footnote references.
pub type Text = Vec<Inline>;

/// A checked document, ready to be laid out.
#[derive(Debug, Clone)]
pub struct Document {
    pub kind: DocumentKind,
    /// The guide the document is laid out by.
    pub guide: &'static Guide,
    /// The guide's layout with the document's own layout values.
    pub profile: StyleProfile,
    /// "I." or the Party's "I-" before section headings.
    pub section_mark: SectionMark,
    /// A template of the user's, as written in the input (relative to the
    /// input's folder).
    pub template: Option<PathBuf>,
    pub issuer: Issuer,
    pub number: Option<u32>,
    pub place: String,
    pub date: IssueDate,
    /// The summary under the title ("trích yếu"), one entry a line.
    pub summary: Vec<Text>,
    /// Addressees of a "Kính gửi" block, if the document has one.
    pub to: Vec<Text>,
    pub opening: Vec<Text>,
    /// Findings, limitations and directives, those given, in that order.
    pub parts: Vec<Part>,
    pub closing: Vec<Text>,
    pub footnotes: BTreeMap<String, Text>,
    pub signature: Signature,
    pub recipients: Recipients,
    /// The issuer's contact information (ô 13), one entry a line.
    pub contact: Vec<Text>,
    /// Lint warnings: the document can be made, but may be sent back.
    pub warnings: Vec<crate::error::Diagnostic>,
    /// The lint rules the document's own `[lint]` switches off, for the
    /// checks made after it is read (its images').
    pub allowed: Vec<&'static str>,
}

#[derive(Debug, Clone)]
pub struct Issuer {
    pub superior: Option<String>,
    pub name: String,
    /// The issuer's code in the document symbol ("HU").
    pub code: String,
}

/// Which of the three parts of a conclusion a part is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartRole {
    Findings,
    Limitations,
    Directives,
}

#[derive(Debug, Clone)]
pub struct Part {
    pub role: PartRole,
    /// A section heading, numbered with Roman numerals: "I. ĐÁNH GIÁ CHUNG".
    pub heading: Option<String>,
    /// The lead-in paragraphs before the items.
    pub lead: Vec<Text>,
    /// How each level of items is labelled, from the top level down.
    pub labels: Vec<LabelStyle>,
    /// Numbering starts again at 1 here, although the part before has no
    /// heading between.
    pub restart_numbering: bool,
    pub items: Vec<Item>,
}

/// The mark after a section's Roman numeral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionMark {
    /// "I. ĐÁNH GIÁ CHUNG"
    Dot,
    /// "I- ĐÁNH GIÁ CHUNG", a Party custom.
    Hyphen,
}

#[derive(Debug, Clone)]
pub struct Item {
    pub title: Option<Text>,
    pub paragraphs: Vec<Text>,
    pub items: Vec<Item>,
}

/// How deeply items may nest: "1.", "a)", then "-".
pub const MAX_ITEM_DEPTH: usize = 3;

#[derive(Debug, Clone)]
pub struct Signature {
    /// Authority lines, e.g. (T/M, "BAN THƯỜNG VỤ"); empty for a bare title.
    pub authority: Vec<(Authority, String)>,
    pub title: String,
    pub name: String,
    /// The signer's signature as a picture (electronic original).
    pub image: Option<ImageRef>,
    /// The issuing body's seal as a picture, drawn `seal_diameter_mm` wide.
    pub seal: Option<ImageRef>,
    pub seal_diameter_mm: f64,
}

/// A picture named in the input: a PNG file beside it.
#[derive(Debug, Clone)]
pub struct ImageRef {
    /// The path as written, checked to stay inside the input's folder, its
    /// parts joined by `/` and without `.` parts: "anh/chu-ky.png".
    pub path: String,
    /// The field that names it ("signature.image") and where it is written.
    pub field: String,
    pub position: Option<crate::error::Position>,
    /// The picture, once the pipeline has read and checked it.
    pub loaded: Option<std::sync::Arc<crate::images::Png>>,
}

#[derive(Debug, Clone)]
pub struct Recipients {
    pub items: Vec<Text>,
    /// What follows "Lưu" on the archive line, e.g. "VPHU".
    pub archive: Option<String>,
    /// The drafter's code and the number of copies (ô 12).
    pub drafter: Option<(String, Option<u32>)>,
}

impl Document {
    /// The standard of the document's guide: Party or State.
    pub fn standard(&self) -> Standard {
        self.guide.standard
    }
}

pub use errors::Syntax;

/// Reads a document from the bytes of a TOML or JSON file (JSON when `name`
/// ends in `.json` or the text starts with `{`). `name` is how messages
/// refer to the input.
///
/// On failure the error holds the errors only; `check` also gives the
/// warnings of a document that has errors.
pub fn load(name: &str, bytes: &[u8]) -> Result<Document> {
    load_all(name, bytes).map_err(errors_only)
}

/// Reads a document like [`load`], but an error holds the warnings too:
/// everything `check` reports, and the document when it has no error.
pub fn load_checked(name: &str, bytes: &[u8]) -> Result<Document> {
    load_all(name, bytes)
}

/// Every error and warning of an input, without making anything.
pub fn check(name: &str, bytes: &[u8]) -> Vec<Diagnostic> {
    match load_all(name, bytes) {
        Ok(doc) => doc.warnings,
        Err(Error::Input(diagnostics)) => diagnostics,
        Err(other) => vec![Diagnostic::new(name, other.to_string())],
    }
}

fn load_all(name: &str, bytes: &[u8]) -> Result<Document> {
    let text = decode(name, bytes)?;
    parse(name, &text, syntax_of(name, &text))
}

/// JSON when `name` ends in `.json` or the text starts with `{`, else TOML.
fn syntax_of(name: &str, text: &str) -> Syntax {
    if name.to_ascii_lowercase().ends_with(".json") || text.trim_start().starts_with('{') {
        Syntax::Json
    } else {
        Syntax::Toml
    }
}

fn errors_only(error: Error) -> Error {
    match error {
        Error::Input(all) => Error::Input(
            all.into_iter()
                .filter(|d| d.severity == crate::error::Severity::Error)
                .collect(),
        ),
        other => other,
    }
}

/// Reads a document from text already decoded, in the given syntax.
pub fn load_text(name: &str, text: &str, syntax: Syntax) -> Result<Document> {
    parse(name, text, syntax).map_err(errors_only)
}

fn parse(name: &str, text: &str, syntax: Syntax) -> Result<Document> {
    let file = SourceFile::new(name, text, syntax);
    let raw = match syntax {
        Syntax::Toml => toml::from_str::<raw::RawDocument>(text)
            .map_err(|e| Error::input(errors::diagnose_toml(&file, &e)))?,
        Syntax::Json => {
            let mut de = serde_json::Deserializer::from_str(text);
            let raw =
                serde_path_to_error::deserialize::<_, raw::RawDocument>(&mut de).map_err(|e| {
                    let path = json::field_path(e.path());
                    Error::input(errors::diagnose_json(&file, path, e.inner()))
                })?;
            // Anything after the document is an error too.
            de.end().map_err(|e| {
                Error::input(errors::diagnose_json(&file, FieldPath::default(), &e))
            })?;
            raw
        }
    };
    validate::validate(&file, raw)
}

/// The largest input read: about a thousand pages of text.
pub const MAX_INPUT_BYTES: usize = 2 * 1024 * 1024;

/// UTF-8 without a byte-order mark, LF line ends, NFC.
fn decode(name: &str, bytes: &[u8]) -> Result<String> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(Error::input(
            Diagnostic::new(
                name,
                format!(
                    "tệp đầu vào nặng {:.1} MB; vanban chỉ đọc tối đa {} MB",
                    bytes.len() as f64 / 1_048_576.0,
                    MAX_INPUT_BYTES / 1_048_576
                ),
            )
            .hint("tách thành nhiều văn bản"),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        // Safe: everything before valid_up_to is valid UTF-8.
        let good = std::str::from_utf8(good).unwrap_or_default();
        let file = SourceFile::new(name, good, Syntax::Toml);
        Error::input(
            Diagnostic::new(name, "tệp không phải là văn bản UTF-8 hợp lệ")
                .at(Some(file.position(good.len())))
                .hint("lưu tệp theo UTF-8 (trong Notepad: “Save As”, ô “Encoding” chọn UTF-8)"),
        )
    })?;
    Ok(text.replace("\r\n", "\n").nfc().collect())
}
