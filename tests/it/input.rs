//! Whatever a secretary pastes into the file: a correct document, or a
//! message that says precisely what is wrong and where.

use crate::common::*;
use vanban::{Error, model};

/// The reference example with one piece of text replaced.
fn example_with(from: &str, to: &str) -> String {
    let src = read(REFERENCE);
    assert!(src.contains(from), "the example contains {from:?}");
    src.replacen(from, to, 1)
}

/// The messages of an input that must fail, one line each.
fn errors(toml: &str) -> Vec<String> {
    match model::load("vb.toml", toml.as_bytes()) {
        Err(Error::Input(d)) => d.iter().map(ToString::to_string).collect(),
        Err(other) => panic!("unexpected {other}"),
        Ok(_) => panic!("the input should fail"),
    }
}

#[test]
fn byte_order_mark_and_crlf_are_accepted() {
    let plain = read(REFERENCE);
    let windows = format!("\u{feff}{}", plain.replace('\n', "\r\n"));
    let a = vanban::render_pdf(&vanban::Engine::new(), "a", plain.as_bytes()).expect("renders");
    let b = vanban::render_pdf(&vanban::Engine::new(), "b", windows.as_bytes()).expect("renders");
    assert!(a.pdf == b.pdf, "the same document either way");
}

#[test]
fn control_characters_are_named_with_their_place() {
    assert_eq!(
        errors(&example_with(
            "place = \"Đơn Dương\"",
            "place = \"Đơn\\u0007 Dương\""
        )),
        [
            "vb.toml:15:9: error: place: the text has an invisible control character U+0007 at character 4\n  \
          hint: delete it; it often comes with text copied from another program"
        ]
    );
    // Line ends and tabs are text, not control characters.
    model::load(
        "vb.toml",
        example_with("place = \"Đơn Dương\"", "place = \"Đơn\\tDương\"").as_bytes(),
    )
    .expect("a tab is fine");
}

#[test]
fn legacy_encodings_are_detected() {
    assert_eq!(
        errors(&example_with(
            "name = \"HUYỆN ỦY ĐƠN DƯƠNG\"",
            "name = \"HuyÖn uû §¬n D\u{AD}¬ng\""
        )),
        [
            "vb.toml:28:8: error: issuer.name: the text looks like Vietnamese in the old TCVN3 (ABC) encoding, not Unicode: \"HuyÖn uû §¬n D\u{AD}¬ng\"\n  \
          hint: convert it to Unicode (e.g. Unikey's converter: TCVN3 (ABC) → Unicode) and paste it again"
        ]
    );
    let vni = errors(&example_with(
        "name = \"Phan Hữu Hoàn\"",
        "name = \"Phan Höõu Hoaøn\"",
    ));
    assert_eq!(vni.len(), 1);
    assert!(vni[0].starts_with("vb.toml:77:8: error: signature.name: the text looks like Vietnamese in the old VNI encoding"), "{vni:?}");
}

#[test]
fn zero_and_negative_numbers() {
    assert_eq!(
        errors(&example_with("number = 15", "number = -3")),
        [
            "vb.toml:14:10: error: number: the document number must be a positive whole number, not -3\n  \
          hint: leave `number` out to leave it blank for the records office"
        ]
    );
    assert_eq!(
        errors(&example_with(
            "archive = \"VPHU\"",
            "archive = \"VPHU\"\ndrafter = \"PL\"\ncopies = 0"
        )),
        [
            "vb.toml:90:10: error: recipients.copies: the number of copies must be a positive whole number, not 0\n  \
          hint: write how many copies are issued, e.g. 30"
        ]
    );
}

#[test]
fn empty_required_text() {
    assert_eq!(
        errors(&example_with("name = \"Phan Hữu Hoàn\"", "name = \"   \"")),
        [
            "vb.toml:77:8: error: signature.name: this field must not be empty\n  hint: write the text between the quotes"
        ]
    );
}

/// A small valid document whose body is `body` (TOML tables).
fn minimal(body: &str) -> String {
    format!(
        "kind = \"ket-luan\"\nplace = \"Đơn Dương\"\ndate = 2020-11-05\nsummary = \"về công tác\"\n\
         [issuer]\nname = \"HUYỆN ỦY ĐƠN DƯƠNG\"\ncode = \"HU\"\n\
         [signature]\ntitle = \"BÍ THƯ\"\nname = \"Nguyễn Văn A\"\n\
         [recipients]\narchive = \"VPHU\"\n{body}"
    )
}

#[test]
fn items_nested_too_deeply() {
    let deep = "[findings]\nitems = [{ title = \"1\", items = [{ title = \"a\", items = [{ title = \"-\", items = [\"quá sâu\"] }] }] }]\n";
    assert_eq!(
        errors(&minimal(deep)),
        [
            "vb.toml:14:81: error: findings.items[0].items[0].items[0].items: items nest too deeply: at most 3 levels (1., a), -) are supported\n  \
          hint: move these items up one level, or write them as paragraphs of their parent"
        ]
    );
    model::load(
        "vb.toml",
        minimal(&deep.replace(", items = [\"quá sâu\"]", "")).as_bytes(),
    )
    .expect("three levels are fine");
}

#[test]
fn very_large_inputs_are_refused() {
    let huge = format!("{}\n# {}", minimal(""), "x".repeat(10 * 1024 * 1024));
    assert_eq!(
        errors(&huge),
        [
            "vb.toml: error: the input is 10.0 MB; vanban reads at most 2 MB\n  hint: split it into several documents"
        ]
    );
    let many: String = (0..100_000).map(|i| format!("\"{i}\",")).collect();
    assert_eq!(
        errors(&minimal(&format!("[findings]\nitems = [{many}]\n"))),
        [
            "vb.toml:1:1: error: the document has 100001 paragraphs and items; vanban makes at most 5000\n  hint: split it into several documents"
        ]
    );
}

#[test]
fn a_template_named_in_the_input_stays_in_its_folder() {
    for bad in ["../mau.typ", "/etc/mau.typ", "mau/../../mau.typ"] {
        let got = errors(&example_with(
            "schema = 1",
            &format!("schema = 1\ntemplate = \"{bad}\""),
        ));
        assert_eq!(
            got,
            [format!(
                "vb.toml:12:12: error: template: the template `{bad}` is outside the input's folder\n  \
                 hint: keep the template in the input's folder or below it and name it relatively, e.g. \"mau/mau-rieng.typ\"; --template on the command line can name any file"
            )]
        );
    }
}
