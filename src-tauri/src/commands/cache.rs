//! The offline read cache as the UI sees it: cached copies of a table page, a record and its
//! comments (shown at once, then replaced by the server's answer), search across every cached
//! table of every connection, and each connection's cache settings.

use std::future::Future;
use std::sync::Arc;

use infolobby::models::{Comment, Table};
use serde::de::DeserializeOwned;
use serde::Serialize;
use tauri::State;

use super::records::{PageRow, QuerySpec, RecordDetail, TablePage};
use crate::cache::db::{Db, Row};
use crate::cache::CacheOptions;
use crate::connections::service::Connections;
use crate::connections::Connection;
use crate::error::{CmdResult, ErrorCode};

/// A copy from the cache and when it was fetched from the server (ms since 1970, UTC).
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Cached<T> {
    pub value: T,
    pub fetched_at: i64,
}

fn cached<T>(value: T, fetched_at: i64) -> Cached<T> {
    Cached { value, fetched_at }
}

/// The cache's key of a query page: the query as the UI sent it, paging included.
pub fn page_key(query: &QuerySpec) -> String {
    serde_json::to_string(query).unwrap_or_default()
}

pub fn comments_key(table_id: i64, record_id: i64, limit: u32, offset: u32) -> String {
    format!("comments:{table_id}:{record_id}:{limit}:{offset}")
}

/// Typed rows of a page as the grid reads them.
pub fn typed_rows(table: &Table, rows: &[(i64, Row)]) -> Vec<PageRow> {
    rows.iter()
        .map(|(id, row)| PageRow {
            id: Some(*id),
            values: table.row_values(row),
        })
        .collect()
}

/// Fetches a navigation list and keeps a copy. While offline, or once the key is no longer
/// valid, the copy answers instead, so the sidebar and the palette still lead somewhere.
pub async fn list_with_copy<T, Fut>(
    state: &Connections,
    connection_id: &str,
    key: String,
    fetch: Fut,
) -> CmdResult<T>
where
    T: Serialize + DeserializeOwned + Send + 'static,
    Fut: Future<Output = CmdResult<T>>,
{
    match fetch.await {
        Ok(list) => {
            if let Ok(json) = serde_json::to_string(&list) {
                state
                    .remember(connection_id, move |db, now| db.put_doc(&key, &json, now))
                    .await;
            }
            Ok(list)
        }
        Err(e) if matches!(e.code, ErrorCode::Offline | ErrorCode::InvalidKey) => {
            let copy = state
                .recall(connection_id, move |db, now| db.doc(&key, now))
                .await
                .and_then(|(json, _)| serde_json::from_str(&json).ok());
            copy.ok_or(e)
        }
        Err(e) => Err(e),
    }
}

/// A table's schema and the rows at `span` of one of its query pages, when the cache has both.
fn table_and_page(
    db: &mut Db,
    table_id: i64,
    key: &str,
    span: std::ops::Range<usize>,
    now: i64,
) -> crate::cache::db::DbResult<Option<(Table, crate::cache::db::CachedPage)>> {
    let Some((table, _)) = db.table(table_id, now)? else {
        return Ok(None);
    };
    Ok(db
        .page_rows(table_id, key, span, now)?
        .map(|page| (table, page)))
}

/// Some of a page's rows: `count` of them from position `start`.
#[derive(Debug, Clone, Copy, serde::Deserialize, specta::Type)]
pub struct RowSpan {
    pub start: u32,
    pub count: u32,
}

impl RowSpan {
    fn range(span: Option<RowSpan>) -> std::ops::Range<usize> {
        let at = |n: u32| usize::try_from(n).unwrap_or(usize::MAX);
        span.map_or(0..usize::MAX, |s| {
            at(s.start)..at(s.start).saturating_add(at(s.count))
        })
    }
}

#[tauri::command]
#[specta::specta]
pub async fn cached_table_page(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    query: QuerySpec,
    head: Option<u32>,
) -> CmdResult<Option<Cached<TablePage>>> {
    state.get(&connection_id)?;
    let key = page_key(&query);
    // A first paint needs a screenful; the rest of the page follows as `cached_table_rows`.
    let span = RowSpan::range(head.map(|count| RowSpan { start: 0, count }));
    Ok(state
        .recall(&connection_id, move |db: &mut Db, now| {
            let Some((table, (rows, total, at))) = table_and_page(db, table_id, &key, span, now)?
            else {
                return Ok(None);
            };
            let page = TablePage {
                rows: typed_rows(&table, &rows),
                total,
                table_name: table.name,
                fields: table.fields,
            };
            Ok(Some(cached(page, at)))
        })
        .await)
}

/// A further page of a query from the cache, for scrolling a cached table offline; with
/// `span`, only those of its rows (a grid opening far down paints a screenful first).
#[tauri::command]
#[specta::specta]
pub async fn cached_table_rows(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    query: QuerySpec,
    span: Option<RowSpan>,
) -> CmdResult<Option<Vec<PageRow>>> {
    state.get(&connection_id)?;
    let key = page_key(&query);
    let span = RowSpan::range(span);
    Ok(state
        .recall(&connection_id, move |db, now| {
            Ok(table_and_page(db, table_id, &key, span, now)?
                .map(|(table, (rows, _, _))| typed_rows(&table, &rows)))
        })
        .await)
}

