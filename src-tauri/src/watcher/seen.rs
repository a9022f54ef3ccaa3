//! What the watcher has already announced, per connection (`watch-state.json` in the config
//! directory), so a restart or a key rotation never repeats a notification.

use std::collections::BTreeMap;
use std::path::Path;

use infolobby::models::Notification;
use serde::{Deserialize, Serialize};

use crate::json_file::{FileError, JsonFile};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Seen {
    /// False until the first check, which records what is there without announcing it.
    pub initialized: bool,
    pub last_notification_id: i64,
    pub tasks_due: u64,
    /// The day (`YYYY-MM-DD`) the key's expiry was last announced; once a day is enough.
    #[serde(default)]
    pub expiry_reminded_on: Option<String>,
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

    /// How many more tasks are due than at the last check (0 on the first check).
    pub fn more_tasks_due(&mut self, now_due: u64) -> u64 {
        let more = if self.initialized {
            now_due.saturating_sub(self.tasks_due)
        } else {
            0
        };
        self.tasks_due = now_due;
        more
    }
}

pub type SeenByConnection = BTreeMap<String, Seen>;

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

    pub fn load(&self) -> Result<SeenByConnection, FileError> {
        self.file.load()
    }

    /// Saves a round's state for the connections that still exist: one removed while the round
    /// ran is not brought back.
    pub fn save_for(
        &self,
        mut seen: SeenByConnection,
        exists: impl Fn(&str) -> bool,
    ) -> Result<(), FileError> {
        seen.retain(|id, _| exists(id));
        self.file
            .update(|stored: &mut SeenByConnection| *stored = seen)
    }

    /// Drops what was seen for a removed connection.
    pub fn forget(&self, id: &str) -> Result<(), FileError> {
        self.file.update(|stored: &mut SeenByConnection| {
            stored.remove(id);
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
        assert_eq!(seen.more_tasks_due(2), 0);
        seen.initialized = true;
        let unread = [n(5), n(3), n(4)];
        let ids: Vec<i64> = seen.fresh(&unread).iter().map(|n| n.id).collect();
        assert_eq!(ids, vec![4, 5]);
        assert!(seen.fresh(&unread).is_empty(), "never twice");
        assert_eq!(seen.more_tasks_due(3), 1);
        assert_eq!(seen.more_tasks_due(1), 0);
    }
}
