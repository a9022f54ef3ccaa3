//! The client against a hostile server: every answer gives a clear error within a bounded time,
//! never a panic, a hang or an allocation the server chose.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "common/hostile.rs"]
mod hostile;

use std::time::{Duration, Instant};

use hostile::{serve, Act, Hostile};
use infolobby::{Client, Error};

fn client(s: &Hostile) -> Client {
    Client::builder("il_live_hostile_test_key")
        .unwrap()
        .base_url(&s.url)
        .timeout(Duration::from_secs(2))
        .read_retries(0)
        .build()
        .unwrap()
}

/// Runs `f` and fails the test if it takes longer than `limit`.
async fn within<T>(limit: Duration, f: impl std::future::Future<Output = T>) -> T {
    let started = Instant::now();
    let out = tokio::time::timeout(limit, f)
        .await
        .unwrap_or_else(|_| panic!("no answer within {limit:?}"));
    assert!(started.elapsed() <= limit);
    out
}

const BOUND: Duration = Duration::from_secs(6);

#[tokio::test]
async fn rate_limit_headers_that_make_no_sense_neither_panic_nor_stall() {
    // Remaining 0 with a reset far away (or past u64): the next call says "wait" at once.
    for reset in ["18446744073709551615", "99999999999999999999999", "86400"] {
        let headers = format!("X-RateLimit-Remaining: 0\r\nX-RateLimit-Reset: {reset}\r\n");
        let s = serve(vec![Act::reply(200, &headers, "[]")]).await;
        let c = client(&s);
        c.list_spaces().await.unwrap();
        let started = Instant::now();
        let got = within(BOUND, c.list_spaces()).await;
        match (&got, reset) {
            // Too long to be a number at all: ignored, so the call goes out.
            (Ok(_), "99999999999999999999999") => assert_eq!(s.hits(), 2),
            (Err(Error::RateLimited { retry_after }), _) => {
                assert!(
                    *retry_after <= Duration::from_secs(24 * 3600),
                    "{retry_after:?}"
                );
                assert!(
                    started.elapsed() < Duration::from_millis(500),
                    "returned at once"
                );
                assert_eq!(s.hits(), 1, "nothing sent while the budget is spent");
            }
            other => panic!("{reset}: {other:?}"),
        }
    }
    // Negative and non-numeric values are ignored.
    for reset in ["-5", "soon", ""] {
        let headers = format!("X-RateLimit-Remaining: 0\r\nX-RateLimit-Reset: {reset}\r\n");
        let s = serve(vec![Act::reply(200, &headers, "[]")]).await;
        let c = client(&s);
        c.list_spaces().await.unwrap();
        within(BOUND, c.list_spaces()).await.unwrap();
        assert_eq!(s.hits(), 2, "{reset}");
    }
}

#[tokio::test]
async fn retry_after_in_every_form_is_bounded() {
    let in_two_hours =
        httpdate::fmt_http_date(std::time::SystemTime::now() + Duration::from_secs(7200));
    let long_ago = "Sun, 06 Nov 1994 08:49:37 GMT".to_string();
    let cases: Vec<(String, Option<u64>)> = vec![
        // Longer than the client may sleep: handed back at once, clamped to an hour.
        ("99999999999999999999999".into(), Some(3600)),
        ("7200".into(), Some(3600)),
        (in_two_hours, Some(3600)),
        // No usable advice: the client waits its default second and tries again.
        ("-1".into(), None),
        ("soon".into(), None),
        (long_ago, None),
    ];
    for (value, handed_back) in cases {
        let headers = format!("Retry-After: {value}\r\n");
        let s = serve(vec![Act::reply(429, &headers, "Too Many Requests")]).await;
        let started = Instant::now();
        let got = within(BOUND, client(&s).list_spaces()).await;
        match (handed_back, got) {
            (Some(secs), Err(Error::RateLimited { retry_after })) => {
                assert!(
                    retry_after.as_secs() <= secs && retry_after.as_secs() >= secs - 5,
                    "{value}: {retry_after:?}"
                );
                assert!(
                    started.elapsed() < Duration::from_millis(500),
                    "{value}: at once"
                );
                assert_eq!(s.hits(), 1);
            }
            (None, Ok(_)) => assert_eq!(s.hits(), 2, "{value}: retried after the default wait"),
            (_, other) => panic!("{value}: {other:?}"),
        }
    }
}

