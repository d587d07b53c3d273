//! A record's history (one template for every kind; a person's lists their whole case) and
//! restoring an old version, which is checked like a typed form: the rules may have changed
//! since, and what it names (an address, a facility) may be taken or gone. A restore keeps the
//! record's current address and publication, and is shown as the changes it would make (the
//! record as it is now → as it will be) before it is confirmed.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

use super::editor::{Page, context, load, racing};
use super::review;
use super::shown;
use crate::app::AppState;
use crate::db::revisions::{self, Action, FieldChange, Revision, diff};
use crate::db::users::User;
use crate::domain::RecordKind;
use crate::i18n::Message;
use crate::records::{self, Context, FieldErrors, Stored};
use crate::web::error::{AppError, AppResult};
use crate::web::extract::{Posted, Staff};
use crate::web::{Layout, csrf, format, locale, render, render_with};

/// A revision as a history page shows it.
pub(super) struct HistoryLine {
    pub revision: Revision,
    pub changes: Vec<FieldChange>,
    /// An older version of a record that still exists: restoring it would change something.
    pub restorable: bool,
}

impl HistoryLine {
    /// Where its restore button posts (the record may be another kind than the page's: a
    /// person's history lists their whole case).
    pub(super) fn restore_action(&self) -> String {
        let Revision { record_type, record_id, id, .. } = &self.revision;
        format!("/admin/{}/{record_id}/restore/{id}", record_type.path())
    }
}

