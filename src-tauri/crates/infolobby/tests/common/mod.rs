//! Shared by the tests that run the client against an in-process sandbox.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use infolobby::Client;
use infolobby_sandbox::RunningSandbox;
use serde_json::{Map, Value};

pub async fn sandbox() -> RunningSandbox {
    infolobby_sandbox::start(infolobby_sandbox::Config::default())
        .await
        .unwrap()
}

pub fn client(s: &RunningSandbox, key: &str) -> Client {
    Client::builder(key)
        .unwrap()
        .base_url(s.base_url())
        .build()
        .unwrap()
}

/// A JSON object literal as a map, for record data and task fields.
pub fn object(v: Value) -> Map<String, Value> {
    v.as_object().unwrap().clone()
}
