//! `vanban render`: one document.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use vanban::error::{Error, Result};
use vanban::render::{self, OutputFormat};
use vanban::{model, output};

use crate::cli::RenderArgs;

pub fn run(args: &RenderArgs) -> Result<bool> {
    let format = super::format(&args.make)?;
    let stdin = args.input == Path::new("-");
    let output = match &args.output {
        Some(o) => o.clone(),
        None if stdin => PathBuf::from("-"),
        None if format == OutputFormat::Pdf => args.input.with_extension("pdf"),
        None => args.input.with_extension(""),
    };
    let to_stdout = output == Path::new("-");
    if to_stdout && format != OutputFormat::Pdf {
        return Err(Error::Usage("ảnh PNG cần tên tệp: ghi tên bằng -o".into()));
    }
    if to_stdout && std::io::stdout().is_terminal() {
        return Err(Error::Usage(
            "không ghi PDF ra màn hình dòng lệnh; ghi tên tệp bằng -o".into(),
        ));
    }

    if format == OutputFormat::Pdf && !stdin && !to_stdout && same_file(&args.input, &output) {
        return Err(Error::Usage(format!(
            "tệp kết quả {} chính là tệp đầu vào; ghi tên khác bằng -o",
            output.display()
        )));
    }
    let (name, bytes) = read_input(&args.input)?;
    let engine = super::engine(&args.make)?;
    let allowed = super::allowed_rules(&args.make.lint)?;
    let mut doc = model::load(&name, &bytes)?;
    for w in doc.warnings.iter().filter(|d| super::shown(d, &allowed)) {
        eprintln!("{w}");
    }
    // Paths written in the input are relative to the input's folder.
    let base = (!stdin).then(|| args.input.parent().unwrap_or(Path::new("")));
    render::settle_template(&mut doc, base, args.make.template.as_deref());
    let compiled = render::compile(&engine, &doc)?;
    for w in &compiled.warnings {
        eprintln!("{w}");
    }
    let files = render::export(&doc, &compiled, format, super::creation_epoch())?;

    if to_stdout {
        let mut out = std::io::stdout().lock();
        for (_, bytes) in &files {
            out.write_all(bytes).map_err(|source| Error::Io {
                action: "ghi",
                path: "đầu ra chuẩn".into(),
                source,
            })?;
        }
        out.flush().map_err(|source| Error::Io {
            action: "ghi",
            path: "đầu ra chuẩn".into(),
            source,
        })?;
        return Ok(true);
    }
    // A PDF goes exactly where -o says; images are named after it, with
    // their page number: "-o anh" or "-o anh.png" give anh-1.png, anh-2.png.
    let paths: Vec<PathBuf> = match format {
        OutputFormat::Pdf => vec![output.clone()],
        OutputFormat::Png { .. } => {
            let stem = super::png_stem(&output);
            files
                .iter()
                .map(|(suffix, _)| PathBuf::from(format!("{}{suffix}", stem.display())))
                .collect()
        }
    };
    if !stdin && paths.iter().any(|p| same_file(&args.input, p)) {
        return Err(Error::Usage(format!(
            "tệp kết quả {} chính là tệp đầu vào; ghi tên khác bằng -o",
            output.display()
        )));
    }
    for (path, (_, bytes)) in paths.iter().zip(&files) {
        output::write_atomic(path, bytes)?;
    }
    let pages = compiled.document.pages().len();
    match format {
        OutputFormat::Pdf => eprintln!("{} ({pages} trang)", paths[0].display()),
        OutputFormat::Png { .. } => eprintln!("{} ({pages} ảnh)", paths[0].display()),
    }
    Ok(true)
}

/// The input's name for messages and its bytes; `-` is standard input.
pub(crate) fn read_input(input: &Path) -> Result<(String, Vec<u8>)> {
    if input == Path::new("-") {
        let bytes = super::read_stdin()?;
        return Ok(("-".to_owned(), bytes));
    }
    let bytes = std::fs::read(input).map_err(|source| Error::Io {
        action: "đọc",
        path: input.to_owned(),
        source,
    })?;
    Ok((input.display().to_string(), bytes))
}

/// Whether two paths name the same file, even through links or `..`.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
