//! The subcommands, on top of the library.

pub mod batch;
pub mod check;
pub mod edit;
pub mod new;
pub mod render;
pub mod support;
pub mod watch;

use std::io::Write;
use std::path::PathBuf;

use vanban::Engine;
use vanban::conventions::DocumentKind;
use vanban::error::Result;
use vanban::render::OutputFormat;

use crate::cli::{DataArgs, Format, LintArgs, MakeArgs};

pub fn list_templates() {
    for (name, _, description) in DocumentKind::ALL {
        println!("{name:<20} {description}");
    }
}

/// `vanban data`: the template's data on standard output.
pub fn data(args: &DataArgs) -> Result<bool> {
    let (name, bytes) = render::read_input(&args.input)?;
    let doc = vanban::model::load(&name, &bytes)?;
    for w in &doc.warnings {
        eprintln!("{w}");
    }
    let json = vanban::render::template_data_json(&engine_with(&args.font_path)?, &doc)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{json}").map_err(|source| vanban::Error::Io {
        action: "ghi",
        path: "đầu ra chuẩn".into(),
        source,
    })?;
    Ok(true)
}

/// The engine with the fonts the user added.
fn engine(args: &MakeArgs) -> Result<Engine> {
    engine_with(&args.font_path)
}

fn engine_with(font_dirs: &[PathBuf]) -> Result<Engine> {
    if font_dirs.is_empty() {
        Ok(Engine::new())
    } else {
        Engine::with_font_dirs(font_dirs)
    }
}

fn format(args: &MakeArgs) -> Result<OutputFormat> {
    Ok(match args.format {
        Format::Pdf => OutputFormat::Pdf,
        Format::Png if args.ppi.is_finite() && (9.0..=1200.0).contains(&args.ppi) => {
            OutputFormat::Png { ppi: args.ppi }
        }
        Format::Png => {
            return Err(vanban::Error::Usage(format!(
                "--ppi {} nằm ngoài khoảng cho phép; dùng từ 9 đến 1200 (144 vừa để xem trên màn hình)",
                args.ppi
            )));
        }
    })
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

/// Everything on standard input.
fn read_stdin() -> Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|source| vanban::Error::Io {
            action: "đọc",
            path: "đầu vào chuẩn".into(),
            source,
        })?;
    Ok(bytes)
}

/// SOURCE_DATE_EPOCH, for reproducible builds of documents: it replaces
/// the document's date as the PDF's creation date.
fn creation_epoch() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok()
}

/// The lint rules the user switched off, each checked to exist.
fn allowed_rules(args: &LintArgs) -> Result<Vec<String>> {
    for rule in &args.allow {
        if !vanban::model::lint::RULES
            .iter()
            .any(|(name, _)| name == rule)
        {
            let names: Vec<&str> = vanban::model::lint::RULES.iter().map(|(n, _)| *n).collect();
            return Err(vanban::Error::Usage(format!(
                "không có quy tắc `{rule}`; các quy tắc: {}",
                names.join(", ")
            )));
        }
    }
    Ok(args.allow.clone())
}

/// Whether a diagnostic is shown: errors always, warnings unless allowed.
fn shown(d: &vanban::Diagnostic, allowed: &[String]) -> bool {
    d.rule.is_none_or(|rule| !allowed.iter().any(|a| a == rule))
}
