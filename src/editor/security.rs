//! What keeps the editor's server to the one user who started it: a
//! secret token in every address, requests only from its own pages (Host
//! and Origin), bounded bodies, and files only in the document's folder.

use std::path::{Path, PathBuf};

/// The largest request body: a document of the largest size vanban reads,
/// as the form's JSON, with room to spare.
pub const MAX_BODY_BYTES: usize = 2 * crate::model::MAX_INPUT_BYTES;

/// A random token of 128 bits, in hex.
pub fn new_token() -> std::io::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(std::io::Error::other)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Compares in time that does not depend on where the first difference is.
pub fn same_secret(given: &str, token: &str) -> bool {
    given.len() == token.len()
        && given
            .bytes()
            .zip(token.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// The names this server answers to on its port: a page served under
/// another name (DNS rebinding) or from another origin is refused.
pub struct Origins {
    hosts: Vec<String>,
}

impl Origins {
    pub fn new(port: u16) -> Self {
        Self {
            hosts: vec![format!("127.0.0.1:{port}"), format!("localhost:{port}")],
        }
    }

    pub fn host_ok(&self, host: Option<&str>) -> bool {
        host.is_some_and(|h| self.hosts.iter().any(|ours| ours.eq_ignore_ascii_case(h)))
    }

    /// A request without Origin is a navigation or a tool: the token
    /// guards it. One with an Origin must come from our own page.
    pub fn origin_ok(&self, origin: Option<&str>) -> bool {
        match origin {
            None => true,
            Some(o) => o
                .strip_prefix("http://")
                .is_some_and(|h| self.hosts.iter().any(|ours| ours.eq_ignore_ascii_case(h))),
        }
    }
}

/// Why a name to save under is refused.
#[derive(Debug, PartialEq, Eq)]
pub enum NameError {
    /// Not a plain file name ending in .toml.
    NotAName,
    /// It leads out of the document's folder (a link, say).
    Outside,
}

impl NameError {
    pub fn message(&self) -> &'static str {
        match self {
            Self::NotAName => {
                "chỉ ghi tên tệp, kết thúc bằng .toml, không có thư mục (ví dụ ket-luan-moi.toml)"
            }
            Self::Outside => "trình soạn thảo chỉ đọc và ghi các tệp trong thư mục của văn bản",
        }
    }
}

/// The path a file name gives inside `folder`, if it is a plain name
/// ending in ".toml" that stays in the folder.
pub fn file_in(folder: &Path, name: &str) -> Result<PathBuf, NameError> {
    let plain = !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\', ':', '\0'])
        && name.to_ascii_lowercase().ends_with(".toml")
        && name.chars().count() <= 200;
    if !plain {
        return Err(NameError::NotAName);
    }
    let path = folder.join(name);
    inside(folder, &path)?;
    Ok(path)
}

/// Whether `path` (existing or not) stays inside `folder` once links are
/// followed.
pub fn inside(folder: &Path, path: &Path) -> Result<(), NameError> {
    let folder = std::fs::canonicalize(folder).map_err(|_| NameError::Outside)?;
    let real = match std::fs::canonicalize(path) {
        Ok(real) => real,
        // A file not written yet: its folder decides.
        Err(_) if std::fs::symlink_metadata(path).is_err() => {
            let parent = path.parent().ok_or(NameError::Outside)?;
            std::fs::canonicalize(parent)
                .map_err(|_| NameError::Outside)?
                .join(path.file_name().ok_or(NameError::Outside)?)
        }
        // A dangling link.
        Err(_) => return Err(NameError::Outside),
    };
    if real.starts_with(&folder) {
        Ok(())
    } else {
        Err(NameError::Outside)
    }
}

/// The PNG pictures a document may name for its signature and seal: the
/// files of its own folder whose names end in ".png", in name order. Not
/// those of other folders, not hidden ones, not links that lead out.
pub fn pictures_in(folder: &Path) -> std::io::Result<Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(folder)?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let name = entry.file_name().into_string().ok()?;
            let png = !name.starts_with('.') && name.to_ascii_lowercase().ends_with(".png");
            let path = entry.path();
            (png && path.is_file() && inside(folder, &path).is_ok()).then_some(name)
        })
        .collect();
    names.sort();
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_compared_whole() {
        let (a, b) = (new_token().expect("random"), new_token().expect("random"));
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
        assert!(same_secret(&a, &a.clone()));
        assert!(!same_secret(&a, &b));
        assert!(!same_secret(&a[..31], &a));
    }

    #[test]
    fn only_our_own_host_and_origin() {
        let o = Origins::new(4000);
        assert!(o.host_ok(Some("127.0.0.1:4000")));
        assert!(o.host_ok(Some("localhost:4000")));
        assert!(!o.host_ok(Some("evil.example:4000")));
        assert!(!o.host_ok(Some("127.0.0.1:4001")));
        assert!(!o.host_ok(None));
        assert!(o.origin_ok(None));
        assert!(o.origin_ok(Some("http://127.0.0.1:4000")));
        assert!(!o.origin_ok(Some("http://evil.example")));
        assert!(!o.origin_ok(Some("null")));
    }

    #[test]
    fn only_the_folders_own_pictures_are_listed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let write = |name: &str| std::fs::write(dir.path().join(name), b"x").expect("write");
        for name in ["dau.png", "Chu-Ky.PNG", "ghi-chu.txt", "anh.jpg", ".an.png"] {
            write(name);
        }
        std::fs::create_dir_all(dir.path().join("anh")).expect("folder");
        std::fs::create_dir(dir.path().join("thu-muc.png")).expect("folder");
        std::fs::write(dir.path().join("anh/chu-ky.png"), b"x").expect("write");
        #[cfg(unix)]
        {
            let outside = tempfile::tempdir().expect("temp dir");
            std::fs::write(outside.path().join("ngoai.png"), b"x").expect("write");
            std::os::unix::fs::symlink(
                outside.path().join("ngoai.png"),
                dir.path().join("ngoai.png"),
            )
            .expect("link");
        }
        assert_eq!(
            pictures_in(dir.path()).expect("listed"),
            ["Chu-Ky.PNG", "dau.png"]
        );
    }

    #[test]
    fn names_stay_in_the_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(file_in(dir.path(), "moi.toml").is_ok());
        for bad in [
            "../moi.toml",
            "/etc/moi.toml",
            "a/b.toml",
            ".an.toml",
            "moi.txt",
            "",
        ] {
            assert_eq!(file_in(dir.path(), bad), Err(NameError::NotAName), "{bad}");
        }
        #[cfg(unix)]
        {
            let outside = tempfile::tempdir().expect("temp dir");
            let link = dir.path().join("link.toml");
            std::os::unix::fs::symlink(outside.path().join("x.toml"), &link).expect("link");
            assert_eq!(file_in(dir.path(), "link.toml"), Err(NameError::Outside));
        }
    }
}
