//! Hướng dẫn 05-HD/VPTW (27/5/2026), the Party's guide in force now: its
//! layout, ranges and wording. It keeps most of HD36 and differs where
//! the-thuc.md §2A lists: line pitch 18–22 pt, indent about 10 mm, "." at
//! the end of the body, ";" after each recipient and addressee, the
//! drafter's mark in 11 pt lower case, contact information on the last page,
//! and who may sign under T/L and T/M.
//!
//! Every value is tagged: [P**] quoted from HD05 (Phần II, Phụ lục 2), [U]
//! a default of vanban's where HD05 says nothing.

use super::Standard;
use super::guide::{
    ArchiveStyle, AuthorityStyle, DrafterStyle, Guide, GuideId, NumberStyle, PARTY_BLOCKS,
    SigningRules, Wording,
};
use super::profile::{Ranges, StyleProfile};

pub const HD05: Guide = Guide {
    id: GuideId::Hd05,
    key: "hd05",
    standard: Standard::Party,
    name: "Hướng dẫn 05-HD/VPTW",
    layout: StyleProfile::PARTY_HD05,
    ranges: Ranges::PARTY_HD05,
    wording: Wording {
        national_title: "ĐẢNG CỘNG SẢN VIỆT NAM", // [P**]
        motto: None,
        number: NumberStyle::Party,       // "Số 127-QĐ/TW" [P**]
        authority: AuthorityStyle::Slash, // T/M, K/T, T/L, Q. [P**]
        summary_mark: Some("-----"),      // "05 dấu gạch nối (-)" [P**]
        // "kết thúc nội dung văn bản có dấu chấm (.)" [P**]
        body_end_mark: Some("."),
        recipients_label: "Nơi nhận", // [P**]
        // "sau mỗi tổ chức … ở phần 'Nơi nhận' có dấu chấm phẩy (;)", and
        // the same after each addressee of "Kính gửi" [P**].
        recipient_separator: ";",
        archive: ArchiveStyle::Plain, // "- Lưu Văn phòng Tỉnh uỷ." [P**]
        drafter: DrafterStyle::NameHyphen, // "NguyenVanAn-26" [P**]
    },
    blocks: PARTY_BLOCKS,
    // Phần II, I-7.1.2 and 7.1.4 [P**].
    signing: SigningRules {
        no_deputy_under_by_order: Some(
            "Người được uỷ quyền trực tiếp ký, không uỷ quyền cho người khác ký thay",
        ),
        // Its own example also signs "T/M BAN CHẤP HÀNH TRUNG ƯƠNG / TỔNG
        // BÍ THƯ".
        titles_on_behalf: Some((
            &[
                "TỔNG BÍ THƯ",
                "BÍ THƯ",
                "PHÓ BÍ THƯ",
                "CHỦ NHIỆM",
                "PHÓ CHỦ NHIỆM",
                "CHỦ TỊCH",
                "PHÓ CHỦ TỊCH",
            ],
            "Khi thay mặt cấp uỷ, uỷ ban kiểm tra, hội đồng ký văn bản chỉ ghi chức vụ người ký \
             đối với các chức vụ bí thư, phó bí thư, chủ nhiệm, phó chủ nhiệm, chủ tịch, phó chủ tịch",
        )),
    },
    // "Hướng dẫn này có hiệu lực từ ngày ký", 27/5/2026 [P**].
    in_force_from: Some((2026, 5, 27)),
    applies_to: "văn bản của Đảng đề ngày từ 27/5/2026",
};

impl StyleProfile {
    /// Hướng dẫn 05-HD/VPTW (2026) for Party documents from 27/5/2026.
    pub const PARTY_HD05: StyleProfile = StyleProfile {
        name: "Hướng dẫn 05-HD/VPTW",
        page_width_mm: 210.0,          // A4 [P**]
        page_height_mm: 297.0,         // A4 [P**]
        margin_top_mm: 20.0,           // [P**]
        margin_bottom_mm: 20.0,        // [P**]
        margin_left_mm: 30.0,          // [P**]
        margin_right_mm: 15.0,         // [P**]
        header_left_mm: 70.0,          // as HD36 [U]
        header_title_pt: 15.0,         // [P**]
        motto_pt: 0.0,                 // the Party has no motto
        superior_pt: 14.0,             // [P**]
        issuer_pt: 14.0,               // [P**]
        number_pt: 14.0,               // [P**]
        place_date_pt: 14.0,           // [P**]
        header_pitch_pt: 17.0,         // single spacing of 14 pt text [U]
        title_rule_offset_pt: 6.0,     // [U]
        issuer_rule_share: 0.0,        // a "*" instead of a rule [P**]
        rule_stroke_pt: 0.5,           // "nét liền" [P**], thickness [U]
        doc_title_pt: 16.0,            // 15-16 [P**]
        summary_pt: 14.0,              // 14-15 [P**]
        summary_rule_share: 0.0,       // "-----" instead of a rule [P**]
        summary_rule_offset_pt: 0.0,   // no rule
        title_pitch_pt: 18.0,          // as HD36; the 18-22 pt rule is the body's [U]
        title_gap_mm: 10.0,            // [U]
        body_gap_mm: 6.0,              // [U]
        body_pt: 14.0,                 // 14-15 [P**]
        body_pitch_pt: 19.0, // "từ 18pt đến 22pt (Exactly)" [P**]; 19 as an HD05-era tool [S]
        paragraph_gap_pt: 6.0, // "tối thiểu là 6pt" [P**]
        first_line_indent_mm: 10.0, // "lùi vào khoảng 10 mm" [P**]
        addressee_label_italic: true, // "Kính gửi:" 14 nghiêng [P**]
        footnote_pt: 12.0,   // not regulated [U]
        footnote_pitch_pt: 14.0, // [U]
        page_number_pt: 14.0, // [P**]
        page_number_from_top_mm: 12.0, // "cách mép trên trang văn bản 10 mm" to the digits' top [P**]
        closing_gap_mm: 6.0,           // [U]
        signature_pt: 14.0,            // [P**]
        signature_pitch_pt: 17.0,      // [U]
        signature_title_bold: false,   // chức vụ "Đứng", not bold [P**]
        signature_space_mm: 25.0,      // [U]
        signature_width_mm: 95.0,      // the header's right column [U]
        recipients_label_pt: 14.0,     // "Đứng, có gạch chân" [P**]
        recipients_label_bold: false,
        recipients_label_italic: false,
        recipients_label_underline: true, // [P**]
        recipients_pt: 12.0,              // [P**]
        recipients_pitch_pt: 14.0,        // [U]
        drafter_pt: 11.0,                 // "In thường 11 Đứng" [P**]
        contact_pt: 10.0,                 // "In thường 10 Đứng" [P**]
        contact_pitch_pt: 12.0,           // [U]
        contact_gap_mm: 6.0,              // [U]
    };
}

impl Ranges {
    /// HD05 fixes the margins and gives ranges for the sizes and the line
    /// pitch [P**].
    pub const PARTY_HD05: Ranges = Ranges {
        margin_top: (20.0, 20.0),
        margin_bottom: (20.0, 20.0),
        margin_left: (30.0, 30.0),
        margin_right: (15.0, 15.0),
        body: (14.0, 15.0),
        body_pitch: (18.0, 22.0),
        doc_title: (15.0, 16.0),
        summary: (14.0, 15.0),
    };
}
