//! Files of file fields (§11): uploads of what the user picked, read with a bound; downloads
//! decoded straight into a new file whose name is safe on every system.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use infolobby::models::FieldFiles;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::State;

use super::local::PickedFiles;
use crate::connections::service::Connections;
use crate::error::{CmdResult, CommandError, ErrorCode};

/// Where downloads are saved (the user's Downloads folder), managed as Tauri state.
pub struct DownloadDir(pub PathBuf);

/// Bytes done of bytes total, for a progress bar.
#[derive(Debug, Clone, Copy, Serialize, specta::Type)]
pub struct TransferProgress {
    pub done: u32,
    pub total: u32,
}

/// A file picked by the user, read into memory.
pub struct LocalFile {
    pub name: String,
    pub mime: String,
    pub bytes: bytes::Bytes,
}

fn io_error(path: &Path, e: impl std::fmt::Display) -> CommandError {
    CommandError::new(
        ErrorCode::Validation,
        format!("Could not read {}: {e}", path.display()),
    )
}

/// How long reading a picked file may take: a file on a stalled network share or a device
/// must not hold an upload forever.
const READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// Reads a file the user picked: regular files only (not a device, a pipe or a folder), and
/// never more than the upload cap, whatever its size said a moment ago.
pub async fn read_local(path: &Path) -> CmdResult<LocalFile> {
    use tokio::io::AsyncReadExt;
    let cap = infolobby::MAX_FILE_BYTES as u64;
    let too_large =
        || -> CommandError { infolobby::Error::PayloadTooLarge { limit: Some(cap) }.into() };
    let meta = tokio::fs::metadata(path)
        .await
        .map_err(|e| io_error(path, e))?;
    if !meta.is_file() {
        return Err(io_error(path, "only regular files can be attached"));
    }
    if meta.len() > cap {
        return Err(too_large());
    }
    let read = async {
        let file = tokio::fs::File::open(path).await?;
        if !file.metadata().await?.is_file() {
            return Err(std::io::Error::other("only regular files can be attached"));
        }
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        file.take(cap + 1).read_to_end(&mut bytes).await?;
        Ok(bytes)
    };
    let bytes = tokio::time::timeout(READ_TIMEOUT, read)
        .await
        .map_err(|_| io_error(path, "reading the file took too long"))?
        .map_err(|e| io_error(path, e))?;
    if bytes.len() as u64 > cap {
        return Err(too_large());
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    let mime = mime_guess::from_path(path)
        .first_or_octet_stream()
        .essence_str()
        .to_string();
    Ok(LocalFile {
        name,
        mime,
        bytes: bytes.into(),
    })
}

/// Forwards the client's progress calls to the UI.
pub fn progress_to(channel: Channel<TransferProgress>) -> infolobby::Progress {
    Arc::new(move |done, total| {
        let clamp = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
        // A closed window is not an error for the transfer itself.
        let _ = channel.send(TransferProgress {
            done: clamp(done),
            total: clamp(total),
        });
    })
}

/// Characters that reorder text on screen, so `invoice\u{202e}fdp.exe` cannot pass for a PDF.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Names Windows keeps for devices, with any extension (`con.txt` opens the console).
fn is_reserved_on_windows(name: &str) -> bool {
    let stem = name
        .split('.')
        .next()
        .unwrap_or("")
        .trim_end()
        .to_ascii_uppercase();
    matches!(
        stem.as_str(),
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$"
    ) || ((stem.starts_with("COM") || stem.starts_with("LPT"))
        && stem.chars().count() == 4
        && stem
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_digit() || "¹²³".contains(c)))
}

/// Longest name kept, in bytes: below every common file system's 255.
const MAX_NAME_BYTES: usize = 200;

/// A server's file name made safe to create on Linux, macOS and Windows: the last path part
/// only, no control or bidi characters, none of `<>:"/\|?*`, no trailing dots or spaces, no
/// device names, and not too long (the extension is kept).
pub fn safe_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .map(|c| if "<>:\"|?*".contains(c) { '_' } else { c })
        .collect();
    let mut name = cleaned
        .trim_start_matches(' ')
        .trim_end_matches(['.', ' '])
        .to_string();
    if name.is_empty() || name.chars().all(|c| c == '.') {
        name = "download".into();
    }
    if is_reserved_on_windows(&name) {
        name.insert(0, '_');
    }
    if name.len() > MAX_NAME_BYTES {
        let (stem, ext) = split_ext(&name);
        let ext = if ext.len() <= 20 { ext } else { "" };
        let mut cut = MAX_NAME_BYTES.saturating_sub(ext.len());
        while !stem.is_char_boundary(cut.min(stem.len())) {
            cut = cut.saturating_sub(1);
        }
        name = format!("{}{ext}", stem.get(..cut.min(stem.len())).unwrap_or(""));
    }
    name
}

