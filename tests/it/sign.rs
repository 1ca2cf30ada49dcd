//! Signing: every signature vanban makes validates with two independent
//! verifiers, poppler's pdfsig and pyHanko, and with `vanban verify`;
//! tampering is caught by all three.

use std::path::Path;
use std::process::Command;
use std::time::SystemTime;

use crate::common::*;
use crate::keys::{self, Identity};
use vanban::pdf::{self, Role, SoftwareKey};

/// Whether an external tool is there. Without it the test is skipped
/// with a note, unless VANBAN_REQUIRE_TOOLS=1 (as in CI) makes it fail.
pub fn tool(name: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("VANBAN_REQUIRE_TOOLS").as_deref() != Ok("1"),
            "{name} is required (VANBAN_REQUIRE_TOOLS=1) but not installed; run .ci/install-tools"
        );
        eprintln!("note: {name} is not installed; its checks are skipped (see .ci/install-tools)");
    }
    found
}

pub fn reference_pdf() -> Vec<u8> {
    make_pdf(REFERENCE, &read(REFERENCE))
}

pub fn key_of(id: &Identity) -> SoftwareKey {
    SoftwareKey::from_pkcs12(&keys::pkcs12(id), keys::PASSWORD).expect("the PKCS#12 file opens")
}

pub fn sign_as(pdf: &[u8], id: &Identity, role: Role) -> Vec<u8> {
    pdf::sign(pdf, &key_of(id), role, SystemTime::now()).expect("signs")
}

/// What pdfsig says of each signature: (validation line, whole document?).
pub fn pdfsig(path: &Path) -> Vec<(String, bool)> {
    let out = Command::new("pdfsig")
        .arg(path)
        .output()
        .expect("pdfsig runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut sigs = Vec::new();
    for block in text.split("Signature #").skip(1) {
        // An empty field, waiting for the body's signature.
        if block.contains("The signature form field is not signed.") {
            continue;
        }
        let validation = block
            .lines()
            .find_map(|l| l.trim().strip_prefix("- Signature Validation: "))
            .unwrap_or("?")
            .to_owned();
        let total = block.contains("Total document signed");
        sigs.push((validation, total));
    }
    sigs
}

/// What pyHanko says of each signature, as JSON objects.
pub fn pyhanko(path: &Path, trust: &Path) -> Vec<serde_json::Value> {
    let script = crate::common::path("tests/data/pyhanko-validate.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(path)
        .arg(trust)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "pyhanko script failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON from the script")
}

pub fn pyhanko_available() -> bool {
    tool("python3")
        && (Command::new("python3")
            .args(["-c", "import pyhanko.sign.validation"])
            .output()
            .is_ok_and(|o| o.status.success())
            || {
                assert!(
                    std::env::var("VANBAN_REQUIRE_TOOLS").as_deref() != Ok("1"),
                    "pyHanko is required (VANBAN_REQUIRE_TOOLS=1) but not installed"
                );
                eprintln!("note: pyHanko is not installed; its checks are skipped");
                false
            })
}

/// Checks `pdf` with both validators: every signature intact and valid,
/// the last covering the whole file; returns pyHanko's verdicts.
pub fn assert_validates(pdf: &[u8], expected: usize) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("signed.pdf");
    std::fs::write(&file, pdf).expect("written");
    if tool("pdfsig") {
        let sigs = pdfsig(&file);
        assert_eq!(sigs.len(), expected, "pdfsig sees every signature");
        for (i, (validation, total)) in sigs.iter().enumerate() {
            assert_eq!(
                validation,
                "Signature is Valid.",
                "pdfsig, signature {}",
                i + 1
            );
            assert_eq!(
                *total,
                i + 1 == expected,
                "pdfsig: only the last covers the whole file"
            );
        }
    }
    let mut verdicts = Vec::new();
    if pyhanko_available() {
        let trust = keys::write_ca_pem(dir.path());
        verdicts = pyhanko(&file, &trust);
        assert_eq!(verdicts.len(), expected, "pyHanko sees every signature");
        for v in &verdicts {
            assert_eq!(v["intact"], true, "pyHanko: intact: {v}");
            assert_eq!(v["valid"], true, "pyHanko: valid: {v}");
            assert_eq!(
                v["trusted"], true,
                "pyHanko: trusted through the test CA: {v}"
            );
            assert_eq!(v["pades_b_b"], true, "pyHanko: a PAdES B-B signature: {v}");
        }
    }
    let report = pdf::verify(pdf).expect("vanban verify reads it");
    assert_eq!(report.signatures.len(), expected);
    assert!(report.all_valid(), "vanban verify: {report:?}");
    verdicts
}

