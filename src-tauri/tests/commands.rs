//! The command layer on Tauri's mock runtime, against a real sandbox over HTTP and a real
//! Secret Service (run inside `.ci/with-keyring.sh`; `tests/run-all.sh` does that and includes
//! these ignored tests).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};

use infolobby_desktop::commands::files::DownloadDir;
use infolobby_desktop::connections::service::Connections;
use infolobby_desktop::connections::store::ConnectionStore;
use infolobby_desktop::connections::{Capabilities, Connection};
use infolobby_desktop::error::ErrorCode;
use infolobby_desktop::keychain::{Keychain, KeychainError};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime};
use tauri::webview::{InvokeRequest, WebviewWindow, WebviewWindowBuilder};
use tauri::Manager;

struct Harness {
    app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    keychain: Keychain,
    dirs: tempfile::TempDir,
    sandbox: Option<infolobby_sandbox::RunningSandbox>,
    url: String,
}

impl Harness {
    fn new() -> Self {
        Self::with_sandbox(infolobby_sandbox::Config::default())
    }

    fn with_sandbox(config: infolobby_sandbox::Config) -> Self {
        static N: AtomicU32 = AtomicU32::new(0);
        let service = format!(
            "com.infolobby.desktop.test.{}.{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        );
        // The sandbox runs on Tauri's runtime, which outlives each blocking command call.
        let sandbox = tauri::async_runtime::block_on(infolobby_sandbox::start(config)).unwrap();
        Self::build(
            Keychain::new(&service),
            tempfile::tempdir().unwrap(),
            sandbox,
        )
    }

    fn build(
        keychain: Keychain,
        dirs: tempfile::TempDir,
        sandbox: infolobby_sandbox::RunningSandbox,
    ) -> Self {
        let state = Connections::new(
            &dirs.path().join("config"),
            &dirs.path().join("data"),
            keychain.clone(),
        );
        let app = infolobby_desktop::build_app(mock_builder())
            .manage(state)
            .manage(DownloadDir(dirs.path().join("downloads")))
            .manage(infolobby_desktop::commands::local::PickedFiles::default())
            .manage(infolobby_desktop::commands::export::Exports::default())
            .manage(infolobby_desktop::commands::launch::LaunchOptions::default())
            .manage(infolobby_desktop::watcher::Watcher::new(
                &dirs.path().join("config"),
            ))
            .build(mock_context(noop_assets()))
            .unwrap();
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        Self {
            app,
            window,
            keychain,
            url: sandbox.base_url(),
            sandbox: Some(sandbox),
            dirs,
        }
    }

    /// The app quits and starts again on the same files, keychain and server.
    fn restart(mut self) -> Self {
        let sandbox = self.sandbox.take().unwrap();
        let dirs = std::mem::replace(&mut self.dirs, tempfile::tempdir().unwrap());
        let keychain = self.keychain.clone();
        tauri::async_runtime::block_on(self.app.state::<Connections>().shutdown());
        drop(self);
        Self::build(keychain, dirs, sandbox)
    }

    /// Calls a command the way the UI does; `Err` is the error object the UI receives.
    fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            // The app's own origin on each platform.
            url: if cfg!(windows) {
                "http://tauri.localhost"
            } else {
                "tauri://localhost"
            }
            .parse()
            .unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: tauri::test::INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request).map(|b| b.deserialize::<Value>().unwrap())
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.invoke(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    fn err(&self, cmd: &str, args: Value) -> (String, String) {
        let e = self.invoke(cmd, args).expect_err(cmd);
        (
            e["code"].as_str().unwrap_or_default().to_string(),
            e["message"].as_str().unwrap_or_default().to_string(),
        )
    }

    fn add(&self, name: &str, key: &str) -> Result<Value, Value> {
        self.invoke(
            "add_connection",
            json!({"connection": {"name": name, "base_url": self.url, "key": key,
                   "expires_on": null, "read_only": false}}),
        )
    }

    /// A connection saved earlier with `key` (which may have gone bad since).
    fn saved(&self, id: &str, key: &str) {
        let conn = Connection {
            id: id.into(),
            name: "Work".into(),
            base_url: self.url.clone(),
            key_hint: "il_live_…".into(),
            capabilities: Capabilities::for_kind(infolobby::KeyKind::Account),
            expires_on: None,
            key_invalid: false,
            demo: false,
            alerts: Default::default(),
            cache: Default::default(),
        };
        ConnectionStore::new(&self.dirs.path().join("config"))
            .upsert(conn)
            .unwrap();
        tauri::async_runtime::block_on(self.keychain.store(id, key)).unwrap();
    }

    fn stored_secret(&self, id: &str) -> Result<String, KeychainError> {
        tauri::async_runtime::block_on(self.keychain.read(id))
            .map(|s| infolobby::ExposeSecret::expose_secret(&s).to_string())
    }

    /// Every file under the config and data directories, as text.
    fn files_text(&self) -> String {
        fn walk(dir: &Path, out: &mut String) {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let p = entry.path();
                if p.is_dir() {
                    walk(&p, out);
                } else {
                    out.push_str(&String::from_utf8_lossy(&std::fs::read(&p).unwrap()));
                }
            }
        }
        let mut text = String::new();
        walk(self.dirs.path(), &mut text);
        text
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        if let Some(s) = self.sandbox.take() {
            tauri::async_runtime::block_on(s.shutdown());
        }
    }
}

