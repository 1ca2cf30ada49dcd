//! The one door through which `edit` and `watch` reach the library's
//! pipeline (crate::pipeline), the path every command takes: they make
//! nothing their own way. Here too are what only a live preview needs: a
//! fingerprint of each page, and each page as an image or as text.

use super::page_images::Pixels;
use crate::engine::Engine;
use crate::error::Diagnostic;
use crate::input::Input;
use crate::pipeline::{self, Job, Outcome};

pub use crate::pipeline::Made;

/// Every error and warning of an input, without making anything.
pub fn check(job: &Job, input: &Input) -> Vec<Diagnostic> {
    pipeline::check(job, input)
}

/// Makes a document as `vanban render` does: the same job and input give
/// the same bytes.
pub fn make(engine: &Engine, job: &Job, input: &Input) -> Outcome {
    pipeline::make(engine, job, input)
}

/// `make`, or `lay_out` when not `export`, of an input already loaded.
pub fn make_loaded(
    engine: &Engine,
    job: &Job,
    input: &Input,
    loaded: crate::error::Result<pipeline::Loaded>,
    export: bool,
) -> Outcome {
    pipeline::make_loaded(engine, job, input, loaded, export)
}

/// Loads and compiles a document for its pages, without exporting it.
pub fn lay_out(engine: &Engine, job: &Job, input: &Input) -> Outcome {
    pipeline::lay_out(engine, job, input)
}

/// The number of pages.
pub fn page_count(made: &Made) -> usize {
    made.compiled.document.pages().len()
}

/// A fingerprint of what each page shows, to tell the pages that changed.
/// Introspection tags are left out: their locations follow the data of
/// the elements they mark, which change with any edit, while the page
/// looks the same.
pub fn page_hashes(made: &Made) -> Vec<u128> {
    use std::hash::{Hash, Hasher};
    use typst::layout::{Frame, FrameItem};
    fn visible(frame: &Frame, state: &mut impl Hasher) {
        frame.size().hash(state);
        for (at, item) in frame.items() {
            match item {
                FrameItem::Tag(_) => continue,
                FrameItem::Group(group) => {
                    at.hash(state);
                    group.transform.hash(state);
                    group.clip.hash(state);
                    visible(&group.frame, state);
                }
                other => {
                    at.hash(state);
                    other.hash(state);
                }
            }
        }
    }
    made.compiled
        .document
        .pages()
        .iter()
        .map(|page| {
            // DefaultHasher::new() has fixed keys: the same page gives the
            // same fingerprint in every run of the server.
            let mut state = std::collections::hash_map::DefaultHasher::new();
            visible(&page.frame, &mut state);
            page.fill.hash(&mut state);
            page.number.hash(&mut state);
            u128::from(state.finish())
        })
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

/// One page as pixels at `ppi` pixels per inch: the page exactly as the
/// PDF prints it. Browsers show a PNG several times faster than the same
/// page as SVG (see the README's figures), so the preview uses this.
pub fn page_pixels(made: &Made, index: usize, ppi: f32) -> Option<Pixels> {
    let page = made.compiled.document.pages().get(index)?;
    Some(Pixels::of(page, ppi))
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
    // Names and dates hold together with no-break spaces; a reader wants words.
    Some(out.replace('\u{a0}', " "))
}
