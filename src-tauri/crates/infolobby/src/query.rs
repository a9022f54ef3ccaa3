//! Building record queries (§9.2): `where`, `filters` with every operator, `connector`,
//! `search`, sort, `fields`, `view_id`, paging.

use serde_json::{json, Map, Value};

/// Filter operators, sent in their canonical form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Operator {
    Eq,
    Ne,
    Gt,
    Gte,
    Lt,
    Lte,
    Contains,
    /// Sent as the legacy `NC`, the only name the API has for it (§20, ambiguity A4).
    NotContains,
    StartsWith,
    EndsWith,
    IsEmpty,
    IsNotEmpty,
}

impl Operator {
    pub fn as_str(self) -> &'static str {
        match self {
            Operator::Eq => "=",
            Operator::Ne => "!=",
            Operator::Gt => ">",
            Operator::Gte => ">=",
            Operator::Lt => "<",
            Operator::Lte => "<=",
            Operator::Contains => "contains",
            Operator::NotContains => "NC",
            Operator::StartsWith => "starts_with",
            Operator::EndsWith => "ends_with",
            Operator::IsEmpty => "is_empty",
            Operator::IsNotEmpty => "is_not_empty",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortDir {
    Asc,
    Desc,
}

/// A record query. Every part is optional; `Query::new()` matches everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    where_: Map<String, Value>,
    filters: Vec<Value>,
    search: Option<String>,
    order: Option<(String, SortDir)>,
    fields: Option<Vec<String>>,
    view_id: Option<i64>,
    pub(crate) limit: Option<u32>,
    pub(crate) offset: Option<u64>,
}

impl Query {
    pub fn new() -> Self {
        Self::default()
    }

    /// `where: {field: value}`: equality.
    pub fn where_eq(mut self, field: &str, value: impl Into<Value>) -> Self {
        self.where_.insert(field.into(), value.into());
        self
    }

    /// `where: {field: [op, value]}`.
    pub fn where_cmp(mut self, field: &str, op: Operator, value: impl Into<Value>) -> Self {
        self.where_
            .insert(field.into(), json!([op.as_str(), value.into()]));
        self
    }

    /// A filter joined to the ones before it with AND.
    pub fn filter(self, field: &str, op: Operator, value: impl Into<Value>) -> Self {
        self.push_filter(field, op, value.into(), "AND")
    }

    /// A filter joined to the ones before it with OR (evaluated left to right).
    pub fn or_filter(self, field: &str, op: Operator, value: impl Into<Value>) -> Self {
        self.push_filter(field, op, value.into(), "OR")
    }

    fn push_filter(mut self, field: &str, op: Operator, value: Value, connector: &str) -> Self {
        let mut f = serde_json::Map::new();
        f.insert("column".into(), json!(field));
        f.insert("compare".into(), json!(op.as_str()));
        f.insert("value".into(), value);
        if !self.filters.is_empty() {
            f.insert("connector".into(), json!(connector));
        }
        self.filters.push(Value::Object(f));
        self
    }

    pub fn search(mut self, text: impl Into<String>) -> Self {
        self.search = Some(text.into());
        self
    }

    pub fn order_by(mut self, field: &str, dir: SortDir) -> Self {
        self.order = Some((field.into(), dir));
        self
    }

    /// Only these columns (the key field always comes along).
    pub fn fields<I: IntoIterator<Item = S>, S: Into<String>>(mut self, fields: I) -> Self {
        self.fields = Some(fields.into_iter().map(Into::into).collect());
        self
    }

    /// Query through a saved view: its filters and sort replace this query's.
    pub fn view(mut self, view_id: i64) -> Self {
        self.view_id = Some(view_id);
        self
    }

    /// At most 1,000 (the service's maximum).
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit.min(crate::MAX_PAGE));
        self
    }

    pub fn offset(mut self, offset: u64) -> Self {
        self.offset = Some(offset);
        self
    }

    /// The filtering part only, as `records/count` takes it.
    pub fn count_body(&self) -> Value {
        let mut b = Map::new();
        if !self.where_.is_empty() {
            b.insert("where".into(), Value::Object(self.where_.clone()));
        }
        if !self.filters.is_empty() {
            b.insert("filters".into(), Value::Array(self.filters.clone()));
        }
        if let Some(s) = &self.search {
            b.insert("search".into(), json!(s));
        }
        if let Some(v) = self.view_id {
            b.insert("view_id".into(), json!(v));
        }
        Value::Object(b)
    }

    /// The whole body of `records/query`.
    pub fn body(&self) -> Value {
        let Value::Object(mut b) = self.count_body() else {
            return Value::Null;
        };
        if let Some((field, dir)) = &self.order {
            b.insert("order_by".into(), json!(field));
            let dir = if *dir == SortDir::Desc { "D" } else { "A" };
            b.insert("order_dir".into(), json!(dir));
        }
        if let Some(f) = &self.fields {
            b.insert("fields".into(), json!(f));
        }
        if let Some(l) = self.limit {
            b.insert("limit".into(), json!(l));
        }
        if let Some(o) = self.offset {
            b.insert("offset".into(), json!(o));
        }
        Value::Object(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_the_documented_body() {
        let q = Query::new()
            .where_eq("status", "Active")
            .where_cmp("age", Operator::Gt, 21)
            .filter("name", Operator::StartsWith, "A")
            .or_filter("tags", Operator::IsEmpty, Value::Null)
            .search("acme")
            .order_by("age", SortDir::Desc)
            .fields(["name"])
            .limit(5000)
            .offset(10);
        assert_eq!(
            q.body(),
            json!({
                "where": {"status": "Active", "age": [">", 21]},
                "filters": [
                    {"column": "name", "compare": "starts_with", "value": "A"},
                    {"column": "tags", "compare": "is_empty", "value": null, "connector": "OR"}],
                "search": "acme", "order_by": "age", "order_dir": "D", "fields": ["name"],
                "limit": 1000, "offset": 10
            })
        );
        assert_eq!(Query::new().view(3).count_body(), json!({"view_id": 3}));
    }
}
