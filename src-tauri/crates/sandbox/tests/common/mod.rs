//! Shared by the integration tests: an in-process sandbox on a random port and a small HTTP
//! helper. Tests check results through the API only, as a client would.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use infolobby_sandbox::{Config, RunningSandbox};
use reqwest::{Method, StatusCode};
use serde_json::Value;

pub const OWNER: &str = "il_live_sandbox_owner";
pub const RESTRICTED: &str = "il_live_sandbox_restricted";
pub const READONLY: &str = "il_live_sandbox_readonly";
pub const REVOKED: &str = "il_live_sandbox_revoked";
pub const IPLOCKED: &str = "il_live_sandbox_iplocked";
pub const ALICE: &str = "il_user_sandbox_alice";
pub const ALICE_RO: &str = "il_user_sandbox_alice_ro";
pub const BOB: &str = "il_user_sandbox_bob";

pub const SALES: i64 = 1;
pub const OPERATIONS: i64 = 2;
pub const CONTACTS: i64 = 1;
pub const DEALS: i64 = 2;
pub const TICKETS: i64 = 3;

pub struct Api {
    pub sandbox: RunningSandbox,
    pub http: reqwest::Client,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {} {}", self.status, self.text))
    }

    /// Asserts success and returns the JSON body.
    pub fn ok(&self) -> Value {
        assert!(
            self.status.is_success(),
            "expected success, got {} {}",
            self.status,
            self.text
        );
        self.json()
    }

    pub fn err(&self, status: u16, message: &str) {
        assert_eq!(self.status.as_u16(), status, "body: {}", self.text);
        assert!(
            self.text.contains(message),
            "expected {message:?} in {:?}",
            self.text
        );
        let ct = self
            .headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        assert!(
            ct.starts_with("text/plain"),
            "errors are plain text, got {ct}"
        );
    }
}

impl Api {
    pub async fn start() -> Api {
        Self::with(Config::default()).await
    }

    pub async fn with(config: Config) -> Api {
        let sandbox = infolobby_sandbox::start(config)
            .await
            .expect("sandbox starts");
        Api {
            sandbox,
            http: reqwest::Client::new(),
        }
    }

    pub async fn call(
        &self,
        key: Option<&str>,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> Reply {
        let mut req = self
            .http
            .request(method, format!("{}{}", self.sandbox.base_url(), path));
        if let Some(k) = key {
            req = req.bearer_auth(k);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().await.expect("request reaches the sandbox");
        let status = resp.status();
        let headers = resp.headers().clone();
        let text = resp.text().await.expect("body");
        Reply {
            status,
            headers,
            text,
        }
    }

    pub async fn get(&self, key: &str, path: &str) -> Reply {
        self.call(Some(key), Method::GET, path, None).await
    }

    pub async fn post(&self, key: &str, path: &str, body: Value) -> Reply {
        self.call(Some(key), Method::POST, path, Some(body)).await
    }

    pub async fn raw(&self, method: Method, path: &str, key: &str, body: Vec<u8>) -> Reply {
        let resp = self
            .http
            .request(method, format!("{}{}", self.sandbox.base_url(), path))
            .bearer_auth(key)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("request reaches the sandbox");
        let status = resp.status();
        let headers = resp.headers().clone();
        Reply {
            status,
            headers,
            text: resp.text().await.unwrap_or_default(),
        }
    }

    /// Every row of a table matching `body`, paging 1,000 at a time until a short page.
    pub async fn query_all(&self, key: &str, table: i64, body: Value) -> Vec<Value> {
        let mut out = Vec::new();
        loop {
            let mut b = body.clone();
            b["limit"] = 1000.into();
            b["offset"] = out.len().into();
            let page = self
                .post(key, &format!("/table/{table}/records/query"), b)
                .await
                .ok();
            let page = page.as_array().expect("query returns an array").clone();
            let short = page.len() < 1000;
            out.extend(page);
            if short {
                return out;
            }
        }
    }
}

pub fn ids(rows: &[Value], key: &str) -> Vec<i64> {
    rows.iter()
        .map(|r| r[key].as_i64().expect("integer id"))
        .collect()
}
