//! User text never becomes Typst code: strings that mean something to Typst
//! (or to the markup) print literally in every text field.

use crate::common::*;
use vanban::{model, pipeline};

const HOSTILE: &[&str] = &[
    "#",
    "$",
    "*",
    "_",
    "@",
    "<",
    ">",
    "[",
    "]",
    "\\",
    "//",
    "/*",
    "`",
    "#read(\"/etc/passwd\")",
    "#set page(width: 1cm)",
    "$x^2$ <nhãn> @tham-chiếu [x] // chú thích /* khối */ `mã` _nghiêng_",
];

/// A document with `s` in every text field. Fields printed in capitals get
/// it in capitals, which changes nothing for these strings but letters.
fn document(s: &str) -> String {
    let q = toml_string(s);
    format!(
        r#"kind = "ket-luan"
number = 7
place = {q}
date = 2020-11-05
summary = [{q}]
opening = [{q}, "Xem chú thích[^a]."]
closing = [{q}]

[issuer]
superior = {q}
name = {q}
code = "HU"

[findings]
lead = {q}
items = [{q}, {{ title = {q}, text = [{q}], items = [{q}] }}]

[limitations]
items = [{q}]

[directives]
numbered = true
lead = {q}
items = [{q}]

[footnotes]
a = {q}

[signature]
authority = "T/M {esc}"
title = {q}
name = {q}

[recipients]
items = [{q}]
archive = {q}
"#,
        esc = &q[1..q.len() - 1],
    )
}

fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
}

fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// How many times each field's text is printed in `document`.
const FIELDS: usize = 20;

#[test]
fn hostile_strings_render_literally_in_every_field() {
    let engine = vanban::Engine::new();
    let laid_out = |toml: &str| {
        let doc = model::load("hostile.toml", toml.as_bytes()).expect("valid");
        squeeze(&frame_text(
            &pipeline::compile(&engine, &doc).expect("compiles"),
        ))
    };
    // What the template prints of its own ("*" under the issuing body, …).
    let neutral = laid_out(&document("Ơ"));
    for s in HOSTILE {
        let toml = document(s);
        let doc =
            model::load("hostile.toml", toml.as_bytes()).unwrap_or_else(|e| panic!("{s:?}: {e}"));
        let compiled = pipeline::compile(&engine, &doc).unwrap_or_else(|e| panic!("{s:?}: {e}"));
        assert!(
            compiled.warnings.is_empty(),
            "{s:?}: {:?}",
            compiled.warnings
        );
        for page in compiled.document.pages() {
            let w = page.frame.width().to_mm();
            assert!(
                (w - 210.0).abs() < 0.01,
                "{s:?} changed the page width to {w} mm"
            );
        }
        let pdf = pipeline::export_pdf(&doc, &compiled, None).expect("exports");
        let text = pdf_text(&pdf);
        // The string itself stands in the laid-out text once for every
        // field that prints it (in capitals for some). White space is left
        // out: a long string wraps in the narrow header column.
        let needle = squeeze(s);
        let printed = squeeze(&frame_text(&compiled));
        let count = printed.matches(&needle).count() - neutral.matches(&needle).count();
        assert_eq!(count, FIELDS, "{s:?} printed {count} times:\n{printed}");
        // And it comes back from the PDF as written.
        assert!(
            fold(&text).contains(&fold(s)),
            "{s:?} is missing from the PDF's text:\n{text}"
        );
        assert!(!text.contains("root:"), "{s:?} read a file");
    }
}
