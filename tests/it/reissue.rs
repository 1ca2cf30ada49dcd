//! What signing learns from the document itself: the signature fields on
//! the signature and seal pictures, the reason and place from the source
//! the PDF carries; and the records office's step on a document nobody has
//! signed yet: made again from its source with the number and date in.

use std::time::SystemTime;

use vanban::original::PdfStandard;
use vanban::pdf::{self, Role};
use vanban::pipeline::{self, Job};
use vanban::{Engine, Input};

use crate::common::*;
use crate::eoriginal::pictures;
use crate::issue::{blank_source_dated, differing, page_pixels};
use crate::keys;
use crate::sign::{assert_validates, field, key_of, reference_pdf, tool};

/// The electronic original with a signature picture and a seal.
const WITH_PICTURES: &str = "examples/thong-bao-dien-tu.toml";

/// Millimetres in a PDF point.
const MM_PER_PT: f64 = 25.4 / 72.0;

/// A field's widget rectangle, in mm from the page's top-left corner:
/// (left, top, width, height).
fn widget_mm(doc: &lopdf::Document, name: &str, page_height_pt: f64) -> (f64, f64, f64, f64) {
    let rect: Vec<f64> = field(doc, name)
        .unwrap_or_else(|| panic!("no field {name}"))
        .get(b"Rect")
        .and_then(lopdf::Object::as_array)
        .expect("a rectangle")
        .iter()
        .map(|n| f64::from(n.as_float().expect("a number")))
        .collect();
    let [l, b, r, t] = rect[..] else {
        panic!("{rect:?}")
    };
    (
        l * MM_PER_PT,
        (page_height_pt - t) * MM_PER_PT,
        (r - l) * MM_PER_PT,
        (t - b) * MM_PER_PT,
    )
}

#[test]
fn the_signature_fields_sit_on_the_pictures() {
    let input = Input::file(&path(WITH_PICTURES)).expect("readable");
    let made = pipeline::make(&Engine::new(), &Job::default(), &input)
        .result
        .expect("made");
    // Laid out: the signature first, the seal over it.
    let found = pictures(&made.compiled, 1);
    let [signature, seal] = found[..] else {
        panic!("{found:?}")
    };
    let page_height = made.compiled.document.pages()[0].frame.height().to_pt();

    let signed = pdf::sign(
        &made.files[0].bytes,
        &key_of(&keys::signer()),
        Role::Signer,
        SystemTime::now(),
    )
    .expect("signs");
    let doc = lopdf::Document::load_mem(&signed).expect("loads");
    for (name, picture) in [
        (Role::Signer.field_name(), signature),
        (Role::Body.field_name(), seal),
    ] {
        let (x, y, w, h) = widget_mm(&doc, name, page_height);
        for (got, want, what) in [
            (x, picture.x, "left"),
            (y, picture.y, "top"),
            (w, picture.width, "width"),
            (h, picture.height, "height"),
        ] {
            assert!(
                (got - want).abs() < 0.05,
                "{name}: {what} {got:.3} mm, the picture's {want:.3} mm"
            );
        }
    }
}

/// A template of one's own that words the number and date lines its own
/// way: what the page prints is no longer "Số …" and "place, ngày …".
const OWN_WORDING: &str = "#import \"@vanban/vanban:1.0.0\": *\n#{\n\
    let d = data\n\
    d.header.number = \"Số hiệu văn bản: \" + d.header.number\n\
    d.header.place-date = \"Lập tại \" + d.header.place-date\n\
    document(d)\n}\n";

/// The reason and place of the signature `pdf` gets from the signer.
fn reason_and_place(pdf: &[u8]) -> (String, String) {
    let signed = pdf::sign(
        pdf,
        &key_of(&keys::signer()),
        Role::Signer,
        SystemTime::now(),
    )
    .expect("signs");
    let report = pdf::verify(&signed).expect("verifies");
    let s = &report.signatures[0];
    (
        s.reason.clone().expect("a reason"),
        s.location.clone().expect("a place"),
    )
}

