//! The user's own files: the native file picker for attachments and "show in folder" for
//! downloads. Both run in Rust so the window gets no file-system or dialog permissions of its own.

use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use tokio::sync::oneshot;

use super::files::DownloadDir;
use crate::error::{CmdResult, CommandError, ErrorCode};

/// A file the user picked or dropped, as the window sees it: an opaque token stands for the
/// path, so the page can upload only what the user chose and never names a path itself.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct PickedFile {
    pub token: String,
    pub name: String,
    /// Bytes, saturating at 4 GiB (far past what can be uploaded).
    pub size: u32,
}

/// Files dropped on the window, where they landed (physical pixels, as Tauri reports them).
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct DroppedFiles {
    pub files: Vec<PickedFile>,
    pub x: i32,
    pub y: i32,
}

/// The event the window hears a drop on.
pub const FILES_DROPPED_EVENT: &str = "files-dropped";
/// Tokens kept for retries; the oldest go first.
const MAX_PICKED: usize = 1000;

/// What the user picked or dropped this session, by token.
#[derive(Default)]
pub struct PickedFiles {
    inner: Mutex<(HashMap<String, PathBuf>, VecDeque<String>)>,
}

/// 128 unguessable bits from the standard library's per-process random hash keys.
pub fn new_token() -> String {
    let half = || {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0),
        );
        h.finish()
    };
    format!("{:016x}{:016x}", half(), half())
}

impl PickedFiles {
    /// Registers paths the user chose and returns what the window may know of them.
    pub fn register(&self, paths: Vec<PathBuf>) -> Vec<PickedFile> {
        let Ok(mut inner) = self.inner.lock() else {
            return Vec::new();
        };
        let (map, order) = &mut *inner;
        paths
            .into_iter()
            .map(|path| {
                let token = new_token();
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "file".into());
                let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
                let size = u32::try_from(size).unwrap_or(u32::MAX);
                map.insert(token.clone(), path);
                order.push_back(token.clone());
                while order.len() > MAX_PICKED {
                    if let Some(old) = order.pop_front() {
                        map.remove(&old);
                    }
                }
                PickedFile { token, name, size }
            })
            .collect()
    }

    /// The path behind a token, if the user picked it.
    pub fn path(&self, token: &str) -> CmdResult<PathBuf> {
        self.inner
            .lock()
            .ok()
            .and_then(|inner| inner.0.get(token).cloned())
            .ok_or_else(|| {
                CommandError::new(
                    ErrorCode::Validation,
                    "Only files picked or dropped in this window can be attached. Pick the file again.",
                )
            })
    }
}

/// Files dropped on the main window are registered here, in Rust, and the page hears tokens.
pub fn accept_drops<R: Runtime>(app: &AppHandle<R>) {
    let Some(window) = app.get_webview_window(crate::window::MAIN_WINDOW) else {
        return;
    };
    let handle = app.clone();
    window.on_window_event(move |event| {
        if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, position }) = event
        {
            let files = handle.state::<PickedFiles>().register(paths.clone());
            let dropped = DroppedFiles {
                files,
                // Saturating casts: a position is a few thousand pixels at most.
                x: position.x as i32,
                y: position.y as i32,
            };
            let _ = handle.emit_to(crate::window::MAIN_WINDOW, FILES_DROPPED_EVENT, dropped);
        }
    });
}

/// The system's file picker, bound to the app at start-up. Commands cannot be generic over the
/// runtime in the binding list, so the runtime-specific part is captured here instead.
pub struct FilePicker {
    pick: Box<dyn Fn(String, oneshot::Sender<Vec<PathBuf>>) + Send + Sync>,
    save: Box<dyn Fn(String, oneshot::Sender<Option<PathBuf>>) + Send + Sync>,
}

impl FilePicker {
    /// Asks where to save a file named `suggested` by default; `None` if the user cancelled.
    pub fn save(&self, suggested: String, reply: oneshot::Sender<Option<PathBuf>>) {
        (self.save)(suggested, reply);
    }

    pub fn new<R: Runtime>(app: AppHandle<R>) -> Self {
        let saver = app.clone();
        let save = Box::new(
            move |suggested: String, reply: oneshot::Sender<Option<PathBuf>>| {
                let mut dialog = saver
                    .dialog()
                    .file()
                    .set_title("Export")
                    .add_filter("CSV", &["csv"])
                    .add_filter("Excel workbook", &["xlsx"])
                    .set_file_name(suggested);
                if let Some(window) = saver.get_webview_window(crate::window::MAIN_WINDOW) {
                    dialog = dialog.set_parent(&window);
                }
                dialog.save_file(move |picked| {
                    let _ = reply.send(picked.and_then(|p| p.into_path().ok()));
                });
            },
        );
        let pick = Box::new(move |title, reply: oneshot::Sender<Vec<PathBuf>>| {
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
        });
        Self { pick, save }
    }
}

/// Opens the system's file picker; an empty list means the user cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_files(
    picker: State<'_, FilePicker>,
    picked: State<'_, PickedFiles>,
    title: String,
) -> CmdResult<Vec<PickedFile>> {
    let (reply, chosen) = oneshot::channel();
    (picker.pick)(title, reply);
    Ok(picked.register(chosen.await.unwrap_or_default()))
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

/// Opens a downloaded file in the app the system has for it. Only files in the downloads
/// folder, as for `show_download`.
#[tauri::command]
#[specta::specta]
pub async fn open_download(downloads: State<'_, DownloadDir>, path: String) -> CmdResult<()> {
    let path = inside(&downloads.0, Path::new(&path)).ok_or_else(|| {
        CommandError::new(
            ErrorCode::Validation,
            "Only files the app downloaded can be opened.",
        )
    })?;
    tauri_plugin_opener::open_path(&path, None::<&str>).map_err(|e| {
        CommandError::new(
            ErrorCode::Storage,
            format!("Could not open {}: {e}", path.display()),
        )
    })
}

/// `text` as a web address that may be handed to the browser: http or https with a host, and
/// nothing else (no `file:`, `javascript:` or custom schemes a text field could carry).
pub fn web_link(text: &str) -> Option<url::Url> {
    let url = url::Url::parse(text.trim()).ok()?;
    (matches!(url.scheme(), "http" | "https") && url.host_str().is_some_and(|h| !h.is_empty()))
        .then_some(url)
}

/// Opens an http(s) link from a field or a comment in the default browser.
#[tauri::command]
#[specta::specta]
pub async fn open_link(url: String) -> CmdResult<()> {
    let url = web_link(&url).ok_or_else(|| {
        CommandError::new(
            ErrorCode::Validation,
            "Only web links (http or https) can be opened.",
        )
    })?;
    tauri_plugin_opener::open_url(url.as_str(), None::<&str>).map_err(|e| {
        CommandError::new(
            ErrorCode::Storage,
            format!("Could not open the browser: {e}"),
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
    fn only_web_links_are_opened() {
        for ok in [
            "https://example.com/a?b#c",
            "http://localhost:8080",
            " HTTPS://X.org ",
        ] {
            assert!(web_link(ok).is_some(), "{ok}");
        }
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "mailto:a@b.c",
            "ftp://x.org",
            "http://",
            "example.com",
            "smb://host/share",
            "",
        ] {
            assert!(web_link(bad).is_none(), "{bad}");
        }
    }

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
