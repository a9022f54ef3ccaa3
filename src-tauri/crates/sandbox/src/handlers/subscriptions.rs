//! Following tables and records (§12): subscribe / unsubscribe with `force`, and status.

use rusqlite::params;
use serde_json::{json, Value};

use super::tables::readable;
use super::Ctx;
use crate::error::{ApiError, ApiResult};

fn force(cx: &Ctx<'_>) -> ApiResult<bool> {
    match cx.body()?.get("force") {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(_) => Err(ApiError::invalid_params()),
    }
}

/// The (table, record) pair to follow; record 0 stands for the table itself.
fn target(cx: &Ctx<'_>) -> ApiResult<(i64, i64)> {
    let t = readable(cx)?;
    // Read-only *keys* may not change following; read-only *members* may (§12).
    cx.caller.require_write()?;
    let record = match cx.path.get("record_id") {
        None => 0,
        Some(_) => {
            let id = cx.id("record_id")?;
            let exists = cx
                .conn
                .prepare_cached("SELECT 1 FROM records WHERE id = ? AND table_id = ?")?
                .exists([id, t.id])?;
            if !exists {
                return Err(ApiError::app("Record not found"));
            }
            id
        }
    };
    Ok((t.id, record))
}

fn set(cx: &mut Ctx<'_>, on: bool) -> ApiResult<Value> {
    let (table, record) = target(cx)?;
    let force = force(cx)?;
    let user = cx.caller.user_id;
    let changed = if on {
        cx.conn.execute(
            "INSERT OR IGNORE INTO subscriptions (user_id, table_id, record_id) VALUES (?, ?, ?)",
            params![user, table, record],
        )?
    } else {
        cx.conn.execute(
            "DELETE FROM subscriptions WHERE user_id = ? AND table_id = ? AND record_id = ?",
            params![user, table, record],
        )?
    };
    if changed == 0 && !force {
        return Err(ApiError::app(if on {
            "Already subscribed"
        } else {
            "Not subscribed"
        }));
    }
    Ok(json!({"ok": true, "subscribed": on}))
}

pub fn subscribe(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    set(cx, true)
}

pub fn unsubscribe(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    set(cx, false)
}

pub fn status(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let t = readable(cx)?;
    let record = super::opt_int(&cx.body()?, "record_id")?;
    let follows = |record_id: i64| -> ApiResult<bool> {
        Ok(cx
            .conn
            .prepare_cached(
                "SELECT 1 FROM subscriptions WHERE user_id = ? AND table_id = ? AND record_id = ?",
            )?
            .exists(params![cx.caller.user_id, t.id, record_id])?)
    };
    Ok(json!({
        "table": follows(0)?,
        "record": match record { Some(r) => follows(r)?, None => false },
    }))
}
