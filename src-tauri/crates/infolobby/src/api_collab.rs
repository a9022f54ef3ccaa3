//! Members, comments, files and subscriptions.

use base64::Engine;
use serde_json::json;

use crate::client::{decode, Client, FileBody, Payload, Progress};
use crate::download::EncodedFile;
use crate::error::Error;
use crate::models::{Ack, Attachment, Comment, FieldFiles, Following, Member, Subscribed};
use crate::routes::Op;

/// The documented cap for one file, decoded (§11, §20).
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// A downloaded attachment.
#[derive(Debug, Clone, PartialEq)]
pub struct Download {
    pub name: String,
    pub mime: String,
    pub bytes: Vec<u8>,
}

fn check_size(bytes: &[u8]) -> Result<(), Error> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Error::PayloadTooLarge {
            limit: Some(MAX_FILE_BYTES as u64),
        });
    }
    Ok(())
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

impl Client {
    /// Members of a workspace (account keys).
    ///
    /// ```no_run
    /// # async fn demo(client: infolobby::Client) -> Result<(), infolobby::Error> {
    /// for m in client.members(1).await? {
    ///     println!("{} <{}>: {}", m.name, m.email, m.role);
    /// }
    /// client.add_member(1, "new@example.com", "read_write").await?;
    /// # Ok(()) }
    /// ```
    pub async fn members(&self, space_id: i64) -> Result<Vec<Member>, Error> {
        self.call(Op::MembersList(space_id), &[], None).await
    }

    /// `role`: `read_only`, `read_write` or `admin`. Unknown addresses are invited.
    pub async fn add_member(
        &self,
        space_id: i64,
        email: &str,
        role: &str,
    ) -> Result<Member, Error> {
        self.call(
            Op::MemberAdd(space_id),
            &[],
            Some(&json!({"email": email, "role": role})),
        )
        .await
    }

    pub async fn change_member_role(
        &self,
        space_id: i64,
        user_id: i64,
        role: &str,
    ) -> Result<Member, Error> {
        self.call(
            Op::MemberUpdate(space_id, user_id),
            &[],
            Some(&json!({"role": role})),
        )
        .await
    }

    pub async fn remove_member(&self, space_id: i64, user_id: i64) -> Result<Ack, Error> {
        self.call(Op::MemberRemove(space_id, user_id), &[], Some(&json!({})))
            .await
    }

    /// `limit` ≤ 100 (default 20).
    ///
    /// ```no_run
    /// # async fn demo(client: infolobby::Client) -> Result<(), infolobby::Error> {
    /// for c in client.comments(2, 6, 20, 0).await? {
    ///     println!("{}: {}", c.user_name.unwrap_or_default(), c.content);
    /// }
    /// client.create_comment(2, 6, "Sent the quote to @{3:Bob}", &[]).await?;
    /// client.follow_record(2, 6, true, true).await?;
    /// # Ok(()) }
    /// ```
    pub async fn comments(
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
        self.call(Op::CommentsList(table_id, record_id), &q, None)
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
        self.call(Op::CommentCreate(table_id, record_id), &[], Some(&body))
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
        self.call(Op::CommentUpload(table_id, record_id), &[], Some(&body))
            .await
    }

    /// Appends a file to a file field; the size cap is checked before anything is sent.
    pub async fn upload_file(
        &self,
        table_id: i64,
        record_id: i64,
        field_id: &str,
        name: &str,
        mime: &str,
        bytes: &[u8],
    ) -> Result<FieldFiles, Error> {
        check_size(bytes)?;
        let data = bytes::Bytes::copy_from_slice(bytes);
        self.upload_file_with_progress(table_id, record_id, field_id, name, mime, data, None)
            .await
    }