#[test]
fn the_reason_and_place_come_from_the_source_the_pdf_carries() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(dir.path().join("rieng.typ"), OWN_WORDING).expect("written");
    let source = format!("template = \"rieng.typ\"\n{}", read(REFERENCE));
    std::fs::write(dir.path().join("vb.toml"), &source).expect("written");
    let input = Input::file(&dir.path().join("vb.toml")).expect("readable");
    let make = |job: &Job| {
        pipeline::make(&Engine::new(), job, &input)
            .result
            .expect("made")
            .files
            .remove(0)
            .bytes
    };

    let carried = make(&Job::default());
    assert!(
        fold(&pdf_text(&carried)).contains("Lập tại Đơn Dương, ngày 05 tháng 11 năm 2020"),
        "the template words the line its own way: {}",
        fold(&pdf_text(&carried))
    );
    assert_eq!(
        reason_and_place(&carried),
        (
            "Ký số văn bản Số 15-KL/HU".to_owned(),
            "Đơn Dương".to_owned()
        ),
        "the document's own number and place, from its source"
    );

    // Under PDF/A-2 the PDF carries no source: the printed lines are all
    // there is.
    let a2 = make(&Job {
        pdf_standard: vanban::original::PdfStandard::A2b,
        ..Job::default()
    });
    assert_eq!(
        reason_and_place(&a2),
        (
            "Ký số văn bản Số hiệu văn bản: Số 15-KL/HU".to_owned(),
            "Lập tại Đơn Dương".to_owned()
        )
    );
}

// ------------------------------------------- issuing an unsigned document

fn issue_unsigned(pdf: &[u8], number: u32, date: (i32, u32, u32)) -> vanban::Result<pdf::Issued> {
    let key = key_of(&keys::body());
    pdf::issue(
        &Engine::new(),
        "blank.pdf",
        pdf,
        None,
        &pdf::Issue {
            number,
            date: chrono::NaiveDate::from_ymd_opt(date.0, date.1, date.2).expect("a date"),
            key: &key,
            time: SystemTime::now(),
            creation_epoch: None,
        },
    )
}

/// The source a PDF carries.
fn carried(pdf: &[u8]) -> String {
    let original = pdf::embedded::original("x.pdf", pdf).expect("a source inside");
    String::from_utf8(original.source.bytes).expect("UTF-8")
}

#[test]
fn an_unsigned_document_is_made_again_with_its_number_and_date() {
    let blank_source = blank_source_dated("{ year = 2020, month = 11 }");
    let blank = make_pdf("blank.toml", &blank_source);
    let issued = issue_unsigned(&blank, 15, (2020, 11, 5)).expect("issued");
    assert!(issued.remade);

    // The source it carries: the blank one with the number and date
    // written in, nothing else changed.
    let expected = blank_source
        .replace("\nplace =", "\nnumber = 15\nplace =")
        .replace("date = { year = 2020, month = 11 }", "date = 2020-11-05");
    assert_ne!(expected, blank_source);
    let source = carried(&issued.pdf);
    assert_eq!(source, expected);

    // Made exactly as `render` makes that source: the PDF before the
    // body's signature is byte for byte the render of what it carries.
    let rendered = make_pdf("blank.toml", &source);
    assert!(
        issued.pdf.starts_with(&rendered),
        "the issued PDF is the render of its source, signed"
    );
    // And the page shows what a document written with the number and date
    // shows: the reference, which has them.
    let text = fold(&pdf_text(&issued.pdf));
    assert!(text.contains("Số 15-KL/HU"), "{text}");
    assert!(
        text.contains("Đơn Dương, ngày 05 tháng 11 năm 2020"),
        "{text}"
    );
    if tool("pdftoppm") {
        let dir = tempfile::tempdir().expect("a temp dir");
        let printed = page_pixels(&reference_pdf(), dir.path(), "printed");
        let remade = page_pixels(&issued.pdf, dir.path(), "issued");
        assert_eq!(differing(&printed, &remade), 0, "the same page");
        let unnumbered = page_pixels(&blank, dir.path(), "blank");
        assert!(differing(&unnumbered, &remade) > 100, "the number shows");
    }

    // The body's signature, alone, validates and covers the whole file.
    let verdicts = assert_validates(&issued.pdf, 1);
    if let Some(v) = verdicts.first() {
        assert_eq!(v["field"], "CoQuanBanHanh");
        assert_eq!(v["coverage"], "ENTIRE_FILE");
    }
    let report = pdf::verify(&issued.pdf).expect("verifies");
    let s = &report.signatures[0];
    assert_eq!(s.role, Some("body"));
    assert_eq!(s.reason.as_deref(), Some("Ban hành văn bản Số 15-KL/HU"));
    assert_eq!(s.location.as_deref(), Some("Đơn Dương"));
}

