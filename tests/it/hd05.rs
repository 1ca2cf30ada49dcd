//! Hướng dẫn 05-HD/VPTW read from the compiled frames: the same content
//! dated the day before and the day HD05 took effect differs exactly where
//! the-thuc.md §2A says; the HD36 values HD05 confirms hold in an HD05
//! document; the contact block goes where each guide puts it.

use crate::common::*;
use vanban::conventions::StyleProfile;

const HD05: StyleProfile = StyleProfile::PARTY_HD05;
const HD36: StyleProfile = StyleProfile::PARTY_HD36;

pub const COMMUNE: &str = "examples/ket-luan-dang-uy-xa-2026.toml";
pub const WARD: &str = "examples/thong-bao-ket-luan-dang-uy-phuong-2026.toml";

/// One document, every §2A point exercised: addressees, recipients, a
/// drafter's mark, contact information, a body whose last word has no stop.
fn content(date: &str) -> String {
    format!(
        r#"kind = "ket-luan"
number = 4
place = "Ka Đô"
date = {date}
summary = ["CỦA BAN THƯỜNG VỤ ĐẢNG UỶ XÃ", "về phát triển kinh tế tư nhân trên địa bàn xã"]
to = ["Uỷ ban nhân dân xã", "Các chi bộ trực thuộc"]
opening = "Ngày 20 tháng 5 năm 2026, Ban Thường vụ Đảng uỷ xã họp nghe Uỷ ban nhân dân xã báo cáo kết quả thực hiện Nghị quyết số 68-NQ/TW, ngày 04/5/2025 của Bộ Chính trị về phát triển kinh tế tư nhân. Sau khi thảo luận, Ban Thường vụ Đảng uỷ xã kết luận như sau:"
closing = "Văn phòng Đảng uỷ theo dõi, đôn đốc và báo cáo Ban Thường vụ Đảng uỷ xã kết quả thực hiện"

[issuer]
superior = "ĐẢNG BỘ TỈNH LÂM ĐỒNG"
name = "ĐẢNG UỶ XÃ KA ĐÔ"
code = "ĐU"
contact = "Thôn Ka Đô Mới, xã Ka Đô, tỉnh Lâm Đồng; điện thoại: 0263.3848.123"

[findings]
numbered = true
items = [
    "Các chi bộ đã quán triệt Nghị quyết đến 100% đảng viên; nhận thức về vai trò của **kinh tế tư nhân** có chuyển biến rõ nét, nhiều hộ kinh doanh đã chuyển lên doanh nghiệp.",
    "Thủ tục đăng ký hộ kinh doanh được giải quyết trực tuyến toàn trình; thời gian giải quyết giảm bình quân 40% so với quy định, được người dân và doanh nghiệp đồng tình.",
]

[signature]
authority = "T/M BAN THƯỜNG VỤ"
title = "BÍ THƯ"
name = "Lê Văn Thành"

[recipients]
items = ["Ban Thường vụ Tỉnh uỷ (b/c)", "Các đồng chí Đảng uỷ viên"]
archive = "Văn phòng Đảng uỷ"
drafter = "NguyenVanAn"
copies = 26
"#
    )
}

/// Runs top to bottom, left to right, page by page.
fn reading_order<'a>(runs: impl Iterator<Item = &'a Run>) -> Vec<&'a Run> {
    let mut runs: Vec<&Run> = runs.collect();
    runs.sort_by(|a, b| {
        (a.page, a.y, a.x)
            .partial_cmp(&(b.page, b.y, b.x))
            .expect("numbers")
    });
    runs
}

/// The lines of a layout, in reading order: page, baseline, left end, the
/// text of its runs joined, and the size of its first run.
fn lines<'a>(runs: impl Iterator<Item = &'a Run>) -> Vec<(usize, f64, f64, String, f64)> {
    let runs = reading_order(runs);
    let mut out: Vec<(usize, f64, f64, String, f64)> = Vec::new();
    for r in runs {
        match out.last_mut() {
            Some(line) if line.0 == r.page && (line.1 - r.y).abs() < 0.1 => {
                line.3 = fold(&format!("{} {}", line.3, r.text));
            }
            _ => out.push((r.page, r.y, r.x, fold(&r.text), r.size_pt)),
        }
    }
    out
}