#[test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
fn a_refused_key_saves_nothing_and_says_why() {
    let h = Harness::new();
    let e = h.add("Old", "il_live_sandbox_revoked").unwrap_err();
    assert_eq!(e["code"], "invalid_key");
    let message = e["message"].as_str().unwrap();
    assert!(
        message.contains("refused this key") && message.contains("revoked"),
        "{message}"
    );
    assert!(!message.contains("il_live_sandbox_revoked"));

    let e = h.add("Typo", "not-a-key").unwrap_err();
    assert_eq!(e["code"], "invalid_key");
    let e = h.add("Empty", "  ").unwrap_err();
    assert_eq!(e["code"], "validation");

    assert_eq!(h.ok("list_connections", json!({})), json!([]));
    assert!(!h.dirs.path().join("config/connections.json").exists());
}

#[test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
fn add_switch_and_remove_connections() {
    let h = Harness::new();
    let owner = h.add("Work", "il_live_sandbox_owner").unwrap();
    assert_eq!(owner["capabilities"]["kind"], "account");
    assert_eq!(
        owner["capabilities"]["workspaces"],
        json!(["Sales CRM", "Operations"])
    );
    assert_eq!(owner["key_hint"], "il_live_…wner");
    let owner_id = owner["id"].as_str().unwrap().to_string();
    assert_eq!(h.stored_secret(&owner_id).unwrap(), "il_live_sandbox_owner");
    // The first connection becomes the active one.
    assert_eq!(
        h.ok("get_settings", json!({}))["active_connection"],
        owner_id.as_str()
    );

    let alice = h.add("", "il_user_sandbox_alice").unwrap();
    let alice_id = alice["id"].as_str().unwrap().to_string();
    assert_eq!(alice["name"], "InfoLobby (il_user_…lice)");
    assert_eq!(alice["capabilities"]["notifications"], true);
    assert_eq!(alice["capabilities"]["manage_workspaces"], false);

    let settings = h.ok("set_active_connection", json!({"connectionId": alice_id}));
    assert_eq!(settings["active_connection"], alice_id.as_str());

    // Each connection talks with its own key.
    let unread = h.ok("unread_count", json!({"connectionId": alice_id}));
    assert!(unread["unread"].as_u64().unwrap() > 0);
    let (code, message) = h.err("unread_count", json!({"connectionId": owner_id}));
    assert_eq!(code, "forbidden", "{message}");

    // Nothing the UI receives, and no file the app wrote, holds a secret.
    let listed = h.ok("list_connections", json!({})).to_string();
    assert!(!listed.contains("sandbox_owner") && !listed.contains("sandbox_alice"));
    let files = h.files_text();
    assert!(files.contains("il_live_…wner"), "the list is on disk");
    assert!(!files.contains("il_live_sandbox_owner") && !files.contains("il_user_sandbox_alice"));

    let left = h.ok("remove_connection", json!({"connectionId": alice_id}));
    assert_eq!(left.as_array().unwrap().len(), 1);
    assert_eq!(h.stored_secret(&alice_id), Err(KeychainError::Missing));
    assert_eq!(
        h.ok("get_settings", json!({}))["active_connection"],
        owner_id.as_str(),
        "removing the active connection switches to another"
    );
    h.ok("remove_connection", json!({"connectionId": owner_id}));
    assert_eq!(h.stored_secret(&owner_id), Err(KeychainError::Missing));
    assert_eq!(
        h.err("list_spaces", json!({"connectionId": owner_id})).0,
        "not_found"
    );
}

