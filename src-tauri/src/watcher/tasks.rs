//! When a task assigned to the user should be announced: at its reminder if it has one, else
//! when it falls due. Times on the wire are UTC (§20); a date-only task falls due at the start of
//! that day in the user's zone.

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use infolobby::models::Task;

/// What to announce about a task and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moment {
    pub at: DateTime<Utc>,
    /// Stable while the task's times stay the same: `reminder@…` or `due@…`.
    pub key: String,
    pub reminder: bool,
}

fn utc(text: &str) -> Option<DateTime<Utc>> {
    let t = text.trim();
    NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S"))
        .ok()
        .map(|n| n.and_utc())
        .or_else(|| DateTime::parse_from_rfc3339(t).ok().map(|d| d.to_utc()))
}

fn time_of_day(text: &str) -> Option<NaiveTime> {
    let t = text.trim();
    NaiveTime::parse_from_str(t, "%H:%M:%S")
        .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M"))
        .ok()
}

/// The moment to announce `task` at, if it has a reminder or a due date and is open.
pub fn moment(task: &Task) -> Option<Moment> {
    if task.status == "done" {
        return None;
    }
    if let Some(at) = task.reminder_at.as_deref().and_then(utc) {
        return Some(Moment {
            key: format!("reminder@{}", at.format("%Y-%m-%d %H:%M:%S")),
            at,
            reminder: true,
        });
    }
    let date = NaiveDate::parse_from_str(task.due_date.as_deref()?.trim(), "%Y-%m-%d").ok()?;
    let at = match task.due_time.as_deref().and_then(time_of_day) {
        Some(time) => date.and_time(time).and_utc(),
        None => Local
            .from_local_datetime(&date.and_time(NaiveTime::MIN))
            .earliest()
            .map(|d| d.to_utc())
            .unwrap_or_else(|| date.and_time(NaiveTime::MIN).and_utc()),
    };
    Some(Moment {
        key: format!("due@{}", at.format("%Y-%m-%d %H:%M:%S")),
        at,
        reminder: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(v: serde_json::Value) -> Task {
        serde_json::from_value(v).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_reminder_wins_over_the_due_time_and_done_tasks_never_alert() {
        let t = task(serde_json::json!({"id": 1, "title": "a", "status": "open",
            "due_date": "2026-05-01", "due_time": "09:00:00", "reminder_at": "2026-05-01 08:30:00"}));
        let m = moment(&t).unwrap_or_else(|| panic!("a moment"));
        assert!(m.reminder);
        assert_eq!(m.key, "reminder@2026-05-01 08:30:00");
        let t = task(serde_json::json!({"id": 1, "title": "a", "status": "open",
            "due_date": "2026-05-01", "due_time": "09:00"}));
        let m = moment(&t).unwrap_or_else(|| panic!("a moment"));
        assert_eq!(m.key, "due@2026-05-01 09:00:00");
        assert!(!m.reminder);
        let done = task(
            serde_json::json!({"id": 1, "title": "a", "status": "done", "due_date": "2026-05-01"}),
        );
        assert_eq!(moment(&done), None);
        let none = task(serde_json::json!({"id": 1, "title": "a", "status": "open"}));
        assert_eq!(moment(&none), None);
        let broken =
            task(serde_json::json!({"id": 1, "title": "a", "status": "open", "due_date": "soon"}));
        assert_eq!(moment(&broken), None);
    }
}
