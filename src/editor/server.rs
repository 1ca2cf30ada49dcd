//! The HTTP side: every request checked (Host, Origin, token, size), then
//! routed to the page's assets or to the document session.

use std::collections::HashMap;
use std::io::Read;
use std::time::{Duration, Instant};

use serde_json::{Value as Json, json};
use tiny_http::{Header, Method, Request, Response};

use super::assets;
use super::security::{self, MAX_BODY_BYTES, Origins};
use super::session::{PageImages, Refusal, Session};

/// After the last tab said goodbye: long enough for a reload.
const GRACE_AFTER_CLOSE: Duration = Duration::from_secs(4);

/// A tab not heard from in this long is gone. Browsers slow the timers of
/// hidden tabs to once a minute, so it is well beyond that.
const TAB_SILENCE: Duration = Duration::from_secs(150);

pub struct Server {
    token: String,
    origins: Origins,
    session: Session,
    /// Open tabs, by the id each page makes for itself, with when each was
    /// last heard from.
    tabs: HashMap<String, Instant>,
    /// When the last tab closed, if none is open now.
    all_closed: Option<Instant>,
}

type Reply = Response<std::io::Cursor<Vec<u8>>>;

impl Server {
    pub fn new(token: String, port: u16, session: Session) -> Self {
        Self {
            token,
            origins: Origins::new(port),
            session,
            tabs: HashMap::new(),
            all_closed: None,
        }
    }

    /// Whether every tab has closed (or gone silent) for long enough.
    pub fn done(&mut self) -> bool {
        let now = Instant::now();
        let before = self.tabs.len();
        self.tabs
            .retain(|_, seen| now.duration_since(*seen) < TAB_SILENCE);
        if before > 0 && self.tabs.is_empty() {
            self.all_closed = Some(now);
        }
        self.tabs.is_empty()
            && self
                .all_closed
                .is_some_and(|t| now.duration_since(t) >= GRACE_AFTER_CLOSE)
    }

    pub fn handle(&mut self, mut request: Request) {
        let reply = self.reply(&mut request);
        // The page may have gone away; nothing to do about it.
        let _ = request.respond(reply);
    }

