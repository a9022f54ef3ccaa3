//! Query latency on loopback for 1,000-row pages of the 100,000-row "Load test" table: the
//! grid's default order across the whole table, a sort by a text field, and a filtered count.
//!
//! `cargo run --release -p infolobby-sandbox --example query_bench [-- REQUESTS [ROWS]]`
// A tool run by hand (or by cargo before the build): failing loudly is what it should do.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::time::{Duration, Instant};

use infolobby_sandbox::seed::LOAD_TEST_TABLE;
use infolobby_sandbox::Config;
use serde_json::{json, Value};

/// A case: its label, the endpoint, and the body of its `i`-th request.
type Case = (&'static str, &'static str, Box<dyn Fn(i64) -> Value>);

struct Figures {
    times: Vec<Duration>,
    bytes: usize,
}

impl Figures {
    fn print(mut self, label: &str) {
        self.times.sort();
        let n = self.times.len();
        let pct = |p: f64| self.times[((n as f64 * p) as usize).min(n - 1)].as_secs_f64() * 1e3;
        println!(
            "  {label:<34} p50 {:>7.2} ms  p99 {:>7.2} ms  max {:>7.2} ms  ({:.0} KiB/answer)",
            pct(0.50),
            pct(0.99),
            pct(1.0),
            self.bytes as f64 / n as f64 / 1024.0
        );
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let requests: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(200);
    let rows: u32 = args.next().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let seeded = Instant::now();
    let sandbox = infolobby_sandbox::start(Config {
        requests_per_minute: u32::MAX,
        large_table_rows: rows,
        ..Config::default()
    })
    .await?;
    println!(
        "sandbox query bench: {rows} rows seeded in {:.1} s; {requests} sequential requests per case",
        seeded.elapsed().as_secs_f64()
    );
    let base = sandbox.base_url();
    let http = reqwest::Client::new();
    let run = |path: &'static str, body: Value| {
        let http = http.clone();
        let url = format!("{base}/table/{LOAD_TEST_TABLE}/records/{path}");
        async move {
            let t = Instant::now();
            let bytes = http
                .post(&url)
                .bearer_auth("il_live_sandbox_owner")
                .json(&body)
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?;
            Ok::<_, reqwest::Error>((t.elapsed(), bytes.len()))
        }
    };
    let pages = i64::from(rows / 1000).max(1);
    let cases: [Case; 4] = [
        (
            "1,000-row page, default order",
            "query",
            Box::new(move |i| json!({"limit": 1000, "offset": (i % pages) * 1000})),
        ),
        (
            "1,000-row page, sorted by title",
            "query",
            Box::new(
                move |i| json!({"limit": 1000, "offset": (i % pages) * 1000, "order_by": "title", "order_dir": "desc"}),
            ),
        ),
        ("count, whole table", "count", Box::new(|_| json!({}))),
        (
            "count, filtered (SQL narrows, evaluator decides)",
            "count",
            Box::new(
                |_| json!({"filters": [{"column": "status", "compare": "=", "value": "Blocked"}]}),
            ),
        ),
    ];
    for (label, path, body) in cases {
        // The first answer of a query that is not in plain id order evaluates the whole table;
        // the pages after it come from the server's cached result.
        let (first, _) = run(path, body(0)).await?;
        println!(
            "  {label:<34} first answer {:>7.2} ms",
            first.as_secs_f64() * 1e3
        );
        for i in 1..3 {
            run(path, body(i)).await?;
        }
        let mut figures = Figures {
            times: Vec::new(),
            bytes: 0,
        };
        for i in 0..requests {
            let (t, b) = run(path, body(i as i64)).await?;
            figures.times.push(t);
            figures.bytes += b;
        }
        figures.print(label);
    }
    println!("  target: a 1,000-row page at p99 <= 20 ms");
    sandbox.shutdown().await;
    Ok(())
}
