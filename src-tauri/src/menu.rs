//! The window's menu bar: File (Quit), Edit (clipboard, so text fields behave on every OS), and
//! View.

use tauri::menu::{Menu, MenuEvent, MenuItem, PredefinedMenuItem, Submenu};
use tauri::{AppHandle, Emitter, Runtime};

pub const MENU_QUIT: &str = "menu-quit";
pub const MENU_TOGGLE_SIDEBAR: &str = "menu-toggle-sidebar";
/// Event the UI listens to for menu items it handles itself.
pub const MENU_EVENT: &str = "menu";

pub fn install<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let quit = MenuItem::with_id(app, MENU_QUIT, "Quit", true, Some("CmdOrCtrl+Q"))?;
    let file = Submenu::with_items(app, "File", true, &[&quit])?;
    let edit = Submenu::with_items(
        app,
        "Edit",
        true,
        &[
            &PredefinedMenuItem::undo(app, None)?,
            &PredefinedMenuItem::redo(app, None)?,
            &PredefinedMenuItem::separator(app)?,
            &PredefinedMenuItem::cut(app, None)?,
            &PredefinedMenuItem::copy(app, None)?,
            &PredefinedMenuItem::paste(app, None)?,
            &PredefinedMenuItem::select_all(app, None)?,
        ],
    )?;
    let sidebar = MenuItem::with_id(
        app,
        MENU_TOGGLE_SIDEBAR,
        "Toggle Sidebar",
        true,
        Some("CmdOrCtrl+B"),
    )?;
    let view = Submenu::with_items(app, "View", true, &[&sidebar])?;
    let menu = Menu::with_items(app, &[&file, &edit, &view])?;
    app.set_menu(menu)?;
    app.on_menu_event(on_menu_event);
    Ok(())
}

fn on_menu_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    match event.id().as_ref() {
        MENU_QUIT => app.exit(0),
        MENU_TOGGLE_SIDEBAR => {
            let _ = app.emit(MENU_EVENT, "toggle-sidebar");
        }
        _ => {}
    }
}
