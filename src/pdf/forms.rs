//! The records office's step: number and date a document the signer has
//! signed, then sign it for the issuing body.
//!
//! When the signer signs a document whose number or day is blank, the
//! same update adds a form field over each blank line; the signer's
//! signature certifies the document with DocMDP P = 2, which permits
//! filling the form in. `issue` then fills the fields: each field's
//! appearance covers the printed line and prints it again, number and
//! date in, laid out by Typst in the same font, size and place, so that it
//! looks as if it had been printed so. Then the body signs.

use std::collections::HashMap;
use std::time::SystemTime;

use chrono::{Datelike, NaiveDate};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::facts::{self, BLANK, Facts, Line};
use super::incremental::{Update, text_string};
use super::keys::Signer;
use super::sign::{FormChanges, Role, form_fields, load, sign_loaded, signature_fields};
use super::{Fault, fault};
use crate::conventions::{format_day, format_month};
use crate::engine::{Engine, Template, VirtualFiles};

/// The names of the fields over the number and the date lines.
pub const NUMBER_FIELD: &str = "SoVanBan";
pub const DATE_FIELD: &str = "NgayBanHanh";

/// How far above and below the baseline a line's cover reaches, in ems:
/// more than any Vietnamese letter's ink, stacked marks included.
const COVER_ASCENT: f32 = 1.05;
const COVER_DESCENT: f32 = 0.3;

/// The rectangle a field takes over a printed line: the line's ink and a
/// little more.
pub fn cover(line: &Line) -> [f32; 4] {
    let pad = 0.1 * line.size;
    [
        line.start.x - pad,
        line.start.y - COVER_DESCENT * line.size,
        line.end.x + pad,
        line.start.y + COVER_ASCENT * line.size,
    ]
}

/// Adds the empty number and date fields of a document whose number or
/// day is blank, for the signer's update.
pub(crate) fn add_blank_fields(
    doc: &Document,
    update: &mut Update,
    changes: &mut FormChanges,
    facts: &Facts,
) {
    let existing = field_ids(doc);
    let lines = [
        (
            NUMBER_FIELD,
            "Số văn bản",
            &facts.number,
            facts.number_blank(),
        ),
        (DATE_FIELD, "Ngày ban hành", &facts.date, facts.date_blank()),
    ];
    for (name, label, line, blank) in lines {
        if !blank || existing.contains_key(name) {
            continue;
        }
        let [l, b, r, t] = cover(line);
        let mut field = Dictionary::new();
        field.set("Type", Object::Name(b"Annot".to_vec()));
        field.set("Subtype", Object::Name(b"Widget".to_vec()));
        field.set("FT", Object::Name(b"Tx".to_vec()));
        field.set("T", text_string(name));
        field.set("TU", text_string(label));
        field.set("DA", Object::string_literal("/Helv 0 Tf 0 g"));
        // Print.
        field.set("F", 4);
        field.set("Rect", vec![l.into(), b.into(), r.into(), t.into()]);
        field.set("P", line.start.page);
        let id = update.add(Object::Dictionary(field));
        changes.fields.push(id);
        changes.annotations.push((line.start.page, id));
        changes.text_fields = true;
    }
}

/// The form's fields by name.
fn field_ids(doc: &Document) -> HashMap<String, ObjectId> {
    form_fields(doc)
        .into_iter()
        .filter_map(|id| {
            let name = doc.get_dictionary(id).ok()?.get(b"T").ok()?;
            Some((lopdf::decode_text_string(name).ok()?, id))
        })
        .collect()
}

