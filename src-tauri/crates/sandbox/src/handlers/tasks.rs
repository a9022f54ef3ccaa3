//! Tasks (§13, §20): on records for every key; standalone for personal keys only.

use rusqlite::{params, OptionalExtension, Row};
use serde_json::{json, Map, Value};

use super::comments::{comment_json, mentions, COLUMNS as COMMENT_COLUMNS};
use super::tables::{readable, writable};
use super::{opt_int, opt_str, Ctx};
use crate::auth::KeyKind;
use crate::db;
use crate::error::{ApiError, ApiResult};
use crate::fields::normalize_temporal;
use crate::notify::{self, Event, Subject};

const COLUMNS: &str = "id, creator_user_id, assignee_user_id, space_id, table_id, record_id, title, details, due_date, due_time, reminder_offset_mins, reminder_time, reminder_at, status, completed_at, completed_by_user_id, created_at, updated_at";

#[derive(Debug, Clone)]
struct Task {
    id: i64,
    creator: i64,
    assignee: i64,
    space_id: Option<i64>,
    table_id: Option<i64>,
    record_id: Option<i64>,
    title: String,
    details: Option<String>,
    due_date: Option<String>,
    due_time: Option<String>,
    reminder_offset_mins: Option<i64>,
    reminder_time: Option<String>,
    status: String,
    json: Value,
}

fn task_row(r: &Row<'_>) -> rusqlite::Result<Task> {
    let json = json!({
        "id": r.get::<_, i64>(0)?, "creator_user_id": r.get::<_, i64>(1)?,
        "assignee_user_id": r.get::<_, i64>(2)?, "account_id": db::ACCOUNT_ID,
        "space_id": r.get::<_, Option<i64>>(3)?, "table_id": r.get::<_, Option<i64>>(4)?,
        "record_id": r.get::<_, Option<i64>>(5)?, "title": r.get::<_, String>(6)?,
        "details": r.get::<_, Option<String>>(7)?, "due_date": r.get::<_, Option<String>>(8)?,
        "due_time": r.get::<_, Option<String>>(9)?, "reminder_offset_mins": r.get::<_, Option<i64>>(10)?,
        "reminder_time": r.get::<_, Option<String>>(11)?, "reminder_at": r.get::<_, Option<String>>(12)?,
        "reminder_sent_at": null, "status": r.get::<_, String>(13)?,
        "completed_at": r.get::<_, Option<String>>(14)?, "completed_by_user_id": r.get::<_, Option<i64>>(15)?,
        "created_at": r.get::<_, String>(16)?, "updated_at": r.get::<_, String>(17)?,
    });
    Ok(Task {
        id: r.get(0)?,
        creator: r.get(1)?,
        assignee: r.get(2)?,
        space_id: r.get(3)?,
        table_id: r.get(4)?,
        record_id: r.get(5)?,
        title: r.get(6)?,
        details: r.get(7)?,
        due_date: r.get(8)?,
        due_time: r.get(9)?,
        reminder_offset_mins: r.get(10)?,
        reminder_time: r.get(11)?,
        status: r.get(13)?,
        json,
    })
}

fn load(cx: &Ctx<'_>, id: i64) -> ApiResult<Task> {
    cx.conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM tasks WHERE id = ?"))?
        .query_row([id], task_row)
        .optional()?
        .ok_or_else(|| ApiError::app("Task not found"))
}

fn is_subscriber(cx: &Ctx<'_>, task: i64, user: i64) -> ApiResult<bool> {
    Ok(cx
        .conn
        .prepare_cached("SELECT 1 FROM task_subscribers WHERE task_id = ? AND user_id = ?")?
        .exists([task, user])?)
}

fn subscribe(cx: &Ctx<'_>, task: i64, user: i64) -> ApiResult<()> {
    cx.conn.execute(
        "INSERT OR IGNORE INTO task_subscribers (task_id, user_id) VALUES (?, ?)",
        [task, user],
    )?;
    Ok(())
}

