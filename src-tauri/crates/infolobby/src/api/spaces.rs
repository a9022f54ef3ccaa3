//! Workspaces (§6).

use serde_json::{json, Map, Value};

use crate::client::Client;
use crate::error::Error;
use crate::models::{Ack, Space};
use crate::routes::Op;

impl Client {
    /// Workspaces the key can see (a restricted key: only its own).
    ///
    /// ```no_run
    /// # async fn demo(client: infolobby::Client) -> Result<(), infolobby::Error> {
    /// for space in client.list_spaces().await? {
    ///     for table in client.list_tables(space.id).await? {
    ///         println!("{} / {}", space.name, table.name);
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn list_spaces(&self) -> Result<Vec<Space>, Error> {
        self.call(Op::ListSpaces, &[], None).await
    }

    pub async fn get_space(&self, space_id: i64) -> Result<Space, Error> {
        self.call(Op::GetSpace(space_id), &[], None).await
    }

    /// `settings`: the optional create fields of §6.3 (`settings_color`, `folder_name`, …).
    pub async fn create_space(
        &self,
        name: &str,
        settings: Map<String, Value>,
    ) -> Result<Space, Error> {
        let mut body = settings;
        body.insert("name".into(), json!(name));
        self.call(Op::CreateSpace, &[], Some(&Value::Object(body)))
            .await
    }

    pub async fn update_space(
        &self,
        space_id: i64,
        changes: Map<String, Value>,
    ) -> Result<Space, Error> {
        self.call(
            Op::UpdateSpace(space_id),
            &[],
            Some(&Value::Object(changes)),
        )
        .await
    }

    pub async fn delete_space(&self, space_id: i64) -> Result<Ack, Error> {
        self.call(Op::DeleteSpace(space_id), &[], Some(&json!({})))
            .await
    }
}
