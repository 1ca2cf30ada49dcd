//! Guides: everything one regulation decides about a document — its layout
//! numbers and their allowed ranges, its fixed words and separators, and the
//! blocks its pages carry. A document is laid out by exactly one guide,
//! chosen from its standard (and, as guides replace each other, its date);
//! templates and checks read the guide, never the standard.

use serde::Serialize;

use super::profile::{Ranges, StyleProfile};
use super::{IssueDate, Standard};

/// Which guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GuideId {
    /// Hướng dẫn 36-HD/VPTW (03/4/2018), for Party documents.
    Hd36,
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

/// How the drafter's code and the copy count are joined (ô 12).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrafterStyle {
    /// "PL-300".
    Hyphen,
    /// "PL.(300)".
    DotParenthesis,
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
}

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
    blocks: &[
        Block::PartyHeader,
        Block::TitleBlock,
        Block::Addressees,
        Block::Body,
        Block::SignatureAndRecipients,
    ],
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
        Block::TitleBlock,
        Block::Addressees,
        Block::Body,
        Block::SignatureAndRecipients,
    ],
};

/// Every guide vanban knows.
pub const GUIDES: &[&Guide] = &[&HD36, &ND30];

impl Guide {
    /// The guide a document of `standard` dated `date` is laid out by.
    pub fn for_document(standard: Standard, _date: IssueDate) -> &'static Guide {
        match standard {
            Standard::Party => &HD36,
            Standard::State => &ND30,
        }
    }

    pub fn by_key(key: &str) -> Option<&'static Guide> {
        GUIDES.iter().copied().find(|g| g.key == key)
    }
}
