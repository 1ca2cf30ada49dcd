//! The Typst engine, in process: embedded templates and fonts, the document
//! data as a virtual file, a fixed clock, and no access to anything else.

use std::collections::HashMap;
use std::path::Path;

use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

use crate::error::{Error, Result};

/// The built-in templates, by their path inside the virtual project.
const TEMPLATES: &[(&str, &str)] = &[
    ("/ket-luan.typ", include_str!("../templates/ket-luan.typ")),
    (
        "/lib/components.typ",
        include_str!("../templates/lib/components.typ"),
    ),
    ("/lib/text.typ", include_str!("../templates/lib/text.typ")),
];

/// Liberation Serif 2.1.5, metrically compatible with Times New Roman.
const EMBEDDED_FONTS: &[&[u8]] = &[
    include_bytes!("../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../fonts/LiberationSerif-BoldItalic.ttf"),
];

/// Families the templates ask for, best first. Both standards name Times
/// New Roman; Liberation Serif has the same metrics.
const PREFERRED_FAMILIES: &[&str] = &["Times New Roman", "Liberation Serif"];

/// Where the document's data is served from.
pub const DATA_PATH: &str = "/data.json";

/// Fonts and the standard library, loaded once and shared by every
/// document an engine compiles.
pub struct Engine {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    templates: HashMap<FileId, Source>,
}

/// A compiled document with the warnings the compiler gave.
pub struct Compiled {
    pub document: PagedDocument,
    pub warnings: Vec<String>,
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
            load_font_dir(dir.as_ref(), &mut extra)?;
        }
        Ok(Self::with_fonts(extra))
    }

    fn with_fonts(extra: Vec<Font>) -> Self {
        // User fonts come first so that they win over the embedded ones.
        let mut fonts = extra;
        fonts.extend(
            EMBEDDED_FONTS
                .iter()
                .flat_map(|data| Font::iter(Bytes::new(*data))),
        );
        let templates = TEMPLATES
            .iter()
            .map(|&(path, text)| {
                let id = file_id(path);
                (id, Source::new(id, text.to_owned()))
            })
            .collect();
        Self {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            templates,
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

    /// Compiles a built-in template with `data` (JSON) as `/data.json`.
    pub fn compile(
        &self,
        template: &str,
        data: Vec<u8>,
        today: Option<Datetime>,
    ) -> Result<Compiled> {
        let main = file_id(&format!("/{template}"));
        let world = DocumentWorld {
            engine: self,
            main,
            data: Bytes::new(data),
            today,
        };
        let result = typst::compile::<PagedDocument>(&world);
        let warnings = result
            .warnings
            .iter()
            .map(|d| describe(&world, d))
            .collect();
        match result.output {
            Ok(document) => Ok(Compiled { document, warnings }),
            Err(errors) => Err(Error::Template(
                errors.iter().map(|d| describe(&world, d)).collect(),
            )),
        }
    }
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

fn file_id(path: &str) -> FileId {
    // The paths are ours and well formed; a bad one is a bug caught by the tests.
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| panic!("bad built-in path {path}"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

fn load_font_dir(dir: &Path, out: &mut Vec<Font>) -> Result<()> {
    let io = |source| Error::Io {
        action: "read the font folder",
        path: dir.to_owned(),
        source,
    };
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    // A fixed order keeps the font book, and so the output, the same.
    entries.sort();
    for path in entries {
        if path.is_dir() {
            load_font_dir(&path, out)?;
            continue;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        if matches!(ext.as_deref(), Some("ttf" | "otf" | "ttc" | "otc")) {
            let data = std::fs::read(&path).map_err(|source| Error::Io {
                action: "read the font",
                path: path.clone(),
                source,
            })?;
            out.extend(Font::iter(Bytes::new(data)));
        }
    }
    Ok(())
}

/// One compilation's view of the world: the engine's fonts and templates,
/// one data file, and a clock that always says the document's date.
struct DocumentWorld<'a> {
    engine: &'a Engine,
    main: FileId,
    data: Bytes,
    today: Option<Datetime>,
}

impl World for DocumentWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.engine.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.engine.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.engine
            .templates
            .get(&id)
            .cloned()
            .ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id.root() == &VirtualRoot::Project && id.vpath().get_with_slash() == DATA_PATH {
            return Ok(self.data.clone());
        }
        self.source(id).map(Bytes::from_string)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.engine.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_without_slash().into())
}

/// "ket-luan.typ:12:3: error: …" for a compiler message.
fn describe(world: &DocumentWorld<'_>, d: &SourceDiagnostic) -> String {
    let severity = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let place = d
        .span
        .id()
        .and_then(|id| {
            let source = world.source(id).ok()?;
            let range = world.range(d.span)?;
            let line = source.lines().byte_to_line(range.start)?;
            let column = source.lines().byte_to_column(range.start)?;
            Some(format!(
                "{}:{}:{}: ",
                id.vpath().get_without_slash(),
                line + 1,
                column + 1
            ))
        })
        .unwrap_or_default();
    let mut text = format!("{place}{severity}: {}", d.message);
    for hint in &d.hints {
        text.push_str(&format!("\n  hint: {}", hint.v));
    }
    text
}
