//! InfoLobby Desktop: the Tauri shell. It stays thin; API work lives in the crates under
//! `src-tauri/crates/`.

pub mod connections;
pub mod keychain;
pub mod tray;
pub mod window;

use tauri::{Builder, Runtime};

/// Everything the app registers that does not need a real window system, so tests can build the
/// same app on Tauri's mock runtime.
pub fn build_app<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder.setup(|app| {
        tray::install(app.handle())?;
        Ok(())
    })
}

/// Starts the desktop app and blocks until it quits.
pub fn run() {
    let builder =
        Builder::default().plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            // A second launch hands over to this one: bring the existing window forward.
            window::show_main(app);
        }));
    let result = build_app(builder).run(tauri::generate_context!());
    if let Err(err) = result {
        eprintln!("InfoLobby Desktop could not start: {err}");
        std::process::exit(1);
    }
}
