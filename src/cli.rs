//! The command line: every argument with help written for the people who
//! draft the documents.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// vanban: văn bản kết luận chuẩn thể thức, từ một tệp TOML.
///
/// Write the content of a meeting's conclusion in a TOML file; vanban lays
/// it out as the standard requires (Hướng dẫn 36-HD/VPTW for the Party) and
/// writes a PDF ready to print, sign and stamp. State documents follow
/// Nghị định 30/2020/NĐ-CP.
#[derive(Debug, Parser)]
#[command(name = "vanban", version, about, long_about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Make a PDF from a TOML file (tạo tệp PDF từ tệp TOML).
    ///
    /// Example: vanban render ket-luan.toml
    /// writes ket-luan.pdf beside ket-luan.toml.
    #[command(
        after_help = "Exit codes: 0 done; 1 the input has errors (nothing is written); \
        2 wrong command line; 3 a file could not be read or written; 4 the template failed."
    )]
    Render(RenderArgs),

    /// List the built-in document kinds (các loại văn bản có sẵn).
    ///
    /// Each kind is a value for the input's `kind` field.
    Templates,
}

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// The TOML file that describes the document, or - to read it from
    /// standard input.
    pub input: PathBuf,

    /// Where to write the PDF, or - for standard output. By default: the
    /// input's name with .pdf (ket-luan.toml gives ket-luan.pdf).
    #[arg(short, long, value_name = "OUTPUT")]
    pub output: Option<PathBuf>,

    /// A folder with more fonts. A "Times New Roman" found there is used
    /// instead of the bundled Liberation Serif, which has the same metrics.
    /// May be given more than once.
    #[arg(long = "font-path", value_name = "DIR")]
    pub font_path: Vec<PathBuf>,

    /// Lay the document out with your own Typst template instead of the
    /// built-in one (see docs/templates.md). The template may read files in
    /// its own folder, nothing else. Overrides the input's `template` field.
    #[arg(long, value_name = "FILE.typ")]
    pub template: Option<PathBuf>,
}
