//! Staff accounts on the web, after the password (`web::login` checks that): the second factor
//! (`/login/code`), setting one up (`/account/two-factor`), a user's own page with their open
//! sessions (`/account`), and what admins change on others' accounts (`/admin/users/{id}`).
//!
//! A right password does not log in: it leaves a *pending* login in the session (the user, where
//! they were going, when), which only these pages read. The login itself (axum-login's, with a
//! new session id) happens once a code from the user's app or a recovery code is right, or once
//! an account without a second factor has set one up. Each login is also a row of
//! `staff_sessions`, which the user sees and can end; `admin::require_login` refuses a session
//! whose row is gone.

use std::net::IpAddr;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use tower_sessions::Session;

use crate::accounts::two_factor::{self, Proof};
use crate::accounts::{self, AccountChange};
use crate::app::AppState;
use crate::db::users::{self, AuditAction, AuditEntry, StaffSession, User};
use crate::i18n::Message;
use crate::web::admin::{layout, redirect_to};
use crate::web::client::ClientIp;
use crate::web::error::{AppError, AppResult};
use crate::web::extract::{Posted, Staff};
use crate::web::login::AuthSession;
use crate::web::{Layout, csrf, format, render_with};

/// The session key holding when the user logged in (Unix seconds), for the absolute timeout.
pub const LOGGED_IN_AT: &str = "logged_in_at";
/// The session key holding the id of the session's `staff_sessions` row.
pub const STAFF_SESSION: &str = "staff_session";
const PENDING: &str = "pending_login";
/// The secret being set up, until a first code confirms it.
const ENROLLING: &str = "enrolling_secret";
/// How long the step after the password waits.
const PENDING_MINUTES: i64 = 10;

/// A password that was right, waiting for the second factor.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Pending {
    user_id: i64,
    next: String,
    at: i64,
}

/// Pages reached with a pending login or a session: the code, setting up a second factor.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login/code", get(code_form).post(check_code))
        .route("/account/two-factor", get(enrol_form).post(enrol))
}

/// A logged-in user's own account (behind `require_login`).
pub fn staff_router() -> Router<AppState> {
    Router::new()
        .route("/account", get(account_page))
        .route("/account/name", post(set_name))
        .route("/account/sessions/end", post(end_sessions))
}

/// What admins change on other accounts (behind `require_admin`).
pub fn admin_router() -> Router<AppState> {
    Router::new().route("/admin/users/{id}/change", post(change_user))
}

fn unix_now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

fn internal(error: impl std::fmt::Display) -> AppError {
    AppError::Internal(anyhow::anyhow!("account: {error}"))
}

/// After a right password: a new session id (so that a planted one is worth nothing), the
/// pending login, and the way on: the code, or setting up a second factor first.
pub(crate) async fn after_password(session: &Session, user: &User, next: &str) -> AppResult<Response> {
    session.cycle_id().await.map_err(internal)?;
    let pending = Pending { user_id: user.id, next: next.to_owned(), at: unix_now() };
    session.insert(PENDING, pending).await.map_err(internal)?;
    let to = if user.totp_enrolled_at.is_some() { "/login/code" } else { "/account/two-factor" };
    Ok(redirect_to(to).into_response())
}

/// The pending login of this session and its account, unless it is too old or the account was
/// disabled since.
async fn pending(state: &AppState, session: &Session) -> AppResult<Option<(Pending, User)>> {
    let Some(pending) = session.get::<Pending>(PENDING).await.ok().flatten() else { return Ok(None) };
    if unix_now() - pending.at > PENDING_MINUTES * 60 {
        session.remove::<Pending>(PENDING).await.map_err(internal)?;
        return Ok(None);
    }
    let user = users::find_by_id(&mut *state.db.acquire().await?, pending.user_id).await?;
    Ok(user.filter(|u| !u.disabled).map(|user| (pending, user)))
}

/// Logs `user` in for good: axum-login's login (a new session id again), the absolute timeout's
/// start, a new anti-forgery secret, the session's row, the audit line.
async fn finish_login(
    state: &AppState,
    auth: &mut AuthSession,
    session: &Session,
    user: &User,
    (ip, user_agent): (Option<IpAddr>, Option<&str>),
    proof: Proof,
) -> AppResult<()> {
    auth.login(user).await.map_err(internal)?;
    session.remove::<Pending>(PENDING).await.map_err(internal)?;
    session.insert(LOGGED_IN_AT, unix_now()).await.map_err(internal)?;
    csrf::rotate(session).await?;
    let id = users::start_session(&mut *state.db.acquire().await?, user.id, ip, user_agent).await?;
    session.insert(STAFF_SESSION, id).await.map_err(internal)?;
    let detail = serde_json::json!({ "factor": proof.as_str() });
    crate::web::audit(state, AuditEntry { ip, ..AuditEntry::by(user, AuditAction::Login, Some(detail)) }).await
}

