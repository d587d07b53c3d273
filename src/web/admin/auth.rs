//! Logging in and out: the axum-login backend over the `users` table, `/login` with throttling
//! per address and per IP, `/logout`.

use std::net::{IpAddr, SocketAddr};

use askama::Template;
use axum::Router;
use axum::extract::{ConnectInfo, FromRequestParts, Query, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum_login::{AuthUser, AuthnBackend, UserId};
use serde::Deserialize;
use sqlx::PgPool;
use tower_sessions::Session;

use super::request::Posted;
use crate::accounts::{self, Role};
use crate::app::AppState;
use crate::db::users::{self, AuditAction, AuditEntry, User};
use crate::error::{AppError, AppResult};
use crate::web::{Layout, csrf};

/// Failed logins for one address, within [`THROTTLE_MINUTES`], before it is refused outright.
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
/// The same for one IP address (across addresses: guessing many accounts at once).
pub const MAX_FAILURES_PER_IP: i64 = 20;
pub const THROTTLE_MINUTES: i32 = 15;

/// The session key holding when the user logged in (Unix seconds), for the absolute timeout.
pub const LOGGED_IN_AT: &str = "logged_in_at";

pub type AuthSession = axum_login::AuthSession<Backend>;

impl AuthUser for User {
    type Id = i64;

    fn id(&self) -> i64 {
        self.id
    }

    /// Sessions are bound to the password: changing it logs out every other session.
    fn session_auth_hash(&self) -> &[u8] {
        self.password_hash.as_bytes()
    }
}

#[derive(Clone)]
pub struct Backend {
    db: PgPool,
}

impl Backend {
    pub fn new(db: PgPool) -> Self {
        Backend { db }
    }
}

pub struct Credentials {
    /// Already folded to lower case.
    pub email: String,
    pub password: String,
}

#[derive(Debug, thiserror::Error)]
pub enum BackendError {
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error("password check failed: {0}")]
    Hashing(String),
}

impl AuthnBackend for Backend {
    type User = User;
    type Credentials = Credentials;
    type Error = BackendError;

    async fn authenticate(&self, credentials: Credentials) -> Result<Option<User>, BackendError> {
        let user = users::find_by_email(&mut *self.db.acquire().await?, &credentials.email).await?;
        let user = user.filter(|u| !u.disabled);
        let hash = user.as_ref().map(|u| u.password_hash.clone());
        let matches = accounts::verify_password(credentials.password, hash)
            .await
            .map_err(|e| BackendError::Hashing(e.to_string()))?;
        Ok(user.filter(|_| matches))
    }

    async fn get_user(&self, id: &UserId<Self>) -> Result<Option<User>, BackendError> {
        Ok(users::find_by_id(&mut *self.db.acquire().await?, *id).await?.filter(|u| !u.disabled))
    }
}

/// The client's IP address, when the server was started with connection info (tests that
/// drive the router in-process have none).
pub struct ClientIp(pub Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientIp(parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip())))
    }
}

pub fn router() -> Router<AppState> {
    Router::new().route("/login", get(login_form).post(login)).route("/logout", post(logout))
}

#[derive(Debug, Default, Deserialize)]
pub struct LoginQuery {
    next: Option<String>,
}

/// Why the form came back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    None,
    /// Unknown address or wrong password: one answer for both.
    Refused,
    Throttled,
    /// The session ran out (idle or absolute timeout).
    Expired,
}

#[derive(Template)]
#[template(path = "admin/login.html")]
struct LoginPage {
    layout: Layout,
    csrf_token: String,
    email: String,
    next: String,
    problem: Problem,
}

impl LoginPage {
    fn problem_key(&self) -> &'static str {
        match self.problem {
            Problem::None => "",
            Problem::Refused => "refused",
            Problem::Throttled => "throttled",
            Problem::Expired => "expired",
        }
    }

    fn throttle_minutes(&self) -> i32 {
        THROTTLE_MINUTES
    }
}

/// Where to go after logging in: only a path inside the admin area, never another site.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path)
            if (path == "/admin" || path.starts_with("/admin/"))
                && !path.contains("//")
                && !path.contains('\\')
                && path.chars().all(|c| c.is_ascii_graphic()) =>
        {
            path.to_owned()
        }
        _ => "/admin".to_owned(),
    }
}

async fn login_page(
    state: &AppState,
    session: &Session,
    email: String,
    next: &str,
    problem: Problem,
    status: StatusCode,
) -> AppResult<Response> {
    let page = LoginPage {
        // The switcher keeps where the admin was going.
        layout: super::layout(
            state,
            &format!("/login?{}", serde_urlencoded::to_string([("next", next)]).unwrap_or_default()),
        ),
        csrf_token: csrf::token(session).await?,
        email,
        next: next.to_owned(),
        problem,
    };
    super::render_with(status, &page)
}

