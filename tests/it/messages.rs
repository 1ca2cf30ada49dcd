//! The messages a newcomer meets, word for word: each points at the real
//! mistake (a date written the Vietnamese way, a list left open, a quotation
//! mark inside a text, a field named in Vietnamese, a footnote mark), counts
//! items from 1, and no message a user can reach has English in it.

use std::process::Command;

use vanban::model;

/// A clean State notice; each test breaks it one way.
const NOTICE: &str = r#"kind = "thong-bao"
number = 12
place = "Lộc An"
date = 2026-12-01
summary = "Kết luận của Chủ tịch UBND xã tại cuộc họp giao ban tháng 11 năm 2026"
opening = "Ngày 28 tháng 11 năm 2026, Chủ tịch UBND xã chủ trì cuộc họp giao ban."

[issuer]
name = "ỦY BAN NHÂN DÂN XÃ LỘC AN"
code = "UBND"

[directives]
numbered = true
items = [
    "Các thôn ra quân dọn vệ sinh môi trường trước ngày 15/12/2026[^1].",
    "Công chức Tài chính - Kế toán hoàn thành thu ngân sách năm 2026.",
]

[footnotes]
1 = "Theo Kế hoạch số 45/KH-UBND ngày 02/11/2026 của UBND xã."

[signature]
authority = "TM. ỦY BAN NHÂN DÂN"
title = "CHỦ TỊCH"
name = "Nguyễn Văn An"

[recipients]
items = ["Thường trực Đảng ủy xã", "Các thôn"]
archive = "VP"
"#;

/// The notice with `from` replaced by `to`, once.
fn notice_with(from: &str, to: &str) -> String {
    assert!(NOTICE.contains(from), "the notice contains {from:?}");
    NOTICE.replacen(from, to, 1)
}

