//! The background watcher against a real sandbox and a real Secret Service, on a clock of the
//! test's own (`Watcher::check_at`): exactly one alert per item across restarts and outages,
//! bursts grouped, a revoked key said once, a rate limit waited out, pauses summed up, tasks
//! that fell due while the app was closed raised once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use infolobby_desktop::connections::service::{Connections, NewConnection};
use infolobby_desktop::connections::Connection;
use infolobby_desktop::keychain::Keychain;
use infolobby_desktop::watcher::prefs::AlertPrefs;
use infolobby_desktop::watcher::{Alert, Watcher};
use infolobby_sandbox::{Config, Storage};

const ALICE: &str = "il_user_sandbox_alice";
const BOB: &str = "il_user_sandbox_bob";
/// The app's default interval.
const INTERVAL: chrono::Duration = chrono::Duration::seconds(60);

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
    sandbox: Option<infolobby_sandbox::RunningSandbox>,
    url: String,
    dirs: tempfile::TempDir,
    config: std::path::PathBuf,
    connections: Arc<Connections>,
    /// The sandbox's data folder, for a world made by [`World::persistent`].
    data: Option<std::path::PathBuf>,
}

impl World {
    async fn new(name: &str, sandbox: Config) -> Self {
        let sandbox = infolobby_sandbox::start(sandbox).await.unwrap();
        let url = sandbox.base_url();
        let dirs = tempfile::tempdir().unwrap();
        let config = dirs.path().join("config");
        let keychain = Keychain::new(&format!(
            "com.infolobby.desktop.test.{name}.{}",
            std::process::id()
        ));
        let connections = Arc::new(Connections::new(
            &config,
            &dirs.path().join("data"),
            keychain,
        ));
        Self {
            sandbox: Some(sandbox),
            url,
            dirs,
            config,
            connections,
            data: None,
        }
    }

    /// A sandbox whose data lives in a folder, so it can be stopped and started again.
    async fn persistent(name: &str, sandbox: Config) -> Self {
        let data = tempfile::tempdir().unwrap().keep();
        let mut world = Self::new(
            name,
            Config {
                storage: Storage::Dir(data.clone()),
                ..sandbox
            },
        )
        .await;
        world.data = Some(data);
        world
    }

    fn data_dir(&self) -> std::path::PathBuf {
        self.data.clone().expect("a persistent world")
    }

    async fn connect(&self, name: &str, key: &str) -> Connection {
        self.connections
            .add(new_connection(name, &self.url, key))
            .await
            .unwrap()
    }

    fn client(&self, key: &str) -> infolobby::Client {
        infolobby::Client::builder(key)
            .unwrap()
            .base_url(&self.url)
            .build()
            .unwrap()
    }

    async fn stop_server(&mut self) {
        if let Some(s) = self.sandbox.take() {
            s.shutdown().await;
        }
    }

