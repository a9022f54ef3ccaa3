//! Who hears about what (§12, §14): followers of a table or record are notified of activity by
//! others; mentioned users and task assignees and task subscribers too.

use rusqlite::{params, Connection};

use crate::db::{self, Table};
use crate::error::ApiResult;

/// What happened, as `event_type` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    RecordCreated,
    RecordUpdated,
    RecordDeleted,
    RecordComment,
    Mention,
    TaskAssigned,
    TaskComment,
}

impl Event {
    pub fn name(self) -> &'static str {
        match self {
            Event::RecordCreated => "RECORD_CREATED",
            Event::RecordUpdated => "RECORD_UPDATED",
            Event::RecordDeleted => "RECORD_DELETED",
            Event::RecordComment => "RECORD_COMMENT",
            Event::Mention => "MENTION",
            Event::TaskAssigned => "TASK_ASSIGNED",
            Event::TaskComment => "TASK_COMMENT",
        }
    }

    fn verb(self) -> &'static str {
        match self {
            Event::RecordCreated => "created",
            Event::RecordUpdated => "updated",
            Event::RecordDeleted => "deleted",
            Event::RecordComment => "commented on",
            Event::Mention => "mentioned you on",
            Event::TaskAssigned => "assigned you",
            Event::TaskComment => "commented on the task",
        }
    }
}

/// Where a notification points.
#[derive(Debug, Clone, Default)]
pub struct Subject {
    pub space_id: Option<i64>,
    pub table_id: Option<i64>,
    pub record_id: Option<i64>,
    pub task_id: Option<i64>,
    /// The record's or task's title, quoted in the message.
    pub title: String,
    /// The table's name, if any.
    pub place: Option<String>,
    pub summary: Option<String>,
}

impl Subject {
    pub fn record(t: &Table, record_id: i64, title: &str) -> Self {
        Subject {
            space_id: Some(t.space_id),
            table_id: Some(t.id),
            record_id: Some(record_id),
            task_id: None,
            title: title.to_string(),
            place: Some(t.name.clone()),
            summary: None,
        }
    }

    fn url(&self) -> Option<String> {
        match (self.task_id, self.table_id, self.record_id) {
            (Some(task), _, _) => Some(format!("/app/tasks/{task}")),
            (None, Some(t), Some(r)) => Some(format!("/app/table/{t}/record/{r}")),
            _ => None,
        }
    }
}

/// Sends one notification to each recipient except the actor.
pub fn send(
    conn: &Connection,
    actor: i64,
    recipients: &[i64],
    event: Event,
    subject: &Subject,
) -> ApiResult<()> {
    let who = db::user_name(conn, actor)?;
    let place = subject
        .place
        .as_deref()
        .map(|p| format!(" in {p}"))
        .unwrap_or_default();
    let message = format!("{who} {} “{}”{place}", event.verb(), subject.title);
    let now = crate::clock::now();
    let mut done = Vec::new();
    for &user in recipients {
        if user == actor || done.contains(&user) {
            continue;
        }
        done.push(user);
        conn.prepare_cached(
            "INSERT INTO notifications (user_id, actor_user_id, space_id, table_id, record_id, task_id, event_type, message, url, summary, created_at)
             VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        )?
        .execute(params![
            user, actor, subject.space_id, subject.table_id, subject.record_id, subject.task_id,
            event.name(), message, subject.url(), subject.summary, now
        ])?;
    }
    Ok(())
}

/// Followers of the table, and of the record when there is one, who are still space members.
pub fn followers(conn: &Connection, t: &Table, record_id: Option<i64>) -> ApiResult<Vec<i64>> {
    let ids: Vec<i64> = conn
        .prepare_cached(
            "SELECT DISTINCT s.user_id FROM subscriptions s JOIN members m
               ON m.user_id = s.user_id AND m.space_id = ?
             WHERE s.table_id = ? AND (s.record_id = 0 OR s.record_id = ?) ORDER BY s.user_id",
        )?
        .query_map(params![t.space_id, t.id, record_id.unwrap_or(0)], |r| {
            r.get(0)
        })?
        .collect::<Result<_, _>>()?;
    Ok(ids)
}

/// Record activity: tells the followers, except the actor and `skip` (already told otherwise).
pub fn record_activity(
    conn: &Connection,
    actor: i64,
    t: &Table,
    record_id: i64,
    title: &str,
    event: Event,
    skip: &[i64],
) -> ApiResult<()> {
    let to: Vec<i64> = followers(conn, t, Some(record_id))?
        .into_iter()
        .filter(|u| !skip.contains(u))
        .collect();
    send(
        conn,
        actor,
        &to,
        event,
        &Subject::record(t, record_id, title),
    )
}

/// A new comment: mentioned users hear of it as `MENTION`, the rest of `audience` as `event`
/// (never twice).
pub fn comment(
    conn: &Connection,
    actor: i64,
    mentioned: &[i64],
    audience: &[i64],
    event: Event,
    subject: &Subject,
) -> ApiResult<()> {
    send(conn, actor, mentioned, Event::Mention, subject)?;
    let rest: Vec<i64> = audience
        .iter()
        .copied()
        .filter(|u| !mentioned.contains(u))
        .collect();
    send(conn, actor, &rest, event, subject)
}
