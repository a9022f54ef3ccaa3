//! Records, queries and counts.

use infolobby::models::{Ack, Count, Field, FieldValue, Record, Table};
use infolobby::{Operator, Query, Row, SortDir};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::sync::Arc;
use tauri::State;

use super::cache::{page_key, remember_rows};
use crate::connections::layouts::TableLayout;
use crate::connections::service::Connections;
use crate::error::CmdResult;

/// One filter of a record query; `or` joins it to the previous one with OR instead of AND.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
pub struct FilterSpec {
    pub field: String,
    pub op: Operator,
    pub value: Value,
    #[serde(default)]
    pub or: bool,
}

/// A record query as the UI describes it (§9.2).
#[derive(Debug, Clone, Default, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct QuerySpec {
    pub search: Option<String>,
    pub filters: Vec<FilterSpec>,
    pub order_by: Option<String>,
    pub descending: bool,
    pub view_id: Option<i64>,
    pub fields: Option<Vec<String>>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

impl QuerySpec {
    pub fn to_query(&self) -> Query {
        let mut q = Query::new();
        for f in &self.filters {
            q = if f.or {
                q.or_filter(&f.field, f.op, f.value.clone())
            } else {
                q.filter(&f.field, f.op, f.value.clone())
            };
        }
        if let Some(s) = self.search.as_deref().filter(|s| !s.trim().is_empty()) {
            q = q.search(s.trim());
        }
        if let Some(field) = &self.order_by {
            let dir = if self.descending {
                SortDir::Desc
            } else {
                SortDir::Asc
            };
            q = q.order_by(field, dir);
        }
        if let Some(v) = self.view_id {
            q = q.view(v);
        }
        if let Some(fields) = &self.fields {
            q = q.fields(fields.iter().cloned());
        }
        if let Some(l) = self.limit {
            q = q.limit(l);
        }
        if let Some(o) = self.offset {
            q = q.offset(u64::from(o));
        }
        q
    }
}

/// One row of a table page: its record id and one typed value per field of `fields`.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct PageRow {
    pub id: Option<i64>,
    pub values: Vec<FieldValue>,
}

/// What a table view needs at once: the schema, one page of rows and how many match.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct TablePage {
    pub table_name: String,
    pub fields: Vec<Field>,
    pub rows: Vec<PageRow>,
    pub total: u32,
}

/// The schema, one page of a query and the number of matches, for the table view.
#[tauri::command]
#[specta::specta]
pub async fn table_page(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    query: QuerySpec,
) -> CmdResult<TablePage> {
    let q = query.to_query();
    let (table, rows, count) = state
        .call(&connection_id, |c| async move {
            // Side by side: the first rows paint after the slowest of the three, not their sum.
            tokio::try_join!(
                c.get_table(table_id),
                c.query_records(table_id, &q),
                c.count_records(table_id, &q)
            )
        })
        .await?;
    state.remember_schema(&connection_id, &table);
    let total = u32::try_from(count.count).unwrap_or(u32::MAX);
    let out = TablePage {
        rows: page_rows(&table, &rows),
        total,
        table_name: table.name.clone(),
        fields: table.fields.clone(),
    };
    let page = Some((page_key(&query), total));
    if query.fields.is_some() {
        return Ok(out);
    }
    remember_rows(
        &state,
        &connection_id,
        Arc::new(table.clone()),
        with_ids(&table, rows),
        page,
    )
    .await;
    Ok(out)
}

/// The rows that carry a record id, which is what the cache keys them by.
fn with_ids(table: &Table, rows: Vec<Row>) -> Vec<(i64, Row)> {
    rows.into_iter()
        .filter_map(|r| table.row_id(&r).map(|id| (id, r)))
        .collect()
}

fn page_rows(table: &Table, rows: &[Row]) -> Vec<PageRow> {
    rows.iter()
        .map(|r| PageRow {
            id: table.row_id(r),
            values: table.row_values(r),
        })
        .collect()
}

