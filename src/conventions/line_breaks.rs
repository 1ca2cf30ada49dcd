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

/// Words of an administrative unit: a name breaks before them ("ỦY BAN NHÂN
/// DÂN / XÃ TÂN HÒA"), and the unit's place name never breaks.
const ADMINISTRATIVE_UNITS: &[&str] = &[
    "THÀNH PHỐ",
    "TỈNH",
    "ĐẶC KHU",
    "XÃ",
    "PHƯỜNG",
    "THỊ TRẤN",
    "THỊ XÃ",
    "HUYỆN",
    "QUẬN",
    "THÔN",
    "ẤP",
    "BẢN",
    "KHU PHỐ",
    "TỔ DÂN PHỐ",
];

/// Generic names of bodies: a name breaks after them ("ĐẢNG ỦY / PHƯỜNG BẾN
/// THÀNH", "TRUNG TÂM / KIỂM SOÁT BỆNH TẬT"). The longest match wins.
const GENERIC_BODIES: &[&str] = &[
    "ỦY BAN NHÂN DÂN",
    "HỘI ĐỒNG NHÂN DÂN",
    "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM",
    "ỦY BAN MẶT TRẬN TỔ QUỐC",
    "ỦY BAN KIỂM TRA",
    "BAN THƯỜNG VỤ",
    "BAN CHẤP HÀNH",
    "BAN CHỈ ĐẠO",
    "BAN QUẢN LÝ DỰ ÁN",
    "BAN QUẢN LÝ",
    "BAN CÁN SỰ ĐẢNG",
    "ĐẢNG ĐOÀN",
    "ĐẢNG ỦY KHỐI",
    "ĐẢNG ỦY",
    "ĐẢNG BỘ",
    "CHI BỘ",
    "TỈNH ỦY",
    "THÀNH ỦY",
    "HUYỆN ỦY",
    "QUẬN ỦY",
    "THỊ ỦY",
    "VĂN PHÒNG",
    "SỞ",
    "TRUNG TÂM",
    "CHI CỤC",
    "CỤC",
];

/// Words that never part at the end of a line: pairs of syllables that make
/// one word in the names of bodies.
const FIXED_PAIRS: &[&str] = &[
    "ỦY BAN",
    "NHÂN DÂN",
    "HỘI ĐỒNG",
    "THƯỜNG VỤ",
    "CHẤP HÀNH",
    "CHỈ ĐẠO",
    "QUẢN LÝ",
    "DỰ ÁN",
    "CÁN SỰ",
    "ĐẢNG ỦY",
    "ĐẢNG BỘ",
    "ĐẢNG ĐOÀN",
    "CHI BỘ",
    "VĂN PHÒNG",
    "TRUNG TÂM",
    "MẶT TRẬN",
    "TỔ QUỐC",
    "VIỆT NAM",
    "CỘNG SẢN",
    "XÃ HỘI",
    "CHỦ NGHĨA",
    "KIỂM TRA",
    "KIỂM SOÁT",
    "BỆNH TẬT",
    "CƠ QUAN",
    "DOANH NGHIỆP",
    "CHÍNH PHỦ",
    "TRUNG ƯƠNG",
    "CHÍNH TRỊ",
    "HÀNH CHÍNH",
    "NÔNG NGHIỆP",
    "NÔNG THÔN",
    "MÔI TRƯỜNG",
    "TÀI CHÍNH",
    "TÀI NGUYÊN",
    "KẾ HOẠCH",
    "ĐẦU TƯ",
    "XÂY DỰNG",
    "GIAO THÔNG",
    "VẬN TẢI",
    "Y TẾ",
    "GIÁO DỤC",
    "ĐÀO TẠO",
    "KHOA HỌC",
    "CÔNG NGHỆ",
    "CÔNG THƯƠNG",
    "VĂN HÓA",
    "THỂ THAO",
    "DU LỊCH",
    "LAO ĐỘNG",
    "THƯƠNG BINH",
    "NỘI VỤ",
    "NGOẠI VỤ",
    "TƯ PHÁP",
    "THANH TRA",
    "CÔNG AN",
    "QUÂN SỰ",
    "BIÊN PHÒNG",
    "TUYÊN GIÁO",
    "DÂN VẬN",
    "TỔ CHỨC",
    "THÔNG TIN",
    "TRUYỀN THÔNG",
    "PHÁT TRIỂN",
    "DÂN TỘC",
    "TÔN GIÁO",
    "NGÂN HÀNG",
    "BẢO HIỂM",
    "KHO BẠC",
    "NHÀ NƯỚC",
    "TRUNG HỌC",
    "PHỔ THÔNG",
    "CƠ SỞ",
    "TIỂU HỌC",
    "MẦM NON",
    "ĐẠI HỌC",
    "BỆNH VIỆN",
    "ĐA KHOA",
    "CHÁNH VĂN",
    "CHỦ TỊCH",
    "BÍ THƯ",
    "GIÁM ĐỐC",
    "BỘ TRƯỞNG",
    "THỨ TRƯỞNG",
    "CHỦ NHIỆM",
    "THỦ TƯỚNG",
    "TỈNH ỦY",
    "THÀNH ỦY",
    "HUYỆN ỦY",
    "QUẬN ỦY",
    "THỊ ỦY",
    "THÀNH PHỐ",
    "ĐẶC KHU",
    "THỊ TRẤN",
    "THỊ XÃ",
    "KHU PHỐ",
];

/// Words that hold on to the word after them.
const LEADING_WORDS: &[&str] = &["VÀ", "CÁC", "CỦA", "VỀ"];

