//! Without a Secret Service the app says so and how to fix it, and saves nothing; it never falls
//! back to a file. Its own test binary, because it points this process's session bus nowhere.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use infolobby_desktop::connections::service::{Connections, NewConnection};
use infolobby_desktop::error::ErrorCode;
use infolobby_desktop::keychain::Keychain;

#[tokio::test]
async fn no_keychain_means_a_plain_refusal_and_nothing_saved() {
    // The only test in this binary, so no other test reads the environment meanwhile.
    std::env::set_var(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/infolobby-test-bus",
    );
    let sandbox = infolobby_sandbox::start(infolobby_sandbox::Config::default())
        .await
        .unwrap();
    let dirs = tempfile::tempdir().unwrap();
    let state = Connections::new(
        &dirs.path().join("config"),
        &dirs.path().join("data"),
        Keychain::new("com.infolobby.desktop.test.nokeychain"),
    );
    let err = state
        .add(NewConnection {
            name: "Work".into(),
            base_url: sandbox.base_url(),
            key: "il_live_sandbox_owner".into(),
            expires_on: None,
            read_only: false,
        })
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Keychain, "{}", err.message);
    assert!(err.message.contains("Secret Service"), "{}", err.message);
    assert!(!err.message.contains("il_live_sandbox_owner"));
    assert!(state.list().unwrap().is_empty());
    assert!(!dirs.path().join("config/connections.json").exists());

    // The demo's keys are public and never go to the keychain: it works all the same.
    let demo = state.start_demo().await.unwrap();
    assert!(demo.len() >= 5, "{demo:?}");
    let spaces = state
        .call("demo-owner", |c| async move { c.list_spaces().await })
        .await
        .unwrap();
    assert!(!spaces.is_empty());
    state.remove("demo-alice").await.unwrap();
    state.shutdown().await;
    sandbox.shutdown().await;
}
