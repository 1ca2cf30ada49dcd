//! Issuing bodies: which Party committee an issuer is, where it files its
//! copy, and whether it belongs to the district level that was abolished
//! on 01/7/2025 (two-tier local government).

use super::Standard;
use super::guide::Day;

/// The day district-level units (huyện, quận, thị xã, thành phố thuộc
/// tỉnh) ceased to exist [S].
pub const DISTRICTS_ABOLISHED: Day = (2025, 7, 1);

/// Party committees by the word that names them, as "Văn phòng …" is
/// written after it ("TỈNH ỦY LÀO CAI" files in "Văn phòng Tỉnh ủy").
const COMMITTEES: &[(&str, &str)] = &[
    ("TỈNH ỦY", "Tỉnh"),
    ("THÀNH ỦY", "Thành"),
    ("ĐẢNG ỦY", "Đảng"),
    ("HUYỆN ỦY", "Huyện"),
    ("QUẬN ỦY", "Quận"),
    ("THỊ ỦY", "Thị"),
];

/// Capitals with "UỶ" spelt "ỦY", so both spellings compare equal.
fn canonical(text: &str) -> String {
    text.to_uppercase()
        .replace("UỶ", "ỦY")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where an issuer files its own copy, for hints: "Văn phòng Đảng uỷ" for
/// "ĐẢNG UỶ XÃ KA ĐÔ" (spelt as the issuer spells "uỷ"), "Chi bộ" for a
/// chi bộ, the records office for a State body; `None` for a Party body
/// that is not a committee (a ban, a commission), which files as it has
/// decided.
pub fn archive_suggestion(standard: Standard, issuer: &str) -> Option<String> {
    if standard == Standard::State {
        return Some("VP".to_owned());
    }
    let name = canonical(issuer);
    if name.starts_with("CHI BỘ") {
        return Some("Chi bộ".to_owned());
    }
    let uy = if issuer.to_uppercase().contains("UỶ") {
        "uỷ"
    } else {
        "ủy"
    };
    COMMITTEES
        .iter()
        .find(|(word, _)| name.starts_with(word))
        .map(|(_, first)| format!("Văn phòng {first} {uy}"))
}

/// What marks a body as district-level: a word of its name ("huyện",
/// "quận", "thị xã", "thị ủy") or its code (HU, QU, ThU, and the codes of
/// their organs such as VPHU, BTCHU).
pub fn district_mark(name: &str) -> Option<&'static str> {
    let name = canonical(name);
    let words: Vec<&str> = name.split(' ').collect();
    let has = |phrase: &str| {
        let phrase: Vec<&str> = phrase.split(' ').collect();
        words.windows(phrase.len()).any(|w| w == phrase.as_slice())
    };
    [
        ("HUYỆN", "huyện"),
        ("QUẬN", "quận"),
        ("THỊ XÃ", "thị xã"),
        ("THỊ ỦY", "thị ủy"),
    ]
    .into_iter()
    .find(|(phrase, _)| has(phrase))
    .map(|(_, what)| what)
}

/// Whether an issuer code is a district body's: "HU", "QU", "ThU", or one
/// of their organs' ("VPHU", "BTCHU"), alone or in a joint code.
pub fn is_district_code(code: &str) -> bool {
    // "THU" is "ThU" typed in capitals.
    code.split('-')
        .any(|part| ["HU", "QU", "ThU"].iter().any(|d| part.ends_with(d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archives_fit_the_issuer() {
        let party = |n| archive_suggestion(Standard::Party, n);
        assert_eq!(
            party("ĐẢNG UỶ XÃ KA ĐÔ").as_deref(),
            Some("Văn phòng Đảng uỷ")
        );
        assert_eq!(
            party("Tỉnh ủy Lào Cai").as_deref(),
            Some("Văn phòng Tỉnh ủy")
        );
        assert_eq!(
            party("HUYỆN ỦY ĐƠN DƯƠNG").as_deref(),
            Some("Văn phòng Huyện ủy")
        );
        assert_eq!(party("CHI BỘ PHÒNG HÀNH CHÍNH").as_deref(), Some("Chi bộ"));
        assert_eq!(party("BAN TỔ CHỨC TỈNH ỦY"), None);
        assert_eq!(
            archive_suggestion(Standard::State, "ỦY BAN NHÂN DÂN TỈNH").as_deref(),
            Some("VP")
        );
    }

    #[test]
    fn district_bodies_are_told_by_name_and_code() {
        assert_eq!(district_mark("HUYỆN ỦY ĐƠN DƯƠNG"), Some("huyện"));
        assert_eq!(
            district_mark("Ủy ban nhân dân huyện Đơn Dương"),
            Some("huyện")
        );
        assert_eq!(district_mark("QUẬN UỶ BA ĐÌNH"), Some("quận"));
        assert_eq!(district_mark("THỊ UỶ BẢO LỘC"), Some("thị ủy"));
        assert_eq!(district_mark("ĐẢNG ỦY THỊ XÃ PHÚ MỸ"), Some("thị xã"));
        assert_eq!(district_mark("ĐẢNG UỶ XÃ KA ĐÔ"), None);
        assert_eq!(district_mark("ĐẢNG UỶ PHƯỜNG BA ĐÌNH"), None);
        for code in ["HU", "QU", "ThU", "THU", "VPHU", "BTCHU", "BTCHU-BDVHU"] {
            assert!(is_district_code(code), "{code}");
        }
        for code in ["TU", "ĐU", "VPTU", "BTCTU", "UBND", "QUTW", "ĐUQS"] {
            assert!(!is_district_code(code), "{code}");
        }
    }
}
