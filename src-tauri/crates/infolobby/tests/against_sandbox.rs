//! The client against the real sandbox server, with each kind of key of the demo seed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod common;
use common::{client, object, sandbox};
use futures_util::TryStreamExt;
use infolobby::{Client, Error, FieldValue, KeyKind, Operator, Query, SortDir};
use serde_json::{json, Map};

#[tokio::test]
async fn spaces_tables_and_views_with_each_key() {
    let s = sandbox().await;
    let names =
        |spaces: Vec<infolobby::Space>| spaces.into_iter().map(|s| s.name).collect::<Vec<_>>();
    assert_eq!(
        names(
            client(&s, "il_live_sandbox_owner")
                .list_spaces()
                .await
                .unwrap()
        ),
        ["Sales CRM", "Operations"]
    );
    assert_eq!(
        names(
            client(&s, "il_live_sandbox_restricted")
                .list_spaces()
                .await
                .unwrap()
        ),
        ["Sales CRM"]
    );
    assert_eq!(
        names(
            client(&s, "il_user_sandbox_bob")
                .list_spaces()
                .await
                .unwrap()
        ),
        ["Sales CRM"]
    );

    let restricted = client(&s, "il_live_sandbox_restricted");
    match restricted.get_space(2).await {
        Err(Error::Forbidden { message, .. }) => assert!(message.contains("not whitelisted")),
        other => panic!("{other:?}"),
    }
    match client(&s, "il_live_sandbox_revoked").list_spaces().await {
        Err(e @ Error::InvalidKey { .. }) => assert_eq!(e.code(), "invalid_key"),
        other => panic!("{other:?}"),
    }

    let owner = client(&s, "il_live_sandbox_owner");
    let tables = owner.list_tables(1).await.unwrap();
    assert_eq!(
        tables.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        ["Contacts", "Deals"]
    );
    let deals = owner.get_table(2).await.unwrap();
    assert_eq!(deals.key_field().map(|f| f.id.as_str()), Some("item_id"));
    assert_eq!(
        deals.field("stage").unwrap().option_titles(),
        ["Prospect", "Proposal", "Won", "Lost"]
    );
    assert!(deals.field("team").unwrap().multiple);
    let views = owner.list_views(3).await.unwrap();
    assert!(views[0].is_default && views[0].id == 0);
    let urgent = views.iter().find(|v| v.name == "Urgent").unwrap();
    assert_eq!(owner.get_view(3, urgent.id).await.unwrap(), *urgent);
    assert!(matches!(
        owner.get_view(1, urgent.id).await,
        Err(Error::NotFound { .. })
    ));

    // Workspace management with every kind of key.
    let created = owner.create_space("Marketing", Map::new()).await.unwrap();
    let renamed = owner
        .update_space(created.id, object(json!({"name": "Growth"})))
        .await
        .unwrap();
    assert_eq!(renamed.name, "Growth");
    assert!(owner.delete_space(created.id).await.unwrap().ok);
    assert!(matches!(
        restricted.create_space("X", Map::new()).await,
        Err(Error::Forbidden { .. })
    ));
    let readonly = client(&s, "il_live_sandbox_readonly");
    assert!(matches!(
        readonly.create_space("X", Map::new()).await,
        Err(Error::Forbidden { .. })
    ));
    s.shutdown().await;
}

#[tokio::test]
async fn table_schema_round_trip() {
    let s = sandbox().await;
    let owner = client(&s, "il_live_sandbox_owner");
    let t = owner
        .create_table(
            1,
            "Leads",
            vec![
                json!({"name": "Full Name", "type": "text"}),
                json!({"name": "Score", "type": "number", "decimals": 1}),
            ],
        )
        .await
        .unwrap();
    assert_eq!(
        t.fields.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
        ["item_id", "full_name", "score"]
    );
    let t2 = owner
        .update_table(t.id, Some("Prospects"), None)
        .await
        .unwrap();
    assert_eq!((t2.name.as_str(), t2.fields.len()), ("Prospects", 3));
    assert!(owner.delete_table(t.id).await.unwrap().ok);
    assert!(matches!(
        owner.get_table(t.id).await,
        Err(Error::NotFound { .. })
    ));
    s.shutdown().await;
}