/// Abbreviations of authority, held to the body or title they stand for.
const AUTHORITIES: &[&str] = &["T/M", "K/T", "T/L", "TM.", "KT.", "TL.", "TUQ.", "Q."];

/// How a name may break between two words.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Between units: where a name breaks first.
    Unit,
    /// Where it may break when no unit break serves.
    Soft,
    /// Never.
    Hard,
}

/// A line of a body's name (or of a signer's authority) in its units,
/// which lines break between: before an administrative unit ("XÃ TÂN HÒA")
/// and after a body's generic name ("ỦY BAN NHÂN DÂN"). Inside a unit, a
/// space is a place where the line may still break if a unit does not fit
/// its column, a no-break space one where it never does: inside a fixed
/// pair ("NHÂN DÂN"), a place name, after a number or an authority.
/// `line` is in capitals.
pub fn name_units(line: &str) -> Vec<String> {
    // Words joined by a no-break space already (a number) stay one.
    let words: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
    let n = words.len();
    let mut gaps = vec![Gap::Soft; n];
    // The gaps between the words `from` to `to` (exclusive) never break.
    fn hold(gaps: &mut [Gap], from: usize, to: usize) {
        for g in gaps.iter_mut().take(to).skip(from + 1) {
            *g = Gap::Hard;
        }
    }
    let starts = |i: usize, list: &[&str]| -> Option<usize> {
        list.iter()
            .map(|phrase| phrase.split(' ').collect::<Vec<_>>())
            .filter(|p| words.get(i..i + p.len()) == Some(&p[..]))
            .map(|p| p.len())
            .max()
    };
    let mut i = 0;
    while i < n {
        let pair = starts(i, FIXED_PAIRS).unwrap_or(0);
        if let Some(len) = starts(i, GENERIC_BODIES) {
            if i + len < n {
                gaps[i + len] = Gap::Unit;
            }
            i += len;
        } else if let Some(len) = starts(i, ADMINISTRATIVE_UNITS).filter(|&len| len >= pair) {
            // The unit and its place name, up to the next unit or body.
            let mut end = i + len;
            while end < n
                && starts(end, ADMINISTRATIVE_UNITS).is_none()
                && starts(end, GENERIC_BODIES).is_none()
            {
                end += 1;
            }
            if i > 0 {
                gaps[i] = Gap::Unit;
            }
            hold(&mut gaps, i, end);
            i = end;
        } else {
            i += 1;
        }
    }
    for i in 0..n {
        if let Some(len) = starts(i, FIXED_PAIRS) {
            hold(&mut gaps, i, i + len);
        }
        let holds_on = LEADING_WORDS.contains(&words[i]) || AUTHORITIES.contains(&words[i]);
        if holds_on && i + 1 < n {
            gaps[i + 1] = Gap::Hard;
        }
    }
    let mut units: Vec<String> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        match gaps[i] {
            _ if i == 0 => units.push((*word).to_owned()),
            Gap::Unit => units.push((*word).to_owned()),
            gap => {
                let unit = units.last_mut().expect("a unit before");
                unit.push(if gap == Gap::Hard { NBSP } else { ' ' });
                unit.push_str(word);
            }
        }
    }
    units
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

    fn units(line: &str) -> Vec<String> {
        name_units(line)
            .iter()
            .map(|u| u.replace(NBSP, "~"))
            .collect()
    }

    #[test]
    fn names_break_between_their_units() {
        let cases: &[(&str, &[&str])] = &[
            (
                "ỦY BAN NHÂN DÂN XÃ TÂN HÒA",
                &["ỦY~BAN NHÂN~DÂN", "XÃ~TÂN~HÒA"],
            ),
            ("ĐẢNG ỦY PHƯỜNG BẾN THÀNH", &["ĐẢNG~ỦY", "PHƯỜNG~BẾN~THÀNH"]),
            (
                "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH",
                &["ĐẢNG~BỘ", "THÀNH~PHỐ~HỒ~CHÍ~MINH"],
            ),
            (
                "TRUNG TÂM KIỂM SOÁT BỆNH TẬT",
                &["TRUNG~TÂM", "KIỂM~SOÁT BỆNH~TẬT"],
            ),
            (
                "VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN VÀ ỦY BAN NHÂN DÂN",
                &["VĂN~PHÒNG", "HỘI~ĐỒNG NHÂN~DÂN", "VÀ~ỦY~BAN NHÂN~DÂN"],
            ),
            (
                "ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH",
                &["ĐẢNG~ỦY KHỐI", "CÁC~CƠ~QUAN VÀ~DOANH~NGHIỆP", "TỈNH"],
            ),
            (
                "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
                &["SỞ", "LAO~ĐỘNG - THƯƠNG~BINH VÀ~XÃ~HỘI"],
            ),
            (
                "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
                &["BỘ NÔNG~NGHIỆP VÀ~MÔI~TRƯỜNG"],
            ),
            ("TM. ỦY BAN NHÂN DÂN", &["TM.~ỦY~BAN NHÂN~DÂN"]),
            ("HUYỆN ỦY ĐƠN DƯƠNG", &["HUYỆN~ỦY", "ĐƠN DƯƠNG"]),
            (
                "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH LÀO CAI",
                &["ỦY~BAN MẶT~TRẬN TỔ~QUỐC VIỆT~NAM", "TỈNH~LÀO~CAI"],
            ),
            (
                "TRƯỜNG THPT SỐ 2\u{a0}BẢO THẮNG",
                &["TRƯỜNG THPT SỐ 2~BẢO THẮNG"],
            ),
        ];
        for (line, expected) in cases {
            assert_eq!(units(line), *expected, "{line}");
        }
    }

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
