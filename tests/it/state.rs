//! The State layout (Nghị định 30/2020/NĐ-CP, Phụ lục I) and the Party's
//! THÔNG BÁO KẾT LUẬN, read from the compiled frames. Lengths in mm.

use crate::common::*;
use vanban::conventions::StyleProfile;

const STATE: &str = "examples/thong-bao-ubnd-tinh.toml";
const PARTY_NOTICE: &str = "examples/thong-bao-ket-luan-tinh-uy.toml";
const S: StyleProfile = StyleProfile::STATE_ND30;

fn state() -> &'static Layout {
    example_layout(STATE)
}

/// The rule right under `run` (within `within` mm of its baseline).
fn rule_under<'a>(layout: &'a Layout, run: &Run, within: f64) -> &'a Rule {
    layout
        .rules
        .iter()
        .filter(|r| r.page == run.page && r.y > run.y && r.y - run.y < within)
        .filter(|r| r.x < run.right() && r.x + r.length > run.x)
        .min_by(|a, b| a.y.total_cmp(&b.y))
        .unwrap_or_else(|| panic!("no rule under {:?}", run.text))
}

#[test]
fn national_title_and_motto_with_a_rule_as_long_as_the_motto() {
    let layout = state();
    let title = layout.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    let motto = layout.find("Độc lập - Tự do - Hạnh phúc");
    assert!(title.bold && motto.bold);
    assert_eq!(title.size_pt, S.header_title_pt);
    assert_eq!(motto.size_pt, S.motto_pt);
    assert_eq!(title.size_pt, 13.0);
    assert_eq!(motto.size_pt, 14.0);
    let first = layout.page_runs(1)[0].y;
    close(title.y, first, "the national title on the first line");
    assert!(motto.y > title.y);
    close(
        motto.centre(),
        title.centre(),
        "motto centred under the title",
    );
    let right_column = S.margin_left_mm + S.header_left_mm;
    assert!(
        title.x >= right_column - TOL,
        "the national title fits its column on one line"
    );
    close(title.right().max(right_column), title.right(), "one line");
    let rule = rule_under(layout, motto, 4.0);
    close(rule.length, motto.width, "rule as long as the motto");
    close(rule.x, motto.x, "rule under the motto");
}

#[test]
fn issuing_body_wraps_centred_with_a_short_rule() {
    let layout = state();
    let first = layout.find("ỦY BAN NHÂN DÂN");
    let second = layout.find("TỈNH LÀO CAI");
    assert!(first.bold && second.bold);
    assert_eq!(first.size_pt, S.issuer_pt);
    assert!(second.y > first.y, "the long name takes two lines");
    close(first.centre(), second.centre(), "both lines centred");
    let rule = rule_under(layout, second, 4.0);
    let share = rule.length / second.width.max(first.width);
    assert!(
        (1.0 / 3.0 - 0.01..=0.5 + 0.01).contains(&share),
        "rule is {share:.2} of the line"
    );
    close(rule.x + rule.length / 2.0, second.centre(), "rule centred");
}

#[test]
fn number_and_date_share_a_baseline() {
    let layout = state();
    let number = layout.find("Số: 218/TB-UBND");
    let date = layout.find("Lào Cai, ngày 08 tháng 01 năm 2024");
    assert_eq!(number.size_pt, S.number_pt);
    assert!(!number.bold && !number.italic);
    assert!(date.italic);
    assert_eq!(date.size_pt, S.place_date_pt);
    close(number.y, date.y, "same baseline");
    let motto = layout.find("Độc lập - Tự do - Hạnh phúc");
    close(
        date.centre(),
        motto.centre(),
        "date centred under the motto",
    );
    let issuer = layout.find("TỈNH LÀO CAI");
    close(
        number.centre(),
        issuer.centre(),
        "number centred under the issuing body",
    );
}

