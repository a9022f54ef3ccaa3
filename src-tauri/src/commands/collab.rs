//! Comments, file attachments and following.

use infolobby::models::{Attachment, Comment, FieldFiles, Following, Subscribed};
use tauri::ipc::Channel;
use tauri::State;

use super::files::{progress_to, read_local, save_download, DownloadDir, TransferProgress};
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
            c.comments(table_id, record_id, limit, u64::from(offset))
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

/// Attaches a local file to a file field, reporting progress; safe to call again after a
/// failure.
#[tauri::command]
#[specta::specta]
#[allow(clippy::too_many_arguments)]
pub async fn upload_file(
    state: State<'_, Connections>,
    picked: State<'_, PickedFiles>,
    connection_id: String,
    table_id: i64,
    record_id: i64,
    field_id: String,
    file_token: String,
    on_progress: Channel<TransferProgress>,
) -> CmdResult<FieldFiles> {
    let file = read_local(&picked.path(&file_token)?).await?;
    let progress = progress_to(on_progress);
    state
        .call(&connection_id, |c| async move {
            c.upload_file_with_progress(
                table_id,
                record_id,
                &field_id,
                &file.name,
                &file.mime,
                file.bytes,
                Some(progress),
            )
            .await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_file(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    record_id: i64,
    field_id: String,
    path: String,
) -> CmdResult<FieldFiles> {
    state
        .call(&connection_id, |c| async move {
            c.delete_file(table_id, record_id, &field_id, &path).await
        })
        .await
}

/// Saves an attachment in the Downloads folder and returns where it went.
#[tauri::command]
#[specta::specta]
#[allow(clippy::too_many_arguments)]
pub async fn download_file(
    state: State<'_, Connections>,
    downloads: State<'_, DownloadDir>,
    connection_id: String,
    table_id: i64,
    record_id: i64,
    field_id: String,
    path: String,
    on_progress: Channel<TransferProgress>,
) -> CmdResult<String> {
    let progress = progress_to(on_progress);
    let file = state
        .call(&connection_id, |c| async move {
            c.download_file_with_progress(table_id, record_id, &field_id, &path, Some(progress))
                .await
        })
        .await?;
    save_download(&downloads.0, file).await
}

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
