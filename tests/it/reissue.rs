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
