//! The connection list in the app's config directory, as JSON, written atomically (a temporary
//! file renamed over the old one) so a crash never leaves half a file.

use std::path::{Path, PathBuf};

use super::Connection;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("Could not read or write the settings file {path}: {message}")]
    Io { path: String, message: String },
}

#[derive(Debug, Clone)]
pub struct ConnectionStore {
    path: PathBuf,
}

impl ConnectionStore {
    /// `dir` is the app's config directory.
    pub fn new(dir: &Path) -> Self {
        Self {
            path: dir.join("connections.json"),
        }
    }

    fn io(&self, e: impl std::fmt::Display) -> StoreError {
        StoreError::Io {
            path: self.path.display().to_string(),
            message: e.to_string(),
        }
    }

    /// The saved connections; none when the file does not exist yet. A damaged file is kept
    /// aside (`.bad`) rather than silently overwritten.
    pub fn load(&self) -> Result<Vec<Connection>, StoreError> {
        match std::fs::read(&self.path) {
            Ok(bytes) => match serde_json::from_slice(&bytes) {
                Ok(list) => Ok(list),
                Err(e) => {
                    let _ = std::fs::rename(&self.path, self.path.with_extension("json.bad"));
                    Err(self.io(format!("it was damaged and has been set aside ({e})")))
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(e) => Err(self.io(e)),
        }
    }

    pub fn save(&self, list: &[Connection]) -> Result<(), StoreError> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| self.io(e))?;
        }
        let json = serde_json::to_vec_pretty(list).map_err(|e| self.io(e))?;
        let tmp = self.path.with_extension("json.tmp");
        std::fs::write(&tmp, json).map_err(|e| self.io(e))?;
        std::fs::rename(&tmp, &self.path).map_err(|e| self.io(e))
    }

    /// Adds or replaces (by id) one connection.
    pub fn upsert(&self, conn: Connection) -> Result<Vec<Connection>, StoreError> {
        let mut list = self.load()?;
        match list.iter_mut().find(|c| c.id == conn.id) {
            Some(existing) => *existing = conn,
            None => list.push(conn),
        }
        self.save(&list)?;
        Ok(list)
    }

    pub fn remove(&self, id: &str) -> Result<Vec<Connection>, StoreError> {
        let mut list = self.load()?;
        list.retain(|c| c.id != id);
        self.save(&list)?;
        Ok(list)
    }
}
