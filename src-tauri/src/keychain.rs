//! API keys in the OS keychain, and nowhere else. Calls run off the UI thread with a timeout,
//! because a Secret Service that is missing or locked can block for a long time.

use std::time::Duration;

use infolobby::{ExposeSecret, SecretString};

const SERVICE: &str = "com.infolobby.desktop";
const TIMEOUT: Duration = Duration::from_secs(15);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeychainError {
    /// No keychain to talk to, or it refused: says what to do. Never a fallback to a file.
    #[error("The system keychain is not available ({0}). On Linux, install and unlock a Secret Service such as gnome-keyring or KWallet, then try again.")]
    Unavailable(String),
    #[error("No key is stored for this connection.")]
    Missing,
    #[error("The system keychain did not answer in time. Unlock it and try again.")]
    Timeout,
}

/// Secrets of one app, one entry per connection id.
#[derive(Debug, Clone)]
pub struct Keychain {
    service: String,
}

impl Default for Keychain {
    fn default() -> Self {
        Self::new(SERVICE)
    }
}

fn map_err(e: keyring::Error) -> KeychainError {
    match e {
        keyring::Error::NoEntry => KeychainError::Missing,
        // The variants' messages describe the platform failure, never the secret.
        other => KeychainError::Unavailable(other.to_string()),
    }
}

impl Keychain {
    /// A keychain namespace; tests use their own so they never touch real entries.
    pub fn new(service: &str) -> Self {
        Self {
            service: service.to_string(),
        }
    }

    async fn run<T: Send + 'static>(
        &self,
        account: &str,
        f: impl FnOnce(&keyring::Entry) -> Result<T, keyring::Error> + Send + 'static,
    ) -> Result<T, KeychainError> {
        let (service, account) = (self.service.clone(), account.to_string());
        let job = tokio::task::spawn_blocking(move || {
            let entry = keyring::Entry::new(&service, &account).map_err(map_err)?;
            f(&entry).map_err(map_err)
        });
        match tokio::time::timeout(TIMEOUT, job).await {
            Ok(Ok(result)) => result,
            Ok(Err(join)) => Err(KeychainError::Unavailable(join.to_string())),
            Err(_) => Err(KeychainError::Timeout),
        }
    }

    /// Stores or replaces the secret of a connection.
    pub async fn store(&self, connection_id: &str, secret: &str) -> Result<(), KeychainError> {
        let secret = SecretString::from(secret);
        self.run(connection_id, move |e| {
            e.set_password(secret.expose_secret())
        })
        .await
    }

    /// The secret, zeroed when dropped and never printed by `Debug`.
    pub async fn read(&self, connection_id: &str) -> Result<SecretString, KeychainError> {
        self.run(connection_id, |e| e.get_password().map(SecretString::from))
            .await
    }

    /// Removes the secret; removing one that is not there is not an error.
    pub async fn delete(&self, connection_id: &str) -> Result<(), KeychainError> {
        match self.run(connection_id, |e| e.delete_credential()).await {
            Err(KeychainError::Missing) => Ok(()),
            other => other,
        }
    }
}
