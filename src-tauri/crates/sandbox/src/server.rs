//! The HTTP side: the route table (every path in one place) and the dispatcher that wraps each
//! operation in auth, rate limiting, a transaction and plain-text errors.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use rusqlite::Connection;
use serde_json::Value;

use crate::auth;
use crate::blobs::Blobs;
use crate::config::Config;
use crate::error::ApiError;
use crate::handlers::{
    self, comments, files, members, notifications, records, spaces, subscriptions, tables, tasks,
    views, Ctx, Handler,
};
use crate::ratelimit::{RateLimiter, Verdict};

pub struct Shared {
    pub db: Mutex<Connection>,
    pub blobs: Blobs,
    pub config: Config,
    pub limiter: RateLimiter,
    /// `Host` values this server answers to (lower case); `None` accepts any. A loopback
    /// server names its own address only, so a web page that rebinds a DNS name to 127.0.0.1
    /// cannot reach it from the user's browser.
    pub hosts: Option<Vec<String>>,
}

/// The `Host` values a server bound to `addr` answers to, when it only serves this computer.
pub fn own_hosts(addr: SocketAddr, allow_remote: bool) -> Option<Vec<String>> {
    if allow_remote {
        return None;
    }
    let port = addr.port();
    let ip = match addr {
        SocketAddr::V4(a) => a.ip().to_string(),
        SocketAddr::V6(a) => format!("[{}]", a.ip()),
    };
    Some(vec![format!("{ip}:{port}"), format!("localhost:{port}")])
}

type Params = HashMap<String, String>;

macro_rules! op {
    ($h:expr) => {
        |state: State<Arc<Shared>>,
         info: ConnectInfo<SocketAddr>,
         headers: HeaderMap,
         path: Result<Path<Params>, PathRejection>,
         query: Result<Query<Params>, QueryRejection>,
         body: Result<Bytes, BytesRejection>| async move {
            dispatch(
                $h,
                state,
                info,
                headers,
                path.map(|p| p.0).unwrap_or_default(),
                query,
                body,
            )
            .await
        }
    };
}

/// Every route of §5 and §20. Paths that §20 marks as inferred are noted.
pub fn router(shared: Arc<Shared>) -> Router {
    // Base64 inflates by 4/3; allow the largest file plus room for the JSON around it.
    let body_limit = shared.config.max_file_bytes / 3 * 4 + 64 * 1024;
    Router::new()
        .route("/api/spaces/list", get(op!(spaces::list)))
        .route("/api/spaces/create", post(op!(spaces::create)))
        .route("/api/space/{space_id}/get", get(op!(spaces::get)))
        .route("/api/space/{space_id}/update", post(op!(spaces::update))) // inferred (§20)
        .route("/api/space/{space_id}/delete", post(op!(spaces::delete))) // inferred (§20)
        .route(
            "/api/space/{space_id}/members/list",
            get(op!(members::list)),
        )
        .route("/api/space/{space_id}/members/add", post(op!(members::add))) // inferred (§20)
        .route(
            "/api/space/{space_id}/members/{user_id}/update",
            post(op!(members::update)),
        ) // inferred
        .route(
            "/api/space/{space_id}/members/{user_id}/remove",
            post(op!(members::remove)),
        ) // inferred
        .route("/api/space/{space_id}/tables/list", get(op!(tables::list)))
        .route(
            "/api/space/{space_id}/tables/create",
            post(op!(tables::create)),
        )
        .route("/api/table/{table_id}/get", get(op!(tables::get)))
        .route("/api/table/{table_id}/update", post(op!(tables::update))) // inferred (§20)
        .route("/api/table/{table_id}/delete", post(op!(tables::delete))) // inferred (§20)
        .route("/api/table/{table_id}/views/list", get(op!(views::list)))
        .route(
            "/api/table/{table_id}/view/{view_id}/get",
            get(op!(views::get)),
        )
        .route(
            "/api/table/{table_id}/records/create",
            post(op!(records::create)),
        )
        .route(
            "/api/table/{table_id}/records/query",
            post(op!(records::query)),
        )
        .route(
            "/api/table/{table_id}/records/count",
            post(op!(records::count)),
        )
        .route(
            "/api/table/{table_id}/records/delete_batch",
            post(op!(records::delete_batch)),
        )
        .route(
            "/api/table/{table_id}/record/{record_id}/get",
            get(op!(records::get)),
        )
        .route(
            "/api/table/{table_id}/record/{record_id}/update",
            post(op!(records::update)),
        )
        .route(
            "/api/table/{table_id}/record/{record_id}/delete",
            post(op!(records::delete)),
        )
        .route(
            "/api/table/{table_id}/record/{record_id}/comments/get",
            get(op!(comments::list)),
        )
        .route(
            "/api/table/{table_id}/record/{record_id}/comments/create",
            post(op!(comments::create)),
        )
        .route(
            "/api/table/{table_id}/record/{record_id}/comments/upload",
            post(op!(comments::upload)),
        )
        .route(
            "/api/table/{table_id}/record/{record_id}/files/create",
            post(op!(files::create)),
        )
        .route(
            "/api/table/{table_id}/record/{record_id}/files/delete",
            post(op!(files::delete)),
        )
        .route(
            "/api/table/{table_id}/record/{record_id}/files/get",
            post(op!(files::get)),
        )
        .route(
            "/api/subscriptions/{table_id}/subscribe",
            post(op!(subscriptions::subscribe)),
        )
        .route(
            "/api/subscriptions/{table_id}/unsubscribe",
            post(op!(subscriptions::unsubscribe)),
        )
        .route(
            "/api/subscriptions/{table_id}/status",
            post(op!(subscriptions::status)),
        )
        .route(
            "/api/subscriptions/{table_id}/{record_id}/subscribe",
            post(op!(subscriptions::subscribe)),
        )
        .route(
            "/api/subscriptions/{table_id}/{record_id}/unsubscribe",
            post(op!(subscriptions::unsubscribe)),
        )
        .route(
            "/api/tasks/onRecord/{table_id}/{record_id}/create",
            post(op!(tasks::create_on_record)),
        )
        .route(
            "/api/tasks/onRecord/{table_id}/{record_id}/list",
            get(op!(tasks::list_on_record)),
        )
        .route("/api/task/{task_id}/get", get(op!(tasks::get)))
        .route("/api/task/{task_id}/update", post(op!(tasks::update))) // inferred (§20)
        .route("/api/task/{task_id}/done", post(op!(tasks::done))) // inferred (§20)
        .route("/api/task/{task_id}/reopen", post(op!(tasks::reopen))) // inferred (§20)
        .route("/api/task/{task_id}/delete", post(op!(tasks::delete))) // inferred (§20)
        .route(
            "/api/task/{task_id}/comments/get",
            get(op!(tasks::comments_list)),
        ) // inferred
        .route(
            "/api/task/{task_id}/comments/create",
            post(op!(tasks::comments_create)),
        ) // inferred
        .route("/api/tasks/create", post(op!(tasks::standalone_create))) // inferred (§20)
        .route("/api/tasks/list", get(op!(tasks::standalone_list))) // inferred (§20)
        .route("/api/notifications/list", post(op!(notifications::list)))
        .route(
            "/api/notifications/unreadCount",
            post(op!(notifications::unread_count)),
        )
        .route(
            "/api/notifications/markAllRead",
            post(op!(notifications::mark_all_read)),
        )
        .route(
            "/api/notifications/{id}/markRead",
            post(op!(notifications::mark_read)),
        )
        .route(
            "/api/notifications/{id}/markUnread",
            post(op!(notifications::mark_unread)),
        )
        .fallback(op!(handlers::not_found))
        .method_not_allowed_fallback(|| async {
            ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed")
        })
        .layer(DefaultBodyLimit::max(body_limit))
        .with_state(shared)
}

