//! How the body runs over pages: the signature block never stands on a
//! page without text, and no paragraph leaves a single line alone at the
//! foot or the head of a page.

use crate::common::*;
use vanban::conventions::StyleProfile;

const S: StyleProfile = StyleProfile::STATE_ND30;

/// A State notice whose findings are `n` one-line paragraphs, then a
/// closing of two lines.
fn filled(n: usize) -> String {
    let items: Vec<String> = (1..=n)
        .map(|i| format!("\"Ý kiến thứ {i} của các đại biểu dự họp.\""))
        .collect();
    crate::body_text::state_notice(&format!(
        "closing = \"Văn phòng Ủy ban nhân dân xã thông báo để các cơ quan, đơn vị, cá nhân có liên quan biết, thực hiện.\"\n\n[findings]\nitems = [{}]\n",
        items.join(", ")
    ))
}

/// The body lines (text of the body's size, below the top margin) on
/// `page` above `limit` mm.
fn body_lines_above(layout: &Layout, page: usize, limit: f64) -> Vec<f64> {
    let mut ys: Vec<f64> = layout
        .page_runs(page)
        .into_iter()
        .filter(|r| r.size_pt == S.body_pt && r.y > S.margin_top_mm && r.y < limit)
        .map(|r| r.y)
        .collect();
    ys.dedup_by(|a, b| (*a - *b).abs() < 0.1);
    ys
}

#[test]
fn the_signature_block_never_stands_on_a_page_without_text() {
    let pitch = pt_to_mm(S.body_pitch_pt);
    let mut pages_seen = std::collections::BTreeSet::new();
    for n in 4..24 {
        let layout = Layout::of(&compile_str(&filled(n)));
        let label = layout.find("Nơi nhận");
        let name = layout.find("Lê Văn Phúc");
        assert_eq!(name.page, label.page, "{n}: the signature block splits");
        pages_seen.insert(label.page);
        let above = body_lines_above(&layout, label.page, label.y);
        // The closing's two lines travel with the block.
        assert!(
            above.len() >= 2,
            "{n} items: {} body line(s) above the signature block on page {}",
            above.len(),
            label.page
        );
        // And the block stands where it always does under the last line.
        let last = above.last().copied().unwrap_or_default();
        close(
            label.y - last,
            pitch * 0.25
                + pt_to_mm(S.paragraph_gap_pt)
                + S.closing_gap_mm
                + pt_to_mm(S.signature_pitch_pt) * 0.75,
            &format!("{n} items: the block under the last line"),
        );
    }
    assert!(
        pages_seen.len() == 2,
        "the block met the page break: {pages_seen:?}"
    );
}

/// A line of body text: its baseline, where it starts, its text.
#[derive(Debug)]
pub struct BodyLine {
    pub y: f64,
    pub x: f64,
    pub text: String,
}

/// The body lines of `page`: text of the body's size below the top
/// margin, above the footnotes and above `stop` mm, with their marks.
pub fn body_lines(layout: &Layout, page: usize, p: &StyleProfile, stop: f64) -> Vec<BodyLine> {
    let notes = layout
        .rules
        .iter()
        .filter(|r| r.page == page && r.y > 60.0 && r.length < p.text_width_mm() * 0.5)
        .map(|r| r.y)
        .fold(stop, f64::min);
    let mut lines: Vec<BodyLine> = Vec::new();
    for run in layout.page_runs(page) {
        if run.y < p.margin_top_mm || run.y > notes {
            continue;
        }
        match lines.last_mut() {
            Some(line) if (line.y - run.y).abs() < 2.5 => line.text.push_str(&run.text),
            _ if run.size_pt == p.body_pt => lines.push(BodyLine {
                y: run.y,
                x: run.x,
                text: run.text.clone(),
            }),
            _ => {}
        }
    }
    lines
}

/// Page breaks that leave one line of a paragraph alone: its first line at
/// the foot of a page, or its last at the head of the next.
pub fn lone_lines(layout: &Layout, p: &StyleProfile) -> Vec<String> {
    let starts = |l: &BodyLine| l.x > p.margin_left_mm + 1.0;
    let signature = layout
        .runs
        .iter()
        .find(|r| r.text.starts_with("Nơi nhận"))
        .map(|r| (r.page, r.y));
    let stop = |page: usize| match signature {
        Some((at, y)) if at == page => y - 1.0,
        _ => f64::MAX,
    };
    let mut found = Vec::new();
    for page in 1..layout.page_count() {
        let here = body_lines(layout, page, p, stop(page));
        let next = body_lines(layout, page + 1, p, stop(page + 1));
        let (Some(last), Some(first)) = (here.last(), next.first()) else {
            continue;
        };
        if starts(first) {
            continue;
        }
        if starts(last) {
            found.push(format!(
                "page {page} ends with a paragraph's first line alone: {:?}",
                last.text
            ));
        }
        if next.get(1).is_none_or(starts) {
            found.push(format!(
                "page {} starts with a paragraph's last line alone: {:?}",
                page + 1,
                first.text
            ));
        }
    }
    found
}

