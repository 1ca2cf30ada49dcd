//! Layout read from the compiled document's frames: the positions and sizes
//! that Hướng dẫn 36-HD/VPTW prescribes. Lengths in millimetres.

use crate::common::*;
use vanban::conventions::StyleProfile;

const P: StyleProfile = StyleProfile::PARTY_HD36;

const FOOTNOTE: &str = "Giá trị sản xuất ngành nông, lâm, thủy sản trong tháng thực hiện 764 tỷ 230 triệu đồng. Sản xuất nông nghiệp duy trì ổn định và phát triển; diện tích sản xuất rau thương phẩm 22.460 ha/27.060 ha đạt 83% kế hoạch năm, trong tháng giá một số mặt hàng rau thương phẩm tăng cao; Giá trị sản xuất ngành công nghiệp, tiểu thủ công nghiệp trong tháng thực hiện 49 tỷ đồng 720 triệu đồng, đạt 8,3% kế hoạch; dịch vụ thực hiện 176 tỷ 670 triệu đồng, đạt 8,4%. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ trên địa bàn thực hiện 610 tỷ 400 triệu đồng, đạt 8,3% kế hoạch. Tổng thu ngân sách nhà nước thực hiện 150 tỷ 510 triệu đồng, đạt 100,2% dự toán, bằng 126,5% so với cùng kỳ. Chính sách an sinh xã hội được đảm bảo.";

fn reference() -> &'static Layout {
    example_layout(REFERENCE)
}

/// The runs that are page numbers: alone in the top margin.
fn is_page_number(run: &Run) -> bool {
    run.y < P.margin_top_mm
}

#[test]
fn pages_are_a4() {
    let layout = reference();
    assert_eq!(
        layout.page_count(),
        3,
        "the reference example fills three pages"
    );
    for &(w, h) in &layout.pages {
        close(w, 210.0, "page width");
        close(h, 297.0, "page height");
    }
}

#[test]
fn text_stays_inside_the_margins() {
    let layout = reference();
    let (left, right) = (P.margin_left_mm, P.page_width_mm - P.margin_right_mm);
    let (top, bottom) = (P.margin_top_mm, P.page_height_mm - P.margin_bottom_mm);
    let mut touches_left = false;
    let mut touches_right = false;
    for run in layout.runs.iter().filter(|r| !is_page_number(r)) {
        assert!(
            run.x >= left - TOL,
            "{:?} starts at {:.2} mm, left of the margin",
            run.text,
            run.x
        );
        assert!(
            run.right() <= right + TOL,
            "{:?} ends at {:.2} mm, past the margin",
            run.text,
            run.right()
        );
        assert!(
            run.ink_top >= top - TOL,
            "{:?} rises into the top margin",
            run.text
        );
        assert!(
            run.ink_bottom <= bottom + TOL,
            "{:?} sinks into the bottom margin",
            run.text
        );
        touches_left |= (run.x - left).abs() < TOL;
        touches_right |= (run.right() - right).abs() < TOL;
    }
    // Justified body text reaches both margins exactly.
    assert!(
        touches_left && touches_right,
        "body text should run from margin to margin"
    );
}

