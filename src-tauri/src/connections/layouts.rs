//! How each table's grid is laid out, per connection (`table-layouts.json` in the config
//! directory): column order, hidden columns, widths and the frozen first column.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::json_file::{FileError, JsonFile};

/// Bounds on what the window may store, whatever it sends.
const MAX_COLUMNS: usize = 500;
const MAX_ID_LEN: usize = 100;
const MAX_TABLES_PER_CONNECTION: usize = 2000;
pub const MIN_WIDTH: u32 = 48;
pub const MAX_WIDTH: u32 = 1200;

/// One table's grid layout. Fields the layout does not name (added since) show after the
/// named ones, in schema order; names of fields that no longer exist are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct TableLayout {
    /// Field ids in the order the columns show.
    pub order: Vec<String>,
    /// Field ids of hidden columns.
    pub hidden: Vec<String>,
    /// Column widths in CSS pixels, by field id.
    pub widths: BTreeMap<String, u32>,
    /// The first shown column stays put while the grid scrolls sideways.
    pub freeze_first: bool,
}

impl Default for TableLayout {
    fn default() -> Self {
        Self {
            order: Vec::new(),
            hidden: Vec::new(),
            widths: BTreeMap::new(),
            freeze_first: true,
        }
    }
}

fn ids(mut list: Vec<String>) -> Vec<String> {
    list.retain(|id| !id.is_empty() && id.len() <= MAX_ID_LEN);
    list.truncate(MAX_COLUMNS);
    list
}

impl TableLayout {
    /// Keeps what the window sent within bounds the app can live with.
    pub fn sanitized(self) -> Self {
        Self {
            order: ids(self.order),
            hidden: ids(self.hidden),
            widths: self
                .widths
                .into_iter()
                .filter(|(id, _)| !id.is_empty() && id.len() <= MAX_ID_LEN)
                .take(MAX_COLUMNS)
                .map(|(id, w)| (id, w.clamp(MIN_WIDTH, MAX_WIDTH)))
                .collect(),
            freeze_first: self.freeze_first,
        }
    }
}

/// Connection id → table id → layout.
type Layouts = HashMap<String, HashMap<String, TableLayout>>;

#[derive(Debug, Clone)]
pub struct LayoutStore {
    file: JsonFile,
}

impl LayoutStore {
    pub fn new(config_dir: &Path) -> Self {
        Self {
            file: JsonFile::new(config_dir, "table-layouts.json"),
        }
    }

    pub fn get(&self, connection_id: &str, table_id: i64) -> Result<TableLayout, FileError> {
        let all: Layouts = self.file.load()?;
        Ok(all
            .get(connection_id)
            .and_then(|tables| tables.get(&table_id.to_string()))
            .cloned()
            .map(TableLayout::sanitized)
            .unwrap_or_default())
    }

    pub fn save(
        &self,
        connection_id: &str,
        table_id: i64,
        layout: TableLayout,
    ) -> Result<TableLayout, FileError> {
        let layout = layout.sanitized();
        self.file.update(|all: &mut Layouts| {
            let tables = all.entry(connection_id.to_string()).or_default();
            let key = table_id.to_string();
            if tables.len() < MAX_TABLES_PER_CONNECTION || tables.contains_key(&key) {
                tables.insert(key, layout.clone());
            }
        })?;
        Ok(layout)
    }

    /// Drops the layouts of a removed connection.
    pub fn forget(&self, connection_id: &str) -> Result<(), FileError> {
        self.file.update(|all: &mut Layouts| {
            all.remove(connection_id);
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_are_kept_per_connection_and_table_and_bounded() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let store = LayoutStore::new(dir.path());
        assert!(
            store.get("c1", 3).unwrap_or_default().freeze_first,
            "frozen by default"
        );
        let layout = TableLayout {
            order: vec!["b".into(), "a".into(), String::new(), "x".repeat(500)],
            hidden: vec!["c".into()],
            widths: [("a".to_string(), 5), ("b".to_string(), 99_999)].into(),
            freeze_first: false,
        };
        let saved = store.save("c1", 3, layout).unwrap_or_default();
        assert_eq!(saved.order, vec!["b", "a"]);
        assert_eq!(saved.widths.get("a"), Some(&MIN_WIDTH));
        assert_eq!(saved.widths.get("b"), Some(&MAX_WIDTH));
        assert_eq!(store.get("c1", 3).unwrap_or_default(), saved);
        assert_eq!(
            store.get("c1", 4).unwrap_or_default(),
            TableLayout::default()
        );
        assert_eq!(
            store.get("c2", 3).unwrap_or_default(),
            TableLayout::default()
        );
        store.forget("c1").unwrap_or_default();
        assert_eq!(
            store.get("c1", 3).unwrap_or_default(),
            TableLayout::default()
        );
    }
}
