//! The command line (the contract tests and demo mode rely on) and persistence with `--data`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod common;
use common::*;
use infolobby_sandbox::{Config, Storage};
use serde_json::json;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_infolobby-sandbox");

#[test]
fn prints_its_address_answers_and_stops_on_sigterm() {
    let mut child = Command::new(BIN)
        .args(["--in-memory", "--seed", "empty"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim()
        .strip_prefix("InfoLobby sandbox listening on ")
        .expect("ready line")
        .to_string();
    assert!(
        url.starts_with("http://127.0.0.1:") && url.ends_with("/api") && !url.contains(":0/"),
        "{url}"
    );
    let rt = tokio::runtime::Runtime::new().unwrap();
    let body = rt.block_on(async {
        reqwest::Client::new()
            .get(format!("{url}/spaces/list"))
            .bearer_auth(OWNER)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    });
    assert_eq!(body, "[]", "empty seed has no spaces");
    let pid = child.id().to_string();
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    let mut waited = 0;
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(waited < 100, "did not stop on SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
        waited += 1;
    };
    assert!(status.success(), "{status}");
}

#[test]
fn bad_flags_exit_2_and_remote_addresses_need_a_flag() {
    for args in [
        &["--bogus"][..],
        &["--seed", "lots"][..],
        &["--addr", "nowhere"][..],
        &["--data", "/tmp/x", "--in-memory"][..],
        &["--requests-per-minute", "0"][..],
    ] {
        let out = Command::new(BIN).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty());
    }
    let out = Command::new(BIN)
        .args(["--addr", "0.0.0.0:0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--allow-remote"));
}

#[tokio::test]
async fn data_survives_a_restart_with_a_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    let config = Config {
        storage: Storage::Dir(dir.path().to_path_buf()),
        ..Config::default()
    };
    let api = Api::with(config.clone()).await;
    let created = api.post(OWNER, &format!("/table/{DEALS}/records/create"), json!({"data": {"title": "Persisted", "attachments": [{"name": "a.txt", "data": "YQ=="}]}})).await.ok();
    api.sandbox.shutdown().await;

    let api = Api::with(config).await;
    let id = created["id"].as_i64().unwrap();
    let got = api
        .get(OWNER, &format!("/table/{DEALS}/record/{id}/get"))
        .await
        .ok();
    assert_eq!(got, created);
    let count = api
        .post(OWNER, &format!("/table/{TICKETS}/records/count"), json!({}))
        .await
        .ok();
    assert_eq!(count["total"], 2600, "the seed is not applied twice");
}
