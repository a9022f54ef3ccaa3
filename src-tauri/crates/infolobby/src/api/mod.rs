//! One method per operation, one file per resource: the same list as the sandbox's
//! `handlers/` and the app's `commands/`.

pub mod comments;
pub mod files;
pub mod members;
pub mod notifications;
pub mod records;
pub mod spaces;
pub mod subscriptions;
pub mod tables;
pub mod tasks;
pub mod views;