#[test]
fn a_json_source_gets_its_number_and_date_too() {
    let toml_source = blank_source_dated("{ year = 2020 }");
    let value: serde_json::Value = toml::from_str(&toml_source).expect("TOML");
    let json = serde_json::to_string_pretty(&value).expect("JSON");
    let blank = make_pdf("blank.json", &json);
    let issued = issue_unsigned(&blank, 7, (2020, 2, 3)).expect("issued");
    let source = carried(&issued.pdf);
    let date_at = json.find("\"date\": ").expect("a date") + "\"date\": ".len();
    let date_end = date_at + json[date_at..].find('}').expect("its end") + 1;
    let expected = format!(
        "{}\"2020-02-03\", \"number\": 7{}",
        &json[..date_at],
        &json[date_end..]
    );
    assert_eq!(source, expected);
    let text = fold(&pdf_text(&issued.pdf));
    assert!(text.contains("Số 07-KL/HU"), "{text}");
    assert!(
        text.contains("Đơn Dương, ngày 03 tháng 02 năm 2020"),
        "{text}"
    );
    assert!(issued.pdf.starts_with(&make_pdf("blank.json", &source)));
}

/// The PDF `render --pdf-standard` makes of `source`, a file named `name`.
fn made_under(standard: PdfStandard, name: &str, source: String) -> Vec<u8> {
    let job = Job {
        pdf_standard: standard,
        ..Job::default()
    };
    pipeline::make(&Engine::new(), &job, &Input::text(name, source, None))
        .result
        .expect("made")
        .files
        .remove(0)
        .bytes
}

#[test]
fn the_pdf_standard_of_the_original_is_kept() {
    let source = blank_source_dated("{ year = 2020, month = 11 }");
    for standard in [PdfStandard::A3b, PdfStandard::A3u, PdfStandard::Pdf17] {
        let blank = made_under(standard, "blank.toml", source.clone());
        let issued = issue_unsigned(&blank, 15, (2020, 11, 5)).expect("issued");
        let doc = lopdf::Document::load_mem(&issued.pdf).expect("loads");
        assert_eq!(
            pdf::standard::of(&doc),
            (standard != PdfStandard::Pdf17).then_some(standard),
            "{standard:?}"
        );
        // Exactly what `render --pdf-standard` makes of the carried source.
        let again = made_under(standard, "blank.toml", carried(&issued.pdf));
        assert!(issued.pdf.starts_with(&again), "{standard:?}");
    }
}

