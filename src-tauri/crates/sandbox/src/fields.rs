//! Field schemas (§7) and field values (§9.4): what a write may send, how values are stored, and
//! how they read back in `record/get` and in query rows.
//!
//! Stored values are canonical: selects are arrays of option titles, users arrays of user ids,
//! lookups arrays of record ids, files arrays of attachment objects. Reads render them in the
//! documented shapes.

use std::collections::HashMap;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::db;
use crate::error::{ApiError, ApiResult};

pub const KINDS: &[&str] = &[
    "key", "text", "textarea", "number", "date", "datetime", "time", "select", "user", "lookup",
    "file", "calc",
];

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SelectOption {
    pub title: String,
    #[serde(default)]
    pub color: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Field {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub multiple: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<SelectOption>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula: Option<String>,
}

impl Field {
    pub fn is_key(&self) -> bool {
        self.kind == "key"
    }

    /// The field as `table/get` shows it (§7.2).
    pub fn schema_json(&self, conn: &Connection) -> Value {
        let mut o = Map::new();
        o.insert("id".into(), json!(self.id));
        o.insert("name".into(), json!(self.name));
        o.insert("type".into(), json!(self.kind));
        if self.is_key() {
            // The docs show the flag as a string (A13).
            o.insert("key".into(), json!("true"));
        }
        match self.kind.as_str() {
            "select" => {
                o.insert("multiple".into(), json!(self.multiple));
                o.insert("options".into(), json!(self.options));
            }
            "user" => {
                o.insert("multiple".into(), json!(self.multiple));
            }
            "lookup" => {
                o.insert("multiple".into(), json!(self.multiple));
                let id = self.table_id.unwrap_or(0);
                let text = db::table(conn, id).map(|t| t.name).unwrap_or_default();
                o.insert("table".into(), json!({"id": id, "text": text}));
            }
            "number" => {
                o.insert(
                    "options".into(),
                    json!({"decimals": self.decimals.unwrap_or(0)}),
                );
            }
            "calc" => {
                o.insert("formula".into(), json!(self.formula));
            }
            _ => {}
        }
        Value::Object(o)
    }

    /// Parses a field definition sent to `tables/create` or `table/update`.
    pub fn from_definition(def: &Value, conn: &Connection) -> ApiResult<Field> {
        let obj = def.as_object().ok_or_else(ApiError::invalid_params)?;
        let name = obj
            .get("name")
            .and_then(Value::as_str)
            .filter(|s| !s.trim().is_empty())
            .ok_or_else(|| ApiError::app("Field name is required"))?
            .trim()
            .to_string();
        let kind = obj
            .get("type")
            .and_then(Value::as_str)
            .ok_or_else(|| ApiError::app(format!("Field type is required for {name}")))?
            .to_string();
        let key = truthy(obj.get("key"));
        let kind = if key { "key".to_string() } else { kind };
        if !KINDS.contains(&kind.as_str()) {
            return Err(ApiError::app(format!("Invalid field type: {kind}")));
        }
        let id = match obj.get("id").and_then(Value::as_str) {
            Some(id) if !id.is_empty() => {
                if slugify(id) != id {
                    return Err(ApiError::app(format!("Invalid field id: {id}")));
                }
                id.to_string()
            }
            _ => String::new(),
        };
        let mut field = Field {
            id,
            name,
            kind,
            multiple: truthy(obj.get("multiple")),
            options: Vec::new(),
            decimals: None,
            table_id: None,
            formula: None,
        };
        match field.kind.as_str() {
            "select" => {
                for opt in obj
                    .get("options")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let option = match opt {
                        Value::String(s) => SelectOption {
                            title: s.clone(),
                            color: String::new(),
                        },
                        Value::Object(o) => SelectOption {
                            title: o
                                .get("title")
                                .and_then(Value::as_str)
                                .ok_or_else(ApiError::invalid_params)?
                                .to_string(),
                            color: o
                                .get("color")
                                .and_then(Value::as_str)
                                .unwrap_or("")
                                .to_string(),
                        },
                        _ => return Err(ApiError::invalid_params()),
                    };
                    field.options.push(option);
                }
            }
            "number" => {
                let decimals = obj
                    .get("decimals")
                    .or_else(|| obj.get("options").and_then(|o| o.get("decimals")));
                field.decimals = decimals.and_then(Value::as_u64).map(|d| d.min(10) as u32);
            }
            "lookup" => {
                let target = obj
                    .get("table_id")
                    .and_then(Value::as_i64)
                    .or_else(|| obj.get("table").and_then(as_id));
                let target = target
                    .ok_or_else(|| ApiError::app(format!("Lookup {} needs a table", field.name)))?;
                db::table(conn, target)?;
                field.table_id = Some(target);
            }
            "calc" => {
                let formula = obj
                    .get("formula")
                    .and_then(Value::as_str)
                    .ok_or_else(|| ApiError::app(format!("Calc {} needs a formula", field.name)))?;
                Formula::parse(formula)?;
                field.formula = Some(formula.to_string());
            }
            _ => {}
        }
        Ok(field)
    }
}

