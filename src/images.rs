//! The pictures of an electronic original — the signer's signature and the
//! issuing body's seal — read from the input's folder (or from the PDF that
//! carried them), checked, and kept for every document of a run that uses
//! them: a batch reads and decodes each file once, whatever its workers.

use std::collections::HashMap;
use std::fmt;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use typst::foundations::Bytes;

use crate::error::{Diagnostic, io_reason};
use crate::input::Input;
use crate::model::{Document, ImageRef};

/// The heaviest picture read. A signature or seal scanned at 600 dpi weighs
/// a few hundred kilobytes.
pub const MAX_IMAGE_BYTES: u64 = 4 * 1024 * 1024;

/// The most pixels a picture may have each way: 127 mm at 600 dpi, more
/// than any signature or seal, and a bound on the memory decoding takes.
pub const MAX_IMAGE_SIDE: u32 = 3000;

/// The lint rule of a picture whose background hides what lies under it.
pub const OPAQUE_RULE: &str = "image-background";

/// A checked PNG picture.
#[derive(Clone)]
pub struct Png {
    /// The file's bytes as read, served to the template and attached to the
    /// PDF unchanged.
    pub bytes: Bytes,
    pub width: u32,
    pub height: u32,
    /// Pixels per metre each way, when the file says (its pHYs chunk).
    pub pixels_per_metre: Option<(u32, u32)>,
    /// Whether some pixel lets what lies under it show through.
    pub transparent: bool,
}

impl fmt::Debug for Png {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Png({}×{}, {} bytes)",
            self.width,
            self.height,
            self.bytes.len()
        )
    }
}

/// Why a picture cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    Missing,
    Folder,
    /// A link leads out of the input's folder.
    Outside,
    Unreadable(String),
    TooHeavy(u64),
    /// Not a PNG; the format it is, if it is a known one.
    NotPng(Option<&'static str>),
    /// Cut short or damaged.
    Broken,
    TooLarge(u32, u32),
    /// The source came inside a PDF that does not carry this picture.
    NotInPdf,
}

impl Problem {
    /// The message and hint, about the picture named `path` in the input.
    pub fn describe(&self, path: &str) -> (String, String) {
        const WHERE: &str =
            "ghi đường dẫn của ảnh tính từ thư mục của tệp đầu vào, ví dụ \"anh/chu-ky.png\"";
        const PNG: &str = "lưu ảnh theo định dạng PNG nền trong suốt, như Nghị định 30/2020/NĐ-CP và Hướng dẫn 05-HD/VPTW quy định cho văn bản điện tử";
        let (message, hint) = match self {
            Self::Missing => (format!("không có tệp ảnh `{path}`"), WHERE.to_owned()),
            Self::Folder => (
                format!("`{path}` là một thư mục, không phải tệp ảnh"),
                WHERE.to_owned(),
            ),
            Self::Outside => (
                format!("ảnh `{path}` nằm ngoài thư mục của tệp đầu vào (qua một liên kết)"),
                "chép ảnh vào thư mục của tệp đầu vào hoặc thư mục con của nó".to_owned(),
            ),
            Self::Unreadable(reason) => (
                format!("không đọc được tệp ảnh `{path}`: {reason}"),
                "kiểm tra quyền đọc tệp ảnh".to_owned(),
            ),
            Self::TooHeavy(bytes) => (
                format!(
                    "tệp ảnh `{path}` nặng {:.1} MB; vanban chỉ nhận ảnh tối đa {} MB",
                    *bytes as f64 / 1_048_576.0,
                    MAX_IMAGE_BYTES / 1_048_576
                ),
                "lưu lại ảnh với độ phân giải thấp hơn: 300 điểm ảnh mỗi inch là đủ rõ".to_owned(),
            ),
            Self::NotPng(Some(format)) => (
                format!("`{path}` là ảnh {format}, không phải ảnh PNG"),
                PNG.to_owned(),
            ),
            Self::NotPng(None) => (format!("`{path}` không phải là ảnh PNG"), PNG.to_owned()),
            Self::Broken => (
                format!("tệp ảnh `{path}` bị hỏng hoặc không trọn vẹn"),
                "xuất lại ảnh PNG từ chương trình đã tạo ra nó".to_owned(),
            ),
            Self::TooLarge(w, h) => (
                format!(
                    "ảnh `{path}` có {w} × {h} điểm ảnh; vanban chỉ nhận ảnh tối đa {MAX_IMAGE_SIDE} điểm ảnh mỗi chiều"
                ),
                "thu nhỏ ảnh: rộng 600 đến 1000 điểm ảnh là đủ rõ cho chữ ký hay con dấu"
                    .to_owned(),
            ),
            Self::NotInPdf => (
                format!("tệp PDF không mang theo ảnh `{path}` mà tệp nguồn cần"),
                "tệp PDF này được tạo với --no-images: thêm --no-images, hoặc trích tệp nguồn ra (vanban extract) rồi đặt ảnh bên cạnh nó".to_owned(),
            ),
        };
        (message, hint)
    }
}

