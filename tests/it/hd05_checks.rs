//! The checks that come with Hướng dẫn 05-HD/VPTW: choosing the guide by
//! date or by name, its signing rules, the author line of a summary, units
//! abolished on 01/7/2025, and the archive hints. Each rule has a document
//! that trips it and one that does not, with its exact message.

use std::process::Command;

use vanban::conventions::StyleProfile;
use vanban::error::Diagnostic;
use vanban::model;

/// A clean HD05 conclusion of a commune Party committee; `edit` changes it.
pub fn hd05_doc(edit: impl Fn(String) -> String) -> String {
    edit(
        "kind = \"ket-luan\"\nnumber = 4\nplace = \"Ka Đô\"\ndate = 2026-06-12\n\
         summary = [\"CỦA BAN THƯỜNG VỤ ĐẢNG UỶ XÃ\", \"về phát triển kinh tế tư nhân\"]\n\
         opening = \"Ban Thường vụ Đảng uỷ xã kết luận như sau:\"\n\
         [issuer]\nsuperior = \"ĐẢNG BỘ TỈNH LÂM ĐỒNG\"\nname = \"ĐẢNG UỶ XÃ KA ĐÔ\"\ncode = \"ĐU\"\n\
         [findings]\nitems = [\"Kết quả tốt.\"]\n\
         [signature]\nauthority = \"T/M BAN THƯỜNG VỤ\"\ntitle = \"PHÓ BÍ THƯ\"\nname = \"Nguyễn Văn A\"\n\
         [recipients]\nitems = [\"Ban Thường vụ Tỉnh uỷ (b/c)\"]\narchive = \"Văn phòng Đảng uỷ\"\n"
            .to_owned(),
    )
}

/// One rule, a slip that trips it, and the exact warning.
pub struct Case {
    pub rule: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub message: &'static str,
}

/// The rules this guide brought, each with its case; `check.rs` counts
/// them with the others.
pub const CASES: &[Case] = &[
    Case {
        rule: "guide-date",
        from: "kind = \"ket-luan\"\n",
        to: "kind = \"ket-luan\"\nguide = \"hd36\"\n",
        message: "vb.toml:2:9: cảnh báo: guide: guide = \"hd36\" (Hướng dẫn 36-HD/VPTW) dùng cho văn bản của Đảng đề ngày trước 27/5/2026, mà văn bản này đề ngày 12/6/2026 [guide-date]\n  \
                  gợi ý: văn bản đề ngày 12/6/2026 trình bày theo Hướng dẫn 05-HD/VPTW: bỏ `guide` đi để vanban chọn theo ngày; chỉ giữ khi in lại văn bản cũ hoặc soạn trước văn bản sẽ ký sau",
    },
    Case {
        rule: "signer-title",
        from: "title = \"PHÓ BÍ THƯ\"",
        to: "title = \"UỶ VIÊN BAN THƯỜNG VỤ\"",
        message: "vb.toml:15:9: cảnh báo: signature.title: dưới \"T/M BAN THƯỜNG VỤ\" không ghi chức vụ \"UỶ VIÊN BAN THƯỜNG VỤ\": Hướng dẫn 05-HD/VPTW \"Khi thay mặt cấp uỷ, uỷ ban kiểm tra, hội đồng ký văn bản chỉ ghi chức vụ người ký đối với các chức vụ bí thư, phó bí thư, chủ nhiệm, phó chủ nhiệm, chủ tịch, phó chủ tịch\" [signer-title]\n  \
                  gợi ý: ký thay mặt tập thể là bí thư, phó bí thư (cấp uỷ), chủ nhiệm, phó chủ nhiệm (uỷ ban kiểm tra), chủ tịch, phó chủ tịch (hội đồng); người khác ký thừa lệnh, ví dụ authority = \"T/L BAN THƯỜNG VỤ\", title = \"CHÁNH VĂN PHÒNG\"",
    },
    Case {
        rule: "abolished-unit",
        from: "name = \"ĐẢNG UỶ XÃ KA ĐÔ\"\ncode = \"ĐU\"",
        to: "name = \"HUYỆN UỶ ĐƠN DƯƠNG\"\ncode = \"HU\"",
        message: "vb.toml:9:8: cảnh báo: issuer.name: \"HUYỆN UỶ ĐƠN DƯƠNG\" là cơ quan cấp huyện, mà cấp huyện đã kết thúc hoạt động từ ngày 01/7/2025; văn bản này đề ngày 12/6/2026 [abolished-unit]\n  \
                  gợi ý: kiểm tra lại ngày và cơ quan ban hành: từ 01/7/2025 văn bản ở địa phương do cấp tỉnh hoặc cấp xã ban hành, ví dụ \"ĐẢNG BỘ TỈNH …\" / \"ĐẢNG UỶ XÃ …\" với ký hiệu ĐU",
    },
];