/// The body's words with their style, in reading order.
fn words<'a>(runs: impl Iterator<Item = &'a Run>) -> Vec<(String, bool, bool, f64)> {
    let runs = reading_order(runs);
    runs.iter()
        .flat_map(|r| {
            r.text
                .split_whitespace()
                .map(|w| (w.to_owned(), r.bold, r.italic, r.size_pt))
        })
        .collect()
}

/// "- …," becomes "- …;": HD05's separator after each recipient.
fn with_semicolon(line: &str) -> String {
    match line.strip_suffix(',') {
        Some(rest) => format!("{rest};"),
        None => line.to_owned(),
    }
}

/// The regions of a document, split at landmarks every version has.
struct Regions<'a> {
    layout: &'a Layout,
    /// Baseline of "KẾT LUẬN", of "Kính gửi:", of the body's first line.
    title: f64,
    to: f64,
    body: f64,
    /// "Nơi nhận" and the contact block's rule.
    label: &'a Run,
    contact_rule: &'a Rule,
}

impl<'a> Regions<'a> {
    fn of(layout: &'a Layout) -> Self {
        let last = layout.page_count();
        Regions {
            layout,
            title: layout.find("KẾT LUẬN").y,
            to: layout.find("Kính gửi").y,
            body: layout.find("Ngày 20 tháng 5").y,
            label: layout.find("Nơi nhận"),
            contact_rule: layout
                .rules
                .iter()
                .filter(|r| r.page == last)
                .max_by(|a, b| a.y.total_cmp(&b.y))
                .expect("a rule on the last page"),
        }
    }

    fn page_one_between(&self, from: f64, to: f64) -> impl Iterator<Item = &'a Run> {
        self.layout
            .runs
            .iter()
            .filter(move |r| r.page == 1 && r.y >= from - 0.1 && r.y < to - 0.1)
    }

    fn is_contact(&self, r: &Run) -> bool {
        r.page == self.contact_rule.page && r.y > self.contact_rule.y
    }

    fn is_page_number(r: &Run) -> bool {
        r.y < 20.0 && r.text.trim().chars().all(|c| c.is_ascii_digit())
    }

    fn body(&self) -> impl Iterator<Item = &Run> {
        let label = self.label;
        self.layout.runs.iter().filter(move |r| {
            (r.page, r.y) >= (1, self.body - 0.1)
                && (r.page, r.y) < (label.page, label.y - 0.1)
                && !Self::is_page_number(r)
                && !self.is_contact(r)
        })
    }

    /// Recipients and signature, relative to "Nơi nhận".
    fn closing(&self) -> Vec<(f64, f64, String, f64, bool, bool)> {
        let label = self.label;
        let runs = reading_order(
            self.layout
                .runs
                .iter()
                .filter(|r| (r.page, r.y) >= (label.page, label.y - 0.1) && !self.is_contact(r))
                .filter(|r| !Self::is_page_number(r)),
        );
        runs.iter()
            .map(|r| {
                (
                    r.x - label.x,
                    r.y - label.y,
                    fold(&r.text),
                    r.size_pt,
                    r.bold,
                    r.italic,
                )
            })
            .collect()
    }
}

fn same_geometry(
    a: &[(usize, f64, f64, String, f64)],
    b: &[(usize, f64, f64, String, f64)],
    what: &str,
) {
    assert_eq!(a.len(), b.len(), "{what}: {a:?} / {b:?}");
    for (x, y) in a.iter().zip(b) {
        assert_eq!((x.0, &x.3, x.4), (y.0, &y.3, y.4), "{what}");
        close(x.1, y.1, &format!("{what}: baseline of {:?}", x.3));
        close(x.2, y.2, &format!("{what}: left end of {:?}", x.3));
    }
}

