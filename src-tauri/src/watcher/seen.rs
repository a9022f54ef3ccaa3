//! What the watcher has already announced (`watch-state.json` in the config directory), so a
//! restart, an outage or a key rotation never repeats an alert and never drops one.

use std::collections::BTreeMap;
use std::path::Path;

use infolobby::models::Notification;
use serde::{Deserialize, Serialize};

use crate::json_file::{FileError, JsonFile};

/// Task alerts remembered per connection; older ones are dropped first. Far more open tasks
/// than anyone has assigned.
const MAX_TASK_MEMORY: usize = 2000;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Seen {
    /// False until the first check, which records what is there without announcing it.
    pub initialized: bool,
    pub last_notification_id: i64,
    /// Task id → the moment (`reminder@…` or `due@…`) already announced for it.
    pub announced_tasks: BTreeMap<i64, String>,
    /// The day (`YYYY-MM-DD`) the key's expiry was last announced; once a day is enough.
    pub expiry_reminded_on: Option<String>,
    /// "This key no longer works" was said; cleared when the key works again.
    pub invalid_key_announced: bool,
    /// Alerts held back while alerts were paused, for one summary at resume.
    pub held: u32,
}

impl Seen {
    /// The notifications newer than any seen before, oldest first; remembers them as seen.
    pub fn fresh<'a>(&mut self, unread: &'a [Notification]) -> Vec<&'a Notification> {
        let mut new: Vec<&Notification> = unread
            .iter()
            .filter(|n| n.id > self.last_notification_id)
            .collect();
        new.sort_by_key(|n| n.id);
        if let Some(max) = unread.iter().map(|n| n.id).max() {
            self.last_notification_id = self.last_notification_id.max(max);
        }
        if self.initialized {
            new
        } else {
            Vec::new()
        }
    }

    /// Whether the moment `moment` of task `id` is news; remembers it either way.
    pub fn task_moment_is_new(&mut self, id: i64, moment: &str) -> bool {
        let new = self.announced_tasks.get(&id).map(String::as_str) != Some(moment);
        if new {
            self.announced_tasks.insert(id, moment.to_string());
        }
        new && self.initialized
    }

    /// Takes what a poll owns from `from`; the rest (expiry and key notices) is kept, so a
    /// notice given while the poll ran is never undone.
    pub fn merge_poll(&mut self, from: Seen) {
        self.initialized = from.initialized;
        self.last_notification_id = from.last_notification_id;
        self.announced_tasks = from.announced_tasks;
        self.held = from.held;
    }

    /// Forgets tasks that are no longer open, and the oldest ids beyond the cap.
    pub fn keep_tasks(&mut self, open: impl Fn(i64) -> bool) {
        self.announced_tasks.retain(|id, _| open(*id));
        while self.announced_tasks.len() > MAX_TASK_MEMORY {
            self.announced_tasks.pop_first();
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WatchState {
    pub connections: BTreeMap<String, Seen>,
    /// Alerts are paused until this time (Unix seconds); counts keep going.
    pub paused_until: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct SeenStore {
    file: JsonFile,
}

impl SeenStore {
    pub fn new(config_dir: &Path) -> Self {
        Self {
            file: JsonFile::new(config_dir, "watch-state.json"),
        }
    }

    pub fn load(&self) -> Result<WatchState, FileError> {
        self.file.load()
    }

    /// What was seen on one connection.
    pub fn of(&self, id: &str) -> Seen {
        self.load()
            .ok()
            .and_then(|s| s.connections.get(id).cloned())
            .unwrap_or_default()
    }

    /// Saves one connection's state if it still `exists`: one removed while its poll ran is not
    /// brought back.
    pub fn save(&self, id: &str, seen: Seen, exists: bool) -> Result<(), FileError> {
        self.file.update(|s: &mut WatchState| {
            if exists {
                s.connections.insert(id.to_string(), seen);
            } else {
                s.connections.remove(id);
            }
        })
    }

    pub fn update<R>(&self, f: impl FnOnce(&mut WatchState) -> R) -> Result<R, FileError> {
        self.file.update(f)
    }

    /// Drops what was seen for a removed connection.
    pub fn forget(&self, id: &str) -> Result<(), FileError> {
        self.file.update(|s: &mut WatchState| {
            s.connections.remove(id);
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(id: i64) -> Notification {
        serde_json::from_value(serde_json::json!({"id": id, "message": format!("n{id}")}))
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_first_check_announces_nothing_and_later_ones_only_what_is_new() {
        let mut seen = Seen::default();
        assert!(seen.fresh(&[n(3), n(1)]).is_empty());
        assert!(!seen.task_moment_is_new(7, "due@2026-01-01 09:00:00"));
        seen.initialized = true;
        let unread = [n(5), n(3), n(4)];
        let ids: Vec<i64> = seen.fresh(&unread).iter().map(|n| n.id).collect();
        assert_eq!(ids, vec![4, 5]);
        assert!(seen.fresh(&unread).is_empty(), "never twice");
        assert!(!seen.task_moment_is_new(7, "due@2026-01-01 09:00:00"));
        assert!(
            seen.task_moment_is_new(7, "due@2026-01-02 09:00:00"),
            "moved"
        );
        assert!(seen.task_moment_is_new(8, "reminder@2026-01-01 08:00:00"));
        seen.keep_tasks(|id| id == 8);
        assert_eq!(seen.announced_tasks.len(), 1);
    }

    #[test]
    fn an_old_state_file_reads_as_a_fresh_start() {
        // The file of earlier versions was a map of connection ids: it must not fail to load.
        let old = serde_json::json!({"abc": {"initialized": true, "last_notification_id": 4}});
        let state: WatchState = serde_json::from_value(old).unwrap_or_else(|e| panic!("{e}"));
        assert!(state.connections.is_empty());
    }
}
