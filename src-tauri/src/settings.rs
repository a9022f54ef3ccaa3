//! Non-secret app settings (`settings.json` in the config directory).

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::json_file::{FileError, JsonFile};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct Settings {
    /// The connection the window shows.
    pub active_connection: Option<String>,
    /// Closing the window keeps the app in the tray, watching for notifications.
    pub close_to_tray: bool,
    /// How often the watcher asks for new notifications and tasks.
    pub poll_interval_secs: u32,
    /// Days before a key's expiry date that the app starts reminding.
    pub expiry_reminder_days: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            active_connection: None,
            close_to_tray: true,
            poll_interval_secs: 60,
            expiry_reminder_days: 14,
        }
    }
}

impl Settings {
    /// Keeps values in a range the app can live with, whatever the file or the UI said.
    pub fn sanitized(mut self) -> Self {
        self.poll_interval_secs = self.poll_interval_secs.clamp(15, 3600);
        self.expiry_reminder_days = self.expiry_reminder_days.clamp(1, 90);
        self
    }
}

#[derive(Debug, Clone)]
pub struct SettingsStore {
    file: JsonFile,
}

impl SettingsStore {
    pub fn new(dir: &Path) -> Self {
        Self {
            file: JsonFile::new(dir, "settings.json"),
        }
    }

    pub fn load(&self) -> Result<Settings, FileError> {
        self.file.load::<Settings>().map(Settings::sanitized)
    }

    pub fn save(&self, settings: &Settings) -> Result<(), FileError> {
        self.file.save(settings)
    }

    pub fn update(&self, f: impl FnOnce(&mut Settings)) -> Result<Settings, FileError> {
        self.file.update(|s: &mut Settings| {
            f(s);
            *s = s.clone().sanitized();
            s.clone()
        })
    }
}
