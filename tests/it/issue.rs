//! The records office's step: the signer signs with the number and day
//! blank, the office fills them in and signs for the body; both signatures
//! validate and the filled page looks exactly as if it had been printed so.

use std::path::Path;
use std::process::Command;
use std::time::SystemTime;

use chrono::NaiveDate;

use crate::common::*;
use crate::keys;
use crate::sign::{assert_validates, field, key_of, reference_pdf, sign_as, tool};
use vanban::Engine;
use vanban::pdf::{self, Role};

/// The reference document without its number, dated by `date` (a TOML
/// value that leaves the day, or day and month, blank).
pub fn blank_pdf_dated(date: &str) -> Vec<u8> {
    make_pdf("blank.toml", &blank_source_dated(date))
}

/// The source of [`blank_pdf_dated`].
pub fn blank_source_dated(date: &str) -> String {
    read(REFERENCE)
        .lines()
        .filter(|l| !l.starts_with("number ="))
        .map(|l| {
            if l.starts_with("date =") {
                format!("date = {date}")
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The reference document with its number and day left blank.
pub fn blank_pdf() -> Vec<u8> {
    blank_pdf_dated("{ year = 2020, month = 11 }")
}

fn issue(pdf: &[u8], number: u32, date: (i32, u32, u32)) -> Result<Vec<u8>, pdf::Fault> {
    let date = NaiveDate::from_ymd_opt(date.0, date.1, date.2).expect("a date");
    pdf::forms::issue(
        &Engine::new(),
        pdf,
        number,
        date,
        &key_of(&keys::body()),
        SystemTime::now(),
    )
}

/// The first page as grey pixels, by poppler.
pub fn page_pixels(pdf: &[u8], dir: &Path, name: &str) -> (u32, u32, Vec<u8>) {
    let file = dir.join(format!("{name}.pdf"));
    std::fs::write(&file, pdf).expect("written");
    let out = Command::new("pdftoppm")
        .args([
            "-r",
            "144",
            "-f",
            "1",
            "-l",
            "1",
            "-gray",
            "-png",
            "-singlefile",
        ])
        .arg(&file)
        .arg(dir.join(name))
        .output()
        .expect("pdftoppm runs");
    assert!(out.status.success());
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(dir.join(format!("{name}.png"))).expect("the image"),
    ));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

/// Pixels whose grey differs by more than a quarter: ink where there was
/// none, or none where there was ink.
pub fn differing(a: &(u32, u32, Vec<u8>), b: &(u32, u32, Vec<u8>)) -> usize {
    assert_eq!((a.0, a.1), (b.0, b.1), "same page size");
    a.2.iter()
        .zip(&b.2)
        .filter(|(x, y)| x.abs_diff(**y) > 64)
        .count()
}

#[test]
fn the_office_numbers_a_signed_document_and_both_signatures_validate() {
    let by_signer = sign_as(&blank_pdf(), &keys::signer(), Role::Signer);
    let issued = issue(&by_signer, 15, (2020, 11, 5)).expect("issues");
    assert!(
        issued.starts_with(&by_signer),
        "the signer's revision is kept"
    );
    let verdicts = assert_validates(&issued, 2);
    if let [first, second] = &verdicts[..] {
        assert_eq!(first["field"], "NguoiKy");
        assert_eq!(first["docmdp"], 2);
        assert_eq!(first["docmdp_ok"], true);
        assert_eq!(
            first["modification_level"], "FORM_FILLING",
            "pyHanko: filling the number and date in is a permitted change"
        );
        assert_eq!(second["field"], "CoQuanBanHanh");
        assert_eq!(second["coverage"], "ENTIRE_FILE");
    }
    let report = pdf::verify(&issued).expect("verifies");
    assert_eq!(report.signatures[0].changes_permitted, Some(true));
    assert_eq!(
        report.signatures[0].reason.as_deref(),
        Some("Ký số văn bản Số -KL/HU")
    );
    assert_eq!(
        report.signatures[1].reason.as_deref(),
        Some("Ban hành văn bản Số 15-KL/HU")
    );

    // The fields hold the lines as printed.
    let doc = lopdf::Document::load_mem(&issued).expect("loads");
    let value = |name: &str| {
        field(&doc, name).and_then(|d| d.get(b"V").and_then(lopdf::decode_text_string).ok())
    };
    assert_eq!(
        value(pdf::forms::NUMBER_FIELD).as_deref(),
        Some("Số 15-KL/HU")
    );
    assert_eq!(
        value(pdf::forms::DATE_FIELD).as_deref(),
        Some("Đơn Dương, ngày 05 tháng 11 năm 2020")
    );
}

#[test]
fn the_filled_number_and_date_look_exactly_as_if_printed() {
    if !tool("pdftoppm") {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let blank = blank_pdf();
    let by_signer = sign_as(&blank, &keys::signer(), Role::Signer);
    let issued = issue(&by_signer, 15, (2020, 11, 5)).expect("issues");
    // At 144 ppi a pixel is 0.18 mm: a line off by 0.2 mm would change
    // hundreds of pixels along its letters' edges.
    let printed = page_pixels(&reference_pdf(), dir.path(), "printed");
    let filled = page_pixels(&issued, dir.path(), "issued");
    let off = differing(&printed, &filled);
    assert!(off <= 5, "{off} pixels differ from the printed page");
    // And the signer's signature did not change what the page shows.
    let unsigned = page_pixels(&blank, dir.path(), "blank");
    let signed = page_pixels(&by_signer, dir.path(), "signed");
    assert_eq!(differing(&unsigned, &signed), 0);
    assert!(
        differing(&unsigned, &filled) > 100,
        "the number and date show"
    );
}

#[test]
fn the_date_may_leave_day_and_month_blank() {
    let blank = blank_pdf_dated("{ year = 2020 }");
    let by_signer = sign_as(&blank, &keys::signer(), Role::Signer);
    let issued = issue(&by_signer, 7, (2020, 2, 3)).expect("issues");
    assert_validates(&issued, 2);
    let text = fold(&pdf_text_with_fields(&issued));
    assert!(text.contains("Số 07-KL/HU"), "{text}");
    assert!(
        text.contains("Đơn Dương, ngày 03 tháng 02 năm 2020"),
        "{text}"
    );
}

/// The values of the form's fields, after the page's own text.
fn pdf_text_with_fields(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).expect("loads");
    let mut text = String::new();
    for d in doc.objects.values().filter_map(|o| o.as_dict().ok()) {
        if d.get(b"FT").and_then(|f| f.as_name()).ok() == Some(b"Tx".as_slice())
            && let Ok(v) = d.get(b"V").and_then(lopdf::decode_text_string)
        {
            text.push_str(&v);
            text.push('\n');
        }
    }
    text
}

#[test]
fn bad_steps_are_refused_with_a_reason() {
    let blank = blank_pdf();
    let unsigned = issue(&blank, 15, (2020, 11, 5)).expect_err("refused");
    assert_eq!(unsigned.message, "văn bản chưa có chữ ký số của người ký");
    // (`pdf::issue` makes such a document again instead: tests/it/reissue.rs.)
    assert_eq!(
        unsigned.hint,
        "người ký ký trước bằng `vanban sign`, văn thư cấp số sau"
    );

    let numbered = sign_as(&reference_pdf(), &keys::signer(), Role::Signer);
    let e = issue(&numbered, 16, (2020, 11, 5)).expect_err("refused");
    assert_eq!(e.message, "văn bản đã có số: Số 15-KL/HU");

    let by_signer = sign_as(&blank, &keys::signer(), Role::Signer);
    let e = issue(&by_signer, 15, (2021, 1, 5)).expect_err("refused");
    assert_eq!(
        e.message,
        "ngày ban hành 05/01/2021 không cùng năm với năm in trên văn bản (2020)"
    );
    let e = issue(&by_signer, 15, (2020, 12, 5)).expect_err("refused");
    assert_eq!(
        e.message,
        "ngày ban hành 05/12/2020 không cùng tháng với tháng in trên văn bản (11)"
    );

    let issued = issue(&by_signer, 15, (2020, 11, 5)).expect("issues");
    let e = issue(&issued, 15, (2020, 11, 5)).expect_err("refused");
    assert_eq!(
        e.message,
        "văn bản đã có chữ ký số của cơ quan ban hành: văn bản đã được ban hành"
    );
}
