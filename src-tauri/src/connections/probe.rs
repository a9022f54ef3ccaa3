//! Checking a key before it is saved: a bad key is refused with the server's reason.

use infolobby::{Client, Error};

use super::Capabilities;

/// Builds a client for `base_url` and `secret`, lists the workspaces the key reaches, and derives
/// what the key can do. Nothing is stored here.
pub async fn probe(base_url: &str, secret: &str) -> Result<(Capabilities, String), Error> {
    let client = Client::builder(secret)?.base_url(base_url).build()?;
    let spaces = client.list_spaces().await?;
    let mut caps = Capabilities::for_kind(client.key_kind());
    caps.workspaces = spaces.into_iter().map(|s| s.name).collect();
    Ok((caps, client.key().redacted()))
}