/// Every error and warning, as `vanban check` prints them.
fn messages(name: &str, text: &str) -> Vec<String> {
    model::check(name, text.as_bytes())
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn one_message(text: &str) -> String {
    let all = messages("vb.toml", text);
    assert_eq!(all.len(), 1, "{all:#?}");
    all.into_iter().next().unwrap_or_default()
}

#[test]
fn the_notice_is_clean() {
    assert_eq!(messages("vb.toml", NOTICE), Vec::<String>::new());
}

#[test]
fn a_date_written_the_vietnamese_way_is_turned_round() {
    let turned = "vb.toml:4:8: lỗi: date: ngày viết theo dạng năm-tháng-ngày: ngày 01 tháng 12 năm 2026 là 2026-12-01\n  \
                  gợi ý: sửa thành date = 2026-12-01, không có dấu nháy";
    for written in [
        "01/12/2026",
        "\"01/12/2026\"",
        "1-12-2026",
        "01.12.2026",
        "2026-12-1",
    ] {
        assert_eq!(
            one_message(&notice_with(
                "date = 2026-12-01",
                &format!("date = {written}")
            )),
            turned,
            "{written}"
        );
    }
    assert_eq!(
        one_message(&notice_with("date = 2026-12-01", "date = hôm nay")),
        "vb.toml:4:8: lỗi: date: ngày viết theo dạng năm-tháng-ngày, ví dụ 2020-11-05 là ngày 05 tháng 11 năm 2020\n  \
         gợi ý: sửa thành date = NĂM-THÁNG-NGÀY, không có dấu nháy; để trống ngày cho văn thư điền tay thì viết date = { year = 2020, month = 11 }"
    );
    // In JSON the date is a string; the message is the same.
    let json = "{\"kind\":\"thong-bao\",\"date\":\"01/12/2026\"}";
    assert_eq!(
        messages("vb.json", json),
        [
            "vb.json:1:39: lỗi: date: ngày viết theo dạng năm-tháng-ngày: ngày 01 tháng 12 năm 2026 là 2026-12-01"
        ]
    );
}

#[test]
fn a_list_left_open_is_named_where_it_began() {
    let open = notice_with(
        "năm 2026.\",\n]\n\n[footnotes]",
        "năm 2026.\",\n\n[footnotes]",
    );
    assert_eq!(
        one_message(&open),
        "vb.toml:14:9: lỗi: directives.items: danh sách mở ở đây chưa được đóng: thiếu dấu ]\n  \
         gợi ý: thêm ] sau phần tử cuối cùng của danh sách, ở cuối dòng 16"
    );
    // Left open at the end of the file, or before the next field.
    let at_end = format!("{NOTICE}[lint]\nallow = [\"spacing\"\n");
    assert_eq!(
        one_message(&at_end),
        "vb.toml:31:9: lỗi: lint.allow: danh sách mở ở đây chưa được đóng: thiếu dấu ]\n  \
         gợi ý: thêm ] sau phần tử cuối cùng của danh sách, ở cuối dòng 31"
    );
    let before_field = notice_with(
        "items = [\"Thường trực Đảng ủy xã\", \"Các thôn\"]",
        "items = [\"Thường trực Đảng ủy xã\", \"Các thôn\"",
    );
    assert_eq!(
        one_message(&before_field),
        "vb.toml:28:9: lỗi: recipients.items: danh sách mở ở đây chưa được đóng: thiếu dấu ]\n  \
         gợi ý: thêm ] sau phần tử cuối cùng của danh sách, ở cuối dòng 28"
    );
    // A comma left out is a comma left out, not a list left open.
    let comma = notice_with("[^1].\",\n", "[^1].\"\n");
    assert_eq!(
        one_message(&comma),
        "vb.toml:16:5: lỗi: directives › mục 1: sai cú pháp TOML: thiếu dấu phẩy giữa các phần tử của danh sách, cần `,`\n  \
         gợi ý: thêm dấu phẩy sau phần tử đứng trước"
    );
}

#[test]
fn a_quotation_mark_inside_a_text_is_recognised() {
    let quoted = notice_with(
        "ra quân dọn vệ sinh môi trường",
        "ra quân hưởng ứng phong trào \"Ngày chủ nhật xanh\"",
    );
    assert_eq!(
        one_message(&quoted),
        "vb.toml:15:44: lỗi: directives › mục 1: văn bản bị cắt ngang ở dấu nháy kép trước Ngày chủ nhật xanh\n  \
         gợi ý: trong văn bản, dấu nháy kép viết là \\\" (\\\"Ngày chủ nhật xanh\\\"), hoặc dùng dấu nháy cong như văn bản in: “Ngày chủ nhật xanh”"
    );
    // Both fixes the hint offers are accepted and print the marks.
    for fixed in [
        "phong trào \\\"Ngày chủ nhật xanh\\\"",
        "phong trào “Ngày chủ nhật xanh”",
    ] {
        let text = notice_with("dọn vệ sinh môi trường", fixed);
        assert_eq!(messages("vb.toml", &text), Vec::<String>::new(), "{fixed}");
    }
    let quoted_at_end = notice_with(
        "summary = \"Kết luận của Chủ tịch UBND xã tại cuộc họp giao ban tháng 11 năm 2026\"",
        "summary = \"Kết luận về phong trào \"Xanh\"\"",
    );
    assert_eq!(
        one_message(&quoted_at_end),
        "vb.toml:5:35: lỗi: summary: văn bản bị cắt ngang ở dấu nháy kép trước Xanh\n  \
         gợi ý: trong văn bản, dấu nháy kép viết là \\\" (\\\"Xanh\\\"), hoặc dùng dấu nháy cong như văn bản in: “Xanh”"
    );
}

#[test]
fn a_text_without_quotes_is_shown_with_them() {
    assert_eq!(
        one_message(&notice_with("place = \"Lộc An\"", "place = Lộc An")),
        "vb.toml:3:9: lỗi: place: văn bản phải đặt trong dấu nháy kép\n  gợi ý: viết place = \"Lộc An\""
    );
}

/// Fields named in Vietnamese, with or without diacritics and underscores,
/// are matched by what they mean, not by how close they are spelt to an
/// English name (`kinh_gui` is `to`, not `kind`).
#[test]
fn fields_named_in_vietnamese_are_matched_by_meaning() {
    // (replace, with, line:column, field shown, key as written, meaning, field meant)
    let top = "summary = ";
    let cases: &[(&str, &str, &str, &str, &str, &str, &str)] = &[
        (
            top,
            "kinh_gui = \"UBND huyện\"\nsummary = ",
            "5:1",
            "kinh_gui",
            "kinh_gui",
            "kính gửi",
            "to",
        ),
        (
            top,
            "\"Kính gửi\" = \"UBND huyện\"\nsummary = ",
            "5:1",
            "Kính gửi",
            "Kính gửi",
            "kính gửi",
            "to",
        ),
        (
            top,
            "kính_gửi = \"UBND huyện\"\nsummary = ",
            "5:1",
            "kính_gửi",
            "kính_gửi",
            "kính gửi",
            "to",
        ),
        (
            top,
            "KinhGui = \"UBND huyện\"\nsummary = ",
            "5:1",
            "KinhGui",
            "KinhGui",
            "kính gửi",
            "to",
        ),
        (
            "summary = ",
            "trich_yeu = ",
            "5:1",
            "trich_yeu",
            "trich_yeu",
            "trích yếu",
            "summary",
        ),
        (
            "number = 12",
            "so = 12",
            "2:1",
            "so",
            "so",
            "số văn bản",
            "number",
        ),
        (
            "date = 2026-12-01",
            "ngay = 2026-12-01",
            "4:1",
            "ngay",
            "ngay",
            "ngày ban hành",
            "date",
        ),
        (
            "date = 2026-12-01",
            "ngày = 2026-12-01",
            "4:1",
            "ngày",
            "ngày",
            "ngày ban hành",
            "date",
        ),
        (
            "place = ",
            "dia_danh = ",
            "3:1",
            "dia_danh",
            "dia_danh",
            "địa danh",
            "place",
        ),
        (
            "opening = ",
            "mo_dau = ",
            "6:1",
            "mo_dau",
            "mo_dau",
            "phần mở đầu",
            "opening",
        ),
        (
            "[issuer]",
            "[co_quan]",
            "8:2",
            "co_quan",
            "co_quan",
            "cơ quan ban hành",
            "issuer",
        ),
        (
            "[directives]",
            "[nhiem_vu]",
            "12:2",
            "nhiem_vu",
            "nhiem_vu",
            "nhiệm vụ, kết luận chỉ đạo",
            "directives",
        ),
        (
            "[directives]",
            "[ket_luan]",
            "12:2",
            "ket_luan",
            "ket_luan",
            "nhiệm vụ, kết luận chỉ đạo",
            "directives",
        ),
        (
            "[directives]",
            "[ket_qua]",
            "12:2",
            "ket_qua",
            "ket_qua",
            "kết quả đạt được",
            "findings",
        ),
        (
            "[directives]",
            "[han_che]",
            "12:2",
            "han_che",
            "han_che",
            "hạn chế, tồn tại",
            "limitations",
        ),
        (
            "[footnotes]",
            "[chu_thich]",
            "19:2",
            "chu_thich",
            "chu_thich",
            "chú thích",
            "footnotes",
        ),
        (
            "[signature]",
            "[nguoi_ky]",
            "22:2",
            "nguoi_ky",
            "nguoi_ky",
            "chữ ký, người ký",
            "signature",
        ),
        (
            "[signature]",
            "[chu_ky]",
            "22:2",
            "chu_ky",
            "chu_ky",
            "chữ ký, người ký",
            "signature",
        ),
        (
            "[recipients]",
            "[noi_nhan]",
            "27:2",
            "noi_nhan",
            "noi_nhan",
            "nơi nhận",
            "recipients",
        ),
        (
            "[recipients]",
            "[nơi nhận]",
            "27:2",
            "nơi nhận",
            "nơi nhận",
            "nơi nhận",
            "recipients",
        ),
        (
            "numbered = true",
            "tieu_de = \"Nhiệm vụ\"\nnumbered = true",
            "13:1",
            "directives.tieu_de",
            "tieu_de",
            "tiêu đề của phần",
            "heading",
        ),
        (
            "items = [\n    \"Các",
            "noi_dung = [\n    \"Các",
            "14:1",
            "directives.noi_dung",
            "noi_dung",
            "các mục, nội dung",
            "items",
        ),
        (
            "name = \"Nguyễn",
            "ho_ten = \"Nguyễn",
            "25:1",
            "signature.ho_ten",
            "ho_ten",
            "tên cơ quan, họ tên người ký",
            "name",
        ),
        (
            "title = \"CHỦ TỊCH\"",
            "chuc_vu = \"CHỦ TỊCH\"",
            "24:1",
            "signature.chuc_vu",
            "chuc_vu",
            "chức vụ người ký",
            "title",
        ),
        (
            "archive = ",
            "luu = ",
            "29:1",
            "recipients.luu",
            "luu",
            "lưu",
            "archive",
        ),
    ];
    for (from, to, at, field, key, meaning, meant) in cases {
        assert_eq!(
            one_message(&notice_with(from, to)),
            format!(
                "vb.toml:{at}: lỗi: {field}: không có trường `{key}`\n  \
                 gợi ý: vanban dùng tên trường tiếng Anh: “{meaning}” là `{meant}`"
            ),
            "{key}"
        );
    }
    // A top-level field written in Vietnamese below a table is told where
    // it belongs.
    assert_eq!(
        one_message(&notice_with(
            "archive = \"VP\"",
            "archive = \"VP\"\nngay = 2026-12-01"
        )),
        "vb.toml:30:1: lỗi: recipients.ngay: không có trường `ngay`\n  \
         gợi ý: vanban dùng tên trường tiếng Anh: “ngày ban hành” là `date`, và `date` thuộc phần đầu tệp, nhưng ở đây nó rơi vào bảng phía trên: chuyển nó lên trên tiêu đề [bảng] đầu tiên"
    );
    // An English slip still gets its nearest spelling.
    assert_eq!(
        one_message(&notice_with("title = ", "tilte = ")),
        "vb.toml:24:1: lỗi: signature.tilte: không có trường `tilte`\n  gợi ý: có phải ý bạn là `title`?"
    );
}

#[test]
fn an_undefined_footnote_points_at_its_mark() {
    assert_eq!(
        messages("vb.toml", &notice_with("2026[^1].", "2026[^2].")),
        [
            "vb.toml:15:67: lỗi: directives › mục 1: chưa có nội dung cho chú thích [^2]\n  \
             gợi ý: thêm nó dưới [footnotes]: 2 = \"…\"",
            "vb.toml:20:5: cảnh báo: footnotes.1: chú thích [^1] không được dẫn ở đâu cả [unused-footnote]\n  \
             gợi ý: ghi [^1] vào chỗ cần đánh dấu chú thích, hoặc xóa chú thích đi",
        ]
    );
    let line = NOTICE.lines().nth(14).unwrap_or_default();
    assert_eq!(
        line[..line.find("[^1]").unwrap_or(0)].chars().count() + 1,
        67
    );
}

/// People count items from 1 and read "mục"; the JSON keeps the path a
/// script uses, counted from 0.
#[test]
fn people_read_items_counted_from_one_and_scripts_the_path() {
    let text = notice_with("năm 2026.\",", "năm  2026.\",");
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("vb.toml"), &text).expect("write");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_vanban"))
            .args(args)
            .current_dir(dir.path())
            .output()
            .expect("vanban runs")
    };
    let human = run(&["check", "vb.toml"]);
    assert_eq!(
        String::from_utf8_lossy(&human.stdout).trim_end(),
        "vb.toml:16:64: cảnh báo: directives › mục 2: nội dung có hai khoảng trắng liền nhau [spacing]\n  \
         gợi ý: giữa hai từ chỉ để một khoảng trắng"
    );
    let json = run(&["check", "vb.toml", "--format", "json"]);
    let list: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(list[0]["field"], "directives.items[1]");
}

