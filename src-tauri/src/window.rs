//! The main window: finding it and bringing it to the front.

use tauri::{AppHandle, Manager, Runtime};

pub const MAIN_WINDOW: &str = "main";

/// Shows, unminimises and focuses the main window; a no-op if it is gone.
pub fn show_main<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        // Each step can fail on exotic window managers; none of them is worth stopping for.
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}
