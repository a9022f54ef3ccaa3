//! Small JSON files in the app's config directory, written atomically (a temporary file renamed
//! over the old one) so a crash never leaves half a file.

use std::path::{Path, PathBuf};

use serde::{de::DeserializeOwned, Serialize};

#[derive(Debug, thiserror::Error)]
#[error("Could not read or write the settings file {path}: {message}")]
pub struct FileError {
    pub path: String,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct JsonFile {
    path: PathBuf,
}

impl JsonFile {
    pub fn new(dir: &Path, name: &str) -> Self {
        Self {
            path: dir.join(name),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, e: impl std::fmt::Display) -> FileError {
        FileError {
            path: self.path.display().to_string(),
            message: e.to_string(),
        }
    }

    /// The stored value, or `T::default()` when the file does not exist yet. A damaged file is
    /// kept aside (`.bad`) rather than silently overwritten, and reported.
    pub fn load<T: DeserializeOwned + Default>(&self) -> Result<T, FileError> {
        match std::fs::read(&self.path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
                let _ = std::fs::rename(&self.path, self.path.with_extension("json.bad"));
                self.err(format!("it was damaged and has been set aside ({e})"))
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(T::default()),
            Err(e) => Err(self.err(e)),
        }
    }

    pub fn save<T: Serialize + ?Sized>(&self, value: &T) -> Result<(), FileError> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| self.err(e))?;
        }
        let json = serde_json::to_vec_pretty(value).map_err(|e| self.err(e))?;
        let tmp = self.path.with_extension("json.tmp");
        std::fs::write(&tmp, json).map_err(|e| self.err(e))?;
        std::fs::rename(&tmp, &self.path).map_err(|e| self.err(e))
    }
}
