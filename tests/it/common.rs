//! Shared test helpers: render the examples, and read positions and sizes
//! out of the compiled document's frames. Lengths are in millimetres.

use std::path::PathBuf;

use typst::layout::{Frame, FrameItem, Point, Transform};
use typst::visualize::Geometry;
use vanban::Engine;
use vanban::engine::Compiled;
use vanban::model::{self, Document};

pub const REFERENCE: &str = "examples/ket-luan-thuong-truc-huyen-uy-2020-11.toml";
pub const NESTED: &str = "examples/ket-luan-long-ghep.toml";

/// The vanban binary run in `dir`, its output collected.
pub fn vanban(args: &[&str], dir: &std::path::Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("vanban runs")
}

pub fn path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

pub fn read(rel: &str) -> String {
    std::fs::read_to_string(path(rel)).expect("example exists")
}

/// An example read as every command reads it: its pictures too, from its
/// folder.
pub fn load(rel: &str) -> Document {
    let folder = path(rel).parent().map(std::path::Path::to_owned);
    let input = vanban::Input::text(rel, read(rel), folder);
    vanban::pipeline::load(&vanban::pipeline::Job::default(), &input)
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
        .document
}

pub fn compile_doc(doc: &Document) -> Compiled {
    let compiled = vanban::pipeline::compile(&Engine::new(), doc).expect("compiles");
    assert!(
        compiled.warnings.is_empty(),
        "warnings: {:?}",
        compiled.warnings
    );
    compiled
}

/// An example compiled once per test run and shared by every test that
/// reads it.
pub fn example(rel: &str) -> &'static Compiled {
    cached(rel, |rel| compile_doc(&load(rel)))
}

/// The layout of an example, read once per test run.
pub fn example_layout(rel: &str) -> &'static Layout {
    cached(rel, |rel| Layout::of(example(rel)))
}

/// A value per example, made once and kept for the whole run.
fn cached<T: Send + Sync + 'static>(rel: &str, make: impl FnOnce(&str) -> T) -> &'static T {
    use std::any::{Any, TypeId};
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    type Cache = Mutex<HashMap<(TypeId, String), &'static (dyn Any + Send + Sync)>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let key = (TypeId::of::<T>(), rel.to_owned());
    let cache = CACHE.get_or_init(Default::default);
    if let Some(found) = cache.lock().expect("cache").get(&key) {
        return found.downcast_ref().expect("one type per key");
    }
    // Made outside the lock: a layout asks for its compiled example.
    let value: &'static T = Box::leak(Box::new(make(rel)));
    let mut cache = cache.lock().expect("cache");
    let kept = *cache.entry(key).or_insert(value);
    kept.downcast_ref().expect("one type per key")
}

pub fn compile_str(toml: &str) -> Compiled {
    let doc = model::load("test.toml", toml.as_bytes()).expect("valid input");
    compile_doc(&doc)
}

/// Makes a PDF from input text through the pipeline every command takes.
pub fn make_pdf(name: &str, text: &str) -> Vec<u8> {
    let input = vanban::Input::text(name, text, None);
    let made = vanban::pipeline::make(&Engine::new(), &vanban::pipeline::Job::default(), &input)
        .result
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    made.files.into_iter().next().expect("one PDF").bytes
}

