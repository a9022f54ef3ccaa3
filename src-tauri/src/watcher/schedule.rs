//! When each connection is polled next. Pure: every function takes `now`, so the watcher's
//! tests run on a clock of their own.

use std::time::Duration;

use chrono::{DateTime, Utc};
use infolobby::RateBudget;

/// Offline, polls back off up to this; a reachability probe brings them back sooner.
pub const MAX_OFFLINE_BACKOFF: Duration = Duration::from_secs(15 * 60);
/// A budget reset further off than this is a broken header, not a reason to go quiet.
const MAX_BUDGET_WAIT: Duration = Duration::from_secs(3600);

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Schedule {
    /// `None`: poll at the next chance.
    pub next_at: Option<DateTime<Utc>>,
    /// Polls in a row that could not reach the server.
    pub offline_polls: u32,
    /// The server asked to wait until `next_at`: "check now" does not override that.
    pub rate_limited: bool,
}

fn after(now: DateTime<Utc>, wait: Duration) -> DateTime<Utc> {
    chrono::Duration::from_std(wait)
        .ok()
        .and_then(|d| now.checked_add_signed(d))
        .unwrap_or(now)
}

/// The interval after a poll that left `budget`: the user's interval while most of the budget
/// is left, twice that once half is spent, and nothing until the window resets once three
/// quarters are, so the watcher never spends what the user needs in the window.
pub fn interval_for(base: Duration, budget: Option<RateBudget>) -> Duration {
    let Some(b) = budget else {
        return base;
    };
    let until_reset = b.resets_in.unwrap_or(base).min(MAX_BUDGET_WAIT);
    let (low, half) = match b.limit {
        Some(limit) if limit > 0 => (
            b.remaining.saturating_mul(4) <= limit,
            b.remaining.saturating_mul(2) <= limit,
        ),
        // No limit given: only an almost empty budget says anything.
        _ => (b.remaining <= 5, false),
    };
    if low {
        base.max(until_reset)
    } else if half {
        base.saturating_mul(2)
    } else {
        base
    }
}

impl Schedule {
    pub fn due(&self, now: DateTime<Utc>) -> bool {
        self.next_at.is_none_or(|at| now >= at)
    }

    pub fn is_offline(&self) -> bool {
        self.offline_polls > 0
    }

    /// A poll went through.
    pub fn polled(&mut self, now: DateTime<Utc>, base: Duration, budget: Option<RateBudget>) {
        self.offline_polls = 0;
        self.rate_limited = false;
        self.next_at = Some(after(now, interval_for(base, budget)));
    }

    /// The server could not be reached: twice the wait each time, up to a quarter of an hour.
    pub fn offline(&mut self, now: DateTime<Utc>, base: Duration) {
        self.offline_polls = self.offline_polls.saturating_add(1);
        let factor = 1u32 << self.offline_polls.min(10);
        let wait = base
            .saturating_mul(factor)
            .min(MAX_OFFLINE_BACKOFF)
            .max(base);
        self.next_at = Some(after(now, wait));
    }

    /// The server asked to wait (429 `Retry-After`).
    pub fn rate_limited(&mut self, now: DateTime<Utc>, retry_after: Duration) {
        self.offline_polls = 0;
        self.rate_limited = true;
        self.next_at = Some(after(now, retry_after.min(MAX_BUDGET_WAIT)));
    }

    /// Any other failure: try again after the usual interval.
    pub fn failed(&mut self, now: DateTime<Utc>, base: Duration) {
        self.next_at = Some(after(now, base));
    }

    /// The network is back: poll now rather than at the end of the backoff.
    pub fn back_online(&mut self) {
        self.next_at = None;
    }

    /// The user asked to check now: at once, unless the server asked to wait.
    pub fn check_now(&mut self) {
        if !self.rate_limited {
            self.next_at = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: Duration = Duration::from_secs(60);

    fn budget(remaining: u64, limit: u64, reset: u64) -> Option<RateBudget> {
        Some(RateBudget {
            remaining,
            limit: Some(limit),
            resets_in: Some(Duration::from_secs(reset)),
        })
    }

    #[test]
    fn the_interval_grows_as_the_budget_runs_low() {
        assert_eq!(interval_for(MIN, None), MIN);
        assert_eq!(interval_for(MIN, budget(90, 100, 50)), MIN);
        assert_eq!(interval_for(MIN, budget(50, 100, 50)), 2 * MIN);
        assert_eq!(
            interval_for(MIN, budget(20, 100, 600)),
            Duration::from_secs(600)
        );
        // A reset sooner than the interval never makes polling faster.
        assert_eq!(interval_for(MIN, budget(0, 100, 5)), MIN);
        assert_eq!(
            interval_for(MIN, budget(0, 100, u64::MAX / 2)),
            Duration::from_secs(3600)
        );
    }

    #[test]
    fn offline_backs_off_then_comes_back_at_once() {
        let now = DateTime::<Utc>::UNIX_EPOCH;
        let mut s = Schedule::default();
        assert!(s.due(now));
        s.offline(now, MIN);
        assert_eq!(s.next_at, Some(after(now, 2 * MIN)));
        s.offline(now, MIN);
        assert_eq!(s.next_at, Some(after(now, 4 * MIN)));
        for _ in 0..20 {
            s.offline(now, MIN);
        }
        assert_eq!(s.next_at, Some(after(now, MAX_OFFLINE_BACKOFF)));
        assert!(s.is_offline());
        s.back_online();
        assert!(s.due(now));
        s.polled(now, MIN, None);
        assert!(!s.is_offline());
        assert!(!s.due(after(now, MIN / 2)) && s.due(after(now, MIN)));
    }

    #[test]
    fn a_rate_limit_is_waited_out() {
        let now = DateTime::<Utc>::UNIX_EPOCH;
        let mut s = Schedule::default();
        s.rate_limited(now, Duration::from_secs(42));
        s.check_now();
        assert!(
            !s.due(after(now, Duration::from_secs(41))),
            "not even when asked"
        );
        assert!(s.due(after(now, Duration::from_secs(42))));
    }
}
