//! Closing to the tray hands the tray over to a fresh instance of the app that never loaded a
//! web engine. Destroying the window ends WebKit's processes, but the libraries it loaded into
//! this process (WebKit, JavaScriptCore, Mesa's LLVM for software GL, speech synthesis) stay
//! mapped for the life of the process, and they are most of its memory: measured here, 125 MiB
//! for this process once its window was closed against 62 MiB for one started in the tray
//! (`tests/bench/tray-figures.sh`). So the closing instance starts `--in-tray --after PID` and
//! quits; the new one waits for it to be gone (the single-instance lock and the tray icon must
//! be free) and carries on from the state on disk, which is what keeps alerts exactly-once
//! across restarts anyway.

use std::time::{Duration, Instant};

use tauri::{AppHandle, Runtime};

use crate::commands::launch::IN_TRAY_ARG;

/// The argument that names the instance to wait for.
pub const AFTER_ARG: &str = "--after";
/// A closing instance that takes longer than this to go is left to the single-instance check.
const WAIT_AT_MOST: Duration = Duration::from_secs(15);

/// Starts the instance that takes over the tray, then quits this one. If it cannot be started,
/// this one stays in the tray as it is.
pub fn to_fresh_tray<R: Runtime>(app: &AppHandle<R>) -> bool {
    let Ok(exe) = std::env::current_exe() else {
        return false;
    };
    let started = std::process::Command::new(exe)
        .args([IN_TRAY_ARG, AFTER_ARG, &std::process::id().to_string()])
        .stdin(std::process::Stdio::null())
        .spawn();
    match started {
        Ok(_) => {
            app.exit(0);
            true
        }
        Err(e) => {
            eprintln!("InfoLobby Desktop stays as it is in the tray: {e}");
            false
        }
    }
}

/// The process named after `--after`, if any.
fn predecessor(args: &[String]) -> Option<u32> {
    let i = args.iter().position(|a| a == AFTER_ARG)?;
    args.get(i + 1)?.parse().ok()
}

/// With `--after PID`, waits until that process is gone. Called first thing in `main`.
pub fn wait_for_predecessor() {
    let args: Vec<String> = std::env::args().collect();
    let Some(pid) = predecessor(&args) else {
        return;
    };
    let started = Instant::now();
    let path = std::path::PathBuf::from(format!("/proc/{pid}"));
    // Where there is no /proc, a short pause lets the old instance finish quitting.
    if !std::path::Path::new("/proc/self").exists() {
        std::thread::sleep(Duration::from_millis(1500));
        return;
    }
    while path.exists() && started.elapsed() < WAIT_AT_MOST {
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_predecessor_is_read_from_the_arguments() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            predecessor(&args(&["app", "--in-tray", "--after", "42"])),
            Some(42)
        );
        assert_eq!(predecessor(&args(&["app", "--after"])), None);
        assert_eq!(predecessor(&args(&["app", "--after", "x"])), None);
        assert_eq!(predecessor(&args(&["app"])), None);
    }
}
