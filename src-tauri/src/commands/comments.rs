//! Comments on records and the files they carry (§10).

use infolobby::models::{Attachment, Comment};
use tauri::ipc::Channel;
use tauri::State;

use super::files::{download_into, progress_to, read_local, DownloadDir, TransferProgress};
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
    let comments = state
        .call(&connection_id, |c| async move {
            c.list_comments(table_id, record_id, limit, u64::from(offset))
                .await
        })
        .await?;
    if let Ok(json) = serde_json::to_string(&comments) {
        let key = super::cache::comments_key(table_id, record_id, limit, offset);
        state
            .remember(&connection_id, move |db, now| db.put_doc(&key, &json, now))
            .await;
    }
    Ok(comments)
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

/// Uploads a picked file for the comment being written, reporting progress; safe to call
/// again after a failure.
#[tauri::command]
#[specta::specta]
#[allow(clippy::too_many_arguments)]
pub async fn upload_comment_file(
    state: State<'_, Connections>,
    picked: State<'_, PickedFiles>,
    connection_id: String,
    table_id: i64,
    record_id: i64,
    file_token: String,
    on_progress: Channel<TransferProgress>,
) -> CmdResult<Attachment> {
    let file = read_local(&picked.path(&file_token)?).await?;
    let progress = progress_to(on_progress);
    state
        .call(&connection_id, |c| async move {
            c.upload_comment_file_with_progress(
                table_id,
                record_id,
                &file.name,
                &file.mime,
                file.bytes,
                Some(progress),
            )
            .await
        })
        .await
}

/// Saves an attachment of a comment in the Downloads folder and returns where it went.
#[tauri::command]
#[specta::specta]
#[allow(clippy::too_many_arguments)]
pub async fn download_comment_file(
    state: State<'_, Connections>,
    downloads: State<'_, DownloadDir>,
    connection_id: String,
    table_id: i64,
    record_id: i64,
    comment_id: i64,
    path: String,
    on_progress: Channel<TransferProgress>,
) -> CmdResult<String> {
    download_into(
        &state,
        &downloads,
        &connection_id,
        on_progress,
        |c, p| async move {
            c.download_comment_file_with_progress(table_id, record_id, comment_id, &path, Some(p))
                .await
        },
    )
    .await
}
