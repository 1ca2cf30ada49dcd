//! Vietnamese conventions of official documents: the standards and the
//! document kinds, how dates, numbers and symbols, signer authorities and
//! labels are written, and the layout profile of each standard. Templates
//! and the CLI take these from here and nowhere else.

pub mod guide;
mod hd05;
mod labels;
mod line_breaks;
mod profile;
pub mod units;
mod writing;

pub use guide::{Block, GUIDES, Guide, GuideId, HD05, SigningRules, Wording, guides_help};
pub use labels::{LabelStyle, NumberingRun, roman};
pub use line_breaks::{NBSP, bind_numbers, name_units};
pub use profile::{LAYOUT_FIELDS, LayoutField, Overrides, ProfileError, Ranges, StyleProfile};
pub use writing::*;

use serde::Serialize;

/// The standard a document is laid out by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standard {
    /// Documents of the Party: Hướng dẫn 36-HD/VPTW (2018) before
    /// 27/5/2026, Hướng dẫn 05-HD/VPTW from then.
    Party,
    /// Nghị định 30/2020/NĐ-CP, Phụ lục I, for State bodies.
    State,
}

impl Standard {
    pub const ALL: &'static [(&'static str, Standard)] =
        &[("party", Standard::Party), ("state", Standard::State)];

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|&(_, s)| s)
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Party => "party",
            Self::State => "state",
        }
    }

    /// The documents of the standard, as messages name them.
    pub fn documents(self) -> &'static str {
        match self {
            Self::Party => "văn bản của Đảng",
            Self::State => "văn bản nhà nước",
        }
    }

    /// The regulation family, as messages name it.
    pub fn guideline(self) -> &'static str {
        match self {
            Self::Party => "thể thức văn bản của Đảng",
            Self::State => "Nghị định 30/2020/NĐ-CP",
        }
    }
}

/// A document kind that vanban can issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// "KẾT LUẬN" of a Party body, type code KL.
    Conclusion,
    /// "THÔNG BÁO KẾT LUẬN" of a Party body, type code TB.
    ConclusionNotice,
    /// "THÔNG BÁO" (kết luận of a meeting), type code TB; the State's form.
    Notice,
}

impl DocumentKind {
    /// Every kind: its name in the input's `kind` field and a one-line
    /// description for `vanban templates`.
    pub const ALL: &'static [(&'static str, DocumentKind, &'static str)] = &[
        (
            "ket-luan",
            DocumentKind::Conclusion,
            "KẾT LUẬN của cấp ủy Đảng (Số 15-KL/TU), thể thức hd36 hoặc hd05 theo ngày",
        ),
        (
            "thong-bao-ket-luan",
            DocumentKind::ConclusionNotice,
            "THÔNG BÁO KẾT LUẬN của cấp ủy Đảng (Số 15-TB/TU), thể thức hd36 hoặc hd05 theo ngày",
        ),
        (
            "thong-bao",
            DocumentKind::Notice,
            "THÔNG BÁO kết luận của cơ quan nhà nước (Số: 15/TB-UBND), thể thức nd30",
        ),
    ];

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|&(_, kind, _)| kind)
    }

    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|&&(_, kind, _)| kind == self)
            .map_or("", |&(n, _, _)| n)
    }

    /// The standard a kind is laid out by unless the input says otherwise.
    pub fn default_standard(self) -> Standard {
        match self {
            Self::Conclusion | Self::ConclusionNotice => Standard::Party,
            Self::Notice => Standard::State,
        }
    }

    /// Whether a standard has this kind; if not, a hint naming the kind to
    /// use instead.
    pub fn check_standard(self, standard: Standard) -> Result<(), String> {
        match (self, standard) {
            (Self::Conclusion | Self::ConclusionNotice, Standard::State) => Err(format!(
                "Nghị định 30/2020/NĐ-CP không có ký hiệu loại văn bản {} cho cơ quan nhà nước: \
                 cơ quan nhà nước ban hành kết luận dưới dạng THÔNG BÁO, kind = \"thong-bao\"",
                self.type_code()
            )),
            _ => Ok(()),
        }
    }

    /// The type name printed as the document's title ("tên loại").
    pub fn title(self) -> &'static str {
        match self {
            Self::Conclusion => "KẾT LUẬN",
            Self::ConclusionNotice => "THÔNG BÁO KẾT LUẬN",
            Self::Notice => "THÔNG BÁO",
        }
    }

    /// The type code in the document's symbol ("KL" in "Số 15-KL/HU").
    pub fn type_code(self) -> &'static str {
        match self {
            Self::Conclusion => "KL",
            Self::ConclusionNotice | Self::Notice => "TB",
        }
    }

    /// The built-in template that lays this kind out.
    pub fn template(self) -> &'static str {
        match self {
            Self::Conclusion => "ket-luan.typ",
            Self::ConclusionNotice => "thong-bao-ket-luan.typ",
            Self::Notice => "thong-bao.typ",
        }
    }
}
