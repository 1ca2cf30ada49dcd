//! What works on finished PDFs, after export.

pub mod embedded;
