//! Peak memory of the largest hostile-server cases, for the client and for bare reqwest doing the
//! same naive thing, side by side. Each case runs in a process of its own; the figure is the
//! rise of the peak resident set (VmHWM) over the resident set before the request (Linux).
//!
//! `cargo run --release -p infolobby --example hostile_memory`
// A tool run by hand: failing loudly is what it should do.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

#[path = "../tests/common/hostile.rs"]
mod hostile;

use std::time::Duration;

use base64::Engine;
use hostile::{serve, Act};

const CASES: &[(&str, &str)] = &[
    (
        "download-10mb-client",
        "a 10 MB file download, decoded into a file",
    ),
    (
        "download-10mb-reqwest",
        "the same, bare reqwest: bytes, JSON value, decode, write",
    ),
    (
        "endless-client",
        "an endless body: the client stops at its 32 MB cap",
    ),
    ("endless-reqwest", "an endless body, bare reqwest for 5 s"),
    (
        "error-8mb-client",
        "an 8 MB error body: the client reads 64 KiB",
    ),
    (
        "error-8mb-reqwest",
        "an 8 MB error body, bare reqwest text()",
    ),
    (
        "lying-length-client",
        "Content-Length of a petabyte: nothing reserved",
    ),
];

fn status_kib(field: &str) -> u64 {
    let text = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    text.lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Resets the peak to the current resident set (Linux ≥ 4.0) and returns that.
fn reset_peak() -> u64 {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    status_kib("VmRSS:")
}

fn file_answer(bytes: usize) -> Vec<u8> {
    let data: Vec<u8> = (0..bytes).map(|i| (i % 251) as u8).collect();
    let b64 = base64::engine::general_purpose::STANDARD.encode(&data);
    format!(
        r#"{{"name":"big.bin","type":"application/octet-stream","size":{bytes},"data":"{b64}"}}"#
    )
    .into_bytes()
}

fn client(url: &str) -> infolobby::Client {
    infolobby::Client::builder("il_live_bench_memory_key")
        .unwrap()
        .base_url(url)
        .timeout(Duration::from_secs(30))
        .read_retries(0)
        .build()
        .unwrap()
}

async fn run_case(case: &str) -> u64 {
    let target = std::env::temp_dir().join(format!("il-bench-{}.bin", std::process::id()));
    let s = match case {
        c if c.starts_with("download") => {
            serve(vec![Act::reply(200, "", file_answer(10 * 1024 * 1024))]).await
        }
        c if c.starts_with("endless") => {
            serve(vec![Act::Endless {
                chunk: 64 * 1024,
                pause: Duration::ZERO,
            }])
            .await
        }
        c if c.starts_with("error") => {
            let mut body = b"Service unavailable. ".to_vec();
            body.resize(8 * 1024 * 1024, b'x');
            serve(vec![Act::reply(503, "", body)]).await
        }
        _ => {
            let head =
                "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1000000000000000\r\n"
                    .to_string();
            serve(vec![Act::Raw(head, b"[]".to_vec())]).await
        }
    };
    let http = reqwest::Client::new();
    let url = format!("{}/table/1/record/1/files/get", s.url);
    let before = reset_peak();
    match case {
        "download-10mb-client" => {
            let file = client(&s.url)
                .download_file_with_progress(1, 1, "f", "p", None)
                .await
                .unwrap();
            let mut out = std::io::BufWriter::new(std::fs::File::create(&target).unwrap());
            file.write_to(&mut out).unwrap();
        }
        "download-10mb-reqwest" => {
            let body = http.post(&url).send().await.unwrap().bytes().await.unwrap();
            let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(v["data"].as_str().unwrap())
                .unwrap();
            std::fs::write(&target, bytes).unwrap();
        }
        "endless-client" => {
            let _ = client(&s.url).list_spaces().await;
        }
        "endless-reqwest" => {
            let read = async { http.get(&url).send().await.unwrap().bytes().await };
            let _ = tokio::time::timeout(Duration::from_secs(5), read).await;
        }
        "error-8mb-client" | "lying-length-client" => {
            let _ = client(&s.url).list_spaces().await;
        }
        "error-8mb-reqwest" => {
            let _ = http.get(&url).send().await.unwrap().text().await;
        }
        other => panic!("unknown case {other}"),
    }
    let _ = std::fs::remove_file(&target);
    status_kib("VmHWM:").saturating_sub(before)
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    if let Some(case) = std::env::args().nth(1) {
        println!("{}", rt.block_on(run_case(&case)));
        return;
    }
    let me = std::env::current_exe().unwrap();
    let mut peaks = std::collections::HashMap::new();
    println!("{:<24} {:>10}  what", "case", "peak MiB");
    for (case, what) in CASES {
        let out = std::process::Command::new(&me).arg(case).output().unwrap();
        let kib: u64 = String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .unwrap_or(0);
        peaks.insert(*case, kib);
        println!("{case:<24} {:>10.1}  {what}", kib as f64 / 1024.0);
    }
    let ratio = |a: &str, b: &str| peaks[a] as f64 / peaks[b].max(1) as f64;
    println!();
    println!(
        "download: client / bare reqwest = {:.2}",
        ratio("download-10mb-client", "download-10mb-reqwest")
    );
    println!(
        "endless body: client / bare reqwest (5 s) = {:.2}",
        ratio("endless-client", "endless-reqwest")
    );
    println!(
        "8 MB error body: client / bare reqwest = {:.3}",
        ratio("error-8mb-client", "error-8mb-reqwest")
    );
}
