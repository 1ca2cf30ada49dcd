//! `vanban edit` (`vanban soan`): the local web editor.

use vanban::editor::{self, Options};
use vanban::error::{Error, Result};

use crate::cli::EditArgs;

pub fn run(args: &EditArgs) -> Result<super::Status> {
    let kind = super::new::kind(&args.kind)?;
    if let Some(file) = &args.input {
        let toml = file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
        if !toml {
            return Err(Error::Usage(format!(
                "trình soạn thảo chỉ mở tệp .toml, không mở {}",
                file.display()
            )));
        }
    }
    let options = Options {
        file: args.input.clone(),
        kind,
        port: args.port,
        open_browser: !args.no_open,
        engine: super::engine(&args.font_path)?,
        creation_epoch: super::creation_epoch(),
    };
    editor::run(options, &super::batch::stop_on_signals())?;
    Ok(super::Status::Done)
}