fn truthy(v: Option<&Value>) -> bool {
    match v {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s.eq_ignore_ascii_case("true") || s == "1",
        Some(Value::Number(n)) => n.as_i64() == Some(1),
        _ => false,
    }
}

/// `"Email Address"` → `email_address`, as the service derives field ids (§7.3).
pub fn slugify(name: &str) -> String {
    let mut out = String::new();
    for ch in name.trim().chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    if out.is_empty() {
        "field".to_string()
    } else {
        out
    }
}

/// Assigns missing ids (slug of the name, de-duplicated), rejects duplicate explicit ids, and
/// makes sure there is exactly one key field.
pub fn finish_schema(mut fields: Vec<Field>) -> ApiResult<Vec<Field>> {
    let mut seen = std::collections::HashSet::new();
    for f in &fields {
        if !f.id.is_empty() && !seen.insert(f.id.clone()) {
            return Err(ApiError::app(format!("Duplicate field id: {}", f.id)));
        }
    }
    for f in fields.iter_mut().filter(|f| f.id.is_empty()) {
        let base = slugify(&f.name);
        let mut id = base.clone();
        let mut n = 2;
        while seen.contains(&id) {
            id = format!("{base}_{n}");
            n += 1;
        }
        seen.insert(id.clone());
        f.id = id;
    }
    match fields.iter().filter(|f| f.is_key()).count() {
        0 => {
            let id = if seen.contains("item_id") {
                "record_key"
            } else {
                "item_id"
            };
            fields.insert(
                0,
                Field {
                    id: id.to_string(),
                    name: "ID".to_string(),
                    kind: "key".to_string(),
                    multiple: false,
                    options: Vec::new(),
                    decimals: None,
                    table_id: None,
                    formula: None,
                },
            );
        }
        1 => {}
        _ => return Err(ApiError::app("A table can have only one key field")),
    }
    Ok(fields)
}

/// A calc field's formula: `<operand> <op> <operand>` with field ids or numbers, op one of
/// `+ - * /`. Enough to show computed, read-only values; the service's real formula language is
/// not public.
#[derive(Debug, Clone)]
pub struct Formula {
    left: String,
    op: char,
    right: String,
}

impl Formula {
    pub fn parse(text: &str) -> ApiResult<Formula> {
        let parts: Vec<&str> = text.split_whitespace().collect();
        match parts.as_slice() {
            [l, op, r] if op.len() == 1 && "+-*/".contains(*op) => Ok(Formula {
                left: l.to_string(),
                op: op.chars().next().unwrap_or('+'),
                right: r.to_string(),
            }),
            _ => Err(ApiError::app(format!("Invalid formula: {text}"))),
        }
    }

