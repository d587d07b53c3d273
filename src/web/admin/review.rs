//! The review queue (`REVIEW_EDITS`, on by default): an editor's change to a published record
//! is kept in `pending_changes` instead of being written, so that the public keeps the last
//! approved version; the editor sees their pending version on the form; an admin approves it
//! (checked again like a typed form, written over the version it was made on, a revision in the
//! editor's name) or rejects it at `/admin/review`. Each decision is in the audit log.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use sqlx::PgConnection;

use super::editor::{self, Editing, Page, racing};
use super::{audit_action, redirect_to};
use crate::accounts::Role;
use crate::app::AppState;
use crate::db::review::{self, Hold, Pending};
use crate::db::revisions::{self, Action, FieldChange, RecordKind};
use crate::db::users::{AuditAction, User};
use crate::i18n::Message;
use crate::records::{Editor, FieldErrors, Stored, Subject, Values};
use crate::web::error::{AppError, AppResult};
use crate::web::extract::{Posted, Staff};
use crate::web::{Layout, csrf, format, render};

/// The queue's page and the rejection (admins only; approving is a route of each kind's editor).
pub(super) fn router() -> Router<AppState> {
    Router::new().route("/admin/review", get(queue)).route("/admin/review/{id}/reject", post(reject))
}

/// Whether `user`'s save waits for review: review is on, the user is an editor, and what the
/// save changes is published: the case of a published person, a published wave or figure, or a
/// stored record that published pages show by reference (a source, a facility).
pub(super) async fn needed<K: Editor>(
    state: &AppState,
    conn: &mut PgConnection,
    user: &User,
    stored: Option<&Stored<K>>,
    person_id: Option<i64>,
) -> sqlx::Result<bool> {
    if !state.review_edits || user.role != Role::Editor {
        return Ok(false);
    }
    if let Some(person) = person_id.or(stored.and_then(|s| s.person_id)) {
        return review::published(conn, Some(person), None).await;
    }
    let publication = |doc: &K| serde_json::to_value(doc).ok()?.get("publication")?.as_str().map(str::to_owned);
    Ok(stored.is_some_and(|s| publication(&s.doc).is_none_or(|p| p == "published")))
}

/// Refuses an editor's change that the queue cannot hold yet (a photo, translations) to a
/// published person's or wave's record, while review is on: an admin makes it.
pub(super) async fn refuse_unheld(
    state: &AppState,
    user: &User,
    person: Option<i64>,
    wave: Option<i64>,
) -> AppResult<()> {
    if !state.review_edits || user.role != Role::Editor {
        return Ok(());
    }
    if review::published(&mut *state.db.acquire().await?, person, wave).await? {
        return Err(AppError::BadRequest(Message::new("refusal-review-admin-only")));
    }
    Ok(())
}

/// Keeps `doc`, the editor's change, for review; where the editor goes next (the form, saying
/// the change waits).
pub(super) async fn hold<K: Editor>(
    conn: &mut PgConnection,
    editing: &Editing<K>,
    stored: Option<&Stored<K>>,
    person_id: Option<i64>,
    doc: &K,
) -> sqlx::Result<String> {
    let hold = Hold {
        record_id: stored.map(|s| s.id),
        parent: editing.owner.filter(|_| stored.is_none()).map(|s| (s.kind, s.id)),
        person_id: person_id.or(stored.and_then(|s| s.person_id)),
        base_version: stored.and(editing.version),
        before: stored.map(|s| &s.doc),
        doc,
        user_id: editing.user.id,
    };
    review::hold(conn, hold).await?;
    Ok(match (stored, editing.owner) {
        (Some(stored), _) => format!("/admin/{}/{}/edit?pending=1", K::KIND.path(), stored.id),
        (None, Some(owner)) => format!("{}?pending=1", owner.edit_path()),
        (None, None) => format!("/admin/{}?pending=1", K::KIND.path()),
    })
}

/// Keeps an editor's change to a stored record made outside its form (a wave's bulk release, a
/// restore), part of `person_id`'s case if any.
pub(super) async fn hold_change<K: Editor>(
    conn: &mut PgConnection,
    user: &User,
    stored: &Stored<K>,
    person_id: Option<i64>,
    doc: &K,
) -> sqlx::Result<i64> {
    let hold = Hold {
        record_id: Some(stored.id),
        parent: None,
        person_id: person_id.or(stored.person_id),
        base_version: Some(stored.version),
        before: Some(&stored.doc),
        doc,
        user_id: user.id,
    };
    review::hold(conn, hold).await
}

/// A change waiting, as a form says so: who made it, when.
pub(crate) struct PendingNote {
    pub editor: String,
    pub at: String,
}

/// The change waiting for the record on `editing`'s form, if any: an editor sees it in the
/// form (their pending version); admins and viewers see the record as it is, told of it.
pub(super) async fn show_pending<K: Editor>(state: &AppState, editing: &mut Editing<K>) -> AppResult<()> {
    let Some(id) = editing.id else { return Ok(()) };
    let Some(pending) = review::for_record(&mut *state.db.acquire().await?, K::KIND, id).await? else {
        return Ok(());
    };
    if editing.user.role == Role::Editor
        && let Some(doc) = pending.doc_as::<K>()
    {
        editing.form = doc.form();
    }
    editing.pending = Some(PendingNote { editor: pending.editor, at: format::moment(&pending.created_at) });
    Ok(())
}

/// A change in the queue, as the page shows it.
struct QueueLine {
    pending: Pending,
    changes: Vec<FieldChange>,
}

