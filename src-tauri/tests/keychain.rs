//! The keychain against a real Secret Service. `tests/run-all.sh` runs this inside a private
//! D-Bus session with an unlocked, throw-away gnome-keyring; plain `cargo test` lists it as
//! ignored because a developer's real keychain must not be touched.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
use infolobby::ExposeSecret;
use infolobby_desktop::keychain::{Keychain, KeychainError};

async fn read(kc: &Keychain, id: &str) -> Result<String, KeychainError> {
    kc.read(id).await.map(|s| s.expose_secret().to_string())
}

#[tokio::test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
async fn stores_reads_replaces_and_deletes_a_key() {
    let kc = Keychain::new("com.infolobby.desktop.test");
    let id = format!("conn-{}", std::process::id());
    kc.store(&id, "il_user_secret_one_1a2b").await.unwrap();
    assert_eq!(read(&kc, &id).await.unwrap(), "il_user_secret_one_1a2b");
    kc.store(&id, "il_user_secret_two_3c4d").await.unwrap();
    assert_eq!(
        read(&kc, &id).await.unwrap(),
        "il_user_secret_two_3c4d",
        "replaced after a rotation"
    );
    assert_eq!(
        read(&kc, "conn-never-stored").await,
        Err(KeychainError::Missing)
    );
    kc.delete(&id).await.unwrap();
    assert_eq!(read(&kc, &id).await, Err(KeychainError::Missing));
    kc.delete(&id).await.unwrap();
}

#[tokio::test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
async fn secrets_stay_out_of_files_and_errors() {
    let kc = Keychain::new("com.infolobby.desktop.test");
    let secret = "il_live_never_in_a_file_9z9z";
    kc.store("leak-check", secret).await.unwrap();
    // gnome-keyring encrypts its store, so the secret is in no file under the data and config
    // dirs, whatever the app or keyring wrote there.
    for var in ["XDG_DATA_HOME", "XDG_CONFIG_HOME"] {
        let dir = std::env::var(var).expect("run-all.sh sets private XDG dirs");
        for entry in walk(std::path::Path::new(&dir)) {
            let bytes = std::fs::read(&entry).unwrap_or_default();
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "secret found in {}",
                entry.display()
            );
        }
    }
    let err = kc.read("missing-entry").await.unwrap_err();
    assert!(!err.to_string().contains(secret));
    kc.delete("leak-check").await.unwrap();
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
