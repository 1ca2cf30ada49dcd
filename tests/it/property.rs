//! Property tests: any text in any field prints literally (after NFC and
//! the three markup forms), and no input, however broken, makes vanban
//! panic. `fuzz_inputs` is the long run: see the README.

use crate::common::*;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use vanban::{Error, Severity, markup, model, pipeline};

const VIETNAMESE: &str =
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐÂĂÊÔƠƯỘỄỞ";

/// Characters a secretary may type or paste: Vietnamese, ASCII (markup and
/// Typst's special characters included), typographic punctuation, Greek
/// and Cyrillic, spaces and line ends.
fn text_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::ranges(vec!['a'..='z', 'A'..='Z', '0'..='9'].into()),
        3 => proptest::sample::select(VIETNAMESE.chars().collect::<Vec<_>>()),
        3 => proptest::sample::select(" !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".chars().collect::<Vec<_>>()),
        1 => proptest::sample::select("“”‘’–—…«»°±×÷§αβγΩжЖщ€\n\t".chars().collect::<Vec<_>>()),
    ]
}

/// A piece of text: a character, or a Vietnamese letter in decomposed form
/// (as some programs paste it), which vanban composes.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        5 => text_char().prop_map(String::from),
        1 => proptest::sample::select(VIETNAMESE.chars().collect::<Vec<_>>())
            .prop_map(|c| c.to_string().nfd().collect::<String>()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..40).prop_map(|p| p.concat())
}

fn toml_string(s: &str) -> String {
    serde_json::to_string(s).expect("a JSON string is a TOML basic string")
}

/// A document with `s` in every text field. Each value starts with a
/// letter, so none is empty.
fn document(s: &str) -> String {
    let q = toml_string(&format!("X{s}"));
    format!(
        "kind = \"thong-bao\"\nplace = {q}\ndate = 2024-01-08\nsummary = [{q}]\nto = [{q}]\nopening = [{q}]\nclosing = [{q}]\n\
         [issuer]\nsuperior = {q}\nname = {q}\ncode = \"BNV\"\n\
         [findings]\nheading = {q}\nlead = {q}\nitems = [{q}, {{ title = {q}, text = [{q}], items = [{q}] }}]\n\
         [signature]\nauthority = {a}\ntitle = {q}\nname = {q}\n\
         [recipients]\nitems = [{q}]\narchive = {q}\n",
        // Each line of an authority is a line of its own.
        a = toml_string(&format!("KT. X{}", s.replace('\n', " "))),
    )
}

fn squeeze(s: &str) -> String {
    s.nfc().filter(|c| !c.is_whitespace()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("VANBAN_PROPERTY_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(40),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_text_prints_literally(s in text()) {
        let toml = document(&s);
        let doc = match model::load("p.toml", toml.as_bytes()) {
            Ok(doc) => doc,
            // A [^x] with no footnote is the one way such text can be wrong.
            Err(Error::Input(d)) => {
                prop_assert!(d.iter().all(|d| d.severity == Severity::Error && d.message.starts_with("chưa có nội dung cho chú thích")), "{d:?}");
                return Ok(());
            }
            Err(other) => return Err(TestCaseError::fail(format!("{other}"))),
        };
        let compiled = pipeline::compile(&vanban::Engine::new(), &doc).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(compiled.warnings.is_empty(), "{:?}", compiled.warnings);
        let pdf = pipeline::export_pdf(&doc, &compiled, None).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let printed = squeeze(&pdf_text(&pdf));
        let plain = format!("X{s}");
        let marked = markup::plain_text(&markup::parse(&plain.replace('\n', " ")));
        // Plain fields (place, signer's name), markup fields (summary, body,
        // headings' text), fields printed in capitals (bodies, titles).
        prop_assert!(printed.contains(&squeeze(&plain)), "plain text {plain:?} missing from {printed:?}");
        prop_assert!(printed.contains(&squeeze(&marked)), "body text {marked:?} missing from {printed:?}");
        prop_assert!(printed.contains(&squeeze(&plain.to_uppercase())), "capitals {plain:?} missing from {printed:?}");
    }
}

/// Broken inputs: the example with random cuts and insertions of TOML
/// syntax, dates, numbers and control characters.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    const PIECES: &[&str] = &[
        "\"",
        "'",
        "[",
        "]",
        "{",
        "}",
        "=",
        ",",
        "\n",
        "\"\"\"",
        "[[x]]",
        "[^1]",
        "[^zz]",
        "*",
        "**",
        "2020-02-30",
        "-1",
        "0",
        "1e400",
        "99999999999999999999",
        "\\u0007",
        "\\",
        "\u{feff}",
        "\r\n",
        "Uû ban nh©n d©n tØnh",
        "Ộ Ễ Ở",
        "kind = \"thong-bao\"\n",
        "[layout]\nbody_pt = 99\n",
        "labels = [\"i.\"]",
        "authority = \"TUQ. X\"\n",
        "{ year = 2020, day = 5 }",
        "\u{0}",
        "\u{85}",
    ];
    let source = std::fs::read(path(REFERENCE)).expect("example");
    let len = source.len();
    proptest::collection::vec((0..len, 0..PIECES.len(), 0..3u8, 0..40usize), 1..6).prop_map(
        move |edits| {
            let mut bytes = source.clone();
            for (at, piece, op, span) in edits {
                let at = at.min(bytes.len());
                match op {
                    0 => {
                        let end = (at + span).min(bytes.len());
                        bytes.drain(at..end);
                    }
                    1 => {
                        bytes.splice(at..at, PIECES[piece].bytes());
                    }
                    _ => {
                        let end = (at + span).min(bytes.len());
                        bytes.splice(at..end, PIECES[piece].bytes());
                    }
                }
            }
            bytes
        },
    )
}