#[test]
fn title_summary_and_rule() {
    let layout = state();
    let title = layout.find("THÔNG BÁO");
    assert!(title.bold);
    assert_eq!(title.size_pt, S.doc_title_pt);
    let centre = S.margin_left_mm + S.text_width_mm() / 2.0;
    close(title.centre(), centre, "title centred");
    let summary = layout.find("Kết luận của Chủ tịch UBND tỉnh");
    assert!(
        summary.bold && summary.text.starts_with('K'),
        "the State's summary starts with a capital"
    );
    let last = layout.find("năm 2023 và kế hoạch năm 2024");
    let rule = rule_under(layout, last, 6.0);
    close(rule.x + rule.length / 2.0, centre, "summary rule centred");
    let share = rule.length / summary.width.max(last.width);
    assert!(
        (1.0 / 3.0 - 0.01..=0.5 + 0.01).contains(&share),
        "rule is {share:.2} of the line"
    );
}

#[test]
fn body_sections_items_and_the_closing_mark() {
    let layout = state();
    for heading in [
        "I. ĐÁNH GIÁ CHUNG",
        "II. TỒN TẠI, HẠN CHẾ",
        "III. NHIỆM VỤ TRỌNG TÂM NĂM 2024",
    ] {
        let run = layout.find(heading);
        assert!(run.bold, "{heading}");
        assert_eq!(run.size_pt, 14.0);
    }
    let item = layout.find("1. Sở Kế hoạch và Đầu tư");
    assert!(item.bold);
    let dash = layout.find("- Chủ trì, phối hợp với Sở Tài chính");
    assert!(!dash.bold && dash.y > item.y);
    close(
        dash.x,
        S.margin_left_mm + S.first_line_indent_mm,
        "dash items at the indent",
    );
    let last = layout.find("biết, thực hiện./.");
    assert!(
        layout
            .runs
            .iter()
            .all(|r| r.page < last.page || r.y <= last.y || r.y > last.y + 5.0 || r.size_pt < 14.0),
        "./. ends the body"
    );
    assert!(
        layout
            .runs
            .iter()
            .filter(|r| r.text.contains("./."))
            .count()
            == 1
    );
}

#[test]
fn three_line_signature_and_state_recipients() {
    let layout = state();
    let lines: Vec<&Run> = [
        "TL. CHỦ TỊCH",
        "KT. CHÁNH VĂN PHÒNG",
        "PHÓ CHÁNH VĂN PHÒNG",
        "Lê Thị Thu Hà",
    ]
    .iter()
    .map(|t| layout.find(t))
    .collect();
    for pair in lines.windows(2) {
        assert!(pair[1].y > pair[0].y);
        close(
            pair[1].centre(),
            pair[0].centre(),
            "signature lines centred",
        );
    }
    assert!(lines.iter().all(|r| r.bold), "State titles are bold");
    let label = layout.find("Nơi nhận:");
    assert!(label.bold && label.italic);
    assert_eq!(label.size_pt, S.recipients_label_pt);
    close(
        label.y,
        lines[0].y,
        "Nơi nhận level with the first authority line",
    );
    let item = layout.find("- Thường trực Tỉnh ủy");
    assert_eq!(item.size_pt, S.recipients_pt);
    // "(b/c)" stands whole, on the line of its recipient.
    let bc = layout.find("(b/c);");
    assert_eq!(bc.y, item.y);
    let archive = layout.find("- Lưu: VT, VP, TH1, XDCB2.");
    assert_eq!(archive.size_pt, S.recipients_pt);
    let drafter = layout.find("TH.(30)");
    assert!(drafter.y > archive.y);
    assert_eq!(drafter.size_pt, S.drafter_pt);
    let items = layout
        .runs
        .iter()
        .filter(|r| {
            r.page == label.page
                && r.y > label.y
                && r.size_pt == S.recipients_pt
                && r.text.starts_with("- ")
        })
        .count();
    assert_eq!(items, 10, "nine recipients and the archive line");
}

#[test]
fn state_pages_are_numbered_from_two() {
    let layout = state();
    assert_eq!(
        layout.page_count(),
        3,
        "the State example runs to three pages"
    );
    for page in 1..=3 {
        let numbers: Vec<&Run> = layout
            .page_runs(page)
            .into_iter()
            .filter(|r| r.y < S.margin_top_mm)
            .collect();
        if page == 1 {
            assert!(numbers.is_empty());
        } else {
            assert_eq!(numbers.len(), 1);
            assert_eq!(numbers[0].text, page.to_string());
        }
    }
}

