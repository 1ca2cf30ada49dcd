//! `vanban new`: the skeleton of a kind, to a new file or standard output.

use vanban::conventions::DocumentKind;
use vanban::error::{Error, Result};

use crate::cli::NewArgs;

pub fn run(args: &NewArgs) -> Result<super::Status> {
    let kind = kind(&args.kind)?;
    let (year, month) = vanban::skeleton::this_month();
    let text = vanban::skeleton::skeleton(kind, year, month);
    let Some(path) = &args.output else {
        super::to_stdout(&[text.as_bytes()])?;
        return Ok(super::Status::Done);
    };
    // A skeleton never replaces a document someone wrote.
    if path.exists() {
        return Err(Error::Io {
            action: "tạo",
            path: path.clone(),
            source: std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "đã có tệp này; vanban new không ghi đè, hãy chọn tên khác",
            ),
        });
    }
    vanban::output::write_atomic(path, text.as_bytes())?;
    eprintln!(
        "{}: văn bản mẫu {}; thay các chỗ «…» rồi chạy vanban check {}",
        path.display(),
        kind.title(),
        path.display()
    );
    Ok(super::Status::Done)
}

/// A kind by its name, or the list of names.
pub(crate) fn kind(name: &str) -> Result<DocumentKind> {
    DocumentKind::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = DocumentKind::ALL.iter().map(|(n, _, _)| *n).collect();
        Error::Usage(format!(
            "không có loại văn bản `{name}`; các loại: {}",
            names.join(", ")
        ))
    })
}
