//! The fixed demo data set (see the crate README): users, keys, spaces, tables with every field
//! type, views, and 2,600 tickets so paging past 1,000 is real.

use rusqlite::{params, Connection};
use serde_json::{json, Value};

use crate::blobs::Blobs;
use crate::config::Seed;
use crate::fields::{finish_schema, Field};

pub const OWNER_KEY: &str = "il_live_sandbox_owner";
pub const RESTRICTED_KEY: &str = "il_live_sandbox_restricted";
pub const READONLY_KEY: &str = "il_live_sandbox_readonly";
pub const REVOKED_KEY: &str = "il_live_sandbox_revoked";
pub const IP_LOCKED_KEY: &str = "il_live_sandbox_iplocked";
pub const ALICE_KEY: &str = "il_user_sandbox_alice";
pub const ALICE_RO_KEY: &str = "il_user_sandbox_alice_ro";
pub const BOB_KEY: &str = "il_user_sandbox_bob";

pub const TICKETS: usize = 2600;
/// The id the "Load test" table gets when `large_table_rows` asks for it.
pub const LOAD_TEST_TABLE: i64 = 4;

const CREATED: &str = "2026-04-01 09:00:00";

pub fn run(
    conn: &Connection,
    seed: Seed,
    large_table_rows: u32,
    blobs: &Blobs,
) -> rusqlite::Result<()> {
    let tx = conn.unchecked_transaction()?;
    for (id, name, email) in [
        (1, "Ada", "ada@example.com"),
        (2, "Alice", "alice@example.com"),
        (3, "Bob", "bob@example.com"),
    ] {
        tx.execute(
            "INSERT INTO users (id, name, email) VALUES (?,?,?)",
            params![id, name, email],
        )?;
    }
    // (secret, name, user, read_only, deleted, ip allowlist)
    let keys: [(&str, &str, i64, bool, bool, &str); 8] = [
        (OWNER_KEY, "Owner", 1, false, false, ""),
        (RESTRICTED_KEY, "Sales only", 1, false, false, ""),
        (READONLY_KEY, "Read only", 1, true, false, ""),
        (REVOKED_KEY, "Revoked", 1, false, true, ""),
        (
            IP_LOCKED_KEY,
            "Office IPs only",
            1,
            false,
            false,
            "203.0.113.0/24",
        ),
        (ALICE_KEY, "Alice", 2, false, false, ""),
        (ALICE_RO_KEY, "Alice read-only", 2, true, false, ""),
        (BOB_KEY, "Bob", 3, false, false, ""),
    ];
    for (secret, name, user, ro, deleted, ips) in keys {
        tx.execute(
            "INSERT INTO api_keys (secret, name, user_id, read_only, deleted, ip_allowlist) VALUES (?,?,?,?,?,?)",
            params![secret, name, user, ro, deleted, ips],
        )?;
    }
    if seed == Seed::Demo {
        demo(&tx)?;
        activity(&tx, blobs)?;
        if large_table_rows > 0 {
            load_test(&tx, large_table_rows)?;
        }
    }
    tx.commit()
}

fn space(
    conn: &Connection,
    name: &str,
    color: &str,
    members: &[(i64, &str)],
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO spaces (name, settings_color, settings_icon, created_at) VALUES (?, ?, 'folder', ?)",
        params![name, color, CREATED],
    )?;
    let id = conn.last_insert_rowid();
    for (user, role) in members {
        conn.execute(
            "INSERT INTO members (space_id, user_id, role) VALUES (?,?,?)",
            params![id, user, role],
        )?;
    }
    Ok(id)
}

fn table(conn: &Connection, space_id: i64, name: &str, defs: Value) -> rusqlite::Result<i64> {
    let fields: Vec<Field> = defs
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| Field::from_definition(d, conn).ok())
        .collect();
    let fields = finish_schema(fields).unwrap_or_default();
    conn.execute(
        "INSERT INTO tables (space_id, name, db_table, fields, created_at) VALUES (?,?,?,?,?)",
        params![
            space_id,
            name,
            name.to_lowercase(),
            serde_json::to_string(&fields).unwrap_or_default(),
            CREATED
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

fn record(conn: &Connection, table_id: i64, by: i64, data: Value) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "INSERT INTO records (table_id, data, created_by, created_at, updated_at) VALUES (?,?,?,?,?)",
    )?
    .execute(params![table_id, data.to_string(), by, CREATED, CREATED])?;
    Ok(conn.last_insert_rowid())
}

