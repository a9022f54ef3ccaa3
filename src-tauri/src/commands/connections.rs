//! Connections, settings and the demo. Changes wake the watcher, so counts follow at once.

use tauri::State;

use crate::connections::service::{ConnectionChanges, Connections, NewConnection};
use crate::connections::Connection;
use crate::error::CmdResult;
use crate::json_file::DamagedFile;
use crate::settings::Settings;
use crate::watcher::Watcher;

#[tauri::command]
#[specta::specta]
pub async fn list_connections(state: State<'_, Connections>) -> CmdResult<Vec<Connection>> {
    state.list()
}

/// Probes the key first; a refused key saves nothing.
#[tauri::command]
#[specta::specta]
pub async fn add_connection(
    state: State<'_, Connections>,
    watcher: State<'_, Watcher>,
    connection: NewConnection,
) -> CmdResult<Connection> {
    let added = state.add(connection).await;
    watcher.check_now();
    added
}

#[tauri::command]
#[specta::specta]
pub async fn replace_key(
    state: State<'_, Connections>,
    watcher: State<'_, Watcher>,
    connection_id: String,
    key: String,
) -> CmdResult<Connection> {
    let replaced = state.replace_key(&connection_id, &key).await;
    watcher.check_now();
    replaced
}

#[tauri::command]
#[specta::specta]
pub async fn update_connection(
    state: State<'_, Connections>,
    watcher: State<'_, Watcher>,
    connection_id: String,
    changes: ConnectionChanges,
) -> CmdResult<Connection> {
    let updated = state.update(&connection_id, changes)?;
    // A new expiry date may call for a reminder now.
    watcher.check_now();
    Ok(updated)
}

#[tauri::command]
#[specta::specta]
pub async fn remove_connection(
    state: State<'_, Connections>,
    watcher: State<'_, Watcher>,
    connection_id: String,
) -> CmdResult<Vec<Connection>> {
    let list = state.remove(&connection_id).await?;
    watcher.forget(&connection_id)?;
    Ok(list)
}

#[tauri::command]
#[specta::specta]
pub async fn set_active_connection(
    state: State<'_, Connections>,
    connection_id: String,
) -> CmdResult<Settings> {
    state.set_active(&connection_id)
}

#[tauri::command]
#[specta::specta]
pub async fn get_settings(state: State<'_, Connections>) -> CmdResult<Settings> {
    state.settings()
}

#[tauri::command]
#[specta::specta]
pub async fn update_settings(
    state: State<'_, Connections>,
    watcher: State<'_, Watcher>,
    settings: Settings,
) -> CmdResult<Settings> {
    let saved = state.update_settings(settings)?;
    // A new poll interval takes effect now rather than after the old one runs out.
    watcher.check_now();
    Ok(saved)
}

#[tauri::command]
#[specta::specta]
pub async fn start_demo(
    state: State<'_, Connections>,
    watcher: State<'_, Watcher>,
) -> CmdResult<Vec<Connection>> {
    let list = state.start_demo().await;
    watcher.check_now();
    list
}

#[tauri::command]
#[specta::specta]
pub async fn reset_demo(
    state: State<'_, Connections>,
    watcher: State<'_, Watcher>,
) -> CmdResult<()> {
    let reset = state.reset_demo().await;
    watcher.check_now();
    reset
}

/// Settings files found damaged since start-up and kept aside under a timestamped name, for the
/// window to say so until the user has read it.
#[tauri::command]
#[specta::specta]
pub fn damaged_files() -> Vec<DamagedFile> {
    crate::json_file::damaged_files(false)
}

/// The user has read about the damaged files.
#[tauri::command]
#[specta::specta]
pub fn dismiss_damaged_files() {
    crate::json_file::damaged_files(true);
}

/// What is left of a connection's rate-limit window, as its last answer said.
#[derive(Debug, Clone, serde::Serialize, specta::Type)]
pub struct Budget {
    pub remaining: u32,
    pub limit: Option<u32>,
    /// Seconds until the window resets, as of this call.
    pub resets_in_secs: Option<u32>,
}

/// How a connection's server is doing, as the app's last exchanges with it said.
#[derive(Debug, Clone, serde::Serialize, specta::Type)]
pub struct ConnectionStatus {
    /// The budget left under the rate limit, or none until the server has sent its headers.
    pub budget: Option<Budget>,
    /// Since when (milliseconds since the epoch) requests have not reached the server; none
    /// while it answers, whatever it answers.
    pub offline_since: Option<i64>,
}

/// The connection's status, read without a request (the status bar asks every few seconds).
#[tauri::command]
#[specta::specta]
pub async fn connection_status(
    state: State<'_, Connections>,
    connection_id: String,
) -> CmdResult<ConnectionStatus> {
    let small = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    // Rounded up, so "resets in 0 s" is never shown while the window is still closed.
    let secs = |d: std::time::Duration| small(d.as_secs() + u64::from(d.subsec_nanos() > 0));
    let budget = state.budget(&connection_id).await.map(|b| Budget {
        remaining: small(b.remaining),
        limit: b.limit.map(small),
        resets_in_secs: b.resets_in.map(secs),
    });
    let offline_since = state
        .unreachable_since(&connection_id)
        .await
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
    Ok(ConnectionStatus {
        budget,
        offline_since,
    })
}
