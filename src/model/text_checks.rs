//! Text that cannot be printed as it is: control characters, and
//! Vietnamese typed in a legacy 8-bit encoding (TCVN3 "ABC", VNI) and then
//! read as if it were Unicode.

/// A control character other than line feed and tab, with its position in
/// the text (in characters, from 1).
pub fn control_character(text: &str) -> Option<(char, usize)> {
    text.chars()
        .enumerate()
        .find(|&(_, c)| c.is_control() && c != '\n' && c != '\t')
        .map(|(i, c)| (c, i + 1))
}

/// A legacy encoding the text seems to be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    Tcvn3,
    Vni,
}

impl Legacy {
    pub fn name(self) -> &'static str {
        match self {
            Self::Tcvn3 => "TCVN3 (ABC)",
            Self::Vni => "VNI",
        }
    }
}

/// Latin-1 letters that Vietnamese in Unicode uses; every other character
/// of that block in a word is a sign of a legacy encoding.
const VIETNAMESE_LATIN1: &str = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ";

/// Characters TCVN3 puts where Unicode has Vietnamese letters: ¸ ¹ µ ¶ · ©
/// ¨ ® ¬ and the like ("Uû ban nh©n d©n" for "Ủy ban nhân dân").
/// (« » ± ² ³ ¼ ½ ¾, which TCVN3 also uses, are left out: they are common
/// quotes and symbols.)
const TCVN3_MARKS: &str = "¡¢£¤¥¦§¨©ª¬\u{ad}®¯´µ¶·¸¹ºÆ";

/// Characters VNI puts after a vowel for its marks ("Vieät Nam").
const VNI_MARKS: &str = "äåæçëïöøûüÄÅÆÇËÏÖØÛÜñÑ";

/// Whether `text` looks like TCVN3 or VNI read as Unicode: at least two
/// words that mix letters with characters Vietnamese never uses.
pub fn legacy_encoding(text: &str) -> Option<Legacy> {
    let (mut tcvn3, mut vni) = (0, 0);
    for word in text.split(|c: char| c.is_whitespace() || ",.;:!?()\"'“”«»".contains(c)) {
        // A legacy mark stands inside a word, next to plain letters:
        // "nh©n", "tØnh", "Vieät"; not "±2" or "m²".
        let chars: Vec<char> = word.chars().collect();
        if !chars.iter().any(char::is_ascii_alphabetic) {
            continue;
        }
        let odd = |marks: &str| {
            chars.iter().enumerate().any(|(i, c)| {
                marks.contains(*c)
                    && !VIETNAMESE_LATIN1.contains(*c)
                    && (i > 0 && chars[i - 1].is_ascii_alphabetic()
                        || chars.get(i + 1).is_some_and(char::is_ascii_alphabetic))
            })
        };
        if odd(TCVN3_MARKS) {
            tcvn3 += 1;
        } else if odd(VNI_MARKS) {
            vni += 1;
        }
    }
    match (tcvn3, vni) {
        (t, v) if t >= 2 && t >= v => Some(Legacy::Tcvn3),
        (_, v) if v >= 2 => Some(Legacy::Vni),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_but_not_line_ends_or_tabs() {
        assert_eq!(control_character("dòng một\ndòng\thai"), None);
        assert_eq!(control_character("chuông\u{7}"), Some(('\u{7}', 7)));
        assert_eq!(control_character("a\u{1b}[31m"), Some(('\u{1b}', 2)));
    }

    #[test]
    fn legacy_encodings_are_recognised() {
        assert_eq!(
            legacy_encoding("Uû ban nh©n d©n tØnh Lµo Cai"),
            Some(Legacy::Tcvn3)
        );
        assert_eq!(
            legacy_encoding("§¶ng bé tØnh L©m §ång"),
            Some(Legacy::Tcvn3)
        );
        assert_eq!(
            legacy_encoding("UÛy ban nhaân daân tænh Laøo Cai"),
            Some(Legacy::Vni)
        );
        assert_eq!(legacy_encoding("Ủy ban nhân dân tỉnh Lào Cai"), None);
        assert_eq!(
            legacy_encoding("Đảng bộ tỉnh Lâm Đồng, « trích dẫn » 25°C ± 2"),
            None
        );
        assert_eq!(
            legacy_encoding("Café Ñandú"),
            None,
            "one odd word is not enough"
        );
    }
}
