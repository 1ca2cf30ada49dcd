//! Writing results so that nothing is ever half-written or lost: a file is
//! written beside its target under a temporary name, then renamed over it.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `bytes` to `path` atomically. On any error the previous content
/// of `path`, if any, is untouched and no temporary file is left.
///
/// The file gets the mode a file created in place would get: that of the
/// file it replaces, or else 0666 less the user's umask (0644 under the
/// usual 0022), so that colleagues can open what a secretary makes.
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
    let previous = std::fs::metadata(path)
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.permissions());
    let mut builder = tempfile::Builder::new();
    builder.prefix(".vanban-").suffix(".tmp");
    // A temporary file is private (0600), and a rename keeps that; asking
    // for 0666 lets the system apply the umask, as for any new file.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(dir).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    if let Some(permissions) = previous {
        tmp.as_file().set_permissions(permissions).map_err(io)?;
    }
    // No fsync: the rename makes the file whole for any interruption of
    // vanban (Ctrl-C, kill); surviving a power cut is the file system's
    // job, and syncing each file would halve the speed of a batch.
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}