fn diagnostics(toml: &str) -> Vec<Diagnostic> {
    model::check("vb.toml", toml.as_bytes())
}

fn shown(toml: &str) -> Vec<String> {
    diagnostics(toml).iter().map(ToString::to_string).collect()
}

fn guide_of(toml: &str) -> &'static str {
    model::load("vb.toml", toml.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"))
        .guide
        .key
}

#[test]
fn the_clean_hd05_document_has_no_warnings() {
    assert_eq!(shown(&hd05_doc(|s| s)), Vec::<String>::new());
    assert_eq!(guide_of(&hd05_doc(|s| s)), "hd05");
}

#[test]
fn each_hd05_rule_trips_on_its_slip_with_its_message() {
    for case in CASES {
        let toml = hd05_doc(|s| {
            assert!(s.contains(case.from), "{}", case.from);
            s.replacen(case.from, case.to, 1)
        });
        assert_eq!(shown(&toml), [case.message], "{}", case.rule);
    }
}

#[test]
fn the_date_picks_the_guide() {
    let dated = |date: &str| hd05_doc(|s| s.replace("date = 2026-06-12", date));
    assert_eq!(guide_of(&dated("date = 2026-05-26")), "hd36");
    assert_eq!(guide_of(&dated("date = 2026-05-27")), "hd05");
    // A blank day is filled in at signing: the latest day it can be counts.
    assert_eq!(
        guide_of(&dated("date = { year = 2026, month = 5 }")),
        "hd05"
    );
    assert_eq!(
        guide_of(&dated("date = { year = 2026, month = 4 }")),
        "hd36"
    );
    assert_eq!(guide_of(&dated("date = 2020-11-05")), "hd36");
    // A State notice is laid out by ND30 whatever its date.
    let state = hd05_doc(|s| {
        s.replace("kind = \"ket-luan\"", "kind = \"thong-bao\"")
            .replace(
                "summary = [\"CỦA BAN THƯỜNG VỤ ĐẢNG UỶ XÃ\", \"về",
                "summary = [\"Về",
            )
            .replace(
                "authority = \"T/M BAN THƯỜNG VỤ\"",
                "authority = \"TM. ỦY BAN NHÂN DÂN\"",
            )
    });
    assert_eq!(guide_of(&state), "nd30");
}

#[test]
fn a_named_guide_wins_over_the_date_and_warns_only_when_it_contradicts_it() {
    let named = |guide: &str, date: &str| {
        hd05_doc(|s| {
            s.replace(
                "kind = \"ket-luan\"\n",
                &format!("kind = \"ket-luan\"\nguide = \"{guide}\"\n"),
            )
            .replace("date = 2026-06-12", date)
        })
    };
    // A historical re-issue: an HD36 document dated 2026.
    let reissue = named("hd36", "date = 2026-06-12");
    assert_eq!(guide_of(&reissue), "hd36");
    assert_eq!(
        diagnostics(&reissue)
            .iter()
            .filter_map(|d| d.rule)
            .collect::<Vec<_>>(),
        ["guide-date"]
    );
    // A draft dated ahead of the new guide.
    let ahead = named("hd05", "date = 2026-05-26");
    assert_eq!(guide_of(&ahead), "hd05");
    assert_eq!(
        shown(&ahead),
        [
            "vb.toml:2:9: cảnh báo: guide: guide = \"hd05\" (Hướng dẫn 05-HD/VPTW) dùng cho văn bản của Đảng đề ngày từ 27/5/2026, mà văn bản này đề ngày 26/5/2026 [guide-date]\n  \
          gợi ý: văn bản đề ngày 26/5/2026 trình bày theo Hướng dẫn 36-HD/VPTW: bỏ `guide` đi để vanban chọn theo ngày; chỉ giữ khi in lại văn bản cũ hoặc soạn trước văn bản sẽ ký sau"
        ]
    );
    // Agreeing with the date, or with some day a blank date can stand for.
    assert_eq!(
        shown(&named("hd05", "date = 2026-05-27")),
        Vec::<String>::new()
    );
    assert_eq!(
        shown(&named("HD36", "date = 2026-05-26")),
        Vec::<String>::new()
    );
    assert_eq!(
        shown(&named("hd36", "date = { year = 2026, month = 5 }")),
        Vec::<String>::new()
    );
    assert_eq!(
        shown(&named("hd36", "date = { year = 2026, month = 6 }")).len(),
        1,
        "no day of June 2026 is HD36's"
    );
}

