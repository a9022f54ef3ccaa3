//! Per-minute request budgets (§3, §20): one bucket for all account keys, one per user for
//! personal keys at a quarter of the account budget.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bucket {
    Account,
    User(i64),
}

impl Bucket {
    pub fn scope(self) -> &'static str {
        match self {
            Bucket::Account => "account",
            Bucket::User(_) => "user",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Verdict {
    pub allowed: bool,
    pub limit: u32,
    pub remaining: u32,
    /// Seconds until the window resets.
    pub reset: u64,
    pub scope: &'static str,
}

pub struct RateLimiter {
    account_limit: u32,
    window: Duration,
    windows: Mutex<HashMap<Bucket, (Instant, u32)>>,
}

impl RateLimiter {
    /// `account_per_window` requests per `window` (a minute in the service; shorter in tests
    /// that wait a window out).
    pub fn new(account_per_window: u32, window: Duration) -> Self {
        Self {
            account_limit: account_per_window.max(1),
            window: window.max(Duration::from_secs(1)),
            windows: Mutex::new(HashMap::new()),
        }
    }

    pub fn limit_for(&self, bucket: Bucket) -> u32 {
        match bucket {
            Bucket::Account => self.account_limit,
            Bucket::User(_) => (self.account_limit / 4).max(1),
        }
    }

    /// Counts one request against `bucket`.
    pub fn check(&self, bucket: Bucket) -> Verdict {
        let limit = self.limit_for(bucket);
        let now = Instant::now();
        let mut windows = match self.windows.lock() {
            Ok(w) => w,
            Err(poisoned) => poisoned.into_inner(),
        };
        let entry = windows.entry(bucket).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        let reset = self
            .window
            .saturating_sub(now.duration_since(entry.0))
            .as_secs()
            .max(1);
        let allowed = entry.1 < limit;
        if allowed {
            entry.1 += 1;
        }
        Verdict {
            allowed,
            limit,
            remaining: limit - entry.1.min(limit),
            reset,
            scope: bucket.scope(),
        }
    }
}
