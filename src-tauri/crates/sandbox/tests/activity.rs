//! §13 tasks and §14 notifications, and the triggers that produce notifications (§12).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod common;
use common::*;
use serde_json::{json, Value};

async fn unread(api: &Api, key: &str) -> i64 {
    api.post(key, "/notifications/unreadCount", json!({}))
        .await
        .ok()["unread"]
        .as_i64()
        .unwrap()
}

async fn newest(api: &Api, key: &str) -> Value {
    api.post(key, "/notifications/list", json!({"limit": 1}))
        .await
        .ok()[0]
        .clone()
}

#[tokio::test]
async fn notifications_are_personal_and_track_seen_and_read() {
    let api = Api::start().await;
    api.post(OWNER, "/notifications/list", json!({}))
        .await
        .err(403, "personal API keys");
    api.post(OWNER, "/notifications/unreadCount", json!({}))
        .await
        .err(403, "personal API keys");
    assert_eq!(unread(&api, ALICE).await, 2);
    let counts = api
        .post(ALICE, "/notifications/unreadCount", json!({}))
        .await
        .ok();
    assert_eq!(counts["tasksDue"], 1, "Send proposal was due 2026-05-01");
    let list = api
        .post(ALICE, "/notifications/list", json!({"filter": "unread"}))
        .await
        .ok();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert!(
        list.iter()
            .all(|n| n["seen_at"].is_string() && n["read_at"].is_null()),
        "listing marks seen, not read"
    );
    assert_eq!(unread(&api, ALICE).await, 2);
    let id = list[0]["id"].as_i64().unwrap();
    assert_eq!(
        api.post(ALICE, &format!("/notifications/{id}/markRead"), json!({}))
            .await
            .ok(),
        json!({"id": id, "read": true})
    );
    assert_eq!(unread(&api, ALICE).await, 1);
    assert_eq!(
        api.post(ALICE, &format!("/notifications/{id}/markUnread"), json!({}))
            .await
            .ok(),
        json!({"id": id, "read": false})
    );
    assert_eq!(unread(&api, ALICE).await, 2);
    // Someone else's notification is not found.
    api.post(BOB, &format!("/notifications/{id}/markRead"), json!({}))
        .await
        .err(500, "Notification not found");
    assert_eq!(
        api.post(ALICE, "/notifications/markAllRead", json!({}))
            .await
            .ok(),
        json!({"ok": true})
    );
    assert_eq!(unread(&api, ALICE).await, 0);
    assert!(api
        .post(ALICE, "/notifications/list", json!({"filter": "unread"}))
        .await
        .ok()
        .as_array()
        .unwrap()
        .is_empty());
    api.post(ALICE, "/notifications/list", json!({"limit": 201}))
        .await
        .err(500, "Invalid parameters");
}

#[tokio::test]
async fn followers_hear_of_activity_by_others() {
    let api = Api::start().await;
    let bob_before = unread(&api, BOB).await;
    let alice_before = unread(&api, ALICE).await;
    // Bob follows deal 6; Alice follows the Deals table. Ada (owner key) edits it.
    api.post(
        OWNER,
        &format!("/table/{DEALS}/record/6/update"),
        json!({"data": {"amount": 1}}),
    )
    .await
    .ok();
    assert_eq!(unread(&api, BOB).await, bob_before + 1);
    assert_eq!(unread(&api, ALICE).await, alice_before + 1);
    let n = newest(&api, BOB).await;
    assert_eq!(
        (
            n["event_type"].as_str(),
            n["actor_user_id"].as_i64(),
            n["record_id"].as_i64()
        ),
        (Some("RECORD_UPDATED"), Some(1), Some(6))
    );
    assert_eq!(n["message"], "Ada updated “Navy compiler licence” in Deals");

    // Your own activity does not notify you.
    api.post(
        ALICE,
        &format!("/table/{DEALS}/record/6/update"),
        json!({"data": {"amount": 2}}),
    )
    .await
    .ok();
    assert_eq!(unread(&api, ALICE).await, alice_before + 1);
    assert_eq!(newest(&api, BOB).await["actor_user_id"], 2);

    // Table followers hear of new records; mentions reach the mentioned member as MENTION.
    api.post(
        OWNER,
        &format!("/table/{DEALS}/records/create"),
        json!({"data": {"title": "New deal"}}),
    )
    .await
    .ok();
    assert_eq!(newest(&api, ALICE).await["event_type"], "RECORD_CREATED");
    api.post(
        ALICE,
        &format!("/table/{DEALS}/record/6/comments/create"),
        json!({"content": "ping @{3:Bob}"}),
    )
    .await
    .ok();
    let n = newest(&api, BOB).await;
    assert_eq!(
        (n["event_type"].as_str(), n["summary"].as_str()),
        (Some("MENTION"), Some("ping @{3:Bob}"))
    );
    api.post(
        BOB,
        &format!("/table/{DEALS}/record/6/comments/create"),
        json!({"content": "done"}),
    )
    .await
    .ok();
    assert_eq!(newest(&api, ALICE).await["event_type"], "RECORD_COMMENT");

    // Being put in a user field follows the record: Bob then hears about later edits.
    api.post(
        ALICE,
        &format!("/table/{CONTACTS}/record/1/update"),
        json!({"data": {"account_manager": 3}}),
    )
    .await
    .ok();
    let before = unread(&api, BOB).await;
    api.post(
        OWNER,
        &format!("/table/{CONTACTS}/record/1/update"),
        json!({"data": {"notes": "x"}}),
    )
    .await
    .ok();
    assert_eq!(unread(&api, BOB).await, before + 1);
    api.post(
        OWNER,
        &format!("/table/{CONTACTS}/record/1/delete"),
        json!({}),
    )
    .await
    .ok();
    assert_eq!(newest(&api, BOB).await["event_type"], "RECORD_DELETED");
}