/// A Party conclusion: `before` one-line findings, then directives of two
/// lines, each bringing a footnote at its end.
fn noted_directives(before: usize) -> String {
    let findings: Vec<String> = (1..=before)
        .map(|i| format!("\"Kết quả thứ {i} được các đại biểu ghi nhận.\""))
        .collect();
    let directives: Vec<String> = (1..=4)
        .map(|i| {
            format!(
                "\"Ủy ban nhân dân các xã, thị trấn hoàn thành bàn giao phần mặt bằng còn lại trước ngày 31 tháng 10 năm 2020; cấp phép khai thác mỏ theo cơ chế đặc thù[^d{i}].\""
            )
        })
        .collect();
    let notes: Vec<String> = (1..=4)
        .map(|i| format!("d{i} = \"Theo Nghị quyết số {i}-NQ/HU ngày 02 tháng 10 năm 2020 của Huyện ủy về cơ chế đặc thù khai thác khoáng sản làm vật liệu thông thường.\""))
        .collect();
    crate::layout::minimal_with(
        &format!("items = [{}]", findings.join(", ")),
        &notes.join("\n"),
    )
    .replace(
        "[footnotes]",
        &format!(
            "[directives]\nnumbered = true\nitems = [{}]\n\n[footnotes]",
            directives.join(", ")
        ),
    )
}

#[test]
fn a_footnote_never_leaves_a_line_of_its_paragraph_alone() {
    let p = StyleProfile::PARTY_HD36;
    let mut breaks = 0;
    for before in 18..34 {
        let compiled = compile_str(&noted_directives(before));
        let layout = Layout::of(&compiled);
        let lone = lone_lines(&layout, &p);
        assert!(lone.is_empty(), "{before} findings: {lone:#?}");
        breaks += layout.page_count() - 1;
        // Each note stands on the page of its mark.
        for i in 1..=4 {
            let mark_page = layout
                .runs
                .iter()
                .filter(|r| r.size_pt == p.body_pt && r.text.contains("đặc thù"))
                .nth(i - 1)
                .map(|r| r.page);
            let note = layout.find(&format!("Theo Nghị quyết số {i}-NQ/HU"));
            assert_eq!(mark_page, Some(note.page), "{before} findings: note {i}");
        }
    }
    assert!(breaks > 0, "the directives met a page break");
}

/// A Party conclusion: `before` one-line findings, then a directive of two
/// lines with two sub-items of two lines each, then a short closing.
fn directive_with_sub_items(before: usize) -> String {
    let findings: Vec<String> = (1..=before)
        .map(|i| format!("\"Kết quả thứ {i} được các đại biểu ghi nhận.\""))
        .collect();
    let two_lines = "chủ trì, phối hợp với các cơ quan, đơn vị liên quan rà soát, tổng hợp, báo cáo kết quả thực hiện về Ban Thường vụ Huyện ủy";
    crate::layout::minimal_with(&format!("items = [{}]", findings.join(", ")), "")
        .replace(
            "[footnotes]",
            &format!(
                "[directives]\nnumbered = true\nitems = [{{ text = \"Ban Tuyên giáo Huyện ủy {two_lines}:\", items = [\"Phòng Nội vụ {two_lines};\", \"Phòng Tài chính {two_lines}.\"] }}]\n\n[footnotes]"
            ),
        )
        .replacen(
            "summary = ",
            "closing = \"Văn phòng Huyện ủy thông báo.\"\nsummary = ",
            1,
        )
}

#[test]
fn an_item_and_its_sub_items_run_across_a_page_break_like_any_text() {
    let p = StyleProfile::PARTY_HD36;
    let pitch = pt_to_mm(p.body_pitch_pt);
    let mut straddled = 0;
    for before in 10..26 {
        let layout = Layout::of(&compile_str(&directive_with_sub_items(before)));
        assert!(lone_lines(&layout, &p).is_empty(), "{before}");
        let head = layout.find("Ban Tuyên giáo Huyện ủy");
        let last = layout.find("Phòng Tài chính");
        if head.page == last.page {
            continue;
        }
        straddled += 1;
        // The page the directive starts on is filled down to its foot: no
        // more than a two-line group's room is left.
        let lines = body_lines(&layout, head.page, &p, f64::MAX);
        let bottom = lines.last().map(|l| l.y).unwrap_or_default() + pitch * 0.25;
        let room = p.page_height_mm - p.margin_bottom_mm - bottom;
        assert!(
            room < 2.0 * pitch + pt_to_mm(p.paragraph_gap_pt),
            "{before}: {room:.1} mm left under the directive's start"
        );
    }
    assert!(
        straddled >= 3,
        "the directive met the page break {straddled} times"
    );
}
