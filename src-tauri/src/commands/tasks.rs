//! Tasks on records and the personal key's own (§13).

use infolobby::models::{Ack, Comment, Task};
use infolobby::TaskScope;
use serde_json::{Map, Value};
use tauri::State;

use crate::connections::service::Connections;
use crate::error::CmdResult;

#[tauri::command]
#[specta::specta]
pub async fn create_record_task(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    record_id: i64,
    fields: Map<String, Value>,
) -> CmdResult<Task> {
    state
        .call(&connection_id, |c| async move {
            c.create_record_task(table_id, record_id, fields).await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_record_tasks(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    record_id: i64,
    done: Option<bool>,
    limit: u32,
    offset: u32,
) -> CmdResult<Vec<Task>> {
    state
        .call(&connection_id, |c| async move {
            c.list_record_tasks(table_id, record_id, done, limit, u64::from(offset))
                .await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_task(
    state: State<'_, Connections>,
    connection_id: String,
    task_id: i64,
) -> CmdResult<Task> {
    state
        .call(&connection_id, |c| async move { c.get_task(task_id).await })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_task(
    state: State<'_, Connections>,
    connection_id: String,
    task_id: i64,
    changes: Map<String, Value>,
) -> CmdResult<Task> {
    state
        .call(&connection_id, |c| async move {
            c.update_task(task_id, changes).await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn complete_task(
    state: State<'_, Connections>,
    connection_id: String,
    task_id: i64,
) -> CmdResult<Task> {
    state
        .call(
            &connection_id,
            |c| async move { c.complete_task(task_id).await },
        )
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn reopen_task(
    state: State<'_, Connections>,
    connection_id: String,
    task_id: i64,
) -> CmdResult<Task> {
    state
        .call(
            &connection_id,
            |c| async move { c.reopen_task(task_id).await },
        )
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_task(
    state: State<'_, Connections>,
    connection_id: String,
    task_id: i64,
) -> CmdResult<Ack> {
    state
        .call(
            &connection_id,
            |c| async move { c.delete_task(task_id).await },
        )
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_task_comments(
    state: State<'_, Connections>,
    connection_id: String,
    task_id: i64,
) -> CmdResult<Vec<Comment>> {
    state
        .call(&connection_id, |c| async move {
            c.list_task_comments(task_id).await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn comment_on_task(
    state: State<'_, Connections>,
    connection_id: String,
    task_id: i64,
    content: String,
) -> CmdResult<Comment> {
    state
        .call(&connection_id, |c| async move {
            c.comment_on_task(task_id, &content).await
        })
        .await
}

/// A task on no record (personal keys only).
#[tauri::command]
#[specta::specta]
pub async fn create_task(
    state: State<'_, Connections>,
    connection_id: String,
    fields: Map<String, Value>,
) -> CmdResult<Task> {
    state
        .call(
            &connection_id,
            |c| async move { c.create_task(fields).await },
        )
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn my_tasks(
    state: State<'_, Connections>,
    connection_id: String,
    scope: TaskScope,
    done: Option<bool>,
    limit: u32,
    offset: u32,
) -> CmdResult<Vec<Task>> {
    state
        .call(&connection_id, |c| async move {
            c.my_tasks(scope, done, limit, u64::from(offset)).await
        })
        .await
}
