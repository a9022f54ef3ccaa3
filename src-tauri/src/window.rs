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

/// Closing the main window hides it when "keep running in the tray" is on, so the watcher keeps
/// going; otherwise the app quits.
pub fn keep_in_tray_on_close<R: Runtime>(app: &AppHandle<R>) {
    let Some(window) = app.get_webview_window(MAIN_WINDOW) else {
        return;
    };
    let handle = app.clone();
    window.on_window_event(move |event| {
        if let tauri::WindowEvent::CloseRequested { api, .. } = event {
            let to_tray = handle
                .state::<crate::connections::service::Connections>()
                .settings()
                .map(|s| s.close_to_tray)
                .unwrap_or(true);
            if to_tray {
                api.prevent_close();
                if let Some(w) = handle.get_webview_window(MAIN_WINDOW) {
                    let _ = w.hide();
                }
            } else {
                handle.exit(0);
            }
        }
    });
}
