//! What works on finished PDFs, after export: reading the files they carry,
//! signing them (PAdES), checking their signatures, and the records
//! office's step of numbering and dating a signed document before it signs
//! for the issuing body.

pub mod cms;
pub mod embedded;
pub mod facts;
pub mod forms;
pub mod incremental;
pub mod issue;
pub mod keys;
pub mod pkcs11;
pub mod sign;
pub mod standard;
pub mod verify;

use crate::error::{Diagnostic, Error};

pub use issue::{Issue, Issued, issue};
pub use keys::{Signer, SoftwareKey};
pub use sign::{Role, sign};
pub use verify::{Report, verify};

/// A problem with a PDF, a key or a certificate, told the way a secretary
/// can act on it. It becomes an [`Error`] once the file it is about is
/// known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    pub message: String,
    pub hint: String,
}

pub fn fault(message: impl Into<String>, hint: impl Into<String>) -> Fault {
    Fault {
        message: message.into(),
        hint: hint.into(),
    }
}

impl Fault {
    /// The error about `file` (the PDF, or the key's file).
    pub fn about(self, file: &str) -> Error {
        Error::input(Diagnostic::new(file, self.message).hint(self.hint))
    }
}

impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}\n  gợi ý: {}", self.message, self.hint)
    }
}
