//! `vanban edit` over HTTP, for the fields that came after it: the guide
//! with the ranges it allows, the issuer's contact lines, the body's line
//! pitch, the signature and seal pictures of the document's folder, and a
//! part's numbering started again. Each goes through a preview and a save;
//! the pictures through the PDF too.

use serde_json::{Value, json};

use crate::common::*;
use crate::editor::{Editor, folder_with_reference, request};

/// A folder with the reference example and the example pictures.
fn folder_with_pictures() -> tempfile::TempDir {
    let dir = folder_with_reference();
    for name in ["chu-ky.png", "dau.png"] {
        std::fs::copy(path(&format!("examples/anh/{name}")), dir.path().join(name)).expect("copy");
    }
    dir
}

fn preview(editor: &Editor, doc: &Value) -> (Value, Vec<u8>) {
    let reply = editor.post("api/preview", &json!({"doc": doc, "have": [], "ppi": 72}));
    let (json, images) = reply.preview();
    (json, images.to_vec())
}

/// The one diagnostic at `field`, of the severity given.
fn at_field(preview: &Value, field: &str, severity: &str) -> Value {
    let found: Vec<&Value> = preview["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .filter(|d| d["field"] == field && d["severity"] == severity)
        .collect();
    assert_eq!(found.len(), 1, "one {severity} at {field}: {preview}");
    found[0].clone()
}

fn text_of(preview: &Value) -> String {
    let pages = preview["pages"].as_array().expect("pages");
    let text: Vec<&str> = pages.iter().filter_map(|p| p["text"].as_str()).collect();
    text.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The range the preview says the guide in force allows for a `[layout]`
/// value.
fn range(preview: &Value, key: &str) -> (f64, f64) {
    let field = preview["guide"]["layout"]
        .as_array()
        .expect("list")
        .iter()
        .find(|f| f["key"] == key)
        .unwrap_or_else(|| panic!("{key} in {preview}"))
        .clone();
    (
        field["min"].as_f64().expect("min"),
        field["max"].as_f64().expect("max"),
    )
}

#[test]
fn lists_only_the_png_files_of_the_documents_folder() {
    let dir = folder_with_pictures();
    let folder = dir.path();
    std::fs::write(folder.join("ghi-chu.txt"), "x").expect("write");
    std::fs::copy(folder.join("dau.png"), folder.join("dau.jpg")).expect("copy");
    std::fs::copy(folder.join("dau.png"), folder.join(".an.png")).expect("copy");
    std::fs::create_dir_all(folder.join("anh")).expect("folder");
    std::fs::copy(folder.join("dau.png"), folder.join("anh/dau-con.png")).expect("copy");
    std::fs::create_dir(folder.join("thu-muc.png")).expect("folder");
    let outside = tempfile::tempdir().expect("temp dir");
    std::fs::copy(folder.join("dau.png"), outside.path().join("ngoai.png")).expect("copy");
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path().join("ngoai.png"), folder.join("ngoai.png"))
        .expect("link");
    let editor = Editor::start(folder, Some("ket-luan.toml"));
    let listed = editor.get("api/pictures");
    assert_eq!(listed.status, 200, "{}", listed.text());
    assert_eq!(listed.json(), json!({"files": ["chu-ky.png", "dau.png"]}));
    assert_eq!(
        editor.get("api/state").json()["pictures"],
        json!(["chu-ky.png", "dau.png"])
    );
    // Another folder cannot be asked for, in any way.
    let asked = editor.get("api/pictures?folder=/etc");
    assert_eq!(asked.status, 400);
    assert_eq!(
        asked.text(),
        "từ chối: chỉ liệt kê ảnh trong thư mục của văn bản, không nhận tham số"
    );
    for other in [
        "api/pictures/anh",
        "api/pictures/../..",
        "api/pictures/%2e%2e",
    ] {
        assert_eq!(editor.get(other).status, 404, "{other}");
    }
    assert_eq!(editor.post("api/pictures", &json!({})).status, 404);
    let host = editor.host();
    let no_token = request(editor.port, "GET", "/api/pictures", &[("Host", &host)], b"");
    assert_eq!(no_token.status, 403);
}

#[test]
fn the_guide_the_contact_the_pitch_and_the_numbering_are_previewed_and_saved() {
    let dir = folder_with_reference();
    let file = dir.path().join("ket-luan.toml");
    let original = std::fs::read_to_string(&file).expect("read");
    let editor = Editor::start(dir.path(), Some("ket-luan.toml"));
    let state = editor.get("api/state").json();
    assert_eq!(state["guide"]["key"], "hd36");
    let guides: Vec<&Value> = state["rules"]["guides"]
        .as_array()
        .expect("guides")
        .iter()
        .map(|g| &g["key"])
        .collect();
    assert_eq!(guides, ["hd36", "hd05", "nd30"]);
    let mut doc = state["doc"].clone();

    // Dated 2020: HD36, whose pitch goes up to 24 pt and whose recipients
    // end with ",".
    let (by_date, _) = preview(&editor, &doc);
    assert_eq!(by_date["guide"]["key"], "hd36");
    assert_eq!(range(&by_date, "body_pitch_pt"), (18.0, 24.0));
    assert!(text_of(&by_date).contains("- Văn phòng Tỉnh ủy,"));

    // Named: HD05 (with the warning that it is not the guide of the date),
    // whose pitch stops at 22 pt and whose recipients end with ";".
    doc["guide"] = json!("hd05");
    doc["issuer"]["contact"] = json!([
        "Số 02 đường Lê Hồng Phong, thị trấn Thạnh Mỹ",
        "Điện thoại: 0263 3847 123 - Thư điện tử: vanphong@donduong.vn"
    ]);
    let (named, _) = preview(&editor, &doc);
    assert_eq!(named["ok"], true, "{named}");
    assert_eq!(named["guide"]["key"], "hd05");
    assert_eq!(named["guide"]["name"], "Hướng dẫn 05-HD/VPTW");
    assert_eq!(range(&named, "body_pitch_pt"), (18.0, 22.0));
    assert_eq!(range(&named, "body_pt"), (14.0, 15.0));
    at_field(&named, "guide", "warning");
    let text = text_of(&named);
    assert!(text.contains("- Văn phòng Tỉnh ủy;"), "{text}");
    assert!(
        text.contains("Số 02 đường Lê Hồng Phong, thị trấn Thạnh Mỹ"),
        "{text}"
    );
    assert!(text.contains("vanphong@donduong.vn"), "{text}");

    // A pitch HD36 allows but HD05 does not: an error at the field, the
    // range still that of HD05.
    doc["layout"] = json!({"body_pitch_pt": 23});
    let (too_wide, _) = preview(&editor, &doc);
    assert_eq!(too_wide["ok"], false);
    assert_eq!(too_wide["guide"]["key"], "hd05");
    assert_eq!(
        at_field(&too_wide, "layout.body_pitch_pt", "error")["message"],
        "23 pt nằm ngoài mức Hướng dẫn 05-HD/VPTW cho phép: 18–22 pt"
    );
    doc["layout"]["body_pitch_pt"] = json!(20.5);

    // An empty contact line is pointed at.
    doc["issuer"]["contact"][1] = json!("");
    let (blank, _) = preview(&editor, &doc);
    at_field(&blank, "issuer.contact[1]", "error");
    doc["issuer"]["contact"][1] = json!("Điện thoại: 0263 3847 123");

    // Numbers run on from findings into directives, unless started again.
    doc["findings"]["numbered"] = json!(true);
    doc["directives"]["numbered"] = json!(true);
    let (run_on, _) = preview(&editor, &doc);
    assert!(
        text_of(&run_on).contains("7. Thông nhất tập trung"),
        "{}",
        text_of(&run_on)
    );
    doc["directives"]["restart_numbering"] = json!(true);
    doc["findings"]["lead"] = json!(["*Đoạn dẫn thứ nhất.*", "Đoạn dẫn thứ hai."]);
    let (restarted, _) = preview(&editor, &doc);
    assert_eq!(restarted["ok"], true, "{restarted}");
    let text = text_of(&restarted);
    assert!(text.contains("1. Thông nhất tập trung"), "{text}");
    assert!(
        text.contains("Đoạn dẫn thứ nhất. Đoạn dẫn thứ hai."),
        "{text}"
    );

    let saved = editor.post("api/save", &json!({"doc": doc}));
    assert_eq!(saved.status, 200, "{}", saved.text());
    let text = std::fs::read_to_string(&file).expect("read");
    for line in [
        "guide = \"hd05\"",
        "contact = [",
        "    \"Số 02 đường Lê Hồng Phong, thị trấn Thạnh Mỹ\",",
        "    \"Điện thoại: 0263 3847 123\",",
        "restart_numbering = true",
        "lead = [\"*Đoạn dẫn thứ nhất.*\", \"Đoạn dẫn thứ hai.\"]",
        "[layout]",
        "body_pitch_pt = 20.5",
    ] {
        assert!(text.lines().any(|l| l == line), "{line:?} in\n{text}");
    }
    // The comments all stay.
    let comments = original.lines().filter(|l| l.contains('#'));
    for line in comments {
        assert!(text.lines().any(|l| l == line), "{line:?} kept");
    }
    // What was saved is read back as the form had it.
    let state = editor.get("api/state").json();
    assert_eq!(state["doc"], doc);
    assert_eq!(state["guide"]["key"], "hd05");
}

#[test]
fn the_pictures_are_drawn_saved_and_in_the_pdf_as_render_makes_it() {
    let dir = folder_with_pictures();
    let file = dir.path().join("ket-luan.toml");
    let editor = Editor::start(dir.path(), Some("ket-luan.toml"));
    let mut doc = editor.get("api/state").json()["doc"].clone();
    let (plain, images) = preview(&editor, &doc);
    let plain_last = last_page(&plain, &images);
    assert_eq!(colour(&plain_last), (0, 0), "black on white");

    doc["signature"]["image"] = json!("chu-ky.png");
    doc["signature"]["seal"] = json!("dau.png");
    doc["signature"]["seal_diameter_mm"] = json!(30);
    let (drawn, images) = preview(&editor, &doc);
    assert_eq!(drawn["ok"], true, "{drawn}");
    let (red, blue) = colour(&last_page(&drawn, &images));
    assert!(
        red > 200 && blue > 50,
        "the seal in red ({red}), the signature in blue ({blue})"
    );
    // A smaller seal has fewer red pixels.
    doc["signature"]["seal_diameter_mm"] = json!(20);
    let (smaller, images) = preview(&editor, &doc);
    let (small_red, _) = colour(&last_page(&smaller, &images));
    assert!(small_red < red * 2 / 3, "{small_red} against {red}");

    // Each picture field's own errors, at the field.
    let broken = |key: &str, value: Value| {
        let mut wrong = doc.clone();
        wrong["signature"][key] = value;
        let (reply, _) = preview(&editor, &wrong);
        assert_eq!(reply["ok"], false, "{reply}");
        at_field(&reply, &format!("signature.{key}"), "error")["message"]
            .as_str()
            .expect("message")
            .to_owned()
    };
    assert_eq!(
        broken("image", json!("khong-co.png")),
        "không có tệp ảnh `khong-co.png`"
    );
    assert_eq!(
        broken("seal", json!("../dau.png")),
        "ảnh `../dau.png` nằm ngoài thư mục của tệp đầu vào"
    );
    assert_eq!(
        broken("seal_diameter_mm", json!(60)),
        "đường kính dấu 60 mm nằm ngoài khoảng cho phép: từ 20 đến 50 mm"
    );

    let saved = editor.post("api/save", &json!({"doc": doc}));
    assert_eq!(saved.status, 200, "{}", saved.text());
    let text = std::fs::read_to_string(&file).expect("read");
    assert!(
        text.contains(
            "name = \"Phan Hữu Hoàn\"\nimage = \"chu-ky.png\"\nseal = \"dau.png\"\nseal_diameter_mm = 20\n"
        ),
        "{text}"
    );
    assert!(text.contains("title = \"PHÓ BÍ THƯ\"              # không có trong văn bản gốc"));
    // The PDF the page downloads is render's, pictures and all.
    let pdf = editor.post("api/pdf", &json!({"doc": doc}));
    assert_eq!(pdf.status, 200, "{}", pdf.text());
    let out = vanban(&["render", "ket-luan.toml", "-o", "render.pdf"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rendered = std::fs::read(dir.path().join("render.pdf")).expect("pdf");
    assert!(pdf.body == rendered, "the editor's PDF is render's");
    let without = vanban(
        &["render", "--no-images", "ket-luan.toml", "-o", "-"],
        dir.path(),
    );
    assert!(without.status.success());
    assert!(
        pdf.body.len() > without.stdout.len() + 10_000,
        "the pictures are in it: {} against {} bytes",
        pdf.body.len(),
        without.stdout.len()
    );
}

/// The last page's image of a preview, decoded to RGBA.
fn last_page(preview: &Value, images: &[u8]) -> Vec<u8> {
    let page = preview["pages"]
        .as_array()
        .and_then(|p| p.last())
        .expect("a page");
    let at = page["png"][0].as_u64().expect("offset") as usize;
    let size = page["png"][1].as_u64().expect("length") as usize;
    let mut decoder = png::Decoder::new(std::io::Cursor::new(&images[at..at + size]));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut pixels).expect("decoded");
    pixels.truncate(info.buffer_size());
    match info.color_type {
        png::ColorType::Grayscale => pixels.iter().flat_map(|&g| [g, g, g, 255]).collect(),
        png::ColorType::Rgba => pixels,
        other => panic!("a page in {other:?}"),
    }
}

/// How many pixels are clearly red, and how many clearly blue.
fn colour(rgba: &[u8]) -> (usize, usize) {
    let pixels = rgba.chunks_exact(4);
    let red = pixels
        .clone()
        .filter(|p| p[0] > 150 && p[1] < 110 && p[2] < 110)
        .count();
    let blue = pixels
        .filter(|p| p[2] > 120 && p[0] < 110 && p[1] < 140)
        .count();
    (red, blue)
}