/// The words the parsers and serde write, which must never reach a
/// secretary. Field names and values are in backticks or quotes, and are
/// left out before looking.
const ENGLISH: &[&str] = &[
    "and",
    "array",
    "as",
    "at",
    "between",
    "boolean",
    "cannot",
    "character",
    "column",
    "comma",
    "comment",
    "content",
    "datetime",
    "digit",
    "digits",
    "duplicate",
    "element",
    "elements",
    "eof",
    "error",
    "escape",
    "etc",
    "expected",
    "extra",
    "failed",
    "field",
    "float",
    "found",
    "hex",
    "ident",
    "integer",
    "invalid",
    "key",
    "length",
    "letters",
    "line",
    "list",
    "literal",
    "map",
    "missing",
    "month",
    "must",
    "newline",
    "nothing",
    "number",
    "object",
    "of",
    "or",
    "overflowed",
    "pair",
    "pairs",
    "parsing",
    "quoted",
    "sequence",
    "string",
    "struct",
    "such",
    "table",
    "the",
    "trailing",
    "two",
    "type",
    "unclosed",
    "unexpected",
    "unknown",
    "value",
    "values",
    "variant",
    "while",
    "with",
    "year",
];

/// The English words of `text`, outside what it quotes.
pub fn english_words(text: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut closer: Option<char> = None;
    for c in text.chars() {
        match closer {
            Some(end) if c == end => closer = None,
            Some(_) => {}
            None => match c {
                '`' => closer = Some('`'),
                '"' => closer = Some('"'),
                '“' => closer = Some('”'),
                '[' => closer = Some(']'),
                c => plain.push(c),
            },
        }
    }
    // `date = 2026-12-01` in a hint is what to type.
    // Names joined by - or _ (`type-code`, a rule) are names, not words.
    let mut tokens: Vec<&str> = plain
        .split(|c: char| !c.is_ascii_alphabetic() && !matches!(c, '=' | '-' | '_'))
        .collect();
    tokens.push("");
    tokens
        .windows(2)
        .filter(|w| !w[1].starts_with('='))
        .map(|w| w[0].to_ascii_lowercase())
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .collect()
}

