//! Guides: everything one regulation decides about a document — its layout
//! numbers and their allowed ranges, its fixed words and separators, and the
//! blocks its pages carry. A document is laid out by exactly one guide,
//! chosen from its standard (and, as guides replace each other, its date);
//! templates and checks read the guide, never the standard.

use serde::Serialize;

pub use super::hd05::HD05;
use super::profile::{Ranges, StyleProfile};
use super::{IssueDate, Standard};

/// Which guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GuideId {
    /// Hướng dẫn 36-HD/VPTW (03/4/2018), for Party documents dated before
    /// 27/5/2026.
    Hd36,
    /// Hướng dẫn 05-HD/VPTW (27/5/2026), for Party documents from that day.
    Hd05,
    /// Nghị định 30/2020/NĐ-CP, Phụ lục I, for State documents.
    Nd30,
}

/// The blocks of a document, in the order the built-in templates set them.
/// Each name is a component of the template package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Block {
    /// Issuing body, "*" and number at the left; "ĐẢNG CỘNG SẢN VIỆT NAM"
    /// with its rule, place and date at the right.
    PartyHeader,
    /// Issuing body with a short rule at the left; national title and motto
    /// at the right; number and place-date on one baseline.
    StateHeader,
    /// Type name, summary and the mark under it.
    TitleBlock,
    /// "Kính gửi:" and the addressees.
    Addressees,
    /// Opening, the parts, closing.
    Body,
    /// "Nơi nhận" level with the signature block.
    SignatureAndRecipients,
    /// The issuer's contact information (ô 13) under a rule across the
    /// text width, at the foot of the page the block is met on: the first
    /// page when the guide lists it after the header, the last page when
    /// after the signature. It floats there; the body flows above it.
    Contact,
}

/// How the number line is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberStyle {
    /// "Số 15-KL/HU": no colon; number-type/issuer.
    Party,
    /// "Số: 15/TB-UBND": colon; number/type-issuer.
    State,
}

/// How signer authorities are abbreviated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthorityStyle {
    /// "T/M", "K/T", "T/L", "Q."; no thừa ủy quyền.
    Slash,
    /// "TM.", "KT.", "TL.", "TUQ.", "Q.".
    Dot,
}

/// How the archive line is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArchiveStyle {
    /// "Lưu VPHU.": no colon, no records office.
    Plain,
    /// "Lưu: VT, VP.": the records office first.
    RecordsOfficeFirst,
}

/// How the drafter's mark and the copy count are written (ô 12).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrafterStyle {
    /// "PL-300": the code in capitals.
    Hyphen,
    /// "PL.(300)": the code in capitals.
    DotParenthesis,
    /// "NguyenVanAn-26": the drafter's name as written, without spaces or
    /// diacritics, not put in capitals.
    NameHyphen,
}

/// The fixed words and marks of a guide.
#[derive(Debug, Clone, PartialEq)]
pub struct Wording {
    /// The title at the top right.
    pub national_title: &'static str,
    /// The motto under it, if the guide has one.
    pub motto: Option<&'static str>,
    pub number: NumberStyle,
    pub authority: AuthorityStyle,
    /// The mark under the summary, when it is text ("-----"); otherwise the
    /// template draws a rule.
    pub summary_mark: Option<&'static str>,
    /// The mark after the body's last word.
    pub body_end_mark: Option<&'static str>,
    pub recipients_label: &'static str,
    /// The end of each recipient and addressee line but the last.
    pub recipient_separator: &'static str,
    pub archive: ArchiveStyle,
    pub drafter: DrafterStyle,
}

/// What a guide says about who signs how.
#[derive(Debug, Clone, PartialEq)]
pub struct SigningRules {
    /// When the one who signs by order (T/L) may not have a deputy sign for
    /// them ("T/L … / K/T …"), the guide's words that say so.
    pub no_deputy_under_by_order: Option<&'static str>,
    /// When the guide names the only titles written under T/M of a Party
    /// committee, inspection commission or council: those titles, in
    /// capitals, and the guide's words.
    pub titles_on_behalf: Option<(&'static [&'static str], &'static str)>,
}

