//! The offline cache's figures on a 100,000-row table: the time to cache it from a sandbox
//! under its rate limit (beside the same fetch without caching), local search latency, a cached
//! table's first page read and made ready for the grid, and the size of the encrypted file.
//!
//! `cargo run --release -p infolobby-desktop --example cache_bench [-- ROWS REQUESTS_PER_MINUTE]`
// A tool run by hand: failing loudly is what it should do.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::cast_precision_loss
)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use infolobby::models::Table;
use infolobby::{Client, Query, Row};
use infolobby_desktop::cache::db::Db;
use infolobby_desktop::cache::text::searchable_text;
use infolobby_desktop::cache::worker::Worker;
use infolobby_desktop::commands::cache::typed_rows;

const KEY: &str = "il_live_sandbox_owner";
const PAGE: u32 = 1000;

fn pct(xs: &[Duration], p: f64) -> f64 {
    let mut v: Vec<f64> = xs.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
    v.sort_by(f64::total_cmp);
    v[((v.len() as f64 * p) as usize).min(v.len() - 1)]
}

async fn fetch_all(client: &Client, table: &Table, rows: u32, mut each: impl FnMut(Vec<Row>, u32)) {
    let mut offset = 0;
    while offset < rows {
        let q = Query::new().limit(PAGE).offset(u64::from(offset));
        let page = client.query_records(table.id, &q).await.unwrap();
        let n = u32::try_from(page.len()).unwrap();
        each(page, offset);
        if n < PAGE {
            break;
        }
        offset += n;
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let rows: u32 = args.next().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let rpm: u32 = args.next().and_then(|s| s.parse().ok()).unwrap_or(6000);
    let sandbox = infolobby_sandbox::start(infolobby_sandbox::Config {
        large_table_rows: rows,
        requests_per_minute: rpm,
        ..Default::default()
    })
    .await?;
    let client = Client::builder(KEY)?.base_url(sandbox.base_url()).build()?;
    let mut table = None;
    for space in client.list_spaces().await? {
        for t in client.list_tables(space.id).await? {
            if t.name == "Load test" {
                table = Some(client.get_table(t.id).await?);
            }
        }
    }
    let table = Arc::new(table.expect("the sandbox's Load test table"));

    // The same pages fetched without a cache, then with every page written to it the way the
    // app does (queued to the cache's own thread), until the last write is on disk.
    let t = Instant::now();
    let mut fetched = 0usize;
    fetch_all(&client, &table, rows, |p, _| fetched += p.len()).await;
    let bare = t.elapsed();

    let dir = tempfile::tempdir()?;
    let path = dir.path().join("bench.db");
    let mut key = [0u8; 32];
    getrandom::fill(&mut key).expect("a random key");
    let worker = Worker::start(Db::open(&path, &key)?, "bench")?;
    let mut samples: Vec<String> = Vec::new();
    let t = Instant::now();
    fetch_all(&client, &table, rows, |page, offset| {
        if samples.len() < 400 && offset % 5000 == 0 {
            samples.extend(page.iter().take(40).map(|r| searchable_text(&table, r)));
        }
        let with_ids: Vec<(i64, Row)> = page
            .into_iter()
            .filter_map(|r| table.row_id(&r).map(|id| (id, r)))
            .collect();
        let t2 = table.clone();
        let key = format!("{{\"offset\":{offset}}}");
        worker.write(move |db| {
            db.put_table(&t2, 1).unwrap();
            db.put_rows(&t2, &with_ids, Some((&key, rows)), 1).unwrap();
        });
    })
    .await;
    let usage = worker.read_blocking(|db| db.usage().unwrap()).unwrap();
    let cached = t.elapsed();
    let requests = rows.div_ceil(PAGE);
    let bound = f64::from(requests) / f64::from(rpm) * 60.0;
    println!("cache bench: {rows} rows ({fetched} fetched), sandbox at {rpm} requests/min, release build, SQLCipher file");
    println!(
        "  caching the table: {:.1} s, against {:.1} s to fetch it without a cache ({:.2}x); rate-limit bound {requests} requests at {rpm}/min = {bound:.1} s",
        cached.as_secs_f64(),
        bare.as_secs_f64(),
        cached.as_secs_f64() / bare.as_secs_f64()
    );
    let on_disk: u64 = std::fs::read_dir(dir.path())?
        .map(|f| f.unwrap().metadata().unwrap().len())
        .sum();
    println!(
        "  size on disk: {:.1} MB ({} records; {:.0} bytes a record)",
        on_disk as f64 / 1e6,
        usage.records,
        on_disk as f64 / usage.records.max(1) as f64
    );

    // Local search: a word of a row as typed so far (its first 3 to 6 letters), sometimes two.
    let words: Vec<String> = samples
        .iter()
        .flat_map(|s| {
            s.split_whitespace()
                .filter(|w| w.chars().count() >= 4)
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect();
    let mut lat = Vec::new();
    let mut slowest: Vec<(Duration, String, usize)> = Vec::new();
    let mut found = 0usize;
    for i in 0..400 {
        let w = &words[(i * 7919) % words.len()];
        let typed: String = w.chars().take(3 + i % 4).collect();
        let q = if i % 3 == 0 {
            format!("{typed} {}", words[(i * 104_729) % words.len()])
        } else {
            typed
        };
        let t = Instant::now();
        let typed_query = q.clone();
        let hits = worker
            .read_blocking(move |db| db.search(&q, 20).unwrap())
            .unwrap();
        lat.push(t.elapsed());
        slowest.push((t.elapsed(), typed_query, hits.len()));
        found += usize::from(!hits.is_empty());
    }
    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    println!(
        "  local search, 400 queries (20 hits each at most, {found} found something): p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms (target p95 <= 30 ms)",
        pct(&lat, 0.5),
        pct(&lat, 0.95),
        pct(&lat, 1.0)
    );
    let slow: Vec<String> = slowest
        .iter()
        .take(6)
        .map(|(d, q, n)| format!("\"{q}\" {:.0} ms ({n} hits)", d.as_secs_f64() * 1e3))
        .collect();
    println!("    slowest: {}", slow.join(", "));

    // Opening the cached table: its first 1,000-row page read, typed for the grid and
    // serialised as the command answers it (the IPC payload).
    let mut open = Vec::new();
    let mut bytes = 0;
    for _ in 0..20 {
        let t = Instant::now();
        let json = worker
            .read_blocking(|db| {
                let (table, _) = db.table(table_id(db), 2).unwrap().unwrap();
                let (rows, _, _) = db.page(table.id, "{\"offset\":0}", 2).unwrap().unwrap();
                serde_json::to_string(&typed_rows(&table, &rows)).unwrap()
            })
            .unwrap();
        open.push(t.elapsed());
        bytes = json.len();
    }
    println!(
        "  cached table's first page (1,000 rows read, typed, serialised: {:.1} MB): p50 {:.1} ms, p95 {:.1} ms",
        bytes as f64 / 1e6,
        pct(&open, 0.5),
        pct(&open, 0.95)
    );
    worker.close_blocking();
    Ok(())
}

fn table_id(db: &Db) -> i64 {
    db.table_names().unwrap()[0].0
}
