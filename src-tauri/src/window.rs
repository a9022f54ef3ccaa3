//! The main window: made when needed, brought to the front, and destroyed (not hidden) when
//! closed to the tray, so no web engine stays resident for an icon and a poll.

use tauri::{AppHandle, Manager, Runtime, WebviewWindow, WebviewWindowBuilder};

pub const MAIN_WINDOW: &str = "main";

/// Shows, unminimises and focuses the main window, making it again if it was closed to the
/// tray. The page the user left is restored by the window itself (`stores/place`).
pub fn show_main<R: Runtime>(app: &AppHandle<R>) {
    match app.get_webview_window(MAIN_WINDOW) {
        Some(window) => bring_forward(&window),
        // Made off the event loop's thread: a menu or tray handler runs on it, and making a
        // window there waits for the loop it is blocking.
        None => {
            let app = app.clone();
            tauri::async_runtime::spawn(async move {
                if app.get_webview_window(MAIN_WINDOW).is_some() {
                    return show_main(&app);
                }
                match create_main(&app) {
                    Ok(window) => bring_forward(&window),
                    Err(e) => eprintln!("InfoLobby Desktop could not open its window: {e}"),
                }
            });
        }
    }
}

fn bring_forward<R: Runtime>(window: &WebviewWindow<R>) {
    // Each step can fail on exotic window managers; none of them is worth stopping for.
    let _ = window.unminimize();
    let _ = window.show();
    let _ = window.set_focus();
}

/// The main window as `tauri.conf.json` describes it.
fn create_main<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<WebviewWindow<R>> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == MAIN_WINDOW)
        .cloned()
        .unwrap_or_default();
    let window = WebviewWindowBuilder::from_config(app, &config)?.build()?;
    handle_close(app, &window);
    Ok(window)
}

/// Whether closing the window keeps the app running in the tray.
pub fn closes_to_tray<R: Runtime>(app: &AppHandle<R>) -> bool {
    app.try_state::<crate::connections::service::Connections>()
        .and_then(|c| c.settings().ok())
        .map(|s| s.close_to_tray)
        .unwrap_or(true)
}

/// At start: the window, unless the app starts in the tray (at login), where no web engine is
/// loaded until the user asks for the window.
pub fn open_at_start<R: Runtime>(app: &AppHandle<R>, in_tray: bool) -> tauri::Result<()> {
    if !(in_tray && closes_to_tray(app)) {
        create_main(app)?;
    }
    Ok(())
}

fn handle_close<R: Runtime>(app: &AppHandle<R>, window: &WebviewWindow<R>) {
    let handle = app.clone();
    // Set by the user's close; a window destroyed because the app quits hands nothing over.
    let to_tray = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    window.on_window_event(move |event| match event {
        tauri::WindowEvent::CloseRequested { .. } => {
            if closes_to_tray(&handle) {
                to_tray.store(true, std::sync::atomic::Ordering::SeqCst);
            } else {
                handle.exit(0);
            }
        }
        // If no fresh instance can be started, this one stays, without its engine's processes.
        tauri::WindowEvent::Destroyed
            if to_tray.swap(false, std::sync::atomic::Ordering::SeqCst)
                && !crate::handover::to_fresh_tray(&handle) =>
        {
            crate::web_engine::release_when_idle(&handle);
        }
        _ => {}
    });
}

/// Sets the main window's title from commands, which are generic over no runtime.
pub struct Titles(Box<dyn Fn(&str) + Send + Sync>);

/// Titles longer than this are cut: a window manager shows far less.
const MAX_TITLE_CHARS: usize = 120;

/// "Grace Hopper — InfoLobby Desktop": what the window shows, in the taskbar and the window
/// switcher; control characters from the data are dropped.
pub fn title_for(page: &str) -> String {
    let clean: String = page
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_TITLE_CHARS)
        .collect();
    let clean = clean.trim();
    if clean.is_empty() {
        "InfoLobby Desktop".to_string()
    } else {
        format!("{clean} — InfoLobby Desktop")
    }
}

impl Titles {
    pub fn new<R: Runtime>(app: AppHandle<R>) -> Self {
        Self(Box::new(move |page| {
            if let Some(w) = app.get_webview_window(MAIN_WINDOW) {
                let _ = w.set_title(&title_for(page));
            }
        }))
    }

    pub fn set(&self, page: &str) {
        (self.0)(page);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_the_page_and_the_app() {
        assert_eq!(
            title_for("Grace Hopper"),
            "Grace Hopper — InfoLobby Desktop"
        );
        assert_eq!(title_for("  \u{7}\n "), "InfoLobby Desktop");
        assert_eq!(
            title_for(&"x".repeat(500)).chars().count(),
            MAX_TITLE_CHARS + 20
        );
    }
}
