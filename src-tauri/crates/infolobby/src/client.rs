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
            let piece = data.get(i * PIECE..end).unwrap_or_default();
            let text = base64::engine::general_purpose::STANDARD.encode(piece);
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
    max_wait: Duration,
    min_upload_rate: u64,
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

    /// The longest the client sleeps for the rate limit inside one call (default 5 s). A longer
    /// wait returns [`Error::RateLimited`] at once, so a command or a watcher round never stalls
    /// for the length of a rate-limit window.
    pub fn max_wait(mut self, wait: Duration) -> Self {
        self.max_wait = wait;
        self
    }

    /// The slowest upload speed (bytes per second) that still succeeds; an upload's timeout is
    /// the request timeout plus its size at this speed (default 32 KiB/s).
    pub fn min_upload_rate(mut self, bytes_per_sec: u64) -> Self {
        self.min_upload_rate = bytes_per_sec.max(1);
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
            // A redirect would carry the key to wherever the server points, even from https to
            // http on the same host; the API never redirects, so a 3xx is reported instead.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| Error::Network {
                message: e.to_string(),
            })?;
        Ok(Client {
            base: url.as_str().trim_end_matches('/').to_string(),
            key: self.key,
            http,
            timeout: self.timeout,
            read_retries: self.read_retries,
            rate_limit_retries: self.rate_limit_retries,
            max_wait: self.max_wait,
            min_upload_rate: self.min_upload_rate,
            budget: Mutex::new(Budget::default()),
            unreachable_since: Mutex::new(None),
        })
    }
}

/// What the last response said about the rate-limit window.
#[derive(Debug, Default)]
struct Budget {
    remaining: Option<u64>,
    limit: Option<u64>,
    resets_at: Option<Instant>,
}

/// The rate-limit window as the last response described it (`X-RateLimit-*`, §3, §20).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateBudget {
    pub remaining: u64,
    pub limit: Option<u64>,
    /// Until the window resets, as of now.
    pub resets_in: Option<Duration>,
}

