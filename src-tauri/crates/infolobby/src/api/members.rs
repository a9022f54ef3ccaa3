//! Members of a workspace (§6.5, §20).

use serde_json::json;

use crate::client::Client;
use crate::error::Error;
use crate::models::{Ack, Member};
use crate::routes::Op;

impl Client {
    /// Members of a workspace (account keys).
    ///
    /// ```no_run
    /// # async fn demo(client: infolobby::Client) -> Result<(), infolobby::Error> {
    /// for m in client.list_members(1).await? {
    ///     println!("{} <{}>: {}", m.name, m.email, m.role);
    /// }
    /// client.add_member(1, "new@example.com", "read_write").await?;
    /// # Ok(()) }
    /// ```
    pub async fn list_members(&self, space_id: i64) -> Result<Vec<Member>, Error> {
        self.call(Op::ListMembers(space_id), &[], None).await
    }

    /// `role`: `read_only`, `read_write` or `admin`. Unknown addresses are invited.
    pub async fn add_member(
        &self,
        space_id: i64,
        email: &str,
        role: &str,
    ) -> Result<Member, Error> {
        self.call(
            Op::AddMember(space_id),
            &[],
            Some(&json!({"email": email, "role": role})),
        )
        .await
    }

    pub async fn change_member_role(
        &self,
        space_id: i64,
        user_id: i64,
        role: &str,
    ) -> Result<Member, Error> {
        self.call(
            Op::ChangeMemberRole(space_id, user_id),
            &[],
            Some(&json!({"role": role})),
        )
        .await
    }

    pub async fn remove_member(&self, space_id: i64, user_id: i64) -> Result<Ack, Error> {
        self.call(Op::RemoveMember(space_id, user_id), &[], Some(&json!({})))
            .await
    }
}
