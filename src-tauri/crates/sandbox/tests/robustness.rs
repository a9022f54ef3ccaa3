//! Bad input never crashes the server (§4 errors as plain text), rate limits (§3) and the body cap.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod common;
use common::*;
use infolobby_sandbox::Config;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn junk_gets_plain_text_errors_and_the_server_stays_up() {
    let api = Api::start().await;
    let q = format!("/table/{TICKETS}/records/query");
    let bodies: Vec<&[u8]> = vec![
        b"{",
        b"[1,2",
        b"42",
        b"\"text\"",
        b"\xff\xfe\x00",
        b"{\"limit\": 1e999}",
        b"{\"where\": 5}",
        b"{\"filters\": {}}",
        b"{\"search\": 7}",
    ];
    for body in bodies {
        let r = api.raw(Method::POST, &q, OWNER, body.to_vec()).await;
        assert!(
            r.status.is_client_error() || r.status.is_server_error(),
            "{:?} -> {}",
            body,
            r.status
        );
        assert!(r.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain"));
    }
    for path in [
        "/space/abc/get",
        "/space/99999999999999999999999/get",
        "/table/1/record/-1/get",
        "/../../etc/passwd",
        "/table/1/records/query/extra",
        "/%00",
        "/table//get",
    ] {
        let r = api.get(OWNER, path).await;
        assert!(r.status.as_u16() >= 400, "{path} -> {}", r.status);
        assert!(!r.text.is_empty());
    }
    api.raw(Method::GET, &q, OWNER, vec![])
        .await
        .err(405, "Method Not Allowed");
    let deep = "[".repeat(100_000);
    let r = api.raw(Method::POST, &q, OWNER, deep.into_bytes()).await;
    assert_eq!(r.status.as_u16(), 500);
    let wrong_types = json!({"data": {"subject": {"a": [1, 2]}, "effort_hours": [1]}});
    api.post(
        OWNER,
        &format!("/table/{TICKETS}/records/create"),
        wrong_types,
    )
    .await
    .err(500, "Invalid value");
    // Still answering, with correct data.
    let spaces = api.get(OWNER, "/spaces/list").await.ok();
    assert_eq!(spaces.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn bodies_over_the_cap_get_413() {
    let api = Api::with(Config {
        max_file_bytes: 1024 * 1024,
        ..Config::default()
    })
    .await;
    let huge = vec![b' '; 3 * 1024 * 1024];
    let r = api
        .raw(
            Method::POST,
            &format!("/table/{TICKETS}/records/query"),
            OWNER,
            huge,
        )
        .await;
    r.err(413, "Payload Too Large");
    // A file under the body limit but over the decoded cap is refused too.
    let data = base64_of(&vec![7u8; 1024 * 1024 + 1]);
    let r = api
        .post(
            OWNER,
            &format!("/table/{DEALS}/records/create"),
            json!({"data": {"attachments": [{"name": "big.bin", "data": data}]}}),
        )
        .await;
    r.err(413, "Payload Too Large");
    assert_eq!(api.get(OWNER, "/spaces/list").await.status.as_u16(), 200);
}

fn base64_of(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[tokio::test]
async fn rate_limits_send_headers_and_429_with_retry_after() {
    let api = Api::with(Config {
        requests_per_minute: 8,
        ..Config::default()
    })
    .await;
    let first = api.get(OWNER, "/spaces/list").await;
    assert_eq!(first.headers["x-ratelimit-limit"], "8");
    assert_eq!(first.headers["x-ratelimit-remaining"], "7");
    assert_eq!(first.headers["x-ratelimit-scope"], "account");
    let reset: u64 = first.headers["x-ratelimit-reset"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&reset));
    // Personal keys have their own budget: a quarter of the account's.
    let alice = api.get(ALICE, "/spaces/list").await;
    assert_eq!(
        (
            alice.headers["x-ratelimit-limit"].to_str().unwrap(),
            alice.headers["x-ratelimit-scope"].to_str().unwrap()
        ),
        ("2", "user")
    );
    api.get(ALICE, "/spaces/list").await.ok();
    let limited = api.get(ALICE, "/spaces/list").await;
    limited.err(429, "Too Many Requests");
    let retry: u64 = limited.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry));
    assert_eq!(limited.headers["x-ratelimit-remaining"], "0");
    // The account bucket is separate; all account keys share it.
    for _ in 0..3 {
        api.get(OWNER, "/spaces/list").await.ok();
    }
    for _ in 0..4 {
        api.get(READONLY, "/spaces/list").await.ok();
    }
    api.get(RESTRICTED, "/spaces/list")
        .await
        .err(429, "Too Many Requests");
    // Errors carry the headers too.
    let err = api.get(BOB, "/space/2/get").await;
    assert!(err.headers.contains_key("x-ratelimit-remaining"));
}
