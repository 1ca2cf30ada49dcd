use std::process::ExitCode;

mod cli;
mod cmd;

use cli::Command;

fn main() -> ExitCode {
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(e) => return failure(&e),
    };
    let result = match cli.command {
        Command::Render(args) => cmd::render::run(&args),
        Command::Batch(args) => cmd::batch::run(&args),
        Command::Check(args) => return cmd::check::run(&args),
        Command::Data(args) => cmd::data(&args),
        Command::New(args) => cmd::new::run(&args),
        Command::Edit(args) => cmd::edit::run(&args),
        Command::Watch(args) => cmd::watch::run(&args),
        Command::Schema => cmd::support::schema(),
        Command::Completions(args) => cmd::support::completions(args.shell),
        Command::Man(args) => cmd::support::man(args.command.as_deref()),
        Command::Templates => {
            cmd::list_templates();
            Ok(true)
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        // Some documents of a batch failed; each was reported.
        Ok(false) => ExitCode::from(1),
        Err(e) => failure(&e),
    }
}

/// Prints the error and gives its documented exit code.
fn failure(e: &vanban::Error) -> ExitCode {
    eprintln!("{e}");
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(1))
}
