//! Signing a PDF: a PAdES baseline B-B signature in an incremental update.
//!
//! The signer's signature comes first and certifies the document (DocMDP,
//! P = 2): later form filling and signing stay permitted, anything else
//! breaks it. The issuing body's signature comes after the records office
//! has filled the number and date in, as an approval signature.

use std::time::SystemTime;

use lopdf::{Dictionary, Document, Object, ObjectId};
use sha2::{Digest, Sha256};

use super::cms;
use super::facts::{self, Area, Facts};
use super::incremental::{Update, Written, text_string, write_hex_string};
use super::keys::{Signer, check_certificate};
use super::{Fault, fault};

/// Who signs, which decides the field and what the signature permits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The person with authority who signs the document (người ký).
    Signer,
    /// The issuing body, signed by the records office (cơ quan ban hành).
    Body,
}

impl Role {
    /// The signature field's name, which tells later readers the role.
    pub fn field_name(self) -> &'static str {
        match self {
            Self::Signer => "NguoiKy",
            Self::Body => "CoQuanBanHanh",
        }
    }

    pub fn from_field_name(name: &str) -> Option<Self> {
        [Self::Signer, Self::Body]
            .into_iter()
            .find(|r| r.field_name() == name)
    }

    /// In Vietnamese, for messages and reports.
    pub fn label(self) -> &'static str {
        match self {
            Self::Signer => "người ký",
            Self::Body => "cơ quan ban hành",
        }
    }
}

/// Signs `pdf` as `role` at `time`; the result is `pdf` with an update
/// appended. `pdf` must have been made by vanban.
pub fn sign(pdf: &[u8], key: &dyn Signer, role: Role, time: SystemTime) -> Result<Vec<u8>, Fault> {
    let doc = load(pdf)?;
    let facts = facts::read(pdf, &doc)?;
    sign_loaded(pdf, &doc, &facts, key, role, time, |_, _| Ok(()))
}

/// Reads a PDF, refusing what cannot be signed.
pub fn load(pdf: &[u8]) -> Result<Document, Fault> {
    let doc = Document::load_mem(pdf).map_err(|_| {
        fault(
            "không đọc được tệp PDF",
            "kiểm tra đây đúng là tệp PDF, không bị cắt dở",
        )
    })?;
    if doc.is_encrypted() {
        return Err(fault(
            "tệp PDF có mật khẩu bảo vệ, không ký được",
            "ký bản PDF không đặt mật khẩu do vanban tạo ra",
        ));
    }
    Ok(doc)
}

/// The signature fields of a document with their names and whether they
/// hold a signature.
pub fn signature_fields(doc: &Document) -> Vec<(ObjectId, String, bool)> {
    let mut out = Vec::new();
    for id in form_fields(doc) {
        let Ok(field) = doc.get_dictionary(id) else {
            continue;
        };
        if field.get(b"FT").and_then(Object::as_name).ok() != Some(b"Sig".as_slice()) {
            continue;
        }
        let name = field
            .get(b"T")
            .ok()
            .and_then(|t| lopdf::decode_text_string(t).ok())
            .unwrap_or_default();
        out.push((id, name, field.has(b"V")));
    }
    out
}

/// Every field of the document's form, by reference.
pub fn form_fields(doc: &Document) -> Vec<ObjectId> {
    let Some(form) = acro_form(doc) else {
        return Vec::new();
    };
    let Ok((_, Object::Array(fields))) = form.get(b"Fields").and_then(|o| doc.dereference(o))
    else {
        return Vec::new();
    };
    fields
        .iter()
        .filter_map(|f| f.as_reference().ok())
        .collect()
}

fn acro_form(doc: &Document) -> Option<&Dictionary> {
    let catalog = doc.catalog().ok()?;
    let (_, form) = doc.dereference(catalog.get(b"AcroForm").ok()?).ok()?;
    form.as_dict().ok()
}

