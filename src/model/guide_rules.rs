//! What a document's guide decides beyond its layout: the guide a document
//! names, who may sign how, and the lint rules that hold a document against
//! its guide and its date (`guide-date`, `signer-title`, `abolished-unit`).

use super::lint::{Finding, finding};
use super::source::FieldPath;
use super::validate::Checker;
use super::{Document, Signature};
use crate::conventions::guide::span;
use crate::conventions::units::{self, DISTRICTS_ABOLISHED};
use crate::conventions::{
    Authority, DocumentKind, GUIDES, Guide, IssueDate, Standard, archive_line, format_day,
    format_month,
};

impl Checker<'_, '_> {
    /// The guide of the date, or the one the document names in `guide`,
    /// which must be a guide of the document's standard.
    pub(super) fn guide(
        &mut self,
        named: Option<&str>,
        kind: DocumentKind,
        standard: Standard,
        date: IssueDate,
    ) -> &'static Guide {
        let by_date = Guide::for_document(standard, date);
        let Some(name) = named.map(str::trim) else {
            return by_date;
        };
        let path = FieldPath::default().key("guide");
        match Guide::by_key(&name.to_lowercase()) {
            None => {
                let known: Vec<String> = GUIDES
                    .iter()
                    .map(|g| format!("\"{}\" ({}: {})", g.key, g.name, g.applies_to))
                    .collect();
                self.report(
                    &path,
                    format!("không có thể thức `{name}`"),
                    format!(
                        "các thể thức: {}; bỏ `guide` đi để vanban chọn theo ngày của văn bản",
                        known.join(", ")
                    ),
                );
                by_date
            }
            Some(g) if g.standard != standard => {
                let ours: Vec<String> = Guide::of_standard(standard)
                    .map(|g| format!("guide = \"{}\"", g.key))
                    .collect();
                let mut hint = format!("viết {}", ours.join(" hoặc "));
                if kind.check_standard(g.standard).is_ok() {
                    hint.push_str(&format!(
                        "; để trình bày theo {}, ghi thêm standard = \"{}\"",
                        g.name,
                        g.standard.name()
                    ));
                }
                self.report(
                    &path,
                    format!(
                        "{} ({}) là thể thức {}, mà {} này là {}",
                        g.key,
                        g.name,
                        g.standard.documents(),
                        kind.title(),
                        standard.documents()
                    ),
                    hint,
                );
                by_date
            }
            Some(g) => g,
        }
    }

    /// The guide's rules on who signs: under HD05 the one who signs by
    /// order (T/L) signs in person, never through a deputy (K/T).
    pub(super) fn signing_rules(&mut self, signature: &Signature, guide: &Guide) {
        let Some(rule) = guide.signing.no_deputy_under_by_order else {
            return;
        };
        let lines = &signature.authority;
        let Some(by_order) = lines.iter().position(|(a, _)| *a == Authority::ByOrder) else {
            return;
        };
        let Some(deputy) = (by_order + 1..lines.len()).find(|&i| lines[i].0 == Authority::Deputy)
        else {
            return;
        };
        let spell = |i: usize| {
            let (a, body) = &lines[i];
            let abbr = a.spelling(guide.wording.authority).unwrap_or_default();
            format!("{abbr} {}", crate::conventions::upper(body))
        };
        let path = FieldPath::default()
            .key("signature")
            .key("authority")
            .index(deputy);
        self.report(
            &path,
            format!(
                "theo {} không ghi \"{}\" dưới \"{}\": \"{rule}\"",
                guide.name,
                spell(deputy),
                spell(by_order)
            ),
            format!(
                "bỏ dòng \"{}\"; người được giao ký thừa lệnh ký trực tiếp với chức vụ của mình: \
                 authority = \"{}\", title = \"{}\"",
                spell(deputy),
                spell(by_order),
                crate::conventions::upper(&signature.title)
            ),
        );
    }
}

/// The hint for a missing or empty archive line: where the issuer files
/// its copy, as its guide prints it.
pub(super) fn archive_hint(guide: &Guide, issuer: &str) -> String {
    match units::archive_suggestion(guide.standard, issuer) {
        Some(archive) => format!(
            "ghi nơi lưu bản chính: archive = \"{archive}\" (in ra \"- {}\")",
            archive_line(&guide.wording, &archive)
        ),
        None => {
            "ghi nơi lưu bản chính của cơ quan, ví dụ archive = \"Văn phòng Tỉnh ủy\"".to_owned()
        }
    }
}

/// The findings of this module's lint rules.
pub(super) fn lint(doc: &Document, out: &mut Vec<Finding>) {
    guide_date(doc, out);
    signer_title(doc, out);
    abolished_unit(doc, out);
}

/// "ngày 01/6/2026", "tháng 6/2026", "năm 2026": a date as messages write it.
fn describe(date: IssueDate) -> String {
    match (date.month, date.day) {
        (Some(m), Some(d)) => format!("ngày {}/{}/{}", format_day(d), format_month(m), date.year),
        (Some(m), None) => format!("tháng {}/{}", format_month(m), date.year),
        _ => format!("năm {}", date.year),
    }
}

