//! Members of a workspace (§6.5).

use infolobby::models::{Ack, Member};
use tauri::State;

use crate::connections::service::Connections;
use crate::error::CmdResult;

#[tauri::command]
#[specta::specta]
pub async fn list_members(
    state: State<'_, Connections>,
    connection_id: String,
    space_id: i64,
) -> CmdResult<Vec<Member>> {
    state
        .call(
            &connection_id,
            |c| async move { c.list_members(space_id).await },
        )
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_member(
    state: State<'_, Connections>,
    connection_id: String,
    space_id: i64,
    email: String,
    role: String,
) -> CmdResult<Member> {
    state
        .call(&connection_id, |c| async move {
            c.add_member(space_id, &email, &role).await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn change_member_role(
    state: State<'_, Connections>,
    connection_id: String,
    space_id: i64,
    user_id: i64,
    role: String,
) -> CmdResult<Member> {
    state
        .call(&connection_id, |c| async move {
            c.change_member_role(space_id, user_id, &role).await
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn remove_member(
    state: State<'_, Connections>,
    connection_id: String,
    space_id: i64,
    user_id: i64,
) -> CmdResult<Ack> {
    state
        .call(&connection_id, |c| async move {
            c.remove_member(space_id, user_id).await
        })
        .await
}
