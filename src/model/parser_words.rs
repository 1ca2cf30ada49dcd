//! The parsers' messages in Vietnamese. The TOML and JSON parsers, the date
//! parser and serde write English; a secretary reads none of it. Every
//! message they can write is here, and one they might add later reads as a
//! plain "wrong syntax" rather than in English.

/// The TOML parser's "what, expected what".
pub fn toml_syntax(message: &str) -> String {
    const WHAT: &[(&str, &str)] = &[
        (
            "invalid basic string",
            "văn bản trong dấu nháy kép chưa đóng hoặc không hợp lệ",
        ),
        (
            "invalid literal string",
            "văn bản trong dấu nháy đơn chưa đóng hoặc không hợp lệ",
        ),
        (
            "invalid multi-line basic string",
            "văn bản nhiều dòng trong \"\"\" chưa đóng hoặc không hợp lệ",
        ),
        (
            "invalid multi-line literal string",
            "văn bản nhiều dòng trong ''' chưa đóng hoặc không hợp lệ",
        ),
        ("invalid string", "văn bản không hợp lệ"),
        (
            "string values must be quoted",
            "văn bản phải đặt trong dấu nháy kép",
        ),
        ("missing opening quote", "thiếu dấu nháy mở"),
        ("missing escaped value", "thiếu ký tự sau dấu \\"),
        (
            "too few unicode value digits",
            "mã Unicode sau \\u hoặc \\U chưa đủ chữ số",
        ),
        ("duplicate key", "trường này đã được viết ở trên"),
        ("unclosed table", "tiêu đề bảng chưa đóng"),
        ("unclosed array table", "tiêu đề bảng [[…]] chưa đóng"),
        ("invalid table", "tiêu đề bảng không hợp lệ"),
        ("missing table open", "thiếu dấu [ mở tiêu đề bảng"),
        ("unclosed array", "danh sách chưa đóng"),
        ("missing array opening", "thiếu dấu [ mở danh sách"),
        (
            "missing comma between array elements",
            "thiếu dấu phẩy giữa các phần tử của danh sách",
        ),
        ("extra comma in array", "thừa dấu phẩy trong danh sách"),
        ("unexpected `=` in array", "có dấu `=` ở giữa danh sách"),
        ("unclosed inline table", "bảng { … } chưa đóng"),
        ("missing inline table opening", "thiếu dấu { mở bảng"),
        (
            "missing key for inline table element",
            "thiếu tên trường trong bảng { … }",
        ),
        (
            "invalid inline table element",
            "phần tử không hợp lệ trong bảng { … }",
        ),
        (
            "extra comma in inline table",
            "thừa dấu phẩy trong bảng { … }",
        ),
        (
            "missing comma between key-value pairs",
            "thiếu dấu phẩy giữa các trường",
        ),
        (
            "missing assignment between key-value pairs",
            "thiếu dấu `=` giữa tên trường và giá trị",
        ),
        ("extra assignment between key-value pairs", "thừa dấu `=`"),
        ("extra `=`", "thừa dấu `=`"),
        ("key with no value", "tên trường thiếu dấu `=` và giá trị"),
        (
            "invalid key-value pair",
            "dòng này không theo dạng tên = giá trị",
        ),
        ("missing value", "thiếu giá trị"),
        ("missing value for key", "thiếu giá trị của trường"),
        ("invalid value", "giá trị không hợp lệ"),
        ("invalid key", "tên trường không hợp lệ"),
        ("invalid unquoted key", "tên trường không hợp lệ"),
        (
            "unquoted keys cannot be empty",
            "tên trường không được để trống",
        ),
        (
            "keys cannot be multi-line basic strings",
            "tên trường không viết trong \"\"\" được",
        ),
        (
            "keys cannot be multi-line literal strings",
            "tên trường không viết trong ''' được",
        ),
        ("unexpected content", "có nội dung thừa"),
        (
            "unexpected content between comment and newline",
            "có nội dung thừa sau ghi chú",
        ),
        (
            "unexpected key or value",
            "tên trường hoặc giá trị đặt sai chỗ",
        ),
        ("missing comment start", "thiếu dấu # mở ghi chú"),
        ("invalid comment character", "ghi chú có ký tự không hợp lệ"),
        (
            "carriage return must be followed by newline",
            "có ký tự xuống dòng CR đứng lẻ",
        ),
        ("invalid date-time", "ngày giờ không hợp lệ"),
        ("invalid datetime", "ngày giờ không hợp lệ"),
        ("invalid date", "ngày không hợp lệ"),
        ("invalid time", "giờ không hợp lệ"),
        ("invalid offset", "múi giờ không hợp lệ"),
        ("invalid boolean", "giá trị không hợp lệ"),
        ("invalid integer number", "số nguyên không hợp lệ"),
        (
            "unexpected leading zero",
            "số không được bắt đầu bằng chữ số 0",
        ),
        ("integer number overflowed", "số quá lớn"),
        ("floating-point number overflowed", "số quá lớn"),
        (
            "`_` may only go between digits",
            "dấu _ chỉ được đặt giữa các chữ số",
        ),
        ("unexpected sign", "dấu + hoặc - đặt sai chỗ"),
        ("recursion limit", "các bảng và danh sách lồng nhau quá sâu"),
        (
            "cannot recurse further; max recursion depth met",
            "các bảng và danh sách lồng nhau quá sâu",
        ),
    ];
    /// Any message starting so is about a number written wrong.
    const NUMBER: &[&str] = &[
        "invalid float",
        "invalid mantissa",
        "invalid fraction",
        "invalid exponent",
        "invalid hexadecimal",
        "invalid octal",
        "invalid binary",
        "integers with a radix",
        "radix must be",
        "redundant",
    ];
    let (what, expected) = match message.split_once(", expected ") {
        Some((what, expected)) => (what, Some(expected)),
        None => (message, None),
    };
    let what = if let Some((_, vietnamese)) = WHAT.iter().find(|(english, _)| *english == what) {
        *vietnamese
    } else if NUMBER.iter().any(|n| what.starts_with(n)) {
        "số không hợp lệ"
    } else if what.starts_with("cannot extend value of type") {
        "tên trường có dấu chấm trùng với một trường đã viết ở trên"
    } else {
        "dòng này viết sai cú pháp"
    };
    match expected.map(expectations).filter(|e| !e.is_empty()) {
        Some(expected) => format!("{what}, cần {expected}"),
        None => what.to_owned(),
    }
}

