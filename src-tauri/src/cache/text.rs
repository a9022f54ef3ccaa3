//! What of a record is searchable, and how the words a user types become an FTS5 query that
//! cannot be read as FTS5 syntax.

use infolobby::models::{FieldValue, Table};
use serde_json::{Map, Value};

/// The words of a row's text-like fields (text, choices, people, linked titles), in field order.
pub fn searchable_text(table: &Table, row: &Map<String, Value>) -> String {
    let mut out = String::new();
    for value in table.row_values(row) {
        let mut push = |s: &str| {
            if !s.trim().is_empty() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(s);
            }
        };
        match &value {
            FieldValue::Text(s) => push(s),
            FieldValue::Select(choices) => choices.iter().for_each(|c| push(c)),
            FieldValue::Users(users) => users
                .iter()
                .filter_map(|u| u.name.as_deref().or(u.email.as_deref()))
                .for_each(push),
            FieldValue::Lookups(links) => links
                .iter()
                .filter_map(|l| l.title.as_deref())
                .for_each(push),
            _ => {}
        }
    }
    out
}

/// A title for a record known only from a query row: its first text value.
pub fn row_title(table: &Table, row: &Map<String, Value>) -> Option<String> {
    table.row_values(row).into_iter().find_map(|v| match v {
        FieldValue::Text(s) if !s.trim().is_empty() => Some(
            s.lines()
                .next()
                .unwrap_or_default()
                .chars()
                .take(200)
                .collect(),
        ),
        _ => None,
    })
}

/// `"word"*` for each word typed, all of them required: every word matches as a prefix, and
/// quotes, stars, `NEAR` or `-` in the input stay plain text. `None` when nothing is left.
pub fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = typed_words(input)
        .map(|w| format!("\"{}\"*", w.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

/// The words typed, as `fts_query` reads them.
fn typed_words(input: &str) -> impl Iterator<Item = &str> {
    input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
}

/// About a dozen words of `body` around the first one a typed word begins, with "…" where it
/// was cut: what the palette shows under a found record.
pub fn snippet(body: &str, input: &str) -> String {
    const BEFORE: usize = 3;
    const WORDS: usize = 12;
    let typed: Vec<String> = typed_words(input).map(str::to_lowercase).collect();
    let words: Vec<&str> = body.split_whitespace().collect();
    let first = words
        .iter()
        .position(|w| {
            let w = w
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            typed.iter().any(|t| w.starts_with(t.as_str()))
        })
        .unwrap_or(0);
    let from = first.saturating_sub(BEFORE);
    let to = (from + WORDS).min(words.len());
    let mut out = words.get(from..to).unwrap_or_default().join(" ");
    if from > 0 {
        out.insert(0, '…');
    }
    if to < words.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_words_never_become_fts_syntax() {
        assert_eq!(
            fts_query("lamp OR \"x\" NEAR(y)*").as_deref(),
            Some("\"lamp\"* AND \"OR\"* AND \"x\"* AND \"NEAR\"* AND \"y\"*")
        );
        assert_eq!(fts_query("  -- ** "), None);
        assert_eq!(fts_query("café").as_deref(), Some("\"café\"*"));
    }

    #[test]
    fn a_snippet_is_cut_around_the_first_word_typed() {
        let body = "one two three four five six seven eight nine ten eleven twelve thirteen Fourteen fifteen";
        assert_eq!(
            snippet(body, "fourt"),
            "…eleven twelve thirteen Fourteen fifteen"
        );
        assert_eq!(snippet("short (Lamp) text", "lamp"), "short (Lamp) text");
        assert_eq!(
            snippet(body, "zzz"),
            "one two three four five six seven eight nine ten eleven twelve…"
        );
    }
}
