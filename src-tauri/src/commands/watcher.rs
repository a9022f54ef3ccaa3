//! The background watcher's counts, and asking it to check now.

use std::collections::BTreeMap;

use tauri::State;

use crate::watcher::{Unread, Watcher};

/// Unread notifications and tasks due per connection id, as of the last check.
#[tauri::command]
#[specta::specta]
pub fn unread_counts(watcher: State<'_, Watcher>) -> BTreeMap<String, Unread> {
    watcher.counts()
}

#[tauri::command]
#[specta::specta]
pub fn check_now(watcher: State<'_, Watcher>) {
    watcher.check_now();
}