    fn reply(&mut self, request: &mut Request) -> Reply {
        let header = |name: &str| {
            request
                .headers()
                .iter()
                .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
                .map(|h| h.value.as_str().to_owned())
        };
        if !self.origins.host_ok(header("Host").as_deref()) {
            return text(403, "từ chối: tên máy không phải của trình soạn thảo");
        }
        if !self.origins.origin_ok(header("Origin").as_deref()) {
            return text(403, "từ chối: yêu cầu đến từ một trang khác");
        }
        let url = request.url().to_owned();
        let path = url.split(['?', '#']).next().unwrap_or_default();
        let mut segments = path.trim_start_matches('/').splitn(2, '/');
        let given = segments.next().unwrap_or_default();
        if !security::same_secret(given, &self.token) {
            return text(
                403,
                "từ chối: thiếu mã truy cập; mở địa chỉ mà vanban edit đã in",
            );
        }
        let Some(rest) = segments.next() else {
            // "/TOKEN" without the slash: the page's relative links need it.
            return guarded(Response::from_data(Vec::new()).with_status_code(308))
                .with_header(header_of("Location", &format!("/{}/", self.token)));
        };
        let method = request.method().clone();
        let body = if method == Method::Post {
            match read_body(request) {
                Ok(b) => b,
                Err(reply) => return reply,
            }
        } else {
            Json::Null
        };
        match (method, rest) {
            (Method::Get, "") => asset(assets::INDEX_HTML, "text/html; charset=utf-8"),
            (Method::Get, "style.css") => asset(assets::STYLE_CSS, "text/css; charset=utf-8"),
            (Method::Get, "app.js") => asset(assets::APP_JS, "text/javascript; charset=utf-8"),
            (Method::Get, "form.js") => asset(assets::FORM_JS, "text/javascript; charset=utf-8"),
            (Method::Get, "favicon.svg") => asset(assets::FAVICON_SVG, "image/svg+xml"),
            (Method::Get, "api/state") => json_reply(200, &self.session.state()),
            // The document's own folder, always: a request that names
            // another (a query) is refused.
            (Method::Get, "api/pictures") if url.contains('?') => text(
                400,
                "từ chối: chỉ liệt kê ảnh trong thư mục của văn bản, không nhận tham số",
            ),
            (Method::Get, "api/pictures") => self.answer(|s| s.pictures()),
            (Method::Post, "api/preview") => {
                let have: Vec<String> = body["have"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|h| h.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default();
                let images = match body["svg"].as_bool() {
                    Some(true) => PageImages::Svg,
                    _ => PageImages::Png {
                        ppi: body["ppi"]
                            .as_f64()
                            .map_or(96.0, |p| p.clamp(36.0, 300.0).round() as f32),
                    },
                };
                match self.session.preview(&body["doc"], &have, images) {
                    Ok((json, images)) => json_with_bytes(&json, images),
                    Err(r) => json_reply(r.status, &json!({ "error": r.message })),
                }
            }
            (Method::Post, "api/save") => {
                let overwrite = body["overwrite"].as_bool().unwrap_or(false);
                self.answer(|s| s.save(&body["doc"], overwrite))
            }
            (Method::Post, "api/save-as") => {
                let name = body["name"].as_str().unwrap_or_default().trim().to_owned();
                let overwrite = body["overwrite"].as_bool().unwrap_or(false);
                self.answer(|s| s.save_as(&body["doc"], &name, overwrite))
            }
            (Method::Post, "api/new") => {
                let kind = body["kind"].as_str().unwrap_or_default().to_owned();
                self.answer(|s| s.new_document(&kind))
            }
            (Method::Post, "api/pdf") => match self.session.pdf(&body["doc"]) {
                Ok((name, pdf)) => guarded(Response::from_data(pdf))
                    .with_header(header_of("Content-Type", "application/pdf"))
                    .with_header(header_of(
                        "Content-Disposition",
                        &format!("attachment; filename=\"{}\"", ascii_name(&name)),
                    )),
                Err(r) => text(r.status, &r.message),
            },
            (Method::Post, "api/heartbeat") => {
                if let Some(tab) = body["tab"].as_str() {
                    self.tabs
                        .insert(tab.chars().take(64).collect(), Instant::now());
                    self.all_closed = None;
                }
                json_reply(200, &json!({}))
            }
            (Method::Post, "api/bye") => {
                if let Some(tab) = body["tab"].as_str() {
                    self.tabs.remove(tab);
                    if self.tabs.is_empty() {
                        self.all_closed = Some(Instant::now());
                    }
                }
                json_reply(200, &json!({}))
            }
            (Method::Get | Method::Post, _) => text(404, "không có trang này"),
            _ => text(405, "không dùng phương thức này"),
        }
    }

    fn answer(&mut self, f: impl FnOnce(&mut Session) -> Result<Json, Refusal>) -> Reply {
        match f(&mut self.session) {
            Ok(json) => json_reply(200, &json),
            Err(r) => json_reply(r.status, &json!({ "error": r.message })),
        }
    }
}

/// The request's JSON body, refused when it is too large or not JSON.
fn read_body(request: &mut Request) -> Result<Json, Reply> {
    let too_large = || {
        text(
            413,
            &format!(
                "từ chối: nội dung gửi lên quá lớn (tối đa {} MB)",
                MAX_BODY_BYTES / 1_048_576
            ),
        )
    };
    if request.body_length().is_some_and(|n| n > MAX_BODY_BYTES) {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    let limit = u64::try_from(MAX_BODY_BYTES).unwrap_or(u64::MAX) + 1;
    if request
        .as_reader()
        .take(limit)
        .read_to_end(&mut bytes)
        .is_err()
    {
        return Err(text(400, "không đọc được nội dung gửi lên"));
    }
    if bytes.len() > MAX_BODY_BYTES {
        return Err(too_large());
    }
    if bytes.is_empty() {
        return Ok(Json::Null);
    }
    serde_json::from_slice(&bytes).map_err(|_| text(400, "nội dung gửi lên không phải JSON"))
}

fn header_of(name: &str, value: &str) -> Header {
    // Names and values are ours, ASCII: a failure is a bug the tests catch.
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .unwrap_or_else(|()| panic!("bad header {name}"))
}

/// Headers on every answer: nothing cached, nothing sniffed, no framing
/// by other pages, no address (with its token) passed on.
fn guarded(reply: Reply) -> Reply {
    // Whole bodies with their length, never chunked: simpler for any client.
    reply
        .with_chunked_threshold(usize::MAX)
        .with_header(header_of("Cache-Control", "no-store"))
        .with_header(header_of("X-Content-Type-Options", "nosniff"))
        .with_header(header_of("Referrer-Policy", "no-referrer"))
        .with_header(header_of("X-Frame-Options", "DENY"))
        .with_header(header_of(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' blob:; \
             frame-ancestors 'none'; form-action 'none'; base-uri 'none'",
        ))
}

fn asset(body: &str, content_type: &str) -> Reply {
    guarded(Response::from_data(body.as_bytes().to_vec()))
        .with_header(header_of("Content-Type", content_type))
}

fn text(status: u16, message: &str) -> Reply {
    guarded(Response::from_data(message.as_bytes().to_vec()).with_status_code(status))
        .with_header(header_of("Content-Type", "text/plain; charset=utf-8"))
}

fn json_reply(status: u16, value: &Json) -> Reply {
    guarded(Response::from_data(value.to_string().into_bytes()).with_status_code(status))
        .with_header(header_of("Content-Type", "application/json"))
}

/// JSON followed by bytes it refers to by offset: the JSON's length in
/// the X-Vanban-Json-Length header.
fn json_with_bytes(value: &Json, bytes: Vec<u8>) -> Reply {
    let mut body = value.to_string().into_bytes();
    let json_length = body.len();
    body.extend(bytes);
    guarded(Response::from_data(body))
        .with_header(header_of("Content-Type", "application/octet-stream"))
        .with_header(header_of("X-Vanban-Json-Length", &json_length.to_string()))
}

/// A file name fit for a header: Vietnamese letters lose their marks.
fn ascii_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect()
}
