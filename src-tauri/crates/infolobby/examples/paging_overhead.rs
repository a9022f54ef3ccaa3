//! Fetches all 2,600 Tickets of the sandbox through `query_all` and through the same three
//! requests made with bare reqwest (one connection pool each, same JSON decoding), alternating,
//! and prints median times and the client's overhead ratio.
//!
//! `cargo run --release -p infolobby --example paging_overhead [-- ROUNDS]`
// A tool run by hand (or by cargo before the build): failing loudly is what it should do.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::time::{Duration, Instant};

use futures_util::TryStreamExt;
use infolobby::{Client, Query, Row};

const KEY: &str = "il_live_sandbox_owner";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    let sandbox = infolobby_sandbox::start(infolobby_sandbox::Config {
        requests_per_minute: u32::MAX,
        ..Default::default()
    })
    .await?;
    let client = Client::builder(KEY)?.base_url(sandbox.base_url()).build()?;
    let bare = reqwest::Client::new();
    let url = format!("{}/table/3/records/query", sandbox.base_url());

    let via_client = || async {
        let t = Instant::now();
        let rows: Vec<Row> = client.query_all(3, Query::new()).try_collect().await?;
        Ok::<_, infolobby::Error>((t.elapsed(), rows.len()))
    };
    let via_bare = || async {
        let t = Instant::now();
        let mut rows: Vec<Row> = Vec::new();
        loop {
            let page: Vec<Row> = bare
                .post(&url)
                .bearer_auth(KEY)
                .json(&serde_json::json!({"limit": 1000, "offset": rows.len()}))
                .send()
                .await?
                .json()
                .await?;
            let short = page.len() < 1000;
            rows.extend(page);
            if short {
                break;
            }
        }
        Ok::<_, reqwest::Error>((t.elapsed(), rows.len()))
    };

    // Warm both pools and the server.
    via_client().await?;
    via_bare().await?;
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let (t, n) = via_client().await?;
        assert_eq!(n, 2600);
        a.push(t);
        let (t, n) = via_bare().await?;
        assert_eq!(n, 2600);
        b.push(t);
    }
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let (ma, mb) = (median(&mut a), median(&mut b));
    println!("fetch all 2,600 Tickets (3 pages), {rounds} rounds each, medians:");
    println!("  infolobby query_all: {:.2} ms", ma.as_secs_f64() * 1e3);
    println!("  bare reqwest:        {:.2} ms", mb.as_secs_f64() * 1e3);
    println!(
        "  overhead ratio:      {:.3}",
        ma.as_secs_f64() / mb.as_secs_f64()
    );
    sandbox.shutdown().await;
    Ok(())
}
