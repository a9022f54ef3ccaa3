//! §2: keys, kinds, restrictions, read-only, revoked and IP-locked keys, and the capability
//! matrix §2.2 for the operations served so far.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod common;
use common::*;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn keys_see_the_spaces_they_should() {
    let api = Api::start().await;
    for (key, expected) in [
        (OWNER, vec!["Sales CRM", "Operations"]),
        (RESTRICTED, vec!["Sales CRM"]),
        (READONLY, vec!["Sales CRM", "Operations"]),
        (ALICE, vec!["Sales CRM", "Operations"]),
        (ALICE_RO, vec!["Sales CRM", "Operations"]),
        (BOB, vec!["Sales CRM"]),
    ] {
        let spaces = api.get(key, "/spaces/list").await.ok();
        let names: Vec<&str> = spaces
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, expected, "{key}");
    }
}

#[tokio::test]
async fn bad_keys_get_401_with_a_reason() {
    let api = Api::start().await;
    api.call(None, Method::GET, "/spaces/list", None)
        .await
        .err(401, "Missing API key");
    api.get("il_live_nope", "/spaces/list")
        .await
        .err(401, "Invalid API key");
    api.get("sk_something_else", "/spaces/list")
        .await
        .err(401, "Invalid API key");
    api.get(REVOKED, "/spaces/list").await.err(401, "revoked");
    api.get(IPLOCKED, "/spaces/list").await.err(401, "IP");
}

#[tokio::test]
async fn restricted_and_member_scopes_are_enforced() {
    let api = Api::start().await;
    api.get(RESTRICTED, &format!("/space/{OPERATIONS}/get"))
        .await
        .err(403, "not whitelisted");
    api.get(RESTRICTED, &format!("/table/{TICKETS}/get"))
        .await
        .err(403, "not whitelisted");
    api.get(BOB, &format!("/space/{OPERATIONS}/get"))
        .await
        .err(403, "not a member");
    api.get(OWNER, "/space/999/get")
        .await
        .err(500, "Space does not exist");
    assert_eq!(
        api.get(RESTRICTED, &format!("/space/{SALES}/get"))
            .await
            .ok()["name"],
        "Sales CRM"
    );
}

#[tokio::test]
async fn workspace_management_needs_an_unrestricted_writable_account_key() {
    let api = Api::start().await;
    for (key, msg) in [
        (ALICE, "Personal API keys"),
        (RESTRICTED, "Workspace-restricted"),
        (READONLY, "read-only"),
    ] {
        api.post(key, "/spaces/create", json!({"name": "X"}))
            .await
            .err(403, msg);
        api.post(key, &format!("/space/{SALES}/update"), json!({"name": "X"}))
            .await
            .err(403, msg);
        api.post(key, &format!("/space/{SALES}/delete"), json!({}))
            .await
            .err(403, msg);
    }
    let created = api
        .post(
            OWNER,
            "/spaces/create",
            json!({"name": "Marketing", "settings_color": "#FF0000"}),
        )
        .await
        .ok();
    let id = created["id"].as_i64().unwrap();
    assert_eq!(created["name"], "Marketing");
    assert_eq!(created["account_id"], 1);
    let updated = api
        .post(
            OWNER,
            &format!("/space/{id}/update"),
            json!({"name": "Growth"}),
        )
        .await
        .ok();
    assert_eq!(
        (updated["name"].as_str(), updated["settings_color"].as_str()),
        (Some("Growth"), Some("#FF0000"))
    );
    api.post(
        OWNER,
        "/spaces/create",
        json!({"settings_color": "#FF0000"}),
    )
    .await
    .err(500, "Missing name");
    api.post(
        OWNER,
        "/spaces/create",
        json!({"name": "Y", "settings_color": "red"}),
    )
    .await
    .err(500, "Invalid colour");
    assert_eq!(
        api.post(OWNER, &format!("/space/{id}/delete"), json!({}))
            .await
            .ok(),
        json!({"ok": true})
    );
    api.get(OWNER, &format!("/space/{id}/get"))
        .await
        .err(500, "Space does not exist");
}

