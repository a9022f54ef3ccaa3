//! Exports: the save dialog, and a file the window fills in pieces. The window formats the rows
//! (so the file holds values exactly as the grid shows them); Rust owns the path, which the
//! page never learns, and makes sure a cancelled or failed export leaves no file that looks
//! complete: the pieces go to `<name>.part`, renamed to the chosen name only when finished.
//! The chosen name's extension picks the format: `.xlsx` a workbook, anything else CSV.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use tauri::State;
use tokio::sync::oneshot;

use super::files::{create_first_free, safe_file_name};
use super::local::{new_token, FilePicker};
use crate::error::{CmdResult, CommandError, ErrorCode};

/// Largest piece the window may send at once, and largest file.
const MAX_PIECE: usize = 16 * 1024 * 1024;
const MAX_FILE: u64 = 4 * 1024 * 1024 * 1024;

/// Rows an XLSX sheet can hold, header included.
const MAX_XLSX_ROWS: u32 = 1_048_576;
/// Characters an XLSX cell can hold.
const MAX_XLSX_TEXT: usize = 32_767;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// Text pieces through `export_append`.
    Csv,
    /// Rows of cells through `export_append_rows`.
    Xlsx,
}

/// A file the user chose to export to, as the window sees it.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ExportFile {
    /// Stands for the path in the calls that follow.
    pub token: String,
    /// The name the user chose, for messages.
    pub name: String,
    pub format: ExportFormat,
}

/// One cell of an XLSX row: its text as the grid shows it, and its number when it is one, so
/// the spreadsheet can sum a column.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct ExportCell {
    pub text: String,
    #[serde(default)]
    pub number: Option<f64>,
}

enum Sink {
    Csv(std::fs::File),
    /// Held in memory and written at the end: a workbook is one zip, not a stream.
    Xlsx {
        workbook: Box<rust_xlsxwriter::Workbook>,
        rows: u32,
    },
}

struct Job {
    target: PathBuf,
    part: PathBuf,
    sink: Option<Sink>,
    written: u64,
}

impl Job {
    fn discard(mut self) {
        self.sink = None;
        let _ = std::fs::remove_file(&self.part);
    }
}

fn format_of(target: &std::path::Path) -> ExportFormat {
    match target.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("xlsx") => ExportFormat::Xlsx,
        _ => ExportFormat::Csv,
    }
}

fn wrong_format() -> CommandError {
    CommandError::new(ErrorCode::Validation, "This export writes another format.")
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
        let format = format_of(&target);
        let sink = match format {
            ExportFormat::Csv => Sink::Csv(file),
            ExportFormat::Xlsx => {
                // The `.part` file is kept as the placeholder the workbook is saved over.
                drop(file);
                let mut workbook = rust_xlsxwriter::Workbook::new();
                workbook.add_worksheet();
                Sink::Xlsx {
                    workbook: Box::new(workbook),
                    rows: 0,
                }
            }
        };
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
                sink: Some(sink),
                written: 0,
            },
        );
        Ok(ExportFile {
            token,
            name,
            format,
        })
    }

    /// Rows for an XLSX export, each a list of cells.
    pub fn append_rows(&self, token: &str, rows: &[Vec<ExportCell>]) -> CmdResult<()> {
        let mut jobs = self.jobs.lock().map_err(|_| unknown())?;
        let job = jobs.get_mut(token).ok_or_else(unknown)?;
        let Some(Sink::Xlsx { workbook, rows: at }) = job.sink.as_mut() else {
            return Err(wrong_format());
        };
        let added = u32::try_from(rows.len()).unwrap_or(u32::MAX);
        if at.saturating_add(added) > MAX_XLSX_ROWS {
            if let Some(job) = jobs.remove(token) {
                job.discard();
            }
            return Err(CommandError::new(
                ErrorCode::PayloadTooLarge,
                "An XLSX sheet holds at most 1,048,576 rows. Export to CSV instead.",
            ));
        }
        let sheet = workbook.worksheet_from_index(0).map_err(storage)?;
        for row in rows {
            for (col, cell) in row.iter().enumerate().take(16_384) {
                let col = u16::try_from(col).unwrap_or(u16::MAX);
                let written = match cell.number.filter(|n| n.is_finite()) {
                    Some(n) => sheet.write_number(*at, col, n).map(|_| ()),
                    None => {
                        let text: String = cell.text.chars().take(MAX_XLSX_TEXT).collect();
                        sheet.write_string(*at, col, text).map(|_| ())
                    }
                };
                written.map_err(storage)?;
            }
            *at += 1;
        }
        Ok(())
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
        let Some(Sink::Csv(file)) = job.sink.as_mut() else {
            return Err(wrong_format());
        };
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
        let written = match job.sink.take() {
            Some(Sink::Csv(f)) => f.sync_all(),
            Some(Sink::Xlsx { mut workbook, .. }) => workbook
                .save(&job.part)
                .map_err(|e| std::io::Error::other(e.to_string())),
            None => Ok(()),
        };
        let done = written.and_then(|_| std::fs::rename(&job.part, &job.target));
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
pub async fn export_append_rows(
    exports: State<'_, Exports>,
    token: String,
    rows: Vec<Vec<ExportCell>>,
) -> CmdResult<()> {
    exports.append_rows(&token, &rows)
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
    fn an_xlsx_export_is_a_workbook_with_typed_cells() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let exports = Exports::default();
        let target = dir.path().join("rows.XLSX");
        let job = exports
            .start(target.clone())
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(job.format, ExportFormat::Xlsx);
        assert!(
            exports.append(&job.token, "a,b").is_err(),
            "no CSV text into a workbook"
        );
        let cell = |text: &str, number: Option<f64>| ExportCell {
            text: text.into(),
            number,
        };
        let rows = vec![
            vec![cell("Title", None), cell("Amount", None)],
            vec![
                cell("Grace \"Amazing\" Hopper", None),
                cell("1,234.50", Some(1234.5)),
            ],
        ];
        exports
            .append_rows(&job.token, &rows)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert!(!target.exists());
        exports
            .finish(&job.token)
            .unwrap_or_else(|e| panic!("{e:?}"));
        let bytes = std::fs::read(&target).unwrap_or_default();
        assert!(bytes.starts_with(b"PK\x03\x04"), "a zip, as a workbook is");
        assert!(!dir.path().join("rows.XLSX.part").exists());
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
