//! Everything the app does with connections: adding (probe first, then keychain, then the list),
//! replacing a key, removing, switching, and handing out API clients that turn a 401 into the
//! "key no longer valid" state.

use std::collections::HashMap;
use std::future::Future;
use std::path::Path;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use infolobby::{Client, ExposeSecret, Refusal, SecretString, DEFAULT_BASE_URL};
use serde::Deserialize;
use tokio::sync::Mutex;

use super::layouts::{LayoutStore, TableLayout};
use super::probe::probe;
use super::store::ConnectionStore;
use super::Connection;
use crate::cache::db::{Db, DbResult};
use crate::cache::worker::Worker;
use crate::cache::{now_ms, CacheOptions, Caches};
use crate::demo::{Demo, DEMO_CONNECTIONS};
use crate::error::{CmdResult, CommandError, ErrorCode};
use crate::keychain::{Keychain, KeychainError};
use crate::settings::{Settings, SettingsStore};

/// What the "add connection" form sends. `key` is the only place a secret enters the app.
#[derive(Clone, Deserialize, specta::Type)]
pub struct NewConnection {
    pub name: String,
    /// Empty means the public service.
    pub base_url: String,
    pub key: String,
    pub expires_on: Option<String>,
    /// The user knows the key was created read-only; the API only tells on a refused write.
    pub read_only: bool,
}

/// Prints everything but the key.
impl std::fmt::Debug for NewConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewConnection")
            .field("name", &self.name)
            .field("base_url", &self.base_url)
            .field("key", &"(hidden)")
            .field("expires_on", &self.expires_on)
            .field("read_only", &self.read_only)
            .finish()
    }
}

/// Editable, non-secret details of a connection.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct ConnectionChanges {
    pub name: String,
    pub expires_on: Option<String>,
    pub read_only: Option<bool>,
}

pub struct Connections {
    store: ConnectionStore,
    settings: SettingsStore,
    keychain: Keychain,
    demo: Demo,
    /// Held while a client is made, replaced or dropped, so a late 401 and a replacement of the
    /// key never interleave.
    clients: Mutex<HashMap<String, Arc<Client>>>,
    /// Bumped each time a connection's key is replaced: a 401 for a request sent before the
    /// replacement is about the old key, and must not mark the new one invalid.
    key_epochs: std::sync::Mutex<HashMap<String, u64>>,
    layouts: LayoutStore,
    /// The last schema fetched of each table, by connection: typing a page of rows needs it,
    /// and fetching it again for every page would spend a request of the rate limit on each.
    schemas: std::sync::Mutex<HashMap<(String, i64), Arc<infolobby::models::Table>>>,
    caches: Caches,
}

fn validation(message: impl Into<String>) -> CommandError {
    CommandError::new(ErrorCode::Validation, message)
}

/// `YYYY-MM-DD` or nothing.
fn check_date(date: Option<String>) -> CmdResult<Option<String>> {
    let Some(d) = date.map(|d| d.trim().to_string()).filter(|d| !d.is_empty()) else {
        return Ok(None);
    };
    let parts: Vec<&str> = d.split('-').collect();
    let ok = match parts.as_slice() {
        [y, m, day] => {
            [(y, 4), (m, 2), (day, 2)]
                .iter()
                .all(|(p, n)| p.len() == *n && p.bytes().all(|b| b.is_ascii_digit()))
                && matches!(m.parse::<u8>(), Ok(1..=12))
                && matches!(day.parse::<u8>(), Ok(1..=31))
        }
        _ => false,
    };
    if ok {
        Ok(Some(d))
    } else {
        Err(validation("The expiry date must look like 2027-03-31."))
    }
}

fn new_id() -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("c{nanos:x}")
}

/// A key refused while being checked: the user is holding the key right now, so say what to
/// check rather than "replace the key".
fn refused(e: infolobby::Error) -> CommandError {
    match e {
        infolobby::Error::InvalidKey { message } => CommandError::new(
            ErrorCode::InvalidKey,
            format!(
                "InfoLobby refused this key: {message}. Check that the whole key was copied and that it has not been revoked, rotated or expired."
            ),
        ),
        other => other.into(),
    }
}

