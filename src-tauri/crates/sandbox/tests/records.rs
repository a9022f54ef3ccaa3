//! §9: record CRUD with every field type, value formats on read and write, and write errors.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod common;
use common::*;
use serde_json::{json, Value};

#[tokio::test]
async fn a_record_round_trips_every_field_type() {
    let api = Api::start().await;
    let created = api
        .post(
            ALICE,
            &format!("/table/{DEALS}/records/create"),
            json!({"data": {
                "title": "Space probe",
                "contact": 1,
                "stakeholders": [{"id": 2, "title": "ignored"}, "3"],
                "amount": "1234.5",
                "probability": 0.5,
                "stage": ["Proposal"],
                "team": ["@me", {"email": "bob@example.com"}],
                "close_date": "2026-12-24",
                "attachments": [{"name": "hello.txt", "type": "text/plain", "data": "aGVsbG8="}],
            }}),
        )
        .await
        .ok();
    let id = created["id"].as_i64().unwrap();
    let got = api
        .get(OWNER, &format!("/table/{DEALS}/record/{id}/get"))
        .await
        .ok();
    assert_eq!(got, created);
    let d = &got["data"];
    assert_eq!(got["title"], "Space probe");
    assert_eq!(d["item_id"], id);
    assert_eq!(d["contact"], json!({"id": 1, "title": "Grace Hopper"}));
    assert_eq!(
        d["stakeholders"],
        json!([{"id": 2, "title": "Alan Turing"}, {"id": 3, "title": "Katherine Johnson"}])
    );
    assert_eq!(d["amount"], 1234.5);
    assert_eq!(d["expected_value"], 617.25, "calc = amount * probability");
    assert_eq!(d["stage"], "Proposal");
    assert_eq!(
        d["team"],
        json!([
        {"id": 2, "email": "alice@example.com", "name": "Alice"},
        {"id": 3, "email": "bob@example.com", "name": "Bob"}])
    );
    assert_eq!(d["close_date"], "2026-12-24");
    let files = d["attachments"].as_array().unwrap();
    assert_eq!(
        (files[0]["name"].as_str(), files[0]["size"].as_i64()),
        (Some("hello.txt"), Some(5))
    );
    assert!(files[0]["path"].as_str().unwrap().starts_with('/'));

    let t = api.post(OWNER, &format!("/table/{TICKETS}/records/create"), json!({"data": {
        "subject": "Clock", "opened_at": "2026-05-01T08:30:00", "response_time": "07:15", "effort_hours": 49.6,
        "labels": "bug, login", "priority": [], "assignee": 2}})).await.ok();
    assert_eq!(t["data"]["opened_at"], "2026-05-01 08:30:00");
    assert_eq!(t["data"]["response_time"], "07:15:00");
    assert_eq!(t["data"]["effort_hours"], 50, "integer fields round (§9.4)");
    assert_eq!(t["data"]["labels"], json!(["bug", "login"]));
    assert_eq!(t["data"]["priority"], Value::Null);
    assert_eq!(t["data"]["assignee"]["email"], "alice@example.com");
}

#[tokio::test]
async fn updates_are_partial_and_deletes_remove() {
    let api = Api::start().await;
    let path = format!("/table/{CONTACTS}/record/2/update");
    let before = api
        .get(OWNER, &format!("/table/{CONTACTS}/record/2/get"))
        .await
        .ok();
    let after = api
        .post(
            OWNER,
            &path,
            json!({"data": {"status": "Customer", "email": null}}),
        )
        .await
        .ok();
    assert_eq!(after["data"]["status"], "Customer");
    assert_eq!(after["data"]["email"], Value::Null);
    assert_eq!(
        after["data"]["name"], before["data"]["name"],
        "untouched fields stay"
    );

    assert_eq!(
        api.post(
            OWNER,
            &format!("/table/{CONTACTS}/record/2/delete"),
            json!({})
        )
        .await
        .ok(),
        json!({"ok": true})
    );
    api.get(OWNER, &format!("/table/{CONTACTS}/record/2/get"))
        .await
        .err(500, "Record not found");
    api.post(
        OWNER,
        &format!("/table/{CONTACTS}/record/2/delete"),
        json!({}),
    )
    .await
    .err(500, "Record not found");
    // A record of another table is not found through this one.
    api.get(OWNER, &format!("/table/{DEALS}/record/1/get"))
        .await
        .err(500, "Record not found");

    let batch = api
        .post(
            OWNER,
            &format!("/table/{TICKETS}/records/delete_batch"),
            json!({"record_ids": [11, 12, 13, 999999]}),
        )
        .await
        .ok();
    assert_eq!(batch, json!({"ok": true, "deleted": 3}));
    let count = api
        .post(OWNER, &format!("/table/{TICKETS}/records/count"), json!({}))
        .await
        .ok();
    assert_eq!(count["total"], 2597);
    api.post(
        OWNER,
        &format!("/table/{TICKETS}/records/delete_batch"),
        json!({"record_ids": "11"}),
    )
    .await
    .err(500, "Invalid parameters");
}

