//! Local files for uploads and downloads: size checks before anything is read or sent, MIME
//! types from the extension, and download names that never overwrite an existing file.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;
use tauri::ipc::Channel;

use crate::error::{CmdResult, CommandError, ErrorCode};

/// Where downloads are saved (the user's Downloads folder), managed as Tauri state.
pub struct DownloadDir(pub PathBuf);

/// Bytes done of bytes total, for a progress bar.
#[derive(Debug, Clone, Copy, Serialize, specta::Type)]
pub struct TransferProgress {
    pub done: u32,
    pub total: u32,
}

/// A file picked by the user, read into memory.
pub struct LocalFile {
    pub name: String,
    pub mime: String,
    pub bytes: bytes::Bytes,
}

fn io_error(path: &Path, e: std::io::Error) -> CommandError {
    CommandError::new(
        ErrorCode::Validation,
        format!("Could not read {}: {e}", path.display()),
    )
}

pub async fn read_local(path: &str) -> CmdResult<LocalFile> {
    let path = Path::new(path);
    let meta = tokio::fs::metadata(path)
        .await
        .map_err(|e| io_error(path, e))?;
    if meta.len() > infolobby::MAX_FILE_BYTES as u64 {
        return Err(infolobby::Error::PayloadTooLarge {
            limit: Some(infolobby::MAX_FILE_BYTES as u64),
        }
        .into());
    }
    let bytes = tokio::fs::read(path).await.map_err(|e| io_error(path, e))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    let mime = mime_guess::from_path(path)
        .first_or_octet_stream()
        .essence_str()
        .to_string();
    Ok(LocalFile {
        name,
        mime,
        bytes: bytes.into(),
    })
}

/// Forwards the client's progress calls to the UI.
pub fn progress_to(channel: Channel<TransferProgress>) -> infolobby::Progress {
    Arc::new(move |done, total| {
        let clamp = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
        // A closed window is not an error for the transfer itself.
        let _ = channel.send(TransferProgress {
            done: clamp(done),
            total: clamp(total),
        });
    })
}

/// `dir/name`, or `dir/name (2).ext` and so on when that exists. Only the last path part of
/// `name` is used, so a server cannot make the app write elsewhere.
pub fn free_path(dir: &Path, name: &str) -> PathBuf {
    let base = Path::new(name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty() && n != "." && n != "..")
        .unwrap_or_else(|| "download".into());
    let candidate = dir.join(&base);
    if !candidate.exists() {
        return candidate;
    }
    let (stem, ext) = match base.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s.to_string(), format!(".{e}")),
        _ => (base.clone(), String::new()),
    };
    (2..)
        .map(|n| dir.join(format!("{stem} ({n}){ext}")))
        .find(|p| !p.exists())
        .unwrap_or(candidate)
}

pub async fn save_download(dir: &Path, name: &str, bytes: &[u8]) -> CmdResult<String> {
    let fail = |e: std::io::Error| {
        CommandError::new(
            ErrorCode::Storage,
            format!("Could not save the file in {}: {e}", dir.display()),
        )
    };
    tokio::fs::create_dir_all(dir).await.map_err(fail)?;
    let path = free_path(dir, name);
    tokio::fs::write(&path, bytes).await.map_err(fail)?;
    Ok(path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downloads_never_overwrite_or_escape() {
        let dir = std::env::temp_dir().join(format!("il-free-path-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_default();
        std::fs::write(dir.join("a.txt"), b"x").unwrap_or_default();
        assert_eq!(free_path(&dir, "a.txt"), dir.join("a (2).txt"));
        assert_eq!(free_path(&dir, "../../etc/passwd"), dir.join("passwd"));
        assert_eq!(free_path(&dir, ".."), dir.join("download"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