/// 26/5/2026 is HD36's last day, 27/5/2026 HD05's first. The two
/// documents differ in the date, the line pitch, the first-line indent,
/// the separators of addressees and recipients, the drafter's mark and
/// the end mark — and in nothing else: header, title, "Kính gửi:", every
/// word of the body, the signature block and the contact block stay put.
#[test]
fn the_day_hd05_took_effect_changes_only_what_it_changed() {
    let hd36 = Layout::of(&compile_str(&content("2026-05-26")));
    let hd05 = Layout::of(&compile_str(&content("2026-05-27")));
    let (a, b) = (Regions::of(&hd36), Regions::of(&hd05));

    // Header: only the day moves.
    let header = |r: &Regions| lines(r.page_one_between(0.0, r.title));
    let mut expected = header(&a);
    for line in &mut expected {
        line.3 = line.3.replace("ngày 26 tháng 5", "ngày 27 tháng 5");
    }
    assert!(
        expected
            .iter()
            .any(|l| l.3 == "* Ka Đô, ngày 27 tháng 5 năm 2026"),
        "{expected:?}"
    );
    same_geometry(&expected, &header(&b), "header");

    // Title and summary: the same.
    let title = |r: &Regions| lines(r.page_one_between(r.title, r.to));
    same_geometry(&title(&a), &title(&b), "title block");
    close(a.to, b.to, "Kính gửi's baseline");
    for layout in [&hd36, &hd05] {
        let label = layout.find("Kính gửi");
        assert!(
            label.italic && !label.bold && label.size_pt == 14.0,
            "Kính gửi: 14 italic"
        );
        let addressee = layout.find("Uỷ ban nhân dân xã");
        assert!(
            !addressee.italic && addressee.size_pt == 14.0,
            "addressees 14 upright"
        );
    }

    // Addressees: ";" after each but the last.
    let to = |r: &Regions| lines(r.page_one_between(r.to, r.body));
    let expected: Vec<_> = to(&a)
        .into_iter()
        .map(|l| (l.0, l.1, l.2, with_semicolon(&l.3), l.4))
        .collect();
    assert_eq!(
        expected.iter().map(|l| l.3.as_str()).collect::<Vec<_>>(),
        [
            "Kính gửi:",
            "- Uỷ ban nhân dân xã;",
            "- Các chi bộ trực thuộc."
        ]
    );
    same_geometry(&expected, &to(&b), "addressees");

    // The body: the same words in the same styles, and HD05's "." at the
    // end; set with HD05's indent and pitch.
    let (mut wa, wb) = (words(a.body()), words(b.body()));
    let last = wa.last_mut().expect("words");
    assert_eq!(last.0, "hiện", "HD36 adds no end mark");
    last.0.push('.');
    assert_eq!(wa, wb);
    for (layout, profile) in [(&hd36, &HD36), (&hd05, &HD05)] {
        let first = layout.find("Ngày 20 tháng 5");
        close(
            first.x,
            profile.margin_left_mm + profile.first_line_indent_mm,
            &format!("{}: first-line indent", profile.name),
        );
        let second = layout
            .runs
            .iter()
            .filter(|r| r.page == first.page && r.y > first.y + 1.0)
            .min_by(|p, q| p.y.total_cmp(&q.y))
            .expect("a second line");
        close(
            second.y - first.y,
            pt_to_mm(profile.body_pitch_pt),
            &format!("{}: line pitch", profile.name),
        );
    }
    assert_eq!(
        (HD36.first_line_indent_mm, HD05.first_line_indent_mm),
        (12.7, 10.0)
    );
    assert_eq!((HD36.body_pitch_pt, HD05.body_pitch_pt), (18.0, 19.0));

    // Recipients and signature: the same places; ";" after each recipient,
    // and the drafter's mark in HD05's form and size.
    let (ca, cb) = (a.closing(), b.closing());
    assert_eq!(ca.len(), cb.len(), "{ca:?} / {cb:?}");
    for (x, y) in ca.iter().zip(&cb) {
        let (text, size) = match x.2.as_str() {
            "NGUYENVANAN-26" => ("NguyenVanAn-26".to_owned(), HD05.drafter_pt),
            // A recipient's line, or its last run ("(b/c),", kept whole).
            t if t.starts_with("- ") || t.ends_with("),") => (with_semicolon(t), x.3),
            t => (t.to_owned(), x.3),
        };
        assert_eq!((&text, size, x.4, x.5), (&y.2, y.3, y.4, y.5));
        close(x.0, y.0, &format!("{text}: across from Nơi nhận"));
        close(x.1, y.1, &format!("{text}: below Nơi nhận"));
    }
    // Runs on one baseline make one line ("(b/c);" is a run of its own).
    let mut texts: Vec<String> = Vec::new();
    let mut last_y = f64::NAN;
    for c in cb.iter().filter(|c| c.0 < 100.0) {
        if (c.1 - last_y).abs() < 0.1 {
            if let Some(line) = texts.last_mut() {
                line.push(' ');
                line.push_str(&c.2);
            }
        } else {
            texts.push(c.2.clone());
        }
        last_y = c.1;
    }
    for line in [
        "- Như trên;",
        "- Ban Thường vụ Tỉnh uỷ (b/c);",
        "- Các đồng chí Đảng uỷ viên;",
        "- Lưu Văn phòng Đảng uỷ.",
        "NguyenVanAn-26",
    ] {
        assert!(texts.iter().any(|t| t == line), "{line} in {texts:?}");
    }
    let drafter = |c: &[(f64, f64, String, f64, bool, bool)]| {
        c.iter()
            .find(|r| r.2.ends_with("-26"))
            .map(|r| (r.3, r.4, r.5))
    };
    assert_eq!(drafter(&ca), Some((HD36.drafter_pt, false, false)));
    assert_eq!(drafter(&cb), Some((11.0, false, false)), "11 pt, upright");

    // Contact information: on the last page, in the same place, under the
    // same rule, in both.
    let contact = |r: &Regions| {
        lines(r.layout.runs.iter().filter(|run| r.is_contact(run)))
            .into_iter()
            .map(|l| (l.0 - r.layout.page_count(), l.1, l.2, l.3, l.4))
            .collect::<Vec<_>>()
    };
    same_geometry(&contact(&a), &contact(&b), "contact");
    close(a.contact_rule.y, b.contact_rule.y, "contact rule");
    close(a.contact_rule.length, b.contact_rule.length, "contact rule");
}

