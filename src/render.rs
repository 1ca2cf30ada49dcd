//! The pipeline from input bytes to a PDF: load, build the template data,
//! compile, export.

use typst::foundations::{Datetime, Smart};
use typst_pdf::{PdfOptions, Timestamp};

use std::path::Path;

use crate::data::TemplateData;
use crate::engine::{Compiled, Engine, Template};
use crate::error::{Error, Result};
use crate::model::{self, Document};

/// Settles which template a document uses: `chosen` (the command line's
/// choice) if given, else the input's own `template`, which is relative to
/// `base`, the input's folder.
pub fn settle_template(doc: &mut Document, base: Option<&Path>, chosen: Option<&Path>) {
    if let Some(t) = chosen {
        doc.template = Some(t.to_owned());
    } else if let (Some(base), Some(t)) = (base, &doc.template) {
        doc.template = Some(base.join(t));
    }
}

/// The template a document asks for: its own `template` if it names one,
/// else the built-in template of its kind.
pub fn template_of(doc: &Document) -> Template {
    match &doc.template {
        Some(path) => Template::User(path.clone()),
        None => Template::BuiltIn(doc.kind.template()),
    }
}

/// Compiles a checked document with the template it asks for.
pub fn compile(engine: &Engine, doc: &Document) -> Result<Compiled> {
    compile_with(engine, doc, &template_of(doc))
}

/// Compiles a checked document with a given template.
pub fn compile_with(engine: &Engine, doc: &Document, template: &Template) -> Result<Compiled> {
    let data = TemplateData::new(doc, engine.families());
    let json = serde_json::to_vec(&data).map_err(|e| Error::Template(vec![e.to_string()]))?;
    engine.compile(template, json, document_datetime(doc))
}

/// The data a template receives as `/data.json`, laid out for people to
/// read: what a template author works from.
pub fn template_data_json(engine: &Engine, doc: &Document) -> Result<String> {
    let data = TemplateData::new(doc, engine.families());
    serde_json::to_string_pretty(&data).map_err(|e| Error::Template(vec![e.to_string()]))
}

/// What to make of a compiled document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum OutputFormat {
    Pdf,
    /// One PNG image per page, at this many pixels per inch.
    Png {
        ppi: f32,
    },
}

/// Exports a compiled document: one PDF, or one PNG per page. Each file
/// comes with the suffix its name takes (".pdf", "-1.png", "-2.png", …).
/// `creation_epoch` (seconds since 1970, as in SOURCE_DATE_EPOCH) replaces
/// the document's date as the PDF's creation date.
pub fn export(
    doc: &Document,
    compiled: &Compiled,
    format: OutputFormat,
    creation_epoch: Option<i64>,
) -> Result<Vec<(String, Vec<u8>)>> {
    match format {
        OutputFormat::Pdf => {
            let pdf = export_pdf_at(doc, compiled, creation_epoch)?;
            Ok(vec![(".pdf".to_owned(), pdf)])
        }
        OutputFormat::Png { ppi } => export_png(compiled, ppi).map(|pages| {
            pages
                .into_iter()
                .enumerate()
                .map(|(i, png)| (format!("-{}.png", i + 1), png))
                .collect()
        }),
    }
}

/// Every page as a PNG image.
pub fn export_png(compiled: &Compiled, ppi: f32) -> Result<Vec<Vec<u8>>> {
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(f64::from(ppi) / 72.0),
        render_bleed: false,
    };
    compiled
        .document
        .pages()
        .iter()
        .map(|page| {
            typst_render::render(page, &options)
                .encode_png()
                .map_err(|e| Error::Template(vec![format!("không mã hóa được ảnh PNG: {e}")]))
        })
        .collect()
}

/// Exports a compiled document to PDF. The same document always gives the
/// same bytes: the creation date is the document's own date.
pub fn export_pdf(doc: &Document, compiled: &Compiled) -> Result<Vec<u8>> {
    export_pdf_at(doc, compiled, None)
}

/// As `export_pdf`, with the creation date taken from `creation_epoch`
/// (seconds since 1970) when it is given.
pub fn export_pdf_at(
    doc: &Document,
    compiled: &Compiled,
    creation_epoch: Option<i64>,
) -> Result<Vec<u8>> {
    let created = match creation_epoch {
        Some(epoch) => epoch_datetime(epoch),
        None => document_datetime(doc),
    };
    let options = PdfOptions {
        creator: Smart::Custom(Some(format!("vanban {}", env!("CARGO_PKG_VERSION")))),
        timestamp: created.map(Timestamp::new_utc),
        ..PdfOptions::default()
    };
    // The templates' marks become named destinations, where `sign` and
    // `issue` find the signature block, the number and the date.
    let document = &compiled.document;
    let anchors: Vec<_> = crate::pdf::facts::anchors(document)
        .into_iter()
        .map(|(location, name)| (location, name.into()))
        .collect();
    let resolver = typst::model::LateLinkResolver::new(None, document.introspector().as_ref());
    typst_pdf::pdf_in_bundle(
        document,
        &options,
        &anchors,
        typst::comemo::Track::track(&resolver),
    )
    .map_err(|errors| Error::Template(errors.iter().map(|e| e.message.to_string()).collect()))
}

/// Reads, checks, compiles and exports one input. `name` is how messages
/// refer to the input; a `template` named in the input is found relative to
/// `base` (the input's folder).
pub fn render_pdf(engine: &Engine, name: &str, input: &[u8]) -> Result<Rendered> {
    render_pdf_with(engine, name, input, None, None)
}

/// As `render_pdf`, with the folder that the input's own paths are
/// relative to, and a template that overrides the input's choice.
pub fn render_pdf_with(
    engine: &Engine,
    name: &str,
    input: &[u8],
    base: Option<&Path>,
    template: Option<&Path>,
) -> Result<Rendered> {
    let mut doc = model::load(name, input)?;
    settle_template(&mut doc, base, template);
    let compiled = compile(engine, &doc)?;
    let pdf = export_pdf(&doc, &compiled)?;
    Ok(Rendered {
        pdf,
        warnings: doc
            .warnings
            .iter()
            .map(ToString::to_string)
            .chain(compiled.warnings.iter().cloned())
            .collect(),
        pages: compiled.document.pages().len(),
    })
}

pub struct Rendered {
    pub pdf: Vec<u8>,
    /// Lint warnings of the input, then the compiler's, one message each.
    pub warnings: Vec<String>,
    pub pages: usize,
}

fn epoch_datetime(epoch: i64) -> Option<Datetime> {
    use chrono::{Datelike, Timelike};
    let t = chrono::DateTime::from_timestamp(epoch, 0)?;
    Datetime::from_ymd_hms(
        t.year(),
        u8::try_from(t.month()).ok()?,
        u8::try_from(t.day()).ok()?,
        u8::try_from(t.hour()).ok()?,
        u8::try_from(t.minute()).ok()?,
        u8::try_from(t.second()).ok()?,
    )
}

/// The document's date at midnight; a blank day or month counts as the 1st.
fn document_datetime(doc: &Document) -> Option<Datetime> {
    let d = doc.date;
    let month = u8::try_from(d.month.unwrap_or(1)).ok()?;
    let day = u8::try_from(d.day.unwrap_or(1)).ok()?;
    Datetime::from_ymd_hms(d.year, month, day, 0, 0, 0)
}
