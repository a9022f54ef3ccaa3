//! A local InfoLobby-compatible API server: real HTTP, SQLite storage, the documented contract
//! (`shared/api/infolobby-api.md`, with the decisions of its §20). Tests and the app's demo mode
//! start it in-process:
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let sandbox = infolobby_sandbox::start(infolobby_sandbox::Config::default()).await?;
//! println!("{}", sandbox.base_url()); // http://127.0.0.1:PORT/api
//! sandbox.shutdown().await;
//! # Ok(()) }
//! ```

pub mod auth;
pub mod blobs;
pub mod clock;
pub mod config;
pub mod db;
pub mod error;
pub mod fields;
pub mod handlers;
pub mod notify;
pub mod query;
pub mod query_sql;
pub mod ratelimit;
pub mod seed;
pub mod server;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use config::{Config, Seed, Storage};

/// A running sandbox; dropping it without `shutdown` leaves the server running until the runtime
/// ends.
pub struct RunningSandbox {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
}

impl RunningSandbox {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT/api`
    pub fn base_url(&self) -> String {
        format!("http://{}/api", self.addr)
    }

    /// Stops accepting, lets requests in flight finish, and waits for the server to end.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let _ = (&mut self.task).await;
    }

    /// Waits until the server ends (after `shutdown` was asked for elsewhere, or an error).
    pub async fn wait(self) {
        let _ = self.task.await;
    }

    /// A handle that stops the server when called, for signal handlers.
    pub fn stopper(&mut self) -> Option<oneshot::Sender<()>> {
        self.stop.take()
    }
}

fn io_err(e: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

/// Opens (and on first use seeds) the storage, binds the address and starts serving.
pub async fn start(config: Config) -> std::io::Result<RunningSandbox> {
    if !config.allow_remote && !config.addr.ip().is_loopback() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            format!(
                "{} is not a loopback address; pass --allow-remote to serve other machines",
                config.addr.ip()
            ),
        ));
    }
    let (conn, blobs) = match &config.storage {
        Storage::InMemory => (
            db::open(None).map_err(io_err)?,
            blobs::Blobs::Memory(Mutex::default()),
        ),
        Storage::Dir(dir) => {
            let files = dir.join("files");
            std::fs::create_dir_all(&files)?;
            (
                db::open(Some(&dir.join("sandbox.sqlite3"))).map_err(io_err)?,
                blobs::Blobs::Dir(files),
            )
        }
    };
    if db::is_empty(&conn).map_err(io_err)? {
        seed::run(&conn, config.seed, config.large_table_rows, &blobs).map_err(io_err)?;
    }
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    let addr = listener.local_addr()?;
    let shared = Arc::new(server::Shared {
        db: Mutex::new(conn),
        blobs,
        limiter: ratelimit::RateLimiter::new(
            config.requests_per_minute,
            std::time::Duration::from_secs(u64::from(config.rate_window_secs)),
        ),
        hosts: server::own_hosts(addr, config.allow_remote),
        config,
    });
    let app = server::router(shared).into_make_service_with_connect_info::<SocketAddr>();
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let served = axum::serve(listener, app)
            .with_graceful_shutdown(async move {
                let _ = stopped.await;
            })
            .await;
        if let Err(e) = served {
            eprintln!("infolobby-sandbox: server error: {e}");
        }
    });
    Ok(RunningSandbox {
        addr,
        stop: Some(stop),
        task,
    })
}
