//! The subcommands, on top of the library's one pipeline. Each returns how
//! it ended; only `main` turns that into an exit code.

pub mod batch;
pub mod check;
pub mod edit;
pub mod extract;
pub mod issue;
pub mod new;
pub mod render;
pub mod sign;
pub mod support;
pub mod verify;
pub mod watch;

use std::path::PathBuf;

use vanban::conventions::DocumentKind;
use vanban::error::{Error, Result, exit};
use vanban::original::PdfStandard;
use vanban::pipeline::{self, ImageUse, Job, OutputFormat};
use vanban::{Engine, Input};

use crate::cli::{DataArgs, Format, MakeArgs, PdfStandardArg};

/// How a command that did not fail outright ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Done,
    /// Some inputs had errors; each was reported.
    SomeFailed,
    /// `check --deny-warnings` found warnings and no error.
    WarningsDenied,
}

impl Status {
    pub fn exit_code(self) -> u8 {
        match self {
            Self::Done => exit::SUCCESS,
            Self::SomeFailed => exit::INPUT,
            Self::WarningsDenied => exit::USAGE,
        }
    }
}

pub fn list_templates() -> Result<Status> {
    for (name, _, description) in DocumentKind::ALL {
        println!("{name:<20} {description}");
    }
    println!("\n{}", vanban::conventions::guides_help());
    Ok(Status::Done)
}

/// `vanban data`: the template's data on standard output.
pub fn data(args: &DataArgs) -> Result<Status> {
    let input = Input::from_arg(&args.input)?;
    let (json, warnings) =
        pipeline::template_data(&engine(&args.font_path)?, &Job::default(), &input)?;
    for w in &warnings {
        eprintln!("{w}");
    }
    to_stdout(&[json.as_bytes(), b"\n"])?;
    Ok(Status::Done)
}

/// Writes `parts` to standard output, one after another, and flushes it.
fn to_stdout(parts: &[&[u8]]) -> Result<()> {
    use std::io::Write;
    let io = |source| Error::Io {
        action: "ghi",
        path: "đầu ra chuẩn".into(),
        source,
    };
    let mut out = std::io::stdout().lock();
    for part in parts {
        out.write_all(part).map_err(io)?;
    }
    out.flush().map_err(io)
}

/// The engine with the fonts the user added.
fn engine(font_dirs: &[PathBuf]) -> Result<Engine> {
    if font_dirs.is_empty() {
        Ok(Engine::new())
    } else {
        Engine::with_font_dirs(font_dirs)
    }
}

/// The job that render and batch options describe.
fn job(args: &MakeArgs) -> Result<Job> {
    let format = match args.format {
        Format::Pdf => OutputFormat::Pdf,
        Format::Png if args.ppi.is_finite() && (9.0..=1200.0).contains(&args.ppi) => {
            OutputFormat::Png { ppi: args.ppi }
        }
        Format::Png => {
            return Err(Error::Usage(format!(
                "--ppi {} nằm ngoài khoảng cho phép; dùng từ 9 đến 1200 (144 vừa để xem trên màn hình)",
                args.ppi
            )));
        }
    };
    let pdf_standard = match args.pdf_standard {
        None => PdfStandard::default(),
        Some(_) if format != OutputFormat::Pdf => {
            return Err(Error::Usage(
                "--pdf-standard chỉ dùng khi tạo PDF, không dùng với --format png".into(),
            ));
        }
        Some(PdfStandardArg::V17) => PdfStandard::Pdf17,
        Some(PdfStandardArg::A2b) => PdfStandard::A2b,
        Some(PdfStandardArg::A2u) => PdfStandard::A2u,
        Some(PdfStandardArg::A3b) => PdfStandard::A3b,
        Some(PdfStandardArg::A3u) => PdfStandard::A3u,
    };
    let job = Job {
        format,
        template: args.template.clone(),
        creation_epoch: creation_epoch(),
        images: if args.no_images {
            ImageUse::LeaveOut
        } else {
            ImageUse::Draw
        },
        pdf_standard,
        ..Job::default()
    };
    job.allow(&args.lint.allow)
}

/// The one note a run under PDF/A-2 gives: its PDFs leave the source out.
fn note_left_out(job: &Job) {
    if job.format == OutputFormat::Pdf && !job.pdf_standard.carries_files() {
        eprintln!(
            "lưu ý: chuẩn {} không cho PDF mang tệp, nên PDF không mang theo tệp nguồn và ảnh; dùng a-3b để PDF mang theo chúng",
            job.pdf_standard.title()
        );
    }
}

/// Where page images go: "anh" or "anh.png" give anh-1.png, anh-2.png …
fn png_stem(output: &std::path::Path) -> PathBuf {
    let has_png = output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("png"));
    if has_png {
        output.with_extension("")
    } else {
        output.to_owned()
    }
}

/// SOURCE_DATE_EPOCH, for reproducible builds of documents: it replaces
/// the document's date as the PDF's creation date.
fn creation_epoch() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok()
}
