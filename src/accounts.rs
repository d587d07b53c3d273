//! Accounts: roles, e-mail addresses, the password policy, and Argon2id hashing off the async
//! threads (hashing takes tens of milliseconds of CPU on purpose).

use std::sync::LazyLock;

pub mod two_factor;

/// Re-exported: the role is a plain value kept in `domain`, so that `db::users` can store it
/// without importing this module (which imports `db::users`).
pub use crate::domain::Role;

/// The hash of a random string nobody knows, checked for unknown accounts: only its cost matters.
static DECOY: LazyLock<String> = LazyLock::new(|| password_auth::generate_hash(uuid::Uuid::new_v4().to_string()));

/// Shortest password accepted: long passphrases beat complexity rules.
pub const MIN_PASSWORD_CHARS: usize = 12;
pub const MAX_PASSWORD_CHARS: usize = 1024;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccountError {
    #[error("“{0}” is not an e-mail address")]
    BadEmail(String),
    #[error("a password needs at least {MIN_PASSWORD_CHARS} characters")]
    PasswordTooShort,
    #[error("a password may have at most {MAX_PASSWORD_CHARS} characters")]
    PasswordTooLong,
}

/// An address folded to lower case, as accounts are stored and looked up.
pub fn normalise_email(typed: &str) -> Result<String, AccountError> {
    let email = typed.trim().to_lowercase();
    let ok = email.len() <= 254
        && email
            .split_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && !domain.is_empty() && !domain.contains('@'))
        && !email.chars().any(char::is_whitespace);
    if ok { Ok(email) } else { Err(AccountError::BadEmail(typed.trim().chars().take(100).collect())) }
}

pub fn check_password(password: &str) -> Result<(), AccountError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        Err(AccountError::PasswordTooShort)
    } else if chars > MAX_PASSWORD_CHARS {
        Err(AccountError::PasswordTooLong)
    } else {
        Ok(())
    }
}

/// An Argon2id PHC string for `password`.
pub async fn hash_password(password: String) -> anyhow::Result<String> {
    Ok(tokio::task::spawn_blocking(move || password_auth::generate_hash(password)).await?)
}

/// Whether `password` matches `hash`. With no hash (unknown account) a fixed hash is checked
/// instead, so that an unknown address takes as long to refuse as a wrong password.
pub async fn verify_password(password: String, hash: Option<String>) -> anyhow::Result<bool> {
    let known = hash.is_some();
    let matches = tokio::task::spawn_blocking(move || {
        let hash = hash.unwrap_or_else(|| DECOY.clone());
        password_auth::verify_password(password, &hash).is_ok()
    })
    .await?;
    Ok(known && matches)
}

/// Creates an account after checking the address and the password; records it in the audit log.
pub async fn create_user(pool: &sqlx::PgPool, email: &str, role: Role, password: String) -> anyhow::Result<i64> {
    let email = normalise_email(email)?;
    check_password(&password)?;
    let hash = hash_password(password).await?;
    let mut tx = pool.begin().await?;
    let Some(id) = crate::db::users::create(&mut tx, &email, role, &hash).await? else {
        anyhow::bail!("{email} already has an account");
    };
    let detail = serde_json::json!({ "role": role.as_str(), "by": "command line" });
    let entry = crate::db::users::AuditEntry {
        action: crate::db::users::AuditAction::UserCreated,
        user_id: Some(id),
        email: Some(&email),
        ip: None,
        detail: Some(detail),
    };
    crate::db::users::audit(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(id)
}

/// A change to an existing account, made from the command line or by an admin. (No `Debug`:
/// it may carry a password.) Each ends the account's sessions except `Enable`.
pub enum AccountChange {
    Disable,
    Enable,
    /// A new password, checked like a first one.
    ResetPassword(String),
    EndSessions,
    /// The second factor and recovery codes are cleared: the user sets up a new one at their
    /// next login (after a lost phone).
    ResetSecondFactor,
}

impl AccountChange {
    /// How the audit log names it.
    pub fn key(&self) -> &'static str {
        match self {
            AccountChange::Disable => "disabled",
            AccountChange::Enable => "enabled",
            AccountChange::ResetPassword(_) => "password_reset",
            AccountChange::EndSessions => "sessions_ended",
            AccountChange::ResetSecondFactor => "second_factor_reset",
        }
    }
}