/// One page of a query, typed by the table's schema as `table_page` last fetched it: a single
/// request, so that scrolling and exporting a large table spend one request per page.
#[tauri::command]
#[specta::specta]
pub async fn table_rows(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    query: QuerySpec,
) -> CmdResult<Vec<PageRow>> {
    let table = state.schema(&connection_id, table_id).await?;
    let q = query.to_query();
    let rows = state
        .call(&connection_id, |c| async move {
            c.query_records(table_id, &q).await
        })
        .await?;
    let out = page_rows(&table, &rows);
    // Rows with some fields only (the ids of "all matching", read for a batch delete) would
    // replace whole records in the copy.
    if query.fields.is_some() {
        return Ok(out);
    }
    // The count is the first page's; a later page only lists its rows.
    let page = Some((page_key(&query), 0));
    remember_rows(
        &state,
        &connection_id,
        table.clone(),
        with_ids(&table, rows),
        page,
    )
    .await;
    Ok(out)
}

/// A record with its table's schema and its values typed per field.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct RecordDetail {
    pub table: Table,
    pub record: Record,
    pub values: Vec<FieldValue>,
}

#[tauri::command]
#[specta::specta]
pub async fn record_detail(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    record_id: i64,
) -> CmdResult<RecordDetail> {
    let (table, record) = state
        .call(&connection_id, |c| async move {
            // Both at once: the page waits for one round trip, not two.
            tokio::try_join!(c.get_table(table_id), c.get_record(table_id, record_id))
        })
        .await?;
    let values = table.fields.iter().map(|f| record.value(f)).collect();
    let copy = (table.clone(), record.clone());
    state
        .remember(&connection_id, move |db, now| {
            db.put_table(&copy.0, now)?;
            db.put_record(&copy.0, &copy.1, now)
        })
        .await;
    Ok(RecordDetail {
        table,
        record,
        values,
    })
}

#[tauri::command]
#[specta::specta]
pub async fn query_records(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    query: QuerySpec,
) -> CmdResult<Vec<Row>> {
    let q = query.to_query();
    state
        .call(&connection_id, |c| async move {
            c.query_records(table_id, &q).await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn count_records(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    query: QuerySpec,
) -> CmdResult<Count> {
    let q = query.to_query();
    state
        .call(&connection_id, |c| async move {
            c.count_records(table_id, &q).await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_record(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    record_id: i64,
) -> CmdResult<Record> {
    state
        .call(&connection_id, |c| async move {
            c.get_record(table_id, record_id).await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn create_record(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    data: Map<String, Value>,
) -> CmdResult<Record> {
    state
        .call(&connection_id, |c| async move {
            c.create_record(table_id, data).await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_record(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    record_id: i64,
    data: Map<String, Value>,
) -> CmdResult<Record> {
    let record = state
        .call(&connection_id, |c| async move {
            c.update_record(table_id, record_id, data).await
        })
        .await?;
    // The copy follows the edit, when the schema that types it is at hand.
    if let Some(table) = state.known_schema(&connection_id, table_id) {
        let copy = record.clone();
        state
            .remember(&connection_id, move |db, now| {
                db.put_record(&table, &copy, now)
            })
            .await;
    }
    Ok(record)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_record(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    record_id: i64,
) -> CmdResult<Ack> {
    let ack = state
        .call(&connection_id, |c| async move {
            c.delete_record(table_id, record_id).await
        })
        .await?;
    state
        .remember(&connection_id, move |db, _| {
            db.forget_records(table_id, &[record_id])
        })
        .await;
    Ok(ack)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_records(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    record_ids: Vec<i64>,
) -> CmdResult<Ack> {
    let ids = record_ids.clone();
    let ack = state
        .call(&connection_id, |c| async move {
            c.delete_records(table_id, &record_ids).await
        })
        .await?;
    state
        .remember(&connection_id, move |db, _| {
            db.forget_records(table_id, &ids)
        })
        .await;
    Ok(ack)
}

#[tauri::command]
#[specta::specta]
pub async fn table_layout(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
) -> CmdResult<TableLayout> {
    state.table_layout(&connection_id, table_id)
}

#[tauri::command]
#[specta::specta]
pub async fn save_table_layout(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    layout: TableLayout,
) -> CmdResult<TableLayout> {
    state.save_table_layout(&connection_id, table_id, layout)
}
