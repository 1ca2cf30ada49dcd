//! How things are written: dates, numbers and symbols, authorities, the
//! fixed words of each standard.

use super::{NBSP, Standard};

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

/// "Đơn Dương, ngày 05 tháng 11 năm 2020", with blanks for the parts not
/// given. The place and the date each hold together (no-break spaces): a
/// line too long for its column breaks only after the comma.
pub fn format_place_date(place: &str, date: IssueDate) -> String {
    let day = date.day.map_or(BLANK.to_owned(), format_day);
    let month = date.month.map_or(BLANK.to_owned(), format_month);
    let date = format!("ngày {day} tháng {month} năm {}", date.year);
    let hold = |s: &str| s.replace(' ', &NBSP.to_string());
    format!("{}, {}", hold(place.trim()), hold(&date))
}

/// The short form of a place name that Hướng dẫn 05-HD/VPTW allows
/// ("TP. Hồ Chí Minh", "ĐK. Phú Quốc"), if it has one.
pub fn short_place(place: &str) -> Option<String> {
    [("Thành phố ", "TP. "), ("Đặc khu ", "ĐK. ")]
        .iter()
        .find_map(|(long, short)| {
            place
                .strip_prefix(long)
                .map(|rest| format!("{short}{rest}"))
        })
}

/// The number line: "Số 15-KL/HU" for the Party (no colon; number, type and
/// issuer joined by "-" and "/"), "Số: 15/TB-UBND" for the State (colon;
/// "/" after the number, "-" between the codes). Numbers below 10 get a
/// leading zero; a missing number leaves a blank for the records office.
pub fn format_number(
    standard: Standard,
    number: Option<u32>,
    type_code: &str,
    issuer_code: &str,
) -> String {
    let number = number.map_or(BLANK.to_owned(), |n| format!("{n:02}"));
    match standard {
        Standard::Party => format!("Số {number}-{type_code}/{issuer_code}"),
        Standard::State => format!("Số: {number}/{type_code}-{issuer_code}"),
    }
}

/// The mark under the summary: five hyphens for the Party; the State draws
/// a rule instead (see the template).
pub fn summary_rule(standard: Standard) -> Option<&'static str> {
    match standard {
        Standard::Party => Some("-----"),
        Standard::State => None,
    }
}

/// The title at the top right: the Party's name, or the State's.
pub fn national_title(standard: Standard) -> &'static str {
    match standard {
        Standard::Party => "ĐẢNG CỘNG SẢN VIỆT NAM",
        Standard::State => "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    }
}

/// The State's motto under its title; the Party has none.
pub fn motto(standard: Standard) -> Option<&'static str> {
    match standard {
        Standard::Party => None,
        Standard::State => Some("Độc lập - Tự do - Hạnh phúc"),
    }
}

/// The mark that ends the body: "./." in State documents; Party practice is
/// disputed, so none.
pub fn body_end_mark(standard: Standard) -> Option<&'static str> {
    match standard {
        Standard::Party => None,
        Standard::State => Some("./."),
    }
}

/// Where an end mark typed by hand starts at the end of the body's last
/// paragraph ("… thực hiện./.", "./", "/.", ". /."): the byte offset of the
/// short run of stops and slashes (and spaces) at its end, holding both. A
/// lone "." is the sentence's full stop, not an end mark. The standard's
/// own mark is vanban's to print, once.
pub fn typed_end_mark(text: &str) -> Option<usize> {
    let kept = text.trim_end_matches(['.', '/', ' ', '\u{a0}']);
    let mark: String = text[kept.len()..]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let is_mark = mark.contains('/') && mark.contains('.') && mark.chars().count() <= 4;
    is_mark.then_some(kept.len())
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
            (Standard::State, Self::OnBehalf) => Some("TM."),
            (Standard::State, Self::Deputy) => Some("KT."),
            (Standard::State, Self::ByOrder) => Some("TL."),
            (Standard::State, Self::Delegated) => Some("TUQ."),
            (Standard::State, Self::Acting) => Some("Q."),
        }
    }
}

/// Upper case for names that the standards print "IN HOA". Vietnamese
/// letters have simple one-to-one upper-case forms, so this is exact.
pub fn upper(text: &str) -> String {
    text.to_uppercase()
}

/// The end of each recipient line: "," for the Party, ";" for the State.
pub fn recipient_separator(standard: Standard) -> &'static str {
    match standard {
        Standard::Party => ",",
        Standard::State => ";",
    }
}

/// The archive line: the Party writes "Lưu VPHU." (no colon, no "VT"), the
/// State "Lưu: VT, VP." (the records office first).
pub fn archive_line(standard: Standard, archive: &str) -> String {
    match standard {
        Standard::Party => format!("Lưu {archive}."),
        Standard::State => format!("Lưu: VT, {archive}."),
    }
}

/// The label above the recipient list.
pub fn recipients_label(_standard: Standard) -> &'static str {
    "Nơi nhận"
}

