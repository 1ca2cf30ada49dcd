//! The command line as a user meets it: messages, exit codes, and files
//! written or left alone.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::common::*;

pub(crate) fn vanban(args: &[&str], dir: &Path) -> Output {
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

pub(crate) fn stderr(out: &Output) -> String {
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
    // The reference text refers to a report dated after it, and its subject
    // starts with a capital under the author line "CỦA …": warnings, not
    // errors.
    assert_eq!(
        stderr(&out),
        "ket-luan.toml:21:6: cảnh báo: summary: sau dòng tác giả \"CỦA THƯỜNG TRỰC HUYỆN ỦY\", trích yếu văn bản Đảng viết chữ thường; dòng này bắt đầu bằng \"T\" [summary-case]\n  \
         gợi ý: viết \"về …\" hoặc \"tại …\" (Hướng dẫn 36-HD/VPTW)\n\
         ket-luan.toml:57:100: cảnh báo: directives › mục 1: số 369/BC-UBND đề ngày 30/11/2020, sau ngày của văn bản này (05/11/2020) [reference-date]\n  \
         gợi ý: kiểm tra lại ngày của văn bản được viện dẫn, hoặc ngày của văn bản này\n\
         ket-luan.pdf (3 trang)"
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
        "ket-luan.pdf (3 trang)",
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
        "-:2:9: lỗi: place: sai kiểu: đang là số nguyên `5`, cần văn bản trong dấu nháy\n  gợi ý: đặt văn bản giữa hai dấu nháy kép, ví dụ \"Đơn Dương\""
    );
}

#[test]
fn toml_syntax_error() {
    expect_error(
        &example_with("place = \"Đơn Dương\"", "place = \"Đơn Dương"),
        "ket-luan.toml:15:19: lỗi: place: sai cú pháp TOML: văn bản trong dấu nháy kép chưa đóng hoặc không hợp lệ, cần `\"`\n  gợi ý: văn bản phải đóng bằng đúng dấu nháy đã mở; dùng \"\"\" … \"\"\" cho văn bản nhiều dòng",
    );
}

#[test]
fn unknown_key_suggests_the_nearest() {
    expect_error(
        &example_with("title = \"PHÓ BÍ THƯ\"", "tilte = \"PHÓ BÍ THƯ\""),
        "ket-luan.toml:76:1: lỗi: signature.tilte: không có trường `tilte`\n  gợi ý: có phải ý bạn là `title`?",
    );
    expect_error(
        &example_with("summary = [", "sumary = ["),
        "ket-luan.toml:19:1: lỗi: sumary: không có trường `sumary`\n  gợi ý: có phải ý bạn là `summary`?",
    );
}

#[test]
fn top_level_field_under_a_table_is_explained() {
    expect_error(
        &example_with("[signature]", "[signature]\nplace = \"Đơn Dương\""),
        "ket-luan.toml:75:1: lỗi: signature.place: không có trường `place`\n  gợi ý: `place` thuộc phần đầu tệp, nhưng ở đây nó rơi vào bảng phía trên: chuyển nó lên trên tiêu đề [bảng] đầu tiên",
    );
}

#[test]
fn wrong_type() {
    expect_error(
        &example_with("number = 15", "number = \"15\""),
        "ket-luan.toml:14:10: lỗi: number: sai kiểu: đang là văn bản \"15\", cần một số nguyên\n  gợi ý: viết số không có dấu nháy, ví dụ 15",
    );
    expect_error(
        &example_with(
            "items = [\n    \"Tình hình dịch",
            "items = [ 5,\n    \"Tình hình dịch",
        ),
        "ket-luan.toml:46:11: lỗi: limitations › mục 1: sai kiểu: đang là số nguyên `5`, cần văn bản trong dấu nháy, hoặc một bảng { title = …, text = …, items = […] }\n  gợi ý: xem docs/schema.md để biết trường này nhận gì",
    );
}

#[test]
fn missing_field() {
    expect_error(
        &example_with("name = \"Phan Hữu Hoàn\"", ""),
        "ket-luan.toml:74:1: lỗi: signature.name: thiếu trường bắt buộc `name`\n  gợi ý: thêm `name = …` dưới [signature]; xem docs/schema.md",
    );
    expect_error(
        &example_with("place = \"Đơn Dương\"", ""),
        "ket-luan.toml:1:1: lỗi: place: thiếu trường bắt buộc `place`\n  gợi ý: thêm `place = …` ở đầu tệp; xem docs/schema.md",
    );
}

#[test]
fn impossible_dates() {
    expect_error(
        &example_with("date = 2020-11-05", "date = 2020-02-30"),
        "ket-luan.toml:16:8: lỗi: date: không có ngày 2020-02-30: ngày phải từ 01 đến 29\n  gợi ý: kiểm tra lại ngày và tháng",
    );
    expect_error(
        &example_with(
            "date = 2020-11-05",
            "date = { year = 2021, month = 2, day = 29 }",
        ),
        "ket-luan.toml:16:8: lỗi: date: không có ngày 29 tháng 2 năm 2021: tháng đó có 28 ngày\n  gợi ý: kiểm tra lại ngày và tháng",
    );
    expect_error(
        &example_with("date = 2020-11-05", "date = \"2020-13-01\""),
        "ket-luan.toml:16:8: lỗi: date: không có tháng 13\n  gợi ý: tháng phải từ 1 đến 12",
    );
}

/// The message points at the mark itself, far along its line, not at the
/// start of the item.
#[test]
fn undefined_footnote() {
    let line = read(REFERENCE).lines().nth(35).expect("line 36").to_owned();
    let column = line[..line.find("[^1]").expect("the mark")].chars().count() + 1;
    assert_eq!(column, 127);
    expect_error(
        &example_with("ổn định[^1]", "ổn định[^2]"),
        "ket-luan.toml:36:127: lỗi: findings › mục 2: chưa có nội dung cho chú thích [^2]\n  gợi ý: thêm nó dưới [footnotes]: 2 = \"…\"",
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
        "ket-luan.toml:14:10: lỗi: number: số văn bản phải là số nguyên dương, không phải 0\n  gợi ý: bỏ `number` đi để để trống cho văn thư ghi số\n\
         ket-luan.toml:15:9: lỗi: place: trường này không được để trống\n  gợi ý: viết nội dung vào giữa hai dấu nháy\n\
         ket-luan.toml:75:13: lỗi: signature.authority: `XYZ` không phải là thẩm quyền ký\n  gợi ý: bắt đầu bằng T/M (thay mặt), K/T (ký thay), T/L (thừa lệnh) hoặc Q. (quyền), rồi đến tập thể, ví dụ \"T/M BAN THƯỜNG VỤ\"",
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
        "ket-luan.toml:77:14: lỗi: tệp không phải là văn bản UTF-8 hợp lệ\n  gợi ý: lưu tệp theo UTF-8 (trong Notepad: “Save As”, ô “Encoding” chọn UTF-8)"
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
        "tệp kết quả ./ket-luan.toml chính là tệp đầu vào; ghi tên khác bằng -o"
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
        "không thể đọc khong-co.toml: không có tệp hoặc thư mục này"
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
        stderr(&out).starts_with("không thể đọc thư mục phông chữ khong-co:"),
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
        "Tạo tệp PDF từ một tệp TOML",
        "Cách dùng: vanban render [TÙY CHỌN] <TỆP>",
        "-o, --output <TỆP>",
        "--font-path <THƯ MỤC>",
        "Mã thoát: 0 xong; 1 tệp đầu vào có lỗi",
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
        "ket-luan.toml:12:8: lỗi: kind: KẾT LUẬN không phải là văn bản theo Nghị định 30/2020/NĐ-CP\n  gợi ý: Nghị định 30/2020/NĐ-CP không có ký hiệu loại văn bản KL cho cơ quan nhà nước: cơ quan nhà nước ban hành kết luận dưới dạng THÔNG BÁO, kind = \"thong-bao\"",
    );
}

#[test]
fn layout_values_outside_the_standard_name_the_allowed_range() {
    expect_error(
        &example_with(
            "kind = \"ket-luan\"",
            "kind = \"thong-bao\"\nlayout = { margin_left_mm = 36, body_pt = 12 }",
        ),
        "ket-luan.toml:13:29: lỗi: layout.margin_left_mm: 36 mm nằm ngoài mức Nghị định 30/2020/NĐ-CP cho phép: 30–35 mm\n  gợi ý: bỏ `margin_left_mm` đi để dùng giá trị của thể thức: 30 mm\n\
         ket-luan.toml:13:43: lỗi: layout.body_pt: 12 pt nằm ngoài mức Nghị định 30/2020/NĐ-CP cho phép: 13–14 pt\n  gợi ý: bỏ `body_pt` đi để dùng giá trị của thể thức: 14 pt",
    );
}

#[test]
fn unknown_label_style_lists_the_styles() {
    expect_error(
        &example_with("[limitations]", "[limitations]\nlabels = [\"i.\"]"),
        "ket-luan.toml:45:11: lỗi: limitations.labels › cấp 1: `i.` không phải là kiểu đánh số\n  gợi ý: các kiểu đánh số: \"\", \"1.\", \"1)\", \"a)\", \"1.1.\", \"Thứ nhất,\", \"-\", \"+\"",
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
        "không thể ghi vào thư mục khong-co: không có thư mục này"
    );
}

#[test]
fn data_shows_what_a_template_receives() {
    let out = vanban(
        &["data", "examples/thong-bao-van-phong-ubnd.toml"],
        &path(""),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let data: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(data["version"], 2);
    assert_eq!(data["kind"], "thong-bao");
    assert_eq!(data["standard"], "state");
    assert_eq!(data["style"]["name"], "Nghị định 30/2020/NĐ-CP");
    assert_eq!(data["style"]["body-pt"], 14.0);

    // A broken input gives the same messages as render, and no data.
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("vb.toml"),
        "kind = \"ket-luan\"\nplace = 5\n",
    )
    .expect("write");
    let out = vanban(&["data", "vb.toml"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(
        stderr(&out).starts_with(
            "vb.toml:2:9: lỗi: place: sai kiểu: đang là số nguyên `5`, cần văn bản trong dấu nháy"
        ),
        "{}",
        stderr(&out)
    );
}

/// A wrong command line is told in Vietnamese, with the usage and where to
/// read more, and exits with 2.
#[test]
fn command_line_mistakes_are_explained() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["render", "--outptu", "a.pdf", "a.toml"],
            "không có tùy chọn `--outptu`; có phải ý bạn là `--output`?\n\
             Cách dùng: vanban render [TÙY CHỌN] <TỆP>\n\
             Xem thêm: vanban render --help",
        ),
        (
            &["ve", "a.toml"],
            "không có lệnh `ve`; các lệnh: render, batch, check, data, extract, sign, issue, verify, new, edit, watch, schema, completions, man, templates\n\
             Cách dùng: vanban <LỆNH>\nXem thêm: vanban --help",
        ),
        (
            &["batch", "a"],
            "thiếu --output <THƯ MỤC>\n\
             Cách dùng: vanban batch [TÙY CHỌN] -o <THƯ MỤC> [TỆP]...\n\
             Xem thêm: vanban batch --help",
        ),
        (
            &["render", "a.toml", "--format", "docx"],
            "`--format <DẠNG>` không nhận giá trị `docx`; các giá trị: pdf, png",
        ),
        (
            &["render", "a.toml", "--ppi", "nhiều"],
            "`--ppi <PPI>` không nhận giá trị `nhiều`: cần một số",
        ),
    ];
    for (args, expected) in cases {
        let out = vanban(args, Path::new("."));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out), *expected, "{args:?}");
    }
    // Help is not an error.
    let out = vanban(&["--help"], Path::new("."));
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Cách dùng: vanban <LỆNH>"));
}
