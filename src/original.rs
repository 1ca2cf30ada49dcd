//! The electronic original: what a PDF holds besides its pages — the
//! pictures of the signature block, where they go, the files the PDF
//! carries (its source, byte for byte, and the pictures), and the PDF
//! standard it keeps to.

use serde::Serialize;
use typst::foundations::Bytes;

use crate::engine::{Compiled, VirtualFiles};
use crate::input::Input;
use crate::model::Document;
use crate::pdf::embedded::{SEAL_DESCRIPTION, SIGNATURE_DESCRIPTION, SOURCE_DESCRIPTION};

/// Where the template finds the pictures and the source, inside the
/// package vanban serves.
pub const SIGNATURE_FILE: &str = "/images/signature.png";
pub const SEAL_FILE: &str = "/images/seal.png";
pub const SOURCE_FILE: &str = "/attachments/source";

/// The widest a signature is drawn, in millimetres: a hand signature is
/// seldom wider [U]. Its height is at most the room the block leaves.
pub const SIGNATURE_MAX_WIDTH_MM: f64 = 60.0;

/// A PDF standard vanban can keep to. Typst checks every rule it knows of
/// the standard while writing, and refuses to write a PDF that breaks one.
///
/// PDF/A-1 is not offered: it forbids transparency, which the signature
/// and seal pictures need (their background must let the text show).
/// PDF/A-2 forbids carried files, so its PDFs leave the source out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PdfStandard {
    /// PDF 1.7, no archival rules: what vanban has always made.
    #[default]
    Pdf17,
    /// PDF/A-2b: archival, pages look the same in every reader.
    A2b,
    /// PDF/A-2u: A-2b, and all text can be copied as Unicode.
    A2u,
    /// PDF/A-3b: A-2b that may carry files: the source goes inside.
    A3b,
    /// PDF/A-3u: A-3b with Unicode text.
    A3u,
}

impl PdfStandard {
    /// Every standard, by the name the command line takes.
    pub const ALL: &[(&str, PdfStandard)] = &[
        ("1.7", Self::Pdf17),
        ("a-2b", Self::A2b),
        ("a-2u", Self::A2u),
        ("a-3b", Self::A3b),
        ("a-3u", Self::A3u),
    ];

    /// How people call it: "PDF/A-3b".
    pub fn title(self) -> &'static str {
        match self {
            Self::Pdf17 => "PDF 1.7",
            Self::A2b => "PDF/A-2b",
            Self::A2u => "PDF/A-2u",
            Self::A3b => "PDF/A-3b",
            Self::A3u => "PDF/A-3u",
        }
    }

    /// Whether the PDF may carry files (its source and pictures).
    pub fn carries_files(self) -> bool {
        !matches!(self, Self::A2b | Self::A2u)
    }

    pub(crate) fn typst(self) -> Vec<typst_pdf::PdfStandard> {
        use typst_pdf::PdfStandard as T;
        match self {
            Self::Pdf17 => vec![T::V_1_7],
            Self::A2b => vec![T::A_2b],
            Self::A2u => vec![T::A_2u],
            Self::A3b => vec![T::A_3b],
            Self::A3u => vec![T::A_3u],
        }
    }
}

/// A file the PDF carries, as the template attaches it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Attachment {
    /// Its name inside the PDF: the source's file name, or a picture's
    /// path as the source writes it ("anh/chu-ky.png").
    pub name: String,
    /// Where the template reads its bytes.
    pub file: &'static str,
    pub mime_type: &'static str,
    pub description: &'static str,
    /// Its relationship to the PDF (written where the standard has one).
    pub relationship: &'static str,
}

/// The signer's signature as the template draws it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct SignatureImage {
    pub file: &'static str,
    pub width_mm: f64,
    pub height_mm: f64,
}

/// The seal as the template draws it: `width_mm` is its real diameter; its
/// centre stands `dx_mm` from the block's axis (negative: to the left), on
/// the signature's centre line.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct SealImage {
    pub file: &'static str,
    pub width_mm: f64,
    pub height_mm: f64,
    pub dx_mm: f64,
}

/// Where the signature block's pictures go. The signature fits the room
/// the block leaves between title and name (at its own size if the file
/// says its size and it fits); the seal is drawn at its real diameter over
/// the left third of the signature (ND30 Điều 33 and Phụ lục I; HD05 7.2.2
/// and 8.2.3), or on the axis when there is no signature.
pub fn placements(doc: &Document) -> (Option<SignatureImage>, Option<SealImage>) {
    let sig = &doc.signature;
    let p = &doc.profile;
    let signature = sig
        .image
        .as_ref()
        .and_then(|i| i.loaded.as_ref())
        .map(|png| {
            let (w, h) = (f64::from(png.width), f64::from(png.height));
            let max_w = SIGNATURE_MAX_WIDTH_MM.min(p.signature_width_mm);
            let max_h = p.signature_space_mm;
            let scale = match png.pixels_per_metre {
                // mm per pixel at the file's own size, no bigger than the room.
                Some((x, y)) => (1000.0 / f64::from(x))
                    .min(1000.0 / f64::from(y))
                    .min(max_w / w)
                    .min(max_h / h),
                None => (max_w / w).min(max_h / h),
            };
            SignatureImage {
                file: SIGNATURE_FILE,
                width_mm: w * scale,
                height_mm: h * scale,
            }
        });
    let seal = sig
        .seal
        .as_ref()
        .and_then(|i| i.loaded.as_ref())
        .map(|png| {
            let d = sig.seal_diameter_mm;
            // The seal's right edge a third of the way into the signature.
            let dx = signature
                .as_ref()
                .map_or(0.0, |s| -s.width_mm / 2.0 + s.width_mm / 3.0 - d / 2.0);
            SealImage {
                file: SEAL_FILE,
                width_mm: d,
                height_mm: d * f64::from(png.height) / f64::from(png.width),
                dx_mm: dx,
            }
        });
    (signature, seal)
}