    /// [`Client::upload_file`] for large files: the base64 text is made piece by piece while it is
    /// sent, and `progress` hears how many bytes are done. A failed upload can simply be called
    /// again with the same `Bytes` (cheap to clone).
    ///
    /// ```no_run
    /// # async fn demo(client: infolobby::Client) -> Result<(), infolobby::Error> {
    /// use std::sync::Arc;
    /// let bytes = bytes::Bytes::from(std::fs::read("report.pdf").expect("file"));
    /// let progress: infolobby::Progress = Arc::new(|done, total| println!("{done}/{total} bytes"));
    /// let files = client
    ///     .upload_file_with_progress(2, 6, "attachments", "report.pdf", "application/pdf", bytes, Some(progress))
    ///     .await?;
    /// println!("{} files attached", files.files.len());
    /// # Ok(()) }
    /// ```
    #[allow(clippy::too_many_arguments)]
    pub async fn upload_file_with_progress(
        &self,
        table_id: i64,
        record_id: i64,
        field_id: &str,
        name: &str,
        mime: &str,
        data: bytes::Bytes,
        progress: Option<Progress>,
    ) -> Result<FieldFiles, Error> {
        check_size(&data)?;
        let head = json!({"field_id": field_id, "name": name, "type": mime}).to_string();
        let body = FileBody {
            // `{"field_id":…,"type":…` then `,"data":"` … `"}`
            prefix: format!("{},\"data\":\"", head.strip_suffix('}').unwrap_or(&head)),
            data,
            suffix: "\"}".to_string(),
            progress,
        };
        let op = Op::FileCreate(table_id, record_id);
        decode(&self.call_with(op, &[], &Payload::File(&body), None).await?)
    }

    pub async fn delete_file(
        &self,
        table_id: i64,
        record_id: i64,
        field_id: &str,
        path: &str,
    ) -> Result<FieldFiles, Error> {
        self.call(
            Op::FileDelete(table_id, record_id),
            &[],
            Some(&json!({"field_id": field_id, "path": path})),
        )
        .await
    }

    pub async fn download_file(
        &self,
        table_id: i64,
        record_id: i64,
        field_id: &str,
        path: &str,
    ) -> Result<Download, Error> {
        let file = self
            .download_file_with_progress(table_id, record_id, field_id, path, None)
            .await?;
        let mut bytes = Vec::new();
        file.write_to(&mut bytes)?;
        Ok(Download {
            name: file.name,
            mime: file.mime,
            bytes,
        })
    }

    /// [`Client::download_file`] reporting the bytes received so far, and leaving the file in
    /// its base64 form: [`EncodedFile::write_to`] decodes it piece by piece into a file, so the
    /// download is held whole only once.
    pub async fn download_file_with_progress(
        &self,
        table_id: i64,
        record_id: i64,
        field_id: &str,
        path: &str,
        progress: Option<Progress>,
    ) -> Result<EncodedFile, Error> {
        let body = json!({"field_id": field_id, "path": path});
        let op = Op::FileGet(table_id, record_id);
        let raw = self
            .call_with(op, &[], &Payload::Json(&body), progress.as_ref())
            .await?;
        EncodedFile::parse(raw)
    }

    /// `force`: no error when already in the wanted state.
    pub async fn follow_table(
        &self,
        table_id: i64,
        follow: bool,
        force: bool,
    ) -> Result<Subscribed, Error> {
        let op = if follow {
            Op::TableSubscribe(table_id)
        } else {
            Op::TableUnsubscribe(table_id)
        };
        self.call(op, &[], Some(&json!({"force": force}))).await
    }

    pub async fn follow_record(
        &self,
        table_id: i64,
        record_id: i64,
        follow: bool,
        force: bool,
    ) -> Result<Subscribed, Error> {
        let op = if follow {
            Op::RecordSubscribe(table_id, record_id)
        } else {
            Op::RecordUnsubscribe(table_id, record_id)
        };
        self.call(op, &[], Some(&json!({"force": force}))).await
    }

    pub async fn following(
        &self,
        table_id: i64,
        record_id: Option<i64>,
    ) -> Result<Following, Error> {
        let body = match record_id {
            Some(r) => json!({"record_id": r}),
            None => json!({}),
        };
        self.call(Op::SubscriptionStatus(table_id), &[], Some(&body))
            .await
    }
}
