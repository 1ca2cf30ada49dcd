//! Fonts: the bundled Liberation Serif by default, a Times New Roman from
//! --font-path when there is one.

use crate::common::*;
use vanban::engine::Engine;

/// A copy of a TrueType font whose family name is `family`: its `name`
/// table is rebuilt with that family and appended, and the table
/// directory pointed at it (font readers do not check the checksum).
fn renamed_font(data: &[u8], family: &str) -> Vec<u8> {
    let be16 = |at: usize| u16::from_be_bytes([data[at], data[at + 1]]) as usize;
    let be32 = |at: usize| {
        u32::from_be_bytes([data[at], data[at + 1], data[at + 2], data[at + 3]]) as usize
    };
    let tables = be16(4);
    let entry = (0..tables)
        .map(|i| 12 + 16 * i)
        .find(|&e| &data[e..e + 4] == b"name")
        .expect("a name table");
    let name = be32(entry + 8);

    let count = be16(name + 2);
    let storage = name + be16(name + 4);
    let mut records = Vec::new();
    for i in 0..count {
        let r = name + 6 + 12 * i;
        let (platform, encoding, language, id) = (be16(r), be16(r + 2), be16(r + 4), be16(r + 6));
        let (len, off) = (be16(r + 8), be16(r + 10));
        let mut bytes = data[storage + off..storage + off + len].to_vec();
        if matches!(id, 1 | 4 | 16) {
            let text = match id {
                4 => format!("{family} Regular"),
                _ => family.to_owned(),
            };
            bytes = if platform == 1 {
                text.into_bytes()
            } else {
                text.encode_utf16().flat_map(u16::to_be_bytes).collect()
            };
        }
        records.push((platform, encoding, language, id, bytes));
    }

    let mut table = Vec::new();
    let put = |v: &mut Vec<u8>, x: usize| v.extend_from_slice(&(x as u16).to_be_bytes());
    put(&mut table, 0);
    put(&mut table, records.len());
    put(&mut table, 6 + 12 * records.len());
    let mut strings = Vec::new();
    for (platform, encoding, language, id, bytes) in &records {
        for x in [
            *platform,
            *encoding,
            *language,
            *id,
            bytes.len(),
            strings.len(),
        ] {
            put(&mut table, x);
        }
        strings.extend_from_slice(bytes);
    }
    table.extend_from_slice(&strings);

    let mut out = data.to_vec();
    while !out.len().is_multiple_of(4) {
        out.push(0);
    }
    let offset = out.len();
    out.extend_from_slice(&table);
    out[entry + 8..entry + 12].copy_from_slice(&(offset as u32).to_be_bytes());
    out[entry + 12..entry + 16].copy_from_slice(&(table.len() as u32).to_be_bytes());
    out
}

#[test]
fn the_bundled_font_is_liberation_serif() {
    let engine = Engine::new();
    assert_eq!(engine.families(), ["Liberation Serif"]);
    let layout = example_layout(REFERENCE);
    assert!(layout.runs.iter().all(|r| r.family == "Liberation Serif"));
}

#[test]
fn a_times_new_roman_in_the_font_path_is_preferred() {
    let dir = tempfile::tempdir().expect("temp dir");
    // In a subfolder that links back to the folder above it: the loader
    // must find the fonts once and not walk the loop forever.
    let fonts = dir.path().join("phong");
    std::fs::create_dir(&fonts).expect("mkdir");
    for style in ["Regular", "Bold", "Italic", "BoldItalic"] {
        let data =
            std::fs::read(path(&format!("fonts/LiberationSerif-{style}.ttf"))).expect("font");
        std::fs::write(
            fonts.join(format!("tnr-{style}.ttf")),
            renamed_font(&data, "Times New Roman"),
        )
        .expect("write font");
    }
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path(), fonts.join("vong")).expect("link");
    let engine = Engine::with_font_dirs(&[dir.path()]).expect("fonts load");
    assert_eq!(engine.families(), ["Times New Roman", "Liberation Serif"]);

    let doc = load(REFERENCE);
    let compiled = vanban::pipeline::compile(&engine, &doc).expect("compiles");
    assert!(compiled.warnings.is_empty(), "{:?}", compiled.warnings);
    let layout = Layout::of(&compiled);
    assert!(
        layout.runs.iter().all(|r| r.family == "Times New Roman"),
        "every run is set in Times New Roman"
    );
    // Same metrics: the layout does not move.
    let bundled = Layout::of(&compile_doc(&doc));
    assert_eq!(layout.runs.len(), bundled.runs.len());
    for (a, b) in layout.runs.iter().zip(&bundled.runs) {
        assert!((a.x - b.x).abs() < 0.01 && (a.y - b.y).abs() < 0.01 && a.text == b.text);
    }
}
