//! The produced PDF itself: its text, metadata, fonts and reproducibility.

use crate::common::*;
use unicode_normalization::UnicodeNormalization;

fn reference_pdf() -> Vec<u8> {
    make_pdf(REFERENCE, &read(REFERENCE))
}

/// The paragraphs of the reference text, as the source file has them.
fn source_paragraphs() -> Vec<String> {
    // A copy of shared/reference/ket-luan-thuong-truc-huyen-uy-2020-11.txt.
    let src = read("tests/data/ket-luan-thuong-truc-huyen-uy-2020-11.txt");
    src.split("\n\n")
        .map(|p| p.replace("<sup>1</sup>", "").replace(['*'], ""))
        .map(|p| fold(&p))
        .filter(|p| !p.is_empty())
        .collect()
}

#[test]
fn pdf_text_holds_every_paragraph_in_order_in_nfc() {
    let text = pdf_text(&reference_pdf());
    assert_eq!(
        text,
        text.nfc().collect::<String>(),
        "the PDF's text is NFC"
    );
    // Line ends and the spacing an extractor puts around a raised footnote
    // mark are not the document's: compare without white space.
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    // Page numbers stand alone on their lines; a paragraph may run across them.
    let without_page_numbers: String = text
        .lines()
        .filter(|l| {
            !(l.trim().len() <= 2
                && l.trim().chars().all(|c| c.is_ascii_digit())
                && !l.trim().is_empty())
        })
        .collect();
    let body = squeeze(&without_page_numbers);

    let paragraphs = source_paragraphs();
    assert!(paragraphs.len() > 25);
    let mut from = 0;
    for p in &paragraphs {
        let needle = match p.as_str() {
            p if p.starts_with("KẾT LUẬN") => squeeze(p),
            // The footnote's text sits at the foot of its page, out of order.
            p if p.starts_with("Giá trị") => {
                assert!(body.contains(&squeeze(p)), "footnote text missing");
                continue;
            }
            p => squeeze(&p.replace("được duy trì ổn định.", "được duy trì ổn định1.")),
        };
        let found = body[from..]
            .find(&needle)
            .unwrap_or_else(|| panic!("paragraph not found in order: {p:?}"));
        from += found + needle.len();
    }
}

#[test]
fn two_renders_are_byte_identical() {
    assert!(
        reference_pdf() == reference_pdf(),
        "the same input gives the same bytes"
    );
}

#[test]
fn metadata_names_the_document_and_its_issuer() {
    let pdf = lopdf::Document::load_mem(&reference_pdf()).expect("a valid PDF");
    let info_ref = pdf
        .trailer
        .get(b"Info")
        .and_then(|o| o.as_reference())
        .expect("an Info dictionary");
    let info = pdf.get_dictionary(info_ref).expect("Info");
    let text = |key: &[u8]| {
        let bytes = info
            .get(key)
            .and_then(|o| o.as_str())
            .expect("a string")
            .to_vec();
        lopdf::decode_text_string(&lopdf::Object::String(bytes, lopdf::StringFormat::Literal))
            .expect("text")
    };
    assert_eq!(
        text(b"Title"),
        "KẾT LUẬN CỦA THƯỜNG TRỰC HUYỆN ỦY Tại hội nghị giao ban tháng 11 năm 2020"
    );
    assert_eq!(text(b"Author"), "HUYỆN ỦY ĐƠN DƯƠNG");
    assert!(
        text(b"CreationDate").starts_with("D:20201105"),
        "dated by the document, not the clock"
    );
    let catalog = pdf.catalog().expect("catalog");
    let lang = catalog
        .get(b"Lang")
        .and_then(|o| o.as_str())
        .expect("a language");
    assert_eq!(lang, b"vi");
}

#[test]
fn fonts_are_embedded_and_subset() {
    let pdf = lopdf::Document::load_mem(&reference_pdf()).expect("a valid PDF");
    let mut descriptors = 0;
    for object in pdf.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").and_then(|t| t.as_name()).ok() != Some(b"FontDescriptor".as_slice()) {
            continue;
        }
        descriptors += 1;
        let name = String::from_utf8_lossy(
            dict.get(b"FontName")
                .and_then(|n| n.as_name())
                .expect("a name"),
        )
        .to_string();
        assert!(
            name.contains('+') && name.contains("LiberationSerif"),
            "subset prefix in {name}"
        );
        assert!(
            dict.has(b"FontFile2") || dict.has(b"FontFile3"),
            "{name} is embedded"
        );
    }
    assert_eq!(descriptors, 3, "regular, bold and italic are used");
}

#[test]
fn every_vietnamese_letter_has_a_glyph_in_every_style() {
    const LOWER: &str =
        "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
    let upper: String = LOWER.chars().flat_map(char::to_uppercase).collect();
    let line = format!("{LOWER} {upper}");
    let items = format!("items = [\"{line}\", \"**{line}**\", \"*{line}*\", \"***{line}***\"]");
    let toml = format!(
        "kind = \"ket-luan\"\nplace = \"Ỷ\"\ndate = 2020-11-05\nsummary = \"{line}\"\n\
         [issuer]\nname = \"{line}\"\ncode = \"HU\"\n[findings]\n{items}\n\
         [signature]\ntitle = \"{line}\"\nname = \"{line}\"\n[recipients]\narchive = \"VPHU\"\n"
    );
    // compile_str asserts that the compiler gave no warning.
    let compiled = compile_str(&toml);
    let mut glyphs = 0;
    fn check(frame: &typst::layout::Frame, glyphs: &mut usize) {
        for (_, item) in frame.items() {
            match item {
                typst::layout::FrameItem::Group(g) => check(&g.frame, glyphs),
                typst::layout::FrameItem::Text(t) => {
                    for g in &t.glyphs {
                        assert_ne!(
                            g.id,
                            0,
                            "no glyph for {:?} in {}",
                            &t.text[g.range()],
                            t.font.font().info().family
                        );
                        *glyphs += 1;
                    }
                }
                _ => {}
            }
        }
    }
    for page in compiled.document.pages() {
        check(&page.frame, &mut glyphs);
    }
    assert!(glyphs > 8 * LOWER.chars().count());
    let text = pdf_text(
        &vanban::pipeline::export_pdf(
            &vanban::model::load("t.toml", toml.as_bytes()).expect("valid"),
            &compiled,
            None,
        )
        .expect("exports"),
    );
    assert!(
        fold(&text).contains(&line),
        "every letter comes back from the PDF"
    );
}

#[test]
fn decomposed_input_prints_composed() {
    let nfc = read(REFERENCE);
    let nfd: String = nfc.nfd().collect();
    assert_ne!(nfc, nfd, "the example has letters that decompose");
    let a = pages_pdf("nfd.toml", &nfd);
    let b = pages_pdf("nfc.toml", &nfc);
    assert!(a == b, "decomposed and composed input give the same pages");
    // The source inside is the input as it was: decomposed.
    assert_eq!(carried_source("nfd.toml", &nfd), nfd.as_bytes());
    let text = fold(&pdf_text(&a));
    assert!(text.contains("HUYỆN ỦY ĐƠN DƯƠNG"));
}
