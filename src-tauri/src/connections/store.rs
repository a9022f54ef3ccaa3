//! The connection list in the app's config directory (`connections.json`). Never holds a secret.

use std::path::Path;

use super::Connection;
use crate::json_file::{FileError, JsonFile};

#[derive(Debug, Clone)]
pub struct ConnectionStore {
    file: JsonFile,
}

impl ConnectionStore {
    /// `dir` is the app's config directory.
    pub fn new(dir: &Path) -> Self {
        Self {
            file: JsonFile::new(dir, "connections.json"),
        }
    }

    /// The saved connections; none when the file does not exist yet.
    pub fn load(&self) -> Result<Vec<Connection>, FileError> {
        self.file.load()
    }

    pub fn save(&self, list: &[Connection]) -> Result<(), FileError> {
        self.file.save(list)
    }

    pub fn get(&self, id: &str) -> Result<Option<Connection>, FileError> {
        Ok(self.load()?.into_iter().find(|c| c.id == id))
    }

    /// Adds or replaces (by id) one connection.
    pub fn upsert(&self, conn: Connection) -> Result<Vec<Connection>, FileError> {
        self.file.update(|list: &mut Vec<Connection>| {
            match list.iter_mut().find(|c| c.id == conn.id) {
                Some(existing) => *existing = conn,
                None => list.push(conn),
            }
            list.clone()
        })
    }

    /// Changes one connection in place; `false` when it does not exist.
    pub fn update(&self, id: &str, f: impl FnOnce(&mut Connection)) -> Result<bool, FileError> {
        self.file.update(|list: &mut Vec<Connection>| {
            list.iter_mut().find(|c| c.id == id).map(f).is_some()
        })
    }

    pub fn remove(&self, id: &str) -> Result<Vec<Connection>, FileError> {
        self.file.update(|list: &mut Vec<Connection>| {
            list.retain(|c| c.id != id);
            list.clone()
        })
    }
}
