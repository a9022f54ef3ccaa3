//! Checking keys against the real sandbox before saving, and the connection list on disk.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
use infolobby::{Error, KeyKind};
use infolobby_desktop::connections::probe::probe;
use infolobby_desktop::connections::store::ConnectionStore;
use infolobby_desktop::connections::{Capabilities, Connection};

#[tokio::test]
async fn keys_are_probed_with_the_servers_reason_for_refusal() {
    let s = infolobby_sandbox::start(infolobby_sandbox::Config::default())
        .await
        .unwrap();
    let url = s.base_url();

    let (owner, hint) = probe(&url, "il_live_sandbox_owner").await.unwrap();
    assert_eq!(hint, "il_live_…wner");
    assert_eq!(
        (owner.kind, owner.workspaces.clone()),
        (
            KeyKind::Account,
            vec!["Sales CRM".to_string(), "Operations".to_string()]
        )
    );
    assert!(owner.manage_workspaces && !owner.notifications);
    assert!(owner.cannot.iter().any(|c| c.contains("notifications")));

    let (restricted, _) = probe(&url, "il_live_sandbox_restricted").await.unwrap();
    assert_eq!(restricted.workspaces, vec!["Sales CRM".to_string()]);

    let (alice, _) = probe(&url, "il_user_sandbox_alice").await.unwrap();
    assert_eq!(alice.kind, KeyKind::Personal);
    assert!(alice.notifications && alice.standalone_tasks && !alice.manage_workspaces);
    assert!(alice.cannot.iter().any(|c| c.contains("workspaces")));

    match probe(&url, "il_live_sandbox_revoked").await {
        Err(e @ Error::InvalidKey { .. }) => {
            assert!(e.to_string().contains("revoked"), "{e}");
            assert!(!e.to_string().contains("il_live_sandbox_revoked"));
        }
        other => panic!("{other:?}"),
    }
    match probe(&url, "il_live_sandbox_iplocked").await {
        Err(e @ Error::IpNotAllowed { .. }) => {
            assert_eq!(e.code(), "ip_not_allowed");
            assert!(e.to_string().contains("allowlist"), "{e}");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        probe(&url, "hello").await,
        Err(Error::InvalidKeyFormat)
    ));
    assert!(matches!(
        probe("http://example.com/api", "il_live_sandbox_owner").await,
        Err(Error::InvalidBaseUrl(_))
    ));
    s.shutdown().await;
}

fn conn(id: &str, name: &str) -> Connection {
    Connection {
        id: id.into(),
        name: name.into(),
        base_url: "https://infolobby.com/api".into(),
        key_hint: "il_user_…1a2b".into(),
        capabilities: Capabilities::for_kind(KeyKind::Personal),
        expires_on: Some("2027-01-31".into()),
        key_invalid: false,
        demo: false,
        alerts: Default::default(),
        cache: Default::default(),
    }
}

#[test]
fn the_connection_list_persists_without_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let store = ConnectionStore::new(dir.path());
    assert!(store.load().unwrap().is_empty());
    store.upsert(conn("a", "Work")).unwrap();
    store.upsert(conn("b", "Demo")).unwrap();
    let mut renamed = conn("a", "Work (rotated)");
    renamed.key_invalid = true;
    store.upsert(renamed.clone()).unwrap();

    let again = ConnectionStore::new(dir.path()).load().unwrap();
    assert_eq!(again, vec![renamed, conn("b", "Demo")]);
    assert_eq!(store.remove("a").unwrap(), vec![conn("b", "Demo")]);

    let text = std::fs::read_to_string(dir.path().join("connections.json")).unwrap();
    assert!(text.contains("il_user_…1a2b") && !text.contains("secret"));

    // A damaged file is kept under a timestamped name, reported for the window (not only to
    // the first caller), and the app goes on with an empty list.
    std::fs::write(dir.path().join("connections.json"), "{ half").unwrap();
    assert!(store.load().unwrap().is_empty());
    let path = dir.path().join("connections.json").display().to_string();
    let damaged = infolobby_desktop::json_file::damaged_files(false);
    let found = damaged.iter().find(|d| d.path == path).expect("reported");
    assert!(
        found.kept_as.contains("connections.json.damaged-"),
        "{found:?}"
    );
    assert_eq!(std::fs::read_to_string(&found.kept_as).unwrap(), "{ half");
    assert!(
        store.load().unwrap().is_empty(),
        "later callers see the same"
    );
    assert!(!infolobby_desktop::json_file::damaged_files(true).is_empty());
}