#[test]
fn an_unsigned_document_that_cannot_be_issued_is_told_why() {
    let message = |e: vanban::Error| e.to_string();
    let numbered = issue_unsigned(&reference_pdf(), 16, (2020, 11, 5)).expect_err("refused");
    assert_eq!(
        message(numbered),
        "blank.pdf: lỗi: văn bản đã có số: Số 15-KL/HU\n  gợi ý: văn thư chỉ cấp số cho văn bản còn để trống số; kiểm tra lại tệp cần ban hành"
    );
    let blank = make_pdf(
        "blank.toml",
        &blank_source_dated("{ year = 2020, month = 11 }"),
    );
    let other_year = issue_unsigned(&blank, 15, (2021, 11, 5)).expect_err("refused");
    assert_eq!(
        message(other_year),
        "blank.pdf: lỗi: ngày ban hành 05/11/2021 không cùng năm với năm in trên văn bản (2020)\n  gợi ý: ghi ngày của năm in trên văn bản bằng --date NĂM-THÁNG-NGÀY"
    );

    // PDF/A-2 carries no source: nothing to make the document again from.
    let a2 = made_under(
        PdfStandard::A2b,
        "blank.toml",
        blank_source_dated("{ year = 2020, month = 11 }"),
    );
    assert_eq!(
        message(issue_unsigned(&a2, 15, (2020, 11, 5)).expect_err("refused")),
        "blank.pdf: lỗi: văn bản chưa ký không mang tệp nguồn bên trong (PDF/A-2 không cho gắn tệp), nên không tạo lại được với số và ngày\n  gợi ý: người ký ký trước bằng `vanban sign`, văn thư cấp số sau; hoặc ghi số và ngày vào tệp TOML gốc rồi `vanban render` lại"
    );
}

fn vanban_with_password(args: &[&str], dir: &std::path::Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .env("VANBAN_PASSWORD", keys::PASSWORD)
        .current_dir(dir)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("vanban runs")
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).trim_end().to_owned()
}

