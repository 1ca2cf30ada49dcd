//! `vanban extract`: the source a PDF made by vanban carries, written back
//! byte for byte, with the pictures it names beside it.

use std::path::{Component, Path, PathBuf};

use vanban::error::{Error, Result};
use vanban::output;
use vanban::pdf::embedded;

use super::Status;
use crate::cli::ExtractArgs;

pub fn run(args: &ExtractArgs) -> Result<Status> {
    let bytes = std::fs::read(&args.input).map_err(|source| Error::Io {
        action: "đọc",
        path: args.input.clone(),
        source,
    })?;
    let original = embedded::original(&args.input.display().to_string(), &bytes)?;

    if args.output.as_deref() == Some(Path::new("-")) {
        super::to_stdout(&[&original.source.bytes])?;
        if !original.images.is_empty() {
            eprintln!(
                "lưu ý: ảnh không được ghi khi ghi tệp nguồn ra đầu ra chuẩn; ghi tên tệp bằng -o để có cả ảnh"
            );
        }
        return Ok(Status::Done);
    }
    let target = match &args.output {
        Some(o) => o.clone(),
        None => args
            .input
            .parent()
            .unwrap_or(Path::new(""))
            .join(&original.source.name),
    };
    let folder = target.parent().unwrap_or(Path::new("")).to_owned();
    let mut files = vec![(target.clone(), &original.source.bytes)];
    for image in &original.images {
        let Some(rel) = inside(&image.name) else {
            return Err(Error::input(
                vanban::Diagnostic::new(
                    &args.input.display().to_string(),
                    format!("ảnh `{}` trong PDF có tên dẫn ra ngoài thư mục", image.name),
                )
                .hint("tệp PDF này không phải do vanban tạo ra"),
            ));
        };
        files.push((folder.join(rel), &image.bytes));
    }
    // Nothing is written unless everything can be: a file already there
    // with other bytes (an edited source, say) is never overwritten.
    let mut to_write = Vec::new();
    for (path, bytes) in &files {
        match std::fs::read(path) {
            Ok(existing) if existing == **bytes => {}
            Ok(_) => return Err(taken(path)),
            Err(_) if path.is_dir() => return Err(taken(path)),
            Err(_) => to_write.push((path, bytes)),
        }
    }
    for (path, bytes) in to_write {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| Error::Io {
                action: "tạo thư mục",
                path: dir.to_owned(),
                source,
            })?;
        }
        output::write_atomic(path, bytes)?;
    }
    let images: Vec<&str> = original.images.iter().map(|i| i.name.as_str()).collect();
    if images.is_empty() {
        eprintln!("{}", target.display());
    } else {
        eprintln!("{} (kèm ảnh: {})", target.display(), images.join(", "));
    }
    Ok(Status::Done)
}

/// A carried picture's name as a relative path that stays in the folder.
fn inside(name: &str) -> Option<PathBuf> {
    let path = Path::new(name);
    let ok = !name.is_empty()
        && path
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    ok.then(|| path.to_owned())
}

fn taken(path: &Path) -> Error {
    Error::Io {
        action: "ghi",
        path: path.to_owned(),
        source: std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "đã có tệp này với nội dung khác; ghi vào chỗ khác bằng -o",
        ),
    }
}
