//! Small JSON files in the app's config directory. One writer at a time per file (the watcher
//! and commands share them), and every write is durable: a temporary file of its own, synced,
//! renamed over the old one, and the folder synced, so a crash or a power cut leaves either the
//! old file or the new one, never half of one or none.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{de::DeserializeOwned, Serialize};

#[derive(Debug, thiserror::Error)]
#[error("Could not read or write the settings file {path}: {message}")]
pub struct FileError {
    pub path: String,
    pub message: String,
}

/// A file that could not be read and was kept aside, for the window to tell the user about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct DamagedFile {
    /// The file the app uses, e.g. `…/connections.json`.
    pub path: String,
    /// Where the damaged content was kept.
    pub kept_as: String,
    /// Why it could not be read.
    pub reason: String,
}

/// Damaged files found since start-up, until the user has seen them.
fn damaged() -> &'static Mutex<Vec<DamagedFile>> {
    static DAMAGED: OnceLock<Mutex<Vec<DamagedFile>>> = OnceLock::new();
    DAMAGED.get_or_init(Mutex::default)
}

/// The damaged files found so far; `clear` forgets them once the window has shown them.
pub fn damaged_files(clear: bool) -> Vec<DamagedFile> {
    let Ok(mut list) = damaged().lock() else {
        return Vec::new();
    };
    if clear {
        std::mem::take(&mut *list)
    } else {
        list.clone()
    }
}

/// One lock per path for the whole process, whoever holds a `JsonFile` for it.
fn lock_for(path: &Path) -> Arc<Mutex<()>> {
    static LOCKS: OnceLock<Mutex<HashMap<PathBuf, Arc<Mutex<()>>>>> = OnceLock::new();
    let locks = LOCKS.get_or_init(Mutex::default);
    let mut map = locks.lock().unwrap_or_else(|p| p.into_inner());
    map.entry(path.to_path_buf()).or_default().clone()
}

#[derive(Debug, Clone)]
pub struct JsonFile {
    path: PathBuf,
    lock: Arc<Mutex<()>>,
}

impl JsonFile {
    pub fn new(dir: &Path, name: &str) -> Self {
        let path = dir.join(name);
        Self {
            lock: lock_for(&path),
            path,
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
    /// kept under a timestamped name, reported through [`damaged_files`], and reads as the
    /// default, so the app goes on working and the user learns what happened.
    pub fn load<T: DeserializeOwned + Default>(&self) -> Result<T, FileError> {
        let _guard = self.lock.lock().unwrap_or_else(|p| p.into_inner());
        self.load_locked()
    }

    fn load_locked<T: DeserializeOwned + Default>(&self) -> Result<T, FileError> {
        match std::fs::read(&self.path) {
            Ok(bytes) => match serde_json::from_slice(&bytes) {
                Ok(v) => Ok(v),
                Err(e) => {
                    self.keep_damaged(&e.to_string())?;
                    Ok(T::default())
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(T::default()),
            Err(e) => Err(self.err(e)),
        }
    }

    fn keep_damaged(&self, reason: &str) -> Result<(), FileError> {
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut kept = self.path.with_file_name(format!("{name}.damaged-{stamp}"));
        let mut n = 1;
        while kept.exists() {
            n += 1;
            kept = self
                .path
                .with_file_name(format!("{name}.damaged-{stamp}-{n}"));
        }
        std::fs::rename(&self.path, &kept).map_err(|e| self.err(e))?;
        if let Ok(mut list) = damaged().lock() {
            list.push(DamagedFile {
                path: self.path.display().to_string(),
                kept_as: kept.display().to_string(),
                reason: reason.to_string(),
            });
        }
        Ok(())
    }

    pub fn save<T: Serialize + ?Sized>(&self, value: &T) -> Result<(), FileError> {
        let _guard = self.lock.lock().unwrap_or_else(|p| p.into_inner());
        self.save_locked(value)
    }

    /// Reads, changes and writes the value with no other writer in between.
    pub fn update<T, R>(&self, f: impl FnOnce(&mut T) -> R) -> Result<R, FileError>
    where
        T: Serialize + DeserializeOwned + Default,
    {
        let _guard = self.lock.lock().unwrap_or_else(|p| p.into_inner());
        let mut value: T = self.load_locked()?;
        let out = f(&mut value);
        self.save_locked(&value)?;
        Ok(out)
    }

    fn save_locked<T: Serialize + ?Sized>(&self, value: &T) -> Result<(), FileError> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(|e| self.err(e))?;
        let json = serde_json::to_vec_pretty(value).map_err(|e| self.err(e))?;
        let tmp = self.temp_path();
        let written = (|| -> std::io::Result<()> {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&tmp)?;
            f.write_all(&json)?;
            f.sync_all()?;
            std::fs::rename(&tmp, &self.path)?;
            sync_dir(dir)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written.map_err(|e| self.err(e))
    }

    /// A name no other writer (another thread, another copy of the app) uses at the same time.
    fn temp_path(&self) -> PathBuf {
        static N: AtomicU64 = AtomicU64::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.path.with_file_name(format!(
            ".{name}.{}-{}-{nanos}.tmp",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ))
    }
}

/// Makes the rename itself durable; only Unix can open a folder to sync it.
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_damaged_file_is_kept_reported_and_reads_as_empty() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let file = JsonFile::new(dir.path(), "list.json");
        std::fs::write(file.path(), b"{ not json").unwrap_or_default();
        let v: Vec<String> = file.load().unwrap_or_else(|e| panic!("{e}"));
        assert!(v.is_empty());
        let found = damaged_files(false);
        let mine = found
            .iter()
            .find(|d| d.path == file.path().display().to_string())
            .unwrap_or_else(|| panic!("not reported: {found:?}"));
        assert!(mine.kept_as.contains("list.json.damaged-"), "{mine:?}");
        assert_eq!(
            std::fs::read(&mine.kept_as).unwrap_or_default(),
            b"{ not json"
        );
        assert!(!file.path().exists());
        file.save(&vec!["a".to_string()])
            .unwrap_or_else(|e| panic!("{e}"));
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "no temporary files left");
    }

    #[test]
    fn concurrent_updates_lose_nothing() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let threads: Vec<_> = (0..8)
            .map(|t| {
                // Each thread its own handle on the same file, as the watcher and commands have.
                let file = JsonFile::new(dir.path(), "n.json");
                std::thread::spawn(move || {
                    for i in 0..25 {
                        file.update(|v: &mut Vec<String>| v.push(format!("{t}-{i}")))
                            .unwrap_or_else(|e| panic!("{e}"));
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap_or_else(|_| panic!("a writer panicked"));
        }
        let v: Vec<String> = JsonFile::new(dir.path(), "n.json")
            .load()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(v.len(), 200);
    }
}
