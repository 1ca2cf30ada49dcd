//! What the second example exercises: numbered and nested items, a blank
//! number and day for hand filling, a T/L signature, paragraphs and
//! footnotes in the opening.

use crate::common::*;
use vanban::conventions::StyleProfile;

const P: StyleProfile = StyleProfile::PARTY_HD36;

fn nested() -> &'static Layout {
    example_layout(NESTED)
}

/// The text of each body line that starts a paragraph, in order.
fn paragraph_starts(layout: &Layout) -> Vec<String> {
    let indent = P.margin_left_mm + P.first_line_indent_mm;
    let mut out = Vec::new();
    for page in 1..=layout.page_count() {
        let mut lines: Vec<Vec<&Run>> = Vec::new();
        for r in layout.page_runs(page) {
            match lines.last_mut() {
                Some(l) if (l[0].y - r.y).abs() < 0.1 => l.push(r),
                _ => lines.push(vec![r]),
            }
        }
        for line in lines {
            if (line[0].x - indent).abs() < 0.5 {
                out.push(line.iter().map(|r| r.text.as_str()).collect::<String>());
            }
        }
    }
    out
}

#[test]
fn numbered_items_nest_as_1_a_and_dash() {
    let layout = nested();
    let starts = paragraph_starts(layout);
    let label = |prefix: &str| {
        starts
            .iter()
            .position(|s| s.starts_with(prefix))
            .unwrap_or_else(|| panic!("no paragraph starts with {prefix:?}: {starts:#?}"))
    };
    let order = [
        label("1. Kết quả đạt được"),
        label("2. Hạn chế"),
        label("a) Một số chi bộ"),
        label("b) Việc lưu trữ hồ sơ"),
        label("- chưa lập sổ"),
        label("- một số biên bản"),
        label("Nhiệm vụ trọng tâm quý II"),
        label("1. Các tổ chức cơ sở đảng"),
        label("a) Tổ chức quán triệt"),
        label("b) Khắc phục ngay"),
        label("2. Ủy ban Kiểm tra Đảng ủy Khối"),
        label("Văn phòng Đảng ủy Khối thông báo"),
    ];
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "in document order: {order:?}"
    );
    // A titled item is bold, label included.
    let title = layout.find("Kết quả đạt được");
    assert!(title.bold);
    assert!(
        layout.line_of(title).iter().all(|r| r.bold),
        "the label is bold with its title"
    );
    let item = layout.find("Một số chi bộ");
    assert!(!item.bold);
}

#[test]
fn blank_number_and_day_leave_room_for_hand_filling() {
    let layout = nested();
    let number = layout.find("-KL/ĐU");
    assert_eq!(number.text, "Số       -KL/ĐU");
    // Six spaces of 14 pt: wider than a two-digit number.
    let numbered = Layout::of(&compile_str(
        &read(NESTED).replace("place = ", "number = 15\nplace = "),
    ));
    let filled = numbered.find("Số 15-KL/ĐU");
    assert!(
        number.width - filled.width > 2.0,
        "{:.1} mm against {:.1} mm",
        number.width,
        filled.width
    );

    let date = layout.find("Bảo Lộc, ngày");
    assert_eq!(fold(&date.text), "Bảo Lộc, ngày tháng 3 năm 2021");
    // No-break spaces: the blank is part of the date, which never breaks.
    let blank = "\u{a0}".repeat(6);
    assert!(
        date.text
            .contains(&format!("ngày\u{a0}{blank}\u{a0}tháng\u{a0}3")),
        "{:?}",
        date.text
    );
}

#[test]
fn by_order_signature_spells_the_party_way() {
    let layout = nested();
    let authority = layout.find("T/L BAN THƯỜNG VỤ");
    let title = layout.find("CHÁNH VĂN PHÒNG");
    assert!(authority.bold && !title.bold);
    assert!(title.y > authority.y);
    let label = layout.find("Nơi nhận");
    assert!((label.y - authority.y).abs() < 0.5);
    assert!(
        layout
            .runs
            .iter()
            .any(|r| r.text.contains("- Lưu Văn phòng Đảng ủy Khối."))
    );
}

#[test]
fn footnote_in_the_opening_and_summary_in_lower_case() {
    let layout = nested();
    let note = layout.find("Báo cáo số 27-BC/UBKTĐU");
    assert_eq!(note.size_pt, P.footnote_pt);
    let summary = layout.find("của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh");
    assert!(summary.bold);
    assert!(
        layout
            .find("về kết quả kiểm tra, giám sát quý I năm 2021")
            .y
            > summary.y
    );
}

#[test]
fn every_example_renders_without_warnings() {
    let dir = path("examples");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("examples") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "toml") {
            let rel = format!(
                "examples/{}",
                path.file_name().and_then(|n| n.to_str()).expect("name")
            );
            let compiled = example(&rel);
            assert!(!compiled.document.pages().is_empty());
            count += 1;
        }
    }
    assert!(count >= 2);
}