/// Loads a task the caller may see: record tasks by workspace access, standalone tasks only
/// for personal keys of their creator, assignee or commenters.
fn visible(cx: &Ctx<'_>) -> ApiResult<Task> {
    let task = load(cx, cx.id("task_id")?)?;
    match task.space_id {
        Some(space) if task.record_id.is_some() => cx.caller.can_read_space(cx.conn, space)?,
        _ => {
            if cx.caller.kind == KeyKind::Account {
                return Err(ApiError::forbidden("Task is not on a record"));
            }
            let me = cx.caller.user_id;
            if task.creator != me && task.assignee != me && !is_subscriber(cx, task.id, me)? {
                return Err(ApiError::app("Task not found"));
            }
        }
    }
    Ok(task)
}

/// Edits need a writable key and the creator, the assignee or a workspace admin (help/tasks);
/// deletes the creator or an admin.
fn editable(cx: &Ctx<'_>, deleting: bool) -> ApiResult<Task> {
    let task = visible(cx)?;
    cx.caller.require_write()?;
    let me = cx.caller.user_id;
    let admin = match (cx.caller.kind, task.space_id) {
        (KeyKind::Account, _) => true,
        (KeyKind::Personal, Some(space)) => {
            cx.caller.can_write_space(cx.conn, space)?;
            matches!(
                db::member_role(cx.conn, space, me)?.as_deref(),
                Some("admin" | "owner")
            )
        }
        (KeyKind::Personal, None) => false,
    };
    let allowed = admin || task.creator == me || (!deleting && task.assignee == me);
    if !allowed {
        return Err(ApiError::forbidden(if deleting {
            "Only the creator or a workspace admin can delete this task"
        } else {
            "Only the creator, the assignee or a workspace admin can change this task"
        }));
    }
    Ok(task)
}

/// The writable fields of a task, validated together (§13.1).
struct Fields {
    title: String,
    details: Option<String>,
    assignee: i64,
    due_date: Option<String>,
    due_time: Option<String>,
    reminder_offset_mins: Option<i64>,
    reminder_time: Option<String>,
}

impl Fields {
    fn reminder_at(&self) -> Option<String> {
        use chrono::{Duration, NaiveDateTime};
        let date = self.due_date.as_deref()?;
        if let (Some(time), Some(offset)) = (&self.due_time, self.reminder_offset_mins) {
            let due = NaiveDateTime::parse_from_str(&format!("{date} {time}"), "%Y-%m-%d %H:%M:%S")
                .ok()?;
            return Some(
                (due - Duration::minutes(offset))
                    .format("%Y-%m-%d %H:%M:%S")
                    .to_string(),
            );
        }
        self.reminder_time.as_ref().map(|t| format!("{date} {t}"))
    }
}

fn time_of_day(body: &Map<String, Value>, key: &str) -> ApiResult<Option<String>> {
    match opt_str(body, key)? {
        None => Ok(None),
        Some(s) if s.is_empty() => Ok(None),
        Some(s) => normalize_temporal("time", &s)
            .map(Some)
            .ok_or_else(|| ApiError::app(format!("Invalid {key}: use HH:MM"))),
    }
}