/// "`]`, newline, a two-digit month (MM)" in Vietnamese, without what a
/// secretary cannot act on.
fn expectations(list: &str) -> String {
    let words: Vec<String> = list
        .split(", ")
        .filter_map(|item| {
            if item.starts_with('`') && item.ends_with('`') {
                return Some(item.to_owned());
            }
            let word = match item {
                "newline" => "xuống dòng",
                "value" => "một giá trị",
                "key" => "tên trường",
                "literal string" | "basic string" | "multi-line basic string" => {
                    "văn bản trong dấu nháy"
                }
                "digits" | "numbers" => "chữ số",
                "letters" => "chữ cái",
                "unicode hexadecimal value" => "mã Unicode (chữ số hệ 16)",
                "a four-digit year (YYYY)" => "năm đủ bốn chữ số (YYYY)",
                "a two-digit month (MM)" => "tháng đủ hai chữ số (MM)",
                "a two-digit day (DD)" => "ngày đủ hai chữ số (DD)",
                _ => return range(item),
            };
            Some(word.to_owned())
        })
        .collect();
    words.join(" hoặc ")
}

/// toml_datetime's "month between 01 and 12" in Vietnamese.
pub fn range(expected: &str) -> Option<String> {
    let (unit, bounds) = expected.split_once(" between ")?;
    let (low, high) = bounds.split_once(" and ")?;
    let unit = match unit {
        "day" => "ngày",
        "month" => "tháng",
        "hour" => "giờ",
        "minute" => "phút",
        "second" => "giây",
        _ => return None,
    };
    Some(format!("{unit} từ {low} đến {high}"))
}

