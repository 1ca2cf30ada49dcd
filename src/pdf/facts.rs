//! What a PDF made by vanban says about itself: the number line, the place
//! and date line and the signature block, each with where it sits on its
//! page.
//!
//! `render` leaves marks in the PDF for this: the templates put a mark
//! (`metadata((vanban-mark: …))`) at the corners of each block, and the
//! export turns each mark into a named destination whose name is the mark's
//! data as JSON. What the document says — its number and place — comes
//! from the source the PDF carries where it carries one (read as any
//! input is), and from the printed lines only where it does not; where
//! the lines sit comes from the marks.

use std::collections::HashMap;

use lopdf::{Document, Object, ObjectId};
use serde::Deserialize;
use typst::foundations::NativeElement;
use typst::foundations::{Dict, Str, Value};
use typst::introspection::{Introspector, Location, MetadataElem};
use typst_layout::PagedDocument;

use super::{Fault, fault};

/// The key that marks a metadata element as one of vanban's marks.
const MARK_KEY: &str = "vanban-mark";

/// typst-pdf puts a named destination 10 pt above its target, so that the
/// target shows when a viewer jumps to it; vanban wants the point itself.
const DESTINATION_LIFT: f32 = 10.0;

/// The marks of a compiled document, as named destinations for the export:
/// each mark's data as compact JSON, sorted keys.
pub fn anchors(document: &PagedDocument) -> Vec<(Location, String)> {
    let introspector: &dyn Introspector = document.introspector().as_ref();
    introspector
        .query(&MetadataElem::ELEM.select())
        .iter()
        .filter_map(|content| {
            let meta = content.to_packed::<MetadataElem>()?;
            let Value::Dict(dict) = &meta.value else {
                return None;
            };
            dict.get(MARK_KEY).ok()?;
            let name = serde_json::to_string(&sorted(dict)).ok()?;
            Some((content.location()?, name))
        })
        .collect()
}

fn sorted(dict: &Dict) -> std::collections::BTreeMap<Str, Value> {
    dict.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
}

/// One mark as the PDF has it.
#[derive(Debug, Clone, Deserialize)]
struct MarkData {
    #[serde(rename = "vanban-mark")]
    what: String,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    size: Option<f32>,
    #[serde(default)]
    italic: Option<bool>,
    #[serde(default)]
    fonts: Vec<String>,
}

/// A point on a page, in PDF user space (points, y upwards).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub page: ObjectId,
    pub x: f32,
    pub y: f32,
}

/// A line of text vanban printed: its text and font, and where its
/// baseline starts and ends.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub size: f32,
    pub italic: bool,
    pub fonts: Vec<String>,
    pub start: Point,
    pub end: Point,
}

/// A rectangle on a page: [left, bottom, right, top].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    pub page: ObjectId,
    pub rect: [f32; 4],
}

/// What `sign` and `issue` need to know of a document.
#[derive(Debug, Clone)]
pub struct Facts {
    pub number: Line,
    pub date: Line,
    /// The space for the signature, between the signer's title and name.
    pub signature: Area,
    /// The signer's signature picture, where the document has one.
    pub signature_image: Option<Area>,
    /// The issuing body's seal picture, where the document has one.
    pub seal_image: Option<Area>,
    /// The number, a blank closed up: "Số 15-KL/TU", "Số -KL/TU".
    pub number_text: String,
    /// The place the document is issued at: "Đơn Dương".
    pub place: String,
}

/// The width of the blank vanban leaves for a number or a day.
pub const BLANK: &str = "      ";

