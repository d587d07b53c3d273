//! Logging in and out: the axum-login backend over the `users` table, `/login` (the password,
//! slowed after failures by `web::throttle`; the second factor follows in `web::account`),
//! `/logout`; and the session layer of every route that needs a login ([`auth_layer`]).
//!
//! Sessions live in PostgreSQL (tower-sessions' `PostgresStore`, table from migration 0005);
//! the cookie is HttpOnly, SameSite=Strict, and Secure whenever the site's origin is https. A
//! session ends after [`IDLE_MINUTES`] without a request and [`ABSOLUTE_HOURS`] after login,
//! whatever happens.

use std::time::Duration;

use askama::Template;
use axum::Form;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum_login::{AuthManagerLayer, AuthManagerLayerBuilder, AuthUser, AuthnBackend, UserId};
use serde::Deserialize;
use sqlx::PgPool;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, Session, SessionManagerLayer};
use tower_sessions_sqlx_store::PostgresStore;

use crate::accounts;
use crate::app::AppState;
use crate::db::users::{self, AuditAction, AuditEntry, User};
use crate::records::Values;
use crate::web::admin::{layout, redirect_to};
use crate::web::client::ClientIp;
use crate::web::csrf::LoginCookie;
use crate::web::error::{AppError, AppResult};
use crate::web::extract::Posted;
use crate::web::{Layout, render_with};

pub const IDLE_MINUTES: i64 = 30;
pub const ABSOLUTE_HOURS: i64 = 12;
pub const COOKIE: &str = "pt_session";

/// Sessions and logins, for every route that needs them.
pub(crate) fn auth_layer(state: &AppState) -> AuthManagerLayer<Backend, PostgresStore> {
    let store = PostgresStore::new(state.db.clone());
    let sessions = SessionManagerLayer::new(store)
        .with_name(COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Strict)
        .with_secure(state.origin.starts_with("https://"))
        .with_expiry(Expiry::OnInactivity(time::Duration::minutes(IDLE_MINUTES)));
    AuthManagerLayerBuilder::new(Backend::new(state.db.clone()), sessions).build()
}

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

    pub fn pool(&self) -> &PgPool {
        &self.db
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
    /// The session ran out (idle or absolute timeout).
    Expired,
    /// The session was ended: from another session, by an admin, by a new password.
    Ended,
}

#[derive(Template)]
#[template(path = "admin/login.html")]
struct LoginPage {
    layout: Layout,
    csrf_token: String,
    email: String,
    next: String,
    problem: Problem,
    /// Whole seconds the next try from this client will wait, when it will.
    slowed: i64,
}

impl LoginPage {
    fn problem_key(&self) -> &'static str {
        match self.problem {
            Problem::None => "",
            Problem::Refused => "refused",
            Problem::Expired => "expired",
            Problem::Ended => "ended",
        }
    }
}

/// Where to go after logging in: only a path inside the admin area, never another site.
pub(crate) fn safe_next(next: Option<&str>) -> String {
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
    cookie: &LoginCookie,
    email: String,
    next: &str,
    problem: Problem,
    slowed: Duration,
    status: StatusCode,
) -> AppResult<Response> {
    let page = LoginPage {
        // The switcher keeps where the admin was going.
        layout: layout(state, &format!("/login?{}", serde_urlencoded::to_string([("next", next)]).unwrap_or_default())),
        csrf_token: String::new(),
        email,
        next: next.to_owned(),
        problem,
        slowed: slowed.as_secs_f64().ceil() as i64,
    };
    // The form's secret is a cookie, not a session: showing the form writes nothing on the server.
    let (csrf_token, set_cookie) = cookie.token(state.origin.starts_with("https://"));
    let mut response = render_with(status, &LoginPage { csrf_token, ..page })?;
    if let Some(value) = set_cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    Ok(response)
}

async fn login_form(
    State(state): State<AppState>,
    mut auth: AuthSession,
    session: Session,
    cookie: LoginCookie,
    Query(query): Query<LoginQuery>,
) -> AppResult<Response> {
    let next = safe_next(query.next.as_deref());
    if let crate::web::account::Liveness::Live(_) = crate::web::account::live_user(&mut auth, &session).await? {
        return Ok(redirect_to(&next).into_response());
    }
    let flag = |key: &'static str| async { session.remove::<bool>(key).await.ok().flatten().unwrap_or(false) };
    let problem = if flag("expired").await {
        Problem::Expired
    } else if flag("ended").await {
        Problem::Ended
    } else {
        Problem::None
    };
    login_page(&state, &cookie, String::new(), &next, problem, Duration::ZERO, StatusCode::OK).await
}

/// `/login` as posted (`email`, `password`, `next`), its token already checked.
async fn login(
    State(state): State<AppState>,
    auth: AuthSession,
    session: Session,
    ClientIp(ip): ClientIp,
    cookie: LoginCookie,
    Form(mut form): Form<Values>,
) -> AppResult<Response> {
    cookie.verify(form.get("csrf_token").map(String::as_str))?;
    let next = safe_next(form.get("next").map(String::as_str));
    let typed = form.get("email").map_or("", |e| e.trim()).chars().take(320).collect::<String>();
    let email = accounts::normalise_email(&typed).unwrap_or_else(|_| typed.to_lowercase());
    let password = form.remove("password").unwrap_or_default();

    // One client's tries wait in line, so that parallel guesses are as slow as serial ones.
    let turn = state.login.wait_turn(&state, ip, &email).await?;
    let user = auth.authenticate(Credentials { email: email.clone(), password }).await.map_err(internal)?;
    let Some(user) = user else {
        let entry =
            AuditEntry { action: AuditAction::LoginFailed, user_id: None, email: Some(&email), ip, detail: None };
        crate::web::audit(&state, entry).await?;
        return login_page(&state, &cookie, typed, &next, Problem::Refused, turn.next_delay, StatusCode::UNAUTHORIZED)
            .await;
    };
    // The password is right: the second factor comes next (or is set up first).
    crate::web::account::after_password(&session, &user, &next).await
}

async fn logout(
    State(state): State<AppState>,
    mut auth: AuthSession,
    session: Session,
    ClientIp(ip): ClientIp,
    _: Posted,
) -> AppResult<Response> {
    let staff_session: Option<uuid::Uuid> = session.get(crate::web::account::STAFF_SESSION).await.ok().flatten();
    if let Some(user) = auth.logout().await.map_err(internal)? {
        if let Some(id) = staff_session {
            users::end_sessions(&mut *state.db.acquire().await?, user.id, Some(id), None).await?;
        }
        crate::web::audit(&state, AuditEntry { ip, ..AuditEntry::by(&user, AuditAction::Logout, None) }).await?;
    }
    session.flush().await.map_err(internal)?;
    Ok(redirect_to("/login").into_response())
}

/// One line of the audit log, on a connection of its own: no handler holds two at once.
/// A failure of the login machinery or the session store: a 500, logged.
fn internal(error: impl std::fmt::Display) -> AppError {
    AppError::Internal(anyhow::anyhow!("login: {error}"))
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
