//! An incremental update: new and changed objects appended after the
//! original bytes, with a cross-reference section of the same kind as the
//! file's last one and a trailer that points back to it. The original bytes
//! stay exactly as they were, so the signatures over them stay valid.

use std::fmt::Write as _;

use lopdf::{Dictionary, Object, ObjectId};

/// Objects to append to a PDF.
pub struct Update<'a> {
    original: &'a [u8],
    trailer: &'a Dictionary,
    xref_stream: bool,
    next_id: u32,
    objects: Vec<(ObjectId, Body)>,
}

enum Body {
    Object(Object),
    /// Already serialised, for the signature dictionary whose placeholders
    /// are filled in after the file is laid out.
    Raw(Vec<u8>),
}

/// The update as written, and where each object landed.
pub struct Written {
    pub bytes: Vec<u8>,
    offsets: Vec<(ObjectId, usize)>,
}

impl Written {
    /// Where object `id`'s body starts ("N 0 obj" is before it).
    pub fn offset(&self, id: ObjectId) -> Option<usize> {
        self.offsets.iter().find(|(i, _)| *i == id).map(|(_, o)| *o)
    }
}

impl<'a> Update<'a> {
    pub fn new(original: &'a [u8], doc: &'a lopdf::Document) -> Self {
        let size = doc
            .trailer
            .get(b"Size")
            .and_then(Object::as_i64)
            .ok()
            .and_then(|s| u32::try_from(s).ok())
            .unwrap_or(0);
        Self {
            original,
            trailer: &doc.trailer,
            xref_stream: matches!(
                doc.reference_table.cross_reference_type,
                lopdf::xref::XrefType::CrossReferenceStream
            ),
            next_id: size.max(doc.max_id + 1),
            objects: Vec::new(),
        }
    }

    /// A number for a new object, to refer to it before it is added.
    pub fn reserve(&mut self) -> ObjectId {
        let id = (self.next_id, 0);
        self.next_id += 1;
        id
    }

    /// Adds a new object.
    pub fn add(&mut self, object: Object) -> ObjectId {
        let id = self.reserve();
        self.set(id, object);
        id
    }

    /// Sets a reserved object, or replaces an existing one.
    pub fn set(&mut self, id: ObjectId, object: Object) {
        self.objects.retain(|(i, _)| *i != id);
        self.objects.push((id, Body::Object(object)));
    }

    /// Sets an object from its serialised body.
    pub fn set_raw(&mut self, id: ObjectId, body: Vec<u8>) {
        self.objects.retain(|(i, _)| *i != id);
        self.objects.push((id, Body::Raw(body)));
    }

    /// The original bytes with the update appended.
    pub fn write(self) -> Written {
        let mut out = self.original.to_vec();
        if !out.ends_with(b"\n") {
            out.push(b'\n');
        }
        // Where each "N 0 obj" line starts: what the cross-reference gives.
        let mut offsets = Vec::new();
        for (id, body) in &self.objects {
            offsets.push((*id, out.len()));
            out.extend_from_slice(format!("{} {} obj\n", id.0, id.1).as_bytes());
            match body {
                Body::Object(o) => write_object(&mut out, o),
                Body::Raw(bytes) => out.extend_from_slice(bytes),
            }
            out.extend_from_slice(b"\nendobj\n");
        }
        let prev = last_startxref(self.original);
        let size = self.next_id + u32::from(self.xref_stream);
        let mut trailer = Dictionary::new();
        for key in [b"Root".as_slice(), b"Info", b"ID"] {
            if let Ok(value) = self.trailer.get(key) {
                trailer.set(key, value.clone());
            }
        }
        trailer.set("Size", i64::from(size));
        if let Some(prev) = prev {
            trailer.set("Prev", prev as i64);
        }
        let mut entries: Vec<(u32, usize)> = offsets.iter().map(|(id, o)| (id.0, *o)).collect();
        let xref_at = out.len();
        if self.xref_stream {
            let own = self.next_id;
            entries.push((own, xref_at));
            entries.sort_unstable();
            write_xref_stream(&mut out, own, &entries, trailer);
        } else {
            entries.sort_unstable();
            write_xref_table(&mut out, &entries, &trailer);
        }
        out.extend_from_slice(format!("startxref\n{xref_at}\n%%EOF\n").as_bytes());
        let offsets = offsets
            .into_iter()
            .map(|(id, start)| {
                let header = format!("{} {} obj\n", id.0, id.1).len();
                (id, start + header)
            })
            .collect();
        Written {
            bytes: out,
            offsets,
        }
    }
}