/// A client for one key. Cheap to share behind an `Arc`.
#[derive(Debug)]
pub struct Client {
    base: String,
    key: ApiKey,
    http: reqwest::Client,
    timeout: Duration,
    read_retries: u32,
    rate_limit_retries: u32,
    max_wait: Duration,
    min_upload_rate: u64,
    budget: Mutex<Budget>,
    /// Since when requests have not reached the server; `None` while it answers.
    unreachable_since: Mutex<Option<std::time::SystemTime>>,
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
            max_wait: Duration::from_secs(5),
            min_upload_rate: 32 * 1024,
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
            ListNotifications
                | UnreadCount
                | MarkNotificationRead(_)
                | MarkNotificationUnread(_)
                | MarkAllNotificationsRead
                | CreateTask
                | MyTasks
        );
        let account_only = matches!(
            op,
            CreateSpace
                | UpdateSpace(_)
                | DeleteSpace(_)
                | ListMembers(_)
                | AddMember(_)
                | ChangeMemberRole(..)
                | RemoveMember(..)
                | CreateTable(_)
                | UpdateTable(_)
                | DeleteTable(_)
        );
        match self.key.kind() {
            KeyKind::Account if personal_only => Err(Error::NotAllowedForKey {
                operation: if matches!(op, CreateTask | MyTasks) {
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
        let raw = self.call_with(op, query, &payload, None).await?;
        decode(&raw)
    }

    /// Sends `op` with any payload, retrying as its kind allows, and returns the raw success
    /// body (read with the cap of `op`), reporting the bytes received to `download`.
    pub(crate) async fn call_with(
        &self,
        op: Op,
        query: &[(&str, String)],
        body: &Payload<'_>,
        download: Option<&Progress>,
    ) -> Result<Vec<u8>, Error> {
        self.check_kind(op)?;
        let mut read_tries = 0;
        let mut limited_tries = 0;
        loop {
            self.wait_for_budget().await?;
            match self.send_once(op, query, body, download).await {
                Ok(raw) => return Ok(raw),
                Err(Error::RateLimited { retry_after })
                    if limited_tries < self.rate_limit_retries && retry_after <= self.max_wait =>
                {
                    // A 429 means nothing was done, so even writes may go again.
                    limited_tries += 1;
                    tokio::time::sleep(retry_after).await;
                }
                Err(e) if op.is_read() && e.is_transient() && read_tries < self.read_retries => {
                    read_tries += 1;
                    tokio::time::sleep(backoff(read_tries)).await;
                }
                Err(e) => return Err(e.for_op(op)),
            }
        }
    }

    async fn send_once(
        &self,
        op: Op,
        query: &[(&str, String)],
        body: &Payload<'_>,
        download: Option<&Progress>,
    ) -> Result<Vec<u8>, Error> {
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
                    .timeout(upload_timeout(self.timeout, f.len(), self.min_upload_rate))
                    .body(f.body());
            }
        }
        let mut resp = match req.send().await {
            Ok(resp) => resp,
            Err(e) => return Err(self.unreached(e).await),
        };
        *self.unreachable_since.lock().await = None;
        let status = resp.status().as_u16();
        self.note_budget(resp.headers()).await;
        let retry_after = retry_after(resp.headers(), std::time::SystemTime::now());
        let ok = (200..300).contains(&status);
        let cap = if ok {
            op.response_cap()
        } else {
            ERROR_BODY_CAP
        };
        // Content-Length only sizes the progress bar: it may lie, so nothing is allocated from it.
        let announced = resp.content_length().unwrap_or(0);
        let mut raw = Vec::with_capacity(INITIAL_BUFFER);
        loop {
            let chunk = match resp.chunk().await {
                Ok(Some(chunk)) => chunk,
                Ok(None) => break,
                Err(e) => return Err(self.unreached(e).await),
            };
            let room = cap.saturating_sub(raw.len());
            if chunk.len() > room {
                if !ok {
                    // An error's first words are all the app shows; the rest is not read.
                    raw.extend_from_slice(chunk.get(..room).unwrap_or_default());
                    break;
                }
                return Err(Error::ResponseTooLarge { limit: cap as u64 });
            }
            raw.extend_from_slice(&chunk);
            if let Some(p) = download {
                let done = raw.len() as u64;
                p(done, announced.max(done));
            }
        }
        if ok {
            Ok(raw)
        } else if (300..400).contains(&status) {
            Err(Error::Redirected)
        } else {
            Err(from_status(
                status,
                &String::from_utf8_lossy(&raw),
                retry_after,
            ))
        }
    }

    async fn note_budget(&self, headers: &HeaderMap) {
        let num = |name: &str| headers.get(name)?.to_str().ok()?.trim().parse::<u64>().ok();
        let mut b = self.budget.lock().await;
        if let Some(r) = num("x-ratelimit-remaining") {
            b.remaining = Some(r);
        }
        if let Some(l) = num("x-ratelimit-limit") {
            b.limit = Some(l);
        }
        if let Some(secs) = num("x-ratelimit-reset") {
            // A window never lasts longer than a day; anything beyond is a broken header.
            let wait = Duration::from_secs(secs.min(MAX_RESET_SECS));
            b.resets_at = Instant::now().checked_add(wait);
        }
    }

    /// Notes that a request did not get through (from the first such failure on), for
    /// [`Client::unreachable_since`], and returns the error to report.
    async fn unreached(&self, e: reqwest::Error) -> Error {
        let mut since = self.unreachable_since.lock().await;
        since.get_or_insert_with(std::time::SystemTime::now);
        transport(e)
    }

    /// Since when requests have failed to reach the server (refused, cut off, timed out), or
    /// `None` while it answers, whatever it answers: a status bar can say "offline" from this
    /// without a request of its own.
    pub async fn unreachable_since(&self) -> Option<std::time::SystemTime> {
        *self.unreachable_since.lock().await
    }

    /// What the server last said of the budget left, if it sent the headers. The watcher
    /// stretches its interval when this runs low, so polling never eats a user's budget.
    pub async fn budget(&self) -> Option<RateBudget> {
        let b = self.budget.lock().await;
        Some(RateBudget {
            remaining: b.remaining?,
            limit: b.limit,
            resets_in: b
                .resets_at
                .map(|at| at.saturating_duration_since(Instant::now())),
        })
    }

    /// When the server said the budget is spent, waits for the window to reset instead of
    /// sending a request that would be refused; a wait longer than `max_wait` is handed back
    /// to the caller as [`Error::RateLimited`] at once.
    async fn wait_for_budget(&self) -> Result<(), Error> {
        let until = {
            let b = self.budget.lock().await;
            match (b.remaining, b.resets_at) {
                (Some(0), Some(at)) if at > Instant::now() => Some(at),
                _ => None,
            }
        };
        let Some(at) = until else {
            return Ok(());
        };
        let wait = at.saturating_duration_since(Instant::now());
        if wait > self.max_wait {
            return Err(Error::RateLimited {
                retry_after: round_up_secs(wait),
            });
        }
        tokio::time::sleep_until(at).await;
        self.budget.lock().await.remaining = None;
        Ok(())
    }
}

