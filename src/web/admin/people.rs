//! `/admin/people…`: list, create and edit people, their history with restore.
//!
//! A form that fails validation comes back with everything typed and a message beside each
//! field (422). Saving over a newer version is refused with both versions side by side (409).
//! Every save records a revision (who, when, before, after) and tells the caches.

use askama::Template;
use axum::extract::{Extension, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use tower_sessions::Session;

use super::person_form::{FieldChange, FieldErrors, PersonForm, diff};
use super::photos::PhotoSection;
use super::summary::ErrorSummary;
use super::{CurrentUser, TokenForm};
use crate::accounts::Role;
use crate::app::AppState;
use crate::db::edit_detentions::{self, DetentionDoc, StoredDetention};
use crate::db::edit_events::{self, EventDoc, StoredEvent};
use crate::db::edit_facts::{self, RecognitionDoc};
use crate::db::edit_people::{self, Listed, Lookalike, PersonDoc, StoredPerson};
use crate::db::edit_sources::{self, CitationDoc, Stored, StoredCitation, Subject};
use crate::db::photos::PhotoDoc;
use crate::db::revisions::{self, Action, RecordKind, Revision};
use crate::db::users::User;
use crate::domain::{NameKind, PublicationState, Sex};
use crate::error::{AppError, AppResult};
use crate::i18n::Message;
use crate::search::key::name_key;
use crate::web::{Layout, csrf, format, render};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/people", get(list_people))
        .route("/admin/people/new", get(new_person_form).post(create_person))
        .route("/admin/people/{id}/edit", get(edit_person_form).post(update_person))
        .route("/admin/people/{id}/history", get(show_history))
        .route("/admin/people/{id}/restore/{revision}", post(restore_revision))
}

#[derive(Debug, Default, Deserialize)]
struct ListQuery {
    q: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/people.html")]
struct PeoplePage {
    layout: Layout,
    user: User,
    csrf_token: String,
    q: String,
    people: Vec<Listed>,
}

async fn list_people(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Query(query): Query<ListQuery>,
) -> AppResult<Response> {
    let q = query.q.unwrap_or_default().trim().chars().take(200).collect::<String>();
    let key = name_key(&q);
    let people = edit_people::find(&mut *state.db.acquire().await?, &key, &q.to_lowercase()).await?;
    let csrf_token = csrf::token(&session).await?;
    let layout = super::layout(&state, &super::searched("/admin/people", &q));
    render(&PeoplePage { layout, user, csrf_token, q, people })
}

#[derive(Template)]
#[template(path = "admin/person_form.html")]
struct PersonFormPage {
    layout: Layout,
    user: User,
    csrf_token: String,
    /// `None` for a new person.
    id: Option<i64>,
    form: PersonForm,
    errors: FieldErrors,
    lookalikes: Vec<Lookalike>,
    /// Set on the conflict page: the version saved meanwhile, and what differs from yours.
    conflict: Option<Conflict>,
    saved: bool,
    /// The person's detentions and events (edits only).
    detentions: Vec<StoredDetention>,
    events: Vec<StoredEvent>,
    recognitions: Vec<Stored<RecognitionDoc>>,
    citations: Vec<StoredCitation>,
    /// The person's photo and the form to change it (edits only).
    photo: Option<PhotoSection>,
}

/// The person form's fields in the order it shows them, for the error summary.
const PERSON_FIELDS: [&str; 12] = [
    "name",
    "lang",
    "script",
    "kind",
    "slug",
    "born",
    "sex",
    "citizenships",
    "occupation",
    "region",
    "biography",
    "publication",
];

struct Conflict {
    /// Who saved the version the form conflicts with, and when.
    editor_note: Option<Message>,
    changes: Vec<FieldChange>,
}

impl PersonFormPage {
    fn summary(&self) -> ErrorSummary {
        ErrorSummary::new(self.layout.lang)
            .conflict(self.conflict.is_some())
            .lookalikes(!self.lookalikes.is_empty())
            .fields(&self.errors, &PERSON_FIELDS)
    }

    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field).map(|m| self.layout.message(m))
    }

    fn name_error(&self, i: &usize) -> Option<String> {
        ["name", "lang", "script", "kind"]
            .iter()
            .find_map(|f| self.errors.get(&format!("{f}_{i}")).map(|m| self.layout.message(m)))
    }

    fn may_publish(&self) -> bool {
        self.user.role == Role::Admin
    }

    fn sexes(&self) -> &'static [Sex] {
        Sex::ALL
    }

    fn kinds(&self) -> &'static [NameKind] {
        NameKind::ALL
    }

    fn action(&self) -> String {
        match self.id {
            Some(id) => format!("/admin/people/{id}/edit"),
            None => "/admin/people/new".to_owned(),
        }
    }
}