/// Signs a loaded document. `extra` adds objects of its own to the update
/// before it is signed (the records office's filled fields).
pub(crate) fn sign_loaded(
    pdf: &[u8],
    doc: &Document,
    facts: &Facts,
    key: &dyn Signer,
    role: Role,
    time: SystemTime,
    extra: impl FnOnce(&mut Update, &mut FormChanges) -> Result<(), Fault>,
) -> Result<Vec<u8>, Fault> {
    let existing = signature_fields(doc);
    let signed_as = |r: Role| existing.iter().any(|(_, n, v)| *v && n == r.field_name());
    if role == Role::Signer && signed_as(Role::Body) {
        return Err(fault(
            "văn bản đã được cơ quan ban hành ký số, người ký không ký thêm được",
            "người ký ký trước, văn thư cấp số và ký số của cơ quan ban hành sau",
        ));
    }
    if signed_as(role) {
        return Err(match role {
            Role::Signer => fault(
                "văn bản đã có chữ ký số của người ký",
                "văn bản chỉ cần một chữ ký của người ký; bước tiếp theo là `vanban issue` của văn thư",
            ),
            Role::Body => fault(
                "văn bản đã có chữ ký số của cơ quan ban hành: văn bản đã được ban hành",
                "không ký hay cấp số lại văn bản đã ban hành; nếu cần sửa, ban hành văn bản mới",
            ),
        });
    }
    check_certificate(key.certificate(), time)?;

    let mut update = Update::new(pdf, doc);
    let mut changes = FormChanges::default();
    extra(&mut update, &mut changes)?;
    if role == Role::Signer {
        super::forms::add_blank_fields(doc, &mut update, &mut changes, facts);
    }

    let certify = role == Role::Signer && !existing.iter().any(|(_, _, v)| *v);
    let sig_id = update.reserve();
    let empty_field = existing
        .iter()
        .find(|(_, name, signed)| !*signed && name == role.field_name())
        .map(|(id, _, _)| *id);
    match empty_field {
        // A field made for this signature when the document was certified.
        Some(id) => {
            let mut field = doc.get_dictionary(id).map_err(|_| broken())?.clone();
            field.set("V", sig_id);
            update.set(id, Object::Dictionary(field));
        }
        None => {
            let area = area_of(role, facts);
            let field_id = add_signature_field(&mut update, role, Some(sig_id), area);
            changes.fields.push(field_id);
            changes.annotations.push((area.page, field_id));
        }
    }
    // After a certification only fields that were there before may take a
    // visible signature: the body's field is made now, empty.
    if certify
        && !existing
            .iter()
            .any(|(_, n, _)| n == Role::Body.field_name())
    {
        let area = area_of(Role::Body, facts);
        let field_id = add_signature_field(&mut update, Role::Body, None, area);
        changes.fields.push(field_id);
        changes.annotations.push((area.page, field_id));
    }
    if !changes.fields.is_empty() || certify {
        apply_form_changes(doc, &mut update, &changes, certify.then_some(sig_id))?;
    }

    let reason = match role {
        Role::Signer => format!("Ký số văn bản {}", facts.number_text),
        Role::Body => format!("Ban hành văn bản {}", facts.number_text),
    };
    let cms_len = estimate_cms_len(key)?;
    update.set_raw(
        sig_id,
        signature_dictionary(&reason, &facts.place, key, time, cms_len, certify),
    );
    let written = update.write();
    fill_signature(written, sig_id, key)
}

/// Fields and annotations an update adds, and whether it changes the
/// catalog's permissions.
#[derive(Default)]
pub struct FormChanges {
    pub fields: Vec<ObjectId>,
    /// (page, annotation) pairs to add to the pages' /Annots.
    pub annotations: Vec<(ObjectId, ObjectId)>,
    /// Text fields are among the fields: the form needs a default font.
    pub text_fields: bool,
}

/// Where each role's signature goes: the signer's on the signature
/// picture, or in the space between title and name when there is none; the
/// body's on the seal picture, or over about a third of that space, on its
/// left.
fn area_of(role: Role, facts: &Facts) -> Area {
    match (role, facts.signature_image, facts.seal_image) {
        (Role::Signer, Some(picture), _) | (Role::Body, _, Some(picture)) => picture,
        (Role::Signer, None, _) => facts.signature,
        (Role::Body, _, None) => {
            let [l, b, r, t] = facts.signature.rect;
            let side = (t - b).min(r - l);
            let right = l + (r - l) / 3.0;
            Area {
                page: facts.signature.page,
                rect: [right - side, b, right, t],
            }
        }
    }
}

fn broken() -> Fault {
    fault(
        "cấu trúc tệp PDF bị hỏng, không ký được",
        "tạo lại văn bản bằng `vanban render`",
    )
}

/// A signature field with its widget; empty, for a later signer, when
/// `sig_id` is None.
fn add_signature_field(
    update: &mut Update,
    role: Role,
    sig_id: Option<ObjectId>,
    area: Area,
) -> ObjectId {
    let [l, b, r, t] = area.rect;
    let mut appearance = Dictionary::new();
    appearance.set("Type", Object::Name(b"XObject".to_vec()));
    appearance.set("Subtype", Object::Name(b"Form".to_vec()));
    appearance.set(
        "BBox",
        vec![0.into(), 0.into(), (r - l).into(), (t - b).into()],
    );
    appearance.set("Resources", Dictionary::new());
    let appearance = update.add(Object::Stream(lopdf::Stream::new(appearance, Vec::new())));
    let mut ap = Dictionary::new();
    ap.set("N", appearance);

    let mut field = Dictionary::new();
    field.set("Type", Object::Name(b"Annot".to_vec()));
    field.set("Subtype", Object::Name(b"Widget".to_vec()));
    field.set("FT", Object::Name(b"Sig".to_vec()));
    field.set("T", text_string(role.field_name()));
    field.set(
        "TU",
        text_string(&format!("Chữ ký số của {}", role.label())),
    );
    if let Some(sig_id) = sig_id {
        field.set("V", sig_id);
    }
    // Print, and Locked once signed.
    field.set("F", if sig_id.is_some() { 132 } else { 4 });
    field.set("Rect", vec![l.into(), b.into(), r.into(), t.into()]);
    field.set("P", area.page);
    field.set("AP", ap);
    update.add(Object::Dictionary(field))
}