#[test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
fn a_revoked_key_stops_calls_until_it_is_replaced() {
    let h = Harness::new();
    // A key that was good when saved and has been revoked since.
    let conn = Connection {
        id: "rotated".into(),
        name: "Work".into(),
        base_url: h.url.clone(),
        key_hint: "il_live_…oked".into(),
        capabilities: Capabilities::for_kind(infolobby::KeyKind::Account),
        expires_on: Some("2027-06-30".into()),
        key_invalid: false,
        demo: false,
        alerts: Default::default(),
        cache: Default::default(),
    };
    ConnectionStore::new(&h.dirs.path().join("config"))
        .upsert(conn)
        .unwrap();
    tauri::async_runtime::block_on(h.keychain.store("rotated", "il_live_sandbox_revoked")).unwrap();

    let (code, message) = h.err("list_spaces", json!({"connectionId": "rotated"}));
    assert_eq!(code, "invalid_key");
    assert!(message.contains("Replace the key"), "{message}");
    let listed = h.ok("list_connections", json!({}));
    assert_eq!(listed[0]["key_invalid"], true);
    let (code, message) = h.err(
        "list_tables",
        json!({"connectionId": "rotated", "spaceId": 1}),
    );
    assert_eq!(code, "invalid_key");
    assert!(message.contains("“Work” is no longer valid"), "{message}");

    // A wrong replacement is refused and changes nothing.
    let (code, _) = h.err(
        "replace_key",
        json!({"connectionId": "rotated", "key": "il_user_nobody_knows_this"}),
    );
    assert_eq!(code, "invalid_key");
    assert_eq!(
        h.stored_secret("rotated").unwrap(),
        "il_live_sandbox_revoked"
    );

    let replaced = h.ok(
        "replace_key",
        json!({"connectionId": "rotated", "key": "il_live_sandbox_owner"}),
    );
    assert_eq!(replaced["key_invalid"], false);
    assert_eq!(replaced["key_hint"], "il_live_…wner");
    assert_eq!(
        replaced["expires_on"], "2027-06-30",
        "settings survive a rotation"
    );
    let spaces = h.ok("list_spaces", json!({"connectionId": "rotated"}));
    assert_eq!(spaces.as_array().unwrap().len(), 2);
    h.ok("remove_connection", json!({"connectionId": "rotated"}));
}

#[test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
fn errors_cross_ipc_as_code_and_message() {
    let h = Harness::new();
    let ro = h.add("RO", "il_live_sandbox_readonly").unwrap();
    let ro_id = ro["id"].as_str().unwrap().to_string();
    assert_eq!(
        ro["capabilities"]["read_only"],
        Value::Null,
        "unknown until a write"
    );

    let (code, message) = h.err(
        "create_record",
        json!({"connectionId": ro_id, "tableId": 1, "data": {"name": "X"}}),
    );
    assert_eq!(code, "forbidden");
    assert!(message.contains("read-only"), "{message}");
    let listed = h.ok("list_connections", json!({}));
    assert_eq!(
        listed[0]["capabilities"]["read_only"], true,
        "learned from the refusal"
    );

    assert_eq!(
        h.err("get_table", json!({"connectionId": ro_id, "tableId": 999}))
            .0,
        "not_found"
    );
    let bad_date = h.invoke(
        "update_connection",
        json!({"connectionId": ro_id, "changes": {"name": "RO", "expires_on": "31/12/2027", "read_only": null}}),
    );
    assert_eq!(bad_date.unwrap_err()["code"], "validation");
    assert_eq!(
        h.err("list_spaces", json!({"connectionId": "no-such-connection"}))
            .0,
        "not_found"
    );

    // A server that went away.
    let offline = h.invoke(
        "add_connection",
        json!({"connection": {"name": "Gone", "base_url": "http://127.0.0.1:9/api",
               "key": "il_live_sandbox_owner", "expires_on": null, "read_only": false}}),
    );
    assert_eq!(offline.unwrap_err()["code"], "offline");
    h.ok("remove_connection", json!({"connectionId": ro_id}));
}

#[test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
fn a_key_limited_to_some_workspaces_learns_it_cannot_manage_them() {
    let h = Harness::new();
    let added = h.add("Sales only", "il_live_sandbox_restricted").unwrap();
    let id = added["id"].as_str().unwrap().to_string();
    assert_eq!(
        added["capabilities"]["manage_workspaces"], true,
        "not known yet"
    );

    let (code, message) = h.err(
        "create_space",
        json!({"connectionId": id, "name": "New", "settings": {}}),
    );
    assert_eq!(code, "forbidden");
    assert!(message.contains("restricted"), "{message}");
    let listed = h.ok("list_connections", json!({}));
    let caps = &listed[0]["capabilities"];
    assert_eq!(caps["manage_workspaces"], false, "learned from the refusal");
    assert!(
        caps["cannot"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c.as_str().unwrap().contains("limited to some workspaces")),
        "{caps}"
    );
    // Members of its own workspace stay manageable.
    assert_eq!(caps["manage_tables_and_members"], true);
    h.ok("remove_connection", json!({"connectionId": id}));
}