/// Nothing the API answers is larger than this but a file download.
pub(crate) const JSON_BODY_CAP: usize = 32 * 1024 * 1024;
/// Error bodies are one sentence; more is cut off unread.
const ERROR_BODY_CAP: usize = 64 * 1024;
const INITIAL_BUFFER: usize = 16 * 1024;
const MAX_RESET_SECS: u64 = 24 * 3600;
/// `Retry-After` is clamped to an hour: the UI counts down and the watcher skips until then.
const MAX_RETRY_AFTER_SECS: u64 = 3600;

fn round_up_secs(d: Duration) -> Duration {
    let secs = d.as_secs().saturating_add(u64::from(d.subsec_nanos() > 0));
    Duration::from_secs(secs.max(1))
}

/// The request timeout plus the body's size at the slowest speed still accepted, so a large
/// file on a slow link is not cut off at the timeout meant for a JSON call.
pub(crate) fn upload_timeout(base: Duration, len: u64, min_rate: u64) -> Duration {
    base.saturating_add(Duration::from_secs(len / min_rate.max(1)))
}

fn transport(e: reqwest::Error) -> Error {
    if e.is_timeout() {
        return Error::Timeout;
    }
    Error::Network {
        message: transport_words(&e).into(),
    }
}

/// What went wrong on the way, in words: reqwest's own ("error sending request") says nothing
/// a person can act on, so the cause is looked for in its source chain.
fn transport_words(e: &reqwest::Error) -> &'static str {
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            use std::io::ErrorKind as K;
            return match io.kind() {
                K::ConnectionRefused => "the server refused the connection. It may be down, or the address may be wrong.",
                K::ConnectionReset | K::ConnectionAborted | K::BrokenPipe | K::UnexpectedEof => {
                    "the connection was cut off. Check your network."
                }
                K::NetworkUnreachable | K::HostUnreachable | K::NetworkDown => {
                    "no network. Check that this computer is online."
                }
                _ => "the connection failed. Check your network.",
            };
        }
        if cause.to_string().contains("dns error") {
            return "the server's address could not be found. Check your network and the address.";
        }
        source = cause.source();
    }
    if e.is_connect() {
        "no connection to the server. Check your network."
    } else {
        "the connection failed. Check your network."
    }
}

/// `Retry-After` in either form (RFC 9110 §10.2.3): delay-seconds or an HTTP-date, clamped.
/// Anything else (negative, words, a date in the past) reads as "no advice".
pub fn retry_after(headers: &HeaderMap, now: std::time::SystemTime) -> Option<Duration> {
    let text = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    let secs = match text.parse::<u64>() {
        Ok(secs) => secs,
        Err(_) if text.bytes().all(|b| b.is_ascii_digit()) => MAX_RETRY_AFTER_SECS,
        Err(_) => {
            let at = httpdate::parse_http_date(text).ok()?;
            at.duration_since(now).ok()?.as_secs()
        }
    };
    Some(Duration::from_secs(secs.min(MAX_RETRY_AFTER_SECS)))
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

/// [`decode`] into JSON, for fuzz targets.
pub fn decode_value(raw: &[u8]) -> Result<Value, Error> {
    decode(raw)
}

/// Decodes a success body; an empty body reads as `{}` (§1).
pub(crate) fn decode<T: DeserializeOwned>(raw: &[u8]) -> Result<T, Error> {
    let raw: &[u8] = if raw.trim_ascii().is_empty() {
        b"{}"
    } else {
        raw
    };
    serde_json::from_slice(raw).map_err(|e| Error::Decode {
        message: e.to_string(),
        body: excerpt(&String::from_utf8_lossy(raw.get(..4096).unwrap_or(raw))),
    })
}
