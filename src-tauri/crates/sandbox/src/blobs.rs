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

impl Blobs {
    fn file(dir: &std::path::Path, path: &str) -> PathBuf {
        // Storage paths are server-made, but keep anything path-like from escaping the folder.
        dir.join(
            path.trim_start_matches('/')
                .replace(['/', '\\'], "__")
                .replace("..", "_"),
        )
    }

    pub fn put(&self, path: &str, bytes: &[u8]) -> ApiResult<()> {
        match self {
            Blobs::Memory(m) => {
                m.lock()
                    .map_err(|_| ApiError::app("Storage error"))?
                    .insert(path.to_string(), bytes.to_vec());
                Ok(())
            }
            Blobs::Dir(d) => std::fs::write(Self::file(d, path), bytes)
                .map_err(|e| ApiError::app(format!("Storage error: {e}"))),
        }
    }

    pub fn get(&self, path: &str) -> Option<Vec<u8>> {
        match self {
            Blobs::Memory(m) => m.lock().ok()?.get(path).cloned(),
            Blobs::Dir(d) => std::fs::read(Self::file(d, path)).ok(),
        }
    }

    pub fn exists(&self, path: &str) -> bool {
        match self {
            Blobs::Memory(m) => m.lock().map(|m| m.contains_key(path)).unwrap_or(false),
            Blobs::Dir(d) => Self::file(d, path).exists(),
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
