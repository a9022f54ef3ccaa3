//! The one error type that crosses IPC: `{code, message, …}` so the UI can branch on `code` and
//! show `message` as is. Messages never contain a key.

use serde::Serialize;

use crate::json_file::FileError;
use crate::keychain::KeychainError;

/// The one table of codes, shared with the client (`infolobby::ErrorCode`).
pub use infolobby::ErrorCode;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type, thiserror::Error)]
#[error("{message}")]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
    /// For `rate_limited`: how long to wait.
    pub retry_after_secs: Option<u32>,
}

impl CommandError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            retry_after_secs: None,
        }
    }

    pub fn unknown_connection() -> Self {
        Self::new(
            ErrorCode::NotFound,
            "This connection no longer exists. Pick another one or add it again.",
        )
    }
}

impl From<infolobby::Error> for CommandError {
    fn from(e: infolobby::Error) -> Self {
        use infolobby::Error as E;
        let code = e.code();
        let retry_after_secs = match &e {
            E::RateLimited { retry_after } => {
                Some(u32::try_from(retry_after.as_secs().max(1)).unwrap_or(u32::MAX))
            }
            _ => None,
        };
        Self {
            code,
            message: e.to_string(),
            retry_after_secs,
        }
    }
}

impl From<KeychainError> for CommandError {
    fn from(e: KeychainError) -> Self {
        let code = match e {
            // The entry is gone (e.g. removed in the OS's keychain app): same cure as a bad key.
            KeychainError::Missing => ErrorCode::InvalidKey,
            KeychainError::Unavailable(_) | KeychainError::Timeout => ErrorCode::Keychain,
        };
        Self::new(code, e.to_string())
    }
}

impl From<FileError> for CommandError {
    fn from(e: FileError) -> Self {
        Self::new(ErrorCode::Storage, e.to_string())
    }
}

pub type CmdResult<T> = Result<T, CommandError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_limits_carry_the_wait() {
        let e: CommandError = infolobby::Error::RateLimited {
            retry_after: std::time::Duration::from_secs(7),
        }
        .into();
        assert_eq!(
            (e.code, e.retry_after_secs),
            (ErrorCode::RateLimited, Some(7))
        );
        let json = serde_json::to_value(&e).unwrap_or_default();
        assert_eq!(json["code"], "rate_limited");
    }
}
