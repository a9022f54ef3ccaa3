//! Records (§9, §20): CRUD, batch delete, query and count.

use std::sync::atomic::{AtomicU64, Ordering};

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{json, Map, Value};

use super::tables::{readable, writable};
use super::{ok, Ctx};
use crate::db::Table;
use crate::error::{ApiError, ApiResult};
use crate::fields::{title_from, write_value, Reader, WriteEnv};
use crate::notify::{record_activity, Event};
use crate::query::{compare_keys, conditions, Condition, Evaluator};

pub const MAX_LIMIT: i64 = 1000;
const DEFAULT_LIMIT: i64 = 100;

fn load_data(conn: &Connection, table_id: i64, id: i64) -> ApiResult<Map<String, Value>> {
    let data: String = conn
        .prepare_cached("SELECT data FROM records WHERE id = ? AND table_id = ?")?
        .query_row([id, table_id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| ApiError::app("Record not found"))?;
    Ok(serde_json::from_str(&data).unwrap_or_default())
}

/// `{"id", "title", "data"}` as record/get, create and update return it.
pub fn record_json(conn: &Connection, t: &Table, id: i64, data: &Map<String, Value>) -> Value {
    let mut reader = Reader::new(conn);
    let mut out = Map::new();
    for f in &t.fields {
        out.insert(f.id.clone(), reader.record_value(f, id, data));
    }
    let title = title_from(t.title_field().map(|f| f.id.as_str()), id, data);
    json!({"id": id, "title": title, "data": out})
}

static UPLOADS: AtomicU64 = AtomicU64::new(1);

/// Stores file bytes under a fresh server-made path and returns the attachment object.
/// What a file is when the upload did not say: its content first (magic numbers, the way a
/// real file store sniffs), then its name, then text if it reads as text.
pub fn media_type_of(name: &str, bytes: &[u8]) -> String {
    if let Some(t) = infer::get(bytes) {
        return t.mime_type().to_string();
    }
    if let Some(t) = mime_guess::from_path(name).first() {
        return t.essence_str().to_string();
    }
    if !bytes.contains(&0) && std::str::from_utf8(bytes).is_ok() {
        return "text/plain".to_string();
    }
    "application/octet-stream".to_string()
}

pub fn store_file(
    cx: &Ctx<'_>,
    prefix: &str,
    name: &str,
    kind: &str,
    bytes: &[u8],
) -> ApiResult<Value> {
    if bytes.len() > cx.config.max_file_bytes {
        return Err(ApiError::too_large());
    }
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let n = UPLOADS.fetch_add(1, Ordering::Relaxed);
    let stamp = chrono::Utc::now().timestamp_micros();
    let path = format!("/{prefix}/{stamp}{n}-{safe}");
    cx.blobs.put(&path, bytes)?;
    let kind = if kind.trim().is_empty() {
        media_type_of(name, bytes)
    } else {
        kind.to_string()
    };
    Ok(
        json!({"name": name, "path": path, "type": kind, "size": bytes.len(), "host": "sandbox.localhost"}),
    )
}

/// Validates `data` against the schema and merges it into `current`.
fn apply_writes(cx: &Ctx<'_>, t: &Table, current: &mut Map<String, Value>) -> ApiResult<()> {
    let body = cx.body()?;
    let data = match body.get("data") {
        Some(Value::Object(d)) => d.clone(),
        _ => return Err(ApiError::invalid_params()),
    };
    if data.is_empty() {
        // What the service answers for an empty `data` (§9.1).
        return Err(ApiError::app("Unknown column '' in 'field list'"));
    }
    let prefix = format!("t{}", t.id);
    let mut store =
        |name: &str, kind: &str, bytes: &[u8]| store_file(cx, &prefix, name, kind, bytes);
    let exists = |path: &str| cx.blobs.exists(path);
    let mut env = WriteEnv {
        conn: cx.conn,
        space_id: t.space_id,
        actor: cx.caller.user_id,
        table_id: t.id,
        store_file: &mut store,
        file_exists: &exists,
    };
    for (key, value) in &data {
        let field = t.field(key).ok_or_else(|| {
            ApiError::app(format!(
                "Unauthorized - no field edit permissions for field: {key}"
            ))
        })?;
        let stored = write_value(&mut env, field, value)?;
        current.insert(key.clone(), stored);
    }
    Ok(())
}

/// Creating or editing a record follows it, and so does being put in one of its user fields (§12).
fn auto_follow(
    conn: &Connection,
    t: &Table,
    id: i64,
    actor: i64,
    data: &Map<String, Value>,
) -> ApiResult<()> {
    let mut users = vec![actor];
    for f in t.fields.iter().filter(|f| f.kind == "user") {
        users.extend(crate::fields::id_list(
            data.get(&f.id).unwrap_or(&Value::Null),
        ));
    }
    for u in users {
        conn.execute(
            "INSERT OR IGNORE INTO subscriptions (user_id, table_id, record_id) VALUES (?, ?, ?)",
            params![u, t.id, id],
        )?;
    }
    Ok(())
}

pub fn create(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let t = writable(cx)?;
    let mut data = Map::new();
    apply_writes(cx, &t, &mut data)?;
    let now = crate::clock::now();
    cx.conn.execute(
        "INSERT INTO records (table_id, data, created_by, created_at, updated_at) VALUES (?,?,?,?,?)",
        params![t.id, Value::Object(data.clone()).to_string(), cx.caller.user_id, now, now],
    )?;
    let id = cx.conn.last_insert_rowid();
    let json = announce(cx, &t, id, &data, Event::RecordCreated)?;
    auto_follow(cx.conn, &t, id, cx.caller.user_id, &data)?;
    Ok(json)
}

pub fn get(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let t = readable(cx)?;
    let id = cx.id("record_id")?;
    let data = load_data(cx.conn, t.id, id)?;
    Ok(record_json(cx.conn, &t, id, &data))
}

pub fn update(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let t = writable(cx)?;
    let id = cx.id("record_id")?;
    let mut data = load_data(cx.conn, t.id, id)?;
    apply_writes(cx, &t, &mut data)?;
    save_data(cx.conn, id, &data)?;
    // Follow first, so someone just put in a user field hears about it.
    auto_follow(cx.conn, &t, id, cx.caller.user_id, &data)?;
    announce(cx, &t, id, &data, Event::RecordUpdated)
}

pub fn save_data(conn: &Connection, id: i64, data: &Map<String, Value>) -> ApiResult<()> {
    conn.execute(
        "UPDATE records SET data = ?, updated_at = ? WHERE id = ?",
        params![
            Value::Object(data.clone()).to_string(),
            crate::clock::now(),
            id
        ],
    )?;
    Ok(())
}

/// Renders the record and tells its followers what happened to it.
fn announce(
    cx: &Ctx<'_>,
    t: &Table,
    id: i64,
    data: &Map<String, Value>,
    event: Event,
) -> ApiResult<Value> {
    let json = record_json(cx.conn, t, id, data);
    let title = json
        .get("title")
        .and_then(Value::as_str)
        .unwrap_or_default();
    record_activity(cx.conn, cx.caller.user_id, t, id, title, event, &[])?;
    Ok(json)
}

/// Tells followers a record changed outside `update` (files added or removed).
pub fn touched(cx: &Ctx<'_>, t: &Table, id: i64, data: &Map<String, Value>) -> ApiResult<()> {
    let title = title_from(t.title_field().map(|f| f.id.as_str()), id, data);
    record_activity(
        cx.conn,
        cx.caller.user_id,
        t,
        id,
        &title,
        Event::RecordUpdated,
        &[],
    )
}

fn delete_record(conn: &Connection, t: &Table, actor: i64, id: i64) -> ApiResult<bool> {
    let table_id = t.id;
    let Ok(data) = load_data(conn, table_id, id) else {
        return Ok(false);
    };
    let title = title_from(t.title_field().map(|f| f.id.as_str()), id, &data);
    record_activity(conn, actor, t, id, &title, Event::RecordDeleted, &[])?;
    let n = conn.execute(
        "DELETE FROM records WHERE id = ? AND table_id = ?",
        [id, table_id],
    )?;
    if n > 0 {
        conn.execute(
            "DELETE FROM comments WHERE table_id = ? AND record_id = ?",
            [table_id, id],
        )?;
        conn.execute(
            "DELETE FROM subscriptions WHERE table_id = ? AND record_id = ?",
            [table_id, id],
        )?;
        conn.execute(
            "DELETE FROM tasks WHERE table_id = ? AND record_id = ?",
            [table_id, id],
        )?;
    }
    Ok(n > 0)
}

pub fn delete(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let t = writable(cx)?;
    if !delete_record(cx.conn, &t, cx.caller.user_id, cx.id("record_id")?)? {
        return Err(ApiError::app("Record not found"));
    }
    ok()
}

pub fn delete_batch(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let t = writable(cx)?;
    let ids = match cx.body()?.get("record_ids") {
        Some(Value::Array(a)) if !a.is_empty() => a
            .iter()
            .map(|v| v.as_i64().ok_or_else(ApiError::invalid_params))
            .collect::<ApiResult<Vec<_>>>()?,
        _ => return Err(ApiError::invalid_params()),
    };
    let mut deleted = 0;
    for id in ids {
        if delete_record(cx.conn, &t, cx.caller.user_id, id)? {
            deleted += 1;
        }
    }
    Ok(json!({"ok": true, "deleted": deleted}))
}

/// The filtering part shared by query and count: conditions, search, and the view they use.
struct Selection {
    conds: Vec<Condition>,
    search: Option<String>,
    order_by: Option<String>,
    desc: bool,
}

fn selection(cx: &Ctx<'_>, t: &Table, body: &Map<String, Value>) -> ApiResult<Selection> {
    let view_id = match body.get("view_id") {
        None | Some(Value::Null) => 0,
        Some(v) => v.as_i64().ok_or_else(ApiError::invalid_params)?,
    };
    let search = match body.get("search") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::String(s)) => Some(s.trim().to_string()),
        Some(_) => return Err(ApiError::invalid_params()),
    };
    let dir = |v: Option<&Value>| -> ApiResult<bool> {
        match v {
            None | Some(Value::Null) => Ok(false),
            Some(Value::String(s)) => match s.to_ascii_uppercase().as_str() {
                "A" | "ASC" => Ok(false),
                "D" | "DESC" => Ok(true),
                _ => Err(ApiError::invalid_params()),
            },
            Some(_) => Err(ApiError::invalid_params()),
        }
    };
    if view_id != 0 {
        // A saved view replaces where, filters and sort (§9.2; `where` too: A21, see README).
        let view = super::views::load(cx.conn, t.id, view_id)?;
        return Ok(Selection {
            conds: conditions(t, None, view.get("filters"))?,
            search,
            order_by: view
                .get("order_by")
                .and_then(Value::as_str)
                .map(String::from),
            desc: dir(view.get("order_dir"))?,
        });
    }
    let order_by = match body.get("order_by") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.is_empty() => None,
        Some(Value::String(s)) => {
            if t.field(s).is_none() {
                return Err(ApiError::app(format!("Invalid field for order_by: {s}")));
            }
            Some(s.clone())
        }
        Some(_) => return Err(ApiError::invalid_params()),
    };
    Ok(Selection {
        conds: conditions(t, body.get("where"), body.get("filters"))?,
        search,
        order_by,
        desc: dir(body.get("order_dir"))?,
    })
}