/// `("report", ".pdf")`; a leading dot is part of the stem (`.bashrc`).
fn split_ext(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(i) if i > 0 => (name.get(..i).unwrap_or(name), name.get(i..).unwrap_or("")),
        _ => (name, ""),
    }
}

/// `name`, then `name (2).ext`, `name (3).ext` … for the n-th try.
fn numbered(name: &str, n: u32) -> String {
    if n <= 1 {
        return name.to_string();
    }
    let (stem, ext) = split_ext(name);
    format!("{stem} ({n}){ext}")
}

/// Creates the first of `candidate(1)`, `candidate(2)`, … that `dir` does not hold yet, never
/// opening an existing file or a symlink: `create_new` fails on both, so two writers of one
/// name cannot overwrite each other and a planted link cannot redirect the write.
pub fn create_first_free(
    dir: &Path,
    candidate: impl Fn(u32) -> String,
) -> std::io::Result<(PathBuf, std::fs::File)> {
    for n in 1..=10_000 {
        let path = dir.join(candidate(n));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        "too many files of this name",
    ))
}

/// Creates a new file in `dir` for `name` (made safe): `name`, else `name (2).ext`, ….
pub fn create_download(dir: &Path, name: &str) -> std::io::Result<(PathBuf, std::fs::File)> {
    std::fs::create_dir_all(dir)?;
    let name = safe_file_name(name);
    create_first_free(dir, |n| numbered(&name, n))
}

/// Decodes a download straight into a new file in `dir`; returns where it went. A failure
/// removes the partial file.
pub async fn save_download(dir: &Path, file: infolobby::EncodedFile) -> CmdResult<String> {
    let dir = dir.to_path_buf();
    let fail = move |dir: &Path, e: String| {
        CommandError::new(
            ErrorCode::Storage,
            format!("Could not save the file in {}: {e}", dir.display()),
        )
    };
    let shown = dir.clone();
    let job = tokio::task::spawn_blocking(move || -> Result<PathBuf, String> {
        use std::io::Write;
        let (path, out) = create_download(&dir, &file.name).map_err(|e| e.to_string())?;
        let mut out = std::io::BufWriter::with_capacity(256 * 1024, out);
        let written = file
            .write_to(&mut out)
            .map_err(|e| e.to_string())
            .and_then(|_| out.flush().map_err(|e| e.to_string()))
            .and_then(|_| out.get_ref().sync_all().map_err(|e| e.to_string()));
        match written {
            Ok(()) => Ok(path),
            Err(e) => {
                let _ = std::fs::remove_file(&path);
                Err(e)
            }
        }
    });
    match job.await {
        Ok(Ok(path)) => Ok(path.display().to_string()),
        Ok(Err(e)) => Err(fail(&shown, e)),
        Err(e) => Err(fail(&shown, e.to_string())),
    }
}

