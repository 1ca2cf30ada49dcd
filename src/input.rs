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

    pub fn file(path: &Path) -> Result<Self> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            action: "đọc",
            path: path.to_owned(),
            source,
        })?;
        Ok(Self {
            name: path.display().to_string(),
            bytes,
            base: Some(path.parent().unwrap_or(Path::new("")).to_owned()),
            stream_line: None,
            stem: path
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned()),
        })
    }

    pub fn stdin() -> Result<Self> {
        Ok(Self {
            name: "-".to_owned(),
            bytes: read_stdin()?,
            base: None,
            stream_line: None,
            stem: "-".to_owned(),
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
        }
    }

    /// Text held in memory (an editor's buffer, a test), named `name`, its
    /// paths relative to `base`.
    pub fn text(name: &str, text: impl Into<Vec<u8>>, base: Option<PathBuf>) -> Self {
        let stem = Path::new(name)
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        Self {
            name: name.to_owned(),
            bytes: text.into(),
            base,
            stream_line: None,
            stem,
        }
    }
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
