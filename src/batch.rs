//! Many documents in one run: inputs from files, folders or JSON Lines,
//! rendered by a pool of workers that share one engine, each failure
//! reported on its own while the others go on.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Instant;

use serde::Serialize;

use crate::engine::Engine;
use crate::error::{Diagnostic, Error, Result};
use crate::model::{self, Document, Syntax};
use crate::output::write_atomic;
use crate::render::{self, OutputFormat};

/// Typst's caches are pruned after every this many documents: results
/// unused for `CACHE_AGE` prunings are dropped. Documents of a batch share
/// most of their layout, so recent results are worth keeping; older ones
/// would only grow memory. Pruning walks every cache, so not after each
/// document.
const EVICT_EVERY: usize = 4;
const CACHE_AGE: usize = 2;

/// One document to make.
#[derive(Debug, Clone)]
pub enum Input {
    /// A TOML or JSON file.
    File(PathBuf),
    /// One line of a JSON Lines stream (`line` counts from 1).
    Line { line: usize, text: String },
}

impl Input {
    /// How messages and reports name the input.
    pub fn name(&self) -> String {
        match self {
            Self::File(path) => path.display().to_string(),
            Self::Line { line, .. } => format!("-:{line}"),
        }
    }

    /// The input's name without folder and extension, for `{stem}`.
    pub fn stem(&self) -> String {
        match self {
            Self::File(path) => path
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned()),
            Self::Line { line, .. } => format!("dong-{line}"),
        }
    }

    /// The folder that paths written in the input are relative to.
    fn base(&self) -> Option<&Path> {
        match self {
            Self::File(path) => path.parent(),
            Self::Line { .. } => None,
        }
    }

    fn load(&self) -> Result<Document> {
        match self {
            Self::File(path) => {
                let bytes = std::fs::read(path).map_err(|source| Error::Io {
                    action: "đọc",
                    path: path.clone(),
                    source,
                })?;
                model::load(&self.name(), &bytes)
            }
            Self::Line { line, text } => {
                // Positions inside a line are reported on the stream's line.
                model::load_text(&self.name(), text, Syntax::Json).map_err(|e| match e {
                    Error::Input(diagnostics) => Error::Input(
                        diagnostics
                            .into_iter()
                            .map(|mut d| {
                                d.file = "-".to_owned();
                                if let Some(p) = &mut d.position {
                                    p.line = *line;
                                }
                                d
                            })
                            .collect(),
                    ),
                    other => other,
                })
            }
        }
    }
}

/// The inputs named on the command line: files as they are, folders for
/// every `.toml` and `.json` file directly inside them, in name order.
pub fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<Input>> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|source| Error::Io {
                    action: "đọc thư mục",
                    path: path.clone(),
                    source,
                })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                            e.eq_ignore_ascii_case("toml") || e.eq_ignore_ascii_case("json")
                        })
                })
                .collect();
            found.sort();
            inputs.extend(found.into_iter().map(Input::File));
        } else {
            inputs.push(Input::File(path.clone()));
        }
    }
    Ok(inputs)
}

/// A JSON Lines stream: one document per non-empty line.
pub fn read_json_lines(text: &str) -> Vec<Input> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| Input::Line {
            line: i + 1,
            text: l.to_owned(),
        })
        .collect()
}

/// How a batch runs.
#[derive(Debug, Clone)]
pub struct Options {
    pub out_dir: PathBuf,
    /// Output names: `{stem}`, `{index}`, `{number}`, `{kind}`; the
    /// extension is added.
    pub name_pattern: String,
    pub jobs: usize,
    pub fail_fast: bool,
    pub format: OutputFormat,
    /// A template that overrides the inputs' own.
    pub template: Option<PathBuf>,
    /// Seconds since 1970 for the PDF creation date, instead of the
    /// documents' dates (SOURCE_DATE_EPOCH).
    pub creation_epoch: Option<i64>,
    /// Lint rules whose warnings are not reported.
    pub allowed_rules: Vec<String>,
    /// Set from outside (Ctrl-C) to stop taking new documents; the ones
    /// being made are finished and written whole.
    pub interrupt: Arc<AtomicBool>,
}

