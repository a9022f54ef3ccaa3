//! The system tray: an icon per watcher state, and a menu that is the whole way in on Linux
//! (AppIndicator reports no clicks): the count, the newest unread notifications, check now,
//! mark all read, pause alerts, open and quit.

use std::sync::Mutex;

use chrono::{DateTime, Local, Utc};
use tauri::image::Image;
use tauri::menu::{Menu, MenuEvent, MenuItem, PredefinedMenuItem, Submenu};
use tauri::tray::{MouseButton, MouseButtonState, TrayIcon, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, Manager, Runtime};

use crate::connections::service::Connections;
use crate::tray_icon;
use crate::watcher::{Brief, Conditions, TrayState, Unread, Watcher};
use crate::window;

pub const TRAY_ID: &str = "main-tray";
pub const MENU_UNREAD: &str = "tray-unread";
pub const MENU_STATE: &str = "tray-state";
pub const MENU_CHECK: &str = "tray-check";
pub const MENU_MARK_ALL: &str = "tray-mark-all";
pub const MENU_PAUSE_HOUR: &str = "tray-pause-hour";
pub const MENU_PAUSE_MORNING: &str = "tray-pause-morning";
pub const MENU_RESUME: &str = "tray-resume";
pub const MENU_OPEN: &str = "tray-open";
pub const MENU_QUIT: &str = "tray-quit";
/// `tray-note-N`: the N-th of the newest unread notifications.
const MENU_NOTE: &str = "tray-note-";
/// A notification's line in the menu is cut to this many characters.
const NOTE_CHARS: usize = 60;
/// "Until tomorrow morning" means this hour, local time.
const MORNING_HOUR: u32 = 8;

/// What the tray shows now; the menu and the icon are made again only when it changes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shown {
    unread_label: String,
    state_lines: Vec<String>,
    notes: Vec<Brief>,
    paused: bool,
    icon: (TrayState, u32),
}

#[derive(Default)]
struct TrayMemory {
    shown: Mutex<Option<Shown>>,
}

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

/// The state in words, for the tooltip and the menu's lines under the count; none when all is
/// well.
pub fn state_lines(c: Conditions, paused_until: Option<DateTime<Utc>>) -> Vec<String> {
    let mut lines = Vec::new();
    if c.key_invalid {
        lines.push("A key no longer works: replace it under Connections".into());
    }
    if c.offline {
        lines.push("Offline: checking again when the network is back".into());
    }
    if c.paused {
        lines.push(match paused_until {
            Some(t) => format!(
                "Alerts paused until {}",
                t.with_timezone(&Local).format("%a %H:%M")
            ),
            None => "Alerts paused".into(),
        });
    }
    lines
}

/// The next `MORNING_HOUR` o'clock after today, local time.
pub fn tomorrow_morning(now: DateTime<Utc>) -> DateTime<Utc> {
    use chrono::{Days, NaiveTime, TimeZone};
    let local = now.with_timezone(&Local).date_naive();
    let day = local.checked_add_days(Days::new(1)).unwrap_or(local);
    let at = day.and_time(NaiveTime::from_hms_opt(MORNING_HOUR, 0, 0).unwrap_or(NaiveTime::MIN));
    Local
        .from_local_datetime(&at)
        .earliest()
        .map(|t| t.to_utc())
        .unwrap_or(now + chrono::Duration::hours(12))
}

fn short(text: &str) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    if line.chars().count() > NOTE_CHARS {
        let cut: String = line.chars().take(NOTE_CHARS - 1).collect();
        format!("{cut}…")
    } else {
        line.to_string()
    }
}

fn build_menu<R: Runtime>(app: &AppHandle<R>, shown: &Shown) -> tauri::Result<Menu<R>> {
    let item = |id: &str, text: &str| MenuItem::with_id(app, id, text, true, None::<&str>);
    let menu = Menu::new(app)?;
    menu.append(&item(MENU_UNREAD, &shown.unread_label)?)?;
    for (i, line) in shown.state_lines.iter().enumerate() {
        let id = format!("{MENU_STATE}-{i}");
        menu.append(&MenuItem::with_id(app, id, line, false, None::<&str>)?)?;
    }
    for (i, note) in shown.notes.iter().enumerate() {
        menu.append(&item(&format!("{MENU_NOTE}{i}"), &short(&note.title))?)?;
    }
    menu.append(&PredefinedMenuItem::separator(app)?)?;
    menu.append(&item(MENU_CHECK, "Check for notifications now")?)?;
    menu.append(&item(MENU_MARK_ALL, "Mark all as read")?)?;
    if shown.paused {
        menu.append(&item(MENU_RESUME, "Resume alerts")?)?;
    } else {
        let pause = Submenu::with_items(
            app,
            "Pause alerts",
            true,
            &[
                &item(MENU_PAUSE_HOUR, "For 1 hour")?,
                &item(MENU_PAUSE_MORNING, "Until tomorrow morning")?,
            ],
        )?;
        menu.append(&pause)?;
    }
    menu.append(&PredefinedMenuItem::separator(app)?)?;
    menu.append(&item(MENU_OPEN, "Open InfoLobby Desktop")?)?;
    menu.append(&PredefinedMenuItem::separator(app)?)?;
    menu.append(&MenuItem::with_id(
        app,
        MENU_QUIT,
        "Quit",
        true,
        Some("CmdOrCtrl+Q"),
    )?)?;
    Ok(menu)
}

fn base_icon() -> Image<'static> {
    tauri::include_image!("../icons/64x64.png")
}

