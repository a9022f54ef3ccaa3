//! Fuzz pass over the client's readers of what a server sends: JSON bodies into every model,
//! error bodies and statuses, Retry-After values, file answers. Errors are fine; panics fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "common/fuzz_loop.rs"]
mod fuzz_loop;

use infolobby::fuzzing::{decode_value, from_status, retry_after};
use infolobby::models::{Comment, FieldFiles, Following, Member, Notification, Task, UnreadCount};
use infolobby::{Count, EncodedFile, Field, FieldValue, Record, Space, Table, TableSummary, View};
use proptest::prelude::*;
use serde_json::{Map, Value};

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
    "due_date",
    "created_at",
    "message",
    "summary",
    "files",
    "field_id",
    "space_id",
    "table_id",
    "record_id",
    "unread",
    "tasks_due",
    "value",
    "label",
    "decimals",
    "error",
];

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        prop::sample::select(vec![
            "",
            "0",
            "-1",
            "1e999",
            "2026-02-30 25:61:61",
            "text",
            "date",
            "datetime",
            "user",
            "category",
            "lookup",
            "file"
        ])
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..8).prop_map(|kv| {
                Value::Object(
                    kv.into_iter()
                        .map(|(k, v)| (k.to_string(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

fn decode_all(text: &str) {
    let _ = serde_json::from_str::<Space>(text);
    let _ = serde_json::from_str::<Vec<Space>>(text);
    let _ = serde_json::from_str::<TableSummary>(text);
    let table = serde_json::from_str::<Table>(text);
    let _ = serde_json::from_str::<View>(text);
    let record = serde_json::from_str::<Record>(text);
    let _ = serde_json::from_str::<Count>(text);
    let _ = serde_json::from_str::<Member>(text);
    let _ = serde_json::from_str::<Comment>(text);
    let _ = serde_json::from_str::<FieldFiles>(text);
    let _ = serde_json::from_str::<Following>(text);
    let _ = serde_json::from_str::<Task>(text);
    let _ = serde_json::from_str::<Notification>(text);
    let _ = serde_json::from_str::<UnreadCount>(text);
    let _ = serde_json::from_str::<Field>(text);
    if let (Ok(t), Ok(r)) = (&table, &record) {
        for f in &t.fields {
            let _ = r.value(f);
        }
        let _ = t.row_values(&r.data);
    }
}

#[test]
fn server_answers_never_panic_the_client() {
    let time = fuzz_loop::seconds(3);
    let input = (json(), json(), any::<u16>(), any::<Vec<u8>>());
    fuzz_loop::fuzz(
        "client-decoders",
        time,
        input,
        |(body, field, status, bytes)| {
            let text = body.to_string();
            decode_all(&text);
            let _ = decode_value(text.as_bytes());
            let _ = decode_value(bytes);
            if let Ok(f) = serde_json::from_value::<Field>(field.clone()) {
                let _ = FieldValue::read(&f, body.get("value"), body.get("value.json"));
                let _ = FieldValue::read(&f, Some(body), None);
            }
            let e = from_status(*status, &String::from_utf8_lossy(bytes), None);
            if e.to_string().is_empty() {
                return Err("an error without words".into());
            }
            if let Ok(file) = EncodedFile::parse(text.into_bytes()) {
                let _ = file.write_to(&mut Vec::new());
            }
            if let Ok(file) = EncodedFile::parse(bytes.clone()) {
                let _ = file.write_to(&mut std::io::sink());
            }
            Ok(())
        },
    );
}

#[test]
fn retry_after_values_never_panic_and_stay_bounded() {
    let time = fuzz_loop::seconds(1);
    let value = prop_oneof![
        any::<String>(),
        any::<u64>().prop_map(|n| n.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        "[0-9]{1,40}",
        any::<u32>().prop_map(|n| httpdate::fmt_http_date(
            std::time::UNIX_EPOCH + std::time::Duration::from_secs(u64::from(n) * 4)
        )),
    ];
    fuzz_loop::fuzz("retry-after", time, value, |v| {
        let mut headers = reqwest::header::HeaderMap::new();
        let Ok(hv) = reqwest::header::HeaderValue::from_str(v) else {
            return Ok(());
        };
        headers.insert(reqwest::header::RETRY_AFTER, hv);
        match retry_after(&headers, std::time::SystemTime::now()) {
            Some(d) if d.as_secs() > 3600 => Err(format!("{d:?} is past the clamp")),
            _ => Ok(()),
        }
    });
}