#[tokio::test]
async fn records_are_typed_by_the_schema() {
    let s = sandbox().await;
    let alice = client(&s, "il_user_sandbox_alice");
    let deals = alice.get_table(2).await.unwrap();
    let r = alice
        .create_record(2, object(json!({"title": "Probe", "contact": 1, "stakeholders": [2, 3], "amount": 10.5, "probability": 0.5, "stage": "Won", "team": ["alice@example.com"], "close_date": "2026-12-24"})))
        .await
        .unwrap();
    let f = |id: &str| deals.field(id).unwrap();
    assert_eq!(r.value(f("item_id")), FieldValue::Key(r.id));
    assert_eq!(r.value(f("title")), FieldValue::Text("Probe".into()));
    assert_eq!(r.value(f("amount")), FieldValue::Number(10.5));
    assert_eq!(r.value(f("stage")), FieldValue::Select(vec!["Won".into()]));
    assert_eq!(
        r.value(f("close_date")),
        FieldValue::Date("2026-12-24".into())
    );
    match r.value(f("team")) {
        FieldValue::Users(u) => assert_eq!(u[0].email.as_deref(), Some("alice@example.com")),
        other => panic!("{other:?}"),
    }
    match r.value(f("stakeholders")) {
        FieldValue::Lookups(l) => assert_eq!(
            l.iter()
                .map(|x| (x.id, x.title.clone().unwrap()))
                .collect::<Vec<_>>(),
            [
                (2, "Alan Turing".to_string()),
                (3, "Katherine Johnson".to_string())
            ]
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(r.value(f("expected_value")), FieldValue::Calc(json!(5.25)));
    assert_eq!(r.value(f("attachments")), FieldValue::Empty);

    let updated = alice
        .update_record(2, r.id, object(json!({"stage": "Lost"})))
        .await
        .unwrap();
    assert_eq!(
        updated.value(f("stage")),
        FieldValue::Select(vec!["Lost".into()])
    );
    assert_eq!(updated.value(f("title")), FieldValue::Text("Probe".into()));
    assert_eq!(alice.get_record(2, r.id).await.unwrap(), updated);

    match alice
        .create_record(2, object(json!({"stage": "Maybe"})))
        .await
    {
        Err(e @ Error::Validation { .. }) => assert_eq!(e.to_string(), "Invalid Option Maybe"),
        other => panic!("{other:?}"),
    }
    let ro = client(&s, "il_user_sandbox_alice_ro");
    assert!(matches!(
        ro.update_record(2, r.id, object(json!({"title": "x"})))
            .await,
        Err(Error::Forbidden { .. })
    ));
    assert!(alice.delete_record(2, r.id).await.unwrap().ok);
    assert!(matches!(
        alice.get_record(2, r.id).await,
        Err(Error::NotFound { .. })
    ));
    let batch = alice.delete_records(2, &[6, 7]).await.unwrap();
    assert_eq!(batch.extra["deleted"], 2);
    s.shutdown().await;
}

#[tokio::test]
async fn queries_page_through_everything() {
    let s = sandbox().await;
    let owner = client(&s, "il_live_sandbox_readonly");
    let all: Vec<_> = owner
        .query_all(3, Query::new())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 2600);
    let urgent = Query::new().filter("priority", Operator::Eq, "Urgent");
    let rows: Vec<_> = owner
        .query_all(3, urgent.clone())
        .try_collect()
        .await
        .unwrap();
    let count = owner.count_records(3, &urgent).await.unwrap();
    assert_eq!(count.count as usize, rows.len());
    assert_eq!(count.total, Some(2600));
    assert!(count.restricted);
    assert_eq!(
        rows.len(),
        all.iter().filter(|r| r["priority"] == "Urgent").count()
    );

    let page = owner
        .query_records(
            3,
            &Query::new()
                .order_by("effort_hours", SortDir::Desc)
                .fields(["subject", "effort_hours"])
                .limit(5),
        )
        .await
        .unwrap();
    assert_eq!(page.len(), 5);
    assert!(page
        .windows(2)
        .all(|w| w[0]["effort_hours"].as_i64() >= w[1]["effort_hours"].as_i64()));
    assert_eq!(
        page[0].keys().collect::<Vec<_>>(),
        ["effort_hours", "item_id", "subject"]
    );

    // Query rows carry lookups as a string id plus a `.json` sibling; the typed reader joins them.
    let deals = owner.get_table(2).await.unwrap();
    let rows = owner
        .query_records(2, &Query::new().where_eq("contact", 1))
        .await
        .unwrap();
    let field = deals.field("contact").unwrap();
    let v = FieldValue::read(field, rows[0].get("contact"), rows[0].get("contact.json"));
    assert_eq!(
        v,
        FieldValue::Lookups(vec![infolobby::models::LookupRef {
            id: 1,
            title: Some("Grace Hopper".into())
        }])
    );
    match owner
        .query_records(3, &Query::new().filter("nope", Operator::Eq, 1))
        .await
    {
        Err(Error::Validation { message }) => {
            assert!(message.contains("Invalid field for where: nope"))
        }
        other => panic!("{other:?}"),
    }
    s.shutdown().await;
}

#[tokio::test]
async fn keys_are_checked_locally_and_never_leak() {
    let s = sandbox().await;
    assert_eq!(
        Client::builder("il_user_sandbox_bob")
            .unwrap()
            .build()
            .unwrap()
            .key_kind(),
        KeyKind::Personal
    );
    assert!(matches!(
        Client::builder("not-a-key"),
        Err(Error::InvalidKeyFormat)
    ));
    assert!(matches!(
        Client::builder("il_live_sandbox_owner")
            .unwrap()
            .base_url("http://example.com/api")
            .build(),
        Err(Error::InvalidBaseUrl(_))
    ));
    assert!(Client::builder("il_live_sandbox_owner")
        .unwrap()
        .base_url("http://[::1]:9/api")
        .build()
        .is_ok());

    // A personal key cannot manage workspaces: refused before sending (the URL is unreachable).
    let nowhere = Client::builder("il_user_sandbox_alice")
        .unwrap()
        .base_url("http://127.0.0.1:9/api")
        .read_retries(0)
        .build()
        .unwrap();
    match nowhere.create_space("X", Map::new()).await {
        Err(e @ Error::NotAllowedForKey { .. }) => assert_eq!(e.code(), "forbidden"),
        other => panic!("{other:?}"),
    }
    // Other calls are sent, and a closed port is reported in words, not as reqwest's.
    let err = nowhere.list_spaces().await.unwrap_err();
    assert!(matches!(err, Error::Network { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "Cannot reach InfoLobby: the server refused the connection. It may be down, or the address may be wrong."
    );

    let secret = "il_live_sandbox_revoked";
    let c = client(&s, secret);
    let err = c.list_spaces().await.unwrap_err();
    for text in [
        format!("{c:?}"),
        format!("{err:?}"),
        err.to_string(),
        serde_json::to_string(&err).unwrap(),
        format!("{:?}", c.key()),
    ] {
        assert!(!text.contains(secret), "key leaked in {text}");
    }
    assert_eq!(c.key().redacted(), "il_live_…oked");
    s.shutdown().await;
}
