//! The files a PDF carries inside it, and among them what vanban puts in
//! every PDF it makes: the source, byte for byte, and the pictures the
//! source names. Read with hayro-syntax, the PDF reader already in Typst's
//! tree.

use std::io::Read;

use hayro_syntax::Pdf;
use hayro_syntax::object::{Array, Dict, Name, Object, Stream};

use crate::error::{Diagnostic, Error, Result};
use crate::model::MAX_INPUT_BYTES;

/// What vanban calls the source among a PDF's files. The reader finds the
/// source by it, so it is part of the PDFs vanban makes: never change it.
pub const SOURCE_DESCRIPTION: &str = "Tệp nguồn của văn bản (vanban)";
/// The signer's signature picture among a PDF's files.
pub const SIGNATURE_DESCRIPTION: &str = "Ảnh chữ ký (vanban)";
/// The issuing body's seal picture among a PDF's files.
pub const SEAL_DESCRIPTION: &str = "Ảnh dấu (vanban)";

/// The most a carried file may weigh once unpacked: the largest source or
/// picture vanban reads, and a bound on what a hostile PDF can make it
/// unpack.
const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// How deep a name tree may go; a loop of kids ends here.
const MAX_DEPTH: usize = 16;

/// A file carried inside a PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbeddedFile {
    /// Its name ("ket-luan.toml", "anh/chu-ky.png").
    pub name: String,
    pub description: Option<String>,
    /// Its MIME type, e.g. "application/toml".
    pub mime_type: Option<String>,
    /// How it relates to the document ("Source", "Data", …), where the PDF
    /// says (PDF/A-3 and PDF 2.0 do).
    pub relationship: Option<String>,
    pub bytes: Vec<u8>,
}

/// A source a PDF carries, and the pictures it carries with it.
#[derive(Debug, Clone)]
pub struct Original {
    pub source: EmbeddedFile,
    pub images: Vec<EmbeddedFile>,
}

/// Whether `bytes` are a PDF (not whether a whole, readable one).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// Every file a PDF carries, in the order of its name tree, and who made
/// the PDF (its Creator).
pub fn files(pdf: &[u8]) -> std::result::Result<(Vec<EmbeddedFile>, Option<String>), String> {
    let pdf = Pdf::new(pdf.to_vec()).map_err(|e| match e {
        hayro_syntax::LoadPdfError::Decryption(_) => {
            "tệp PDF có mật khẩu hoặc bị mã hóa".to_owned()
        }
        hayro_syntax::LoadPdfError::Invalid => "tệp PDF bị hỏng, không đọc được".to_owned(),
    })?;
    let creator = pdf.metadata().creator.as_deref().map(text_string);
    let mut out = Vec::new();
    let tree = pdf
        .xref()
        .get::<Dict<'_>>(pdf.xref().root_id())
        .and_then(|catalog| catalog.get::<Dict<'_>>(b"Names"))
        .and_then(|names| names.get::<Dict<'_>>(b"EmbeddedFiles"));
    if let Some(tree) = tree {
        walk(&tree, 0, &mut out)?;
    }
    Ok((out, creator))
}

fn walk(
    node: &Dict<'_>,
    depth: usize,
    out: &mut Vec<EmbeddedFile>,
) -> std::result::Result<(), String> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    if let Some(names) = node.get::<Array<'_>>(b"Names") {
        let mut entries = names.iter::<Object<'_>>();
        // Pairs of a key and a file specification.
        while let (Some(_key), Some(spec)) = (entries.next(), entries.next()) {
            if let Some(spec) = spec.into_dict() {
                out.push(file(&spec)?);
            }
        }
    }
    if let Some(kids) = node.get::<Array<'_>>(b"Kids") {
        for kid in kids.iter::<Dict<'_>>() {
            walk(&kid, depth + 1, out)?;
        }
    }
    Ok(())
}