/// The lines of a history, newest first.
fn history_lines(history: Vec<Revision>) -> Vec<HistoryLine> {
    let mut seen: Vec<(RecordKind, i64)> = Vec::new();
    let mut deleted: Vec<(RecordKind, i64)> = Vec::new();
    history
        .into_iter()
        .map(|revision| {
            let record = (revision.record_type, revision.record_id);
            if revision.action == Action::Delete {
                deleted.push(record);
            }
            let restorable = seen.contains(&record)
                && !deleted.contains(&record)
                && revision.after.is_some()
                && revision.record_type.restorable();
            seen.push(record);
            HistoryLine { changes: records::changes(&revision), revision, restorable }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "admin/record_history.html")]
struct HistoryPage {
    layout: Layout,
    user: User,
    csrf_token: String,
    kind: RecordKind,
    id: i64,
    title: String,
    lines: Vec<HistoryLine>,
}

pub(super) async fn history<K: Page>(
    State(state): State<AppState>,
    Staff { user, session }: Staff,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let stored = load::<K>(&state, id).await?;
    let mut conn = state.db.acquire().await?;
    let history = K::revisions(&mut conn, id).await?;
    let mut lines = history_lines(history);
    // The values in the admin's language, as the forms show them (labels, names, years).
    let lang = locale::current();
    let references = {
        let all: Vec<(RecordKind, &[FieldChange])> =
            lines.iter().map(|l| (l.revision.record_type, l.changes.as_slice())).collect();
        shown::References::load(&mut conn, &all).await?
    };
    drop(conn);
    // A person's history lists their whole case: one audit line per record whose hidden fields
    // it shows.
    let mut shown: Vec<(RecordKind, i64, Vec<&'static str>)> = Vec::new();
    for line in &lines {
        let Revision { record_type, record_id, .. } = line.revision;
        let fields = line.changes.iter().map(|c| c.field);
        match shown.iter_mut().find(|(kind, id, _)| (*kind, *id) == (record_type, record_id)) {
            Some((_, _, seen)) => seen.extend(fields),
            None => shown.push((record_type, record_id, fields.collect())),
        }
    }
    for (kind, record_id, fields) in shown {
        super::editor::audit_view(&state, &user, kind, record_id, fields.into_iter()).await?;
    }
    for line in &mut lines {
        shown::show_changes(lang, line.revision.record_type, &mut line.changes, &references);
    }
    let page = HistoryPage {
        layout: super::layout(&state, &format!("/admin/{}/{id}/history", K::KIND.path())),
        user,
        csrf_token: csrf::token(&session).await?,
        kind: K::KIND,
        id,
        title: stored.doc.title(locale::current()),
        lines,
    };
    render(&page)
}

/// An old version that may not come back, saying which field is why.
fn restore_refused(errors: FieldErrors) -> AppError {
    let Some((field, message)) = errors.into_iter().next() else {
        return AppError::BadRequest(Message::new("refusal-restore-changed"));
    };
    AppError::BadRequest(
        Message::new("refusal-restore-invalid")
            .arg_message("field", Message::label("field", field))
            .arg_message("problem", message),
    )
}

/// What restoring revision `revision` of record `id` would write over the record as it is now
/// (`stored`), checked like a typed form inside `tx`: the old version with the record's
/// current address and publication (a restore brings back what was written, never takes the
/// record off the site or moves it), or why it cannot come back.
async fn restored<K: Page>(
    tx: &mut crate::db::Tx,
    stored: &Stored<K>,
    revision: i64,
    context: &Context,
) -> AppResult<K> {
    let history = revisions::for_record(tx, K::KIND, stored.id).await?;
    let target = history.into_iter().find(|r| r.id == revision).ok_or(AppError::NotFound)?;
    let mut old: K = target.after_as().ok_or(AppError::NotFound)?;
    K::restoring(tx, stored.id, &mut old, &stored.doc, context.may_publish).await?;
    match K::validate(tx, &old.form(), context, Some(&stored.doc), Some(stored.id)).await? {
        Ok(doc) => Ok(doc),
        Err(errors) => Err(restore_refused(errors)),
    }
}

#[derive(Template)]
#[template(path = "admin/record_restore.html")]
struct RestorePage {
    layout: Layout,
    user: User,
    csrf_token: String,
    kind: RecordKind,
    id: i64,
    revision: i64,
    title: String,
    /// The version the changes were computed over: the restore goes over it or not at all.
    version: i32,
    /// From the record as it is now to what the restore writes.
    changes: Vec<FieldChange>,
    /// The record changed since the page was shown: these are the changes as they are now.
    changed: bool,
}

/// The confirmation: what restoring would change, field by field, with the button that does it.
async fn restore_page<K: Page>(
    state: &AppState,
    user: User,
    session: &Session,
    (id, revision): (i64, i64),
    changed: bool,
) -> AppResult<Response> {
    let stored = load::<K>(state, id).await?;
    let context = context(state, &user).await?;
    let mut tx = state.db.begin().await?;
    let doc = restored::<K>(&mut tx, &stored, revision, &context).await?;
    tx.rollback().await?;
    let changes = diff(Some(&stored.doc), &doc);
    super::editor::audit_view(state, &user, K::KIND, id, changes.iter().map(|c| c.field)).await?;
    let page = RestorePage {
        layout: super::layout(state, &format!("/admin/{}/{id}/restore/{revision}", K::KIND.path())),
        user,
        csrf_token: csrf::token(session).await?,
        kind: K::KIND,
        id,
        revision,
        title: stored.doc.title(locale::current()),
        version: stored.version,
        changes,
        changed,
    };
    render_with(if changed { StatusCode::CONFLICT } else { StatusCode::OK }, &page)
}

pub(super) async fn confirm_restore<K: Page>(
    State(state): State<AppState>,
    Staff { user, session }: Staff,
    Path(ids): Path<(i64, i64)>,
) -> AppResult<Response> {
    restore_page::<K>(&state, user, &session, ids, false).await
}

/// Restores the version confirmed, over the version of the record the confirmation showed: a
/// record changed since shows the confirmation again (409), with the changes as they are now.
/// An editor's restore of a published record waits for review like any change of theirs.
pub(super) async fn restore<K: Page>(
    State(state): State<AppState>,
    Staff { user, session }: Staff,
    Path((id, revision)): Path<(i64, i64)>,
    Posted(values): Posted,
) -> AppResult<Response> {
    let stored = load::<K>(&state, id).await?;
    let version = values
        .get("version")
        .and_then(|v| v.parse::<i32>().ok())
        .ok_or_else(|| AppError::BadRequest(Message::new("refusal-form-version")))?;
    if version != stored.version {
        return restore_page::<K>(&state, user, &session, (id, revision), true).await;
    }
    let context = context(&state, &user).await?;
    let mut tx = state.db.begin().await?;
    let doc = restored::<K>(&mut tx, &stored, revision, &context).await?;
    if review::needed(&state, &mut tx, &user, Some(&stored), stored.person_id).await? {
        review::hold_change(&mut tx, &user, &stored, stored.person_id, &doc).await?;
        tx.commit().await?;
        return Ok(super::redirect_to(&format!("/admin/{}/{id}/edit?pending=1", K::KIND.path())).into_response());
    }
    let updated = match K::update(&mut tx, id, stored.version, &doc).await {
        Ok(updated) => updated,
        Err(error) => return Err(restore_refused(racing::<K>(error)?)),
    };
    if updated.is_none() {
        tx.rollback().await?;
        return restore_page::<K>(&state, user, &session, (id, revision), true).await;
    }
    revisions::record(&mut tx, user.id, id, stored.person_id, Action::Restore, Some(&stored.doc), &doc).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    Ok(super::redirect_to(&format!("/admin/{}/{id}/history", K::KIND.path())).into_response())
}
