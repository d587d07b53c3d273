//! Deleting a record, for admins and for every kind alike: a confirmation page that shows the
//! record and what still uses it, then a revision that keeps the whole record. A person's
//! whole case goes to the trash (`web::admin::trash`), from which it can be restored.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower_sessions::Session;

use super::editor::load;
use crate::app::AppState;
use crate::db::users::User;
use crate::db::{revisions, trash};
use crate::domain::RecordKind;
use crate::records::{Record, Stored};
use crate::web::error::AppResult;
use crate::web::extract::{Posted, Staff};
use crate::web::{Layout, csrf, locale, render_with};

/// The delete routes of `K`, for the admins-only router.
pub(crate) fn routes<K: Record>() -> Router<AppState> {
    Router::new().route(&format!("/admin/{}/{{id}}/delete", K::KIND.path()), get(confirm_delete::<K>).post(delete::<K>))
}

#[derive(Template)]
#[template(path = "admin/record_delete.html")]
struct DeletePage {
    layout: Layout,
    user: User,
    csrf_token: String,
    kind: RecordKind,
    id: i64,
    title: String,
    version: i32,
    back: String,
    fields: Vec<(&'static str, String)>,
    in_use: i64,
    conflict: bool,
}

async fn delete_page<K: Record>(
    state: &AppState,
    user: User,
    session: &Session,
    stored: Stored<K>,
    conflict: bool,
) -> AppResult<Response> {
    let in_use = K::in_use(&mut *state.db.acquire().await?, stored.id).await?;
    let status = if conflict || in_use > 0 { StatusCode::CONFLICT } else { StatusCode::OK };
    let page = DeletePage {
        layout: super::layout(state, &format!("/admin/{}/{}/delete", K::KIND.path(), stored.id)),
        user,
        csrf_token: csrf::token(session).await?,
        kind: K::KIND,
        id: stored.id,
        title: stored.doc.title(locale::current()),
        version: stored.version,
        back: K::back(stored.owner),
        fields: stored.doc.fields().into_iter().filter(|(_, v)| !v.is_empty()).collect(),
        in_use,
        conflict,
    };
    render_with(status, &page)
}

async fn confirm_delete<K: Record>(
    State(state): State<AppState>,
    Staff { user, session }: Staff,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let stored = load::<K>(&state, id).await?;
    delete_page(&state, user, &session, stored, false).await
}

async fn delete<K: Record>(
    State(state): State<AppState>,
    Staff { user, session }: Staff,
    Path(id): Path<i64>,
    Posted(values): Posted,
) -> AppResult<Response> {
    let stored = load::<K>(&state, id).await?;
    let changed = values.get("version").and_then(|v| v.parse::<i32>().ok()) != Some(stored.version);
    if changed || K::in_use(&mut *state.db.acquire().await?, id).await? > 0 {
        // Changed since the confirmation was shown, or still in use: show it again as it is now.
        return delete_page(&state, user, &session, stored, changed).await;
    }
    let mut tx = state.db.begin().await?;
    // A person's whole case goes to the trash, restorable for 30 days (issue 19); other
    // records are deleted, kept whole in their revision.
    let deleted = if K::KIND == RecordKind::Person {
        trash::move_person(&mut tx, id, stored.version, user.id).await?
    } else {
        revisions::delete_record(&mut tx, K::KIND, id, stored.version).await?
    };
    if !deleted {
        tx.rollback().await?;
        let stored = load::<K>(&state, id).await?;
        return delete_page(&state, user, &session, stored, true).await;
    }
    revisions::record_deletion(&mut tx, user.id, id, stored.person_id, &stored.doc).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    let back = K::back(stored.owner);
    let separator = if back.contains('?') { '&' } else { '?' };
    Ok(super::redirect_to(&format!("{back}{separator}deleted=1")).into_response())
}