/// Whether the session is logged in now.
pub(crate) enum Liveness {
    Live(User),
    Anonymous,
    /// It was, and no longer is: `expired` (the absolute timeout) or `ended` (its row is gone:
    /// ended by the user elsewhere, an admin, a new password). Logged out now; the flag is what
    /// the login form says.
    Ended(&'static str),
}

/// The session's user, if it is logged in, younger than `ABSOLUTE_HOURS` and not ended (its
/// `staff_sessions` row is there, and marked seen). A session that is no longer live is logged
/// out here, so that nothing else mistakes it for one.
pub(crate) async fn live_user(auth: &mut AuthSession, session: &Session) -> AppResult<Liveness> {
    let Some(user) = auth.user.clone() else { return Ok(Liveness::Anonymous) };
    let logged_in_at: Option<i64> = session.get(LOGGED_IN_AT).await.ok().flatten();
    let expired = logged_in_at.is_none_or(|at| unix_now() - at > crate::web::login::ABSOLUTE_HOURS * 3600);
    let staff_session: Option<uuid::Uuid> = session.get(STAFF_SESSION).await.ok().flatten();
    let open = match staff_session {
        Some(id) if !expired => users::touch_session(&mut *auth.backend.pool().acquire().await?, id, user.id).await?,
        _ => false,
    };
    if open {
        return Ok(Liveness::Live(user));
    }
    auth.logout().await.map_err(internal)?;
    Ok(Liveness::Ended(if expired { "expired" } else { "ended" }))
}

/// What a viewer may do besides reading: log out and keep their own account.
pub(crate) fn viewer_may(method: &axum::http::Method, path: &str) -> bool {
    method.is_safe() || path == "/logout" || path.starts_with("/account/")
}

fn user_agent(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok())
}

#[derive(Template)]
#[template(path = "admin/login_code.html")]
struct CodePage {
    layout: Layout,
    csrf_token: String,
    refused: bool,
    /// Whole seconds the next try will wait, when it will.
    slowed: i64,
}

async fn code_page(state: &AppState, session: &Session, refused: Option<std::time::Duration>) -> AppResult<Response> {
    let page = CodePage {
        layout: layout(state, "/login/code"),
        csrf_token: csrf::token(session).await?,
        refused: refused.is_some(),
        slowed: refused.map_or(0, |d| d.as_secs_f64().ceil() as i64),
    };
    render_with(if refused.is_some() { StatusCode::UNAUTHORIZED } else { StatusCode::OK }, &page)
}

async fn code_form(State(state): State<AppState>, session: Session) -> AppResult<Response> {
    match pending(&state, &session).await? {
        Some((_, user)) if user.totp_enrolled_at.is_some() => code_page(&state, &session, None).await,
        Some(_) => Ok(redirect_to("/account/two-factor").into_response()),
        None => Ok(redirect_to("/login").into_response()),
    }
}

/// `/login/code` as posted (`code`: six digits, or a recovery code). Wrong codes are slowed
/// like wrong passwords, per client and per account.
async fn check_code(
    State(state): State<AppState>,
    mut auth: AuthSession,
    session: Session,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Posted(form): Posted,
) -> AppResult<Response> {
    let Some((pending, user)) = pending(&state, &session).await? else {
        return Ok(redirect_to("/login").into_response());
    };
    let turn = state.login.wait_turn(&state, ip, &user.email).await?;
    let typed = form.get("code").map_or("", String::as_str);
    let proof = two_factor::verify(&state.db, user.id, typed).await.map_err(internal)?;
    let Some(proof) = proof else {
        let detail = Some(serde_json::json!({ "factor": "second" }));
        crate::web::audit(&state, AuditEntry { ip, ..AuditEntry::by(&user, AuditAction::LoginFailed, detail) }).await?;
        return code_page(&state, &session, Some(turn.next_delay)).await;
    };
    finish_login(&state, &mut auth, &session, &user, (ip, user_agent(&headers)), proof).await?;
    Ok(redirect_to(&pending.next).into_response())
}

