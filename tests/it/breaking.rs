//! Where lines break in names, titles and the date: a number stays with
//! the word after it, the date never breaks, a body's name breaks between
//! its units.

use crate::body_text::state_notice;
use crate::common::*;
use vanban::{Engine, model, render};

const NBSP: char = '\u{a0}';

/// The template data of an input, as JSON.
fn data(toml: &str) -> serde_json::Value {
    let doc = model::load("vb.toml", toml.as_bytes()).expect("valid");
    let json = render::template_data_json(&Engine::new(), &doc).expect("data");
    serde_json::from_str(&json).expect("JSON")
}

/// The lines of the summary under the title, as printed.
fn summary_lines(layout: &Layout) -> Vec<String> {
    let title = layout.find("THÔNG BÁO");
    let mut lines: Vec<(f64, String)> = Vec::new();
    for run in layout.page_runs(1) {
        if !run.bold || run.y <= title.y || run.y > title.y + 30.0 {
            continue;
        }
        match lines.last_mut() {
            Some((y, text)) if (*y - run.y).abs() < 0.1 => text.push_str(&run.text),
            _ => lines.push((run.y, run.text.clone())),
        }
    }
    lines
        .into_iter()
        .map(|(_, t)| t.replace(NBSP, " ").trim().to_owned())
        .collect()
}

#[test]
fn a_number_stays_with_the_next_word_in_the_summary() {
    let summary = "Kết luận của Chủ tịch UBND xã tại hội nghị sơ kết tình hình kinh tế - xã hội 9 \
                   tháng đầu năm và triển khai nhiệm vụ trọng tâm những tháng cuối năm 2025";
    let toml = state_notice("closing = \"Xong.\"").replace(
        "Kết luận của Chủ tịch Ủy ban nhân dân xã tại cuộc họp giao ban",
        summary,
    );
    let lines = summary_lines(&Layout::of(&compile_str(&toml)));
    assert!(lines.len() >= 2, "{lines:?}");
    assert!(
        lines.iter().any(|l| l.contains("9 tháng")),
        "\"9\" torn from \"tháng\": {lines:?}"
    );
    assert_eq!(fold(&lines.join(" ")), fold(summary));
}

#[test]
fn numbers_hold_on_in_the_names_and_the_signature() {
    let toml = state_notice("closing = \"Xong.\"")
        .replace(
            "name = \"ỦY BAN NHÂN DÂN XÃ TÂN HÒA\"",
            "superior = \"Sở Giáo dục và Đào tạo\"\nname = \"Trường Trung học phổ thông số 2 Bảo Thắng\"",
        )
        .replace("title = \"CHỦ TỊCH\"", "title = \"Tổ trưởng Tổ 3 Văn phòng\"");
    let data = data(&toml);
    assert_eq!(
        data["header"]["issuer"][0],
        format!("TRƯỜNG TRUNG HỌC PHỔ THÔNG SỐ 2{NBSP}BẢO THẮNG")
    );
    assert_eq!(
        data["signature"]["title"],
        format!("TỔ TRƯỞNG TỔ 3{NBSP}VĂN PHÒNG")
    );
    let summary: String = data["summary"][0]
        .as_array()
        .expect("runs")
        .iter()
        .filter_map(|r| r["text"].as_str())
        .collect();
    assert!(
        !summary.contains(NBSP),
        "no number in this summary: {summary:?}"
    );
}

#[test]
fn a_long_place_breaks_after_the_comma_never_inside_the_date() {
    let p = vanban::conventions::StyleProfile::PARTY_HD36;
    let toml = read(REFERENCE)
        .replace("place = \"Đơn Dương\"", "place = \"Thành phố Hồ Chí Minh\"")
        .replace("date = 2020-11-05", "date = 2020-01-02");
    let layout = Layout::of(&compile_str(&toml));
    let place = layout.find("Thành phố Hồ Chí Minh,");
    let date = layout.find("ngày 02 tháng 01 năm 2020");
    assert!(place.italic && date.italic);
    assert!(
        !place.text.contains("ngày"),
        "the line breaks after the comma: {:?}",
        place.text
    );
    close(
        date.y - place.y,
        pt_to_mm(p.header_pitch_pt),
        "the date on the next line",
    );
    let column_left = p.margin_left_mm + p.header_left_mm;
    let column_right = p.page_width_mm - p.margin_right_mm;
    let centre = (column_left + column_right) / 2.0;
    for run in [place, date] {
        close(
            run.centre(),
            centre,
            &format!("{:?} centred in its column", run.text),
        );
        assert!(run.x >= column_left && run.right() <= column_right);
    }

    // `vanban check` suggests the short form.
    let warnings: Vec<String> = model::load("vb.toml", toml.as_bytes())
        .expect("valid")
        .warnings
        .iter()
        .filter(|d| d.rule == Some("place-length"))
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        warnings,
        [
            "vb.toml:15:9: cảnh báo: place: địa danh và ngày tháng dài 106 mm, quá cột 95 mm nên in \
          thành hai dòng, xuống dòng sau dấu phẩy [place-length]\n  \
          gợi ý: Hướng dẫn 05-HD/VPTW cho phép viết tắt địa danh: place = \"TP. Hồ Chí Minh\""
        ]
    );
    // The short form fits on one line, without a warning.
    let short = toml.replace("Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh");
    let layout = Layout::of(&compile_str(&short));
    layout.find("TP. Hồ Chí Minh, ngày 02 tháng 01 năm 2020");
    let doc = model::load("vb.toml", short.as_bytes()).expect("valid");
    assert!(doc.warnings.iter().all(|d| d.rule != Some("place-length")));
}