fn invalid_key_message(conn: &Connection) -> CommandError {
    CommandError::new(
        ErrorCode::InvalidKey,
        format!(
            "The key of \u{201c}{}\u{201d} is no longer valid. Replace the key to continue.",
            conn.name
        ),
    )
}

impl Connections {
    pub fn new(config_dir: &Path, data_dir: &Path, keychain: Keychain) -> Self {
        Self {
            store: ConnectionStore::new(config_dir),
            settings: SettingsStore::new(config_dir),
            demo: Demo::new(data_dir.join("demo")),
            clients: Mutex::default(),
            key_epochs: std::sync::Mutex::default(),
            layouts: LayoutStore::new(config_dir),
            schemas: std::sync::Mutex::default(),
            caches: Caches::new(data_dir, keychain.clone()),
            keychain,
        }
    }

    /// The offline cache of a connection that keeps one.
    pub async fn cache(&self, id: &str) -> Option<Arc<Worker>> {
        if !self.get(id).ok()?.cache.enabled {
            return None;
        }
        self.caches.get(id).await
    }

    /// The cache of a connection that has one already; none is created.
    pub async fn existing_cache(&self, id: &str) -> Option<Arc<Worker>> {
        if !self.get(id).ok()?.cache.enabled {
            return None;
        }
        self.caches.existing(id).await
    }

    /// Why a connection's cache could not be opened, if it failed.
    pub fn cache_failure(&self, id: &str) -> Option<String> {
        self.caches.failure(id)
    }

    pub fn cache_path(&self, id: &str) -> std::path::PathBuf {
        self.caches.path(id)
    }

    /// Queues a copy of fetched data into the cache (the command does not wait for it), then
    /// evicts the least recently used data down to the connection's limit.
    pub async fn remember(
        &self,
        id: &str,
        f: impl FnOnce(&mut Db, i64) -> DbResult<()> + Send + 'static,
    ) {
        let Ok(conn) = self.get(id) else { return };
        if !conn.cache.enabled {
            return;
        }
        let Some(cache) = self.caches.get(id).await else {
            return;
        };
        let limit = conn.cache.limit_bytes();
        cache.write(move |db| {
            // A copy that cannot be written is only a copy missed; the page has its data.
            let _ = f(db, now_ms());
            let _ = db.evict_to(limit);
        });
    }

