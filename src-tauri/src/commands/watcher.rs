//! The background watcher's counts, and asking it to check now.

use std::collections::BTreeMap;

use tauri::State;

use crate::connections::service::Connections;
use crate::connections::Connection;
use crate::error::CmdResult;
use crate::watcher::prefs::AlertPrefs;
use crate::watcher::{Alert, OpenTarget, Unread, Watcher};

/// Unread notifications and tasks due per connection id, as of the last check.
#[tauri::command]
#[specta::specta]
pub fn unread_counts(watcher: State<'_, Watcher>) -> BTreeMap<String, Unread> {
    watcher.counts()
}

#[tauri::command]
#[specta::specta]
pub fn check_now(watcher: State<'_, Watcher>) {
    watcher.check_now();
}

/// Which events of a connection raise a native alert.
#[tauri::command]
#[specta::specta]
pub fn set_alert_prefs(
    state: State<'_, Connections>,
    connection_id: String,
    prefs: AlertPrefs,
) -> CmdResult<Connection> {
    state.set_alert_prefs(&connection_id, prefs)
}

/// Shows a sample alert with the connection's sound setting, so the user sees what alerts look
/// like and that the system lets them through.
#[tauri::command]
#[specta::specta]
pub fn send_test_notification(
    sink: State<'_, crate::notifier::Sink>,
    state: State<'_, Connections>,
    connection_id: String,
) -> CmdResult<()> {
    let conn = state
        .list()?
        .into_iter()
        .find(|c| c.id == connection_id)
        .ok_or_else(crate::error::CommandError::unknown_connection)?;
    let alert = Alert {
        target: Some(OpenTarget::connection(&conn.id)),
        sound: conn.alerts.sound,
        ..Alert::plain(
            "InfoLobby Desktop test notification",
            format!("Alerts for “{}” look like this.", conn.name),
        )
    };
    sink.send(vec![alert]);
    Ok(())
}
