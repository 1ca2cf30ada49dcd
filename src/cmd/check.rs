//! `vanban check`: errors and lint warnings, without making anything.

use std::process::ExitCode;

use vanban::batch::ErrorRecord;
use vanban::error::{Diagnostic, Error, Severity};
use vanban::model;

use crate::cli::{CheckArgs, Report};

#[derive(serde::Serialize)]
struct JsonDiagnostic {
    severity: &'static str,
    rule: Option<&'static str>,
    #[serde(flatten)]
    place: ErrorRecord,
}

pub fn run(args: &CheckArgs) -> ExitCode {
    let allowed = match super::allowed_rules(&args.lint) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let mut all: Vec<Diagnostic> = Vec::new();
    for input in &args.inputs {
        let name = input.display().to_string();
        let found = match std::fs::read(input) {
            Err(source) => vec![Diagnostic::new(
                &name,
                Error::Io {
                    action: "đọc",
                    path: input.clone(),
                    source,
                }
                .to_string(),
            )],
            Ok(bytes) => model::check(&name, &bytes),
        };
        all.extend(found.into_iter().filter(|d| super::shown(d, &allowed)));
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
            }
        }
        Report::Json => {
            let list: Vec<JsonDiagnostic> = all
                .iter()
                .map(|d| JsonDiagnostic {
                    severity: d.severity.name(),
                    rule: d.rule,
                    place: ErrorRecord::from(d),
                })
                .collect();
            match serde_json::to_string_pretty(&list) {
                Ok(text) => println!("{text}"),
                Err(e) => eprintln!("{e}"),
            }
        }
    }
    if errors > 0 {
        ExitCode::from(1)
    } else if warnings > 0 && args.deny_warnings {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}