fn view(
    conn: &Connection,
    table_id: i64,
    name: &str,
    filters: Value,
    order: Option<(&str, &str)>,
    star: bool,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO views (table_id, name, type, filters, order_by, order_dir, created_by, created_at, updated_at, is_table_default) VALUES (?,?,'grid',?,?,?,1,?,?,?)",
        params![table_id, name, filters.to_string(), order.map(|o| o.0), order.map(|o| o.1), CREATED, CREATED, star],
    )?;
    Ok(())
}

/// The `n`-th of `items`, counting round.
fn pick<'a>(items: &[&'a str], n: u64) -> &'a str {
    let len = items.len().max(1) as u64;
    items.get((n % len) as usize).copied().unwrap_or_default()
}

fn demo(conn: &Connection) -> rusqlite::Result<()> {
    let (ada, alice, bob) = (1, 2, 3);
    let sales = space(
        conn,
        "Sales CRM",
        "#86EFAC",
        &[(ada, "owner"), (alice, "admin"), (bob, "read_write")],
    )?;
    let ops = space(
        conn,
        "Operations",
        "#93C5FD",
        &[(ada, "owner"), (alice, "read_write")],
    )?;
    conn.execute(
        "INSERT INTO key_spaces (key_id, space_id) VALUES (2, ?)",
        [sales],
    )?;

    let contacts = table(
        conn,
        sales,
        "Contacts",
        json!([
            {"name": "ID", "type": "key", "id": "item_id"},
            {"name": "Name", "type": "text"},
            {"name": "Email", "type": "text"},
            {"name": "Notes", "type": "textarea"},
            {"name": "Status", "type": "select", "options": [
                {"title": "Lead", "color": "#FDE68A"}, {"title": "Customer", "color": "#86EFAC"}, {"title": "Churned", "color": "#D1D5DB"}]},
            {"name": "Tags", "type": "select", "multiple": true, "options": ["VIP", "Newsletter", "Partner"]},
            {"name": "Account Manager", "type": "user"},
            {"name": "Birthday", "type": "date"},
        ]),
    )?;
    let deals = table(
        conn,
        sales,
        "Deals",
        json!([
            {"name": "ID", "type": "key", "id": "item_id"},
            {"name": "Title", "type": "text"},
            {"name": "Contact", "type": "lookup", "table_id": contacts},
            {"name": "Stakeholders", "type": "lookup", "table_id": contacts, "multiple": true},
            {"name": "Amount", "type": "number", "decimals": 2},
            {"name": "Probability", "type": "number", "decimals": 2},
            {"name": "Expected Value", "type": "calc", "formula": "amount * probability"},
            {"name": "Stage", "type": "select", "options": ["Prospect", "Proposal", "Won", "Lost"]},
            {"name": "Team", "type": "user", "multiple": true},
            {"name": "Close Date", "type": "date"},
            {"name": "Attachments", "type": "file"},
        ]),
    )?;
    let tickets = table(
        conn,
        ops,
        "Tickets",
        json!([
            {"name": "ID", "type": "key", "id": "item_id"},
            {"name": "Subject", "type": "text"},
            {"name": "Description", "type": "textarea"},
            {"name": "Priority", "type": "select", "options": ["Low", "Normal", "High", "Urgent"]},
            {"name": "Labels", "type": "select", "multiple": true, "options": ["billing", "bug", "login", "feature"]},
            {"name": "Assignee", "type": "user"},
            {"name": "Opened At", "type": "datetime"},
            {"name": "Due", "type": "date"},
            {"name": "Response Time", "type": "time"},
            {"name": "Effort Hours", "type": "number"},
        ]),
    )?;

    let people = [
        (
            "Grace Hopper",
            "grace@navy.example",
            "Customer",
            &["VIP"][..],
            alice,
            "1906-12-09",
        ),
        (
            "Alan Turing",
            "alan@bletchley.example",
            "Lead",
            &["Newsletter"][..],
            bob,
            "1912-06-23",
        ),
        (
            "Katherine Johnson",
            "katherine@nasa.example",
            "Customer",
            &["VIP", "Partner"][..],
            alice,
            "1918-08-26",
        ),
        (
            "Linus Torvalds",
            "linus@kernel.example",
            "Churned",
            &[][..],
            bob,
            "1969-12-28",
        ),
        (
            "Margaret Hamilton",
            "margaret@apollo.example",
            "Lead",
            &["Partner"][..],
            alice,
            "1936-08-17",
        ),
    ];
    let mut contact_ids = Vec::new();
    for (name, email, status, tags, manager, birthday) in people {
        contact_ids.push(record(conn, contacts, ada, json!({
            "name": name, "email": email, "notes": format!("Met {name} at the spring conference."),
            "status": [status], "tags": tags, "account_manager": [manager], "birthday": birthday,
        }))?);
    }
    let deal_rows = [
        (
            "Navy compiler licence",
            0,
            120000.0,
            0.6,
            "Proposal",
            "2026-06-30",
        ),
        (
            "Bletchley consulting",
            1,
            45000.5,
            0.25,
            "Prospect",
            "2026-07-15",
        ),
        (
            "Orbital mechanics suite",
            2,
            250000.0,
            1.0,
            "Won",
            "2026-03-31",
        ),
        (
            "Kernel support renewal",
            3,
            18000.0,
            0.0,
            "Lost",
            "2026-02-28",
        ),
        (
            "Guidance software audit",
            4,
            76000.0,
            0.4,
            "Proposal",
            "2026-08-01",
        ),
    ];
    let contact = |i: usize| {
        contact_ids
            .get(i % contact_ids.len().max(1))
            .copied()
            .unwrap_or_default()
    };
    for (title, c, amount, prob, stage, close) in deal_rows {
        record(
            conn,
            deals,
            ada,
            json!({
                "title": title, "contact": [contact(c)],
                "stakeholders": [contact(c), contact(c + 1)],
                "amount": amount, "probability": prob, "stage": [stage], "team": [alice, bob],
                "close_date": close, "attachments": [],
            }),
        )?;
    }

    // Deterministic pseudo-random tickets, so tests can rely on the same data every time.
    let subjects = [
        "Cannot log in",
        "Invoice is wrong",
        "Export fails",
        "Feature request: dark mode",
        "Slow dashboard",
        "Password reset email missing",
    ];
    let priorities = ["Low", "Normal", "High", "Urgent"];
    let labels = ["billing", "bug", "login", "feature"];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for i in 0..TICKETS {
        let r = next();
        let subject = pick(&subjects, r);
        let priority = pick(&priorities, r >> 8);
        let label_a = pick(&labels, r >> 16);
        let label_b = pick(&labels, r >> 24);
        let assignee: Value = match (r >> 32) % 3 {
            0 => json!([]),
            1 => json!([ada]),
            _ => json!([alice]),
        };
        let day = 1 + (i % 28);
        let month = 1 + (i / 28) % 12;
        record(
            conn,
            tickets,
            ada,
            json!({
                "subject": format!("{subject} #{}", i + 1),
                "description": format!("Customer report {} about: {}", i + 1, subject.to_lowercase()),
                "priority": [priority],
                "labels": if label_a == label_b { vec![label_a] } else { vec![label_a, label_b] },
                "assignee": assignee,
                "opened_at": format!("2026-{month:02}-{day:02} {:02}:{:02}:00", (r >> 40) % 24, (r >> 48) % 60),
                "due": format!("2026-{month:02}-{:02}", (day + 3).min(28)),
                "response_time": format!("{:02}:{:02}:00", (r >> 44) % 8, (r >> 52) % 60),
                "effort_hours": ((r >> 56) % 40) as i64,
            }),
        )?;
    }

    view(
        conn,
        contacts,
        "Customers",
        json!([{"column": "status", "compare": "=", "value": "Customer"}]),
        Some(("name", "A")),
        false,
    )?;
    view(
        conn,
        deals,
        "Open deals",
        json!([{"column": "stage", "compare": "!=", "value": "Won"}, {"column": "stage", "compare": "!=", "value": "Lost"}]),
        Some(("amount", "D")),
        true,
    )?;
    view(
        conn,
        tickets,
        "Urgent",
        json!([{"column": "priority", "compare": "=", "value": "Urgent"}]),
        Some(("opened_at", "D")),
        true,
    )?;
    view(
        conn,
        tickets,
        "Billing",
        json!([{"column": "labels", "compare": "contains", "value": "billing"}]),
        None,
        false,
    )?;
    Ok(())
}

