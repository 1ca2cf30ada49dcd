//! The command line as a user meets it: messages, exit codes, and files
//! written or left alone.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::common::*;

fn vanban(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("vanban runs")
}

/// `vanban render - -o -` with `input` on standard input.
fn vanban_piped(input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["render", "-", "-o", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vanban runs");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input).expect("write");
    drop(stdin);
    child.wait_with_output().expect("finishes")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).trim_end().to_owned()
}

/// The reference example with one piece of text replaced.
fn example_with(from: &str, to: &str) -> String {
    let src = read(REFERENCE);
    assert!(src.contains(from), "the example contains {from:?}");
    src.replacen(from, to, 1)
}

/// Renders `toml` as `ket-luan.toml` in a fresh folder and expects it to
/// fail with exactly `message`, exit code 1 and no PDF.
fn expect_error(toml: &str, message: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("ket-luan.toml"), toml).expect("write input");
    let out = vanban(&["render", "ket-luan.toml"], dir.path());
    assert_eq!(stderr(&out), message);
    assert_eq!(out.status.code(), Some(1));
    let files: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(
        files,
        vec![dir.path().join("ket-luan.toml")],
        "nothing but the input is left"
    );
}

#[test]
fn renders_beside_the_input_by_default() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(path(REFERENCE), dir.path().join("ket-luan.toml")).expect("copy");
    let out = vanban(&["render", "ket-luan.toml"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    // The reference text refers to a report dated after it: a warning, not an error.
    assert_eq!(
        stderr(&out),
        "ket-luan.toml:19:11: warning: summary: a Party summary starts in lower case, this one with \"C\" [summary-case]\n  \
         hint: write it as \"về …\" or \"của …\" (Hướng dẫn 36-HD/VPTW)\n\
         ket-luan.toml:57:5: warning: directives.items[0]: số 369/BC-UBND is dated 30/11/2020, after this document (05/11/2020) [reference-date]\n  \
         hint: check the date of the document referred to, or this document's own date\n\
         ket-luan.pdf (3 pages)"
    );
    let quiet = vanban(
        &[
            "render",
            "ket-luan.toml",
            "-A",
            "summary-case",
            "--allow",
            "reference-date",
        ],
        dir.path(),
    );
    assert_eq!(
        stderr(&quiet),
        "ket-luan.pdf (3 pages)",
        "allowed rules are not shown"
    );
    let pdf = std::fs::read(dir.path().join("ket-luan.pdf")).expect("the PDF");
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(fold(&pdf_text(&pdf)).contains("T/M BAN THƯỜNG VỤ"));
}

#[test]
fn reads_standard_input_and_writes_standard_output() {
    let out = vanban_piped(read(NESTED).as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = fold(&pdf_text(&out.stdout));
    assert!(text.contains("T/L BAN THƯỜNG VỤ"), "{text}");
    assert!(text.contains("CHÁNH VĂN PHÒNG"));
}

#[test]
fn errors_from_standard_input_name_it() {
    let out = vanban_piped(b"kind = \"ket-luan\"\nplace = 5\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "no PDF on standard output");
    assert_eq!(
        stderr(&out),
        "-:2:9: error: place: wrong type: found integer `5`, expected text in quotes\n  hint: put the text between double quotes, e.g. \"Đơn Dương\""
    );
}

#[test]
fn toml_syntax_error() {
    expect_error(
        &example_with("place = \"Đơn Dương\"", "place = \"Đơn Dương"),
        "ket-luan.toml:15:19: error: place: TOML syntax error: invalid basic string, expected `\"`\n  hint: text must be closed with the same quote it opens with; use \"\"\" … \"\"\" for text over several lines",
    );
}

#[test]
fn unknown_key_suggests_the_nearest() {
    expect_error(
        &example_with("title = \"PHÓ BÍ THƯ\"", "tilte = \"PHÓ BÍ THƯ\""),
        "ket-luan.toml:76:1: error: signature.tilte: unknown field `tilte`\n  hint: did you mean `title`?",
    );
    expect_error(
        &example_with("summary = [", "sumary = ["),
        "ket-luan.toml:19:1: error: sumary: unknown field `sumary`\n  hint: did you mean `summary`?",
    );
}

#[test]
fn top_level_field_under_a_table_is_explained() {
    expect_error(
        &example_with("[signature]", "[signature]\nplace = \"Đơn Dương\""),
        "ket-luan.toml:75:1: error: signature.place: unknown field `place`\n  hint: `place` belongs at the top level, but here it falls inside the table above it: move it above the first [table] header",
    );
}

#[test]
fn wrong_type() {
    expect_error(
        &example_with("number = 15", "number = \"15\""),
        "ket-luan.toml:14:10: error: number: wrong type: found string \"15\", expected a whole number\n  hint: write the number without quotes, e.g. 15",
    );
    expect_error(
        &example_with(
            "items = [\n    \"Tình hình dịch",
            "items = [ 5,\n    \"Tình hình dịch",
        ),
        "ket-luan.toml:46:11: error: limitations.items[0]: wrong type: found integer `5`, expected text in quotes, or a table { title = …, text = …, items = […] }\n  hint: see docs/schema.md for what this field takes",
    );
}

#[test]
fn missing_field() {
    expect_error(
        &example_with("name = \"Phan Hữu Hoàn\"", ""),
        "ket-luan.toml:74:1: error: signature.name: the required field `name` is missing\n  hint: add `name = …` under [signature]; see docs/schema.md",
    );
    expect_error(
        &example_with("place = \"Đơn Dương\"", ""),
        "ket-luan.toml:1:1: error: place: the required field `place` is missing\n  hint: add `place = …` at the top of the file; see docs/schema.md",
    );
}

#[test]
fn impossible_dates() {
    expect_error(
        &example_with("date = 2020-11-05", "date = 2020-02-30"),
        "ket-luan.toml:16:8: error: date: the date 2020-02-30 does not exist: expected day between 01 and 29\n  hint: check the day and the month",
    );
    expect_error(
        &example_with(
            "date = 2020-11-05",
            "date = { year = 2021, month = 2, day = 29 }",
        ),
        "ket-luan.toml:16:8: error: date: there is no day 29 in tháng 2 năm 2021: that month has 28 days\n  hint: check the day and the month",
    );
    expect_error(
        &example_with("date = 2020-11-05", "date = \"2020-13-01\""),
        "ket-luan.toml:16:8: error: date: there is no month 13\n  hint: months run from 1 to 12",
    );
}

#[test]
fn undefined_footnote() {
    expect_error(
        &example_with("ổn định[^1]", "ổn định[^2]"),
        "ket-luan.toml:36:5: error: findings.items[1]: footnote [^2] is not defined\n  hint: add it under [footnotes]: 2 = \"…\"",
    );
}

#[test]
fn several_problems_are_reported_together() {
    let toml = example_with("place = \"Đơn Dương\"", "place = \"\"")
        .replace(
            "authority = \"T/M BAN THƯỜNG VỤ\"",
            "authority = \"XYZ BAN\"",
        )
        .replace("number = 15", "number = 0");
    expect_error(
        &toml,
        "ket-luan.toml:14:10: error: number: the document number must be a positive whole number, not 0\n  hint: leave `number` out to leave it blank for the records office\n\
         ket-luan.toml:15:9: error: place: this field must not be empty\n  hint: write the text between the quotes\n\
         ket-luan.toml:75:13: error: signature.authority: `XYZ` is not a signer's authority\n  hint: start with T/M (thay mặt), K/T (ký thay), T/L (thừa lệnh) or Q. (quyền), then the body, e.g. \"T/M BAN THƯỜNG VỤ\"",
    );
}

#[test]
fn invalid_utf8_is_reported_with_its_position() {
    let mut bytes = read(REFERENCE).into_bytes();
    let pos = String::from_utf8_lossy(&bytes)
        .find("Phan Hữu")
        .expect("name")
        + 5;
    bytes[pos] = 0xFF;
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("ket-luan.toml"), &bytes).expect("write");
    let out = vanban(&["render", "ket-luan.toml"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "ket-luan.toml:77:14: error: the file is not valid UTF-8 text\n  hint: save the file as UTF-8 (in Notepad: Save As, Encoding: UTF-8)"
    );
}

#[test]
fn a_failed_render_leaves_the_previous_output_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = b"%PDF- an earlier, good render".to_vec();
    std::fs::write(dir.path().join("ket-luan.pdf"), &old).expect("write");
    std::fs::write(
        dir.path().join("ket-luan.toml"),
        example_with("number = 15", "number = -3"),
    )
    .expect("write");
    let out = vanban(&["render", "ket-luan.toml"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        std::fs::read(dir.path().join("ket-luan.pdf")).expect("still there"),
        old
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("list").count(),
        2,
        "no temporary file left"
    );
}

#[test]
fn the_input_is_never_the_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = read(REFERENCE);
    std::fs::write(dir.path().join("ket-luan.toml"), &src).expect("write");
    let out = vanban(
        &["render", "ket-luan.toml", "-o", "./ket-luan.toml"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "the output ./ket-luan.toml is the input itself; give another name with -o"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("ket-luan.toml")).expect("input"),
        src
    );
}

#[test]
fn a_missing_input_is_an_io_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = vanban(&["render", "khong-co.toml"], dir.path());
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        stderr(&out),
        "cannot read khong-co.toml: No such file or directory (os error 2)"
    );
}

