//! Style profiles: every size, margin, spacing and rule of a standard in one
//! place. Templates read these values and write no layout number of their own.
//!
//! Tags after each value say how sure the rule is (see the reference notes):
//! [P] primary text, [P*] primary text quoted by a secondary source,
//! [S] secondary sources, [U] common practice, a default.

use serde::Serialize;

use super::Guide;

/// The layout of one standard. Lengths are in millimetres (`_mm`) or points
/// (`_pt`); the template turns them into Typst lengths.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct StyleProfile {
    /// Name of the guideline this profile implements.
    pub name: &'static str,

    pub page_width_mm: f64,
    pub page_height_mm: f64,
    pub margin_top_mm: f64,
    pub margin_bottom_mm: f64,
    pub margin_left_mm: f64,
    pub margin_right_mm: f64,

    /// Width of the header's left column (issuing body, number); the right
    /// column (national or Party title, date) takes the rest.
    pub header_left_mm: f64,
    /// The national or Party title ("ĐẢNG CỘNG SẢN VIỆT NAM").
    pub header_title_pt: f64,
    /// The State's motto ("Độc lập - Tự do - Hạnh phúc").
    pub motto_pt: f64,
    pub superior_pt: f64,
    pub issuer_pt: f64,
    pub number_pt: f64,
    pub place_date_pt: f64,
    /// Baseline-to-baseline distance of the header lines.
    pub header_pitch_pt: f64,
    /// Distance from a ruled line's baseline down to its rule.
    pub title_rule_offset_pt: f64,
    /// The rule under the issuing body (State), as a share of that line.
    pub issuer_rule_share: f64,
    /// Stroke of every rule in the document.
    pub rule_stroke_pt: f64,

    pub doc_title_pt: f64,
    pub summary_pt: f64,
    /// The rule under the summary (State), as a share of its longest line.
    pub summary_rule_share: f64,
    /// Distance from the summary's last baseline down to that rule; more
    /// than under capitals, to clear descenders and dots below.
    pub summary_rule_offset_pt: f64,
    /// Baseline-to-baseline distance of the title block and the "Kính gửi"
    /// lines, which the body's line spacing rule does not govern.
    pub title_pitch_pt: f64,
    /// Space between the header block and the document title.
    pub title_gap_mm: f64,
    /// Space between the title block and the body.
    pub body_gap_mm: f64,

    pub body_pt: f64,
    /// Baseline-to-baseline distance of body lines ("exactly" line spacing).
    pub body_pitch_pt: f64,
    /// Extra space between paragraphs.
    pub paragraph_gap_pt: f64,
    pub first_line_indent_mm: f64,
    /// "Kính gửi:" is italic in Party documents, upright in State ones.
    pub addressee_label_italic: bool,

    pub footnote_pt: f64,
    pub footnote_pitch_pt: f64,

    pub page_number_pt: f64,
    /// Distance from the top edge of the page to the page number's baseline.
    pub page_number_from_top_mm: f64,

    /// Space between the end of the body and the signature block.
    pub closing_gap_mm: f64,
    pub signature_pt: f64,
    pub signature_pitch_pt: f64,
    /// Whether the signer's title is bold (State) or not (Party).
    pub signature_title_bold: bool,
    /// Room for the handwritten signature and the seal.
    pub signature_space_mm: f64,
    /// Width of the signature block at the right.
    pub signature_width_mm: f64,

    pub recipients_label_pt: f64,
    pub recipients_label_bold: bool,
    pub recipients_label_italic: bool,
    pub recipients_label_underline: bool,
    pub recipients_pt: f64,
    pub recipients_pitch_pt: f64,
    /// The drafter's code and copy count under the recipients (ô 12).
    pub drafter_pt: f64,

    /// The issuer's contact information (ô 13), under a rule across the
    /// text width at the foot of a page.
    pub contact_pt: f64,
    pub contact_pitch_pt: f64,
    /// Space between the contact block's rule and the text above it.
    pub contact_gap_mm: f64,
}