impl QueueLine {
    /// Where the record (or, for a new one, the record it is part of) is edited.
    fn record_path(&self) -> String {
        let p = &self.pending;
        match (p.record_id, p.parent) {
            (Some(id), _) => format!("/admin/{}/{id}/edit", p.record_type.path()),
            (None, Some((kind, id))) => format!("/admin/{}/{id}/edit", kind.path()),
            (None, None) => format!("/admin/{}", p.record_type.path()),
        }
    }

    fn approve_action(&self) -> String {
        format!("/admin/{}/review/{}/approve", self.pending.record_type.path(), self.pending.id)
    }
}

#[derive(Template)]
#[template(path = "admin/review.html")]
struct QueuePage {
    layout: Layout,
    user: User,
    csrf_token: String,
    lines: Vec<QueueLine>,
    /// `approved` or `rejected`, after a decision.
    done: Option<&'static str>,
}

async fn queue(State(state): State<AppState>, staff: Staff, Query(query): Query<Values>) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let pending = review::list(&mut conn, None).await?;
    let mut lines: Vec<QueueLine> = pending
        .into_iter()
        .map(|pending| QueueLine { changes: crate::records::changes(&pending.as_revision()), pending })
        .collect();
    // The values in the admin's language, as the forms and the history show them.
    let references = {
        let all: Vec<(RecordKind, &[FieldChange])> =
            lines.iter().map(|l| (l.pending.record_type, l.changes.as_slice())).collect();
        super::shown::References::load(&mut conn, &all).await?
    };
    drop(conn);
    let lang = crate::web::locale::current();
    for line in &mut lines {
        super::shown::show_changes(lang, line.pending.record_type, &mut line.changes, &references);
    }
    let done = ["approved", "rejected"].into_iter().find(|key| query.contains_key(*key));
    let csrf_token = csrf::token(&staff.session).await?;
    let layout = super::layout(&state, "/admin/review");
    render(&QueuePage { layout, user: staff.user, csrf_token, lines, done })
}

/// A decision on change `id`, in the audit log: whose change, to what.
async fn audit(state: &AppState, admin: &User, action: AuditAction, pending: &Pending) -> AppResult<()> {
    let detail = serde_json::json!({
        "record": pending.record_type.key(), "id": pending.record_id, "by_user": pending.user_id,
    });
    audit_action(state, admin, action, detail).await
}

async fn reject(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Posted(_): Posted,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let pending = review::list(&mut conn, Some(id)).await?.pop().ok_or(AppError::NotFound)?;
    if review::remove(&mut conn, id).await? {
        audit(&state, &staff.user, AuditAction::ChangeRejected, &pending).await?;
    }
    Ok(redirect_to("/admin/review?rejected=1").into_response())
}

/// A change that cannot be approved as it is, saying why.
fn refused(errors: FieldErrors) -> AppError {
    let Some((field, message)) = errors.into_iter().next() else {
        return AppError::BadRequest(Message::new("refusal-review-stale"));
    };
    AppError::BadRequest(
        Message::new("refusal-review-invalid")
            .arg_message("field", Message::label("field", field))
            .arg_message("problem", message),
    )
}

/// Approves change `id` to a `K`: checked again like a typed form (the rules, or what it
/// names, may have changed since), written over the version it was made on (a record changed
/// since refuses it: reject it and let the editor make it again), a revision in the editor's
/// name, then one signal.
pub(super) async fn approve<K: Page>(
    State(state): State<AppState>,
    Staff { user, .. }: Staff,
    Path(id): Path<i64>,
    Posted(_): Posted,
) -> AppResult<Response> {
    if !user.role.is_admin() {
        return Err(AppError::Forbidden);
    }
    let mut conn = state.db.acquire().await?;
    let pending = review::list(&mut conn, Some(id)).await?.pop().ok_or(AppError::NotFound)?;
    let doc = pending.doc_as::<K>().ok_or(AppError::NotFound)?;
    // A release into a wave still in draft waits for the wave: it would tell the public of it.
    let wave = pending.doc.get("wave").and_then(|w| w.as_str());
    if K::KIND == RecordKind::Detention && review::draft_wave(&mut conn, wave).await? {
        return Err(AppError::BadRequest(Message::new("refusal-review-draft-wave")));
    }
    drop(conn);
    let context = editor::context(&state, &user).await?;
    let mut tx = state.db.begin().await?;
    let stored = match pending.record_id {
        Some(record) => Some(K::load(&mut tx, record).await?.ok_or_else(|| refused(FieldErrors::new()))?),
        None => None,
    };
    let current = stored.as_ref().map(|s| &s.doc);
    let doc = K::validate(&mut tx, &doc.form(), &context, current, pending.record_id).await?.map_err(refused)?;
    let owner = pending.parent.and_then(|(kind, id)| Subject::of(kind, id)).or(stored.as_ref().and_then(|s| s.owner));
    let over = stored.as_ref().zip(pending.base_version).map(|(s, version)| (s.id, version));
    let saved = match K::save(&mut tx, over, owner, &doc).await {
        Ok(saved) => saved,
        Err(error) => return Err(refused(racing::<K>(error)?)),
    };
    let Some((record, _)) = saved else { return Err(refused(FieldErrors::new())) };
    let person_id = pending.person_id.or((K::KIND == RecordKind::Person).then_some(record));
    let action = if current.is_some() { Action::Update } else { Action::Create };
    revisions::record(&mut tx, pending.user_id, record, person_id, action, current, &doc).await?;
    review::remove(&mut tx, pending.id).await?;
    tx.commit().await?;
    audit(&state, &user, AuditAction::ChangeApproved, &pending).await?;
    state.cache.changes().bump();
    Ok(redirect_to("/admin/review?approved=1").into_response())
}
