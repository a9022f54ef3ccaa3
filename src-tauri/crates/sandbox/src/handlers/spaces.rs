//! Workspaces (§6, §20).

use rusqlite::{params, Connection, Row};
use serde_json::{json, Value};

use super::{ok, opt_int, opt_str, Ctx};
use crate::auth::OWNER_USER_ID;
use crate::db::ACCOUNT_ID;
use crate::error::{ApiError, ApiResult};

const COLUMNS: &str = "id, name, integration_id, database_name, files_int_id, folder_name, settings_icon, settings_color";

fn space_json(r: &Row<'_>) -> rusqlite::Result<Value> {
    Ok(json!({
        "id": r.get::<_, i64>(0)?,
        "name": r.get::<_, String>(1)?,
        "account_id": ACCOUNT_ID,
        "integration_id": r.get::<_, Option<i64>>(2)?,
        "database_name": r.get::<_, Option<String>>(3)?,
        "files_int_id": r.get::<_, Option<i64>>(4)?,
        "folder_name": r.get::<_, Option<String>>(5)?,
        "settings_icon": r.get::<_, Option<String>>(6)?,
        "settings_color": r.get::<_, Option<String>>(7)?,
    }))
}

pub fn load(conn: &Connection, id: i64) -> ApiResult<Value> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM spaces WHERE id = ?"))?
        .query_row([id], space_json)?)
}

pub fn list(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let ids = cx.caller.visible_spaces(cx.conn)?;
    let spaces = ids
        .into_iter()
        .map(|id| load(cx.conn, id))
        .collect::<ApiResult<Vec<_>>>()?;
    Ok(Value::Array(spaces))
}

pub fn get(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let id = cx.id("space_id")?;
    cx.caller.can_read_space(cx.conn, id)?;
    load(cx.conn, id)
}

/// The optional settings shared by create and update (§6.3).
struct Settings {
    integration_id: Option<i64>,
    database_name: Option<String>,
    files_int_id: Option<i64>,
    folder_name: Option<String>,
    settings_icon: Option<String>,
    settings_color: Option<String>,
}

fn settings(body: &serde_json::Map<String, Value>) -> ApiResult<Settings> {
    let s = Settings {
        integration_id: opt_int(body, "integration_id")?,
        database_name: opt_str(body, "database_name")?,
        files_int_id: opt_int(body, "files_int_id")?,
        folder_name: opt_str(body, "folder_name")?,
        settings_icon: opt_str(body, "settings_icon")?,
        settings_color: opt_str(body, "settings_color")?,
    };
    if s.integration_id.is_some() && s.database_name.is_none() {
        return Err(ApiError::app(
            "database_name is required with integration_id",
        ));
    }
    if let Some(c) = &s.settings_color {
        let hex = c.strip_prefix('#').unwrap_or("");
        if hex.len() != 6 || !hex.chars().all(|ch| ch.is_ascii_hexdigit()) {
            return Err(ApiError::app(format!("Invalid colour: {c}")));
        }
    }
    Ok(s)
}

fn required_name(body: &serde_json::Map<String, Value>) -> ApiResult<String> {
    opt_str(body, "name")?
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .ok_or_else(|| ApiError::app("Missing name"))
}

pub fn create(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    cx.caller.require_workspace_admin()?;
    let body = cx.body()?;
    let name = required_name(&body)?;
    let s = settings(&body)?;
    cx.conn.execute(
        "INSERT INTO spaces (name, integration_id, database_name, files_int_id, folder_name, settings_icon, settings_color, created_at) VALUES (?,?,?,?,?,?,?,?)",
        params![name, s.integration_id, s.database_name, s.files_int_id, s.folder_name, s.settings_icon, s.settings_color, crate::clock::now()],
    )?;
    let id = cx.conn.last_insert_rowid();
    cx.conn.execute(
        "INSERT INTO members (space_id, user_id, role) VALUES (?, ?, 'owner')",
        params![id, OWNER_USER_ID],
    )?;
    load(cx.conn, id)
}

pub fn update(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    cx.caller.require_workspace_admin()?;
    let id = cx.id("space_id")?;
    cx.caller.can_read_space(cx.conn, id)?;
    let body = cx.body()?;
    if body.contains_key("name") {
        let name = required_name(&body)?;
        cx.conn
            .execute("UPDATE spaces SET name = ? WHERE id = ?", params![name, id])?;
    }
    let s = settings(&body)?;
    let updates: [(&str, Option<Value>); 6] = [
        ("integration_id", s.integration_id.map(Value::from)),
        ("database_name", s.database_name.map(Value::from)),
        ("files_int_id", s.files_int_id.map(Value::from)),
        ("folder_name", s.folder_name.map(Value::from)),
        ("settings_icon", s.settings_icon.map(Value::from)),
        ("settings_color", s.settings_color.map(Value::from)),
    ];
    for (column, value) in updates {
        if let Some(v) = value {
            let sql = format!("UPDATE spaces SET {column} = ? WHERE id = ?");
            match v {
                Value::Number(n) => cx.conn.execute(&sql, params![n.as_i64(), id])?,
                other => cx.conn.execute(&sql, params![other.as_str(), id])?,
            };
        }
    }
    load(cx.conn, id)
}

pub fn delete(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    cx.caller.require_workspace_admin()?;
    let id = cx.id("space_id")?;
    cx.caller.can_read_space(cx.conn, id)?;
    let tables: Vec<i64> = cx
        .conn
        .prepare("SELECT id FROM tables WHERE space_id = ?")?
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for t in tables {
        super::tables::delete_table(cx.conn, t)?;
    }
    cx.conn
        .execute("DELETE FROM members WHERE space_id = ?", [id])?;
    cx.conn
        .execute("DELETE FROM key_spaces WHERE space_id = ?", [id])?;
    cx.conn.execute("DELETE FROM spaces WHERE id = ?", [id])?;
    ok()
}
