//! The background watcher: polls every personal-key connection for new notifications and tasks
//! coming due, raises native alerts for what is new (grouped, exactly once, as each connection's
//! settings say) and keeps the tray's count and state current. It runs with the window closed.
//!
//! Each connection has its own schedule and is polled on its own, so one that is slow, offline
//! or rate limited never delays another. Every decision takes `now`, so tests drive it on a
//! clock of their own through [`Watcher::check_at`].

pub mod alerts;
pub mod expiry;
pub mod prefs;
pub mod run;
pub mod schedule;
pub mod seen;
pub mod tasks;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;
use tokio::sync::Notify;

use crate::connections::service::Connections;
use crate::connections::Connection;
use crate::error::{CmdResult, ErrorCode};
pub use alerts::{Alert, OpenTarget};
use prefs::AlertKind;
use schedule::Schedule;
use seen::{Seen, SeenStore};

/// Event the UI listens to for new counts.
pub const UNREAD_EVENT: &str = "unread-changed";
/// The tray lists this many of the newest unread notifications.
pub const LATEST: usize = 5;
/// One listing reads at most this many unread notifications (the API's cap, §14).
const LIST_LIMIT: u32 = 200;

/// Unread notifications and tasks due of one connection.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, specta::Type)]
pub struct Unread {
    pub unread: u32,
    pub tasks_due: u32,
}

/// An unread notification as the tray lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brief {
    pub id: i64,
    /// `YYYY-MM-DD HH:MM:SS` UTC (§20): ids of different servers say nothing about which is
    /// newer, times do.
    pub created_at: String,
    pub title: String,
    pub target: OpenTarget,
}

/// How a connection's last poll went, for the tray icon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Health {
    Fine,
    Offline,
}

/// What the tray says in words besides the count; any number may hold at once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Conditions {
    /// A key that sees notifications no longer works.
    pub key_invalid: bool,
    /// A polled server could not be reached.
    pub offline: bool,
    pub paused: bool,
}

/// The state the tray shows, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrayState {
    /// A key no longer works.
    Error,
    Offline,
    Paused,
    Unread,
    Idle,
}

