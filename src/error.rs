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
    /// The dotted path of the field, e.g. `signature.name` or `directives.items[2]`.
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
        write!(f, "{}", self.file)?;
        if let Some(p) = &self.position {
            write!(f, ":{}:{}", p.line, p.column)?;
        }
        write!(f, ": {}: ", self.severity.label())?;
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
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
    Template(Vec<String>),
    /// The command line asks for something that cannot be done.
    Usage(String),
    /// Ctrl-C (or SIGTERM) stopped a batch; what was written is whole.
    Interrupted,
}

impl Error {
    pub fn input(diagnostic: Diagnostic) -> Self {
        Self::Input(vec![diagnostic])
    }

    /// The process exit code for this error, as documented in the README.
    pub fn exit_code(&self) -> i32 {
        match self {
            Self::Input(_) => 1,
            Self::Usage(_) => 2,
            Self::Io { .. } => 3,
            Self::Template(_) => 4,
            // 128 + SIGINT, as shells report a process stopped by Ctrl-C.
            Self::Interrupted => 130,
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
            Self::Usage(message) => write!(f, "{message}"),
            Self::Interrupted => write!(
                f,
                "đã dừng vì bị ngắt (Ctrl-C); các tệp đã ghi đều đầy đủ, các văn bản còn lại chưa làm"
            ),
        }
    }
}

impl std::error::Error for Error {}

/// The operating system's reason in words a secretary reads; the system's
/// own text for the rare kinds without a translation.
fn io_reason(error: &std::io::Error) -> String {
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
        ErrorKind::StorageFull => "ổ đĩa đã đầy",
        ErrorKind::ReadOnlyFilesystem => "ổ đĩa chỉ cho phép đọc",
        ErrorKind::InvalidData => "dữ liệu không hợp lệ",
        _ => return error.to_string(),
    };
    reason.to_owned()
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
