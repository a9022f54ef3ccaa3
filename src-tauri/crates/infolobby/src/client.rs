//! The HTTP client: base URL, key, timeouts, the client-side rate limiter, retries, decoding.

use std::sync::Arc;
use std::time::Duration;

use base64::Engine;

use reqwest::header::{HeaderMap, RETRY_AFTER};
use serde::de::DeserializeOwned;
use serde_json::Value;
use tokio::sync::Mutex;
use tokio::time::Instant;

use crate::error::{excerpt, from_status, Error};
use crate::key::{ApiKey, KeyKind};
use crate::routes::Op;

pub const DEFAULT_BASE_URL: &str = "https://infolobby.com/api";

/// Called with (bytes done, bytes in all) while a file goes up or comes down.
pub type Progress = Arc<dyn Fn(u64, u64) + Send + Sync>;

/// Raw bytes per base64 piece: a multiple of 3, so pieces concatenate into one valid string.
const PIECE: usize = 3 * 16 * 1024;

/// A JSON body whose `data` member is a file, base64-encoded piece by piece while it is sent, so
/// the whole encoded text never sits in memory next to the bytes.
pub(crate) struct FileBody {
    /// The JSON up to the opening quote of the data string.
    pub prefix: String,
    pub data: bytes::Bytes,
    /// The closing quote and the rest of the JSON.
    pub suffix: String,
    pub progress: Option<Progress>,
}

impl FileBody {
    fn len(&self) -> u64 {
        (self.prefix.len() + self.data.len().div_ceil(3) * 4 + self.suffix.len()) as u64
    }

    fn body(&self) -> reqwest::Body {
        let (prefix, data, suffix) = (self.prefix.clone(), self.data.clone(), self.suffix.clone());
        let progress = self.progress.clone();
        let total = data.len() as u64;
        let pieces = data.len().div_ceil(PIECE);
        let encoded = (0..pieces).map(move |i| {
            let end = ((i + 1) * PIECE).min(data.len());
            let text = base64::engine::general_purpose::STANDARD.encode(&data[i * PIECE..end]);
            if let Some(p) = &progress {
                p(end as u64, total);
            }
            Ok::<_, std::io::Error>(bytes::Bytes::from(text))
        });
        let parts = std::iter::once(Ok(bytes::Bytes::from(prefix)))
            .chain(encoded)
            .chain(std::iter::once(Ok(bytes::Bytes::from(suffix))));
        reqwest::Body::wrap_stream(futures_util::stream::iter(parts))
    }
}

/// What a request carries.
pub(crate) enum Payload<'a> {
    Empty,
    Json(&'a Value),
    File(&'a FileBody),
}

/// Builds a [`Client`].
#[derive(Debug, Clone)]
pub struct ClientBuilder {
    base_url: String,
    key: ApiKey,
    timeout: Duration,
    read_retries: u32,
    rate_limit_retries: u32,
}

impl ClientBuilder {
    /// Base URL, default `https://infolobby.com/api`; plain `http://` only for loopback.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// Whole-request timeout (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How often a failed read is sent again (network errors, timeouts, 5xx); default 3.
    pub fn read_retries(mut self, n: u32) -> Self {
        self.read_retries = n;
        self
    }

    /// How often a request refused with 429 is sent again after `Retry-After`; default 3.
    pub fn rate_limit_retries(mut self, n: u32) -> Self {
        self.rate_limit_retries = n;
        self
    }

    pub fn build(self) -> Result<Client, Error> {
        let url = reqwest::Url::parse(self.base_url.trim_end_matches('/'))
            .map_err(|_| Error::InvalidBaseUrl(format!("{} is not a URL", self.base_url)))?;
        let host = url.host_str().unwrap_or("");
        let loopback = host == "localhost"
            || host
                .trim_matches(|c| c == '[' || c == ']')
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback());
        match url.scheme() {
            "https" => {}
            "http" if loopback => {}
            "http" => {
                return Err(Error::InvalidBaseUrl(
                    "Plain http:// is only allowed for this computer (localhost); use https://"
                        .into(),
                ))
            }
            other => {
                return Err(Error::InvalidBaseUrl(format!(
                    "Unsupported URL scheme {other}"
                )))
            }
        }
        let http = reqwest::Client::builder()
            .timeout(self.timeout)
            .connect_timeout(Duration::from_secs(10))
            .user_agent(concat!("infolobby-desktop/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::Network {
                message: e.to_string(),
            })?;
        Ok(Client {
            base: url.as_str().trim_end_matches('/').to_string(),
            key: self.key,
            http,
            read_retries: self.read_retries,
            rate_limit_retries: self.rate_limit_retries,
            budget: Mutex::new(Budget::default()),
        })
    }
}

