//! Every documented variant of each answer decodes as the reference says. Random answers are
//! fuzzed in `fuzz.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
use infolobby::{Field, FieldValue, Record, Table};
use serde_json::{json, Value};

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