/// Who is setting up a second factor: a logged-in user (replacing theirs), or a pending login.
async fn enrolling_user(
    state: &AppState,
    auth: &mut AuthSession,
    session: &Session,
) -> AppResult<Option<(User, Option<Pending>)>> {
    if let Liveness::Live(user) = live_user(auth, session).await? {
        return Ok(Some((user, None)));
    }
    Ok(pending(state, session).await?.map(|(pending, user)| (user, Some(pending))))
}

#[derive(Template)]
#[template(path = "admin/two_factor.html")]
struct EnrolPage {
    layout: Layout,
    csrf_token: String,
    email: String,
    qr_svg: String,
    secret: String,
    refused: bool,
    replacing: bool,
}

#[derive(Template)]
#[template(path = "admin/recovery_codes.html")]
struct RecoveryCodesPage {
    layout: Layout,
    codes: Vec<String>,
    next: String,
}

/// The secret this session is setting up, made on first sight.
async fn enrolling_secret(session: &Session) -> AppResult<Vec<u8>> {
    let kept = session.get::<String>(ENROLLING).await.ok().flatten();
    if let Some(secret) = kept.as_deref().and_then(two_factor::secret_from_text) {
        return Ok(secret);
    }
    let secret = two_factor::new_secret();
    session.insert(ENROLLING, two_factor::secret_text(&secret)).await.map_err(internal)?;
    Ok(secret)
}

async fn enrol_page(state: &AppState, session: &Session, user: &User, refused: bool) -> AppResult<Response> {
    let secret = enrolling_secret(session).await?;
    let page = EnrolPage {
        layout: layout(state, "/account/two-factor"),
        csrf_token: csrf::token(session).await?,
        email: user.email.clone(),
        qr_svg: two_factor::qr_svg(&secret, &user.email).ok_or_else(|| internal("QR code"))?,
        secret: two_factor::secret_text(&secret),
        refused,
        replacing: user.totp_enrolled_at.is_some(),
    };
    render_with(if refused { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK }, &page)
}

async fn enrol_form(State(state): State<AppState>, mut auth: AuthSession, session: Session) -> AppResult<Response> {
    match enrolling_user(&state, &mut auth, &session).await? {
        // A pending login of an account that has a second factor uses it.
        Some((user, Some(_))) if user.totp_enrolled_at.is_some() => Ok(redirect_to("/login/code").into_response()),
        Some((user, _)) => enrol_page(&state, &session, &user, false).await,
        None => Ok(redirect_to("/login").into_response()),
    }
}

/// `/account/two-factor` as posted: the first code from the app confirms the secret; then the
/// recovery codes are shown, once, and a pending login is complete.
async fn enrol(
    State(state): State<AppState>,
    mut auth: AuthSession,
    session: Session,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Posted(form): Posted,
) -> AppResult<Response> {
    let Some((user, pending)) = enrolling_user(&state, &mut auth, &session).await? else {
        return Ok(redirect_to("/login").into_response());
    };
    if pending.is_some() && user.totp_enrolled_at.is_some() {
        return Ok(redirect_to("/login/code").into_response());
    }
    let secret = enrolling_secret(&session).await?;
    let typed = form.get("code").map_or("", String::as_str);
    let Some(step) = two_factor::code_step(&secret, typed, two_factor::now()) else {
        return enrol_page(&state, &session, &user, true).await;
    };
    let codes = accounts::enrol_second_factor(&state.db, &user, &secret, step).await.map_err(internal)?;
    session.remove::<String>(ENROLLING).await.map_err(internal)?;
    let next = match pending {
        Some(pending) => {
            finish_login(&state, &mut auth, &session, &user, (ip, user_agent(&headers)), Proof::Code).await?;
            pending.next
        }
        None => "/account".to_owned(),
    };
    let page = RecoveryCodesPage { layout: layout(&state, "/account/two-factor"), codes, next };
    render_with(StatusCode::OK, &page)
}

#[derive(Template)]
#[template(path = "admin/account.html")]
struct AccountPage {
    layout: Layout,
    user: User,
    csrf_token: String,
    recovery_codes_left: usize,
    sessions: Vec<StaffSession>,
    current: Option<uuid::Uuid>,
    ended: Option<i64>,
    /// The display name just saved, or refused.
    named: Option<String>,
}

impl AccountPage {
    fn is_current(&self, id: &uuid::Uuid) -> bool {
        self.current.as_ref() == Some(id)
    }
}