#[test]
fn an_unknown_guide_or_one_of_the_other_standard_is_an_error() {
    let with = |line: &str| {
        hd05_doc(|s| {
            s.replace(
                "kind = \"ket-luan\"\n",
                &format!("kind = \"ket-luan\"\n{line}\n"),
            )
        })
    };
    assert_eq!(
        shown(&with("guide = \"hd06\"")),
        ["vb.toml:2:9: lỗi: guide: không có thể thức `hd06`\n  \
          gợi ý: các thể thức: \"hd36\" (Hướng dẫn 36-HD/VPTW: văn bản của Đảng đề ngày trước 27/5/2026), \"hd05\" (Hướng dẫn 05-HD/VPTW: văn bản của Đảng đề ngày từ 27/5/2026), \"nd30\" (Nghị định 30/2020/NĐ-CP: văn bản của cơ quan nhà nước); bỏ `guide` đi để vanban chọn theo ngày của văn bản"]
    );
    assert_eq!(
        shown(&with("guide = \"nd30\"")),
        [
            "vb.toml:2:9: lỗi: guide: nd30 (Nghị định 30/2020/NĐ-CP) là thể thức văn bản nhà nước, mà KẾT LUẬN này là văn bản của Đảng\n  \
          gợi ý: viết guide = \"hd36\" hoặc guide = \"hd05\""
        ]
    );
    // A State notice may be issued the Party's way, but says so.
    let notice = hd05_doc(|s| {
        s.replace(
            "kind = \"ket-luan\"\n",
            "kind = \"thong-bao\"\nguide = \"hd05\"\n",
        )
    });
    assert_eq!(
        shown(&notice),
        [
            "vb.toml:2:9: lỗi: guide: hd05 (Hướng dẫn 05-HD/VPTW) là thể thức văn bản của Đảng, mà THÔNG BÁO này là văn bản nhà nước\n  \
          gợi ý: viết guide = \"nd30\"; để trình bày theo Hướng dẫn 05-HD/VPTW, ghi thêm standard = \"party\""
        ]
    );
    let party_notice = notice.replace("guide = \"hd05\"", "guide = \"hd05\"\nstandard = \"party\"");
    assert_eq!(shown(&party_notice), Vec::<String>::new());
    assert_eq!(guide_of(&party_notice), "hd05");
}

#[test]
fn a_deputy_under_by_order_is_an_error_under_hd05_only() {
    let nested = |s: String| {
        s.replace(
            "authority = \"T/M BAN THƯỜNG VỤ\"\ntitle = \"PHÓ BÍ THƯ\"",
            "authority = [\"T/L BAN THƯỜNG VỤ\", \"K/T CHÁNH VĂN PHÒNG\"]\ntitle = \"Phó Chánh Văn phòng\"",
        )
    };
    assert_eq!(
        shown(&hd05_doc(nested)),
        [
            "vb.toml:14:35: lỗi: signature.authority › dòng 2: theo Hướng dẫn 05-HD/VPTW không ghi \"K/T CHÁNH VĂN PHÒNG\" dưới \"T/L BAN THƯỜNG VỤ\": \"Người được uỷ quyền trực tiếp ký, không uỷ quyền cho người khác ký thay\"\n  \
          gợi ý: bỏ dòng \"K/T CHÁNH VĂN PHÒNG\"; người được giao ký thừa lệnh ký trực tiếp với chức vụ của mình: authority = \"T/L BAN THƯỜNG VỤ\", title = \"PHÓ CHÁNH VĂN PHÒNG\""
        ]
    );
    // Signed directly, as HD05 shows it.
    let direct = hd05_doc(|s| {
        s.replace(
            "authority = \"T/M BAN THƯỜNG VỤ\"\ntitle = \"PHÓ BÍ THƯ\"",
            "authority = \"T/L BAN THƯỜNG VỤ\"\ntitle = \"PHÓ CHÁNH VĂN PHÒNG\"",
        )
    });
    assert_eq!(shown(&direct), Vec::<String>::new());
    // HD36 did not forbid it.
    let old = hd05_doc(|s| nested(s).replace("date = 2026-06-12", "date = 2026-05-26"));
    assert_eq!(shown(&old), Vec::<String>::new());
}

