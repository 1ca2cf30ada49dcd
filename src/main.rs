use std::process::ExitCode;

mod cli;
mod cmd;

use cli::Command;

fn main() -> ExitCode {
    let result = cli::parse().and_then(|cli| match cli.command {
        Command::Render(args) => cmd::render::run(&args),
        Command::Batch(args) => cmd::batch::run(&args),
        Command::Check(args) => cmd::check::run(&args),
        Command::Data(args) => cmd::data(&args),
        Command::Extract(args) => cmd::extract::run(&args),
        Command::Sign(args) => cmd::sign::run(&args),
        Command::Issue(args) => cmd::issue::run(&args),
        Command::Verify(args) => cmd::verify::run(&args),
        Command::New(args) => cmd::new::run(&args),
        Command::Edit(args) => cmd::edit::run(&args),
        Command::Watch(args) => cmd::watch::run(&args),
        Command::Schema => cmd::support::schema(),
        Command::Completions(args) => cmd::support::completions(args.shell),
        Command::Man(args) => cmd::support::man(args.command.as_deref()),
        Command::Templates => cmd::list_templates(),
    });
    match result {
        Ok(status) => ExitCode::from(status.exit_code()),
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(e.exit_code())
        }
    }
}
