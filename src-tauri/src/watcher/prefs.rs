//! What a connection's user wants to be alerted about. Counting never depends on this: the tray
//! and the window always show every unread notification; these settings only decide which of
//! them also raise a native alert.

use serde::{Deserialize, Serialize};

/// The kinds of event a user can switch alerts on or off for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    Mentions,
    Comments,
    Assignments,
    RecordChanges,
    TaskReminders,
}

impl AlertKind {
    /// The kind of a notification's `event_type` (§14 gives no full list). Anything the app does
    /// not know yet counts as a record change, so a new kind of event still alerts.
    pub fn of_event(event_type: &str) -> Self {
        let t = event_type.to_ascii_uppercase();
        if t.contains("MENTION") {
            Self::Mentions
        } else if t.contains("COMMENT") {
            Self::Comments
        } else if t.contains("ASSIGN") {
            Self::Assignments
        } else if t.contains("REMIND") || t.contains("DUE") {
            Self::TaskReminders
        } else {
            Self::RecordChanges
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct AlertPrefs {
    /// Native alerts for this connection at all.
    pub enabled: bool,
    /// Ask the system to play its notification sound.
    pub sound: bool,
    /// Only events in these workspaces alert; `None` for every workspace.
    pub spaces: Option<Vec<i64>>,
    pub mentions: bool,
    pub comments: bool,
    pub assignments: bool,
    pub record_changes: bool,
    pub task_reminders: bool,
}

impl Default for AlertPrefs {
    fn default() -> Self {
        Self {
            enabled: true,
            sound: true,
            spaces: None,
            mentions: true,
            comments: true,
            assignments: true,
            record_changes: true,
            task_reminders: true,
        }
    }
}

/// More workspaces than any account has; a list beyond it is not from our UI.
const MAX_SPACES: usize = 1000;

impl AlertPrefs {
    /// Whatever the file or the window sent, within bounds.
    pub fn sanitized(mut self) -> Self {
        if let Some(spaces) = &mut self.spaces {
            spaces.sort_unstable();
            spaces.dedup();
            spaces.truncate(MAX_SPACES);
        }
        self
    }

    pub fn wants_kind(&self, kind: AlertKind) -> bool {
        self.enabled
            && match kind {
                AlertKind::Mentions => self.mentions,
                AlertKind::Comments => self.comments,
                AlertKind::Assignments => self.assignments,
                AlertKind::RecordChanges => self.record_changes,
                AlertKind::TaskReminders => self.task_reminders,
            }
    }

    /// Whether an event of `kind` in workspace `space` (unknown: `None`) raises an alert. An
    /// event with no workspace (a standalone task) is never filtered out by workspace.
    pub fn wants(&self, kind: AlertKind, space: Option<i64>) -> bool {
        self.wants_kind(kind)
            && match (&self.spaces, space) {
                (Some(list), Some(s)) => list.contains(&s),
                _ => true,
            }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_types_map_to_kinds_and_unknown_ones_still_alert() {
        assert_eq!(AlertKind::of_event("MENTION"), AlertKind::Mentions);
        assert_eq!(AlertKind::of_event("RECORD_COMMENT"), AlertKind::Comments);
        assert_eq!(AlertKind::of_event("TASK_COMMENT"), AlertKind::Comments);
        assert_eq!(AlertKind::of_event("TASK_ASSIGNED"), AlertKind::Assignments);
        assert_eq!(
            AlertKind::of_event("RECORD_UPDATED"),
            AlertKind::RecordChanges
        );
        assert_eq!(
            AlertKind::of_event("SOMETHING_NEW"),
            AlertKind::RecordChanges
        );
    }

    #[test]
    fn kinds_and_workspaces_filter_alerts() {
        let prefs = AlertPrefs {
            comments: false,
            spaces: Some(vec![3, 1, 3]),
            ..AlertPrefs::default()
        }
        .sanitized();
        assert_eq!(prefs.spaces, Some(vec![1, 3]));
        assert!(prefs.wants(AlertKind::Mentions, Some(1)));
        assert!(!prefs.wants(AlertKind::Mentions, Some(2)));
        assert!(prefs.wants(AlertKind::Mentions, None));
        assert!(!prefs.wants(AlertKind::Comments, Some(1)));
        let off = AlertPrefs {
            enabled: false,
            ..AlertPrefs::default()
        };
        assert!(!off.wants(AlertKind::Mentions, None));
    }
}
