//! Record queries (§9.2, §9.3, §20): `where`, `filters` with every operator and alias, `connector`,
//! date tokens, `search`, sorting, paging and views.

use std::cmp::Ordering;

use chrono::{Datelike, Duration, Months, NaiveDate};
use serde_json::{Map, Value};

use crate::db::Table;
use crate::error::{ApiError, ApiResult};
use crate::fields::{as_id, id_list, Reader};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Gt,
    Gte,
    Lt,
    Lte,
    Contains,
    NotContains,
    StartsWith,
    EndsWith,
    Empty,
    NotEmpty,
}

/// Canonical names, aliases and the legacy `LE`/`GE`/`NC` (§20), case-insensitively.
pub fn parse_op(s: &str) -> Option<Op> {
    Some(match s.trim().to_ascii_uppercase().as_str() {
        "=" | "==" | "EQ" => Op::Eq,
        "!=" | "<>" | "NE" | "NEQ" => Op::Ne,
        ">" | "GT" => Op::Gt,
        ">=" | "GTE" | "GE" => Op::Gte,
        "<" | "LT" => Op::Lt,
        "<=" | "LTE" | "LE" => Op::Lte,
        "CONTAINS" | "C" => Op::Contains,
        "NC" | "NOT_CONTAINS" => Op::NotContains,
        "STARTS_WITH" | "SW" => Op::StartsWith,
        "ENDS_WITH" | "EW" => Op::EndsWith,
        "IS_EMPTY" | "EMPTY" => Op::Empty,
        "IS_NOT_EMPTY" | "NEMPTY" => Op::NotEmpty,
        _ => return None,
    })
}

#[derive(Debug, Clone)]
pub struct Condition {
    pub field: String,
    pub op: Op,
    pub value: Value,
    /// Joins this condition to the ones before it with OR instead of AND.
    pub or: bool,
}

fn check_field(table: &Table, id: &str) -> ApiResult<()> {
    if table.field(id).is_none() {
        return Err(ApiError::app(format!("Invalid field for where: {id}")));
    }
    Ok(())
}

/// `where` (`{"f": v}` or `{"f": [op, v]}`) then `filters` entries.
pub fn conditions(
    table: &Table,
    where_: Option<&Value>,
    filters: Option<&Value>,
) -> ApiResult<Vec<Condition>> {
    let mut out = Vec::new();
    match where_ {
        None | Some(Value::Null) => {}
        Some(Value::Object(map)) => {
            for (field, v) in map {
                check_field(table, field)?;
                let (op, value) = match v.as_array().map(Vec::as_slice) {
                    Some([Value::String(name), value]) => {
                        let op = parse_op(name).ok_or_else(|| {
                            ApiError::app(format!("Invalid compare for where: {name}"))
                        })?;
                        (op, value.clone())
                    }
                    _ => (Op::Eq, v.clone()),
                };
                out.push(Condition {
                    field: field.clone(),
                    op,
                    value,
                    or: false,
                });
            }
        }
        Some(_) => return Err(ApiError::invalid_params()),
    }
    match filters {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for item in items {
                let o = item
                    .as_object()
                    .ok_or_else(|| ApiError::app("Invalid filter"))?;
                let field = o
                    .get("column")
                    .or_else(|| o.get("field"))
                    .and_then(Value::as_str)
                    .ok_or_else(|| ApiError::app("Invalid filter"))?;
                check_field(table, field)?;
                let name = o.get("compare").and_then(Value::as_str).unwrap_or("=");
                let op = parse_op(name)
                    .ok_or_else(|| ApiError::app(format!("Invalid compare for where: {name}")))?;
                let or = match o.get("connector").and_then(Value::as_str) {
                    None => false,
                    Some(c) if c.eq_ignore_ascii_case("and") => false,
                    Some(c) if c.eq_ignore_ascii_case("or") => true,
                    Some(_) => return Err(ApiError::app("Invalid filter")),
                };
                out.push(Condition {
                    field: field.to_string(),
                    op,
                    value: o.get("value").cloned().unwrap_or(Value::Null),
                    or,
                });
            }
        }
        Some(_) => return Err(ApiError::app("Invalid filter")),
    }
    Ok(out)
}