/// Fills the blanks of `text` in order with `values`. A blank stands with
/// the spaces around it ("ngày ␣BLANK␣ tháng"): those stay, one on each
/// side, as the templates print a filled-in value.
fn fill(text: &str, values: &[String]) -> String {
    let mut out = String::new();
    let mut values = values.iter();
    let mut rest = text;
    while let Some(at) = rest.find(BLANK) {
        let Some(value) = values.next() else { break };
        // The whole run of spaces the blank is part of.
        let start = rest[..at].trim_end_matches(' ').len();
        let end = at + (rest[at..].len() - rest[at..].trim_start_matches(' ').len());
        let run = end - start;
        out.push_str(&rest[..start]);
        if run > BLANK.len() {
            out.push(' ');
        }
        out.push_str(value);
        if run > BLANK.len() + 1 {
            out.push(' ');
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Numbers and dates a document the signer has signed, and signs it for
/// the issuing body at `time`.
pub fn issue(
    engine: &Engine,
    pdf: &[u8],
    number: u32,
    date: NaiveDate,
    key: &dyn Signer,
    time: SystemTime,
) -> Result<Vec<u8>, Fault> {
    let doc = load(pdf)?;
    let facts = facts::read(pdf, &doc)?;
    let sigs = signature_fields(&doc);
    let signed_as = |r: Role| sigs.iter().any(|(_, n, v)| *v && n == r.field_name());
    if signed_as(Role::Body) {
        return Err(fault(
            "văn bản đã có chữ ký số của cơ quan ban hành: văn bản đã được ban hành",
            "không cấp số lại văn bản đã ban hành; nếu cần sửa, ban hành văn bản mới",
        ));
    }
    unnumbered(&facts)?;
    if !signed_as(Role::Signer) {
        // A document nobody has signed is made again instead (super::issue);
        // one signed by someone else cannot be, nor filled in.
        return Err(fault(
            "văn bản chưa có chữ ký số của người ký",
            "người ký ký trước bằng `vanban sign`, văn thư cấp số sau",
        ));
    }
    let fields = field_ids(&doc);
    let (Some(&number_field), date_field) = (fields.get(NUMBER_FIELD), fields.get(DATE_FIELD))
    else {
        return Err(fault(
            "văn bản đã ký không có ô để điền số (có thể đã ký bằng phần mềm khác)",
            "ký văn bản bằng `vanban sign` để vanban để lại ô điền số và ngày",
        ));
    };
    let date_values = date_values(&facts, date)?;
    let date_field = match (date_values.is_empty(), date_field) {
        (true, _) => None,
        (false, Some(&id)) => Some(id),
        (false, None) => {
            return Err(fault(
                "văn bản đã ký không có ô để điền ngày",
                "ký văn bản bằng `vanban sign` để vanban để lại ô điền số và ngày",
            ));
        }
    };

    let mut filled = facts.clone();
    filled.number.text = fill(&facts.number.text, &[format!("{number:02}")]);
    // The source the PDF carries keeps its blank: the number is the filled one.
    filled.number_text = facts::closed_up(&filled.number.text);
    filled.date.text = fill(&facts.date.text, &date_values);
    let mut jobs = vec![(number_field, &filled.number, &facts.number)];
    if let Some(id) = date_field {
        jobs.push((id, &filled.date, &facts.date));
    }
    let mut appearances = Vec::new();
    for (id, new, old) in jobs {
        appearances.push((id, new.text.clone(), line_pdf(engine, new)?, cover(old)));
    }
    sign_loaded(pdf, &doc, &filled, key, Role::Body, time, |update, _| {
        for (id, text, fragment, rect) in appearances {
            let mut field = doc.get_dictionary(id).map_err(|_| broken())?.clone();
            let ap = appearance(
                update,
                &fragment,
                rect,
                &filled_line(&filled, id, number_field),
            )?;
            field.set("V", text_string(&text));
            let mut aps = Dictionary::new();
            aps.set("N", ap);
            field.set("AP", aps);
            update.set(id, Object::Dictionary(field));
        }
        Ok(())
    })
}

/// Refuses a document that already has its number.
pub(crate) fn unnumbered(facts: &Facts) -> Result<(), Fault> {
    if facts.number_blank() {
        return Ok(());
    }
    Err(fault(
        format!("văn bản đã có số: {}", facts.number_text),
        "văn thư chỉ cấp số cho văn bản còn để trống số; kiểm tra lại tệp cần ban hành",
    ))
}

fn filled_line(filled: &Facts, id: ObjectId, number_field: ObjectId) -> Line {
    if id == number_field {
        filled.number.clone()
    } else {
        filled.date.clone()
    }
}

fn broken() -> Fault {
    fault(
        "cấu trúc tệp PDF bị hỏng, không cấp số được",
        "tạo lại văn bản bằng `vanban render` rồi ký lại",
    )
}

/// The day (and month) that fill the date's blanks, checked against what
/// the document already prints.
pub(crate) fn date_values(facts: &Facts, date: NaiveDate) -> Result<Vec<String>, Fault> {
    let text = &facts.date.text;
    let blanks = text.matches(BLANK).count();
    let year = text
        .rsplit("năm ")
        .next()
        .and_then(|y| y.trim().parse::<i32>().ok());
    if year.is_some_and(|y| y != date.year()) {
        return Err(fault(
            format!(
                "ngày ban hành {} không cùng năm với năm in trên văn bản ({})",
                date.format("%d/%m/%Y"),
                year.unwrap_or_default()
            ),
            "ghi ngày của năm in trên văn bản bằng --date NĂM-THÁNG-NGÀY",
        ));
    }
    match blanks {
        0 => Ok(Vec::new()),
        1 => {
            let printed_month = text
                .split("tháng ")
                .nth(1)
                .and_then(|m| m.split_whitespace().next())
                .and_then(|m| m.parse::<u32>().ok());
            if printed_month.is_some_and(|m| m != date.month()) {
                return Err(fault(
                    format!(
                        "ngày ban hành {} không cùng tháng với tháng in trên văn bản ({})",
                        date.format("%d/%m/%Y"),
                        printed_month.unwrap_or_default()
                    ),
                    "ghi một ngày của tháng in trên văn bản bằng --date",
                ));
            }
            Ok(vec![format_day(date.day())])
        }
        _ => Ok(vec![format_day(date.day()), format_month(date.month())]),
    }
}

/// A line's text laid out by Typst exactly as the templates lay it out,
/// on a page of its own: a PDF to draw the field's appearance from.
fn line_pdf(engine: &Engine, line: &Line) -> Result<Vec<u8>, Fault> {
    let half = (line.end.x - line.start.x) / 2.0 + 2.0 * line.size;
    let data = serde_json::json!({
        "text": line.text,
        "size": line.size,
        "italic": line.italic,
        "fonts": line.fonts,
        "width": 2.0 * half,
        "ascent": COVER_ASCENT * line.size,
        "descent": COVER_DESCENT * line.size,
    });
    let failed = |e: String| {
        fault(
            format!("không trình bày được số và ngày: {e}"),
            "văn bản dùng phông chữ không có sẵn? Thêm thư mục phông chữ bằng --font-path",
        )
    };
    let missing: Vec<&String> = line
        .fonts
        .iter()
        .filter(|f| !engine.families().contains(f))
        .collect();
    if !missing.is_empty() && !line.fonts.is_empty() {
        return Err(fault(
            format!(
                "văn bản được trình bày bằng phông chữ {} mà máy này không có",
                missing[0]
            ),
            "thêm thư mục có phông chữ đó bằng --font-path",
        ));
    }
    let compiled = engine
        .compile(
            &Template::BuiltIn(LINE_TEMPLATE),
            &VirtualFiles::with_data(serde_json::to_vec(&data).map_err(|e| failed(e.to_string()))?),
            None,
        )
        .map_err(|e| failed(e.to_string()))?;
    typst_pdf::pdf(&compiled.document, &typst_pdf::PdfOptions::default()).map_err(|e| {
        failed(
            e.iter()
                .map(|d| d.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })
}

/// The built-in template that lays out one line for a field.
pub const LINE_TEMPLATE: &str = "line.typ";

/// The field's appearance: a white cover over the printed line, and the
/// line laid out again on it, its baseline on the printed one.
fn appearance(
    update: &mut Update,
    fragment: &[u8],
    rect: [f32; 4],
    line: &Line,
) -> Result<ObjectId, Fault> {
    let page = load(fragment)?;
    let page_id = *page.get_pages().values().next().ok_or_else(broken)?;
    let page_dict = page.get_dictionary(page_id).map_err(|_| broken())?;
    let content = page.get_page_content(page_id).map_err(|_| broken())?;
    let media: Vec<f32> = page_dict
        .get(b"MediaBox")
        .and_then(Object::as_array)
        .map_err(|_| broken())?
        .iter()
        .filter_map(|n| n.as_float().ok())
        .collect();
    let [_, _, width, height] = media[..] else {
        return Err(broken());
    };
    let resources = match page_dict.get(b"Resources") {
        Ok(r) => copy(&page, r, update, &mut HashMap::new())?,
        Err(_) => Object::Dictionary(Dictionary::new()),
    };
    let mut form = Dictionary::new();
    form.set("Type", Object::Name(b"XObject".to_vec()));
    form.set("Subtype", Object::Name(b"Form".to_vec()));
    form.set(
        "BBox",
        vec![0.into(), 0.into(), width.into(), height.into()],
    );
    form.set("Resources", resources);
    let mut stream = Stream::new(form, content);
    let _ = stream.compress();
    let xobject = update.add(Object::Stream(stream));

    // The fragment's baseline is `descent` above its bottom; it is centred
    // on the printed line's centre.
    let [l, b, r, t] = rect;
    let centre = (line.start.x + line.end.x) / 2.0;
    let dx = centre - width / 2.0 - l;
    let dy = line.start.y - COVER_DESCENT * line.size - b;
    let ops = format!(
        "q 1 1 1 rg 0 0 {w} {h} re f Q q 1 0 0 1 {dx} {dy} cm /Line Do Q",
        w = super::incremental::format_real(r - l),
        h = super::incremental::format_real(t - b),
        dx = super::incremental::format_real(dx),
        dy = super::incremental::format_real(dy),
    );
    let mut xobjects = Dictionary::new();
    xobjects.set("Line", xobject);
    let mut res = Dictionary::new();
    res.set("XObject", xobjects);
    let mut ap = Dictionary::new();
    ap.set("Type", Object::Name(b"XObject".to_vec()));
    ap.set("Subtype", Object::Name(b"Form".to_vec()));
    ap.set(
        "BBox",
        vec![0.into(), 0.into(), (r - l).into(), (t - b).into()],
    );
    ap.set("Resources", res);
    Ok(update.add(Object::Stream(Stream::new(ap, ops.into_bytes()))))
}

/// Copies an object from another PDF into the update, with every object it
/// refers to, numbered anew.
fn copy(
    from: &Document,
    object: &Object,
    update: &mut Update,
    done: &mut HashMap<ObjectId, ObjectId>,
) -> Result<Object, Fault> {
    Ok(match object {
        Object::Reference(id) => {
            if let Some(new) = done.get(id) {
                return Ok(Object::Reference(*new));
            }
            let new = update.reserve();
            done.insert(*id, new);
            let target = from.get_object(*id).map_err(|_| broken())?;
            let copied = copy(from, target, update, done)?;
            update.set(new, copied);
            Object::Reference(new)
        }
        Object::Array(items) => Object::Array(
            items
                .iter()
                .map(|i| copy(from, i, update, done))
                .collect::<Result<_, _>>()?,
        ),
        Object::Dictionary(dict) => Object::Dictionary(copy_dict(from, dict, update, done)?),
        Object::Stream(stream) => {
            let dict = copy_dict(from, &stream.dict, update, done)?;
            Object::Stream(Stream::new(dict, stream.content.clone()).with_compression(false))
        }
        other => other.clone(),
    })
}

fn copy_dict(
    from: &Document,
    dict: &Dictionary,
    update: &mut Update,
    done: &mut HashMap<ObjectId, ObjectId>,
) -> Result<Dictionary, Fault> {
    let mut out = Dictionary::new();
    for (key, value) in dict.iter() {
        // A page's parent would drag the whole page tree along.
        if key.as_slice() == b"Parent" {
            continue;
        }
        out.set(key.clone(), copy(from, value, update, done)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_are_filled_as_the_templates_print_values() {
        let blank = BLANK;
        assert_eq!(
            fill(&format!("Số {blank}-KL/HU"), &["15".into()]),
            "Số 15-KL/HU"
        );
        assert_eq!(
            fill(&format!("Số: {blank}/TB-UBND"), &["07".into()]),
            "Số: 07/TB-UBND"
        );
        assert_eq!(
            fill(
                &format!("Đơn Dương, ngày {blank} tháng 11 năm 2020"),
                &["05".into()]
            ),
            "Đơn Dương, ngày 05 tháng 11 năm 2020"
        );
        assert_eq!(
            fill(
                &format!("Hà Nội, ngày {blank} tháng {blank} năm 2020"),
                &["05".into(), "3".into()]
            ),
            "Hà Nội, ngày 05 tháng 3 năm 2020"
        );
    }
}