#[test]
fn a_signed_document_validates_with_pdfsig_pyhanko_and_vanban() {
    let original = reference_pdf();
    let signed = sign_as(&original, &keys::signer(), Role::Signer);
    assert!(
        signed.starts_with(&original),
        "an incremental update keeps the original bytes"
    );
    let verdicts = assert_validates(&signed, 1);
    if let Some(v) = verdicts.first() {
        assert_eq!(v["field"], "NguoiKy");
        assert_eq!(v["coverage"], "ENTIRE_FILE");
        assert_eq!(
            v["docmdp"], 2,
            "the signer certifies, permitting form filling"
        );
    }
    let report = pdf::verify(&signed).expect("verifies");
    let s = &report.signatures[0];
    assert_eq!(s.signer.as_deref(), Some("Phan Hữu Hoàn"));
    assert_eq!(s.reason.as_deref(), Some("Ký số văn bản Số 15-KL/HU"));
    assert_eq!(s.location.as_deref(), Some("Đơn Dương"));
    assert_eq!(s.role, Some("signer"));
    assert!(!s.changed_after);
    assert_eq!(s.certification, Some(2));
    assert_eq!(s.byte_range[0], 0);
    assert_eq!((s.byte_range[2] + s.byte_range[3]) as usize, signed.len());
}

#[test]
fn the_signature_sits_in_the_space_between_title_and_name() {
    let signed = sign_as(&reference_pdf(), &keys::signer(), Role::Signer);
    let doc = lopdf::Document::load_mem(&signed).expect("loads");
    let facts = pdf::facts::read(&signed, &doc).expect("facts");
    let widget = field(&doc, "NguoiKy").expect("the signer's widget");
    let rect: Vec<f32> = widget
        .get(b"Rect")
        .and_then(|r| r.as_array())
        .expect("a rect")
        .iter()
        .map(|n| n.as_float().expect("a number"))
        .collect();
    for (a, b) in rect.iter().zip(facts.signature.rect) {
        assert!(
            (a - b).abs() < 0.01,
            "{rect:?} is where the marks say: {:?}",
            facts.signature.rect
        );
    }
    // Compare with the layout: the rect lies between the signer's title
    // and name, across the signature column.
    let layout = example_layout(REFERENCE);
    let (_, page_h) = layout.pages[layout.page_count() - 1];
    let title = layout.find("PHÓ BÍ THƯ");
    let name = layout.find("Phan Hữu Hoàn");
    let top_mm = page_h - pt_to_mm(f64::from(rect[3]));
    let bottom_mm = page_h - pt_to_mm(f64::from(rect[1]));
    assert!(
        top_mm > title.y && top_mm < title.y + 3.0,
        "top {top_mm} under the title at {}",
        title.y
    );
    assert!(
        bottom_mm < name.y && bottom_mm > name.y - 8.0,
        "bottom {bottom_mm} over the name at {}",
        name.y
    );
    let centre = pt_to_mm(f64::from(rect[0] + rect[2]) / 2.0);
    close(centre, name.centre(), "the field is centred on the name");
    let page = doc.get_pages().into_values().last().expect("a last page");
    assert_eq!(facts.signature.page, page, "on the last page");
}

#[test]
fn signer_then_body_both_validate_and_each_covers_its_revision() {
    let original = reference_pdf();
    let by_signer = sign_as(&original, &keys::signer(), Role::Signer);
    let by_body = sign_as(&by_signer, &keys::body(), Role::Body);
    assert!(by_body.starts_with(&by_signer));
    let verdicts = assert_validates(&by_body, 2);
    if !verdicts.is_empty() {
        assert_eq!(verdicts[0]["coverage"], "ENTIRE_REVISION");
        assert_eq!(
            verdicts[0]["modification_level"], "FORM_FILLING",
            "the body's signature is a permitted change"
        );
        assert_eq!(verdicts[0]["docmdp_ok"], true);
        assert_eq!(verdicts[1]["coverage"], "ENTIRE_FILE");
    }
    let report = pdf::verify(&by_body).expect("verifies");
    let [first, second] = &report.signatures[..] else {
        panic!("two signatures: {report:?}");
    };
    assert_eq!(first.signer.as_deref(), Some("Phan Hữu Hoàn"));
    assert_eq!(
        (first.byte_range[2] + first.byte_range[3]) as usize,
        by_signer.len()
    );
    assert!(first.changed_after);
    assert_eq!(first.changes_permitted, Some(true));
    assert_eq!(second.signer.as_deref(), Some("Huyện ủy Đơn Dương"));
    assert_eq!(second.role, Some("body"));
    assert_eq!(
        second.reason.as_deref(),
        Some("Ban hành văn bản Số 15-KL/HU")
    );
    assert!(!second.changed_after);
}

/// The form field named `name`.
pub fn field<'a>(doc: &'a lopdf::Document, name: &str) -> Option<&'a lopdf::Dictionary> {
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .find(|d| {
            d.get(b"T")
                .and_then(lopdf::decode_text_string)
                .ok()
                .as_deref()
                == Some(name)
        })
}

