//! Records, queries and counts.

use infolobby::models::{Ack, Count, Record};
use infolobby::{Operator, Query, Row, SortDir};
use serde::Deserialize;
use serde_json::{Map, Value};
use tauri::State;

use crate::connections::service::Connections;
use crate::error::CmdResult;

/// One filter of a record query; `or` joins it to the previous one with OR instead of AND.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct FilterSpec {
    pub field: String,
    pub op: Operator,
    pub value: Value,
    #[serde(default)]
    pub or: bool,
}

/// A record query as the UI describes it (§9.2).
#[derive(Debug, Clone, Default, Deserialize, specta::Type)]
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
        .call(
            &connection_id,
            |c| async move { c.query(table_id, &q).await },
        )
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
        .call(
            &connection_id,
            |c| async move { c.count(table_id, &q).await },
        )
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
            c.record(table_id, record_id).await
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
    state
        .call(&connection_id, |c| async move {
            c.update_record(table_id, record_id, data).await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_record(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    record_id: i64,
) -> CmdResult<Ack> {
    state
        .call(&connection_id, |c| async move {
            c.delete_record(table_id, record_id).await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_records(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    record_ids: Vec<i64>,
) -> CmdResult<Ack> {
    state
        .call(&connection_id, |c| async move {
            c.delete_records(table_id, &record_ids).await
        })
        .await
}
