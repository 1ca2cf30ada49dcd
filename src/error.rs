//! One diagnostics path for every failure: input, schema, template and I/O.

use std::fmt;
use std::path::PathBuf;

/// Where in the input a problem sits. Lines and columns count from 1;
/// columns count characters, not bytes, so they match what an editor shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The document cannot be made.
    Error,
    /// The document can be made, but a records officer may send it back.
    Warning,
}

impl Severity {
    /// The name scripts read, in JSON reports.
    pub fn name(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
        }
    }

    /// The word a secretary reads.
    pub fn label(self) -> &'static str {
        match self {
            Self::Error => "lỗi",
            Self::Warning => "cảnh báo",
        }
    }
}

/// One problem with the input, told the way a secretary can act on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The lint rule that raised a warning, by which it can be switched off.
    pub rule: Option<&'static str>,
    /// The input's name as the user gave it (`-` for standard input).
    pub file: String,
    pub position: Option<Position>,
    /// The dotted path of the field, e.g. `signature.name` or
    /// `directives.items[2]`, counted from 0 for scripts; people read it
    /// as [`human_field`](crate::human_field::human_field) writes it.
    pub field: Option<String>,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn new(file: &str, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            rule: None,
            file: file.to_owned(),
            position: None,
            field: None,
            message: message.into(),
            hint: None,
        }
    }

    pub fn at(mut self, position: Option<Position>) -> Self {
        self.position = position;
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        let field = field.into();
        self.field = (!field.is_empty()).then_some(field);
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// A warning of the lint rule `rule`.
    pub fn warning(mut self, rule: &'static str) -> Self {
        self.severity = Severity::Warning;
        self.rule = Some(rule);
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A template message with no place in a file starts at its severity.
        if !self.file.is_empty() {
            write!(f, "{}", self.file)?;
            if let Some(p) = &self.position {
                write!(f, ":{}:{}", p.line, p.column)?;
            }
            write!(f, ": ")?;
        }
        write!(f, "{}: ", self.severity.label())?;
        if let Some(field) = &self.field {
            write!(f, "{}: ", crate::human_field::human_field(field))?;
        }
        write!(f, "{}", self.message)?;
        if let Some(rule) = self.rule {
            write!(f, " [{rule}]")?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  gợi ý: {hint}")?;
        }
        Ok(())
    }
}

/// A diagnostic as scripts read it: in `check --format json`, in batch's
/// `--report json` records, and in the editor.
impl serde::Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Diagnostic", 8)?;
        s.serialize_field("severity", self.severity.name())?;
        s.serialize_field("rule", &self.rule)?;
        s.serialize_field("file", &self.file)?;
        s.serialize_field("line", &self.position.as_ref().map(|p| p.line))?;
        s.serialize_field("column", &self.position.as_ref().map(|p| p.column))?;
        s.serialize_field("field", &self.field)?;
        s.serialize_field("message", &self.message)?;
        s.serialize_field("hint", &self.hint)?;
        s.end()
    }
}

/// Everything that can stop a render.
#[derive(Debug)]
pub enum Error {
    /// The input is wrong; the user can fix it.
    Input(Vec<Diagnostic>),
    /// Reading or writing a file failed.
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    /// A template failed to compile. For built-in templates this is a bug in
    /// vanban; for a user's template it is that template's fault.
    Template(Vec<Diagnostic>),
    /// A compiled document could not be written out as PDF or PNG.
    Export(String),
    /// The command line asks for something that cannot be done.
    Usage(String),
    /// Something vanban itself got wrong (a worker thread failed, say).
    Internal(String),
    /// Ctrl-C (or SIGTERM) stopped a batch; what was written is whole.
    Interrupted,
}

impl Error {
    pub fn input(diagnostic: Diagnostic) -> Self {
        Self::Input(vec![diagnostic])
    }