    /// Reads from the cache; `None` when there is no cache or nothing there.
    pub async fn recall<T: Send + 'static>(
        &self,
        id: &str,
        f: impl FnOnce(&mut Db, i64) -> DbResult<Option<T>> + Send + 'static,
    ) -> Option<T> {
        let cache = self.cache(id).await?;
        cache.read(move |db| f(db, now_ms()).ok().flatten()).await?
    }

    /// Switching the cache off deletes what it held; a smaller limit evicts at once.
    pub async fn set_cache_options(
        &self,
        id: &str,
        options: CacheOptions,
    ) -> CmdResult<Connection> {
        let options = CacheOptions {
            limit_mb: options
                .limit_mb
                .clamp(crate::cache::MIN_LIMIT_MB, crate::cache::MAX_LIMIT_MB),
            ..options
        };
        if !self.store.update(id, |c| c.cache = options)? {
            return Err(CommandError::unknown_connection());
        }
        if options.enabled {
            self.caches.retry(id);
            if let Some(cache) = self.caches.get(id).await {
                let limit = options.limit_bytes();
                cache.write(move |db| {
                    let _ = db.evict_to(limit);
                });
            }
        } else {
            self.caches.remove(id, true).await?;
        }
        self.get(id)
    }

    /// Empties a connection's cache; it fills again as pages are opened.
    pub async fn clear_cache(&self, id: &str) -> CmdResult<()> {
        self.get(id)?;
        self.caches.remove(id, false).await?;
        Ok(())
    }

    pub fn table_layout(&self, id: &str, table_id: i64) -> CmdResult<TableLayout> {
        self.get(id)?;
        Ok(self.layouts.get(id, table_id)?)
    }

    pub fn save_table_layout(
        &self,
        id: &str,
        table_id: i64,
        layout: TableLayout,
    ) -> CmdResult<TableLayout> {
        self.get(id)?;
        Ok(self.layouts.save(id, table_id, layout)?)
    }

    /// Keeps a freshly fetched schema for the pages that follow.
    pub fn remember_schema(&self, id: &str, table: &infolobby::models::Table) {
        if let Ok(mut schemas) = self.schemas.lock() {
            schemas.insert((id.to_string(), table.id), Arc::new(table.clone()));
        }
    }

    /// The schema fetched last for this table, if one was.
    pub fn known_schema(&self, id: &str, table_id: i64) -> Option<Arc<infolobby::models::Table>> {
        self.schemas
            .lock()
            .ok()
            .and_then(|s| s.get(&(id.to_string(), table_id)).cloned())
    }

    /// The schema fetched last for this table, or a fresh one.
    pub async fn schema(
        &self,
        id: &str,
        table_id: i64,
    ) -> CmdResult<Arc<infolobby::models::Table>> {
        let cached = self
            .schemas
            .lock()
            .ok()
            .and_then(|s| s.get(&(id.to_string(), table_id)).cloned());
        if let Some(table) = cached {
            return Ok(table);
        }
        let table = self
            .call(id, |c| async move { c.get_table(table_id).await })
            .await?;
        self.remember_schema(id, &table);
        Ok(Arc::new(table))
    }

    fn key_epoch(&self, id: &str) -> u64 {
        self.key_epochs
            .lock()
            .map(|e| e.get(id).copied().unwrap_or(0))
            .unwrap_or(0)
    }

    fn bump_key_epoch(&self, id: &str) {
        if let Ok(mut e) = self.key_epochs.lock() {
            let n = e.entry(id.to_string()).or_insert(0);
            *n = n.wrapping_add(1);
        }
    }

    pub fn list(&self) -> CmdResult<Vec<Connection>> {
        Ok(self.store.load()?)
    }

    pub fn settings(&self) -> CmdResult<Settings> {
        Ok(self.settings.load()?)
    }

    pub fn update_settings(&self, new: Settings) -> CmdResult<Settings> {
        Ok(self.settings.update(|s| *s = new)?)
    }

    pub fn get(&self, id: &str) -> CmdResult<Connection> {
        self.store
            .get(id)?
            .ok_or_else(CommandError::unknown_connection)
    }

    async fn url_of(&self, conn: &Connection) -> CmdResult<String> {
        if conn.demo {
            self.demo.base_url().await
        } else {
            Ok(conn.base_url.clone())
        }
    }

    /// What the server last said of a connection's rate-limit budget; `None` before any call or
    /// when it sends no headers.
    pub async fn budget(&self, id: &str) -> Option<infolobby::RateBudget> {
        let client = self.clients.lock().await.get(id).cloned()?;
        client.budget().await
    }

    /// Since when the connection's requests have not reached its server; `None` while it
    /// answers, and before any request.
    pub async fn unreachable_since(&self, id: &str) -> Option<std::time::SystemTime> {
        let client = self.clients.lock().await.get(id).cloned()?;
        client.unreachable_since().await
    }

    /// Whether the connection's server accepts a TCP connection now: a probe that costs no
    /// request of the budget, for noticing at once that the network is back.
    pub async fn reachable(&self, id: &str) -> bool {
        let Ok(conn) = self.get(id) else {
            return false;
        };
        let Ok(url) = self.url_of(&conn).await else {
            return false;
        };
        let Ok(url) = url::Url::parse(&url) else {
            return false;
        };
        let (Some(host), Some(port)) = (url.host_str(), url.port_or_known_default()) else {
            return false;
        };
        let connect = tokio::net::TcpStream::connect((host.to_string(), port));
        matches!(
            tokio::time::timeout(std::time::Duration::from_secs(3), connect).await,
            Ok(Ok(_))
        )
    }

    /// Checks the key against the service, stores it in the keychain, then saves the
    /// connection. Any failure leaves nothing behind.
    pub async fn add(&self, new: NewConnection) -> CmdResult<Connection> {
        let key = new.key.trim().to_string();
        if key.is_empty() {
            return Err(validation("Paste the API key."));
        }
        let base_url = match new.base_url.trim() {
            "" => DEFAULT_BASE_URL.to_string(),
            url => url.trim_end_matches('/').to_string(),
        };
        let expires_on = check_date(new.expires_on)?;
        let (mut capabilities, key_hint) = probe(&base_url, &key).await.map_err(refused)?;
        if new.read_only {
            capabilities.set_read_only(true);
        }
        let name = match new.name.trim() {
            "" => format!("InfoLobby ({key_hint})"),
            n => n.to_string(),
        };
        let conn = Connection {
            id: new_id(),
            name,
            base_url,
            key_hint,
            capabilities,
            expires_on,
            key_invalid: false,
            demo: false,
            alerts: Default::default(),
            cache: Default::default(),
        };
        self.save_new(conn, &key).await
    }

    /// Demo keys are public and live in the code, so they never touch the keychain: the demo
    /// works on a machine with no Secret Service.
    async fn save_new(&self, conn: Connection, key: &str) -> CmdResult<Connection> {
        if !conn.demo {
            self.keychain.store(&conn.id, key).await?;
        }
        if let Err(e) = self.store.upsert(conn.clone()) {
            if !conn.demo {
                let _ = self.keychain.delete(&conn.id).await;
            }
            return Err(e.into());
        }
        self.clients.lock().await.remove(&conn.id);
        if self.settings.load()?.active_connection.is_none() {
            self.set_active(&conn.id)?;
        }
        Ok(conn)
    }

    /// After a rotation: the new secret replaces the old one; name, settings and id stay.
    pub async fn replace_key(&self, id: &str, key: &str) -> CmdResult<Connection> {
        let mut conn = self.get(id)?;
        let key = key.trim();
        if key.is_empty() {
            return Err(validation("Paste the new API key."));
        }
        let url = self.url_of(&conn).await?;
        let (mut capabilities, key_hint) = probe(&url, key).await.map_err(refused)?;
        if let Some(ro) = conn.capabilities.read_only {
            capabilities.set_read_only(ro);
        }
        if conn.demo {
            return Err(validation(
                "Demo connections have fixed keys; reset the demo instead.",
            ));
        }
        let mut clients = self.clients.lock().await;
        self.keychain.store(id, key).await?;
        self.bump_key_epoch(id);
        conn.capabilities = capabilities;
        conn.key_hint = key_hint;
        conn.key_invalid = false;
        self.store.upsert(conn.clone())?;
        clients.remove(id);
        Ok(conn)
    }

    /// Which events of a connection raise an alert; counting is not affected.
    pub fn set_alert_prefs(
        &self,
        id: &str,
        prefs: crate::watcher::prefs::AlertPrefs,
    ) -> CmdResult<Connection> {
        let prefs = prefs.sanitized();
        if !self.store.update(id, |c| c.alerts = prefs)? {
            return Err(CommandError::unknown_connection());
        }
        self.get(id)
    }

    pub fn update(&self, id: &str, changes: ConnectionChanges) -> CmdResult<Connection> {
        let name = changes.name.trim().to_string();
        if name.is_empty() {
            return Err(validation("Give the connection a name."));
        }
        let expires_on = check_date(changes.expires_on)?;
        let found = self.store.update(id, |c| {
            c.name = name;
            c.expires_on = expires_on;
            if let Some(ro) = changes.read_only {
                c.capabilities.set_read_only(ro);
            }
        })?;
        if !found {
            return Err(CommandError::unknown_connection());
        }
        self.get(id)
    }

    /// Removes the keychain entry first: a connection whose secret cannot be removed stays
    /// listed, so no secret is left behind unseen.
    pub async fn remove(&self, id: &str) -> CmdResult<Vec<Connection>> {
        if !self.get(id)?.demo {
            self.keychain.delete(id).await?;
        }
        self.caches.remove(id, true).await?;
        let list = self.store.remove(id)?;
        self.clients.lock().await.remove(id);
        self.layouts.forget(id)?;
        if let Ok(mut schemas) = self.schemas.lock() {
            schemas.retain(|(conn, _), _| conn != id);
        }
        let settings = self.settings.load()?;
        if settings.active_connection.as_deref() == Some(id) {
            let next = list.first().map(|c| c.id.clone());
            self.settings.update(|s| s.active_connection = next)?;
        }
        Ok(list)
    }

    pub fn set_active(&self, id: &str) -> CmdResult<Settings> {
        self.get(id)?;
        Ok(self
            .settings
            .update(|s| s.active_connection = Some(id.to_string()))?)
    }

    /// Starts the demo server and adds a connection for each demo key (again, if removed).
    pub async fn start_demo(&self) -> CmdResult<Vec<Connection>> {
        let url = self.demo.base_url().await?;
        for (id, name, key, read_only) in DEMO_CONNECTIONS {
            if self.store.get(id)?.is_some() {
                continue;
            }
            let (mut capabilities, key_hint) = probe(&url, key).await?;
            if *read_only {
                capabilities.set_read_only(true);
            }
            if *key == crate::demo::RESTRICTED_DEMO_KEY {
                capabilities.set_workspace_restricted();
            }
            let conn = Connection {
                id: id.to_string(),
                name: name.to_string(),
                base_url: String::new(),
                key_hint,
                capabilities,
                expires_on: None,
                key_invalid: false,
                demo: true,
                alerts: Default::default(),
                cache: Default::default(),
            };
            self.save_new(conn, key).await?;
        }
        self.list()
    }

    /// Restores the demo data to the seed; demo connections keep working.
    pub async fn reset_demo(&self) -> CmdResult<()> {
        self.demo.reset().await?;
        let demo_ids: Vec<String> = DEMO_CONNECTIONS
            .iter()
            .map(|(id, ..)| id.to_string())
            .collect();
        let mut clients = self.clients.lock().await;
        for id in &demo_ids {
            clients.remove(id);
        }
        Ok(())
    }

    pub async fn shutdown(&self) {
        self.demo.stop().await;
    }

    async fn key_of(&self, conn: &Connection) -> Result<SecretString, KeychainError> {
        if conn.demo {
            return DEMO_CONNECTIONS
                .iter()
                .find(|(id, ..)| *id == conn.id)
                .map(|(_, _, key, _)| SecretString::from(*key))
                .ok_or(KeychainError::Missing);
        }
        self.keychain.read(&conn.id).await
    }

    /// The API client of a connection, built once from the keychain and reused.
    async fn client(&self, id: &str) -> CmdResult<Arc<Client>> {
        if let Some(c) = self.clients.lock().await.get(id) {
            return Ok(c.clone());
        }
        let conn = self.get(id)?;
        if conn.key_invalid {
            return Err(invalid_key_message(&conn));
        }
        let url = self.url_of(&conn).await?;
        let key = match self.key_of(&conn).await {
            Ok(key) => key,
            // Removed outside the app (e.g. in the OS's keychain manager): same cure as a 401.
            Err(KeychainError::Missing) => {
                self.store.update(id, |c| c.key_invalid = true)?;
                return Err(invalid_key_message(&conn));
            }
            Err(e) => return Err(e.into()),
        };
        let client = Arc::new(
            Client::builder(key.expose_secret())?
                .base_url(url)
                .build()?,
        );
        self.clients
            .lock()
            .await
            .insert(id.to_string(), client.clone());
        Ok(client)
    }

    /// Runs one API call on a connection. A 401 marks the connection "key no longer valid" so
    /// later calls stop at once, unless the key was replaced while the request was out; a 403
    /// teaches what the key lacks (see [`infolobby::Refusal`]); an IP refusal keeps the key.
    pub async fn call<T, F, Fut>(&self, id: &str, f: F) -> CmdResult<T>
    where
        F: FnOnce(Arc<Client>) -> Fut,
        Fut: Future<Output = Result<T, infolobby::Error>>,
    {
        let epoch = self.key_epoch(id);
        let client = self.client(id).await?;
        let err = match f(client).await {
            Ok(v) => return Ok(v),
            Err(e) => e,
        };
        match &err {
            infolobby::Error::InvalidKey { .. } => {
                let mut clients = self.clients.lock().await;
                if self.key_epoch(id) == epoch {
                    clients.remove(id);
                    self.store.update(id, |c| c.key_invalid = true)?;
                }
            }
            infolobby::Error::Forbidden { reason, .. } => match reason {
                Refusal::ReadOnlyKey => {
                    self.store
                        .update(id, |c| c.capabilities.set_read_only(true))?;
                }
                Refusal::WorkspaceRestricted => {
                    self.store
                        .update(id, |c| c.capabilities.set_workspace_restricted())?;
                }
                Refusal::WorkspaceRole | Refusal::Other => {}
            },
            _ => {}
        }
        Err(err.into())
    }
}
