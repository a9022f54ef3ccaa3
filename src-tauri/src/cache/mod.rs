//! The offline read cache: for each connection, an encrypted SQLite database of what the app
//! fetched (schemas, record pages, records, comment lists, navigation lists), so a table or
//! record shows at once and stays readable and searchable while InfoLobby cannot be reached.
//!
//! - Encryption: SQLCipher (rusqlite's bundled SQLCipher). It encrypts every page of the file,
//!   the FTS5 index and the journal included; AEAD per row would have left the full-text index,
//!   which holds the records' words, in plain text. The 256-bit key is random, made per
//!   connection and kept in the OS keychain beside the API key, never in a file.
//! - A cache that cannot be opened with its key (the keychain entry was lost, the file was
//!   damaged) is deleted and started again: it only holds copies.
//! - Nothing is written through it: writes always go to the server, and fail while offline.

pub mod db;
pub mod text;
pub mod worker;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::keychain::{Keychain, KeychainError};
use db::{Db, DbError};
use worker::Worker;

/// Per connection: whether to keep an offline copy, and how large it may grow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct CacheOptions {
    pub enabled: bool,
    /// Least recently used data goes once the file passes this size.
    pub limit_mb: u32,
}

impl Default for CacheOptions {
    fn default() -> Self {
        Self {
            enabled: true,
            limit_mb: DEFAULT_LIMIT_MB,
        }
    }
}

pub const DEFAULT_LIMIT_MB: u32 = 512;
pub const MIN_LIMIT_MB: u32 = 16;
pub const MAX_LIMIT_MB: u32 = 64 * 1024;

impl CacheOptions {
    pub fn limit_bytes(self) -> u64 {
        u64::from(self.limit_mb.clamp(MIN_LIMIT_MB, MAX_LIMIT_MB)) * 1024 * 1024
    }
}

/// Milliseconds since 1970, the cache's clock for "as of" and recency.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// The open caches, by connection id.
pub struct Caches {
    dir: PathBuf,
    keychain: Keychain,
    open: tokio::sync::Mutex<HashMap<String, Arc<Worker>>>,
    /// Why a connection's cache could not be opened; not tried again until its options change
    /// or the app restarts, because a keychain that hangs would stall every page.
    failed: std::sync::Mutex<HashMap<String, String>>,
}

/// The keychain account of a connection's cache key, beside its API key's.
fn key_account(connection_id: &str) -> String {
    format!("{connection_id}#cache")
}

fn hex_key(text: &str) -> Option<[u8; 32]> {
    let text = text.trim();
    if text.len() != 64 || !text.is_ascii() {
        return None;
    }
    let mut key = [0u8; 32];
    for (i, b) in key.iter_mut().enumerate() {
        let pair = text.get(i * 2..i * 2 + 2)?;
        *b = u8::from_str_radix(pair, 16).ok()?;
    }
    Some(key)
}

impl Caches {
    pub fn new(data_dir: &Path, keychain: Keychain) -> Self {
        Self {
            dir: data_dir.join("cache"),
            keychain,
            open: tokio::sync::Mutex::default(),
            failed: std::sync::Mutex::default(),
        }
    }

    /// The database file of a connection; the id is reduced to characters safe in a name.
    pub fn path(&self, connection_id: &str) -> PathBuf {
        let safe: String = connection_id
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .take(80)
            .collect();
        self.dir.join(format!("{safe}.db"))
    }

    fn files(&self, connection_id: &str) -> Vec<PathBuf> {
        let db = self.path(connection_id);
        let name = db.to_string_lossy().to_string();
        vec![
            db,
            PathBuf::from(format!("{name}-wal")),
            PathBuf::from(format!("{name}-shm")),
            PathBuf::from(format!("{name}-journal")),
        ]
    }

    /// Why the cache of a connection is not available, if it was tried and failed.
    pub fn failure(&self, connection_id: &str) -> Option<String> {
        self.failed.lock().ok()?.get(connection_id).cloned()
    }

    /// The cache of a connection if it has one on disk (or open): showing its size must not
    /// create one, nor ask the keychain for a key.
    pub async fn existing(&self, connection_id: &str) -> Option<Arc<Worker>> {
        if !self.open.lock().await.contains_key(connection_id) && !self.path(connection_id).exists()
        {
            return None;
        }
        self.get(connection_id).await
    }

