//! Checking a PDF's signatures: that each covers what it says, that the
//! digest and the CMS signature hold, and what was changed after it.
//!
//! This is vanban's own check, independent of the certificate's trust: it
//! says whether the bytes are as signed, not whether the signer is who the
//! certificate claims (that is the trust list's business, see the README).

use lopdf::{Dictionary, Document, Object, ObjectId};
use rsa::Pkcs1v15Sign;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::Fault;
use super::cms;
use super::keys::rsa_public_key;
use super::sign::{Role, load, signature_fields};

/// The signatures of a document, in the order they were made.
#[derive(Debug, Serialize)]
pub struct Report {
    pub signatures: Vec<SignatureReport>,
}

impl Report {
    /// Whether every signature holds and nothing unpermitted came after.
    pub fn all_valid(&self) -> bool {
        self.signatures.iter().all(SignatureReport::valid)
    }
}

#[derive(Debug, Serialize)]
pub struct SignatureReport {
    /// The signature field's name.
    pub field: String,
    /// "signer" or "body" for vanban's fields.
    pub role: Option<&'static str>,
    /// The common name of the signer's certificate.
    pub signer: Option<String>,
    /// The time the signature says it was made (its M entry), ISO 8601.
    pub time: Option<String>,
    pub reason: Option<String>,
    pub location: Option<String>,
    /// Offsets and lengths of the two signed ranges.
    pub byte_range: Vec<i64>,
    /// The ranges cover the whole revision but the signature itself.
    pub range_ok: bool,
    /// The document's bytes still give the digest that was signed.
    pub digest_ok: bool,
    /// The signer's key made the signature over that digest.
    pub signature_ok: bool,
    /// The document has bytes after this signature's revision.
    pub changed_after: bool,
    /// Those changes are only ones a signature permits: filling in the
    /// form and adding signatures. None when nothing changed.
    pub changes_permitted: Option<bool>,
    /// DocMDP permission level when this signature certifies the document.
    pub certification: Option<i64>,
    /// What is wrong, in Vietnamese, when something is.
    pub problem: Option<String>,
}

impl SignatureReport {
    pub fn valid(&self) -> bool {
        self.range_ok
            && self.digest_ok
            && self.signature_ok
            && self.changes_permitted != Some(false)
    }
}

/// Checks every signature of `pdf`.
pub fn verify(pdf: &[u8]) -> Result<Report, Fault> {
    let doc = load(pdf)?;
    let mut signatures: Vec<SignatureReport> = signature_fields(&doc)
        .into_iter()
        .filter(|(_, _, signed)| *signed)
        .filter_map(|(field, name, _)| {
            let sig = doc.get_dictionary(field).ok()?.get(b"V").ok()?;
            let (_, sig) = doc.dereference(sig).ok()?;
            Some(check_one(pdf, &doc, &name, sig.as_dict().ok()?))
        })
        .collect();
    signatures.sort_by_key(|s| s.byte_range.get(2).copied().unwrap_or(0));
    Ok(Report { signatures })
}

fn text(dict: &Dictionary, key: &[u8]) -> Option<String> {
    dict.get(key)
        .ok()
        .and_then(|o| lopdf::decode_text_string(o).ok())
}

