//! Who is calling (§2): key lookup, key kinds, and the capability matrix §2.2.

use std::collections::HashSet;
use std::net::IpAddr;

use rusqlite::{Connection, OptionalExtension};

use crate::db;
use crate::error::{ApiError, ApiResult};
use crate::ratelimit::Bucket;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    /// `il_live_`: acts as the account owner.
    Account,
    /// `il_user_`: acts as the user who made it.
    Personal,
}

#[derive(Debug, Clone)]
pub struct Caller {
    pub key_id: i64,
    pub kind: KeyKind,
    /// The user the key acts as.
    pub user_id: i64,
    pub read_only: bool,
    /// Spaces an account key is restricted to; `None` = unrestricted.
    pub spaces: Option<HashSet<i64>>,
}

pub const OWNER_USER_ID: i64 = 1;

/// Resolves the `Authorization` header to a caller, or the 401 the service would send.
pub fn authenticate(conn: &Connection, header: Option<&str>, ip: IpAddr) -> ApiResult<Caller> {
    // The scheme name is case-insensitive (RFC 7235 §2.1): `bearer` works like `Bearer`.
    let secret = header
        .map(str::trim_start)
        .and_then(|h| h.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim())
        .filter(|s| !s.is_empty())
        .ok_or_else(|| {
            ApiError::unauthorized("Missing API key: send Authorization: Bearer <key>")
        })?;
    let kind = if secret.starts_with("il_live_") {
        KeyKind::Account
    } else if secret.starts_with("il_user_") {
        KeyKind::Personal
    } else {
        return Err(ApiError::unauthorized("Invalid API key"));
    };
    type Row = (i64, i64, bool, bool, String, Option<String>);
    let row: Option<Row> = conn
        .prepare_cached(
            "SELECT id, user_id, read_only, deleted, ip_allowlist, expires_at FROM api_keys WHERE secret = ?",
        )?
        .query_row([secret], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
        })
        .optional()?;
    let (key_id, user_id, read_only, deleted, allowlist, expires_at) =
        row.ok_or_else(|| ApiError::unauthorized("Invalid API key"))?;
    if deleted {
        return Err(ApiError::unauthorized("API key has been revoked"));
    }
    if let Some(exp) = expires_at {
        if exp <= crate::clock::now() {
            return Err(ApiError::unauthorized("API key has expired"));
        }
    }
    if !allowlist.trim().is_empty() && !ip_allowed(&allowlist, ip) {
        return Err(ApiError::unauthorized(format!(
            "Request IP {ip} is not in this API key's IP whitelist"
        )));
    }
    let spaces = if kind == KeyKind::Account {
        let ids: HashSet<i64> = conn
            .prepare_cached("SELECT space_id FROM key_spaces WHERE key_id = ?")?
            .query_map([key_id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        (!ids.is_empty()).then_some(ids)
    } else {
        None
    };
    Ok(Caller {
        key_id,
        kind,
        user_id,
        read_only,
        spaces,
    })
}

/// Allowlist entries are IPs or IPv4 CIDR ranges, separated by commas or newlines.
fn ip_allowed(list: &str, ip: IpAddr) -> bool {
    list.split([',', '\n'])
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .any(|entry| match entry.split_once('/') {
            None => entry.parse::<IpAddr>().is_ok_and(|a| a == ip),
            Some((net, bits)) => match (net.parse::<IpAddr>(), bits.parse::<u32>(), ip) {
                (Ok(IpAddr::V4(net)), Ok(bits), IpAddr::V4(ip)) if bits <= 32 => {
                    let mask = if bits == 0 {
                        0
                    } else {
                        u32::MAX << (32 - bits)
                    };
                    u32::from(net) & mask == u32::from(ip) & mask
                }
                _ => false,
            },
        })
}

impl Caller {
    pub fn bucket(&self) -> Bucket {
        match self.kind {
            KeyKind::Account => Bucket::Account,
            KeyKind::Personal => Bucket::User(self.user_id),
        }
    }

    pub fn require_write(&self) -> ApiResult<()> {
        if self.read_only {
            return Err(ApiError::forbidden(
                "This API key is read-only: it cannot create, update or delete anything",
            ));
        }
        Ok(())
    }

    /// Workspace create/update/delete: unrestricted account keys only.
    pub fn require_workspace_admin(&self) -> ApiResult<()> {
        match (self.kind, &self.spaces) {
            (KeyKind::Personal, _) => Err(ApiError::forbidden(
                "Personal API keys cannot create, update or delete workspaces",
            )),
            (KeyKind::Account, Some(_)) => Err(ApiError::forbidden(
                "Workspace-restricted API keys cannot create, update or delete workspaces",
            )),
            _ => self.require_write(),
        }
    }

    /// Table schema and membership management: account keys only.
    pub fn require_account_key(&self, what: &str) -> ApiResult<()> {
        if self.kind == KeyKind::Personal {
            return Err(ApiError::forbidden(format!(
                "Personal API keys cannot {what}"
            )));
        }
        Ok(())
    }

    pub fn require_personal(&self, what: &str) -> ApiResult<()> {
        if self.kind == KeyKind::Account {
            return Err(ApiError::forbidden(format!(
                "{what} are only available to personal API keys (il_user_)"
            )));
        }
        Ok(())
    }

    /// Read access to a space; missing spaces are a 500 as the service reports them.
    pub fn can_read_space(&self, conn: &Connection, space_id: i64) -> ApiResult<()> {
        if !db::space_exists(conn, space_id)? {
            return Err(ApiError::app(
                "Space does not exist or is not owned by the account",
            ));
        }
        match self.kind {
            KeyKind::Account => match &self.spaces {
                Some(ids) if !ids.contains(&space_id) => Err(ApiError::forbidden(
                    "Key is not whitelisted for the requested space",
                )),
                _ => Ok(()),
            },
            KeyKind::Personal => match db::member_role(conn, space_id, self.user_id)? {
                Some(_) => Ok(()),
                None => Err(ApiError::forbidden(
                    "You are not a member of the requested space",
                )),
            },
        }
    }

    /// Record-level writes: a writable key, and for personal keys a role that may write.
    pub fn can_write_space(&self, conn: &Connection, space_id: i64) -> ApiResult<()> {
        self.can_read_space(conn, space_id)?;
        self.require_write()?;
        if self.kind == KeyKind::Personal
            && db::member_role(conn, space_id, self.user_id)?.as_deref() == Some("read_only")
        {
            return Err(ApiError::forbidden(
                "Your role in this workspace is read-only",
            ));
        }
        Ok(())
    }

    /// Spaces this caller can see.
    pub fn visible_spaces(&self, conn: &Connection) -> ApiResult<Vec<i64>> {
        let all: Vec<i64> = match self.kind {
            KeyKind::Account => conn
                .prepare_cached("SELECT id FROM spaces ORDER BY id")?
                .query_map([], |r| r.get(0))?
                .collect::<Result<_, _>>()?,
            KeyKind::Personal => conn
                .prepare_cached(
                    "SELECT s.id FROM spaces s JOIN members m ON m.space_id = s.id WHERE m.user_id = ? ORDER BY s.id",
                )?
                .query_map([self.user_id], |r| r.get(0))?
                .collect::<Result<_, _>>()?,
        };
        Ok(match &self.spaces {
            Some(ids) => all.into_iter().filter(|id| ids.contains(id)).collect(),
            None => all,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowlist_matches_ips_and_cidrs() {
        let local: IpAddr = "127.0.0.1".parse().unwrap_or(IpAddr::from([0, 0, 0, 0]));
        assert!(ip_allowed("10.0.0.1, 127.0.0.1", local));
        assert!(ip_allowed("127.0.0.0/8", local));
        assert!(!ip_allowed("203.0.113.0/24\n198.51.100.7", local));
        assert!(!ip_allowed("garbage/99", local));
    }
}
