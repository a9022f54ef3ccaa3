//! §10 comments, §11 files and §12 subscriptions, through the API.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod common;
use common::*;
use infolobby_sandbox::Config;
use serde_json::json;

fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[tokio::test]
async fn comments_with_uploads_and_mentions() {
    let api = Api::start().await;
    let base = format!("/table/{DEALS}/record/6");
    let upload = api
        .post(
            ALICE,
            &format!("{base}/comments/upload"),
            json!({"name": "quote.pdf", "type": "application/pdf", "data": b64(b"%PDF-1.4")}),
        )
        .await
        .ok();
    assert_eq!(
        (
            upload["name"].as_str(),
            upload["size"].as_i64(),
            upload["type"].as_str()
        ),
        (Some("quote.pdf"), Some(8), Some("application/pdf"))
    );
    let c = api
        .post(
            ALICE,
            &format!("{base}/comments/create"),
            json!({"content": "Quote for @{3:Bob}", "attachments": [upload]}),
        )
        .await
        .ok();
    assert_eq!(
        (
            c["user_id"].as_i64(),
            c["user_name"].as_str(),
            c["record_id"].as_i64()
        ),
        (Some(2), Some("Alice"), Some(6))
    );
    assert_eq!(
        c["api_key_id"],
        serde_json::Value::Null,
        "personal keys post as the user"
    );
    let by_key = api
        .post(
            OWNER,
            &format!("{base}/comments/create"),
            json!({"content": "Synced"}),
        )
        .await
        .ok();
    assert!(by_key["api_key_id"].is_i64(), "account keys are recorded");
    let list = api
        .get(READONLY, &format!("{base}/comments/get"))
        .await
        .ok();
    // Two seeded comments come first (oldest first), then these two.
    assert_eq!(list.as_array().unwrap().len(), 4);
    assert_eq!(
        list[0]["attachments"][0]["name"], "quote.pdf",
        "seeded comment with attachment"
    );
    assert_eq!(list[2]["attachments"][0]["path"], upload["path"]);
    let page = api
        .get(OWNER, &format!("{base}/comments/get?limit=1&offset=3"))
        .await
        .ok();
    assert_eq!(page[0]["content"], "Synced");
    api.get(OWNER, &format!("{base}/comments/get?limit=101"))
        .await
        .err(500, "Invalid parameters");

    api.post(
        OWNER,
        &format!("{base}/comments/create"),
        json!({"content": "  "}),
    )
    .await
    .err(500, "Missing content");
    api.post(
        READONLY,
        &format!("{base}/comments/create"),
        json!({"content": "x"}),
    )
    .await
    .err(403, "read-only");
    let foreign = json!({"name": "x", "path": "/comments/1/../../etc/passwd", "type": "", "size": 1, "host": ""});
    api.post(
        OWNER,
        &format!("{base}/comments/create"),
        json!({"content": "x", "attachments": [foreign]}),
    )
    .await
    .err(500, "Unsafe");
    // An upload made for another table cannot be attached here.
    let other = api
        .post(
            OWNER,
            &format!("/table/{CONTACTS}/record/1/comments/upload"),
            json!({"name": "a.txt", "data": b64(b"a")}),
        )
        .await
        .ok();
    api.post(
        OWNER,
        &format!("{base}/comments/create"),
        json!({"content": "x", "attachments": [other]}),
    )
    .await
    .err(500, "not uploaded to this table");
    api.get(OWNER, &format!("/table/{DEALS}/record/1/comments/get"))
        .await
        .err(500, "Record not found");
}

