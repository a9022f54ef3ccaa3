//! Record comments (§10): list, create (attachments from `comments/upload`, @-mentions), upload.

use rusqlite::{params, Connection, Row};
use serde_json::{json, Map, Value};

use super::records::store_file;
use super::tables::{readable, writable};
use super::{opt_str, Ctx};
use crate::blobs::decode_base64;
use crate::error::{ApiError, ApiResult};
use crate::notify::{self, Event, Subject};

pub const COLUMNS: &str =
    "c.id, c.table_id, c.record_id, c.task_id, c.user_id, u.name, c.api_key_id, c.content, c.attachments, c.created_at";

pub fn comment_json(r: &Row<'_>) -> rusqlite::Result<Value> {
    let mut o = Map::new();
    o.insert("id".into(), json!(r.get::<_, i64>(0)?));
    o.insert("table_id".into(), json!(r.get::<_, Option<i64>>(1)?));
    o.insert("record_id".into(), json!(r.get::<_, Option<i64>>(2)?));
    if let Some(task) = r.get::<_, Option<i64>>(3)? {
        o.insert("task_id".into(), json!(task));
    }
    o.insert("user_id".into(), json!(r.get::<_, i64>(4)?));
    o.insert("user_name".into(), json!(r.get::<_, Option<String>>(5)?));
    o.insert("api_key_id".into(), json!(r.get::<_, Option<i64>>(6)?));
    o.insert("content".into(), json!(r.get::<_, String>(7)?));
    let attachments: Value =
        serde_json::from_str(&r.get::<_, String>(8)?).unwrap_or_else(|_| json!([]));
    o.insert("attachments".into(), attachments);
    o.insert("created_at".into(), json!(r.get::<_, String>(9)?));
    o.insert("updated_at".into(), Value::Null);
    Ok(Value::Object(o))
}

pub fn load(conn: &Connection, id: i64) -> ApiResult<Value> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM comments c LEFT JOIN users u ON u.id = c.user_id WHERE c.id = ?"
        ))?
        .query_row([id], comment_json)?)
}

fn record_of(cx: &Ctx<'_>, table_id: i64) -> ApiResult<i64> {
    let id = cx.id("record_id")?;
    let exists = cx
        .conn
        .prepare_cached("SELECT 1 FROM records WHERE id = ? AND table_id = ?")?
        .exists([id, table_id])?;
    if !exists {
        return Err(ApiError::app("Record not found"));
    }
    Ok(id)
}

pub fn list(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let t = readable(cx)?;
    let record = record_of(cx, t.id)?;
    let (limit, offset) = cx.page(20, 100)?;
    let rows: Vec<Value> = cx
        .conn
        .prepare(&format!(
            "SELECT {COLUMNS} FROM comments c LEFT JOIN users u ON u.id = c.user_id
             WHERE c.table_id = ? AND c.record_id = ? AND c.task_id IS NULL
             ORDER BY c.id LIMIT ? OFFSET ?"
        ))?
        .query_map(params![t.id, record, limit, offset], comment_json)?
        .collect::<Result<_, _>>()?;
    Ok(Value::Array(rows))
}

/// User ids mentioned as `@{<id>:<name>}` in a comment.
pub fn mentions(content: &str) -> Vec<i64> {
    let mut out = Vec::new();
    let mut rest = content;
    while let Some((_, after)) = rest.split_once("@{") {
        rest = after;
        if let Some((id, _)) = rest.split_once(':') {
            if let Ok(id) = id.parse::<i64>() {
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
    }
    out
}

/// Checks `attachments` of a new comment: each must be an upload made for this table.
pub fn checked_attachments(
    cx: &Ctx<'_>,
    table_id: i64,
    body: &Map<String, Value>,
) -> ApiResult<Vec<Value>> {
    let items = match body.get("attachments") {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(a)) => a.clone(),
        Some(_) => return Err(ApiError::invalid_params()),
    };
    for a in &items {
        let path = a
            .get("path")
            .and_then(Value::as_str)
            .ok_or_else(ApiError::invalid_params)?;
        if path.contains("..") {
            return Err(ApiError::app(format!("Unsafe attachment path: {path}")));
        }
        let ok = cx
            .conn
            .prepare_cached("SELECT 1 FROM uploads WHERE path = ? AND table_id = ?")?
            .exists(params![path, table_id])?;
        if !ok {
            return Err(ApiError::app(format!(
                "Attachment was not uploaded to this table: {path}"
            )));
        }
    }
    Ok(items)
}

pub fn create(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let t = writable(cx)?;
    let record = record_of(cx, t.id)?;
    let body = cx.body()?;
    let content = opt_str(&body, "content")?.unwrap_or_default();
    let attachments = checked_attachments(cx, t.id, &body)?;
    if content.trim().is_empty() && attachments.is_empty() {
        return Err(ApiError::app("Missing content"));
    }
    let key = (cx.caller.kind == crate::auth::KeyKind::Account).then_some(cx.caller.key_id);
    cx.conn.execute(
        "INSERT INTO comments (table_id, record_id, user_id, api_key_id, content, attachments, created_at) VALUES (?,?,?,?,?,?,?)",
        params![t.id, record, cx.caller.user_id, key, content, Value::Array(attachments).to_string(), crate::clock::now()],
    )?;
    let comment = load(cx.conn, cx.conn.last_insert_rowid())?;
    let title = crate::fields::Reader::new(cx.conn).title(record);
    let mut subject = Subject::record(&t, record, &title);
    subject.summary = Some(content.chars().take(140).collect());
    let mut mentioned = Vec::new();
    for user in mentions(&content) {
        if crate::db::member_role(cx.conn, t.space_id, user)?.is_some() {
            mentioned.push(user);
        }
    }
    let followers = notify::followers(cx.conn, &t, Some(record))?;
    notify::comment(
        cx.conn,
        cx.caller.user_id,
        &mentioned,
        &followers,
        Event::RecordComment,
        &subject,
    )?;
    Ok(comment)
}

pub fn upload(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let t = writable(cx)?;
    record_of(cx, t.id)?;
    let body = cx.body()?;
    let name = opt_str(&body, "name")?
        .filter(|n| !n.trim().is_empty())
        .ok_or_else(|| ApiError::app("Missing name"))?;
    let kind = opt_str(&body, "type")?.unwrap_or_default();
    let data = opt_str(&body, "data")?.ok_or_else(|| ApiError::app("Missing data"))?;
    let bytes = decode_base64(&data)?;
    let meta = store_file(cx, &format!("comments/{}", t.id), &name, &kind, &bytes)?;
    let path = meta
        .get("path")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    cx.conn.execute(
        "INSERT INTO uploads (path, table_id, meta) VALUES (?, ?, ?)",
        params![path, t.id, meta.to_string()],
    )?;
    Ok(meta)
}

#[cfg(test)]
mod tests {
    #[test]
    fn mentions_are_parsed() {
        assert_eq!(
            super::mentions("hi @{2:Alice} and @{3:Bob}, @{2:Alice} @{x:y} @{"),
            vec![2, 3]
        );
    }
}
