//! The Typst engine, in process: embedded templates and fonts, the
//! document's data and files as virtual files, a fixed clock, and no access
//! to anything else.

mod fonts;
mod world;

pub(crate) use fonts::serif_width_pt;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use typst::foundations::{Bytes, Datetime};
use typst::syntax::package::{PackageSpec, PackageVersion};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_layout::PagedDocument;

use crate::error::{Diagnostic, Error, Result};
use world::DocumentWorld;

/// The built-in templates and components, by their path inside the
/// package `@vanban/vanban:1.0.0`, which user templates import. Each
/// document kind's template is among them (a test checks it).
const TEMPLATES: &[(&str, &str)] = &[
    ("/typst.toml", include_str!("../../templates/typst.toml")),
    ("/lib.typ", include_str!("../../templates/lib.typ")),
    (
        "/components.typ",
        include_str!("../../templates/components.typ"),
    ),
    ("/text.typ", include_str!("../../templates/text.typ")),
    ("/names.typ", include_str!("../../templates/names.typ")),
    (
        "/ket-luan.typ",
        include_str!("../../templates/ket-luan.typ"),
    ),
    (
        "/thong-bao-ket-luan.typ",
        include_str!("../../templates/thong-bao-ket-luan.typ"),
    ),
    (
        "/thong-bao.typ",
        include_str!("../../templates/thong-bao.typ"),
    ),
    ("/line.typ", include_str!("../../templates/line.typ")),
];

/// The package that holds the built-in templates and the data.
pub const PACKAGE: &str = "@vanban/vanban:1.0.0";

/// Families the templates ask for, best first. Both standards name Times
/// New Roman; Liberation Serif has the same metrics.
const PREFERRED_FAMILIES: &[&str] = &["Times New Roman", "Liberation Serif"];

/// Where the document's data is served from, inside the package.
pub const DATA_PATH: &str = "/data.json";

/// Typst's caches are pruned after every this many documents: results
/// unused for `CACHE_AGE` prunings are dropped. Documents made one after
/// another (a batch, an editor's keystrokes) share most of their layout, so
/// recent results are worth keeping; older ones would only grow memory.
/// Pruning walks every cache, so not after each document.
const EVICT_EVERY: usize = 4;
const CACHE_AGE: usize = 2;

/// Which template lays the document out.
#[derive(Debug, Clone)]
pub enum Template {
    /// A built-in template, by its file name ("ket-luan.typ").
    BuiltIn(&'static str),
    /// A user's template file. It may read files in its own folder (and
    /// below), nothing else.
    User(PathBuf),
}

/// The files a compilation sees besides the templates, by their path in
/// the package: the data (`/data.json`) and whatever else a document
/// brings. They are bytes made by vanban; a template cannot reach the disk
/// through them.
#[derive(Debug, Clone, Default)]
pub struct VirtualFiles(HashMap<String, Bytes>);

impl VirtualFiles {
    /// The files of a document whose data is `data`.
    pub fn with_data(data: Vec<u8>) -> Self {
        let mut files = Self::default();
        files.insert(DATA_PATH, data);
        files
    }

    /// Serves `bytes` at `path` ("/images/chu-ky.png").
    pub fn insert(&mut self, path: &str, bytes: Vec<u8>) {
        self.0.insert(path.to_owned(), Bytes::new(bytes));
    }

    /// Serves bytes already held elsewhere (a picture shared by a batch's
    /// documents: Typst knows it again without reading it again).
    pub fn insert_bytes(&mut self, path: &str, bytes: Bytes) {
        self.0.insert(path.to_owned(), bytes);
    }

    fn get(&self, path: &str) -> Option<&Bytes> {
        self.0.get(path)
    }
}

/// Fonts and the standard library, loaded once and shared by every
/// document an engine compiles.
pub struct Engine {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    templates: HashMap<FileId, Source>,
    /// Documents finished since the engine started, for cache pruning.
    finished: AtomicUsize,
}

/// A compiled document with the warnings the compiler gave.
pub struct Compiled {
    pub document: PagedDocument,
    pub warnings: Vec<Diagnostic>,
}

impl Engine {
    /// An engine with the embedded fonts only.
    pub fn new() -> Self {
        Self::with_fonts(Vec::new())
    }