impl StyleProfile {
    /// Hướng dẫn 36-HD/VPTW (2018) for Party documents dated before
    /// 27/5/2026. HD36's full text was not read; "[S], kept by HD05 [P**]"
    /// marks a value HD05 states and says it keeps (the-thuc.md §2A).
    pub const PARTY_HD36: StyleProfile = StyleProfile {
        name: "Hướng dẫn 36-HD/VPTW",
        page_width_mm: 210.0,  // A4 [S], kept by HD05 [P**]
        page_height_mm: 297.0, // A4 [S], kept by HD05 [P**]
        margin_top_mm: 20.0,   // [S], kept by HD05 [P**]
        margin_bottom_mm: 20.0,
        margin_left_mm: 30.0,
        margin_right_mm: 15.0,
        header_left_mm: 70.0,         // 70/95 of 165 mm fits every line seen [U]
        header_title_pt: 15.0,        // [P*]
        motto_pt: 0.0,                // the Party has no motto
        superior_pt: 14.0,            // [P*]
        issuer_pt: 14.0,              // [P*]
        number_pt: 14.0,              // [P*]
        place_date_pt: 14.0,          // [P*]
        header_pitch_pt: 17.0,        // single spacing of 14 pt text [U]
        title_rule_offset_pt: 6.0,    // clears the dot under "Ệ" [U]
        issuer_rule_share: 0.0,       // a "*" instead of a rule [P*]
        rule_stroke_pt: 0.5,          // [U]
        doc_title_pt: 16.0,           // 15-16 [P*]
        summary_pt: 14.0,             // 14-15 [P*]
        summary_rule_share: 0.0,      // "-----" instead of a rule [S], kept by HD05 [P**]
        summary_rule_offset_pt: 0.0,  // no rule
        title_pitch_pt: 18.0,         // as the body [U]
        title_gap_mm: 10.0,           // [U]
        body_gap_mm: 6.0,             // [U]
        body_pt: 14.0,                // 14-15 [P*]
        body_pitch_pt: 18.0,          // "exactly 18 pt" [S]
        paragraph_gap_pt: 6.0,        // [S], kept by HD05 [P**]
        first_line_indent_mm: 12.7,   // 1.27 cm [S]
        addressee_label_italic: true, // [S], kept by HD05 [P**]
        footnote_pt: 12.0,            // [U]
        footnote_pitch_pt: 14.0,      // [U]
        page_number_pt: 14.0,         // [S], kept by HD05 [P**]
        page_number_from_top_mm: 12.0, // about 10 mm to the top of the digits [S], kept by HD05 [P**]
        closing_gap_mm: 6.0,           // [U]
        signature_pt: 14.0,            // [S], kept by HD05 [P**]
        signature_pitch_pt: 17.0,      // [U]
        signature_title_bold: false,   // [S], kept by HD05 [P**]
        signature_space_mm: 25.0,      // about four blank 14 pt lines [S/U]
        signature_width_mm: 95.0,      // the header's right column [U]
        recipients_label_pt: 14.0,     // [S], kept by HD05 [P**]
        recipients_label_bold: false,
        recipients_label_italic: false,
        recipients_label_underline: true, // [S], kept by HD05 [P**]
        recipients_pt: 12.0,              // [S], kept by HD05 [P**]
        recipients_pitch_pt: 14.0,        // [U]
        drafter_pt: 8.0,                  // [S]
        contact_pt: 10.0,                 // [S], kept by HD05 [P**]
        contact_pitch_pt: 12.0,           // single spacing of 10 pt text [U]
        contact_gap_mm: 6.0,              // [U]
    };

    /// Nghị định 30/2020/NĐ-CP, Phụ lục I, for State documents.
    pub const STATE_ND30: StyleProfile = StyleProfile {
        name: "Nghị định 30/2020/NĐ-CP",
        page_width_mm: 210.0,          // A4 [P]
        page_height_mm: 297.0,         // A4 [P]
        margin_top_mm: 20.0,           // 20-25 [P]
        margin_bottom_mm: 20.0,        // 20-25 [P]
        margin_left_mm: 30.0,          // 30-35 [P]
        margin_right_mm: 15.0,         // 15-20 [P]
        header_left_mm: 65.0,          // the national title needs about 97 mm at 13 pt [C/U]
        header_title_pt: 13.0,         // 12-13 [P]
        motto_pt: 14.0,                // 13-14 [P]
        superior_pt: 13.0,             // 12-13 [P]
        issuer_pt: 13.0,               // 12-13 [P]
        number_pt: 13.0,               // [P]
        place_date_pt: 14.0,           // 13-14 [P]
        header_pitch_pt: 16.0,         // "dòng đơn" [P], single spacing [U]
        title_rule_offset_pt: 6.0,     // [U]
        issuer_rule_share: 0.4,        // 1/3 to 1/2 of the line [P]
        rule_stroke_pt: 0.5,           // [U]
        doc_title_pt: 14.0,            // 13-14 [P]
        summary_pt: 14.0,              // 13-14 [P]
        summary_rule_share: 0.4,       // 1/3 to 1/2 of the line [P]
        summary_rule_offset_pt: 9.0,   // clears descenders and dots below [U]
        title_pitch_pt: 17.0,          // as the body [U]
        title_gap_mm: 10.0,            // [U]
        body_gap_mm: 6.0,              // [U]
        body_pt: 14.0,                 // 13-14 [P]
        body_pitch_pt: 17.0,           // from single up to 1.5 lines [P]; about single [U]
        paragraph_gap_pt: 6.0,         // at least 6 pt [P]
        first_line_indent_mm: 12.7,    // 1 cm or 1.27 cm [P]
        addressee_label_italic: false, // [P]
        footnote_pt: 12.0,             // not regulated [U]
        footnote_pitch_pt: 14.0,       // [U]
        page_number_pt: 14.0,          // 13-14 [P]
        page_number_from_top_mm: 12.0, // in the top margin [P], position [U]
        closing_gap_mm: 6.0,           // [U]
        signature_pt: 14.0,            // 13-14 [P]
        signature_pitch_pt: 17.0,      // [U]
        signature_title_bold: true,    // [P]
        signature_space_mm: 25.0,      // not regulated [U]
        signature_width_mm: 100.0,     // the header's right column [U]
        recipients_label_pt: 12.0,     // [P]
        recipients_label_bold: true,   // [P]
        recipients_label_italic: true, // [P]
        recipients_label_underline: false,
        recipients_pt: 11.0,       // [P]
        recipients_pitch_pt: 13.0, // [U]
        drafter_pt: 11.0,          // [P]
        contact_pt: 11.0,          // 11-12 [P]
        contact_pitch_pt: 13.0,    // [U]
        contact_gap_mm: 6.0,       // [U]
    };