pub struct Watcher {
    wake: Notify,
    seen: SeenStore,
    counts: Mutex<BTreeMap<String, Unread>>,
    latest: Mutex<BTreeMap<String, Vec<Brief>>>,
    health: Mutex<BTreeMap<String, Health>>,
    schedules: Mutex<BTreeMap<String, Schedule>>,
    /// Connections being polled now: never two polls of one connection at once.
    in_flight: Mutex<BTreeSet<String>>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic elsewhere while holding the lock left plain data behind; it is still usable.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

fn to_u32(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The connections the watcher polls: keys that see notifications and still work.
fn watched(c: &Connection) -> bool {
    c.capabilities.notifications && !c.key_invalid
}

impl Watcher {
    pub fn new(config_dir: &Path) -> Self {
        Self {
            wake: Notify::new(),
            seen: SeenStore::new(config_dir),
            counts: Mutex::default(),
            latest: Mutex::default(),
            health: Mutex::default(),
            schedules: Mutex::default(),
            in_flight: Mutex::default(),
        }
    }

    /// Forgets everything about a removed connection.
    pub fn forget(&self, id: &str) -> CmdResult<()> {
        lock(&self.counts).remove(id);
        lock(&self.latest).remove(id);
        lock(&self.health).remove(id);
        lock(&self.schedules).remove(id);
        Ok(self.seen.forget(id)?)
    }

    /// Checks every connection now instead of at the end of its interval.
    pub fn check_now(&self) {
        lock(&self.schedules)
            .values_mut()
            .for_each(Schedule::check_now);
        self.wake.notify_one();
    }

    pub fn counts(&self) -> BTreeMap<String, Unread> {
        lock(&self.counts).clone()
    }

    pub fn total(&self) -> Unread {
        lock(&self.counts)
            .values()
            .fold(Unread::default(), |a, c| Unread {
                unread: a.unread.saturating_add(c.unread),
                tasks_due: a.tasks_due.saturating_add(c.tasks_due),
            })
    }

    /// The newest unread notifications over all connections, newest first.
    pub fn latest(&self) -> Vec<Brief> {
        let mut all: Vec<Brief> = lock(&self.latest).values().flatten().cloned().collect();
        all.sort_by(|a, b| (&b.created_at, b.id).cmp(&(&a.created_at, a.id)));
        all.truncate(LATEST);
        all
    }

    /// Drops a notification from the tray's list once it was read from there.
    pub fn mark_read_locally(&self, connection_id: &str, id: i64) {
        if let Some(list) = lock(&self.latest).get_mut(connection_id) {
            list.retain(|b| b.id != id);
        }
        if let Some(c) = lock(&self.counts).get_mut(connection_id) {
            c.unread = c.unread.saturating_sub(1);
        }
    }

    /// When the next poll of a connection is due, as its schedule stands.
    pub fn next_poll(&self, id: &str) -> Option<DateTime<Utc>> {
        lock(&self.schedules).get(id).and_then(|s| s.next_at)
    }

    pub fn paused_until(&self) -> Option<DateTime<Utc>> {
        self.seen
            .load()
            .ok()?
            .paused_until
            .and_then(|t| DateTime::from_timestamp(t, 0))
    }

    pub fn is_paused(&self, now: DateTime<Utc>) -> bool {
        self.paused_until().is_some_and(|until| until > now)
    }

    /// Pauses alerts until `until`; counts go on. What arrives meanwhile is summed up at resume.
    pub fn pause_alerts(&self, until: DateTime<Utc>) -> CmdResult<()> {
        self.seen
            .update(|s| s.paused_until = Some(until.timestamp()))?;
        self.wake.notify_one();
        Ok(())
    }

    pub fn resume_alerts(&self) -> CmdResult<()> {
        self.seen.update(|s| s.paused_until = None)?;
        self.check_now();
        Ok(())
    }

    /// What is wrong or special now, over all connections.
    pub fn conditions(&self, connections: &[Connection], now: DateTime<Utc>) -> Conditions {
        let health = lock(&self.health);
        Conditions {
            key_invalid: connections
                .iter()
                .any(|c| c.capabilities.notifications && c.key_invalid),
            offline: connections
                .iter()
                .filter(|c| watched(c))
                .any(|c| health.get(&c.id) == Some(&Health::Offline)),
            paused: self.is_paused(now),
        }
    }

    /// The one state the tray icon shows: the most urgent.
    pub fn tray_state(&self, connections: &[Connection], now: DateTime<Utc>) -> TrayState {
        let c = self.conditions(connections, now);
        if c.key_invalid {
            TrayState::Error
        } else if c.offline {
            TrayState::Offline
        } else if c.paused {
            TrayState::Paused
        } else if self.total().unread > 0 {
            TrayState::Unread
        } else {
            TrayState::Idle
        }
    }

    /// One full round at `now`, waiting for every due poll: for tests on a controlled clock and
    /// for "check now". The app's loop polls each connection as its own task instead.
    pub async fn check_at(&self, connections: &Connections, now: DateTime<Utc>) -> Vec<Alert> {
        let due = self.due(connections, now).await;
        let polls = due.iter().map(|c| self.poll(connections, c, now));
        let mut alerts: Vec<Alert> = futures_util::future::join_all(polls)
            .await
            .into_iter()
            .flatten()
            .collect();
        alerts.extend(self.notices(connections, now));
        alerts
    }

    /// The connections to poll at `now`, marked in flight: those whose time has come, and those
    /// that were offline and whose server answers again.
    pub async fn due(&self, connections: &Connections, now: DateTime<Utc>) -> Vec<Connection> {
        let list: Vec<Connection> = connections
            .list()
            .unwrap_or_default()
            .into_iter()
            .filter(watched)
            .collect();
        let offline: Vec<&Connection> = {
            let schedules = lock(&self.schedules);
            list.iter()
                .filter(|c| {
                    schedules
                        .get(&c.id)
                        .is_some_and(|s| s.is_offline() && !s.due(now))
                })
                .collect()
        };
        let probes = offline
            .iter()
            .map(|c| async { (c.id.clone(), connections.reachable(&c.id).await) });
        for (id, up) in futures_util::future::join_all(probes).await {
            if up {
                if let Some(s) = lock(&self.schedules).get_mut(&id) {
                    s.back_online();
                }
            }
        }
        let schedules = lock(&self.schedules);
        let mut in_flight = lock(&self.in_flight);
        list.into_iter()
            .filter(|c| schedules.get(&c.id).is_none_or(|s| s.due(now)))
            .filter(|c| in_flight.insert(c.id.clone()))
            .collect()
    }

    /// When the loop should look again: the earliest due poll, at most `cap` away.
    pub fn next_wake(&self, now: DateTime<Utc>, cap: Duration) -> Duration {
        lock(&self.schedules)
            .values()
            .filter_map(|s| s.next_at)
            .map(|at| (at - now).to_std().unwrap_or(Duration::ZERO))
            .min()
            .unwrap_or(cap)
            .clamp(Duration::from_millis(200), cap)
    }

    /// Alerts about connections rather than their content: a key about to expire (once a day)
    /// and a key that stopped working (once, until it works again).
    pub fn notices(&self, connections: &Connections, now: DateTime<Utc>) -> Vec<Alert> {
        let list = connections.list().unwrap_or_default();
        let today = now.with_timezone(&chrono::Local).date_naive();
        let day = today.to_string();
        let days_before = connections
            .settings()
            .map(|s| s.expiry_reminder_days)
            .unwrap_or(14);
        let ids: BTreeSet<&str> = list.iter().map(|c| c.id.as_str()).collect();
        // Most looks change nothing: read first, and write only when there is news.
        let stored = self.seen.load().unwrap_or_default();
        let news = stored
            .connections
            .keys()
            .any(|id| !ids.contains(id.as_str()))
            || list.iter().any(|conn| {
                let seen = stored.connections.get(&conn.id);
                let announced = seen.is_some_and(|s| s.invalid_key_announced);
                let reminded = seen.and_then(|s| s.expiry_reminded_on.as_deref()) == Some(&day);
                conn.key_invalid != announced
                    || (!reminded && expiry::reminder(conn, today, days_before).is_some())
            });
        if !news {
            return Vec::new();
        }
        let done = self.seen.update(|state| {
            state.connections.retain(|id, _| ids.contains(id.as_str()));
            let mut alerts = Vec::new();
            for conn in &list {
                let seen = state.connections.entry(conn.id.clone()).or_default();
                if seen.expiry_reminded_on.as_deref() != Some(day.as_str()) {
                    if let Some(alert) = expiry::reminder(conn, today, days_before) {
                        alerts.push(alert);
                        seen.expiry_reminded_on = Some(day.clone());
                    }
                }
                if conn.key_invalid && !seen.invalid_key_announced {
                    alerts.push(alerts::invalid_key(conn));
                    seen.invalid_key_announced = true;
                } else if !conn.key_invalid {
                    seen.invalid_key_announced = false;
                }
            }
            alerts
        });
        done.unwrap_or_default()
    }

    /// Polls one connection (already marked in flight by [`Self::due`]) and returns its alerts.
    pub async fn poll(
        &self,
        connections: &Connections,
        conn: &Connection,
        now: DateTime<Utc>,
    ) -> Vec<Alert> {
        let base = Duration::from_secs(u64::from(
            connections
                .settings()
                .map(|s| s.poll_interval_secs)
                .unwrap_or(60),
        ));
        let mut seen = self.seen.of(&conn.id);
        let result = read_news(connections, conn, &mut seen, now).await;
        let mut alerts = Vec::new();
        match result {
            Ok(news) => {
                let budget = connections.budget(&conn.id).await;
                self.schedule(&conn.id, |s| s.polled(now, base, budget));
                lock(&self.health).insert(conn.id.clone(), Health::Fine);
                lock(&self.counts).insert(conn.id.clone(), news.count);
                lock(&self.latest).insert(conn.id.clone(), news.latest);
                if seen.initialized {
                    if self.is_paused(now) {
                        seen.held = seen.held.saturating_add(to_u32(news.items.len() as u64));
                    } else {
                        alerts = alerts::grouped(conn, news.items, std::mem::take(&mut seen.held));
                    }
                }
                seen.initialized = true;
            }
            Err(e) => match e.code {
                ErrorCode::Offline => {
                    self.schedule(&conn.id, |s| s.offline(now, base));
                    lock(&self.health).insert(conn.id.clone(), Health::Offline);
                }
                ErrorCode::RateLimited => {
                    let wait = Duration::from_secs(u64::from(e.retry_after_secs.unwrap_or(60)));
                    self.schedule(&conn.id, |s| s.rate_limited(now, wait));
                }
                // A 401 has marked the connection; `notices` says so once and it is no longer
                // polled. Anything else: try again after the usual interval.
                _ => self.schedule(&conn.id, |s| s.failed(now, base)),
            },
        }
        let exists = connections
            .list()
            .map(|l| l.iter().any(|c| c.id == conn.id))
            .unwrap_or(false);
        let _ = self.seen.update(|state| {
            if exists {
                state
                    .connections
                    .entry(conn.id.clone())
                    .or_default()
                    .merge_poll(seen);
            } else {
                state.connections.remove(&conn.id);
            }
        });
        lock(&self.in_flight).remove(&conn.id);
        alerts
    }

    fn schedule(&self, id: &str, f: impl FnOnce(&mut Schedule)) {
        f(lock(&self.schedules).entry(id.to_string()).or_default());
    }

    pub(crate) fn wake(&self) -> &Notify {
        &self.wake
    }

    /// After a poll that panicked: the connection may be polled again, after a while.
    pub(crate) fn release(&self, id: &str, now: DateTime<Utc>) {
        self.schedule(id, |s| s.failed(now, Duration::from_secs(60)));
        lock(&self.in_flight).remove(id);
    }
}

/// Something new on a connection that may raise an alert.
#[derive(Debug, Clone)]
pub struct Item {
    pub kind: AlertKind,
    pub title: String,
    pub body: String,
    pub target: OpenTarget,
}

struct News {
    count: Unread,
    items: Vec<Item>,
    latest: Vec<Brief>,
}

/// Reads what is new on one connection and marks it seen in `seen`; the caller decides what to
/// announce. Items the connection's settings do not alert for are seen but not returned.
async fn read_news(
    connections: &Connections,
    conn: &Connection,
    seen: &mut Seen,
    now: DateTime<Utc>,
) -> CmdResult<News> {
    let prefs = &conn.alerts;
    let count = connections
        .call(&conn.id, |c| async move { c.unread_count().await })
        .await?;
    let mut items = Vec::new();
    let mut latest = Vec::new();
    if count.unread > 0 {
        // Listing marks them "seen" on the service, which is what showing them here means.
        let unread = connections
            .call(&conn.id, |c| async move {
                c.list_notifications(true, LIST_LIMIT, 0).await
            })
            .await?;
        let mut newest: Vec<_> = unread.iter().collect();
        newest.sort_by_key(|n| std::cmp::Reverse(n.id));
        latest = newest
            .iter()
            .take(LATEST)
            .map(|n| Brief {
                id: n.id,
                created_at: n.created_at.clone().unwrap_or_default(),
                title: alerts::notification_title(n),
                target: OpenTarget::of_notification(&conn.id, n),
            })
            .collect();
        for n in seen.fresh(&unread) {
            let kind = AlertKind::of_event(&n.event_type);
            if prefs.wants(kind, n.space_id) {
                items.push(alerts::notification_item(conn, n, kind));
            }
        }
    }
    if prefs.wants_kind(AlertKind::TaskReminders) {
        let open = connections
            .call(&conn.id, |c| async move {
                c.my_tasks(
                    infolobby::TaskScope::AssignedToMe,
                    Some(false),
                    infolobby::MAX_TASKS_PAGE,
                    0,
                )
                .await
            })
            .await?;
        for task in &open {
            let Some(moment) = tasks::moment(task) else {
                continue;
            };
            if moment.at <= now
                && seen.task_moment_is_new(task.id, &moment.key)
                && prefs.wants(AlertKind::TaskReminders, task.space_id)
            {
                items.push(alerts::task_item(conn, task, &moment));
            }
        }
        seen.keep_tasks(|id| open.iter().any(|t| t.id == id));
    }
    Ok(News {
        count: Unread {
            unread: to_u32(count.unread),
            tasks_due: to_u32(count.tasks_due),
        },
        items,
        latest,
    })
}
