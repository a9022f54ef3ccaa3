//! `infolobby-sandbox`: the sandbox server from the command line.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use infolobby_sandbox::{Config, Seed, Storage};

#[derive(Clone, Copy, ValueEnum)]
enum SeedArg {
    Demo,
    Empty,
}

/// A local InfoLobby-compatible API server for tests and demo mode.
#[derive(Parser)]
#[command(name = "infolobby-sandbox", version)]
struct Args {
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:0")]
    addr: SocketAddr,
    /// Keep data (SQLite file and attachments) in this directory across restarts.
    #[arg(long, conflicts_with = "in_memory")]
    data: Option<PathBuf>,
    /// Keep everything in memory (the default when --data is not given).
    #[arg(long)]
    in_memory: bool,
    /// Data set for a new store.
    #[arg(long, value_enum, default_value = "demo")]
    seed: SeedArg,
    /// Request budget per minute for all account keys together (personal keys: a quarter each).
    #[arg(long, default_value_t = 6000, value_parser = clap::value_parser!(u32).range(1..))]
    requests_per_minute: u32,
    /// Largest file accepted or served, in MB (decoded).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=1024))]
    max_file_mb: u32,
    /// Allow listening on a non-loopback address.
    #[arg(long)]
    allow_remote: bool,
    /// With the demo seed, add a "Load test" table of this many rows (e.g. 100000).
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=1_000_000))]
    large_table_rows: u32,
}

fn main() -> ExitCode {
    // clap prints usage errors and exits with status 2.
    let args = Args::parse();
    let config = Config {
        addr: args.addr,
        storage: match args.data {
            Some(dir) => Storage::Dir(dir),
            None => Storage::InMemory,
        },
        seed: match args.seed {
            SeedArg::Demo => Seed::Demo,
            SeedArg::Empty => Seed::Empty,
        },
        requests_per_minute: args.requests_per_minute,
        max_file_bytes: args.max_file_mb as usize * 1024 * 1024,
        allow_remote: args.allow_remote,
        large_table_rows: args.large_table_rows,
        ..Config::default()
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("infolobby-sandbox: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async move {
        let mut sandbox = match infolobby_sandbox::start(config).await {
            Ok(s) => s,
            Err(e) => {
                eprintln!("infolobby-sandbox: {e}");
                return ExitCode::FAILURE;
            }
        };
        println!("InfoLobby sandbox listening on {}", sandbox.base_url());
        let _ = std::io::stdout().flush();
        let stop = sandbox.stopper();
        tokio::spawn(async move {
            shutdown_signal().await;
            if let Some(stop) = stop {
                let _ = stop.send(());
            }
        });
        sandbox.wait().await;
        ExitCode::SUCCESS
    })
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = term.recv() => {},
                    _ = tokio::signal::ctrl_c() => {},
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
