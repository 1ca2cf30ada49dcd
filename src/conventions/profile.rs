//! Style profiles: every size, margin, spacing and rule of a standard in one
//! place. Templates read these values and write no layout number of their own.
//!
//! Tags after each value say how sure the rule is (see the reference notes):
//! [P] primary text, [S] secondary sources, [U] common practice, a default.

use serde::Serialize;

/// The layout numbers of one standard. Lengths are in millimetres (`_mm`) or
/// points (`_pt`); the template turns them into Typst lengths.
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
    /// Text size of the national or Party title ("ĐẢNG CỘNG SẢN VIỆT NAM").
    pub header_title_pt: f64,
    pub superior_pt: f64,
    pub issuer_pt: f64,
    pub number_pt: f64,
    pub place_date_pt: f64,
    /// Baseline-to-baseline distance of the header lines.
    pub header_pitch_pt: f64,
    /// Distance from the national or Party title's baseline down to its rule.
    pub title_rule_offset_pt: f64,
    /// Stroke of every rule in the document.
    pub rule_stroke_pt: f64,

    pub doc_title_pt: f64,
    pub summary_pt: f64,
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

    pub footnote_pt: f64,
    pub footnote_pitch_pt: f64,

    pub page_number_pt: f64,
    /// Distance from the top edge of the page to the page number's baseline.
    pub page_number_from_top_mm: f64,

    /// Space between the end of the body and the signature block.
    pub closing_gap_mm: f64,
    pub signature_pt: f64,
    pub signature_pitch_pt: f64,
    /// Room for the handwritten signature and the seal.
    pub signature_space_mm: f64,
    /// Width of the signature block at the right.
    pub signature_width_mm: f64,

    pub recipients_label_pt: f64,
    pub recipients_pt: f64,
    pub recipients_pitch_pt: f64,
}

impl StyleProfile {
    /// Hướng dẫn 36-HD/VPTW (2018) for Party documents.
    pub const PARTY_HD36: StyleProfile = StyleProfile {
        name: "Hướng dẫn 36-HD/VPTW",
        page_width_mm: 210.0,  // A4 [S]
        page_height_mm: 297.0, // A4 [S]
        margin_top_mm: 20.0,   // [S]
        margin_bottom_mm: 20.0,
        margin_left_mm: 30.0,
        margin_right_mm: 15.0,
        header_left_mm: 70.0,       // 70/95 of 165 mm fits every line seen [U]
        header_title_pt: 15.0,      // [P*]
        superior_pt: 14.0,          // [P*]
        issuer_pt: 14.0,            // [P*]
        number_pt: 14.0,            // [P*]
        place_date_pt: 14.0,        // [P*]
        header_pitch_pt: 17.0,      // single spacing of 14 pt text [U]
        title_rule_offset_pt: 6.0,  // clears the dot under "Ệ" [U]
        rule_stroke_pt: 0.5,        // [U]
        doc_title_pt: 16.0,         // 15-16 [P*]
        summary_pt: 14.0,           // 14-15 [P*]
        title_gap_mm: 10.0,         // [U]
        body_gap_mm: 6.0,           // [U]
        body_pt: 14.0,              // 14-15 [P*]
        body_pitch_pt: 18.0,        // "exactly 18 pt" [S]
        paragraph_gap_pt: 6.0,      // [S]
        first_line_indent_mm: 12.7, // 1.27 cm [S]
        footnote_pt: 12.0,          // [U]
        footnote_pitch_pt: 14.0,    // [U]
        page_number_pt: 14.0,       // [S]
        page_number_from_top_mm: 12.0, // about 10 mm from the edge to the top of the digits [S]
        closing_gap_mm: 6.0,        // [U]
        signature_pt: 14.0,         // [S]
        signature_pitch_pt: 17.0,   // [U]
        signature_space_mm: 25.0,   // about four blank 14 pt lines [S/U]
        signature_width_mm: 95.0,   // the header's right column [U]
        recipients_label_pt: 14.0,  // [S]
        recipients_pt: 12.0,        // [S]
        recipients_pitch_pt: 14.0,  // [U]
    };

    pub fn for_standard(standard: super::Standard) -> StyleProfile {
        match standard {
            super::Standard::Party => Self::PARTY_HD36,
        }
    }

    /// The width left for text between the side margins.
    pub fn text_width_mm(&self) -> f64 {
        self.page_width_mm - self.margin_left_mm - self.margin_right_mm
    }
}