#[test]
fn party_title_is_top_right_with_a_rule_as_wide_as_itself() {
    let layout = reference();
    let title = layout.find("ĐẢNG CỘNG SẢN VIỆT NAM");
    assert_eq!(title.page, 1);
    assert!(title.bold);
    assert_eq!(title.size_pt, 15.0);
    let right_column = P.margin_left_mm + P.header_left_mm;
    let right_centre = (right_column + P.page_width_mm - P.margin_right_mm) / 2.0;
    close(
        title.centre(),
        right_centre,
        "the Party title centred in the right column",
    );
    // The first line of the page.
    let first = layout.page_runs(1)[0].y;
    close(title.y, first, "the Party title's baseline");

    let rule = layout
        .rules
        .iter()
        .filter(|r| r.page == 1 && r.y > title.y)
        .min_by(|a, b| a.y.total_cmp(&b.y))
        .expect("a rule under the Party title");
    close(rule.length, title.width, "rule length");
    close(rule.x, title.x, "rule start");
    assert!(
        rule.y - title.y < 5.0,
        "the rule sits right under the title"
    );

    let date = layout.find("Đơn Dương, ngày 05 tháng 11 năm 2020");
    assert!(date.italic && !date.bold);
    assert_eq!(date.size_pt, 14.0);
    assert!(date.y > rule.y, "the date comes under the rule");
    let star = layout
        .runs
        .iter()
        .find(|r| r.text == "*")
        .expect("the star");
    close(date.y, star.y, "the date level with the star");
    close(
        date.centre(),
        title.centre(),
        "date centred under the title",
    );
}

#[test]
fn left_header_stacks_issuer_star_and_number() {
    let layout = reference();
    let superior = layout.find("ĐẢNG BỘ TỈNH LÂM ĐỒNG");
    let issuer = layout.find("HUYỆN ỦY ĐƠN DƯƠNG");
    let number = layout.find("Số 15-KL/HU");
    let star = layout
        .runs
        .iter()
        .find(|r| r.text == "*" && r.page == 1)
        .expect("a star under the issuing body");
    assert!(!superior.bold && issuer.bold && !number.bold);
    for r in [superior, issuer, star, number] {
        assert_eq!(r.size_pt, 14.0, "{:?}", r.text);
        assert!(
            r.right() < P.margin_left_mm + P.header_left_mm,
            "{:?} stays in the left column",
            r.text
        );
    }
    assert!(superior.y < issuer.y && issuer.y < star.y && star.y < number.y);
    close(
        star.centre(),
        number.centre(),
        "number centred under the star",
    );
    close(
        issuer.centre(),
        star.centre(),
        "star centred under the issuing body",
    );
    close(
        superior.centre(),
        issuer.centre(),
        "issuing body centred under its superior",
    );
}

#[test]
fn title_and_summary() {
    let layout = reference();
    let title = layout.find("KẾT LUẬN");
    assert!(title.bold);
    assert_eq!(title.size_pt, P.doc_title_pt);
    let centre = P.margin_left_mm + P.text_width_mm() / 2.0;
    close(title.centre(), centre, "title centred");
    let summary = layout.find("Tại hội nghị giao ban tháng 11 năm 2020");
    assert!(summary.bold && summary.y > title.y);
    assert_eq!(summary.size_pt, 14.0);
    close(summary.centre(), centre, "summary centred");
}

#[test]
fn body_is_14pt_on_an_exact_18pt_pitch() {
    let layout = reference();
    let first = layout.find("Ngày 02 tháng 11 năm 2020");
    let last = layout.find("hành chính.");
    assert_eq!(first.page, 1);
    let body: Vec<&Run> = layout
        .runs
        .iter()
        .filter(|r| (r.page, r.y) >= (first.page, first.y) && (r.page, r.y) <= (last.page, last.y))
        // Leave out footnote marks and the footnote's own text.
        .filter(|r| r.size_pt > 10.0 && !FOOTNOTE.contains(r.text.trim()))
        .collect();
    assert!(body.len() > 50);
    for r in &body {
        assert_eq!(r.size_pt, 14.0, "{:?}", r.text);
    }
    // First-line indent of 1.27 cm.
    close(
        first.x,
        P.margin_left_mm + P.first_line_indent_mm,
        "first-line indent",
    );
    // Lines within a paragraph are 18 pt apart.
    let second_line = layout
        .page_runs(1)
        .into_iter()
        .find(|r| r.y > first.y + 1.0)
        .expect("the paragraph's second line");
    close(
        second_line.y - first.y,
        pt_to_mm(P.body_pitch_pt),
        "line pitch",
    );
    close(
        second_line.x,
        P.margin_left_mm,
        "continuation lines start at the margin",
    );
}

