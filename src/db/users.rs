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
    /// When the account set up its second factor; `None` until it has.
    pub totp_enrolled_at: Option<OffsetDateTime>,
    /// What other staff see of the account (history, conflicts): the display name it chose, or
    /// "Staff <id>".
    pub name: String,
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
        r#"select id, email, role as "role: Role", password_hash, disabled, created_at, totp_enrolled_at,
                  coalesce(display_name, 'Staff ' || id) as "name!" from users where email = $1"#,
        email
    )
    .fetch_optional(conn)
    .await
}

pub async fn find_by_id(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<User>> {
    sqlx::query_as!(
        User,
        r#"select id, email, role as "role: Role", password_hash, disabled, created_at, totp_enrolled_at,
                  coalesce(display_name, 'Staff ' || id) as "name!" from users where id = $1"#,
        id
    )
    .fetch_optional(conn)
    .await
}

pub async fn list(conn: &mut PgConnection) -> sqlx::Result<Vec<User>> {
    sqlx::query_as!(
        User,
        r#"select id, email, role as "role: Role", password_hash, disabled, created_at, totp_enrolled_at,
                  coalesce(display_name, 'Staff ' || id) as "name!" from users order by email"#
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

/// What the audit log records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    Login,
    LoginFailed,
    LoginThrottled,
    Logout,
    UserCreated,
    /// Disabled, enabled, a new password, sessions ended, a second factor set up or reset:
    /// `detail` says which and by whom.
    UserChanged,
    /// A staff member opened a record whose restricted or internal fields are filled in:
    /// `detail` names the record and the fields.
    RestrictedViewed,
    /// An admin downloaded the backup file (`db::backup`).
    BackupExported,
    /// An admin approved or rejected an editor's change (`db::review`).
    ChangeApproved,
    ChangeRejected,
    /// A deleted person's case was purged from the trash (`db::trash`), 30 days after the
    /// deletion: by an admin's visit to the trash page, or by the server at startup.
    TrashPurged,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::Login => "login",
            AuditAction::LoginFailed => "login_failed",
            AuditAction::LoginThrottled => "login_throttled",
            AuditAction::Logout => "logout",
            AuditAction::UserCreated => "user_created",
            AuditAction::UserChanged => "user_changed",
            AuditAction::RestrictedViewed => "restricted_viewed",
            AuditAction::BackupExported => "backup_exported",
            AuditAction::ChangeApproved => "change_approved",
            AuditAction::ChangeRejected => "change_rejected",
            AuditAction::TrashPurged => "trash_purged",
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

impl<'a> AuditEntry<'a> {
    /// What `user` did, with `detail` (the client's address left to the caller: `ip`).
    pub fn by(user: &'a User, action: AuditAction, detail: Option<serde_json::Value>) -> Self {
        AuditEntry { action, user_id: Some(user.id), email: Some(&user.email), ip: None, detail }
    }
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
    /// For a view of hidden fields: the record and the fields (`person 12: internal_notes`).
    pub record: Option<String>,
}

pub async fn recent_audit(conn: &mut PgConnection, limit: i64) -> sqlx::Result<Vec<AuditLine>> {
    sqlx::query_as!(
        AuditLine,
        r#"
        select a.at, a.action, u.email as "account?", a.email, host(a.ip) as ip,
               case when a.action = 'restricted_viewed' then
                   concat(a.detail ->> 'record', ' ', a.detail ->> 'id', ': ',
                          (select string_agg(f, ', ') from jsonb_array_elements_text(a.detail -> 'fields') f))
                    when a.action = 'trash_purged' then concat('person ', a.detail ->> 'person')
               end as record
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
pub async fn delete_expired_sessions(conn: &mut PgConnection, idle_minutes: i64) -> sqlx::Result<u64> {
    let done = sqlx::query!("delete from tower_sessions.session where expiry_date < now()").execute(&mut *conn).await?;
    sqlx::query!("delete from staff_sessions where seen_at < now() - make_interval(mins => $1)", idle_minutes as i32)
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}

/// Disables or enables an account: a disabled one cannot log in, and its sessions open nothing.
pub async fn set_disabled(conn: &mut PgConnection, id: i64, disabled: bool) -> sqlx::Result<()> {
    sqlx::query!("update users set disabled = $2 where id = $1", id, disabled).execute(conn).await?;
    Ok(())
}

/// The longest display name.
pub const MAX_DISPLAY_NAME: usize = 80;

/// Sets the name other staff see (`None`: "Staff <id>").
pub async fn set_display_name(conn: &mut PgConnection, id: i64, name: Option<&str>) -> sqlx::Result<()> {
    sqlx::query!("update users set display_name = $2 where id = $1", id, name).execute(conn).await?;
    Ok(())
}

/// Gives an account a new password hash.
pub async fn set_password(conn: &mut PgConnection, id: i64, password_hash: &str) -> sqlx::Result<()> {
    sqlx::query!("update users set password_hash = $2 where id = $1", id, password_hash).execute(conn).await?;
    Ok(())
}

/// The account's TOTP secret and the last time step a code was accepted for.
pub async fn second_factor(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<(Vec<u8>, Option<i64>)>> {
    let row =
        sqlx::query!("select totp_secret, totp_last_step from users where id = $1", id).fetch_optional(conn).await?;
    Ok(row.and_then(|r| Some((r.totp_secret?, r.totp_last_step))))
}

/// Sets up a second factor (or replaces it): the secret, the step of the code that confirmed
/// it, and new recovery codes (their hashes) in place of any old ones. `None` clears it.
pub async fn set_second_factor(
    conn: &mut PgConnection,
    id: i64,
    factor: Option<(&[u8], i64)>,
    recovery_hashes: &[String],
) -> sqlx::Result<()> {
    sqlx::query!(
        "update users set totp_secret = $2, totp_last_step = $3,
             totp_enrolled_at = case when $2::bytea is null then null else now() end
         where id = $1",
        id,
        factor.map(|f| f.0),
        factor.map(|f| f.1),
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!("delete from recovery_codes where user_id = $1", id).execute(&mut *conn).await?;
    sqlx::query!("insert into recovery_codes (user_id, code_hash) select $1, unnest($2::text[])", id, recovery_hashes)
        .execute(conn)
        .await?;
    Ok(())
}

/// Accepts a code of time step `step` once: whether no code of this step or a later one was
/// accepted before (a code seen once, by an observer too, is spent).
pub async fn spend_step(conn: &mut PgConnection, id: i64, step: i64) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "update users set totp_last_step = $2 where id = $1 and (totp_last_step is null or totp_last_step < $2)",
        id,
        step
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The account's unused recovery codes: id and hash.
pub async fn unused_recovery_codes(conn: &mut PgConnection, user_id: i64) -> sqlx::Result<Vec<(i64, String)>> {
    let rows = sqlx::query!("select id, code_hash from recovery_codes where user_id = $1 and used_at is null", user_id)
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.code_hash)).collect())
}

/// Marks a recovery code used; whether it was still unused (two racing uses: one wins).
pub async fn spend_recovery_code(conn: &mut PgConnection, id: i64) -> sqlx::Result<bool> {
    let done = sqlx::query!("update recovery_codes set used_at = now() where id = $1 and used_at is null", id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// A logged-in session of a staff account, as its user sees it.
#[derive(Debug, Clone)]
pub struct StaffSession {
    pub id: uuid::Uuid,
    pub started_at: OffsetDateTime,
    pub seen_at: OffsetDateTime,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

/// Records a session that has just logged in; its id goes into the session.
pub async fn start_session(
    conn: &mut PgConnection,
    user_id: i64,
    ip: Option<IpAddr>,
    user_agent: Option<&str>,
) -> sqlx::Result<uuid::Uuid> {
    let id = uuid::Uuid::new_v4();
    let user_agent = user_agent.map(|ua| ua.chars().filter(|c| !c.is_control()).take(200).collect::<String>());
    sqlx::query!(
        "insert into staff_sessions (id, user_id, ip, user_agent) values ($1, $2, $3, $4)",
        id,
        user_id,
        ip.map(IpNetwork::from),
        user_agent
    )
    .execute(conn)
    .await?;
    Ok(id)
}

/// Notes a request of the session; whether the session is still open (not ended since).
pub async fn touch_session(conn: &mut PgConnection, id: uuid::Uuid, user_id: i64) -> sqlx::Result<bool> {
    let done = sqlx::query!("update staff_sessions set seen_at = now() where id = $1 and user_id = $2", id, user_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The open sessions of an account, most recently used first.
pub async fn sessions(conn: &mut PgConnection, user_id: i64) -> sqlx::Result<Vec<StaffSession>> {
    sqlx::query_as!(
        StaffSession,
        r#"select id, started_at, seen_at, host(ip) as ip, user_agent from staff_sessions
           where user_id = $1 order by seen_at desc"#,
        user_id
    )
    .fetch_all(conn)
    .await
}

/// Ends sessions of an account: the one named, or every one except `keep` (`None`: all).
pub async fn end_sessions(
    conn: &mut PgConnection,
    user_id: i64,
    only: Option<uuid::Uuid>,
    keep: Option<uuid::Uuid>,
) -> sqlx::Result<u64> {
    let done = sqlx::query!(
        "delete from staff_sessions where user_id = $1 and ($2::uuid is null or id = $2)
             and ($3::uuid is null or id <> $3)",
        user_id,
        only,
        keep
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}