/// Pictures read from disk in this run, by their real path, size and time
/// of change (a picture changed in a long run is read again). Shared by
/// every worker of a batch: a seal used by a thousand documents is read
/// and decoded once, by the first worker that needs it while the others
/// wait for that one picture only.
#[derive(Debug, Default)]
pub struct ImageCache {
    read: Mutex<HashMap<FileKey, Arc<OnceLock<Loaded>>>>,
    files_read: AtomicUsize,
}

type FileKey = (PathBuf, u64, Option<std::time::SystemTime>);

type Loaded = std::result::Result<Arc<Png>, Problem>;

impl ImageCache {
    /// How many files this cache has read from disk.
    pub fn files_read(&self) -> usize {
        self.files_read.load(Ordering::Relaxed)
    }

    /// The picture at `path` in `folder`, read and checked once.
    fn get(&self, folder: &Path, path: &Path) -> Loaded {
        let real = real_path(folder, path)?;
        let meta = std::fs::metadata(&real).map_err(|e| Problem::Unreadable(io_reason(&e)))?;
        let key = (real.clone(), meta.len(), meta.modified().ok());
        // A poisoned lock only means another worker panicked; the map is
        // still whole.
        let slot = Arc::clone(
            self.read
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .entry(key)
                .or_default(),
        );
        slot.get_or_init(|| {
            self.files_read.fetch_add(1, Ordering::Relaxed);
            read_png(&real, meta.len()).map(Arc::new)
        })
        .clone()
    }
}

/// The real path of a picture, refused if a link leads it out of `folder`.
fn real_path(folder: &Path, path: &Path) -> std::result::Result<PathBuf, Problem> {
    let full = folder.join(path);
    let real = std::fs::canonicalize(&full).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Problem::Missing,
        _ => Problem::Unreadable(io_reason(&e)),
    })?;
    let root = std::fs::canonicalize(folder).map_err(|e| Problem::Unreadable(io_reason(&e)))?;
    if !real.starts_with(&root) {
        return Err(Problem::Outside);
    }
    if real.is_dir() {
        return Err(Problem::Folder);
    }
    Ok(real)
}

fn read_png(path: &Path, size: u64) -> std::result::Result<Png, Problem> {
    if size > MAX_IMAGE_BYTES {
        return Err(Problem::TooHeavy(size));
    }
    let bytes = std::fs::read(path).map_err(|e| Problem::Unreadable(io_reason(&e)))?;
    decode(bytes)
}

