//! How the app was started, for the UI to act on.

use serde::Serialize;
use tauri::State;

/// `--demo` on the command line (the README's run command passes it): with no connection yet,
/// the UI starts the demo at once instead of only offering it.
#[derive(Debug, Clone, Copy, Default, Serialize, specta::Type)]
pub struct LaunchOptions {
    pub start_demo: bool,
    /// `--in-tray`, as start at login passes it: the app starts with no window.
    pub in_tray: bool,
}

/// The argument start at login adds.
pub const IN_TRAY_ARG: &str = "--in-tray";

impl LaunchOptions {
    pub fn from_args(args: impl IntoIterator<Item = String>) -> Self {
        let args: Vec<String> = args.into_iter().collect();
        Self {
            start_demo: args.iter().any(|a| a == "--demo"),
            in_tray: args.iter().any(|a| a == IN_TRAY_ARG),
        }
    }
}

/// Whether the app starts at login.
#[tauri::command]
#[specta::specta]
pub fn autostart_enabled(
    autostart: State<'_, tauri_plugin_autostart::AutoLaunchManager>,
) -> crate::error::CmdResult<bool> {
    autostart.is_enabled().map_err(autostart_error)
}

#[tauri::command]
#[specta::specta]
pub fn set_autostart(
    autostart: State<'_, tauri_plugin_autostart::AutoLaunchManager>,
    enabled: bool,
) -> crate::error::CmdResult<bool> {
    let done = if enabled {
        autostart.enable()
    } else {
        autostart.disable()
    };
    done.map_err(autostart_error)?;
    autostart.is_enabled().map_err(autostart_error)
}

fn autostart_error(e: tauri_plugin_autostart::Error) -> crate::error::CommandError {
    crate::error::CommandError::new(
        crate::error::ErrorCode::Storage,
        format!("Start at login could not be changed: {e}"),
    )
}

#[tauri::command]
#[specta::specta]
pub fn launch_options(options: State<'_, LaunchOptions>) -> LaunchOptions {
    *options
}
