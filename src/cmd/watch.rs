//! `vanban watch`: makes the document again each time its input is saved.
//!
//! The input is polled (its size and time of change, four times a second)
//! rather than watched through the system's file events: one file costs
//! nothing to poll, polling sees editors that save by writing a new file
//! and renaming it, on every system and network drive alike, and it needs
//! no crate of its own.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant, SystemTime};

use vanban::Input;
use vanban::editor::pipeline;
use vanban::error::{Error, Result};
use vanban::pipeline::{Job, OutputFormat};

use super::Status;
use crate::cli::WatchArgs;

const POLL: Duration = Duration::from_millis(250);

/// How long a file must stay unchanged before it is read: an editor may
/// write a file in several steps.
const SETTLE: Duration = Duration::from_millis(150);

pub fn run(args: &WatchArgs) -> Result<Status> {
    vanban::heap::keep_flat();
    let job = super::job(&args.make)?;
    let format = job.format;
    if args.input == Path::new("-") {
        return Err(Error::Usage(
            "watch cần một tệp, không đọc đầu vào chuẩn".into(),
        ));
    }
    if args.make.template.is_some() {
        return Err(Error::Usage(
            "watch dùng mẫu mà tệp đầu vào ghi trong trường `template`; bỏ --template".into(),
        ));
    }
    let output = match &args.output {
        Some(o) => o.clone(),
        None if format == OutputFormat::Pdf => args.input.with_extension("pdf"),
        None => args.input.with_extension(""),
    };
    // The first read tells a wrong path at once.
    std::fs::metadata(&args.input).map_err(|source| Error::Io {
        action: "đọc",
        path: args.input.clone(),
        source,
    })?;
    let engine = super::engine(&args.make.font_path)?;
    let stop = super::batch::stop_on_signals();
    let mut watcher = Watcher {
        input: args.input.clone(),
        output,
        job,
        engine,
        last: None,
        png_pages: 0,
    };
    eprintln!("đang theo dõi {}; Ctrl-C để dừng", args.input.display());
    let mut seen = stamp(&args.input);
    watcher.make();
    while !stop.load(Ordering::Relaxed) {
        std::thread::sleep(POLL);
        let now = stamp(&args.input);
        if now == seen {
            continue;
        }
        // Wait until the save is over.
        let mut settled = now;
        let started = Instant::now();
        loop {
            std::thread::sleep(SETTLE);
            let again = stamp(&args.input);
            if again == settled || started.elapsed() > Duration::from_secs(5) {
                break;
            }
            settled = again;
        }
        seen = settled;
        watcher.make();
    }
    eprintln!("đã dừng theo dõi");
    Ok(Status::Done)
}

/// What tells that a file changed: its size and time of change.
fn stamp(path: &Path) -> Option<(u64, SystemTime)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.len(), m.modified().ok()?))
}

struct Watcher {
    input: PathBuf,
    output: PathBuf,
    /// What `render` with the same options makes: the one pipeline.
    job: Job,
    engine: vanban::Engine,
    /// The bytes last made, so that a save without change makes nothing.
    last: Option<Vec<u8>>,
    /// Images written last time, to remove those of pages that are gone.
    png_pages: usize,
}

impl Watcher {
    /// Makes the document from the input as it is now; on an error, says
    /// so and leaves the last good output as it is.
    fn make(&mut self) {
        let bytes = match std::fs::read(&self.input) {
            Ok(b) => b,
            // Between an editor's delete and rename: the next poll sees it.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return,
            Err(source) => {
                let e = Error::Io {
                    action: "đọc",
                    path: self.input.clone(),
                    source,
                };
                eprintln!("{e}");
                return;
            }
        };
        if self.last.as_ref() == Some(&bytes) {
            return;
        }
        let started = Instant::now();
        match self.make_from(&bytes) {
            Ok(summary) => eprintln!("{summary}, {} ms", started.elapsed().as_millis()),
            Err(e) => {
                eprintln!("{e}");
                eprintln!("giữ nguyên {} của lần lưu trước", self.output.display());
            }
        }
        self.last = Some(bytes);
    }

    fn make_from(&mut self, bytes: &[u8]) -> Result<String> {
        let name = self.input.display().to_string();
        let base = self.input.parent().unwrap_or(Path::new("")).to_owned();
        let input = Input::text(&name, bytes.to_vec(), Some(base));
        let outcome = pipeline::make(&self.engine, &self.job, &input);
        for w in &outcome.warnings {
            eprintln!("{w}");
        }
        let made = outcome.result?;
        let files = &made.files;
        let pages = made.pages();
        match self.job.format {
            OutputFormat::Pdf => {
                for pdf in files {
                    vanban::output::write_atomic(&self.output, &pdf.bytes)?;
                }
                Ok(format!("{} ({pages} trang)", self.output.display()))
            }
            OutputFormat::Png { .. } => {
                let stem = super::png_stem(&self.output).display().to_string();
                for png in files {
                    let path = PathBuf::from(format!("{stem}{}", png.suffix));
                    vanban::output::write_atomic(&path, &png.bytes)?;
                }
                // Images of pages the document no longer has would mislead.
                for gone in files.len() + 1..=self.png_pages {
                    let _ = std::fs::remove_file(format!("{stem}-{gone}.png"));
                }
                self.png_pages = files.len();
                Ok(format!("{stem}-1.png … ({pages} ảnh)"))
            }
        }
    }
}