#[test]
fn font_path_adds_fonts_and_a_missing_folder_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(path(REFERENCE), dir.path().join("a.toml")).expect("copy");
    let fonts = path("fonts");
    let out = vanban(
        &[
            "render",
            "a.toml",
            "--font-path",
            fonts.to_str().expect("utf-8"),
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = vanban(&["render", "a.toml", "--font-path", "khong-co"], dir.path());
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).starts_with("cannot read the font folder khong-co:"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn help_speaks_to_the_user() {
    let out = vanban(&["render", "--help"], Path::new("."));
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    for needle in [
        "Make a PDF from a TOML file",
        "--output",
        "--font-path",
        "Exit codes",
    ] {
        assert!(help.contains(needle), "{needle} in {help}");
    }
}

#[test]
fn a_party_kind_under_the_state_standard_names_the_right_kind() {
    expect_error(
        &example_with(
            "kind = \"ket-luan\"",
            "kind = \"ket-luan\"\nstandard = \"state\"",
        ),
        "ket-luan.toml:12:8: error: kind: a KẾT LUẬN is not a document of the state standard\n  hint: Nghị định 30/2020/NĐ-CP has no type code KL for State bodies: a State body issues its conclusions as a THÔNG BÁO, kind = \"thong-bao\"",
    );
}

#[test]
fn layout_values_outside_the_standard_name_the_allowed_range() {
    expect_error(
        &example_with(
            "kind = \"ket-luan\"",
            "kind = \"thong-bao\"\nlayout = { margin_left_mm = 36, body_pt = 12 }",
        ),
        "ket-luan.toml:13:29: error: layout.margin_left_mm: 36 mm is outside what Nghị định 30/2020/NĐ-CP allows: 30–35 mm\n  hint: leave `margin_left_mm` out to use the standard's 30 mm\n\
         ket-luan.toml:13:43: error: layout.body_pt: 12 pt is outside what Nghị định 30/2020/NĐ-CP allows: 13–14 pt\n  hint: leave `body_pt` out to use the standard's 14 pt",
    );
}

#[test]
fn unknown_label_style_lists_the_styles() {
    expect_error(
        &example_with("[limitations]", "[limitations]\nlabels = [\"i.\"]"),
        "ket-luan.toml:45:11: error: limitations.labels[0]: `i.` is not a label style\n  hint: the styles are: \"\", \"1.\", \"1)\", \"a)\", \"1.1.\", \"Thứ nhất,\", \"-\", \"+\"",
    );
}

#[test]
fn a_missing_output_folder_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(path(NESTED), dir.path().join("vb.toml")).expect("copy");
    let out = vanban(&["render", "vb.toml", "-o", "khong-co/vb.pdf"], dir.path());
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        stderr(&out),
        "cannot write in the folder khong-co: there is no such folder"
    );
}