/// Every kind of mistake the parsers, the schema and the checks report, in
/// TOML and JSON: not one English word in a message or hint. To read them
/// all: `VANBAN_SHOW_MESSAGES=1 cargo test --test it no_message -- --nocapture`.
#[test]
fn no_message_a_user_can_reach_is_in_english() {
    let toml: &[(&str, &str)] = &[
        // The TOML parser.
        ("place = \"Lộc An\"", "place = \"Lộc An"),
        ("place = \"Lộc An\"", "place \"Lộc An\""),
        ("place = \"Lộc An\"", "place = "),
        ("place = \"Lộc An\"", "place = \"Lộc \\q An\""),
        ("place = \"Lộc An\"", "place = \"Lộc \\uZZ An\""),
        ("place = \"Lộc An\"", "place = \"Lộc An\" x"),
        ("place = \"Lộc An\"", "place = \"\"\"Lộc An"),
        ("place = \"Lộc An\"", "place = 'Lộc An"),
        ("place = \"Lộc An\"", "= \"Lộc An\""),
        ("number = 12", "number = 12\nnumber = 13"),
        ("number = 12", "number = 012"),
        ("number = 12", "number = 1.2.3"),
        ("number = 12", "number = 1__2"),
        ("number = 12", "number = 0xZZ"),
        ("number = 12", "number = tru"),
        ("number = 12", "number = 99999999999999999999999"),
        ("date = 2026-12-01", "date = 2026-12-01T25:00"),
        ("date = 2026-12-01", "date = 2026-13-01"),
        ("date = 2026-12-01", "date = 2026-02-30"),
        (
            "date = 2026-12-01",
            "date = { year = 2026, month = 2, day = 30 }",
        ),
        ("date = 2026-12-01", "date = { year = 2026, thang = 2 }"),
        ("date = 2026-12-01", "date = { month = 2 }"),
        ("date = 2026-12-01", "date = 2026-12-01T10:00:00"),
        ("[issuer]", "[issuer"),
        ("[issuer]", "[[issuer]"),
        ("[issuer]", "[issuer]\n[issuer]"),
        ("[issuer]", "issuer = { name = \"x\", code = \"UBND\",, }"),
        ("[issuer]", "issuer = { name = \"x\""),
        ("[issuer]", "issuer = \"UBND xã\"\n[x]"),
        ("[issuer]", "issuer.name.x = 1\n[x]"),
        (
            "items = [\"Thường trực Đảng ủy xã\", \"Các thôn\"]",
            "items = [\"a\",, \"b\"]",
        ),
        (
            "items = [\"Thường trực Đảng ủy xã\", \"Các thôn\"]",
            "items = [\"a\" = \"b\"]",
        ),
        (
            "items = [\"Thường trực Đảng ủy xã\", \"Các thôn\"]",
            "items = \"Các thôn\"",
        ),
        (
            "items = [\"Thường trực Đảng ủy xã\", \"Các thôn\"]",
            "items = [5]",
        ),
        ("numbered = true", "numbered = \"có\""),
        ("numbered = true", "numbered = [true]"),
        ("kind = \"thong-bao\"", "kind = 5"),
        ("kind = \"thong-bao\"", "kind = { a = 1 }"),
        ("kind = \"thong-bao\"", "kind = 2026-12-01"),
        ("kind = \"thong-bao\"", "kind = 1.5"),
        ("kind = \"thong-bao\"", "kind = \"thong-bao\" # \u{7}"),
        ("kind = \"thong-bao\"", "kind = \"thong-bao\" \r# x"),
        ("name = \"Nguyễn Văn An\"", ""),
        ("title = ", "tilte = "),
        ("[signature]", "[signature]\nxyz = 1"),
        ("[footnotes]", "[footnotes]\nx = 5"),
        ("[footnotes]", "[footnotes]\n\"a b\" = \"x\""),
        // The checks after reading.
        ("place = \"Lộc An\"", "place = \"\""),
        ("place = \"Lộc An\"", "place = \"Lộc\\u0007 An\""),
        ("number = 12", "number = 0"),
        ("kind = \"thong-bao\"", "kind = \"bien-ban\""),
        (
            "kind = \"thong-bao\"",
            "kind = \"ket-luan\"\nstandard = \"state\"",
        ),
        (
            "kind = \"thong-bao\"",
            "kind = \"thong-bao\"\nstandard = \"khac\"",
        ),
        ("kind = \"thong-bao\"", "kind = \"thong-bao\"\nschema = 2"),
        (
            "kind = \"thong-bao\"",
            "kind = \"thong-bao\"\ntemplate = \"../x.typ\"",
        ),
        (
            "kind = \"thong-bao\"",
            "kind = \"thong-bao\"\ntemplate = \"\"",
        ),
        (
            "kind = \"thong-bao\"",
            "kind = \"thong-bao\"\nlayout = { body_pt = 20, section_mark = \"I)\" }",
        ),
        (
            "kind = \"thong-bao\"",
            "kind = \"thong-bao\"\nlayout = { le_trai = 30 }",
        ),
        (
            "kind = \"thong-bao\"",
            "kind = \"thong-bao\"\nlint = { allow = [\"khong-co\"] }",
        ),
        ("code = \"UBND\"", "code = \"UB ND\""),
        ("2026[^1]", "2026[^2]"),
        ("1 = \"Theo", "\"a b\" = \"x[^1]\"\n1 = \"Theo"),
        (
            "numbered = true",
            "labels = [\"i.\", \"1.\", \"a)\", \"-\"]",
        ),
        (
            "authority = \"TM. ỦY BAN NHÂN DÂN\"",
            "authority = \"XYZ BAN\"",
        ),
        ("authority = \"TM. ỦY BAN NHÂN DÂN\"", "authority = \"TM.\""),
        ("archive = \"VP\"", "archive = \"\"\ncopies = 0"),
        ("archive = \"VP\"", "archive = \"VP\"\ncopies = 3"),
        (
            "items = [\"Thường trực Đảng ủy xã\", \"Các thôn\"]",
            "items = [\"\", \"Các thôn\", \"Các thôn\"]",
        ),
        (
            "name = \"ỦY BAN NHÂN DÂN XÃ LỘC AN\"",
            "name = \"HuyÖn uû §¬n D\u{AD}¬ng\"",
        ),
        ("summary = \"Kết", "summary = \"\"\nx = \"Kết"),
        (
            "\"Các thôn ra",
            "{ title = \"a\", items = [{ title = \"b\", items = [{ title = \"c\", items = [\"d\"] }] }] },\n    \"Các thôn ra",
        ),
        ("\"Các thôn ra", "{},\n    \"Các thôn ra"),
        // The guides, the pictures, the contact block.
        (
            "kind = \"thong-bao\"",
            "kind = \"thong-bao\"\nguide = \"hd99\"",
        ),
        (
            "kind = \"thong-bao\"",
            "kind = \"thong-bao\"\nguide = \"hd05\"",
        ),
        ("kind = \"thong-bao\"", "kind = \"ket-luan\""),
        (
            "kind = \"thong-bao\"",
            "kind = \"ket-luan\"\nguide = \"hd36\"",
        ),
        (
            "name = \"Nguyễn Văn An\"",
            "name = \"Nguyễn Văn An\"\nimage = \"khong-co.png\"\nseal = \"../dau.png\"\nseal_diameter_mm = 80",
        ),
        (
            "name = \"Nguyễn Văn An\"",
            "name = \"Nguyễn Văn An\"\nseal_diameter_mm = 30",
        ),
        ("code = \"UBND\"", "code = \"UBND\"\ncontact = 5"),
        (
            "name = \"ỦY BAN NHÂN DÂN XÃ LỘC AN\"",
            "name = \"ỦY BAN NHÂN DÂN HUYỆN PHÚ LỘC\"",
        ),
        (
            "opening = \"Ngày 28",
            "closing = \"Thông báo để biết, thực hiện./.\"\nopening = \"Ngày 28",
        ),
        ("place = \"Lộc An\"", "place = \"Thành phố Hồ Chí Minh\""),
        // Every lint warning.
        ("code = \"UBND\"", "code = \"TB-UBND\""),
        (
            "ngày 02/11/2026",
            "ngày 2/11/2026 theo 45-KH/UBND, Báo cáo số 3/BC-UBND, ngày 30 tháng 12 năm 2026",
        ),
        ("archive = \"VP\"", ""),
        ("summary = \"Kết", "summary = \"kết"),
        ("ra quân", "ra  quân ,"),
        ("2026[^1].", "2026."),
    ];
    let mut inputs: Vec<(String, Vec<u8>)> = toml
        .iter()
        .map(|(from, to)| ("vb.toml".to_owned(), notice_with(from, to).into_bytes()))
        .collect();
    for json in [
        "{\"kind\": \"thong-bao\",}",
        "{\"kind\": \"thong-bao\"",
        "{kind: 1}",
        "{\"kind\": \"thong-bao\" \"place\": 1}",
        "{\"kind\": [\"a\" \"b\"]}",
        "{\"kind\" \"thong-bao\"}",
        "{\"kind\": tru}",
        "{\"kind\": \"a\\qb\"}",
        "{\"kind\": \"a\nb\"}",
        "{\"kind\": 1e999}",
        "{\"kind\": \"\\uD800\"}",
        "{\"kind\": \"thong-bao\"} x",
        "{\"kind\": \"thong-bao\", \"kind\": \"thong-bao\"}",
        "{\"kind\": 5}",
        "{\"kind\": \"thong-bao\", \"issuer\": [1]}",
        "{\"kind\": \"thong-bao\", \"number\": -1.5}",
        "{\"kind\": \"thong-bao\", \"kinh_gui\": \"x\"}",
        "{\"kind\": \"thong-bao\", \"date\": \"hôm qua\"}",
        "{\"kind\": \"thong-bao\"}",
    ] {
        inputs.push(("vb.json".to_owned(), json.as_bytes().to_vec()));
    }
    inputs.push(("vb.toml".to_owned(), b"kind = \"\xFF\"".to_vec()));
    inputs.push(("vb.toml".to_owned(), vec![b'#'; 3 * 1024 * 1024]));

    let mut english = Vec::new();
    for (name, bytes) in &inputs {
        let found = model::check(name, bytes);
        assert!(
            !found.is_empty(),
            "{:?} gives a message",
            String::from_utf8_lossy(bytes)
        );
        for d in found {
            if std::env::var_os("VANBAN_SHOW_MESSAGES").is_some() {
                eprintln!("{d}");
            }
            let words: Vec<String> = english_words(&d.message)
                .into_iter()
                .chain(d.hint.as_deref().map(english_words).unwrap_or_default())
                .collect();
            if !words.is_empty() {
                english.push(format!("{d}\n    English: {words:?}"));
            }
        }
    }

    // What the command line says when files cannot be read or written.
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("vb.toml"), NOTICE).expect("write");
    for args in [
        &["render", "khong-co.toml"][..],
        &["render", "vb.toml", "-o", "khong-co/vb.pdf"],
        &["render", "vb.toml", "-o", "."],
        &["check", "khong-co.toml"],
        &["render", "vb.toml", "--font-path", "khong-co"],
        &["render", "."],
        &["render"],
        &["batch", "vb.toml"],
        &["render", "vb.toml", "--format"],
        &[
            "render", "vb.toml", "--ppi", "5000", "--format", "png", "-o", "a.png",
        ],
        &["in", "vb.toml"],
        &["verify", "vb.toml"],
        &["sign", "khong-co.pdf", "--p12", "k.p12"],
        &[
            "sign",
            "vb.toml",
            "--p12",
            "vb.toml",
            "--password-env",
            "VANBAN_TEST_PASSWORD",
        ],
        &["extract", "khong-co.pdf"],
        &["extract", "vb.toml"],
        &["render", "khong-co.pdf"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
            .args(args)
            .current_dir(dir.path())
            .env("VANBAN_TEST_PASSWORD", "mật khẩu")
            .output()
            .expect("vanban runs");
        assert!(!out.status.success(), "{args:?}");
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let words = english_words(&said);
        if !words.is_empty() {
            english.push(format!("{args:?}: {said}\n    English: {words:?}"));
        }
    }
    assert!(english.is_empty(), "English left:\n{}", english.join("\n"));
}

#[test]
fn the_english_detector_finds_english() {
    assert_eq!(
        english_words("sai cú pháp TOML: string values must be quoted, cần literal string"),
        ["string", "values", "must", "quoted", "literal", "string"]
    );
    assert_eq!(
        english_words("không có trường `title`; viết date = 2026-12-01, \"the\" [spacing]"),
        Vec::<String>::new()
    );
}