fn guide_date(doc: &Document, out: &mut Vec<Finding>) {
    let guide = doc.guide;
    if guide.fits(doc.date) {
        return;
    }
    let in_force = Guide::for_document(guide.standard, doc.date);
    out.push(finding(
        "guide-date",
        &FieldPath::default().key("guide"),
        format!(
            "guide = \"{}\" ({}) dùng cho {}, mà văn bản này đề {}",
            guide.key,
            guide.name,
            guide.applies_to,
            describe(doc.date)
        ),
        format!(
            "văn bản đề {} trình bày theo {}: bỏ `guide` đi để vanban chọn theo ngày; \
             chỉ giữ khi in lại văn bản cũ hoặc soạn trước văn bản sẽ ký sau",
            describe(doc.date),
            in_force.name
        ),
    ));
}

/// Whether a body signed for with T/M is one whose signers HD05 names: a
/// Party committee, its standing committee, an inspection commission or a
/// council (not a congress's presidium or tellers).
fn is_committee(body: &str) -> bool {
    let body = body.to_uppercase().replace("UỶ", "ỦY");
    const BODIES: &[&str] = &[
        "BAN CHẤP HÀNH",
        "BAN THƯỜNG VỤ",
        "THƯỜNG TRỰC",
        "BỘ CHÍNH TRỊ",
        "BAN BÍ THƯ",
        "CHI BỘ",
        "KIỂM TRA",
        "HỘI ĐỒNG",
    ];
    BODIES.iter().any(|b| body.contains(b)) || body.split_whitespace().any(|w| w == "ỦY")
}

fn signer_title(doc: &Document, out: &mut Vec<Finding>) {
    let Some((titles, rule)) = doc.guide.signing.titles_on_behalf else {
        return;
    };
    let sig = &doc.signature;
    let Some((_, body)) = sig
        .authority
        .iter()
        .find(|(a, body)| *a == Authority::OnBehalf && is_committee(body))
    else {
        return;
    };
    let title = crate::conventions::upper(&sig.title)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // A skeleton's «…» is the placeholder rule's to point out.
    if titles.contains(&title.as_str()) || title.contains(crate::model::lint::PLACEHOLDER_OPEN) {
        return;
    }
    out.push(finding(
        "signer-title",
        &FieldPath::default().key("signature").key("title"),
        format!(
            "dưới \"T/M {}\" không ghi chức vụ \"{title}\": {} \"{rule}\"",
            crate::conventions::upper(body),
            doc.guide.name
        ),
        "ký thay mặt tập thể là bí thư, phó bí thư (cấp uỷ), chủ nhiệm, phó chủ nhiệm (uỷ ban \
         kiểm tra), chủ tịch, phó chủ tịch (hội đồng); người khác ký thừa lệnh, ví dụ \
         authority = \"T/L BAN THƯỜNG VỤ\", title = \"CHÁNH VĂN PHÒNG\""
            .to_owned(),
    ));
}

fn abolished_unit(doc: &Document, out: &mut Vec<Finding>) {
    let (first, _) = span(doc.date);
    if first < DISTRICTS_ABOLISHED {
        return;
    }
    let root = FieldPath::default().key("issuer");
    let issuer = &doc.issuer;
    let by_name = [
        ("name", Some(&issuer.name)),
        ("superior", issuer.superior.as_ref()),
    ]
    .into_iter()
    .find_map(|(field, name)| {
        let name = name?;
        units::district_mark(name).map(|what| (field, name.as_str(), what))
    });
    let (path, what) = match by_name {
        Some((field, name, what)) => (
            root.key(field),
            format!(
                "\"{}\" là cơ quan cấp {what}",
                crate::conventions::upper(name)
            ),
        ),
        None if units::is_district_code(&issuer.code) => (
            root.key("code"),
            format!("{} là ký hiệu của cơ quan cấp huyện", issuer.code),
        ),
        None => return,
    };
    let (y, m, d) = DISTRICTS_ABOLISHED;
    out.push(finding(
        "abolished-unit",
        &path,
        format!(
            "{what}, mà cấp huyện đã kết thúc hoạt động từ ngày {}/{}/{y}; văn bản này đề {}",
            format_day(d),
            format_month(m),
            describe(doc.date)
        ),
        format!(
            "kiểm tra lại ngày và cơ quan ban hành: từ 01/7/2025 văn bản ở địa phương do cấp \
             tỉnh hoặc cấp xã ban hành, ví dụ {}",
            match doc.standard() {
                Standard::Party => "\"ĐẢNG BỘ TỈNH …\" / \"ĐẢNG UỶ XÃ …\" với ký hiệu ĐU",
                Standard::State => "\"ỦY BAN NHÂN DÂN XÃ …\" với ký hiệu UBND",
            }
        ),
    ));
}
