//! Comments on records and the files they carry (§10).

use infolobby::models::{Attachment, Comment};
use tauri::State;

use super::files::read_local;
use super::local::PickedFiles;
use crate::connections::service::Connections;
use crate::error::CmdResult;

#[tauri::command]
#[specta::specta]
pub async fn list_comments(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    record_id: i64,
    limit: u32,
    offset: u32,
) -> CmdResult<Vec<Comment>> {
    state
        .call(&connection_id, |c| async move {
            c.list_comments(table_id, record_id, limit, u64::from(offset))
                .await
        })
        .await
}

/// `attachments` come from `upload_comment_file` on the same table.
#[tauri::command]
#[specta::specta]
pub async fn create_comment(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    record_id: i64,
    content: String,
    attachments: Vec<Attachment>,
) -> CmdResult<Comment> {
    state
        .call(&connection_id, |c| async move {
            c.create_comment(table_id, record_id, &content, &attachments)
                .await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn upload_comment_file(
    state: State<'_, Connections>,
    picked: State<'_, PickedFiles>,
    connection_id: String,
    table_id: i64,
    record_id: i64,
    file_token: String,
) -> CmdResult<Attachment> {
    let file = read_local(&picked.path(&file_token)?).await?;
    state
        .call(&connection_id, |c| async move {
            c.upload_comment_file(table_id, record_id, &file.name, &file.mime, &file.bytes)
                .await
        })
        .await
}
