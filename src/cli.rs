//! The command line: every argument with help written for the people who
//! draft the documents.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// vanban: văn bản kết luận chuẩn thể thức, từ một tệp TOML.
///
/// Write the content of a meeting's conclusion in a TOML file; vanban lays
/// it out as the standard requires (Hướng dẫn 36-HD/VPTW for the Party,
/// Nghị định 30/2020/NĐ-CP for State bodies) and writes a PDF ready to
/// print, sign and stamp.
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

    /// Make many documents at once (tạo nhiều văn bản một lần).
    ///
    /// Example: vanban batch thu-muc/ -o pdf/
    /// makes a PDF in pdf/ for every .toml and .json file in thu-muc/. A
    /// document with errors is reported and the others are still made.
    #[command(
        after_help = "Exit codes: 0 every document was made; 1 some were not (each is \
        reported); 2 wrong command line; 3 the output folder or an input list could not be used; \
        130 stopped by Ctrl-C (what was written is whole)."
    )]
    Batch(BatchArgs),

    /// Check documents without making them (kiểm tra văn bản).
    ///
    /// Prints every error and warning as FILE:LINE:COLUMN: SEVERITY: FIELD:
    /// MESSAGE, with a hint. Warnings are the slips records officers send
    /// documents back for; each names its rule in [brackets].
    #[command(
        after_help = "Exit codes: 0 no errors (warnings allowed); 1 errors; 2 warnings         only, with --deny-warnings.

Rules: type-code, number-format, archive-line,         reference-date, date-padding, summary-case, spacing, unused-footnote."
    )]
    Check(CheckArgs),

    /// List the built-in document kinds (các loại văn bản có sẵn).
    ///
    /// Each kind is a value for the input's `kind` field.
    Templates,
}

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A PDF document.
    Pdf,
    /// One PNG image per page (NAME-1.png, NAME-2.png, …), to look at
    /// without a PDF viewer.
    Png,
}

/// Which lint warnings to show.
#[derive(Debug, clap::Args)]
pub struct LintArgs {
    /// Do not warn about this rule (may be given more than once), e.g.
    /// --allow summary-case.
    #[arg(short = 'A', long = "allow", value_name = "RULE")]
    pub allow: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The TOML or JSON files to check.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,

    /// human, or json for a list of diagnostics on standard output.
    #[arg(long, value_enum, default_value_t = Report::Human)]
    pub format: Report,

    /// Exit with code 2 when there are warnings but no errors.
    #[arg(long)]
    pub deny_warnings: bool,

    #[command(flatten)]
    pub lint: LintArgs,
}

/// Options shared by render and batch.
#[derive(Debug, clap::Args)]
pub struct MakeArgs {
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

    /// pdf, or png for one image per page.
    #[arg(long, value_enum, default_value_t = Format::Pdf)]
    pub format: Format,

    /// Resolution of PNG images, in pixels per inch.
    #[arg(long, default_value_t = 144.0, value_name = "PPI")]
    pub ppi: f32,

    #[command(flatten)]
    pub lint: LintArgs,
}

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// The TOML (or JSON) file that describes the document, or - to read
    /// it from standard input.
    pub input: PathBuf,

    /// Where to write the PDF, or - for standard output. By default: the
    /// input's name with .pdf (ket-luan.toml gives ket-luan.pdf).
    #[arg(short, long, value_name = "OUTPUT")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub make: MakeArgs,
}

/// How batch and check report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Report {
    /// Errors as messages and a summary, for people.
    Human,
    /// One JSON object per document on standard output, for scripts.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct BatchArgs {
    /// TOML or JSON files, and folders whose .toml and .json files are all
    /// made. Without any, or with -, documents are read from standard input
    /// as JSON Lines: one document per line.
    pub inputs: Vec<PathBuf>,

    /// The folder to write into; it is created if needed.
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,

    /// How to name each output: {stem} (the input's name), {index} (its
    /// place in the batch), {number} (the document's number), {kind}. The
    /// extension is added.
    #[arg(long = "name", value_name = "PATTERN", default_value = "{stem}")]
    pub name: String,

    /// How many documents to make at the same time. By default, one per
    /// processor core.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,

    /// Stop at the first document that fails.
    #[arg(long)]
    pub fail_fast: bool,

    /// human, or json for one record per document on standard output.
    #[arg(long, value_enum, default_value_t = Report::Human)]
    pub report: Report,

    /// Print nothing but the errors.
    #[arg(short, long)]
    pub quiet: bool,

    #[command(flatten)]
    pub make: MakeArgs,
}