/// A number line with its blank closed up: "Số -KL/TU".
pub fn closed_up(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Facts {
    /// Whether the records office has yet to fill the number in.
    pub fn number_blank(&self) -> bool {
        self.number.text.contains(BLANK)
    }

    /// Whether the day (or day and month) is still blank.
    pub fn date_blank(&self) -> bool {
        self.date.text.contains(BLANK)
    }
}

/// The place as the printed date line gives it: "Đơn Dương, ngày …".
fn printed_place(date_line: &str) -> String {
    date_line
        .split(", ngày")
        .next()
        .unwrap_or(date_line)
        .trim()
        .to_owned()
}

/// The number line and the place as the source a PDF carries gives them,
/// read the way every input is read; None for a PDF that carries no source
/// (PDF/A-2) or one this vanban cannot read.
fn from_source(pdf: &[u8]) -> Option<(String, String)> {
    use crate::pipeline::{ImageUse, Job};
    let input = crate::Input::from_pdf("", pdf, None, String::new()).ok()?;
    let job = Job {
        images: ImageUse::LeaveOut,
        ..Job::default()
    };
    let doc = crate::pipeline::load(&job, &input).ok()?.document;
    Some((
        closed_up(&crate::contract::number_line(&doc)),
        doc.place.trim().to_owned(),
    ))
}

/// Reads the facts of a PDF made by vanban (`pdf`, loaded as `doc`); a
/// PDF made otherwise is refused.
pub fn read(pdf: &[u8], doc: &Document) -> Result<Facts, Fault> {
    let not_vanban = || {
        fault(
            "tệp PDF này không do vanban tạo ra, nên không biết khối chữ ký, số và ngày nằm ở đâu",
            "tạo lại văn bản bằng `vanban render`, rồi ký tệp PDF đó",
        )
    };
    if !made_by_vanban(doc) {
        return Err(not_vanban());
    }
    let marks = marks(doc);
    let get = |what: &str| marks.get(what).ok_or_else(not_vanban);
    let line = |what: &str| -> Result<Line, Fault> {
        let (data, start) = get(what)?;
        let (_, end) = get(&format!("{what}-end"))?;
        Ok(Line {
            // The line holds together with no-break spaces where it is
            // printed; read as plain spaces, which are as wide.
            text: data.text.clone().unwrap_or_default().replace('\u{a0}', " "),
            size: data.size.unwrap_or(13.0),
            italic: data.italic.unwrap_or(false),
            fonts: data.fonts.clone(),
            start: *start,
            end: *end,
        })
    };
    // A block: marks at its top-left and bottom-right corners.
    let area = |what: &str| -> Option<Area> {
        let (_, top_left) = marks.get(what)?;
        let (_, bottom_right) = marks.get(&format!("{what}-end"))?;
        Some(Area {
            page: top_left.page,
            rect: [top_left.x, bottom_right.y, bottom_right.x, top_left.y],
        })
    };
    let (number, date) = (line("number")?, line("date")?);
    let (number_text, place) =
        from_source(pdf).unwrap_or_else(|| (closed_up(&number.text), printed_place(&date.text)));
    Ok(Facts {
        number,
        date,
        signature: area("signature").ok_or_else(not_vanban)?,
        signature_image: area("signature-image"),
        seal_image: area("seal-image"),
        number_text,
        place,
    })
}

/// Whether the PDF says vanban made it.
pub fn made_by_vanban(doc: &Document) -> bool {
    let Ok(info) = doc
        .trailer
        .get(b"Info")
        .and_then(|o| doc.dereference(o))
        .and_then(|(_, o)| o.as_dict())
    else {
        return false;
    };
    info.get(b"Creator")
        .and_then(Object::as_str)
        .ok()
        .and_then(|s| {
            lopdf::decode_text_string(&Object::String(s.to_vec(), lopdf::StringFormat::Literal))
                .ok()
        })
        .is_some_and(|s| s.starts_with("vanban"))
}

/// Every mark of the document, by what it marks.
fn marks(doc: &Document) -> HashMap<String, (MarkData, Point)> {
    let mut out = HashMap::new();
    for (name, dest) in named_destinations(doc) {
        if !name.starts_with(b"{") {
            continue;
        }
        let Ok(data) = serde_json::from_slice::<MarkData>(&name) else {
            continue;
        };
        let Some(point) = destination_point(doc, dest) else {
            continue;
        };
        out.insert(data.what.clone(), (data, point));
    }
    out
}

/// The document's named destinations: the catalog's name tree, and the
/// older /Dests dictionary.
fn named_destinations(doc: &Document) -> Vec<(Vec<u8>, &Object)> {
    let mut out = Vec::new();
    let Ok(catalog) = doc.catalog() else {
        return out;
    };
    if let Ok(tree) = catalog
        .get(b"Names")
        .and_then(|o| doc.dereference(o))
        .and_then(|(_, o)| o.as_dict())
        .and_then(|names| names.get(b"Dests"))
        .and_then(|o| doc.dereference(o))
    {
        walk_name_tree(doc, tree.1, &mut out, 0);
    }
    if let Ok((_, Object::Dictionary(dests))) =
        catalog.get(b"Dests").and_then(|o| doc.dereference(o))
    {
        for (name, value) in dests.iter() {
            out.push((name.clone(), value));
        }
    }
    out
}

fn walk_name_tree<'a>(
    doc: &'a Document,
    node: &'a Object,
    out: &mut Vec<(Vec<u8>, &'a Object)>,
    depth: usize,
) {
    let Ok(node) = node.as_dict() else { return };
    if depth > 32 {
        return;
    }
    if let Ok(names) = node
        .get(b"Names")
        .and_then(|o| doc.dereference(o))
        .and_then(|(_, o)| o.as_array())
    {
        for pair in names.chunks(2) {
            if let [Object::String(name, _), value] = pair {
                out.push((name.clone(), value));
            }
        }
    }
    if let Ok(kids) = node
        .get(b"Kids")
        .and_then(|o| doc.dereference(o))
        .and_then(|(_, o)| o.as_array())
    {
        for kid in kids {
            if let Ok((_, kid)) = doc.dereference(kid) {
                walk_name_tree(doc, kid, out, depth + 1);
            }
        }
    }
}

/// The point an /XYZ destination shows, without typst-pdf's lift.
fn destination_point(doc: &Document, dest: &Object) -> Option<Point> {
    let (_, dest) = doc.dereference(dest).ok()?;
    let array = match dest {
        Object::Array(a) => a,
        Object::Dictionary(d) => doc.dereference(d.get(b"D").ok()?).ok()?.1.as_array().ok()?,
        _ => return None,
    };
    let page = array.first()?.as_reference().ok()?;
    if array.get(1)?.as_name().ok()? != b"XYZ" {
        return None;
    }
    let x = array.get(2)?.as_float().ok()?;
    let y = array.get(3)?.as_float().ok()?;
    Some(Point {
        page,
        x,
        y: y - DESTINATION_LIFT,
    })
}
