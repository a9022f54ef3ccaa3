//! Attachment bytes: files in the data directory, or memory for `--in-memory`.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use base64::Engine;

use crate::error::{ApiError, ApiResult};

pub enum Blobs {
    Memory(Mutex<HashMap<String, Vec<u8>>>),
    Dir(PathBuf),
}

/// Whether `path` has the shape of one the server made (`/t2/1712…-name.pdf`): a leading `/`,
/// then parts of letters, digits, `.`, `-` and `_`, none of them `.` or `..`. Anything else a
/// client sends never reaches the storage.
pub fn is_server_path(path: &str) -> bool {
    let Some(rest) = path.strip_prefix('/') else {
        return false;
    };
    path.len() <= 512
        && rest.split('/').all(|part| {
            !part.is_empty()
                && part != "."
                && part != ".."
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-_".contains(c))
        })
}

impl Blobs {
    fn file(dir: &std::path::Path, path: &str) -> Option<PathBuf> {
        is_server_path(path).then(|| dir.join(path.trim_start_matches('/').replace('/', "__")))
    }

    pub fn put(&self, path: &str, bytes: &[u8]) -> ApiResult<()> {
        match self {
            Blobs::Memory(m) => {
                m.lock()
                    .map_err(|_| ApiError::app("Storage error"))?
                    .insert(path.to_string(), bytes.to_vec());
                Ok(())
            }
            Blobs::Dir(d) => {
                let file =
                    Self::file(d, path).ok_or_else(|| ApiError::app("Storage error: bad path"))?;
                std::fs::write(file, bytes)
                    .map_err(|e| ApiError::app(format!("Storage error: {e}")))
            }
        }
    }

    pub fn get(&self, path: &str) -> Option<Vec<u8>> {
        match self {
            Blobs::Memory(m) if is_server_path(path) => m.lock().ok()?.get(path).cloned(),
            Blobs::Memory(_) => None,
            Blobs::Dir(d) => std::fs::read(Self::file(d, path)?).ok(),
        }
    }

    pub fn exists(&self, path: &str) -> bool {
        match self {
            Blobs::Memory(m) if is_server_path(path) => {
                m.lock().map(|m| m.contains_key(path)).unwrap_or(false)
            }
            Blobs::Memory(_) => false,
            Blobs::Dir(d) => Self::file(d, path).is_some_and(|f| f.is_file()),
        }
    }
}

/// Decodes raw base64 or a `data:` URI.
pub fn decode_base64(data: &str) -> ApiResult<Vec<u8>> {
    let raw = match data.split_once(";base64,") {
        Some((prefix, rest)) if prefix.starts_with("data:") => rest,
        _ => data,
    };
    let cleaned: String = raw.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    base64::engine::general_purpose::STANDARD
        .decode(cleaned.as_bytes())
        .map_err(|_| ApiError::app("Invalid file data: not base64"))
}

pub fn encode_base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_server_made_paths_reach_storage() {
        for ok in ["/t2/1712-a.pdf", "/comments/2/seed-quote.pdf"] {
            assert!(is_server_path(ok), "{ok}");
        }
        for bad in [
            "",
            "t2/a",
            "/",
            "/../etc/passwd",
            "/t2/../../x",
            "/a//b",
            "/a/./b",
            "/a\\b",
            "/C:/x",
            "/a b",
        ] {
            assert!(!is_server_path(bad), "{bad}");
        }
        let dir = std::env::temp_dir();
        let blobs = Blobs::Dir(dir);
        assert!(blobs.get("/../../etc/passwd").is_none());
        assert!(!blobs.exists("/etc/../passwd"));
    }
}
