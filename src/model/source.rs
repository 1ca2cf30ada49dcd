//! The input text and the way back from a byte offset or a field path to a
//! line and column, so that every message can point at the spot.

use std::cell::OnceCell;
use std::fmt;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::error::Position;

/// One step of a field path: a key, or an index in an array.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A dotted field path such as `directives.items[2].text`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldPath(pub Vec<Seg>);

impl FieldPath {
    pub fn key(&self, key: &str) -> FieldPath {
        let mut segs = self.0.clone();
        segs.push(Seg::Key(key.to_owned()));
        FieldPath(segs)
    }

    pub fn index(&self, index: usize) -> FieldPath {
        let mut segs = self.0.clone();
        segs.push(Seg::Index(index));
        FieldPath(segs)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// A named input text.
pub struct SourceFile<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub syntax: super::Syntax,
    /// The TOML tree with its spans, parsed once when first needed.
    tree: OnceCell<Option<Spanned<DeTable<'a>>>>,
}

impl<'a> SourceFile<'a> {
    pub fn new(name: &'a str, text: &'a str, syntax: super::Syntax) -> Self {
        Self {
            name,
            text,
            syntax,
            tree: OnceCell::new(),
        }
    }

    /// Line and column (in characters) of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset);
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Position { line, column }
    }

    fn tree(&self) -> Option<&Spanned<DeTable<'a>>> {
        self.tree
            .get_or_init(|| DeTable::parse(self.text).ok())
            .as_ref()
    }

    /// The path of the innermost field whose key or value covers `offset`.
    pub fn path_at(&self, offset: usize) -> FieldPath {
        let mut path = FieldPath::default();
        if let Some(tree) = self.tree() {
            walk_table(tree.get_ref(), offset, &mut path);
        }
        path
    }

    /// Where a field's value starts, if the field is written in the input.
    pub fn locate(&self, path: &FieldPath) -> Option<Position> {
        self.span_of(path).map(|span| self.position(span.start))
    }

    /// Where `spot` first appears in a field's value, at `offset` bytes
    /// into it; the value's start when it does not appear as written (an
    /// escape, a line broken differently).
    pub fn locate_spot(&self, path: &FieldPath, spot: &str, offset: usize) -> Option<Position> {
        let span = self.span_of(path)?;
        let value = self.text.get(span.clone()).unwrap_or_default();
        let at = value
            .find(spot)
            .map_or(span.start, |i| span.start + i + offset.min(spot.len()));
        Some(self.position(at))
    }

    /// The bytes of a field's value.
    fn span_of(&self, path: &FieldPath) -> Option<Range<usize>> {
        if self.syntax == super::Syntax::Json {
            return super::json::locate(self.text, path);
        }
        let tree = self.tree()?;
        let mut span = tree.span();
        let mut value: Option<&DeValue<'_>> = None;
        let root = tree.get_ref();
        for seg in &path.0 {
            let (next_span, next) = match (seg, value) {
                (Seg::Key(k), None) => find_key(root, k)?,
                (Seg::Key(k), Some(DeValue::Table(t))) => find_key(t, k)?,
                (Seg::Index(i), Some(DeValue::Array(a))) => {
                    let item = a.get(*i)?;
                    (item.span(), item.get_ref())
                }
                _ => break,
            };
            span = next_span;
            value = Some(next);
        }
        Some(span)
    }
}

fn find_key<'t, 'i>(table: &'t DeTable<'i>, key: &str) -> Option<(Range<usize>, &'t DeValue<'i>)> {
    table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(_, v)| (v.span(), v.get_ref()))
}

/// Searches every key and value, not only those whose span covers the
/// offset: a table opened by a `[header]` spans only its header line.
fn walk_table(table: &DeTable<'_>, offset: usize, path: &mut FieldPath) -> bool {
    for (key, value) in table.iter() {
        path.0.push(Seg::Key(key.get_ref().to_string()));
        if covers(&key.span(), offset) || walk_value(value, offset, path) {
            return true;
        }
        path.0.pop();
    }
    false
}

fn walk_value(value: &Spanned<DeValue<'_>>, offset: usize, path: &mut FieldPath) -> bool {
    match value.get_ref() {
        DeValue::Table(t) => walk_table(t, offset, path) || covers(&value.span(), offset),
        DeValue::Array(a) => {
            for (i, item) in a.iter().enumerate() {
                path.0.push(Seg::Index(i));
                if walk_value(item, offset, path) {
                    return true;
                }
                path.0.pop();
            }
            covers(&value.span(), offset)
        }
        _ => covers(&value.span(), offset),
    }
}

fn covers(span: &Range<usize>, offset: usize) -> bool {
    span.start <= offset && (offset < span.end || span.is_empty() && offset == span.start)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}
