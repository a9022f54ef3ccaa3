//! One error type that says what happened and what to do. It never contains the API key.

use std::time::Duration;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::routes::Op;

/// What a write that could not reach the server says after "Cannot reach InfoLobby: ".
pub const OFFLINE_WRITE: &str = "this change was not saved, and nothing is kept to send later. Save again once you are back online.";

/// Every error code the UI branches on, for the client and the app alike: decided here once.
/// The client produces the first group; the app adds its own (keychain, storage, demo).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// 401 or a malformed key: the UI offers "replace key".
    InvalidKey,
    /// 401 for this machine's address: the key is fine, the network is not on its allowlist.
    IpNotAllowed,
    /// 403 or an operation this kind of key never has.
    Forbidden,
    NotFound,
    /// The service or the app refused the input.
    Validation,
    /// Wait `retry_after_secs` and try again.
    RateLimited,
    /// No connection to the service.
    Offline,
    InvalidUrl,
    PayloadTooLarge,
    Server,
    Decode,
    /// The app's own: the OS keychain is missing, locked or refused.
    Keychain,
    /// The app's own: the settings or connection files could not be read or written.
    Storage,
    /// The app's own: the built-in demo server could not start.
    Demo,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidKey => "invalid_key",
            ErrorCode::IpNotAllowed => "ip_not_allowed",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Validation => "validation",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::Offline => "offline",
            ErrorCode::InvalidUrl => "invalid_url",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::Server => "server",
            ErrorCode::Decode => "decode",
            ErrorCode::Keychain => "keychain",
            ErrorCode::Storage => "storage",
            ErrorCode::Demo => "demo",
        }
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Why a 403 came back, so the app can stop offering what the key lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// The key itself is read-only: no write will ever work with it.
    ReadOnlyKey,
    /// An account key limited to some workspaces asked to manage workspaces.
    WorkspaceRestricted,
    /// The user behind the key has a read-only role in this workspace.
    WorkspaceRole,
    /// Anything else (a workspace the key is not given, a key kind the endpoint refuses).
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("This is not an InfoLobby API key: keys start with il_live_ or il_user_.")]
    InvalidKeyFormat,
    #[error("{0}")]
    InvalidBaseUrl(String),
    /// The key's kind can never do this; nothing was sent.
    #[error("{operation} needs {needs}; this is {have}.")]
    NotAllowedForKey {
        operation: &'static str,
        needs: &'static str,
        have: &'static str,
    },
    /// 401: revoked, rotated or expired.
    #[error("The API key is no longer valid ({message}). Replace the key to continue.")]
    InvalidKey { message: String },
    /// 401 because this machine's address is not on the key's IP allowlist: the key itself is
    /// fine, and replacing it would not help.
    #[error("InfoLobby refused this computer's network address: it is not on the key's IP allowlist ({message}). Add this address to the key's allowlist in InfoLobby, or connect from an allowed network.")]
    IpNotAllowed { message: String },
    /// 403: the key lacks a right (read-only, restricted to other workspaces, wrong key kind).
    #[error("Not allowed with this key: {message}")]
    Forbidden { message: String, reason: Refusal },
    #[error("Not found: {message}")]
    NotFound { message: String },
    /// The service refused the input; its own words.
    #[error("{message}")]
    Validation { message: String },
    #[error("InfoLobby asks to slow down; try again in {} s.", retry_after.as_secs().max(1))]
    RateLimited { retry_after: Duration },
    #[error("The file is larger than InfoLobby accepts{}.", limit.map(|b| format!(" ({} MB)", b / (1024 * 1024))).unwrap_or_default())]
    PayloadTooLarge { limit: Option<u64> },
    /// The status stays out of the message: people act on words, logs keep the number.
    #[error("InfoLobby had a problem and could not do this ({message}). Try again later.")]
    Server { status: u16, message: String },
    #[error("Cannot reach InfoLobby: {message}")]
    Network { message: String },
    #[error("InfoLobby did not answer in time.")]
    Timeout,
    #[error("Unexpected answer from InfoLobby ({message}): {body}")]
    Decode { message: String, body: String },
    /// A success body longer than anything the API sends; it was not read to the end.
    #[error("InfoLobby's answer was larger than the app accepts ({} MB), so it was not read.", limit / (1024 * 1024))]
    ResponseTooLarge { limit: u64 },
    /// A 3xx: the app does not follow redirects, so the key never travels elsewhere.
    #[error("The server at this address sent the request elsewhere (a redirect), which the app does not follow. Check the connection's address; it should be the API's own, such as https://infolobby.com/api.")]
    Redirected,
}

