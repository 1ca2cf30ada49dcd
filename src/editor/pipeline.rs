//! The one place where `edit` and `watch` call the library to make a
//! document: check, compile, export. They make nothing their own way, so
//! that this adapter is all there is to repoint when the library's
//! pipeline changes.

use std::path::Path;

use crate::engine::{Compiled, Engine};
use crate::error::{Diagnostic, Result};
use crate::model::{self, Document};
use crate::render::{self, OutputFormat};

/// A document read, checked and compiled.
pub struct Made {
    pub doc: Document,
    pub compiled: Compiled,
}

/// Every error and warning of an input, without making anything.
pub fn check(name: &str, bytes: &[u8]) -> Vec<Diagnostic> {
    model::check(name, bytes)
}

/// Reads and checks an input. A `template` written in the input is found
/// relative to `base`, the input's folder, as `vanban render` does.
pub fn load(name: &str, bytes: &[u8], base: &Path) -> Result<Document> {
    let mut doc = model::load(name, bytes)?;
    render::settle_template(&mut doc, Some(base), None);
    Ok(doc)
}

/// Compiles a checked document with the template it asks for.
pub fn compile(engine: &Engine, doc: Document) -> Result<Made> {
    let compiled = render::compile(engine, &doc)?;
    Ok(Made { doc, compiled })
}

/// The files of a compiled document, exactly as `vanban render` writes
/// them: one PDF, or one PNG a page, each with its name's suffix.
pub fn export(
    made: &Made,
    format: OutputFormat,
    creation_epoch: Option<i64>,
) -> Result<Vec<(String, Vec<u8>)>> {
    render::export(&made.doc, &made.compiled, format, creation_epoch)
}

/// The number of pages.
pub fn page_count(made: &Made) -> usize {
    made.compiled.document.pages().len()
}

/// A fingerprint of each page's layout, to tell the pages that changed.
pub fn page_hashes(made: &Made) -> Vec<u128> {
    made.compiled
        .document
        .pages()
        .iter()
        .map(typst::utils::hash128)
        .collect()
}

/// One page as an SVG image: the page exactly as the PDF prints it.
pub fn page_svg(made: &Made, index: usize) -> Option<String> {
    let page = made.compiled.document.pages().get(index)?;
    Some(typst_svg::svg(
        page,
        &typst_svg::SvgOptions {
            render_bleed: false,
            pretty: false,
        },
    ))
}

/// One page as a PNG image at `ppi` pixels per inch: the page exactly as
/// the PDF prints it. Browsers show a PNG several times faster than the
/// same page as SVG (see the README's figures), so the preview uses this.
pub fn page_png(made: &Made, index: usize, ppi: f32) -> Option<Vec<u8>> {
    let page = made.compiled.document.pages().get(index)?;
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(f64::from(ppi) / 72.0),
        render_bleed: false,
    };
    let pixmap = typst_render::render(page, &options);
    // A page in black and white (all of today's templates) goes as gray:
    // a quarter of the data, encoded and shown several times faster.
    let rgba = pixmap.data();
    let gray = rgba
        .chunks_exact(4)
        .all(|p| p[0] == p[1] && p[1] == p[2] && p[3] == 255);
    let gray_pixels: Vec<u8>;
    let (color, data) = if gray {
        gray_pixels = rgba.chunks_exact(4).map(|p| p[0]).collect();
        (png::ColorType::Grayscale, gray_pixels.as_slice())
    } else {
        (png::ColorType::Rgba, rgba)
    };
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(color);
    encoder.set_depth(png::BitDepth::Eight);
    // The image only crosses the loopback: speed over size. Measured on
    // the reference example: 7 ms a page, against 45 ms with the
    // defaults.
    encoder.set_compression(png::Compression::Fast);
    encoder.set_filter(png::Filter::Up);
    let mut writer = encoder.write_header().ok()?;
    writer.write_image_data(data).ok()?;
    writer.finish().ok()?;
    Some(out)
}

/// The text of one page, in the order it was laid out: the words behind
/// the page's image, for screen readers.
pub fn page_text(made: &Made, index: usize) -> Option<String> {
    fn walk(frame: &typst::layout::Frame, out: &mut String) {
        for (_, item) in frame.items() {
            match item {
                typst::layout::FrameItem::Group(g) => walk(&g.frame, out),
                typst::layout::FrameItem::Text(t) => {
                    out.push_str(&t.text);
                    out.push(' ');
                }
                _ => {}
            }
        }
    }
    let page = made.compiled.document.pages().get(index)?;
    let mut out = String::new();
    walk(&page.frame, &mut out);
    Some(out)
}
