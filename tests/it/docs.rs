//! The documentation tells the truth: the guide's examples are clean
//! documents, and every message the guides show is what vanban prints for
//! the mistake shown beside it.
//!
//! A message is marked in the Markdown by a comment that names the file it
//! breaks and the text it replaces; the replacement is the ```toml block
//! after it (or follows `=>` in the comment), and the message the ```text
//! block after that:
//!
//! ````text
//! <!-- lỗi: thong-bao.toml
//! place = "Tân Hà"
//! -->
//! ```toml
//! place = Tân Hà
//! ```
//! ```text
//! thong-bao.toml:4:9: lỗi: place: …
//! ```
//! ````
//!
//! The file is one of the guide's examples, marked `<!-- ví dụ: NAME -->`
//! before its ```toml block, or a file of the repository, written under
//! another name with `như NAME` (`<!-- lỗi: examples/x.toml như vb.toml`).

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::*;

const GUIDE: &str = "docs/huong-dan.md";

/// A mistake shown in a document, and what vanban says about it.
struct Shown {
    base: String,
    name: String,
    from: String,
    to: String,
    message: String,
}

/// The text of the first fenced block of `lang` in `text`, and what follows.
fn block<'t>(text: &'t str, lang: &str) -> Option<(&'t str, &'t str)> {
    let open = format!("```{lang}\n");
    let start = text.find(&open)? + open.len();
    let end = start + text[start..].find("\n```")?;
    Some((&text[start..end], &text[end + 4..]))
}

/// The guide's examples, by name.
fn examples(markdown: &str) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    for (i, _) in markdown.match_indices("<!-- ví dụ: ") {
        let rest = &markdown[i + "<!-- ví dụ: ".len()..];
        let (name, after) = rest.split_once(" -->").expect("a closed marker");
        let (toml, _) = block(after, "toml").expect("a toml block after the marker");
        found.insert(name.trim().to_owned(), format!("{toml}\n"));
    }
    found
}

fn shown(markdown: &str) -> Vec<Shown> {
    let mut found = Vec::new();
    for (i, _) in markdown.match_indices("<!-- lỗi: ") {
        let rest = &markdown[i + "<!-- lỗi: ".len()..];
        let (head, rest) = rest.split_once('\n').expect("a marker line");
        let (body, after) = rest.split_once("-->").expect("a closed marker");
        let (base, name) = match head.split_once(" như ") {
            Some((base, name)) => (base.trim(), name.trim()),
            None => (head.trim(), head.trim()),
        };
        let (from, to, after) = match body.split_once("\n=>\n") {
            Some((from, to)) => (from.to_owned(), to.trim_end_matches('\n').to_owned(), after),
            None => {
                let (to, after) = block(after, "toml").expect("the mistake as a toml block");
                (body.trim_end_matches('\n').to_owned(), to.to_owned(), after)
            }
        };
        let (message, _) = block(after, "text").expect("the message as a text block");
        found.push(Shown {
            base: base.to_owned(),
            name: Path::new(name)
                .file_name()
                .expect("a file name")
                .to_string_lossy()
                .into_owned(),
            from: from.trim_end_matches('\n').to_owned(),
            to,
            message: message.to_owned(),
        });
    }
    found
}

/// Checks every message `doc` shows against what `vanban render` and
/// `vanban check` print; returns how many there were.
fn check_messages(doc: &str, examples: &BTreeMap<String, String>) -> usize {
    let markdown = read(doc);
    let all = shown(&markdown);
    for s in &all {
        let base = examples
            .get(&s.base)
            .cloned()
            .unwrap_or_else(|| read(&s.base));
        assert!(
            base.contains(&s.from),
            "{doc}: {} does not contain\n{}",
            s.base,
            s.from
        );
        let broken = base.replacen(&s.from, &s.to, 1);
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join(&s.name), &broken).expect("write");
        // render prints the errors and makes nothing; check prints them
        // too, among any warnings.
        let render = vanban(&["render", &s.name], dir.path());
        assert_eq!(
            String::from_utf8_lossy(&render.stderr).trim_end(),
            s.message,
            "{doc}: `vanban render` on {} with\n{}",
            s.name,
            s.to
        );
        assert_eq!(render.status.code(), Some(1));
        let check = vanban(&["check", &s.name], dir.path());
        assert!(
            String::from_utf8_lossy(&check.stdout).contains(&s.message),
            "{doc}: `vanban check` on {}",
            s.name
        );
    }
    all.len()
}

#[test]
fn the_guides_examples_are_clean_documents_of_each_kind() {
    let examples = examples(&read(GUIDE));
    let names: Vec<&str> = examples.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        ["ket-luan.toml", "thong-bao-ket-luan.toml", "thong-bao.toml"]
    );
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in &examples {
        let kind = format!("kind = \"{}\"", name.trim_end_matches(".toml"));
        assert!(text.contains(&kind), "{name} is a {kind}");
        std::fs::write(dir.path().join(name), text).expect("write");
        let out = vanban(&["check", name], dir.path());
        assert_eq!(out.status.code(), Some(0), "{name}");
        assert!(
            out.stdout.is_empty() && out.stderr.is_empty(),
            "{name}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let pdf = make_pdf(name, text);
        assert!(pdf.starts_with(b"%PDF-"), "{name}");
    }
}

/// The guide's ten mistakes print exactly what the guide shows.
#[test]
fn the_guides_messages_are_what_vanban_prints() {
    let examples = examples(&read(GUIDE));
    assert_eq!(check_messages(GUIDE, &examples), 10, "ten mistakes");
}

/// The messages in the README and the schema reference too.
#[test]
fn the_references_messages_are_what_vanban_prints() {
    let examples = BTreeMap::new();
    assert!(check_messages("README.md", &examples) >= 1);
    assert!(check_messages("docs/schema.md", &examples) >= 1);
}
