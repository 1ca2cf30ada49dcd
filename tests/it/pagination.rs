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