    /// An engine that also uses the fonts found in `dirs` (searched
    /// recursively). A Times New Roman found there is preferred.
    pub fn with_font_dirs(dirs: &[impl AsRef<Path>]) -> Result<Self> {
        let mut extra = Vec::new();
        for dir in dirs {
            extra.extend(fonts::from_dir(dir.as_ref())?);
        }
        Ok(Self::with_fonts(extra))
    }

    fn with_fonts(extra: Vec<Font>) -> Self {
        // User fonts come first so that they win over the embedded ones.
        let mut fonts = extra;
        fonts.extend(fonts::embedded());
        let templates = TEMPLATES
            .iter()
            .map(|&(path, text)| {
                let id = package_file(path);
                (id, Source::new(id, text.to_owned()))
            })
            .collect();
        Self {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            templates,
            finished: AtomicUsize::new(0),
        }
    }

    /// The font families the templates will use, best first.
    pub fn families(&self) -> Vec<String> {
        PREFERRED_FAMILIES
            .iter()
            .filter(|f| self.book.contains_family(&f.to_lowercase()))
            .map(|f| (*f).to_owned())
            .collect()
    }

    /// Whether a built-in template of this name exists.
    pub fn has_template(&self, name: &str) -> bool {
        self.templates
            .contains_key(&package_file(&format!("/{name}")))
    }

    /// Compiles a template that reads `files` (the data among them).
    pub fn compile(
        &self,
        template: &Template,
        files: &VirtualFiles,
        today: Option<Datetime>,
    ) -> Result<Compiled> {
        let (main, root) = match template {
            Template::BuiltIn(name) => (package_file(&format!("/{name}")), None),
            Template::User(path) => user_template(path)?,
        };
        let world = DocumentWorld::new(self, main, root, files, today);
        let result = typst::compile::<PagedDocument>(&world);
        let warnings = result.warnings.iter().map(|d| world.describe(d)).collect();
        match result.output {
            Ok(document) => Ok(Compiled { document, warnings }),
            Err(errors) => Err(Error::Template(
                errors.iter().map(|d| world.describe(d)).collect(),
            )),
        }
    }

    /// Tells the engine a document is done (made or failed), so that it
    /// keeps memory flat however many documents it makes.
    pub fn document_done(&self) {
        if self.finished.fetch_add(1, Ordering::Relaxed) % EVICT_EVERY == EVICT_EVERY - 1 {
            typst::comemo::evict(CACHE_AGE);
        }
    }
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

/// A user's template as the main file, with its folder as the root of
/// what it may read.
fn user_template(path: &Path) -> Result<(FileId, Option<PathBuf>)> {
    let full = std::fs::canonicalize(path).map_err(|source| Error::Io {
        action: "đọc mẫu văn bản",
        path: path.to_owned(),
        source,
    })?;
    let dir = full.parent().map(Path::to_owned);
    let name = full.file_name().and_then(|n| n.to_str());
    let vpath = name.and_then(|n| VirtualPath::new(format!("/{n}")).ok());
    let (Some(dir), Some(vpath)) = (dir, vpath) else {
        return Err(Error::Usage(format!(
            "{} không dùng làm mẫu văn bản được",
            path.display()
        )));
    };
    Ok((
        RootedPath::new(VirtualRoot::Project, vpath).intern(),
        Some(dir),
    ))
}

fn package_spec() -> PackageSpec {
    PackageSpec {
        namespace: "vanban".into(),
        name: "vanban".into(),
        version: PackageVersion {
            major: 1,
            minor: 0,
            patch: 0,
        },
    }
}

fn package_file(path: &str) -> FileId {
    // The paths are ours and well formed; a bad one is a bug caught by the tests.
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| panic!("bad built-in path {path}"));
    RootedPath::new(VirtualRoot::Package(package_spec()), vpath).intern()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conventions::DocumentKind;

    /// Every kind's template is served, so that no kind can be added
    /// without its template.
    #[test]
    fn every_kind_has_its_template() {
        let engine = Engine::new();
        for (name, kind, _) in DocumentKind::ALL {
            assert!(
                engine.has_template(kind.template()),
                "{name}: {} is not served",
                kind.template()
            );
        }
    }
}
