//! Writing results so that nothing is ever half-written or lost: a file is
//! written beside its target under a temporary name, then renamed over it.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `bytes` to `path` atomically. On any error the previous content
/// of `path`, if any, is untouched and no temporary file is left.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let io = |source| Error::Io {
        action: "ghi",
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Error::Io {
            action: "ghi vào thư mục",
            path: dir.to_owned(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "không có thư mục này"),
        });
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".vanban-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    // No fsync: the rename makes the file whole for any interruption of
    // vanban (Ctrl-C, kill); surviving a power cut is the file system's
    // job, and syncing each file would halve the speed of a batch.
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}
