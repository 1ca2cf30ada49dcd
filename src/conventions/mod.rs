//! Vietnamese conventions of official documents: how dates, numbers and
//! symbols, and signer authorities are written, and the layout profile of
//! each standard. Templates and the CLI take these from here and nowhere else.

mod profile;

pub use profile::StyleProfile;

use serde::Serialize;

/// The standard a document is laid out by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standard {
    /// Hướng dẫn 36-HD/VPTW (2018), for documents of the Party.
    Party,
}

/// A document kind that vanban can issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// Party "KẾT LUẬN", type code KL.
    PartyConclusion,
}

impl DocumentKind {
    /// Every kind, with the name used in the input's `kind` field.
    pub const ALL: &'static [(&'static str, DocumentKind)] =
        &[("ket-luan", DocumentKind::PartyConclusion)];

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, kind)| kind)
    }

    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|&&(_, kind)| kind == self)
            .map_or("", |&(n, _)| n)
    }

    pub fn standard(self) -> Standard {
        match self {
            Self::PartyConclusion => Standard::Party,
        }
    }

    /// The type name printed as the document's title ("tên loại").
    pub fn title(self) -> &'static str {
        match self {
            Self::PartyConclusion => "KẾT LUẬN",
        }
    }

    /// The type code in the document's symbol ("KL" in "Số 15-KL/HU").
    pub fn type_code(self) -> &'static str {
        match self {
            Self::PartyConclusion => "KL",
        }
    }

    /// The built-in template that lays this kind out.
    pub fn template(self) -> &'static str {
        match self {
            Self::PartyConclusion => "ket-luan.typ",
        }
    }
}

/// A date whose day, or day and month, may be left blank to be filled in by
/// hand once the document is signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IssueDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

/// The width of a blank left for hand filling, in spaces; about as wide as
/// the two digits it stands for, plus room for the pen.
const BLANK: &str = "      ";

/// The leading zero rule of both standards: days below 10 and the months
/// January and February get a leading zero ("ngày 05 tháng 01"); months from
/// March on do not ("tháng 3").
pub fn format_day(day: u32) -> String {
    format!("{day:02}")
}

pub fn format_month(month: u32) -> String {
    if month < 3 {
        format!("{month:02}")
    } else {
        month.to_string()
    }
}

/// "Đơn Dương, ngày 05 tháng 11 năm 2020", with blanks for the parts not given.
pub fn format_place_date(place: &str, date: IssueDate) -> String {
    let day = date.day.map_or(BLANK.to_owned(), format_day);
    let month = date.month.map_or(BLANK.to_owned(), format_month);
    format!("{place}, ngày {day} tháng {month} năm {}", date.year)
}

/// The number line of a document: "Số 15-KL/HU" under the Party standard;
/// a missing number leaves a blank for the records office ("Số      -KL/HU").
pub fn format_number(
    standard: Standard,
    number: Option<u32>,
    type_code: &str,
    issuer_code: &str,
) -> String {
    let number = number.map_or(BLANK.to_owned(), |n| format!("{n:02}"));
    match standard {
        Standard::Party => format!("Số {number}-{type_code}/{issuer_code}"),
    }
}

/// The mark under the summary ("trích yếu"): five hyphens for the Party.
pub fn summary_rule(standard: Standard) -> Option<&'static str> {
    match standard {
        Standard::Party => Some("-----"),
    }
}

/// The title at the top right: the Party's name, or the State's.
pub fn national_title(standard: Standard) -> &'static str {
    match standard {
        Standard::Party => "ĐẢNG CỘNG SẢN VIỆT NAM",
    }
}

/// A signer's authority ("quyền hạn"): how the signer stands for the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Authority {
    /// Thay mặt: on behalf of a collective body.
    OnBehalf,
    /// Ký thay: a deputy signs for the head.
    Deputy,
    /// Thừa lệnh: by order of the head.
    ByOrder,
    /// Thừa ủy quyền: by delegated authority (State documents only).
    Delegated,
    /// Quyền: an acting head.
    Acting,
}

impl Authority {
    /// The spellings accepted in the input, however the standard writes them.
    pub const SPELLINGS: &'static [&'static str] = &[
        "T/M", "TM", "TM.", "K/T", "KT", "KT.", "T/L", "TL", "TL.", "TUQ", "TUQ.", "Q", "Q.",
    ];

    pub fn parse(input: &str) -> Option<Self> {
        let key: String = input
            .trim()
            .chars()
            .filter(|c| !matches!(c, '/' | '.' | ' '))
            .flat_map(char::to_uppercase)
            .collect();
        match key.as_str() {
            "TM" => Some(Self::OnBehalf),
            "KT" => Some(Self::Deputy),
            "TL" => Some(Self::ByOrder),
            "TUQ" => Some(Self::Delegated),
            "Q" => Some(Self::Acting),
            _ => None,
        }
    }

    /// The abbreviation as the standard prints it: the Party writes a slash
    /// ("T/M"), the State a dot ("TM.").
    pub fn spelling(self, standard: Standard) -> Option<&'static str> {
        match (standard, self) {
            (Standard::Party, Self::OnBehalf) => Some("T/M"),
            (Standard::Party, Self::Deputy) => Some("K/T"),
            (Standard::Party, Self::ByOrder) => Some("T/L"),
            (Standard::Party, Self::Acting) => Some("Q."),
            (Standard::Party, Self::Delegated) => None,
        }
    }
}

