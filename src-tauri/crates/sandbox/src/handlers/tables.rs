//! Tables and their field schemas (§7, §20).

use rusqlite::{params, Connection};
use serde_json::{json, Value};

use super::{ok, opt_str, Ctx};
use crate::db::{self, Table};
use crate::error::{ApiError, ApiResult};
use crate::fields::{finish_schema, slugify, Field};

pub fn table_json(conn: &Connection, t: &Table) -> Value {
    json!({
        "id": t.id,
        "name": t.name,
        "space_id": t.space_id,
        "db_table": t.db_table,
        "fields": t.fields.iter().map(|f| f.schema_json(conn)).collect::<Vec<_>>(),
    })
}

/// The table from the path, after checking the caller can read its space.
pub fn readable(cx: &Ctx<'_>) -> ApiResult<Table> {
    let t = db::table(cx.conn, cx.id("table_id")?)?;
    cx.caller.can_read_space(cx.conn, t.space_id)?;
    Ok(t)
}

/// The table from the path, after checking the caller may write records in it.
pub fn writable(cx: &Ctx<'_>) -> ApiResult<Table> {
    let t = db::table(cx.conn, cx.id("table_id")?)?;
    cx.caller.can_write_space(cx.conn, t.space_id)?;
    Ok(t)
}

pub fn list(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let space_id = cx.id("space_id")?;
    cx.caller.can_read_space(cx.conn, space_id)?;
    let rows: Vec<Value> = cx
        .conn
        .prepare("SELECT id, name FROM tables WHERE space_id = ? ORDER BY id")?
        .query_map([space_id], |r| {
            Ok(json!({"id": r.get::<_, i64>(0)?, "name": r.get::<_, String>(1)?, "space_id": space_id}))
        })?
        .collect::<Result<_, _>>()?;
    Ok(Value::Array(rows))
}

pub fn get(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let t = readable(cx)?;
    Ok(table_json(cx.conn, &t))
}

fn parse_fields(conn: &Connection, defs: &Value) -> ApiResult<Vec<Field>> {
    let defs = defs
        .as_array()
        .ok_or_else(|| ApiError::app("fields must be an array"))?;
    let fields = defs
        .iter()
        .map(|d| Field::from_definition(d, conn))
        .collect::<ApiResult<Vec<_>>>()?;
    finish_schema(fields)
}

fn schema_admin(cx: &Ctx<'_>, space_id: i64) -> ApiResult<()> {
    cx.caller
        .require_account_key("create, change or delete tables")?;
    cx.caller.require_write()?;
    cx.caller.can_read_space(cx.conn, space_id)
}

pub fn create(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let space_id = cx.id("space_id")?;
    schema_admin(cx, space_id)?;
    let body = cx.body()?;
    let name = opt_str(&body, "name")?
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .ok_or_else(|| ApiError::app("Missing name"))?;
    let fields = parse_fields(cx.conn, body.get("fields").unwrap_or(&Value::Null))?;
    let db_table = opt_str(&body, "db_table")?.unwrap_or_else(|| slugify(&name));
    let json = serde_json::to_string(&fields).map_err(|e| ApiError::app(e.to_string()))?;
    cx.conn.execute(
        "INSERT INTO tables (space_id, name, db_table, fields, created_at) VALUES (?,?,?,?,?)",
        params![space_id, name, db_table, json, crate::clock::now()],
    )?;
    let id = cx.conn.last_insert_rowid();
    // Creating a table follows it (§12).
    cx.conn.execute(
        "INSERT OR IGNORE INTO subscriptions (user_id, table_id, record_id) VALUES (?, ?, 0)",
        params![cx.caller.user_id, id],
    )?;
    Ok(table_json(cx.conn, &db::table(cx.conn, id)?))
}

pub fn update(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let t = db::table(cx.conn, cx.id("table_id")?)?;
    schema_admin(cx, t.space_id)?;
    let body = cx.body()?;
    if let Some(name) = opt_str(&body, "name")? {
        let name = name.trim();
        if name.is_empty() {
            return Err(ApiError::app("Missing name"));
        }
        cx.conn.execute(
            "UPDATE tables SET name = ? WHERE id = ?",
            params![name, t.id],
        )?;
    }
    if let Some(defs) = body.get("fields") {
        // The full new list: fields left out leave the form; their stored values stay (§7.4).
        let fields = parse_fields(cx.conn, defs)?;
        db::save_fields(cx.conn, t.id, &fields)?;
    }
    Ok(table_json(cx.conn, &db::table(cx.conn, t.id)?))
}

pub fn delete_table(conn: &Connection, id: i64) -> ApiResult<()> {
    for sql in [
        "DELETE FROM records WHERE table_id = ?",
        "DELETE FROM views WHERE table_id = ?",
        "DELETE FROM comments WHERE table_id = ?",
        "DELETE FROM uploads WHERE table_id = ?",
        "DELETE FROM subscriptions WHERE table_id = ?",
        "DELETE FROM tasks WHERE table_id = ?",
        "DELETE FROM tables WHERE id = ?",
    ] {
        conn.execute(sql, [id])?;
    }
    Ok(())
}

pub fn delete(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let t = db::table(cx.conn, cx.id("table_id")?)?;
    schema_admin(cx, t.space_id)?;
    delete_table(cx.conn, t.id)?;
    ok()
}
