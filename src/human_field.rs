//! A field's path as people read it. Scripts get the machine path,
//! `directives.items[1].text[0]`, counted from 0; a secretary reads
//! `directives › mục 2 › text › đoạn 1`, counted from 1 as people count,
//! with the word for what the list holds.

/// The path `machine` (as [`crate::Diagnostic::field`] holds it) for people.
/// A path it cannot read is given back as it is.
pub fn human_field(machine: &str) -> String {
    let Some(segments) = segments(machine) else {
        return machine.to_owned();
    };
    let mut out = String::new();
    let mut keys: Vec<&str> = Vec::new();
    for segment in segments {
        match segment {
            Segment::Key(key) => keys.push(key),
            Segment::Index(i) => {
                // `items` is said by "mục"; any other list keeps its name.
                let list = keys.last().copied().unwrap_or_default();
                if list == "items" {
                    keys.pop();
                }
                push_keys(&mut out, &keys);
                keys.clear();
                if !out.is_empty() {
                    out.push_str(" › ");
                }
                out.push_str(&format!("{} {}", entry_word(list), i + 1));
            }
        }
    }
    push_keys(&mut out, &keys);
    out
}

fn push_keys(out: &mut String, keys: &[&str]) {
    if keys.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push_str(" › ");
    }
    out.push_str(&keys.join("."));
}

/// What one entry of the list `key` is called.
fn entry_word(key: &str) -> &'static str {
    match key {
        "summary" | "authority" | "to" => "dòng",
        "opening" | "closing" | "text" => "đoạn",
        "labels" => "cấp",
        _ => "mục",
    }
}

enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// `a.b[2].c` as keys and indices; `None` for anything else.
fn segments(path: &str) -> Option<Vec<Segment<'_>>> {
    let mut out = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let (digits, tail) = after.split_once(']')?;
            out.push(Segment::Index(digits.parse().ok()?));
            rest = tail;
        } else {
            let rest_key = rest.strip_prefix('.').unwrap_or(rest);
            let end = rest_key.find(['.', '[']).unwrap_or(rest_key.len());
            if end == 0 {
                return None;
            }
            out.push(Segment::Key(&rest_key[..end]));
            rest = &rest_key[end..];
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::human_field;

    #[test]
    fn items_are_counted_from_one() {
        for (machine, human) in [
            ("directives.items[1]", "directives › mục 2"),
            (
                "findings.items[0].items[2].text[1]",
                "findings › mục 1 › mục 3 › text › đoạn 2",
            ),
            ("findings.items[0].title", "findings › mục 1 › title"),
            ("summary[1]", "summary › dòng 2"),
            ("signature.authority[0]", "signature.authority › dòng 1"),
            ("limitations.labels[0]", "limitations.labels › cấp 1"),
            ("lint.allow[0]", "lint.allow › mục 1"),
            ("signature.name", "signature.name"),
            ("place", "place"),
        ] {
            assert_eq!(human_field(machine), human, "{machine}");
        }
    }

    #[test]
    fn an_odd_path_is_kept() {
        assert_eq!(human_field("a[x]"), "a[x]");
        assert_eq!(human_field("kính gửi"), "kính gửi");
    }
}
