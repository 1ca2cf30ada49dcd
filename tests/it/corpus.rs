//! The corpus: documents written from docs/schema.md alone, as a new
//! secretary would, not alongside the templates (tests/corpus/). Each must
//! render without warnings but those it is meant to draw, give its text
//! back from the PDF in order, and pass the layout checks the examples
//! pass.

use serde_json::Value;

use crate::breaking::corpus_files;
use crate::common::*;
use crate::footnotes::marks;
use crate::pagination::{body_lines, lone_lines};
use vanban::conventions::StyleProfile;
use vanban::{Engine, model, pipeline};

/// The warnings a document is meant to draw: the secretary typed the end
/// mark; the place is too long for its column.
const EXPECTED_WARNINGS: &[(&str, &[&str])] = &[
    ("tests/corpus/so-tai-chinh-lam-dong.toml", &["end-mark"]),
    (
        "tests/corpus/dang-uy-phuong-ben-thanh.toml",
        &["place-length"],
    ),
];

struct Rendered {
    file: String,
    doc: model::Document,
    data: Value,
    layout: Layout,
    pdf_text: String,
}

fn render(file: &str) -> Rendered {
    let doc = model::load(file, read(file).as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let engine = Engine::new();
    let compiled = pipeline::compile(&engine, &doc).expect("compiles");
    assert!(
        compiled.warnings.is_empty(),
        "{file}: {:?}",
        compiled.warnings
    );
    let pdf = pipeline::export_pdf(&doc, &compiled, None).expect("exports");
    let data = vanban::contract::TemplateData::new(&doc, engine.families());
    Rendered {
        file: file.to_owned(),
        data: serde_json::to_value(&data).expect("JSON"),
        layout: Layout::of(&compiled),
        pdf_text: pdf_text(&pdf),
        doc,
    }
}

/// Text without white space (no-break spaces included).
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Footnote numbers in reading order, by id, as Typst counts them.
#[derive(Default)]
struct Numbers(Vec<String>);

impl Numbers {
    fn text(&mut self, runs: &Value) -> String {
        let mut out = String::new();
        for run in runs.as_array().into_iter().flatten() {
            if run["kind"] == "text" {
                out.push_str(run["text"].as_str().unwrap_or_default());
            } else {
                let id = run["id"].as_str().unwrap_or_default().to_owned();
                let n = match self.0.iter().position(|i| *i == id) {
                    Some(i) => i + 1,
                    None => {
                        self.0.push(id);
                        self.0.len()
                    }
                };
                out.push_str(&n.to_string());
            }
        }
        out
    }
}

/// The body's paragraphs in reading order, as printed: labels, headings,
/// footnote numbers, the end mark.
fn paragraphs(data: &Value, numbers: &mut Numbers) -> Vec<String> {
    fn items(list: &Value, numbers: &mut Numbers, out: &mut Vec<String>) {
        for item in list.as_array().into_iter().flatten() {
            let label = item["label"]
                .as_str()
                .map(|l| format!("{l} "))
                .unwrap_or_default();
            let mut paragraphs: Vec<String> = item["paragraphs"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| numbers.text(p))
                .collect();
            if !item["title"].is_null() {
                out.push(format!("{label}{}", numbers.text(&item["title"])));
            } else if !paragraphs.is_empty() {
                paragraphs[0] = format!("{label}{}", paragraphs[0]);
            }
            out.extend(paragraphs);
            items(&item["items"], numbers, out);
        }
    }
    let mut out = Vec::new();
    for line in data["summary"].as_array().into_iter().flatten() {
        numbers.text(line);
    }
    for p in data["opening"].as_array().into_iter().flatten() {
        out.push(numbers.text(p));
    }
    for part in data["parts"].as_array().into_iter().flatten() {
        if let Some(h) = part["heading"].as_str() {
            out.push(h.to_owned());
        }
        for p in part["lead"].as_array().into_iter().flatten() {
            out.push(numbers.text(p));
        }
        items(&part["items"], numbers, &mut out);
    }
    for p in data["closing"].as_array().into_iter().flatten() {
        out.push(numbers.text(p));
    }
    out
}

#[test]
fn the_corpus_renders_with_only_the_warnings_it_is_meant_to_draw() {
    for file in corpus_files() {
        let doc = model::load(&file, read(&file).as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        let mut rules: Vec<&str> = doc.warnings.iter().filter_map(|d| d.rule).collect();
        rules.sort_unstable();
        let expected = EXPECTED_WARNINGS
            .iter()
            .find(|(f, _)| *f == file)
            .map_or(&[][..], |(_, rules)| *rules);
        assert_eq!(rules, expected, "{file}: {:#?}", doc.warnings);
        let compiled = pipeline::compile(&Engine::new(), &doc).expect("compiles");
        assert!(
            compiled.warnings.is_empty(),
            "{file}: {:?}",
            compiled.warnings
        );
    }
}

#[test]
fn the_corpus_text_comes_back_from_the_pdf_in_order() {
    for file in corpus_files() {
        let r = render(&file);
        let mut numbers = Numbers::default();
        let expected = paragraphs(&r.data, &mut numbers);
        assert!(expected.len() >= 5, "{file}");
        // Page numbers stand alone on their lines, footnotes at the foot
        // of their pages: out of the way of the body's order.
        let lines: String = r
            .pdf_text
            .lines()
            .filter(|l| {
                !(l.trim().len() <= 2
                    && !l.trim().is_empty()
                    && l.trim().chars().all(|c| c.is_ascii_digit()))
            })
            .collect();
        let mut body = squeeze(&lines);
        for (i, id) in numbers.0.iter().enumerate() {
            let note = squeeze(&format!(
                "{}{}",
                i + 1,
                Numbers::default().text(&r.data["footnotes"][id])
            ));
            assert!(
                body.contains(&note),
                "{file}: footnote {id} missing: {note}"
            );
            body = body.replacen(&note, "", 1);
        }
        let mut from = 0;
        for p in &expected {
            let needle = squeeze(p);
            let found = body[from..]
                .find(&needle)
                .unwrap_or_else(|| panic!("{file}: not found in order: {p:?}"));
            from += found + needle.len();
        }
        // And the signature block after the body.
        let name = squeeze(r.doc.signature.name.as_str());
        assert!(body[from..].contains(&name), "{file}: the signer's name");
    }
}

#[test]
fn the_corpus_pages_pass_the_layout_checks() {
    for file in corpus_files() {
        let r = render(&file);
        let p = r.doc.profile.clone();
        margins(&r, &p);
        header(&r, &p);
        signature(&r, &p);
        footnotes(&r, &p);
        let lone = lone_lines(&r.layout, &p);
        assert!(lone.is_empty(), "{}: {lone:#?}", r.file);
    }
}

/// Every run stays inside the margins; page numbers alone in the top one.
fn margins(r: &Rendered, p: &StyleProfile) {
    let (left, right) = (p.margin_left_mm, p.page_width_mm - p.margin_right_mm);
    let (top, bottom) = (p.margin_top_mm, p.page_height_mm - p.margin_bottom_mm);
    for run in &r.layout.runs {
        if run.y < top {
            assert_eq!(
                run.text,
                run.page.to_string(),
                "{}: in the top margin",
                r.file
            );
            continue;
        }
        let what = format!("{}: {:?} on page {}", r.file, run.text, run.page);
        assert!(
            run.x >= left - TOL && run.right() <= right + TOL,
            "{what} leaves the text column"
        );
        assert!(
            run.ink_top >= top - TOL && run.ink_bottom <= bottom + TOL,
            "{what} leaves the page's text block"
        );
    }
}

/// The national or Party title centred at the top of the right column
/// with its rule as long as itself (the State's under its motto), the
/// date centred under it, the issuing body centred in the left column and
/// the number under it.
fn header(r: &Rendered, p: &StyleProfile) {
    let l = &r.layout;
    let right_centre =
        (p.margin_left_mm + p.header_left_mm + p.page_width_mm - p.margin_right_mm) / 2.0;
    let left_centre = p.margin_left_mm + p.header_left_mm / 2.0;
    let national = r.data["header"]["national"].as_str().expect("title");
    let title = l.find(national);
    assert_eq!(title.page, 1);
    close(
        title.y,
        l.page_runs(1)[0].y,
        &format!("{}: the title on the first line", r.file),
    );
    close(
        title.centre(),
        right_centre,
        &format!("{}: title centred", r.file),
    );
    let ruled = match r.data["header"]["motto"].as_str() {
        Some(motto) => l.find(motto),
        None => title,
    };
    close(
        ruled.centre(),
        right_centre,
        &format!("{}: motto centred", r.file),
    );
    let rule = l
        .rules
        .iter()
        .filter(|x| x.page == 1 && x.y > ruled.y && x.y - ruled.y < 4.0)
        .filter(|x| x.x > ruled.x - 1.0 && x.x < ruled.right())
        .min_by(|a, b| a.y.total_cmp(&b.y))
        .unwrap_or_else(|| panic!("{}: no rule under {:?}", r.file, ruled.text));
    close(
        rule.length,
        ruled.width,
        &format!("{}: rule as long as {:?}", r.file, ruled.text),
    );
    // The date (one line or two, broken after the comma) under it.
    let place = r.doc.place.split(' ').next().unwrap_or_default();
    let date = l
        .runs
        .iter()
        .find(|x| x.page == 1 && x.italic && x.text.starts_with(place))
        .expect("the date");
    assert!(date.y > ruled.y);
    close(
        date.centre(),
        right_centre,
        &format!("{}: date centred", r.file),
    );
    // The number, centred in the left column, under the issuing body.
    let number = l.find(r.data["header"]["number"].as_str().expect("number"));
    close(
        number.centre(),
        left_centre,
        &format!("{}: number centred", r.file),
    );
    let bodies: Vec<&Run> = l
        .page_runs(1)
        .into_iter()
        .filter(|x| x.y < number.y && x.right() < p.margin_left_mm + p.header_left_mm + TOL)
        .collect();
    assert!(
        bodies.iter().any(|x| x.bold),
        "{}: the issuing body is bold",
        r.file
    );
    for run in bodies {
        close(
            run.centre(),
            left_centre,
            &format!("{}: {:?} centred", r.file, run.text),
        );
    }
    if r.doc.standard() == vanban::conventions::Standard::State {
        close(
            number.y,
            date.y,
            &format!("{}: number and date on one baseline", r.file),
        );
    }
}

/// "Nơi nhận" at the left margin, level with the signature's first line;
/// the block whole on one page, with body text above it.
fn signature(r: &Rendered, p: &StyleProfile) {
    let l = &r.layout;
    let label = l.find("Nơi nhận");
    let name = l.find(&r.doc.signature.name);
    assert_eq!(
        label.page, name.page,
        "{}: the signature block splits",
        r.file
    );
    close(
        label.x,
        p.margin_left_mm,
        &format!("{}: Nơi nhận at the margin", r.file),
    );
    let column = p.page_width_mm - p.margin_right_mm - p.signature_width_mm;
    let first = l
        .page_runs(label.page)
        .into_iter()
        .filter(|x| x.x >= column - TOL && x.y >= label.y - 1.0)
        .min_by(|a, b| a.y.total_cmp(&b.y))
        .expect("the signature's first line");
    close(
        first.y,
        label.y,
        &format!("{}: Nơi nhận level with {:?}", r.file, first.text),
    );
    assert!(first.bold, "{}: the authority line is bold", r.file);
    let above = body_lines(l, label.page, p, label.y - 1.0);
    let starts = |x: f64| x > p.margin_left_mm + 1.0;
    assert!(
        above.len() >= 2 || above.first().is_some_and(|line| starts(line.x)),
        "{}: {} line(s) of text above the signature block on page {}",
        r.file,
        above.len(),
        label.page
    );
}

/// Footnote marks alike, each note on the page of its mark.
fn footnotes(r: &Rendered, p: &StyleProfile) {
    let found = marks(&r.layout, p.body_pt);
    let Some((_, first, base)) = found.first() else {
        return;
    };
    for (text, run, line) in &found {
        let what = format!("{}: mark {text}", r.file);
        assert_eq!(run.size_pt, first.size_pt, "{what}: size");
        close(run.y - line, first.y - base, &format!("{what}: raise"));
    }
    let notes = marks(&r.layout, p.footnote_pt);
    assert_eq!(
        notes.len(),
        found.len(),
        "{}: as many notes as marks",
        r.file
    );
    for ((mark, in_text, _), (number, at_foot, _)) in found.iter().zip(&notes) {
        assert_eq!(
            mark, number,
            "{}: notes in the order of their marks",
            r.file
        );
        assert_eq!(
            in_text.page, at_foot.page,
            "{}: note {mark} away from its mark",
            r.file
        );
    }
}
