//! §9.2/§9.3: paging past 1,000, `where` in both forms, `filters` with every operator and alias,
//! `connector`, date tokens, `search`, sort, `fields`, `view_id`, and `records/count`. Expected
//! results are computed here from the full table, fetched through the same API.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]
mod common;
use common::*;
use serde_json::{json, Value};

async fn ticket_ids(api: &Api, body: Value) -> Vec<i64> {
    ids(&api.query_all(OWNER, TICKETS, body).await, "item_id")
}

fn expect(all: &[Value], pred: impl Fn(&Value) -> bool) -> Vec<i64> {
    ids(
        &all.iter().filter(|r| pred(r)).cloned().collect::<Vec<_>>(),
        "item_id",
    )
}

#[tokio::test]
async fn pages_through_all_2600_tickets() {
    let api = Api::start().await;
    let path = format!("/table/{TICKETS}/records/query");
    let sizes: Vec<usize> = futures_sizes(&api, &path).await;
    assert_eq!(sizes, vec![1000, 1000, 600, 0]);
    let all = api.query_all(OWNER, TICKETS, json!({})).await;
    let mut seen = ids(&all, "item_id");
    assert_eq!(seen.len(), 2600);
    seen.dedup();
    assert_eq!(seen.len(), 2600, "no row twice across pages");
    let default = api.post(OWNER, &path, json!({})).await.ok();
    assert_eq!(
        default.as_array().unwrap().len(),
        100,
        "default limit is 100"
    );
    api.post(OWNER, &path, json!({"limit": 1001}))
        .await
        .err(500, "Invalid parameters");
    api.post(OWNER, &path, json!({"limit": -1}))
        .await
        .err(500, "Invalid parameters");
    api.post(OWNER, &path, json!({"offset": "x"}))
        .await
        .err(500, "Invalid parameters");
}

async fn futures_sizes(api: &Api, path: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for offset in [0, 1000, 2000, 3000] {
        let page = api
            .post(OWNER, path, json!({"limit": 1000, "offset": offset}))
            .await
            .ok();
        out.push(page.as_array().unwrap().len());
    }
    out
}

