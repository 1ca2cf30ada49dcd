//! The document being edited: where it lives, the TOML it was read from
//! (to write changes back into), and what the form sends for a preview, a
//! save or a PDF.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value as Json, json};
use toml_edit::DocumentMut;

use super::page_images::Shown;
use super::security::{self, NameError};
use super::{form_rules, pipeline, toml_form};
use crate::conventions::DocumentKind;
use crate::engine::Engine;
use crate::error::{Diagnostic, Error, Result, Severity};
use crate::input::Input;
use crate::pipeline::Job;

/// Why a request about the document failed, with the HTTP status that
/// tells the page what happened.
#[derive(Debug)]
pub struct Refusal {
    pub status: u16,
    pub message: String,
}

impl Refusal {
    pub fn new(status: u16, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
        }
    }
}

impl From<Error> for Refusal {
    fn from(e: Error) -> Self {
        Self::new(500, e.to_string())
    }
}

pub struct Session {
    /// The document's folder, the only one read or written.
    folder: PathBuf,
    /// Where the document is saved; none for a new one not saved yet.
    file: Option<PathBuf>,
    /// The TOML last read or saved, whose comments and layout are kept.
    base: DocumentMut,
    /// The file's bytes when last read or saved, to notice a change made
    /// by another program before overwriting it.
    on_disk: Option<Vec<u8>>,
    engine: Engine,
    /// As `vanban render` makes documents; one for the session, so that
    /// the pictures are read once, not at every keystroke.
    job: Job,
    /// The page images the browser was last sent.
    shown: Shown,
}

/// How the preview's pages are sent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PageImages {
    /// PNG images at this resolution, after the answer's JSON.
    Png { ppi: f32 },
    /// SVG in the answer itself (kept to compare, see the README).
    Svg,
}

impl Session {
    /// Opens `file` (made from the skeleton of `kind` if it does not exist
    /// yet), or a new document in `folder` when there is no file.
    pub fn open(
        file: Option<&Path>,
        folder: &Path,
        kind: DocumentKind,
        engine: Engine,
        creation_epoch: Option<i64>,
    ) -> Result<Self> {
        let io = |path: &Path| {
            let path = path.to_owned();
            move |source| Error::Io {
                action: "đọc",
                path,
                source,
            }
        };
        let folder = std::fs::canonicalize(folder).map_err(io(folder))?;
        let (base, on_disk) = match file {
            Some(f) if f.exists() => {
                let bytes = std::fs::read(f).map_err(io(f))?;
                let name = f.display().to_string();
                let input = Input::text(&name, bytes.clone(), Some(folder.clone()));
                let text = String::from_utf8(bytes.clone()).map_err(|_| {
                    // The library's own message says where and how to fix it.
                    match pipeline::check(&Job::default(), &input).into_iter().next() {
                        Some(d) => Error::input(d),
                        None => Error::Usage(format!("{name} không phải là văn bản UTF-8")),
                    }
                })?;
                let doc = toml_form::parse(&text).map_err(|_| {
                    Error::Input(
                        pipeline::check(&Job::default(), &input)
                            .into_iter()
                            .filter(|d| d.severity == Severity::Error)
                            .collect(),
                    )
                })?;
                (doc, Some(bytes))
            }
            _ => (skeleton(kind), None),
        };
        Ok(Self {
            folder,
            file: file.map(|f| f.file_name().map_or_else(|| f.to_owned(), PathBuf::from)),
            base,
            on_disk,
            engine,
            // What `vanban render` would make of the document: a PDF, its
            // creation date the document's own (or SOURCE_DATE_EPOCH's).
            job: Job {
                creation_epoch,
                ..Job::default()
            },
            shown: Shown::default(),
        })
    }

    /// The file's path, inside the folder.
    fn path(&self) -> Option<PathBuf> {
        self.file.as_ref().map(|f| self.folder.join(f))
    }

    /// The name messages give the document.
    fn name(&self) -> String {
        self.file.as_ref().map_or_else(
            || "van-ban-moi.toml".to_owned(),
            |f| f.display().to_string(),
        )
    }

    /// What the page starts from.
    pub fn state(&self) -> Json {
        let doc = toml_form::to_json(&self.base);
        json!({
            "file": self.file.as_ref().map(|f| f.display().to_string()),
            "folder": self.folder.display().to_string(),
            "guide": form_rules::guide_json(form_rules::guide_of(&doc)),
            "rules": form_rules::fixed(),
            // A folder that cannot be read has no pictures to offer.
            "pictures": security::pictures_in(&self.folder).unwrap_or_default(),
            "doc": doc,
            "kinds": DocumentKind::ALL.iter().map(|(name, kind, about)| json!({
                "name": name,
                "title": kind.title(),
                "about": about,
                "standard": kind.default_standard().name(),
            })).collect::<Vec<_>>(),
        })
    }

