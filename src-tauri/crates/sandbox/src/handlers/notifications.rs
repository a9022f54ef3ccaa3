//! Notifications (§14): personal keys only.

use rusqlite::{params, Row};
use serde_json::{json, Value};

use super::Ctx;
use crate::error::{ApiError, ApiResult};

const WHAT: &str = "Notifications";

fn notification_json(r: &Row<'_>) -> rusqlite::Result<Value> {
    Ok(json!({
        "id": r.get::<_, i64>(0)?, "user_id": r.get::<_, i64>(1)?,
        "actor_user_id": r.get::<_, Option<i64>>(2)?, "account_id": crate::db::ACCOUNT_ID,
        "space_id": r.get::<_, Option<i64>>(3)?, "table_id": r.get::<_, Option<i64>>(4)?,
        "record_id": r.get::<_, Option<i64>>(5)?, "task_id": r.get::<_, Option<i64>>(6)?,
        "event_type": r.get::<_, String>(7)?, "message": r.get::<_, String>(8)?,
        "url": r.get::<_, Option<String>>(9)?, "summary": r.get::<_, Option<String>>(10)?,
        "import_ref": null,
        "seen_at": r.get::<_, Option<String>>(11)?, "read_at": r.get::<_, Option<String>>(12)?,
        "created_at": r.get::<_, String>(13)?,
    }))
}

const COLUMNS: &str = "id, user_id, actor_user_id, space_id, table_id, record_id, task_id, event_type, message, url, summary, seen_at, read_at, created_at";

pub fn list(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    cx.caller.require_personal(WHAT)?;
    let body = cx.body()?;
    let unread_only = match body.get("filter").and_then(Value::as_str) {
        None | Some("all") => false,
        Some("unread") => true,
        Some(_) => return Err(ApiError::invalid_params()),
    };
    let int = |k: &str, d: i64, max: i64| match body.get(k) {
        None | Some(Value::Null) => Ok(d),
        Some(v) => v
            .as_i64()
            .filter(|n| (0..=max).contains(n))
            .ok_or_else(ApiError::invalid_params),
    };
    let (limit, offset) = (int("limit", 50, 200)?, int("offset", 0, i64::MAX)?);
    let filter = if unread_only {
        "AND read_at IS NULL"
    } else {
        ""
    };
    let user = cx.caller.user_id;
    let ids: Vec<i64> = cx
        .conn
        .prepare(&format!(
            "SELECT id FROM notifications WHERE user_id = ? {filter} ORDER BY id DESC LIMIT ? OFFSET ?"
        ))?
        .query_map(params![user, limit, offset], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    // Returned items are marked seen, not read (§14).
    let now = crate::clock::now();
    let mut out = Vec::new();
    for id in ids {
        cx.conn.execute(
            "UPDATE notifications SET seen_at = COALESCE(seen_at, ?) WHERE id = ?",
            params![now, id],
        )?;
        out.push(cx.conn.query_row(
            &format!("SELECT {COLUMNS} FROM notifications WHERE id = ?"),
            [id],
            notification_json,
        )?);
    }
    Ok(Value::Array(out))
}

pub fn unread_count(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    cx.caller.require_personal(WHAT)?;
    let user = cx.caller.user_id;
    let unread: i64 = cx.conn.query_row(
        "SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL",
        [user],
        |r| r.get(0),
    )?;
    let due: i64 = cx.conn.query_row(
        "SELECT COUNT(*) FROM tasks WHERE assignee_user_id = ? AND status = 'open' AND due_date IS NOT NULL AND due_date <= ?",
        params![user, crate::clock::today().format("%Y-%m-%d").to_string()], |r| r.get(0))?;
    Ok(json!({"unread": unread, "tasksDue": due}))
}

fn mark(cx: &mut Ctx<'_>, read: bool) -> ApiResult<Value> {
    cx.caller.require_personal(WHAT)?;
    let id = cx.id("id")?;
    let read_at = read.then(crate::clock::now);
    let n = cx.conn.execute(
        "UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ?",
        params![read_at, id, cx.caller.user_id],
    )?;
    if n == 0 {
        return Err(ApiError::app("Notification not found"));
    }
    Ok(json!({"id": id, "read": read}))
}

pub fn mark_read(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    mark(cx, true)
}

pub fn mark_unread(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    mark(cx, false)
}

pub fn mark_all_read(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    cx.caller.require_personal(WHAT)?;
    cx.conn.execute(
        "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL",
        params![crate::clock::now(), cx.caller.user_id],
    )?;
    super::ok()
}
