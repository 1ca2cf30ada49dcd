//! `vanban watch`: each save makes the document again; a broken save is
//! reported and leaves the last good PDF.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::*;

/// Waits until `ready` holds, polling; false after `limit`.
fn eventually(limit: Duration, mut ready: impl FnMut() -> bool) -> bool {
    let started = Instant::now();
    while started.elapsed() < limit {
        if ready() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

#[test]
fn remakes_on_save_and_keeps_the_last_good_pdf() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("ket-luan.toml");
    let pdf = dir.path().join("ket-luan.pdf");
    let source = read(REFERENCE);
    std::fs::write(&input, &source).expect("write");
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args([
            "watch",
            "ket-luan.toml",
            "-A",
            "summary-case",
            "-A",
            "reference-date",
        ])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vanban watch starts");
    let (lines, received) = mpsc::channel();
    let stderr = child.stderr.take().expect("stderr");
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    let mut log = Vec::new();
    let mut wait_for = |needle: &str| {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(30) {
            if let Ok(line) = received.recv_timeout(Duration::from_millis(100)) {
                log.push(line);
                if log.last().is_some_and(|l| l.contains(needle)) {
                    return;
                }
            }
        }
        panic!("no line with {needle:?} in {log:#?}");
    };
    wait_for("ket-luan.pdf (3 trang)");
    let first = std::fs::read(&pdf).expect("made at start");

    // A broken save: the error is printed, the PDF stays.
    std::thread::sleep(Duration::from_millis(1100));
    std::fs::write(
        &input,
        source.replace("title = \"PHÓ BÍ THƯ\"", "tilte = \"PHÓ BÍ THƯ\""),
    )
    .expect("write");
    wait_for("giữ nguyên ket-luan.pdf của lần lưu trước");
    assert!(
        log.iter()
            .any(|l| l.contains("lỗi: signature.tilte: không có trường `tilte`")),
        "{log:#?}"
    );
    assert_eq!(std::fs::read(&pdf).expect("still there"), first);

    // A good save: made again, with the change.
    std::thread::sleep(Duration::from_millis(1100));
    std::fs::write(&input, source.replace("Phan Hữu Hoàn", "Nguyễn Thị Ánh")).expect("write");
    assert!(
        eventually(Duration::from_secs(30), || std::fs::read(&pdf)
            .is_ok_and(|b| b != first)),
        "remade after the save"
    );
    assert!(eventually(Duration::from_secs(5), || {
        std::fs::read(&pdf).is_ok_and(|b| fold(&pdf_text(&b)).contains("Nguyễn Thị Ánh"))
    }));
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn writes_png_pages_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("ket-luan.toml"), read(REFERENCE)).expect("write");
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args([
            "watch",
            "ket-luan.toml",
            "--format",
            "png",
            "--ppi",
            "30",
            "-o",
            "anh.png",
        ])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("vanban watch starts");
    let made = eventually(Duration::from_secs(30), || {
        (1..=3).all(|n| dir.path().join(format!("anh-{n}.png")).exists())
    });
    let _ = child.kill();
    let _ = child.wait();
    assert!(made, "anh-1.png … anh-3.png");
    assert!(!dir.path().join("anh-4.png").exists());
}