#[test]
fn titles_under_t_m_are_checked_only_for_committees_and_only_under_hd05() {
    let signed = |authority: &str, title: &str| {
        hd05_doc(|s| {
            s.replace(
                "authority = \"T/M BAN THƯỜNG VỤ\"\ntitle = \"PHÓ BÍ THƯ\"",
                &format!("authority = \"{authority}\"\ntitle = \"{title}\""),
            )
        })
    };
    let rules = |toml: &str| {
        diagnostics(toml)
            .iter()
            .filter_map(|d| d.rule)
            .collect::<Vec<_>>()
    };
    for (authority, title) in [
        ("T/M BAN THƯỜNG VỤ", "bí thư"),
        ("T/M ĐẢNG UỶ", "PHÓ BÍ THƯ"),
        ("T/M ỦY BAN KIỂM TRA", "PHÓ CHỦ NHIỆM"),
        ("T/M HỘI ĐỒNG", "CHỦ TỊCH"),
        ("T/M BAN CHẤP HÀNH TRUNG ƯƠNG", "TỔNG BÍ THƯ"),
        // A congress's organs sign by their own rules.
        ("T/M ĐOÀN THƯ KÝ", "TRƯỞNG ĐOÀN"),
    ] {
        assert_eq!(
            rules(&signed(authority, title)),
            Vec::<&str>::new(),
            "{authority} / {title}"
        );
    }
    for (authority, title) in [
        ("T/M ĐẢNG UỶ", "UỶ VIÊN BAN THƯỜNG VỤ"),
        ("T/M CHI BỘ", "CHI UỶ VIÊN"),
        ("T/M ỦY BAN KIỂM TRA", "ỦY VIÊN"),
    ] {
        assert_eq!(
            rules(&signed(authority, title)),
            ["signer-title"],
            "{authority} / {title}"
        );
    }
    let hd36 = signed("T/M ĐẢNG UỶ", "UỶ VIÊN BAN THƯỜNG VỤ")
        .replace("date = 2026-06-12", "date = 2026-05-26");
    assert_eq!(rules(&hd36), Vec::<&str>::new());
}

/// HD05's own example: "KẾT LUẬN / CỦA BAN THƯỜNG VỤ THÀNH UỶ / về phát
/// triển kinh tế tư nhân". The author line is right; a capital on the
/// subject under it is not, and is pointed at on its own line.
#[test]
fn an_author_line_may_open_the_summary() {
    let summary = |lines: &str| {
        hd05_doc(|s| {
            s.replace(
                "summary = [\"CỦA BAN THƯỜNG VỤ ĐẢNG UỶ XÃ\", \"về phát triển kinh tế tư nhân\"]",
                &format!("summary = [\n    {lines}\n]"),
            )
        })
    };
    let ok = summary("\"CỦA BAN THƯỜNG VỤ THÀNH UỶ\",\n    \"về phát triển kinh tế tư nhân\",");
    assert_eq!(shown(&ok), Vec::<String>::new());
    let capital =
        summary("\"CỦA BAN THƯỜNG VỤ THÀNH UỶ\",\n    \"Về phát triển kinh tế tư nhân\",");
    assert_eq!(
        shown(&capital),
        [
            "vb.toml:7:6: cảnh báo: summary: sau dòng tác giả \"CỦA BAN THƯỜNG VỤ THÀNH UỶ\", trích yếu văn bản Đảng viết chữ thường; dòng này bắt đầu bằng \"V\" [summary-case]\n  \
          gợi ý: viết \"về …\" hoặc \"tại …\" (Hướng dẫn 05-HD/VPTW)"
        ]
    );
    // Not an author line: a capital at the start, as before.
    let title_case =
        summary("\"Của Ban Thường vụ Thành uỷ\",\n    \"về phát triển kinh tế tư nhân\",");
    assert_eq!(
        shown(&title_case),
        [
            "vb.toml:6:6: cảnh báo: summary: trích yếu văn bản Đảng bắt đầu bằng chữ thường, trích yếu này bắt đầu bằng \"C\" [summary-case]\n  \
          gợi ý: viết \"về …\" hoặc \"của …\"; dòng tác giả thì viết hoa cả dòng: \"CỦA BAN THƯỜNG VỤ …\" (Hướng dẫn 05-HD/VPTW)"
        ]
    );
    // The author line alone is a summary too.
    assert_eq!(
        shown(&summary("\"CỦA BAN THƯỜNG VỤ THÀNH UỶ\",")),
        Vec::<String>::new()
    );
}

