//! `vanban edit` over HTTP, as its page and as an intruder would talk to
//! it: what is refused, what is saved, and the PDF it hands out.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::common::*;

/// A running editor, stopped when dropped.
pub struct Editor {
    child: Child,
    pub port: u16,
    pub token: String,
}

impl Editor {
    /// Starts `vanban edit` on `file` (relative to `dir`) without a browser.
    pub fn start(dir: &Path, file: Option<&str>) -> Self {
        let mut command = Command::new(env!("CARGO_BIN_EXE_vanban"));
        command.arg("edit").arg("--no-open").current_dir(dir);
        if let Some(f) = file {
            command.arg(f);
        }
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("vanban edit starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the address is printed");
        let rest = line
            .trim()
            .strip_prefix("http://127.0.0.1:")
            .unwrap_or_else(|| panic!("an address on the loopback: {line:?}"));
        let (port, token) = rest.split_once('/').expect("port/token/");
        Self {
            child,
            port: port.parse().expect("a port"),
            token: token.trim_end_matches('/').to_owned(),
        }
    }

    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// A request with our own Host and the token.
    pub fn get(&self, path: &str) -> Reply {
        let host = self.host();
        request(
            self.port,
            "GET",
            &format!("/{}/{path}", self.token),
            &[("Host", &host)],
            b"",
        )
    }

    pub fn post(&self, path: &str, body: &Value) -> Reply {
        let host = self.host();
        let origin = format!("http://{host}");
        request(
            self.port,
            "POST",
            &format!("/{}/{path}", self.token),
            &[
                ("Host", &host),
                ("Origin", &origin),
                ("Content-Type", "application/json"),
            ],
            body.to_string().as_bytes(),
        )
    }

    /// Waits for the process to end by itself.
    fn wait_exit(&mut self, limit: Duration) -> Option<std::process::ExitStatus> {
        let started = Instant::now();
        while started.elapsed() < limit {
            if let Some(status) = self.child.try_wait().expect("status") {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        None
    }
}

impl Drop for Editor {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|_| panic!("JSON: {}", String::from_utf8_lossy(&self.body)))
    }
    /// A preview's answer: its JSON, and the image bytes after it.
    pub fn preview(&self) -> (Value, &[u8]) {
        let length: usize = self
            .header("X-Vanban-Json-Length")
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("a preview: {}", self.text()));
        let json = serde_json::from_slice(&self.body[..length]).expect("JSON");
        (json, &self.body[length..])
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One HTTP/1.1 request on its own connection, written by hand so that
/// every header can be what an attacker would send.
pub fn request(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    let mut head = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if !headers
        .iter()
        .any(|(k, _)| k.eq_ignore_ascii_case("content-length"))
    {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).expect("writes");
    // A refused body may be cut short by the server: not our concern.
    let _ = stream.write_all(body);
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("a response: {}", String::from_utf8_lossy(&raw)));
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    Reply {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

/// A folder with the reference example as ket-luan.toml.
pub fn folder_with_reference() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(path(REFERENCE), dir.path().join("ket-luan.toml")).expect("copy");
    dir
}

#[test]
fn serves_its_page_to_its_own_address() {
    let dir = folder_with_reference();
    let editor = Editor::start(dir.path(), Some("ket-luan.toml"));
    let page = editor.get("");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("<title>vanban — soạn văn bản</title>"));
    assert!(
        page.header("Content-Security-Policy")
            .is_some_and(|c| c.contains("default-src 'self'"))
    );
    for asset in ["app.js", "form.js", "style.css"] {
        assert_eq!(editor.get(asset).status, 200, "{asset}");
    }
    let state = editor.get("api/state").json();
    assert_eq!(state["file"], "ket-luan.toml");
    assert_eq!(state["doc"]["signature"]["name"], "Phan Hữu Hoàn");
    assert_eq!(state["doc"]["date"], "2020-11-05");
}

