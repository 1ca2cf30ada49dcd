//! The integration tests, linked into one binary: every test file here links
//! the whole of Typst, so one binary instead of thirteen saves gigabytes of
//! disk and minutes of linking.

mod common;

mod batch;
mod body_text;
mod breaking;
mod check;
mod cli;
mod corpus;
mod fonts;
mod footnotes;
mod hostile;
mod input;
mod layout;
mod pagination;
mod pdf;
mod property;
mod snapshots;
mod state;
mod structure;
mod templates;