#[test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
fn the_demo_adds_its_connections_and_resets() {
    let h = Harness::new();
    let list = h.ok("start_demo", json!({}));
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"demo-owner") && ids.contains(&"demo-alice"),
        "{ids:?}"
    );
    assert_eq!(
        h.ok("get_settings", json!({}))["active_connection"],
        "demo-owner"
    );
    let spaces = h.ok("list_spaces", json!({"connectionId": "demo-owner"}));
    assert_eq!(spaces[0]["name"], "Sales CRM");

    let created = h.ok(
        "create_record",
        json!({"connectionId": "demo-owner", "tableId": 1, "data": {"name": "Demo Person"}}),
    );
    let id = created["id"].as_i64().unwrap();
    h.ok("reset_demo", json!({}));
    let (code, _) = h.err(
        "get_record",
        json!({"connectionId": "demo-owner", "tableId": 1, "recordId": id}),
    );
    assert_eq!(code, "not_found", "reset restores the seed");
    // Starting again keeps the existing demo connections.
    assert_eq!(
        h.ok("start_demo", json!({})).as_array().unwrap().len(),
        ids.len()
    );
    for id in ids {
        h.ok("remove_connection", json!({"connectionId": id}));
    }
}

#[test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
fn a_key_removed_outside_the_app_asks_for_a_new_one() {
    let h = Harness::new();
    let conn = h.add("Work", "il_live_sandbox_owner").unwrap();
    let id = conn["id"].as_str().unwrap().to_string();
    tauri::async_runtime::block_on(h.keychain.delete(&id)).unwrap();

    let (code, message) = h.err("list_spaces", json!({"connectionId": id}));
    assert_eq!(code, "invalid_key", "{message}");
    assert_eq!(h.ok("list_connections", json!({}))[0]["key_invalid"], true);
    h.ok(
        "replace_key",
        json!({"connectionId": id, "key": "il_live_sandbox_owner"}),
    );
    assert_eq!(
        h.ok("list_spaces", json!({"connectionId": id}))
            .as_array()
            .unwrap()
            .len(),
        2
    );
    h.ok("remove_connection", json!({"connectionId": id}));
}

#[test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
fn a_replacement_is_not_undone_by_an_answer_to_the_old_key() {
    use tauri::Manager;
    let h = Harness::new();
    h.saved("rotating", "il_live_sandbox_revoked");
    let state = h.app.state::<Connections>();
    let state: &Connections = state.inner();
    // The request goes out with the old key; the user replaces the key before its 401 is read.
    let late = tauri::async_runtime::block_on(state.call("rotating", |c| async move {
        let answer = c.list_spaces().await;
        state
            .replace_key("rotating", "il_live_sandbox_owner")
            .await
            .unwrap();
        answer
    }));
    assert_eq!(late.unwrap_err().code, ErrorCode::InvalidKey);
    let listed = h.ok("list_connections", json!({}));
    assert_eq!(listed[0]["key_invalid"], false, "the new key stays good");
    let spaces = h.ok("list_spaces", json!({"connectionId": "rotating"}));
    assert_eq!(spaces.as_array().unwrap().len(), 2);

    // Without a replacement, the same 401 marks the key.
    h.saved("plain", "il_live_sandbox_revoked");
    assert_eq!(
        h.err("list_spaces", json!({"connectionId": "plain"})).0,
        "invalid_key"
    );
    let listed = h.ok("list_connections", json!({}));
    let plain = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "plain")
        .unwrap();
    assert_eq!(plain["key_invalid"], true);
    h.ok("remove_connection", json!({"connectionId": "rotating"}));
    h.ok("remove_connection", json!({"connectionId": "plain"}));
}

#[test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
fn an_ip_refusal_names_the_allowlist_and_keeps_the_key() {
    let h = Harness::new();
    h.saved("office", "il_live_sandbox_iplocked");
    let (code, message) = h.err("list_spaces", json!({"connectionId": "office"}));
    assert_eq!(code, "ip_not_allowed");
    assert!(
        message.contains("allowlist") && message.contains("network address"),
        "{message}"
    );
    assert!(!message.contains("Replace the key"), "{message}");
    let listed = h.ok("list_connections", json!({}));
    assert_eq!(
        listed[0]["key_invalid"], false,
        "the key is not marked invalid"
    );
    assert_eq!(
        h.stored_secret("office").unwrap(),
        "il_live_sandbox_iplocked"
    );
    h.ok("remove_connection", json!({"connectionId": "office"}));
}

/// A progress channel as the webview passes one; the mock runtime drops what is sent to it.
const PROGRESS: &str = "__CHANNEL__:7";