    /// The width left for text between the side margins.
    pub fn text_width_mm(&self) -> f64 {
        self.page_width_mm - self.margin_left_mm - self.margin_right_mm
    }

    /// The guide's profile with a document's overrides, each checked against
    /// the range the guide allows. Sizes that the guide couples move
    /// together: the body's line pitch follows its size, and the header
    /// columns and the signature block keep their share of the text width.
    pub fn with_overrides(guide: &Guide, o: &Overrides) -> Result<Self, Vec<ProfileError>> {
        let mut profile = guide.layout.clone();
        let mut errors = Vec::new();
        for field in LAYOUT_FIELDS {
            let Some(value) = (field.value)(o) else {
                continue;
            };
            let range = (field.range)(&guide.ranges);
            if value < range.0 || value > range.1 {
                errors.push(ProfileError {
                    field: field.key,
                    value,
                    range,
                    unit: field.unit,
                    guide: guide.name,
                });
            } else {
                *(field.slot)(&mut profile) = value;
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let default = &guide.layout;
        // A pitch the document sets stays as set; otherwise it keeps its
        // share of the body's size.
        let body_share = profile.body_pt / default.body_pt;
        if o.body_pitch_pt.is_none() {
            profile.body_pitch_pt *= body_share;
        }
        profile.title_pitch_pt *= body_share;
        let share = profile.text_width_mm() / default.text_width_mm();
        profile.header_left_mm = default.header_left_mm * share;
        profile.signature_width_mm = default.signature_width_mm * share;
        Ok(profile)
    }
}

/// A layout value a document may set in its `[layout]` table: its key, its
/// unit, where it goes in the profile and where its range is in a guide's.
/// This list is the only place that names them.
pub struct LayoutField {
    pub key: &'static str,
    pub unit: &'static str,
    value: fn(&Overrides) -> Option<f64>,
    read: fn(&StyleProfile) -> f64,
    slot: fn(&mut StyleProfile) -> &mut f64,
    range: fn(&Ranges) -> (f64, f64),
}

impl LayoutField {
    /// The range a guide allows for this value.
    pub fn range(&self, guide: &Guide) -> (f64, f64) {
        (self.range)(&guide.ranges)
    }

    /// The value a profile has.
    pub fn get(&self, profile: &StyleProfile) -> f64 {
        (self.read)(profile)
    }
}

macro_rules! layout_field {
    ($key:ident, $unit:literal, $range:ident) => {
        LayoutField {
            key: stringify!($key),
            unit: $unit,
            value: |o| o.$key,
            read: |p| p.$key,
            slot: |p| &mut p.$key,
            range: |r| r.$range,
        }
    };
}

pub const LAYOUT_FIELDS: &[LayoutField] = &[
    layout_field!(margin_top_mm, "mm", margin_top),
    layout_field!(margin_bottom_mm, "mm", margin_bottom),
    layout_field!(margin_left_mm, "mm", margin_left),
    layout_field!(margin_right_mm, "mm", margin_right),
    layout_field!(body_pt, "pt", body),
    layout_field!(body_pitch_pt, "pt", body_pitch),
    layout_field!(doc_title_pt, "pt", doc_title),
    layout_field!(summary_pt, "pt", summary),
];

/// The values a document may set in its `[layout]` table (see
/// [`LAYOUT_FIELDS`]), and the mark after section numbers.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    pub margin_top_mm: Option<f64>,
    pub margin_bottom_mm: Option<f64>,
    pub margin_left_mm: Option<f64>,
    pub margin_right_mm: Option<f64>,
    pub body_pt: Option<f64>,
    /// The body's line pitch, "exactly" this many points.
    pub body_pitch_pt: Option<f64>,
    pub doc_title_pt: Option<f64>,
    pub summary_pt: Option<f64>,
    /// "I." or the Party's "I-"; checked with the document, not the profile.
    pub section_mark: Option<String>,
}

/// A value outside the range that the guide allows.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileError {
    pub field: &'static str,
    pub value: f64,
    pub range: (f64, f64),
    pub unit: &'static str,
    pub guide: &'static str,
}

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (min, max) = self.range;
        let allowed = if min == max {
            format!("{min} {}", self.unit)
        } else {
            format!("{min}–{max} {}", self.unit)
        };
        write!(
            f,
            "{} {} nằm ngoài mức {} cho phép: {allowed}",
            self.value, self.unit, self.guide
        )
    }
}

