//! Many documents in one run: inputs from files, folders or JSON Lines,
//! made through the one pipeline by a pool of workers that share one
//! engine, each failure reported on its own while the others go on.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Instant;

use serde::Serialize;

use crate::engine::Engine;
use crate::error::{Diagnostic, Error, Result};
use crate::input::Input;
use crate::model::Document;
use crate::output::write_atomic;
use crate::pipeline::{self, Job};

/// One document to make, read only when a worker takes it.
#[derive(Debug, Clone)]
pub enum Entry {
    /// A TOML or JSON file.
    File(PathBuf),
    /// One line of a JSON Lines stream (`line` counts from 1).
    Line { line: usize, text: String },
}

impl Entry {
    /// How messages and reports name the entry.
    pub fn name(&self) -> String {
        match self {
            Self::File(path) => path.display().to_string(),
            Self::Line { line, .. } => format!("-:{line}"),
        }
    }

    fn read(&self) -> Result<Input> {
        match self {
            Self::File(path) => Input::file(path),
            Self::Line { line, text } => Ok(Input::json_line(*line, text.clone())),
        }
    }
}

/// The entries named on the command line: files as they are, folders for
/// every `.toml` and `.json` file directly inside them, in name order.
pub fn collect_entries(paths: &[PathBuf]) -> Result<Vec<Entry>> {
    let mut entries = Vec::new();
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
            entries.extend(found.into_iter().map(Entry::File));
        } else {
            entries.push(Entry::File(path.clone()));
        }
    }
    Ok(entries)
}

/// A JSON Lines stream: one document per non-empty line.
pub fn read_json_lines(text: &str) -> Vec<Entry> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| Entry::Line {
            line: i + 1,
            text: l.to_owned(),
        })
        .collect()
}

/// How a batch runs: the job every document shares, and where and how
/// many at a time.
#[derive(Debug, Clone)]
pub struct Options {
    pub job: Job,
    pub out_dir: PathBuf,
    /// Output names: `{stem}`, `{index}`, `{number}`, `{kind}`; the
    /// extension is added.
    pub name_pattern: String,
    pub jobs: usize,
    pub fail_fast: bool,
    /// Set from outside (Ctrl-C) to stop taking new documents; the ones
    /// being made are finished and written whole.
    pub interrupt: Arc<AtomicBool>,
}

/// What became of one entry.
#[derive(Debug)]
pub struct Outcome {
    /// The entry's place in the batch, from 1.
    pub index: usize,
    pub input: String,
    pub outputs: Vec<PathBuf>,
    pub result: Result<()>,
    pub millis: f64,
    /// Lint and compiler warnings.
    pub warnings: Vec<Diagnostic>,
}

/// The JSON record of an outcome, one line per document in `--report json`.
#[derive(Debug, Serialize)]
pub struct Record<'a> {
    pub index: usize,
    pub input: &'a str,
    pub outputs: Vec<String>,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<Diagnostic>,
    #[serde(skip_serializing_if = "<[Diagnostic]>::is_empty")]
    pub warnings: &'a [Diagnostic],
    pub ms: f64,
}

impl Outcome {
    pub fn record(&self) -> Record<'_> {
        Record {
            index: self.index,
            input: &self.input,
            outputs: self
                .outputs
                .iter()
                .map(|p| p.display().to_string())
                .collect(),
            status: if self.result.is_ok() { "ok" } else { "error" },
            errors: match &self.result {
                Ok(()) => Vec::new(),
                Err(e) => e.diagnostics(&self.input),
            },
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
    /// Entries not tried because `fail_fast` or an interrupt stopped the batch.
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

fn output_stem(pattern: &str, stem: &str, index: usize, width: usize, doc: &Document) -> String {
    pattern
        .replace("{stem}", stem)
        .replace("{index}", &format!("{index:0width$}"))
        .replace(
            "{number}",
            &doc.number
                .map_or("khong-so".to_owned(), |n| format!("{n:02}")),
        )
        .replace("{kind}", doc.kind.name())
}

/// Makes every entry, `opts.jobs` at a time, calling `report` in this
/// thread as each one finishes.
pub fn run(
    engine: &Engine,
    entries: &[Entry],
    opts: &Options,
    mut report: impl FnMut(&Outcome),
) -> Summary {
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let claimed = Mutex::new(HashSet::new());
    let width = entries.len().to_string().len();
    let mut summary = Summary::default();
    let (tx, rx) = mpsc::channel::<Outcome>();
    std::thread::scope(|scope| {
        for _ in 0..opts.jobs.max(1).min(entries.len().max(1)) {
            let tx = tx.clone();
            let (next, stop, claimed) = (&next, &stop, &claimed);
            scope.spawn(move || {
                loop {
                    if stop.load(Ordering::Relaxed) || opts.interrupt.load(Ordering::Relaxed) {
                        break;
                    }
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(entry) = entries.get(i) else { break };
                    let started = Instant::now();
                    let mut outcome = Outcome {
                        index: i + 1,
                        input: entry.name(),
                        outputs: Vec::new(),
                        result: Ok(()),
                        millis: 0.0,
                        warnings: Vec::new(),
                    };
                    outcome.result = make(engine, entry, i + 1, width, opts, claimed, &mut outcome);
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
    summary.skipped = entries.len() - summary.made - summary.failed;
    summary.interrupted = summary.skipped > 0 && opts.interrupt.load(Ordering::Relaxed);
    summary
}

fn make(
    engine: &Engine,
    entry: &Entry,
    index: usize,
    width: usize,
    opts: &Options,
    claimed: &Mutex<HashSet<PathBuf>>,
    outcome: &mut Outcome,
) -> Result<()> {
    let input = entry.read()?;
    let made = pipeline::make(engine, &opts.job, &input);
    outcome.warnings = made.warnings;
    let made = made.result?;
    let stem = output_stem(
        &opts.name_pattern,
        &input.stem,
        index,
        width,
        &made.document,
    );
    let paths: Vec<PathBuf> = made
        .files
        .iter()
        .map(|f| opts.out_dir.join(format!("{stem}{}", f.suffix)))
        .collect();
    {
        let mut claimed = claimed
            .lock()
            .map_err(|_| Error::Internal("một luồng xử lý bị lỗi".into()))?;
        if let Some(taken) = paths.iter().find(|p| claimed.contains(*p)) {
            return Err(Error::Usage(format!(
                "{} sẽ bị ghi hai lần; thêm {{index}} vào mẫu tên tệp (--name)",
                taken.display()
            )));
        }
        claimed.extend(paths.iter().cloned());
    }
    for (path, file) in paths.iter().zip(&made.files) {
        write_atomic(path, &file.bytes)?;
        outcome.outputs.push(path.clone());
    }
    Ok(())
}