/// Changes the account of `email` in one transaction with its line in the audit log, which says
/// what changed and `by` whom (`"command line"`, or an admin's address).
pub async fn change_account(pool: &sqlx::PgPool, email: &str, change: AccountChange, by: &str) -> anyhow::Result<()> {
    use crate::db::users;
    let email = normalise_email(email)?;
    let key = change.key();
    // The password is checked and hashed before the transaction opens.
    let new_hash = match &change {
        AccountChange::ResetPassword(password) => {
            check_password(password)?;
            Some(hash_password(password.clone()).await?)
        }
        _ => None,
    };
    let mut tx = pool.begin().await?;
    let Some(user) = users::find_by_email(&mut tx, &email).await? else {
        anyhow::bail!("{email} has no account");
    };
    match change {
        AccountChange::Disable => users::set_disabled(&mut tx, user.id, true).await?,
        AccountChange::Enable => users::set_disabled(&mut tx, user.id, false).await?,
        AccountChange::ResetPassword(_) => users::set_password(&mut tx, user.id, &new_hash.unwrap_or_default()).await?,
        AccountChange::EndSessions => {}
        AccountChange::ResetSecondFactor => users::set_second_factor(&mut tx, user.id, None, &[]).await?,
    }
    if key != "enabled" {
        users::end_sessions(&mut tx, user.id, None, None).await?;
    }
    account_audit(&mut tx, &user, serde_json::json!({ "change": key, "by": by })).await?;
    tx.commit().await?;
    Ok(())
}

/// A `user_changed` line of the audit log for `user`.
pub async fn account_audit(
    conn: &mut sqlx::PgConnection,
    user: &crate::db::users::User,
    detail: serde_json::Value,
) -> sqlx::Result<()> {
    use crate::db::users;
    let entry = users::AuditEntry {
        action: users::AuditAction::UserChanged,
        user_id: Some(user.id),
        email: Some(&user.email),
        ip: None,
        detail: Some(detail),
    };
    users::audit(conn, entry).await
}

/// Sets up `user`'s second factor with `secret`, confirmed by a code of time step `step`: new
/// recovery codes replace any old ones, and are returned to be shown once.
pub async fn enrol_second_factor(
    pool: &sqlx::PgPool,
    user: &crate::db::users::User,
    secret: &[u8],
    step: i64,
) -> anyhow::Result<Vec<String>> {
    let codes = two_factor::new_recovery_codes();
    let hashes = two_factor::hash_recovery_codes(&codes).await?;
    let mut tx = pool.begin().await?;
    crate::db::users::set_second_factor(&mut tx, user.id, Some((secret, step)), &hashes).await?;
    account_audit(&mut tx, user, serde_json::json!({ "change": "second_factor_enrolled", "by": user.email })).await?;
    tx.commit().await?;
    Ok(codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_fold_to_lower_case_and_junk_is_refused() {
        assert_eq!(normalise_email("  Editor@Example.ORG ").unwrap(), "editor@example.org");
        for bad in ["", "no-at-sign", "@example.org", "a@", "a b@example.org", "a@b@c"] {
            assert!(normalise_email(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn passwords_need_length_not_tricks() {
        assert_eq!(check_password("short"), Err(AccountError::PasswordTooShort));
        assert!(check_password("correct horse battery staple").is_ok());
        assert!(check_password("дванаццаць літар").is_ok(), "characters, not bytes, count");
    }

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let hash = hash_password("correct horse battery staple".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery staple".into(), Some(hash.clone())).await.unwrap());
        assert!(!verify_password("wrong horse battery staple".into(), Some(hash)).await.unwrap());
        assert!(!verify_password("anything at all".into(), None).await.unwrap(), "no account, no entry");
    }
}
