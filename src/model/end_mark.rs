//! The end of the body. The guide's end mark ("./." in State documents, "."
//! under Hướng dẫn 05-HD/VPTW) is vanban's to print, once, after the body's last paragraph; an end mark
//! the secretary typed there out of habit is taken off.

use super::{Document, Item, Text};
use crate::conventions::typed_end_mark;
use crate::markup::Inline;

/// An end mark typed by hand and taken off: as typed, with the words
/// before it, to find it in the input by.
pub struct TypedEndMark {
    pub mark: String,
    pub context: String,
}

/// Takes a typed end mark off the body's last paragraph, leaving its full
/// stop, and adds the standard's own mark.
pub(super) fn finish(doc: &mut Document) -> Option<TypedEndMark> {
    let end_mark = doc.guide.wording.body_end_mark;
    let last = last_paragraph(doc)?;
    let mut typed = None;
    let runs = last.len();
    if let Some(Inline::Text { text, .. }) = last.last_mut()
        && let Some(at) = typed_end_mark(text)
        // After words, or after a footnote mark: "thực hiện[^1]./.".
        && (!text[..at].trim().is_empty() || runs > 1)
    {
        let start = text[..at]
            .char_indices()
            .rev()
            .nth(11)
            .map_or(0, |(i, _)| i);
        typed = Some(TypedEndMark {
            mark: text[at..].trim().to_owned(),
            context: text[start..].to_owned(),
        });
        text.truncate(at);
        text.push('.');
    }
    if let Some(mark) = end_mark {
        // "… thực hiện." ends "… thực hiện./.", not with a second stop.
        let ends_with_stop =
            matches!(last.last(), Some(Inline::Text { text, .. }) if text.ends_with('.'));
        last.push(Inline::Text {
            text: (if ends_with_stop { &mark[1..] } else { mark }).to_owned(),
            bold: false,
            italic: false,
        });
    }
    typed
}

/// The body's last paragraph in reading order: the closing's last, else
/// the last part's (its last item's deepest last paragraph or title, else
/// its lead), else the opening's last.
fn last_paragraph(doc: &mut Document) -> Option<&mut Text> {
    fn last_of(items: &mut [Item]) -> Option<&mut Text> {
        let item = items.last_mut()?;
        if !item.items.is_empty() {
            return last_of(&mut item.items);
        }
        item.paragraphs.last_mut().or(item.title.as_mut())
    }
    if !doc.closing.is_empty() {
        return doc.closing.last_mut();
    }
    let with_text = doc
        .parts
        .iter()
        .rposition(|p| !p.items.is_empty() || !p.lead.is_empty());
    match with_text {
        Some(i) if doc.parts[i].items.is_empty() => doc.parts[i].lead.last_mut(),
        Some(i) => last_of(&mut doc.parts[i].items),
        None => doc.opening.last_mut(),
    }
}
