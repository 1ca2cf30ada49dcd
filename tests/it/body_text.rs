//! The body as the secretary types it: the end mark, paragraphs separated
//! by empty lines, and the numbering of items across the parts.

use crate::common::*;
use vanban::model;

/// A short State notice; `body` holds its body fields (`opening`, parts,
/// `closing`), written as TOML.
pub fn state_notice(body: &str) -> String {
    format!(
        r#"kind = "thong-bao"
number = 12
place = "Tân Hòa"
date = 2025-08-18
summary = "Kết luận của Chủ tịch Ủy ban nhân dân xã tại cuộc họp giao ban"
{body}
[issuer]
name = "ỦY BAN NHÂN DÂN XÃ TÂN HÒA"
code = "UBND"

[signature]
authority = "TM. ỦY BAN NHÂN DÂN"
title = "CHỦ TỊCH"
name = "Lê Văn Phúc"

[recipients]
items = ["Chủ tịch, các PCT UBND xã"]
archive = "VP"
"#
    )
}

/// The PDF's text, white space folded.
fn pdf_words(toml: &str) -> String {
    fold(&pdf_text(&make_pdf("vb.toml", toml)))
}

fn warnings(toml: &str) -> Vec<String> {
    model::load("vb.toml", toml.as_bytes())
        .expect("valid")
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_typed_end_mark_is_printed_once_with_a_warning() {
    for typed in ["./.", "/.", "./", ". /."] {
        let toml = state_notice(&format!(
            "closing = \"Văn phòng thông báo để các cơ quan biết, thực hiện{typed}\"\n"
        ));
        let text = pdf_words(&toml);
        let end = text
            .split("biết, thực hiện")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next());
        assert_eq!(end, Some("./."), "{typed}: {text}");
        assert_eq!(
            warnings(&toml),
            [format!(
                "vb.toml:6:62: cảnh báo: closing: đoạn cuối đã gõ sẵn dấu kết thúc \"{typed}\"; \
                 vanban bỏ nó đi và tự in \"./.\" một lần [end-mark]\n  \
                 gợi ý: xóa \"{typed}\" ở cuối đoạn cuối; vanban in dấu kết thúc theo Nghị định 30/2020/NĐ-CP"
            )],
            "{typed}"
        );
    }
    // A full stop is the sentence's own: no warning, one mark.
    let toml = state_notice("closing = \"Văn phòng thông báo để các cơ quan biết, thực hiện.\"\n");
    assert!(pdf_words(&toml).contains("biết, thực hiện./."));
    assert_eq!(warnings(&toml), Vec::<String>::new());
}

#[test]
fn a_typed_end_mark_in_a_party_document_leaves_a_full_stop() {
    let toml = read(REFERENCE);
    let last = "khuyến nại, cải cách thủ tục hành chính.";
    assert!(toml.contains(last), "the reference ends its directives so");
    let toml = toml.replacen(last, "khuyến nại, cải cách thủ tục hành chính./.", 1);
    let doc = model::load("vb.toml", toml.as_bytes()).expect("valid");
    let messages: Vec<String> = doc
        .warnings
        .iter()
        .filter(|d| d.rule == Some("end-mark"))
        .map(ToString::to_string)
        .collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].contains(
            "đoạn cuối đã gõ sẵn dấu kết thúc \"./.\"; văn bản Đảng kết thúc bằng dấu chấm nên vanban in dấu chấm thay cho nó [end-mark]\n  \
             gợi ý: xóa \"./.\" ở cuối đoạn cuối, chỉ để dấu chấm (.)"
        ),
        "{}",
        messages[0]
    );
    let text = fold(&frame_text(&compile_doc(&doc)));
    assert!(text.contains("thủ tục hành chính. "), "{text}");
    assert!(!text.contains("./."), "no end mark in a Party document");
}