#[test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
fn only_files_the_user_picked_can_be_uploaded() {
    let h = Harness::new();
    let owner = h.add("Owner", "il_live_sandbox_owner").unwrap();
    let id = owner["id"].as_str().unwrap().to_string();
    let secret = h.dirs.path().join("id_rsa");
    std::fs::write(&secret, "-----BEGIN OPENSSH PRIVATE KEY-----").unwrap();
    // A page that names a path (the old way) or makes up a token gets nothing uploaded.
    let by_path = h.invoke(
        "upload_comment_file",
        json!({"connectionId": id, "tableId": 2, "recordId": 6, "filePath": secret.display().to_string()}),
    );
    assert!(by_path.is_err(), "a path is not a token");
    for token in ["0000", secret.display().to_string().as_str(), ""] {
        let (code, message) = h.err(
            "upload_comment_file",
            json!({"connectionId": id, "tableId": 2, "recordId": 6, "fileToken": token, "onProgress": PROGRESS}),
        );
        assert_eq!(code, "validation");
        assert!(
            message.contains("Only files picked or dropped"),
            "{message}"
        );
    }
    // What the user did pick goes up.
    let picked = {
        use tauri::Manager;
        let registry = h
            .app
            .state::<infolobby_desktop::commands::local::PickedFiles>();
        let chosen = h.dirs.path().join("notes.txt");
        std::fs::write(&chosen, "picked on purpose").unwrap();
        registry.register(vec![chosen])
    };
    let uploaded = h.ok(
        "upload_comment_file",
        json!({"connectionId": id, "tableId": 2, "recordId": 6, "fileToken": picked[0].token, "onProgress": PROGRESS}),
    );
    assert_eq!(uploaded["name"], "notes.txt");
    assert_eq!(uploaded["type"], "text/plain");
    h.ok("remove_connection", json!({"connectionId": id}));
}

#[test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
fn the_grid_pages_a_query_keeps_its_layout_and_exports_only_when_finished() {
    let h = Harness::new();
    let owner = h.add("Owner", "il_live_sandbox_owner").unwrap();
    let id = owner["id"].as_str().unwrap().to_string();
    let query = json!({"filters": [{"field": "priority", "op": "eq", "value": "Urgent"},
                                   {"field": "subject", "op": "not_contains", "value": "login", "or": false}],
                       "limit": 1000, "offset": 0});
    let first = h.ok(
        "table_page",
        json!({"connectionId": id, "tableId": 3, "query": query}),
    );
    let total = first["total"].as_u64().unwrap();
    assert!(total > 0 && total < 2600, "{total}");
    // A later page, typed by the schema the first one fetched, continues where it left off.
    let mut second = query.clone();
    second["offset"] = json!(5);
    second["limit"] = json!(3);
    let rows = h.ok(
        "table_rows",
        json!({"connectionId": id, "tableId": 3, "query": second}),
    );
    assert_eq!(rows.as_array().unwrap().len(), 3);
    assert_eq!(rows[0]["id"], first["rows"][5]["id"]);
    assert_eq!(rows[0]["values"][3]["kind"], "select");
    assert_eq!(rows[0]["values"][3]["value"], json!(["Urgent"]));

    // The layout is kept per connection and table, bounded, and goes with the connection.
    let layout = json!({"order": ["subject", "item_id"], "hidden": ["description"],
                        "widths": {"subject": 5}, "freeze_first": false});
    let saved = h.ok(
        "save_table_layout",
        json!({"connectionId": id, "tableId": 3, "layout": layout}),
    );
    assert_eq!(saved["widths"]["subject"], 48, "widths are clamped");
    assert_eq!(
        h.ok("table_layout", json!({"connectionId": id, "tableId": 3})),
        saved
    );
    assert_eq!(
        h.ok("table_layout", json!({"connectionId": id, "tableId": 1}))["freeze_first"],
        true
    );

    // An export has the chosen name only once finished; an aborted one leaves nothing.
    let exports = {
        use tauri::Manager;
        h.app
            .state::<infolobby_desktop::commands::export::Exports>()
    };
    let target = h.dirs.path().join("urgent.csv");
    let job = exports.start(target.clone()).unwrap();
    h.ok(
        "export_append",
        json!({"token": job.token, "text": "ID,Subject\r\n"}),
    );
    assert!(!target.exists());
    h.ok("export_finish", json!({"token": job.token}));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "ID,Subject\r\n");
    let (code, _) = h.err("export_append", json!({"token": job.token, "text": "late"}));
    assert_eq!(code, "validation", "a finished export takes nothing more");
    let made_up = h.err("export_finish", json!({"token": "0000"}));
    assert_eq!(made_up.0, "validation");

    h.ok("remove_connection", json!({"connectionId": id}));
    assert!(
        !h.files_text().contains("\"subject\""),
        "the layout went with the connection"
    );
}

