//! `/admin` (the dashboard), `/admin/users` and `/admin/audit` (admins only).

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;

use super::request::Staff;
use crate::app::AppState;
use crate::db::users::{self, AuditLine, User};
use crate::error::AppResult;
use crate::web::{Layout, format, render};

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/users", get(list_users)).route("/admin/audit", get(show_audit))
}

#[derive(Template)]
#[template(path = "admin/index.html")]
struct DashboardPage {
    layout: Layout,
    user: User,
    csrf_token: String,
}

pub async fn dashboard(State(state): State<AppState>, staff: Staff) -> AppResult<Response> {
    let csrf_token = staff.token().await?;
    render(&DashboardPage { layout: super::layout(&state, "/admin"), user: staff.user, csrf_token })
}

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage {
    layout: Layout,
    users: Vec<User>,
}

async fn list_users(State(state): State<AppState>) -> AppResult<Response> {
    let users = users::list(&mut *state.db.acquire().await?).await?;
    render(&UsersPage { layout: super::layout(&state, "/admin/users"), users })
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
