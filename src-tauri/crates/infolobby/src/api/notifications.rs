//! Notifications of personal keys (§14).

use serde_json::{json, Value};

use crate::client::Client;
use crate::error::Error;
use crate::models::{Ack, Notification, UnreadCount};
use crate::routes::Op;

impl Client {
    /// Personal keys only. Listing marks the returned notifications seen (not read).
    ///
    /// ```no_run
    /// # async fn demo(client: infolobby::Client) -> Result<(), infolobby::Error> {
    /// let counts = client.unread_count().await?; // personal keys only
    /// println!("{} unread, {} tasks due", counts.unread, counts.tasks_due);
    /// for n in client.list_notifications(true, 50, 0).await? {
    ///     println!("{}", n.message);
    ///     client.mark_notification(n.id, true).await?;
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn list_notifications(
        &self,
        unread_only: bool,
        limit: u32,
        offset: u64,
    ) -> Result<Vec<Notification>, Error> {
        let body = json!({"filter": if unread_only { "unread" } else { "all" }, "limit": limit.min(200), "offset": offset});
        self.call(Op::ListNotifications, &[], Some(&body)).await
    }

    pub async fn unread_count(&self) -> Result<UnreadCount, Error> {
        self.call(Op::UnreadCount, &[], Some(&json!({}))).await
    }

    pub async fn mark_notification(&self, id: i64, read: bool) -> Result<Value, Error> {
        let op = if read {
            Op::MarkNotificationRead(id)
        } else {
            Op::MarkNotificationUnread(id)
        };
        self.call(op, &[], Some(&json!({}))).await
    }

    pub async fn mark_all_notifications_read(&self) -> Result<Ack, Error> {
        self.call(Op::MarkAllNotificationsRead, &[], Some(&json!({})))
            .await
    }
}
