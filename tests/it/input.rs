//! Whatever a secretary pastes into the file: a correct document, or a
//! message that says precisely what is wrong and where.

use crate::common::*;
use vanban::{Error, model};

/// The reference example with one piece of text replaced.
fn example_with(from: &str, to: &str) -> String {
    let src = read(REFERENCE);
    assert!(src.contains(from), "the example contains {from:?}");
    src.replacen(from, to, 1)
}

/// The messages of an input that must fail, one line each.
fn errors(toml: &str) -> Vec<String> {
    match model::load("vb.toml", toml.as_bytes()) {
        Err(Error::Input(d)) => d.iter().map(ToString::to_string).collect(),
        Err(other) => panic!("unexpected {other}"),
        Ok(_) => panic!("the input should fail"),
    }
}

#[test]
fn byte_order_mark_and_crlf_are_accepted() {
    let plain = read(REFERENCE);
    let windows = format!("\u{feff}{}", plain.replace('\n', "\r\n"));
    let a = pages_pdf("a", &plain);
    let b = pages_pdf("b", &windows);
    assert!(a == b, "the same document either way");
    // Each PDF carries its own source as it was, mark and line ends too.
    assert_eq!(carried_source("b.toml", &windows), windows.as_bytes());
}

#[test]
fn control_characters_are_named_with_their_place() {
    assert_eq!(
        errors(&example_with(
            "place = \"Đơn Dương\"",
            "place = \"Đơn\\u0007 Dương\""
        )),
        [
            "vb.toml:15:9: lỗi: place: nội dung có ký tự điều khiển vô hình U+0007 ở ký tự thứ 4\n  \
          gợi ý: xóa nó đi; ký tự này thường đi theo văn bản chép từ chương trình khác"
        ]
    );
    // Line ends and tabs are text, not control characters.
    model::load(
        "vb.toml",
        example_with("place = \"Đơn Dương\"", "place = \"Đơn\\tDương\"").as_bytes(),
    )
    .expect("a tab is fine");
}

#[test]
fn legacy_encodings_are_detected() {
    assert_eq!(
        errors(&example_with(
            "name = \"HUYỆN ỦY ĐƠN DƯƠNG\"",
            "name = \"HuyÖn uû §¬n D\u{AD}¬ng\""
        )),
        [
            "vb.toml:28:8: lỗi: issuer.name: nội dung có vẻ là tiếng Việt theo bảng mã cũ TCVN3 (ABC), không phải Unicode: \"HuyÖn uû §¬n D\u{AD}¬ng\"\n  \
          gợi ý: chuyển sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey: TCVN3 (ABC) → Unicode) rồi dán lại"
        ]
    );
    let vni = errors(&example_with(
        "name = \"Phan Hữu Hoàn\"",
        "name = \"Phan Höõu Hoaøn\"",
    ));
    assert_eq!(vni.len(), 1);
    assert!(
        vni[0].starts_with(
            "vb.toml:77:8: lỗi: signature.name: nội dung có vẻ là tiếng Việt theo bảng mã cũ VNI"
        ),
        "{vni:?}"
    );
}

#[test]
fn zero_and_negative_numbers() {
    assert_eq!(
        errors(&example_with("number = 15", "number = -3")),
        [
            "vb.toml:14:10: lỗi: number: số văn bản phải là số nguyên dương, không phải -3\n  \
          gợi ý: bỏ `number` đi để để trống cho văn thư ghi số"
        ]
    );
    assert_eq!(
        errors(&example_with(
            "archive = \"VPHU\"",
            "archive = \"VPHU\"\ndrafter = \"PL\"\ncopies = 0"
        )),
        [
            "vb.toml:90:10: lỗi: recipients.copies: số bản phải là số nguyên dương, không phải 0\n  \
          gợi ý: ghi số bản phát hành, ví dụ 30"
        ]
    );
}

#[test]
fn empty_required_text() {
    assert_eq!(
        errors(&example_with("name = \"Phan Hữu Hoàn\"", "name = \"   \"")),
        [
            "vb.toml:77:8: lỗi: signature.name: trường này không được để trống\n  gợi ý: viết nội dung vào giữa hai dấu nháy"
        ]
    );
}

/// A small valid document whose body is `body` (TOML tables).
fn minimal(body: &str) -> String {
    format!(
        "kind = \"ket-luan\"\nplace = \"Đơn Dương\"\ndate = 2020-11-05\nsummary = \"về công tác\"\n\
         [issuer]\nname = \"HUYỆN ỦY ĐƠN DƯƠNG\"\ncode = \"HU\"\n\
         [signature]\ntitle = \"BÍ THƯ\"\nname = \"Nguyễn Văn A\"\n\
         [recipients]\narchive = \"VPHU\"\n{body}"
    )
}

#[test]
fn items_nested_too_deeply() {
    let deep = "[findings]\nitems = [{ title = \"1\", items = [{ title = \"a\", items = [{ title = \"-\", items = [\"quá sâu\"] }] }] }]\n";
    assert_eq!(
        errors(&minimal(deep)),
        [
            "vb.toml:14:81: lỗi: findings › mục 1 › mục 1 › mục 1 › items: các mục lồng nhau quá sâu: chỉ được tối đa 3 cấp (1., a), -)\n  \
          gợi ý: đưa các mục này lên một cấp, hoặc viết chúng thành đoạn văn của mục cha"
        ]
    );
    model::load(
        "vb.toml",
        minimal(&deep.replace(", items = [\"quá sâu\"]", "")).as_bytes(),
    )
    .expect("three levels are fine");
}

#[test]
fn very_large_inputs_are_refused() {
    let huge = format!("{}\n# {}", minimal(""), "x".repeat(10 * 1024 * 1024));
    assert_eq!(
        errors(&huge),
        [
            "vb.toml: lỗi: tệp đầu vào nặng 10.0 MB; vanban chỉ đọc tối đa 2 MB\n  gợi ý: tách thành nhiều văn bản"
        ]
    );
    let many: String = (0..5_001).map(|i| format!("\"{i}\",")).collect();
    assert_eq!(
        errors(&minimal(&format!("[findings]\nitems = [{many}]\n"))),
        [
            "vb.toml:1:1: lỗi: văn bản có 5002 đoạn và mục; vanban chỉ làm được tối đa 5000\n  gợi ý: tách thành nhiều văn bản"
        ]
    );
}

#[test]
fn a_template_named_in_the_input_stays_in_its_folder() {
    for bad in ["../mau.typ", "/etc/mau.typ", "mau/../../mau.typ"] {
        let got = errors(&example_with(
            "schema = 1",
            &format!("schema = 1\ntemplate = \"{bad}\""),
        ));
        assert_eq!(
            got,
            [format!(
                "vb.toml:12:12: lỗi: template: mẫu `{bad}` nằm ngoài thư mục của tệp đầu vào\n  \
                 gợi ý: để mẫu trong thư mục của tệp đầu vào hoặc thư mục con và ghi đường dẫn tương đối, ví dụ \"mau/mau-rieng.typ\"; tùy chọn --template trên dòng lệnh thì ghi được tệp bất kỳ"
            )]
        );
    }
}
