//! Members, comments, files, subscriptions, tasks and notifications against the sandbox.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod common;
use common::{client, object, sandbox};
use infolobby::{Error, TaskScope, MAX_FILE_BYTES};
use serde_json::json;

#[tokio::test]
async fn members() {
    let s = sandbox().await;
    let owner = client(&s, "il_live_sandbox_owner");
    let roles: Vec<(String, String)> = owner
        .list_members(1)
        .await
        .unwrap()
        .into_iter()
        .map(|m| (m.name, m.role))
        .collect();
    assert_eq!(
        roles,
        [
            ("Ada".into(), "owner".into()),
            ("Alice".into(), "admin".into()),
            ("Bob".into(), "read_write".into())
        ]
    );
    let added = owner
        .add_member(2, "carol@example.com", "read_only")
        .await
        .unwrap();
    assert_eq!(
        (added.email.as_str(), added.role.as_str()),
        ("carol@example.com", "read_only")
    );
    assert_eq!(
        owner
            .change_member_role(2, added.user_id, "admin")
            .await
            .unwrap()
            .role,
        "admin"
    );
    assert!(owner.remove_member(2, added.user_id).await.unwrap().ok);
    assert!(
        matches!(
            owner.remove_member(2, 1).await,
            Err(Error::Validation { .. })
        ),
        "owner stays"
    );
    let alice = client(&s, "il_user_sandbox_alice");
    assert!(matches!(
        alice.list_members(1).await,
        Err(Error::NotAllowedForKey { .. })
    ));
    s.shutdown().await;
}

#[tokio::test]
async fn comments_and_files() {
    let s = sandbox().await;
    let alice = client(&s, "il_user_sandbox_alice");
    let seeded = alice.list_comments(2, 6, 20, 0).await.unwrap();
    assert_eq!(seeded.len(), 2);
    assert_eq!(seeded[0].attachments[0].name, "quote.pdf");
    let att = alice
        .upload_comment_file(2, 6, "note.txt", "text/plain", b"hello")
        .await
        .unwrap();
    assert_eq!((att.size, att.mime.as_str()), (5, "text/plain"));
    let c = alice
        .create_comment(2, 6, "See @{3:Bob}", std::slice::from_ref(&att))
        .await
        .unwrap();
    assert_eq!(
        (c.user_name.as_deref(), c.attachments.clone()),
        (Some("Alice"), vec![att.clone()])
    );
    assert_eq!(alice.list_comments(2, 6, 1, 2).await.unwrap()[0].id, c.id);
    // The comment's attachment comes back with the same bytes, and only from its own record.
    let mut got = Vec::new();
    alice
        .download_comment_file_with_progress(2, 6, c.id, &att.path, None)
        .await
        .unwrap()
        .write_to(&mut got)
        .unwrap();
    assert_eq!(got, b"hello");
    assert!(alice
        .download_comment_file_with_progress(2, 7, c.id, &att.path, None)
        .await
        .is_err());
    // Attachments only, no words.
    let only = alice
        .create_comment(2, 6, "", std::slice::from_ref(&att))
        .await
        .unwrap();
    assert_eq!((only.content.as_str(), only.attachments.len()), ("", 1));

    let bytes: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    let up = alice
        .upload_file(
            2,
            6,
            "attachments",
            "data.bin",
            "application/octet-stream",
            &bytes,
        )
        .await
        .unwrap();
    assert_eq!((up.field_id.as_str(), up.files.len()), ("attachments", 1));
    let path = up.files[0].path.clone();
    let down = alice
        .download_file(2, 6, "attachments", &path)
        .await
        .unwrap();
    assert_eq!((down.name.as_str(), down.bytes.len()), ("data.bin", 70_000));
    assert_eq!(down.bytes, bytes);
    let ro = client(&s, "il_live_sandbox_readonly");
    assert_eq!(
        ro.download_file(2, 6, "attachments", &path)
            .await
            .unwrap()
            .bytes,
        bytes
    );
    assert!(matches!(
        ro.upload_file(2, 6, "attachments", "x", "", b"x").await,
        Err(Error::Forbidden { .. })
    ));
    assert!(alice
        .delete_file(2, 6, "attachments", &path)
        .await
        .unwrap()
        .files
        .is_empty());
    assert!(matches!(
        alice.download_file(2, 6, "attachments", &path).await,
        Err(Error::NotFound { .. })
    ));
    // Too big: refused locally, with the limit in the message.
    let big = vec![0u8; MAX_FILE_BYTES + 1];
    let err = alice
        .upload_file(2, 6, "attachments", "big", "", &big)
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "The file is larger than InfoLobby accepts (10 MB)."
    );
    s.shutdown().await;
}

#[tokio::test]
async fn following() {
    let s = sandbox().await;
    let bob = client(&s, "il_user_sandbox_bob");
    assert!(!bob.following(1, Some(1)).await.unwrap().record);
    assert!(
        bob.follow_record(1, 1, true, false)
            .await
            .unwrap()
            .subscribed
    );
    assert!(
        matches!(bob.follow_record(1, 1, true, false).await, Err(Error::Validation { message }) if message == "Already subscribed")
    );
    assert!(
        bob.follow_record(1, 1, true, true)
            .await
            .unwrap()
            .subscribed
    );
    assert!(bob.following(1, Some(1)).await.unwrap().record);
    assert!(!bob.follow_table(1, false, true).await.unwrap().subscribed);
    s.shutdown().await;
}