#[derive(Debug, Default, Deserialize)]
struct AccountQuery {
    ended: Option<i64>,
    named: Option<String>,
}

async fn account_page(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<AccountQuery>,
) -> AppResult<Response> {
    let sessions = users::sessions(&mut *state.db.acquire().await?, staff.user.id).await?;
    let page = AccountPage {
        layout: layout(&state, "/account"),
        csrf_token: staff.token().await?,
        recovery_codes_left: two_factor::recovery_codes_left(&state.db, staff.user.id).await.map_err(internal)?,
        current: staff.session.get(STAFF_SESSION).await.ok().flatten(),
        user: staff.user,
        sessions,
        ended: query.ended,
        named: query.named.filter(|n| n == "saved" || n == "refused"),
    };
    render_with(StatusCode::OK, &page)
}

/// Sets the name other staff see on history and conflict pages (`display_name`; empty: the
/// default "Staff <id>"). At most 80 characters, no control characters.
async fn set_name(State(state): State<AppState>, staff: Staff, Posted(form): Posted) -> AppResult<Response> {
    let typed = form.get("display_name").map_or("", |n| n.trim());
    if typed.chars().count() > users::MAX_DISPLAY_NAME || typed.chars().any(char::is_control) {
        return Ok(redirect_to("/account?named=refused").into_response());
    }
    let mut tx = state.db.begin().await?;
    users::set_display_name(&mut tx, staff.user.id, Some(typed).filter(|t| !t.is_empty())).await?;
    let detail = serde_json::json!({ "change": "display_name", "by": staff.user.email });
    accounts::account_audit(&mut tx, &staff.user, detail).await?;
    tx.commit().await?;
    Ok(redirect_to("/account?named=saved").into_response())
}

/// Ends one of the user's sessions (`session`: its id), or all but this one (`others`).
async fn end_sessions(State(state): State<AppState>, staff: Staff, Posted(form): Posted) -> AppResult<Response> {
    let current: Option<uuid::Uuid> = staff.session.get(STAFF_SESSION).await.ok().flatten();
    let (only, keep) = match form.get("session").map(String::as_str) {
        Some("others") => (None, current),
        Some(id) => (
            Some(id.parse::<uuid::Uuid>().map_err(|_| AppError::BadRequest(Message::new("refusal-account-form")))?),
            None,
        ),
        None => return Err(AppError::BadRequest(Message::new("refusal-account-form"))),
    };
    let mut tx = state.db.begin().await?;
    let ended = users::end_sessions(&mut tx, staff.user.id, only, keep).await?;
    let detail = serde_json::json!({ "change": "sessions_ended", "by": staff.user.email, "count": ended });
    accounts::account_audit(&mut tx, &staff.user, detail).await?;
    tx.commit().await?;
    Ok(redirect_to(&format!("/account?ended={ended}")).into_response())
}

/// An admin's change to an account (`change`: `disable`, `enable`, `end_sessions`,
/// `reset_two_factor`, `reset_password` with `password`), audited with the admin's address.
async fn change_user(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Posted(mut form): Posted,
) -> AppResult<Response> {
    let target = users::find_by_id(&mut *state.db.acquire().await?, id).await?.ok_or(AppError::NotFound)?;
    let change = match form.get("change").map(String::as_str) {
        Some("disable") if target.id == staff.user.id => {
            return Err(AppError::BadRequest(Message::new("refusal-account-form")));
        }
        Some("disable") => AccountChange::Disable,
        Some("enable") => AccountChange::Enable,
        Some("end_sessions") => AccountChange::EndSessions,
        Some("reset_two_factor") => AccountChange::ResetSecondFactor,
        Some("reset_password") => {
            let password = form.remove("password").unwrap_or_default();
            if let Err(refusal) = accounts::check_password(&password) {
                return Ok(
                    redirect_to(&format!("/admin/users?refused={}&user={id}", refusal_key(&refusal))).into_response()
                );
            }
            AccountChange::ResetPassword(password)
        }
        _ => return Err(AppError::BadRequest(Message::new("refusal-account-form"))),
    };
    let key = change.key();
    accounts::change_account(&state.db, &target.email, change, &staff.user.email).await.map_err(internal)?;
    Ok(redirect_to(&format!("/admin/users?changed={key}&user={id}")).into_response())
}

fn refusal_key(refusal: &accounts::AccountError) -> &'static str {
    match refusal {
        accounts::AccountError::PasswordTooLong => "password_too_long",
        _ => "password_too_short",
    }
}
