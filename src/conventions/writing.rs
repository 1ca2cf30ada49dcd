//! How things are written: dates, numbers and symbols, authorities, the
//! fixed words of each standard.

use super::NBSP;
use super::guide::{ArchiveStyle, AuthorityStyle, DrafterStyle, NumberStyle, Wording};

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
    wording: &Wording,
    number: Option<u32>,
    type_code: &str,
    issuer_code: &str,
) -> String {
    let number = number.map_or(BLANK.to_owned(), |n| format!("{n:02}"));
    match wording.number {
        NumberStyle::Party => format!("Số {number}-{type_code}/{issuer_code}"),
        NumberStyle::State => format!("Số: {number}/{type_code}-{issuer_code}"),
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

    /// The abbreviation as a guide prints it: the Party writes a slash
    /// ("T/M"), the State a dot ("TM."); none where the guide lacks it.
    pub fn spelling(self, style: AuthorityStyle) -> Option<&'static str> {
        match (style, self) {
            (AuthorityStyle::Slash, Self::OnBehalf) => Some("T/M"),
            (AuthorityStyle::Slash, Self::Deputy) => Some("K/T"),
            (AuthorityStyle::Slash, Self::ByOrder) => Some("T/L"),
            (AuthorityStyle::Slash, Self::Acting) => Some("Q."),
            (AuthorityStyle::Slash, Self::Delegated) => None,
            (AuthorityStyle::Dot, Self::OnBehalf) => Some("TM."),
            (AuthorityStyle::Dot, Self::Deputy) => Some("KT."),
            (AuthorityStyle::Dot, Self::ByOrder) => Some("TL."),
            (AuthorityStyle::Dot, Self::Delegated) => Some("TUQ."),
            (AuthorityStyle::Dot, Self::Acting) => Some("Q."),
        }
    }
}

/// Upper case for names that the standards print "IN HOA". Vietnamese
/// letters have simple one-to-one upper-case forms, so this is exact.
pub fn upper(text: &str) -> String {
    text.to_uppercase()
}

/// The archive line: the Party writes "Lưu VPHU." (no colon, no "VT"), the
/// State "Lưu: VT, VP." (the records office first).
pub fn archive_line(wording: &Wording, archive: &str) -> String {
    match wording.archive {
        ArchiveStyle::Plain => format!("Lưu {archive}."),
        ArchiveStyle::RecordsOfficeFirst => format!("Lưu: VT, {archive}."),
    }
}

/// The line under the recipients with the drafter's mark and the number of
/// copies (ô 12): "PL.(300)" for the State, "PL-300" under HD36 (codes in
/// capitals), "NguyenVanAn-26" under HD05 (the name without spaces or
/// diacritics, its case kept: "Nguyễn Văn An" gives "NguyenVanAn").
pub fn drafter_line(wording: &Wording, drafter: &str, copies: Option<u32>) -> String {
    let mark = match wording.drafter {
        DrafterStyle::NameHyphen => ascii_name(drafter),
        DrafterStyle::Hyphen | DrafterStyle::DotParenthesis => upper(drafter),
    };
    match (wording.drafter, copies) {
        (DrafterStyle::DotParenthesis, Some(n)) => format!("{mark}.({n})"),
        (DrafterStyle::Hyphen | DrafterStyle::NameHyphen, Some(n)) => format!("{mark}-{n}"),
        (_, None) => mark,
    }
}

/// A name as Vietnamese marks are keyed: no spaces, no diacritics, "đ" as
/// "d".
fn ascii_name(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfd()
        .filter(|c| !c.is_whitespace() && !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            other => other,
        })
        .collect()
}

/// The first recipient when the document has a "Kính gửi" block.
pub fn as_addressed(wording: &Wording) -> String {
    format!("Như trên{}", wording.recipient_separator)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conventions::guide::{HD36, ND30};

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
    fn numbers_per_guide() {
        let n = format_number;
        let (party, state) = (&HD36.wording, &ND30.wording);
        assert_eq!(n(party, Some(15), "KL", "HU"), "Số 15-KL/HU");
        assert_eq!(n(party, Some(5), "KL", "HU"), "Số 05-KL/HU");
        assert_eq!(n(party, None, "KL", "HU"), "Số       -KL/HU");
        assert_eq!(
            n(party, Some(5), "QC", "BTCTU-BDVTU"),
            "Số 05-QC/BTCTU-BDVTU"
        );
        assert_eq!(n(state, Some(15), "TB", "UBND"), "Số: 15/TB-UBND");
        assert_eq!(n(state, Some(5), "TB", "UBND"), "Số: 05/TB-UBND");
        assert_eq!(n(state, Some(467), "TB", "VPCP"), "Số: 467/TB-VPCP");
        assert_eq!(n(state, None, "TB", "UBND"), "Số:       /TB-UBND");
    }

    #[test]
    fn authorities_accept_every_spelling_and_print_per_standard() {
        for s in ["T/M", "TM", "TM.", "t/m", " T/M "] {
            assert_eq!(Authority::parse(s), Some(Authority::OnBehalf), "{s}");
        }
        for s in Authority::SPELLINGS {
            let a = Authority::parse(s).expect("known");
            assert!(a.spelling(AuthorityStyle::Dot).is_some(), "{s}");
        }
        let spell = |s: &str, style| Authority::parse(s).and_then(|a| a.spelling(style));
        assert_eq!(spell("K/T", AuthorityStyle::Slash), Some("K/T"));
        assert_eq!(spell("TL.", AuthorityStyle::Slash), Some("T/L"));
        assert_eq!(spell("T/M", AuthorityStyle::Dot), Some("TM."));
        assert_eq!(spell("KT", AuthorityStyle::Dot), Some("KT."));
        assert_eq!(spell("TUQ", AuthorityStyle::Slash), None);
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
    fn recipients_per_guide() {
        let (party, state) = (&HD36.wording, &ND30.wording);
        assert_eq!(archive_line(party, "VPHU"), "Lưu VPHU.");
        assert_eq!(archive_line(state, "VP"), "Lưu: VT, VP.");
        assert_eq!(drafter_line(state, "PL", Some(300)), "PL.(300)");
        assert_eq!(drafter_line(party, "pl", Some(300)), "PL-300");
        let hd05 = &crate::conventions::HD05.wording;
        assert_eq!(
            drafter_line(hd05, "NguyenVanAn", Some(26)),
            "NguyenVanAn-26"
        );
        assert_eq!(
            drafter_line(hd05, "Nguyễn Văn An", Some(26)),
            "NguyenVanAn-26"
        );
        assert_eq!(drafter_line(hd05, "Đỗ Thị Hoà", None), "DoThiHoa");
        assert_eq!(
            archive_line(hd05, "Văn phòng Tỉnh uỷ"),
            "Lưu Văn phòng Tỉnh uỷ."
        );
        assert_eq!(as_addressed(hd05), "Như trên;");
        assert_eq!(as_addressed(state), "Như trên;");
        assert_eq!(as_addressed(party), "Như trên,");
    }
}