/// What became of one input.
#[derive(Debug)]
pub struct Outcome {
    /// The input's place in the batch, from 1.
    pub index: usize,
    pub input: String,
    pub outputs: Vec<PathBuf>,
    pub result: Result<()>,
    pub millis: f64,
    /// Lint and compiler warnings, one message each.
    pub warnings: Vec<String>,
}

/// The JSON record of an outcome, one line per document in `--report json`.
#[derive(Debug, Serialize)]
pub struct Record<'a> {
    pub index: usize,
    pub input: &'a str,
    pub outputs: Vec<String>,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ErrorRecord>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub warnings: &'a [String],
    pub ms: f64,
}

#[derive(Debug, Serialize)]
pub struct ErrorRecord {
    pub file: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub field: Option<String>,
    pub message: String,
    pub hint: Option<String>,
}

impl From<&Diagnostic> for ErrorRecord {
    fn from(d: &Diagnostic) -> Self {
        ErrorRecord {
            file: Some(d.file.clone()),
            line: d.position.as_ref().map(|p| p.line),
            column: d.position.as_ref().map(|p| p.column),
            field: d.field.clone(),
            message: d.message.clone(),
            hint: d.hint.clone(),
        }
    }
}

impl Outcome {
    pub fn record(&self) -> Record<'_> {
        let errors = match &self.result {
            Ok(()) => Vec::new(),
            Err(Error::Input(diagnostics)) => diagnostics.iter().map(ErrorRecord::from).collect(),
            Err(other) => vec![ErrorRecord {
                file: None,
                line: None,
                column: None,
                field: None,
                message: other.to_string(),
                hint: None,
            }],
        };
        Record {
            index: self.index,
            input: &self.input,
            outputs: self
                .outputs
                .iter()
                .map(|p| p.display().to_string())
                .collect(),
            status: if self.result.is_ok() { "ok" } else { "error" },
            errors,
            warnings: &self.warnings,
            ms: (self.millis * 100.0).round() / 100.0,
        }
    }
}

/// Counts at the end of a batch.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub made: usize,
    pub failed: usize,
    /// Inputs not tried because `fail_fast` or an interrupt stopped the batch.
    pub skipped: usize,
    /// Whether `Options::interrupt` stopped the batch.
    pub interrupted: bool,
}

/// Checks an output-name pattern before anything runs.
pub fn check_pattern(pattern: &str) -> Result<()> {
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').ok_or_else(|| {
            Error::Usage(format!("mẫu tên tệp `{pattern}` có `{{` mà thiếu `}}`"))
        })?;
        let key = &rest[open + 1..open + close];
        if !matches!(key, "stem" | "index" | "number" | "kind") {
            return Err(Error::Usage(format!(
                "`{{{key}}}` không phải là chỗ điền của mẫu tên tệp; dùng {{stem}}, {{index}}, {{number}} hoặc {{kind}}"
            )));
        }
        rest = &rest[open + close + 1..];
    }
    if pattern.contains(['/', '\\']) || pattern.contains("..") || pattern.trim().is_empty() {
        return Err(Error::Usage(format!(
            "mẫu tên tệp `{pattern}` phải chỉ tới một tệp nằm trong thư mục kết quả"
        )));
    }
    Ok(())
}

fn output_stem(pattern: &str, input: &Input, index: usize, width: usize, doc: &Document) -> String {
    pattern
        .replace("{stem}", &input.stem())
        .replace("{index}", &format!("{index:0width$}"))
        .replace(
            "{number}",
            &doc.number
                .map_or("khong-so".to_owned(), |n| format!("{n:02}")),
        )
        .replace("{kind}", doc.kind.name())
}

