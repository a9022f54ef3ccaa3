//! The watcher's loop in the app: each due connection is polled as its own task, so one that
//! hangs or waits out a rate limit never holds back another; alerts go out as each poll ends.

use std::panic::AssertUnwindSafe;
use std::time::Duration;

use chrono::Utc;
use futures_util::FutureExt;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use super::{Watcher, UNREAD_EVENT};
use crate::connections::service::Connections;
use crate::connections::Connection;
use crate::notifier;

/// The loop looks at least this often: to probe offline servers, and for notices.
const TICK: Duration = Duration::from_secs(10);

/// Tells the window and the tray what the watcher knows now.
pub fn publish<R: Runtime>(app: &AppHandle<R>) {
    if let Some(w) = app.try_state::<Watcher>() {
        let _ = app.emit(UNREAD_EVENT, w.counts());
    }
    crate::tray::refresh(app);
}

/// One poll as a task of its own. A panic inside it (a bug meeting data it did not expect) ends
/// that poll only: it is caught, logged, and the connection is polled again later.
fn spawn_poll<R: Runtime>(app: AppHandle<R>, conn: Connection) {
    tauri::async_runtime::spawn(async move {
        let poll = AssertUnwindSafe(async {
            let watcher = app.state::<Watcher>();
            let connections = app.state::<Connections>();
            watcher.poll(&connections, &conn, Utc::now()).await
        })
        .catch_unwind()
        .await;
        match poll {
            Ok(alerts) => notifier::show(&app, alerts).await,
            Err(_) => {
                eprintln!("InfoLobby Desktop: a watcher poll failed; trying again later");
                app.state::<Watcher>().release(&conn.id, Utc::now());
            }
        }
        publish(&app);
    });
}

/// Starts the watcher for the life of the app.
pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        loop {
            let now = Utc::now();
            let wait = {
                let watcher = app.state::<Watcher>();
                let connections = app.state::<Connections>();
                for conn in watcher.due(&connections, now).await {
                    spawn_poll(app.clone(), conn);
                }
                let notices = watcher.notices(&connections, now);
                if !notices.is_empty() {
                    notifier::show(&app, notices).await;
                }
                watcher.next_wake(now, TICK)
            };
            publish(&app);
            let watcher = app.state::<Watcher>();
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = watcher.wake().notified() => {}
            }
        }
    });
}
