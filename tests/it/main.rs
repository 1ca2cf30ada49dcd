//! The integration tests, linked into one binary: every test file here links
//! the whole of Typst, so one binary instead of thirteen saves gigabytes of
//! disk and minutes of linking.

mod common;

mod authoring;
mod batch;
mod browser;
mod check;
mod cli;
mod editor;
mod fonts;
mod hostile;
mod input;
mod layout;
mod pdf;
mod property;
mod snapshots;
mod state;
mod structure;
mod templates;
mod watch;
