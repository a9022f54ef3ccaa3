//! Files of file fields (§11).

use serde_json::json;

use crate::client::{decode, Client, FileBody, Payload, Progress};
use crate::download::EncodedFile;
use crate::error::Error;
use crate::models::FieldFiles;
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

pub(crate) fn check_size(bytes: &[u8]) -> Result<(), Error> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Error::PayloadTooLarge {
            limit: Some(MAX_FILE_BYTES as u64),
        });
    }
    Ok(())
}

/// An upload's JSON body: the fields of `head`, then `"data"` as base64 made while it is sent.
pub(crate) fn file_body(
    head: serde_json::Value,
    data: bytes::Bytes,
    progress: Option<Progress>,
) -> FileBody {
    let head = head.to_string();
    FileBody {
        // `{"name":…,"type":…` then `,"data":"` … `"}`
        prefix: format!("{},\"data\":\"", head.strip_suffix('}').unwrap_or(&head)),
        data,
        suffix: "\"}".to_string(),
        progress,
    }
}

impl Client {
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
        let head = json!({"field_id": field_id, "name": name, "type": mime});
        let body = file_body(head, data, progress);
        let op = Op::UploadFile(table_id, record_id);
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
            Op::DeleteFile(table_id, record_id),
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
        let op = Op::DownloadFile(table_id, record_id);
        let raw = self
            .call_with(op, &[], &Payload::Json(&body), progress.as_ref())
            .await?;
        EncodedFile::parse(raw)
    }
}
