//! Footnotes: their marks in the text and at the foot of the page, and the
//! space between a note's number and its text.

use crate::common::*;
use vanban::conventions::StyleProfile;

const P: StyleProfile = StyleProfile::PARTY_HD36;

/// A Party conclusion whose findings refer to footnotes 1 to `n`, each in
/// an item of its own, so that all fall on page 1.
fn with_footnotes(n: usize) -> String {
    let items: Vec<String> = (1..=n)
        .map(|i| format!("\"Chỉ tiêu thứ {i} đạt kế hoạch[^{i}].\""))
        .collect();
    let notes: Vec<String> = (1..=n)
        .map(|i| format!("{i} = \"Số liệu của chỉ tiêu thứ {i}.\""))
        .collect();
    crate::layout::minimal_with(
        &format!("items = [{}]", items.join(", ")),
        &notes.join("\n"),
    )
}

/// The runs of footnote marks: digits only, set smaller than the text
/// they stand in, with the baseline of the line they sit on.
pub fn marks(layout: &Layout, text_pt: f64) -> Vec<(String, &Run, f64)> {
    let mut out = Vec::new();
    for run in &layout.runs {
        let digits = !run.text.is_empty() && run.text.chars().all(|c| c.is_ascii_digit());
        if !digits {
            continue;
        }
        // The line the mark belongs to: the nearest text run beside it.
        let Some(host) = layout
            .runs
            .iter()
            .filter(|r| r.page == run.page && (r.size_pt - text_pt).abs() < 0.1)
            .filter(|r| (r.y - run.y).abs() < 4.0 && !std::ptr::eq(*r, run))
            .min_by(|a, b| (a.x - run.x).abs().total_cmp(&(b.x - run.x).abs()))
        else {
            continue;
        };
        out.push((run.text.clone(), run, host.y));
    }
    out
}

#[test]
fn footnote_marks_one_to_twelve_look_alike() {
    let layout = Layout::of(&compile_str(&with_footnotes(12)));
    for (what, text_pt) in [("in the text", P.body_pt), ("at the foot", P.footnote_pt)] {
        let found = marks(&layout, text_pt);
        let numbers: Vec<&str> = found.iter().map(|(t, ..)| t.as_str()).collect();
        let expected: Vec<String> = (1..=12).map(|i| i.to_string()).collect();
        assert_eq!(numbers, expected, "marks {what}");
        let (_, first, first_base) = &found[0];
        for (text, run, base) in &found {
            assert!(
                run.size_pt < text_pt,
                "mark {text} {what} is not set smaller: {} pt",
                run.size_pt
            );
            assert_eq!(run.size_pt, first.size_pt, "mark {text} {what}: size");
            close(
                run.y - base,
                first.y - first_base,
                &format!("mark {text} {what}: raise above the baseline"),
            );
            // Digit by digit, the inked boxes are those of mark 1.
            close(
                run.ink_top - run.y,
                first.ink_top - first.y,
                &format!("mark {text} {what}: top of the digits"),
            );
            close(
                run.ink_bottom - run.y,
                first.ink_bottom - first.y,
                &format!("mark {text} {what}: foot of the digits"),
            );
        }
    }
}

#[test]
fn a_footnote_number_stands_a_word_space_from_its_text() {
    let layout = Layout::of(&compile_str(&with_footnotes(2)));
    for (number, text) in [
        ("1", "Số liệu của chỉ tiêu thứ 1."),
        ("2", "Số liệu của chỉ tiêu thứ 2."),
    ] {
        let note = layout.find(text);
        let mark = layout
            .runs
            .iter()
            .find(|r| r.text == number && (r.y - note.y).abs() < 4.0 && r.x < note.x)
            .expect("the note's number");
        // Liberation Serif's space is a quarter of an em: 3 pt at 12 pt.
        close(
            note.x + note.leading_space - mark.right(),
            pt_to_mm(P.footnote_pt * 0.25),
            &format!("space after footnote number {number}"),
        );
    }
}
