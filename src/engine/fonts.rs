//! Fonts: the embedded Liberation Serif and those found in the folders a
//! user names.

use std::path::{Path, PathBuf};

use typst::foundations::Bytes;
use typst::text::Font;

use crate::error::{Error, Result};

/// Liberation Serif 2.1.5, metrically compatible with Times New Roman.
const EMBEDDED: &[&[u8]] = &[
    include_bytes!("../../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../fonts/LiberationSerif-BoldItalic.ttf"),
];

pub fn embedded() -> impl Iterator<Item = Font> {
    EMBEDDED
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
}

/// Every font face in `dir` and its subfolders. fontdb walks the folder:
/// it follows links but never the same folder twice, so a link loop ends.
pub fn from_dir(dir: &Path) -> Result<Vec<Font>> {
    // fontdb skips a folder it cannot read; the user named this one, so say so.
    std::fs::read_dir(dir).map_err(|source| Error::Io {
        action: "đọc thư mục phông chữ",
        path: dir.to_owned(),
        source,
    })?;
    let mut db = fontdb::Database::new();
    db.load_fonts_dir(dir);
    let mut faces: Vec<(PathBuf, u32)> = db
        .faces()
        .filter_map(|face| match &face.source {
            fontdb::Source::File(path) => Some((path.clone(), face.index)),
            _ => None,
        })
        .collect();
    // A fixed order keeps the font book, and so the output, the same.
    faces.sort();
    let mut fonts = Vec::with_capacity(faces.len());
    let mut last: Option<(PathBuf, Bytes)> = None;
    for (path, index) in faces {
        let data = match &last {
            Some((p, data)) if *p == path => data.clone(),
            _ => {
                let data = std::fs::read(&path).map_err(|source| Error::Io {
                    action: "đọc phông chữ",
                    path: path.clone(),
                    source,
                })?;
                Bytes::new(data)
            }
        };
        fonts.extend(Font::new(data.clone(), index));
        last = Some((path, data));
    }
    Ok(fonts)
}

/// The width, in points, of one line of the embedded serif (Liberation
/// Serif, with the metrics of Times New Roman) at `size_pt`: for the checks
/// made before a document is laid out.
pub(crate) fn serif_width_pt(text: &str, size_pt: f64, italic: bool) -> f64 {
    let face = EMBEDDED
        .iter()
        .filter_map(|data| ttf_parser::Face::parse(data, 0).ok())
        .find(|f| f.is_italic() == italic && !f.is_bold());
    let Some(face) = face else { return 0.0 };
    let units: f64 = text
        .chars()
        .filter_map(|c| face.glyph_index(c))
        .filter_map(|g| face.glyph_hor_advance(g))
        .map(f64::from)
        .sum();
    units / f64::from(face.units_per_em()) * size_pt
}