    pub fn eval(&self, data: &Map<String, Value>) -> Option<f64> {
        let operand = |s: &str| {
            s.parse::<f64>()
                .ok()
                .or_else(|| data.get(s).and_then(Value::as_f64))
        };
        let (l, r) = (operand(&self.left)?, operand(&self.right)?);
        let v = match self.op {
            '+' => l + r,
            '-' => l - r,
            '*' => l * r,
            _ if r == 0.0 => return None,
            _ => l / r,
        };
        Some((v * 100.0).round() / 100.0)
    }
}

/// Reads an id from `5`, `"5"` or `{"id": 5}`.
pub fn as_id(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        Value::Object(o) => o.get("id").and_then(as_id),
        _ => None,
    }
}

/// A JSON number from an f64: integral values stay integers so `5` reads back as `5`, not `5.0`.
pub fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

/// Stores uploaded bytes (name, MIME type, bytes) and returns the attachment object.
pub type StoreFile<'a> = dyn FnMut(&str, &str, &[u8]) -> ApiResult<Value> + 'a;

/// Everything a write needs besides the value: which record, who writes, where files go.
pub struct WriteEnv<'a> {
    pub conn: &'a Connection,
    pub space_id: i64,
    pub actor: i64,
    pub table_id: i64,
    pub store_file: &'a mut StoreFile<'a>,
    pub file_exists: &'a dyn Fn(&str) -> bool,
}

