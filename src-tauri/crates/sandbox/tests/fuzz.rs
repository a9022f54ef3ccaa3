//! Fuzz pass over the server's request parsing, over real HTTP: query bodies (where, filters,
//! date tokens, sort, paging, view ids, fields), record data of every shape, and odd paths.
//! Any answer is fine but "Internal error" (a handler panicked) and a server that stops
//! answering.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod common;
#[path = "../../infolobby/tests/common/fuzz_loop.rs"]
mod fuzz_loop;

use common::*;
use proptest::prelude::*;
use reqwest::Method;
use serde_json::{json, Map, Value};

const FIELDS: &[&str] = &[
    "close_date",
    "close_date",
    "close_date",
    "opened_at",
    "opened_at",
    "due",
    "birthday",
    "title",
    "amount",
    "probability",
    "stage",
    "team",
    "contact",
    "attachments",
    "subject",
    "status",
    "priority",
    "opened",
    "effort_hours",
    "item_id",
    "nope",
    "",
];
const OPS: &[&str] = &[
    "=", "!=", ">", ">=", "<", "<=", "EQ", "NE", "GT", "LT", "GE", "LE", "contains", "C", "NC",
    "SW", "EW", "EMPTY", "NEMPTY", "is_empty", "", "ZZ",
];
const TOKENS: &[&str] = &[
    "today",
    "now",
    "yesterday",
    "start_of_week",
    "start_of_month",
    "start_of_year",
    "start_of_last_week",
    "start_of_last_month",
    "start_of_last_year",
    "+1d",
    "-2w",
    "+3m",
    "-1y",
    "+1é",
    "+99999999999d",
    "-9223372036854775808d",
    "+",
    "-",
    "2026-11-18",
    "2026-11-18 10:00:00",
    "10:00",
    "Urgent",
    "",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        prop::sample::select(TOKENS).prop_map(|s| Value::String(s.into())),
        prop::sample::select(FIELDS).prop_map(|s| Value::String(s.into())),
    ]
}

/// Date tokens and near-misses: a sign, digits of any length, a unit or any character.
fn token() -> impl Strategy<Value = Value> {
    prop_oneof![
        prop::sample::select(TOKENS).prop_map(String::from),
        "[+-]?[0-9]{0,25}[dwmyDWMYé€ ١a]?",
        "[+-][0-9]{0,3}[é€١]",
        "[+-].{0,4}",
    ]
    .prop_map(Value::String)
}

