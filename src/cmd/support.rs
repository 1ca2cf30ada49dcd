//! Support for those who write the TOML in a text editor: the JSON Schema,
//! shell completions and the man page, all from the definitions.

use vanban::error::{Error, Result};

/// The JSON Schema of the input, with the Vietnamese descriptions of
/// docs/schema.md.
pub const JSON_SCHEMA: &str = include_str!("../../docs/vanban.schema.json");

pub fn schema() -> Result<super::Status> {
    super::to_stdout(&[JSON_SCHEMA.as_bytes()])?;
    Ok(super::Status::Done)
}

pub fn completions(shell: clap_complete::Shell) -> Result<super::Status> {
    let mut command = crate::cli::command();
    clap_complete::generate(shell, &mut command, "vanban", &mut std::io::stdout());
    Ok(super::Status::Done)
}

/// The man page of vanban, or of one of its commands.
pub fn man(name: Option<&str>) -> Result<super::Status> {
    let mut command = crate::cli::command();
    // The page's NAME line: the Vietnamese summary, not Cargo's English.
    let summary = command
        .get_long_about()
        .map(ToString::to_string)
        .and_then(|a| a.lines().next().map(str::to_owned))
        .unwrap_or_default();
    command = command.about(summary);
    if let Some(name) = name {
        command.build();
        let Some(sub) = command.find_subcommand(name).cloned() else {
            let names: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
            return Err(Error::Usage(format!(
                "không có lệnh `{name}`; các lệnh: {}",
                names.join(", ")
            )));
        };
        command = sub.version(env!("CARGO_PKG_VERSION"));
    }
    let page = clap_mangen::Man::new(command);
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = page.render(&mut out);
    super::to_stdout(&[&out])?;
    Ok(super::Status::Done)
}