fn icon_for(state: TrayState, unread: u32) -> Image<'static> {
    let base = base_icon();
    let picture = tray_icon::render(base.rgba(), base.width(), base.height(), state, unread);
    Image::new_owned(picture.0, tray_icon::SIZE, tray_icon::SIZE)
}

/// Registers the tray icon and its menu.
pub fn install<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<TrayIcon<R>> {
    let shown = Shown {
        unread_label: unread_label(Unread::default()),
        state_lines: Vec::new(),
        notes: Vec::new(),
        paused: false,
        icon: (TrayState::Idle, 0),
    };
    let menu = build_menu(app, &shown)?;
    app.manage(TrayMemory {
        shown: Mutex::new(Some(shown)),
    });
    TrayIconBuilder::with_id(TRAY_ID)
        .tooltip("InfoLobby Desktop")
        .icon(icon_for(TrayState::Idle, 0))
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
        })
        .build(app)
}

/// Brings the tray up to date with the watcher: count, state, newest items, icon. It runs on
/// the event loop's thread: making menu items or setting the menu from another thread waits for
/// that thread, and a menu handler there calling in here would then wait on the lock below
/// (a deadlock seen in the e2e run).
pub fn refresh<R: Runtime>(app: &AppHandle<R>) {
    let handle = app.clone();
    let _ = app.run_on_main_thread(move || refresh_here(&handle));
}

fn refresh_here<R: Runtime>(app: &AppHandle<R>) {
    let (Some(watcher), Some(connections)) =
        (app.try_state::<Watcher>(), app.try_state::<Connections>())
    else {
        return;
    };
    let now = Utc::now();
    let list = connections.list().unwrap_or_default();
    let total = watcher.total();
    let state = watcher.tray_state(&list, now);
    let paused_until = watcher.paused_until().filter(|t| *t > now);
    let shown = Shown {
        unread_label: unread_label(total),
        state_lines: state_lines(watcher.conditions(&list, now), paused_until),
        notes: watcher.latest(),
        paused: paused_until.is_some(),
        icon: (state, total.unread),
    };
    let Some(memory) = app.try_state::<TrayMemory>() else {
        return;
    };
    let mut last = memory.shown.lock().unwrap_or_else(|p| p.into_inner());
    if last.as_ref() == Some(&shown) {
        return;
    }
    let Some(tray) = app.tray_by_id(TRAY_ID) else {
        return;
    };
    if last.as_ref().map(|s| s.icon) != Some(shown.icon) {
        let _ = tray.set_icon(Some(icon_for(state, total.unread)));
    }
    let words = std::iter::once(format!("InfoLobby Desktop · {}", shown.unread_label))
        .chain(shown.state_lines.iter().cloned())
        .collect::<Vec<_>>()
        .join("\n");
    let _ = tray.set_tooltip(Some(words));
    // macOS shows a title beside the icon; Linux trays do not, and get the count in the icon.
    let _ = tray.set_title((total.unread > 0).then(|| total.unread.to_string()));
    if let Ok(menu) = build_menu(app, &shown) {
        let _ = tray.set_menu(Some(menu));
    }
    *last = Some(shown);
}

fn on_menu_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let id = event.id().as_ref();
    if let Some(n) = id.strip_prefix(MENU_NOTE) {
        let shown = app.try_state::<TrayMemory>().and_then(|m| {
            let s = m.shown.lock().unwrap_or_else(|p| p.into_inner());
            let i: usize = n.parse().ok()?;
            s.as_ref()?.notes.get(i).cloned()
        });
        if let Some(note) = shown {
            crate::open::open(app, note.target);
        }
        return;
    }
    let watcher = app.try_state::<Watcher>();
    match id {
        MENU_UNREAD | MENU_OPEN => window::show_main(app),
        MENU_CHECK => {
            if let Some(w) = watcher {
                w.check_now();
            }
        }
        MENU_MARK_ALL => {
            let app = app.clone();
            tauri::async_runtime::spawn(async move { mark_all_read(&app).await });
        }
        MENU_PAUSE_HOUR | MENU_PAUSE_MORNING => {
            let now = Utc::now();
            let until = if id == MENU_PAUSE_HOUR {
                now + chrono::Duration::hours(1)
            } else {
                tomorrow_morning(now)
            };
            if let Some(w) = watcher {
                let _ = w.pause_alerts(until);
            }
            refresh(app);
        }
        MENU_RESUME => {
            if let Some(w) = watcher {
                let _ = w.resume_alerts();
            }
            refresh(app);
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

    #[test]
    fn states_are_said_in_words_all_at_once() {
        assert!(state_lines(Conditions::default(), None).is_empty());
        let all = Conditions {
            key_invalid: true,
            offline: true,
            paused: true,
        };
        let lines = state_lines(all, Some(Utc::now()));
        assert_eq!(lines.len(), 3);
        assert!(lines[0].contains("key"));
        assert!(lines[1].starts_with("Offline"));
        assert!(lines[2].starts_with("Alerts paused until"));
    }

    #[test]
    fn tomorrow_morning_is_later_than_now_and_within_two_days() {
        let now = Utc::now();
        let at = tomorrow_morning(now);
        assert!(at > now && at < now + chrono::Duration::hours(48));
    }

    #[test]
    fn long_notifications_are_cut_on_one_line() {
        assert_eq!(short("a\nb"), "a");
        let long = "x".repeat(100);
        assert_eq!(short(&long).chars().count(), NOTE_CHARS);
    }
}
