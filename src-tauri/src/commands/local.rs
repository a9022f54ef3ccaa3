//! The user's own files: the native file picker for attachments and "show in folder" for
//! downloads. Both run in Rust so the window gets no file-system or dialog permissions of its own.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use tokio::sync::oneshot;

use super::files::DownloadDir;
use crate::error::{CmdResult, CommandError, ErrorCode};

/// The system's file picker, bound to the app at start-up. Commands cannot be generic over the
/// runtime in the binding list, so the runtime-specific part is captured here instead.
pub struct FilePicker(Box<dyn Fn(String, oneshot::Sender<Vec<PathBuf>>) + Send + Sync>);

impl FilePicker {
    pub fn new<R: Runtime>(app: AppHandle<R>) -> Self {
        Self(Box::new(move |title, reply| {
            let mut dialog = app.dialog().file().set_title(title);
            if let Some(window) = app.get_webview_window("main") {
                dialog = dialog.set_parent(&window);
            }
            dialog.pick_files(move |picked| {
                let paths = picked
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|p| p.into_path().ok())
                    .collect();
                let _ = reply.send(paths);
            });
        }))
    }
}

/// Opens the system's file picker; an empty list means the user cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_files(picker: State<'_, FilePicker>, title: String) -> CmdResult<Vec<String>> {
    let (reply, picked) = oneshot::channel();
    (picker.0)(title, reply);
    Ok(picked
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|p| p.display().to_string())
        .collect())
}

/// Shows a downloaded file in the system's file manager. Only files in the downloads folder, so
/// the window cannot use this to probe the rest of the disk.
#[tauri::command]
#[specta::specta]
pub async fn show_download(downloads: State<'_, DownloadDir>, path: String) -> CmdResult<()> {
    let path = inside(&downloads.0, Path::new(&path)).ok_or_else(|| {
        CommandError::new(
            ErrorCode::Validation,
            "Only files the app downloaded can be shown.",
        )
    })?;
    tauri_plugin_opener::reveal_item_in_dir(&path).map_err(|e| {
        CommandError::new(
            ErrorCode::Storage,
            format!("Could not open the file manager: {e}"),
        )
    })
}

/// `path`, resolved, when it exists and lies inside `dir`.
fn inside(dir: &Path, path: &Path) -> Option<PathBuf> {
    let dir = dir.canonicalize().ok()?;
    let path = path.canonicalize().ok()?;
    path.starts_with(&dir).then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_downloads_can_be_shown() {
        let root = std::env::temp_dir().join(format!("il-inside-{}", std::process::id()));
        let dir = root.join("Downloads");
        std::fs::create_dir_all(&dir).unwrap_or_default();
        std::fs::write(dir.join("a.txt"), b"x").unwrap_or_default();
        std::fs::write(root.join("secret.txt"), b"x").unwrap_or_default();
        assert!(inside(&dir, &dir.join("a.txt")).is_some());
        assert!(inside(&dir, &dir.join("../secret.txt")).is_none());
        assert!(inside(&dir, &dir.join("missing.txt")).is_none());
        let _ = std::fs::remove_dir_all(&root);
    }
}