/// The PDF with one byte changed inside the first signed range, in the
/// middle of the first long stream (the first page's content).
pub fn tamper(pdf: &[u8]) -> Vec<u8> {
    let mut bad = pdf.to_vec();
    let mut from = 0;
    loop {
        let start = from
            + bad[from..]
                .windows(7)
                .position(|w| w == b"stream\n")
                .expect("a stream")
            + 7;
        let end = start
            + bad[start..]
                .windows(9)
                .position(|w| w == b"endstream")
                .expect("its end");
        if end - start > 1000 {
            bad[(start + end) / 2] ^= 0x01;
            return bad;
        }
        from = end;
    }
}

#[test]
fn one_changed_byte_is_caught_by_every_verifier() {
    let signed = sign_as(
        &sign_as(&reference_pdf(), &keys::signer(), Role::Signer),
        &keys::body(),
        Role::Body,
    );
    let bad = tamper(&signed);
    let report = pdf::verify(&bad).expect("still readable");
    assert_eq!(report.signatures.len(), 2);
    assert!(!report.all_valid());
    for s in &report.signatures {
        assert!(!s.digest_ok, "each signature's digest breaks: {s:?}");
        assert_eq!(
            s.problem.as_deref(),
            Some("nội dung văn bản đã bị sửa sau khi ký (mã băm không khớp)")
        );
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("bad.pdf");
    std::fs::write(&file, &bad).expect("written");
    if tool("pdfsig") {
        for (validation, _) in pdfsig(&file) {
            assert_eq!(validation, "Digest Mismatch.");
        }
    }
    if pyhanko_available() {
        let trust = keys::write_ca_pem(dir.path());
        let verdicts = pyhanko(&file, &trust);
        assert_eq!(verdicts.len(), 2);
        for v in verdicts {
            assert_eq!(
                v["intact"], false,
                "pyHanko: the digest no longer matches: {v}"
            );
            assert_eq!(v["bottom_line"], false, "pyHanko: {v}");
        }
    }
}

#[test]
fn a_change_after_signing_that_is_not_form_filling_is_reported() {
    let signed = sign_as(&reference_pdf(), &keys::signer(), Role::Signer);
    // Turn the first page: a change no signature permits.
    let doc = lopdf::Document::load_mem(&signed).expect("loads");
    let page = *doc.get_pages().values().next().expect("a page");
    let mut turned = doc.get_dictionary(page).expect("the page").clone();
    turned.set("Rotate", 90);
    let mut update = vanban::pdf::incremental::Update::new(&signed, &doc);
    update.set(page, lopdf::Object::Dictionary(turned));
    let changed = update.write().bytes;

    let report = pdf::verify(&changed).expect("verifies");
    let s = &report.signatures[0];
    assert!(s.digest_ok && s.signature_ok, "the signed bytes are intact");
    assert!(s.changed_after);
    assert_eq!(s.changes_permitted, Some(false));
    assert_eq!(
        s.problem.as_deref(),
        Some("văn bản bị sửa sau khi ký, ngoài việc điền số, ngày và ký thêm")
    );
    assert!(!report.all_valid());

    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("changed.pdf");
    std::fs::write(&file, &changed).expect("written");
    if tool("pdfsig") {
        // pdfsig checks the bytes, not what was changed after them.
        assert_eq!(
            pdfsig(&file),
            vec![("Signature is Valid.".to_owned(), false)]
        );
    }
    if pyhanko_available() {
        let trust = keys::write_ca_pem(dir.path());
        let v = &pyhanko(&file, &trust)[0];
        assert_eq!(v["intact"], true, "{v}");
        assert_eq!(v["docmdp_ok"], false, "pyHanko: outside DocMDP P=2: {v}");
        assert_eq!(v["bottom_line"], false, "{v}");
    }
}

#[test]
fn a_pdf_with_a_cross_reference_stream_gets_one_in_its_update() {
    if !tool("qpdf") {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let plain = dir.path().join("plain.pdf");
    let packed = dir.path().join("packed.pdf");
    std::fs::write(&plain, reference_pdf()).expect("written");
    let out = Command::new("qpdf")
        .args(["--object-streams=generate"])
        .arg(&plain)
        .arg(&packed)
        .output()
        .expect("qpdf runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let original = std::fs::read(&packed).expect("read");
    let signed = sign_as(&original, &keys::signer(), Role::Signer);
    let update = &signed[original.len()..];
    assert!(
        update
            .windows(10)
            .any(|w| w == b"/Type/XRef" || w == b"/Type /XRe"),
        "the update's cross-reference is a stream, like the original's"
    );
    assert!(!update.windows(5).any(|w| w == b"\nxref"), "no xref table");
    assert_validates(&signed, 1);
}
