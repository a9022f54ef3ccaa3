//! The SQLite schema and the lookups that many handlers share (users, spaces, tables, members).

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;

use crate::error::{ApiError, ApiResult};
use crate::fields::Field;

pub const ACCOUNT_ID: i64 = 1;

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL UNIQUE COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS api_keys (
  id INTEGER PRIMARY KEY, secret TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
  user_id INTEGER NOT NULL, read_only INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0, ip_allowlist TEXT NOT NULL DEFAULT '',
  expires_at TEXT);
CREATE TABLE IF NOT EXISTS key_spaces (key_id INTEGER NOT NULL, space_id INTEGER NOT NULL,
  PRIMARY KEY (key_id, space_id));
CREATE TABLE IF NOT EXISTS spaces (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, integration_id INTEGER, database_name TEXT,
  files_int_id INTEGER, folder_name TEXT, settings_icon TEXT, settings_color TEXT,
  created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS members (space_id INTEGER NOT NULL, user_id INTEGER NOT NULL,
  role TEXT NOT NULL, PRIMARY KEY (space_id, user_id));
CREATE TABLE IF NOT EXISTS tables (
  id INTEGER PRIMARY KEY, space_id INTEGER NOT NULL, name TEXT NOT NULL, db_table TEXT NOT NULL,
  fields TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS views (
  id INTEGER PRIMARY KEY, table_id INTEGER NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
  config TEXT, filters TEXT NOT NULL, order_by TEXT, order_dir TEXT, created_by INTEGER NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, is_table_default INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS records (
  id INTEGER PRIMARY KEY, table_id INTEGER NOT NULL, data TEXT NOT NULL,
  created_by INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS records_by_table ON records (table_id, id);
CREATE TABLE IF NOT EXISTS comments (
  id INTEGER PRIMARY KEY, table_id INTEGER, record_id INTEGER, task_id INTEGER,
  user_id INTEGER NOT NULL, api_key_id INTEGER, content TEXT NOT NULL, attachments TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS comments_by_record ON comments (table_id, record_id);
CREATE TABLE IF NOT EXISTS uploads (path TEXT PRIMARY KEY, table_id INTEGER NOT NULL,
  meta TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS subscriptions (user_id INTEGER NOT NULL, table_id INTEGER NOT NULL,
  record_id INTEGER NOT NULL, PRIMARY KEY (user_id, table_id, record_id));
CREATE TABLE IF NOT EXISTS tasks (
  id INTEGER PRIMARY KEY, creator_user_id INTEGER NOT NULL, assignee_user_id INTEGER NOT NULL,
  space_id INTEGER, table_id INTEGER, record_id INTEGER, title TEXT NOT NULL, details TEXT,
  due_date TEXT, due_time TEXT, reminder_offset_mins INTEGER, reminder_time TEXT,
  reminder_at TEXT, status TEXT NOT NULL, completed_at TEXT, completed_by_user_id INTEGER,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS task_subscribers (task_id INTEGER NOT NULL, user_id INTEGER NOT NULL,
  PRIMARY KEY (task_id, user_id));
CREATE TABLE IF NOT EXISTS notifications (
  id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, actor_user_id INTEGER, space_id INTEGER,
  table_id INTEGER, record_id INTEGER, task_id INTEGER, event_type TEXT NOT NULL,
  message TEXT NOT NULL, url TEXT, summary TEXT, seen_at TEXT, read_at TEXT,
  created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS notifications_by_user ON notifications (user_id, id);
-- Bumped by every change to what a record query reads, so cached query results
-- (handlers/records.rs) know when they are stale, whichever handler made the change.
CREATE TABLE IF NOT EXISTS data_version (id INTEGER PRIMARY KEY CHECK (id = 1), v INTEGER NOT NULL);
INSERT OR IGNORE INTO data_version (id, v) VALUES (1, 0);
CREATE TRIGGER IF NOT EXISTS records_insert_v AFTER INSERT ON records BEGIN UPDATE data_version SET v = v + 1; END;
CREATE TRIGGER IF NOT EXISTS records_update_v AFTER UPDATE ON records BEGIN UPDATE data_version SET v = v + 1; END;
CREATE TRIGGER IF NOT EXISTS records_delete_v AFTER DELETE ON records BEGIN UPDATE data_version SET v = v + 1; END;
CREATE TRIGGER IF NOT EXISTS tables_update_v AFTER UPDATE ON tables BEGIN UPDATE data_version SET v = v + 1; END;
CREATE TRIGGER IF NOT EXISTS tables_delete_v AFTER DELETE ON tables BEGIN UPDATE data_version SET v = v + 1; END;
CREATE TRIGGER IF NOT EXISTS users_insert_v AFTER INSERT ON users BEGIN UPDATE data_version SET v = v + 1; END;
CREATE TRIGGER IF NOT EXISTS users_update_v AFTER UPDATE ON users BEGIN UPDATE data_version SET v = v + 1; END;
"#;

/// Per connection, so never on disk: query results by selection (see handlers/records.rs).
const TEMP_SCHEMA: &str = "CREATE TEMP TABLE IF NOT EXISTS query_cache (
  key TEXT PRIMARY KEY, version INTEGER NOT NULL, ids BLOB NOT NULL, used INTEGER NOT NULL);";

pub fn open(path: Option<&std::path::Path>) -> rusqlite::Result<Connection> {
    let conn = match path {
        Some(p) => Connection::open(p)?,
        None => Connection::open_in_memory()?,
    };
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")?;
    conn.execute_batch(SCHEMA)?;
    conn.execute_batch(TEMP_SCHEMA)?;
    Ok(conn)
}

pub fn is_empty(conn: &Connection) -> rusqlite::Result<bool> {
    let n: i64 = conn.query_row("SELECT COUNT(*) FROM users", [], |r| r.get(0))?;
    Ok(n == 0)
}

#[derive(Debug, Clone)]
pub struct User {
    pub id: i64,
    pub name: String,
    pub email: String,
}

impl User {
    pub fn json(&self) -> Value {
        serde_json::json!({"id": self.id, "email": self.email, "name": self.name})
    }
}

pub fn user(conn: &Connection, id: i64) -> ApiResult<Option<User>> {
    Ok(conn
        .prepare_cached("SELECT id, name, email FROM users WHERE id = ?")?
        .query_row([id], |r| {
            Ok(User {
                id: r.get(0)?,
                name: r.get(1)?,
                email: r.get(2)?,
            })
        })
        .optional()?)
}

pub fn user_by_email(conn: &Connection, email: &str) -> ApiResult<Option<User>> {
    Ok(conn
        .prepare_cached("SELECT id, name, email FROM users WHERE email = ?")?
        .query_row([email], |r| {
            Ok(User {
                id: r.get(0)?,
                name: r.get(1)?,
                email: r.get(2)?,
            })
        })
        .optional()?)
}

pub fn user_name(conn: &Connection, id: i64) -> ApiResult<String> {
    Ok(user(conn, id)?
        .map(|u| u.name)
        .unwrap_or_else(|| format!("User {id}")))
}

pub fn space_exists(conn: &Connection, id: i64) -> ApiResult<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM spaces WHERE id = ?")?
        .exists([id])?)
}

pub fn space_name(conn: &Connection, id: i64) -> ApiResult<String> {
    Ok(conn
        .prepare_cached("SELECT name FROM spaces WHERE id = ?")?
        .query_row([id], |r| r.get(0))?)
}

/// A member's role in a space: `read_only`, `read_write`, `admin` or `owner`.
pub fn member_role(conn: &Connection, space_id: i64, user_id: i64) -> ApiResult<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT role FROM members WHERE space_id = ? AND user_id = ?")?
        .query_row(params![space_id, user_id], |r| r.get(0))
        .optional()?)
}

#[derive(Debug, Clone)]
pub struct Table {
    pub id: i64,
    pub space_id: i64,
    pub name: String,
    pub db_table: String,
    pub fields: Vec<Field>,
}

impl Table {
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    pub fn key_field(&self) -> Option<&Field> {
        self.fields.iter().find(|f| f.is_key())
    }

    /// The field whose value names a record (lookups, titles, search): the first text field.
    pub fn title_field(&self) -> Option<&Field> {
        self.fields.iter().find(|f| f.kind == "text")
    }
}

pub fn table(conn: &Connection, id: i64) -> ApiResult<Table> {
    conn.prepare_cached("SELECT id, space_id, name, db_table, fields FROM tables WHERE id = ?")?
        .query_row([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })
        .optional()?
        .map(|(id, space_id, name, db_table, fields)| Table {
            id,
            space_id,
            name,
            db_table,
            fields: serde_json::from_str(&fields).unwrap_or_default(),
        })
        .ok_or_else(|| ApiError::app("Invalid Table"))
}

pub fn save_fields(conn: &Connection, table_id: i64, fields: &[Field]) -> ApiResult<()> {
    let json = serde_json::to_string(fields).map_err(|e| ApiError::app(e.to_string()))?;
    conn.execute(
        "UPDATE tables SET fields = ? WHERE id = ?",
        params![json, table_id],
    )?;
    Ok(())
}