/// The HD36 values marked [S] that HD05 states, read from an HD05
/// document: margins, sizes, weights, the "-----", "Nơi nhận" underlined,
/// page numbers.
#[test]
fn hd05_keeps_what_hd36_had() {
    let layout = example_layout(COMMUNE);
    assert_eq!(layout.page_count(), 2);
    for &(w, h) in &layout.pages {
        close(w, 210.0, "A4 width");
        close(h, 297.0, "A4 height");
    }
    let body = layout.find("Ngày 08 tháng 6 năm 2026");
    let (mut left, mut right) = (false, false);
    for r in &layout.runs {
        if r.y < 20.0 {
            continue; // a page number
        }
        assert!(
            r.x >= 30.0 - TOL && r.right() <= 195.0 + TOL,
            "{:?}",
            r.text
        );
        assert!(
            r.ink_top >= 20.0 - TOL && r.ink_bottom <= 277.0 + TOL,
            "{:?}",
            r.text
        );
        left |= (r.x - 30.0).abs() < TOL;
        right |= (r.right() - 195.0).abs() < TOL;
    }
    assert!(
        left && right,
        "margins 30 and 15 mm, text justified to both"
    );

    let style = |needle: &str| {
        let r = layout.find(needle);
        (r.size_pt, r.bold, r.italic)
    };
    assert_eq!(style("ĐẢNG CỘNG SẢN VIỆT NAM"), (15.0, true, false));
    assert_eq!(style("ĐẢNG BỘ TỈNH LÂM ĐỒNG"), (14.0, false, false));
    assert_eq!(style("ĐẢNG UỶ XÃ KA ĐÔ"), (14.0, true, false));
    assert_eq!(style("Số 18-KL/ĐU"), (14.0, false, false));
    assert_eq!(
        style("Ka Đô, ngày 12 tháng 6 năm 2026"),
        (14.0, false, true)
    );
    assert_eq!(style("KẾT LUẬN"), (16.0, true, false));
    assert_eq!(style("CỦA BAN THƯỜNG VỤ ĐẢNG UỶ XÃ"), (14.0, true, false));
    assert_eq!(style("-----"), (14.0, false, false));
    assert_eq!(body.size_pt, 14.0);
    assert_eq!(style("T/M BAN THƯỜNG VỤ"), (14.0, true, false));
    assert_eq!(style("BÍ THƯ"), (14.0, false, false));
    assert_eq!(style("Lê Văn Thành"), (14.0, true, false));
    assert_eq!(style("Nơi nhận"), (14.0, false, false));
    assert_eq!(style("Lưu Văn phòng Đảng uỷ."), (12.0, false, false));
    assert_eq!(style("NguyenThiHoa-25"), (11.0, false, false));
    let title = layout.find("ĐẢNG CỘNG SẢN VIỆT NAM");
    assert!(
        layout
            .rules
            .iter()
            .any(|r| r.page == 1 && (r.length - title.width).abs() < TOL && r.y > title.y),
        "a rule as long as the Party's title"
    );
    let label = layout.find("Nơi nhận");
    assert!(
        layout.rules.iter().any(|r| r.page == label.page
            && (r.length - label.width).abs() < TOL
            && r.y > label.y
            && r.y - label.y < 3.0),
        "Nơi nhận underlined"
    );
    // Paragraphs at least 6 pt apart: two paragraphs of one item list.
    let first = layout.find("Các chi bộ, cơ quan, đoàn thể");
    let next = layout.find("Trong một năm, toàn xã");
    let lines_between = ((next.y - first.y) / pt_to_mm(HD05.body_pitch_pt)).floor();
    close(
        next.y - first.y,
        lines_between * pt_to_mm(HD05.body_pitch_pt) + pt_to_mm(6.0),
        "paragraph spacing",
    );
    // Page numbers from page 2, 14 pt, centred over the text.
    assert!(layout.page_runs(1).iter().all(|r| r.y > 20.0));
    let number = layout
        .page_runs(2)
        .into_iter()
        .find(|r| r.y < 20.0)
        .expect("a page number");
    assert_eq!((number.text.as_str(), number.size_pt), ("2", 14.0));
    close(number.centre(), 30.0 + 165.0 / 2.0, "page number centred");
    close(
        number.y,
        HD05.page_number_from_top_mm,
        "page number baseline",
    );
}