/// The pictures as files the template reads.
pub fn image_files(doc: &Document, files: &mut VirtualFiles) {
    for (image, path) in [
        (&doc.signature.image, SIGNATURE_FILE),
        (&doc.signature.seal, SEAL_FILE),
    ] {
        if let Some(png) = image.as_ref().and_then(|i| i.loaded.as_ref()) {
            files.insert_bytes(path, png.bytes.clone());
        }
    }
}

/// The files a PDF of `standard` carries — the source exactly as read, and
/// the pictures drawn — with the virtual files the template reads them
/// from. None under a standard that forbids carried files.
pub fn attachments(
    input: &Input,
    doc: &Document,
    standard: PdfStandard,
    files: &mut VirtualFiles,
) -> Vec<Attachment> {
    if !standard.carries_files() {
        return Vec::new();
    }
    let json = input.source_name.to_ascii_lowercase().ends_with(".json");
    files.insert_bytes(SOURCE_FILE, Bytes::new(input.bytes.clone()));
    let mut out = vec![Attachment {
        name: input.source_name.clone(),
        file: SOURCE_FILE,
        mime_type: if json {
            "application/json"
        } else {
            "application/toml"
        },
        description: SOURCE_DESCRIPTION,
        relationship: "source",
    }];
    for (image, file, description) in [
        (&doc.signature.image, SIGNATURE_FILE, SIGNATURE_DESCRIPTION),
        (&doc.signature.seal, SEAL_FILE, SEAL_DESCRIPTION),
    ] {
        let Some(image) = image.as_ref().filter(|i| i.loaded.is_some()) else {
            continue;
        };
        // One file named twice (signature and seal alike) is carried once;
        // a picture named like the source is the source's own business.
        if out.iter().any(|a| a.name == image.path) {
            continue;
        }
        out.push(Attachment {
            name: image.path.clone(),
            file,
            mime_type: "image/png",
            description,
            relationship: "source",
        });
    }
    out
}

/// A template of one's own that skips `page-setup` would make a PDF
/// without its source: an error, not a PDF that silently lacks it.
pub fn check_attached(compiled: &Compiled, attachments: &[Attachment]) -> crate::Result<()> {
    use typst::foundations::NativeElement;
    use typst::introspection::Introspector;
    use typst::pdf::AttachElem;
    let found = compiled
        .document
        .introspector()
        .query(&AttachElem::ELEM.select());
    let names: Vec<&str> = found
        .iter()
        .filter_map(|c| c.to_packed::<AttachElem>())
        .map(|a| a.path.derived.as_str())
        .collect();
    match attachments.iter().find(|a| !names.contains(&a.name.as_str())) {
        None => Ok(()),
        Some(missing) => Err(crate::Error::Template(vec![
            crate::Diagnostic::new(
                "",
                format!(
                    "mẫu văn bản không gắn `{}` vào PDF: PDF phải mang theo tệp nguồn và ảnh của nó",
                    missing.name
                ),
            )
            .hint("mẫu riêng dùng page-setup hoặc document của gói @vanban/vanban:1.0.0, hoặc gọi attach-files(data)"),
        ])),
    }
}

/// The error of a document that cannot keep to `standard`: each rule it
/// breaks in Vietnamese where vanban knows how it comes about, in Typst's
/// words otherwise.
pub fn breaks_standard(standard: PdfStandard, messages: &[String]) -> crate::Error {
    const KNOWN: &[(&str, &str)] = &[
        (
            "PostScript",
            "mẫu văn bản dùng dải màu hình nón (gradient.conic), chuẩn này không cho phép",
        ),
        (
            "attached file",
            "mẫu văn bản tự gắn tệp vào PDF, chuẩn này không cho phép",
        ),
        (
            "could not be displayed",
            "có chữ mà không phông chữ nào có; xóa chữ đó, hoặc thêm phông chữ có nó bằng --font-path",
        ),
        (
            "too restrictive",
            "giấy phép của một phông chữ cấm nhúng phông vào tệp; bỏ --font-path có phông đó để dùng Liberation Serif đi kèm",
        ),
        (
            "private area",
            "có ký tự trong vùng dùng riêng của Unicode; xóa ký tự đó đi",
        ),
        ("codepoint", "có chữ không đọc lại được thành Unicode"),
    ];
    let reasons: Vec<String> = messages
        .iter()
        .map(|m| {
            KNOWN
                .iter()
                .find(|(key, _)| m.contains(key))
                .map_or_else(|| m.clone(), |(_, said)| (*said).to_owned())
        })
        .collect();
    crate::Error::Export(format!(
        "văn bản không đạt chuẩn {}: {}\n  gợi ý: sửa chỗ được nêu, hoặc tạo PDF theo chuẩn khác (--pdf-standard)",
        standard.title(),
        reasons.join("; ")
    ))
}
