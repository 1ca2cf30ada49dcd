//! The TOML input as the form's JSON, and the form's JSON written back
//! into the TOML so that what the user did not touch keeps its comments,
//! order and layout: only values that changed are rewritten.

use serde_json::{Map, Number, Value as Json};
use toml_edit::{Array, DocumentMut, InlineTable, Item, Table, TableLike, Value};

/// Why a TOML text cannot be edited in the form.
pub type SyntaxError = String;

/// Parses TOML text for editing.
pub fn parse(text: &str) -> Result<DocumentMut, SyntaxError> {
    text.parse::<DocumentMut>().map_err(|e| e.to_string())
}

/// The document as JSON: tables become objects, a date becomes the text
/// "2020-11-05".
pub fn to_json(doc: &DocumentMut) -> Json {
    table_to_json(doc.as_table())
}

fn table_to_json(table: &dyn TableLike) -> Json {
    let mut map = Map::new();
    for (key, item) in table.iter() {
        if let Some(v) = item_to_json(item) {
            map.insert(key.to_owned(), v);
        }
    }
    Json::Object(map)
}

fn item_to_json(item: &Item) -> Option<Json> {
    match item {
        Item::None => None,
        Item::Value(v) => Some(value_to_json(v)),
        Item::Table(t) => Some(table_to_json(t)),
        Item::ArrayOfTables(a) => Some(Json::Array(a.iter().map(|t| table_to_json(t)).collect())),
    }
}

fn value_to_json(value: &Value) -> Json {
    match value {
        Value::String(s) => Json::String(s.value().clone()),
        Value::Integer(i) => Json::Number((*i.value()).into()),
        Value::Float(f) => Number::from_f64(*f.value()).map_or(Json::Null, Json::Number),
        Value::Boolean(b) => Json::Bool(*b.value()),
        Value::Datetime(d) => Json::String(d.value().to_string()),
        Value::Array(a) => Json::Array(a.iter().map(value_to_json).collect()),
        Value::InlineTable(t) => table_to_json(t),
    }
}

/// Writes `json` (an object) into `doc`, changing only what differs.
pub fn merge(doc: &mut DocumentMut, json: &Map<String, Json>) {
    let added = merge_table(doc.as_table_mut(), json, 0);
    place_added(doc.as_table_mut(), &added);
}

/// The order fields are written in when they are new: the order of
/// docs/schema.md. (JSON objects here keep no order of their own.)
const FIELD_ORDER: &[&str] = &[
    "schema",
    "kind",
    "standard",
    "guide",
    "template",
    "number",
    "place",
    "date",
    "year",
    "month",
    "day",
    "summary",
    "to",
    "opening",
    "issuer",
    "superior",
    "heading",
    "lead",
    "numbered",
    "restart_numbering",
    "labels",
    "authority",
    "title",
    "text",
    "items",
    "findings",
    "limitations",
    "directives",
    "closing",
    "footnotes",
    "name",
    "code",
    "contact",
    "image",
    "seal",
    "seal_diameter_mm",
    "signature",
    "recipients",
    "archive",
    "drafter",
    "copies",
    "layout",
    "lint",
    "allow",
];

fn rank(key: &str) -> usize {
    FIELD_ORDER
        .iter()
        .position(|f| *f == key)
        .unwrap_or(FIELD_ORDER.len())
}

/// The entries of an object in the order they are written: known fields
/// in schema order, then the rest (footnote ids) by number, then by name.
fn ordered(map: &Map<String, Json>) -> Vec<(&String, &Json)> {
    let mut entries: Vec<(&String, &Json)> = map.iter().collect();
    entries.sort_by_key(|(k, _)| (rank(k), k.parse::<u64>().unwrap_or(u64::MAX), (*k).clone()));
    entries
}

/// Gives the keys it added, which went at the table's end.
fn merge_table(table: &mut dyn TableLike, json: &Map<String, Json>, depth: usize) -> Vec<String> {
    let gone: Vec<String> = table
        .iter()
        .map(|(k, _)| k.to_owned())
        .filter(|k| !json.contains_key(k))
        .collect();
    for key in gone {
        table.remove(&key);
    }
    let mut added = Vec::new();
    for (key, new) in ordered(json) {
        match table.get_mut(key) {
            Some(item) => merge_item(item, key, new, depth + 1),
            None => {
                // Sections are [tables]; what lies inside them is inline.
                let item = if depth == 0 && new.is_object() && key != "date" {
                    Item::Table(new_table(new))
                } else {
                    Item::Value(new_value(key, new))
                };
                table.insert(key, item);
                added.push(key.clone());
            }
        }
    }
    added
}

