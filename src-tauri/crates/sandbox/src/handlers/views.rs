//! Saved views (§8): read-only over the API, with the synthetic Default view (id 0) first.

use rusqlite::{Connection, OptionalExtension, Row};
use serde_json::{json, Value};

use super::tables::readable;
use super::Ctx;
use crate::db::ACCOUNT_ID;
use crate::error::{ApiError, ApiResult};

fn default_view(table_id: i64) -> Value {
    json!({
        "id": 0, "account_id": ACCOUNT_ID, "table_id": table_id, "name": "Default", "type": "grid",
        "config": null, "filters": [], "order_by": null, "order_dir": null, "created_by": 0,
        "created_at": "", "updated_at": "", "is_default": true, "is_table_default": false
    })
}

const COLUMNS: &str = "id, table_id, name, type, config, filters, order_by, order_dir, created_by, created_at, updated_at, is_table_default";

fn view_json(r: &Row<'_>) -> rusqlite::Result<Value> {
    let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str::<Value>(&s).ok());
    Ok(json!({
        "id": r.get::<_, i64>(0)?,
        "account_id": ACCOUNT_ID,
        "table_id": r.get::<_, i64>(1)?,
        "name": r.get::<_, String>(2)?,
        "type": r.get::<_, String>(3)?,
        "config": parse(r.get(4)?).unwrap_or(Value::Null),
        "filters": parse(r.get(5)?).unwrap_or_else(|| json!([])),
        "order_by": r.get::<_, Option<String>>(6)?,
        "order_dir": r.get::<_, Option<String>>(7)?,
        "created_by": r.get::<_, i64>(8)?,
        "created_at": r.get::<_, String>(9)?,
        "updated_at": r.get::<_, String>(10)?,
        "is_default": false,
        "is_table_default": r.get::<_, bool>(11)?,
    }))
}

/// A view of `table_id`; id 0 is the Default view; another table's view is 404 (§8.2).
pub fn load(conn: &Connection, table_id: i64, view_id: i64) -> ApiResult<Value> {
    if view_id == 0 {
        return Ok(default_view(table_id));
    }
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM views WHERE id = ? AND table_id = ?"
    ))?
    .query_row([view_id, table_id], view_json)
    .optional()?
    .ok_or_else(|| ApiError::not_found("View not found"))
}

pub fn list(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let t = readable(cx)?;
    let mut out = vec![default_view(t.id)];
    let saved: Vec<Value> = cx
        .conn
        .prepare(&format!(
            "SELECT {COLUMNS} FROM views WHERE table_id = ? ORDER BY name COLLATE NOCASE"
        ))?
        .query_map([t.id], view_json)?
        .collect::<Result<_, _>>()?;
    out.extend(saved);
    Ok(Value::Array(out))
}

pub fn get(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let t = readable(cx)?;
    load(cx.conn, t.id, cx.id("view_id")?)
}
