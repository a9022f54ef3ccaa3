//! Demo mode: the sandbox server running inside the app on a random loopback port, with its data
//! in the app's data directory so changes survive a restart.

use std::path::PathBuf;

use infolobby_sandbox::{seed, Config, RunningSandbox, Seed, Storage};
use tokio::sync::Mutex;

use crate::error::{CmdResult, CommandError, ErrorCode};

/// The demo connections "Try the demo" adds: (connection id, name, key, read-only).
pub const DEMO_CONNECTIONS: &[(&str, &str, &str, bool)] = &[
    ("demo-owner", "Demo · account owner", seed::OWNER_KEY, false),
    (
        "demo-alice",
        "Demo · Alice (personal)",
        seed::ALICE_KEY,
        false,
    ),
    ("demo-bob", "Demo · Bob (personal)", seed::BOB_KEY, false),
    (
        "demo-restricted",
        "Demo · Sales only",
        seed::RESTRICTED_KEY,
        false,
    ),
    (
        "demo-readonly",
        "Demo · read-only",
        seed::READONLY_KEY,
        true,
    ),
];

/// The demo key that reaches only Sales CRM; known up front, so the UI never offers it workspace
/// management (a real key is learned on its first refusal).
pub const RESTRICTED_DEMO_KEY: &str = seed::RESTRICTED_KEY;

pub struct Demo {
    dir: PathBuf,
    running: Mutex<Option<RunningSandbox>>,
}

impl Demo {
    /// `dir` holds the demo's database and attachments.
    pub fn new(dir: PathBuf) -> Self {
        Self {
            dir,
            running: Mutex::new(None),
        }
    }

    /// The demo server's address, starting it first if it is not running.
    pub async fn base_url(&self) -> CmdResult<String> {
        let mut running = self.running.lock().await;
        if let Some(s) = running.as_ref() {
            return Ok(s.base_url());
        }
        let config = Config {
            storage: Storage::Dir(self.dir.clone()),
            seed: Seed::Demo,
            ..Config::default()
        };
        let server = infolobby_sandbox::start(config).await.map_err(|e| {
            CommandError::new(
                ErrorCode::Demo,
                format!(
                    "The demo could not start ({e}). Check that {} is writable.",
                    self.dir.display()
                ),
            )
        })?;
        let url = server.base_url();
        *running = Some(server);
        Ok(url)
    }

    /// Throws away every change made in the demo and starts again from the seed.
    pub async fn reset(&self) -> CmdResult<String> {
        self.stop().await;
        match std::fs::remove_dir_all(&self.dir) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(CommandError::new(
                    ErrorCode::Demo,
                    format!("The demo data could not be removed: {e}"),
                ))
            }
        }
        self.base_url().await
    }

    pub async fn stop(&self) {
        if let Some(server) = self.running.lock().await.take() {
            server.shutdown().await;
        }
    }
}
