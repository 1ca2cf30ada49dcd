//! `vanban edit`: a local web editor with the real pages beside the form.
//!
//! A small HTTP server on the loopback address serves the page (its assets
//! are in the binary, from `web/`) and answers it with checks, page images
//! and saves of the one document it was started on. Documents are made
//! through [`pipeline`], the same library calls as `vanban render`.

mod assets;
mod form_rules;
pub mod page_images;
pub mod pipeline;
pub mod security;
mod server;
mod session;
pub mod toml_form;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::conventions::DocumentKind;
use crate::engine::Engine;
use crate::error::{Error, Result};

pub struct Options {
    /// The document; a new one in the current folder when none.
    pub file: Option<PathBuf>,
    /// The kind of a new document.
    pub kind: DocumentKind,
    /// The port to listen on; a free one when none.
    pub port: Option<u16>,
    pub open_browser: bool,
    pub engine: Engine,
    /// As SOURCE_DATE_EPOCH for `vanban render`, so that the PDF is the same.
    pub creation_epoch: Option<i64>,
}

/// Serves the editor until `stop` is raised or the last tab has closed.
pub fn run(options: Options, stop: &Arc<AtomicBool>) -> Result<()> {
    let folder = match options.file.as_deref().map(Path::parent) {
        Some(Some(p)) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let session = session::Session::open(
        options.file.as_deref(),
        &folder,
        options.kind,
        options.engine,
        options.creation_epoch,
    )?;
    let token = security::new_token().map_err(|source| Error::Io {
        action: "tạo mã truy cập cho",
        path: "trình soạn thảo".into(),
        source,
    })?;
    let port_error = |source| Error::Io {
        action: "mở cổng",
        path: options
            .port
            .map_or_else(|| "tự chọn".into(), |p| p.to_string().into()),
        source,
    };
    let socket = std::net::TcpListener::bind(("127.0.0.1", options.port.unwrap_or(0)))
        .map_err(port_error)?;
    no_delay(&socket);
    let listener = tiny_http::Server::from_listener(socket, None)
        .map_err(|e| port_error(std::io::Error::other(e.to_string())))?;
    let port = listener
        .server_addr()
        .to_ip()
        .map_or(0, |address| address.port());
    let url = format!("http://127.0.0.1:{port}/{token}/");
    // Scripts and tests read the address from standard output.
    println!("{url}");
    let _ = std::io::stdout().flush();
    eprintln!("trình soạn thảo đang chạy tại địa chỉ trên (chỉ máy này mở được); Ctrl-C để dừng");
    if options.open_browser && !open_in_browser(&url) {
        eprintln!("không mở được trình duyệt; hãy mở địa chỉ trên bằng tay");
    }
    let mut server = server::Server::new(token, port, session);
    while !stop.load(Ordering::Relaxed) {
        match listener.recv_timeout(Duration::from_millis(300)) {
            Ok(Some(request)) => server.handle(request),
            Ok(None) => {}
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(source) => {
                return Err(Error::Io {
                    action: "nhận yêu cầu ở cổng",
                    path: port.to_string().into(),
                    source,
                });
            }
        }
        if server.done() {
            eprintln!("đã đóng thẻ trình duyệt cuối cùng; dừng trình soạn thảo");
            break;
        }
    }
    Ok(())
}

/// Sends each write at once. tiny_http writes a body a kilobyte at a time;
/// with Nagle's algorithm each piece then waits for the browser's delayed
/// acknowledgement, and a page image took 45 ms to arrive instead of one.
/// Sockets accepted from this one inherit the option (Linux, the BSDs).
fn no_delay(socket: &std::net::TcpListener) {
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        let one: libc::c_int = 1;
        // SAFETY: a valid socket descriptor that `socket` owns, and a
        // pointer to an int that outlives the call, with its size.
        // Failing leaves the socket as it was: slower, not wrong.
        unsafe {
            libc::setsockopt(
                socket.as_raw_fd(),
                libc::IPPROTO_TCP,
                libc::TCP_NODELAY,
                std::ptr::from_ref(&one).cast(),
                libc::socklen_t::try_from(std::mem::size_of::<libc::c_int>()).unwrap_or(4),
            );
        }
    }
    #[cfg(not(unix))]
    let _ = socket;
}

/// Opens the address in the user's browser; false when none could start.
fn open_in_browser(url: &str) -> bool {
    use std::process::{Command, Stdio};
    let mut command = if cfg!(target_os = "windows") {
        let mut c = Command::new("cmd");
        c.args(["/C", "start", "", url]);
        c
    } else if cfg!(target_os = "macos") {
        let mut c = Command::new("open");
        c.arg(url);
        c
    } else {
        let mut c = Command::new("xdg-open");
        c.arg(url);
        c
    };
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .is_ok()
}
