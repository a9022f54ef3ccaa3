//! How a sandbox is started: where it listens, where it keeps data, which seed, which limits.

use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seed {
    /// The fixed demo data set documented in the crate README.
    Demo,
    /// Only the account, its users and keys; no spaces.
    Empty,
}

#[derive(Debug, Clone)]
pub enum Storage {
    InMemory,
    /// A SQLite file and an attachment folder inside this directory; survives restarts.
    Dir(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Config {
    pub addr: SocketAddr,
    pub storage: Storage,
    pub seed: Seed,
    /// Budget of all account keys together, per minute; personal keys get a quarter each user.
    pub requests_per_minute: u32,
    /// The length of a rate-limit window in seconds: 60 like the service; tests shorten it to
    /// wait a window out.
    pub rate_window_secs: u32,
    /// Largest decoded file accepted on upload or served on download.
    pub max_file_bytes: usize,
    pub allow_remote: bool,
    /// With the demo seed: a "Load test" table of this many generated rows in Operations, for
    /// the grid's benchmark and tests (0: none).
    pub large_table_rows: u32,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            storage: Storage::InMemory,
            seed: Seed::Demo,
            requests_per_minute: 6000,
            rate_window_secs: 60,
            max_file_bytes: 10 * 1024 * 1024,
            allow_remote: false,
            large_table_rows: 0,
        }
    }
}