#[test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
fn people_come_from_members_or_else_from_what_the_key_can_read() {
    let h = Harness::new();
    let names = |v: &Value| -> Vec<String> {
        v["people"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap().to_string())
            .collect()
    };
    // An account key lists the members of Sales CRM.
    let owner = h.add("Owner", "il_live_sandbox_owner").unwrap();
    let owner_id = owner["id"].as_str().unwrap().to_string();
    let members = h.ok(
        "list_people",
        json!({"connectionId": owner_id, "spaceId": 1}),
    );
    assert_eq!(members["complete"], true);
    assert_eq!(names(&members), ["Ada", "Alice", "Bob"]);
    // A personal key may not: the people are those in the workspace's user fields.
    let alice = h.add("Alice", "il_user_sandbox_alice").unwrap();
    let alice_id = alice["id"].as_str().unwrap().to_string();
    let seen = h.ok(
        "list_people",
        json!({"connectionId": alice_id, "spaceId": 1}),
    );
    assert_eq!(seen["complete"], false);
    let seen_names = names(&seen);
    assert!(!seen_names.is_empty(), "someone is in a user field");
    for n in &seen_names {
        assert!(["Ada", "Alice", "Bob"].contains(&n.as_str()), "{n}");
    }
    // A workspace the key cannot see is refused, not guessed.
    let (code, _) = h.err(
        "list_people",
        json!({"connectionId": owner_id, "spaceId": 999}),
    );
    assert_ne!(code, "");
    h.ok("remove_connection", json!({"connectionId": owner_id}));
    h.ok("remove_connection", json!({"connectionId": alice_id}));
}

#[test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
fn the_status_shows_the_rate_budget_the_server_sent() {
    let h = Harness::new();
    let owner = h.add("Owner", "il_live_sandbox_owner").unwrap();
    let id = owner["id"].as_str().unwrap().to_string();
    h.ok("list_spaces", json!({"connectionId": id}));
    let first = h.ok("connection_status", json!({"connectionId": id}));
    assert!(first["offline_since"].is_null(), "{first}");
    let first = &first["budget"];
    let limit = first["limit"].as_u64().unwrap();
    let remaining = first["remaining"].as_u64().unwrap();
    assert!(remaining < limit, "{first}");
    assert!(first["resets_in_secs"].as_u64().unwrap() <= 60, "{first}");
    h.ok("list_spaces", json!({"connectionId": id}));
    let second = h.ok("connection_status", json!({"connectionId": id}));
    let second = &second["budget"];
    assert_eq!(
        second["remaining"].as_u64().unwrap(),
        remaining - 1,
        "{second}"
    );
    h.ok("remove_connection", json!({"connectionId": id}));
}