/// Applies `body` over `base` (all optional on update) and checks the combination.
fn fields(
    cx: &Ctx<'_>,
    body: &Map<String, Value>,
    base: Fields,
    space: Option<i64>,
) -> ApiResult<Fields> {
    let mut f = base;
    if body.contains_key("title") {
        f.title = opt_str(body, "title")?
            .unwrap_or_default()
            .trim()
            .to_string();
    }
    if f.title.is_empty() {
        return Err(ApiError::app("Missing title"));
    }
    if body.contains_key("details") {
        f.details = opt_str(body, "details")?;
    }
    let by_id = opt_int(body, "assignee_user_id")?;
    let by_email = opt_str(body, "assignee_email")?.filter(|e| !e.trim().is_empty());
    if by_id.is_some() || by_email.is_some() {
        let user = match (by_id, &by_email) {
            (Some(id), _) => db::user(cx.conn, id)?,
            (None, Some(email)) => db::user_by_email(cx.conn, email.trim())?,
            _ => None,
        };
        let shown = by_id
            .map(|i| i.to_string())
            .or(by_email)
            .unwrap_or_default();
        let user = user.ok_or_else(|| ApiError::app(format!("Invalid assignee {shown}")))?;
        if let Some(space) = space {
            if db::member_role(cx.conn, space, user.id)?.is_none() {
                return Err(ApiError::app(format!(
                    "Invalid assignee {shown}: not a member of the workspace"
                )));
            }
        }
        f.assignee = user.id;
    }
    if body.contains_key("due_date") {
        f.due_date = match opt_str(body, "due_date")? {
            None => None,
            Some(s) if s.is_empty() => None,
            Some(s) => Some(
                normalize_temporal("date", &s)
                    .ok_or_else(|| ApiError::app("Invalid due_date: use YYYY-MM-DD"))?,
            ),
        };
    }
    if body.contains_key("due_time") {
        f.due_time = time_of_day(body, "due_time")?;
    }
    if body.contains_key("reminder_offset_mins") {
        f.reminder_offset_mins = opt_int(body, "reminder_offset_mins")?;
        if f.reminder_offset_mins.is_some_and(|m| m < 0) {
            return Err(ApiError::app("reminder_offset_mins must not be negative"));
        }
    }
    if body.contains_key("reminder_time") {
        f.reminder_time = time_of_day(body, "reminder_time")?;
    }
    if f.due_time.is_some() && f.due_date.is_none() {
        return Err(ApiError::app("due_time needs a due_date"));
    }
    if f.reminder_offset_mins.is_some() && f.due_time.is_none() {
        return Err(ApiError::app("reminder_offset_mins needs a due_time"));
    }
    if f.reminder_time.is_some() && f.reminder_offset_mins.is_some() {
        return Err(ApiError::app(
            "reminder_time and reminder_offset_mins cannot both be set",
        ));
    }
    if f.reminder_time.is_some() && f.due_date.is_none() {
        return Err(ApiError::app("reminder_time needs a due_date"));
    }
    Ok(f)
}

fn assigned(
    cx: &Ctx<'_>,
    task: i64,
    assignee: i64,
    title: &str,
    space: Option<i64>,
) -> ApiResult<()> {
    subscribe(cx, task, assignee)?;
    let subject = Subject {
        space_id: space,
        task_id: Some(task),
        title: title.to_string(),
        ..Subject::default()
    };
    notify::send(
        cx.conn,
        cx.caller.user_id,
        &[assignee],
        Event::TaskAssigned,
        &subject,
    )
}

fn insert(
    cx: &Ctx<'_>,
    f: &Fields,
    space: Option<i64>,
    table: Option<i64>,
    record: Option<i64>,
) -> ApiResult<Value> {
    let now = crate::clock::now();
    cx.conn.execute(
        "INSERT INTO tasks (creator_user_id, assignee_user_id, space_id, table_id, record_id, title, details, due_date, due_time, reminder_offset_mins, reminder_time, reminder_at, status, created_at, updated_at)
         VALUES (?,?,?,?,?,?,?,?,?,?,?,?,'open',?,?)",
        params![cx.caller.user_id, f.assignee, space, table, record, f.title, f.details, f.due_date, f.due_time, f.reminder_offset_mins, f.reminder_time, f.reminder_at(), now, now],
    )?;
    let id = cx.conn.last_insert_rowid();
    subscribe(cx, id, cx.caller.user_id)?;
    assigned(cx, id, f.assignee, &f.title, space)?;
    Ok(load(cx, id)?.json)
}

fn blank(cx: &Ctx<'_>) -> Fields {
    Fields {
        title: String::new(),
        details: None,
        assignee: cx.caller.user_id, // blank assignee → the creator (help/tasks)
        due_date: None,
        due_time: None,
        reminder_offset_mins: None,
        reminder_time: None,
    }
}

fn record_of(cx: &Ctx<'_>, table: i64) -> ApiResult<i64> {
    let id = cx.id("record_id")?;
    if !cx
        .conn
        .prepare_cached("SELECT 1 FROM records WHERE id = ? AND table_id = ?")?
        .exists([id, table])?
    {
        return Err(ApiError::app("Record not found"));
    }
    Ok(id)
}

