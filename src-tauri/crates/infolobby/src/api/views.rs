//! Saved views (§8).

use crate::client::Client;
use crate::error::Error;
use crate::models::View;
use crate::routes::Op;

impl Client {
    pub async fn list_views(&self, table_id: i64) -> Result<Vec<View>, Error> {
        self.call(Op::ListViews(table_id), &[], None).await
    }

    pub async fn get_view(&self, table_id: i64, view_id: i64) -> Result<View, Error> {
        self.call(Op::GetView(table_id, view_id), &[], None).await
    }
}
