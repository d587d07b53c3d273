//! Accounts and the audit log of logins and account changes.

use std::net::IpAddr;

use sqlx::PgConnection;
use sqlx::types::ipnetwork::IpNetwork;
use time::OffsetDateTime;

use crate::domain::Role;

#[derive(Clone)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub role: Role,
    pub password_hash: String,
    pub disabled: bool,
    pub created_at: OffsetDateTime,
}

/// Leaves the password hash out, so that no log line ever carries it.
impl std::fmt::Debug for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User").field("id", &self.id).field("email", &self.email).field("role", &self.role).finish()
    }
}

pub async fn find_by_email(conn: &mut PgConnection, email: &str) -> sqlx::Result<Option<User>> {
    sqlx::query_as!(
        User,
        r#"select id, email, role as "role: Role", password_hash, disabled, created_at from users where email = $1"#,
        email
    )
    .fetch_optional(conn)
    .await
}

pub async fn find_by_id(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<User>> {
    sqlx::query_as!(
        User,
        r#"select id, email, role as "role: Role", password_hash, disabled, created_at from users where id = $1"#,
        id
    )
    .fetch_optional(conn)
    .await
}

pub async fn list(conn: &mut PgConnection) -> sqlx::Result<Vec<User>> {
    sqlx::query_as!(
        User,
        r#"select id, email, role as "role: Role", password_hash, disabled, created_at from users order by email"#
    )
    .fetch_all(conn)
    .await
}

/// Creates an account, or `None` when the address already has one.
pub async fn create(
    conn: &mut PgConnection,
    email: &str,
    role: Role,
    password_hash: &str,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar!(
        r#"
        insert into users (email, role, password_hash) values ($1, $2, $3)
        on conflict (email) do nothing
        returning id
        "#,
        email,
        role as Role,
        password_hash
    )
    .fetch_optional(conn)
    .await
}

/// What the audit log records. (Its check constraint also allows `user_changed`, for changes
/// to accounts, which nothing makes yet.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    Login,
    LoginFailed,
    LoginThrottled,
    Logout,
    UserCreated,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::Login => "login",
            AuditAction::LoginFailed => "login_failed",
            AuditAction::LoginThrottled => "login_throttled",
            AuditAction::Logout => "logout",
            AuditAction::UserCreated => "user_created",
        }
    }
}

/// One line of the audit log. `email` is the address typed (for failures) or the account's.
pub struct AuditEntry<'a> {
    pub action: AuditAction,
    pub user_id: Option<i64>,
    pub email: Option<&'a str>,
    pub ip: Option<IpAddr>,
    pub detail: Option<serde_json::Value>,
}

pub async fn audit(conn: &mut PgConnection, entry: AuditEntry<'_>) -> sqlx::Result<()> {
    let email = entry.email.map(|e| e.chars().take(320).collect::<String>());
    sqlx::query!(
        "insert into audit_log (action, user_id, email, ip, detail) values ($1, $2, $3, $4, $5)",
        entry.action.as_str(),
        entry.user_id,
        email,
        entry.ip.map(IpNetwork::from),
        entry.detail,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Failed logins in the last `minutes` for an address, and from an IP address.
pub async fn recent_failures(
    conn: &mut PgConnection,
    email: &str,
    ip: Option<IpAddr>,
    minutes: i32,
) -> sqlx::Result<(i64, i64)> {
    let row = sqlx::query!(
        r#"
        select
            (select count(*) from audit_log
             where action = 'login_failed' and email = $1
               and at > now() - make_interval(mins => $3)) as "by_email!",
            (select count(*) from audit_log
             where action = 'login_failed' and $2::inet is not null and ip = $2
               and at > now() - make_interval(mins => $3)) as "by_ip!"
        "#,
        email,
        ip.map(IpNetwork::from),
        minutes,
    )
    .fetch_one(conn)
    .await?;
    Ok((row.by_email, row.by_ip))
}

/// A line of the audit log as the admin page lists it.
#[derive(Debug, Clone)]
pub struct AuditLine {
    pub at: OffsetDateTime,
    pub action: String,
    pub account: Option<String>,
    pub email: Option<String>,
    pub ip: Option<String>,
}

pub async fn recent_audit(conn: &mut PgConnection, limit: i64) -> sqlx::Result<Vec<AuditLine>> {
    sqlx::query_as!(
        AuditLine,
        r#"
        select a.at, a.action, u.email as "account?", a.email, host(a.ip) as ip
        from audit_log a left join users u on u.id = a.user_id
        order by a.at desc, a.id desc
        limit $1
        "#,
        limit
    )
    .fetch_all(conn)
    .await
}

/// Deletes the sessions whose time is up (idle or logged out long ago); how many went. The
/// session store only ever reads a session by its id, so without this they would stay forever.
pub async fn delete_expired_sessions(conn: &mut PgConnection) -> sqlx::Result<u64> {
    let done = sqlx::query!("delete from tower_sessions.session where expiry_date < now()").execute(conn).await?;
    Ok(done.rows_affected())
}