/// serde_json's syntax messages.
pub fn json_syntax(message: &str) -> String {
    const WHAT: &[(&str, &str)] = &[
        (
            "EOF while parsing a list",
            "tệp hết mà danh sách [ … ] chưa đóng",
        ),
        (
            "EOF while parsing an object",
            "tệp hết mà đối tượng { … } chưa đóng",
        ),
        (
            "EOF while parsing a string",
            "tệp hết mà văn bản trong dấu nháy chưa đóng",
        ),
        ("EOF while parsing a value", "tệp hết mà còn thiếu giá trị"),
        ("expected `:`", "thiếu dấu `:` sau tên trường"),
        ("expected `,` or `]`", "thiếu dấu `,` hoặc `]`"),
        ("expected `,` or `}`", "thiếu dấu `,` hoặc `}`"),
        ("expected ident", "giá trị không hợp lệ"),
        ("expected value", "thiếu giá trị hoặc giá trị không hợp lệ"),
        ("expected `\"`", "thiếu dấu nháy kép"),
        ("invalid escape", "sau dấu \\ là ký tự không hợp lệ"),
        ("invalid number", "số không hợp lệ"),
        ("number out of range", "số quá lớn"),
        ("invalid unicode code point", "mã Unicode không hợp lệ"),
        (
            "control character (\\u0000-\\u001F) found while parsing a string",
            "văn bản có ký tự điều khiển (xuống dòng hay tab phải viết \\n, \\t)",
        ),
        (
            "key must be a string",
            "tên trường phải đặt trong dấu nháy kép",
        ),
        (
            "lone leading surrogate in hex escape",
            "mã Unicode không hợp lệ",
        ),
        ("unexpected end of hex escape", "mã Unicode chưa đủ chữ số"),
        ("trailing comma", "thừa dấu phẩy trước dấu đóng"),
        (
            "trailing characters",
            "có nội dung thừa sau dấu đóng cuối cùng",
        ),
        (
            "recursion limit exceeded",
            "các đối tượng và danh sách lồng nhau quá sâu",
        ),
    ];
    WHAT.iter()
        .find(|(english, _)| *english == message)
        .map_or("sai cú pháp", |(_, vietnamese)| vietnamese)
        .to_owned()
}

/// serde's messages for values of the right syntax but the wrong shape,
/// other than the unknown field, missing field and wrong type that
/// `errors` explains with hints.
pub fn serde_data(message: &str) -> Option<String> {
    if let Some(field) = message.strip_prefix("duplicate field `") {
        let field = field.split('`').next().unwrap_or_default();
        return Some(format!("trường `{field}` được viết hai lần"));
    }
    if message.starts_with("invalid value") || message.starts_with("invalid length") {
        return Some("giá trị không hợp lệ".to_owned());
    }
    if message.starts_with("unknown variant") {
        return Some("giá trị không có trong các giá trị được phép".to_owned());
    }
    if message.contains("overflowed") || message.contains("out of range") {
        return Some("số quá lớn".to_owned());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_messages_read_in_vietnamese() {
        assert_eq!(
            toml_syntax("unclosed table, expected `]`"),
            "tiêu đề bảng chưa đóng, cần `]`"
        );
        assert_eq!(
            toml_syntax("duplicate key"),
            "trường này đã được viết ở trên"
        );
        assert_eq!(
            toml_syntax("unexpected key or value, expected newline, `#`"),
            "tên trường hoặc giá trị đặt sai chỗ, cần xuống dòng hoặc `#`"
        );
        assert_eq!(
            toml_syntax("invalid date, expected a two-digit month (MM)"),
            "ngày không hợp lệ, cần tháng đủ hai chữ số (MM)"
        );
        assert_eq!(
            toml_syntax("invalid time, expected hour between 00 and 23"),
            "giờ không hợp lệ, cần giờ từ 00 đến 23"
        );
        // What a secretary cannot act on is left out, English never shown.
        assert_eq!(
            toml_syntax("unexpected leading zero, expected nothing"),
            "số không được bắt đầu bằng chữ số 0"
        );
        assert_eq!(toml_syntax("invalid mantissa"), "số không hợp lệ");
        assert_eq!(
            toml_syntax("something new, expected etc"),
            "dòng này viết sai cú pháp"
        );
    }

    #[test]
    fn json_and_serde_messages_read_in_vietnamese() {
        assert_eq!(
            json_syntax("trailing comma"),
            "thừa dấu phẩy trước dấu đóng"
        );
        assert_eq!(json_syntax("something new"), "sai cú pháp");
        assert_eq!(
            serde_data("duplicate field `kind`").as_deref(),
            Some("trường `kind` được viết hai lần")
        );
    }
}