#[test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
fn fetched_pages_are_kept_encrypted_searchable_and_answer_offline() {
    let mut h = Harness::new();
    let owner = h.add("Owner", "il_live_sandbox_owner").unwrap();
    let id = owner["id"].as_str().unwrap().to_string();
    let query = json!({"search": null, "filters": [], "order_by": null, "descending": false,
                       "view_id": null, "fields": null, "limit": 1000, "offset": 0});
    let live = h.ok(
        "table_page",
        json!({"connectionId": id, "tableId": 3, "query": query}),
    );
    let first = &live["rows"][0];
    let record_id = first["id"].as_i64().unwrap();
    // The first ticket's subject, as the user would type it.
    let word = first["values"][1]["value"].as_str().unwrap().to_string();
    let mut hits = json!([]);
    for _ in 0..50 {
        hits = h.ok("search_cache", json!({"query": &word, "limit": 50}));
        if !hits.as_array().unwrap().is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let hit = hits
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["record_id"] == json!(record_id))
        .unwrap_or_else(|| panic!("{word}: {hits}"));
    assert_eq!(
        (&hit["connection_name"], &hit["table_name"]),
        (&json!("Owner"), &json!("Tickets"))
    );

    // Reading ids only (a batch delete of "all matching") leaves the kept records whole.
    let mut ids_only = query.clone();
    ids_only["fields"] = json!(["item_id"]);
    let ids = h.ok(
        "table_rows",
        json!({"connectionId": id, "tableId": 3, "query": ids_only}),
    );
    assert_eq!(ids[0]["id"], json!(record_id));
    std::thread::sleep(std::time::Duration::from_millis(300));

    let listed = h.ok("list_tables", json!({"connectionId": id, "spaceId": 2}));
    let copy = h.ok(
        "cached_table_page",
        json!({"connectionId": id, "tableId": 3, "query": query}),
    );
    assert_eq!(copy["value"]["rows"], live["rows"]);
    assert_eq!(copy["value"]["total"], live["total"]);
    // A first paint asks for the page's head only; the count is still the query's.
    let head = h.ok(
        "cached_table_page",
        json!({"connectionId": id, "tableId": 3, "query": query, "head": 1}),
    );
    assert_eq!(head["value"]["rows"], json!([live["rows"][0]]));
    assert_eq!(head["value"]["total"], live["total"]);
    // A grid opening further down reads a screenful of the page there.
    let span = h.ok(
        "cached_table_rows",
        json!({"connectionId": id, "tableId": 3, "query": query, "span": {"start": 1, "count": 2}}),
    );
    assert_eq!(span, json!([live["rows"][1], live["rows"][2]]));
    let status = h.ok("cache_status", json!({"connectionId": id}));
    let rows = live["rows"].as_array().unwrap().len() as u64;
    assert!(
        status["records"].as_u64().unwrap() >= rows,
        "{status} {rows}"
    );

    // The server goes away: reads fail as offline, the copy still answers, writes say they
    // were not saved.
    tauri::async_runtime::block_on(h.sandbox.take().unwrap().shutdown());
    let (code, _) = h.err(
        "table_page",
        json!({"connectionId": id, "tableId": 3, "query": query}),
    );
    assert_eq!(code, "offline");
    // The status bar's view of it, with no request of its own.
    let since = h.ok("connection_status", json!({"connectionId": id}))["offline_since"].as_i64();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    assert!(
        since.is_some_and(|t| t <= now && now - t < 60_000),
        "{since:?}"
    );
    let tables = h.ok("list_tables", json!({"connectionId": id, "spaceId": 2}));
    assert_eq!(tables, listed);
    let detail = h.ok(
        "cached_record_detail",
        json!({"connectionId": id, "tableId": 3, "recordId": record_id}),
    );
    assert_eq!(detail["value"]["record"]["id"], json!(record_id));
    assert_eq!(detail["value"]["values"], first["values"]);
    let (code, message) = h.err(
        "update_record",
        json!({"connectionId": id, "tableId": 3, "recordId": record_id, "data": {"subject": "x"}}),
    );
    assert_eq!(code, "offline");
    assert!(message.contains("not saved"), "{message}");

    // The file holds no words of the records; removing the connection removes it.
    let dir = h.dirs.path().join("data").join("cache");
    let raw: Vec<u8> = std::fs::read_dir(&dir)
        .unwrap()
        .flat_map(|f| std::fs::read(f.unwrap().path()).unwrap())
        .collect();
    assert!(raw.len() > 4096);
    assert!(!raw.windows(word.len()).any(|w| w == word.as_bytes()));
    h.ok("remove_connection", json!({"connectionId": id}));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
}

