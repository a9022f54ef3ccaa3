//! The background watcher: checks every personal-key connection for new notifications and tasks
//! due, raises native notifications for what is new and for keys about to expire, and keeps the
//! tray's unread count current. It runs while the window is closed to the tray.

pub mod expiry;
pub mod seen;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;
use tokio::sync::Notify;

use crate::connections::service::Connections;
use crate::connections::Connection;
use crate::error::CmdResult;
use seen::{Seen, SeenStore};

/// Event the UI listens to for new counts.
pub const UNREAD_EVENT: &str = "unread-changed";
/// At most this many notifications are shown one by one per check; the rest are summed up.
const MAX_ALERTS: usize = 3;

/// Unread notifications and tasks due of one connection.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, specta::Type)]
pub struct Unread {
    pub unread: u32,
    pub tasks_due: u32,
}

pub struct Watcher {
    wake: Notify,
    seen: SeenStore,
    counts: Mutex<BTreeMap<String, Unread>>,
    /// Connections the service asked to wait, and until when: skipped, not waited for, so one
    /// rate-limited key never delays the others.
    paused_until: Mutex<BTreeMap<String, Instant>>,
}

/// A native notification to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    pub title: String,
    pub body: String,
}

impl Watcher {
    pub fn new(config_dir: &Path) -> Self {
        Self {
            wake: Notify::new(),
            seen: SeenStore::new(config_dir),
            counts: Mutex::default(),
            paused_until: Mutex::default(),
        }
    }

    /// Forgets everything about a removed connection.
    pub fn forget(&self, id: &str) -> CmdResult<()> {
        if let Ok(mut c) = self.counts.lock() {
            c.remove(id);
        }
        if let Ok(mut p) = self.paused_until.lock() {
            p.remove(id);
        }
        Ok(self.seen.forget(id)?)
    }

    fn paused(&self, id: &str) -> bool {
        self.paused_until
            .lock()
            .map(|p| p.get(id).is_some_and(|until| *until > Instant::now()))
            .unwrap_or(false)
    }

    fn pause(&self, id: &str, secs: u32) {
        if let Ok(mut p) = self.paused_until.lock() {
            if let Some(until) = Instant::now().checked_add(Duration::from_secs(u64::from(secs))) {
                p.insert(id.to_string(), until);
            }
        }
    }

    /// Checks now instead of at the end of the interval.
    pub fn check_now(&self) {
        self.wake.notify_one();
    }

    pub fn counts(&self) -> BTreeMap<String, Unread> {
        self.counts.lock().map(|c| c.clone()).unwrap_or_default()
    }

    /// One round over all connections; returns the alerts to show and the new counts.
    pub async fn check(&self, connections: &Connections) -> (Vec<Alert>, BTreeMap<String, Unread>) {
        let list = connections.list().unwrap_or_default();
        let mut seen = self.seen.load().unwrap_or_default();
        seen.retain(|id, _| list.iter().any(|c| &c.id == id));
        let previous = self.counts();
        let mut counts = BTreeMap::new();
        let mut alerts = Vec::new();
        let today = chrono::Local::now().date_naive();
        let days_before = connections
            .settings()
            .map(|s| s.expiry_reminder_days)
            .unwrap_or(14);
        for conn in &list {
            let state = seen.entry(conn.id.clone()).or_default();
            let day = today.to_string();
            if state.expiry_reminded_on.as_deref() != Some(day.as_str()) {
                if let Some(alert) = expiry::reminder(conn, today, days_before) {
                    alerts.push(alert);
                    state.expiry_reminded_on = Some(day);
                }
            }
        }
        for conn in list
            .iter()
            .filter(|c| c.capabilities.notifications && !c.key_invalid)
        {
            let state = seen.entry(conn.id.clone()).or_default();
            let checked = if self.paused(&conn.id) {
                None
            } else {
                Some(check_one(connections, conn, state).await)
            };
            match checked {
                Some(Ok((count, mut new))) => {
                    counts.insert(conn.id.clone(), count);
                    alerts.append(&mut new);
                }
                // Offline, rate limited or paused: keep the last count; a later round tries again.
                other => {
                    if let Some(Err(e)) = &other {
                        if let Some(secs) = e.retry_after_secs {
                            self.pause(&conn.id, secs);
                        }
                    }
                    if let Some(c) = previous.get(&conn.id) {
                        counts.insert(conn.id.clone(), *c);
                    }
                }
            }
        }
        let still = connections.list().unwrap_or_default();
        let _ = self
            .seen
            .save_for(seen, |id| still.iter().any(|c| c.id == id));
        if let Ok(mut c) = self.counts.lock() {
            *c = counts.clone();
        }
        (alerts, counts)
    }
}

