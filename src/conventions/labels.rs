//! Labels of numbered items and sections, as Vietnamese documents write
//! them: "1.", "a)", "-", "1.1.", "Thứ nhất,", "I." or the Party's "I-".

/// How the items of one level are labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelStyle {
    /// No label: a plain paragraph.
    None,
    /// "1.", "2.", …
    Decimal,
    /// "1)", "2)", …
    DecimalParen,
    /// "a)", "b)", … in the Vietnamese alphabet (no f, j, w, z; with đ).
    Letter,
    /// "1.1.", "1.2.", … numbered under the parent's number.
    Nested,
    /// "Thứ nhất,", "Thứ hai,", …
    Ordinal,
    /// "-"
    Dash,
    /// "+"
    Plus,
}

impl LabelStyle {
    /// The spellings accepted in a part's `labels`, each with an example.
    pub const SPELLINGS: &'static [(&'static str, LabelStyle)] = &[
        ("", LabelStyle::None),
        ("1.", LabelStyle::Decimal),
        ("1)", LabelStyle::DecimalParen),
        ("a)", LabelStyle::Letter),
        ("1.1.", LabelStyle::Nested),
        ("Thứ nhất,", LabelStyle::Ordinal),
        ("-", LabelStyle::Dash),
        ("+", LabelStyle::Plus),
    ];

    pub fn parse(text: &str) -> Option<Self> {
        Self::SPELLINGS
            .iter()
            .find(|(s, _)| *s == text.trim())
            .map(|&(_, style)| style)
    }

    /// The levels of a part numbered "1.", "a)", "-" or not numbered.
    pub fn defaults(numbered: bool) -> [LabelStyle; 3] {
        if numbered {
            [Self::Decimal, Self::Letter, Self::Dash]
        } else {
            [Self::None, Self::Dash, Self::Dash]
        }
    }

    /// The label of the item at `path` (0-based indices from the top level
    /// down to the item).
    pub fn label(self, path: &[usize]) -> Option<String> {
        let n = path.last().map_or(1, |i| i + 1);
        match self {
            Self::None => None,
            Self::Decimal => Some(format!("{n}.")),
            Self::DecimalParen => Some(format!("{n})")),
            Self::Letter => Some(match LETTERS.get(n - 1) {
                Some(letter) => format!("{letter})"),
                None => format!("{n})"),
            }),
            Self::Nested => {
                let numbers: Vec<String> = path.iter().map(|i| (i + 1).to_string()).collect();
                Some(format!("{}.", numbers.join(".")))
            }
            Self::Ordinal => Some(format!("Thứ {},", ordinal(n))),
            Self::Dash => Some("-".to_owned()),
            Self::Plus => Some("+".to_owned()),
        }
    }
}

/// The top-level numbering across the parts of a document. Parts with no
/// heading between them read as one run of text, so their items go on
/// counting ("1.", "2." in the findings, "3." in the directives); a
/// heading, another label style or an explicit restart starts again at 1.
#[derive(Debug, Default)]
pub struct NumberingRun {
    style: Option<LabelStyle>,
    count: usize,
}

impl NumberingRun {
    /// How many numbers the top-level items of the next part skip: 0 to
    /// start at 1. `items` is how many top-level items the part has.
    pub fn next_part(
        &mut self,
        style: LabelStyle,
        heading: bool,
        restart: bool,
        items: usize,
    ) -> usize {
        let counts = !matches!(
            style,
            LabelStyle::None | LabelStyle::Dash | LabelStyle::Plus
        );
        if heading || restart {
            self.style = None;
            self.count = 0;
        }
        if !counts || items == 0 {
            return 0;
        }
        let skip = if self.style == Some(style) {
            self.count
        } else {
            0
        };
        self.style = Some(style);
        self.count = skip + items;
        skip
    }
}

const LETTERS: &[&str] = &[
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

fn ordinal(n: usize) -> String {
    const WORDS: &[&str] = &[
        "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười",
    ];
    WORDS
        .get(n - 1)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

/// Roman numerals for section headings ("I", "II", … "XXXIX").
pub fn roman(n: usize) -> String {
    const TENS: &[&str] = &["", "X", "XX", "XXX"];
    const ONES: &[&str] = &["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    match n {
        1..=39 => format!("{}{}", TENS[n / 10], ONES[n % 10]),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(LabelStyle::Decimal.label(&[0]).as_deref(), Some("1."));
        assert_eq!(LabelStyle::Letter.label(&[0, 4]).as_deref(), Some("đ)"));
        assert_eq!(LabelStyle::Letter.label(&[0, 5]).as_deref(), Some("e)"));
        assert_eq!(LabelStyle::Nested.label(&[1, 0]).as_deref(), Some("2.1."));
        assert_eq!(LabelStyle::Ordinal.label(&[3]).as_deref(), Some("Thứ tư,"));
        assert_eq!(LabelStyle::Dash.label(&[0, 0, 2]).as_deref(), Some("-"));
        assert_eq!(LabelStyle::None.label(&[0]), None);
        assert_eq!(LabelStyle::parse("Thứ nhất,"), Some(LabelStyle::Ordinal));
        assert_eq!(LabelStyle::parse("i."), None);
    }

    #[test]
    fn numbering_runs_on_across_parts_without_headings() {
        let mut run = NumberingRun::default();
        let d = LabelStyle::Decimal;
        assert_eq!(run.next_part(d, false, false, 1), 0);
        assert_eq!(run.next_part(d, false, false, 2), 1);
        // A plain part in between neither counts nor stops the run.
        assert_eq!(run.next_part(LabelStyle::None, false, false, 3), 0);
        assert_eq!(run.next_part(d, false, false, 1), 3);
        // A heading, another style, or a restart start again.
        assert_eq!(run.next_part(d, true, false, 2), 0);
        assert_eq!(run.next_part(LabelStyle::Ordinal, false, false, 2), 0);
        assert_eq!(run.next_part(LabelStyle::Decimal, false, false, 2), 0);
        assert_eq!(run.next_part(d, false, true, 2), 0);
        assert_eq!(run.next_part(d, false, false, 2), 2);
    }

    #[test]
    fn roman_numerals() {
        let got: Vec<String> = [1, 2, 4, 9, 14, 39].iter().map(|&n| roman(n)).collect();
        assert_eq!(got, ["I", "II", "IV", "IX", "XIV", "XXXIX"]);
    }
}