#[allow(clippy::too_many_arguments)]
async fn form_page(
    state: &AppState,
    user: User,
    session: &Session,
    id: Option<i64>,
    form: PersonForm,
    errors: FieldErrors,
    lookalikes: Vec<Lookalike>,
    conflict: Option<Conflict>,
    status: StatusCode,
) -> AppResult<Response> {
    let path = match id {
        Some(id) => format!("/admin/people/{id}/edit"),
        None => "/admin/people/new".to_owned(),
    };
    let Case { detentions, events, recognitions, citations, photo } = case(state, id).await?;
    let page = PersonFormPage {
        layout: super::layout(state, &path),
        user,
        csrf_token: csrf::token(session).await?,
        id,
        form,
        errors,
        lookalikes,
        conflict,
        saved: false,
        detentions,
        events,
        recognitions,
        citations,
        photo,
    };
    let mut response = render(&page)?;
    *response.status_mut() = status;
    Ok(response)
}

async fn new_person_form(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
) -> AppResult<Response> {
    let form = PersonForm { publication: "draft".into(), ..PersonForm::default() };
    form_page(&state, user, &session, None, form, FieldErrors::new(), Vec::new(), None, StatusCode::OK).await
}

/// Validates the form against the countries and the slugs in use.
async fn check(
    state: &AppState,
    form: &PersonForm,
    user: &User,
    id: Option<i64>,
    current: Option<PublicationState>,
) -> AppResult<Result<PersonDoc, FieldErrors>> {
    let mut conn = state.db.acquire().await?;
    let countries = edit_people::country_codes(&mut conn).await?;
    let mut result = form.validate(&countries, user.role == Role::Admin, current);
    if let Ok(doc) = &result {
        let mut slug = doc.slug.clone();
        if edit_people::slug_taken(&mut conn, &slug, id).await? {
            if form.slug.trim().is_empty() {
                // A made-up address that is taken gets a number: ihar-losik-2.
                let base = slug.clone();
                let mut n = 2;
                while edit_people::slug_taken(&mut conn, &slug, id).await? {
                    slug = format!("{base}-{n}");
                    n += 1;
                }
                if let Ok(doc) = result.as_mut() {
                    doc.slug = slug;
                }
            } else {
                let mut errors = FieldErrors::new();
                errors.insert("slug".into(), Message::new("error-person-slug-taken"));
                result = Err(errors);
            }
        }
    }
    Ok(result)
}

async fn create_person(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let form = PersonForm::from_pairs(pairs);
    csrf::verify(&session, form.csrf_token.as_deref()).await?;
    let doc = match check(&state, &form, &user, None, None).await? {
        Ok(doc) => doc,
        Err(errors) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return form_page(&state, user, &session, None, form, errors, Vec::new(), None, status).await;
        }
    };
    if !form.confirm_duplicate {
        let keys: Vec<String> = doc.names.iter().map(|n| name_key(&n.name)).collect();
        let year = doc.born.map(|d| d.start().year());
        let lookalikes = edit_people::lookalikes(&mut *state.db.acquire().await?, &keys, year, None).await?;
        if !lookalikes.is_empty() {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return form_page(&state, user, &session, None, form, FieldErrors::new(), lookalikes, None, status).await;
        }
    }
    let mut tx = state.db.begin().await?;
    let id = edit_people::insert(&mut tx, &doc).await?;
    revisions::record(&mut tx, user.id, id, Some(id), Action::Create, None, &doc).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    Ok(super::redirect_to(&format!("/admin/people/{id}/edit?saved=1")).into_response())
}

