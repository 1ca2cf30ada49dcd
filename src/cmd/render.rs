//! `vanban render`: one document.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use vanban::error::{Error, Result};
use vanban::pipeline::{self, OutputFormat};
use vanban::{Input, output};

use super::Status;
use crate::cli::RenderArgs;

pub fn run(args: &RenderArgs) -> Result<Status> {
    let job = super::job(&args.make)?;
    let stdin = args.input == Path::new("-");
    let output = match &args.output {
        Some(o) => o.clone(),
        None if stdin => PathBuf::from("-"),
        None if job.format == OutputFormat::Pdf => args.input.with_extension("pdf"),
        None => args.input.with_extension(""),
    };
    let to_stdout = output == Path::new("-");
    if to_stdout && job.format != OutputFormat::Pdf {
        return Err(Error::Usage("ảnh PNG cần tên tệp: ghi tên bằng -o".into()));
    }
    if to_stdout && std::io::stdout().is_terminal() {
        return Err(Error::Usage(
            "không ghi PDF ra màn hình dòng lệnh; ghi tên tệp bằng -o".into(),
        ));
    }
    if job.format == OutputFormat::Pdf && !stdin && !to_stdout && same_file(&args.input, &output) {
        return Err(same_as_input(&output));
    }
    let input = Input::from_arg(&args.input)?;
    super::note_left_out(&job);
    let engine = super::engine(&args.make.font_path)?;
    let outcome = pipeline::make(&engine, &job, &input);
    for w in &outcome.warnings {
        eprintln!("{w}");
    }
    let made = outcome.result?;

    if to_stdout {
        let parts: Vec<&[u8]> = made.files.iter().map(|f| f.bytes.as_slice()).collect();
        super::to_stdout(&parts)?;
        return Ok(Status::Done);
    }
    // A PDF goes exactly where -o says; images are named after it, with
    // their page number: "-o anh" or "-o anh.png" give anh-1.png, anh-2.png.
    let paths: Vec<PathBuf> = match job.format {
        OutputFormat::Pdf => vec![output.clone()],
        OutputFormat::Png { .. } => {
            let stem = super::png_stem(&output);
            made.files
                .iter()
                .map(|f| PathBuf::from(format!("{}{}", stem.display(), f.suffix)))
                .collect()
        }
    };
    if !stdin && paths.iter().any(|p| same_file(&args.input, p)) {
        return Err(same_as_input(&output));
    }
    for (path, file) in paths.iter().zip(&made.files) {
        output::write_atomic(path, &file.bytes)?;
    }
    let pages = made.pages();
    match job.format {
        OutputFormat::Pdf => eprintln!("{} ({pages} trang)", paths[0].display()),
        OutputFormat::Png { .. } => eprintln!("{} ({pages} ảnh)", paths[0].display()),
    }
    Ok(Status::Done)
}

fn same_as_input(output: &Path) -> Error {
    Error::Usage(format!(
        "tệp kết quả {} chính là tệp đầu vào; ghi tên khác bằng -o",
        output.display()
    ))
}

/// Whether two paths name the same file, even through links or `..`.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
