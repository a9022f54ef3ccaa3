//! Whom a user can mention or assign a task to in a workspace. Account keys list the members
//! (§6.5). Personal keys may not, so for them the people are those the key can see in the
//! workspace's user fields; the page adds the authors of the comments it shows.

use std::collections::BTreeMap;

use infolobby::models::{Member, UserRef};
use infolobby::{FieldValue, Query};
use serde::Serialize;
use tauri::State;

use crate::connections::service::Connections;
use crate::error::{CmdResult, ErrorCode};

/// One person of a workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Person {
    pub user_id: i64,
    pub name: String,
    pub email: Option<String>,
}

/// The people of a workspace, and whether they are its full member list.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct People {
    pub people: Vec<Person>,
    /// False when the key may not list members and the people were gathered from records.
    pub complete: bool,
}

/// Records read per table when gathering people: one page, enough to know a team.
const ROWS_PER_TABLE: u32 = 1000;

fn from_members(members: Vec<Member>) -> Vec<Person> {
    members
        .into_iter()
        .map(|m| Person {
            name: if m.name.trim().is_empty() {
                m.email.clone()
            } else {
                m.name
            },
            email: (!m.email.is_empty()).then_some(m.email),
            user_id: m.user_id,
        })
        .collect()
}

/// Adds the users of `refs` to `seen`, by id; a ref without an id cannot be mentioned.
fn add_seen(seen: &mut BTreeMap<i64, Person>, refs: Vec<UserRef>) {
    for u in refs {
        let Some(id) = u.id else { continue };
        let name = u
            .name
            .filter(|n| !n.trim().is_empty())
            .or_else(|| u.email.clone())
            .unwrap_or_else(|| format!("User {id}"));
        seen.entry(id).or_insert(Person {
            user_id: id,
            name,
            email: u.email,
        });
    }
}

async fn seen_in_records(
    state: &Connections,
    connection_id: &str,
    space_id: i64,
) -> CmdResult<Vec<Person>> {
    let tables = state
        .call(
            connection_id,
            |c| async move { c.list_tables(space_id).await },
        )
        .await?;
    let mut seen = BTreeMap::new();
    for summary in tables {
        let table_id = summary.id;
        let table = state
            .call(
                connection_id,
                |c| async move { c.get_table(table_id).await },
            )
            .await?;
        let user_fields: Vec<_> = table
            .fields
            .iter()
            .filter(|f| f.kind == "user")
            .cloned()
            .collect();
        if user_fields.is_empty() {
            continue;
        }
        let query = Query::new()
            .fields(user_fields.iter().map(|f| f.id.clone()))
            .limit(ROWS_PER_TABLE);
        let rows = state
            .call(connection_id, |c| async move {
                c.query_records(table_id, &query).await
            })
            .await?;
        for row in &rows {
            for field in &user_fields {
                if let FieldValue::Users(users) = FieldValue::read(field, row.get(&field.id), None)
                {
                    add_seen(&mut seen, users);
                }
            }
        }
    }
    Ok(seen.into_values().collect())
}

#[tauri::command]
#[specta::specta]
pub async fn list_people(
    state: State<'_, Connections>,
    connection_id: String,
    space_id: i64,
) -> CmdResult<People> {
    let may_list = state
        .get(&connection_id)?
        .capabilities
        .manage_tables_and_members;
    if may_list {
        match state
            .call(
                &connection_id,
                |c| async move { c.list_members(space_id).await },
            )
            .await
        {
            Ok(members) => {
                return Ok(People {
                    people: from_members(members),
                    complete: true,
                })
            }
            // A key restricted after it was added: fall back to what it can read.
            Err(e) if e.code == ErrorCode::Forbidden => {}
            Err(e) => return Err(e),
        }
    }
    Ok(People {
        people: seen_in_records(&state, &connection_id, space_id).await?,
        complete: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seen_users_are_kept_once_by_id_with_a_name() {
        let mut seen = BTreeMap::new();
        let u = |id: Option<i64>, name: Option<&str>, email: Option<&str>| UserRef {
            id,
            name: name.map(Into::into),
            email: email.map(Into::into),
        };
        add_seen(
            &mut seen,
            vec![
                u(Some(3), Some("Bob"), Some("bob@x")),
                u(Some(3), Some("Bobby"), None),
                u(None, Some("Nobody"), None),
                u(Some(4), Some(" "), Some("eve@x")),
                u(Some(5), None, None),
            ],
        );
        let names: Vec<_> = seen.values().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Bob", "eve@x", "User 5"]);
    }
}
