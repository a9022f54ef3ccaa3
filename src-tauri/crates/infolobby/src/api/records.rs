//! Records: read, change, query and count (§9).

use futures_util::stream::{self, Stream};
use serde_json::{json, Map, Value};

use crate::client::Client;
use crate::error::Error;
use crate::models::{Ack, Count, Record};
use crate::query::Query;
use crate::routes::Op;
use crate::MAX_PAGE;

/// A row of `records/query`: flat, field ids at the top level (§9.2).
pub type Row = Map<String, Value>;

impl Client {
    pub async fn get_record(&self, table_id: i64, record_id: i64) -> Result<Record, Error> {
        self.call(Op::GetRecord(table_id, record_id), &[], None)
            .await
    }

    /// `data`: field id → value, in the most documented write forms (§9.4).
    /// Creates a record.
    ///
    /// ```no_run
    /// # async fn demo(client: infolobby::Client) -> Result<(), infolobby::Error> {
    /// let mut data = serde_json::Map::new();
    /// data.insert("name".into(), "Grace Hopper".into());
    /// data.insert("status".into(), "Lead".into());
    /// let record = client.create_record(1, data).await?;
    /// let table = client.get_table(1).await?;
    /// let status = record.value(table.field("status").expect("field"));
    /// println!("{} is {status:?}", record.title);
    /// # Ok(()) }
    /// ```
    pub async fn create_record(
        &self,
        table_id: i64,
        data: Map<String, Value>,
    ) -> Result<Record, Error> {
        self.call(
            Op::CreateRecord(table_id),
            &[],
            Some(&json!({"data": data})),
        )
        .await
    }

    /// Partial update: only the fields in `data` change.
    pub async fn update_record(
        &self,
        table_id: i64,
        record_id: i64,
        data: Map<String, Value>,
    ) -> Result<Record, Error> {
        self.call(
            Op::UpdateRecord(table_id, record_id),
            &[],
            Some(&json!({"data": data})),
        )
        .await
    }

    pub async fn delete_record(&self, table_id: i64, record_id: i64) -> Result<Ack, Error> {
        self.call(Op::DeleteRecord(table_id, record_id), &[], Some(&json!({})))
            .await
    }

    pub async fn delete_records(&self, table_id: i64, record_ids: &[i64]) -> Result<Ack, Error> {
        self.call(
            Op::DeleteRecords(table_id),
            &[],
            Some(&json!({"record_ids": record_ids})),
        )
        .await
    }

    /// One page of rows.
    ///
    /// ```no_run
    /// # async fn demo(client: infolobby::Client) -> Result<(), infolobby::Error> {
    /// use infolobby::{Operator, Query, SortDir};
    /// let q = Query::new()
    ///     .filter("priority", Operator::Eq, "Urgent")
    ///     .or_filter("due", Operator::Lt, "today")
    ///     .search("login")
    ///     .order_by("opened_at", SortDir::Desc)
    ///     .limit(50);
    /// let rows = client.query_records(3, &q).await?;
    /// let total = client.count_records(3, &q).await?.count;
    /// println!("showing {} of {total}", rows.len());
    /// # Ok(()) }
    /// ```
    pub async fn query_records(&self, table_id: i64, query: &Query) -> Result<Vec<Row>, Error> {
        self.call(Op::QueryRecords(table_id), &[], Some(&query.body()))
            .await
    }

    pub async fn count_records(&self, table_id: i64, query: &Query) -> Result<Count, Error> {
        self.call(Op::CountRecords(table_id), &[], Some(&query.count_body()))
            .await
    }

    /// Every matching row, fetched 1,000 at a time until a short page. The query's own limit and
    /// offset are replaced. Pair with [`Client::count_records`] for progress.
    pub fn query_all<'a>(
        &'a self,
        table_id: i64,
        query: Query,
    ) -> impl Stream<Item = Result<Row, Error>> + 'a {
        struct State {
            offset: u64,
            buffer: std::vec::IntoIter<Row>,
            done: bool,
        }
        let start = State {
            offset: 0,
            buffer: Vec::new().into_iter(),
            done: false,
        };
        stream::try_unfold(start, move |mut st| {
            let query = query.clone();
            async move {
                loop {
                    if let Some(row) = st.buffer.next() {
                        return Ok(Some((row, st)));
                    }
                    if st.done {
                        return Ok(None);
                    }
                    let page = self
                        .query_records(table_id, &query.clone().limit(MAX_PAGE).offset(st.offset))
                        .await?;
                    st.done = page.len() < MAX_PAGE as usize;
                    st.offset += page.len() as u64;
                    st.buffer = page.into_iter();
                }
            }
        })
    }
}
