//! What SQL can do of a record query before the evaluator (`query.rs`) sees a row: the order of
//! an unfiltered query, and a WHERE clause that keeps every row the conditions could match (a
//! superset, never fewer), so that the evaluator, which stays the one reading of the rules,
//! decodes only the candidates.

use rusqlite::types::Value as SqlValue;
use serde_json::Value;

use crate::db::Table;
use crate::query::{resolve_token, Condition, Op};

/// The WHERE fragment for `conds`, or `None` when SQL cannot narrow them. `params` gets the
/// values its placeholders take, in order.
pub fn prefilter(
    t: &Table,
    conds: &[Condition],
    today: chrono::NaiveDate,
    now: &str,
    params: &mut Vec<SqlValue>,
) -> Option<String> {
    let mut acc: Option<String> = None;
    let mut any = false;
    for c in conds {
        let mine = condition(t, c, today, now, params);
        any |= mine.is_some();
        let mine = mine.unwrap_or_else(|| "1".into());
        acc = Some(match acc {
            None => format!("({mine})"),
            Some(prev) if c.or => format!("({prev} OR {mine})"),
            Some(prev) => format!("({prev} AND {mine})"),
        });
    }
    acc.filter(|_| any)
}

fn cmp(op: Op) -> Option<&'static str> {
    Some(match op {
        Op::Eq => "=",
        Op::Gt => ">",
        Op::Gte => ">=",
        Op::Lt => "<",
        Op::Lte => "<=",
        _ => return None,
    })
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// `'$.field'` for a field whose id SQL can name safely. Ids are generated as `[a-z0-9_]`;
/// anything else is left to the evaluator rather than risk a malformed JSON path.
fn json_path(field: &crate::fields::Field) -> Option<String> {
    field
        .id
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        .then(|| format!("'$.{}'", field.id))
}

/// How SQL alone orders a query with no conditions and no search, so that a page costs its own
/// rows and not the whole table's. `None`: the order needs the evaluator (users, lookups,
/// selects and calcs sort by text SQL does not hold).
pub fn order(
    t: &Table,
    conds: &[Condition],
    search: Option<&str>,
    order_by: Option<&str>,
    desc: bool,
) -> Option<String> {
    if !conds.is_empty() || search.is_some() {
        return None;
    }
    let dir = if desc { "DESC" } else { "ASC" };
    let Some(field_id) = order_by else {
        return Some(format!("id {dir}"));
    };
    let field = t.field(field_id)?;
    if field.is_key() {
        return Some(format!("id {dir}"));
    }
    let path = json_path(field)?;
    // The same keys as `Evaluator::sort_key`: empty sorts first, then numbers, then lowercase
    // text; equal keys keep id order in both directions (its sort is stable).
    let key = match field.kind.as_str() {
        "number" => format!(
            "CASE WHEN json_type(data, {path}) IN ('integer', 'real') THEN json_extract(data, {path}) END"
        ),
        // SQLite's lower() folds ASCII only; a non-ASCII value may sort apart from the evaluator.
        "text" | "textarea" | "date" | "datetime" | "time" => format!(
            "CASE WHEN json_type(data, {path}) = 'text' AND json_extract(data, {path}) <> '' \
             THEN lower(json_extract(data, {path})) END"
        ),
        _ => return None,
    };
    Some(format!("{key} {dir}, id ASC"))
}

fn condition(
    t: &Table,
    c: &Condition,
    today: chrono::NaiveDate,
    now: &str,
    params: &mut Vec<SqlValue>,
) -> Option<String> {
    let field = t.field(&c.field)?;
    let path = json_path(field)?;
    match field.kind.as_str() {
        "key" => {
            let op = cmp(c.op)?;
            params.push(SqlValue::Real(number(&c.value)?));
            Some(format!("id {op} ?"))
        }
        "number" => {
            let op = cmp(c.op)?;
            params.push(SqlValue::Real(number(&c.value)?));
            Some(format!(
                "(json_type(data, {path}) IN ('integer', 'real') AND json_extract(data, {path}) {op} ?)"
            ))
        }
        "date" | "datetime" | "time" => {
            let op = cmp(c.op)?;
            let raw = text(&c.value);
            let want = resolve_token(&raw, &field.kind, today, now).unwrap_or(raw);
            // The evaluator compares a datetime with a day by the day (its first ten bytes).
            let have = if field.kind == "datetime" && want.len() == 10 {
                format!("substr(json_extract(data, {path}), 1, 10)")
            } else {
                format!("json_extract(data, {path})")
            };
            params.push(SqlValue::Text(want));
            // A value stored as something other than text is the evaluator's to judge.
            Some(format!(
                "(json_type(data, {path}) IS NOT 'text' OR {have} {op} ?)"
            ))
        }
        "text" | "textarea" | "select" => {
            if !matches!(c.op, Op::Eq | Op::Contains | Op::StartsWith | Op::EndsWith) {
                return None;
            }
            let want = text(&c.value).to_lowercase();
            // SQLite's lower() folds ASCII only, and an empty needle narrows nothing.
            if want.is_empty() || !want.is_ascii() {
                return None;
            }
            // A match has the value in the stored JSON, escaped as serde_json escapes it.
            let escaped = serde_json::to_string(&want).ok()?;
            let inner = escaped.get(1..escaped.len().saturating_sub(1))?.to_string();
            params.push(SqlValue::Text(inner));
            Some("instr(lower(data), ?) > 0".into())
        }
        _ => None,
    }
}
