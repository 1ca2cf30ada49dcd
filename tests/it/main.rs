//! The integration tests, linked into one binary: every test file here links
//! the whole of Typst, so one binary instead of thirteen saves gigabytes of
//! disk and minutes of linking.

mod common;

mod authoring;
mod batch;
mod body_text;
mod breaking;
mod browser;
mod check;
mod cli;
mod corpus;
mod docs;
mod editor;
mod editor_fields;
mod eoriginal;
mod fonts;
mod footnotes;
mod hd05;
mod hd05_checks;
mod hostile;
mod input;
mod issue;
mod keys;
mod layout;
mod messages;
mod modes;
mod pagination;
mod pdf;
mod property;
mod reissue;
mod sign;
mod sign_cli;
mod snapshots;
mod state;
mod structure;
mod templates;
mod token;
mod watch;
