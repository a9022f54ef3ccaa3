//! Exports: the save dialog, and a file the window fills in pieces. The window formats the rows
//! (so the file holds values exactly as the grid shows them); Rust owns the path, which the
//! page never learns, and makes sure a cancelled or failed export leaves no file that looks
//! complete: the pieces go to `<name>.part`, renamed to the chosen name only when finished.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

use serde::Serialize;
use tauri::State;
use tokio::sync::oneshot;

use super::files::{create_first_free, safe_file_name};
use super::local::{new_token, FilePicker};
use crate::error::{CmdResult, CommandError, ErrorCode};

/// Largest piece the window may send at once, and largest file.
const MAX_PIECE: usize = 16 * 1024 * 1024;
const MAX_FILE: u64 = 4 * 1024 * 1024 * 1024;

/// A file the user chose to export to, as the window sees it.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ExportFile {
    /// Stands for the path in the calls that follow.
    pub token: String,
    /// The name the user chose, for messages.
    pub name: String,
}

struct Job {
    target: PathBuf,
    part: PathBuf,
    file: Option<std::fs::File>,
    written: u64,
}

impl Job {
    fn discard(mut self) {
        self.file = None;
        let _ = std::fs::remove_file(&self.part);
    }
}

/// Exports in progress, by token.
#[derive(Default)]
pub struct Exports {
    jobs: Mutex<HashMap<String, Job>>,
}

fn storage(e: impl std::fmt::Display) -> CommandError {
    CommandError::new(
        ErrorCode::Storage,
        format!("The export could not be written: {e}"),
    )
}

fn unknown() -> CommandError {
    CommandError::new(
        ErrorCode::Validation,
        "This export has ended. Start it again.",
    )
}

/// The first free `<target>.part`, `<target>.2.part`, … so an unrelated file is never touched.
fn create_part(target: &std::path::Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    let dir = target.parent().unwrap_or(std::path::Path::new("."));
    create_first_free(dir, |n| match n {
        1 => format!("{name}.part"),
        n => format!("{name}.{n}.part"),
    })
}

impl Exports {
    /// Starts an export to `target`, which the user chose in the save dialog.
    pub fn start(&self, target: PathBuf) -> CmdResult<ExportFile> {
        let (part, file) = create_part(&target).map_err(storage)?;
        let token = new_token();
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut jobs = self.jobs.lock().map_err(|_| unknown())?;
        jobs.insert(
            token.clone(),
            Job {
                target,
                part,
                file: Some(file),
                written: 0,
            },
        );
        Ok(ExportFile { token, name })
    }

    pub fn append(&self, token: &str, text: &str) -> CmdResult<()> {
        if text.len() > MAX_PIECE {
            return Err(CommandError::new(
                ErrorCode::Validation,
                "An export piece is too large.",
            ));
        }
        let mut jobs = self.jobs.lock().map_err(|_| unknown())?;
        let job = jobs.get_mut(token).ok_or_else(unknown)?;
        let len = u64::try_from(text.len()).unwrap_or(u64::MAX);
        if job.written.saturating_add(len) > MAX_FILE {
            if let Some(job) = jobs.remove(token) {
                job.discard();
            }
            return Err(CommandError::new(
                ErrorCode::PayloadTooLarge,
                "The export would be larger than 4 GB.",
            ));
        }
        let file = job.file.as_mut().ok_or_else(unknown)?;
        if let Err(e) = file.write_all(text.as_bytes()) {
            if let Some(job) = jobs.remove(token) {
                job.discard();
            }
            return Err(storage(e));
        }
        job.written = job.written.saturating_add(len);
        Ok(())
    }

    /// Makes the file durable and gives it the chosen name; returns that name.
    pub fn finish(&self, token: &str) -> CmdResult<String> {
        let mut job = self
            .jobs
            .lock()
            .map_err(|_| unknown())?
            .remove(token)
            .ok_or_else(unknown)?;
        let synced = job.file.take().map(|f| f.sync_all()).transpose();
        let done = synced.and_then(|_| std::fs::rename(&job.part, &job.target));
        if let Err(e) = done {
            job.discard();
            return Err(storage(e));
        }
        Ok(job.target.display().to_string())
    }

    /// Ends an export and removes what was written of it.
    pub fn abort(&self, token: &str) {
        if let Some(job) = self.jobs.lock().ok().and_then(|mut j| j.remove(token)) {
            job.discard();
        }
    }
}

/// Opens the save dialog. `None`: the user cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_export_file(
    picker: State<'_, FilePicker>,
    exports: State<'_, Exports>,
    suggested_name: String,
) -> CmdResult<Option<ExportFile>> {
    let (reply, chosen) = oneshot::channel();
    picker.save(safe_file_name(&suggested_name), reply);
    match chosen.await.ok().flatten() {
        Some(path) => exports.start(path).map(Some),
        None => Ok(None),
    }
}

#[tauri::command]
#[specta::specta]
pub async fn export_append(
    exports: State<'_, Exports>,
    token: String,
    text: String,
) -> CmdResult<()> {
    exports.append(&token, &text)
}

#[tauri::command]
#[specta::specta]
pub async fn export_finish(exports: State<'_, Exports>, token: String) -> CmdResult<String> {
    exports.finish(&token)
}

#[tauri::command]
#[specta::specta]
pub async fn export_abort(exports: State<'_, Exports>, token: String) -> CmdResult<()> {
    exports.abort(&token);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_finished_export_has_the_chosen_name() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let exports = Exports::default();
        let target = dir.path().join("rows.csv");
        let done = exports
            .start(target.clone())
            .unwrap_or_else(|e| panic!("{e:?}"));
        exports
            .append(&done.token, "a,b\n")
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert!(
            !target.exists(),
            "nothing under the chosen name while it runs"
        );
        assert!(dir.path().join("rows.csv.part").exists());
        exports
            .finish(&done.token)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            std::fs::read_to_string(&target).unwrap_or_default(),
            "a,b\n"
        );
        assert!(!dir.path().join("rows.csv.part").exists());

        let cancelled = dir.path().join("cancelled.csv");
        let job = exports
            .start(cancelled.clone())
            .unwrap_or_else(|e| panic!("{e:?}"));
        exports
            .append(&job.token, "x\n")
            .unwrap_or_else(|e| panic!("{e:?}"));
        exports.abort(&job.token);
        assert!(!cancelled.exists());
        assert!(!dir.path().join("cancelled.csv.part").exists());
        assert!(
            exports.append(&job.token, "late\n").is_err(),
            "an ended export takes nothing"
        );
    }

    #[test]
    fn a_partial_file_never_replaces_an_existing_one() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join("r.csv.part"), "someone else's").unwrap_or_default();
        let exports = Exports::default();
        let job = exports
            .start(dir.path().join("r.csv"))
            .unwrap_or_else(|e| panic!("{e:?}"));
        exports.abort(&job.token);
        assert_eq!(
            std::fs::read_to_string(dir.path().join("r.csv.part")).unwrap_or_default(),
            "someone else's"
        );
    }
}