/// A day, as (year, month, day), to compare dates without a calendar.
pub type Day = (i32, u32, u32);

/// One guide.
#[derive(Debug, Clone, PartialEq)]
pub struct Guide {
    pub id: GuideId,
    /// Its short name in data and messages: "hd36".
    pub key: &'static str,
    pub standard: Standard,
    /// As a records officer cites it.
    pub name: &'static str,
    pub layout: StyleProfile,
    /// What a document's `[layout]` may set, and within which range.
    pub ranges: Ranges,
    pub wording: Wording,
    pub blocks: &'static [Block],
    pub signing: SigningRules,
    /// The day it took effect; `None` for the first guide of its standard
    /// that vanban knows, which it also uses for documents older than that.
    pub in_force_from: Option<Day>,
    /// Which documents it is for, as `vanban templates` says it.
    pub applies_to: &'static str,
}

/// The blocks of a Party document, as HD05 lays them out: the contact
/// information last, "trình bày tại trang cuối của văn bản" (ô 13) [P**].
pub const PARTY_BLOCKS: &[Block] = &[
    Block::PartyHeader,
    Block::TitleBlock,
    Block::Addressees,
    Block::Body,
    Block::SignatureAndRecipients,
    Block::Contact,
];

pub const HD36: Guide = Guide {
    id: GuideId::Hd36,
    key: "hd36",
    standard: Standard::Party,
    name: "Hướng dẫn 36-HD/VPTW",
    layout: StyleProfile::PARTY_HD36,
    ranges: Ranges::PARTY_HD36,
    wording: Wording {
        national_title: "ĐẢNG CỘNG SẢN VIỆT NAM",
        motto: None,
        number: NumberStyle::Party,
        authority: AuthorityStyle::Slash,
        summary_mark: Some("-----"),
        // Party practice is disputed; none.
        body_end_mark: None,
        recipients_label: "Nơi nhận",
        recipient_separator: ",",
        archive: ArchiveStyle::Plain,
        drafter: DrafterStyle::Hyphen,
    },
    // Where HD36 put the contact block is unknown; HD05's last page [U].
    blocks: PARTY_BLOCKS,
    // HD36's words on signing were not read.
    signing: SigningRules {
        no_deputy_under_by_order: None,
        titles_on_behalf: None,
    },
    in_force_from: None,
    applies_to: "văn bản của Đảng đề ngày trước 27/5/2026",
};

pub const ND30: Guide = Guide {
    id: GuideId::Nd30,
    key: "nd30",
    standard: Standard::State,
    name: "Nghị định 30/2020/NĐ-CP",
    layout: StyleProfile::STATE_ND30,
    ranges: Ranges::STATE_ND30,
    wording: Wording {
        national_title: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        motto: Some("Độc lập - Tự do - Hạnh phúc"),
        number: NumberStyle::State,
        authority: AuthorityStyle::Dot,
        summary_mark: None,
        body_end_mark: Some("./."),
        recipients_label: "Nơi nhận",
        recipient_separator: ";",
        archive: ArchiveStyle::RecordsOfficeFirst,
        drafter: DrafterStyle::DotParenthesis,
    },
    blocks: &[
        Block::StateHeader,
        // "Trình bày tại trang thứ nhất" (ô 13) [P].
        Block::Contact,
        Block::TitleBlock,
        Block::Addressees,
        Block::Body,
        Block::SignatureAndRecipients,
    ],
    signing: SigningRules {
        // "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG" is allowed (Điều 13.4) [P].
        no_deputy_under_by_order: None,
        titles_on_behalf: None,
    },
    in_force_from: None,
    applies_to: "văn bản của cơ quan nhà nước",
};

/// Every guide vanban knows, those of a standard oldest first.
pub const GUIDES: &[&Guide] = &[&HD36, &HD05, &ND30];