impl Error {
    /// A stable code for the UI to branch on.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::InvalidKeyFormat | Error::InvalidKey { .. } => ErrorCode::InvalidKey,
            Error::IpNotAllowed { .. } => ErrorCode::IpNotAllowed,
            Error::InvalidBaseUrl(_) => ErrorCode::InvalidUrl,
            Error::NotAllowedForKey { .. } | Error::Forbidden { .. } => ErrorCode::Forbidden,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Validation { .. } => ErrorCode::Validation,
            Error::RateLimited { .. } => ErrorCode::RateLimited,
            Error::PayloadTooLarge { .. } => ErrorCode::PayloadTooLarge,
            Error::Server { .. } | Error::ResponseTooLarge { .. } | Error::Redirected => {
                ErrorCode::Server
            }
            Error::Network { .. } | Error::Timeout => ErrorCode::Offline,
            Error::Decode { .. } => ErrorCode::Decode,
        }
    }

    /// Names why a 403 came back, from what was asked first and the wording second: a refused
    /// workspace change by an account key is its restriction unless it says read-only; a refused
    /// write is the key's flag when the words name the key, the user's role when they name it.
    pub(crate) fn for_op(self, op: Op) -> Self {
        if let Error::Network { .. } = self {
            if !op.is_read() {
                // Writes are never queued: say so, so nobody waits for a change to appear.
                return Error::Network {
                    message: OFFLINE_WRITE.into(),
                };
            }
            return self;
        }
        let Error::Forbidden { message, .. } = self else {
            return self;
        };
        let lower = message.to_ascii_lowercase();
        let says_read_only = lower.contains("read-only") || lower.contains("read only");
        let says_role = lower.contains("role") || lower.contains("member");
        let reason = if op.is_workspace_admin() {
            if says_read_only && !says_role {
                Refusal::ReadOnlyKey
            } else {
                Refusal::WorkspaceRestricted
            }
        } else if op.is_read() {
            Refusal::Other
        } else if says_read_only && says_role {
            Refusal::WorkspaceRole
        } else if says_read_only {
            Refusal::ReadOnlyKey
        } else {
            Refusal::Other
        };
        Error::Forbidden { message, reason }
    }

    /// Whether a read may be sent again after a backoff. 429 is not: it has its own budget and
    /// waits for `Retry-After`.
    pub(crate) fn is_transient(&self) -> bool {
        matches!(
            self,
            Error::Network { .. } | Error::Timeout | Error::Server { .. }
        )
    }
}

/// Serialises as `{"code", "message", …}` for the UI.
impl Serialize for Error {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("code", &self.code())?;
        m.serialize_entry("message", &self.to_string())?;
        if let Error::RateLimited { retry_after } = self {
            m.serialize_entry("retry_after_secs", &retry_after.as_secs().max(1))?;
        }
        m.end()
    }
}

/// The first characters of a body, for error messages.
pub(crate) fn excerpt(body: &str) -> String {
    const MAX: usize = 200;
    let trimmed = body.trim();
    if trimmed.chars().count() <= MAX {
        trimmed.to_string()
    } else {
        format!("{}…", trimmed.chars().take(MAX).collect::<String>())
    }
}

/// Reads the message out of an error body: plain text (§4) or, tolerated, JSON (§20).
pub(crate) fn message_of(body: &str) -> String {
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(body) {
        for k in ["error", "message"] {
            if let Some(m) = v.get(k).and_then(|m| m.as_str()) {
                return m.to_string();
            }
        }
    }
    let text = body.trim();
    if text.starts_with('<') {
        // An HTML error page from a proxy: no useful sentence in it.
        return "the server sent an error page".to_string();
    }
    if text.is_empty() {
        "no details".to_string()
    } else {
        excerpt(text)
    }
}

/// Missing objects come back as 500 with a message (§4, A12).
const NOT_FOUND_MESSAGES: &[&str] = &["not found", "does not exist", "Invalid Table"];

