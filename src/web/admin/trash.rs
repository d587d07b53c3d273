//! `/admin/trash` (admins only): the people deleted in the last 30 days, with when and by whom,
//! each restorable (`db::trash`): the whole case back with its ids and slugs, and a revision
//! "restored from the trash". A visit first purges the cases past their 30 days (audited).

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::redirect_to;
use crate::app::AppState;
use crate::db::revisions::{self, Action};
use crate::db::trash::{self, RestoreRefused, TrashEntry};
use crate::db::users::User;
use crate::records::Record;
use crate::records::person::PersonDoc;
use crate::web::error::{AppError, AppResult};
use crate::web::extract::{Posted, Staff};
use crate::web::{Layout, format, render_with};

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/admin/trash", get(show_trash)).route("/admin/trash/{id}/restore", post(restore_person))
}

#[derive(Template)]
#[template(path = "admin/trash.html")]
struct TrashPage {
    layout: Layout,
    user: User,
    csrf_token: String,
    entries: Vec<TrashEntry>,
    /// The person just restored.
    restored: Option<i64>,
    /// Why the last restore was refused: `gone`, `slug_taken` or `missing`.
    refused: Option<&'static str>,
    days: i32,
}

#[derive(Debug, Default, serde::Deserialize)]
struct TrashQuery {
    restored: Option<i64>,
}

async fn trash_page(
    state: &AppState,
    staff: Staff,
    status: StatusCode,
    restored: Option<i64>,
    refused: Option<&'static str>,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    if !trash::purge_expired(&mut conn, Some(&staff.user)).await?.is_empty() {
        state.cache.changes().bump();
    }
    let entries = trash::list(&mut conn).await?;
    let page = TrashPage {
        layout: super::layout(state, "/admin/trash"),
        csrf_token: staff.token().await?,
        user: staff.user,
        entries,
        restored,
        refused,
        days: trash::KEPT_DAYS,
    };
    render_with(status, &page)
}

async fn show_trash(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<TrashQuery>,
) -> AppResult<Response> {
    trash_page(&state, staff, StatusCode::OK, query.restored, None).await
}

async fn restore_person(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Posted(_): Posted,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let person_id = match trash::restore(&mut tx, id).await? {
        Ok(person_id) => person_id,
        Err(refused) => {
            tx.rollback().await?;
            let (status, key) = match refused {
                RestoreRefused::Gone => (StatusCode::NOT_FOUND, "gone"),
                RestoreRefused::SlugTaken => (StatusCode::CONFLICT, "slug_taken"),
                RestoreRefused::Missing => (StatusCode::CONFLICT, "missing"),
            };
            return trash_page(&state, staff, status, None, Some(key)).await;
        }
    };
    let stored = PersonDoc::load(&mut tx, person_id).await?.ok_or_else(|| {
        AppError::Internal(anyhow::anyhow!("person {person_id} is not there after its restore from the trash"))
    })?;
    revisions::record(&mut tx, staff.user.id, person_id, Some(person_id), Action::Untrash, None, &stored.doc).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    Ok(redirect_to(&format!("/admin/trash?restored={person_id}")).into_response())
}
