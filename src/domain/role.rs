//! What an account may do. It lives here, below both `accounts` (which checks and creates
//! accounts) and `db::users` (which stores them), so that neither has to import the other for it.

use serde::{Deserialize, Serialize};

/// What an account may do. Editors create and edit records; admins also manage accounts,
/// publish and delete.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, sqlx::Type, Serialize, Deserialize, clap::ValueEnum,
)]
#[sqlx(type_name = "user_role", rename_all = "lowercase")]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Editor,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }
}
