//! Tasks on records and standalone tasks (§13).

use serde_json::{json, Map, Value};

use crate::client::Client;
use crate::error::Error;
use crate::models::{Ack, Comment, Task};
use crate::routes::Op;

/// Which tasks `tasks/list` returns (§20).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum TaskScope {
    AssignedToMe,
    CreatedByMe,
    All,
}

fn status_param(status: Option<bool>) -> Option<(&'static str, String)> {
    status.map(|done| ("status", if done { "done" } else { "open" }.to_string()))
}

/// The most tasks one list call returns (§13.2).
pub const MAX_TASKS_PAGE: u32 = 200;

fn page_params(limit: u32, offset: u64) -> Vec<(&'static str, String)> {
    vec![
        ("limit", limit.clamp(1, MAX_TASKS_PAGE).to_string()),
        ("offset", offset.to_string()),
    ]
}

impl Client {
    /// `fields`: `title` (required), `details`, `assignee_user_id` or `assignee_email`,
    /// `due_date`, `due_time`, `reminder_offset_mins` or `reminder_time` (§13.1).
    ///
    /// ```no_run
    /// # async fn demo(client: infolobby::Client) -> Result<(), infolobby::Error> {
    /// let mut fields = serde_json::Map::new();
    /// fields.insert("title".into(), "Send proposal".into());
    /// fields.insert("assignee_email".into(), "alice@example.com".into());
    /// fields.insert("due_date".into(), "2026-05-01".into());
    /// let task = client.create_record_task(2, 6, fields).await?;
    /// client.complete_task(task.id).await?;
    /// # Ok(()) }
    /// ```
    pub async fn create_record_task(
        &self,
        table_id: i64,
        record_id: i64,
        fields: Map<String, Value>,
    ) -> Result<Task, Error> {
        self.call(
            Op::CreateRecordTask(table_id, record_id),
            &[],
            Some(&Value::Object(fields)),
        )
        .await
    }

    /// `done`: `Some(false)` open only, `Some(true)` done only, `None` all. `limit` ≤ 200.
    pub async fn list_record_tasks(
        &self,
        table_id: i64,
        record_id: i64,
        done: Option<bool>,
        limit: u32,
        offset: u64,
    ) -> Result<Vec<Task>, Error> {
        let mut q = page_params(limit, offset);
        q.extend(status_param(done));
        self.call(Op::ListRecordTasks(table_id, record_id), &q, None)
            .await
    }

    /// The task with `comment_count`, `subscribers`, `subscribed` in `extra`.
    pub async fn get_task(&self, task_id: i64) -> Result<Task, Error> {
        self.call(Op::GetTask(task_id), &[], None).await
    }

    pub async fn update_task(
        &self,
        task_id: i64,
        changes: Map<String, Value>,
    ) -> Result<Task, Error> {
        self.call(Op::UpdateTask(task_id), &[], Some(&Value::Object(changes)))
            .await
    }

    pub async fn complete_task(&self, task_id: i64) -> Result<Task, Error> {
        self.call(Op::CompleteTask(task_id), &[], Some(&json!({})))
            .await
    }

    pub async fn reopen_task(&self, task_id: i64) -> Result<Task, Error> {
        self.call(Op::ReopenTask(task_id), &[], Some(&json!({})))
            .await
    }

    pub async fn delete_task(&self, task_id: i64) -> Result<Ack, Error> {
        self.call(Op::DeleteTask(task_id), &[], Some(&json!({})))
            .await
    }

    pub async fn list_task_comments(&self, task_id: i64) -> Result<Vec<Comment>, Error> {
        self.call(
            Op::ListTaskComments(task_id),
            &[("limit", "100".into())],
            None,
        )
        .await
    }

    pub async fn comment_on_task(&self, task_id: i64, content: &str) -> Result<Comment, Error> {
        self.call(
            Op::CommentOnTask(task_id),
            &[],
            Some(&json!({"content": content})),
        )
        .await
    }

    /// Personal keys only: tasks not on a record.
    pub async fn create_task(&self, fields: Map<String, Value>) -> Result<Task, Error> {
        self.call(Op::CreateTask, &[], Some(&Value::Object(fields)))
            .await
    }

    /// Personal keys only. `limit` ≤ 200.
    pub async fn my_tasks(
        &self,
        scope: TaskScope,
        done: Option<bool>,
        limit: u32,
        offset: u64,
    ) -> Result<Vec<Task>, Error> {
        let assigned = match scope {
            TaskScope::AssignedToMe => "me",
            TaskScope::CreatedByMe => "created",
            TaskScope::All => "all",
        };
        let mut q = vec![("assigned", assigned.to_string())];
        q.extend(page_params(limit, offset));
        q.extend(status_param(done));
        self.call(Op::MyTasks, &q, None).await
    }
}