/// Moves the keys just added to a table from its end to where a person
/// would write them: after the last key that comes before them in schema
/// order (`guide` after `kind`, `restart_numbering` after `numbered`),
/// before everything when none does. The other keys keep their order.
fn place_added(table: &mut Table, added: &[String]) {
    if added.is_empty() {
        return;
    }
    let kept: Vec<String> = table
        .iter()
        .map(|(k, _)| k.to_owned())
        .filter(|k| !added.contains(k))
        .collect();
    let mut slot: std::collections::HashMap<&str, (usize, usize)> = kept
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), (i, 1)))
        .collect();
    for (n, key) in added.iter().enumerate() {
        let place = match kept.iter().rposition(|k| rank(k) <= rank(key)) {
            Some(i) => (i, 2 + n),
            None => (0, 0),
        };
        slot.insert(key, place);
    }
    // Keys of dotted tables inside are not ours to move: equal, they stay.
    let at = |k: &toml_edit::Key| slot.get(k.get()).copied().unwrap_or_default();
    table.sort_values_by(|a, _, b, _| at(a).cmp(&at(b)));
}

fn merge_item(item: &mut Item, key: &str, new: &Json, depth: usize) {
    if item_to_json(item).as_ref() == Some(new) {
        return;
    }
    match (item, new) {
        (Item::Table(t), Json::Object(map)) => {
            let added = merge_table(t, map, depth);
            place_added(t, &added);
        }
        (Item::Value(v), new) => merge_value(v, key, new, depth),
        (item @ Item::ArrayOfTables(_), Json::Array(list)) if list.iter().all(Json::is_object) => {
            let mut tables = toml_edit::ArrayOfTables::new();
            for entry in list {
                tables.push(new_table(entry));
            }
            *item = Item::ArrayOfTables(tables);
        }
        (item, new) => *item = Item::Value(new_value(key, new)),
    }
}

fn merge_value(value: &mut Value, key: &str, new: &Json, depth: usize) {
    if value_to_json(value) == *new {
        return;
    }
    match (value, new) {
        (Value::InlineTable(t), Json::Object(map)) => {
            merge_table(t, map, depth);
        }
        (Value::Array(a), Json::Array(list)) => merge_array(a, key, list, depth),
        (value, new) => {
            // The comment after the value, and the space before it, stay.
            let decor = value.decor().clone();
            *value = new_value(key, new);
            *value.decor_mut() = decor;
        }
    }
}

/// One step that turns the old list into the new one.
enum Step {
    Keep(usize),
    Change(usize, usize),
    Insert(usize),
}