#[tokio::test]
async fn every_operator_and_alias_filters_like_the_reference() {
    let api = Api::start().await;
    let all = api.query_all(OWNER, TICKETS, json!({})).await;
    let prio = |r: &Value| r["priority"].as_str().unwrap_or("").to_string();
    let hours = |r: &Value| r["effort_hours"].as_i64().unwrap_or(-1);
    let subject = |r: &Value| r["subject"].as_str().unwrap_or("").to_lowercase();
    let cases: Vec<(&str, &str, Value, Vec<i64>)> = vec![
        (
            "priority",
            "=",
            json!("Urgent"),
            expect(&all, |r| prio(r) == "Urgent"),
        ),
        (
            "priority",
            "!=",
            json!("Urgent"),
            expect(&all, |r| prio(r) != "Urgent"),
        ),
        (
            "effort_hours",
            ">",
            json!(30),
            expect(&all, |r| hours(r) > 30),
        ),
        (
            "effort_hours",
            ">=",
            json!("30"),
            expect(&all, |r| hours(r) >= 30),
        ),
        (
            "effort_hours",
            "<",
            json!(5),
            expect(&all, |r| hours(r) < 5),
        ),
        (
            "effort_hours",
            "<=",
            json!(5),
            expect(&all, |r| hours(r) <= 5),
        ),
        (
            "subject",
            "contains",
            json!("LOG IN"),
            expect(&all, |r| subject(r).contains("log in")),
        ),
        (
            "subject",
            "NC",
            json!("log in"),
            expect(&all, |r| !subject(r).contains("log in")),
        ),
        (
            "subject",
            "starts_with",
            json!("invoice"),
            expect(&all, |r| subject(r).starts_with("invoice")),
        ),
        (
            "subject",
            "ends_with",
            json!("#7"),
            expect(&all, |r| subject(r).ends_with("#7")),
        ),
        (
            "assignee",
            "is_empty",
            Value::Null,
            expect(&all, |r| r["assignee"].is_null()),
        ),
        (
            "assignee",
            "is_not_empty",
            Value::Null,
            expect(&all, |r| !r["assignee"].is_null()),
        ),
        (
            "labels",
            "contains",
            json!("billing"),
            expect(&all, |r| {
                r["labels"].as_array().unwrap().contains(&json!("billing"))
            }),
        ),
        (
            "due",
            "<",
            json!("2026-03-01"),
            expect(&all, |r| r["due"].as_str().unwrap() < "2026-03-01"),
        ),
        (
            "opened_at",
            ">=",
            json!("2026-06-01"),
            expect(&all, |r| {
                r["opened_at"].as_str().unwrap()[..10] >= *"2026-06-01"
            }),
        ),
    ];
    let aliases = [
        ("=", &["EQ"][..]),
        ("!=", &["NE", "NEQ"][..]),
        (">", &["GT"][..]),
        (">=", &["GTE", "GE"][..]),
        ("<", &["LT"][..]),
        ("<=", &["LTE", "LE"][..]),
        ("contains", &["C", "CONTAINS"][..]),
        ("starts_with", &["SW", "STARTS_WITH"][..]),
        ("ends_with", &["EW", "ENDS_WITH"][..]),
        ("is_empty", &["EMPTY", "IS_EMPTY"][..]),
        ("is_not_empty", &["NEMPTY", "IS_NOT_EMPTY"][..]),
        ("NC", &[][..]),
    ];
    for (field, op, value, expected) in &cases {
        assert!(
            !expected.is_empty() && expected.len() < all.len(),
            "{field} {op} is a real test"
        );
        let names = aliases
            .iter()
            .find(|(c, _)| c == op)
            .map(|(_, a)| a.to_vec())
            .unwrap_or_default();
        for name in std::iter::once(*op).chain(names) {
            let got = ticket_ids(
                &api,
                json!({"filters": [{"column": field, "compare": name, "value": value}]}),
            )
            .await;
            assert_eq!(&got, expected, "{field} {name} {value}");
        }
        // `field` may replace `column`.
        let got = ticket_ids(
            &api,
            json!({"filters": [{"field": field, "compare": op, "value": value}]}),
        )
        .await;
        assert_eq!(&got, expected);
    }
    let path = format!("/table/{TICKETS}/records/query");
    api.post(
        OWNER,
        &path,
        json!({"filters": [{"column": "subject", "compare": "LIKE", "value": "x"}]}),
    )
    .await
    .err(500, "Invalid compare for where: LIKE");
    api.post(
        OWNER,
        &path,
        json!({"filters": [{"column": "nope", "compare": "=", "value": "x"}]}),
    )
    .await
    .err(500, "Invalid field for where: nope");
    api.post(OWNER, &path, json!({"filters": ["priority"]}))
        .await
        .err(500, "Invalid filter");
    api.post(OWNER, &path, json!({"where": {"nope": 1}}))
        .await
        .err(500, "Invalid field for where: nope");
}

