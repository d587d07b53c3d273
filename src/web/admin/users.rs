//! `/admin` (the dashboard), `/admin/users`, `/admin/audit` and `/admin/backup.json` (admins
//! only).

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::app::AppState;
use crate::db::users::{self, AuditAction, AuditLine, User};
use crate::web::error::AppResult;
use crate::web::extract::Staff;
use crate::web::{Layout, format, render};

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/users", get(list_users))
        .route("/admin/audit", get(show_audit))
        .route("/admin/backup.json", get(backup))
}

#[derive(Template)]
#[template(path = "admin/index.html")]
struct DashboardPage {
    layout: Layout,
    user: User,
    csrf_token: String,
}

pub(super) async fn dashboard(State(state): State<AppState>, staff: Staff) -> AppResult<Response> {
    let csrf_token = staff.token().await?;
    render(&DashboardPage { layout: super::layout(&state, "/admin"), user: staff.user, csrf_token })
}

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage {
    layout: Layout,
    users: Vec<User>,
    csrf_token: String,
    /// The account just changed, and the change (`disabled`, …) or refusal (`password_too_short`).
    done: Option<UsersQuery>,
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
struct UsersQuery {
    user: Option<i64>,
    changed: Option<String>,
    refused: Option<String>,
}

async fn list_users(
    State(state): State<AppState>,
    staff: Staff,
    axum::extract::Query(done): axum::extract::Query<UsersQuery>,
) -> AppResult<Response> {
    let users = users::list(&mut *state.db.acquire().await?).await?;
    // Only the words of a change made here: the query string is anyone's to write.
    let known = |key: &Option<String>, keys: &[&str]| key.as_deref().is_none_or(|k| keys.contains(&k));
    let done = Some(done).filter(|d| {
        d.user.is_some()
            && known(&d.changed, &["disabled", "enabled", "password_reset", "sessions_ended", "second_factor_reset"])
            && known(&d.refused, &["password_too_short", "password_too_long"])
    });
    render(&UsersPage { layout: super::layout(&state, "/admin/users"), users, csrf_token: staff.token().await?, done })
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    layout: Layout,
    lines: Vec<AuditLine>,
}

async fn show_audit(State(state): State<AppState>) -> AppResult<Response> {
    let lines = users::recent_audit(&mut *state.db.acquire().await?, 500).await?;
    render(&AuditPage { layout: super::layout(&state, "/admin/audit"), lines })
}

/// Every record with every field but the internal ones, as a file to keep (`db::backup`);
/// each download is in the audit log.
async fn backup(State(state): State<AppState>, staff: Staff) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let file = crate::db::backup::export(&mut conn).await?;
    let detail = serde_json::json!({ "tables": crate::db::backup::TABLES.len() });
    let user = &staff.user;
    super::audit_action(&state, user, AuditAction::BackupExported, detail).await?;
    let day = time::OffsetDateTime::now_utc().date();
    let name = format!("attachment; filename=\"prisoner-tracker-backup-{day}.json\"");
    Ok(([(header::CONTENT_DISPOSITION, name)], axum::Json(file)).into_response())
}