fn json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(3, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(FIELDS), inner), 0..5).prop_map(|kv| {
                Value::Object(
                    kv.into_iter()
                        .map(|(k, v)| (k.to_string(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

fn filter() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(FIELDS),
        prop::sample::select(OPS),
        prop_oneof![6 => token(), 2 => leaf(), 1 => json()],
        prop::option::of(prop::sample::select(&["AND", "OR", "or", "xor"][..])),
    )
        .prop_map(|(f, op, v, conn)| {
            let mut o = json!({"field": f, "compare": op, "value": v});
            if let Some(c) = conn {
                o["connector"] = c.into();
            }
            o
        })
}

fn query_body() -> impl Strategy<Value = Value> {
    (
        prop::option::weighted(0.8, prop_oneof![
            4 => prop::collection::vec(filter(), 1..4).prop_map(Value::Array),
            1 => json()
        ]),
        prop::option::weighted(0.4, prop_oneof![
            prop::collection::vec(
                (prop::sample::select(FIELDS), prop::sample::select(OPS), prop_oneof![token(), leaf()]),
                0..3
            )
            .prop_map(|w| Value::Object(
                w.into_iter().map(|(f, op, v)| (f.to_string(), json!([op, v]))).collect()
            )),
            json()
        ]),
        // Mostly well-formed, so that the filters behind them get evaluated too.
        prop::option::weighted(0.3, prop_oneof![3 => prop::sample::select(FIELDS).prop_map(Value::from), 1 => leaf()]),
        prop::option::weighted(0.3, prop_oneof![
            3 => prop::sample::select(&["A", "D", "asc", "DESC", "x"][..]).prop_map(Value::from),
            1 => leaf()
        ]),
        prop::option::weighted(0.3, prop_oneof![3 => (0u32..1200).prop_map(Value::from), 1 => leaf()]),
        prop::option::weighted(0.3, prop_oneof![3 => (0u32..50).prop_map(Value::from), 1 => leaf()]),
        prop::option::weighted(0.2, prop_oneof![token(), leaf()]),
        prop::option::weighted(0.2, json()),
        prop::option::weighted(0.2, prop_oneof![(0u32..4).prop_map(Value::from), leaf()]),
    )
        .prop_map(|(filters, where_, order_by, order_dir, limit, offset, search, fields, view)| {
            let mut body = Map::new();
            for (k, v) in [
                ("filters", filters),
                ("where", where_),
                ("order_by", order_by),
                ("order_dir", order_dir),
                ("limit", limit),
                ("offset", offset),
                ("search", search),
                ("fields", fields),
                ("view_id", view),
            ] {
                if let Some(v) = v {
                    body.insert(k.into(), v);
                }
            }
            Value::Object(body)
        })
}

#[derive(Debug, Clone)]
enum Req {
    Query(i64, Value),
    Count(i64, Value),
    Create(i64, Value),
    Update(i64, i64, Value),
    View(i64, String),
    Raw(i64, Vec<u8>),
}

fn request() -> impl Strategy<Value = Req> {
    let table = prop_oneof![1 => Just(1i64), 3 => Just(2), 3 => Just(3), 1 => any::<i64>()];
    prop_oneof![
        4 => (table.clone(), query_body()).prop_map(|(t, b)| Req::Query(t, b)),
        1 => (table.clone(), query_body()).prop_map(|(t, b)| Req::Count(t, b)),
        1 => (table.clone(), json()).prop_map(|(t, d)| Req::Create(t, json!({"data": d}))),
        1 => (table.clone(), 1i64..20, json()).prop_map(|(t, r, d)| Req::Update(t, r, json!({"data": d}))),
        1 => (table.clone(), prop_oneof![any::<i64>().prop_map(|n| n.to_string()), "[^/?#]{0,12}"]).prop_map(|(t, v)| Req::View(t, v)),
        1 => (table, any::<Vec<u8>>()).prop_map(|(t, b)| Req::Raw(t, b)),
    ]
}

#[test]
fn request_parsing_never_panics_the_server() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    // No rate limit: every input must reach the parsers, not a 429.
    let api = rt.block_on(Api::with(infolobby_sandbox::Config {
        requests_per_minute: u32::MAX,
        ..infolobby_sandbox::Config::default()
    }));
    let time = fuzz_loop::seconds(5);
    fuzz_loop::fuzz("sandbox-requests", time, request(), |req| {
        let reply = rt.block_on(async {
            match req {
                Req::Query(t, b) => {
                    api.post(OWNER, &format!("/table/{t}/records/query"), b.clone())
                        .await
                }
                Req::Count(t, b) => {
                    api.post(OWNER, &format!("/table/{t}/records/count"), b.clone())
                        .await
                }
                Req::Create(t, b) => {
                    api.post(OWNER, &format!("/table/{t}/records/create"), b.clone())
                        .await
                }
                Req::Update(t, r, b) => {
                    api.post(OWNER, &format!("/table/{t}/record/{r}/update"), b.clone())
                        .await
                }
                Req::View(t, v) => {
                    let v: String = url_escape(v);
                    api.get(OWNER, &format!("/table/{t}/view/{v}/get")).await
                }
                Req::Raw(t, b) => {
                    api.raw(
                        Method::POST,
                        &format!("/table/{t}/records/query"),
                        OWNER,
                        b.clone(),
                    )
                    .await
                }
            }
        });
        if reply.text.contains("Internal error") || reply.status.as_u16() == 429 {
            return Err(format!("{}: {}", reply.status, reply.text));
        }
        Ok(())
    });
    // Still answering after all that.
    let alive = rt.block_on(api.get(OWNER, "/spaces/list"));
    assert!(
        alive.status.is_success(),
        "{}: {}",
        alive.status,
        alive.text
    );
}

fn url_escape(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
