//! Following tables and records (§12).

use serde_json::json;

use crate::client::Client;
use crate::error::Error;
use crate::models::{Following, Subscribed};
use crate::routes::Op;

impl Client {
    /// `force`: no error when already in the wanted state.
    pub async fn follow_table(
        &self,
        table_id: i64,
        follow: bool,
        force: bool,
    ) -> Result<Subscribed, Error> {
        let op = if follow {
            Op::FollowTable(table_id)
        } else {
            Op::UnfollowTable(table_id)
        };
        self.call(op, &[], Some(&json!({"force": force}))).await
    }

    pub async fn follow_record(
        &self,
        table_id: i64,
        record_id: i64,
        follow: bool,
        force: bool,
    ) -> Result<Subscribed, Error> {
        let op = if follow {
            Op::FollowRecord(table_id, record_id)
        } else {
            Op::UnfollowRecord(table_id, record_id)
        };
        self.call(op, &[], Some(&json!({"force": force}))).await
    }

    pub async fn following(
        &self,
        table_id: i64,
        record_id: Option<i64>,
    ) -> Result<Following, Error> {
        let body = match record_id {
            Some(r) => json!({"record_id": r}),
            None => json!({}),
        };
        self.call(Op::Following(table_id), &[], Some(&body)).await
    }
}