/// Contact information (ô 13): under a rule across the text width, HD05
/// and HD36 at the foot of the last page in 10 pt, ND30 at the foot of the
/// first page in 11 pt; the body flows above it.
#[test]
fn the_contact_block_goes_where_each_guide_puts_it() {
    let layout = example_layout(COMMUNE);
    let check = |layout: &Layout, page: usize, size: f64, what: &str| {
        let rule = layout
            .rules
            .iter()
            .find(|r| r.page == page && (r.length - 165.0).abs() < TOL)
            .unwrap_or_else(|| panic!("{what}: a rule across the text on page {page}"));
        close(
            rule.x,
            30.0,
            &format!("{what}: the rule starts at the left margin"),
        );
        let contact: Vec<&Run> = layout
            .runs
            .iter()
            .filter(|r| r.page == page && r.y > rule.y)
            .collect();
        assert!(!contact.is_empty(), "{what}: text under the rule");
        for r in &contact {
            assert_eq!(r.size_pt, size, "{what}: {:?}", r.text);
            assert!(!r.bold && !r.italic, "{what}: upright");
        }
        let bottom = contact.iter().map(|r| r.ink_bottom).fold(0.0, f64::max);
        assert!(
            277.0 - bottom < 8.0 && bottom <= 277.0 + TOL,
            "{what}: at the foot of the page, inside the margin ({bottom:.1} mm)"
        );
        let above = layout
            .runs
            .iter()
            .filter(|r| r.page == page && r.y < rule.y)
            .map(|r| r.ink_bottom)
            .fold(0.0, f64::max);
        assert!(above < rule.y, "{what}: nothing runs into the block");
        let pages_with_rule: Vec<usize> = layout
            .rules
            .iter()
            .filter(|r| (r.length - 165.0).abs() < TOL)
            .map(|r| r.page)
            .collect();
        assert_eq!(pages_with_rule, [page], "{what}: only on page {page}");
    };
    check(layout, layout.page_count(), 10.0, "HD05");
    assert!(
        fold(&frame_text(example(COMMUNE)))
            .contains("Thôn Ka Đô Mới, xã Ka Đô, tỉnh Lâm Đồng; điện thoại: 0263.3848.123; email:")
    );

    let hd36 = Layout::of(&compile_str(&content("2026-05-26")));
    check(&hd36, hd36.page_count(), 10.0, "HD36");

    // ND30: the first page, even when the body runs on. (A footnote on
    // that page would stand under the block: Typst sets footnotes below
    // bottom floats; the example's footnote is left out here.)
    let state = read("examples/thong-bao-ubnd-tinh.toml")
        .replace("[^gn]", "")
        .replace(
        "[issuer]\n",
        "[issuer]\ncontact = [\"Số 01 đường Trần Hưng Đạo, phường Lào Cai, tỉnh Lào Cai\", \"Điện thoại: 0214.3840.000; thư điện tử: vanphong@laocai.gov.vn\"]\n",
    );
    assert!(
        state.contains("contact ="),
        "the State example has an [issuer] table"
    );
    let state = Layout::of(&compile_str(&state));
    assert!(state.page_count() >= 2);
    check(&state, 1, 11.0, "ND30");
}

