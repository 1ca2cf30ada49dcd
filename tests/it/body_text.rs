//! The body as the secretary types it: the end mark, paragraphs separated
//! by empty lines, and the numbering of items across the parts.

use crate::common::*;
use vanban::{Engine, model, render_pdf};

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
    let rendered = render_pdf(&Engine::new(), "vb.toml", toml.as_bytes()).expect("renders");
    fold(&pdf_text(&rendered.pdf))
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
