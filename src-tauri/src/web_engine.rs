//! What stays of the web engine once the window is closed to the tray. WebKitGTK ends a web
//! view's web process with it, but keeps the network process for as long as the web context
//! lives (wry#590, tauri#14626), and Tauri keeps the context for the next window. An icon and a
//! poll have no use for it, so once no window is left it is ended; WebKit starts a new one
//! when the next window needs it.

use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime};

use crate::window::MAIN_WINDOW;

/// Long enough for WebKit to finish closing the page (it flushes storage through the network
/// process as it does).
const SETTLE: Duration = Duration::from_secs(3);

/// The ids of this process's children whose command name starts with `prefix`.
#[cfg(target_os = "linux")]
fn children_named(prefix: &str) -> Vec<i32> {
    let me = std::process::id().to_string();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let pid: i32 = e.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(e.path().join("stat")).ok()?;
            // `pid (comm) state ppid …`; comm may hold spaces and parentheses.
            let open = stat.find('(')?;
            let close = stat.rfind(')')?;
            let comm = stat.get(open + 1..close)?;
            let ppid = stat.get(close + 2..)?.split_whitespace().nth(1)?;
            (ppid == me && comm.starts_with(prefix)).then_some(pid)
        })
        .collect()
}

/// After the window is gone, ends the engine's processes it left behind.
pub fn release_when_idle<R: Runtime>(app: &AppHandle<R>) {
    #[cfg(target_os = "linux")]
    {
        let app = app.clone();
        tauri::async_runtime::spawn(async move {
            tokio::time::sleep(SETTLE).await;
            if app.get_webview_window(MAIN_WINDOW).is_some() {
                return; // opened again meanwhile
            }
            for pid in children_named("WebKitNetworkPr") {
                if let Some(pid) = rustix::process::Pid::from_raw(pid) {
                    let _ = rustix::process::kill_process(pid, rustix::process::Signal::TERM);
                }
            }
        });
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}
