//! A time-boxed fuzz pass over a proptest strategy: new random inputs until the time is up,
//! every failure printed with its input. `FUZZ_SECS` sets the time (default: a short pass for
//! CI); `tests/fuzz.sh` runs long passes. Also used by the sandbox's fuzz target.
#![allow(dead_code)]

use std::fmt::Debug;
use std::time::{Duration, Instant};

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, TestRunner};

pub fn seconds(default: u64) -> Duration {
    let secs = std::env::var("FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default);
    Duration::from_secs(secs)
}

/// Runs `check` on inputs from `strategy` for `time`; panics (failing the test) when any
/// input failed, after printing executions and failures.
pub fn fuzz<S: Strategy>(
    name: &str,
    time: Duration,
    strategy: S,
    mut check: impl FnMut(&S::Value) -> Result<(), String>,
) where
    S::Value: Debug,
{
    let mut runner = TestRunner::new(Config {
        failure_persistence: None,
        ..Config::default()
    });
    let started = Instant::now();
    let (mut runs, mut failures) = (0u64, Vec::new());
    while started.elapsed() < time {
        let Ok(tree) = strategy.new_tree(&mut runner) else {
            continue;
        };
        let input = tree.current();
        runs += 1;
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&input)))
            .unwrap_or_else(|_| Err("panicked".into()));
        if let Err(why) = outcome {
            if failures.len() < 20 {
                failures.push(format!("{why}: {input:?}"));
            } else {
                failures.push(String::new());
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "fuzz {name}: {runs} executions in {secs:.0} s ({:.0}/s), {} failures",
        runs as f64 / secs.max(0.001),
        failures.len()
    );
    for f in failures.iter().filter(|f| !f.is_empty()) {
        println!("  {f}");
    }
    assert!(
        failures.is_empty(),
        "{name}: {} failing inputs",
        failures.len()
    );
}