/// What the last response said about the rate-limit window.
#[derive(Debug, Default)]
struct Budget {
    remaining: Option<u64>,
    resets_at: Option<Instant>,
}

/// A client for one key. Cheap to share behind an `Arc`.
#[derive(Debug)]
pub struct Client {
    base: String,
    key: ApiKey,
    http: reqwest::Client,
    read_retries: u32,
    rate_limit_retries: u32,
    budget: Mutex<Budget>,
}

impl Client {
    /// A client for `key` (parsed here: a malformed key is refused before anything is sent).
    pub fn builder(key: &str) -> Result<ClientBuilder, Error> {
        Ok(ClientBuilder {
            base_url: DEFAULT_BASE_URL.to_string(),
            key: ApiKey::new(key)?,
            timeout: Duration::from_secs(30),
            read_retries: 3,
            rate_limit_retries: 3,
        })
    }

    pub fn key(&self) -> &ApiKey {
        &self.key
    }

    pub fn key_kind(&self) -> KeyKind {
        self.key.kind()
    }

    pub fn base_url(&self) -> &str {
        &self.base
    }

    /// Refuses locally what this key's kind can never do (§2.1).
    fn check_kind(&self, op: Op) -> Result<(), Error> {
        use Op::*;
        let personal_only = matches!(
            op,
            NotificationsList
                | NotificationsUnreadCount
                | NotificationMarkRead(_)
                | NotificationMarkUnread(_)
                | NotificationsMarkAllRead
                | TasksCreate
                | TasksList
        );
        let account_only = matches!(
            op,
            SpaceCreate
                | SpaceUpdate(_)
                | SpaceDelete(_)
                | MembersList(_)
                | MemberAdd(_)
                | MemberUpdate(..)
                | MemberRemove(..)
                | TableCreate(_)
                | TableUpdate(_)
                | TableDelete(_)
        );
        match self.key.kind() {
            KeyKind::Account if personal_only => Err(Error::NotAllowedForKey {
                operation: if matches!(op, TasksCreate | TasksList) {
                    "Standalone tasks"
                } else {
                    "Notifications"
                },
                needs: "a personal key (il_user_)",
                have: "an account key",
            }),
            KeyKind::Personal if account_only => Err(Error::NotAllowedForKey {
                operation: "Managing workspaces, members and tables",
                needs: "an account key (il_live_)",
                have: "a personal key",
            }),
            _ => Ok(()),
        }
    }

    /// Sends one operation and decodes its answer, with the retries its kind allows.
    pub(crate) async fn call<T: DeserializeOwned>(
        &self,
        op: Op,
        query: &[(&str, String)],
        body: Option<&Value>,
    ) -> Result<T, Error> {
        let payload = body.map(Payload::Json).unwrap_or(Payload::Empty);
        self.call_with(op, query, &payload, None).await
    }