/// A PDF of only what the pages show: made from input text like
/// `make_pdf`, without the source every PDF carries, so that inputs that
/// differ in bytes but not in content can be compared.
pub fn pages_pdf(name: &str, text: &str) -> Vec<u8> {
    let doc = model::load(name, text.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
    let compiled = compile_doc(&doc);
    vanban::pipeline::export_pdf(&doc, &compiled, None).expect("exports")
}

/// The source the PDF made from input text carries inside it.
pub fn carried_source(name: &str, text: &str) -> Vec<u8> {
    vanban::pdf::embedded::original("x.pdf", &make_pdf(name, text))
        .expect("a source inside")
        .source
        .bytes
}

/// Runs the vanban binary in `dir`, with nothing on standard input.
pub fn run_vanban(args: &[&str], dir: &std::path::Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("vanban runs")
}

/// The tolerance of layout tests, in millimetres.
pub const TOL: f64 = 0.5;

/// Asserts that a length is what it should be, within `TOL`.
pub fn close(a: f64, b: f64, what: &str) {
    assert!(
        (a - b).abs() <= TOL,
        "{what}: {a:.2} mm, expected {b:.2} mm"
    );
}

pub fn pt_to_mm(pt: f64) -> f64 {
    pt * 25.4 / 72.0
}

/// A run of text as laid out: its baseline's left end, in mm from the
/// page's top-left corner.
#[derive(Debug, Clone)]
pub struct Run {
    pub page: usize,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub size_pt: f64,
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// Top and bottom of the inked glyphs, in mm (y grows downwards).
    pub ink_top: f64,
    pub ink_bottom: f64,
    pub family: String,
    /// The width of the white space the run starts with, in mm.
    pub leading_space: f64,
}

impl Run {
    pub fn right(&self) -> f64 {
        self.x + self.width
    }
    pub fn centre(&self) -> f64 {
        self.x + self.width / 2.0
    }
}

/// A straight horizontal or vertical line.
#[derive(Debug, Clone)]
pub struct Rule {
    pub page: usize,
    pub x: f64,
    pub y: f64,
    pub length: f64,
}

pub struct Layout {
    pub runs: Vec<Run>,
    pub rules: Vec<Rule>,
    pub pages: Vec<(f64, f64)>,
}

impl Layout {
    pub fn of(compiled: &Compiled) -> Self {
        let mut layout = Layout {
            runs: Vec::new(),
            rules: Vec::new(),
            pages: Vec::new(),
        };
        for (i, page) in compiled.document.pages().iter().enumerate() {
            let size = page.frame.size();
            layout
                .pages
                .push((pt_to_mm(size.x.to_pt()), pt_to_mm(size.y.to_pt())));
            walk(&page.frame, Transform::identity(), i + 1, &mut layout);
        }
        layout
    }

    /// Runs on a page, in reading order (top to bottom, left to right).
    pub fn page_runs(&self, page: usize) -> Vec<&Run> {
        let mut runs: Vec<&Run> = self.runs.iter().filter(|r| r.page == page).collect();
        runs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        runs
    }

    /// The first run whose text contains `needle`, a no-break space
    /// matching a space.
    pub fn find(&self, needle: &str) -> &Run {
        self.runs
            .iter()
            .find(|r| r.text.contains(needle) || r.text.replace('\u{a0}', " ").contains(needle))
            .unwrap_or_else(|| panic!("no run contains {needle:?}"))
    }

    /// The runs that share a baseline with `run` on its page: one line.
    pub fn line_of(&self, run: &Run) -> Vec<&Run> {
        let mut line: Vec<&Run> = self
            .runs
            .iter()
            .filter(|r| r.page == run.page && (r.y - run.y).abs() < 0.1)
            .collect();
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        line
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }
}

fn walk(frame: &Frame, ts: Transform, page: usize, out: &mut Layout) {
    for (pos, item) in frame.items() {
        let at = |p: Point| p.transform(ts);
        match item {
            FrameItem::Group(group) => {
                let inner = ts
                    .pre_concat(Transform::translate(pos.x, pos.y))
                    .pre_concat(group.transform);
                walk(&group.frame, inner, page, out);
            }
            FrameItem::Text(text) => {
                let origin = at(*pos);
                let size = text.size.to_pt();
                let face = text.font.ttf();
                let upem = text.font.units_per_em();
                let (mut top, mut bottom) = (0.0f64, 0.0f64);
                for g in &text.glyphs {
                    if let Some(bb) = face.glyph_bounding_box(ttf_parser::GlyphId(g.id)) {
                        top = top.max(f64::from(bb.y_max) / upem);
                        bottom = bottom.min(f64::from(bb.y_min) / upem);
                    }
                }
                // Trailing spaces carry no ink; leave them out of the width.
                let inked = text
                    .glyphs
                    .iter()
                    .rposition(|g| !text.text[g.range()].trim().is_empty())
                    .map_or(0, |i| i + 1);
                let width: f64 = text.glyphs[..inked]
                    .iter()
                    .map(|g| g.x_advance.at(text.size).to_pt())
                    .sum();
                let blank = text
                    .glyphs
                    .iter()
                    .take_while(|g| text.text[g.range()].trim().is_empty())
                    .map(|g| g.x_advance.at(text.size).to_pt())
                    .sum::<f64>();
                let info = text.font.font().info();
                let y = pt_to_mm(origin.y.to_pt());
                out.runs.push(Run {
                    page,
                    x: pt_to_mm(origin.x.to_pt()),
                    y,
                    width: pt_to_mm(width),
                    size_pt: size,
                    text: text.text.to_string(),
                    bold: info.variant.weight.to_number() >= 600,
                    italic: info.variant.style != typst::text::FontStyle::Normal,
                    ink_top: y - pt_to_mm(top * size),
                    ink_bottom: y - pt_to_mm(bottom * size),
                    family: info.family.clone(),
                    leading_space: pt_to_mm(blank),
                });
            }
            FrameItem::Shape(shape, _) => {
                if let Geometry::Line(end) = shape.geometry {
                    let start = at(*pos);
                    let stop = at(*pos + end);
                    out.rules.push(Rule {
                        page,
                        x: pt_to_mm(start.x.to_pt().min(stop.x.to_pt())),
                        y: pt_to_mm(start.y.to_pt()),
                        length: pt_to_mm(
                            (stop.x.to_pt() - start.x.to_pt())
                                .hypot(stop.y.to_pt() - start.y.to_pt()),
                        ),
                    });
                }
            }
            _ => {}
        }
    }
}

/// Text of a PDF, as a reader's copy and paste would give it.
pub fn pdf_text(pdf: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(pdf).expect("the PDF's text can be read")
}

/// Whitespace folded to single spaces, for comparing flowing text.
pub fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of a compiled document in the order of its frames, runs joined
/// by spaces: a column's lines stay together, unlike in a PDF extraction
/// that reads across side-by-side columns.
pub fn frame_text(compiled: &Compiled) -> String {
    fn walk(frame: &Frame, out: &mut String) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(g) => walk(&g.frame, out),
                FrameItem::Text(t) => {
                    out.push_str(&t.text);
                    out.push(' ');
                }
                _ => {}
            }
        }
    }
    let mut out = String::new();
    for page in compiled.document.pages() {
        walk(&page.frame, &mut out);
    }
    out
}
