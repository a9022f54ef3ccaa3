//! Opening what an alert or a tray item points at: the window is brought up (made again if it
//! was closed to the tray) and shown the record; the notification is marked read.

use std::sync::Mutex;

use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::connections::service::Connections;
use crate::watcher::{OpenTarget, Watcher};
use crate::window;

/// Told to the window when there is something to open; it then calls `take_open_request`.
pub const OPEN_EVENT: &str = "open-requested";

/// The last target asked for and not yet taken by the window. A window made for it takes it
/// when it starts; one already open is told through [`OPEN_EVENT`].
#[derive(Default)]
pub struct PendingOpen(Mutex<Option<OpenTarget>>);

pub fn open<R: Runtime>(app: &AppHandle<R>, target: OpenTarget) {
    if let Some(id) = target.notification_id {
        mark_read(app, target.connection_id.clone(), id);
    }
    if let Some(pending) = app.try_state::<PendingOpen>() {
        *pending.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(target);
    }
    window::show_main(app);
    let _ = app.emit(OPEN_EVENT, ());
}

fn mark_read<R: Runtime>(app: &AppHandle<R>, connection_id: String, id: i64) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let Some(connections) = app.try_state::<Connections>() else {
            return;
        };
        let done = connections
            .call(&connection_id, |c| async move {
                c.mark_notification(id, true).await
            })
            .await;
        if let Some(w) = app.try_state::<Watcher>() {
            if done.is_ok() {
                w.mark_read_locally(&connection_id, id);
            }
            w.check_now();
        }
    });
}

impl PendingOpen {
    pub fn take(&self) -> Option<OpenTarget> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).take()
    }
}
