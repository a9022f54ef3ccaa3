//! Random JSON into every model decoder and the typed field reader: errors are fine, panics are
//! not. A fixed-seed generator keeps failures reproducible.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
use infolobby::models::{Comment, FieldFiles, Following, Member, Notification, Task, UnreadCount};
use infolobby::{Count, Field, FieldValue, Record, Space, Table, TableSummary, View};
use serde_json::{json, Map, Value};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const KEYS: &[&str] = &[
    "id",
    "name",
    "title",
    "data",
    "fields",
    "appFields",
    "type",
    "key",
    "multiple",
    "options",
    "count",
    "total",
    "user_id",
    "email",
    "role",
    "attachments",
    "path",
    "size",
    "status",
    "read_at",
    "unread",
    "tasksDue",
    "field_id",
    "files",
    "table",
    "record",
    "subscribed",
    "extra",
];

fn value(rng: &mut Rng, depth: u32) -> Value {
    match rng.below(if depth > 3 { 6 } else { 8 }) {
        0 => Value::Null,
        1 => json!(rng.below(2) == 0),
        2 => json!(rng.next() as i64),
        3 => json!((rng.next() as f64) / 7.0 - 1e18),
        4 => json!(
            [
                "",
                "true",
                "1",
                "12",
                "a,b",
                "2026-01-01T10:00:00Z",
                "ü\u{0}💥",
                "-5"
            ][rng.below(8) as usize]
        ),
        5 => json!(rng.below(1000)),
        6 => Value::Array((0..rng.below(5)).map(|_| value(rng, depth + 1)).collect()),
        _ => {
            let mut m = Map::new();
            for _ in 0..rng.below(8) {
                m.insert(
                    KEYS[rng.below(KEYS.len() as u64) as usize].to_string(),
                    value(rng, depth + 1),
                );
            }
            Value::Object(m)
        }
    }
}

#[test]
fn random_json_never_panics_a_decoder() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let kinds = [
        "key", "text", "textarea", "number", "date", "datetime", "time", "select", "user",
        "lookup", "file", "calc", "mystery",
    ];
    let mut decoded = 0;
    for _ in 0..20_000 {
        let v = value(&mut rng, 0);
        let text = v.to_string();
        decoded += serde_json::from_str::<Space>(&text).is_ok() as u32;
        let _ = serde_json::from_str::<Vec<Space>>(&text);
        let _ = serde_json::from_str::<TableSummary>(&text);
        decoded += serde_json::from_str::<Table>(&text).is_ok() as u32;
        let _ = serde_json::from_str::<View>(&text);
        decoded += serde_json::from_str::<Record>(&text).is_ok() as u32;
        let _ = serde_json::from_str::<Count>(&text);
        let _ = serde_json::from_str::<Member>(&text);
        let _ = serde_json::from_str::<Comment>(&text);
        let _ = serde_json::from_str::<FieldFiles>(&text);
        let _ = serde_json::from_str::<Following>(&text);
        let _ = serde_json::from_str::<Task>(&text);
        let _ = serde_json::from_str::<Notification>(&text);
        let _ = serde_json::from_str::<UnreadCount>(&text);
        for kind in kinds {
            let field: Field = serde_json::from_value(
                json!({"id": "f", "name": "F", "type": kind, "multiple": rng.below(2) == 1}),
            )
            .unwrap();
            let sibling = value(&mut rng, 2);
            let _ = FieldValue::read(&field, Some(&v), Some(&sibling));
        }
    }
    // The generator does produce decodable objects, so the decoders were really exercised.
    assert!(decoded > 100, "only {decoded} values decoded");
}

#[test]
fn documented_variants_decode() {
    let t: Table = serde_json::from_value(json!({"id": "101", "name": "Contacts", "space_id": 42,
        "appFields": [{"id": "item_id", "name": "ID", "type": "number", "key": "true"},
                      {"id": "status", "name": "Status", "type": "select", "options": ["New", "Active"]}]})).unwrap();
    assert_eq!((t.id, t.fields.len()), (101, 2));
    assert!(t.fields[0].is_key());
    assert_eq!(t.fields[1].option_titles(), ["New", "Active"]);
    let select = &t.fields[1];
    assert_eq!(
        FieldValue::read(select, Some(&json!("Active")), None),
        FieldValue::Select(vec!["Active".into()])
    );
    assert_eq!(
        FieldValue::read(select, Some(&json!(["Active"])), None),
        FieldValue::Select(vec!["Active".into()])
    );
    assert_eq!(
        FieldValue::read(select, Some(&Value::Null), None),
        FieldValue::Empty
    );
    let lookup: Field =
        serde_json::from_value(json!({"id": "c", "name": "C", "type": "lookup"})).unwrap();
    for (v, sib) in [
        (json!({"id": 2, "title": "Acme"}), None),
        (json!(2), Some(json!("Acme"))),
        (json!("2"), Some(json!(["Acme"]))),
    ] {
        let got = FieldValue::read(&lookup, Some(&v), sib.as_ref());
        assert_eq!(
            got,
            FieldValue::Lookups(vec![infolobby::models::LookupRef {
                id: 2,
                title: Some("Acme".into())
            }]),
            "{v}"
        );
    }
    let dt: Field =
        serde_json::from_value(json!({"id": "d", "name": "D", "type": "datetime"})).unwrap();
    assert_eq!(
        FieldValue::read(&dt, Some(&json!("2026-04-12T14:32:01Z")), None),
        FieldValue::DateTime("2026-04-12 14:32:01".into())
    );
    let r: Record = serde_json::from_value(
        json!({"id": 1, "title": "x", "data": {"f": 1}, "unknown": {"kept": true}}),
    )
    .unwrap();
    assert_eq!(
        serde_json::to_value(&r).unwrap()["unknown"],
        json!({"kept": true}),
        "unknown fields round-trip"
    );
    assert_eq!(
        infolobby::models::normalize_timestamp("2026-04-12T14:32:01.123Z"),
        "2026-04-12 14:32:01"
    );
}