/// Runs of consecutive object numbers: the subsections of a cross-reference.
fn runs(entries: &[(u32, usize)]) -> Vec<&[(u32, usize)]> {
    let mut runs = Vec::new();
    let mut start = 0;
    for i in 1..=entries.len() {
        if i == entries.len() || entries[i].0 != entries[i - 1].0 + 1 {
            runs.push(&entries[start..i]);
            start = i;
        }
    }
    runs
}

fn write_xref_table(out: &mut Vec<u8>, entries: &[(u32, usize)], trailer: &Dictionary) {
    let mut text = String::from("xref\n");
    for run in runs(entries) {
        let _ = writeln!(text, "{} {}", run[0].0, run.len());
        for (_, offset) in run {
            // Each entry is exactly 20 bytes, ending in space and newline.
            let _ = writeln!(text, "{offset:010} 00000 n ");
        }
    }
    text.push_str("trailer\n");
    out.extend_from_slice(text.as_bytes());
    write_object(out, &Object::Dictionary(trailer.clone()));
    out.push(b'\n');
}

fn write_xref_stream(out: &mut Vec<u8>, own: u32, entries: &[(u32, usize)], mut dict: Dictionary) {
    let mut data = Vec::with_capacity(entries.len() * 7);
    let mut index = Vec::new();
    for run in runs(entries) {
        index.push(Object::Integer(i64::from(run[0].0)));
        index.push(Object::Integer(run.len() as i64));
        for (_, offset) in run {
            data.push(1);
            data.extend_from_slice(&(*offset as u32).to_be_bytes());
            data.extend_from_slice(&[0, 0]);
        }
    }
    dict.set("Type", Object::Name(b"XRef".to_vec()));
    dict.set("W", vec![1.into(), 4.into(), 2.into()]);
    dict.set("Index", index);
    out.extend_from_slice(format!("{own} 0 obj\n").as_bytes());
    write_object(
        out,
        &Object::Stream(lopdf::Stream::new(dict, data).with_compression(false)),
    );
    out.extend_from_slice(b"\nendobj\n");
}

/// The offset the file's last `startxref` gives: the previous section.
fn last_startxref(bytes: &[u8]) -> Option<usize> {
    let tail_from = bytes.len().saturating_sub(1024);
    let tail = &bytes[tail_from..];
    let at = tail.windows(9).rposition(|w| w == b"startxref")?;
    let rest = std::str::from_utf8(&tail[at + 9..]).ok()?;
    rest.split_whitespace().next()?.parse().ok()
}

/// Serialises an object the way PDF spells it. Strings are written in hex,
/// which needs no escaping.
pub fn write_object(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Object::Integer(i) => out.extend_from_slice(i.to_string().as_bytes()),
        Object::Real(r) => out.extend_from_slice(format_real(*r).as_bytes()),
        Object::Name(name) => write_name(out, name),
        Object::String(bytes, _) => write_hex_string(out, bytes),
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                write_object(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => write_dict(out, dict),
        Object::Stream(stream) => {
            let mut dict = stream.dict.clone();
            dict.set("Length", stream.content.len() as i64);
            write_dict(out, &dict);
            out.extend_from_slice(b"\nstream\n");
            out.extend_from_slice(&stream.content);
            out.extend_from_slice(b"\nendstream");
        }
        Object::Reference(id) => out.extend_from_slice(format!("{} {} R", id.0, id.1).as_bytes()),
    }
}

fn write_dict(out: &mut Vec<u8>, dict: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (key, value) in dict.iter() {
        write_name(out, key);
        out.push(b' ');
        write_object(out, value);
    }
    out.extend_from_slice(b">>");
}

fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &b in name {
        if (b'!'..=b'~').contains(&b) && !b"()<>[]{}/%#".contains(&b) {
            out.push(b);
        } else {
            out.extend_from_slice(format!("#{b:02X}").as_bytes());
        }
    }
}

pub fn write_hex_string(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'<');
    for b in bytes {
        out.extend_from_slice(format!("{b:02X}").as_bytes());
    }
    out.push(b'>');
}

/// A number without an exponent, as PDF wants it.
pub fn format_real(r: f32) -> String {
    let text = format!("{:.4}", r);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text.is_empty() || text == "-" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// A PDF text string: UTF-16BE with its byte-order mark, for Vietnamese.
pub fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, lopdf::StringFormat::Hexadecimal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_numbers_have_no_exponent() {
        assert_eq!(format_real(0.0000001), "0");
        assert_eq!(format_real(12.5), "12.5");
        assert_eq!(format_real(-3.0), "-3");
    }

    #[test]
    fn consecutive_numbers_share_a_subsection() {
        let entries = [(3, 10), (4, 20), (9, 30)];
        let r = runs(&entries);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].len(), 2);
    }
}
