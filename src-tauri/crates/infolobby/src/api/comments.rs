//! Comments on records (§10).

use serde_json::json;

use super::files::{check_size, file_body};
use crate::client::{decode, Client, Payload, Progress};
use crate::download::EncodedFile;
use crate::error::Error;
use crate::models::{Attachment, Comment};
use crate::routes::Op;

impl Client {
    /// `limit` ≤ 100 (default 20).
    ///
    /// ```no_run
    /// # async fn demo(client: infolobby::Client) -> Result<(), infolobby::Error> {
    /// for c in client.list_comments(2, 6, 20, 0).await? {
    ///     println!("{}: {}", c.user_name.unwrap_or_default(), c.content);
    /// }
    /// client.create_comment(2, 6, "Sent the quote to @{3:Bob}", &[]).await?;
    /// client.follow_record(2, 6, true, true).await?;
    /// # Ok(()) }
    /// ```
    pub async fn list_comments(
        &self,
        table_id: i64,
        record_id: i64,
        limit: u32,
        offset: u64,
    ) -> Result<Vec<Comment>, Error> {
        let q = [
            ("limit", limit.min(100).to_string()),
            ("offset", offset.to_string()),
        ];
        self.call(Op::ListComments(table_id, record_id), &q, None)
            .await
    }

    /// `attachments` must come from [`Client::upload_comment_file`] on the same table.
    pub async fn create_comment(
        &self,
        table_id: i64,
        record_id: i64,
        content: &str,
        attachments: &[Attachment],
    ) -> Result<Comment, Error> {
        let body = json!({"content": content, "attachments": attachments});
        self.call(Op::CreateComment(table_id, record_id), &[], Some(&body))
            .await
    }

    pub async fn upload_comment_file(
        &self,
        table_id: i64,
        record_id: i64,
        name: &str,
        mime: &str,
        bytes: &[u8],
    ) -> Result<Attachment, Error> {
        check_size(bytes)?;
        let data = bytes::Bytes::copy_from_slice(bytes);
        self.upload_comment_file_with_progress(table_id, record_id, name, mime, data, None)
            .await
    }

    /// [`Client::upload_comment_file`] streaming the base64 text as it is sent, with progress,
    /// as field uploads do; safe to call again with the same `Bytes` after a failure.
    pub async fn upload_comment_file_with_progress(
        &self,
        table_id: i64,
        record_id: i64,
        name: &str,
        mime: &str,
        data: bytes::Bytes,
        progress: Option<Progress>,
    ) -> Result<Attachment, Error> {
        check_size(&data)?;
        let body = file_body(json!({"name": name, "type": mime}), data, progress);
        let op = Op::UploadCommentFile(table_id, record_id);
        decode(&self.call_with(op, &[], &Payload::File(&body), None).await?)
    }

    /// The bytes of an attachment of comment `comment_id` on the record, in base64 form (see
    /// [`Client::download_file_with_progress`]).
    ///
    /// The docs show no download for comment attachments. The project's reading (inferred,
    /// `routes.rs`): the record's `files/get` with `{"comment_id", "path"}` in place of
    /// `field_id`, answered as for a field's file.
    pub async fn download_comment_file_with_progress(
        &self,
        table_id: i64,
        record_id: i64,
        comment_id: i64,
        path: &str,
        progress: Option<Progress>,
    ) -> Result<EncodedFile, Error> {
        let body = json!({"comment_id": comment_id, "path": path});
        let op = Op::DownloadCommentFile(table_id, record_id);
        let raw = self
            .call_with(op, &[], &Payload::Json(&body), progress.as_ref())
            .await?;
        EncodedFile::parse(raw)
    }
}