#[tokio::test]
async fn bad_writes_get_the_services_messages() {
    let api = Api::start().await;
    let create = format!("/table/{DEALS}/records/create");
    for (data, status, msg) in [
        (json!({}), 500, "Unknown column '' in 'field list'"),
        (
            json!({"nope": 1}),
            500,
            "Unauthorized - no field edit permissions for field: nope",
        ),
        (
            json!({"item_id": 5}),
            500,
            "Unassignable - cannot set computed field: item_id",
        ),
        (
            json!({"expected_value": 5}),
            500,
            "Unassignable - cannot set calculation field: expected_value",
        ),
        (json!({"stage": "Maybe"}), 500, "Invalid Option Maybe"),
        (json!({"stage": ["Won", "Lost"]}), 500, "Only one option"),
        (json!({"team": [99]}), 500, "Invalid User 99 for Team"),
        (json!({"contact": 12}), 500, "Invalid lookup 12 for Contact"),
        (json!({"amount": "lots"}), 500, "Invalid value for Amount"),
        (
            json!({"close_date": "24/12/2026"}),
            500,
            "Invalid value for Close Date",
        ),
        (
            json!({"attachments": [{"name": "x", "data": "***"}]}),
            500,
            "not base64",
        ),
        (
            json!({"attachments": [{"name": "x", "url": "https://example.com/x"}]}),
            500,
            "does not download",
        ),
    ] {
        api.post(OWNER, &create, json!({"data": data}))
            .await
            .err(status, msg);
    }
    // Bob is not a member of Operations, so he cannot be put in a user field there.
    api.post(
        OWNER,
        &format!("/table/{TICKETS}/records/create"),
        json!({"data": {"assignee": "bob@example.com"}}),
    )
    .await
    .err(500, "Invalid User bob@example.com for Assignee");
    api.post(OWNER, &create, json!({"data": "title"}))
        .await
        .err(500, "Invalid parameters");
    // Nothing above was created.
    let count = api
        .post(OWNER, &format!("/table/{DEALS}/records/count"), json!({}))
        .await
        .ok();
    assert_eq!(count["total"], 5);
}

#[tokio::test]
async fn views_list_default_first_then_by_name() {
    let api = Api::start().await;
    let views = api
        .get(ALICE, &format!("/table/{TICKETS}/views/list"))
        .await
        .ok();
    let names: Vec<&str> = views
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Default", "Billing", "Urgent"]);
    assert_eq!(views[0]["id"], 0);
    assert_eq!(views[0]["is_default"], true);
    assert_eq!(views[0]["created_at"], "");
    let urgent = views
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == "Urgent")
        .unwrap();
    assert_eq!(urgent["is_table_default"], true);
    let id = urgent["id"].as_i64().unwrap();
    assert_eq!(
        api.get(ALICE, &format!("/table/{TICKETS}/view/{id}/get"))
            .await
            .ok(),
        *urgent
    );
    assert_eq!(
        api.get(ALICE, &format!("/table/{TICKETS}/view/0/get"))
            .await
            .ok()["name"],
        "Default"
    );
    api.get(OWNER, &format!("/table/{CONTACTS}/view/{id}/get"))
        .await
        .err(404, "View not found");
}
