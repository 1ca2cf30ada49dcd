//! What signing learns from the document itself: the signature fields on
//! the signature and seal pictures, the reason and place from the source
//! the PDF carries; and the records office's step on a document nobody has
//! signed yet: made again from its source with the number and date in.

use std::time::SystemTime;

use vanban::pdf::{self, Role};
use vanban::pipeline::{self, Job};
use vanban::{Engine, Input};

use crate::common::*;
use crate::eoriginal::pictures;
use crate::keys;
use crate::sign::{field, key_of};

/// The electronic original with a signature picture and a seal.
const WITH_PICTURES: &str = "examples/thong-bao-dien-tu.toml";

/// Millimetres in a PDF point.
const MM_PER_PT: f64 = 25.4 / 72.0;

/// A field's widget rectangle, in mm from the page's top-left corner:
/// (left, top, width, height).
fn widget_mm(doc: &lopdf::Document, name: &str, page_height_pt: f64) -> (f64, f64, f64, f64) {
    let rect: Vec<f64> = field(doc, name)
        .unwrap_or_else(|| panic!("no field {name}"))
        .get(b"Rect")
        .and_then(lopdf::Object::as_array)
        .expect("a rectangle")
        .iter()
        .map(|n| f64::from(n.as_float().expect("a number")))
        .collect();
    let [l, b, r, t] = rect[..] else {
        panic!("{rect:?}")
    };
    (
        l * MM_PER_PT,
        (page_height_pt - t) * MM_PER_PT,
        (r - l) * MM_PER_PT,
        (t - b) * MM_PER_PT,
    )
}

#[test]
fn the_signature_fields_sit_on_the_pictures() {
    let input = Input::file(&path(WITH_PICTURES)).expect("readable");
    let made = pipeline::make(&Engine::new(), &Job::default(), &input)
        .result
        .expect("made");
    // Laid out: the signature first, the seal over it.
    let found = pictures(&made.compiled, 1);
    let [signature, seal] = found[..] else {
        panic!("{found:?}")
    };
    let page_height = made.compiled.document.pages()[0].frame.height().to_pt();

    let signed = pdf::sign(
        &made.files[0].bytes,
        &key_of(&keys::signer()),
        Role::Signer,
        SystemTime::now(),
    )
    .expect("signs");
    let doc = lopdf::Document::load_mem(&signed).expect("loads");
    for (name, picture) in [
        (Role::Signer.field_name(), signature),
        (Role::Body.field_name(), seal),
    ] {
        let (x, y, w, h) = widget_mm(&doc, name, page_height);
        for (got, want, what) in [
            (x, picture.x, "left"),
            (y, picture.y, "top"),
            (w, picture.width, "width"),
            (h, picture.height, "height"),
        ] {
            assert!(
                (got - want).abs() < 0.05,
                "{name}: {what} {got:.3} mm, the picture's {want:.3} mm"
            );
        }
    }
}

/// A template of one's own that words the number and date lines its own
/// way: what the page prints is no longer "Số …" and "place, ngày …".
const OWN_WORDING: &str = "#import \"@vanban/vanban:1.0.0\": *\n#{\n\
    let d = data\n\
    d.header.number = \"Số hiệu văn bản: \" + d.header.number\n\
    d.header.place-date = \"Lập tại \" + d.header.place-date\n\
    document(d)\n}\n";

/// The reason and place of the signature `pdf` gets from the signer.
fn reason_and_place(pdf: &[u8]) -> (String, String) {
    let signed = pdf::sign(
        pdf,
        &key_of(&keys::signer()),
        Role::Signer,
        SystemTime::now(),
    )
    .expect("signs");
    let report = pdf::verify(&signed).expect("verifies");
    let s = &report.signatures[0];
    (
        s.reason.clone().expect("a reason"),
        s.location.clone().expect("a place"),
    )
}

#[test]
fn the_reason_and_place_come_from_the_source_the_pdf_carries() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(dir.path().join("rieng.typ"), OWN_WORDING).expect("written");
    let source = format!("template = \"rieng.typ\"\n{}", read(REFERENCE));
    std::fs::write(dir.path().join("vb.toml"), &source).expect("written");
    let input = Input::file(&dir.path().join("vb.toml")).expect("readable");
    let make = |job: &Job| {
        pipeline::make(&Engine::new(), job, &input)
            .result
            .expect("made")
            .files
            .remove(0)
            .bytes
    };

    let carried = make(&Job::default());
    assert!(
        fold(&pdf_text(&carried)).contains("Lập tại Đơn Dương, ngày 05 tháng 11 năm 2020"),
        "the template words the line its own way: {}",
        fold(&pdf_text(&carried))
    );
    assert_eq!(
        reason_and_place(&carried),
        (
            "Ký số văn bản Số 15-KL/HU".to_owned(),
            "Đơn Dương".to_owned()
        ),
        "the document's own number and place, from its source"
    );

    // Under PDF/A-2 the PDF carries no source: the printed lines are all
    // there is.
    let a2 = make(&Job {
        pdf_standard: vanban::original::PdfStandard::A2b,
        ..Job::default()
    });
    assert_eq!(
        reason_and_place(&a2),
        (
            "Ký số văn bản Số hiệu văn bản: Số 15-KL/HU".to_owned(),
            "Lập tại Đơn Dương".to_owned()
        )
    );
}
