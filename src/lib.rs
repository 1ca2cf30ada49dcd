//! vanban: official Vietnamese documents from a TOML description.
//!
//! The data flows one way: TOML → [`model`] (checked, NFC) → [`data`] for
//! the template → [`engine`] (Typst, in process) → PDF → [`output`].

pub mod batch;
pub mod conventions;
pub mod data;
pub mod editor;
pub mod engine;
pub mod error;
pub mod markup;
pub mod model;
pub mod output;
pub mod render;
pub mod skeleton;

pub use engine::Engine;
pub use error::{Diagnostic, Error, Result, Severity};
pub use render::{Rendered, render_pdf, render_pdf_with};