    /// The open cache of a connection, opening (or creating) it on first use.
    pub async fn get(&self, connection_id: &str) -> Option<Arc<Worker>> {
        let mut open = self.open.lock().await;
        if let Some(w) = open.get(connection_id) {
            return Some(w.clone());
        }
        if self.failure(connection_id).is_some() {
            return None;
        }
        match self.open_new(connection_id).await {
            Ok(w) => {
                let w = Arc::new(w);
                open.insert(connection_id.to_string(), w.clone());
                Some(w)
            }
            Err(why) => {
                if let Ok(mut failed) = self.failed.lock() {
                    failed.insert(connection_id.to_string(), why);
                }
                None
            }
        }
    }

    async fn open_new(&self, connection_id: &str) -> Result<Worker, String> {
        let account = key_account(connection_id);
        let key = match self.keychain.read(&account).await {
            Ok(text) => {
                use infolobby::ExposeSecret;
                hex_key(text.expose_secret())
            }
            Err(KeychainError::Missing) => None,
            Err(e) => return Err(e.to_string()),
        };
        let key = match key {
            Some(key) => key,
            None => {
                // A new key makes any old file unreadable: start it again.
                self.delete_files(connection_id);
                let mut key = [0u8; 32];
                getrandom::fill(&mut key)
                    .map_err(|e| format!("no random source for the cache key ({e})"))?;
                let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
                self.keychain
                    .store(&account, &hex)
                    .await
                    .map_err(|e| e.to_string())?;
                key
            }
        };
        let path = self.path(connection_id);
        let dir = self.dir.clone();
        let name = connection_id.to_string();
        let files = self.files(connection_id);
        tokio::task::spawn_blocking(move || -> Result<Worker, String> {
            std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {e}"))?;
            let db = match Db::open(&path, &key) {
                Ok(db) => db,
                Err(DbError::Sql(_)) => {
                    // Damaged, or written with a key that is gone: it is only a copy.
                    for f in &files {
                        let _ = std::fs::remove_file(f);
                    }
                    Db::open(&path, &key).map_err(|e| e.to_string())?
                }
                Err(e) => return Err(e.to_string()),
            };
            Worker::start(db, &name).map_err(|e| e.to_string())
        })
        .await
        .map_err(|e| e.to_string())?
    }

    fn delete_files(&self, connection_id: &str) {
        for f in self.files(connection_id) {
            let _ = std::fs::remove_file(f);
        }
    }

    /// Closes the cache and deletes its files; with `forget_key`, its keychain entry too.
    pub async fn remove(&self, connection_id: &str, forget_key: bool) -> Result<(), KeychainError> {
        let worker = self.open.lock().await.remove(connection_id);
        // Without a file no key was ever stored, so a keychain that is not there (the demo runs
        // without one) cannot hold one either.
        let had_file = worker.is_some() || self.path(connection_id).exists();
        if let Some(w) = worker {
            let _ = tokio::task::spawn_blocking(move || w.close_blocking()).await;
        }
        self.delete_files(connection_id);
        if let Ok(mut failed) = self.failed.lock() {
            failed.remove(connection_id);
        }
        if forget_key {
            match self.keychain.delete(&key_account(connection_id)).await {
                Err(KeychainError::Unavailable(_) | KeychainError::Timeout) if !had_file => {}
                other => other?,
            }
        }
        Ok(())
    }

    /// Lets a failed cache be tried again (its options changed).
    pub fn retry(&self, connection_id: &str) {
        if let Ok(mut failed) = self.failed.lock() {
            failed.remove(connection_id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back_only_when_whole() {
        let hex = "00ff".repeat(16);
        assert_eq!(hex_key(&hex).map(|k| (k[0], k[1])), Some((0, 255)));
        assert_eq!(hex_key("abc"), None);
        assert_eq!(hex_key(&"zz".repeat(32)), None);
        assert_eq!(hex_key(&"é".repeat(32)), None);
    }

    #[test]
    fn file_names_keep_only_safe_characters() {
        let c = Caches::new(Path::new("/data"), Keychain::new("t"));
        assert_eq!(c.path("../../etc/x"), PathBuf::from("/data/cache/etcx.db"));
    }
}
