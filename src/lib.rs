//! vanban: official Vietnamese documents from a TOML description.
//!
//! The data flows one way: an [`Input`] → [`model`] (checked, NFC) →
//! [`contract`] (the template's data) → [`engine`] (Typst, in process) →
//! PDF or PNG → [`output`]. [`pipeline`] is that path, the one every
//! command takes.

pub mod batch;
pub mod contract;
pub mod conventions;
pub mod editor;
pub mod engine;
pub mod error;
pub mod heap;
pub mod human_field;
pub mod images;
pub mod input;
pub mod markup;
pub mod model;
pub mod original;
pub mod output;
pub mod pdf;
pub mod pipeline;
pub mod skeleton;

pub use engine::Engine;
pub use error::{Diagnostic, Error, Result, Severity};
pub use input::Input;