/// Upper case for names that the standards print "IN HOA". Vietnamese
/// letters have simple one-to-one upper-case forms, so this is exact.
pub fn upper(text: &str) -> String {
    text.to_uppercase()
}

/// The end of a recipient line: the Party separates items with "," and ends
/// the list with "."; the archive line comes last.
pub fn recipient_separator(standard: Standard) -> &'static str {
    match standard {
        Standard::Party => ",",
    }
}

/// The archive line: the Party writes "Lưu VPHU" (no colon, no "VT").
pub fn archive_line(standard: Standard, archive: &str) -> String {
    match standard {
        Standard::Party => format!("Lưu {archive}."),
    }
}

/// The label above the recipient list.
pub fn recipients_label(standard: Standard) -> &'static str {
    match standard {
        Standard::Party => "Nơi nhận",
    }
}

/// Item labels for numbered lists: "1.", "2." at the first level, "a)", "b)"
/// at the second (in the Vietnamese alphabet, which has no f, j, w, z), and
/// a dash below that.
pub fn item_label(depth: usize, index: usize) -> String {
    const LETTERS: &[&str] = &[
        "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s",
        "t", "u", "v", "x", "y",
    ];
    match depth {
        0 => format!("{}.", index + 1),
        1 => match LETTERS.get(index) {
            Some(letter) => format!("{letter})"),
            None => format!("{})", index + 1),
        },
        _ => "-".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_the_leading_zero_rule() {
        let d = |y, m, d| IssueDate {
            year: y,
            month: m,
            day: d,
        };
        assert_eq!(
            format_place_date("Đơn Dương", d(2020, Some(11), Some(5))),
            "Đơn Dương, ngày 05 tháng 11 năm 2020"
        );
        assert_eq!(
            format_place_date("Hà Nội", d(2020, Some(1), Some(5))),
            "Hà Nội, ngày 05 tháng 01 năm 2020"
        );
        assert_eq!(
            format_place_date("Hạ Long", d(2018, Some(2), Some(20))),
            "Hạ Long, ngày 20 tháng 02 năm 2018"
        );
        assert_eq!(
            format_place_date("Thành phố Hồ Chí Minh", d(2019, Some(6), Some(29))),
            "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019"
        );
        assert_eq!(
            format_place_date("Đơn Dương", d(2020, Some(3), None)),
            "Đơn Dương, ngày        tháng 3 năm 2020"
        );
        assert_eq!(
            format_place_date("Đơn Dương", d(2020, None, None)),
            "Đơn Dương, ngày        tháng        năm 2020"
        );
    }

    #[test]
    fn party_numbers_have_no_colon_and_pad_below_ten() {
        assert_eq!(
            format_number(Standard::Party, Some(15), "KL", "HU"),
            "Số 15-KL/HU"
        );
        assert_eq!(
            format_number(Standard::Party, Some(5), "KL", "HU"),
            "Số 05-KL/HU"
        );
        assert_eq!(
            format_number(Standard::Party, None, "KL", "HU"),
            "Số       -KL/HU"
        );
    }

    #[test]
    fn authorities_accept_every_spelling() {
        for s in ["T/M", "TM", "TM.", "t/m", " T/M "] {
            assert_eq!(Authority::parse(s), Some(Authority::OnBehalf), "{s}");
        }
        for s in Authority::SPELLINGS {
            assert!(Authority::parse(s).is_some(), "{s}");
        }
        assert_eq!(
            Authority::parse("K/T").and_then(|a| a.spelling(Standard::Party)),
            Some("K/T")
        );
        assert_eq!(
            Authority::parse("TL.").and_then(|a| a.spelling(Standard::Party)),
            Some("T/L")
        );
        assert_eq!(Authority::parse("XY"), None);
    }

    #[test]
    fn item_labels_use_the_vietnamese_alphabet() {
        assert_eq!(item_label(0, 0), "1.");
        assert_eq!(item_label(1, 4), "đ)");
        assert_eq!(item_label(1, 5), "e)");
        assert_eq!(item_label(2, 0), "-");
    }
}