#[tokio::test]
async fn members_are_managed_by_account_keys_only() {
    let api = Api::start().await;
    let path = format!("/space/{SALES}/members/list");
    api.get(ALICE, &path).await.err(403, "Personal API keys");
    let members = api.get(RESTRICTED, &path).await.ok();
    let roles: Vec<(String, String)> = members
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["email"].as_str().unwrap().into(),
                m["role"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        roles,
        vec![
            ("ada@example.com".into(), "owner".into()),
            ("alice@example.com".into(), "admin".into()),
            ("bob@example.com".into(), "read_write".into()),
        ]
    );
    api.post(
        READONLY,
        &format!("/space/{SALES}/members/add"),
        json!({"email": "c@example.com", "role": "read_only"}),
    )
    .await
    .err(403, "read-only");
    let added = api
        .post(
            OWNER,
            &format!("/space/{OPERATIONS}/members/add"),
            json!({"email": "bob@example.com", "role": "read_only"}),
        )
        .await
        .ok();
    assert_eq!(
        (added["user_id"].as_i64(), added["role"].as_str()),
        (Some(3), Some("read_only"))
    );
    // Bob now sees Operations, but his read-only role keeps him from writing there.
    assert_eq!(
        api.get(BOB, "/spaces/list")
            .await
            .ok()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    api.post(
        BOB,
        &format!("/table/{TICKETS}/records/create"),
        json!({"data": {"subject": "x"}}),
    )
    .await
    .err(403, "read-only");
    let changed = api
        .post(
            OWNER,
            &format!("/space/{OPERATIONS}/members/3/update"),
            json!({"role": "read_write"}),
        )
        .await
        .ok();
    assert_eq!(changed["role"], "read_write");
    api.post(
        BOB,
        &format!("/table/{TICKETS}/records/create"),
        json!({"data": {"subject": "x"}}),
    )
    .await
    .ok();
    api.post(
        OWNER,
        &format!("/space/{OPERATIONS}/members/3/update"),
        json!({"role": "boss"}),
    )
    .await
    .err(500, "Invalid role");
    api.post(
        OWNER,
        &format!("/space/{OPERATIONS}/members/1/update"),
        json!({"role": "read_only"}),
    )
    .await
    .err(500, "owner cannot be demoted");
    api.post(
        OWNER,
        &format!("/space/{OPERATIONS}/members/1/remove"),
        json!({}),
    )
    .await
    .err(500, "owner cannot be removed");
    api.post(
        OWNER,
        &format!("/space/{OPERATIONS}/members/3/remove"),
        json!({}),
    )
    .await
    .ok();
    api.get(BOB, &format!("/space/{OPERATIONS}/get"))
        .await
        .err(403, "not a member");
}

#[tokio::test]
async fn table_schema_changes_need_a_writable_account_key() {
    let api = Api::start().await;
    let def = json!({"name": "Leads", "fields": [{"name": "Full Name", "type": "text"}, {"name": "Score", "type": "number"}]});
    api.post(ALICE, &format!("/space/{SALES}/tables/create"), def.clone())
        .await
        .err(403, "Personal API keys");
    api.post(
        READONLY,
        &format!("/space/{SALES}/tables/create"),
        def.clone(),
    )
    .await
    .err(403, "read-only");
    api.post(
        RESTRICTED,
        &format!("/space/{OPERATIONS}/tables/create"),
        def.clone(),
    )
    .await
    .err(403, "not whitelisted");
    // A restricted key may change tables inside its own workspaces (A1).
    let t = api
        .post(RESTRICTED, &format!("/space/{SALES}/tables/create"), def)
        .await
        .ok();
    let ids: Vec<&str> = t["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec!["item_id", "full_name", "score"]);
    assert_eq!(t["fields"][0]["key"], "true");
    let tid = t["id"].as_i64().unwrap();
    let u = api
        .post(
            RESTRICTED,
            &format!("/table/{tid}/update"),
            json!({"name": "Prospects"}),
        )
        .await
        .ok();
    assert_eq!(u["name"], "Prospects");
    api.post(ALICE, &format!("/table/{tid}/delete"), json!({}))
        .await
        .err(403, "Personal API keys");
    api.post(OWNER, &format!("/space/{SALES}/tables/create"), json!({"name": "D", "fields": [{"id": "a", "name": "A", "type": "text"}, {"id": "a", "name": "B", "type": "text"}]})).await.err(500, "Duplicate field id");
    api.post(
        OWNER,
        &format!("/space/{SALES}/tables/create"),
        json!({"name": "D", "fields": [{"name": "A", "type": "hologram"}]}),
    )
    .await
    .err(500, "Invalid field type");
    api.post(RESTRICTED, &format!("/table/{tid}/delete"), json!({}))
        .await
        .ok();
    api.get(OWNER, &format!("/table/{tid}/get"))
        .await
        .err(500, "Invalid Table");
}

#[tokio::test]
async fn record_writes_follow_key_and_role() {
    let api = Api::start().await;
    let create = |table: i64| format!("/table/{table}/records/create");
    api.post(READONLY, &create(CONTACTS), json!({"data": {"name": "x"}}))
        .await
        .err(403, "read-only");
    api.post(ALICE_RO, &create(CONTACTS), json!({"data": {"name": "x"}}))
        .await
        .err(403, "read-only");
    api.post(BOB, &create(TICKETS), json!({"data": {"subject": "x"}}))
        .await
        .err(403, "not a member");
    for key in [OWNER, RESTRICTED, ALICE, BOB] {
        let r = api
            .post(
                key,
                &create(CONTACTS),
                json!({"data": {"name": format!("by {key}")}}),
            )
            .await
            .ok();
        assert_eq!(r["title"], format!("by {key}"));
    }
    // Reads work for read-only keys.
    assert_eq!(
        api.get(READONLY, &format!("/table/{CONTACTS}/record/1/get"))
            .await
            .ok()["title"],
        "Grace Hopper"
    );
}
