//! How the app was started, for the UI to act on.

use serde::Serialize;
use tauri::State;

/// `--demo` on the command line (the README's run command passes it): with no connection yet,
/// the UI starts the demo at once instead of only offering it.
#[derive(Debug, Clone, Copy, Default, Serialize, specta::Type)]
pub struct LaunchOptions {
    pub start_demo: bool,
}

impl LaunchOptions {
    pub fn from_args(args: impl IntoIterator<Item = String>) -> Self {
        Self {
            start_demo: args.into_iter().any(|a| a == "--demo"),
        }
    }
}

#[tauri::command]
#[specta::specta]
pub fn launch_options(options: State<'_, LaunchOptions>) -> LaunchOptions {
    *options
}
