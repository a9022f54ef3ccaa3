//! Query throughput and latency on loopback for a 1,000-row page of Tickets.
//!
//! `cargo run --release -p infolobby-sandbox --example query_bench [-- REQUESTS]`
// A tool run by hand (or by cargo before the build): failing loudly is what it should do.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::time::{Duration, Instant};

use infolobby_sandbox::Config;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let requests: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let sandbox = infolobby_sandbox::start(Config {
        requests_per_minute: u32::MAX,
        ..Config::default()
    })
    .await?;
    let url = format!("{}/table/3/records/query", sandbox.base_url());
    let http = reqwest::Client::new();
    let page = |offset: usize| {
        http.post(&url)
            .bearer_auth("il_live_sandbox_owner")
            .json(&serde_json::json!({"limit": 1000, "offset": offset}))
            .send()
    };
    // Warm-up: connection, caches, allocator.
    for _ in 0..5 {
        page(0).await?.bytes().await?;
    }
    let mut times: Vec<Duration> = Vec::with_capacity(requests);
    let mut bytes = 0usize;
    let started = Instant::now();
    for i in 0..requests {
        let t = Instant::now();
        let body = page((i % 2) * 1000)
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        times.push(t.elapsed());
        bytes += body.len();
    }
    let total = started.elapsed();
    times.sort();
    let pct = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    println!("sandbox query bench: {requests} sequential requests, 1,000-row pages of Tickets (2,600 rows)");
    println!(
        "  throughput: {:.1} requests/s, {:.0} rows/s",
        requests as f64 / total.as_secs_f64(),
        requests as f64 * 1000.0 / total.as_secs_f64()
    );
    println!(
        "  latency:    p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        pct(0.50).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
        pct(1.0).as_secs_f64() * 1e3
    );
    println!(
        "  page size:  {:.0} KiB of JSON",
        bytes as f64 / requests as f64 / 1024.0
    );
    sandbox.shutdown().await;
    Ok(())
}