/// A 401 for the caller's address says "IP" and one of the words for the list (§20).
fn names_ip_allowlist(message: &str) -> bool {
    let lower = message.to_ascii_lowercase();
    let ip = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w == "ip");
    ip && [
        "whitelist",
        "allowlist",
        "allow list",
        "allowed",
        "not permitted",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Maps a non-2xx status and body to an error.
pub fn from_status(status: u16, body: &str, retry_after: Option<Duration>) -> Error {
    let message = message_of(body);
    match status {
        401 if names_ip_allowlist(&message) => Error::IpNotAllowed { message },
        401 => Error::InvalidKey { message },
        403 => Error::Forbidden {
            message,
            reason: Refusal::Other,
        },
        404 => Error::NotFound { message },
        413 => Error::PayloadTooLarge { limit: None },
        429 => Error::RateLimited {
            retry_after: retry_after.unwrap_or(Duration::from_secs(1)),
        },
        500 if NOT_FOUND_MESSAGES.iter().any(|m| message.contains(m)) => {
            Error::NotFound { message }
        }
        // The service reports validation as 500 with its message; a body that is not a
        // sentence (empty, HTML) means a real server failure.
        500 if !message.is_empty()
            && message != "no details"
            && !body.trim_start().starts_with('<') =>
        {
            Error::Validation { message }
        }
        400 | 402 | 405 | 409 | 422 => Error::Validation { message },
        _ => Error::Server { status, message },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_variants() {
        assert_eq!(
            from_status(401, "API key has been revoked", None).code(),
            "invalid_key"
        );
        assert_eq!(from_status(403, "read-only", None).code(), "forbidden");
        assert_eq!(
            from_status(500, "Record not found", None).code(),
            "not_found"
        );
        assert_eq!(
            from_status(
                500,
                "Space does not exist or is not owned by the account",
                None
            )
            .code(),
            "not_found"
        );
        assert_eq!(
            from_status(500, "Invalid Option Maybe", None),
            Error::Validation {
                message: "Invalid Option Maybe".into()
            }
        );
        assert_eq!(from_status(500, "", None).code(), "server");
        assert_eq!(
            from_status(500, "<html><h1>Oops</h1></html>", None).code(),
            "server"
        );
        assert_eq!(from_status(503, "API disabled", None).code(), "server");
        assert_eq!(
            from_status(429, "", Some(Duration::from_secs(7))),
            Error::RateLimited {
                retry_after: Duration::from_secs(7)
            }
        );
        assert_eq!(
            from_status(500, "{\"error\": \"Invalid filter\"}", None),
            Error::Validation {
                message: "Invalid filter".into()
            }
        );
    }

    #[test]
    fn refusals_are_read_from_the_operation_first_and_the_words_second() {
        let reason = |op: Op, message: &str| match from_status(403, message, None).for_op(op) {
            Error::Forbidden { reason, .. } => reason,
            other => panic!("{other:?}"),
        };
        // A workspace change refused to an account key is its restriction, whatever the words.
        assert_eq!(
            reason(
                Op::CreateSpace,
                "Workspace-restricted API keys cannot create workspaces"
            ),
            Refusal::WorkspaceRestricted
        );
        assert_eq!(
            reason(Op::DeleteSpace(3), "Forbidden"),
            Refusal::WorkspaceRestricted
        );
        assert_eq!(
            reason(Op::UpdateSpace(3), "This API key is read-only"),
            Refusal::ReadOnlyKey
        );
        // A refused write: the key's flag or the user's role, by what the words name.
        assert_eq!(
            reason(
                Op::CreateRecord(1),
                "This API key is read-only: it cannot create, update or delete anything"
            ),
            Refusal::ReadOnlyKey
        );
        assert_eq!(
            reason(Op::UpdateRecord(1, 2), "Key is read only"),
            Refusal::ReadOnlyKey
        );
        assert_eq!(
            reason(
                Op::CreateRecord(1),
                "Your role in this workspace is read-only"
            ),
            Refusal::WorkspaceRole
        );
        assert_eq!(
            reason(Op::CreateRecord(1), "Space not whitelisted for this key"),
            Refusal::Other
        );
        // A refused read never makes a key read-only.
        assert_eq!(
            reason(Op::QueryRecords(1), "This API key is read-only"),
            Refusal::Other
        );
        // Other errors pass through.
        assert_eq!(
            from_status(404, "View not found", None)
                .for_op(Op::CreateSpace)
                .code(),
            "not_found"
        );
    }

    #[test]
    fn ip_refusals_are_told_apart_from_dead_keys() {
        for m in [
            "Request IP 10.0.0.1 is not in this API key's IP whitelist",
            "IP address not allowed",
            "Your IP is not on the allowlist for this key",
        ] {
            assert_eq!(from_status(401, m, None).code(), "ip_not_allowed", "{m}");
        }
        for m in [
            "API key has been revoked",
            "Invalid API key",
            "Zip code not allowed",
            "",
        ] {
            assert_eq!(from_status(401, m, None).code(), "invalid_key", "{m}");
        }
    }

    #[test]
    fn serialises_for_the_ui() {
        let e = Error::RateLimited {
            retry_after: Duration::from_secs(3),
        };
        let v = serde_json::to_value(&e).unwrap_or_default();
        assert_eq!(v["code"], "rate_limited");
        assert_eq!(v["retry_after_secs"], 3);
        assert!(v["message"].as_str().unwrap_or("").contains("3 s"));
    }
}
