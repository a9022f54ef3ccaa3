//! The background watcher against a real sandbox and a real Secret Service: it counts unread
//! notifications of personal keys, announces only what is new, and never the same thing twice.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use infolobby_desktop::connections::service::{Connections, NewConnection};
use infolobby_desktop::connections::Connection;
use infolobby_desktop::keychain::Keychain;
use infolobby_desktop::watcher::Watcher;

fn new_connection(name: &str, url: &str, key: &str) -> NewConnection {
    NewConnection {
        name: name.into(),
        base_url: url.into(),
        key: key.into(),
        expires_on: None,
        read_only: false,
    }
}

/// A sandbox, private folders and a keychain namespace of the test's own.
struct World {
    sandbox: infolobby_sandbox::RunningSandbox,
    url: String,
    _dirs: tempfile::TempDir,
    config: std::path::PathBuf,
    connections: Connections,
}

/// Adds a connection for `key` to the world's sandbox.
async fn connect(connections: &Connections, url: &str, name: &str, key: &str) -> Connection {
    connections
        .add(new_connection(name, url, key))
        .await
        .unwrap()
}

async fn world(name: &str, sandbox: infolobby_sandbox::Config) -> World {
    let sandbox = infolobby_sandbox::start(sandbox).await.unwrap();
    let url = sandbox.base_url();
    let dirs = tempfile::tempdir().unwrap();
    let config = dirs.path().join("config");
    let keychain = Keychain::new(&format!(
        "com.infolobby.desktop.test.{name}.{}",
        std::process::id()
    ));
    let connections = Connections::new(&config, &dirs.path().join("data"), keychain);
    World {
        sandbox,
        url,
        _dirs: dirs,
        config,
        connections,
    }
}

#[tokio::test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
async fn new_notifications_are_announced_once() {
    let World {
        sandbox,
        url,
        config,
        connections,
        // Bound, not dropped: the folders live as long as the test.
        _dirs,
    } = world("watcher", infolobby_sandbox::Config::default()).await;
    let alice = connect(&connections, &url, "Alice", "il_user_sandbox_alice").await;
    let owner = connect(&connections, &url, "Owner", "il_live_sandbox_owner").await;
    let watcher = Watcher::new(&config);

    // The first round records what is there and announces nothing.
    let (alerts, counts) = watcher.check(&connections).await;
    assert!(alerts.is_empty(), "{alerts:?}");
    let before = counts[&alice.id].unread;
    assert!(
        before > 0,
        "the demo seed has unread notifications for Alice"
    );
    assert!(
        !counts.contains_key(&owner.id),
        "account keys have no notifications"
    );

    // Bob mentions Alice.
    let bob = infolobby::Client::builder("il_user_sandbox_bob")
        .unwrap()
        .base_url(&url)
        .build()
        .unwrap();
    bob.create_comment(1, 1, "Can you call them back, @{2:Alice}?", &[])
        .await
        .unwrap();

    let (alerts, counts) = watcher.check(&connections).await;
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    assert!(alerts[0].title.contains("mentioned you"), "{alerts:?}");
    assert_eq!(counts[&alice.id].unread, before + 1);

    // Nothing new, nothing announced; a fresh watcher (an app restart) does not repeat it either.
    assert!(watcher.check(&connections).await.0.is_empty());
    assert!(Watcher::new(&config).check(&connections).await.0.is_empty());

    // Removing a connection leaves nothing of it in the watcher's state.
    let state = config.join("watch-state.json");
    assert!(std::fs::read_to_string(&state).unwrap().contains(&alice.id));
    connections.remove(&alice.id).await.unwrap();
    watcher.forget(&alice.id).unwrap();
    assert!(!std::fs::read_to_string(&state).unwrap().contains(&alice.id));
    assert!(!watcher.counts().contains_key(&alice.id));
    connections.remove(&owner.id).await.unwrap();
    sandbox.shutdown().await;
}

#[tokio::test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
async fn a_key_about_to_expire_is_announced_once_a_day() {
    let World {
        sandbox,
        url,
        config,
        connections,
        // Bound, not dropped: the folders live as long as the test.
        _dirs,
    } = world("expiry", infolobby_sandbox::Config::default()).await;
    let in_three_days = (chrono::Local::now().date_naive() + chrono::Days::new(3)).to_string();
    let far_away = (chrono::Local::now().date_naive() + chrono::Days::new(300)).to_string();
    let soon = connections
        .add(NewConnection {
            expires_on: Some(in_three_days),
            ..new_connection("Owner", &url, "il_live_sandbox_owner")
        })
        .await
        .unwrap();
    let later = connections
        .add(NewConnection {
            expires_on: Some(far_away),
            ..new_connection("Alice", &url, "il_user_sandbox_alice")
        })
        .await
        .unwrap();
    let watcher = Watcher::new(&config);

    // Account keys too: expiry is about the key, not about notifications.
    let (alerts, _) = watcher.check(&connections).await;
    let titles: Vec<&str> = alerts.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["The key of “Owner” expires in 3 days"]);

    // Once a day, also across a restart.
    assert!(watcher.check(&connections).await.0.is_empty());
    assert!(Watcher::new(&config).check(&connections).await.0.is_empty());

    connections.remove(&soon.id).await.unwrap();
    connections.remove(&later.id).await.unwrap();
    sandbox.shutdown().await;
}

#[tokio::test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
async fn a_rate_limited_connection_is_skipped_without_stalling_the_others() {
    let World {
        sandbox,
        url,
        config,
        connections,
        // Bound, not dropped: the folders live as long as the test.
        _dirs,
    } = world(
        "limited",
        infolobby_sandbox::Config {
            // 40 a minute for the account: 10 for each user's personal keys.
            requests_per_minute: 40,
            ..infolobby_sandbox::Config::default()
        },
    )
    .await;
    let alice = connect(&connections, &url, "Alice", "il_user_sandbox_alice").await;
    let bob = connect(&connections, &url, "Bob", "il_user_sandbox_bob").await;
    let watcher = Watcher::new(&config);
    let (_, first) = watcher.check(&connections).await;
    assert!(first.contains_key(&alice.id) && first.contains_key(&bob.id));

    // Something else spends the rest of Alice's minute.
    let other = infolobby::Client::builder("il_user_sandbox_alice")
        .unwrap()
        .base_url(&url)
        .build()
        .unwrap();
    let mut spent = 0;
    while other.unread_count().await.is_ok() {
        spent += 1;
        assert!(spent < 20, "the budget never ran out");
    }

    for round in 0..2 {
        let started = std::time::Instant::now();
        let (_, counts) = watcher.check(&connections).await;
        assert!(
            started.elapsed() < std::time::Duration::from_secs(3),
            "round {round} waited for the rate limit: {:?}",
            started.elapsed()
        );
        assert_eq!(
            counts.get(&alice.id),
            first.get(&alice.id),
            "Alice keeps her last count"
        );
        assert!(counts.contains_key(&bob.id), "Bob is still checked");
    }

    connections.remove(&alice.id).await.unwrap();
    connections.remove(&bob.id).await.unwrap();
    sandbox.shutdown().await;
}