/// `+3d`, `-2w`, `+1m`, `-1y`: a signed count and a unit, relative to `today`. Any count that
/// does not fit, or a date past what the calendar holds, is no token at all.
fn relative_date(t: &str, today: NaiveDate) -> Option<NaiveDate> {
    let (sign, rest) = if let Some(r) = t.strip_prefix('+') {
        (1i64, r)
    } else {
        (-1i64, t.strip_prefix('-')?)
    };
    let unit = rest.chars().last()?;
    let digits = rest.strip_suffix(unit)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = digits.parse::<i64>().ok()?.checked_mul(sign)?;
    match unit {
        'd' => today.checked_add_signed(Duration::try_days(n)?),
        'w' => today.checked_add_signed(Duration::try_weeks(n)?),
        'm' | 'y' => {
            let months = if unit == 'y' { n.checked_mul(12)? } else { n };
            let m = Months::new(u32::try_from(months.unsigned_abs()).ok()?);
            if months >= 0 {
                today.checked_add_months(m)
            } else {
                today.checked_sub_months(m)
            }
        }
        _ => None,
    }
}

/// Resolves date tokens (§9.2) for date and datetime fields; other values pass through.
pub fn resolve_token(token: &str, kind: &str, today: NaiveDate, now: &str) -> Option<String> {
    let t = token.trim().to_ascii_lowercase();
    let week_start = |d: NaiveDate| {
        d.checked_sub_signed(Duration::days(i64::from(
            d.weekday().num_days_from_monday(),
        )))
    };
    let date = match t.as_str() {
        "now" if kind == "datetime" => return Some(now.to_string()),
        "today" | "now" => today,
        "yesterday" => today.pred_opt()?,
        "start_of_week" => week_start(today)?,
        "start_of_month" => today.with_day(1)?,
        "start_of_year" => NaiveDate::from_ymd_opt(today.year(), 1, 1)?,
        "start_of_last_week" => week_start(today)?.checked_sub_signed(Duration::days(7))?,
        "start_of_last_month" => today.with_day(1)?.checked_sub_months(Months::new(1))?,
        "start_of_last_year" => NaiveDate::from_ymd_opt(today.year().checked_sub(1)?, 1, 1)?,
        _ => relative_date(&t, today)?,
    };
    Some(match kind {
        "datetime" => format!("{} 00:00:00", date.format("%Y-%m-%d")),
        _ => date.format("%Y-%m-%d").to_string(),
    })
}

pub struct Evaluator<'r, 'c> {
    pub reader: &'r mut Reader<'c>,
    pub table: &'r Table,
    pub actor: i64,
    pub today: NaiveDate,
    pub now: String,
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

impl Evaluator<'_, '_> {
    pub fn matches_all(&mut self, conds: &[Condition], id: i64, data: &Map<String, Value>) -> bool {
        let mut acc: Option<bool> = None;
        for c in conds {
            let hit = self.matches(c, id, data);
            acc = Some(match acc {
                None => hit,
                Some(prev) if c.or => prev || hit,
                Some(prev) => prev && hit,
            });
        }
        acc.unwrap_or(true)
    }