impl Guide {
    /// The guide a document of `standard` dated `date` is laid out by: the
    /// one in force on that day. A day or month left blank for hand filling
    /// is filled in when the document is signed, so the latest day the date
    /// can stand for counts: `{ year = 2026 }` is laid out by HD05.
    pub fn for_document(standard: Standard, date: IssueDate) -> &'static Guide {
        let (_, last) = span(date);
        Self::of_standard(standard)
            .filter(|g| g.in_force_from.is_none_or(|from| from <= last))
            .last()
            .unwrap_or(match standard {
                Standard::Party => &HD36,
                Standard::State => &ND30,
            })
    }

    pub fn by_key(key: &str) -> Option<&'static Guide> {
        GUIDES.iter().copied().find(|g| g.key == key)
    }

    /// The guides of a standard, oldest first.
    pub fn of_standard(standard: Standard) -> impl Iterator<Item = &'static Guide> {
        GUIDES
            .iter()
            .copied()
            .filter(move |g| g.standard == standard)
    }

    /// The day the next guide of the standard replaced this one, if one has.
    pub fn in_force_until(&self) -> Option<Day> {
        Self::of_standard(self.standard)
            .skip_while(|g| g.id != self.id)
            .nth(1)
            .and_then(|next| next.in_force_from)
    }

    /// Whether the guide was in force on some day the date can stand for.
    pub fn fits(&self, date: IssueDate) -> bool {
        let (first, last) = span(date);
        self.in_force_from.is_none_or(|from| from <= last)
            && self.in_force_until().is_none_or(|until| first < until)
    }
}

/// The first and the last day a date with blanks can stand for.
pub fn span(date: IssueDate) -> (Day, Day) {
    (
        (date.year, date.month.unwrap_or(1), date.day.unwrap_or(1)),
        (date.year, date.month.unwrap_or(12), date.day.unwrap_or(31)),
    )
}

/// The guides, one a line with its key, name and the documents it is for,
/// for `vanban templates` and `vanban --help`.
pub fn guides_help() -> String {
    let mut out =
        String::from("Thể thức (không ghi `guide` thì vanban chọn theo loại và ngày của văn bản):");
    for g in GUIDES {
        out.push_str(&format!("\n{:<20} {}: {}", g.key, g.name, g.applies_to));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: Option<u32>, day: Option<u32>) -> IssueDate {
        IssueDate { year, month, day }
    }

    #[test]
    fn the_party_guide_changes_on_27_may_2026() {
        let party = |d| Guide::for_document(Standard::Party, d).key;
        assert_eq!(party(date(2026, Some(5), Some(26))), "hd36");
        assert_eq!(party(date(2026, Some(5), Some(27))), "hd05");
        assert_eq!(party(date(2020, Some(11), Some(5))), "hd36");
        // Older than any guide vanban knows: the first one.
        assert_eq!(party(date(1990, Some(1), Some(1))), "hd36");
        // Blanks are filled in at signing: the latest day counts.
        assert_eq!(party(date(2026, Some(5), None)), "hd05");
        assert_eq!(party(date(2026, None, None)), "hd05");
        assert_eq!(party(date(2025, None, None)), "hd36");
        for d in [date(2020, Some(1), Some(1)), date(2030, None, None)] {
            assert_eq!(Guide::for_document(Standard::State, d).key, "nd30");
        }
    }

    #[test]
    fn a_guide_fits_a_date_when_it_was_in_force_on_one_of_its_days() {
        assert_eq!(HD36.in_force_until(), Some((2026, 5, 27)));
        assert_eq!(HD05.in_force_until(), None);
        assert!(HD36.fits(date(2026, Some(5), Some(26))));
        assert!(!HD36.fits(date(2026, Some(5), Some(27))));
        assert!(HD36.fits(date(2026, Some(5), None)));
        assert!(HD05.fits(date(2026, Some(5), None)));
        assert!(!HD05.fits(date(2026, Some(4), None)));
        assert!(ND30.fits(date(2019, None, None)));
    }

    #[test]
    fn keys_are_unique_and_found() {
        for g in GUIDES {
            assert_eq!(Guide::by_key(g.key), Some(*g));
        }
        assert_eq!(Guide::by_key("hd06"), None);
    }
}