fn check_one(pdf: &[u8], doc: &Document, field: &str, sig: &Dictionary) -> SignatureReport {
    let mut report = SignatureReport {
        field: field.to_owned(),
        role: Role::from_field_name(field).map(|r| match r {
            Role::Signer => "signer",
            Role::Body => "body",
        }),
        signer: None,
        time: text(sig, b"M").map(|m| iso_time(&m)),
        reason: text(sig, b"Reason"),
        location: text(sig, b"Location"),
        byte_range: Vec::new(),
        range_ok: false,
        digest_ok: false,
        signature_ok: false,
        changed_after: false,
        changes_permitted: None,
        certification: certification_level(doc, sig),
        problem: None,
    };
    let range: Vec<i64> = sig
        .get(b"ByteRange")
        .and_then(Object::as_array)
        .map(|a| a.iter().filter_map(|o| o.as_i64().ok()).collect())
        .unwrap_or_default();
    report.byte_range = range.clone();
    let [a, b, c, d] = range[..] else {
        report.problem = Some("chữ ký không ghi phạm vi được ký (ByteRange)".into());
        return report;
    };
    let usize_of = |v: i64| usize::try_from(v).ok();
    let (Some(a), Some(b), Some(c), Some(d)) = (usize_of(a), usize_of(b), usize_of(c), usize_of(d))
    else {
        report.problem = Some("phạm vi được ký (ByteRange) không hợp lệ".into());
        return report;
    };
    let end = c
        .checked_add(d)
        .filter(|&e| e <= pdf.len() && a == 0 && b < c);
    let Some(end) = end else {
        report.problem = Some("phạm vi được ký (ByteRange) vượt ra ngoài tệp".into());
        return report;
    };
    // The gap must be exactly the hex string of /Contents.
    let gap = &pdf[b..c];
    report.range_ok = gap.first() == Some(&b'<')
        && gap.last() == Some(&b'>')
        && gap[1..gap.len() - 1].iter().all(u8::is_ascii_hexdigit);
    report.changed_after = end < pdf.len();

    let contents = match sig.get(b"Contents").and_then(Object::as_str) {
        Ok(c) => c.to_vec(),
        Err(_) => {
            report.problem = Some("chữ ký không có nội dung (Contents)".into());
            return report;
        }
    };
    let parsed = match cms::parse(&contents) {
        Ok(p) => p,
        Err(_) => {
            report.problem = Some("không đọc được chữ ký CMS".into());
            return report;
        }
    };
    report.signer = parsed.signer.as_ref().map(cms::common_name);
    let mut hasher = Sha256::new();
    hasher.update(&pdf[..b]);
    hasher.update(&pdf[c..end]);
    let digest = hasher.finalize();
    report.digest_ok = parsed.digest_algorithm == cms::ID_SHA256
        && parsed.message_digest.as_deref() == Some(digest.as_slice());
    report.signature_ok = match (&parsed.signer, &parsed.signed_attributes) {
        (Some(cert), Some(attrs)) => rsa_public_key(cert).is_some_and(|key| {
            let hashed = Sha256::digest(attrs);
            matches!(parsed.signature_algorithm, o if o == cms::RSA_ENCRYPTION || o == cms::SHA256_WITH_RSA)
                && key
                    .verify(Pkcs1v15Sign::new::<Sha256>(), &hashed, &parsed.signature)
                    .is_ok()
        }),
        _ => false,
    };
    if report.changed_after {
        report.changes_permitted = Some(changes_permitted(pdf, end, doc));
    }
    report.problem = if !report.range_ok {
        Some("phạm vi được ký không phủ hết văn bản".into())
    } else if !report.digest_ok {
        Some("nội dung văn bản đã bị sửa sau khi ký (mã băm không khớp)".into())
    } else if !report.signature_ok {
        Some("chữ ký không khớp với chứng thư số của người ký".into())
    } else if report.changes_permitted == Some(false) {
        Some("văn bản bị sửa sau khi ký, ngoài việc điền số, ngày và ký thêm".into())
    } else {
        None
    };
    report
}

/// The P of the document's DocMDP, when `sig` is the certifying signature.
fn certification_level(doc: &Document, sig: &Dictionary) -> Option<i64> {
    let refs = sig.get(b"Reference").ok()?.as_array().ok()?;
    refs.iter().find_map(|r| {
        let (_, r) = doc.dereference(r).ok()?;
        let r = r.as_dict().ok()?;
        if r.get(b"TransformMethod").ok()?.as_name().ok()? != b"DocMDP" {
            return None;
        }
        let params = r.get(b"TransformParams").ok()?;
        let (_, params) = doc.dereference(params).ok()?;
        Some(params.as_dict().ok()?.get(b"P").ok()?.as_i64().unwrap_or(2))
    })
}

/// "D:20261127174500+00'00'" as "2026-11-27T17:45:00+00:00".
fn iso_time(m: &str) -> String {
    let d = m.trim_start_matches("D:");
    if d.len() < 14 || !d[..14].bytes().all(|b| b.is_ascii_digit()) {
        return m.to_owned();
    }
    let zone = match &d[14..] {
        "" | "Z" => "Z".to_owned(),
        z => z.trim_end_matches('\'').replace('\'', ":"),
    };
    format!(
        "{}-{}-{}T{}:{}:{}{zone}",
        &d[0..4],
        &d[4..6],
        &d[6..8],
        &d[8..10],
        &d[10..12],
        &d[12..14]
    )
}

