//! Where a document comes from: a file, standard input, a line of a JSON
//! Lines stream, an editor's buffer. Each is bytes exactly as read, with the
//! name messages give it.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

#[derive(Debug, Clone)]
pub struct Input {
    /// How messages and reports name the input: its path, `-` for standard
    /// input, `-:12` for line 12 of a JSON Lines stream.
    pub name: String,
    /// The bytes exactly as read.
    pub bytes: Vec<u8>,
    /// The folder that paths written in the input (its template) are
    /// relative to; none for standard input.
    pub base: Option<PathBuf>,
    /// For a line of a JSON Lines stream, its line number: the text is JSON,
    /// and positions are reported on the stream's line.
    pub stream_line: Option<usize>,
    /// The input's file name without folder and extension, for output names.
    pub stem: String,
    /// The name the source goes by inside the PDF made from it: the file's
    /// own name ("ket-luan.toml"), or one made up for standard input.
    pub source_name: String,
    /// For a source that came inside a PDF, the pictures the PDF carried
    /// with it, by the paths the source names them by; none for a source
    /// whose pictures lie beside it on disk.
    pub carried_images: Option<Vec<(String, Vec<u8>)>>,
}

impl Input {
    /// A file, or standard input for `-`.
    pub fn from_arg(path: &Path) -> Result<Self> {
        if path == Path::new("-") {
            Self::stdin()
        } else {
            Self::file(path)
        }
    }

    /// A TOML or JSON file, or a PDF made by vanban, whose source it carries.
    pub fn file(path: &Path) -> Result<Self> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            action: "đọc",
            path: path.to_owned(),
            source,
        })?;
        let name = path.display().to_string();
        let base = Some(path.parent().unwrap_or(Path::new("")).to_owned());
        let stem = path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        if crate::pdf::embedded::is_pdf(&bytes) {
            return Self::from_pdf(&name, &bytes, base, stem);
        }
        let source_name = path
            .file_name()
            .map_or_else(|| name.clone(), |s| s.to_string_lossy().into_owned());
        Ok(Self {
            name,
            bytes,
            base,
            stream_line: None,
            stem,
            source_name,
            carried_images: None,
        })
    }

    pub fn stdin() -> Result<Self> {
        let bytes = read_stdin()?;
        if crate::pdf::embedded::is_pdf(&bytes) {
            return Self::from_pdf("-", &bytes, None, "-".to_owned());
        }
        Ok(Self {
            name: "-".to_owned(),
            source_name: unnamed_source(&bytes),
            bytes,
            base: None,
            stream_line: None,
            stem: "-".to_owned(),
            carried_images: None,
        })
    }

    /// The source a PDF made by vanban carries, with the pictures it
    /// carries: `pdf_name` is how messages name the PDF. Paths the source
    /// writes (its template) are relative to `base`, the PDF's folder.
    pub fn from_pdf(
        pdf_name: &str,
        pdf: &[u8],
        base: Option<PathBuf>,
        stem: String,
    ) -> Result<Self> {
        let original = crate::pdf::embedded::original(pdf_name, pdf)?;
        Ok(Self {
            // Messages point into the source inside the PDF.
            name: format!("{pdf_name}/{}", original.source.name),
            bytes: original.source.bytes,
            base,
            stream_line: None,
            stem,
            source_name: original.source.name,
            carried_images: Some(
                original
                    .images
                    .into_iter()
                    .map(|f| (f.name, f.bytes))
                    .collect(),
            ),
        })
    }

    /// Line `line` (from 1) of a JSON Lines stream: positions are reported on
    /// the stream's line.
    pub fn json_line(line: usize, text: String) -> Self {
        Self {
            name: format!("-:{line}"),
            bytes: text.into_bytes(),
            base: None,
            stream_line: Some(line),
            stem: format!("dong-{line}"),
            source_name: format!("dong-{line}.json"),
            carried_images: None,
        }
    }

    /// Text held in memory (an editor's buffer, a test), named `name`, its
    /// paths relative to `base`.
    pub fn text(name: &str, text: impl Into<Vec<u8>>, base: Option<PathBuf>) -> Self {
        let stem = Path::new(name)
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let bytes = text.into();
        let source_name = match Path::new(name).file_name() {
            Some(n) if name != "-" => n.to_string_lossy().into_owned(),
            _ => unnamed_source(&bytes),
        };
        Self {
            name: name.to_owned(),
            bytes,
            base,
            stream_line: None,
            stem,
            source_name,
            carried_images: None,
        }
    }
}

/// The name of a source without a file name of its own (standard input):
/// "van-ban.json" for JSON, as the reader tells them, else "van-ban.toml".
fn unnamed_source(bytes: &[u8]) -> String {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if text.trim_ascii_start().starts_with(b"{") {
        "van-ban.json"
    } else {
        "van-ban.toml"
    }
    .to_owned()
}

/// Everything on standard input.
pub fn read_stdin() -> Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            action: "đọc",
            path: "đầu vào chuẩn".into(),
            source,
        })?;
    Ok(bytes)
}