/// The 2020 reference: its author line is no longer warned about, its
/// capitalised subject is, on its own line; and a district committee of
/// 2020 existed then.
#[test]
fn the_reference_is_warned_about_its_subject_line_only() {
    let warnings = model::load(
        crate::common::REFERENCE,
        crate::common::read(crate::common::REFERENCE).as_bytes(),
    )
    .expect("valid")
    .warnings;
    let summary: Vec<String> = warnings
        .iter()
        .filter(|d| d.rule == Some("summary-case"))
        .map(ToString::to_string)
        .collect();
    assert_eq!(summary.len(), 1);
    assert!(
        summary[0].starts_with(
            "examples/ket-luan-thuong-truc-huyen-uy-2020-11.toml:21:6: cảnh báo: summary: sau dòng tác giả"
        ),
        "{summary:?}"
    );
    assert!(warnings.iter().all(|d| d.rule != Some("abolished-unit")));
}

#[test]
fn district_bodies_after_their_abolition_are_warned_about() {
    let district = |date: &str, name: &str, code: &str| {
        hd05_doc(|s| {
            s.replace("date = 2026-06-12", date)
                .replace("name = \"ĐẢNG UỶ XÃ KA ĐÔ\"", &format!("name = \"{name}\""))
                .replace("code = \"ĐU\"", &format!("code = \"{code}\""))
        })
    };
    let rules = |toml: &str| {
        diagnostics(toml)
            .iter()
            .filter(|d| d.rule == Some("abolished-unit"))
            .map(|d| (d.field.clone().unwrap_or_default(), d.message.clone()))
            .collect::<Vec<_>>()
    };
    // The day before: none.
    assert_eq!(
        rules(&district("date = 2025-06-30", "HUYỆN UỶ ĐƠN DƯƠNG", "HU")),
        []
    );
    assert_eq!(
        rules(&district("date = 2025-07-01", "QUẬN UỶ BA ĐÌNH", "QU")),
        [(
            "issuer.name".to_owned(),
            "\"QUẬN UỶ BA ĐÌNH\" là cơ quan cấp quận, mà cấp huyện đã kết thúc hoạt động từ ngày 01/7/2025; văn bản này đề ngày 01/7/2025".to_owned()
        )]
    );
    // Told by the code alone.
    assert_eq!(
        rules(&district("date = 2025-09-02", "THÀNH UỶ BẢO LỘC", "ThU")),
        [(
            "issuer.code".to_owned(),
            "ThU là ký hiệu của cơ quan cấp huyện, mà cấp huyện đã kết thúc hoạt động từ ngày 01/7/2025; văn bản này đề ngày 02/9/2025".to_owned()
        )]
    );
    // A State body too, with a hint of its own kind; and a district
    // superior.
    let ubnd = district(
        "date = 2025-07-15",
        "ỦY BAN NHÂN DÂN HUYỆN ĐƠN DƯƠNG",
        "UBND",
    )
    .replace("kind = \"ket-luan\"", "kind = \"thong-bao\"");
    let found: Vec<Diagnostic> = diagnostics(&ubnd)
        .into_iter()
        .filter(|d| d.rule == Some("abolished-unit"))
        .collect();
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].hint.as_deref(),
        Some(
            "kiểm tra lại ngày và cơ quan ban hành: từ 01/7/2025 văn bản ở địa phương do cấp tỉnh hoặc cấp xã ban hành, ví dụ \"ỦY BAN NHÂN DÂN XÃ …\" với ký hiệu UBND"
        )
    );
    let superior = hd05_doc(|s| s.replace("ĐẢNG BỘ TỈNH LÂM ĐỒNG", "ĐẢNG BỘ HUYỆN ĐƠN DƯƠNG"));
    assert_eq!(
        rules(&superior)
            .iter()
            .map(|(field, _)| field.as_str())
            .collect::<Vec<_>>(),
        ["issuer.superior"]
    );
}