#[test]
fn refuses_foreign_hosts_origins_and_missing_tokens() {
    let dir = folder_with_reference();
    let editor = Editor::start(dir.path(), Some("ket-luan.toml"));
    let host = editor.host();
    let ours = format!("/{}/api/state", editor.token);
    // DNS rebinding: our port under another name.
    let foreign_host = request(
        editor.port,
        "GET",
        &ours,
        &[("Host", &format!("evil.example:{}", editor.port))],
        b"",
    );
    assert_eq!(foreign_host.status, 403);
    assert_eq!(
        foreign_host.text(),
        "từ chối: tên máy không phải của trình soạn thảo"
    );
    let no_host = request(editor.port, "GET", &ours, &[], b"");
    assert_eq!(no_host.status, 403);
    // Another site's page posting to us.
    let body = json!({"doc": {}}).to_string();
    let foreign_origin = request(
        editor.port,
        "POST",
        &format!("/{}/api/preview", editor.token),
        &[("Host", &host), ("Origin", "http://evil.example")],
        body.as_bytes(),
    );
    assert_eq!(foreign_origin.status, 403);
    assert_eq!(
        foreign_origin.text(),
        "từ chối: yêu cầu đến từ một trang khác"
    );
    for path in [
        "/",
        "/api/state",
        "/00000000000000000000000000000000/api/state",
        &format!("/{}x/", editor.token),
    ] {
        let reply = request(editor.port, "GET", path, &[("Host", &host)], b"");
        assert_eq!(reply.status, 403, "{path}");
        assert!(
            reply.text().starts_with("từ chối: thiếu mã truy cập"),
            "{path}"
        );
    }
    // The token must not leak through the address of a request elsewhere.
    assert_eq!(
        editor.get("").header("Referrer-Policy"),
        Some("no-referrer")
    );
}

#[test]
fn refuses_an_oversized_body() {
    let dir = folder_with_reference();
    let editor = Editor::start(dir.path(), Some("ket-luan.toml"));
    let host = editor.host();
    let path = format!("/{}/api/preview", editor.token);
    // Announced as too large: refused before it is read.
    let announced = request(
        editor.port,
        "POST",
        &path,
        &[("Host", &host), ("Content-Length", "1000000000")],
        b"{}",
    );
    assert_eq!(announced.status, 413);
    assert_eq!(
        announced.text(),
        "từ chối: nội dung gửi lên quá lớn (tối đa 4 MB)"
    );
    // Sent in full.
    let big = vec![b' '; 4 * 1024 * 1024 + 10];
    let sent = request(editor.port, "POST", &path, &[("Host", &host)], &big);
    assert_eq!(sent.status, 413);
    // The server still answers afterwards.
    assert_eq!(editor.get("api/state").status, 200);
}

#[test]
fn refuses_to_save_outside_the_documents_folder() {
    let dir = folder_with_reference();
    let inner = dir.path().join("van-ban");
    std::fs::create_dir(&inner).expect("folder");
    std::fs::copy(path(REFERENCE), inner.join("ket-luan.toml")).expect("copy");
    let editor = Editor::start(&inner, Some("ket-luan.toml"));
    let doc = editor.get("api/state").json()["doc"].clone();
    for name in [
        "../ngoai.toml",
        "/tmp/ngoai.toml",
        "con/ngoai.toml",
        "..\\ngoai.toml",
        "ngoai.txt",
    ] {
        let reply = editor.post("api/save-as", &json!({"doc": doc, "name": name}));
        assert_eq!(reply.status, 403, "{name}");
        assert_eq!(
            reply.json()["error"],
            "chỉ ghi tên tệp, kết thúc bằng .toml, không có thư mục (ví dụ ket-luan-moi.toml)"
        );
    }
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path().join("ngoai.toml"), inner.join("lien-ket.toml"))
            .expect("link");
        let reply = editor.post("api/save-as", &json!({"doc": doc, "name": "lien-ket.toml"}));
        assert_eq!(reply.status, 403);
        assert_eq!(
            reply.json()["error"],
            "trình soạn thảo chỉ đọc và ghi các tệp trong thư mục của văn bản"
        );
    }
    assert!(!dir.path().join("ngoai.toml").exists());
    // A template outside the folder is not read either, even through a link.
    let template_error = |template: &str| {
        let mut outside = doc.clone();
        outside["template"] = json!(template);
        let preview = editor
            .post("api/preview", &json!({"doc": outside, "have": []}))
            .preview()
            .0;
        assert_eq!(preview["ok"], false);
        preview["diagnostics"]
            .as_array()
            .expect("list")
            .iter()
            .find(|d| d["field"] == "template")
            .map(|d| d["message"].as_str().unwrap_or_default().to_owned())
            .unwrap_or_else(|| panic!("an error at template: {preview}"))
    };
    assert_eq!(
        template_error("../mau.typ"),
        "mẫu `../mau.typ` nằm ngoài thư mục của tệp đầu vào"
    );
    #[cfg(unix)]
    {
        std::fs::write(dir.path().join("mau.typ"), "= Mẫu").expect("write");
        std::os::unix::fs::symlink(dir.path().join("mau.typ"), inner.join("mau.typ"))
            .expect("link");
        assert_eq!(
            template_error("mau.typ"),
            "trình soạn thảo chỉ đọc và ghi các tệp trong thư mục của văn bản"
        );
    }
}

