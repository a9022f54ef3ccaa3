//! Against a small local server that misbehaves on purpose: each error maps to the right variant,
//! reads retry until the fault clears, writes are never sent twice.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use infolobby::{Client, Error};
use serde_json::Map;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

#[derive(Clone)]
enum Fault {
    Reply(u16, &'static str, &'static str), // status, extra header line, body
    Reset,
    Slow(Duration),
}

struct FaultServer {
    url: String,
    hits: Arc<AtomicUsize>,
}

/// Serves the script in order, one connection per request; after it, 200 `[]`.
async fn serve(script: Vec<Fault>) -> FaultServer {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/api", listener.local_addr().unwrap());
    let hits = Arc::new(AtomicUsize::new(0));
    let script = Arc::new(Mutex::new(script.into_iter()));
    let counter = hits.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            let next = script.lock().unwrap().next();
            let counter = counter.clone();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 65536];
                let mut got = Vec::new();
                // Read the head and whatever body Content-Length announces.
                loop {
                    let n = sock.read(&mut buf).await.unwrap_or(0);
                    if n == 0 {
                        return;
                    }
                    got.extend_from_slice(&buf[..n]);
                    let text = String::from_utf8_lossy(&got).to_string();
                    if let Some(end) = text.find("\r\n\r\n") {
                        let len = text
                            .lines()
                            .find_map(|l| {
                                l.to_ascii_lowercase()
                                    .strip_prefix("content-length:")
                                    .map(|v| v.trim().parse::<usize>().unwrap_or(0))
                            })
                            .unwrap_or(0);
                        if got.len() >= end + 4 + len {
                            break;
                        }
                    }
                }
                counter.fetch_add(1, Ordering::SeqCst);
                let (status, header, body) = match next {
                    Some(Fault::Reset) => return, // drop the connection without an answer
                    Some(Fault::Slow(d)) => {
                        tokio::time::sleep(d).await;
                        (200, "", "[]")
                    }
                    Some(Fault::Reply(s, h, b)) => (s, h, b),
                    None => (200, "", "[]"),
                };
                let resp = format!("HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n{header}\r\n{body}", body.len());
                let _ = sock.write_all(resp.as_bytes()).await;
            });
        }
    });
    FaultServer { url, hits }
}

fn client(s: &FaultServer) -> Client {
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
        Fault::Reply(503, "", "API disabled"),
        Fault::Reset,
        Fault::Slow(Duration::from_secs(2)),
        Fault::Reply(
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
    assert_eq!(s.hits.load(Ordering::SeqCst), 4);
}

#[tokio::test]
async fn faults_map_to_variants_when_retries_run_out() {
    let cases: Vec<(Fault, &str)> = vec![
        (Fault::Reply(500, "", ""), "server"),
        (Fault::Reply(503, "", "maintenance"), "server"),
        (
            Fault::Reply(
                502,
                "Content-Type: text/html\r\n",
                "<html><body><h1>Bad gateway</h1></body></html>",
            ),
            "server",
        ),
        (Fault::Reset, "offline"),
        (Fault::Slow(Duration::from_secs(2)), "offline"),
        (Fault::Reply(200, "", "{not json"), "decode"),
        (
            Fault::Reply(
                401,
                "",
                "Request IP 10.0.0.1 is not in this API key's IP whitelist",
            ),
            "ip_not_allowed",
        ),
        (
            Fault::Reply(413, "", "Payload Too Large"),
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
        Fault::Reply(500, "", ""),
        Fault::Reset,
        Fault::Reply(503, "", "busy"),
    ] {
        let s = serve(vec![
            fault,
            Fault::Reply(200, "", r#"{"id": 1, "title": "x", "data": {}}"#),
        ])
        .await;
        let err = client(&s).create_record(1, Map::new()).await.unwrap_err();
        assert!(
            matches!(err, Error::Server { .. } | Error::Network { .. }),
            "{err:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert_eq!(s.hits.load(Ordering::SeqCst), 1, "the write went out once");
    }
}

#[tokio::test]
async fn rate_limits_wait_for_retry_after_then_succeed() {
    let s = serve(vec![
        Fault::Reply(429, "Retry-After: 1\r\n", "Too Many Requests"),
        Fault::Reply(200, "", r#"{"id": 1, "title": "x", "data": {}}"#),
    ])
    .await;
    let started = Instant::now();
    let r = client(&s).create_record(1, Map::new()).await.unwrap();
    assert_eq!(r.id, 1);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited Retry-After"
    );
    assert_eq!(
        s.hits.load(Ordering::SeqCst),
        2,
        "a refused write is sent again"
    );

    let s = serve(vec![Fault::Reply(429, "Retry-After: 1\r\n", ""); 3]).await;
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
        Fault::Reply(
            200,
            "X-RateLimit-Remaining: 0\r\nX-RateLimit-Reset: 1\r\n",
            "[]",
        ),
        Fault::Reply(200, "", "[]"),
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
    assert_eq!(s.hits.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn empty_success_bodies_read_as_empty_objects() {
    let s = serve(vec![Fault::Reply(200, "", "")]).await;
    let ack = client(&s).delete_record(1, 2).await.unwrap();
    assert!(!ack.ok && ack.extra.is_empty());
}
