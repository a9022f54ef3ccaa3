//! Workspaces (§6).

use infolobby::models::{Ack, Space};
use serde_json::{Map, Value};
use tauri::State;

use crate::connections::service::Connections;
use crate::error::CmdResult;

#[tauri::command]
#[specta::specta]
pub async fn list_spaces(
    state: State<'_, Connections>,
    connection_id: String,
) -> CmdResult<Vec<Space>> {
    let fetch = state.call(&connection_id, |c| async move { c.list_spaces().await });
    super::cache::list_with_copy(&state, &connection_id, "spaces".into(), fetch).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_space(
    state: State<'_, Connections>,
    connection_id: String,
    space_id: i64,
) -> CmdResult<Space> {
    state
        .call(
            &connection_id,
            |c| async move { c.get_space(space_id).await },
        )
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn create_space(
    state: State<'_, Connections>,
    connection_id: String,
    name: String,
    settings: Map<String, Value>,
) -> CmdResult<Space> {
    state
        .call(&connection_id, |c| async move {
            c.create_space(&name, settings).await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_space(
    state: State<'_, Connections>,
    connection_id: String,
    space_id: i64,
    changes: Map<String, Value>,
) -> CmdResult<Space> {
    state
        .call(&connection_id, |c| async move {
            c.update_space(space_id, changes).await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_space(
    state: State<'_, Connections>,
    connection_id: String,
    space_id: i64,
) -> CmdResult<Ack> {
    state
        .call(
            &connection_id,
            |c| async move { c.delete_space(space_id).await },
        )
        .await
}
