//! The system tray icon: the unread count, "check now", "mark all as read", open and quit.

use tauri::menu::{Menu, MenuEvent, MenuItem, PredefinedMenuItem};
use tauri::tray::{MouseButton, MouseButtonState, TrayIcon, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, Manager, Runtime};

use crate::connections::service::Connections;
use crate::watcher::{Unread, Watcher};
use crate::window;

pub const TRAY_ID: &str = "main-tray";
pub const MENU_UNREAD: &str = "tray-unread";
pub const MENU_CHECK: &str = "tray-check";
pub const MENU_MARK_ALL: &str = "tray-mark-all";
pub const MENU_OPEN: &str = "tray-open";
pub const MENU_QUIT: &str = "tray-quit";

/// The menu item that shows the count, kept to update its text.
struct UnreadItem<R: Runtime>(MenuItem<R>);

/// `3 unread notifications · 1 task due`
pub fn unread_label(u: Unread) -> String {
    let notes = match u.unread {
        0 => "No unread notifications".to_string(),
        1 => "1 unread notification".to_string(),
        n => format!("{n} unread notifications"),
    };
    match u.tasks_due {
        0 => notes,
        1 => format!("{notes} · 1 task due"),
        n => format!("{notes} · {n} tasks due"),
    }
}

/// Registers the tray icon and its menu.
pub fn install<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<TrayIcon<R>> {
    let unread = MenuItem::with_id(
        app,
        MENU_UNREAD,
        unread_label(Unread::default()),
        true,
        None::<&str>,
    )?;
    let check = MenuItem::with_id(
        app,
        MENU_CHECK,
        "Check for notifications now",
        true,
        None::<&str>,
    )?;
    let mark_all = MenuItem::with_id(app, MENU_MARK_ALL, "Mark all as read", true, None::<&str>)?;
    let open = MenuItem::with_id(app, MENU_OPEN, "Open InfoLobby Desktop", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, MENU_QUIT, "Quit", true, Some("CmdOrCtrl+Q"))?;
    let menu = Menu::with_items(
        app,
        &[
            &unread,
            &check,
            &mark_all,
            &PredefinedMenuItem::separator(app)?,
            &open,
            &PredefinedMenuItem::separator(app)?,
            &quit,
        ],
    )?;
    app.manage(UnreadItem(unread));

    let mut builder = TrayIconBuilder::with_id(TRAY_ID)
        .tooltip("InfoLobby Desktop")
        .menu(&menu)
        .show_menu_on_left_click(false)
        .on_menu_event(on_menu_event)
        .on_tray_icon_event(|tray, event| {
            // Linux trays report no clicks; elsewhere a left click opens the window.
            if let TrayIconEvent::Click {
                button: MouseButton::Left,
                button_state: MouseButtonState::Up,
                ..
            } = event
            {
                window::show_main(tray.app_handle());
            }
        });
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)
}

/// Shows the count in the menu, the tooltip and (where the platform shows one) the title.
pub fn show_unread<R: Runtime>(app: &AppHandle<R>, unread: Unread) {
    let label = unread_label(unread);
    if let Some(item) = app.try_state::<UnreadItem<R>>() {
        let _ = item.0.set_text(&label);
    }
    if let Some(tray) = app.tray_by_id(TRAY_ID) {
        let _ = tray.set_tooltip(Some(format!("InfoLobby Desktop · {label}")));
        let title = (unread.unread > 0).then(|| unread.unread.to_string());
        let _ = tray.set_title(title);
    }
}

fn on_menu_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    match event.id().as_ref() {
        MENU_UNREAD | MENU_OPEN => window::show_main(app),
        MENU_CHECK => {
            if let Some(w) = app.try_state::<Watcher>() {
                w.check_now();
            }
        }
        MENU_MARK_ALL => {
            let app = app.clone();
            tauri::async_runtime::spawn(async move { mark_all_read(&app).await });
        }
        MENU_QUIT => app.exit(0),
        _ => {}
    }
}

/// Marks every notification read on each connection whose key sees notifications, then counts
/// again so the tray and the window follow. A connection that fails is skipped and logged (by
/// name and error code only: no key reaches a message); the others still go through.
async fn mark_all_read<R: Runtime>(app: &AppHandle<R>) {
    let Some(state) = app.try_state::<Connections>() else {
        return;
    };
    let list = state.list().unwrap_or_default();
    for c in list
        .iter()
        .filter(|c| c.capabilities.notifications && !c.key_invalid)
    {
        let done = state
            .call(&c.id, |client| async move {
                client.mark_all_notifications_read().await
            })
            .await;
        if let Err(e) = done {
            eprintln!(
                "InfoLobby Desktop: could not mark \u{201c}{}\u{201d} read: {:?}",
                c.name, e.code
            );
        }
    }
    if let Some(w) = app.try_state::<Watcher>() {
        w.check_now();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_count_in_words() {
        let u = |unread, tasks_due| Unread { unread, tasks_due };
        assert_eq!(unread_label(u(0, 0)), "No unread notifications");
        assert_eq!(unread_label(u(1, 0)), "1 unread notification");
        assert_eq!(
            unread_label(u(4, 2)),
            "4 unread notifications · 2 tasks due"
        );
        assert_eq!(
            unread_label(u(0, 1)),
            "No unread notifications · 1 task due"
        );
    }
}
