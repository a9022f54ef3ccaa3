//! Connections: a name, a base URL and a key kind, with what the key can do. The secret itself
//! lives only in the keychain (see `keychain`); this module holds everything else.

pub mod layouts;
pub mod probe;
pub mod service;
pub mod store;

use serde::{Deserialize, Serialize};

use infolobby::KeyKind;

/// What the UI may offer for a connection (§2.2 of the API reference).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Capabilities {
    pub kind: KeyKind,
    /// Workspaces the key reached when it was checked.
    pub workspaces: Vec<String>,
    /// Things this key can never do, in words for the UI.
    pub cannot: Vec<String>,
    pub notifications: bool,
    pub standalone_tasks: bool,
    pub manage_workspaces: bool,
    pub manage_tables_and_members: bool,
    /// `None` until known: the API only tells by refusing a write, or the user says so.
    #[serde(default)]
    pub read_only: Option<bool>,
}

impl Capabilities {
    /// What follows from the key kind alone; `workspaces` is filled by probing.
    pub fn for_kind(kind: KeyKind) -> Self {
        let personal = kind == KeyKind::Personal;
        let cannot = if personal {
            vec![
                "create, change or delete workspaces".into(),
                "manage tables or workspace members".into(),
            ]
        } else {
            vec![
                "see notifications".into(),
                "see or create tasks that are not on a record".into(),
            ]
        };
        Self {
            kind,
            workspaces: Vec::new(),
            cannot,
            notifications: personal,
            standalone_tasks: personal,
            manage_workspaces: !personal,
            manage_tables_and_members: !personal,
            read_only: None,
        }
    }

    /// Records that the key is limited to some workspaces, which rules out creating, changing
    /// or deleting workspaces (§2.2), and says so in `cannot`.
    pub fn set_workspace_restricted(&mut self) {
        const NO_WORKSPACES: &str =
            "create, change or delete workspaces (the key is limited to some workspaces)";
        self.manage_workspaces = false;
        if !self.cannot.iter().any(|c| c == NO_WORKSPACES) {
            self.cannot.push(NO_WORKSPACES.into());
        }
    }

    /// Records whether the key may write, and says so in `cannot`.
    pub fn set_read_only(&mut self, read_only: bool) {
        const NO_WRITES: &str = "create, change or delete anything (read-only key)";
        self.read_only = Some(read_only);
        self.cannot.retain(|c| c != NO_WRITES);
        if read_only {
            self.cannot.insert(0, NO_WRITES.into());
        }
    }
}

/// A saved connection. Never contains the secret; `key_hint` is the redacted form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Connection {
    pub id: String,
    pub name: String,
    pub base_url: String,
    /// `il_user_…1a2b`
    pub key_hint: String,
    pub capabilities: Capabilities,
    /// `YYYY-MM-DD`, when the user set one, for a reminder before it passes.
    #[serde(default)]
    pub expires_on: Option<String>,
    /// Set after a 401: the UI shows "replace key" instead of errors.
    #[serde(default)]
    pub key_invalid: bool,
    /// A connection to the built-in demo server; its address changes each run.
    #[serde(default)]
    pub demo: bool,
    /// Which of its events raise a native alert.
    #[serde(default)]
    pub alerts: crate::watcher::prefs::AlertPrefs,
    /// Whether it keeps an offline copy, and how large.
    #[serde(default)]
    pub cache: crate::cache::CacheOptions,
}