#[tokio::test]
async fn record_task_lifecycle() {
    let api = Api::start().await;
    let base = format!("/tasks/onRecord/{DEALS}/7");
    let task = api
        .post(
            OWNER,
            &format!("{base}/create"),
            json!({
        "title": "Send contract", "details": "v2", "assignee_email": "alice@example.com",
        "due_date": "2026-05-01", "due_time": "09:00", "reminder_offset_mins": 30}),
        )
        .await
        .ok();
    assert_eq!(
        (
            task["status"].as_str(),
            task["assignee_user_id"].as_i64(),
            task["record_id"].as_i64()
        ),
        (Some("open"), Some(2), Some(7))
    );
    assert_eq!(
        (task["due_time"].as_str(), task["reminder_at"].as_str()),
        (Some("09:00:00"), Some("2026-05-01 08:30:00"))
    );
    let id = task["id"].as_i64().unwrap();
    let n = newest(&api, ALICE).await;
    assert_eq!(
        (n["event_type"].as_str(), n["task_id"].as_i64()),
        (Some("TASK_ASSIGNED"), Some(id))
    );

    for (body, msg) in [
        (json!({}), "Missing title"),
        (
            json!({"title": "x", "due_time": "09:00"}),
            "due_time needs a due_date",
        ),
        (
            json!({"title": "x", "due_date": "2026-05-01", "reminder_offset_mins": 5}),
            "needs a due_time",
        ),
        (
            json!({"title": "x", "due_date": "2026-05-01", "due_time": "09:00", "reminder_offset_mins": 5, "reminder_time": "08:00"}),
            "cannot both",
        ),
        (
            json!({"title": "x", "assignee_user_id": 3, "due_date": "May"}),
            "Invalid due_date",
        ),
        (
            json!({"title": "x", "assignee_email": "nobody@example.com"}),
            "Invalid assignee",
        ),
    ] {
        api.post(OWNER, &format!("{base}/create"), body)
            .await
            .err(500, msg);
    }
    api.post(READONLY, &format!("{base}/create"), json!({"title": "x"}))
        .await
        .err(403, "read-only");
    let blank = api
        .post(
            BOB,
            &format!("{base}/create"),
            json!({"title": "Mine", "due_date": "2026-06-01", "reminder_time": "08:00"}),
        )
        .await
        .ok();
    assert_eq!(
        (
            blank["assignee_user_id"].as_i64(),
            blank["reminder_at"].as_str()
        ),
        (Some(3), Some("2026-06-01 08:00:00"))
    );

    let listed = api
        .get(READONLY, &format!("{base}/list?status=open"))
        .await
        .ok();
    assert_eq!(listed.as_array().unwrap().len(), 2);
    let updated = api
        .post(
            ALICE,
            &format!("/task/{id}/update"),
            json!({"title": "Send signed contract", "assignee_user_id": 3}),
        )
        .await
        .ok();
    assert_eq!(
        (
            updated["title"].as_str(),
            updated["assignee_user_id"].as_i64()
        ),
        (Some("Send signed contract"), Some(3))
    );
    assert_eq!(
        updated["reminder_at"], "2026-05-01 08:30:00",
        "unchanged fields kept"
    );
    assert_eq!(newest(&api, BOB).await["event_type"], "TASK_ASSIGNED");

    let done = api
        .post(BOB, &format!("/task/{id}/done"), json!({}))
        .await
        .ok();
    assert_eq!(
        (
            done["status"].as_str(),
            done["completed_by_user_id"].as_i64()
        ),
        (Some("done"), Some(3))
    );
    assert!(done["completed_at"].is_string());
    assert_eq!(
        api.get(OWNER, &format!("{base}/list?status=done"))
            .await
            .ok()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let reopened = api
        .post(BOB, &format!("/task/{id}/reopen"), json!({}))
        .await
        .ok();
    assert_eq!(
        (
            reopened["status"].as_str(),
            reopened["completed_at"].clone()
        ),
        (Some("open"), Value::Null)
    );

    let c = api
        .post(
            BOB,
            &format!("/task/{id}/comments/create"),
            json!({"content": "On it"}),
        )
        .await
        .ok();
    assert_eq!(
        (c["task_id"].as_i64(), c["content"].as_str()),
        (Some(id), Some("On it"))
    );
    let n = newest(&api, ALICE).await;
    assert_eq!(
        (n["event_type"].as_str(), n["task_id"].as_i64()),
        (Some("TASK_COMMENT"), Some(id))
    );
    assert_eq!(
        api.get(ALICE, &format!("/task/{id}/comments/get"))
            .await
            .ok()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let got = api.get(ALICE, &format!("/task/{id}/get")).await.ok();
    assert_eq!(
        (got["comment_count"].as_i64(), got["subscribed"].as_bool()),
        (Some(1), Some(true))
    );
    assert_eq!(got["subscribers"], json!([1, 2, 3]));

    // Bob (assignee, not creator, not admin) may edit but not delete.
    api.post(BOB, &format!("/task/{id}/delete"), json!({}))
        .await
        .err(403, "creator or a workspace admin");
    assert_eq!(
        api.post(ALICE, &format!("/task/{id}/delete"), json!({}))
            .await
            .ok(),
        json!({"ok": true})
    );
    api.get(OWNER, &format!("/task/{id}/get"))
        .await
        .err(500, "Task not found");
}

#[tokio::test]
async fn standalone_tasks_are_for_personal_keys() {
    let api = Api::start().await;
    api.post(OWNER, "/tasks/create", json!({"title": "x"}))
        .await
        .err(403, "Task is not on a record");
    api.get(OWNER, "/tasks/list")
        .await
        .err(403, "Task is not on a record");
    let mine = api.get(ALICE, "/tasks/list").await.ok();
    let titles: Vec<&str> = mine
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        vec![
            "Send proposal",
            "Reproduce login bug",
            "Prepare quarterly review"
        ]
    );
    let standalone = mine
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["record_id"].is_null())
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    api.get(OWNER, &format!("/task/{standalone}/get"))
        .await
        .err(403, "Task is not on a record");
    api.get(BOB, &format!("/task/{standalone}/get"))
        .await
        .err(500, "Task not found");

    let t = api
        .post(
            ALICE,
            "/tasks/create",
            json!({"title": "Ask Bob", "assignee_user_id": 3}),
        )
        .await
        .ok();
    assert_eq!(
        (t["table_id"].clone(), t["record_id"].clone()),
        (Value::Null, Value::Null)
    );
    api.post(ALICE_RO, "/tasks/create", json!({"title": "x"}))
        .await
        .err(403, "read-only");
    let bob = api
        .get(BOB, "/tasks/list?assigned=me&status=open")
        .await
        .ok();
    assert!(bob.as_array().unwrap().iter().any(|x| x["id"] == t["id"]));
    let created = api.get(ALICE, "/tasks/list?assigned=created").await.ok();
    assert_eq!(created.as_array().unwrap().len(), 3);
    api.get(ALICE, "/tasks/list?assigned=everyone")
        .await
        .err(500, "Invalid parameters");
}
