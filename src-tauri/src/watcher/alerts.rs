//! The alerts the watcher raises, and how a burst is grouped: the first few one by one, then
//! one "N more".

use infolobby::models::{Notification, Task};
use serde::{Deserialize, Serialize};

use super::prefs::AlertKind;
use super::tasks::Moment;
use super::Item;
use crate::connections::Connection;

/// At most this many items of one poll are shown one by one; the rest become one "N more".
pub const MAX_ALERTS: usize = 3;

/// What a click on an alert or a tray item opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct OpenTarget {
    pub connection_id: String,
    #[specta(type = Option<i64>)]
    pub table_id: Option<i64>,
    #[specta(type = Option<i64>)]
    pub record_id: Option<i64>,
    /// Marked read when opened.
    #[specta(type = Option<i64>)]
    pub notification_id: Option<i64>,
    #[specta(type = Option<i64>)]
    pub task_id: Option<i64>,
}

impl OpenTarget {
    pub fn connection(id: &str) -> Self {
        Self {
            connection_id: id.to_string(),
            table_id: None,
            record_id: None,
            notification_id: None,
            task_id: None,
        }
    }

    pub fn of_notification(connection_id: &str, n: &Notification) -> Self {
        Self {
            table_id: n.table_id,
            record_id: n.record_id,
            notification_id: Some(n.id),
            task_id: n.task_id,
            ..Self::connection(connection_id)
        }
    }
}

/// A native notification to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    pub title: String,
    pub body: String,
    /// What a click opens; `None` opens the window as it was.
    pub target: Option<OpenTarget>,
    pub sound: bool,
}

impl Alert {
    pub fn plain(title: impl Into<String>, body: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            body: body.into(),
            target: None,
            sound: false,
        }
    }
}

pub fn notification_title(n: &Notification) -> String {
    if n.message.trim().is_empty() {
        "New InfoLobby notification".into()
    } else {
        n.message.clone()
    }
}

pub fn notification_item(conn: &Connection, n: &Notification, kind: AlertKind) -> Item {
    Item {
        kind,
        title: notification_title(n),
        body: n
            .summary
            .as_deref()
            .map(infolobby::models::plain_mentions)
            .unwrap_or_else(|| conn.name.clone()),
        target: OpenTarget::of_notification(&conn.id, n),
    }
}

pub fn task_item(conn: &Connection, task: &Task, moment: &Moment) -> Item {
    let title = if task.title.trim().is_empty() {
        "A task"
    } else {
        task.title.as_str()
    };
    Item {
        kind: AlertKind::TaskReminders,
        title: if moment.reminder {
            format!("Reminder: {title}")
        } else {
            format!("Due now: {title}")
        },
        body: conn.name.clone(),
        target: OpenTarget {
            table_id: task.table_id,
            record_id: task.record_id,
            task_id: Some(task.id),
            ..OpenTarget::connection(&conn.id)
        },
    }
}

pub fn invalid_key(conn: &Connection) -> Alert {
    Alert {
        title: format!("The key of “{}” no longer works", conn.name),
        body: "Alerts for it have stopped. Replace the key under Connections.".into(),
        target: Some(OpenTarget::connection(&conn.id)),
        sound: false,
    }
}

fn count_of(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The alerts for one poll's items: the first [`MAX_ALERTS`] one by one and one "N more" for
/// the rest, preceded by one summary of `held` items that arrived while alerts were paused.
pub fn grouped(conn: &Connection, items: Vec<Item>, held: u32) -> Vec<Alert> {
    let sound = conn.alerts.sound;
    let mut alerts = Vec::new();
    if held > 0 {
        alerts.push(Alert {
            title: format!(
                "While alerts were paused: {}",
                count_of(held as usize, "new item", "new items")
            ),
            body: conn.name.clone(),
            target: Some(OpenTarget::connection(&conn.id)),
            sound,
        });
    }
    let total = items.len();
    for item in items.into_iter().take(MAX_ALERTS) {
        alerts.push(Alert {
            title: item.title,
            body: item.body,
            target: Some(item.target),
            sound,
        });
    }
    if total > MAX_ALERTS {
        alerts.push(Alert {
            title: match total - MAX_ALERTS {
                1 => "1 more notification".to_string(),
                n => format!("{n} more notifications"),
            },
            body: conn.name.clone(),
            target: Some(OpenTarget::connection(&conn.id)),
            sound: false,
        });
    }
    alerts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connections::Capabilities;

    fn conn() -> Connection {
        Connection {
            id: "c".into(),
            name: "Alice".into(),
            base_url: String::new(),
            key_hint: String::new(),
            capabilities: Capabilities::for_kind(infolobby::KeyKind::Personal),
            expires_on: None,
            key_invalid: false,
            demo: false,
            alerts: Default::default(),
            cache: Default::default(),
        }
    }

    fn item(i: usize) -> Item {
        Item {
            kind: AlertKind::Mentions,
            title: format!("n{i}"),
            body: String::new(),
            target: OpenTarget::connection("c"),
        }
    }

    #[test]
    fn a_burst_is_the_first_few_and_one_more() {
        let alerts = grouped(&conn(), (0..50).map(item).collect(), 0);
        let titles: Vec<&str> = alerts.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["n0", "n1", "n2", "47 more notifications"]);
        let two = grouped(&conn(), (0..2).map(item).collect(), 0);
        assert_eq!(two.len(), 2);
        let four = grouped(&conn(), (0..4).map(item).collect(), 0);
        assert_eq!(
            four.last().map(|a| a.title.as_str()),
            Some("1 more notification")
        );
    }

    #[test]
    fn a_pause_ends_in_one_summary() {
        let alerts = grouped(&conn(), Vec::new(), 7);
        assert_eq!(alerts.len(), 1);
        assert_eq!(alerts[0].title, "While alerts were paused: 7 new items");
    }
}