/// One file specification and the file it holds.
fn file(spec: &Dict<'_>) -> std::result::Result<EmbeddedFile, String> {
    let string = |key: &[u8]| {
        spec.get::<hayro_syntax::object::String<'_>>(key)
            .map(|s| text_string(s.as_bytes()))
    };
    let name = string(b"UF").or_else(|| string(b"F")).unwrap_or_default();
    let stream = spec.get::<Dict<'_>>(b"EF").and_then(|ef| {
        ef.get::<Stream<'_>>(b"UF")
            .or_else(|| ef.get::<Stream<'_>>(b"F"))
    });
    let bytes = match &stream {
        Some(stream) => unpack(stream)
            .ok_or_else(|| format!("tệp `{name}` gắn trong PDF bị hỏng hoặc quá lớn"))?,
        None => Vec::new(),
    };
    Ok(EmbeddedFile {
        description: string(b"Desc"),
        mime_type: stream
            .as_ref()
            .and_then(|s| s.dict().get::<Name<'_>>(b"Subtype"))
            .map(|n| n.as_str().to_owned()),
        relationship: spec
            .get::<Name<'_>>(b"AFRelationship")
            .map(|n| n.as_str().to_owned()),
        name,
        bytes,
    })
}

/// A stream's data, unpacked, refused past `MAX_FILE_BYTES`.
fn unpack(stream: &Stream<'_>) -> Option<Vec<u8>> {
    use hayro_syntax::Filter;
    let raw = stream.raw_data();
    if raw.len() > MAX_FILE_BYTES {
        return None;
    }
    let data = match stream.filters().as_slice() {
        [] => raw.into_owned(),
        // vanban's own PDFs: unpacked with a bound, so that a small stream
        // cannot unpack into gigabytes.
        [Filter::FlateDecode] => {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(&raw[..])
                .take(MAX_FILE_BYTES as u64 + 1)
                .read_to_end(&mut out)
                .ok()?;
            out
        }
        _ => stream.decoded().ok()?.into_owned(),
    };
    (data.len() <= MAX_FILE_BYTES).then_some(data)
}

/// A PDF text string: UTF-16 with its byte-order mark, UTF-8 with its
/// mark (PDF 2.0), or PDFDocEncoding, read as Latin-1 (its letters agree).
fn text_string(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(b"\xFE\xFF") {
        let units: Vec<u16> = utf16
            .chunks_exact(2)
            .map(|p| u16::from_be_bytes([p[0], p[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if let Some(utf8) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8_lossy(utf8).into_owned()
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    }
}

/// The source a PDF made by vanban carries, with its pictures. `pdf_name`
/// is how messages name the PDF. A PDF made by anything else, or one that
/// carries no source, is an input error that says which.
pub fn original(pdf_name: &str, pdf: &[u8]) -> Result<Original> {
    let problem =
        |message: String, hint: &str| Error::input(Diagnostic::new(pdf_name, message).hint(hint));
    let (files, creator) =
        files(pdf).map_err(|m| problem(m, "mở lại tệp PDF gốc do vanban tạo"))?;
    let by_vanban = creator.as_deref().is_some_and(|c| c.starts_with("vanban"));
    let mut source = None;
    let mut images = Vec::new();
    for f in files {
        match f.description.as_deref() {
            Some(SOURCE_DESCRIPTION) if source.is_none() => source = Some(f),
            Some(SIGNATURE_DESCRIPTION | SEAL_DESCRIPTION) => images.push(f),
            _ => {}
        }
    }
    match source {
        Some(mut source) if source.bytes.len() <= MAX_INPUT_BYTES => {
            // Only a file's own name: never a path that leads elsewhere.
            source.name = std::path::Path::new(&source.name)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| "van-ban.toml".to_owned());
            Ok(Original { source, images })
        }
        Some(source) => Err(problem(
            format!("tệp nguồn `{}` trong PDF nặng quá {} MB", source.name, MAX_INPUT_BYTES / 1_048_576),
            "tệp PDF này không phải do vanban tạo ra",
        )),
        None if by_vanban => Err(problem(
            "tệp PDF này do vanban tạo nhưng không mang tệp nguồn bên trong: chuẩn PDF/A-2 không cho gắn tệp".to_owned(),
            "dùng tệp TOML gốc; tạo PDF theo --pdf-standard a-3b (hoặc không ghi --pdf-standard) thì PDF mang theo tệp nguồn",
        )),
        None => Err(problem(
            "tệp PDF này không do vanban tạo ra nên không có tệp nguồn bên trong".to_owned(),
            "chỉ mở lại được tệp PDF do vanban tạo; với văn bản khác, hãy soạn tệp TOML (xem docs/schema.md)",
        )),
    }
}