/// Polls `cmd` until `done` holds: the cache is written off the command's path.
fn eventually(h: &Harness, cmd: &str, args: Value, done: impl Fn(&Value) -> bool) -> Value {
    let mut last = Value::Null;
    for _ in 0..50 {
        last = h.ok(cmd, args.clone());
        if done(&last) {
            return last;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("{cmd} never got there: {last}");
}

#[test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
fn the_cache_keeps_comments_obeys_its_options_and_stays_readable_after_a_401() {
    let h = Harness::new();
    // Saved before, so the key can be revoked while the app is closed.
    h.saved("kept", "il_live_sandbox_owner");
    let conn = json!({"connectionId": "kept"});
    let query = json!({"search": null, "filters": [], "order_by": null, "descending": false,
                       "view_id": null, "fields": null, "limit": 50, "offset": 0});
    let page_args = json!({"connectionId": "kept", "tableId": 3, "query": query});
    let page = h.ok("table_page", page_args.clone());
    let record_id = page["rows"][0]["id"].as_i64().unwrap();
    let thread = json!({"connectionId": "kept", "tableId": 3, "recordId": record_id,
                        "limit": 50, "offset": 0});

    // Comments: the copy is the list as fetched.
    h.ok(
        "create_comment",
        json!({"connectionId": "kept", "tableId": 3, "recordId": record_id,
               "content": "Kept for the train", "attachments": []}),
    );
    let comments = h.ok("list_comments", thread.clone());
    assert!(comments.to_string().contains("Kept for the train"));
    let copy = eventually(&h, "cached_comments", thread.clone(), |v| !v.is_null());
    assert_eq!(copy["value"], comments);

    // Switched off: the file and its key go, and nothing fetched is kept.
    let dir = h.dirs.path().join("data").join("cache");
    let has_cache_key =
        |h: &Harness| tauri::async_runtime::block_on(h.keychain.read("kept#cache")).is_ok();
    assert!(has_cache_key(&h));
    let off = h.ok(
        "set_cache_options",
        json!({"connectionId": "kept", "options": {"enabled": false, "limit_mb": 512}}),
    );
    assert_eq!(off["cache"]["enabled"], false);
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    assert!(!has_cache_key(&h));
    h.ok("table_page", page_args.clone());
    h.ok("list_comments", thread.clone());
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    assert!(h.ok("cached_table_page", page_args.clone()).is_null());
    let status = h.ok("cache_status", conn.clone());
    assert_eq!(
        (&status["records"], &status["bytes"]),
        (&json!(0), &json!(0))
    );

    // On again, with a limit below the smallest allowed: it is held at the smallest.
    let on = h.ok(
        "set_cache_options",
        json!({"connectionId": "kept", "options": {"enabled": true, "limit_mb": 1}}),
    );
    assert_eq!(on["cache"], json!({"enabled": true, "limit_mb": 16}));
    h.ok("table_page", page_args.clone());
    let rows = page["rows"].as_array().unwrap().len() as u64;
    eventually(&h, "cache_status", conn.clone(), |s| {
        s["records"].as_u64() == Some(rows)
    });

    // Emptied: nothing is left to show, and the next page fills it again.
    h.ok("clear_cache", conn.clone());
    assert!(h.ok("cached_table_page", page_args.clone()).is_null());
    assert_eq!(h.ok("cache_status", conn.clone())["records"], 0);
    h.ok("table_page", page_args.clone());
    let listed = h.ok("list_tables", json!({"connectionId": "kept", "spaceId": 2}));
    eventually(&h, "cached_table_page", page_args.clone(), |v| !v.is_null());

    // The key is revoked while the app is closed: the copy stays readable, marked stale.
    tauri::async_runtime::block_on(h.keychain.store("kept", "il_live_sandbox_revoked")).unwrap();
    let h = h.restart();
    assert!(!h.ok("cache_status", conn.clone())["stale"]
        .as_bool()
        .unwrap());
    let (code, _) = h.err("table_page", page_args.clone());
    assert_eq!(code, "invalid_key");
    let status = h.ok("cache_status", conn.clone());
    assert_eq!(status["stale"], true, "{status}");
    assert_eq!(status["records"].as_u64(), Some(rows));
    let copy = h.ok("cached_table_page", page_args.clone());
    assert_eq!(copy["value"]["rows"], page["rows"]);
    assert_eq!(
        h.ok("list_tables", json!({"connectionId": "kept", "spaceId": 2})),
        listed
    );
}

#[test]
#[ignore = "needs a Secret Service: run through tests/run-all.sh"]
fn the_cache_stays_under_its_limit_letting_go_of_the_least_recently_used_pages() {
    const ROWS: u32 = 40_000;
    let h = Harness::with_sandbox(infolobby_sandbox::Config {
        large_table_rows: ROWS,
        requests_per_minute: 1_000_000,
        ..infolobby_sandbox::Config::default()
    });
    let owner = h.add("Owner", "il_live_sandbox_owner").unwrap();
    let id = owner["id"].as_str().unwrap().to_string();
    let conn = json!({"connectionId": id});
    let on = h.ok(
        "set_cache_options",
        json!({"connectionId": id, "options": {"enabled": true, "limit_mb": 16}}),
    );
    assert_eq!(on["cache"]["limit_mb"], 16);
    let page = |n: u32| {
        json!({"connectionId": id, "tableId": infolobby_sandbox::seed::LOAD_TEST_TABLE,
               "query": {"search": null, "filters": [], "order_by": null, "descending": false,
                         "view_id": null, "fields": null, "limit": 1000, "offset": n * 1000}})
    };
    let kept = |n: u32| !h.ok("cached_table_page", page(n)).is_null();
    // Every page of the table: about 0.6 MB each, so more than the limit in all.
    for n in 0..ROWS / 1000 {
        h.ok("table_rows", page(n));
        if n == 0 {
            eventually(&h, "cached_table_page", page(0), |v| !v.is_null());
        }
        // Page 0 is read back now and then, as a user returning to the top would.
        if n % 5 == 0 {
            assert!(kept(0), "page 0 went although it was read after page {n}");
        }
    }
    let limit = 16 * 1024 * 1024;
    let status = eventually(&h, "cache_status", conn.clone(), |s| {
        s["bytes"].as_u64().is_some_and(|b| b > 0 && b <= limit)
    });
    let records = status["records"].as_u64().unwrap();
    assert!(
        records > 5_000 && records < u64::from(ROWS),
        "some pages kept, some let go: {status}"
    );
    // The last page fetched and the page read back are kept; one fetched early and not read
    // since went first.
    assert!(kept(ROWS / 1000 - 1), "the newest page is kept");
    assert!(kept(0), "the page read back is kept");
    assert!(!kept(1), "the least recently used page went");
    h.ok("remove_connection", conn);
}
