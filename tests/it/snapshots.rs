//! Page 1 of every example as a small picture, compared with the one
//! checked in: catches the changes no assertion names. After a deliberate
//! change, look at the new pictures and update them with
//! `VANBAN_UPDATE_SNAPSHOTS=1 cargo test --test it snapshots::`.

use crate::common::*;

/// Pixels per inch of the snapshots: small, but every line is visible.
const PPI: f32 = 40.0;

/// A pixel differs when a channel moves by more than this.
const CHANNEL_TOLERANCE: u8 = 40;

/// The share of pixels that may differ (antialiasing of a changed build).
const PIXEL_TOLERANCE: f64 = 0.002;

fn decode(png_bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

/// The share of RGBA pixels in which some channel moved by more than the
/// tolerance.
fn changed_share(a: &[u8], b: &[u8]) -> f64 {
    let changed = a
        .chunks(4)
        .zip(b.chunks(4))
        .filter(|(x, y)| {
            x.iter()
                .zip(y.iter())
                .any(|(p, q)| p.abs_diff(*q) > CHANNEL_TOLERANCE)
        })
        .count();
    changed as f64 / (a.len() / 4).max(1) as f64
}

#[test]
fn first_pages_look_as_they_did() {
    let update = std::env::var_os("VANBAN_UPDATE_SNAPSHOTS").is_some();
    let mut checked = 0;
    let mut entries: Vec<_> = std::fs::read_dir(path("examples"))
        .expect("examples")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    entries.sort();
    for example in entries {
        let stem = example
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("name")
            .to_owned();
        let compiled = crate::common::example(&format!("examples/{stem}.toml"));
        let pages = vanban::pipeline::export_png(compiled, PPI).expect("renders");
        let snapshot = path(&format!("tests/snapshots/{stem}-1.png"));
        if update {
            std::fs::write(&snapshot, &pages[0]).expect("write snapshot");
            continue;
        }
        let expected = std::fs::read(&snapshot).unwrap_or_else(|_| {
            panic!(
                "no snapshot {}: run VANBAN_UPDATE_SNAPSHOTS=1 cargo test --test it snapshots::",
                snapshot.display()
            )
        });
        let (w, h, now) = decode(&pages[0]);
        let (ew, eh, before) = decode(&expected);
        assert_eq!((w, h), (ew, eh), "{stem}: the page changed size");
        let share = changed_share(&now, &before);
        assert!(
            share <= PIXEL_TOLERANCE,
            "{stem}: {:.2} % of page 1 changed; look at it, and if the change is meant, update the snapshots",
            share * 100.0
        );
        checked += 1;
    }
    assert!(update || checked >= 5, "every example has a snapshot");
}

#[test]
fn a_changed_page_is_noticed() {
    // The comparison sees a small change: one word more in the opening.
    let doc = load(NESTED);
    let base = vanban::pipeline::export_png(&compile_doc(&doc), PPI).expect("renders");
    let changed = read(NESTED).replace("Sau khi", "Sau khi họp và");
    let other = vanban::pipeline::export_png(&compile_str(&changed), PPI).expect("renders");
    let share = changed_share(&decode(&base[0]).2, &decode(&other[0]).2);
    assert!(share > PIXEL_TOLERANCE, "{:.3} % changed", share * 100.0);
}