/// Adds fields to the form and annotations to their pages; with
/// `certification`, makes that signature the document's DocMDP one.
pub(crate) fn apply_form_changes(
    doc: &Document,
    update: &mut Update,
    changes: &FormChanges,
    certification: Option<ObjectId>,
) -> Result<(), Fault> {
    let root = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|_| broken())?;
    let mut catalog = doc.get_dictionary(root).map_err(|_| broken())?.clone();

    // The form: in its own object if it has one, else a new one.
    let (form_id, mut form) = match catalog.get(b"AcroForm") {
        Ok(Object::Reference(id)) => (
            Some(*id),
            doc.get_dictionary(*id).map_err(|_| broken())?.clone(),
        ),
        Ok(Object::Dictionary(d)) => (None, d.clone()),
        _ => (None, Dictionary::new()),
    };
    let mut fields = match form.get(b"Fields").map(|o| doc.dereference(o)) {
        Ok(Ok((_, Object::Array(a)))) => a.clone(),
        _ => Vec::new(),
    };
    fields.extend(changes.fields.iter().map(|&f| Object::Reference(f)));
    form.set("Fields", fields);
    form.set("SigFlags", 3);
    if changes.text_fields && !form.has(b"DR") {
        let mut helvetica = Dictionary::new();
        helvetica.set("Type", Object::Name(b"Font".to_vec()));
        helvetica.set("Subtype", Object::Name(b"Type1".to_vec()));
        helvetica.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
        helvetica.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
        let mut fonts = Dictionary::new();
        fonts.set("Helv", helvetica);
        let mut resources = Dictionary::new();
        resources.set("Font", fonts);
        form.set("DR", resources);
        form.set("DA", Object::string_literal("/Helv 0 Tf 0 g"));
    }
    let form_id = match form_id {
        Some(id) => {
            update.set(id, Object::Dictionary(form));
            id
        }
        None => update.add(Object::Dictionary(form)),
    };
    let mut catalog_changed =
        !matches!(catalog.get(b"AcroForm"), Ok(Object::Reference(id)) if *id == form_id);
    catalog.set("AcroForm", form_id);
    if let Some(sig) = certification {
        let mut perms = Dictionary::new();
        perms.set("DocMDP", sig);
        catalog.set("Perms", perms);
        catalog_changed = true;
    }
    if catalog_changed {
        update.set(root, Object::Dictionary(catalog));
    }

    let mut pages: Vec<ObjectId> = changes.annotations.iter().map(|(p, _)| *p).collect();
    pages.dedup();
    for page_id in pages {
        let new: Vec<Object> = changes
            .annotations
            .iter()
            .filter(|(p, _)| *p == page_id)
            .map(|(_, a)| Object::Reference(*a))
            .collect();
        let mut page = doc.get_dictionary(page_id).map_err(|_| broken())?.clone();
        match page.get(b"Annots") {
            Ok(Object::Reference(list)) => {
                let list = *list;
                let mut annots = doc
                    .get_object(list)
                    .and_then(Object::as_array)
                    .map_err(|_| broken())?
                    .clone();
                annots.extend(new);
                update.set(list, Object::Array(annots));
            }
            Ok(Object::Array(a)) => {
                let mut annots = a.clone();
                annots.extend(new);
                page.set("Annots", annots);
                update.set(page_id, Object::Dictionary(page));
            }
            _ => {
                page.set("Annots", new);
                update.set(page_id, Object::Dictionary(page));
            }
        }
    }
    Ok(())
}

/// The CMS signature's size for this key, from a trial with zeros: only
/// the values differ in the real one, not their lengths.
fn estimate_cms_len(key: &dyn Signer) -> Result<usize, Fault> {
    let attrs = cms::signed_attributes(&[0; 32], key.certificate()).map_err(der_fault)?;
    let trial = cms::signed_data(
        key.certificate(),
        key.chain(),
        attrs,
        vec![0; key.signature_len()],
    )
    .map_err(der_fault)?;
    Ok(trial.len() + 64)
}