#[test]
fn party_notice_spells_the_party_way() {
    let layout = example_layout(PARTY_NOTICE);
    let title = layout.find("THÔNG BÁO KẾT LUẬN");
    assert!(title.bold);
    assert!(layout.find("Số 312-TB/TU").size_pt == 14.0);
    assert!(layout.find("ĐẢNG CỘNG SẢN VIỆT NAM").bold);
    for heading in [
        "I- KẾT QUẢ ĐẠT ĐƯỢC",
        "II- HẠN CHẾ",
        "III- NHIỆM VỤ, GIẢI PHÁP NĂM 2023",
    ] {
        assert!(layout.find(heading).bold, "{heading}");
    }
    for ordinal in [
        "Thứ nhất, nhận thức",
        "Thứ hai, hạ tầng số",
        "Thứ ba, chỉ số",
    ] {
        layout.find(ordinal);
    }
    let authority = layout.find("T/L BAN THƯỜNG VỤ");
    let title = layout.find("CHÁNH VĂN PHÒNG");
    assert!(authority.bold && !title.bold, "Party titles are not bold");
    assert!(layout.find("- Lưu Văn phòng Tỉnh ủy.").size_pt == 12.0);
    assert!(
        !layout.runs.iter().any(|r| r.text.contains("./.")),
        "no ./. in Party documents"
    );
}

#[test]
fn the_same_content_issued_under_both_standards() {
    // The reference conclusion as a State notice: only the kind changes.
    let toml = read(REFERENCE).replace("kind = \"ket-luan\"", "kind = \"thong-bao\"");
    let layout = Layout::of(&compile_str(&toml));
    layout.find("Số: 15/TB-HU");
    layout.find("TM. BAN THƯỜNG VỤ");
    assert!(layout.find("PHÓ BÍ THƯ").bold);
    layout.find("- Lưu: VT, VPHU.");
    layout.find("- Văn phòng Tỉnh ủy;");
    layout.find("hành chính./.");
    assert_eq!(
        layout.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").size_pt,
        13.0
    );
}

#[test]
fn layout_overrides_within_the_range_move_the_page() {
    let toml = read(STATE).replace(
        "[issuer]",
        "[layout]\nmargin_left_mm = 35\nmargin_top_mm = 25\nbody_pt = 13\n\n[issuer]",
    );
    let layout = Layout::of(&compile_str(&toml));
    let first = layout.find("Ngày 05 tháng 01 năm 2024");
    assert_eq!(first.size_pt, 13.0, "the body follows body_pt");
    close(
        first.x,
        35.0 + S.first_line_indent_mm,
        "the left margin moved",
    );
    let title = layout.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assert!(title.ink_top >= 25.0 - TOL, "the top margin moved");
    // The line pitch moves with the size: 17 pt × 13/14.
    let second = layout
        .page_runs(1)
        .into_iter()
        .find(|r| r.y > first.y + 1.0 && r.size_pt == 13.0)
        .expect("second line");
    close(
        second.y - first.y,
        pt_to_mm(S.body_pitch_pt * 13.0 / 14.0),
        "pitch follows size",
    );
    // The right margin did not move: justified lines still end at 195 mm.
    assert!(layout.runs.iter().any(|r| (r.right() - 195.0).abs() < TOL));
}