/// Whether what was added after byte `end` only fills the form and adds
/// signatures: the changes DocMDP level 2 allows.
fn changes_permitted(pdf: &[u8], end: usize, now: &Document) -> bool {
    let Ok(then) = Document::load_mem(&pdf[..end]) else {
        return false;
    };
    now.objects
        .iter()
        .all(|(id, new)| match then.objects.get(id) {
            None => new_object_permitted(new),
            Some(old) if same(old, new) => true,
            Some(old) => change_permitted(&then, *id, old, new),
        })
}

/// New objects may be anything that is not a page or a catalog: fields,
/// widgets, appearances and their fonts, signatures.
fn new_object_permitted(new: &Object) -> bool {
    let kind = match new {
        Object::Dictionary(d) => d.get(b"Type").and_then(Object::as_name).ok(),
        _ => None,
    };
    !matches!(kind, Some(b"Page" | b"Pages" | b"Catalog"))
}

fn change_permitted(then: &Document, id: ObjectId, old: &Object, new: &Object) -> bool {
    match (old, new) {
        // A page's annotation list, or the form's field list: only additions.
        (Object::Array(old), Object::Array(new)) => keeps_all(old, new),
        (Object::Dictionary(old), Object::Dictionary(new)) => {
            let kind = old.get(b"Type").and_then(Object::as_name).ok();
            let is_form = then
                .catalog()
                .ok()
                .and_then(|c| c.get(b"AcroForm").ok())
                .and_then(|f| f.as_reference().ok())
                == Some(id);
            let allowed: &[&[u8]] = if kind == Some(b"Catalog") {
                &[b"AcroForm"]
            } else if kind == Some(b"Page") {
                &[b"Annots"]
            } else if is_form {
                &[b"Fields", b"SigFlags", b"DR", b"DA", b"NeedAppearances"]
            } else if fillable(old) {
                &[b"V", b"AP"]
            } else {
                &[]
            };
            let keys = old.iter().map(|(k, _)| k).chain(new.iter().map(|(k, _)| k));
            for key in keys {
                let (a, b) = (old.get(key).ok(), new.get(key).ok());
                let equal = match (a, b) {
                    (Some(a), Some(b)) => same(a, b),
                    (None, None) => true,
                    _ => false,
                };
                if equal {
                    continue;
                }
                if !allowed.contains(&key.as_slice()) {
                    return false;
                }
                if matches!(key.as_slice(), b"Annots" | b"Fields")
                    && let (Some(Object::Array(a)), Some(Object::Array(b))) = (a, b)
                    && !keeps_all(a, b)
                {
                    return false;
                }
            }
            true
        }
        _ => false,
    }
}

/// A text field, or a signature field still empty: fields whose value and
/// appearance may be filled in.
fn fillable(field: &Dictionary) -> bool {
    match field.get(b"FT").and_then(Object::as_name) {
        Ok(b"Tx") => true,
        Ok(b"Sig") => !field.has(b"V"),
        _ => false,
    }
}

/// Every item of `old` is still in `new`.
fn keeps_all(old: &[Object], new: &[Object]) -> bool {
    old.iter().all(|o| new.iter().any(|n| same(o, n)))
}

/// Equality of values, whatever the spelling of strings.
fn same(a: &Object, b: &Object) -> bool {
    match (a, b) {
        (Object::String(a, _), Object::String(b, _)) => a == b,
        (Object::Array(a), Object::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
        }
        (Object::Dictionary(a), Object::Dictionary(b)) => same_dict(a, b),
        (Object::Stream(a), Object::Stream(b)) => {
            a.content == b.content && same_dict(&a.dict, &b.dict)
        }
        (Object::Real(a), Object::Integer(b)) | (Object::Integer(b), Object::Real(a)) => {
            (*a - *b as f32).abs() < 1e-3
        }
        _ => a == b,
    }
}

fn same_dict(a: &Dictionary, b: &Dictionary) -> bool {
    a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_ok_and(|w| same(v, w)))
}
