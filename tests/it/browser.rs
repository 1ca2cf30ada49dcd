//! The editor in a real browser: tests/browser/editor_test.py, through
//! Playwright for Python and Debian's Chromium. Skipped with a note when
//! they are missing, unless VANBAN_REQUIRE_TOOLS=1 (as in CI), which makes
//! a missing tool a failure.

use std::path::Path;
use std::process::Command;

use crate::common::*;

/// Why the browser tests cannot run here, if they cannot.
fn missing_tools() -> Option<String> {
    let chromium = std::env::var("VANBAN_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return Some(format!("{chromium} không có (apt-get install chromium)"));
    }
    let playwright = Command::new("python3")
        .args(["-c", "import playwright.sync_api"])
        .output();
    match playwright {
        Ok(out) if out.status.success() => None,
        _ => Some("Playwright cho Python không có (pip install playwright)".into()),
    }
}

#[test]
fn the_editor_in_a_browser() {
    if let Some(why) = missing_tools() {
        assert!(
            std::env::var("VANBAN_REQUIRE_TOOLS").as_deref() != Ok("1"),
            "VANBAN_REQUIRE_TOOLS=1 but {why}"
        );
        eprintln!("bỏ qua thử trình soạn thảo trong trình duyệt: {why}");
        return;
    }
    let out = Command::new("python3")
        .arg(path("tests/browser/editor_test.py"))
        .env("VANBAN_BIN", env!("CARGO_BIN_EXE_vanban"))
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("12 passed, 0 failed"), "{stdout}");
}