fn host_allowed(shared: &Shared, headers: &HeaderMap) -> bool {
    let Some(hosts) = &shared.hosts else {
        return true;
    };
    headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(|h| h.trim().to_ascii_lowercase())
        .is_some_and(|h| hosts.contains(&h))
}

fn with_rate_headers(mut resp: Response, v: &Verdict) -> Response {
    let h = resp.headers_mut();
    let num = |n: u64| HeaderValue::from(n);
    h.insert("X-RateLimit-Limit", num(v.limit.into()));
    h.insert("X-RateLimit-Remaining", num(v.remaining.into()));
    h.insert("X-RateLimit-Reset", num(v.reset));
    h.insert("X-RateLimit-Scope", HeaderValue::from_static(v.scope));
    resp
}

async fn dispatch(
    handler: Handler,
    State(shared): State<Arc<Shared>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    path: Params,
    query: Result<Query<Params>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    if !host_allowed(&shared, &headers) {
        return ApiError::new(
            StatusCode::MISDIRECTED_REQUEST,
            "This server only answers requests addressed to its own loopback address",
        )
        .into_response();
    }
    let auth_header = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(String::from);
    let task = tokio::task::spawn_blocking(move || {
        run(&shared, handler, auth_header, peer, path, query, body)
    });
    match task.await {
        Ok(resp) => resp,
        Err(_) => ApiError::app("Internal error").into_response(),
    }
}

fn run(
    shared: &Shared,
    handler: Handler,
    auth_header: Option<String>,
    peer: SocketAddr,
    path: Params,
    query: Result<Query<Params>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let mut conn = match shared.db.lock() {
        Ok(c) => c,
        Err(poisoned) => poisoned.into_inner(),
    };
    let caller = auth::authenticate(&conn, auth_header.as_deref(), peer.ip());
    // Only a request with a valid key counts against a budget: anyone could otherwise use up
    // the account's requests by sending garbage.
    let verdict = caller
        .as_ref()
        .ok()
        .map(|c| shared.limiter.check(c.bucket()));
    let result = (|| {
        let caller = caller?;
        if verdict.as_ref().is_some_and(|v| !v.allowed) {
            return Err(ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "Too Many Requests",
            ));
        }
        let query = query.map(|q| q.0).map_err(|_| ApiError::invalid_params())?;
        let body = match body {
            Ok(b) if b.iter().all(u8::is_ascii_whitespace) => Value::Null,
            Ok(b) => serde_json::from_slice(&b).map_err(|_| ApiError::invalid_params())?,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(ApiError::too_large())
            }
            Err(_) => return Err(ApiError::invalid_params()),
        };
        let tx = conn.transaction()?;
        let value = {
            let mut cx = Ctx {
                conn: &tx,
                caller: &caller,
                path: &path,
                query: &query,
                body,
                blobs: &shared.blobs,
                config: &shared.config,
            };
            handler(&mut cx)?
        };
        tx.commit()?;
        Ok(value)
    })();
    let resp = match result {
        Ok(v) => axum::Json(v).into_response(),
        Err(e) => {
            let too_many = e.status == StatusCode::TOO_MANY_REQUESTS;
            let mut resp = e.into_response();
            if let (true, Some(v)) = (too_many, &verdict) {
                resp.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(v.reset));
            }
            resp
        }
    };
    match &verdict {
        Some(v) => with_rate_headers(resp, v),
        None => resp,
    }
}
