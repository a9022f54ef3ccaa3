//! Connections: a name, a base URL and a key kind, with what the key can do. The secret itself
//! lives only in the keychain (see `keychain`); this module holds everything else.

pub mod probe;
pub mod store;

use serde::{Deserialize, Serialize};

use infolobby::KeyKind;

/// What the UI may offer for a connection (§2.2 of the API reference).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
        }
    }
}

/// A saved connection. Never contains the secret; `key_hint` is the redacted form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
}