async fn login_form(
    State(state): State<AppState>,
    auth: AuthSession,
    session: Session,
    Query(query): Query<LoginQuery>,
) -> AppResult<Response> {
    let next = safe_next(query.next.as_deref());
    if auth.user.is_some() {
        return Ok(super::redirect_to(&next).into_response());
    }
    let expired = session.remove::<bool>("expired").await.ok().flatten().unwrap_or(false);
    let problem = if expired { Problem::Expired } else { Problem::None };
    login_page(&state, &session, String::new(), &next, problem, StatusCode::OK).await
}

/// `/login` as posted (`email`, `password`, `next`), its token already checked.
async fn login(
    State(state): State<AppState>,
    mut auth: AuthSession,
    session: Session,
    ClientIp(ip): ClientIp,
    Posted(mut form): Posted,
) -> AppResult<Response> {
    let next = safe_next(form.get("next").map(String::as_str));
    let typed = form.get("email").map_or("", |e| e.trim()).chars().take(320).collect::<String>();
    let email = accounts::normalise_email(&typed).unwrap_or_else(|_| typed.to_lowercase());
    let password = form.remove("password").unwrap_or_default();

    let (by_email, by_ip) =
        users::recent_failures(&mut *state.db.acquire().await?, &email, ip, THROTTLE_MINUTES).await?;
    if by_email >= MAX_FAILURES_PER_ACCOUNT || by_ip >= MAX_FAILURES_PER_IP {
        audit(&state, AuditAction::LoginThrottled, None, &email, ip).await?;
        tracing::warn!("login throttled");
        return login_page(&state, &session, typed, &next, Problem::Throttled, StatusCode::TOO_MANY_REQUESTS).await;
    }

    let user = auth.authenticate(Credentials { email: email.clone(), password }).await.map_err(internal)?;
    let Some(user) = user else {
        audit(&state, AuditAction::LoginFailed, None, &email, ip).await?;
        return login_page(&state, &session, typed, &next, Problem::Refused, StatusCode::UNAUTHORIZED).await;
    };
    // axum-login gives the session a new id here, so a planted session id is worth nothing.
    auth.login(&user).await.map_err(internal)?;
    session.insert(LOGGED_IN_AT, time::OffsetDateTime::now_utc().unix_timestamp()).await.map_err(internal)?;
    csrf::rotate(&session).await?;
    audit(&state, AuditAction::Login, Some(user.id), &user.email, ip).await?;
    Ok(super::redirect_to(&next).into_response())
}

async fn logout(
    State(state): State<AppState>,
    mut auth: AuthSession,
    session: Session,
    ClientIp(ip): ClientIp,
    _: Posted,
) -> AppResult<Response> {
    if let Some(user) = auth.logout().await.map_err(internal)? {
        audit(&state, AuditAction::Logout, Some(user.id), &user.email, ip).await?;
    }
    session.flush().await.map_err(internal)?;
    Ok(super::redirect_to("/login").into_response())
}

/// One line of the audit log, on a connection of its own: no handler holds two at once.
async fn audit(
    state: &AppState,
    action: AuditAction,
    user_id: Option<i64>,
    email: &str,
    ip: Option<IpAddr>,
) -> AppResult<()> {
    let entry = AuditEntry { action, user_id, email: Some(email), ip, detail: None };
    Ok(users::audit(&mut *state.db.acquire().await?, entry).await?)
}

/// A failure of the login machinery or the session store: a 500, logged.
fn internal(error: impl std::fmt::Display) -> AppError {
    AppError::Internal(anyhow::anyhow!("login: {error}"))
}

/// The roles that may do what admins may do.
pub fn is_admin(user: &User) -> bool {
    user.role == Role::Admin
}

#[cfg(test)]
mod tests {
    #[test]
    fn after_login_only_admin_paths_are_followed() {
        for (next, to) in [
            (Some("/admin/people/new"), "/admin/people/new"),
            (Some("/admin"), "/admin"),
            (Some("https://evil.example/admin"), "/admin"),
            (Some("//evil.example/admin"), "/admin"),
            (Some("/admin//evil.example"), "/admin"),
            (Some("/administrator"), "/admin"),
            (Some("/admin/\\evil"), "/admin"),
            (None, "/admin"),
        ] {
            assert_eq!(super::safe_next(next), to, "{next:?}");
        }
    }
}