#[test]
fn previews_only_changed_pages_and_keeps_errors_at_their_field() {
    let dir = folder_with_reference();
    let editor = Editor::start(dir.path(), Some("ket-luan.toml"));
    let mut doc = editor.get("api/state").json()["doc"].clone();
    let first = editor.post("api/preview", &json!({"doc": doc, "have": [], "ppi": 96}));
    let (first, images) = first.preview();
    assert_eq!(first["ok"], true);
    let pages = first["pages"].as_array().expect("pages");
    assert_eq!(pages.len(), 3);
    // Each page a PNG image at the resolution asked for (A4 at 96 ppi),
    // in the bytes after the JSON.
    let mut end = 0;
    for page in pages {
        let at = page["png"][0].as_u64().expect("offset") as usize;
        let size = page["png"][1].as_u64().expect("length") as usize;
        assert_eq!(at, end, "the images follow each other");
        end = at + size;
        let png = &images[at..end];
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let number = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().expect("4 bytes"));
        assert_eq!((number(16), number(20)), (794, 1123));
    }
    assert_eq!(end, images.len());
    let keys: Vec<Value> = pages.iter().map(|p| p["key"].clone()).collect();
    // A change on the last page sends that page alone.
    doc["recipients"]["archive"] = json!("VPHU-TH");
    let second = editor.post("api/preview", &json!({"doc": doc, "have": keys, "ppi": 96}));
    let (second, images) = second.preview();
    let pages = second["pages"].as_array().expect("pages");
    assert!(
        pages[0].get("png").is_none() && pages[1].get("png").is_none(),
        "{second}"
    );
    assert_eq!(pages[2]["png"][0], 0);
    assert_eq!(pages[2]["png"][1].as_u64(), Some(images.len() as u64));
    assert!(
        pages[2]["text"]
            .as_str()
            .is_some_and(|t| t.contains("VPHU-TH"))
    );
    // The same pages as SVG, to compare (see the README).
    let svg = editor
        .post("api/preview", &json!({"doc": doc, "have": [], "svg": true}))
        .preview()
        .0;
    assert!(
        svg["pages"][0]["svg"]
            .as_str()
            .is_some_and(|s| s.starts_with("<svg"))
    );
    // An empty required field: an error at that field, and no pages.
    doc["signature"]["title"] = json!("");
    let broken = editor
        .post("api/preview", &json!({"doc": doc, "have": []}))
        .preview()
        .0;
    assert_eq!(broken["ok"], false);
    assert!(broken.get("pages").is_none());
    let error = broken["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .find(|d| d["severity"] == "error")
        .expect("an error")
        .clone();
    assert_eq!(error["field"], "signature.title");
    assert_eq!(error["message"], "trường này không được để trống");
}

/// A PNG image's size and pixels (gray, one byte a pixel).
fn decode(png_bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut pixels).expect("pixels");
    assert_eq!(info.color_type, png::ColorType::Grayscale);
    pixels.truncate(info.buffer_size());
    (info.width, info.height, pixels)
}

