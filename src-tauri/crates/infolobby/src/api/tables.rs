//! Tables and their design (§7).

use serde_json::{json, Map, Value};

use crate::client::Client;
use crate::error::Error;
use crate::models::{Ack, Table, TableSummary};
use crate::routes::Op;

impl Client {
    pub async fn list_tables(&self, space_id: i64) -> Result<Vec<TableSummary>, Error> {
        self.call(Op::ListTables(space_id), &[], None).await
    }

    pub async fn get_table(&self, table_id: i64) -> Result<Table, Error> {
        self.call(Op::GetTable(table_id), &[], None).await
    }

    /// `fields`: definitions with at least `name` and `type` (§7.3).
    pub async fn create_table(
        &self,
        space_id: i64,
        name: &str,
        fields: Vec<Value>,
    ) -> Result<Table, Error> {
        let body = json!({"name": name, "fields": fields});
        self.call(Op::CreateTable(space_id), &[], Some(&body)).await
    }

    /// `fields`, when given, is the full new list (§20).
    pub async fn update_table(
        &self,
        table_id: i64,
        name: Option<&str>,
        fields: Option<Vec<Value>>,
    ) -> Result<Table, Error> {
        let mut body = Map::new();
        if let Some(n) = name {
            body.insert("name".into(), json!(n));
        }
        if let Some(f) = fields {
            body.insert("fields".into(), Value::Array(f));
        }
        self.call(Op::UpdateTable(table_id), &[], Some(&Value::Object(body)))
            .await
    }

    pub async fn delete_table(&self, table_id: i64) -> Result<Ack, Error> {
        self.call(Op::DeleteTable(table_id), &[], Some(&json!({})))
            .await
    }
}