/// Every message points inside the input, and has no English in it.
fn check_diagnostics(
    input: &[u8],
    diagnostics: &[vanban::Diagnostic],
) -> Result<(), TestCaseError> {
    let lines = input.split(|&b| b == b'\n').count();
    for d in diagnostics {
        prop_assert!(!d.message.is_empty());
        let english = crate::messages::english_words(&format!(
            "{} {}",
            d.message,
            d.hint.as_deref().unwrap_or_default()
        ));
        prop_assert!(english.is_empty(), "{d}\nEnglish: {english:?}");
        if let Some(p) = &d.position {
            prop_assert!(
                p.line >= 1 && p.line <= lines + 1 && p.column >= 1,
                "{d} outside {lines} lines"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("VANBAN_PROPERTY_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(300),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn broken_inputs_never_panic(input in mutated()) {
        let diagnostics = model::check("m.toml", &input);
        check_diagnostics(&input, &diagnostics)?;
        match model::load("m.toml", &input) {
            Ok(doc) => prop_assert!(!diagnostics.iter().any(|d| d.severity == Severity::Error), "{diagnostics:?} {:?}", doc.kind),
            Err(Error::Input(errors)) => prop_assert!(!errors.is_empty()),
            Err(other) => return Err(TestCaseError::fail(format!("not an input error: {other}"))),
        }
    }

    #[test]
    fn markup_never_loses_or_invents_letters(s in text()) {
        let runs = markup::parse(&s);
        let plain = markup::plain_text(&runs);
        let letters = |t: &str| t.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
        // Markup only removes stars, backslashes and footnote marks.
        let without_marks: String = {
            let mut out = s.replace('\n', " ");
            for id in markup::footnote_refs(&runs) {
                out = out.replacen(&format!("[^{id}]"), "", 1);
            }
            out
        };
        prop_assert_eq!(letters(&plain), letters(&without_marks));
    }
}

/// The long run: a million broken inputs through the parser, the checks
/// and the markup (no layout). `cargo test --release --test it --
/// --ignored`, with VANBAN_FUZZ_CASES to change the count.
#[test]
#[ignore]
fn fuzz_inputs() {
    let cases: u32 = std::env::var("VANBAN_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let started = std::time::Instant::now();
    let outcome = runner.run(&(mutated(), text()), |(input, s)| {
        check_diagnostics(&input, &model::check("m.toml", &input))?;
        let _ = markup::parse(&s);
        Ok(())
    });
    eprintln!("{cases} inputs in {:.1} s", started.elapsed().as_secs_f64());
    outcome.expect("no input breaks the parser");
}
