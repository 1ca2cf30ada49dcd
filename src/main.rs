use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use vanban::conventions::DocumentKind;
use vanban::error::{Error, Result};
use vanban::{Engine, output, render_pdf_with};

mod cli;

use cli::{Cli, Command, RenderArgs};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Render(args) => render(&args),
        Command::Templates => {
            list_templates();
            Ok(())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(1))
        }
    }
}

fn render(args: &RenderArgs) -> Result<()> {
    let stdin = args.input == Path::new("-");
    let output = match &args.output {
        Some(o) => o.clone(),
        None if stdin => PathBuf::from("-"),
        None => args.input.with_extension("pdf"),
    };
    let to_stdout = output == Path::new("-");
    if to_stdout && std::io::stdout().is_terminal() {
        return Err(Error::Usage(
            "refusing to write a PDF to the terminal; give a file name with -o".into(),
        ));
    }
    if !stdin && !to_stdout && same_file(&args.input, &output) {
        return Err(Error::Usage(format!(
            "the output {} is the input itself; give another name with -o",
            output.display()
        )));
    }

    let (name, bytes) = if stdin {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|source| Error::Io {
                action: "read",
                path: "standard input".into(),
                source,
            })?;
        ("-".to_owned(), bytes)
    } else {
        let bytes = std::fs::read(&args.input).map_err(|source| Error::Io {
            action: "read",
            path: args.input.clone(),
            source,
        })?;
        (args.input.display().to_string(), bytes)
    };

    let engine = if args.font_path.is_empty() {
        Engine::new()
    } else {
        Engine::with_font_dirs(&args.font_path)?
    };
    // Paths written in the input are relative to the input's folder.
    let base = if stdin {
        None
    } else {
        args.input.parent().map(Path::to_owned)
    };
    let rendered = render_pdf_with(
        &engine,
        &name,
        &bytes,
        base.as_deref(),
        args.template.as_deref(),
    )?;
    for w in &rendered.warnings {
        eprintln!("{w}");
    }
    if to_stdout {
        let mut out = std::io::stdout().lock();
        out.write_all(&rendered.pdf)
            .and_then(|()| out.flush())
            .map_err(|source| Error::Io {
                action: "write",
                path: "standard output".into(),
                source,
            })?;
    } else {
        output::write_atomic(&output, &rendered.pdf)?;
        eprintln!("{} ({} pages)", output.display(), rendered.pages);
    }
    Ok(())
}

fn list_templates() {
    for (name, _, description) in DocumentKind::ALL {
        println!("{name:<20} {description}");
    }
}

/// Whether two paths name the same file, even through links or `..`.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
