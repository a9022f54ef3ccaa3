//! Typed models, tolerant on read (§9.4, §16): every documented variant decodes, and fields the
//! client does not know are kept in `extra` so an edit round-trips them.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

/// Ids arrive as numbers or numeric strings.
pub(crate) fn id_from(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) => s.trim().parse().ok(),
        Value::Object(o) => o.get("id").and_then(id_from),
        _ => None,
    }
}

fn lenient_id<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    let v = Value::deserialize(d)?;
    id_from(&v).ok_or_else(|| serde::de::Error::custom(format!("expected an id, got {v}")))
}

fn lenient_opt_id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Ok(Option::<Value>::deserialize(d)?.as_ref().and_then(id_from))
}

/// `true`, `"true"`, `1` and `"1"` are true (A13).
fn lenient_bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Bool(b)) => b,
        Some(Value::String(s)) => s.eq_ignore_ascii_case("true") || s == "1",
        Some(Value::Number(n)) => n.as_i64() == Some(1),
        _ => false,
    })
}

fn lenient_string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::String(s)) => s,
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Space {
    #[serde(deserialize_with = "lenient_id")]
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub id: i64,
    #[serde(default, deserialize_with = "lenient_string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub name: String,
    #[serde(default, deserialize_with = "lenient_opt_id")]
    #[cfg_attr(feature = "specta", specta(type = Option<i64>))]
    pub account_id: Option<i64>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TableSummary {
    #[serde(deserialize_with = "lenient_id")]
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub id: i64,
    #[serde(default, deserialize_with = "lenient_string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub name: String,
    #[serde(default, deserialize_with = "lenient_opt_id")]
    #[cfg_attr(feature = "specta", specta(type = Option<i64>))]
    pub space_id: Option<i64>,
}

/// A table with its field schema; legacy servers call the list `appFields` (§7.2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Table {
    #[serde(deserialize_with = "lenient_id")]
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub id: i64,
    #[serde(default, deserialize_with = "lenient_string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub name: String,
    #[serde(default, deserialize_with = "lenient_opt_id")]
    #[cfg_attr(feature = "specta", specta(type = Option<i64>))]
    pub space_id: Option<i64>,
    #[serde(default, alias = "appFields")]
    pub fields: Vec<Field>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Table {
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    pub fn key_field(&self) -> Option<&Field> {
        self.fields.iter().find(|f| f.is_key())
    }

    /// The typed values of a `records/query` row, one per field in schema order; lookups use
    /// their `<field>.json` sibling when the row has one (§20).
    pub fn row_values(&self, row: &Map<String, Value>) -> Vec<FieldValue> {
        self.fields
            .iter()
            .map(|f| FieldValue::read(f, row.get(&f.id), row.get(&format!("{}.json", f.id))))
            .collect()
    }

    /// The record id of a query row, from the key field (or `item_id`/`id` if the schema has none).
    pub fn row_id(&self, row: &Map<String, Value>) -> Option<i64> {
        let key = self.key_field().map(|f| f.id.as_str());
        [key, Some("item_id"), Some("id")]
            .into_iter()
            .flatten()
            .find_map(|k| row.get(k).and_then(id_from))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Field {
    #[serde(deserialize_with = "lenient_string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: String,
    #[serde(default, deserialize_with = "lenient_string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub name: String,
    #[serde(rename = "type", default, deserialize_with = "lenient_string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub kind: String,
    #[serde(default, deserialize_with = "lenient_bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub key: bool,
    #[serde(default, deserialize_with = "lenient_bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub multiple: bool,
    /// Select options (`[{title, color}]` or plain strings) or number settings (`{decimals}`).
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub options: Value,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Field {
    pub fn is_key(&self) -> bool {
        self.key || self.kind == "key"
    }

    /// The option titles of a select field, whichever shape they came in.
    pub fn option_titles(&self) -> Vec<String> {
        self.options
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|o| match o {
                Value::String(s) => Some(s.clone()),
                Value::Object(m) => m.get("title").and_then(Value::as_str).map(String::from),
                _ => None,
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct View {
    #[serde(deserialize_with = "lenient_id")]
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub id: i64,
    #[serde(default, deserialize_with = "lenient_string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub name: String,
    #[serde(rename = "type", default, deserialize_with = "lenient_string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub kind: String,
    #[serde(default)]
    pub filters: Value,
    #[serde(default)]
    pub order_by: Option<String>,
    #[serde(default)]
    pub order_dir: Option<String>,
    #[serde(default, deserialize_with = "lenient_bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub is_default: bool,
    #[serde(default, deserialize_with = "lenient_bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub is_table_default: bool,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A record as get/create/update return it: `{id, title, data}` (§9.1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Record {
    #[serde(deserialize_with = "lenient_id")]
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub id: i64,
    #[serde(default, deserialize_with = "lenient_string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub title: String,
    #[serde(default)]
    pub data: Map<String, Value>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Record {
    /// The typed value of one field, read by the field's type.
    pub fn value(&self, field: &Field) -> FieldValue {
        FieldValue::read(field, self.data.get(&field.id), None)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UserRef {
    pub id: Option<i64>,
    pub email: Option<String>,
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LookupRef {
    pub id: i64,
    pub title: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Attachment {
    pub name: String,
    pub path: String,
    #[serde(rename = "type", default)]
    pub mime: String,
    #[serde(default)]
    pub size: u64,
    #[serde(default)]
    pub host: String,
}

/// A field value typed by its schema, with an escape hatch for types this client does not know.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum FieldValue {
    Empty,
    Key(i64),
    Text(String),
    Number(f64),
    Date(String),
    DateTime(String),
    Time(String),
    Select(Vec<String>),
    Users(Vec<UserRef>),
    Lookups(Vec<LookupRef>),
    Files(Vec<Attachment>),
    Calc(Value),
    Unknown(Value),
}

impl FieldValue {
    /// Reads a value in any documented shape; `sibling` is a query row's `<field>.json`.
    pub fn read(field: &Field, v: Option<&Value>, sibling: Option<&Value>) -> FieldValue {
        let v = match v {
            None | Some(Value::Null) => return FieldValue::Empty,
            Some(v) => v,
        };
        let list = |v: &Value| -> Vec<Value> {
            match v {
                Value::Array(a) => a.clone(),
                other => vec![other.clone()],
            }
        };
        match field.kind.as_str() {
            _ if field.is_key() => id_from(v)
                .map(FieldValue::Key)
                .unwrap_or_else(|| FieldValue::Unknown(v.clone())),
            "text" | "textarea" => FieldValue::Text(
                v.as_str()
                    .map(String::from)
                    .unwrap_or_else(|| v.to_string()),
            ),
            "number" => match v {
                Value::Number(n) => n
                    .as_f64()
                    .map(FieldValue::Number)
                    .unwrap_or(FieldValue::Empty),
                Value::String(s) if s.trim().is_empty() => FieldValue::Empty,
                Value::String(s) => s
                    .trim()
                    .parse()
                    .map(FieldValue::Number)
                    .unwrap_or_else(|_| FieldValue::Unknown(v.clone())),
                other => FieldValue::Unknown(other.clone()),
            },
            "date" | "datetime" | "time" => match v.as_str() {
                Some("") => FieldValue::Empty,
                Some(s) => {
                    let s = s.to_string();
                    match field.kind.as_str() {
                        "date" => FieldValue::Date(s),
                        "time" => FieldValue::Time(s),
                        _ => FieldValue::DateTime(
                            s.replacen('T', " ", 1).trim_end_matches('Z').to_string(),
                        ),
                    }
                }
                None => FieldValue::Unknown(v.clone()),
            },
            // Select: string, null or array (A2); a comma string is not split on read.
            "select" => {
                let items: Vec<String> = list(v)
                    .iter()
                    .filter_map(|x| match x {
                        Value::String(s) if !s.is_empty() => Some(s.clone()),
                        Value::Object(o) => {
                            o.get("title").and_then(Value::as_str).map(String::from)
                        }
                        _ => None,
                    })
                    .collect();
                if items.is_empty() {
                    FieldValue::Empty
                } else {
                    FieldValue::Select(items)
                }
            }
            "user" => {
                let users: Vec<UserRef> = list(v)
                    .iter()
                    .filter_map(|x| match x {
                        Value::Object(o) => Some(UserRef {
                            id: o.get("id").and_then(id_from),
                            email: o.get("email").and_then(Value::as_str).map(String::from),
                            name: o.get("name").and_then(Value::as_str).map(String::from),
                        }),
                        Value::String(s) if s.contains('@') => Some(UserRef {
                            id: None,
                            email: Some(s.clone()),
                            name: None,
                        }),
                        other => id_from(other).map(|id| UserRef {
                            id: Some(id),
                            email: None,
                            name: None,
                        }),
                    })
                    .collect();
                if users.is_empty() {
                    FieldValue::Empty
                } else {
                    FieldValue::Users(users)
                }
            }
            // Lookup: {id,title}, an id, or a string id ("3" or "3,4") with a `.json` sibling (A6).
            "lookup" => {
                let mut refs: Vec<LookupRef> = Vec::new();
                for x in list(v) {
                    match &x {
                        Value::Object(o) => {
                            if let Some(id) = o.get("id").and_then(id_from) {
                                refs.push(LookupRef {
                                    id,
                                    title: o.get("title").and_then(Value::as_str).map(String::from),
                                });
                            }
                        }
                        Value::String(s) => refs.extend(
                            s.split(',')
                                .filter_map(|p| p.trim().parse().ok())
                                .map(|id| LookupRef { id, title: None }),
                        ),
                        other => {
                            refs.extend(id_from(other).map(|id| LookupRef { id, title: None }))
                        }
                    }
                }
                if let Some(sib) = sibling {
                    let titles: Vec<Option<String>> = match sib {
                        Value::Array(a) => a
                            .iter()
                            .map(|t| {
                                t.as_str().map(String::from).or_else(|| {
                                    t.get("title").and_then(Value::as_str).map(String::from)
                                })
                            })
                            .collect(),
                        Value::String(s) => vec![Some(s.clone())],
                        Value::Object(o) => {
                            vec![o.get("title").and_then(Value::as_str).map(String::from)]
                        }
                        _ => Vec::new(),
                    };
                    for (r, t) in refs.iter_mut().zip(titles) {
                        if r.title.is_none() {
                            r.title = t;
                        }
                    }
                }
                if refs.is_empty() {
                    FieldValue::Empty
                } else {
                    FieldValue::Lookups(refs)
                }
            }
            "file" => match serde_json::from_value::<Vec<Attachment>>(v.clone()) {
                Ok(files) if files.is_empty() => FieldValue::Empty,
                Ok(files) => FieldValue::Files(files),
                Err(_) => FieldValue::Unknown(v.clone()),
            },
            "calc" => FieldValue::Calc(v.clone()),
            _ => FieldValue::Unknown(v.clone()),
        }
    }
}

/// `records/count` (§9.3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Count {
    pub count: u64,
    #[serde(default)]
    pub total: Option<u64>,
    #[serde(default, deserialize_with = "lenient_bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub total_approx: bool,
    #[serde(default, deserialize_with = "lenient_bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub restricted: bool,
}

/// Acknowledgement bodies such as `{"ok": true}`; anything else is kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Ack {
    #[serde(default, deserialize_with = "lenient_bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub ok: bool,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

fn lenient_opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::String(s)) if !s.is_empty() => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

/// Comment and notification text with mentions (`@{<user id>:<name>}`) written as `@name`, for
/// showing to people.
pub fn plain_mentions(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = rest.split_once("@{") {
        out.push_str(before);
        let parsed = after.split_once('}').and_then(|(inner, tail)| {
            let (id, name) = inner.split_once(':')?;
            id.parse::<i64>().ok().map(|_| (name, tail))
        });
        match parsed {
            Some((name, tail)) => {
                out.push('@');
                out.push_str(name);
                rest = tail;
            }
            None => {
                out.push_str("@{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Timestamps arrive as `YYYY-MM-DD HH:MM:SS` or ISO 8601 (A15); this gives the former.
pub fn normalize_timestamp(s: &str) -> String {
    let s = s.trim().trim_end_matches('Z');
    let s = s.split(['+']).next().unwrap_or(s);
    let s = s.replacen('T', " ", 1);
    s.split('.').next().unwrap_or(&s).to_string()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Member {
    #[serde(deserialize_with = "lenient_id")]
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub user_id: i64,
    #[serde(default, deserialize_with = "lenient_string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub email: String,
    #[serde(default, deserialize_with = "lenient_string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub name: String,
    /// `read_only`, `read_write`, `admin` or `owner`.
    #[serde(default, deserialize_with = "lenient_string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Comment {
    #[serde(deserialize_with = "lenient_id")]
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub id: i64,
    #[serde(default, deserialize_with = "lenient_opt_id")]
    #[cfg_attr(feature = "specta", specta(type = Option<i64>))]
    pub record_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient_opt_id")]
    #[cfg_attr(feature = "specta", specta(type = Option<i64>))]
    pub task_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient_opt_id")]
    #[cfg_attr(feature = "specta", specta(type = Option<i64>))]
    pub user_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient_opt_string")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub user_name: Option<String>,
    #[serde(default, deserialize_with = "lenient_opt_id")]
    #[cfg_attr(feature = "specta", specta(type = Option<i64>))]
    pub api_key_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient_string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub content: String,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    #[serde(default, deserialize_with = "lenient_opt_string")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub created_at: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A file field's value after an upload or delete (§11).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FieldFiles {
    pub field_id: String,
    #[serde(default)]
    pub files: Vec<Attachment>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Following {
    #[serde(default, deserialize_with = "lenient_bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub table: bool,
    #[serde(default, deserialize_with = "lenient_bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub record: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Subscribed {
    #[serde(default, deserialize_with = "lenient_bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub subscribed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Task {
    #[serde(deserialize_with = "lenient_id")]
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub id: i64,
    #[serde(default, deserialize_with = "lenient_string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub title: String,
    #[serde(default, deserialize_with = "lenient_opt_string")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub details: Option<String>,
    #[serde(default, deserialize_with = "lenient_opt_id")]
    #[cfg_attr(feature = "specta", specta(type = Option<i64>))]
    pub creator_user_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient_opt_id")]
    #[cfg_attr(feature = "specta", specta(type = Option<i64>))]
    pub assignee_user_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient_opt_id")]
    #[cfg_attr(feature = "specta", specta(type = Option<i64>))]
    pub space_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient_opt_id")]
    #[cfg_attr(feature = "specta", specta(type = Option<i64>))]
    pub table_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient_opt_id")]
    #[cfg_attr(feature = "specta", specta(type = Option<i64>))]
    pub record_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient_opt_string")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub due_date: Option<String>,
    #[serde(default, deserialize_with = "lenient_opt_string")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub due_time: Option<String>,
    #[serde(default, deserialize_with = "lenient_opt_string")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub reminder_at: Option<String>,
    /// `open` or `done`.
    #[serde(default, deserialize_with = "lenient_string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub status: String,
    #[serde(default, deserialize_with = "lenient_opt_string")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub completed_at: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Task {
    pub fn is_done(&self) -> bool {
        self.status.eq_ignore_ascii_case("done")
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Notification {
    #[serde(deserialize_with = "lenient_id")]
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub id: i64,
    #[serde(default, deserialize_with = "lenient_opt_id")]
    #[cfg_attr(feature = "specta", specta(type = Option<i64>))]
    pub actor_user_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient_opt_id")]
    #[cfg_attr(feature = "specta", specta(type = Option<i64>))]
    pub space_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient_opt_id")]
    #[cfg_attr(feature = "specta", specta(type = Option<i64>))]
    pub table_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient_opt_id")]
    #[cfg_attr(feature = "specta", specta(type = Option<i64>))]
    pub record_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient_opt_id")]
    #[cfg_attr(feature = "specta", specta(type = Option<i64>))]
    pub task_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient_string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub event_type: String,
    #[serde(default, deserialize_with = "lenient_string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub message: String,
    #[serde(default, deserialize_with = "lenient_opt_string")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub url: Option<String>,
    #[serde(default, deserialize_with = "lenient_opt_string")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub summary: Option<String>,
    #[serde(default, deserialize_with = "lenient_opt_string")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub seen_at: Option<String>,
    #[serde(default, deserialize_with = "lenient_opt_string")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub read_at: Option<String>,
    #[serde(default, deserialize_with = "lenient_opt_string")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub created_at: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Notification {
    pub fn is_read(&self) -> bool {
        self.read_at.is_some()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UnreadCount {
    #[serde(default)]
    pub unread: u64,
    #[serde(default, rename = "tasksDue")]
    pub tasks_due: u64,
}

#[cfg(test)]
mod mention_tests {
    use super::plain_mentions;

    #[test]
    fn mentions_read_as_names() {
        assert_eq!(
            plain_mentions("call @{2:Alice} and @{3:Bob Stone}!"),
            "call @Alice and @Bob Stone!"
        );
        assert_eq!(
            plain_mentions("mail a@{b} @{x:y} @{"),
            "mail a@{b} @{x:y} @{"
        );
    }
}

#[cfg(test)]
mod row_tests {
    use super::*;

    #[test]
    fn query_rows_read_by_schema_with_lookup_siblings() {
        let table: Table = serde_json::from_value(serde_json::json!({
            "id": 2, "name": "Deals",
            "fields": [
                {"id": "item_id", "name": "ID", "type": "key", "key": "true"},
                {"id": "title", "name": "Title", "type": "text"},
                {"id": "contact", "name": "Contact", "type": "lookup"}
            ]
        }))
        .unwrap_or_else(|e| panic!("{e}"));
        let row = serde_json::json!({"item_id": 6, "title": "Navy", "contact": "1", "contact.json": "Grace Hopper"});
        let row = row.as_object().cloned().unwrap_or_default();
        assert_eq!(table.row_id(&row), Some(6));
        let values = table.row_values(&row);
        assert_eq!(values[1], FieldValue::Text("Navy".into()));
        match &values[2] {
            FieldValue::Lookups(l) => assert_eq!(l[0].title.as_deref(), Some("Grace Hopper")),
            other => panic!("{other:?}"),
        }
    }
}