#[test]
fn page_numbers_from_page_two_top_centre() {
    let layout = reference();
    let centre = P.margin_left_mm + P.text_width_mm() / 2.0;
    assert!(
        layout.page_runs(1).iter().all(|r| !is_page_number(r)),
        "page 1 carries no number"
    );
    for page in 2..=layout.page_count() {
        let numbers: Vec<&Run> = layout
            .page_runs(page)
            .into_iter()
            .filter(|r| is_page_number(r))
            .collect();
        assert_eq!(numbers.len(), 1, "one page number on page {page}");
        assert_eq!(numbers[0].text, page.to_string());
        assert_eq!(numbers[0].size_pt, P.page_number_pt);
        close(numbers[0].centre(), centre, "page number centred");
        close(
            numbers[0].y,
            P.page_number_from_top_mm,
            "page number baseline",
        );
    }
}

#[test]
fn recipients_sit_left_of_and_level_with_the_signature() {
    let layout = reference();
    let label = layout.find("Nơi nhận");
    let authority = layout.find("T/M BAN THƯỜNG VỤ");
    let title = layout.find("PHÓ BÍ THƯ");
    let name = layout.find("Phan Hữu Hoàn");
    assert_eq!(label.page, authority.page);
    close(
        label.y,
        authority.y,
        "Nơi nhận level with the authority line",
    );
    close(label.x, P.margin_left_mm, "Nơi nhận at the left margin");
    assert!(label.right() < authority.x);
    assert_eq!(label.size_pt, P.recipients_label_pt);
    // Underlined: a rule right under the label.
    assert!(
        layout.rules.iter().any(|r| r.page == label.page
            && (r.x - label.x).abs() < TOL
            && (r.length - label.width).abs() < TOL
            && r.y > label.y
            && r.y - label.y < 3.0),
        "Nơi nhận is underlined"
    );
    let item = layout.find("Văn phòng Tỉnh ủy,");
    assert_eq!(item.size_pt, P.recipients_pt);
    let archive = layout.find("Lưu VPHU.");
    assert_eq!(archive.size_pt, P.recipients_pt);

    assert!(authority.bold && !title.bold && name.bold);
    close(
        authority.centre(),
        title.centre(),
        "title centred under the authority",
    );
    close(
        name.centre(),
        title.centre(),
        "name centred under the title",
    );
    assert!(
        name.y - title.y >= P.signature_space_mm,
        "room for signature and seal"
    );
    let column_centre = P.page_width_mm - P.margin_right_mm - P.signature_width_mm / 2.0;
    close(
        authority.centre(),
        column_centre,
        "signature block centred in its column",
    );
}

#[test]
fn each_footnote_sits_on_the_page_that_refers_to_it() {
    let layout = reference();
    let reference_line = layout.find("duy trì ổn định");
    let note = layout.find("Giá trị sản xuất ngành nông");
    assert_eq!(note.page, reference_line.page);
    assert!(note.y > reference_line.y);
    assert_eq!(note.size_pt, P.footnote_pt);
    // The mark: a small "1" on the referring line.
    let mark = layout
        .runs
        .iter()
        .find(|r| r.text == "1" && r.page == note.page && r.y < note.y)
        .expect("footnote mark");
    assert!(mark.size_pt < 14.0, "the mark is set smaller");
    assert!(
        mark.y < reference_line.y && reference_line.y - mark.y < 4.0,
        "the mark is raised on its line"
    );
    close(
        mark.x,
        reference_line.right(),
        "the mark follows the word it marks",
    );
}