    /// The process exit code for this error, as documented in the README.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Input(_) => exit::INPUT,
            Self::Usage(_) => exit::USAGE,
            Self::Io { .. } => exit::IO,
            Self::Template(_) => exit::TEMPLATE,
            Self::Export(_) => exit::EXPORT,
            Self::Internal(_) => exit::INTERNAL,
            Self::Interrupted => exit::INTERRUPTED,
        }
    }

    /// The error as diagnostics, for reports that list problems as records:
    /// input and template errors as they are, any other as one message
    /// about `file`.
    pub fn diagnostics(&self, file: &str) -> Vec<Diagnostic> {
        match self {
            Self::Input(list) | Self::Template(list) => list.clone(),
            Self::Io { path, .. } => vec![Diagnostic::new(
                &path.display().to_string(),
                self.to_string(),
            )],
            other => vec![Diagnostic::new(file, other.to_string())],
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Input(diagnostics) => {
                for (i, d) in diagnostics.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{d}")?;
                }
                Ok(())
            }
            Self::Io {
                action,
                path,
                source,
            } => write!(
                f,
                "không thể {action} {}: {}",
                path.display(),
                io_reason(source)
            ),
            Self::Template(messages) => {
                write!(f, "mẫu văn bản không biên dịch được:")?;
                for m in messages {
                    write!(f, "\n  {m}")?;
                }
                Ok(())
            }
            Self::Export(message) => write!(f, "không xuất được văn bản: {message}"),
            Self::Usage(message) => write!(f, "{message}"),
            Self::Internal(message) => write!(
                f,
                "lỗi của vanban: {message}\n  gợi ý: đây không phải lỗi của tệp đầu vào; xin báo lại lỗi này"
            ),
            Self::Interrupted => write!(
                f,
                "đã dừng vì bị ngắt (Ctrl-C); các tệp đã ghi đều đầy đủ, các văn bản còn lại chưa làm"
            ),
        }
    }
}

impl std::error::Error for Error {}

/// The operating system's reason in words a secretary reads; for the rare
/// kinds without a translation, the system's error number, which a
/// technician can look up.
pub(crate) fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    if error.get_ref().is_some() {
        // vanban's own words already.
        return error.to_string();
    }
    let reason = match error.kind() {
        ErrorKind::NotFound => "không có tệp hoặc thư mục này",
        ErrorKind::PermissionDenied => "không có quyền truy cập",
        ErrorKind::AlreadyExists => "đã có tệp này",
        ErrorKind::IsADirectory => "đây là một thư mục, không phải tệp",
        ErrorKind::NotADirectory => "một phần của đường dẫn không phải thư mục",
        ErrorKind::DirectoryNotEmpty => "thư mục không trống",
        ErrorKind::StorageFull => "ổ đĩa đã đầy",
        ErrorKind::QuotaExceeded => "đã dùng hết dung lượng được cấp trên ổ đĩa",
        ErrorKind::FileTooLarge => "tệp quá lớn",
        ErrorKind::ReadOnlyFilesystem => "ổ đĩa chỉ cho phép đọc",
        ErrorKind::ResourceBusy => "tệp hoặc thư mục đang được dùng",
        ErrorKind::ExecutableFileBusy => "tệp đang được chạy",
        ErrorKind::CrossesDevices => "không chuyển tệp sang ổ đĩa khác được",
        ErrorKind::InvalidFilename => "tên tệp không hợp lệ",
        ErrorKind::InvalidInput => "đường dẫn hoặc tên tệp không hợp lệ",
        ErrorKind::InvalidData => "dữ liệu không hợp lệ",
        ErrorKind::UnexpectedEof => "tệp kết thúc sớm hơn dự kiến",
        ErrorKind::TimedOut => "quá thời gian chờ",
        ErrorKind::Interrupted => "bị ngắt giữa chừng",
        ErrorKind::BrokenPipe => "chương trình nhận dữ liệu đã đóng",
        ErrorKind::OutOfMemory => "không đủ bộ nhớ",
        ErrorKind::StaleNetworkFileHandle => "mất kết nối với ổ đĩa mạng",
        ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted | ErrorKind::NotConnected => {
            "mất kết nối"
        }
        ErrorKind::Unsupported => "hệ điều hành không hỗ trợ thao tác này",
        _ => {
            return match error.raw_os_error() {
                Some(code) => format!("lỗi hệ thống số {code}"),
                None => "lỗi hệ thống".to_owned(),
            };
        }
    };
    reason.to_owned()
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The process exit codes, one per class of failure; the README and every
/// command's help list them.
pub mod exit {
    pub const SUCCESS: u8 = 0;
    /// The input has errors (each reported); for batch and check, some input had.
    pub const INPUT: u8 = 1;
    /// The command line is wrong; for `check --deny-warnings`, warnings only.
    pub const USAGE: u8 = 2;
    pub const IO: u8 = 3;
    pub const TEMPLATE: u8 = 4;
    pub const EXPORT: u8 = 5;
    pub const INTERNAL: u8 = 6;
    /// 128 + SIGINT, as shells report a process stopped by Ctrl-C.
    pub const INTERRUPTED: u8 = 130;
}
