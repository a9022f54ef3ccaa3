//! Against the misbehaving test server (`common/hostile.rs`): each error maps to the right variant,
//! reads retry until the fault clears, writes are never sent twice.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
#[path = "common/hostile.rs"]
mod hostile;

use std::time::{Duration, Instant};

use hostile::{serve, Act, Hostile};
use infolobby::{Client, Error};
use serde_json::Map;

fn client(s: &Hostile) -> Client {
    Client::builder("il_live_fault_test_key")
        .unwrap()
        .base_url(&s.url)
        .timeout(Duration::from_millis(500))
        .build()
        .unwrap()
}

#[tokio::test]
async fn reads_retry_through_5xx_resets_and_timeouts() {
    let s = serve(vec![
        Act::reply(503, "", "API disabled"),
        Act::Reset,
        Act::Slow(Duration::from_secs(2)),
        Act::reply(
            200,
            "",
            r#"[{"id": "7", "name": "Ops", "account_id": 1, "new_thing": true}]"#,
        ),
    ])
    .await;
    let spaces = client(&s).list_spaces().await.unwrap();
    assert_eq!(
        (spaces[0].id, spaces[0].name.as_str()),
        (7, "Ops"),
        "string ids are accepted"
    );
    assert_eq!(
        spaces[0].extra["new_thing"], true,
        "unknown fields are kept"
    );
    assert_eq!(s.hits(), 4);
}

#[tokio::test]
async fn faults_map_to_variants_when_retries_run_out() {
    let cases: Vec<(Act, &str)> = vec![
        (Act::reply(500, "", ""), "server"),
        (Act::reply(503, "", "maintenance"), "server"),
        (
            Act::reply(
                502,
                "Content-Type: text/html\r\n",
                "<html><body><h1>Bad gateway</h1></body></html>",
            ),
            "server",
        ),
        (Act::Reset, "offline"),
        (Act::Slow(Duration::from_secs(2)), "offline"),
        (Act::reply(200, "", "{not json"), "decode"),
        (
            Act::reply(
                401,
                "",
                "Request IP 10.0.0.1 is not in this API key's IP whitelist",
            ),
            "ip_not_allowed",
        ),
        (
            Act::reply(413, "", "Payload Too Large"),
            "payload_too_large",
        ),
    ];
    for (fault, code) in cases {
        let s = serve(vec![fault]).await;
        let c = Client::builder("il_live_fault_test_key")
            .unwrap()
            .base_url(&s.url)
            .timeout(Duration::from_millis(500))
            .read_retries(0)
            .build()
            .unwrap();
        let err = c.list_spaces().await.unwrap_err();
        assert_eq!(err.code(), code, "{err:?}");
        if let Error::Decode { body, .. } = &err {
            assert_eq!(body, "{not json");
        }
        if let Error::Server { message, .. } = &err {
            assert!(!message.contains("<html"), "no HTML in messages: {message}");
        }
    }
}

#[tokio::test]
async fn writes_are_not_sent_twice() {
    for fault in [
        Act::reply(500, "", ""),
        Act::Reset,
        Act::reply(503, "", "busy"),
    ] {
        let s = serve(vec![
            fault,
            Act::reply(200, "", r#"{"id": 1, "title": "x", "data": {}}"#),
        ])
        .await;
        let err = client(&s).create_record(1, Map::new()).await.unwrap_err();
        assert!(
            matches!(err, Error::Server { .. } | Error::Network { .. }),
            "{err:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert_eq!(s.hits(), 1, "the write went out once");
    }
}

#[tokio::test]
async fn rate_limits_wait_for_retry_after_then_succeed() {
    let s = serve(vec![
        Act::reply(429, "Retry-After: 1\r\n", "Too Many Requests"),
        Act::reply(200, "", r#"{"id": 1, "title": "x", "data": {}}"#),
    ])
    .await;
    let started = Instant::now();
    let r = client(&s).create_record(1, Map::new()).await.unwrap();
    assert_eq!(r.id, 1);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited Retry-After"
    );
    assert_eq!(s.hits(), 2, "a refused write is sent again");

    let s = serve(vec![Act::reply(429, "Retry-After: 1\r\n", ""); 3]).await;
    let c = Client::builder("il_live_fault_test_key")
        .unwrap()
        .base_url(&s.url)
        .rate_limit_retries(1)
        .build()
        .unwrap();
    match c.list_spaces().await {
        Err(e @ Error::RateLimited { .. }) => {
            assert_eq!(serde_json::to_value(&e).unwrap()["retry_after_secs"], 1)
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn an_exhausted_budget_waits_for_the_window() {
    let s = serve(vec![
        Act::reply(
            200,
            "X-RateLimit-Remaining: 0\r\nX-RateLimit-Reset: 1\r\n",
            "[]",
        ),
        Act::reply(200, "", "[]"),
    ])
    .await;
    let c = client(&s);
    c.list_spaces().await.unwrap();
    let started = Instant::now();
    c.list_spaces().await.unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "waited for the reset instead of sending"
    );
    assert_eq!(s.hits(), 2);
}

#[tokio::test]
async fn empty_success_bodies_read_as_empty_objects() {
    let s = serve(vec![Act::reply(200, "", "")]).await;
    let ack = client(&s).delete_record(1, 2).await.unwrap();
    assert!(!ack.ok && ack.extra.is_empty());
}

#[tokio::test]
async fn a_server_not_reached_is_marked_from_the_first_failure_until_it_answers_anything() {
    let s = serve(vec![
        Act::Reset,
        Act::Reset,
        Act::reply(503, "", "maintenance"),
    ])
    .await;
    let c = Client::builder("il_live_fault_test_key")
        .unwrap()
        .base_url(&s.url)
        .read_retries(0)
        .build()
        .unwrap();
    assert_eq!(c.unreachable_since().await, None, "nothing tried yet");
    assert!(matches!(c.list_spaces().await, Err(Error::Network { .. })));
    let first = c.unreachable_since().await.expect("marked after a reset");
    assert!(matches!(c.list_spaces().await, Err(Error::Network { .. })));
    assert_eq!(
        c.unreachable_since().await,
        Some(first),
        "since the first failure"
    );
    // A refusal is an answer: the server is there.
    assert!(c.list_spaces().await.is_err());
    assert_eq!(c.unreachable_since().await, None);
}

#[tokio::test]
async fn a_refused_connection_marks_the_server_unreached() {
    // A port nobody listens on any more.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let c = Client::builder("il_live_fault_test_key")
        .unwrap()
        .base_url(format!("http://127.0.0.1:{port}"))
        .read_retries(0)
        .build()
        .unwrap();
    assert!(c.list_spaces().await.is_err());
    assert!(c.unreachable_since().await.is_some());
}