#[test]
fn vanban_issue_makes_an_unsigned_electronic_original_again() {
    // The electronic original with its pictures, its number and day left
    // for the records office, made under PDF/A-3b.
    let dir = tempfile::tempdir().expect("a temp dir");
    let d = dir.path();
    std::fs::create_dir(d.join("anh")).expect("a folder");
    for picture in ["chu-ky.png", "dau.png"] {
        std::fs::copy(
            path(&format!("examples/anh/{picture}")),
            d.join("anh").join(picture),
        )
        .expect("copied");
    }
    let source = read(WITH_PICTURES)
        .lines()
        .filter(|l| !l.starts_with("number ="))
        .map(|l| match l.starts_with("date =") {
            true => "date = { year = 2026, month = 9 }",
            false => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(d.join("vb.toml"), &source).expect("written");
    let out = vanban_with_password(&["render", "vb.toml", "--pdf-standard", "a-3b"], d);
    assert!(out.status.success(), "{}", stderr(&out));
    keys::write_pkcs12(d, "co-quan.p12", &keys::body());

    let out = vanban_with_password(
        &[
            "issue",
            "vb.pdf",
            "--number",
            "7",
            "--date",
            "2026-09-15",
            "--p12",
            "co-quan.p12",
            "--password-env",
            "VANBAN_PASSWORD",
        ],
        d,
    );
    assert_eq!(
        stderr(&out),
        "vb-ban-hanh.pdf (tạo lại từ tệp nguồn trong PDF; số 7, ngày 15/09/2026; đã ký số của cơ quan: Huyện ủy Đơn Dương)"
    );
    assert!(out.status.success());
    let issued = std::fs::read(d.join("vb-ban-hanh.pdf")).expect("written");
    assert_validates(&issued, 1);
    let doc = lopdf::Document::load_mem(&issued).expect("loads");
    assert_eq!(pdf::standard::of(&doc), Some(PdfStandard::A3b));

    // The body's field is on the seal picture, which is still drawn.
    let facts = pdf::facts::read(&issued, &doc).expect("facts");
    let seal = facts.seal_image.expect("the seal is drawn");
    let rect: Vec<f32> = field(&doc, Role::Body.field_name())
        .expect("the body's field")
        .get(b"Rect")
        .and_then(lopdf::Object::as_array)
        .expect("a rectangle")
        .iter()
        .map(|n| n.as_float().expect("a number"))
        .collect();
    for (got, want) in rect.iter().zip(seal.rect) {
        assert!((got - want).abs() < 0.01, "{rect:?} on {:?}", seal.rect);
    }

    // What it carries gives it back: the source with the number and date,
    // its pictures beside it, and `render` of them the same PDF.
    std::fs::create_dir(d.join("ra")).expect("a folder");
    let out = vanban_with_password(&["extract", "vb-ban-hanh.pdf", "-o", "ra/vb.toml"], d);
    assert!(out.status.success(), "{}", stderr(&out));
    let extracted = std::fs::read_to_string(d.join("ra/vb.toml")).expect("extracted");
    assert_eq!(
        extracted,
        source
            .replace("\nplace =", "\nnumber = 7\nplace =")
            .replace("date = { year = 2026, month = 9 }", "date = 2026-09-15")
    );
    assert!(d.join("ra/anh/dau.png").exists());
    let out = vanban_with_password(&["render", "ra/vb.toml", "--pdf-standard", "a-3b"], d);
    assert!(out.status.success(), "{}", stderr(&out));
    let again = std::fs::read(d.join("ra/vb.pdf")).expect("rendered");
    assert!(issued.starts_with(&again), "the render of what it carries");
    let text = fold(&pdf_text(&issued));
    assert!(text.contains("Số: 07/TB-UBND"), "{text}");
    assert!(text.contains("Tân Hòa, ngày 15 tháng 9 năm 2026"), "{text}");
}

#[test]
fn a_signed_document_is_filled_in_and_a_printed_day_stays() {
    // Signed by the signer: filled in, not made again.
    let blank = make_pdf(
        "blank.toml",
        &blank_source_dated("{ year = 2020, month = 11 }"),
    );
    let by_signer = crate::sign::sign_as(&blank, &keys::signer(), Role::Signer);
    let issued = issue_unsigned(&by_signer, 15, (2020, 11, 5)).expect("issued");
    assert!(!issued.remade);
    assert!(
        issued.pdf.starts_with(&by_signer),
        "the signer's revision kept"
    );
    assert_validates(&issued.pdf, 2);

    // Nobody signed, the day printed: the number goes in, the date stays.
    let dated = blank_source_dated("2020-11-05");
    let issued =
        issue_unsigned(&make_pdf("blank.toml", &dated), 15, (2020, 11, 20)).expect("issued");
    assert_eq!(
        carried(&issued.pdf),
        dated.replace("\nplace =", "\nnumber = 15\nplace =")
    );
}

#[test]
fn a_paper_original_stays_one() {
    // Made with --no-images: the source names pictures the PDF does not
    // carry, to be signed and stamped by hand.
    let source = read(WITH_PICTURES)
        .lines()
        .filter(|l| !l.starts_with("number ="))
        .collect::<Vec<_>>()
        .join("\n");
    let job = Job {
        images: pipeline::ImageUse::LeaveOut,
        ..Job::default()
    };
    let paper = pipeline::make(
        &Engine::new(),
        &job,
        &Input::text("vb.toml", source.clone(), None),
    )
    .result
    .expect("made")
    .files
    .remove(0)
    .bytes;
    let issued = issue_unsigned(&paper, 7, (2026, 9, 15)).expect("issued");
    assert!(issued.remade);
    let doc = lopdf::Document::load_mem(&issued.pdf).expect("loads");
    let facts = pdf::facts::read(&issued.pdf, &doc).expect("facts");
    assert!(facts.signature_image.is_none() && facts.seal_image.is_none());
    assert!(
        pdf::embedded::original("x.pdf", &issued.pdf)
            .expect("a source")
            .images
            .is_empty()
    );
    assert!(fold(&pdf_text(&issued.pdf)).contains("Số: 07/TB-UBND"));
}
