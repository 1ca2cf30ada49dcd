//! The PDF standard a PDF says it keeps to: PDF/A writes its part and
//! conformance into the document's XMP metadata (`pdfaid:part`,
//! `pdfaid:conformance`).

use lopdf::{Document, Object};

use crate::original::PdfStandard;

/// The standard among those vanban makes that the PDF claims; None for a
/// PDF that claims none (plain PDF 1.7) or one vanban does not make.
pub fn of(doc: &Document) -> Option<PdfStandard> {
    let catalog = doc.catalog().ok()?;
    let (_, metadata) = doc.dereference(catalog.get(b"Metadata").ok()?).ok()?;
    let Object::Stream(stream) = metadata else {
        return None;
    };
    let xmp = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    let xmp = String::from_utf8_lossy(&xmp);
    let part = property(&xmp, "pdfaid:part")?;
    let conformance = property(&xmp, "pdfaid:conformance")?;
    match (part.as_str(), conformance.to_ascii_uppercase().as_str()) {
        ("2", "B") => Some(PdfStandard::A2b),
        ("2", "U") => Some(PdfStandard::A2u),
        ("3", "B") => Some(PdfStandard::A3b),
        ("3", "U") => Some(PdfStandard::A3u),
        _ => None,
    }
}

/// An XMP property's value, written as an element
/// (`<pdfaid:part>3</pdfaid:part>`) or as an attribute (`pdfaid:part="3"`).
fn property(xmp: &str, name: &str) -> Option<String> {
    let element = format!("<{name}>");
    if let Some(at) = xmp.find(&element) {
        let rest = &xmp[at + element.len()..];
        return Some(rest[..rest.find('<')?].trim().to_owned());
    }
    let at = xmp.find(&format!("{name}="))?;
    let rest = &xmp[at + name.len() + 1..];
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = &rest[1..];
    Some(rest[..rest.find(quote)?].trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::property;

    #[test]
    fn properties_are_read_as_elements_and_as_attributes() {
        let element = "<rdf:Description><pdfaid:part>3</pdfaid:part>\
                       <pdfaid:conformance>U</pdfaid:conformance></rdf:Description>";
        assert_eq!(property(element, "pdfaid:part").as_deref(), Some("3"));
        assert_eq!(
            property(element, "pdfaid:conformance").as_deref(),
            Some("U")
        );
        let attribute = "<rdf:Description pdfaid:part='2' pdfaid:conformance=\"B\"/>";
        assert_eq!(property(attribute, "pdfaid:part").as_deref(), Some("2"));
        assert_eq!(
            property(attribute, "pdfaid:conformance").as_deref(),
            Some("B")
        );
        assert_eq!(property("<x/>", "pdfaid:part"), None);
    }
}