#[tokio::test]
async fn tasks_and_notifications() {
    let s = sandbox().await;
    let owner = client(&s, "il_live_sandbox_owner");
    let alice = client(&s, "il_user_sandbox_alice");
    let before = alice.unread_count().await.unwrap();
    assert_eq!((before.unread, before.tasks_due), (2, 1));

    let t = owner.create_record_task(2, 7, object(json!({"title": "Call back", "assignee_email": "alice@example.com", "due_date": "2026-05-02", "due_time": "10:00", "reminder_offset_mins": 15}))).await.unwrap();
    assert_eq!(
        (t.assignee_user_id, t.reminder_at.as_deref(), t.is_done()),
        (Some(2), Some("2026-05-02 09:45:00"), false)
    );
    assert_eq!(
        alice.unread_count().await.unwrap().unread,
        3,
        "assignment notified"
    );
    let newest = &alice.list_notifications(true, 1, 0).await.unwrap()[0];
    assert_eq!(
        (newest.event_type.as_str(), newest.task_id, newest.is_read()),
        ("TASK_ASSIGNED", Some(t.id), false)
    );

    assert_eq!(
        owner
            .list_record_tasks(2, 7, Some(false), 50, 0)
            .await
            .unwrap()
            .len(),
        1
    );
    let renamed = alice
        .update_task(t.id, object(json!({"title": "Call back Grace"})))
        .await
        .unwrap();
    assert_eq!(renamed.title, "Call back Grace");
    assert!(alice.complete_task(t.id).await.unwrap().is_done());
    assert!(!alice.reopen_task(t.id).await.unwrap().is_done());
    let c = alice
        .comment_on_task(t.id, "Left a voicemail")
        .await
        .unwrap();
    assert_eq!(c.task_id, Some(t.id));
    assert_eq!(owner.list_task_comments(t.id).await.unwrap().len(), 1);
    let got = owner.get_task(t.id).await.unwrap();
    assert_eq!(got.extra["comment_count"], 1);

    let mine = alice
        .create_task(object(json!({"title": "Personal"})))
        .await
        .unwrap();
    assert_eq!((mine.table_id, mine.record_id), (None, None));
    let titles: Vec<String> = alice
        .my_tasks(TaskScope::AssignedToMe, Some(false), 200, 0)
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.title)
        .collect();
    assert!(
        titles.contains(&"Personal".to_string()) && titles.contains(&"Call back Grace".to_string())
    );
    assert!(matches!(
        owner.my_tasks(TaskScope::All, None, 200, 0).await,
        Err(Error::NotAllowedForKey { .. })
    ));
    assert!(
        matches!(owner.list_notifications(false, 10, 0).await, Err(e @ Error::NotAllowedForKey { .. }) if e.code() == "forbidden")
    );
    assert!(owner.delete_task(t.id).await.unwrap().ok);

    let id = alice.list_notifications(false, 1, 0).await.unwrap()[0].id;
    assert_eq!(
        alice.mark_notification(id, true).await.unwrap(),
        json!({"id": id, "read": true})
    );
    assert!(alice.mark_all_notifications_read().await.unwrap().ok);
    assert_eq!(alice.unread_count().await.unwrap().unread, 0);
    s.shutdown().await;
}

#[tokio::test]
async fn large_files_stream_with_progress() {
    use std::sync::{Arc, Mutex};
    let s = sandbox().await;
    let alice = client(&s, "il_user_sandbox_alice");
    // Not a multiple of the 48 KiB piece size nor of 3, so piece joins are exercised.
    let data: Vec<u8> = (0..3_000_001u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let bytes = bytes::Bytes::from(data.clone());
    let seen: Arc<Mutex<Vec<(u64, u64)>>> = Arc::default();
    let log = seen.clone();
    let progress: infolobby::Progress =
        Arc::new(move |done, total| log.lock().unwrap().push((done, total)));
    let up = alice
        .upload_file_with_progress(
            2,
            8,
            "attachments",
            "big.bin",
            "application/octet-stream",
            bytes.clone(),
            Some(progress.clone()),
        )
        .await
        .unwrap();
    let calls = seen.lock().unwrap().clone();
    assert!(calls.len() > 50, "{} progress calls", calls.len());
    assert!(
        calls.windows(2).all(|w| w[0].0 <= w[1].0),
        "progress only grows"
    );
    assert_eq!(calls.last(), Some(&(3_000_001, 3_000_001)));
    assert_eq!(up.files[0].size, 3_000_001);

    seen.lock().unwrap().clear();
    let down = alice
        .download_file_with_progress(2, 8, "attachments", &up.files[0].path, Some(progress))
        .await
        .unwrap();
    let mut bytes_down = Vec::new();
    down.write_to(&mut bytes_down).unwrap();
    assert_eq!(bytes_down, data, "bytes survive the round trip");
    let calls = seen.lock().unwrap().clone();
    assert!(!calls.is_empty());
    assert_eq!(
        calls.last().map(|c| c.0),
        calls.last().map(|c| c.1),
        "download reports completion"
    );

    // The same Bytes can be sent again (a retry after a failure costs no copy).
    let again = alice
        .upload_file_with_progress(2, 8, "attachments", "big2.bin", "", bytes, None)
        .await
        .unwrap();
    assert_eq!(again.files.len(), 2);
    s.shutdown().await;
}