/// Makes every input, `opts.jobs` at a time, calling `report` in this
/// thread as each one finishes.
pub fn run(
    engine: &Engine,
    inputs: &[Input],
    opts: &Options,
    mut report: impl FnMut(&Outcome),
) -> Summary {
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let claimed = Mutex::new(HashSet::new());
    let width = inputs.len().to_string().len();
    let mut summary = Summary::default();
    let (tx, rx) = mpsc::channel::<Outcome>();
    std::thread::scope(|scope| {
        for _ in 0..opts.jobs.max(1).min(inputs.len().max(1)) {
            let tx = tx.clone();
            let (next, stop, claimed, done) = (&next, &stop, &claimed, &done);
            scope.spawn(move || {
                loop {
                    if stop.load(Ordering::Relaxed) || opts.interrupt.load(Ordering::Relaxed) {
                        break;
                    }
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(input) = inputs.get(i) else { break };
                    let started = Instant::now();
                    let mut outcome = Outcome {
                        index: i + 1,
                        input: input.name(),
                        outputs: Vec::new(),
                        result: Ok(()),
                        millis: 0.0,
                        warnings: Vec::new(),
                    };
                    outcome.result = make(engine, input, i + 1, width, opts, claimed, &mut outcome);
                    // Keep memory flat however many documents run, failed ones too.
                    if done.fetch_add(1, Ordering::Relaxed) % EVICT_EVERY == EVICT_EVERY - 1 {
                        typst::comemo::evict(CACHE_AGE);
                    }
                    outcome.millis = started.elapsed().as_secs_f64() * 1000.0;
                    if outcome.result.is_err() && opts.fail_fast {
                        stop.store(true, Ordering::Relaxed);
                    }
                    if tx.send(outcome).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        for outcome in rx {
            match outcome.result {
                Ok(()) => summary.made += 1,
                Err(_) => summary.failed += 1,
            }
            report(&outcome);
        }
    });
    summary.skipped = inputs.len() - summary.made - summary.failed;
    summary.interrupted = summary.skipped > 0 && opts.interrupt.load(Ordering::Relaxed);
    summary
}

fn make(
    engine: &Engine,
    input: &Input,
    index: usize,
    width: usize,
    opts: &Options,
    claimed: &Mutex<HashSet<PathBuf>>,
    outcome: &mut Outcome,
) -> Result<()> {
    let mut doc = input.load()?;
    outcome.warnings = doc
        .warnings
        .iter()
        .filter(|d| {
            d.rule
                .is_none_or(|r| !opts.allowed_rules.iter().any(|a| a == r))
        })
        .map(ToString::to_string)
        .collect();
    render::settle_template(&mut doc, input.base(), opts.template.as_deref());
    let stem = output_stem(&opts.name_pattern, input, index, width, &doc);
    let compiled = render::compile(engine, &doc)?;
    outcome.warnings.extend(compiled.warnings.iter().cloned());
    let files = render::export(&doc, &compiled, opts.format, opts.creation_epoch)?;
    let paths: Vec<PathBuf> = files
        .iter()
        .map(|(suffix, _)| opts.out_dir.join(format!("{stem}{suffix}")))
        .collect();
    {
        let mut claimed = claimed
            .lock()
            .map_err(|_| Error::Usage("một luồng xử lý bị lỗi".into()))?;
        if let Some(taken) = paths.iter().find(|p| claimed.contains(*p)) {
            return Err(Error::Usage(format!(
                "{} sẽ bị ghi hai lần; thêm {{index}} vào mẫu tên tệp (--name)",
                taken.display()
            )));
        }
        claimed.extend(paths.iter().cloned());
    }
    for (path, (_, bytes)) in paths.iter().zip(&files) {
        write_atomic(path, bytes)?;
        outcome.outputs.push(path.clone());
    }
    Ok(())
}