/// Validates one written value and returns its canonical stored form.
pub fn write_value(env: &mut WriteEnv<'_>, field: &Field, value: &Value) -> ApiResult<Value> {
    let label = &field.name;
    let invalid = || ApiError::app(format!("Invalid value for {label}"));
    match field.kind.as_str() {
        "key" => Err(ApiError::app(format!(
            "Unassignable - cannot set computed field: {}",
            field.id
        ))),
        "calc" => Err(ApiError::app(format!(
            "Unassignable - cannot set calculation field: {}",
            field.id
        ))),
        "text" | "textarea" => match value {
            Value::Null => Ok(Value::Null),
            Value::String(s) => Ok(json!(s)),
            Value::Number(n) => Ok(json!(n.to_string())),
            Value::Bool(b) => Ok(json!(b.to_string())),
            _ => Err(invalid()),
        },
        "number" => {
            let n = match value {
                Value::Null => return Ok(Value::Null),
                Value::String(s) if s.trim().is_empty() => return Ok(Value::Null),
                Value::String(s) => s.trim().parse::<f64>().map_err(|_| invalid())?,
                Value::Number(n) => n.as_f64().ok_or_else(invalid)?,
                _ => return Err(invalid()),
            };
            if !n.is_finite() {
                return Err(invalid());
            }
            Ok(match field.decimals {
                None | Some(0) => json!(n.round() as i64),
                Some(_) => number(n),
            })
        }
        "date" | "datetime" | "time" => match value {
            Value::Null => Ok(Value::Null),
            Value::String(s) if s.is_empty() => Ok(Value::Null),
            Value::String(s) => normalize_temporal(&field.kind, s)
                .map(Value::String)
                .ok_or_else(invalid),
            _ => Err(invalid()),
        },
        "select" => {
            let wanted = match value {
                Value::Null => Vec::new(),
                Value::String(s) => s
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect(),
                Value::Array(items) => items
                    .iter()
                    .map(|v| match v {
                        Value::String(s) => Ok(s.trim().to_string()),
                        Value::Object(o) => o
                            .get("title")
                            .and_then(Value::as_str)
                            .map(String::from)
                            .ok_or_else(invalid),
                        _ => Err(invalid()),
                    })
                    .collect::<ApiResult<_>>()?,
                Value::Object(o) => vec![o
                    .get("title")
                    .and_then(Value::as_str)
                    .ok_or_else(invalid)?
                    .to_string()],
                _ => return Err(invalid()),
            };
            let mut out = Vec::new();
            for w in wanted {
                let opt = field
                    .options
                    .iter()
                    .find(|o| o.title.eq_ignore_ascii_case(&w))
                    .ok_or_else(|| ApiError::app(format!("Invalid Option {w}")))?;
                if !out.contains(&opt.title) {
                    out.push(opt.title.clone());
                }
            }
            if !field.multiple && out.len() > 1 {
                return Err(ApiError::app(format!(
                    "Only one option may be set for {label}"
                )));
            }
            Ok(json!(out))
        }
        "user" => {
            let items: Vec<&Value> = match value {
                Value::Null => Vec::new(),
                Value::Array(a) => a.iter().collect(),
                other => vec![other],
            };
            let mut ids = Vec::new();
            for item in items {
                let id = resolve_user(env, item, label)?;
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            if !field.multiple && ids.len() > 1 {
                return Err(ApiError::app(format!(
                    "Only one user may be set for {label}"
                )));
            }
            Ok(json!(ids))
        }
        "lookup" => {
            let items: Vec<&Value> = match value {
                Value::Null => Vec::new(),
                Value::Array(a) => a.iter().collect(),
                Value::String(s) if s.is_empty() => Vec::new(),
                other => vec![other],
            };
            let target = field.table_id.unwrap_or(0);
            let mut ids = Vec::new();
            for item in items {
                let id = as_id(item).ok_or_else(invalid)?;
                let exists = env
                    .conn
                    .prepare_cached("SELECT 1 FROM records WHERE id = ? AND table_id = ?")?
                    .exists([id, target])?;
                if !exists {
                    return Err(ApiError::app(format!("Invalid lookup {id} for {label}")));
                }
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            if !field.multiple && ids.len() > 1 {
                return Err(ApiError::app(format!(
                    "Only one record may be set for {label}"
                )));
            }
            Ok(json!(ids))
        }
        "file" => {
            let items = match value {
                Value::Null => return Ok(json!([])),
                Value::Array(a) => a,
                _ => return Err(invalid()),
            };
            let mut out = Vec::new();
            for item in items {
                let o = item.as_object().ok_or_else(invalid)?;
                if let Some(path) = o.get("path").and_then(Value::as_str) {
                    if !(env.file_exists)(path) {
                        return Err(ApiError::app(format!("File not found: {path}")));
                    }
                    out.push(item.clone());
                } else if let Some(data) = o.get("data").and_then(Value::as_str) {
                    let name = o
                        .get("name")
                        .and_then(Value::as_str)
                        .ok_or_else(|| ApiError::app("File name is required"))?;
                    let bytes = crate::blobs::decode_base64(data)?;
                    let kind = o.get("type").and_then(Value::as_str).unwrap_or("");
                    out.push((env.store_file)(name, kind, &bytes)?);
                } else if let Some(url) = o.get("url").and_then(Value::as_str) {
                    return Err(ApiError::app(format!(
                        "Could not fetch {url}: the sandbox does not download files"
                    )));
                } else {
                    return Err(invalid());
                }
            }
            Ok(json!(out))
        }
        _ => Err(invalid()),
    }
}

fn resolve_user(env: &WriteEnv<'_>, item: &Value, label: &str) -> ApiResult<i64> {
    let user = match item {
        Value::String(s) if s == "@me" => db::user(env.conn, env.actor)?,
        Value::String(s) if s.contains('@') => db::user_by_email(env.conn, s.trim())?,
        Value::Object(o) if o.get("email").is_some() && o.get("id").is_none() => db::user_by_email(
            env.conn,
            o.get("email").and_then(Value::as_str).unwrap_or(""),
        )?,
        other => match as_id(other) {
            Some(id) => db::user(env.conn, id)?,
            None => None,
        },
    };
    let shown = match item {
        Value::String(s) => s.clone(),
        other => as_id(other)
            .map(|i| i.to_string())
            .unwrap_or_else(|| other.to_string()),
    };
    let user = user.ok_or_else(|| ApiError::app(format!("Invalid User {shown} for {label}")))?;
    if db::member_role(env.conn, env.space_id, user.id)?.is_none() {
        return Err(ApiError::app(format!("Invalid User {shown} for {label}")));
    }
    Ok(user.id)
}

/// Accepts the documented formats (and ISO `T`), returns the canonical one.
pub fn normalize_temporal(kind: &str, s: &str) -> Option<String> {
    use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
    let s = s.trim();
    match kind {
        "date" => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .map(|d| d.format("%Y-%m-%d").to_string()),
        "datetime" => ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(s.trim_end_matches('Z'), f).ok())
            .map(|d| d.format("%Y-%m-%d %H:%M:%S").to_string()),
        "time" => ["%H:%M:%S", "%H:%M"]
            .iter()
            .find_map(|f| NaiveTime::parse_from_str(s, f).ok())
            .map(|t| t.format("%H:%M:%S").to_string()),
        _ => None,
    }
}

/// Renders stored values for reading; caches users and lookup titles for one request.
pub struct Reader<'a> {
    conn: &'a Connection,
    users: HashMap<i64, Value>,
    titles: HashMap<i64, String>,
    tables: HashMap<i64, Option<String>>,
}

