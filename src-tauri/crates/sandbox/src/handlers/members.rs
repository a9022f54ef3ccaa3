//! Workspace membership (§6.5, §20): account keys on in-scope spaces only.

use rusqlite::params;
use serde_json::{json, Value};

use super::{ok, opt_str, Ctx};
use crate::db;
use crate::error::{ApiError, ApiResult};

const ROLES: &[&str] = &["read_only", "read_write", "admin"];

fn member_json(cx: &Ctx<'_>, space_id: i64, user_id: i64) -> ApiResult<Value> {
    let user = db::user(cx.conn, user_id)?.ok_or_else(|| ApiError::app("Member not found"))?;
    let role = db::member_role(cx.conn, space_id, user_id)?
        .ok_or_else(|| ApiError::app("Member not found"))?;
    Ok(json!({"user_id": user.id, "email": user.email, "name": user.name, "role": role}))
}

/// The space from the path, after checking the caller may manage its members.
fn managed_space(cx: &Ctx<'_>) -> ApiResult<i64> {
    let space_id = cx.id("space_id")?;
    cx.caller
        .require_account_key("manage workspace membership")?;
    cx.caller.can_read_space(cx.conn, space_id)?;
    Ok(space_id)
}

fn role_from(body: &serde_json::Map<String, Value>) -> ApiResult<String> {
    let role = opt_str(body, "role")?.ok_or_else(|| ApiError::app("Missing role"))?;
    if !ROLES.contains(&role.as_str()) {
        return Err(ApiError::app(format!(
            "Invalid role {role}: use read_only, read_write or admin"
        )));
    }
    Ok(role)
}

pub fn list(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let space_id = cx.id("space_id")?;
    cx.caller.require_account_key("list workspace members")?;
    cx.caller.can_read_space(cx.conn, space_id)?;
    let ids: Vec<i64> = cx
        .conn
        .prepare("SELECT user_id FROM members WHERE space_id = ? ORDER BY user_id")?
        .query_map([space_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(Value::Array(
        ids.into_iter()
            .map(|id| member_json(cx, space_id, id))
            .collect::<ApiResult<_>>()?,
    ))
}

pub fn add(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let space_id = managed_space(cx)?;
    cx.caller.require_write()?;
    let body = cx.body()?;
    let email = opt_str(&body, "email")?
        .map(|e| e.trim().to_string())
        .filter(|e| e.contains('@') && !e.starts_with('@') && !e.ends_with('@'))
        .ok_or_else(|| ApiError::app("Missing or invalid email"))?;
    let role = role_from(&body)?;
    // Unknown addresses are invited and join as guests (help/workspaces).
    let user = match db::user_by_email(cx.conn, &email)? {
        Some(u) => u.id,
        None => {
            let name = email.split('@').next().unwrap_or(&email).to_string();
            cx.conn.execute(
                "INSERT INTO users (name, email) VALUES (?, ?)",
                params![name, email],
            )?;
            cx.conn.last_insert_rowid()
        }
    };
    if db::member_role(cx.conn, space_id, user)?.is_some() {
        return Err(ApiError::app(format!("{email} is already a member")));
    }
    cx.conn.execute(
        "INSERT INTO members (space_id, user_id, role) VALUES (?, ?, ?)",
        params![space_id, user, role],
    )?;
    member_json(cx, space_id, user)
}

fn existing_member(cx: &Ctx<'_>, space_id: i64) -> ApiResult<(i64, String)> {
    let user_id = cx.id("user_id")?;
    let role = db::member_role(cx.conn, space_id, user_id)?
        .ok_or_else(|| ApiError::app("Member not found"))?;
    Ok((user_id, role))
}

pub fn update(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let space_id = managed_space(cx)?;
    cx.caller.require_write()?;
    let (user_id, current) = existing_member(cx, space_id)?;
    let role = role_from(&cx.body()?)?;
    if current == "owner" {
        return Err(ApiError::app("The workspace owner cannot be demoted"));
    }
    cx.conn.execute(
        "UPDATE members SET role = ? WHERE space_id = ? AND user_id = ?",
        params![role, space_id, user_id],
    )?;
    member_json(cx, space_id, user_id)
}

pub fn remove(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let space_id = managed_space(cx)?;
    cx.caller.require_write()?;
    let (user_id, current) = existing_member(cx, space_id)?;
    if current == "owner" {
        return Err(ApiError::app("The workspace owner cannot be removed"));
    }
    cx.conn.execute(
        "DELETE FROM members WHERE space_id = ? AND user_id = ?",
        params![space_id, user_id],
    )?;
    ok()
}
