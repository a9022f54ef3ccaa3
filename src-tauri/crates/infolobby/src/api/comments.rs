//! Comments on records (§10).

use serde_json::json;

use super::files::{b64, check_size};
use crate::client::Client;
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
        let body = json!({"name": name, "type": mime, "data": b64(bytes)});
        self.call(Op::UploadCommentFile(table_id, record_id), &[], Some(&body))
            .await
    }
}
