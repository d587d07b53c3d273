//! A record's history (one template for every kind; a person's lists their whole case) and
//! restoring an old version, which is checked like a typed form: the rules may have changed
//! since, and what it names (an address, a facility) may be taken or gone.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};

use super::editor::{Page, context, load, racing};
use super::shown;
use crate::app::AppState;
use crate::db::revisions::{self, Action, FieldChange, Revision};
use crate::db::users::User;
use crate::domain::RecordKind;
use crate::i18n::Message;
use crate::records::{self, FieldErrors};
use crate::web::error::{AppError, AppResult};
use crate::web::extract::{Posted, Staff};
use crate::web::{Layout, csrf, format, locale, render};

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
    let history = K::revisions(&mut *conn, id).await?;
    let mut lines = history_lines(history);
    // The values in the admin's language, as the forms show them (labels, names, years).
    let lang = locale::current();
    let references = {
        let all: Vec<(RecordKind, &[FieldChange])> =
            lines.iter().map(|l| (l.revision.record_type, l.changes.as_slice())).collect();
        shown::References::load(&mut *conn, &all).await?
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

pub(super) async fn restore<K: Page>(
    State(state): State<AppState>,
    Staff { user, .. }: Staff,
    Path((id, revision)): Path<(i64, i64)>,
    _: Posted,
) -> AppResult<Response> {
    let stored = load::<K>(&state, id).await?;
    let history = revisions::for_record(&mut *state.db.acquire().await?, K::KIND, id).await?;
    let target = history.into_iter().find(|r| r.id == revision).ok_or(AppError::NotFound)?;
    let mut old: K = target.after_as().ok_or(AppError::NotFound)?;
    let context = context(&state, &user).await?;
    let mut tx = state.db.begin().await?;
    K::restoring(&mut tx, id, &mut old, &stored.doc, context.may_publish).await?;
    let doc = match K::validate(&mut tx, &old.form(), &context, Some(&stored.doc), Some(id)).await? {
        Ok(doc) => doc,
        Err(errors) => return Err(restore_refused(errors)),
    };
    let updated = match K::update(&mut tx, id, stored.version, &doc).await {
        Ok(updated) => updated,
        Err(error) => return Err(restore_refused(racing::<K>(error)?)),
    };
    if updated.is_none() {
        return Err(AppError::BadRequest(Message::new("refusal-restore-changed")));
    }
    revisions::record(&mut tx, user.id, id, stored.person_id, Action::Restore, Some(&stored.doc), &doc).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    Ok(super::redirect_to(&format!("/admin/{}/{id}/history", K::KIND.path())).into_response())
}
