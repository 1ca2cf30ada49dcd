//! The skeleton of a new document (`vanban new`, and the editor's "new"):
//! every field with a Vietnamese comment, placeholders in «…» that the
//! `placeholder` lint rule points out, and valid as it stands, so that it
//! renders at once.

use crate::conventions::{DocumentKind, Standard};
use crate::model::lint::PLACEHOLDER_CODE;

/// The skeleton of a kind, dated in the given month with the day left
/// blank for the signer to fill in by hand.
pub fn skeleton(kind: DocumentKind, year: i32, month: u32) -> String {
    let party = kind.default_standard() == Standard::Party;
    let name = kind.name();
    let title = kind.title();
    let code = kind.type_code();
    format!(
        "\
# {title} — văn bản mới, tạo bằng `vanban new {name}`.
# Thay mọi chỗ «…» bằng nội dung thật; `vanban check TỆP` chỉ ra những chỗ còn
# sót. Mỗi trường được giải thích trong docs/schema.md. Dòng bắt đầu bằng #
# là ghi chú, vanban bỏ qua; bỏ dấu # ở đầu một dòng để dùng trường đó.
#
# Trình soạn thảo dùng Taplo (Even Better TOML trong VS Code) gợi ý và kiểm
# tra được các trường: ghi `vanban schema > vanban.schema.json` rồi thêm dòng
# #:schema ./vanban.schema.json
# vào đầu tệp này.

schema = 1                # phiên bản lược đồ; hiện chỉ có 1
kind = \"{name}\"{pad}# loại văn bản: {title} (vanban templates liệt kê các loại)
# guide = \"{guide}\"         # thể thức; không ghi thì vanban chọn theo ngày (hd36, hd05, nd30)

# number = 15             # số văn bản; để trống (như dòng này) thì văn thư ghi tay
place = \"«Địa danh»\"      # địa danh trước ngày tháng: «Địa danh», ngày … tháng … năm …
date = {{ year = {year}, month = {month} }}   # ngày ký; để trống ngày cho người ký ghi tay. Đủ ngày: date = {year}-{month:02}-05

# Trích yếu dưới tên loại văn bản: mỗi phần tử một dòng.
summary = [\"{summary}\"]

# to = \"«Nơi nhận văn bản»\" # khối \"Kính gửi:\" dưới tên loại (không bắt buộc)

# Đoạn mở đầu, trước các phần.
opening = \"«Ngày … tháng … năm …, … tổ chức hội nghị …»\"

[issuer]                  # cơ quan ban hành (ô 2, ô 3)
superior = \"{superior}\"   # cơ quan cấp trên; xóa dòng này nếu không có
name = \"«TÊN CƠ QUAN BAN HÀNH»\"  # in chữ hoa, đậm
code = \"{PLACEHOLDER_CODE}\"               # chữ viết tắt tên cơ quan trong số: {example}
# contact = [\"«Địa chỉ»\", \"«Điện thoại; thư điện tử»\"]  # thông tin liên hệ (ô 13), mỗi dòng một ý

# Phần thứ nhất: kết quả đạt được. Có thể bỏ cả bảng.
[findings]
# heading = \"ĐÁNH GIÁ CHUNG\"  # đề mục có số La Mã: I. ĐÁNH GIÁ CHUNG (không bắt buộc)
lead = \"*«Sau khi nghe …, hội nghị thống nhất một số nội dung sau:»*\"  # câu dẫn; *nghiêng*, **đậm**
items = [                 # mỗi phần tử một mục; [^1] đánh dấu chú thích số 1
    \"«Kết quả đạt được.»[^1]\",
]

# Phần thứ hai: hạn chế. Có thể bỏ cả bảng.
[limitations]
lead = \"**«Bên cạnh những kết quả đạt được, vẫn còn một số hạn chế:»**\"  # câu dẫn
items = [                 # các hạn chế, mỗi phần tử một mục
    \"«Hạn chế.»\",
]

# Phần thứ ba: nhiệm vụ thời gian tới.
[directives]
lead = \"**«Để triển khai tốt các nhiệm vụ, hội nghị kết luận:»**\"  # câu dẫn
numbered = true           # đánh số 1., 2. …; mục con a), b) …, dưới nữa -
# labels = [\"1.\", \"a)\", \"-\"]  # kiểu đánh số từng cấp, thay cho numbered
items = [                 # các nhiệm vụ; mục có thể có title và items con (tối đa 3 cấp)
    \"«Nhiệm vụ thứ nhất.»\",
    {{ title = \"«Về …»\", items = [\"«Việc cụ thể.»\"] }},  # mục có tiêu đề và mục con
]

# closing = \"«Đoạn kết.»\"   # đoạn kết sau các phần (không bắt buộc)

# Chú thích cuối trang, theo tên: [^1] trong nội dung dẫn tới 1 = \"…\".
[footnotes]
1 = \"«Nội dung chú thích.»\"

[signature]               # khối chữ ký (ô 7)
authority = \"{authority}\"  # thẩm quyền ký: {authorities}; xóa nếu ký chức danh
title = \"«CHỨC VỤ NGƯỜI KÝ»\"  # chức vụ, in chữ hoa
name = \"«Họ và tên người ký»\"  # họ tên, in đậm dưới chỗ ký
# image = \"chu-ky.png\"   # ảnh chữ ký (PNG nền trong suốt), trong thư mục của tệp này
# seal = \"dau.png\"       # ảnh dấu (PNG nền trong suốt), in đúng kích thước thật
# seal_diameter_mm = 36   # đường kính thật của con dấu, mm

[recipients]              # nơi nhận
items = [                 # mỗi phần tử một nơi nhận; vanban thêm \"- \" và dấu câu
    \"«Nơi nhận thứ nhất»\",
]
archive = \"«{archive}»\"          # dòng lưu: in ra {archive_printed}
# drafter = \"PL\"          # chữ viết tắt tên người soạn thảo (ô 12)
# copies = 30             # số bản phát hành, đi cùng drafter

# Giá trị trình bày, trong khoảng thể thức cho phép (không bắt buộc).
# [layout]
{layout}
# Tắt quy tắc kiểm tra cho riêng văn bản này (vanban check --help liệt kê).
# [lint]
# allow = [\"summary-case\"]
",
        pad = " ".repeat(17usize.saturating_sub(name.len()).max(1)),
        guide = if party { "hd05" } else { "nd30" },
        summary = if party {
            "«về …»"
        } else {
            "«Kết luận của …»"
        },
        superior = if party {
            "«ĐẢNG BỘ CẤP TRÊN»"
        } else {
            "«CƠ QUAN CẤP TRÊN»"
        },
        example = if party {
            format!("\"HU\" cho Số 15-{code}/HU")
        } else {
            format!("\"UBND\" cho Số: 15/{code}-UBND")
        },
        authority = if party {
            "T/M BAN THƯỜNG VỤ"
        } else {
            "TM. ỦY BAN NHÂN DÂN"
        },
        authorities = if party {
            "T/M (thay mặt), K/T (ký thay), T/L (thừa lệnh), Q. (quyền)"
        } else {
            "TM., KT., TL., TUQ., Q."
        },
        archive = if party { "VPHU" } else { "VP" },
        archive_printed = if party {
            "- Lưu «VPHU»."
        } else {
            "- Lưu: VT, «VP»."
        },
        layout = if party {
            "\
# body_pt = 14            # cỡ chữ nội dung: 14–15
# doc_title_pt = 16       # cỡ chữ tên loại văn bản: 15–16
# summary_pt = 14         # cỡ chữ trích yếu: 14–15
# section_mark = \"I.\"    # \"I.\" hoặc \"I-\" sau số La Mã của đề mục
"
        } else {
            "\
# margin_top_mm = 20      # lề trên: 20–25 mm (lề dưới margin_bottom_mm cũng vậy)
# margin_left_mm = 30     # lề trái: 30–35 mm
# margin_right_mm = 15    # lề phải: 15–20 mm
# body_pt = 14            # cỡ chữ nội dung: 13–14
# doc_title_pt = 14       # cỡ chữ tên loại văn bản: 13–14
# summary_pt = 14         # cỡ chữ trích yếu: 13–14
# section_mark = \"I.\"    # \"I.\" hoặc \"I-\" sau số La Mã của đề mục
"
        },
    )
}

/// The year and month in Vietnam (UTC+7), to date a new document.
pub fn this_month() -> (i32, u32) {
    use chrono::Datelike;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    chrono::DateTime::from_timestamp(now + 7 * 3600, 0).map_or((2026, 1), |t| (t.year(), t.month()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;

    /// Every kind's skeleton is valid, and its only warnings point at
    /// placeholders.
    #[test]
    fn skeletons_are_valid_with_placeholder_warnings_only() {
        for &(name, kind, _) in DocumentKind::ALL {
            let text = skeleton(kind, 2026, 3);
            let doc =
                model::load("moi.toml", text.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(
                !doc.warnings.is_empty(),
                "{name}: placeholders are pointed out"
            );
            for w in &doc.warnings {
                assert_eq!(w.rule, Some("placeholder"), "{name}: {w}");
            }
        }
    }
}