fn der_fault(e: der::Error) -> Fault {
    fault(
        format!("không tạo được chữ ký CMS: {e}"),
        "chứng thư số có thể bị hỏng; thử xuất lại tệp chứng thư số",
    )
}

/// Width of each ByteRange number: a PDF up to 10 GB.
const RANGE_DIGITS: usize = 10;

fn signature_dictionary(
    reason: &str,
    location: &str,
    key: &dyn Signer,
    time: SystemTime,
    cms_len: usize,
    certify: bool,
) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(b"<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached");
    let zeros = "0".repeat(RANGE_DIGITS);
    out.extend_from_slice(format!("/ByteRange [0 {zeros} {zeros} {zeros}]").as_bytes());
    out.extend_from_slice(b"/Contents <");
    out.extend(std::iter::repeat_n(b'0', cms_len * 2));
    out.extend_from_slice(b">/M ");
    super::incremental::write_object(
        &mut out,
        &Object::String(pdf_date(time).into_bytes(), lopdf::StringFormat::Literal),
    );
    out.extend_from_slice(b"/Reason ");
    super::incremental::write_object(&mut out, &text_string(reason));
    out.extend_from_slice(b"/Location ");
    super::incremental::write_object(&mut out, &text_string(location));
    out.extend_from_slice(b"/Name ");
    super::incremental::write_object(&mut out, &text_string(&cms::common_name(key.certificate())));
    if certify {
        out.extend_from_slice(
            b"/Reference [<</Type/SigRef/TransformMethod/DocMDP/TransformParams<</Type/TransformParams/P 2/V/1.2>>>>]",
        );
    }
    out.extend_from_slice(b">>");
    out
}

/// "D:20201105083000+00'00'", the PDF's way of writing a time (UTC).
pub fn pdf_date(time: SystemTime) -> String {
    let secs = time
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    chrono::DateTime::from_timestamp(i64::try_from(secs).unwrap_or(0), 0)
        .map(|t| t.format("D:%Y%m%d%H%M%S+00'00'").to_string())
        .unwrap_or_else(|| "D:19700101000000+00'00'".to_owned())
}

/// Fills the ByteRange and Contents of the laid-out signature dictionary:
/// the digest covers every byte but the Contents string.
fn fill_signature(written: Written, sig_id: ObjectId, key: &dyn Signer) -> Result<Vec<u8>, Fault> {
    let internal = || {
        fault(
            "lỗi nội bộ khi đặt chữ ký vào tệp PDF",
            "báo lỗi này cho người phát triển vanban",
        )
    };
    let start = written.offset(sig_id).ok_or_else(internal)?;
    let mut bytes = written.bytes;
    let find = |bytes: &[u8], needle: &[u8]| {
        bytes[start..]
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|p| start + p + needle.len())
    };
    let range_at = find(&bytes, b"/ByteRange [").ok_or_else(internal)? - 1;
    let contents_open = find(&bytes, b"/Contents <").ok_or_else(internal)? - 1;
    let contents_close = bytes[contents_open..]
        .iter()
        .position(|&b| b == b'>')
        .map(|p| contents_open + p + 1)
        .ok_or_else(internal)?;
    let total = bytes.len();
    let range = [0, contents_open, contents_close, total - contents_close];
    let placeholder_len = format!("[0 {0} {0} {0}]", "0".repeat(RANGE_DIGITS)).len();
    let mut text = format!("[{} {} {} {}]", range[0], range[1], range[2], range[3]);
    if text.len() > placeholder_len {
        return Err(internal());
    }
    text.extend(std::iter::repeat_n(' ', placeholder_len - text.len()));
    bytes[range_at..range_at + placeholder_len].copy_from_slice(text.as_bytes());

    let mut hasher = Sha256::new();
    hasher.update(&bytes[..contents_open]);
    hasher.update(&bytes[contents_close..]);
    let digest: [u8; 32] = hasher.finalize().into();

    let attrs = cms::signed_attributes(&digest, key.certificate()).map_err(der_fault)?;
    let to_sign: [u8; 32] = Sha256::digest(der::Encode::to_der(&attrs).map_err(der_fault)?).into();
    let signature = key.sign_digest(&to_sign)?;
    let cms =
        cms::signed_data(key.certificate(), key.chain(), attrs, signature).map_err(der_fault)?;
    let room = (contents_close - contents_open - 2) / 2;
    if cms.len() > room {
        return Err(internal());
    }
    let mut hex = Vec::with_capacity(room * 2 + 2);
    write_hex_string(&mut hex, &cms);
    // Zeros pad the rest of the reserved room.
    hex.pop();
    hex.extend(std::iter::repeat_n(b'0', (room - cms.len()) * 2));
    hex.push(b'>');
    bytes[contents_open..contents_close].copy_from_slice(&hex);
    Ok(bytes)
}