#[tokio::test]
async fn where_forms_connectors_search_sort_fields_and_views() {
    let api = Api::start().await;
    let all = api.query_all(OWNER, TICKETS, json!({})).await;
    let prio = |r: &Value| r["priority"].as_str().unwrap_or("").to_string();
    let hours = |r: &Value| r["effort_hours"].as_i64().unwrap_or(-1);

    let eq = ticket_ids(&api, json!({"where": {"priority": "High"}})).await;
    assert_eq!(eq, expect(&all, |r| prio(r) == "High"));
    let cmp = ticket_ids(
        &api,
        json!({"where": {"priority": "High", "effort_hours": [">", 20]}}),
    )
    .await;
    assert_eq!(cmp, expect(&all, |r| prio(r) == "High" && hours(r) > 20));

    let or = ticket_ids(
        &api,
        json!({"filters": [
        {"column": "priority", "compare": "=", "value": "Urgent"},
        {"column": "priority", "compare": "=", "value": "Low", "connector": "OR"},
        {"column": "effort_hours", "compare": "<", "value": 10, "connector": "AND"}]}),
    )
    .await;
    assert_eq!(
        or,
        expect(&all, |r| (prio(r) == "Urgent" || prio(r) == "Low")
            && hours(r) < 10),
        "left to right"
    );

    let search = ticket_ids(&api, json!({"search": "DARK MODE"})).await;
    assert_eq!(
        search,
        expect(&all, |r| r["subject"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("dark mode"))
    );
    let by_user = ticket_ids(&api, json!({"search": "alice@example"})).await;
    assert_eq!(
        by_user,
        expect(&all, |r| r["assignee"]["email"] == "alice@example.com")
    );

    let sorted = api
        .query_all(
            OWNER,
            TICKETS,
            json!({"order_by": "effort_hours", "order_dir": "D"}),
        )
        .await;
    let hs: Vec<i64> = sorted.iter().map(hours).collect();
    assert!(hs.windows(2).all(|w| w[0] >= w[1]), "descending");
    let asc = api
        .query_all(
            OWNER,
            TICKETS,
            json!({"order_by": "effort_hours", "order_dir": "asc"}),
        )
        .await;
    assert_eq!(asc.first().map(hours), hs.last().copied());

    let path = format!("/table/{TICKETS}/records/query");
    let slim = api
        .post(OWNER, &path, json!({"fields": ["subject"], "limit": 1}))
        .await
        .ok();
    let keys: Vec<&String> = slim[0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        vec!["item_id", "subject"],
        "key field always included"
    );
    api.post(OWNER, &path, json!({"order_dir": "sideways"}))
        .await
        .err(500, "Invalid parameters");

    // The Urgent view replaces filters and sort; search and paging still apply.
    let views = api
        .get(OWNER, &format!("/table/{TICKETS}/views/list"))
        .await
        .ok();
    let urgent = views
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == "Urgent")
        .unwrap()["id"]
        .clone();
    let via_view = api.query_all(OWNER, TICKETS, json!({"view_id": urgent, "filters": [{"column": "priority", "compare": "=", "value": "Low"}]})).await;
    assert!(via_view.iter().all(|r| prio(r) == "Urgent"));
    assert_eq!(via_view.len(), expect(&all, |r| prio(r) == "Urgent").len());
    let opened: Vec<&str> = via_view
        .iter()
        .map(|r| r["opened_at"].as_str().unwrap())
        .collect();
    assert!(
        opened.windows(2).all(|w| w[0] >= w[1]),
        "view sorts by opened_at D"
    );
    api.post(OWNER, &path, json!({"view_id": 999}))
        .await
        .err(404, "View not found");

    let count = api
        .post(
            OWNER,
            &format!("/table/{TICKETS}/records/count"),
            json!({"where": {"priority": "Urgent"}}),
        )
        .await
        .ok();
    assert_eq!(
        count,
        json!({"count": via_view.len(), "total": 2600, "total_approx": false, "restricted": true})
    );
    let unfiltered = api
        .post(OWNER, &format!("/table/{TICKETS}/records/count"), json!({}))
        .await
        .ok();
    assert_eq!(unfiltered["restricted"], false);
}

