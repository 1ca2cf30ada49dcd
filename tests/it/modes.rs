//! Files vanban writes (PDF, PNG, a batch's, an extracted source) can be opened by the colleagues the user's umask
//! lets in, like any file the user makes; a file replaced keeps its mode.

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

use crate::common::*;

/// vanban run by a shell that first sets `umask`, as a login shell would.
fn vanban_under(umask: &str, args: &[&str], dir: &Path) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("sh runs vanban")
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o7777
}

/// Every file in `dir` but the input, by name, with its mode.
fn outputs(dir: &Path) -> Vec<(String, u32)> {
    let mut found: Vec<(String, u32)> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e != "toml"))
        .map(|p| {
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            (name, mode(&p))
        })
        .collect();
    found.sort();
    found
}

#[test]
fn new_files_get_the_mode_the_umask_gives() {
    for (umask, expected) in [("022", 0o644), ("027", 0o640), ("077", 0o600)] {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::copy(path(NESTED), dir.path().join("vb.toml")).expect("copy");
        let out = vanban_under(umask, &["render", "vb.toml"], dir.path());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let out = vanban_under(
            umask,
            &[
                "render",
                "vb.toml",
                "--format",
                "png",
                "-o",
                "trang.png",
                "--ppi",
                "20",
            ],
            dir.path(),
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // The source a PDF carries, written back out.
        let out = vanban_under(umask, &["extract", "vb.pdf", "-o", "nguon.txt"], dir.path());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let made = outputs(dir.path());
        assert!(made.len() >= 3, "a PDF, PNG pages, the source: {made:?}");
        assert!(made.iter().any(|(n, _)| n == "nguon.txt"), "{made:?}");
        assert!(made.iter().any(|(n, _)| n == "vb.pdf"), "{made:?}");
        for (name, got) in &made {
            assert_eq!(*got, expected, "{name} under umask {umask}");
        }

        // batch writes through the same path.
        let out = vanban_under(umask, &["batch", "vb.toml", "-o", "pdf"], dir.path());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            outputs(&dir.path().join("pdf")),
            [("vb.pdf".to_owned(), expected)],
            "batch under umask {umask}"
        );
    }
}

#[test]
fn a_replaced_file_keeps_its_mode() {
    for previous in [0o600, 0o664, 0o444] {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::copy(path(NESTED), dir.path().join("vb.toml")).expect("copy");
        let pdf = dir.path().join("vb.pdf");
        std::fs::write(&pdf, b"an older render").expect("write");
        std::fs::set_permissions(&pdf, std::fs::Permissions::from_mode(previous)).expect("chmod");
        let out = vanban_under("022", &["render", "vb.toml"], dir.path());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            std::fs::read(&pdf).expect("read").starts_with(b"%PDF-"),
            "replaced"
        );
        assert_eq!(mode(&pdf), previous, "mode {previous:o} kept");
        assert_eq!(outputs(dir.path()).len(), 1, "no temporary file left");
    }
}
