//! Notifications of personal keys (§14).

use infolobby::models::{Ack, Notification, UnreadCount};
use serde_json::Value;
use tauri::State;

use crate::connections::service::Connections;
use crate::error::CmdResult;

#[tauri::command]
#[specta::specta]
pub async fn list_notifications(
    state: State<'_, Connections>,
    connection_id: String,
    unread_only: bool,
    limit: u32,
    offset: u32,
) -> CmdResult<Vec<Notification>> {
    state
        .call(&connection_id, |c| async move {
            c.list_notifications(unread_only, limit, u64::from(offset))
                .await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn unread_count(
    state: State<'_, Connections>,
    connection_id: String,
) -> CmdResult<UnreadCount> {
    state
        .call(&connection_id, |c| async move { c.unread_count().await })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn mark_notification(
    state: State<'_, Connections>,
    connection_id: String,
    notification_id: i64,
    read: bool,
) -> CmdResult<Value> {
    state
        .call(&connection_id, |c| async move {
            c.mark_notification(notification_id, read).await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn mark_all_notifications_read(
    state: State<'_, Connections>,
    connection_id: String,
) -> CmdResult<Ack> {
    state
        .call(&connection_id, |c| async move {
            c.mark_all_notifications_read().await
        })
        .await
}