/// One page of the records of `t` matching the selection, in order.
fn select_page(
    cx: &Ctx<'_>,
    t: &Table,
    sel: &Selection,
    offset: i64,
    limit: i64,
) -> ApiResult<Vec<(i64, Map<String, Value>)>> {
    let by_id = sel
        .order_by
        .as_deref()
        .is_none_or(|f| t.field(f).is_some_and(|f| f.is_key()));
    if let Some(order) = crate::query_sql::order(
        t,
        &sel.conds,
        sel.search.as_deref(),
        sel.order_by.as_deref(),
        sel.desc,
    )
    .filter(|_| by_id)
    {
        let sql = format!(
            "SELECT id, data FROM records WHERE table_id = ? ORDER BY {order} LIMIT ? OFFSET ?"
        );
        let rows: Vec<(i64, String)> = cx
            .conn
            .prepare_cached(&sql)?
            .query_map(params![t.id, limit, offset], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        return Ok(decoded(rows));
    }
    let ids = matching_ids(cx, t, sel)?;
    let start = usize::try_from(offset).unwrap_or(usize::MAX).min(ids.len());
    let end = start
        .saturating_add(usize::try_from(limit).unwrap_or(0))
        .min(ids.len());
    let page = ids.get(start..end).unwrap_or_default();
    let rows: Vec<(i64, String)> = cx
        .conn
        .prepare_cached(
            "SELECT id, data FROM records WHERE table_id = ? AND id IN (SELECT value FROM json_each(?))",
        )?
        .query_map(params![t.id, serde_json::to_string(page).unwrap_or_default()], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<Result<_, _>>()?;
    let mut by_id: std::collections::HashMap<i64, Map<String, Value>> =
        decoded(rows).into_iter().collect();
    Ok(page
        .iter()
        .filter_map(|id| by_id.remove(id).map(|d| (*id, d)))
        .collect())
}

fn decoded(rows: Vec<(i64, String)>) -> Vec<(i64, Map<String, Value>)> {
    rows.into_iter()
        .map(|(id, raw)| (id, serde_json::from_str(&raw).unwrap_or_default()))
        .collect()
}

/// Results kept per connection; a client paging through a filtered query asks for the same
/// selection again and again.
const CACHED_QUERIES: i64 = 8;
/// Orders cache entries by last use.
static QUERY_CLOCK: AtomicU64 = AtomicU64::new(1);

/// The ids of every record matching the selection, in order: from the cache while nothing the
/// query reads has changed (`data_version`, bumped by triggers), else evaluated and cached.
fn matching_ids(cx: &Ctx<'_>, t: &Table, sel: &Selection) -> ApiResult<Vec<i64>> {
    let key = format!(
        "{}|{}|{:?}|{:?}|{:?}|{}|{}|{}",
        t.id,
        serde_json::to_string(&t.fields).unwrap_or_default(),
        sel.conds,
        sel.search,
        sel.order_by,
        sel.desc,
        cx.caller.user_id,
        crate::clock::today()
    );
    let version: i64 = cx
        .conn
        .prepare_cached("SELECT v FROM data_version")?
        .query_row([], |r| r.get(0))?;
    let used = i64::try_from(QUERY_CLOCK.fetch_add(1, Ordering::Relaxed)).unwrap_or(i64::MAX);
    let cached: Option<Vec<u8>> = cx
        .conn
        .prepare_cached("SELECT ids FROM temp.query_cache WHERE key = ? AND version = ?")?
        .query_row(params![key, version], |r| r.get(0))
        .optional()?;
    if let Some(blob) = cached {
        cx.conn
            .prepare_cached("UPDATE temp.query_cache SET used = ? WHERE key = ?")?
            .execute(params![used, key])?;
        return Ok(blob
            .chunks_exact(8)
            .map(|b| i64::from_le_bytes(b.try_into().unwrap_or_default()))
            .collect());
    }
    let ids: Vec<i64> = match crate::query_sql::order(
        t,
        &sel.conds,
        sel.search.as_deref(),
        sel.order_by.as_deref(),
        sel.desc,
    ) {
        // Sorted by a field, with nothing to filter: SQL orders the ids without decoding rows.
        Some(order) => cx
            .conn
            .prepare_cached(&format!(
                "SELECT id FROM records WHERE table_id = ? ORDER BY {order}"
            ))?
            .query_map([t.id], |r| r.get(0))?
            .collect::<Result<_, _>>()?,
        None => select(cx, t, sel)?.into_iter().map(|(id, _)| id).collect(),
    };
    let blob: Vec<u8> = ids.iter().flat_map(|id| id.to_le_bytes()).collect();
    cx.conn
        .prepare_cached(
            "INSERT OR REPLACE INTO temp.query_cache (key, version, ids, used) VALUES (?, ?, ?, ?)",
        )?
        .execute(params![key, version, blob, used])?;
    cx.conn
        .prepare_cached(
            "DELETE FROM temp.query_cache WHERE key NOT IN \
             (SELECT key FROM temp.query_cache ORDER BY used DESC LIMIT ?)",
        )?
        .execute([CACHED_QUERIES])?;
    Ok(ids)
}

/// Ids and data of every record of `t` matching the selection, in order. SQL narrows the rows
/// to candidates first; the evaluator decides.
fn select(cx: &Ctx<'_>, t: &Table, sel: &Selection) -> ApiResult<Vec<(i64, Map<String, Value>)>> {
    let today = crate::clock::today();
    let now = crate::clock::now();
    let mut params: Vec<rusqlite::types::Value> = vec![t.id.into()];
    let narrowed = crate::query_sql::prefilter(t, &sel.conds, today, &now, &mut params);
    let sql = match narrowed {
        Some(w) => format!("SELECT id, data FROM records WHERE table_id = ? AND {w} ORDER BY id"),
        None => "SELECT id, data FROM records WHERE table_id = ? ORDER BY id".to_string(),
    };
    let rows: Vec<(i64, String)> = cx
        .conn
        .prepare_cached(&sql)?
        .query_map(rusqlite::params_from_iter(params), |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<Result<_, _>>()?;
    let mut reader = Reader::new(cx.conn);
    let mut ev = Evaluator {
        reader: &mut reader,
        table: t,
        actor: cx.caller.user_id,
        today,
        now,
    };
    let mut hits = Vec::new();
    for (id, raw) in rows {
        let data: Map<String, Value> = serde_json::from_str(&raw).unwrap_or_default();
        if !ev.matches_all(&sel.conds, id, &data) {
            continue;
        }
        if let Some(s) = &sel.search {
            if !ev.search(s, id, &data) {
                continue;
            }
        }
        hits.push((id, data));
    }
    if let Some(field) = &sel.order_by {
        let mut keyed: Vec<_> = hits
            .into_iter()
            .map(|(id, d)| (ev.sort_key(field, id, &d), id, d))
            .collect();
        // Stable sort keeps id order among equal keys.
        keyed.sort_by(|a, b| {
            let o = compare_keys(&a.0, &b.0);
            if sel.desc {
                o.reverse()
            } else {
                o
            }
        });
        hits = keyed.into_iter().map(|(_, id, d)| (id, d)).collect();
    } else if sel.desc {
        hits.reverse();
    }
    Ok(hits)
}

fn page_param(body: &Map<String, Value>, key: &str, default: i64, max: i64) -> ApiResult<i64> {
    match body.get(key) {
        None | Some(Value::Null) => Ok(default),
        Some(v) => match v.as_i64() {
            Some(n) if (0..=max).contains(&n) => Ok(n),
            _ => Err(ApiError::invalid_params()),
        },
    }
}

pub fn query(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let t = readable(cx)?;
    let body = cx.body()?;
    let limit = page_param(&body, "limit", DEFAULT_LIMIT, MAX_LIMIT)?;
    let offset = page_param(&body, "offset", 0, i64::MAX)?;
    let wanted: Option<Vec<String>> = match body.get("fields") {
        None | Some(Value::Null) => None,
        Some(Value::Array(a)) => Some(
            a.iter()
                .map(|v| {
                    let s = v.as_str().ok_or_else(ApiError::invalid_params)?;
                    t.field(s)
                        .map(|f| f.id.clone())
                        .ok_or_else(|| ApiError::app(format!("Invalid field: {s}")))
                })
                .collect::<ApiResult<_>>()?,
        ),
        Some(_) => return Err(ApiError::invalid_params()),
    };
    let sel = selection(cx, &t, &body)?;
    let hits = select_page(cx, &t, &sel, offset, limit)?;
    let key = t.key_field().map(|f| f.id.clone());
    let mut reader = Reader::new(cx.conn);
    let rows = hits
        .iter()
        .map(|(id, data)| {
            let mut row = Map::new();
            for f in &t.fields {
                let shown = match &wanted {
                    None => true,
                    // The key field always comes along so rows can be identified.
                    Some(w) => w.contains(&f.id) || Some(&f.id) == key.as_ref(),
                };
                if shown {
                    reader.row_value(&mut row, f, *id, data);
                }
            }
            Value::Object(row)
        })
        .collect();
    Ok(Value::Array(rows))
}

pub fn count(cx: &mut Ctx<'_>) -> ApiResult<Value> {
    let t = readable(cx)?;
    let body = cx.body()?;
    let sel = selection(cx, &t, &body)?;
    let restricted = !sel.conds.is_empty() || sel.search.is_some();
    let total: i64 = cx
        .conn
        .prepare_cached("SELECT COUNT(*) FROM records WHERE table_id = ?")?
        .query_row([t.id], |r| r.get(0))?;
    let count = if restricted {
        i64::try_from(matching_ids(cx, &t, &sel)?.len()).unwrap_or(i64::MAX)
    } else {
        total
    };
    Ok(json!({"count": count, "total": total, "total_approx": false, "restricted": restricted}))
}
