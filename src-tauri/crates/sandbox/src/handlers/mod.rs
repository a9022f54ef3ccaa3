//! The operations, one function each, all with the same signature so the router can wrap them
//! in the same auth / rate-limit / transaction / error handling.

pub mod comments;
pub mod files;
pub mod members;
pub mod notifications;
pub mod records;
pub mod spaces;
pub mod subscriptions;
pub mod tables;
pub mod tasks;
pub mod views;

use std::collections::HashMap;

use rusqlite::Connection;
use serde_json::{Map, Value};

use crate::auth::Caller;
use crate::blobs::Blobs;
use crate::config::Config;
use crate::error::{ApiError, ApiResult};

pub type Handler = fn(&mut Ctx<'_>) -> ApiResult<Value>;

/// One request as a handler sees it, inside its transaction.
pub struct Ctx<'a> {
    pub conn: &'a Connection,
    pub caller: &'a Caller,
    pub path: &'a HashMap<String, String>,
    pub query: &'a HashMap<String, String>,
    pub body: Value,
    pub blobs: &'a Blobs,
    pub config: &'a Config,
}

impl Ctx<'_> {
    /// An id from the path; anything that is not an integer is a route that does not exist.
    pub fn id(&self, name: &str) -> ApiResult<i64> {
        self.path
            .get(name)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| ApiError::not_found("Not Found"))
    }

    /// The JSON body as an object; an absent body reads as `{}` (clients send none or `{}`).
    pub fn body(&self) -> ApiResult<Map<String, Value>> {
        match &self.body {
            Value::Null => Ok(Map::new()),
            Value::Object(o) => Ok(o.clone()),
            _ => Err(ApiError::invalid_params()),
        }
    }

    /// `limit` (with its default and maximum) and `offset` from the query string.
    pub fn page(&self, default_limit: i64, max_limit: i64) -> ApiResult<(i64, i64)> {
        Ok((
            self.query_int("limit", default_limit, max_limit)?,
            self.query_int("offset", 0, i64::MAX)?,
        ))
    }

    /// A paging parameter from the query string, with its default and maximum.
    pub fn query_int(&self, name: &str, default: i64, max: i64) -> ApiResult<i64> {
        match self.query.get(name) {
            None => Ok(default),
            Some(s) => match s.parse::<i64>() {
                Ok(n) if (0..=max).contains(&n) => Ok(n),
                _ => Err(ApiError::invalid_params()),
            },
        }
    }
}

pub fn ok() -> ApiResult<Value> {
    Ok(serde_json::json!({"ok": true}))
}

/// An optional string field of a body; wrong types are invalid parameters.
pub fn opt_str(body: &Map<String, Value>, key: &str) -> ApiResult<Option<String>> {
    match body.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(ApiError::invalid_params()),
    }
}

pub fn opt_int(body: &Map<String, Value>, key: &str) -> ApiResult<Option<i64>> {
    match body.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => crate::fields::as_id(v)
            .map(Some)
            .ok_or_else(ApiError::invalid_params),
    }
}

pub fn not_found(_: &mut Ctx<'_>) -> ApiResult<Value> {
    Err(ApiError::not_found("Not Found"))
}
