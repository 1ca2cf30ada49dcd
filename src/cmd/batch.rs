//! `vanban batch`: many documents, a report on each.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use vanban::batch::{self, Entry, Options};
use vanban::error::{Error, Result};

use super::Status;
use crate::cli::{BatchArgs, Report};

pub fn run(args: &BatchArgs) -> Result<Status> {
    vanban::heap::keep_flat();
    batch::check_pattern(&args.name)?;
    let job = super::job(&args.make)?;
    let inputs = entries(&args.inputs)?;
    std::fs::create_dir_all(&args.output).map_err(|source| Error::Io {
        action: "tạo thư mục kết quả",
        path: args.output.clone(),
        source,
    })?;
    let jobs = match args.jobs {
        Some(0) => {
            return Err(Error::Usage(
                "-j 0 không làm được gì; ghi ít nhất là 1".into(),
            ));
        }
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let opts = Options {
        job,
        out_dir: args.output.clone(),
        name_pattern: args.name.clone(),
        jobs,
        fail_fast: args.fail_fast,
        interrupt: stop_on_signals(),
    };
    let engine = super::engine(&args.make.font_path)?;
    if !args.quiet {
        super::note_left_out(&opts.job);
    }

    let people = args.report == Report::Human;
    let bar = if people && !args.quiet && std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(inputs.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {per_sec} {eta}") {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let started = Instant::now();
    let mut stdout = std::io::stdout().lock();
    let summary = batch::run(&engine, &inputs, &opts, |outcome| {
        if !people {
            if let Ok(line) = serde_json::to_string(&outcome.record()) {
                // A closed pipe must not stop the documents being made.
                let _ = writeln!(stdout, "{line}");
            }
        } else if let Err(e) = &outcome.result {
            bar.suspend(|| eprintln!("{e}"));
        }
        if people && !args.quiet {
            for w in &outcome.warnings {
                bar.suspend(|| eprintln!("{w}"));
            }
        }
        bar.inc(1);
    });
    bar.finish_and_clear();
    if people && !args.quiet {
        let seconds = started.elapsed().as_secs_f64();
        let mut line = format!(
            "đã làm {} trên {} văn bản trong {seconds:.1} giây",
            summary.made,
            inputs.len()
        );
        if summary.failed > 0 {
            line.push_str(&format!(", {} lỗi", summary.failed));
        }
        if summary.skipped > 0 {
            let why = if summary.interrupted {
                "bị ngắt"
            } else {
                "--fail-fast"
            };
            line.push_str(&format!(", {} chưa làm ({why})", summary.skipped));
        }
        eprintln!("{line}");
    }
    if summary.interrupted {
        return Err(Error::Interrupted);
    }
    Ok(if summary.failed == 0 && summary.skipped == 0 {
        Status::Done
    } else {
        Status::SomeFailed
    })
}

/// A flag that Ctrl-C and SIGTERM raise, so that a batch stops between
/// documents instead of in the middle of writing one. A second signal ends
/// the process at once, for a batch that does not stop soon enough.
pub(crate) fn stop_on_signals() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        // Without the handlers a signal ends the batch the default way,
        // which still leaves only whole files: no need to fail over it.
        let _ = signal_hook::flag::register_conditional_shutdown(signal, 130, Arc::clone(&flag));
        let _ = signal_hook::flag::register(signal, Arc::clone(&flag));
    }
    flag
}

/// Files and folders from the command line, or JSON Lines from standard
/// input when there are none (or the only one is "-").
fn entries(paths: &[PathBuf]) -> Result<Vec<Entry>> {
    if paths.is_empty() || paths == [Path::new("-")] {
        // JSON Lines are UTF-8; a bad byte spoils only its own line.
        let text = String::from_utf8_lossy(&vanban::input::read_stdin()?).into_owned();
        return Ok(batch::read_json_lines(&text));
    }
    batch::collect_entries(paths)
}
