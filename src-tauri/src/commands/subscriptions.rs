//! Following tables and records (§12).

use infolobby::models::{Following, Subscribed};
use tauri::State;

use crate::connections::service::Connections;
use crate::error::CmdResult;

#[tauri::command]
#[specta::specta]
pub async fn follow_table(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    follow: bool,
    force: bool,
) -> CmdResult<Subscribed> {
    state
        .call(&connection_id, |c| async move {
            c.follow_table(table_id, follow, force).await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn follow_record(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    record_id: i64,
    follow: bool,
    force: bool,
) -> CmdResult<Subscribed> {
    state
        .call(&connection_id, |c| async move {
            c.follow_record(table_id, record_id, follow, force).await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn following(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    record_id: Option<i64>,
) -> CmdResult<Following> {
    state
        .call(&connection_id, |c| async move {
            c.following(table_id, record_id).await
        })
        .await
}
