//! One connection's read cache on disk: an SQLCipher database (every page encrypted with a
//! 256-bit key, the full-text index and the journal included) holding table schemas, records,
//! which records a query page listed, and a few documents (comment lists, navigation lists).
//! Synchronous: it runs on the cache's own thread (see `worker`).

use std::collections::HashMap;
use std::path::Path;

use infolobby::models::{Record, Table};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{Map, Value};

use super::text::{fts_query, row_title, searchable_text, snippet};

pub type Row = Map<String, Value>;

/// A query page from the cache: its rows in order, the count, and when it was fetched.
pub type CachedPage = (Vec<(i64, Row)>, u32, i64);

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("The offline copy could not be read or written ({0}).")]
    Sql(#[from] rusqlite::Error),
    #[error("The offline copy holds data this version cannot read ({0}).")]
    Json(#[from] serde_json::Error),
}

pub type DbResult<T> = Result<T, DbError>;

/// A record found by a local search.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub table_id: i64,
    pub record_id: i64,
    pub title: String,
    pub snippet: String,
    pub rank: f64,
}

/// How much the cache holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Usage {
    /// Bytes of the file in use (free pages left by eviction not counted).
    pub bytes: u64,
    pub records: u64,
    pub tables: u64,
}

/// How many matches of a search are ranked at most (the newest cached).
const RANKED_CANDIDATES: i64 = 2000;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS tables(
  table_id INTEGER PRIMARY KEY, space_id INTEGER, name TEXT NOT NULL, json TEXT NOT NULL,
  fetched_at INTEGER NOT NULL, used_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS records(
  id INTEGER PRIMARY KEY, table_id INTEGER NOT NULL, record_id INTEGER NOT NULL,
  title TEXT NOT NULL, row TEXT NOT NULL, extra TEXT,
  fetched_at INTEGER NOT NULL, used_at INTEGER NOT NULL, UNIQUE(table_id, record_id));
CREATE INDEX IF NOT EXISTS records_lru ON records(used_at);
CREATE VIRTUAL TABLE IF NOT EXISTS record_text USING fts5(
  title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
CREATE TABLE IF NOT EXISTS pages(
  table_id INTEGER NOT NULL, query TEXT NOT NULL, ids TEXT NOT NULL, total INTEGER NOT NULL,
  fetched_at INTEGER NOT NULL, used_at INTEGER NOT NULL, PRIMARY KEY(table_id, query));
CREATE TABLE IF NOT EXISTS docs(
  key TEXT PRIMARY KEY, json TEXT NOT NULL, fetched_at INTEGER NOT NULL, used_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS docs_lru ON docs(used_at);
";

pub struct Db {
    conn: Connection,
    uses: Uses,
}

/// When what was read was used. Reads only read: these times are written afterwards in one
/// transaction (`write_uses`: when the cache is idle, before an eviction, at close), since
/// opening a cached page would otherwise rewrite its thousand rows and their LRU index before
/// it answered, and that write was most of the read's time.
#[derive(Default)]
struct Uses {
    tables: HashMap<i64, i64>,
    pages: HashMap<(i64, String), i64>,
    records: HashMap<(i64, i64), i64>,
    /// The records of pages read: the table, the page's ids (as JSON) and when.
    page_records: Vec<(i64, String, i64)>,
    docs: HashMap<String, i64>,
}

impl Uses {
    fn is_empty(&self) -> bool {
        self.tables.is_empty()
            && self.pages.is_empty()
            && self.records.is_empty()
            && self.page_records.is_empty()
            && self.docs.is_empty()
    }
}

impl Db {
    /// Opens (or creates) the database with a raw 256-bit key. A file this key does not open
    /// is an error, so the caller can start over: it is only a cache.
    pub fn open(path: &Path, key: &[u8; 32]) -> DbResult<Self> {
        let conn = Connection::open(path)?;
        let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
        // A raw key skips SQLCipher's key derivation: the key is random, not a password.
        conn.execute_batch(&format!("PRAGMA key = \"x'{hex}'\";"))?;
        // Reading the schema is what fails when the key does not fit the file.
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })?;
        conn.execute_batch(
            "PRAGMA auto_vacuum = INCREMENTAL;
             PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             PRAGMA temp_store = MEMORY;",
        )?;
        conn.execute_batch(SCHEMA)?;
        Ok(Self {
            conn,
            uses: Uses::default(),
        })
    }

    /// An in-memory database, for unit tests of the queries.
    #[cfg(test)]
    pub fn in_memory() -> DbResult<Self> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch(SCHEMA)?;
        Ok(Self {
            conn,
            uses: Uses::default(),
        })
    }

    pub fn put_table(&mut self, table: &Table, now: i64) -> DbResult<()> {
        let json = serde_json::to_string(table)?;
        self.conn.execute(
            "INSERT INTO tables(table_id, space_id, name, json, fetched_at, used_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)
             ON CONFLICT(table_id) DO UPDATE SET space_id = excluded.space_id,
               name = excluded.name, json = excluded.json, fetched_at = excluded.fetched_at,
               used_at = excluded.used_at",
            params![table.id, table.space_id, table.name, json, now],
        )?;
        Ok(())
    }

    pub fn table(&mut self, table_id: i64, now: i64) -> DbResult<Option<(Table, i64)>> {
        let found: Option<(String, i64)> = self
            .conn
            .prepare_cached("SELECT json, fetched_at FROM tables WHERE table_id = ?1")?
            .query_row([table_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((json, at)) = found else {
            return Ok(None);
        };
        self.uses.tables.insert(table_id, now);
        Ok(Some((serde_json::from_str(&json)?, at)))
    }

    /// Names of cached tables, for labelling search results.
    pub fn table_names(&self) -> DbResult<Vec<(i64, Option<i64>, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT table_id, space_id, name FROM tables")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Stores rows of a query, and (with `page`) which records that page listed and the count.
    pub fn put_rows(
        &mut self,
        table: &Table,
        rows: &[(i64, Row)],
        page: Option<(&str, u32)>,
        now: i64,
    ) -> DbResult<()> {
        let tx = self.conn.transaction()?;
        for (id, row) in rows {
            let title = row_title(table, row).unwrap_or_else(|| format!("Record {id}"));
            upsert_record(&tx, table, *id, &title, row, None, now)?;
        }
        if let Some((query, total)) = page {
            let ids: Vec<i64> = rows.iter().map(|(id, _)| *id).collect();
            tx.execute(
                "INSERT INTO pages(table_id, query, ids, total, fetched_at, used_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)
                 ON CONFLICT(table_id, query) DO UPDATE SET ids = excluded.ids,
                   total = excluded.total, fetched_at = excluded.fetched_at,
                   used_at = excluded.used_at",
                params![table.id, query, serde_json::to_string(&ids)?, total, now],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn put_record(&mut self, table: &Table, record: &Record, now: i64) -> DbResult<()> {
        let extra = serde_json::to_string(&record.extra)?;
        let tx = self.conn.transaction()?;
        upsert_record(
            &tx,
            table,
            record.id,
            &record.title,
            &record.data,
            Some(&extra),
            now,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The rows a query page listed, in order, with the count and when it was fetched. `None`
    /// when the page was never fetched or a record it listed has since been evicted.
    pub fn page(&mut self, table_id: i64, query: &str, now: i64) -> DbResult<Option<CachedPage>> {
        self.page_rows(table_id, query, 0..usize::MAX, now)
    }

    /// The rows of a query page at positions `span`, as `page` gives them (the count is the
    /// page's): a first paint needs a screenful, not the page's 1,000 rows.
    pub fn page_rows(
        &mut self,
        table_id: i64,
        query: &str,
        span: std::ops::Range<usize>,
        now: i64,
    ) -> DbResult<Option<CachedPage>> {
        let found: Option<(String, u32, i64)> = self
            .conn
            .prepare_cached(
                "SELECT ids, total, fetched_at FROM pages WHERE table_id = ?1 AND query = ?2",
            )?
            .query_row(params![table_id, query], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        let Some((ids, total, fetched_at)) = found else {
            return Ok(None);
        };
        let listed: Vec<i64> = serde_json::from_str(&ids)?;
        let end = span.end.min(listed.len());
        let order = listed
            .get(span.start.min(end)..end)
            .unwrap_or_default()
            .to_vec();
        let wanted = serde_json::to_string(&order)?;
        // One statement for the whole page: a statement per row cost more than the rows.
        let mut found: HashMap<i64, String> = self
            .conn
            .prepare_cached(
                "SELECT record_id, row FROM records
                 WHERE table_id = ?1 AND record_id IN (SELECT value FROM json_each(?2))",
            )?
            .query_map(params![table_id, wanted], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let mut rows = Vec::with_capacity(order.len());
        for id in order {
            match found.remove(&id) {
                Some(row) => rows.push((id, serde_json::from_str(&row)?)),
                None => return Ok(None),
            }
        }
        self.uses.pages.insert((table_id, query.to_string()), now);
        self.uses.page_records.push((table_id, ids, now));
        Ok(Some((rows, total, fetched_at)))
    }

    /// A record as `records/get` gave it, or as a query row showed it.
    pub fn record(
        &mut self,
        table_id: i64,
        record_id: i64,
        now: i64,
    ) -> DbResult<Option<(Record, i64)>> {
        let found: Option<(String, String, Option<String>, i64)> = self
            .conn
            .query_row(
                "SELECT title, row, extra, fetched_at FROM records
                 WHERE table_id = ?1 AND record_id = ?2",
                params![table_id, record_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((title, row, extra, fetched_at)) = found else {
            return Ok(None);
        };
        self.uses.records.insert((table_id, record_id), now);
        let record = Record {
            id: record_id,
            title,
            data: serde_json::from_str(&row)?,
            extra: match extra {
                Some(e) => serde_json::from_str(&e)?,
                None => Map::new(),
            },
        };
        Ok(Some((record, fetched_at)))
    }

    /// Drops records that were deleted on the server.
    pub fn forget_records(&mut self, table_id: i64, ids: &[i64]) -> DbResult<()> {
        let tx = self.conn.transaction()?;
        for id in ids {
            let rowid: Option<i64> = tx
                .query_row(
                    "DELETE FROM records WHERE table_id = ?1 AND record_id = ?2 RETURNING id",
                    params![table_id, id],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(rowid) = rowid {
                tx.execute("DELETE FROM record_text WHERE rowid = ?1", [rowid])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    pub fn put_doc(&mut self, key: &str, json: &str, now: i64) -> DbResult<()> {
        self.conn.execute(
            "INSERT INTO docs(key, json, fetched_at, used_at) VALUES (?1, ?2, ?3, ?3)
             ON CONFLICT(key) DO UPDATE SET json = excluded.json,
               fetched_at = excluded.fetched_at, used_at = excluded.used_at",
            params![key, json, now],
        )?;
        Ok(())
    }

    pub fn doc(&mut self, key: &str, now: i64) -> DbResult<Option<(String, i64)>> {
        let found: Option<(String, i64)> = self
            .conn
            .query_row(
                "SELECT json, fetched_at FROM docs WHERE key = ?1",
                [key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if found.is_some() {
            self.uses.docs.insert(key.to_string(), now);
        }
        Ok(found)
    }

    /// Whether reads have used times not yet written.
    pub fn has_unwritten_uses(&self) -> bool {
        !self.uses.is_empty()
    }

    /// Writes when what was read was used, in one transaction. A newer time already written
    /// (by a write of the same rows since) is kept.
    pub fn write_uses(&mut self) -> DbResult<()> {
        if self.uses.is_empty() {
            return Ok(());
        }
        let uses = std::mem::take(&mut self.uses);
        let tx = self.conn.transaction()?;
        for (id, at) in uses.tables {
            tx.prepare_cached("UPDATE tables SET used_at = max(used_at, ?2) WHERE table_id = ?1")?
                .execute(params![id, at])?;
        }
        for ((table_id, query), at) in uses.pages {
            tx.prepare_cached(
                "UPDATE pages SET used_at = max(used_at, ?3) WHERE table_id = ?1 AND query = ?2",
            )?
            .execute(params![table_id, query, at])?;
        }
        for ((table_id, record_id), at) in uses.records {
            tx.prepare_cached(
                "UPDATE records SET used_at = max(used_at, ?3)
                 WHERE table_id = ?1 AND record_id = ?2",
            )?
            .execute(params![table_id, record_id, at])?;
        }
        for (table_id, ids, at) in uses.page_records {
            tx.prepare_cached(
                "UPDATE records SET used_at = max(used_at, ?3)
                 WHERE table_id = ?1 AND record_id IN (SELECT value FROM json_each(?2))",
            )?
            .execute(params![table_id, ids, at])?;
        }
        for (key, at) in uses.docs {
            tx.prepare_cached("UPDATE docs SET used_at = max(used_at, ?2) WHERE key = ?1")?
                .execute(params![key, at])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Records whose text fields hold every word typed (as word prefixes), best first.
    pub fn search(&self, input: &str, limit: u32) -> DbResult<Vec<Hit>> {
        let Some(q) = fts_query(input) else {
            return Ok(Vec::new());
        };
        // A short prefix can match most of a large table, and bm25 costs the same for every
        // match, so only the newest RANKED_CANDIDATES matches are ranked, in one pass that FTS5
        // walks in its own (rowid) order and stops; a word typed further narrows the set back
        // to all matches. Snippets come from the hits' text afterwards: FTS5's snippet() would
        // run the match again for each.
        let mut ranked: Vec<(i64, f64)> = self
            .conn
            .prepare_cached(
                "SELECT rowid, bm25(record_text, 4.0, 1.0) FROM record_text
                 WHERE record_text MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
            )?
            .query_map(params![q, RANKED_CANDIDATES], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<Result<_, _>>()?;
        // Best first (bm25 is lower for better); among equals, the newest.
        ranked.sort_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        ranked.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.table_id, r.record_id, r.title, t.body
             FROM records r JOIN record_text t ON t.rowid = r.id WHERE r.id = ?1",
        )?;
        let mut hits = Vec::with_capacity(ranked.len());
        for (rowid, rank) in ranked {
            let found = stmt
                .query_row([rowid], |r| {
                    Ok(Hit {
                        table_id: r.get(0)?,
                        record_id: r.get(1)?,
                        title: r.get(2)?,
                        snippet: snippet(&r.get::<_, String>(3)?, input),
                        rank,
                    })
                })
                .optional()?;
            hits.extend(found);
        }
        Ok(hits)
    }

    /// A numeric pragma; SQLCipher answers `page_size` as text, so both are read.
    fn pragma(&self, name: &str) -> DbResult<u64> {
        use rusqlite::types::Value as V;
        let v: V = self
            .conn
            .query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))?;
        Ok(match v {
            V::Integer(n) => u64::try_from(n).unwrap_or(0),
            V::Text(t) => t.trim().parse().unwrap_or(0),
            _ => 0,
        })
    }

    /// Bytes of the file in use: cheap, read after every write.
    pub fn bytes(&self) -> DbResult<u64> {
        let pages = self
            .pragma("page_count")?
            .saturating_sub(self.pragma("freelist_count")?);
        Ok(pages.saturating_mul(self.pragma("page_size")?))
    }

    pub fn usage(&self) -> DbResult<Usage> {
        let count = |table: &str| -> DbResult<u64> {
            let v: i64 =
                self.conn
                    .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
            Ok(u64::try_from(v).unwrap_or(0))
        };
        Ok(Usage {
            bytes: self.bytes()?,
            records: count("records")?,
            tables: count("tables")?,
        })
    }

    /// Least recently used records and documents go until the file is under `limit` bytes;
    /// the freed pages are then handed back to the file system.
    pub fn evict_to(&mut self, limit: u64) -> DbResult<u64> {
        // What was read lately is not what goes first.
        self.write_uses()?;
        let mut evicted = 0u64;
        while self.bytes()? > limit {
            let tx = self.conn.transaction()?;
            let oldest_record: Option<i64> = tx
                .query_row("SELECT min(used_at) FROM records", [], |r| r.get(0))
                .optional()?
                .flatten();
            let oldest_doc: Option<i64> = tx
                .query_row("SELECT min(used_at) FROM docs", [], |r| r.get(0))
                .optional()?
                .flatten();
            let gone = match (oldest_record, oldest_doc) {
                (None, None) => 0,
                (Some(r), d) if d.is_none_or(|d| r <= d) => {
                    // A batch at a time: one record frees too little to be worth a check.
                    tx.execute(
                        "DELETE FROM record_text WHERE rowid IN
                           (SELECT id FROM records ORDER BY used_at LIMIT 100)",
                        [],
                    )?;
                    tx.execute(
                        "DELETE FROM records WHERE id IN
                           (SELECT id FROM records ORDER BY used_at LIMIT 100)",
                        [],
                    )?
                }
                _ => tx.execute(
                    "DELETE FROM docs WHERE key IN (SELECT key FROM docs ORDER BY used_at LIMIT 50)",
                    [],
                )?,
            };
            tx.commit()?;
            if gone == 0 {
                break;
            }
            evicted = evicted.saturating_add(u64::try_from(gone).unwrap_or(0));
        }
        if evicted > 0 {
            self.conn.execute_batch("PRAGMA incremental_vacuum;")?;
        }
        Ok(evicted)
    }
}

fn upsert_record(
    tx: &rusqlite::Transaction<'_>,
    table: &Table,
    record_id: i64,
    title: &str,
    row: &Row,
    extra: Option<&str>,
    now: i64,
) -> DbResult<()> {
    let row_json = serde_json::to_string(row)?;
    // A page opened again mostly brings the same rows: those only get their times, since
    // re-indexing a row's words is most of the cost of a write.
    let same: Option<i64> = tx
        .prepare_cached(
            "SELECT id FROM records
             WHERE table_id = ?1 AND record_id = ?2 AND row = ?3 AND title = ?4",
        )?
        .query_row(params![table.id, record_id, row_json, title], |r| r.get(0))
        .optional()?;
    if let Some(id) = same {
        tx.prepare_cached(
            "UPDATE records SET fetched_at = ?2, used_at = ?2, extra = coalesce(?3, extra)
             WHERE id = ?1",
        )?
        .execute(params![id, now, extra])?;
        return Ok(());
    }
    let rowid: i64 = tx
        .prepare_cached(
            "INSERT INTO records(table_id, record_id, title, row, extra, fetched_at, used_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
             ON CONFLICT(table_id, record_id) DO UPDATE SET title = excluded.title,
               row = excluded.row, extra = coalesce(excluded.extra, records.extra),
               fetched_at = excluded.fetched_at, used_at = excluded.used_at
             RETURNING id",
        )?
        .query_row(
            params![table.id, record_id, title, row_json, extra, now],
            |r| r.get(0),
        )?;
    tx.prepare_cached("DELETE FROM record_text WHERE rowid = ?1")?
        .execute([rowid])?;
    tx.prepare_cached("INSERT INTO record_text(rowid, title, body) VALUES (?1, ?2, ?3)")?
        .execute(params![rowid, title, searchable_text(table, row)])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn table() -> Table {
        serde_json::from_value(json!({
            "id": 7, "name": "Tickets", "space_id": 1,
            "fields": [
                {"id": "item_id", "name": "ID", "type": "key"},
                {"id": "title", "name": "Title", "type": "text"},
                {"id": "description", "name": "Description", "type": "textarea"}
            ]
        }))
        .unwrap()
    }

    fn row(id: i64, title: &str, desc: &str) -> (i64, Row) {
        let v = json!({"item_id": id, "title": title, "description": desc});
        (id, v.as_object().unwrap().clone())
    }

    #[test]
    fn pages_come_back_in_order_and_search_finds_words_by_prefix() {
        let mut db = Db::in_memory().unwrap();
        let t = table();
        db.put_table(&t, 1).unwrap();
        let rows = vec![
            row(2, "Broken lamp", "The lamp in hall B flickers"),
            row(1, "Printer", "Out of toner again"),
        ];
        db.put_rows(&t, &rows, Some(("q", 2)), 10).unwrap();
        let usage = db.usage().unwrap();
        assert_eq!((usage.records, usage.tables), (2, 1));
        let (got, total, at) = db.page(7, "q", 11).unwrap().unwrap();
        assert_eq!((got.len(), got[0].0, got[1].0, total, at), (2, 2, 1, 2, 10));
        let (head, total, _) = db.page_rows(7, "q", 0..1, 11).unwrap().unwrap();
        assert_eq!((head.len(), head[0].0, total), (1, 2, 2));
        let (tail, _, _) = db.page_rows(7, "q", 1..5, 11).unwrap().unwrap();
        assert_eq!(tail.iter().map(|r| r.0).collect::<Vec<_>>(), [1]);
        let (past, _, _) = db.page_rows(7, "q", 9..12, 11).unwrap().unwrap();
        assert!(past.is_empty());
        let hits = db.search("flick hall", 10).unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(
            (hits[0].record_id, hits[0].title.as_str()),
            (2, "Broken lamp")
        );
        assert!(db.search("toner lamp", 10).unwrap().is_empty());
        db.forget_records(7, &[2]).unwrap();
        assert!(db.search("lamp", 10).unwrap().is_empty());
        // A page whose record is gone is not shown half.
        assert!(db.page(7, "q", 12).unwrap().is_none());
    }

    #[test]
    fn a_prefix_matching_more_than_the_ranked_set_ranks_the_newest_matches() {
        let mut db = Db::in_memory().unwrap();
        let t = table();
        let n = RANKED_CANDIDATES + 500;
        let rows: Vec<_> = (1..=n)
            .map(|i| {
                // Record 1 and the newest one say "lamp" three times; the rest once.
                let desc = match i {
                    1 => "lamp lamp lamp quokka",
                    _ if i == n => "lamp lamp lamp",
                    _ => "a lamp here",
                };
                row(i, &format!("Ticket {i}"), desc)
            })
            .collect();
        db.put_rows(&t, &rows, None, 1).unwrap();
        let hits = db.search("la", 5).unwrap();
        assert_eq!(hits.len(), 5);
        // The oldest strong match is outside the ranked set; the newest is ranked first.
        assert_eq!(hits[0].record_id, n);
        assert!(hits.iter().all(|h| h.record_id > n - RANKED_CANDIDATES));
        assert!(
            hits[0].snippet.ends_with("lamp lamp lamp"),
            "{}",
            hits[0].snippet
        );
        // Typed further, the set is small again and every match is ranked, the oldest too.
        let narrowed = db.search("la quok", 5).unwrap();
        assert_eq!(
            narrowed.iter().map(|h| h.record_id).collect::<Vec<_>>(),
            [1]
        );
    }

    #[test]
    fn a_page_fetched_again_reindexes_only_what_changed() {
        let mut db = Db::in_memory().unwrap();
        let t = table();
        let first = vec![
            row(1, "Printer", "Out of toner"),
            row(2, "Lamp", "Flickers"),
        ];
        db.put_rows(&t, &first, Some(("q", 2)), 1).unwrap();
        let again = vec![
            row(1, "Printer", "Out of paper"),
            row(2, "Lamp", "Flickers"),
        ];
        db.put_rows(&t, &again, Some(("q", 2)), 5).unwrap();
        assert!(db.search("toner", 10).unwrap().is_empty());
        assert_eq!(db.search("paper", 10).unwrap()[0].record_id, 1);
        assert_eq!(db.search("flick", 10).unwrap()[0].record_id, 2);
        // The unchanged row is as fresh as the changed one.
        let (rows, _, at) = db.page(7, "q", 6).unwrap().unwrap();
        assert_eq!((rows.len(), at), (2, 5));
        let times: Vec<(i64, i64)> = db
            .conn
            .prepare("SELECT fetched_at, used_at FROM records ORDER BY record_id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(times.iter().all(|&(f, _)| f == 5), "{times:?}");
    }

    #[test]
    fn reads_write_their_use_times_only_when_asked() {
        let mut db = Db::in_memory().unwrap();
        let t = table();
        db.put_table(&t, 1).unwrap();
        db.put_rows(&t, &[row(1, "Printer", "Out of toner")], Some(("q", 1)), 1)
            .unwrap();
        let used = |db: &Db| -> (i64, i64, i64) {
            db.conn
                .query_row(
                    "SELECT (SELECT used_at FROM records), (SELECT used_at FROM pages),
                            (SELECT used_at FROM tables)",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .unwrap()
        };
        db.table(7, 5).unwrap().unwrap();
        db.page(7, "q", 5).unwrap().unwrap();
        assert_eq!(used(&db), (1, 1, 1));
        assert!(db.has_unwritten_uses());
        db.write_uses().unwrap();
        assert_eq!(used(&db), (5, 5, 5));
        assert!(!db.has_unwritten_uses());
        // A later write's time is not set back by an earlier read written after it.
        db.record(7, 1, 6).unwrap().unwrap();
        db.put_rows(&t, &[row(1, "Printer", "Out of paper")], None, 9)
            .unwrap();
        db.write_uses().unwrap();
        assert_eq!(used(&db).0, 9);
    }

    #[test]
    fn eviction_drops_the_least_recently_used_first() {
        let mut db = Db::in_memory().unwrap();
        let t = table();
        let words = "word ".repeat(400);
        let old: Vec<_> = (0..600).map(|i| row(i, "old", &words)).collect();
        let new: Vec<_> = (1000..1600).map(|i| row(i, "new", &words)).collect();
        db.put_rows(&t, &old, None, 1).unwrap();
        db.put_rows(&t, &new, None, 2).unwrap();
        // The old rows are read again, so they are the recent ones now.
        for i in 0..600 {
            db.record(7, i, 3).unwrap();
        }
        let before = db.usage().unwrap();
        let evicted = db.evict_to(before.bytes * 3 / 4).unwrap();
        let after = db.usage().unwrap();
        assert!(
            evicted > 0 && after.bytes <= before.bytes * 3 / 4,
            "{before:?} {after:?}"
        );
        assert!(db.record(7, 0, 4).unwrap().is_some());
        assert!(db.record(7, 1000, 4).unwrap().is_none());
    }
}

#[cfg(test)]
mod file_tests {
    use super::*;

    #[test]
    fn an_encrypted_file_reports_its_usage_and_refuses_another_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        let mut db = Db::open(&path, &[7u8; 32]).unwrap();
        db.put_doc("k", "{\"secret\":\"plainword\"}", 1).unwrap();
        let usage = db.usage().unwrap();
        assert!(usage.bytes > 0, "{usage:?}");
        drop(db);
        let raw = std::fs::read(&path).unwrap();
        assert!(!raw.windows(9).any(|w| w == b"plainword"));
        assert!(Db::open(&path, &[8u8; 32]).is_err());
        assert!(Db::open(&path, &[7u8; 32])
            .unwrap()
            .doc("k", 2)
            .unwrap()
            .is_some());
    }
}
