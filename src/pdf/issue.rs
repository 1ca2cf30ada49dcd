//! The records office's step, whatever the document's state: fill the
//! number and date in, then sign for the issuing body.
//!
//! A document the signer has signed cannot be made again without breaking
//! that signature, so its blanks are filled as form fields
//! ([`super::forms::issue`]). A document nobody has signed yet is made
//! again from the source it carries, with the number and date written into
//! that source, through the one pipeline: the new PDF is exactly what
//! `vanban render` makes of the source it carries, so it can always be made
//! again as issued.

use std::path::Path;
use std::time::SystemTime;

use chrono::NaiveDate;

use super::keys::Signer;
use super::sign::{self, Role, signature_fields};
use super::{Fault, facts, fault, forms, standard};
use crate::engine::Engine;
use crate::error::{Diagnostic, Error, Result};
use crate::input::Input;
use crate::pipeline::{self, ImageUse, Job};

/// What the records office gives and who signs for the body.
pub struct Issue<'a> {
    pub number: u32,
    pub date: NaiveDate,
    pub key: &'a dyn Signer,
    pub time: SystemTime,
    /// SOURCE_DATE_EPOCH, for a document made again: its PDF's creation
    /// date, as `render` takes it.
    pub creation_epoch: Option<i64>,
}

/// An issued document.
#[derive(Debug)]
pub struct Issued {
    pub pdf: Vec<u8>,
    /// Whether it was made again from its source (nobody had signed it),
    /// rather than filled in.
    pub remade: bool,
    /// What making it again had to say of the source.
    pub warnings: Vec<Diagnostic>,
}

/// Numbers, dates and signs for the body the PDF `pdf`, named `pdf_name`
/// in messages; a template its source names is found in `base`, the PDF's
/// folder.
pub fn issue(
    engine: &Engine,
    pdf_name: &str,
    pdf: &[u8],
    base: Option<&Path>,
    step: &Issue<'_>,
) -> Result<Issued> {
    let about = |f: Fault| f.about(pdf_name);
    let doc = sign::load(pdf).map_err(about)?;
    if signature_fields(&doc).iter().any(|(_, _, signed)| *signed) {
        let pdf = forms::issue(engine, pdf, step.number, step.date, step.key, step.time)
            .map_err(about)?;
        return Ok(Issued {
            pdf,
            remade: false,
            warnings: Vec::new(),
        });
    }
    let facts = facts::read(pdf, &doc).map_err(about)?;
    forms::unnumbered(&facts).map_err(about)?;
    // The same checks of the date as for a signed document; a date the
    // document already prints in full stays as it is.
    let dated = !forms::date_values(&facts, step.date)
        .map_err(about)?
        .is_empty();

    let input = Input::from_pdf(pdf_name, pdf, base.map(Path::to_owned), String::new())
        .map_err(|_| about(no_source()))?;
    let source = crate::model::with_number_and_date(
        &input.source_name,
        &input.bytes,
        step.number,
        dated.then_some(step.date),
    )?;
    // The pictures are drawn when the PDF carries them: a paper original
    // (made with --no-images) stays one.
    let images = match &input.carried_images {
        Some(carried) if !carried.is_empty() => ImageUse::Draw,
        _ => ImageUse::LeaveOut,
    };
    let job = Job {
        creation_epoch: step.creation_epoch,
        images,
        pdf_standard: standard::of(&doc).unwrap_or_default(),
        ..Job::default()
    };
    let input = Input {
        bytes: source,
        ..input
    };
    let outcome = pipeline::make(engine, &job, &input);
    let made = outcome.result?;
    let remade = made
        .files
        .into_iter()
        .next()
        .ok_or_else(|| Error::Internal("không tạo được PDF".into()))?
        .bytes;
    let pdf = sign::sign(&remade, step.key, Role::Body, step.time).map_err(about)?;
    Ok(Issued {
        pdf,
        remade: true,
        warnings: outcome.warnings,
    })
}

fn no_source() -> Fault {
    fault(
        "văn bản chưa ký không mang tệp nguồn bên trong (PDF/A-2 không cho gắn tệp), nên không tạo lại được với số và ngày",
        "người ký ký trước bằng `vanban sign`, văn thư cấp số sau; hoặc ghi số và ngày vào tệp TOML gốc rồi `vanban render` lại",
    )
}
