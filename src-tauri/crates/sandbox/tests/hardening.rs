//! What a hostile page, a sloppy client or a hostile value in a filter meets: the server keeps
//! answering, reaches only what it should, and counts only real callers.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod common;
use common::*;
use infolobby_sandbox::Config;
use serde_json::{json, Value};

#[tokio::test]
async fn date_tokens_that_overflow_or_split_characters_are_just_values() {
    let api = Api::start().await;
    let tables: Vec<Value> = api
        .get(OWNER, "/space/1/tables/list")
        .await
        .ok()
        .as_array()
        .unwrap()
        .clone();
    let deals = tables.iter().find(|t| t["name"] == "Deals").unwrap()["id"]
        .as_i64()
        .unwrap();
    let tokens = [
        "+1é",
        "-é",
        "+é1d",
        "+",
        "-",
        "+d",
        "+99999999999d",
        "-99999999999w",
        "+9223372036854775807d",
        "-9223372036854775808m",
        "+999999999y",
        "+4294967296m",
        "+1 d",
        "+١d",
        "+1Ω",
        "today",
        "start_of_last_year",
    ];
    for token in tokens {
        for compare in ["=", ">", "<=", "!="] {
            let body =
                json!({"filters": [{"field": "close_date", "compare": compare, "value": token}]});
            let r = api
                .post(OWNER, &format!("/table/{deals}/records/query"), body)
                .await;
            // A panicking handler also answers 500, as "Internal error": that must never be it.
            assert!(
                r.status.is_success() || (r.status.as_u16() == 500 && r.text != "Internal error"),
                "{token} {compare}: {} {}",
                r.status,
                r.text
            );
        }
    }
    // Still serving.
    api.get(OWNER, "/spaces/list").await.ok();
}

#[tokio::test]
async fn a_foreign_host_header_is_refused() {
    let api = Api::start().await;
    let url = api.sandbox.base_url();
    let http = reqwest::Client::new();
    for host in [
        "evil.example",
        "evil.example:80",
        "127.0.0.1",
        "localhost:1",
    ] {
        let r = http
            .get(format!("{url}/spaces/list"))
            .header("Host", host)
            .bearer_auth(OWNER)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 421, "{host}");
        assert!(r.text().await.unwrap().contains("loopback"));
    }
    let port = url.split(':').nth(2).unwrap().trim_end_matches("/api");
    for host in [format!("localhost:{port}"), format!("LOCALHOST:{port}")] {
        let r = http
            .get(format!("{url}/spaces/list"))
            .header("Host", &host)
            .bearer_auth(OWNER)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success(), "{host}: {}", r.status());
    }
}

#[tokio::test]
async fn requests_without_a_valid_key_do_not_spend_the_budget() {
    let api = Api::with(Config {
        requests_per_minute: 3,
        ..Config::default()
    })
    .await;
    for key in ["il_live_nobody", "garbage", "il_live_sandbox_revoked"] {
        for _ in 0..5 {
            api.get(key, "/spaces/list").await.err(401, "");
        }
    }
    let first = api.get(OWNER, "/spaces/list").await;
    assert!(first.status.is_success());
    assert_eq!(first.headers["x-ratelimit-remaining"], "2");
}

#[tokio::test]
async fn the_auth_scheme_is_case_insensitive() {
    let api = Api::start().await;
    let http = reqwest::Client::new();
    for scheme in ["Bearer", "bearer", "BEARER", "bEaReR"] {
        let r = http
            .get(format!("{}/spaces/list", api.sandbox.base_url()))
            .header("Authorization", format!("{scheme} {OWNER}"))
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success(), "{scheme}: {}", r.status());
    }
    let r = http
        .get(format!("{}/spaces/list", api.sandbox.base_url()))
        .header("Authorization", format!("Basic {OWNER}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);
}

#[tokio::test]
async fn uploads_without_a_type_get_one_from_content_or_name() {
    use base64::Engine;
    let api = Api::start().await;
    let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    let cases: [(&str, &[u8], &str); 4] = [
        ("image-without-extension", png, "image/png"),
        ("table.csv", b"a,b\n1,2\n", "text/csv"),
        ("README", b"just words", "text/plain"),
        ("blob", b"\0\x01\x02\x03", "application/octet-stream"),
    ];
    for (name, bytes, want) in cases {
        let body = json!({"field_id": "attachments", "name": name, "data": b64(bytes)});
        let files = api
            .post(ALICE, "/table/2/record/7/files/create", body)
            .await
            .ok();
        let file = files["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == name)
            .unwrap()
            .clone();
        assert_eq!(file["type"], want, "{name}");
    }
}

#[tokio::test]
async fn attachments_resolve_only_to_paths_the_server_made() {
    let api = Api::start().await;
    for path in [
        "/../../etc/passwd",
        "../x",
        "/t2/../../../etc/hostname",
        "/etc/hostname",
    ] {
        let body = json!({"data": {"attachments": [{"name": "x", "path": path}]}});
        api.post(OWNER, "/table/2/record/7/update", body)
            .await
            .err(500, "File not found");
    }
}

#[tokio::test]
async fn the_demo_seed_has_files_on_deals() {
    let api = Api::start().await;
    let rows = api.query_all(OWNER, 2, json!({})).await;
    let with_files = rows
        .iter()
        .filter(|r| {
            r.get("attachments")
                .or_else(|| r["data"].get("attachments"))
                .and_then(Value::as_array)
                .is_some_and(|a| !a.is_empty())
        })
        .count();
    assert!(with_files >= 2, "{with_files} deals with files");
}