#[derive(Debug, Default, Deserialize)]
struct EditQuery {
    saved: Option<String>,
}

async fn stored(state: &AppState, id: i64) -> AppResult<StoredPerson> {
    edit_people::load(&mut *state.db.acquire().await?, id).await?.ok_or(AppError::NotFound)
}

async fn edit_person_form(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path(id): Path<i64>,
    Query(query): Query<EditQuery>,
) -> AppResult<Response> {
    let person = stored(&state, id).await?;
    let Case { detentions, events, recognitions, citations, photo } = case(&state, Some(id)).await?;
    let page = PersonFormPage {
        layout: super::layout(&state, &format!("/admin/people/{id}/edit")),
        user,
        csrf_token: csrf::token(&session).await?,
        id: Some(id),
        form: PersonForm::from_doc(&person.doc, Some(person.version)),
        errors: FieldErrors::new(),
        lookalikes: Vec::new(),
        conflict: None,
        saved: query.saved.is_some(),
        detentions,
        events,
        recognitions,
        citations,
        photo,
    };
    render(&page)
}

async fn update_person(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let mut form = PersonForm::from_pairs(pairs);
    csrf::verify(&session, form.csrf_token.as_deref()).await?;
    let person = stored(&state, id).await?;
    let doc = match check(&state, &form, &user, Some(id), Some(person.doc.publication)).await? {
        Ok(doc) => doc,
        Err(errors) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return form_page(&state, user, &session, Some(id), form, errors, Vec::new(), None, status).await;
        }
    };
    let Some(version) = form.version else {
        return Err(AppError::BadRequest(Message::new("refusal-form-version")));
    };
    let mut tx = state.db.begin().await?;
    let saved = edit_people::update(&mut tx, id, version, &doc).await?;
    if saved.is_none() {
        tx.rollback().await?;
        return conflict(&state, user, &session, id, form, &doc).await;
    }
    revisions::record(&mut tx, user.id, id, Some(id), Action::Update, Some(&person.doc), &doc).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    form.version = saved;
    Ok(super::redirect_to(&format!("/admin/people/{id}/edit?saved=1")).into_response())
}

/// Someone saved the person after this form was loaded: show what they saved beside what was
/// typed, and let the editor save theirs over it knowingly (the form now carries the new version).
async fn conflict(
    state: &AppState,
    user: User,
    session: &Session,
    id: i64,
    mut form: PersonForm,
    yours: &PersonDoc,
) -> AppResult<Response> {
    let current = stored(state, id).await?;
    let history = revisions::for_person(&mut *state.db.acquire().await?, id).await?;
    let editor_note = history.iter().find(|r| r.record_type == RecordKind::Person).map(|r| match &r.editor {
        Some(editor) => Message::new("conflict-saved-by").arg("editor", editor).arg("at", format::moment(&r.at)),
        None => Message::new("conflict-saved-by-deleted").arg("at", format::moment(&r.at)),
    });
    let changes = diff(Some(&current.doc), yours);
    form.version = Some(current.version);
    let conflict = Conflict { editor_note, changes };
    let status = StatusCode::CONFLICT;
    form_page(state, user, session, Some(id), form, FieldErrors::new(), Vec::new(), Some(conflict), status).await
}

/// A revision with the changes it made, for the history page.
struct HistoryLine {
    revision: Revision,
    changes: Vec<FieldChange>,
    /// Not the latest save of its record: restoring it would change something.
    restorable: bool,
}

impl HistoryLine {
    fn restore_action(&self) -> String {
        let path = self.revision.record_type.path();
        format!("/admin/{path}/{}/restore/{}", self.revision.record_id, self.revision.id)
    }
}

/// The parts of a person's case listed under their form, read over one connection.
#[derive(Default)]
struct Case {
    detentions: Vec<StoredDetention>,
    events: Vec<StoredEvent>,
    recognitions: Vec<Stored<RecognitionDoc>>,
    citations: Vec<StoredCitation>,
    photo: Option<PhotoSection>,
}

