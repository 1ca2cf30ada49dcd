//! Where lines break in names, titles and the date: a number stays with
//! the word after it, the date never breaks, a body's name breaks between
//! its units.

use crate::body_text::state_notice;
use crate::common::*;
use vanban::{Engine, model};

const NBSP: char = '\u{a0}';

/// The template data of an input, as JSON.
fn data(toml: &str) -> serde_json::Value {
    let doc = model::load("vb.toml", toml.as_bytes()).expect("valid");
    let data = vanban::contract::TemplateData::new(&doc, Engine::new().families());
    serde_json::to_value(&data).expect("JSON")
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
    let issuer = data["header"]["issuer"][0].as_str().expect("a line");
    assert!(issuer.contains(&format!("SỐ 2{NBSP}BẢO")), "{issuer:?}");
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

/// The lines of text in a box of `page` (x from `left` to `right` mm, y
/// from `top` to `bottom` mm), top to bottom, white space folded, each
/// with its centre.
fn lines_in(
    layout: &Layout,
    page: usize,
    (left, right): (f64, f64),
    (top, bottom): (f64, f64),
) -> Vec<(String, f64)> {
    let mut lines: Vec<(f64, Vec<&Run>)> = Vec::new();
    for run in layout.page_runs(page) {
        if run.x < left - 0.5 || run.right() > right + 0.5 || run.y < top || run.y > bottom {
            continue;
        }
        match lines.last_mut() {
            Some((y, runs)) if (*y - run.y).abs() < 0.1 => runs.push(run),
            _ => lines.push((run.y, vec![run])),
        }
    }
    lines
        .into_iter()
        .map(|(_, runs)| {
            let text: String = runs.iter().map(|r| r.text.as_str()).collect();
            let centre = (runs[0].x + runs[runs.len() - 1].right()) / 2.0;
            (fold(&text), centre)
        })
        .collect()
}

/// The header's left column, in mm from the page's left edge.
fn left_column(p: &vanban::conventions::StyleProfile) -> (f64, f64) {
    (p.margin_left_mm, p.margin_left_mm + p.header_left_mm)
}

/// The lines of the signature block, level with "Nơi nhận" and down.
fn signature_lines(layout: &Layout, p: &vanban::conventions::StyleProfile) -> Vec<(String, f64)> {
    let column = p.page_width_mm - p.margin_right_mm - p.signature_width_mm;
    let label = layout.find("Nơi nhận");
    let box_ = (label.y - 1.0, label.y + 40.0);
    lines_in(layout, label.page, (column, p.page_width_mm), box_)
}

/// Word pairs that a line must never split.
const PAIRS: &[&str] = &[
    "NHÂN DÂN",
    "ỦY BAN",
    "THƯỜNG VỤ",
    "HỘI ĐỒNG",
    "THÀNH PHỐ",
    "KIỂM SOÁT",
    "CƠ QUAN",
    "DOANH NGHIỆP",
    "MÔI TRƯỜNG",
    "NÔNG NGHIỆP",
    "BỆNH TẬT",
];

fn assert_no_pair_split(lines: &[(String, f64)], what: &str) {
    for pair in lines.windows(2) {
        let last = pair[0].0.rsplit(' ').next().unwrap_or_default();
        let first = pair[1].0.split(' ').next().unwrap_or_default();
        assert!(
            !PAIRS.contains(&format!("{last} {first}").as_str()),
            "{what}: {:?} / {:?} splits \"{last} {first}\"",
            pair[0].0,
            pair[1].0
        );
    }
}

#[test]
fn a_body_name_breaks_between_its_units() {
    let s = vanban::conventions::StyleProfile::STATE_ND30;
    let toml = state_notice("closing = \"Xong.\"");
    let layout = Layout::of(&compile_str(&toml));
    let column = s.margin_left_mm + s.header_left_mm;
    let lines = lines_in(&layout, 1, (s.margin_left_mm, column), (0.0, 40.0));
    let names: Vec<&str> = lines.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(names[..2], ["ỦY BAN NHÂN DÂN", "XÃ TÂN HÒA"]);
    close(lines[0].1, lines[1].1, "both lines centred");

    // The Party header, superior and issuing body alike.
    let p = vanban::conventions::StyleProfile::PARTY_HD36;
    let toml = read(REFERENCE)
        .replace("ĐẢNG BỘ TỈNH LÂM ĐỒNG", "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH")
        .replace("HUYỆN ỦY ĐƠN DƯƠNG", "ĐẢNG ỦY PHƯỜNG BẾN THÀNH");
    let layout = Layout::of(&compile_str(&toml));
    let lines = lines_in(&layout, 1, left_column(&p), (0.0, 45.0));
    let names: Vec<&str> = lines.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        names[..4],
        [
            "ĐẢNG BỘ",
            "THÀNH PHỐ HỒ CHÍ MINH",
            "ĐẢNG ỦY",
            "PHƯỜNG BẾN THÀNH"
        ]
    );
}

#[test]
fn the_signature_authority_breaks_between_its_units() {
    let s = vanban::conventions::StyleProfile::STATE_ND30;
    let toml = state_notice("closing = \"Xong.\"").replace(
        "authority = \"TM. ỦY BAN NHÂN DÂN\"",
        "authority = \"TM. ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\"",
    );
    let layout = Layout::of(&compile_str(&toml));
    let lines = signature_lines(&layout, &s);
    let names: Vec<&str> = lines.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        names[..3],
        ["TM. ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH", "CHỦ TỊCH"]
    );
    close(lines[0].1, lines[1].1, "centred in the signature block");
}

#[test]
fn no_name_in_the_corpus_splits_a_word_pair() {
    for file in corpus_files() {
        let doc = vanban::model::load("vb.toml", read(&file).as_bytes()).expect("valid");
        let layout = Layout::of(&compile_doc(&doc));
        let p = &doc.profile;
        let left = lines_in(&layout, 1, left_column(p), (0.0, 60.0));
        assert_no_pair_split(&left, &file);
        assert_no_pair_split(&signature_lines(&layout, p), &file);
    }
}

/// The corpus's documents, by path from the crate's root.
pub fn corpus_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(path("tests/corpus"))
        .expect("the corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| {
            format!(
                "tests/corpus/{}",
                p.file_name().and_then(|n| n.to_str()).expect("name")
            )
        })
        .collect();
    files.sort();
    assert!(files.len() >= 8, "{files:?}");
    files
}

#[test]
fn a_word_with_a_slash_never_breaks_after_it() {
    let toml = read(REFERENCE).replace(
        "    \"Văn phòng Tỉnh ủy\",\n",
        "    \"Thành ủy Thành phố Hồ Chí Minh (b/c)\",\n    \"Văn phòng Tỉnh ủy\",\n",
    );
    assert!(toml.contains("(b/c)"), "the recipient is in");
    let layout = Layout::of(&compile_str(&toml));
    let run = layout.find("(b/");
    assert!(
        run.text.contains("(b/c),"),
        "\"(b/c)\" torn at its slash: {:?}",
        run.text
    );
}