/// Keeps the entries that did not change (with their comments), edits in
/// place those that did, and adds or drops the rest.
fn merge_array(array: &mut Array, key: &str, new: &[Json], depth: usize) {
    let old: Vec<Json> = array.iter().map(value_to_json).collect();
    let steps = align(&old, new);
    let prefix = |v: &Value| {
        v.decor()
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or_default()
            .to_owned()
    };
    let multiline = array.iter().any(|v| prefix(v).contains('\n'));
    if !multiline {
        let mut values: Vec<Value> = Vec::with_capacity(new.len());
        for step in steps {
            values.push(match step {
                Step::Keep(i) => array
                    .get(i)
                    .cloned()
                    .unwrap_or_else(|| new_value(key, &old[i])),
                Step::Change(i, j) => changed(array.get(i), key, &new[j], depth),
                Step::Insert(j) => new_value(key, &new[j]),
            });
        }
        array.clear();
        for (n, mut v) in values.into_iter().enumerate() {
            v.decor_mut().set_prefix(if n == 0 { "" } else { " " });
            array.push_formatted(v);
        }
        return;
    }
    // In a list of one entry a line, a comment after an entry's comma is
    // kept by the next entry (or the list's end) as the start of its
    // prefix; it goes with the entry it follows.
    let split = |text: &str| match text.find('\n') {
        Some(at) => (text[..at].to_owned(), text[at..].to_owned()),
        None => (text.to_owned(), String::new()),
    };
    let prefixes: Vec<(String, String)> = array.iter().map(|v| split(&prefix(v))).collect();
    let trailing = array.trailing().as_str().unwrap_or_default().to_owned();
    let (last_comment, end) = split(&trailing);
    let head = prefixes.first().map(|(h, _)| h.clone()).unwrap_or_default();
    let indent = prefixes
        .iter()
        .map(|(_, own)| own.clone())
        .find(|own| !own.is_empty())
        .unwrap_or_else(|| "\n    ".to_owned());
    let comment_after = |i: usize| {
        prefixes
            .get(i + 1)
            .map_or_else(|| last_comment.clone(), |(c, _)| c.clone())
    };
    // Each entry with its own line start and the comment after it.
    let mut entries: Vec<(Value, String, String)> = Vec::with_capacity(new.len());
    for step in steps {
        entries.push(match step {
            Step::Keep(i) | Step::Change(i, _) => {
                let value = match step {
                    Step::Change(_, j) => changed(array.get(i), key, &new[j], depth),
                    _ => array
                        .get(i)
                        .cloned()
                        .unwrap_or_else(|| new_value(key, &old[i])),
                };
                (value, prefixes[i].1.clone(), comment_after(i))
            }
            Step::Insert(j) => (new_value(key, &new[j]), indent.clone(), String::new()),
        });
    }
    array.clear();
    let mut before = head;
    for (mut value, own, comment) in entries {
        let own = if own.is_empty() { indent.clone() } else { own };
        value.decor_mut().set_prefix(format!("{before}{own}"));
        array.push_formatted(value);
        before = comment;
    }
    array.set_trailing_comma(true);
    let end = if end.is_empty() { "\n".to_owned() } else { end };
    array.set_trailing(format!("{before}{end}"));
}

/// An old entry with a new value, keeping its decoration.
fn changed(old: Option<&Value>, key: &str, new: &Json, depth: usize) -> Value {
    match old {
        Some(v) => {
            let mut v = v.clone();
            merge_value(&mut v, key, new, depth + 1);
            v
        }
        None => new_value(key, new),
    }
}

