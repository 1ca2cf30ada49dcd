//! One compilation's view of the world.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, Source, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World, WorldExt};

use super::{Engine, PACKAGE, VirtualFiles, package_spec};
use crate::error::{Diagnostic, Position, Severity as Level};

/// The engine's fonts and templates, the document's virtual files, a user
/// template's folder if there is one, and a clock that always says the
/// document's date.
pub(super) struct DocumentWorld<'a> {
    engine: &'a Engine,
    main: FileId,
    /// The folder of a user's template; the only place files are read from.
    root: Option<PathBuf>,
    files: &'a VirtualFiles,
    today: Option<Datetime>,
    /// Files read from `root`, so that each is read once per compilation.
    loaded: Mutex<HashMap<FileId, FileResult<Bytes>>>,
}

impl<'a> DocumentWorld<'a> {
    pub(super) fn new(
        engine: &'a Engine,
        main: FileId,
        root: Option<PathBuf>,
        files: &'a VirtualFiles,
        today: Option<Datetime>,
    ) -> Self {
        Self {
            engine,
            main,
            root,
            files,
            today,
            loaded: Mutex::new(HashMap::new()),
        }
    }

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

    /// A compiler message as a diagnostic of the template file it is about.
    pub(super) fn describe(&self, d: &SourceDiagnostic) -> Diagnostic {
        let severity = match d.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
        };
        let place = d.span.id().and_then(|id| {
            let source = self.source(id).ok()?;
            let range = self.range(d.span)?;
            let line = source.lines().byte_to_line(range.start)?;
            let column = source.lines().byte_to_column(range.start)?;
            let file = if Self::is_package(id) {
                format!("{PACKAGE}/{}", id.vpath().get_without_slash())
            } else {
                id.vpath().get_without_slash().to_string()
            };
            Some((
                file,
                Position {
                    line: line + 1,
                    column: column + 1,
                },
            ))
        });
        let (file, position) = place.map_or((String::new(), None), |(f, p)| (f, Some(p)));
        let hints: Vec<&str> = d
            .hints
            .iter()
            .map(|hint| {
                // vanban has no --root: a template's folder is its sandbox.
                if hint.v.contains("--root") {
                    "mẫu văn bản chỉ được đọc các tệp trong thư mục của nó và các thư mục con"
                } else {
                    hint.v.as_str()
                }
            })
            .collect();
        let mut diagnostic = Diagnostic::new(&file, d.message.to_string()).at(position);
        diagnostic.severity = severity;
        if !hints.is_empty() {
            diagnostic = diagnostic.hint(hints.join("\n  gợi ý: "));
        }
        diagnostic
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
            if let Some(bytes) = self.files.get(id.vpath().get_with_slash()) {
                return Ok(bytes.clone());
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
