//! The one way a document is made, whatever way it comes in: read and check
//! the input, settle its template, compile, export. `render`, `batch`,
//! `check` and `data` (and whatever comes next) all go through here, so a
//! step added to it is a step every way in takes.

use std::path::PathBuf;
use std::sync::Arc;

use typst::foundations::{Datetime, Smart};
use typst_pdf::{PdfOptions, Timestamp};

use crate::contract::TemplateData;
use crate::engine::{Compiled, DATA_PATH, Engine, Template, VirtualFiles};
use crate::error::{Diagnostic, Error, Result, Severity};
use crate::images::{self, ImageCache};
use crate::input::Input;
use crate::model::{self, Document, Syntax, lint};
use crate::original::{self, PdfStandard};

/// What to make of a compiled document.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum OutputFormat {
    #[default]
    Pdf,
    /// One PNG image per page, at this many pixels per inch.
    Png { ppi: f32 },
}

/// The choices shared by every document of a run.
#[derive(Debug, Clone, Default)]
pub struct Job {
    pub format: OutputFormat,
    /// A template that overrides the one the input names.
    pub template: Option<PathBuf>,
    /// Seconds since 1970 (SOURCE_DATE_EPOCH) to use as the PDF's creation
    /// date instead of the document's own date.
    pub creation_epoch: Option<i64>,
    /// Lint rules switched off, set through [`Job::allow`], which checks
    /// that each exists.
    pub allowed: Vec<&'static str>,
    /// Whether the signature block's pictures are drawn.
    pub images: ImageUse,
    /// The standard PDFs keep to.
    pub pdf_standard: PdfStandard,
    /// The pictures read so far, shared by every document of the run.
    pub image_cache: Arc<ImageCache>,
}

/// What becomes of the signature and seal pictures an input names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ImageUse {
    /// Read, checked, drawn and carried: the electronic original.
    #[default]
    Draw,
    /// Left out, unread: the paper original, to sign and stamp by hand.
    LeaveOut,
}