    /// Starts the sandbox again on the same address with the same data.
    async fn start_server(&mut self, config: Config) {
        let addr: std::net::SocketAddr = self
            .url
            .trim_start_matches("http://")
            .trim_end_matches("/api")
            .parse()
            .unwrap();
        let mut tries = 0;
        let sandbox = loop {
            match infolobby_sandbox::start(Config {
                addr,
                ..config.clone()
            })
            .await
            {
                Ok(s) => break s,
                Err(e) if tries < 50 => {
                    tries += 1;
                    eprintln!("port busy ({e}); again");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => panic!("{e}"),
            }
        };
        self.sandbox = Some(sandbox);
    }

    async fn finish(mut self) {
        for c in self.connections.list().unwrap() {
            self.connections.remove(&c.id).await.unwrap();
        }
        self.stop_server().await;
        if let Some(data) = &self.data {
            let _ = std::fs::remove_dir_all(data);
        }
        drop(self.dirs);
    }
}

fn titles(alerts: &[Alert]) -> Vec<&str> {
    alerts.iter().map(|a| a.title.as_str()).collect()
}

/// Bob mentions Alice on record 1 of table 1.
async fn mention(bob: &infolobby::Client, text: &str) {
    bob.create_comment(1, 1, &format!("{text} @{{2:Alice}}"), &[])
        .await
        .unwrap();
}

#[tokio::test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
async fn new_notifications_are_announced_once_across_restarts() {
    let w = World::new("once", Config::default()).await;
    let alice = w.connect("Alice", ALICE).await;
    let owner = w.connect("Owner", "il_live_sandbox_owner").await;
    let watcher = Watcher::new(&w.config);
    let t0 = Utc::now();

    // The first round records what is there and announces nothing.
    assert!(watcher.check_at(&w.connections, t0).await.is_empty());
    let before = watcher.counts()[&alice.id].unread;
    assert!(
        before > 0,
        "the demo seed has unread notifications for Alice"
    );
    assert!(
        !watcher.counts().contains_key(&owner.id),
        "account keys have no notifications"
    );

    mention(&w.client(BOB), "Can you call them back,").await;
    // Not before the interval is over.
    assert!(watcher
        .check_at(&w.connections, t0 + INTERVAL / 2)
        .await
        .is_empty());
    let alerts = watcher.check_at(&w.connections, t0 + INTERVAL).await;
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    assert!(alerts[0].title.contains("mentioned you"), "{alerts:?}");
    let target = alerts[0].target.clone().unwrap();
    assert_eq!(
        (target.table_id, target.record_id),
        (Some(1), Some(1)),
        "the alert opens its record"
    );
    assert!(target.notification_id.is_some());
    assert_eq!(watcher.counts()[&alice.id].unread, before + 1);
    assert_eq!(
        watcher.latest()[0].target,
        target,
        "the tray lists it first"
    );

    // Nothing new, nothing announced; a fresh watcher (an app restart) does not repeat it either.
    assert!(watcher
        .check_at(&w.connections, t0 + INTERVAL * 2)
        .await
        .is_empty());
    assert!(Watcher::new(&w.config)
        .check_at(&w.connections, t0 + INTERVAL * 3)
        .await
        .is_empty());

    // Removing a connection leaves nothing of it in the watcher's state.
    let state = w.config.join("watch-state.json");
    assert!(std::fs::read_to_string(&state).unwrap().contains(&alice.id));
    w.connections.remove(&alice.id).await.unwrap();
    watcher.forget(&alice.id).unwrap();
    assert!(!std::fs::read_to_string(&state).unwrap().contains(&alice.id));
    assert!(!watcher.counts().contains_key(&alice.id));
    w.finish().await;
}

#[tokio::test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
async fn an_outage_of_three_intervals_loses_and_repeats_nothing() {
    let mut w = World::persistent("outage", Config::default()).await;
    let config = Config {
        storage: Storage::Dir(w.data_dir()),
        ..Config::default()
    };
    let alice = w.connect("Alice", ALICE).await;
    let watcher = Watcher::new(&w.config);
    let t0 = Utc::now();
    assert!(watcher.check_at(&w.connections, t0).await.is_empty());
    let before = watcher.counts()[&alice.id];

    // Bob writes, then the server goes away before the watcher looks.
    mention(&w.client(BOB), "Before the outage").await;
    w.stop_server().await;
    for i in 1..=3 {
        let alerts = watcher.check_at(&w.connections, t0 + INTERVAL * i).await;
        assert!(alerts.is_empty(), "round {i}: {alerts:?}");
        assert_eq!(watcher.counts()[&alice.id], before, "the last count stays");
    }
    assert!(
        watcher.next_poll(&alice.id).unwrap() > t0 + INTERVAL * 4,
        "offline, polls back off"
    );

    // The network is back: the next look polls at once, not at the end of the backoff.
    w.start_server(config).await;
    let back = t0 + INTERVAL * 3 + chrono::Duration::seconds(10);
    let alerts = watcher.check_at(&w.connections, back).await;
    assert_eq!(titles(&alerts).len(), 1, "{alerts:?}");
    assert!(alerts[0].body.contains("Before the outage"), "{alerts:?}");
    assert_eq!(watcher.counts()[&alice.id].unread, before.unread + 1);
    assert!(watcher
        .check_at(&w.connections, back + INTERVAL)
        .await
        .is_empty());
    w.finish().await;
}

#[tokio::test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
async fn fifty_events_at_once_are_grouped() {
    let w = World::new("burst", Config::default()).await;
    let alice = w.connect("Alice", ALICE).await;
    let watcher = Watcher::new(&w.config);
    let t0 = Utc::now();
    watcher.check_at(&w.connections, t0).await;
    let bob = w.client(BOB);
    for i in 0..50 {
        mention(&bob, &format!("Burst {i}")).await;
    }
    let alerts = watcher.check_at(&w.connections, t0 + INTERVAL).await;
    let t = titles(&alerts);
    assert_eq!(t.len(), 4, "{t:?}");
    assert_eq!(t[3], "47 more notifications");
    assert!(
        alerts[0].body.contains("Burst 0"),
        "oldest first: {alerts:?}"
    );
    assert!(alerts[3].target.as_ref().unwrap().record_id.is_none());
    assert_eq!(watcher.latest().len(), 5, "the tray lists the newest five");
    assert!(watcher.latest()[0].title.contains("mentioned you"));
    let _ = alice;
    w.finish().await;
}

#[tokio::test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
async fn a_revoked_key_is_said_once_and_polling_stops() {
    let w = World::persistent("revoked", Config::default()).await;
    let alice = w.connect("Alice", ALICE).await;
    let bob = w.connect("Bob", BOB).await;
    let watcher = Watcher::new(&w.config);
    let t0 = Utc::now();
    watcher.check_at(&w.connections, t0).await;

    // Alice's key is revoked on the server.
    let db = rusqlite::Connection::open(w.data_dir().join("sandbox.sqlite3")).unwrap();
    db.execute("UPDATE api_keys SET deleted = 1 WHERE secret = ?", [ALICE])
        .unwrap();

    let alerts = watcher.check_at(&w.connections, t0 + INTERVAL).await;
    assert_eq!(
        titles(&alerts),
        ["The key of “Alice” no longer works"],
        "{alerts:?}"
    );
    for i in 2..5 {
        let later = t0 + INTERVAL * i;
        assert!(watcher.check_at(&w.connections, later).await.is_empty());
        let due = watcher.due(&w.connections, later + INTERVAL).await;
        assert!(
            due.iter().all(|c| c.id != alice.id),
            "a connection with a dead key is not polled"
        );
        for c in due {
            watcher.poll(&w.connections, &c, later + INTERVAL).await;
        }
    }
    assert!(watcher.counts().contains_key(&bob.id), "Bob goes on");
    w.finish().await;
}

#[tokio::test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
async fn a_rate_limit_is_waited_out_as_the_server_says() {
    // Four requests per user in a window of 12 s: long enough that the client hands the wait
    // back to the watcher instead of waiting itself.
    let window = 12;
    let w = World::new(
        "limited",
        Config {
            requests_per_minute: 16,
            rate_window_secs: window,
            ..Config::default()
        },
    )
    .await;
    let alice = w.connect("Alice", ALICE).await;
    let watcher = Watcher::new(&w.config);
    let t0 = Utc::now();
    watcher.check_at(&w.connections, t0).await;
    let first = watcher.counts()[&alice.id];

    // Something else spends the rest of Alice's window.
    let other = w.client(ALICE);
    let mut spent = 0;
    while other.unread_count().await.is_ok() {
        spent += 1;
        assert!(spent < 20, "the budget never ran out");
    }
    let t1 = t0 + INTERVAL;
    let started = std::time::Instant::now();
    assert!(watcher.check_at(&w.connections, t1).await.is_empty());
    assert!(
        started.elapsed() < Duration::from_secs(6),
        "the round waited"
    );
    let next = watcher.next_poll(&alice.id).unwrap();
    let wait = (next - t1).num_seconds();
    assert!(
        (1..=i64::from(window)).contains(&wait),
        "waits what Retry-After says, not the interval: {wait} s"
    );
    assert_eq!(watcher.counts()[&alice.id], first, "the last count stays");

    // Before then nothing is sent; once the window is over on the server, the poll goes through.
    assert!(watcher
        .due(&w.connections, next - chrono::Duration::seconds(1))
        .await
        .is_empty());
    tokio::time::sleep(Duration::from_secs(u64::from(window) + 1)).await;
    mention(&w.client(BOB), "After the limit").await;
    let alerts = watcher.check_at(&w.connections, next).await;
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    assert!(alerts[0].body.contains("After the limit"));
    w.finish().await;
}

#[tokio::test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
async fn alerts_paused_then_resumed_give_one_summary() {
    let w = World::new("paused", Config::default()).await;
    let alice = w.connect("Alice", ALICE).await;
    let watcher = Watcher::new(&w.config);
    let t0 = Utc::now();
    watcher.check_at(&w.connections, t0).await;
    let before = watcher.counts()[&alice.id].unread;

    watcher
        .pause_alerts(t0 + chrono::Duration::hours(1))
        .unwrap();
    let bob = w.client(BOB);
    mention(&bob, "While paused 1").await;
    mention(&bob, "While paused 2").await;
    assert!(watcher
        .check_at(&w.connections, t0 + INTERVAL)
        .await
        .is_empty());
    assert_eq!(
        watcher.counts()[&alice.id].unread,
        before + 2,
        "counts go on while paused"
    );
    mention(&bob, "While paused 3").await;
    // A restart while paused keeps the pause and what it held.
    let watcher = Watcher::new(&w.config);
    assert!(watcher.is_paused(t0 + INTERVAL * 2));
    assert!(watcher
        .check_at(&w.connections, t0 + INTERVAL * 2)
        .await
        .is_empty());

    watcher.resume_alerts().unwrap();
    let alerts = watcher.check_at(&w.connections, t0 + INTERVAL * 3).await;
    assert_eq!(
        titles(&alerts),
        ["While alerts were paused: 3 new items"],
        "{alerts:?}"
    );
    assert!(watcher
        .check_at(&w.connections, t0 + INTERVAL * 4)
        .await
        .is_empty());

    // A pause that runs out by itself ends the same way.
    watcher
        .pause_alerts(t0 + INTERVAL * 5 + chrono::Duration::seconds(30))
        .unwrap();
    mention(&bob, "While paused 4").await;
    assert!(watcher
        .check_at(&w.connections, t0 + INTERVAL * 5)
        .await
        .is_empty());
    let alerts = watcher.check_at(&w.connections, t0 + INTERVAL * 6).await;
    assert_eq!(titles(&alerts), ["While alerts were paused: 1 new item"]);
    w.finish().await;
}

/// `HH:MM` of `t`, as the API takes due times (UTC, §20).
fn hh_mm(t: DateTime<Utc>) -> (String, String) {
    (
        t.format("%Y-%m-%d").to_string(),
        t.format("%H:%M").to_string(),
    )
}

#[tokio::test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
async fn a_task_due_while_the_app_was_closed_is_raised_once_at_the_next_start() {
    let w = World::new("due", Config::default()).await;
    w.connect("Alice", ALICE).await;
    let t0 = Utc::now();
    let watcher = Watcher::new(&w.config);
    watcher.check_at(&w.connections, t0).await;

    // Alice has a task due in ten minutes, and one with a reminder in twenty.
    let alice = w.client(ALICE);
    let (day, time) = hh_mm(t0 + chrono::Duration::minutes(10));
    let mut fields = serde_json::Map::new();
    fields.insert("title".into(), "Send the proposal".into());
    fields.insert("due_date".into(), day.into());
    fields.insert("due_time".into(), time.into());
    alice.create_task(fields).await.unwrap();
    let (day, time) = hh_mm(t0 + chrono::Duration::minutes(50));
    let mut fields = serde_json::Map::new();
    fields.insert("title".into(), "Call the client".into());
    fields.insert("due_date".into(), day.into());
    fields.insert("due_time".into(), time.into());
    fields.insert("reminder_offset_mins".into(), 30.into());
    alice.create_task(fields).await.unwrap();
    assert!(watcher
        .check_at(&w.connections, t0 + INTERVAL)
        .await
        .is_empty());
    drop(watcher);

    // The app was closed for half an hour: both came due meanwhile, each raised once.
    let watcher = Watcher::new(&w.config);
    let later = t0 + chrono::Duration::minutes(31);
    let alerts = watcher.check_at(&w.connections, later).await;
    let mut t = titles(&alerts);
    t.sort_unstable();
    assert_eq!(
        t,
        ["Due now: Send the proposal", "Reminder: Call the client"],
        "{alerts:?}"
    );
    assert!(alerts
        .iter()
        .all(|a| a.target.as_ref().unwrap().task_id.is_some()));
    assert!(watcher
        .check_at(&w.connections, later + INTERVAL)
        .await
        .is_empty());
    assert!(Watcher::new(&w.config)
        .check_at(&w.connections, later + INTERVAL * 2)
        .await
        .is_empty());
    w.finish().await;
}

#[tokio::test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
async fn settings_decide_what_alerts_but_never_what_counts() {
    let w = World::new("prefs", Config::default()).await;
    let alice = w.connect("Alice", ALICE).await;
    let watcher = Watcher::new(&w.config);
    let t0 = Utc::now();
    watcher.check_at(&w.connections, t0).await;
    let before = watcher.counts()[&alice.id].unread;
    w.connections
        .set_alert_prefs(
            &alice.id,
            AlertPrefs {
                mentions: false,
                ..AlertPrefs::default()
            },
        )
        .unwrap();
    mention(&w.client(BOB), "Muted kind").await;
    assert!(watcher
        .check_at(&w.connections, t0 + INTERVAL)
        .await
        .is_empty());
    assert_eq!(watcher.counts()[&alice.id].unread, before + 1);

    // Only workspace 99: the mention in workspace 1 stays silent too.
    w.connections
        .set_alert_prefs(
            &alice.id,
            AlertPrefs {
                spaces: Some(vec![99]),
                ..AlertPrefs::default()
            },
        )
        .unwrap();
    mention(&w.client(BOB), "Other workspace").await;
    assert!(watcher
        .check_at(&w.connections, t0 + INTERVAL * 2)
        .await
        .is_empty());
    w.connections
        .set_alert_prefs(&alice.id, AlertPrefs::default())
        .unwrap();
    mention(&w.client(BOB), "Loud again").await;
    let alerts = watcher.check_at(&w.connections, t0 + INTERVAL * 3).await;
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    assert!(alerts[0].sound, "sound is on by default");
    w.finish().await;
}

#[tokio::test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
async fn a_server_that_never_answers_holds_back_no_other_connection() {
    let mut w = World::new("hanging", Config::default()).await;
    let stuck = w.connect("Stuck", ALICE).await;
    // Bob's connection goes to a second sandbox that keeps answering.
    let other = infolobby_sandbox::start(Config::default()).await.unwrap();
    let bob = w
        .connections
        .add(new_connection("Bob", &other.base_url(), BOB))
        .await
        .unwrap();
    let watcher = Arc::new(Watcher::new(&w.config));
    let t0 = Utc::now();
    watcher.check_at(&w.connections, t0).await;

    // The first server now accepts connections and never answers.
    let addr = w
        .url
        .trim_start_matches("http://")
        .trim_end_matches("/api")
        .to_string();
    w.stop_server().await;
    let listener = tokio::net::TcpListener::bind(&addr).await.unwrap();
    let hold = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((s, _)) = listener.accept().await {
            held.push(s);
        }
    });
    let alice_client = infolobby::Client::builder(ALICE)
        .unwrap()
        .base_url(other.base_url())
        .build()
        .unwrap();
    alice_client
        .create_comment(1, 1, "For Bob @{3:Bob}", &[])
        .await
        .unwrap();

    // Polled the way the app does: each connection as its own task.
    let t1 = t0 + INTERVAL;
    let due = watcher.due(&w.connections, t1).await;
    assert_eq!(due.len(), 2);
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    for conn in due {
        let (watcher, connections, tx) = (watcher.clone(), w.connections.clone(), tx.clone());
        tokio::spawn(async move {
            let alerts = watcher.poll(&connections, &conn, t1).await;
            let _ = tx.send((conn.id, alerts));
        });
    }
    let (id, alerts) = tokio::time::timeout(Duration::from_secs(5), rx.recv())
        .await
        .expect("Bob's alert waits for the stuck server")
        .unwrap();
    assert_eq!(id, bob.id);
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    let _ = stuck;
    hold.abort();
    other.shutdown().await;
    w.finish().await;
}
