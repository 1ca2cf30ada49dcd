//! Where a line may break in the names and titles of an official document.
//! The places are given to the templates as data: a no-break space where
//! a line must not break.

/// The no-break space.
pub const NBSP: char = '\u{a0}';

/// `text` with a number kept on the line of the word after it: "9 tháng",
/// "2025 - 2030 của", "Số 2 Bảo Thắng". A number is a word of digits,
/// with "." "," "/" "-" between them ("6.512,7", "01/2026").
pub fn bind_numbers(text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let mut out = String::with_capacity(text.len());
    for (i, word) in words.iter().enumerate() {
        out.push_str(word);
        let Some(next) = words.get(i + 1) else { break };
        let dash = |w: &str| matches!(w, "-" | "–" | "—");
        // The number, and a dash between numbers, hold on to what follows.
        let holds = !next.is_empty()
            && (is_number(word) || (dash(word) && i > 0 && is_number(words[i - 1])));
        out.push(if holds { NBSP } else { ' ' });
    }
    out
}

fn is_number(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '/' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> String {
        text.replace(NBSP, "~")
    }

    #[test]
    fn numbers_hold_on_to_the_next_word() {
        let cases = [
            (
                "kinh tế - xã hội 9 tháng đầu năm",
                "kinh tế - xã hội 9~tháng đầu năm",
            ),
            (
                "giai đoạn 2025 - 2030 của tỉnh",
                "giai đoạn 2025~-~2030~của tỉnh",
            ),
            ("TRƯỜNG THPT SỐ 2 BẢO THẮNG", "TRƯỜNG THPT SỐ 2~BẢO THẮNG"),
            ("vốn 6.512,7 tỷ đồng", "vốn 6.512,7~tỷ đồng"),
            ("tháng 01/2026 và", "tháng 01/2026~và"),
            ("năm 2025", "năm 2025"),
            ("kinh tế - xã hội", "kinh tế - xã hội"),
        ];
        for (text, expected) in cases {
            assert_eq!(shown(&bind_numbers(text)), expected, "{text}");
        }
    }
}