/// Every field docs/schema.md documents as "texts", and every body text:
/// two short paragraphs with an empty line between them come out as two
/// paragraphs (or two lines), never run together.
#[test]
fn an_empty_line_separates_paragraphs_in_every_texts_field() {
    let two = r#""Đoạn một.\n\nĐoạn hai.""#;
    let body = |fields: &str| state_notice(fields);
    let cases: Vec<(&str, String, &str, &str, bool)> = vec![
        // (field, input, first, second, a body paragraph)
        ("opening", body(&format!("opening = {two}")), "Đoạn một.", "Đoạn hai.", true),
        ("closing", body(&format!("closing = {two}")), "Đoạn một.", "Đoạn hai.", true),
        (
            "lead",
            body(&format!("[findings]\nlead = {two}\nitems = [\"Mục.\"]")),
            "Đoạn một.",
            "Đoạn hai.",
            true,
        ),
        (
            "items",
            body(&format!("[findings]\nitems = [{two}]")),
            "Đoạn một.",
            "Đoạn hai.",
            true,
        ),
        (
            "text",
            body(&format!("[findings]\nitems = [{{ title = \"Tiêu đề\", text = {two} }}]")),
            "Đoạn một.",
            "Đoạn hai.",
            true,
        ),
        (
            "summary",
            body("").replace(
                "summary = \"Kết luận của Chủ tịch Ủy ban nhân dân xã tại cuộc họp giao ban\"",
                "summary = \"Kết luận của Chủ tịch\\n\\nỦy ban nhân dân xã\"",
            ),
            "Kết luận của Chủ tịch",
            "Ủy ban nhân dân xã",
            false,
        ),
        (
            "to",
            body("to = \"Sở Nội vụ\\n\\nSở Tài chính\""),
            "- Sở Nội vụ;",
            "- Sở Tài chính.",
            false,
        ),
        (
            "authority",
            body("").replace(
                "authority = \"TM. ỦY BAN NHÂN DÂN\"\ntitle = \"CHỦ TỊCH\"",
                "authority = \"TL. CHỦ TỊCH\\n\\nKT. CHÁNH VĂN PHÒNG\"\ntitle = \"PHÓ CHÁNH VĂN PHÒNG\"",
            ),
            "TL. CHỦ TỊCH",
            "KT. CHÁNH VĂN PHÒNG",
            false,
        ),
        (
            "contact",
            body("").replace(
                "code = \"UBND\"",
                "code = \"UBND\"\ncontact = \"Thôn Tân Hòa, xã Tân Hòa\\n\\nĐiện thoại: 0263.3848.123\"",
            ),
            "Thôn Tân Hòa, xã Tân Hòa",
            "Điện thoại: 0263.3848.123",
            false,
        ),
    ];

    // The schema's "texts" fields and its body texts all have a case.
    let schema = read("docs/schema.md");
    let documented: Vec<&str> = schema
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split_once("` | texts |").map(|(name, _)| name))
        .chain(["opening", "lead", "items", "text", "closing"])
        .collect();
    assert!(documented.len() >= 8, "{documented:?}");
    for field in &documented {
        assert!(
            cases.iter().any(|(name, ..)| name == field),
            "no case for the texts field `{field}`"
        );
    }

    let indent = P_STATE.margin_left_mm + P_STATE.first_line_indent_mm;
    for (field, toml, first, second, paragraph) in &cases {
        let layout = Layout::of(&compile_str(toml));
        let a = layout.find(first);
        let b = layout.find(second);
        assert!(
            !b.text.contains(first.trim_end_matches('.')) && b.y > a.y + 1.0,
            "{field}: {:?} runs into {:?}",
            b.text,
            a.text
        );
        if *paragraph {
            close(
                b.x,
                indent,
                &format!("{field}: the second paragraph's indent"),
            );
        }
    }
}

const P_STATE: vanban::conventions::StyleProfile = vanban::conventions::StyleProfile::STATE_ND30;

/// A Government Office notice whose parts have no headings: one run of
/// numbered items, findings then directives.
fn run_of_parts(directives_extra: &str) -> String {
    state_notice(&format!(
        r#"[findings]
numbered = true
items = ["Đánh giá cao các địa phương đã nỗ lực đẩy nhanh tiến độ."]

[directives]
numbered = true
{directives_extra}
items = [
    {{ title = "Về nhiệm vụ thời gian tới", items = ["Bộ Xây dựng chỉ đạo các chủ đầu tư."] }},
    {{ title = "Về kiến nghị của các địa phương", text = "Giao Bộ Tài chính xem xét." }},
]
"#
    ))
}

/// The label of each top-level item, in order: the first word of every
/// line that starts a paragraph with a number.
fn numbers(toml: &str) -> Vec<String> {
    let layout = Layout::of(&compile_str(toml));
    let indent = P_STATE.margin_left_mm + P_STATE.first_line_indent_mm;
    let mut labels = Vec::new();
    for page in 1..=layout.page_count() {
        for run in layout.page_runs(page) {
            let first = run.text.split_whitespace().next().unwrap_or_default();
            if (run.x - indent).abs() < 0.1 && first.trim_end_matches('.').parse::<f64>().is_ok() {
                labels.push(first.to_owned());
            }
        }
    }
    labels
}

#[test]
fn numbering_runs_on_across_parts_without_headings() {
    assert_eq!(numbers(&run_of_parts("")), ["1.", "2.", "3."]);
    // A part can start again on its own.
    assert_eq!(
        numbers(&run_of_parts("restart_numbering = true")),
        ["1.", "1.", "2."]
    );
    // A heading starts again under it.
    assert_eq!(
        numbers(&run_of_parts("heading = \"Nhiệm vụ\"")),
        ["1.", "1.", "2."]
    );
    // Nested numbers follow their parent's.
    let nested = run_of_parts("labels = [\"1.\", \"1.1.\"]").replacen(
        "numbered = true\nitems = [\"Đánh",
        "labels = [\"1.\", \"1.1.\"]\nitems = [\"Đánh",
        1,
    );
    assert_eq!(numbers(&nested), ["1.", "2.", "2.1.", "3."]);
}