/// The guide is in the PDF's keywords, after the type name.
#[test]
fn the_pdf_names_its_guide() {
    let keywords = |rel: &str| {
        let pdf = lopdf::Document::load_mem(&make_pdf(rel, &read(rel))).expect("a PDF");
        let info = pdf
            .trailer
            .get(b"Info")
            .and_then(|o| o.as_reference())
            .and_then(|r| pdf.get_dictionary(r))
            .expect("an Info dictionary");
        let bytes = info
            .get(b"Keywords")
            .and_then(|o| o.as_str())
            .expect("keywords");
        lopdf::decode_text_string(&lopdf::Object::String(
            bytes.to_vec(),
            lopdf::StringFormat::Literal,
        ))
        .expect("text")
    };
    assert_eq!(keywords(COMMUNE), "KẾT LUẬN, Hướng dẫn 05-HD/VPTW");
    assert_eq!(keywords(WARD), "THÔNG BÁO KẾT LUẬN, Hướng dẫn 05-HD/VPTW");
    assert_eq!(keywords(REFERENCE), "KẾT LUẬN, Hướng dẫn 36-HD/VPTW");
    assert_eq!(
        keywords("examples/thong-bao-ubnd-tinh.toml"),
        "THÔNG BÁO, Nghị định 30/2020/NĐ-CP"
    );
}

/// The office conveys the conclusion: the deputy head signs by order in
/// person, and the body ends with one stop.
#[test]
fn the_ward_notice_is_signed_by_order_directly() {
    let layout = example_layout(WARD);
    let authority = layout.find("T/L BAN THƯỜNG VỤ");
    let title = layout.find("PHÓ CHÁNH VĂN PHÒNG");
    assert!(authority.bold && !title.bold);
    assert!(title.y > authority.y);
    let between: Vec<&Run> = layout
        .runs
        .iter()
        .filter(|r| r.page == authority.page && r.x > 100.0)
        .filter(|r| r.y > authority.y + 0.1 && r.y < title.y - 0.1)
        .collect();
    assert!(between.is_empty(), "no K/T line: {between:?}");
    let text = fold(&frame_text(example(WARD)));
    assert!(text.contains("biết, thực hiện. Nơi nhận"), "{text}");
    assert!(
        text.contains("- Lưu Văn phòng Đảng uỷ. TranMinhDuc-20"),
        "{text}"
    );
}