impl<'a> Reader<'a> {
    pub fn new(conn: &'a Connection) -> Self {
        Self {
            conn,
            users: HashMap::new(),
            titles: HashMap::new(),
            tables: HashMap::new(),
        }
    }

    pub fn user(&mut self, id: i64) -> Value {
        if let Some(v) = self.users.get(&id) {
            return v.clone();
        }
        let v = db::user(self.conn, id)
            .ok()
            .flatten()
            .map(|u| u.json())
            .unwrap_or_else(|| json!({"id": id, "email": "", "name": format!("User {id}")}));
        self.users.insert(id, v.clone());
        v
    }

    /// The title of a record: the value of its table's title field.
    pub fn title(&mut self, record_id: i64) -> String {
        if let Some(t) = self.titles.get(&record_id) {
            return t.clone();
        }
        let row: Option<(i64, String)> = self
            .conn
            .prepare_cached("SELECT table_id, data FROM records WHERE id = ?")
            .and_then(|mut s| s.query_row([record_id], |r| Ok((r.get(0)?, r.get(1)?))))
            .ok();
        let title = row
            .map(|(table_id, data)| {
                let field = self.title_field_of(table_id);
                let data: Map<String, Value> = serde_json::from_str(&data).unwrap_or_default();
                title_from(field.as_deref(), record_id, &data)
            })
            .unwrap_or_default();
        self.titles.insert(record_id, title.clone());
        title
    }

    fn title_field_of(&mut self, table_id: i64) -> Option<String> {
        if let Some(f) = self.tables.get(&table_id) {
            return f.clone();
        }
        let f = db::table(self.conn, table_id)
            .ok()
            .and_then(|t| t.title_field().map(|f| f.id.clone()));
        self.tables.insert(table_id, f.clone());
        f
    }

    /// A value as `record/get` shows it (§9.4).
    pub fn record_value(
        &mut self,
        field: &Field,
        record_id: i64,
        data: &Map<String, Value>,
    ) -> Value {
        let stored = data.get(&field.id).cloned().unwrap_or(Value::Null);
        match field.kind.as_str() {
            "key" => json!(record_id),
            "calc" => field
                .formula
                .as_deref()
                .and_then(|f| Formula::parse(f).ok())
                .and_then(|f| f.eval(data))
                .map(number)
                .unwrap_or(Value::Null),
            "select" => {
                let items = ids_or_strings(&stored);
                if field.multiple {
                    json!(items)
                } else {
                    items
                        .into_iter()
                        .next()
                        .map(Value::String)
                        .unwrap_or(Value::Null)
                }
            }
            "user" => {
                let users: Vec<Value> = id_list(&stored)
                    .into_iter()
                    .map(|id| self.user(id))
                    .collect();
                single_or_many(field.multiple, users)
            }
            "lookup" => {
                let items: Vec<Value> = id_list(&stored)
                    .into_iter()
                    .map(|id| json!({"id": id, "title": self.title(id)}))
                    .collect();
                single_or_many(field.multiple, items)
            }
            "file" => match stored {
                Value::Array(_) => stored,
                _ => json!([]),
            },
            _ => stored,
        }
    }

