//! InfoLobby Desktop: the Tauri shell. It stays thin; API work lives in the crates under
//! `src-tauri/crates/`.

pub mod cache;
pub mod commands;
pub mod connections;
pub mod demo;
pub mod error;
pub mod handover;
pub mod json_file;
pub mod keychain;
pub mod menu;
pub mod notifier;
pub mod open;
pub mod rendering;
pub mod settings;
pub mod tray;
pub mod tray_icon;
pub mod watcher;
pub mod web_engine;
pub mod window;

use tauri::{Builder, Manager, Runtime};
use tauri_plugin_window_state::StateFlags;

use crate::commands::files::DownloadDir;
use crate::commands::launch::LaunchOptions;
use crate::commands::local::{FilePicker, PickedFiles};
use crate::connections::service::Connections;
use crate::keychain::Keychain;
use crate::watcher::Watcher;

/// The commands, registered the same way for the real app and for tests on Tauri's mock
/// runtime. The caller manages a `Connections`, a `DownloadDir`, a `Watcher` and `LaunchOptions`: the real app from its
/// platform directories, tests from temporary ones.
pub fn build_app<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder.invoke_handler(commands::specta_builder::<R>().invoke_handler())
}

/// The state of the real app, in the platform's config and data directories.
fn app_state<R: Runtime>(
    app: &tauri::AppHandle<R>,
) -> tauri::Result<(Connections, DownloadDir, Watcher)> {
    let paths = app.path();
    let config = paths.app_config_dir()?;
    let data = paths.app_data_dir()?;
    let downloads = paths
        .download_dir()
        .or_else(|_| paths.home_dir().map(|h| h.join("Downloads")))?;
    Ok((
        Connections::new(&config, &data, Keychain::default()),
        DownloadDir(downloads),
        Watcher::new(&config),
    ))
}

/// SIGTERM (logout, `kill`) and SIGINT (Ctrl+C in a terminal) quit like File → Quit, so the
/// window state is saved and the demo server's database is closed cleanly.
fn quit_on_signals<R: Runtime>(app: tauri::AppHandle<R>) {
    #[cfg(unix)]
    tauri::async_runtime::spawn(async move {
        use tokio::signal::unix::{signal, SignalKind};
        let (Ok(mut term), Ok(mut int)) = (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
        ) else {
            return;
        };
        tokio::select! {
            _ = term.recv() => {}
            _ = int.recv() => {}
        }
        app.exit(0);
    });
    #[cfg(not(unix))]
    let _ = app;
}

/// Logs a panic's place and the start of its message to stderr. Keys never reach a message:
/// they are held in `secrecy` types whose `Debug` prints nothing, and no message formats one.
fn log_panics() {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let message: String = message.chars().take(300).collect();
        eprintln!(
            "InfoLobby Desktop: internal error at {place}: {message}. The app keeps running."
        );
    }));
}

/// A launch that meets an instance which is quitting (it still holds the single-instance name
/// but no longer answers) starts over once that one is gone, instead of failing. On Unix it
/// replaces itself with a fresh copy (same process id, arguments and environment), because
/// the window system cannot be set up twice in one process; a few tries at most.
fn relaunch_after_quitting_instance() {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        const TRIES: &str = "INFOLOBBY_RELAUNCHES";
        let tries: u32 = std::env::var(TRIES)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        if tries >= 5 {
            return;
        }
        let Ok(exe) = std::env::current_exe() else {
            return;
        };
        std::thread::sleep(std::time::Duration::from_millis(400));
        let err = std::process::Command::new(exe)
            .args(std::env::args_os().skip(1))
            .env(TRIES, (tries + 1).to_string())
            .exec();
        eprintln!("InfoLobby Desktop could not start again: {err}");
    }
}

/// Starts the desktop app and blocks until it quits.
pub fn run() {
    log_panics();
    let builder = Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            // A second launch hands over to this one: bring the existing window forward.
            window::show_main(app);
        }))
        .plugin(tauri_plugin_notification::init())
        .plugin(
            tauri_plugin_autostart::Builder::new()
                .arg(commands::launch::IN_TRAY_ARG)
                .build(),
        )
        .plugin(tauri_plugin_dialog::init())
        .plugin(
            // Size, position, maximised; never "hidden", or closing to the tray would start the
            // next run without a window.
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(StateFlags::all() - StateFlags::VISIBLE)
                .build(),
        );
    let context = tauri::generate_context!();
    let result = build_app(builder)
        .setup(|app| {
            let (state, downloads, watcher) = app_state(app.handle())?;
            app.manage(state);
            app.manage(downloads);
            app.manage(watcher);
            app.manage(FilePicker::new(app.handle().clone()));
            app.manage(PickedFiles::default());
            app.manage(commands::export::Exports::default());
            let launch = LaunchOptions::from_args(std::env::args());
            app.manage(launch);
            // Quit and close handling first: the tray appearing means the app is ready.
            quit_on_signals(app.handle().clone());
            commands::local::accept_drops(app.handle());
            menu::install(app.handle())?;
            tray::install(app.handle())?;
            app.manage(open::PendingOpen::default());
            app.manage(notifier::Sink::new(app.handle().clone()));
            app.manage(window::Titles::new(app.handle().clone()));
            notifier::install(app.handle());
            watcher::run::spawn(app.handle().clone());
            window::open_at_start(app.handle(), launch.in_tray)?;
            Ok(())
        })
        .build(context);
    let app = match result {
        Ok(app) => app,
        Err(err) => {
            if err.to_string().contains("single-instance") {
                relaunch_after_quitting_instance();
            }
            eprintln!("InfoLobby Desktop could not start: {err}");
            std::process::exit(1);
        }
    };
    app.run(|handle, event| match event {
        // The last window closed (its webview destroyed with it): the tray, the watcher and
        // the demo server live on. Quit and signals ask with a code and are let through.
        tauri::RunEvent::ExitRequested {
            code: None, api, ..
        } if window::closes_to_tray(handle) => api.prevent_exit(),
        tauri::RunEvent::Exit => {
            // Let the demo server close its database cleanly.
            let state = handle.state::<Connections>();
            tauri::async_runtime::block_on(state.shutdown());
        }
        _ => {}
    });
}