/// Comments (one with an attachment, one with a mention), open and done tasks, follows and
/// unread notifications for Alice and Bob.
fn activity(conn: &Connection, blobs: &Blobs) -> rusqlite::Result<()> {
    let (ada, alice, bob) = (1, 2, 3);
    let (deals, deal, tickets, ticket) = (2, 6, 3, 11);
    let t = "2026-04-15 14:32:01";
    let pdf = b"%PDF-1.4 sandbox quote";
    let path = "/comments/2/seed-quote.pdf";
    blobs
        .put(path, pdf)
        .map_err(|e| rusqlite::Error::InvalidParameterName(e.message))?;
    let meta = json!({"name": "quote.pdf", "path": path, "type": "application/pdf", "size": pdf.len(), "host": "sandbox.localhost"});
    conn.execute(
        "INSERT INTO uploads (path, table_id, meta) VALUES (?, ?, ?)",
        params![path, deals, meta.to_string()],
    )?;
    // The last deals carry files in their attachments field, so downloads can be tried on
    // seeded data; deals 6 to 8 stay empty for the tests that count files on them.
    let deal_files: [(&str, &str, &[u8]); 3] = [
        (
            "proposal.pdf",
            "application/pdf",
            b"%PDF-1.4 sandbox proposal",
        ),
        (
            "pricing.csv",
            "text/csv",
            b"item,price\nLicence,1200\nSupport,300\n",
        ),
        (
            "notes.txt",
            "text/plain",
            b"Call back after the board meeting.",
        ),
    ];
    let first_deals: Vec<(i64, String)> = conn
        .prepare("SELECT id, data FROM records WHERE table_id = ? AND id > 8 ORDER BY id LIMIT 3")?
        .query_map([deals], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for ((id, data), (name, kind, bytes)) in first_deals.into_iter().zip(deal_files) {
        let file_path = format!("/t{deals}/seed-{id}-{name}");
        blobs
            .put(&file_path, bytes)
            .map_err(|e| rusqlite::Error::InvalidParameterName(e.message))?;
        let file = json!({"name": name, "path": file_path, "type": kind, "size": bytes.len(), "host": "sandbox.localhost"});
        let mut data: serde_json::Map<String, Value> =
            serde_json::from_str(&data).unwrap_or_default();
        data.insert("attachments".into(), json!([file]));
        conn.execute(
            "UPDATE records SET data = ? WHERE id = ?",
            params![Value::Object(data).to_string(), id],
        )?;
    }
    let comment = |user: i64, content: &str, attachments: Value| {
        conn.execute(
            "INSERT INTO comments (table_id, record_id, user_id, content, attachments, created_at) VALUES (?,?,?,?,?,?)",
            params![deals, deal, user, content, attachments.to_string(), t],
        )
    };
    comment(ada, "Quote attached, valid until June.", json!([meta]))?;
    comment(
        alice,
        "@{3:Bob} can you check the licence terms?",
        json!([]),
    )?;

    let task = |creator: i64,
                assignee: i64,
                table: Option<i64>,
                record: Option<i64>,
                space: Option<i64>,
                title: &str,
                due: Option<&str>,
                done: bool| {
        conn.execute(
            "INSERT INTO tasks (creator_user_id, assignee_user_id, space_id, table_id, record_id, title, details, due_date, status, completed_at, completed_by_user_id, created_at, updated_at)
             VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            params![creator, assignee, space, table, record, title, "Created by the demo seed", due,
                if done { "done" } else { "open" }, done.then_some(t), done.then_some(assignee), t, t],
        )?;
        let id = conn.last_insert_rowid();
        for u in [creator, assignee] {
            conn.execute(
                "INSERT OR IGNORE INTO task_subscribers (task_id, user_id) VALUES (?, ?)",
                params![id, u],
            )?;
        }
        Ok::<i64, rusqlite::Error>(id)
    };
    let proposal = task(
        ada,
        alice,
        Some(deals),
        Some(deal),
        Some(1),
        "Send proposal",
        Some("2026-05-01"),
        false,
    )?;
    task(
        ada,
        bob,
        Some(deals),
        Some(deal),
        Some(1),
        "Book kickoff call",
        None,
        true,
    )?;
    task(
        alice,
        alice,
        Some(tickets),
        Some(ticket),
        Some(2),
        "Reproduce login bug",
        Some("2026-12-15"),
        false,
    )?;
    task(
        alice,
        alice,
        None,
        None,
        None,
        "Prepare quarterly review",
        Some("2026-12-31"),
        false,
    )?;

    for (user, table, record) in [(alice, deals, 0), (bob, deals, deal), (alice, deals, deal)] {
        conn.execute(
            "INSERT OR IGNORE INTO subscriptions (user_id, table_id, record_id) VALUES (?,?,?)",
            params![user, table, record],
        )?;
    }
    let note = |user: i64, actor: i64, task: Option<i64>, kind: &str, message: &str| {
        conn.execute(
            "INSERT INTO notifications (user_id, actor_user_id, space_id, table_id, record_id, task_id, event_type, message, url, created_at)
             VALUES (?,?,1,?,?,?,?,?,?,?)",
            params![user, actor, deals, deal, task, kind, message, format!("/app/table/{deals}/record/{deal}"), t],
        )
    };
    note(
        alice,
        ada,
        Some(proposal),
        "TASK_ASSIGNED",
        "Ada assigned you “Send proposal”",
    )?;
    note(
        alice,
        ada,
        None,
        "RECORD_COMMENT",
        "Ada commented on “Navy compiler licence” in Deals",
    )?;
    note(
        bob,
        alice,
        None,
        "MENTION",
        "Alice mentioned you on “Navy compiler licence” in Deals",
    )?;
    note(
        bob,
        ada,
        None,
        "RECORD_UPDATED",
        "Ada updated “Navy compiler licence” in Deals",
    )?;
    Ok(())
}

/// The "Load test" table in Operations: `rows` generated records with a value of every kind the
/// grid draws differently, for its benchmark and for paging tests far past 1,000 rows.
fn load_test(conn: &Connection, rows: u32) -> rusqlite::Result<()> {
    let (ada, alice, bob) = (1, 2, 3);
    let ops = 2;
    let id = table(
        conn,
        ops,
        "Load test",
        json!([
            {"name": "ID", "type": "key", "id": "item_id"},
            {"name": "Title", "type": "text"},
            {"name": "Status", "type": "select", "options": [
                {"title": "New", "color": "#BFDBFE"}, {"title": "Active", "color": "#86EFAC"},
                {"title": "Blocked", "color": "#FCA5A5"}, {"title": "Done", "color": "#D1D5DB"}]},
            {"name": "Owner", "type": "user"},
            {"name": "Amount", "type": "number", "decimals": 2},
            {"name": "Opened At", "type": "datetime"},
            {"name": "Due", "type": "date"},
        ]),
    )?;
    let statuses = ["New", "Active", "Blocked", "Done"];
    let words = [
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
    ];
    for i in 0..u64::from(rows) {
        let day = 1 + (i % 28);
        let month = 1 + (i / 28) % 12;
        record(
            conn,
            id,
            ada,
            json!({
                "title": format!("Load row {} {}", i + 1, pick(&words, i / 7)),
                "status": [pick(&statuses, i)],
                "owner": [match i % 3 { 0 => ada, 1 => alice, _ => bob }],
                "amount": (i % 10_000) as f64 / 4.0,
                "opened_at": format!("2026-{month:02}-{day:02} {:02}:{:02}:00", i % 24, i % 60),
                "due": format!("2026-{month:02}-{day:02}"),
            }),
        )?;
    }
    Ok(())
}