#[tauri::command]
#[specta::specta]
pub async fn cached_record_detail(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    record_id: i64,
) -> CmdResult<Option<Cached<RecordDetail>>> {
    state.get(&connection_id)?;
    Ok(state
        .recall(&connection_id, move |db, now| {
            let Some((table, _)) = db.table(table_id, now)? else {
                return Ok(None);
            };
            let Some((record, at)) = db.record(table_id, record_id, now)? else {
                return Ok(None);
            };
            let values = table.row_values(&record.data);
            Ok(Some(cached(
                RecordDetail {
                    table,
                    record,
                    values,
                },
                at,
            )))
        })
        .await)
}

#[tauri::command]
#[specta::specta]
pub async fn cached_comments(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    record_id: i64,
    limit: u32,
    offset: u32,
) -> CmdResult<Option<Cached<Vec<Comment>>>> {
    state.get(&connection_id)?;
    let key = comments_key(table_id, record_id, limit, offset);
    Ok(state
        .recall(&connection_id, move |db, now| {
            let Some((json, at)) = db.doc(&key, now)? else {
                return Ok(None);
            };
            Ok(Some(cached(serde_json::from_str(&json)?, at)))
        })
        .await)
}

/// A record found in a connection's cache.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct CacheHit {
    pub connection_id: String,
    pub connection_name: String,
    pub space_id: Option<i64>,
    pub table_id: i64,
    pub table_name: String,
    pub record_id: i64,
    pub title: String,
    /// Words around the match, from the record's text fields.
    pub snippet: String,
}

pub const MAX_HITS: u32 = 200;

/// Records whose text holds every word typed, from the cache of every connection that keeps
/// one: grouped by connection (in the list's order) and by table, the best match first.
#[tauri::command]
#[specta::specta]
pub async fn search_cache(
    state: State<'_, Connections>,
    query: String,
    limit: u32,
) -> CmdResult<Vec<CacheHit>> {
    let limit = limit.clamp(1, MAX_HITS);
    let query: String = query.chars().take(200).collect();
    let mut out = Vec::new();
    for conn in state.list()? {
        let Some(cache) = state.cache(&conn.id).await else {
            continue;
        };
        let q = query.clone();
        let found = cache
            .read(move |db| {
                Ok::<_, crate::cache::db::DbError>((db.search(&q, limit)?, db.table_names()?))
            })
            .await;
        let Some(Ok((hits, tables))) = found else {
            continue;
        };
        out.extend(group_hits(&conn, hits, &tables));
    }
    Ok(out)
}

/// One connection's hits grouped by table: tables in the order of their best hit.
fn group_hits(
    conn: &Connection,
    hits: Vec<crate::cache::db::Hit>,
    tables: &[(i64, Option<i64>, String)],
) -> Vec<CacheHit> {
    let mut order: Vec<i64> = Vec::new();
    for h in &hits {
        if !order.contains(&h.table_id) {
            order.push(h.table_id);
        }
    }
    let mut out = Vec::with_capacity(hits.len());
    for table_id in order {
        let (space_id, table_name) = tables
            .iter()
            .find(|(id, ..)| *id == table_id)
            .map(|(_, s, n)| (*s, n.clone()))
            .unwrap_or((None, format!("Table {table_id}")));
        for h in hits.iter().filter(|h| h.table_id == table_id) {
            out.push(CacheHit {
                connection_id: conn.id.clone(),
                connection_name: conn.name.clone(),
                space_id,
                table_id,
                table_name: table_name.clone(),
                record_id: h.record_id,
                title: h.title.clone(),
                snippet: h.snippet.clone(),
            });
        }
    }
    out
}

/// What a connection's cache holds and whether it can be trusted to be current.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct CacheStatus {
    pub options: CacheOptions,
    pub bytes: u64,
    pub records: u32,
    pub tables: u32,
    /// The key was refused: what is here is kept, readable, but no longer refreshed.
    pub stale: bool,
    /// Why the cache could not be opened (the keychain, the disk), if it could not.
    pub unavailable: Option<String>,
}

#[tauri::command]
#[specta::specta]
pub async fn cache_status(
    state: State<'_, Connections>,
    connection_id: String,
) -> CmdResult<CacheStatus> {
    let conn = state.get(&connection_id)?;
    let usage = match state.existing_cache(&connection_id).await {
        Some(cache) => cache.read(|db| db.usage().ok()).await.flatten(),
        None => None,
    }
    .unwrap_or_default();
    Ok(CacheStatus {
        options: conn.cache,
        bytes: usage.bytes,
        records: u32::try_from(usage.records).unwrap_or(u32::MAX),
        tables: u32::try_from(usage.tables).unwrap_or(u32::MAX),
        stale: conn.key_invalid,
        unavailable: conn
            .cache
            .enabled
            .then(|| state.cache_failure(&connection_id))
            .flatten(),
    })
}

#[tauri::command]
#[specta::specta]
pub async fn set_cache_options(
    state: State<'_, Connections>,
    connection_id: String,
    options: CacheOptions,
) -> CmdResult<Connection> {
    state.set_cache_options(&connection_id, options).await
}

#[tauri::command]
#[specta::specta]
pub async fn clear_cache(state: State<'_, Connections>, connection_id: String) -> CmdResult<()> {
    state.clear_cache(&connection_id).await
}

/// Keeps the rows of a fetched page (and, with `page`, which rows the query listed).
pub async fn remember_rows(
    state: &Connections,
    connection_id: &str,
    table: Arc<Table>,
    rows: Vec<(i64, Row)>,
    page: Option<(String, u32)>,
) {
    state
        .remember(connection_id, move |db, now| {
            db.put_table(&table, now)?;
            db.put_rows(
                &table,
                &rows,
                page.as_ref().map(|(k, t)| (k.as_str(), *t)),
                now,
            )
        })
        .await;
}
