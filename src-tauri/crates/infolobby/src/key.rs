//! API keys: the kind is read from the prefix when a client is built, and the secret never
//! shows up in Debug or Display output.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};

use crate::error::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum KeyKind {
    /// `il_live_`: acts as the account owner; no notifications or standalone tasks.
    Account,
    /// `il_user_`: acts as one user; cannot manage workspaces, tables or members.
    Personal,
}

/// A secret API key. Printing it shows only its kind and last four characters; the memory is
/// zeroed when it is dropped.
#[derive(Clone)]
pub struct ApiKey {
    secret: SecretString,
    /// `il_user_…1a2b`, made once: it is all that is ever shown.
    redacted: String,
    kind: KeyKind,
}

impl PartialEq for ApiKey {
    fn eq(&self, other: &Self) -> bool {
        self.secret.expose_secret() == other.secret.expose_secret()
    }
}
impl Eq for ApiKey {}

impl ApiKey {
    /// Parses a key; anything without a known prefix is refused before any request is sent.
    pub fn new(secret: impl Into<String>) -> Result<Self, Error> {
        let secret = secret.into();
        let secret = secret.trim();
        let kind = if secret.starts_with("il_live_") {
            KeyKind::Account
        } else if secret.starts_with("il_user_") {
            KeyKind::Personal
        } else {
            return Err(Error::InvalidKeyFormat);
        };
        if secret.len() <= 8 || secret.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(Error::InvalidKeyFormat);
        }
        let redacted = redact(secret);
        Ok(Self {
            secret: SecretString::from(secret),
            redacted,
            kind,
        })
    }

    pub fn kind(&self) -> KeyKind {
        self.kind
    }

    /// `il_user_…1a2b`: safe to show in a UI.
    pub fn redacted(&self) -> String {
        self.redacted.clone()
    }

    /// The secret itself, for the Authorization header only.
    pub(crate) fn expose(&self) -> &str {
        self.secret.expose_secret()
    }
}

/// The prefix (ASCII, checked by the caller) and the last four characters.
fn redact(secret: &str) -> String {
    let prefix: String = secret.chars().take(8).collect();
    let tail: Vec<char> = secret.chars().rev().take(4).collect();
    let tail: String = tail.into_iter().rev().collect();
    format!("{prefix}…{tail}")
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ApiKey({})", self.redacted())
    }
}

impl fmt::Display for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_redaction() {
        let k = ApiKey::new("il_user_abcdefgh1a2b").expect("valid");
        assert_eq!(k.kind(), KeyKind::Personal);
        assert_eq!(k.redacted(), "il_user_…1a2b");
        assert_eq!(format!("{k:?}"), "ApiKey(il_user_…1a2b)");
        assert!(!format!("{k} {k:?}").contains("abcdefgh"));
        assert_eq!(
            ApiKey::new("il_live_x9y8z7w6").map(|k| k.kind()),
            Ok(KeyKind::Account)
        );
        assert_eq!(
            ApiKey::new("sk_live_123456789"),
            Err(Error::InvalidKeyFormat)
        );
        assert_eq!(ApiKey::new("il_live_"), Err(Error::InvalidKeyFormat));
        assert_eq!(ApiKey::new("il_live_abc def"), Err(Error::InvalidKeyFormat));
    }
}