/// The PNG image a page of a preview points at.
fn image_of<'a>(page: &Value, images: &'a [u8]) -> &'a [u8] {
    let at = page["png"][0].as_u64().expect("offset") as usize;
    let size = page["png"][1].as_u64().expect("length") as usize;
    &images[at..at + size]
}

#[test]
fn a_changed_page_comes_as_the_band_of_rows_that_changed() {
    let dir = folder_with_reference();
    let editor = Editor::start(dir.path(), Some("ket-luan.toml"));
    let mut doc = editor.get("api/state").json()["doc"].clone();
    let preview = |doc: &Value, have: &Value| {
        let answer = editor.post("api/preview", &json!({"doc": doc, "have": have, "ppi": 96}));
        let (json, images) = answer.preview();
        (json, images.to_vec())
    };
    let (first, images) = preview(&doc, &json!([]));
    let keys: Vec<Value> = first["pages"]
        .as_array()
        .expect("pages")
        .iter()
        .map(|p| p["key"].clone())
        .collect();
    let (width, height, mut shown) = decode(image_of(&first["pages"][0], &images));
    // One figure of the opening's date, on page 1.
    doc["opening"] = json!(
        doc["opening"]
            .as_str()
            .expect("opening")
            .replacen("Ngày 02", "Ngày 03", 1)
    );
    let (second, images) = preview(&doc, &json!(keys));
    let page = &second["pages"][0];
    assert_eq!(page["base"], keys[0], "{second}");
    assert_ne!(page["key"], keys[0]);
    let (band_width, band_height, band) = decode(image_of(page, &images));
    let y = page["y"].as_u64().expect("y") as usize;
    assert_eq!(band_width, width);
    assert!(
        band_height > 0 && band_height < height / 10,
        "{band_height} rows"
    );
    // The other pages did not change.
    assert!(second["pages"][1].get("png").is_none());
    // Drawn over the old image, the band gives the new page, pixel for
    // pixel as the whole page sent afresh.
    let row = width as usize;
    let before = shown.clone();
    shown[y * row..y * row + band.len()].copy_from_slice(&band);
    let (fresh, images) = preview(&doc, &json!([]));
    assert!(fresh["pages"][0].get("base").is_none());
    let (_, _, whole) = decode(image_of(&fresh["pages"][0], &images));
    assert!(
        shown == whole,
        "the band over the old page is not the new page"
    );
    assert!(before != whole, "the page did change");
}

#[test]
fn saves_in_place_keeping_comments_and_hands_out_the_same_pdf_as_render() {
    let dir = folder_with_reference();
    let file = dir.path().join("ket-luan.toml");
    let original = std::fs::read_to_string(&file).expect("read");
    let editor = Editor::start(dir.path(), Some("ket-luan.toml"));
    let mut doc = editor.get("api/state").json()["doc"].clone();
    doc["directives"]["items"][4] =
        json!("Tăng cường thu ngân sách, phấn đấu vượt kế hoạch đề ra.");
    doc["directives"]["items"][2] = json!({
        "title": "Về sản xuất nông, lâm nghiệp",
        "items": ["Chủ động phòng chống dịch bệnh trên cây trồng, vật nuôi."]
    });
    let saved = editor.post("api/save", &json!({"doc": doc}));
    assert_eq!(saved.status, 200, "{}", saved.text());
    let text = std::fs::read_to_string(&file).expect("read");
    // Untouched lines, comments included, are as they were.
    let changed: Vec<&str> = original
        .lines()
        .filter(|l| !text.lines().any(|t| t == *l))
        .collect();
    assert_eq!(
        changed.len(),
        2,
        "only the two edited items changed: {changed:?}"
    );
    assert!(text.contains(
        "kind = \"ket-luan\"            # Kết luận của cấp ủy Đảng (Hướng dẫn 36-HD/VPTW)"
    ));
    assert!(text.contains(
        "    { title = \"Về sản xuất nông, lâm nghiệp\", items = [\"Chủ động phòng chống dịch bệnh trên cây trồng, vật nuôi.\"] },"
    ));
    // The file changed by another program is not overwritten blindly.
    std::fs::write(&file, format!("{text}\n# sửa bằng tay\n")).expect("write");
    let conflict = editor.post("api/save", &json!({"doc": doc}));
    assert_eq!(conflict.status, 409);
    assert!(
        std::fs::read_to_string(&file)
            .expect("read")
            .ends_with("# sửa bằng tay\n")
    );
    std::fs::write(&file, &text).expect("write back");
    // The PDF the page downloads is byte for byte render's.
    let pdf = editor.post("api/pdf", &json!({"doc": doc}));
    assert_eq!(pdf.status, 200);
    assert_eq!(pdf.header("Content-Type"), Some("application/pdf"));
    assert_eq!(
        pdf.header("Content-Disposition"),
        Some("attachment; filename=\"ket-luan.pdf\"")
    );
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["render", "ket-luan.toml", "-o", "render.pdf"])
        .current_dir(dir.path())
        .output()
        .expect("render runs");
    assert!(out.status.success());
    let rendered = std::fs::read(dir.path().join("render.pdf")).expect("pdf");
    assert!(pdf.body == rendered, "the editor's PDF is render's");
    assert!(
        fold(&pdf_text(&pdf.body))
            .contains("Chủ động phòng chống dịch bệnh trên cây trồng, vật nuôi.")
    );
}

