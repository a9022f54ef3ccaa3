//! Tables and their design (§7).

use infolobby::models::{Ack, Table, TableSummary};
use serde_json::Value;
use tauri::State;

use crate::connections::service::Connections;
use crate::error::CmdResult;

#[tauri::command]
#[specta::specta]
pub async fn list_tables(
    state: State<'_, Connections>,
    connection_id: String,
    space_id: i64,
) -> CmdResult<Vec<TableSummary>> {
    let fetch = state.call(
        &connection_id,
        |c| async move { c.list_tables(space_id).await },
    );
    let key = format!("tables:{space_id}");
    super::cache::list_with_copy(&state, &connection_id, key, fetch).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_table(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
) -> CmdResult<Table> {
    let table = state
        .call(
            &connection_id,
            |c| async move { c.get_table(table_id).await },
        )
        .await?;
    state.remember_schema(&connection_id, &table);
    Ok(table)
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
    let table = state
        .call(&connection_id, |c| async move {
            c.update_table(table_id, name.as_deref(), fields).await
        })
        .await?;
    state.remember_schema(&connection_id, &table);
    Ok(table)
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
