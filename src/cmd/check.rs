//! `vanban check`: errors and lint warnings, without making anything.

use std::io::IsTerminal;

use vanban::Input;
use vanban::error::{Diagnostic, Result, Severity};
use vanban::pipeline::{self, Job};

use super::Status;
use crate::cli::{CheckArgs, Report};

pub fn run(args: &CheckArgs) -> Result<Status> {
    let job = Job::default().allow(&args.lint.allow)?;
    let mut all: Vec<Diagnostic> = Vec::new();
    for path in &args.inputs {
        match Input::from_arg(path) {
            Ok(input) => all.extend(pipeline::check(&job, &input)),
            // A file that cannot be read is one more problem to report.
            Err(e) => all.extend(e.diagnostics(&path.display().to_string())),
        }
    }

    let errors = all.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = all.len() - errors;
    match args.format {
        Report::Human => {
            for d in &all {
                println!("{d}");
            }
            if !all.is_empty() {
                eprintln!("{errors} lỗi, {warnings} cảnh báo");
            } else if let Some(line) = all_clear(args.inputs.len(), std::io::stderr().is_terminal())
            {
                eprintln!("{line}");
            }
        }
        Report::Json => match serde_json::to_string_pretty(&all) {
            Ok(text) => println!("{text}"),
            Err(e) => return Err(vanban::Error::Internal(e.to_string())),
        },
    }
    Ok(if errors > 0 {
        Status::SomeFailed
    } else if warnings > 0 && args.deny_warnings {
        Status::WarningsDenied
    } else {
        Status::Done
    })
}

/// What a clean check says: a line for someone watching a terminal, that
/// the files were read and all is well; nothing for a script or a pipe,
/// where silence is the answer.
fn all_clear(files: usize, terminal: bool) -> Option<String> {
    terminal.then(|| format!("{files} tệp, không có lỗi hay cảnh báo"))
}

#[cfg(test)]
mod tests {
    use super::all_clear;

    #[test]
    fn a_clean_check_speaks_only_to_a_terminal() {
        assert_eq!(
            all_clear(3, true).as_deref(),
            Some("3 tệp, không có lỗi hay cảnh báo")
        );
        assert_eq!(all_clear(3, false), None);
    }
}