impl Job {
    /// Switches off the lint rules named, each checked to exist.
    pub fn allow(mut self, rules: &[String]) -> Result<Self> {
        for name in rules {
            let rule = lint::rule(name).ok_or_else(|| {
                Error::Usage(format!(
                    "không có quy tắc `{name}`; các quy tắc: {}",
                    lint::RULES
                        .iter()
                        .map(|r| r.name)
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?;
            self.allowed.push(rule.name);
        }
        Ok(self)
    }

    /// Whether a diagnostic is shown: errors always, warnings unless their
    /// rule is switched off here or in the document's own `[lint]`.
    fn shows(&self, d: &Diagnostic) -> bool {
        d.rule.is_none_or(|rule| !self.allowed.contains(&rule))
    }
}

/// A checked document, its template settled, with the warnings to show.
pub struct Loaded {
    pub document: Document,
    pub warnings: Vec<Diagnostic>,
}

/// One file made: the suffix its name takes (".pdf", "-1.png", …) and its
/// bytes.
pub struct OutputFile {
    pub suffix: String,
    pub bytes: Vec<u8>,
}

/// A document made.
pub struct Made {
    pub document: Document,
    pub compiled: Compiled,
    pub files: Vec<OutputFile>,
}

impl Made {
    pub fn pages(&self) -> usize {
        self.compiled.document.pages().len()
    }
}

/// What became of one input: the warnings to show (of the input and of the
/// template), and the document made or why not.
pub struct Outcome {
    pub warnings: Vec<Diagnostic>,
    pub result: Result<Made>,
}

/// Reads and checks an input and settles its template.
pub fn load(job: &Job, input: &Input) -> Result<Loaded> {
    let mut document = read(input).map_err(|e| in_stream(input, e))?;
    let mut warnings: Vec<Diagnostic> = std::mem::take(&mut document.warnings)
        .into_iter()
        .filter(|d| job.shows(d))
        .map(|d| on_stream_line(input, d))
        .collect();
    match job.images {
        ImageUse::LeaveOut => {
            document.signature.image = None;
            document.signature.seal = None;
        }
        ImageUse::Draw => {
            let found = images::load(&mut document, input, &job.image_cache);
            if has_errors(&found) {
                let errors = found.into_iter().filter(|d| d.severity == Severity::Error);
                return Err(Error::Input(
                    errors.map(|d| on_stream_line(input, d)).collect(),
                ));
            }
            warnings.extend(
                found
                    .into_iter()
                    .filter(|d| job.shows(d))
                    .map(|d| on_stream_line(input, d)),
            );
        }
    }
    // A template named on the command line wins; one named in the input is
    // relative to the input's folder.
    if let Some(t) = &job.template {
        document.template = Some(t.clone());
    } else if let (Some(base), Some(t)) = (&input.base, &document.template) {
        document.template = Some(base.join(t));
    }
    Ok(Loaded { document, warnings })
}

/// Every error of an input and the warnings to show, without making anything.
pub fn check(job: &Job, input: &Input) -> Vec<Diagnostic> {
    let read = match input.stream_line {
        Some(_) => read(input),
        None => model::load_checked(&input.name, &input.bytes),
    };
    // The pictures are checked once the rest of the input is right.
    let found = match read {
        Ok(mut doc) => {
            let mut found = std::mem::take(&mut doc.warnings);
            if job.images == ImageUse::Draw {
                found.extend(images::load(&mut doc, input, &job.image_cache));
            }
            found
        }
        Err(e) => e.diagnostics(&input.name),
    };
    found
        .into_iter()
        .filter(|d| job.shows(d))
        .map(|d| on_stream_line(input, d))
        .collect()
}

/// Makes one document: load, compile, export.
pub fn make(engine: &Engine, job: &Job, input: &Input) -> Outcome {
    make_loaded(engine, job, input, load(job, input), true)
}

/// Loads and compiles one document without exporting it: the pages of a
/// live preview, which are drawn from the compiled document. `files` is
/// empty; everything else is as `make` gives it.
pub fn lay_out(engine: &Engine, job: &Job, input: &Input) -> Outcome {
    make_loaded(engine, job, input, load(job, input), false)
}

/// `make`, or `lay_out` when not `export`, of an input already loaded
/// (for a caller that looks at the document before it is made).
pub fn make_loaded(
    engine: &Engine,
    job: &Job,
    input: &Input,
    loaded: Result<Loaded>,
    export: bool,
) -> Outcome {
    let outcome = match loaded {
        Err(e) => Outcome {
            warnings: Vec::new(),
            result: Err(e),
        },
        Ok(Loaded {
            document,
            mut warnings,
        }) => {
            // The files a PDF carries are invisible; a layout for the
            // screen leaves them out, so that its pages change only when
            // what they show does.
            let carried =
                (export && job.format == OutputFormat::Pdf).then_some((input, job.pdf_standard));
            let result =
                build(engine, &document, &template_of(&document), carried).and_then(|compiled| {
                    warnings.extend(compiled.warnings.iter().cloned());
                    let files = if export {
                        export_as(&document, &compiled, job)?
                    } else {
                        Vec::new()
                    };
                    Ok(Made {
                        document,
                        compiled,
                        files,
                    })
                });
            Outcome { warnings, result }
        }
    };
    engine.document_done();
    outcome
}

/// The data a template receives as `/data.json`, laid out for people to
/// read: what a template author works from.
pub fn template_data(
    engine: &Engine,
    job: &Job,
    input: &Input,
) -> Result<(String, Vec<Diagnostic>)> {
    let loaded = load(job, input)?;
    let mut data = TemplateData::new(&loaded.document, engine.families());
    data.attachments = original::attachments(
        input,
        &loaded.document,
        job.pdf_standard,
        &mut VirtualFiles::default(),
    );
    let json = serde_json::to_string_pretty(&data).map_err(|e| Error::Internal(e.to_string()))?;
    Ok((json, loaded.warnings))
}

fn read(input: &Input) -> Result<Document> {
    match input.stream_line {
        Some(_) => {
            let text = String::from_utf8_lossy(&input.bytes);
            model::load_text(&input.name, &text, Syntax::Json)
        }
        None => model::load(&input.name, &input.bytes),
    }
}

/// A line of a JSON Lines stream reports its problems on the stream's line.
fn on_stream_line(input: &Input, mut d: Diagnostic) -> Diagnostic {
    if let Some(line) = input.stream_line {
        d.file = "-".to_owned();
        if let Some(p) = &mut d.position {
            p.line = line;
        }
    }
    d
}

fn in_stream(input: &Input, e: Error) -> Error {
    match e {
        Error::Input(list) => {
            Error::Input(list.into_iter().map(|d| on_stream_line(input, d)).collect())
        }
        other => other,
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
    build(engine, doc, template, None)
}

/// Compiles a checked document: its data and pictures served to the
/// template, and, for a PDF, the files it is to carry (the input's source
/// and pictures, as the standard allows), which the template must attach.
fn build(
    engine: &Engine,
    doc: &Document,
    template: &Template,
    carried: Option<(&Input, PdfStandard)>,
) -> Result<Compiled> {
    let mut data = TemplateData::new(doc, engine.families());
    let mut files = VirtualFiles::default();
    original::image_files(doc, &mut files);
    if let Some((input, standard)) = carried {
        data.attachments = original::attachments(input, doc, standard, &mut files);
    }
    let json = serde_json::to_vec(&data).map_err(|e| Error::Internal(e.to_string()))?;
    files.insert(DATA_PATH, json);
    let compiled = engine.compile(template, &files, document_datetime(doc))?;
    original::check_attached(&compiled, &data.attachments)?;
    Ok(compiled)
}

/// Exports a compiled document as a job asks: one PDF of the job's
/// standard, or one PNG per page.
pub fn export_as(doc: &Document, compiled: &Compiled, job: &Job) -> Result<Vec<OutputFile>> {
    match job.format {
        OutputFormat::Pdf => Ok(vec![OutputFile {
            suffix: ".pdf".to_owned(),
            bytes: export_pdf_to(doc, compiled, job.creation_epoch, job.pdf_standard)?,
        }]),
        png => export(doc, compiled, png, job.creation_epoch),
    }
}

/// Exports a compiled document: one PDF, or one PNG per page.
/// `creation_epoch` (seconds since 1970, as in SOURCE_DATE_EPOCH) replaces
/// the document's date as the PDF's creation date.
pub fn export(
    doc: &Document,
    compiled: &Compiled,
    format: OutputFormat,
    creation_epoch: Option<i64>,
) -> Result<Vec<OutputFile>> {
    match format {
        OutputFormat::Pdf => Ok(vec![OutputFile {
            suffix: ".pdf".to_owned(),
            bytes: export_pdf(doc, compiled, creation_epoch)?,
        }]),
        OutputFormat::Png { ppi } => Ok(export_png(compiled, ppi)?
            .into_iter()
            .enumerate()
            .map(|(i, bytes)| OutputFile {
                suffix: format!("-{}.png", i + 1),
                bytes,
            })
            .collect()),
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
                .map_err(|e| Error::Export(format!("không mã hóa được ảnh PNG: {e}")))
        })
        .collect()
}

/// Exports a compiled document to PDF. The same document always gives the
/// same bytes: the creation date is the document's own date, or
/// `creation_epoch` (seconds since 1970) when it is given.
pub fn export_pdf(
    doc: &Document,
    compiled: &Compiled,
    creation_epoch: Option<i64>,
) -> Result<Vec<u8>> {
    export_pdf_to(doc, compiled, creation_epoch, PdfStandard::default())
}

/// Exports a compiled document to a PDF that keeps to `standard`, or fails
/// saying which rule it breaks: never a PDF that quietly does not.
pub fn export_pdf_to(
    doc: &Document,
    compiled: &Compiled,
    creation_epoch: Option<i64>,
    standard: PdfStandard,
) -> Result<Vec<u8>> {
    let created = match creation_epoch {
        Some(epoch) => epoch_datetime(epoch),
        None => document_datetime(doc),
    };
    let standards = typst_pdf::PdfStandards::new(&standard.typst())
        .map_err(|e| Error::Internal(e.message().to_string()))?;
    let options = PdfOptions {
        creator: Smart::Custom(Some(format!("vanban {}", env!("CARGO_PKG_VERSION")))),
        timestamp: created.map(Timestamp::new_utc),
        standards,
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
    let tracked = typst::comemo::Track::track(&resolver);
    typst_pdf::pdf_in_bundle(document, &options, &anchors, tracked).map_err(|errors| {
        let messages: Vec<String> = errors.iter().map(|e| e.message.to_string()).collect();
        match standard {
            PdfStandard::Pdf17 => Error::Export(messages.join("; ")),
            _ => original::breaks_standard(standard, &messages),
        }
    })
}

/// Whether any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
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