/// The line under the recipients with the drafter's code and the number of
/// copies (ô 12): "PL.(300)" for the State, "PL-300" for the Party.
pub fn drafter_line(standard: Standard, drafter: &str, copies: Option<u32>) -> String {
    match (standard, copies) {
        (Standard::State, Some(n)) => format!("{drafter}.({n})"),
        (Standard::Party, Some(n)) => format!("{drafter}-{n}"),
        (_, None) => drafter.to_owned(),
    }
}

/// The first recipient when the document has a "Kính gửi" block.
pub fn as_addressed(standard: Standard) -> String {
    format!("Như trên{}", recipient_separator(standard))
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
        let cases = [
            (
                "Đơn Dương",
                d(2020, Some(11), Some(5)),
                "Đơn Dương, ngày 05 tháng 11 năm 2020",
            ),
            (
                "Hà Nội",
                d(2020, Some(1), Some(5)),
                "Hà Nội, ngày 05 tháng 01 năm 2020",
            ),
            (
                "Hạ Long",
                d(2018, Some(2), Some(20)),
                "Hạ Long, ngày 20 tháng 02 năm 2018",
            ),
            (
                "Thành phố Hồ Chí Minh",
                d(2019, Some(6), Some(29)),
                "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019",
            ),
            (
                "Đơn Dương",
                d(2020, Some(3), None),
                "Đơn Dương, ngày        tháng 3 năm 2020",
            ),
            (
                "Đơn Dương",
                d(2020, None, None),
                "Đơn Dương, ngày        tháng        năm 2020",
            ),
        ];
        for (place, date, expected) in cases {
            assert_eq!(format_place_date(place, date).replace(NBSP, " "), expected);
        }
        // Only the space after the comma may break.
        assert_eq!(
            format_place_date("Thành phố Hồ Chí Minh", d(2026, Some(1), Some(2)))
                .replace(NBSP, "~"),
            "Thành~phố~Hồ~Chí~Minh, ngày~02~tháng~01~năm~2026"
        );
        assert_eq!(
            short_place("Thành phố Hồ Chí Minh").as_deref(),
            Some("TP. Hồ Chí Minh")
        );
        assert_eq!(short_place("Hà Nội"), None);
    }

    #[test]
    fn numbers_per_standard() {
        let n = format_number;
        assert_eq!(n(Standard::Party, Some(15), "KL", "HU"), "Số 15-KL/HU");
        assert_eq!(n(Standard::Party, Some(5), "KL", "HU"), "Số 05-KL/HU");
        assert_eq!(n(Standard::Party, None, "KL", "HU"), "Số       -KL/HU");
        assert_eq!(
            n(Standard::Party, Some(5), "QC", "BTCTU-BDVTU"),
            "Số 05-QC/BTCTU-BDVTU"
        );
        assert_eq!(n(Standard::State, Some(15), "TB", "UBND"), "Số: 15/TB-UBND");
        assert_eq!(n(Standard::State, Some(5), "TB", "UBND"), "Số: 05/TB-UBND");
        assert_eq!(
            n(Standard::State, Some(467), "TB", "VPCP"),
            "Số: 467/TB-VPCP"
        );
        assert_eq!(n(Standard::State, None, "TB", "UBND"), "Số:       /TB-UBND");
    }

    #[test]
    fn authorities_accept_every_spelling_and_print_per_standard() {
        for s in ["T/M", "TM", "TM.", "t/m", " T/M "] {
            assert_eq!(Authority::parse(s), Some(Authority::OnBehalf), "{s}");
        }
        for s in Authority::SPELLINGS {
            let a = Authority::parse(s).expect("known");
            assert!(a.spelling(Standard::State).is_some(), "{s}");
        }
        let spell = |s: &str, std| Authority::parse(s).and_then(|a| a.spelling(std));
        assert_eq!(spell("K/T", Standard::Party), Some("K/T"));
        assert_eq!(spell("TL.", Standard::Party), Some("T/L"));
        assert_eq!(spell("T/M", Standard::State), Some("TM."));
        assert_eq!(spell("KT", Standard::State), Some("KT."));
        assert_eq!(spell("TUQ", Standard::Party), None);
        assert_eq!(Authority::parse("XY"), None);
    }

    #[test]
    fn typed_end_marks_are_found_but_not_full_stops() {
        for (text, at) in [
            ("biết, thực hiện./.", Some(21)),
            ("biết, thực hiện. /.", Some(21)),
            ("biết, thực hiện./", Some(21)),
            ("biết, thực hiện/.", Some(21)),
            ("biết, thực hiện.", None),
            ("biết, thực hiện", None),
            ("ngày 15/12/2020.", None),
            ("//", None),
            ("./.", Some(0)),
            ("xem tại http://", None),
        ] {
            assert_eq!(typed_end_mark(text), at, "{text}");
        }
    }

    #[test]
    fn recipients_per_standard() {
        assert_eq!(archive_line(Standard::Party, "VPHU"), "Lưu VPHU.");
        assert_eq!(archive_line(Standard::State, "VP"), "Lưu: VT, VP.");
        assert_eq!(drafter_line(Standard::State, "PL", Some(300)), "PL.(300)");
        assert_eq!(as_addressed(Standard::State), "Như trên;");
        assert_eq!(as_addressed(Standard::Party), "Như trên,");
    }
}