    fn matches(&mut self, c: &Condition, id: i64, data: &Map<String, Value>) -> bool {
        let Some(field) = self.table.field(&c.field) else {
            return false;
        };
        let stored = data.get(&field.id).cloned().unwrap_or(Value::Null);
        let kind = field.kind.as_str();
        let value_is_empty = match kind {
            "key" => false,
            "calc" => self.reader.record_value(field, id, data).is_null(),
            _ => is_empty(&stored),
        };
        match c.op {
            Op::Empty => return value_is_empty,
            Op::NotEmpty => return !value_is_empty,
            _ => {}
        }
        match kind {
            "number" | "key" | "calc" => {
                let have = match kind {
                    "key" => Some(id as f64),
                    "calc" => self.reader.record_value(field, id, data).as_f64(),
                    _ => stored.as_f64(),
                };
                let want = match &c.value {
                    Value::Number(n) => n.as_f64(),
                    Value::String(s) => s.trim().parse().ok(),
                    _ => None,
                };
                match (have, want) {
                    (Some(h), Some(w)) => ordered(c.op, h.partial_cmp(&w), || {
                        text_op(c.op, &value_text(&stored), &value_text(&c.value))
                    }),
                    (None, _) => c.op == Op::Ne || c.op == Op::NotContains,
                    (Some(h), None) => text_op(c.op, &h.to_string(), &value_text(&c.value)),
                }
            }
            "date" | "datetime" | "time" => {
                let raw = value_text(&c.value);
                let want = resolve_token(&raw, kind, self.today, &self.now).unwrap_or(raw);
                let have = value_text(&stored);
                if have.is_empty() {
                    return c.op == Op::Ne || c.op == Op::NotContains;
                }
                // A date-only value compares with a datetime field by its day.
                let have_cmp = if kind == "datetime" && want.len() == 10 {
                    have.get(..10).unwrap_or(&have)
                } else {
                    &have
                };
                ordered(c.op, Some(have_cmp.cmp(want.as_str())), || {
                    text_op(c.op, &have, &want)
                })
            }
            "user" => {
                let ids = id_list(&stored);
                let want = match &c.value {
                    Value::String(s) if s == "@me" => Some(self.actor),
                    Value::String(s) if s.contains('@') => None,
                    other => as_id(other),
                };
                match (c.op, want) {
                    (Op::Eq, Some(w)) => ids.contains(&w),
                    (Op::Ne, Some(w)) => !ids.contains(&w),
                    _ => {
                        let text = self.reader.text(field, id, data);
                        any_text(c.op, &[text], &value_text(&c.value))
                    }
                }
            }
            "lookup" => {
                let ids = id_list(&stored);
                match (c.op, as_id(&c.value)) {
                    (Op::Eq, Some(w)) => ids.contains(&w),
                    (Op::Ne, Some(w)) => !ids.contains(&w),
                    _ => {
                        let titles: Vec<String> =
                            ids.iter().map(|i| self.reader.title(*i)).collect();
                        any_text(c.op, &titles, &value_text(&c.value))
                    }
                }
            }
            "select" => {
                let items: Vec<String> = match &stored {
                    Value::Array(a) => a.iter().map(value_text).collect(),
                    Value::Null => Vec::new(),
                    other => vec![value_text(other)],
                };
                any_text(c.op, &items, &value_text(&c.value))
            }
            _ => text_op(c.op, &value_text(&stored), &value_text(&c.value)),
        }
    }

    pub fn search(&mut self, needle: &str, id: i64, data: &Map<String, Value>) -> bool {
        let needle = needle.to_lowercase();
        self.table.fields.iter().any(|f| {
            self.reader
                .text(f, id, data)
                .to_lowercase()
                .contains(&needle)
        })
    }

