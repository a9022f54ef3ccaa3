//! A typed, tolerant, polite client for the InfoLobby Public API.
//!
//! ```no_run
//! # async fn demo() -> Result<(), infolobby::Error> {
//! use futures_util::TryStreamExt;
//! use infolobby::{Client, Operator, Query};
//!
//! let client = Client::builder("il_live_…")?.build()?;
//! for space in client.list_spaces().await? {
//!     println!("{} {}", space.id, space.name);
//! }
//! let urgent = Query::new().filter("priority", Operator::Eq, "Urgent");
//! let rows: Vec<_> = client.query_all(3, urgent).try_collect().await?;
//! println!("{} urgent tickets", rows.len());
//! # Ok(()) }
//! ```

mod api;
mod client;
mod download;
mod error;
mod key;
pub mod models;
mod query;
pub mod routes;

pub use api::files::{Download, MAX_FILE_BYTES};
pub use api::records::Row;
pub use api::tasks::{TaskScope, MAX_TASKS_PAGE};
pub use client::{Client, ClientBuilder, Progress, RateBudget, DEFAULT_BASE_URL};
pub use download::EncodedFile;
pub use error::{Error, ErrorCode, Refusal, OFFLINE_WRITE};
pub use key::{ApiKey, KeyKind};
pub use models::{Count, Field, FieldValue, Record, Space, Table, TableSummary, View};
pub use query::{Operator, Query, SortDir};
pub use secrecy::{ExposeSecret, SecretString};

/// The client's readers of what a server sends, for fuzz targets: not a stable API.
#[doc(hidden)]
pub mod fuzzing {
    pub use crate::client::{decode_value, retry_after};
    pub use crate::error::from_status;
}

/// The largest page `records/query` serves.
pub const MAX_PAGE: u32 = 1000;
