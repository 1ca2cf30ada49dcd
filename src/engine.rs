//! The Typst engine, in process: embedded templates and fonts, the document
//! data as a virtual file, a fixed clock, and no access to anything else.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::package::{PackageSpec, PackageVersion};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

use crate::error::{Error, Result};

/// The built-in templates and components, by their path inside the
/// package `@vanban/vanban:1.0.0`, which user templates import.
const TEMPLATES: &[(&str, &str)] = &[
    ("/typst.toml", include_str!("../templates/typst.toml")),
    ("/lib.typ", include_str!("../templates/lib.typ")),
    (
        "/components.typ",
        include_str!("../templates/components.typ"),
    ),
    ("/text.typ", include_str!("../templates/text.typ")),
    ("/names.typ", include_str!("../templates/names.typ")),
    ("/ket-luan.typ", include_str!("../templates/ket-luan.typ")),
    (
        "/thong-bao-ket-luan.typ",
        include_str!("../templates/thong-bao-ket-luan.typ"),
    ),
    ("/thong-bao.typ", include_str!("../templates/thong-bao.typ")),
];

/// The package that holds the built-in templates and the data.
pub const PACKAGE: &str = "@vanban/vanban:1.0.0";

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

/// Where the document's data is served from, inside the package.
pub const DATA_PATH: &str = "/data.json";

/// Which template lays the document out.
#[derive(Debug, Clone)]
pub enum Template {
    /// A built-in template, by its file name ("ket-luan.typ").
    BuiltIn(&'static str),
    /// A user's template file. It may read files in its own folder (and
    /// below), nothing else.
    User(PathBuf),
}

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
                let id = package_file(path);
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

    /// Compiles a template with `data` (JSON) served as the package's
    /// `/data.json`.
    pub fn compile(
        &self,
        template: &Template,
        data: Vec<u8>,
        today: Option<Datetime>,
    ) -> Result<Compiled> {
        let (main, root) = match template {
            Template::BuiltIn(name) => (package_file(&format!("/{name}")), None),
            Template::User(path) => {
                let io = |source| Error::Io {
                    action: "đọc mẫu văn bản",
                    path: path.clone(),
                    source,
                };
                let full = std::fs::canonicalize(path).map_err(io)?;
                let dir = full.parent().map(Path::to_owned);
                let name = full.file_name().and_then(|n| n.to_str());
                let vpath = name.and_then(|n| VirtualPath::new(format!("/{n}")).ok());
                let (Some(dir), Some(vpath)) = (dir, vpath) else {
                    return Err(Error::Usage(format!(
                        "{} không dùng làm mẫu văn bản được",
                        path.display()
                    )));
                };
                (
                    RootedPath::new(VirtualRoot::Project, vpath).intern(),
                    Some(dir),
                )
            }
        };
        let world = DocumentWorld {
            engine: self,
            main,
            root,
            data: Bytes::new(data),
            today,
            loaded: Mutex::new(HashMap::new()),
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

/// The width, in points, of one line of the embedded serif (Liberation
/// Serif, with the metrics of Times New Roman) at `size_pt`: for the checks
/// made before a document is laid out.
pub(crate) fn serif_width_pt(text: &str, size_pt: f64, italic: bool) -> f64 {
    let face = EMBEDDED_FONTS
        .iter()
        .filter_map(|data| ttf_parser::Face::parse(data, 0).ok())
        .find(|f| f.is_italic() == italic && !f.is_bold());
    let Some(face) = face else { return 0.0 };
    let units: f64 = text
        .chars()
        .filter_map(|c| face.glyph_index(c))
        .filter_map(|g| face.glyph_hor_advance(g))
        .map(f64::from)
        .sum();
    units / f64::from(face.units_per_em()) * size_pt
}

fn package_file(path: &str) -> FileId {
    // The paths are ours and well formed; a bad one is a bug caught by the tests.
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| panic!("bad built-in path {path}"));
    RootedPath::new(VirtualRoot::Package(package_spec()), vpath).intern()
}

fn load_font_dir(dir: &Path, out: &mut Vec<Font>) -> Result<()> {
    let io = |source| Error::Io {
        action: "đọc thư mục phông chữ",
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
                action: "đọc phông chữ",
                path: path.clone(),
                source,
            })?;
            out.extend(Font::iter(Bytes::new(data)));
        }
    }
    Ok(())
}

/// One compilation's view of the world: the engine's fonts and templates,
/// one data file, a user template's folder if there is one, and a clock
/// that always says the document's date.
struct DocumentWorld<'a> {
    engine: &'a Engine,
    main: FileId,
    /// The folder of a user's template; the only place files are read from.
    root: Option<PathBuf>,
    data: Bytes,
    today: Option<Datetime>,
    /// Files read from `root`, so that each is read once per compilation.
    loaded: Mutex<HashMap<FileId, FileResult<Bytes>>>,
}

impl DocumentWorld<'_> {
    fn is_package(id: FileId) -> bool {
        matches!(id.root(), VirtualRoot::Package(spec) if *spec == package_spec())
    }

    /// A file of the user's template folder, refused if it lies outside it
    /// (through a link, say).
    fn read_user_file(&self, id: FileId) -> FileResult<Bytes> {
        let Some(root) = &self.root else {
            return Err(not_found(id));
        };
        if id.root() != &VirtualRoot::Project {
            return Err(FileError::Other(Some(
                "chỉ dùng được gói của vanban, không có gói nào khác".into(),
            )));
        }
        let mut loaded = self.loaded.lock().map_err(|_| FileError::Other(None))?;
        loaded
            .entry(id)
            .or_insert_with(|| {
                let path = id.vpath().realize(root).map_err(FileError::Realize)?;
                let real =
                    std::fs::canonicalize(&path).map_err(|e| FileError::from_io(e, &path))?;
                if !real.starts_with(root) {
                    return Err(FileError::AccessDenied);
                }
                std::fs::read(&real)
                    .map(Bytes::new)
                    .map_err(|e| FileError::from_io(e, &path))
            })
            .clone()
    }
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
        if Self::is_package(id) {
            return self
                .engine
                .templates
                .get(&id)
                .cloned()
                .ok_or_else(|| not_found(id));
        }
        let bytes = self.read_user_file(id)?;
        let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text.to_owned()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if Self::is_package(id) {
            if id.vpath().get_with_slash() == DATA_PATH {
                return Ok(self.data.clone());
            }
            return self.source(id).map(Bytes::from_string);
        }
        self.read_user_file(id)
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
        Severity::Error => "lỗi",
        Severity::Warning => "cảnh báo",
    };
    let place = d
        .span
        .id()
        .and_then(|id| {
            let source = world.source(id).ok()?;
            let range = world.range(d.span)?;
            let line = source.lines().byte_to_line(range.start)?;
            let column = source.lines().byte_to_column(range.start)?;
            let file = if DocumentWorld::is_package(id) {
                format!("{PACKAGE}/{}", id.vpath().get_without_slash())
            } else {
                id.vpath().get_without_slash().to_string()
            };
            Some(format!("{file}:{}:{}: ", line + 1, column + 1))
        })
        .unwrap_or_default();
    let mut text = format!("{place}{severity}: {}", d.message);
    for hint in &d.hints {
        // vanban has no --root: a template's folder is its sandbox.
        let hint = if hint.v.contains("--root") {
            "mẫu văn bản chỉ được đọc các tệp trong thư mục của nó và các thư mục con"
        } else {
            hint.v.as_str()
        };
        text.push_str(&format!("\n  gợi ý: {hint}"));
    }
    text
}