/// Checks that `bytes` are a whole PNG within the limits, and reads what the
/// layout needs of it.
pub fn decode(bytes: Vec<u8>) -> std::result::Result<Png, Problem> {
    if bytes.len() as u64 > MAX_IMAGE_BYTES {
        return Err(Problem::TooHeavy(bytes.len() as u64));
    }
    if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Err(Problem::NotPng(format_of(&bytes)));
    }
    let mut decoder = png::Decoder::new(Cursor::new(&bytes[..]));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let info = decoder.read_header_info().map_err(|_| Problem::Broken)?;
    if info.width > MAX_IMAGE_SIDE || info.height > MAX_IMAGE_SIDE {
        return Err(Problem::TooLarge(info.width, info.height));
    }
    let mut reader = decoder.read_info().map_err(|_| Problem::Broken)?;
    let pixels_per_metre = reader
        .info()
        .pixel_dims
        .filter(|d| d.unit == png::Unit::Meter && d.xppu > 0 && d.yppu > 0)
        .map(|d| (d.xppu, d.yppu));
    let (width, height) = (reader.info().width, reader.info().height);
    // Palettes and tRNS chunks come out as an alpha channel, 16-bit samples
    // as their high byte: the alpha is then every `channels`-th byte.
    let (color, _) = reader.output_color_type();
    let channels = color.samples();
    let has_alpha = matches!(color, png::ColorType::Rgba | png::ColorType::GrayscaleAlpha);
    let mut transparent = false;
    // Row by row: the whole picture is never held decoded.
    while let Some(row) = reader.next_row().map_err(|_| Problem::Broken)? {
        if has_alpha && !transparent {
            transparent = row
                .data()
                .iter()
                .skip(channels - 1)
                .step_by(channels)
                .any(|&a| a < u8::MAX);
        }
    }
    reader.finish().map_err(|_| Problem::Broken)?;
    Ok(Png {
        bytes: Bytes::new(bytes),
        width,
        height,
        pixels_per_metre,
        transparent,
    })
}

/// The format of a file that is not a PNG, for the formats people mistake
/// for one.
fn format_of(bytes: &[u8]) -> Option<&'static str> {
    const KNOWN: &[(&[u8], &str)] = &[
        (b"\xFF\xD8\xFF", "JPEG"),
        (b"GIF8", "GIF"),
        (b"BM", "BMP"),
        (b"%PDF-", "PDF"),
        (b"II*\0", "TIFF"),
        (b"MM\0*", "TIFF"),
    ];
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("WebP");
    }
    KNOWN
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, name)| *name)
}

/// Reads and checks the pictures a document names — from the input's
/// folder, or from the PDF the input came in — and keeps them in it.
/// Returns every problem found: errors when a picture cannot be used, and
/// a warning for an opaque background unless the document switches its
/// rule off.
pub fn load(doc: &mut Document, input: &Input, cache: &ImageCache) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let allowed = doc.allowed.clone();
    let signature = &mut doc.signature;
    for image in [signature.image.as_mut(), signature.seal.as_mut()]
        .into_iter()
        .flatten()
    {
        let png = match &input.carried_images {
            Some(carried) => carried
                .iter()
                .find(|(name, _)| *name == image.path)
                .ok_or(Problem::NotInPdf)
                .and_then(|(_, bytes)| decode(bytes.clone()).map(Arc::new)),
            None => {
                let folder = match input.base.as_deref() {
                    Some(base) if !base.as_os_str().is_empty() => base,
                    _ => Path::new("."),
                };
                cache.get(folder, Path::new(&image.path))
            }
        };
        match png {
            Ok(png) => {
                if !png.transparent && !allowed.contains(&OPAQUE_RULE) {
                    found.push(
                        diagnostic(&input.name, image, opaque(&image.path)).warning(OPAQUE_RULE),
                    );
                }
                image.loaded = Some(png);
            }
            Err(problem) => found.push(diagnostic(
                &input.name,
                image,
                problem.describe(&image.path),
            )),
        }
    }
    found
}

fn opaque(path: &str) -> (String, String) {
    (
        format!("ảnh `{path}` có nền không trong suốt: nền ảnh sẽ che chữ và ảnh nằm dưới nó"),
        "lưu ảnh PNG nền trong suốt (có kênh alpha), như Nghị định 30/2020/NĐ-CP và Hướng dẫn 05-HD/VPTW quy định cho văn bản điện tử".to_owned(),
    )
}

fn diagnostic(file: &str, image: &ImageRef, (message, hint): (String, String)) -> Diagnostic {
    Diagnostic::new(file, message)
        .at(image.position.clone())
        .field(image.field.clone())
        .hint(hint)
}