/// Attaches a local file to a file field, reporting progress; safe to call again after a
/// failure.
#[tauri::command]
#[specta::specta]
#[allow(clippy::too_many_arguments)]
pub async fn upload_file(
    state: State<'_, Connections>,
    picked: State<'_, PickedFiles>,
    connection_id: String,
    table_id: i64,
    record_id: i64,
    field_id: String,
    file_token: String,
    on_progress: Channel<TransferProgress>,
) -> CmdResult<FieldFiles> {
    let file = read_local(&picked.path(&file_token)?).await?;
    let progress = progress_to(on_progress);
    state
        .call(&connection_id, |c| async move {
            c.upload_file_with_progress(
                table_id,
                record_id,
                &field_id,
                &file.name,
                &file.mime,
                file.bytes,
                Some(progress),
            )
            .await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_file(
    state: State<'_, Connections>,
    connection_id: String,
    table_id: i64,
    record_id: i64,
    field_id: String,
    path: String,
) -> CmdResult<FieldFiles> {
    state
        .call(&connection_id, |c| async move {
            c.delete_file(table_id, record_id, &field_id, &path).await
        })
        .await
}

/// Runs a download that reports to `on_progress` and saves the file in the Downloads folder;
/// returns where it went. Shared by field files and comment attachments.
pub async fn download_into<F, Fut>(
    state: &Connections,
    downloads: &DownloadDir,
    connection_id: &str,
    on_progress: Channel<TransferProgress>,
    fetch: F,
) -> CmdResult<String>
where
    F: FnOnce(Arc<infolobby::Client>, infolobby::Progress) -> Fut,
    Fut: std::future::Future<Output = Result<infolobby::EncodedFile, infolobby::Error>>,
{
    let progress = progress_to(on_progress);
    let file = state.call(connection_id, |c| fetch(c, progress)).await?;
    save_download(&downloads.0, file).await
}

/// Saves an attachment in the Downloads folder and returns where it went.
#[tauri::command]
#[specta::specta]
#[allow(clippy::too_many_arguments)]
pub async fn download_file(
    state: State<'_, Connections>,
    downloads: State<'_, DownloadDir>,
    connection_id: String,
    table_id: i64,
    record_id: i64,
    field_id: String,
    path: String,
    on_progress: Channel<TransferProgress>,
) -> CmdResult<String> {
    download_into(
        &state,
        &downloads,
        &connection_id,
        on_progress,
        |c, p| async move {
            c.download_file_with_progress(table_id, record_id, &field_id, &path, Some(p))
                .await
        },
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn download_names_are_safe_everywhere() {
        let cases = [
            ("report.pdf", "report.pdf"),
            ("../../etc/passwd", "passwd"),
            ("..\\..\\Windows\\win.ini", "win.ini"),
            ("..", "download"),
            ("", "download"),
            ("...", "download"),
            ("CON", "_CON"),
            ("con.txt", "_con.txt"),
            ("Lpt1.log", "_Lpt1.log"),
            ("COM¹", "_COM¹"),
            ("console.txt", "console.txt"),
            ("a:b.txt", "a_b.txt"),
            ("what?<now>|*\"x\".txt", "what__now____x_.txt"),
            ("trailing. . ", "trailing"),
            ("name.", "name"),
            ("  spaced.txt", "spaced.txt"),
            ("tab\tnew\nline\u{7}.txt", "tabnewline.txt"),
            ("invoice\u{202e}fdp.exe", "invoicefdp.exe"),
            ("\u{2066}x\u{2069}.txt", "x.txt"),
            (".bashrc", ".bashrc"),
        ];
        for (given, want) in cases {
            assert_eq!(safe_file_name(given), want, "{given:?}");
        }
        let long = format!("{}.pdf", "é".repeat(300));
        let made = safe_file_name(&long);
        assert!(
            made.len() <= MAX_NAME_BYTES && made.ends_with(".pdf"),
            "{made}"
        );
    }

    #[tokio::test]
    async fn only_regular_files_within_the_cap_are_read() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let ok = dir.path().join("a.txt");
        std::fs::write(&ok, b"hello").unwrap_or_default();
        let file = read_local(&ok).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (file.name.as_str(), file.mime.as_str(), &file.bytes[..]),
            ("a.txt", "text/plain", &b"hello"[..])
        );

        let big = dir.path().join("big.bin");
        std::fs::File::create(&big)
            .and_then(|f| f.set_len(infolobby::MAX_FILE_BYTES as u64 + 1))
            .unwrap_or_default();
        let e = read_local(&big)
            .await
            .err()
            .unwrap_or_else(|| panic!("read"));
        assert_eq!(e.code, ErrorCode::PayloadTooLarge);

        let e = read_local(dir.path())
            .await
            .err()
            .unwrap_or_else(|| panic!("read"));
        assert!(e.message.contains("only regular files"), "{}", e.message);
        let e = read_local(&dir.path().join("gone"))
            .await
            .err()
            .unwrap_or_else(|| panic!("read"));
        assert_eq!(e.code, ErrorCode::Validation);
        #[cfg(unix)]
        {
            // A pipe would block a read forever.
            let fifo = dir.path().join("pipe");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            assert!(
                made.is_ok_and(|s| s.success()),
                "mkfifo (coreutils) made the pipe"
            );
            let e = read_local(&fifo)
                .await
                .err()
                .unwrap_or_else(|| panic!("read"));
            assert!(e.message.contains("only regular files"), "{}", e.message);
        }
    }

    #[test]
    fn downloads_never_overwrite_or_follow_links() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let (a, _) = create_download(dir.path(), "a.txt").unwrap_or_else(|e| panic!("{e}"));
        let (b, _) = create_download(dir.path(), "a.txt").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(a, dir.path().join("a.txt"));
        assert_eq!(b, dir.path().join("a (2).txt"));
        #[cfg(unix)]
        {
            let target = dir.path().join("target.txt");
            std::fs::write(&target, b"keep").unwrap_or_default();
            std::os::unix::fs::symlink(&target, dir.path().join("link.txt")).unwrap_or_default();
            let (c, _) = create_download(dir.path(), "link.txt").unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(c, dir.path().join("link (2).txt"));
            assert_eq!(std::fs::read(&target).unwrap_or_default(), b"keep");
        }
    }
}