    /// The PNG files of the document's folder, for its pictures.
    pub fn pictures(&self) -> Result<Json, Refusal> {
        let files = security::pictures_in(&self.folder).map_err(|e| {
            Refusal::new(
                500,
                format!(
                    "không đọc được thư mục {}: {}",
                    self.folder.display(),
                    crate::error::io_reason(&e)
                ),
            )
        })?;
        Ok(json!({ "files": files }))
    }

    /// Starts a new, unsaved document from a kind's skeleton.
    pub fn new_document(&mut self, kind: &str) -> Result<Json, Refusal> {
        let kind = DocumentKind::from_name(kind)
            .ok_or_else(|| Refusal::new(400, format!("không có loại văn bản `{kind}`")))?;
        self.base = skeleton(kind);
        self.file = None;
        self.on_disk = None;
        Ok(self.state())
    }

    /// The TOML the form's document gives, written into the base.
    fn text_of(&self, doc: &Json) -> Result<String, Refusal> {
        let Json::Object(map) = doc else {
            return Err(Refusal::new(400, "văn bản phải là một bảng"));
        };
        let mut merged = self.base.clone();
        toml_form::merge(&mut merged, map);
        Ok(merged.to_string())
    }

    /// Checks and compiles the form's document. The diagnostics always
    /// come back; the pages only when the document could be made, and then
    /// only the pages the page does not have yet (by key). PNG images come
    /// as bytes beside the JSON, each page saying where its own are: one
    /// answer a change, without a request more for each image.
    pub fn preview(
        &mut self,
        doc: &Json,
        have: &[String],
        images: PageImages,
    ) -> Result<(Json, Vec<u8>), Refusal> {
        let started = std::time::Instant::now();
        let text = self.text_of(doc)?;
        let name = self.name();
        // One read of the input when it is good; a second, for the warnings
        // that come with its errors, only when it is not.
        let (made, diagnostics) = match self.make(&name, &text, false) {
            Ok((made, warnings)) => (Some(made), warnings),
            Err(Error::Input(found)) => {
                let mut all = pipeline::check(self.job(), &self.input(&name, &text));
                // The editor's own refusals (a template outside the folder)
                // come on top of what the library says.
                if !all.iter().any(|d| d.severity == Severity::Error) {
                    all.extend(found);
                }
                (None, all)
            }
            Err(e) => (None, vec![Diagnostic::new(&name, e.to_string())]),
        };
        let mut reply = Map::new();
        reply.insert(
            "diagnostics".into(),
            Json::Array(diagnostics.iter().map(diagnostic_json).collect()),
        );
        reply.insert("ok".into(), Json::Bool(made.is_some()));
        // The guide in force, for the ranges the form shows: the made
        // document's own, else as the library would choose it.
        let guide = made
            .as_ref()
            .map_or_else(|| form_rules::guide_of(doc), |m| m.document.guide);
        reply.insert("guide".into(), form_rules::guide_json(guide));
        let mut bytes = Vec::new();
        if let Some(made) = made {
            let pages = pages(&made, have, images, &mut self.shown, &mut bytes);
            reply.insert("pages".into(), Json::Array(pages));
        }
        // The server's share of the time, for the latency benchmark.
        reply.insert("ms".into(), json!(started.elapsed().as_secs_f64() * 1000.0));
        Ok((Json::Object(reply), bytes))
    }

    /// The form's text as an input of the document's folder.
    fn input(&self, name: &str, text: &str) -> Input {
        Input::text(name, text.as_bytes().to_vec(), Some(self.folder.clone()))
    }

    fn job(&self) -> &Job {
        &self.job
    }

    /// Lays the document out through the pipeline, or makes its PDF when
    /// `export`; a template outside the folder is refused before anything
    /// reads it. Gives the warnings to show with the document.
    fn make(
        &self,
        name: &str,
        text: &str,
        export: bool,
    ) -> Result<(pipeline::Made, Vec<Diagnostic>)> {
        let (job, input) = (self.job(), self.input(name, text));
        let loaded = crate::pipeline::load(job, &input);
        if let Ok(loaded) = &loaded
            && let Some(template) = &loaded.document.template
            && security::inside(&self.folder, template).is_err()
        {
            return Err(Error::input(
                Diagnostic::new(name, NameError::Outside.message())
                    .field("template")
                    .hint("chép mẫu văn bản vào thư mục của văn bản, rồi ghi đường dẫn tính từ đó"),
            ));
        }
        let outcome = pipeline::make_loaded(&self.engine, job, &input, loaded, export);
        Ok((outcome.result?, outcome.warnings))
    }

    /// Saves where the document came from. A file changed by another
    /// program since it was read is not overwritten unless `overwrite`.
    pub fn save(&mut self, doc: &Json, overwrite: bool) -> Result<Json, Refusal> {
        let Some(path) = self.path() else {
            return Err(Refusal::new(
                409,
                "văn bản mới chưa có tên tệp: dùng \"Lưu thành\"",
            ));
        };
        let current = std::fs::read(&path).ok();
        if !overwrite && current.is_some() && current != self.on_disk {
            return Err(Refusal::new(
                409,
                format!(
                    "{} đã bị chương trình khác sửa sau khi mở; lưu sẽ ghi đè những thay đổi đó",
                    path.display()
                ),
            ));
        }
        self.write(doc, &path)
    }