#[tokio::test]
async fn bodies_past_the_cap_are_refused_without_reading_them_whole() {
    // A success body larger than any page: refused once past the cap.
    let big = vec![b' '; 33 * 1024 * 1024];
    let s = serve(vec![Act::reply(200, "", big)]).await;
    let err = within(BOUND, client(&s).list_spaces()).await.unwrap_err();
    assert!(matches!(err, Error::ResponseTooLarge { .. }), "{err:?}");
    assert!(!err.to_string().is_empty());

    // An error body of megabytes: its first words are kept, the rest is not read.
    let mut body = b"The service is down for maintenance. ".to_vec();
    body.extend(std::iter::repeat_n(b'x', 8 * 1024 * 1024));
    let s = serve(vec![Act::reply(503, "", body)]).await;
    let err = within(BOUND, client(&s).list_spaces()).await.unwrap_err();
    match &err {
        Error::Server { message, .. } => {
            assert!(message.starts_with("The service is down"), "{message}");
            assert!(message.chars().count() < 300);
        }
        other => panic!("{other:?}"),
    }

    // A download larger than the file cap in base64.
    let data = "A".repeat(infolobby::MAX_FILE_BYTES.div_ceil(3) * 4 + 200 * 1024);
    let json = format!(r#"{{"name":"x.bin","type":"","data":"{data}"}}"#);
    let s = serve(vec![Act::reply(200, "", json)]).await;
    let err = within(BOUND, client(&s).download_file(1, 1, "f", "p"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::ResponseTooLarge { .. }), "{err:?}");
}

#[tokio::test]
async fn an_endless_body_ends_at_the_cap_or_the_timeout() {
    let fast = serve(vec![Act::Endless {
        chunk: 64 * 1024,
        pause: Duration::ZERO,
    }])
    .await;
    let err = within(BOUND, client(&fast).list_spaces())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::ResponseTooLarge { .. }), "{err:?}");

    let trickle = serve(vec![Act::Endless {
        chunk: 1,
        pause: Duration::from_millis(50),
    }])
    .await;
    let err = within(BOUND, client(&trickle).list_spaces())
        .await
        .unwrap_err();
    assert_eq!(err, Error::Timeout);
}

#[tokio::test]
async fn a_lying_content_length_is_an_error_not_an_allocation() {
    let cases = [
        // Announces more than it sends, then closes.
        ("Content-Length: 1000\r\n", b"[]".to_vec(), "offline"),
        // Announces a petabyte: nothing is reserved from it.
        (
            "Content-Length: 1000000000000000\r\n",
            b"[]".to_vec(),
            "offline",
        ),
        // Announces less than it sends: the JSON is cut short.
        (
            "Content-Length: 3\r\n",
            br#"[{"id": 1, "name": "x"}]"#.to_vec(),
            "decode",
        ),
        ("Content-Length: -4\r\n", b"[]".to_vec(), "offline"),
    ];
    for (header, body, code) in cases {
        let head = format!("HTTP/1.1 200 OK\r\nConnection: close\r\n{header}");
        let s = serve(vec![Act::Raw(head, body)]).await;
        let err = within(BOUND, client(&s).list_spaces()).await.unwrap_err();
        assert_eq!(err.code(), code, "{header}: {err:?}");
    }
}

#[tokio::test]
async fn redirects_are_not_followed_and_the_key_stays_home() {
    let elsewhere = serve(vec![]).await;
    let targets = [
        // Another host (here: another port).
        format!("{}/spaces/list", elsewhere.url),
        // The same host over plain http from wherever it came.
        "http://127.0.0.1:1/api/spaces/list".to_string(),
    ];
    for target in targets {
        for status in [301, 302, 307, 308] {
            let headers = format!("Location: {target}\r\n");
            let s = serve(vec![Act::reply(status, &headers, "")]).await;
            let err = within(BOUND, client(&s).list_spaces()).await.unwrap_err();
            assert_eq!(err, Error::Redirected, "{status}");
        }
    }
    assert_eq!(elsewhere.hits(), 0, "the other host never saw a request");
    assert!(elsewhere.auth.lock().unwrap().is_empty());
}

#[tokio::test]
async fn upload_timeouts_scale_with_the_size() {
    let answer = r#"{"field_id": "f", "files": []}"#.to_string();
    let data = bytes::Bytes::from(vec![7u8; 30 * 1024]); // 40 KiB of base64
                                                         // Read at 20 KiB/s: about 2 s, four times the 500 ms request timeout. With at least
                                                         // 10 KiB/s allowed, the upload's own timeout is 500 ms + 4 s: it goes through.
    let s = serve(vec![Act::SlowReader {
        bytes_per_sec: 20 * 1024,
        body: answer.clone(),
    }])
    .await;
    let patient = Client::builder("il_live_hostile_test_key")
        .unwrap()
        .base_url(&s.url)
        .timeout(Duration::from_millis(500))
        .min_upload_rate(10 * 1024)
        .build()
        .unwrap();
    within(
        Duration::from_secs(8),
        patient.upload_file_with_progress(1, 1, "f", "a.bin", "", data.clone(), None),
    )
    .await
    .unwrap();

    // Read at 1 KiB/s: slower than the slowest accepted speed, so it times out, in bounded time.
    let s = serve(vec![Act::SlowReader {
        bytes_per_sec: 1024,
        body: answer,
    }])
    .await;
    let strict = Client::builder("il_live_hostile_test_key")
        .unwrap()
        .base_url(&s.url)
        .timeout(Duration::from_millis(500))
        .min_upload_rate(40 * 1024)
        .build()
        .unwrap();
    let err = within(
        Duration::from_secs(5),
        strict.upload_file_with_progress(1, 1, "f", "a.bin", "", data, None),
    )
    .await
    .unwrap_err();
    assert_eq!(err, Error::Timeout);
}