pub fn create_on_record(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let t = writable(cx)?;
    let record = record_of(cx, t.id)?;
    let f = fields(cx, &cx.body()?, blank(cx), Some(t.space_id))?;
    insert(cx, &f, Some(t.space_id), Some(t.id), Some(record))
}

fn status_filter(cx: &Ctx<'_>) -> ApiResult<&'static str> {
    Ok(match cx.query.get("status").map(String::as_str) {
        None | Some("") => "",
        Some("open") => "AND status = 'open'",
        Some("done") => "AND status = 'done'",
        Some(_) => return Err(ApiError::invalid_params()),
    })
}

pub fn list_on_record(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let t = readable(cx)?;
    let record = record_of(cx, t.id)?;
    let (limit, offset) = cx.page(50, 200)?;
    let rows: Vec<Value> = cx
        .conn
        .prepare(&format!(
            "SELECT {COLUMNS} FROM tasks WHERE table_id = ? AND record_id = ? {} ORDER BY id LIMIT ? OFFSET ?",
            status_filter(cx)?
        ))?
        .query_map(params![t.id, record, limit, offset], task_row)?
        .map(|r| r.map(|t| t.json))
        .collect::<Result<_, _>>()?;
    Ok(Value::Array(rows))
}

pub fn get(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let task = visible(cx)?;
    let count: i64 = cx.conn.query_row(
        "SELECT COUNT(*) FROM comments WHERE task_id = ?",
        [task.id],
        |r| r.get(0),
    )?;
    let subscribers: Vec<i64> = cx
        .conn
        .prepare("SELECT user_id FROM task_subscribers WHERE task_id = ? ORDER BY user_id")?
        .query_map([task.id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut out = task.json;
    if let Some(o) = out.as_object_mut() {
        o.insert("comment_count".into(), json!(count));
        o.insert(
            "subscribed".into(),
            json!(subscribers.contains(&cx.caller.user_id)),
        );
        o.insert("subscribers".into(), json!(subscribers));
    }
    Ok(out)
}

pub fn update(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let task = editable(cx, false)?;
    let base = Fields {
        title: task.title.clone(),
        details: task.details.clone(),
        assignee: task.assignee,
        due_date: task.due_date.clone(),
        due_time: task.due_time.clone(),
        reminder_offset_mins: task.reminder_offset_mins,
        reminder_time: task.reminder_time.clone(),
    };
    let f = fields(cx, &cx.body()?, base, task.space_id)?;
    cx.conn.execute(
        "UPDATE tasks SET title = ?, details = ?, assignee_user_id = ?, due_date = ?, due_time = ?, reminder_offset_mins = ?, reminder_time = ?, reminder_at = ?, updated_at = ? WHERE id = ?",
        params![f.title, f.details, f.assignee, f.due_date, f.due_time, f.reminder_offset_mins, f.reminder_time, f.reminder_at(), crate::clock::now(), task.id],
    )?;
    if f.assignee != task.assignee {
        assigned(cx, task.id, f.assignee, &f.title, task.space_id)?;
    }
    Ok(load(cx, task.id)?.json)
}

fn set_status(cx: &mut Ctx<'_>, done: bool) -> ApiResult<Value> {
    let task = editable(cx, false)?;
    let now = crate::clock::now();
    if done && task.status != "done" {
        cx.conn.execute(
            "UPDATE tasks SET status = 'done', completed_at = ?, completed_by_user_id = ?, updated_at = ? WHERE id = ?",
            params![now, cx.caller.user_id, now, task.id],
        )?;
    } else if !done && task.status != "open" {
        cx.conn.execute(
            "UPDATE tasks SET status = 'open', completed_at = NULL, completed_by_user_id = NULL, updated_at = ? WHERE id = ?",
            params![now, task.id],
        )?;
    }
    Ok(load(cx, task.id)?.json)
}

pub fn done(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    set_status(cx, true)
}

pub fn reopen(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    set_status(cx, false)
}

pub fn delete(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let task = editable(cx, true)?;
    cx.conn
        .execute("DELETE FROM comments WHERE task_id = ?", [task.id])?;
    cx.conn
        .execute("DELETE FROM task_subscribers WHERE task_id = ?", [task.id])?;
    cx.conn
        .execute("DELETE FROM tasks WHERE id = ?", [task.id])?;
    super::ok()
}

pub fn comments_list(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let task = visible(cx)?;
    let (limit, offset) = cx.page(20, 100)?;
    let rows: Vec<Value> = cx
        .conn
        .prepare(&format!(
            "SELECT {COMMENT_COLUMNS} FROM comments c LEFT JOIN users u ON u.id = c.user_id WHERE c.task_id = ? ORDER BY c.id LIMIT ? OFFSET ?"
        ))?
        .query_map(params![task.id, limit, offset], comment_json)?
        .collect::<Result<_, _>>()?;
    Ok(Value::Array(rows))
}

pub fn comments_create(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let task = visible(cx)?;
    cx.caller.require_write()?;
    if let Some(space) = task.space_id {
        cx.caller.can_write_space(cx.conn, space)?;
    }
    let content = opt_str(&cx.body()?, "content")?.unwrap_or_default();
    if content.trim().is_empty() {
        return Err(ApiError::app("Missing content"));
    }
    let key = (cx.caller.kind == KeyKind::Account).then_some(cx.caller.key_id);
    cx.conn.execute(
        "INSERT INTO comments (table_id, record_id, task_id, user_id, api_key_id, content, attachments, created_at) VALUES (?,?,?,?,?,?,'[]',?)",
        params![task.table_id, task.record_id, task.id, cx.caller.user_id, key, content, crate::clock::now()],
    )?;
    let id = cx.conn.last_insert_rowid();
    let subscribers: Vec<i64> = cx
        .conn
        .prepare("SELECT user_id FROM task_subscribers WHERE task_id = ?")?
        .query_map([task.id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let subject = Subject {
        space_id: task.space_id,
        task_id: Some(task.id),
        title: task.title.clone(),
        summary: Some(content.chars().take(140).collect()),
        ..Subject::default()
    };
    notify::comment(
        cx.conn,
        cx.caller.user_id,
        &mentions(&content),
        &subscribers,
        Event::TaskComment,
        &subject,
    )?;
    subscribe(cx, task.id, cx.caller.user_id)?;
    Ok(cx.conn.query_row(
        &format!("SELECT {COMMENT_COLUMNS} FROM comments c LEFT JOIN users u ON u.id = c.user_id WHERE c.id = ?"),
        [id],
        comment_json,
    )?)
}

pub fn standalone_create(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    if cx.caller.kind == KeyKind::Account {
        return Err(ApiError::forbidden("Task is not on a record"));
    }
    cx.caller.require_write()?;
    let f = fields(cx, &cx.body()?, blank(cx), None)?;
    insert(cx, &f, None, None, None)
}

pub fn standalone_list(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    if cx.caller.kind == KeyKind::Account {
        return Err(ApiError::forbidden("Task is not on a record"));
    }
    let me = cx.caller.user_id;
    let scope = match cx.query.get("assigned").map(String::as_str) {
        None | Some("") | Some("me") => "assignee_user_id = ?1",
        Some("created") => "creator_user_id = ?1",
        Some("all") => "(assignee_user_id = ?1 OR creator_user_id = ?1 OR id IN (SELECT task_id FROM task_subscribers WHERE user_id = ?1))",
        Some(_) => return Err(ApiError::invalid_params()),
    };
    let (limit, offset) = cx.page(50, 200)?;
    let rows: Vec<Task> = cx
        .conn
        .prepare(&format!(
            "SELECT {COLUMNS} FROM tasks WHERE {scope} {} ORDER BY id LIMIT ?2 OFFSET ?3",
            status_filter(cx)?
        ))?
        .query_map(params![me, limit, offset], task_row)?
        .collect::<Result<_, _>>()?;
    // Record tasks only where the user can still read the workspace.
    let mut out = Vec::new();
    for t in rows {
        let readable = match t.space_id {
            Some(s) => db::member_role(cx.conn, s, me)?.is_some(),
            None => true,
        };
        if readable {
            out.push(t.json);
        }
    }
    Ok(Value::Array(out))
}