/// The steps from `old` to `new` that keep the most entries: a longest
/// common subsequence, with a dropped entry next to an added one read as
/// one entry changed.
fn align(old: &[Json], new: &[Json]) -> Vec<Step> {
    let (n, m) = (old.len(), new.len());
    // Lists in a document are short; a quadratic table is fine.
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if old[i] == new[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut steps = Vec::new();
    let mut dropped: Vec<usize> = Vec::new();
    while i < n || j < m {
        if i < n && j < m && old[i] == new[j] {
            dropped.clear();
            steps.push(Step::Keep(i));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            // Dropped: remembered, to be edited into the next added entry.
            dropped.insert(0, i);
            i += 1;
        } else {
            match dropped.pop() {
                Some(d) => steps.push(Step::Change(d, j)),
                None => steps.push(Step::Insert(j)),
            }
            j += 1;
        }
    }
    steps
}

fn new_table(json: &Json) -> Table {
    let mut table = Table::new();
    if let Json::Object(map) = json {
        for (k, v) in ordered(map) {
            table.insert(k, Item::Value(new_value(k, v)));
        }
    }
    table
}

/// A value for the JSON; the `date` as a TOML date when it is one.
fn new_value(key: &str, json: &Json) -> Value {
    match json {
        Json::String(s) if key == "date" => s
            .parse::<toml_edit::Datetime>()
            .ok()
            .filter(|d| d.date.is_some() && d.time.is_none())
            .map_or_else(|| Value::from(s.as_str()), Value::from),
        Json::String(s) => Value::from(s.as_str()),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::from(i),
            None => Value::from(n.as_f64().unwrap_or_default()),
        },
        Json::Bool(b) => Value::from(*b),
        Json::Null => Value::from(""),
        Json::Array(list) => {
            let mut array: Array = list.iter().map(|v| new_value(key, v)).collect();
            // Long lists of text read better one entry a line.
            let long = list.iter().map(|v| v.to_string().len()).sum::<usize>() > 60;
            if long && list.len() > 1 {
                for v in array.iter_mut() {
                    v.decor_mut().set_prefix("\n    ");
                }
                array.set_trailing_comma(true);
                array.set_trailing("\n");
            }
            Value::Array(array)
        }
        Json::Object(map) => {
            let mut table = InlineTable::new();
            for (k, v) in ordered(map) {
                table.insert(k, new_value(k, v));
            }
            Value::InlineTable(table)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const TEXT: &str = "\
# Ghi chú đầu tệp
kind = \"ket-luan\"   # loại
number = 15
date = 2020-11-05

[findings]
items = [
    \"một\",  # mục một
    \"hai\",
    { title = \"Về ba\", items = [\"ba một\"] },
]

[signature]
title = \"PHÓ BÍ THƯ\"
name = \"Phan Hữu Hoàn\"   # người ký
";

    fn edited(change: impl FnOnce(&mut Json)) -> String {
        let mut doc = parse(TEXT).expect("parses");
        let mut json = to_json(&doc);
        change(&mut json);
        let Json::Object(map) = &json else {
            panic!("an object")
        };
        merge(&mut doc, map);
        let text = doc.to_string();
        // What was written reads back as what the form holds.
        assert_eq!(to_json(&parse(&text).expect("still TOML")), json);
        text
    }

    #[test]
    fn nothing_changed_is_the_same_text() {
        assert_eq!(edited(|_| {}), TEXT);
    }

    #[test]
    fn a_changed_value_keeps_its_comment() {
        let text = edited(|j| j["signature"]["name"] = json!("Nguyễn Văn Ấn"));
        assert_eq!(
            text,
            TEXT.replace(
                "Phan Hữu Hoàn\"   # người ký",
                "Nguyễn Văn Ấn\"   # người ký"
            )
        );
    }

    #[test]
    fn an_added_item_leaves_the_others_and_their_comments() {
        let text = edited(|j| {
            let items = j["findings"]["items"].as_array_mut().expect("list");
            items.insert(1, json!("một rưỡi"));
        });
        assert!(
            text.contains("    \"một\",  # mục một\n    \"một rưỡi\",\n    \"hai\",\n"),
            "{text}"
        );
        assert!(text.starts_with("# Ghi chú đầu tệp\nkind = \"ket-luan\"   # loại\n"));
    }

    #[test]
    fn a_nested_item_changes_in_place() {
        let text = edited(|j| {
            j["findings"]["items"][2]["items"]
                .as_array_mut()
                .expect("list")
                .push(json!("ba hai"));
        });
        assert!(
            text.contains("{ title = \"Về ba\", items = [\"ba một\", \"ba hai\"] },"),
            "{text}"
        );
    }

    #[test]
    fn new_fields_go_where_a_person_would_write_them() {
        let text = edited(|j| {
            j["guide"] = json!("hd05");
            j["directives"] = json!({"items": ["bốn"], "restart_numbering": true});
            j["signature"]["image"] = json!("chu-ky.png");
            j["findings"]["lead"] = json!(["Câu dẫn."]);
        });
        assert!(
            text.starts_with(
                "# Ghi chú đầu tệp\nkind = \"ket-luan\"   # loại\nguide = \"hd05\"\nnumber = 15\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("\n[findings]\nlead = [\"Câu dẫn.\"]\nitems = [\n"),
            "{text}"
        );
        assert!(
            text.contains(
                "\n[directives]\nrestart_numbering = true\nitems = [\"bốn\"]\n\n[signature]\n"
            ),
            "{text}"
        );
        assert!(
            text.ends_with("# người ký\nimage = \"chu-ky.png\"\n"),
            "{text}"
        );
    }

    #[test]
    fn dates_numbers_and_tables_come_and_go() {
        let text = edited(|j| {
            j["date"] = json!({"year": 2020, "month": 11});
            j.as_object_mut().expect("object").remove("number");
            j["recipients"] = json!({"items": ["Văn phòng Tỉnh ủy"], "archive": "VPHU"});
        });
        assert!(
            text.contains("date = { year = 2020, month = 11 }\n"),
            "{text}"
        );
        assert!(!text.contains("number"));
        assert!(
            text.contains("[recipients]\nitems = [\"Văn phòng Tỉnh ủy\"]\narchive = \"VPHU\"\n"),
            "{text}"
        );
        let back = edited(|j| j["date"] = json!("2020-11-05"));
        assert!(back.contains("date = 2020-11-05\n"));
    }
}
