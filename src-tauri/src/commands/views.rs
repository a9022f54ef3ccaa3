//! Saved views (§8).

use infolobby::models::View;
use tauri::State;

use crate::connections::service::Connections;
use crate::error::CmdResult;

#[tauri::command]
#[specta::specta]
pub async fn list_views(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
) -> CmdResult<Vec<View>> {
    let fetch = state.call(
        &connection_id,
        |c| async move { c.list_views(table_id).await },
    );
    let key = format!("views:{table_id}");
    super::cache::list_with_copy(&state, &connection_id, key, fetch).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_view(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    view_id: i64,
) -> CmdResult<View> {
    state
        .call(&connection_id, |c| async move {
            c.get_view(table_id, view_id).await
        })
        .await
}