#[test]
fn a_new_document_starts_from_the_skeleton_and_is_saved_by_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let editor = Editor::start(dir.path(), None);
    let state = editor.get("api/state").json();
    assert_eq!(state["file"], Value::Null);
    assert_eq!(state["doc"]["kind"], "ket-luan");
    let preview = editor
        .post("api/preview", &json!({"doc": state["doc"], "have": []}))
        .preview()
        .0;
    assert_eq!(preview["ok"], true, "the skeleton renders as it is");
    assert!(
        preview["diagnostics"]
            .as_array()
            .expect("list")
            .iter()
            .all(|d| d["rule"] == "placeholder")
    );
    let no_name = editor.post("api/save", &json!({"doc": state["doc"]}));
    assert_eq!(no_name.status, 409);
    let notice = editor.post("api/new", &json!({"kind": "thong-bao"})).json();
    assert_eq!(notice["doc"]["kind"], "thong-bao");
    let saved = editor.post(
        "api/save-as",
        &json!({"doc": notice["doc"], "name": "thong-bao.toml"}),
    );
    assert_eq!(saved.status, 200);
    let text = std::fs::read_to_string(dir.path().join("thong-bao.toml")).expect("saved");
    assert!(
        text.contains("# loại văn bản: THÔNG BÁO"),
        "the skeleton's comments are kept"
    );
    let again = editor.post(
        "api/save-as",
        &json!({"doc": notice["doc"], "name": "thong-bao.toml"}),
    );
    assert_eq!(
        again.status, 409,
        "an existing file is not replaced without asking"
    );
}

#[test]
fn stops_when_the_last_tab_closes() {
    let dir = folder_with_reference();
    let mut editor = Editor::start(dir.path(), Some("ket-luan.toml"));
    editor.post("api/heartbeat", &json!({"tab": "a"}));
    editor.post("api/heartbeat", &json!({"tab": "b"}));
    editor.post("api/bye", &json!({"tab": "a"}));
    assert!(
        editor.wait_exit(Duration::from_secs(6)).is_none(),
        "one tab is still open"
    );
    editor.post("api/bye", &json!({"tab": "b"}));
    let status = editor
        .wait_exit(Duration::from_secs(20))
        .expect("stops after the grace period");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn stops_on_ctrl_c() {
    let dir = folder_with_reference();
    let mut editor = Editor::start(dir.path(), Some("ket-luan.toml"));
    let sent = Command::new("kill")
        .args(["-INT", &editor.child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let status = editor
        .wait_exit(Duration::from_secs(10))
        .expect("stops on SIGINT");
    assert!(status.success(), "{status:?}");
}
