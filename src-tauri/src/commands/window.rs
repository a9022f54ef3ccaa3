//! The main window: what it should open, and its title.

use tauri::State;

use crate::open::PendingOpen;
use crate::watcher::OpenTarget;
use crate::window::Titles;

/// What an alert or the tray asked the window to open, once.
#[tauri::command]
#[specta::specta]
pub fn take_open_request(pending: State<'_, PendingOpen>) -> Option<OpenTarget> {
    pending.take()
}

/// Names the page shown (a record's title, a table) in the window's title.
#[tauri::command]
#[specta::specta]
pub fn set_window_title(titles: State<'_, Titles>, page: String) {
    titles.set(&page);
}
