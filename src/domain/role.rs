//! What an account may do. It lives here, below both `accounts` (which checks and creates
//! accounts) and `db::users` (which stores them), so that neither has to import the other for it.

use serde::{Deserialize, Serialize};

/// What an account may do, in order of rights. Viewers read what staff read (restricted fields
/// too) and change nothing but their own account; editors create and edit records; admins also
/// manage accounts, publish and delete.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, sqlx::Type, Serialize, Deserialize, clap::ValueEnum,
)]
#[sqlx(type_name = "user_role", rename_all = "lowercase")]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Viewer,
    Editor,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    /// Whether the account may change records (not only read them).
    pub fn may_change(self) -> bool {
        self >= Role::Editor
    }

    /// Whether the account may do what only admins may: publish, delete, manage accounts.
    pub fn is_admin(self) -> bool {
        self == Role::Admin
    }
}