#[tokio::test]
async fn date_tokens_and_lookup_rows() {
    let api = Api::start().await;
    let today = chrono_today();
    let create = format!("/table/{TICKETS}/records/create");
    let seeded = api.query_all(OWNER, TICKETS, json!({})).await;
    let mut expected = expect(&seeded, |r| r["due"] == today.as_str());
    let fresh = api
        .post(
            OWNER,
            &create,
            json!({"data": {"subject": "due today", "due": today}}),
        )
        .await
        .ok();
    expected.push(fresh["id"].as_i64().unwrap());
    let got = ticket_ids(
        &api,
        json!({"filters": [{"column": "due", "compare": "=", "value": "today"}]}),
    )
    .await;
    assert_eq!(got, expected);
    let before = ticket_ids(
        &api,
        json!({"filters": [{"column": "due", "compare": "<", "value": "start_of_month"}]}),
    )
    .await;
    let month_start = format!("{}-01", &today[..7]);
    assert_eq!(
        before,
        expect(&seeded, |r| r["due"]
            .as_str()
            .is_some_and(|d| d < month_start.as_str()))
    );
    let soon = ticket_ids(&api, json!({"filters": [{"column": "due", "compare": ">=", "value": "-1d"}, {"column": "due", "compare": "<=", "value": "+1d"}]})).await;
    assert!(soon.contains(&fresh["id"].as_i64().unwrap()));

    let rows = api
        .post(
            OWNER,
            &format!("/table/{DEALS}/records/query"),
            json!({"where": {"contact": 1}}),
        )
        .await
        .ok();
    assert_eq!(rows[0]["contact"], "1");
    assert_eq!(rows[0]["contact.json"], "Grace Hopper");
    assert_eq!(
        rows[0]["stage"], "Proposal",
        "select values are scalars in rows"
    );
    let by_title = api
        .post(
            OWNER,
            &format!("/table/{DEALS}/records/query"),
            json!({"filters": [{"column": "contact", "compare": "contains", "value": "turing"}]}),
        )
        .await
        .ok();
    assert_eq!(by_title[0]["title"], "Bletchley consulting");
}

fn chrono_today() -> String {
    // The sandbox dates tokens in UTC; so does this.
    chrono::Utc::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string()
}

/// Pages without conditions are ordered and cut in SQL; with a condition that every row meets,
/// the same query goes through the evaluator. Both readings must give the same rows, page by page.
#[tokio::test]
async fn sql_paging_and_sorting_agree_with_the_evaluator() {
    let api = Api::start().await;
    let path = format!("/table/{TICKETS}/records/query");
    let everyone = json!([{"column": "item_id", "compare": "is_not_empty"}]);
    for order_by in [
        None,
        Some("item_id"),
        Some("subject"),
        Some("effort_hours"),
        Some("opened_at"),
        Some("due"),
        Some("response_time"),
    ] {
        for dir in ["asc", "desc"] {
            for offset in [0, 1000, 2000] {
                let mut body = json!({"limit": 1000, "offset": offset, "order_dir": dir});
                if let Some(f) = order_by {
                    body["order_by"] = json!(f);
                }
                let fast = ids(
                    api.post(OWNER, &path, body.clone())
                        .await
                        .ok()
                        .as_array()
                        .unwrap(),
                    "item_id",
                );
                body["filters"] = everyone.clone();
                let slow = ids(
                    api.post(OWNER, &path, body).await.ok().as_array().unwrap(),
                    "item_id",
                );
                assert!(!fast.is_empty(), "{order_by:?} {dir} {offset}");
                assert_eq!(fast, slow, "order_by {order_by:?} {dir} offset {offset}");
            }
        }
    }
}

#[tokio::test]
async fn the_load_test_seed_pages_through_every_row() {
    let api = Api::with(infolobby_sandbox::Config {
        large_table_rows: 5_500,
        ..infolobby_sandbox::Config::default()
    })
    .await;
    let table = infolobby_sandbox::seed::LOAD_TEST_TABLE;
    let count = api
        .post(OWNER, &format!("/table/{table}/records/count"), json!({}))
        .await
        .ok();
    assert_eq!(count["count"], 5_500);
    let all = api
        .query_all(OWNER, table, json!({"order_dir": "desc"}))
        .await;
    let got = ids(&all, "item_id");
    let mut want = got.clone();
    want.sort_unstable_by(|a, b| b.cmp(a));
    want.dedup();
    assert_eq!(got.len(), 5_500);
    assert_eq!(got, want, "descending, no row twice or missing");
    let status = all[0]["status"].clone();
    assert!(status.is_string(), "single select value: {status}");
}