#[test]
fn addressees_two_level_issuer_and_a_padded_number() {
    let layout = example_layout("examples/thong-bao-van-phong-ubnd.toml");
    let superior = layout.find("UBND TỈNH LÀO CAI");
    let issuer = layout.find("VĂN PHÒNG");
    assert!(!superior.bold && issuer.bold);
    assert!(issuer.y > superior.y);
    close(
        issuer.centre(),
        superior.centre(),
        "issuing body centred under its superior",
    );
    layout.find("Số: 07/TB-VPUBND");
    layout.find("Lào Cai, ngày 02 tháng 3 năm 2024");

    let label = layout.find("Kính gửi:");
    assert!(!label.italic, "upright in State documents");
    // Several addressees: the label alone on its line, each addressee on a
    // line below, its dash under the label's colon.
    assert_eq!(layout.line_of(label).len(), 1, "Kính gửi: stands alone");
    let lines = [
        "- Sở Giao thông vận tải;",
        "- Ban Quản lý dự án đầu tư xây dựng tỉnh;",
        "- UBND huyện Bảo Thắng.",
    ]
    .map(|t| layout.find(t));
    let colon = label.right() - advance(':', label.size_pt);
    let mut above = label.y;
    for line in lines {
        close(
            line.x,
            colon,
            &format!("{:?} starts under the colon", line.text),
        );
        close(
            line.y - above,
            pt_to_mm(S.body_pitch_pt),
            "one line under the other",
        );
        above = line.y;
    }
    let last = lines[2];
    let title = layout.find("THÔNG BÁO");
    let opening = layout.find("Ngày 28 tháng 02 năm 2024");
    assert!(
        title.y < label.y && last.y < opening.y,
        "between the title and the body"
    );

    let recipients: Vec<&str> = layout
        .runs
        .iter()
        .filter(|r| r.size_pt == S.recipients_pt && r.text.starts_with("- "))
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(
        recipients,
        [
            "- Như trên;",
            "- Chủ tịch, các PCT UBND tỉnh;",
            "- Lãnh đạo Văn phòng;",
            "- Lưu: VT, XDCB1."
        ]
    );
}

/// The advance of a character of Liberation Serif Regular, in mm.
fn advance(c: char, size_pt: f64) -> f64 {
    let data = std::fs::read(path("fonts/LiberationSerif-Regular.ttf")).expect("the font");
    let face = ttf_parser::Face::parse(&data, 0).expect("a font");
    let glyph = face.glyph_index(c).expect("the glyph");
    let units = face.glyph_hor_advance(glyph).expect("an advance");
    pt_to_mm(f64::from(units) / f64::from(face.units_per_em()) * size_pt)
}

#[test]
fn one_addressee_stands_on_the_label_line() {
    let toml = read("examples/thong-bao-van-phong-ubnd.toml").replace(
        "to = [\n    \"Sở Giao thông vận tải\",\n    \"Ban Quản lý dự án đầu tư xây dựng tỉnh\",\n    \"UBND huyện Bảo Thắng\",\n]",
        "to = \"Sở Giao thông vận tải\"",
    );
    assert!(toml.contains("to = \"Sở Giao thông vận tải\""));
    let layout = Layout::of(&compile_str(&toml));
    let label = layout.find("Kính gửi:");
    let addressee = layout.find("Sở Giao thông vận tải");
    close(addressee.y, label.y, "one addressee on the label's line");
    assert!(addressee.x > label.right());
}

#[test]
fn a_bare_title_signs_without_an_authority_line() {
    let toml = read(STATE).replace(
        "authority = [\"TL. CHỦ TỊCH\", \"KT. CHÁNH VĂN PHÒNG\"]   # người ký ba dòng\ntitle = \"PHÓ CHÁNH VĂN PHÒNG\"",
        "title = \"CHÁNH VĂN PHÒNG\"",
    );
    let layout = Layout::of(&compile_str(&toml));
    assert!(
        !layout
            .runs
            .iter()
            .any(|r| r.text.contains("TL.") || r.text.contains("KT."))
    );
    let title = layout.find("CHÁNH VĂN PHÒNG");
    let label = layout.find("Nơi nhận:");
    close(
        title.y,
        label.y,
        "the title takes the authority line's place",
    );
    assert!(title.bold);
}

#[test]
fn headings_and_item_titles_stay_with_what_follows() {
    let layout = state();
    let heading = layout.find("III. NHIỆM VỤ TRỌNG TÂM NĂM 2024");
    let first_item = layout.find("1. Sở Kế hoạch và Đầu tư");
    assert_eq!(
        heading.page, first_item.page,
        "no heading alone at the foot of a page"
    );
    for page in 1..=layout.page_count() {
        let body: Vec<&Run> = layout
            .page_runs(page)
            .into_iter()
            .filter(|r| r.size_pt == S.body_pt && r.y > S.margin_top_mm)
            .collect();
        if let Some(last) = body.last() {
            assert!(
                !(last.bold
                    && last
                        .text
                        .trim_end()
                        .ends_with(|c: char| c.is_uppercase() || c.is_ascii_digit())),
                "page {page} ends with the title {:?}",
                last.text
            );
        }
    }
}
