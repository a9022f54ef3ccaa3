//! Record attachments through the Files API (§11): base64 JSON, size cap, `(field_id, path)`.

use rusqlite::params;
use serde_json::{json, Map, Value};

use super::records::store_file;
use super::tables::{readable, writable};
use super::{opt_str, Ctx};
use crate::blobs::{decode_base64, encode_base64};
use crate::db::Table;
use crate::error::{ApiError, ApiResult};

/// The record's data and the file field named by `field_id`.
fn target(
    cx: &Ctx<'_>,
    t: &Table,
    body: &Map<String, Value>,
) -> ApiResult<(i64, Map<String, Value>, String)> {
    let field = opt_str(body, "field_id")?.ok_or_else(|| ApiError::app("Missing field_id"))?;
    match t.field(&field) {
        Some(f) if f.kind == "file" => {}
        Some(_) => return Err(ApiError::app(format!("Field {field} is not a file field"))),
        None => {
            return Err(ApiError::app(format!(
                "Unauthorized - no field edit permissions for field: {field}"
            )))
        }
    }
    let id = cx.id("record_id")?;
    let data: String = cx
        .conn
        .prepare_cached("SELECT data FROM records WHERE id = ? AND table_id = ?")?
        .query_row([id, t.id], |r| r.get(0))
        .map_err(|_| ApiError::app("Record not found"))?;
    Ok((id, serde_json::from_str(&data).unwrap_or_default(), field))
}

fn files_of(data: &Map<String, Value>, field: &str) -> Vec<Value> {
    data.get(field)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

pub fn create(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let t = writable(cx)?;
    let body = cx.body()?;
    let (id, mut data, field) = target(cx, &t, &body)?;
    let name = opt_str(&body, "name")?
        .filter(|n| !n.trim().is_empty())
        .ok_or_else(|| ApiError::app("Missing name"))?;
    let kind = opt_str(&body, "type")?.unwrap_or_default();
    let raw = opt_str(&body, "data")?.ok_or_else(|| ApiError::app("Missing data"))?;
    let bytes = decode_base64(&raw)?;
    let meta = store_file(cx, &format!("t{}", t.id), &name, &kind, &bytes)?;
    let mut files = files_of(&data, &field);
    files.push(meta);
    data.insert(field.clone(), Value::Array(files.clone()));
    super::records::save_data(cx.conn, id, &data)?;
    super::records::touched(cx, &t, id, &data)?;
    Ok(json!({"field_id": field, "files": files}))
}

fn path_of(body: &Map<String, Value>) -> ApiResult<String> {
    opt_str(body, "path")?.ok_or_else(|| ApiError::app("Missing path"))
}

pub fn delete(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let t = writable(cx)?;
    let body = cx.body()?;
    let (id, mut data, field) = target(cx, &t, &body)?;
    let path = path_of(&body)?;
    let mut files = files_of(&data, &field);
    let before = files.len();
    files.retain(|f| f.get("path").and_then(Value::as_str) != Some(path.as_str()));
    if files.len() == before {
        return Err(ApiError::app(format!("File not found: {path}")));
    }
    data.insert(field.clone(), Value::Array(files.clone()));
    super::records::save_data(cx.conn, id, &data)?;
    super::records::touched(cx, &t, id, &data)?;
    Ok(json!({"field_id": field, "files": files}))
}

/// The attachments of comment `comment_id` on the record of this request.
fn comment_files(cx: &Ctx<'_>, t: &Table, comment_id: i64) -> ApiResult<Vec<Value>> {
    let record = cx.id("record_id")?;
    let raw: String = cx
        .conn
        .prepare_cached(
            "SELECT attachments FROM comments WHERE id = ? AND table_id = ? AND record_id = ? AND task_id IS NULL",
        )?
        .query_row(params![comment_id, t.id, record], |r| r.get(0))
        .map_err(|_| ApiError::app("Comment not found"))?;
    Ok(serde_json::from_str(&raw).unwrap_or_default())
}

/// A field's file, or (the project's reading, §20 is silent) with `comment_id` in place of
/// `field_id`, an attachment of a comment on the record.
pub fn get(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let t = readable(cx)?;
    let body = cx.body()?;
    let files = match body.get("comment_id") {
        Some(id) => {
            let id = id.as_i64().ok_or_else(ApiError::invalid_params)?;
            comment_files(cx, &t, id)?
        }
        None => {
            let (_, data, field) = target(cx, &t, &body)?;
            files_of(&data, &field)
        }
    };
    let path = path_of(&body)?;
    let meta = files
        .into_iter()
        .find(|f| f.get("path").and_then(Value::as_str) == Some(path.as_str()))
        .ok_or_else(|| ApiError::app(format!("File not found: {path}")))?;
    let bytes = cx
        .blobs
        .get(&path)
        .ok_or_else(|| ApiError::app(format!("File not found: {path}")))?;
    if bytes.len() > cx.config.max_file_bytes {
        return Err(ApiError::too_large());
    }
    Ok(
        json!({"name": meta.get("name"), "type": meta.get("type"), "size": bytes.len(), "data": encode_base64(&bytes)}),
    )
}
