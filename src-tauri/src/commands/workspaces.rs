//! Workspaces, members, tables and views: thin adapters over `infolobby::Client`.

use infolobby::models::{Ack, Member, Space, Table, TableSummary, View};
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
    state
        .call(&connection_id, |c| async move { c.spaces().await })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_space(
    state: State<'_, Connections>,
    connection_id: String,
    space_id: i64,
) -> CmdResult<Space> {
    state
        .call(&connection_id, |c| async move { c.space(space_id).await })
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

#[tauri::command]
#[specta::specta]
pub async fn list_members(
    state: State<'_, Connections>,
    connection_id: String,
    space_id: i64,
) -> CmdResult<Vec<Member>> {
    state
        .call(&connection_id, |c| async move { c.members(space_id).await })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_member(
    state: State<'_, Connections>,
    connection_id: String,
    space_id: i64,
    email: String,
    role: String,
) -> CmdResult<Member> {
    state
        .call(&connection_id, |c| async move {
            c.add_member(space_id, &email, &role).await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn change_member_role(
    state: State<'_, Connections>,
    connection_id: String,
    space_id: i64,
    user_id: i64,
    role: String,
) -> CmdResult<Member> {
    state
        .call(&connection_id, |c| async move {
            c.change_member_role(space_id, user_id, &role).await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn remove_member(
    state: State<'_, Connections>,
    connection_id: String,
    space_id: i64,
    user_id: i64,
) -> CmdResult<Ack> {
    state
        .call(&connection_id, |c| async move {
            c.remove_member(space_id, user_id).await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_tables(
    state: State<'_, Connections>,
    connection_id: String,
    space_id: i64,
) -> CmdResult<Vec<TableSummary>> {
    state
        .call(&connection_id, |c| async move { c.tables(space_id).await })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_table(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
) -> CmdResult<Table> {
    state
        .call(&connection_id, |c| async move { c.table(table_id).await })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn create_table(
    state: State<'_, Connections>,
    connection_id: String,
    space_id: i64,
    name: String,
    fields: Vec<Value>,
) -> CmdResult<Table> {
    state
        .call(&connection_id, |c| async move {
            c.create_table(space_id, &name, fields).await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_table(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    name: Option<String>,
    fields: Option<Vec<Value>>,
) -> CmdResult<Table> {
    state
        .call(&connection_id, |c| async move {
            c.update_table(table_id, name.as_deref(), fields).await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_table(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
) -> CmdResult<Ack> {
    state
        .call(
            &connection_id,
            |c| async move { c.delete_table(table_id).await },
        )
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_views(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
) -> CmdResult<Vec<View>> {
    state
        .call(&connection_id, |c| async move { c.views(table_id).await })
        .await
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
            c.view(table_id, view_id).await
        })
        .await
}