async fn case(state: &AppState, id: Option<i64>) -> AppResult<Case> {
    let Some(id) = id else { return Ok(Case::default()) };
    let mut conn = state.db.acquire().await?;
    Ok(Case {
        detentions: edit_detentions::list_for_person(&mut conn, id).await?,
        events: edit_events::list_for_person(&mut conn, id).await?,
        recognitions: edit_facts::recognitions_of(&mut conn, id).await?,
        citations: edit_sources::citations_of(&mut conn, Subject::Person(id)).await?,
        photo: Some(PhotoSection::load(&mut conn, id).await?),
    })
}

#[derive(Template)]
#[template(path = "admin/person_history.html")]
struct HistoryPage {
    layout: Layout,
    user: User,
    csrf_token: String,
    id: i64,
    person: StoredPerson,
    lines: Vec<HistoryLine>,
}

async fn show_history(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let person = stored(&state, id).await?;
    let history = revisions::for_person(&mut *state.db.acquire().await?, id).await?;
    let mut seen: Vec<(RecordKind, i64)> = Vec::new();
    let mut deleted: Vec<(RecordKind, i64)> = Vec::new();
    let lines = history
        .into_iter()
        .map(|revision| {
            let changes = match revision.record_type {
                RecordKind::Detention => revision.changes_as::<DetentionDoc>(),
                RecordKind::Event => revision.changes_as::<EventDoc>(),
                RecordKind::Recognition => revision.changes_as::<RecognitionDoc>(),
                RecordKind::Citation => revision.changes_as::<CitationDoc>(),
                RecordKind::Photo => revision.changes_as::<PhotoDoc>(),
                RecordKind::PersonTexts => revision.changes_as::<crate::db::texts::PersonTexts>(),
                RecordKind::EventTexts => revision.changes_as::<crate::db::texts::EventTexts>(),
                _ => revision.changes_as::<PersonDoc>(),
            };
            // Only an older version of a record that still exists can come back.
            let record = (revision.record_type, revision.record_id);
            if revision.action == Action::Delete {
                deleted.push(record);
            }
            let restorable = seen.contains(&record) && !deleted.contains(&record) && revision.after.is_some()
                // A photo's image is not kept in its revisions, so an earlier one cannot come back.
                && revision.record_type != RecordKind::Photo
                // Translations are restored by saving their page again (it lists their changes).
                && !matches!(revision.record_type, RecordKind::PersonTexts | RecordKind::EventTexts);
            seen.push(record);
            HistoryLine { changes: changes.unwrap_or_default(), revision, restorable }
        })
        .collect();
    let page = HistoryPage {
        layout: super::layout(&state, &format!("/admin/people/{id}/history")),
        user,
        csrf_token: csrf::token(&session).await?,
        id,
        person,
        lines,
    };
    render(&page)
}

/// Puts the person back as they were after `revision`, as a new revision of its own.
async fn restore_revision(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path((id, revision)): Path<(i64, i64)>,
    Form(form): Form<TokenForm>,
) -> AppResult<Response> {
    csrf::verify(&session, form.csrf_token.as_deref()).await?;
    let person = stored(&state, id).await?;
    let history = revisions::for_person(&mut *state.db.acquire().await?, id).await?;
    let target = history.into_iter().find(|r| r.id == revision).ok_or(AppError::NotFound)?;
    let mut doc: PersonDoc = target.after_as().ok_or(AppError::NotFound)?;
    if user.role != Role::Admin {
        // Restoring must not publish or unpublish behind an admin's back.
        doc.publication = person.doc.publication;
    }
    let mut conn = state.db.acquire().await?;
    if edit_people::slug_taken(&mut conn, &doc.slug, Some(id)).await? {
        doc.slug = person.doc.slug.clone();
    }
    drop(conn);
    let mut tx = state.db.begin().await?;
    let Some(_) = edit_people::update(&mut tx, id, person.version, &doc).await? else {
        return Err(AppError::BadRequest(Message::new("refusal-restore-changed")));
    };
    revisions::record(&mut tx, user.id, id, Some(id), Action::Restore, Some(&person.doc), &doc).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    Ok(super::redirect_to(&format!("/admin/people/{id}/history")).into_response())
}