/// SQL narrows a filtered query to candidates before the evaluator decides. Adding
/// "OR the key is empty" (never true, and not narrowable) makes SQL keep every row, so the
/// evaluator alone decides: both must give the same rows.
#[tokio::test]
async fn the_sql_prefilter_never_drops_a_matching_row() {
    let api = Api::start().await;
    let cases = [
        json!([{"column": "priority", "compare": "=", "value": "urgent"}]),
        json!([{"column": "labels", "compare": "contains", "value": "BILL"}]),
        json!([{"column": "subject", "compare": "starts_with", "value": "cannot"}]),
        json!([{"column": "subject", "compare": "ends_with", "value": "#12"}]),
        json!([{"column": "subject", "compare": "=", "value": "Export fails #4"}]),
        json!([{"column": "description", "compare": "contains", "value": "\"quoted\" \\ odd"}]),
        json!([{"column": "effort_hours", "compare": ">=", "value": 30}]),
        json!([{"column": "effort_hours", "compare": "<", "value": "5"}]),
        json!([{"column": "item_id", "compare": "<=", "value": 40}]),
        json!([{"column": "due", "compare": ">=", "value": "start_of_month"}]),
        json!([{"column": "due", "compare": "<", "value": "2026-03-01"}]),
        json!([{"column": "opened_at", "compare": "=", "value": "2026-02-03"}]),
        json!([{"column": "opened_at", "compare": ">", "value": "2026-11-20 10:00:00"}]),
        json!([{"column": "response_time", "compare": "<=", "value": "01:30:00"}]),
        json!([
            {"column": "priority", "compare": "=", "value": "Low"},
            {"column": "due", "compare": ">=", "value": "-30d", "connector": "or"},
            {"column": "labels", "compare": "contains", "value": "bug"}
        ]),
        json!([
            {"column": "priority", "compare": "!=", "value": "Low"},
            {"column": "subject", "compare": "contains", "value": "login", "connector": "or"}
        ]),
    ];
    for filters in cases {
        let narrowed = ids(
            &api.query_all(OWNER, TICKETS, json!({"filters": filters}))
                .await,
            "item_id",
        );
        let mut all_rows = filters.as_array().unwrap().clone();
        all_rows.push(json!({"column": "item_id", "compare": "is_empty", "connector": "or"}));
        let evaluated = ids(
            &api.query_all(OWNER, TICKETS, json!({"filters": all_rows}))
                .await,
            "item_id",
        );
        assert_eq!(narrowed, evaluated, "{filters}");
        let count = api
            .post(
                OWNER,
                &format!("/table/{TICKETS}/records/count"),
                json!({"filters": filters}),
            )
            .await
            .ok();
        assert_eq!(count["count"], narrowed.len(), "{filters}");
    }
}

async fn urgent_count(api: &Api) -> i64 {
    let filters = json!([{"column": "priority", "compare": "=", "value": "Urgent"}]);
    api.post(
        OWNER,
        &format!("/table/{TICKETS}/records/count"),
        json!({"filters": filters}),
    )
    .await
    .ok()["count"]
        .as_i64()
        .unwrap()
}

/// Paging through a filtered query reuses its result until a record changes.
#[tokio::test]
async fn a_cached_query_result_follows_every_change() {
    let api = Api::start().await;
    let filters = json!([{"column": "priority", "compare": "=", "value": "Urgent"}]);
    let before = urgent_count(&api).await;
    let created = api
        .post(
            OWNER,
            &format!("/table/{TICKETS}/records/create"),
            json!({"data": {"subject": "New", "priority": "Urgent"}}),
        )
        .await
        .ok();
    assert_eq!(
        urgent_count(&api).await,
        before + 1,
        "a created record is counted"
    );
    let id = created["id"].as_i64().unwrap();
    api.post(
        OWNER,
        &format!("/table/{TICKETS}/record/{id}/update"),
        json!({"data": {"priority": "Low"}}),
    )
    .await
    .ok();
    assert_eq!(
        urgent_count(&api).await,
        before,
        "an updated record leaves the result"
    );
    let first = ids(
        &api.query_all(OWNER, TICKETS, json!({"filters": filters}))
            .await,
        "item_id",
    )[0];
    api.post(
        OWNER,
        &format!("/table/{TICKETS}/records/delete_batch"),
        json!({"record_ids": [first]}),
    )
    .await
    .ok();
    assert_eq!(
        urgent_count(&api).await,
        before - 1,
        "a deleted record leaves the result"
    );
}