    /// A sort key for `order_by`: numbers numerically, everything else by lowercase text.
    pub fn sort_key(&mut self, field_id: &str, id: i64, data: &Map<String, Value>) -> SortKey {
        let Some(field) = self.table.field(field_id) else {
            return SortKey::Null;
        };
        match field.kind.as_str() {
            "key" => SortKey::Num(id as f64),
            "number" | "calc" => match self.reader.record_value(field, id, data).as_f64() {
                Some(n) => SortKey::Num(n),
                None => SortKey::Null,
            },
            _ => {
                let t = self.reader.text(field, id, data);
                if t.is_empty() {
                    SortKey::Null
                } else {
                    SortKey::Text(t.to_lowercase())
                }
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, PartialOrd)]
pub enum SortKey {
    Null,
    Num(f64),
    Text(String),
}

pub fn compare_keys(a: &SortKey, b: &SortKey) -> Ordering {
    a.partial_cmp(b).unwrap_or(Ordering::Equal)
}

fn ordered(op: Op, ord: Option<Ordering>, text: impl FnOnce() -> bool) -> bool {
    match (op, ord) {
        (Op::Eq, Some(o)) => o == Ordering::Equal,
        (Op::Ne, Some(o)) => o != Ordering::Equal,
        (Op::Gt, Some(o)) => o == Ordering::Greater,
        (Op::Gte, Some(o)) => o != Ordering::Less,
        (Op::Lt, Some(o)) => o == Ordering::Less,
        (Op::Lte, Some(o)) => o != Ordering::Greater,
        _ => text(),
    }
}

/// Text comparison as MySQL's default collation does it: case-insensitive.
fn text_op(op: Op, have: &str, want: &str) -> bool {
    let (h, w) = (have.to_lowercase(), want.to_lowercase());
    match op {
        Op::Eq => h == w,
        Op::Ne => h != w,
        Op::Gt => h > w,
        Op::Gte => h >= w,
        Op::Lt => h < w,
        Op::Lte => h <= w,
        Op::Contains => h.contains(&w),
        Op::NotContains => !h.contains(&w),
        Op::StartsWith => h.starts_with(&w),
        Op::EndsWith => h.ends_with(&w),
        Op::Empty => h.is_empty(),
        Op::NotEmpty => !h.is_empty(),
    }
}

/// Multi-valued fields match when any value matches; negations when none does.
fn any_text(op: Op, items: &[String], want: &str) -> bool {
    match op {
        Op::Ne => !items.iter().any(|i| text_op(Op::Eq, i, want)),
        Op::NotContains => !items.iter().any(|i| text_op(Op::Contains, i, want)),
        _ => items.iter().any(|i| text_op(op, i, want)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_tokens_resolve_relative_to_today() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 18).unwrap_or_default(); // a Wednesday
        let r = |t: &str| resolve_token(t, "date", today, "2026-11-18 10:00:00");
        assert_eq!(r("today").as_deref(), Some("2026-11-18"));
        assert_eq!(r("yesterday").as_deref(), Some("2026-11-17"));
        assert_eq!(r("start_of_week").as_deref(), Some("2026-11-16"));
        assert_eq!(r("start_of_month").as_deref(), Some("2026-11-01"));
        assert_eq!(r("start_of_year").as_deref(), Some("2026-01-01"));
        assert_eq!(r("start_of_last_week").as_deref(), Some("2026-11-09"));
        assert_eq!(r("start_of_last_month").as_deref(), Some("2026-10-01"));
        assert_eq!(r("start_of_last_year").as_deref(), Some("2025-01-01"));
        assert_eq!(r("-3d").as_deref(), Some("2026-11-15"));
        assert_eq!(r("+2w").as_deref(), Some("2026-12-02"));
        assert_eq!(r("-1m").as_deref(), Some("2026-10-18"));
        assert_eq!(r("+1y").as_deref(), Some("2027-11-18"));
        assert_eq!(r("2026-01-05"), None);
        assert_eq!(
            resolve_token("now", "datetime", today, "2026-11-18 10:00:00").as_deref(),
            Some("2026-11-18 10:00:00")
        );
    }

    #[test]
    fn every_operator_and_alias_parses() {
        for (names, op) in [
            (&["=", "EQ", "eq"][..], Op::Eq),
            (&["!=", "NE", "NEQ"][..], Op::Ne),
            (&[">", "GT"][..], Op::Gt),
            (&[">=", "GTE", "GE"][..], Op::Gte),
            (&["<", "LT"][..], Op::Lt),
            (&["<=", "LTE", "LE"][..], Op::Lte),
            (&["contains", "C", "CONTAINS"][..], Op::Contains),
            (&["NC"][..], Op::NotContains),
            (&["starts_with", "SW", "STARTS_WITH"][..], Op::StartsWith),
            (&["ends_with", "EW", "ENDS_WITH"][..], Op::EndsWith),
            (&["is_empty", "EMPTY", "IS_EMPTY"][..], Op::Empty),
            (
                &["is_not_empty", "NEMPTY", "IS_NOT_EMPTY"][..],
                Op::NotEmpty,
            ),
        ] {
            for n in names {
                assert_eq!(parse_op(n), Some(op), "{n}");
            }
        }
        assert_eq!(parse_op("LIKE"), None);
    }
}