/// The ranges a guide allows for each value of [`LAYOUT_FIELDS`].
#[derive(Debug, Clone, PartialEq)]
pub struct Ranges {
    pub margin_top: (f64, f64),
    pub margin_bottom: (f64, f64),
    pub margin_left: (f64, f64),
    pub margin_right: (f64, f64),
    pub body: (f64, f64),
    pub body_pitch: (f64, f64),
    pub doc_title: (f64, f64),
    pub summary: (f64, f64),
}

impl Ranges {
    /// HD36 gives fixed margins [S] and ranges for the sizes [P*].
    pub const PARTY_HD36: Ranges = Ranges {
        margin_top: (20.0, 20.0),
        margin_bottom: (20.0, 20.0),
        margin_left: (30.0, 30.0),
        margin_right: (15.0, 15.0),
        body: (14.0, 15.0),
        // "At least 18 pt exactly", up to 1.5 lines of 14 pt (24 pt) [S].
        body_pitch: (18.0, 24.0),
        doc_title: (15.0, 16.0),
        summary: (14.0, 15.0),
    };

    /// Phụ lục I, mục I and the table of mục V [P].
    pub const STATE_ND30: Ranges = Ranges {
        margin_top: (20.0, 25.0),
        margin_bottom: (20.0, 25.0),
        margin_left: (30.0, 35.0),
        margin_right: (15.0, 20.0),
        body: (13.0, 14.0),
        // "Tối thiểu là dòng đơn, tối đa là 1,5 lines" [P]: single spacing
        // of 13 pt (15 pt) to 1.5 lines of 14 pt (24 pt), at the 1.15 em
        // line height of Times New Roman [C].
        body_pitch: (15.0, 24.0),
        doc_title: (13.0, 14.0),
        summary: (13.0, 14.0),
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conventions::GUIDES;

    /// Every key of `[layout]` but the section mark is in the table, so no
    /// value can be read and then silently dropped.
    #[test]
    fn every_layout_key_is_a_layout_field() {
        let all = Overrides {
            margin_top_mm: Some(0.0),
            margin_bottom_mm: Some(0.0),
            margin_left_mm: Some(0.0),
            margin_right_mm: Some(0.0),
            body_pt: Some(0.0),
            body_pitch_pt: Some(0.0),
            doc_title_pt: Some(0.0),
            summary_pt: Some(0.0),
            section_mark: None,
        };
        let value = serde_json::to_value(&all).unwrap_or_default();
        let mut keys: Vec<&str> = value
            .as_object()
            .map(|o| {
                o.keys()
                    .map(String::as_str)
                    .filter(|k| *k != "section_mark")
                    .collect()
            })
            .unwrap_or_default();
        keys.sort_unstable();
        let mut fields: Vec<&str> = LAYOUT_FIELDS.iter().map(|f| f.key).collect();
        fields.sort_unstable();
        assert_eq!(keys, fields);
    }

    /// Each guide's own values lie within its own ranges.
    #[test]
    fn every_guide_default_is_within_its_range() {
        for guide in GUIDES {
            for field in LAYOUT_FIELDS {
                let (min, max) = field.range(guide);
                let v = field.get(&guide.layout);
                assert!(
                    min <= v && v <= max,
                    "{} {}: {v} not in {min}–{max}",
                    guide.key,
                    field.key
                );
            }
        }
    }
}