#[test]
fn archive_hints_fit_the_issuer() {
    let hint = |toml: String| {
        diagnostics(&toml)
            .into_iter()
            .find(|d| d.rule == Some("archive-line"))
            .and_then(|d| d.hint)
            .expect("an archive-line warning")
    };
    let without = |s: String| s.replace("archive = \"Văn phòng Đảng uỷ\"\n", "");
    assert_eq!(
        hint(hd05_doc(without)),
        "ghi nơi lưu bản chính: archive = \"Văn phòng Đảng uỷ\" (in ra \"- Lưu Văn phòng Đảng uỷ.\")"
    );
    assert_eq!(
        hint(hd05_doc(
            |s| without(s).replace("ĐẢNG UỶ XÃ KA ĐÔ", "TỈNH ỦY LÀO CAI")
        )),
        "ghi nơi lưu bản chính: archive = \"Văn phòng Tỉnh ủy\" (in ra \"- Lưu Văn phòng Tỉnh ủy.\")"
    );
    // An empty archive is an error with the same hint.
    let empty = hd05_doc(|s| s.replace("archive = \"Văn phòng Đảng uỷ\"", "archive = \"\""));
    let error = diagnostics(&empty)
        .into_iter()
        .find(|d| d.field.as_deref() == Some("recipients.archive"))
        .expect("an error");
    assert_eq!(
        error.hint.as_deref(),
        Some(
            "ghi nơi lưu bản chính: archive = \"Văn phòng Đảng uỷ\" (in ra \"- Lưu Văn phòng Đảng uỷ.\")"
        )
    );
}

/// `[layout] body_pitch_pt`: within each guide's own range.
#[test]
fn the_line_pitch_is_range_checked_per_guide() {
    let pitched = |date: &str, pitch: &str| {
        hd05_doc(|s| {
            format!(
                "{}[layout]\nbody_pitch_pt = {pitch}\n",
                s.replace("date = 2026-06-12", date)
            )
        })
    };
    let profile = |toml: &str| -> StyleProfile {
        model::load("vb.toml", toml.as_bytes())
            .unwrap_or_else(|e| panic!("{e}"))
            .profile
    };
    assert_eq!(
        profile(&pitched("date = 2026-06-12", "22")).body_pitch_pt,
        22.0
    );
    assert_eq!(
        profile(&pitched("date = 2026-05-26", "24")).body_pitch_pt,
        24.0
    );
    assert_eq!(
        shown(&pitched("date = 2026-06-12", "23")),
        [
            "vb.toml:21:17: lỗi: layout.body_pitch_pt: 23 pt nằm ngoài mức Hướng dẫn 05-HD/VPTW cho phép: 18–22 pt\n  \
          gợi ý: bỏ `body_pitch_pt` đi để dùng giá trị của thể thức: 19 pt"
        ]
    );
    assert_eq!(
        shown(&pitched("date = 2026-05-26", "17")),
        [
            "vb.toml:21:17: lỗi: layout.body_pitch_pt: 17 pt nằm ngoài mức Hướng dẫn 36-HD/VPTW cho phép: 18–24 pt\n  \
          gợi ý: bỏ `body_pitch_pt` đi để dùng giá trị của thể thức: 18 pt"
        ]
    );
    // Without a pitch of its own, a larger body keeps its share.
    let larger = hd05_doc(|s| format!("{s}[layout]\nbody_pt = 15\n"));
    let p = profile(&larger);
    assert!((p.body_pitch_pt - 19.0 * 15.0 / 14.0).abs() < 1e-9);
}

#[test]
fn help_and_templates_name_both_party_guides() {
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
            .args(args)
            .output()
            .expect("runs");
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    for text in [run(&["--help"]), run(&["templates"])] {
        for needle in [
            "hd36                 Hướng dẫn 36-HD/VPTW: văn bản của Đảng đề ngày trước 27/5/2026",
            "hd05                 Hướng dẫn 05-HD/VPTW: văn bản của Đảng đề ngày từ 27/5/2026",
            "nd30                 Nghị định 30/2020/NĐ-CP: văn bản của cơ quan nhà nước",
        ] {
            assert!(text.contains(needle), "{needle} in {text}");
        }
    }
    assert!(run(&["--help"]).contains("guide = \"hd36\", \"hd05\" hoặc \"nd30\""));
}
