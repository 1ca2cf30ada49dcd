//! The input schema, version 1, as serde reads it. Nothing here is checked
//! beyond its type; `validate` turns it into a `Document`.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    pub schema: Option<i64>,
    pub kind: String,
    pub standard: Option<String>,
    /// "hd36", "hd05", "nd30": a guide other than the one of the date.
    pub guide: Option<String>,
    pub template: Option<String>,
    pub layout: Option<crate::conventions::Overrides>,
    pub lint: Option<RawLint>,
    pub issuer: RawIssuer,
    pub number: Option<i64>,
    pub place: String,
    pub date: RawDate,
    pub summary: Texts,
    #[serde(default)]
    pub to: Texts,
    #[serde(default)]
    pub opening: Texts,
    pub findings: Option<RawPart>,
    pub limitations: Option<RawPart>,
    pub directives: Option<RawPart>,
    #[serde(default)]
    pub closing: Texts,
    #[serde(default)]
    pub footnotes: BTreeMap<String, String>,
    pub signature: RawSignature,
    pub recipients: RawRecipients,
}

/// Top-level field names, for hints about fields written in the wrong place.
pub const DOCUMENT_FIELDS: &[&str] = &[
    "schema",
    "kind",
    "issuer",
    "number",
    "place",
    "date",
    "summary",
    "opening",
    "findings",
    "limitations",
    "directives",
    "closing",
    "footnotes",
    "signature",
    "recipients",
    "guide",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIssuer {
    pub superior: Option<String>,
    pub name: String,
    pub code: String,
    /// The issuer's address, telephone, email … (ô 13), one entry a line.
    #[serde(default)]
    pub contact: Texts,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPart {
    pub heading: Option<String>,
    #[serde(default)]
    pub lead: Texts,
    #[serde(default)]
    pub numbered: bool,
    #[serde(default)]
    pub restart_numbering: bool,
    pub labels: Option<Vec<String>>,
    #[serde(default)]
    pub items: Vec<RawItem>,
}

#[derive(Debug)]
pub enum RawItem {
    Text(String),
    Table(RawItemTable),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawItemTable {
    pub title: Option<String>,
    #[serde(default)]
    pub text: Texts,
    #[serde(default)]
    pub items: Vec<RawItem>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSignature {
    #[serde(default)]
    pub authority: Texts,
    pub title: String,
    pub name: String,
    pub image: Option<String>,
    pub seal: Option<String>,
    pub seal_diameter_mm: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRecipients {
    #[serde(default)]
    pub items: Vec<String>,
    pub archive: Option<String>,
    pub drafter: Option<String>,
    pub copies: Option<i64>,
}

/// Lint rules this document switches off.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLint {
    #[serde(default)]
    pub allow: Vec<String>,
}

/// A text or a list of texts: one paragraph or line each.
#[derive(Debug, Default, Clone)]
pub struct Texts(pub Vec<String>);

impl<'de> Deserialize<'de> for Texts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextsVisitor;
        impl<'de> Visitor<'de> for TextsVisitor {
            type Value = Texts;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("văn bản trong dấu nháy, hoặc danh sách văn bản trong [ ]")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Texts, E> {
                Ok(Texts(vec![v.to_owned()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Texts, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    out.push(s);
                }
                Ok(Texts(out))
            }
        }
        deserializer.deserialize_any(TextsVisitor)
    }
}

impl<'de> Deserialize<'de> for RawItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ItemVisitor;
        impl<'de> Visitor<'de> for ItemVisitor {
            type Value = RawItem;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "văn bản trong dấu nháy, hoặc một bảng { title = …, text = …, items = […] }",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawItem, E> {
                Ok(RawItem::Text(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawItem, A::Error> {
                RawItemTable::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(RawItem::Table)
            }
        }
        deserializer.deserialize_any(ItemVisitor)
    }
}

/// A date as written in the input: a full TOML date (`2020-11-05`), the same
/// as a string, or a table whose day, or day and month, are left out.
#[derive(Debug, Clone, Copy)]
pub struct RawDate {
    pub year: i64,
    pub month: Option<i64>,
    pub day: Option<i64>,
}

/// The key under which the `toml` crate hands a TOML date to a visitor.
const TOML_DATETIME_KEY: &str = "$__toml_private_datetime";

impl<'de> Deserialize<'de> for RawDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl<'de> Visitor<'de> for DateVisitor {
            type Value = RawDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "một ngày như 2020-11-05, hoặc { year = 2020, month = 11 } để trống ngày",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawDate, E> {
                parse_iso_date(v).ok_or_else(|| E::custom(super::mistakes::date_advice(v).0))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawDate, A::Error> {
                let (mut year, mut month, mut day) = (None, None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        TOML_DATETIME_KEY => {
                            let text: String = map.next_value()?;
                            return parse_iso_date(&text).ok_or_else(|| {
                                de::Error::custom(super::mistakes::date_advice(&text).0)
                            });
                        }
                        "year" => year = Some(map.next_value()?),
                        "month" => month = Some(map.next_value()?),
                        "day" => day = Some(map.next_value()?),
                        other => {
                            return Err(de::Error::unknown_field(other, &["year", "month", "day"]));
                        }
                    }
                }
                let year = year.ok_or_else(|| de::Error::missing_field("year"))?;
                Ok(RawDate { year, month, day })
            }
        }
        deserializer.deserialize_any(DateVisitor)
    }
}

/// `YYYY-MM-DD` alone, without a time. Whether the day exists is checked
/// later, with the other rules.
fn parse_iso_date(text: &str) -> Option<RawDate> {
    let mut parts = text.trim().split('-');
    let year = parts.next()?;
    let month = parts.next()?;
    let day = parts.next()?;
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !digits(year, 4) || !digits(month, 2) || !digits(day, 2) {
        return None;
    }
    Some(RawDate {
        year: year.parse().ok()?,
        month: Some(month.parse().ok()?),
        day: Some(day.parse().ok()?),
    })
}