    /// Saves under a new name in the same folder.
    pub fn save_as(&mut self, doc: &Json, name: &str, overwrite: bool) -> Result<Json, Refusal> {
        let path =
            security::file_in(&self.folder, name).map_err(|e| Refusal::new(403, e.message()))?;
        if !overwrite && path.exists() {
            return Err(Refusal::new(
                409,
                format!("đã có tệp {name}; lưu sẽ ghi đè tệp đó"),
            ));
        }
        let result = self.write(doc, &path)?;
        self.file = Some(PathBuf::from(name));
        Ok(result)
    }

    fn write(&mut self, doc: &Json, path: &Path) -> Result<Json, Refusal> {
        let text = self.text_of(doc)?;
        crate::output::write_atomic(path, text.as_bytes())?;
        self.base = toml_form::parse(&text).map_err(|e| Refusal::new(500, e))?;
        self.on_disk = Some(text.into_bytes());
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        Ok(json!({ "file": name }))
    }

    /// The PDF of the form's document, byte for byte what `vanban render`
    /// makes of the same text, with the name it would get.
    pub fn pdf(&self, doc: &Json) -> Result<(String, Vec<u8>), Refusal> {
        let text = self.text_of(doc)?;
        let name = self.name();
        let (made, _) = self
            .make(&name, &text, true)
            .map_err(|e| Refusal::new(422, e.to_string()))?;
        let pdf = made
            .files
            .into_iter()
            .next()
            .map(|f| f.bytes)
            .unwrap_or_default();
        let stem = Path::new(&name).file_stem().map_or_else(
            || "van-ban".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        );
        Ok((format!("{stem}.pdf"), pdf))
    }
}

/// Each page by key, with its image and its text when the page does not
/// have it yet. PNG images are appended to `bytes`; a page gives their
/// offset and length there. A page the browser shows at the same place
/// under another key comes as the band of rows that changed (`base`: the
/// key of the image to draw it over, `y`: its first row).
fn pages(
    made: &pipeline::Made,
    have: &[String],
    images: PageImages,
    shown: &mut Shown,
    bytes: &mut Vec<u8>,
) -> Vec<Json> {
    let resolution = match images {
        PageImages::Png { ppi } => format!("{ppi:.0}"),
        PageImages::Svg => "svg".to_owned(),
    };
    let keys: Vec<String> = pipeline::page_hashes(made)
        .into_iter()
        .map(|h| format!("{h:032x}-{resolution}"))
        .collect();
    let mut now_shown = std::collections::HashMap::new();
    let list = keys
        .iter()
        .enumerate()
        .map(|(i, key)| {
            if have.contains(key) {
                if let Some(pixels) = shown.take(key) {
                    now_shown.insert(key.clone(), pixels);
                }
                return json!({ "key": key });
            }
            let mut page = json!({ "key": key, "text": pipeline::page_text(made, i) });
            match images {
                PageImages::Svg => page["svg"] = json!(pipeline::page_svg(made, i)),
                PageImages::Png { ppi } => {
                    let Some(pixels) = pipeline::page_pixels(made, i, ppi) else {
                        return page;
                    };
                    // The browser draws over the image it has at this place
                    // only when no page of the answer keeps that image.
                    let base = have
                        .get(i)
                        .filter(|old| !keys.contains(old))
                        .and_then(|old| Some((old, pixels.changed_rows(shown.get(old)?)?)));
                    let rows = match base {
                        Some((old, rows)) => {
                            page["base"] = json!(old);
                            rows
                        }
                        None => 0..pixels.height(),
                    };
                    if !rows.is_empty()
                        && let Some(png) = pixels.png(rows.clone())
                    {
                        page["png"] = json!([bytes.len(), png.len()]);
                        page["y"] = json!(rows.start);
                        bytes.extend_from_slice(&png);
                    }
                    now_shown.insert(key.clone(), pixels);
                }
            }
            page
        })
        .collect();
    shown.replace(now_shown);
    list
}

/// The skeleton of a kind, dated this month.
fn skeleton(kind: DocumentKind) -> DocumentMut {
    let (year, month) = crate::skeleton::this_month();
    let text = crate::skeleton::skeleton(kind, year, month);
    // The skeleton is ours and parses; a test makes sure of it.
    toml_form::parse(&text).unwrap_or_default()
}

fn diagnostic_json(d: &Diagnostic) -> Json {
    json!({
        "severity": d.severity.name(),
        "label": d.severity.label(),
        "rule": d.rule,
        "field": d.field,
        // As people count: "directives › mục 1" for directives.items[0].
        "place": d.field.as_deref().map(crate::human_field::human_field),
        "message": d.message,
        "hint": d.hint,
        "line": d.position.as_ref().map(|p| p.line),
        "column": d.position.as_ref().map(|p| p.column),
    })
}