#[tokio::test]
async fn files_upload_download_and_delete() {
    let api = Api::with(Config {
        max_file_bytes: 64 * 1024,
        ..Config::default()
    })
    .await;
    let base = format!("/table/{DEALS}/record/7/files");
    let bytes: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
    let first = api
        .post(
            ALICE,
            &format!("{base}/create"),
            json!({"field_id": "attachments", "name": "a.bin", "data": b64(&bytes)}),
        )
        .await
        .ok();
    let second = api.post(ALICE, &format!("{base}/create"), json!({"field_id": "attachments", "name": "b.txt", "type": "text/plain", "data": b64(b"hi")})).await.ok();
    assert_eq!(second["field_id"], "attachments");
    let files = second["files"].as_array().unwrap();
    assert_eq!(files.len(), 2, "existing attachments preserved");
    assert_eq!(files[0], first["files"][0]);
    let path = files[0]["path"].as_str().unwrap();
    let got = api
        .post(
            READONLY,
            &format!("{base}/get"),
            json!({"field_id": "attachments", "path": path}),
        )
        .await
        .ok();
    assert_eq!(
        (got["name"].as_str(), got["size"].as_u64()),
        (Some("a.bin"), Some(5000))
    );
    assert_eq!(got["data"], b64(&bytes));
    let record = api
        .get(OWNER, &format!("/table/{DEALS}/record/7/get"))
        .await
        .ok();
    assert_eq!(record["data"]["attachments"], second["files"]);

    let del = api
        .post(
            ALICE,
            &format!("{base}/delete"),
            json!({"field_id": "attachments", "path": path}),
        )
        .await
        .ok();
    assert_eq!(del["files"].as_array().unwrap().len(), 1);
    api.post(
        ALICE,
        &format!("{base}/delete"),
        json!({"field_id": "attachments", "path": path}),
    )
    .await
    .err(500, "File not found");
    api.post(
        ALICE,
        &format!("{base}/get"),
        json!({"field_id": "attachments", "path": path}),
    )
    .await
    .err(500, "File not found");

    api.post(
        READONLY,
        &format!("{base}/create"),
        json!({"field_id": "attachments", "name": "x", "data": "eA=="}),
    )
    .await
    .err(403, "read-only");
    api.post(
        OWNER,
        &format!("{base}/create"),
        json!({"field_id": "title", "name": "x", "data": "eA=="}),
    )
    .await
    .err(500, "not a file field");
    api.post(
        OWNER,
        &format!("{base}/create"),
        json!({"field_id": "nope", "name": "x", "data": "eA=="}),
    )
    .await
    .err(500, "no field edit permissions");
    api.post(
        OWNER,
        &format!("{base}/create"),
        json!({"field_id": "attachments", "name": "x", "data": "!!"}),
    )
    .await
    .err(500, "not base64");
    api.post(
        OWNER,
        &format!("{base}/create"),
        json!({"field_id": "attachments", "name": "big", "data": b64(&vec![1u8; 64 * 1024 + 1])}),
    )
    .await
    .err(413, "Payload Too Large");
    // A failed upload changed nothing.
    let after = api
        .get(OWNER, &format!("/table/{DEALS}/record/7/get"))
        .await
        .ok();
    assert_eq!(after["data"]["attachments"], del["files"]);
}

#[tokio::test]
async fn subscriptions_with_force_and_status() {
    let api = Api::start().await;
    let status = |rid: i64| json!({"record_id": rid});
    let s = api
        .post(BOB, &format!("/subscriptions/{CONTACTS}/status"), status(1))
        .await
        .ok();
    assert_eq!(s, json!({"table": false, "record": false}));
    assert_eq!(
        api.post(
            BOB,
            &format!("/subscriptions/{CONTACTS}/subscribe"),
            json!({})
        )
        .await
        .ok(),
        json!({"ok": true, "subscribed": true})
    );
    api.post(
        BOB,
        &format!("/subscriptions/{CONTACTS}/subscribe"),
        json!({}),
    )
    .await
    .err(500, "Already subscribed");
    api.post(
        BOB,
        &format!("/subscriptions/{CONTACTS}/subscribe"),
        json!({"force": true}),
    )
    .await
    .ok();
    api.post(
        BOB,
        &format!("/subscriptions/{CONTACTS}/1/subscribe"),
        json!({}),
    )
    .await
    .ok();
    assert_eq!(
        api.post(BOB, &format!("/subscriptions/{CONTACTS}/status"), status(1))
            .await
            .ok(),
        json!({"table": true, "record": true})
    );
    assert_eq!(
        api.post(
            BOB,
            &format!("/subscriptions/{CONTACTS}/1/unsubscribe"),
            json!({})
        )
        .await
        .ok(),
        json!({"ok": true, "subscribed": false})
    );
    api.post(
        BOB,
        &format!("/subscriptions/{CONTACTS}/1/unsubscribe"),
        json!({}),
    )
    .await
    .err(500, "Not subscribed");
    api.post(
        BOB,
        &format!("/subscriptions/{CONTACTS}/1/unsubscribe"),
        json!({"force": true}),
    )
    .await
    .ok();
    api.post(
        READONLY,
        &format!("/subscriptions/{CONTACTS}/subscribe"),
        json!({}),
    )
    .await
    .err(403, "read-only");
    assert_eq!(
        api.post(
            READONLY,
            &format!("/subscriptions/{CONTACTS}/status"),
            json!({})
        )
        .await
        .ok()["record"],
        false
    );
    api.post(
        BOB,
        &format!("/subscriptions/{TICKETS}/subscribe"),
        json!({}),
    )
    .await
    .err(403, "not a member");
    api.post(
        BOB,
        &format!("/subscriptions/{CONTACTS}/999/subscribe"),
        json!({}),
    )
    .await
    .err(500, "Record not found");
    // Editing a record follows it; being put in its user field follows it too.
    api.post(
        ALICE,
        &format!("/table/{CONTACTS}/record/2/update"),
        json!({"data": {"account_manager": "bob@example.com"}}),
    )
    .await
    .ok();
    assert_eq!(
        api.post(
            ALICE,
            &format!("/subscriptions/{CONTACTS}/status"),
            status(2)
        )
        .await
        .ok()["record"],
        true
    );
    assert_eq!(
        api.post(BOB, &format!("/subscriptions/{CONTACTS}/status"), status(2))
            .await
            .ok()["record"],
        true
    );
}