#[test]
fn footnotes_on_a_later_page_follow_their_reference() {
    // Push the referring paragraph to page 2 with filler before it.
    let filler: String = (0..40)
        .map(|i| format!("\"Đoạn văn thứ {i} để đẩy chú thích sang trang sau.\",\n"))
        .collect();
    let toml = minimal_with(
        &format!("items = [\n{filler}\"Đoạn có chú thích[^n].\"]"),
        "n = \"Nội dung chú thích ở trang hai.\"",
    );
    let layout = Layout::of(&compile_str(&toml));
    let line = layout.find("Đoạn có chú thích");
    let note = layout.find("Nội dung chú thích ở trang hai.");
    assert!(line.page >= 2);
    assert_eq!(note.page, line.page);
}

#[test]
fn accented_capitals_never_touch_the_line_above() {
    // Names full of stacked diacritics, long enough to wrap.
    let toml = minimal_with("items = [\"Ộ\"]", "")
        .replace(
            "superior = \"ĐẢNG BỘ TỈNH LÂM ĐỒNG\"",
            "superior = \"ĐẢNG BỘ TỈNH QUẢNG NGÃI Ộ Ễ Ở\"",
        )
        .replace(
            "name = \"HUYỆN ỦY ĐƠN DƯƠNG\"",
            "name = \"BAN THƯỜNG VỤ HUYỆN ỦY NGHĨA HÀNH Ộ Ễ Ở ỄỘỞ ỄỄ\"",
        );
    let layout = Layout::of(&compile_str(&toml));
    let mut lines: Vec<Vec<&Run>> = Vec::new();
    for run in layout
        .page_runs(1)
        .into_iter()
        .filter(|r| r.x < P.margin_left_mm + P.header_left_mm)
    {
        match lines.last_mut() {
            Some(line) if (line[0].y - run.y).abs() < 0.1 => line.push(run),
            _ => lines.push(vec![run]),
        }
    }
    assert!(
        lines.len() >= 5,
        "the header's left column wraps: {}",
        lines.len()
    );
    for pair in lines.windows(2).take(5) {
        let above = pair[0]
            .iter()
            .map(|r| r.ink_bottom)
            .fold(f64::MIN, f64::max);
        let below = pair[1].iter().map(|r| r.ink_top).fold(f64::MAX, f64::min);
        assert!(
            below - above > 0.3,
            "{:?} touches {:?}",
            pair[1][0].text,
            pair[0][0].text
        );
    }
}

#[test]
fn long_issuer_names_wrap_between_their_units_centred() {
    let layout = example_layout(NESTED);
    let lines: Vec<&Run> = layout
        .page_runs(1)
        .into_iter()
        .filter(|r| r.bold && r.x < P.margin_left_mm + P.header_left_mm && r.y < 60.0)
        .collect();
    let texts: Vec<String> = lines.iter().map(|r| fold(&r.text)).collect();
    // Never inside "CƠ QUAN", "DOANH NGHIỆP"; "CÁC" and "VÀ" lead on.
    assert_eq!(
        texts,
        ["ĐẢNG ỦY KHỐI", "CÁC CƠ QUAN", "VÀ DOANH NGHIỆP TỈNH"]
    );
    let centre = lines[0].centre();
    for l in &lines {
        close(l.centre(), centre, "wrapped lines are centred");
    }
}

/// A small valid document whose findings part is `findings` and whose
/// footnotes table holds `footnotes`.
pub fn minimal_with(findings: &str, footnotes: &str) -> String {
    format!(
        r#"kind = "ket-luan"
number = 3
place = "Đơn Dương"
date = 2020-11-05
summary = "về công tác tháng 11"

[issuer]
superior = "ĐẢNG BỘ TỈNH LÂM ĐỒNG"
name = "HUYỆN ỦY ĐƠN DƯƠNG"
code = "HU"

[findings]
{findings}

[footnotes]
{footnotes}

[signature]
authority = "T/M BAN THƯỜNG VỤ"
title = "BÍ THƯ"
name = "Nguyễn Văn A"

[recipients]
items = ["Như trên"]
archive = "VPHU"
"#
    )
}