fn to_u32(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

async fn check_one(
    connections: &Connections,
    conn: &Connection,
    seen: &mut Seen,
) -> CmdResult<(Unread, Vec<Alert>)> {
    let count = connections
        .call(&conn.id, |c| async move { c.unread_count().await })
        .await?;
    let mut alerts = Vec::new();
    if count.unread > 0 {
        // Listing marks them "seen" on the service, which is what showing them here means.
        let unread = connections
            .call(&conn.id, |c| async move {
                c.list_notifications(true, 50, 0).await
            })
            .await?;
        let fresh = seen.fresh(&unread);
        for n in fresh.iter().take(MAX_ALERTS) {
            alerts.push(Alert {
                title: if n.message.is_empty() {
                    "New InfoLobby notification".into()
                } else {
                    n.message.clone()
                },
                body: n
                    .summary
                    .as_deref()
                    .map(infolobby::models::plain_mentions)
                    .unwrap_or_else(|| conn.name.clone()),
            });
        }
        if fresh.len() > MAX_ALERTS {
            alerts.push(Alert {
                title: format!("{} more notifications", fresh.len() - MAX_ALERTS),
                body: conn.name.clone(),
            });
        }
    }
    let more_due = seen.more_tasks_due(count.tasks_due);
    if more_due > 0 {
        alerts.push(Alert {
            title: if count.tasks_due == 1 {
                "A task is due".into()
            } else {
                format!("{} tasks are due", count.tasks_due)
            },
            body: conn.name.clone(),
        });
    }
    seen.initialized = true;
    Ok((
        Unread {
            unread: to_u32(count.unread),
            tasks_due: to_u32(count.tasks_due),
        },
        alerts,
    ))
}

/// Notification daemons on Linux may read the body as markup (the spec's `body-markup`), so a
/// server's `<b>` or `&` must arrive as text. Other systems show text as it is.
pub fn body_text(body: &str) -> String {
    if cfg!(target_os = "linux") {
        body.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    } else {
        body.to_string()
    }
}

/// Starts the watcher loop for the life of the app. A panic inside a round (a bug meeting data
/// it did not expect) ends that round only: it is caught, logged, and the next round runs.
pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    use futures_util::FutureExt;
    tauri::async_runtime::spawn(async move {
        loop {
            let connections = app.state::<Connections>();
            let watcher = app.state::<Watcher>();
            let round = std::panic::AssertUnwindSafe(watcher.check(&connections)).catch_unwind();
            let (alerts, counts) = match round.await {
                Ok(done) => done,
                Err(_) => {
                    eprintln!("InfoLobby Desktop: a watcher round failed; trying again later");
                    (Vec::new(), watcher.counts())
                }
            };
            for alert in alerts {
                // A missing notification daemon must not stop the watcher.
                let _ = app
                    .notification()
                    .builder()
                    .title(alert.title)
                    .body(body_text(&alert.body))
                    .show();
            }
            let total = counts.values().fold(Unread::default(), |a, c| Unread {
                unread: a.unread.saturating_add(c.unread),
                tasks_due: a.tasks_due.saturating_add(c.tasks_due),
            });
            crate::tray::show_unread(&app, total);
            let _ = app.emit(UNREAD_EVENT, &counts);
            let interval = connections
                .settings()
                .map(|s| s.poll_interval_secs)
                .unwrap_or(60);
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_secs(u64::from(interval))) => {}
                _ = watcher.wake.notified() => {}
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notification_bodies_reach_markup_daemons_as_text() {
        let body = body_text("<b>Ada</b> & <a href='x'>co</a>");
        if cfg!(target_os = "linux") {
            assert_eq!(
                body,
                "&lt;b&gt;Ada&lt;/b&gt; &amp; &lt;a href='x'&gt;co&lt;/a&gt;"
            );
        } else {
            assert_eq!(body, "<b>Ada</b> & <a href='x'>co</a>");
        }
    }
}