    /// Adds a field to a flat query row (§9.2): lookups as a string id plus a `<field>.json`
    /// sibling with the title(s).
    pub fn row_value(
        &mut self,
        row: &mut Map<String, Value>,
        field: &Field,
        record_id: i64,
        data: &Map<String, Value>,
    ) {
        if field.kind == "lookup" {
            let ids = id_list(data.get(&field.id).unwrap_or(&Value::Null));
            let text = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
            let titles: Vec<Value> = ids.iter().map(|id| json!(self.title(*id))).collect();
            row.insert(
                field.id.clone(),
                if ids.is_empty() {
                    Value::Null
                } else {
                    json!(text)
                },
            );
            row.insert(
                format!("{}.json", field.id),
                single_or_many(field.multiple, titles),
            );
        } else {
            let v = self.record_value(field, record_id, data);
            row.insert(field.id.clone(), v);
        }
    }

    /// Plain text of a value, for `search` and for text comparisons.
    pub fn text(&mut self, field: &Field, record_id: i64, data: &Map<String, Value>) -> String {
        let stored = data.get(&field.id).unwrap_or(&Value::Null);
        match field.kind.as_str() {
            "key" => record_id.to_string(),
            "user" => id_list(stored)
                .into_iter()
                .map(|id| {
                    let u = self.user(id);
                    format!(
                        "{} {}",
                        u.get("name").and_then(Value::as_str).unwrap_or(""),
                        u.get("email").and_then(Value::as_str).unwrap_or("")
                    )
                })
                .collect::<Vec<_>>()
                .join(" "),
            "lookup" => id_list(stored)
                .into_iter()
                .map(|id| self.title(id))
                .collect::<Vec<_>>()
                .join(" "),
            "file" => stored
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|f| f.get("name").and_then(Value::as_str))
                .collect::<Vec<_>>()
                .join(" "),
            "calc" => match self.record_value(field, record_id, data) {
                Value::Null => String::new(),
                v => v.to_string(),
            },
            _ => match stored {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                Value::Array(a) => a
                    .iter()
                    .map(|v| {
                        v.as_str()
                            .map(String::from)
                            .unwrap_or_else(|| v.to_string())
                    })
                    .collect::<Vec<_>>()
                    .join(" "),
                other => other.to_string(),
            },
        }
    }
}

pub fn title_from(title_field: Option<&str>, record_id: i64, data: &Map<String, Value>) -> String {
    title_field
        .and_then(|f| data.get(f))
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .unwrap_or_else(|| format!("#{record_id}"))
}

pub fn id_list(v: &Value) -> Vec<i64> {
    match v {
        Value::Array(a) => a.iter().filter_map(as_id).collect(),
        Value::Null => Vec::new(),
        other => as_id(other).into_iter().collect(),
    }
}

fn ids_or_strings(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a
            .iter()
            .filter_map(|s| s.as_str().map(String::from))
            .collect(),
        Value::String(s) => vec![s.clone()],
        _ => Vec::new(),
    }
}

fn single_or_many(multiple: bool, items: Vec<Value>) -> Value {
    if multiple {
        Value::Array(items)
    } else {
        items.into_iter().next().unwrap_or(Value::Null)
    }
}