    /// [`Client::call`] with any payload and an optional progress report for the answer.
    pub(crate) async fn call_with<T: DeserializeOwned>(
        &self,
        op: Op,
        query: &[(&str, String)],
        body: &Payload<'_>,
        download: Option<&Progress>,
    ) -> Result<T, Error> {
        self.check_kind(op)?;
        let mut read_tries = 0;
        let mut limited_tries = 0;
        loop {
            self.wait_for_budget().await;
            match self.send_once(op, query, body, download).await {
                Ok(text) => return decode(&text),
                Err(Error::RateLimited { retry_after })
                    if limited_tries < self.rate_limit_retries =>
                {
                    // A 429 means nothing was done, so even writes may go again.
                    limited_tries += 1;
                    tokio::time::sleep(retry_after).await;
                }
                Err(e) if op.is_read() && e.is_transient() && read_tries < self.read_retries => {
                    read_tries += 1;
                    tokio::time::sleep(backoff(read_tries)).await;
                }
                Err(e) => return Err(e),
            }
        }
    }

    async fn send_once(
        &self,
        op: Op,
        query: &[(&str, String)],
        body: &Payload<'_>,
        download: Option<&Progress>,
    ) -> Result<String, Error> {
        let route = op.route();
        let mut req = self
            .http
            .request(route.method, format!("{}{}", self.base, route.path))
            .bearer_auth(self.key.expose());
        if !query.is_empty() {
            req = req.query(query);
        }
        match body {
            Payload::Empty => {}
            Payload::Json(b) => req = req.json(b),
            Payload::File(f) => {
                req = req
                    .header(reqwest::header::CONTENT_TYPE, "application/json")
                    .header(reqwest::header::CONTENT_LENGTH, f.len())
                    .body(f.body());
            }
        }
        let resp = req.send().await.map_err(transport)?;
        let status = resp.status().as_u16();
        self.note_budget(resp.headers()).await;
        let retry_after = retry_after(resp.headers());
        let total = resp.content_length().unwrap_or(0);
        let mut raw = Vec::with_capacity(total.min(64 * 1024 * 1024) as usize);
        let mut resp = resp;
        while let Some(chunk) = resp.chunk().await.map_err(transport)? {
            raw.extend_from_slice(&chunk);
            if let Some(p) = download {
                p(raw.len() as u64, total.max(raw.len() as u64));
            }
        }
        let text = String::from_utf8(raw)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        if (200..300).contains(&status) {
            Ok(text)
        } else {
            Err(from_status(status, &text, retry_after))
        }
    }

    async fn note_budget(&self, headers: &HeaderMap) {
        let num = |name: &str| headers.get(name)?.to_str().ok()?.trim().parse::<u64>().ok();
        let mut b = self.budget.lock().await;
        if let Some(r) = num("x-ratelimit-remaining") {
            b.remaining = Some(r);
        }
        if let Some(secs) = num("x-ratelimit-reset") {
            b.resets_at = Some(Instant::now() + Duration::from_secs(secs));
        }
    }

    /// Waits for the window to reset when the server said the budget is spent, instead of
    /// sending a request that would be refused.
    async fn wait_for_budget(&self) {
        let until = {
            let b = self.budget.lock().await;
            match (b.remaining, b.resets_at) {
                (Some(0), Some(at)) if at > Instant::now() => Some(at),
                _ => None,
            }
        };
        if let Some(at) = until {
            tokio::time::sleep_until(at).await;
            self.budget.lock().await.remaining = None;
        }
    }
}

fn transport(e: reqwest::Error) -> Error {
    if e.is_timeout() {
        Error::Timeout
    } else {
        // reqwest's message names the URL, never the Authorization header.
        Error::Network {
            message: e.without_url().to_string(),
        }
    }
}

fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let secs: u64 = headers
        .get(RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()?;
    Some(Duration::from_secs(secs.min(3600)))
}

/// 200 ms, 400 ms, 800 ms … plus up to 50 % jitter so many clients do not retry in step.
fn backoff(attempt: u32) -> Duration {
    let base = 200u64.saturating_mul(1 << attempt.min(6).saturating_sub(1));
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos() as u64)
        .unwrap_or(0);
    Duration::from_millis(base + nanos % (base / 2 + 1))
}

/// Decodes a success body; an empty body reads as `{}` (§1).
fn decode<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    let text = if text.trim().is_empty() { "{}" } else { text };
    serde_json::from_str(text).map_err(|e| Error::Decode {
        message: e.to_string(),
        body: excerpt(text),
    })
}
