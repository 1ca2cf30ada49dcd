//! The library's rules that the form shows beside its fields, so that the
//! page holds no number of its own: the guides to choose from, the guide a
//! document is laid out by with the ranges its `[layout]` allows, and the
//! seal's diameters.

use serde_json::{Value as Json, json};

use crate::conventions::{DocumentKind, GUIDES, Guide, IssueDate, LAYOUT_FIELDS, Standard};
use crate::model::{DEFAULT_SEAL_DIAMETER_MM, SEAL_DIAMETERS_MM};

/// What the form needs to know once: the guides and the seal's range.
pub fn fixed() -> Json {
    json!({
        "guides": GUIDES.iter().map(|g| json!({
            "key": g.key,
            "name": g.name,
            "applies_to": g.applies_to,
        })).collect::<Vec<_>>(),
        "seal_diameter_mm": {
            "min": SEAL_DIAMETERS_MM.start(),
            "max": SEAL_DIAMETERS_MM.end(),
            "default": DEFAULT_SEAL_DIAMETER_MM,
        },
    })
}

/// A guide as the form shows it: its name and, for each `[layout]` value,
/// the range it allows.
pub fn guide_json(guide: &Guide) -> Json {
    json!({
        "key": guide.key,
        "name": guide.name,
        "layout": LAYOUT_FIELDS.iter().map(|f| {
            let (min, max) = f.range(guide);
            json!({
                "key": f.key,
                "unit": f.unit,
                "min": min,
                "max": max,
            })
        }).collect::<Vec<_>>(),
    })
}

/// The guide the form's document is laid out by, read as the library
/// reads it (model::validate): the guide it names when that is one of its
/// standard, else the guide of its standard and date. For a document that
/// cannot be made yet; one that can says its guide itself.
pub fn guide_of(doc: &Json) -> &'static Guide {
    let name = |key: &str| doc[key].as_str().map(str::trim);
    let kind = name("kind")
        .and_then(DocumentKind::from_name)
        .unwrap_or(DocumentKind::Conclusion);
    let standard = name("standard")
        .and_then(Standard::from_name)
        .unwrap_or_else(|| kind.default_standard());
    name("guide")
        .and_then(|g| Guide::by_key(&g.to_lowercase()))
        .filter(|g| g.standard == standard)
        .unwrap_or_else(|| Guide::for_document(standard, date_of(&doc["date"])))
}

/// "2020-11-05", or { year = 2020, month = 11 } with blanks; a date the
/// library would refuse counts as the year 2000, as there.
fn date_of(date: &Json) -> IssueDate {
    let number = |v: Option<&str>| v.and_then(|p| p.trim().parse::<i64>().ok());
    let (year, month, day) = match date {
        Json::String(s) => {
            let mut parts = s.splitn(3, '-');
            (
                number(parts.next()),
                number(parts.next()),
                number(parts.next()),
            )
        }
        _ => (
            date["year"].as_i64(),
            date["month"].as_i64(),
            date["day"].as_i64(),
        ),
    };
    let fallback = IssueDate {
        year: 2000,
        month: None,
        day: None,
    };
    let Some(year) = year
        .and_then(|y| i32::try_from(y).ok())
        .filter(|y| (1945..=9999).contains(y))
    else {
        return fallback;
    };
    let part = |v: Option<i64>, max: i64| v.map(|v| (1..=max).contains(&v).then_some(v as u32));
    match (part(month, 12), part(day, 31)) {
        (None, None) => IssueDate {
            year,
            month: None,
            day: None,
        },
        (Some(Some(month)), None) => IssueDate {
            year,
            month: Some(month),
            day: None,
        },
        (Some(Some(month)), Some(Some(day))) => IssueDate {
            year,
            month: Some(month),
            day: Some(day),
        },
        // A month or day out of range, or a day without its month.
        _ => fallback,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::toml_form;

    /// The guide the form is told is the guide the library lays the
    /// document out by: for every example, and for each with another
    /// guide, standard or date written in.
    #[test]
    fn the_guide_of_a_form_is_the_librarys() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let mut seen = 0;
        for entry in std::fs::read_dir(folder).expect("examples") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|e| e != "toml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("read");
            let variants = [
                None,
                Some(("guide", json!("hd05"))),
                Some(("guide", json!("HD36"))),
                Some(("guide", json!("nd30"))),
                Some(("standard", json!("state"))),
                Some(("date", json!("2026-05-27"))),
                Some(("date", json!("2026-05-26"))),
                Some(("date", json!({"year": 2026, "month": 5}))),
                Some(("date", json!({"year": 2026}))),
            ];
            for variant in variants {
                let mut doc = toml_form::parse(&text).expect("TOML");
                if let Some((key, value)) = &variant {
                    let mut json = toml_form::to_json(&doc);
                    json[*key] = value.clone();
                    toml_form::merge(&mut doc, json.as_object().expect("object"));
                }
                let text = doc.to_string();
                let Ok(document) = crate::model::load("x.toml", text.as_bytes()) else {
                    // A guide or standard the document cannot take.
                    continue;
                };
                let form = toml_form::to_json(&toml_form::parse(&text).expect("TOML"));
                assert_eq!(
                    guide_of(&form).key,
                    document.guide.key,
                    "{} with {variant:?}",
                    path.display()
                );
                seen += 1;
            }
        }
        assert!(seen > 30, "{seen} cases");
    }

    #[test]
    fn a_broken_date_counts_as_the_librarys_fallback() {
        assert_eq!(date_of(&json!("2026-13-01")).year, 2000);
        assert_eq!(date_of(&json!({"year": 2026, "day": 3})).year, 2000);
        assert_eq!(date_of(&json!({"year": 20})).year, 2000);
        let blank_day = date_of(&json!({"year": 2026, "month": 6}));
        assert_eq!((blank_day.month, blank_day.day), (Some(6), None));
    }

    #[test]
    fn each_layout_value_comes_with_the_guides_range() {
        let hd05 = guide_json(&crate::conventions::HD05);
        let pitch = hd05["layout"]
            .as_array()
            .expect("list")
            .iter()
            .find(|f| f["key"] == "body_pitch_pt")
            .expect("body_pitch_pt")
            .clone();
        assert_eq!(
            pitch,
            json!({"key": "body_pitch_pt", "unit": "pt", "min": 18.0, "max": 22.0})
        );
    }
}
