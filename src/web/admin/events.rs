//! `/admin/people/{id}/events/new` and `/admin/events/{id}/edit`: the events of a person's case
//! (arrest, trial, verdict, transfer, hunger strike, …), under the rules of the other forms.

use askama::Template;
use axum::extract::{Extension, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use tower_sessions::Session;

use super::person_form::FieldErrors;
use super::summary::ErrorSummary;
use super::{CurrentUser, TokenForm};
use crate::app::AppState;
use crate::db::edit_events::{self, EventDoc, StoredEvent};
use crate::db::edit_people;
use crate::db::edit_sources::{StoredCitation, Subject};
use crate::db::revisions::{self, Action, FieldChange, RecordKind, diff};
use crate::db::users::User;
use crate::domain::{EventKind, PartialDate};
use crate::error::{AppError, AppResult};
use crate::i18n::Message;
use crate::web::{Layout, csrf, render};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/people/{id}/events/new", get(new_event_form).post(create_event))
        .route("/admin/events/{id}/edit", get(edit_event_form).post(update_event))
        .route("/admin/events/{id}/restore/{revision}", post(restore_event))
}

/// The event form as typed.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct EventForm {
    pub kind: String,
    pub occurred: String,
    pub description: String,
    pub version: Option<i32>,
    pub csrf_token: Option<String>,
}

impl EventForm {
    fn from_doc(doc: &EventDoc, version: i32) -> Self {
        EventForm {
            kind: doc.kind.as_str().to_owned(),
            occurred: doc.occurred.iso(),
            description: doc.description.clone(),
            version: Some(version),
            csrf_token: None,
        }
    }

    pub fn validate(&self) -> Result<EventDoc, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = EventKind::ALL.iter().copied().find(|k| k.as_str() == self.kind.trim());
        if kind.is_none() {
            errors.insert("kind".into(), Message::new("error-event-kind"));
        }
        let occurred = match self.occurred.trim().parse::<PartialDate>() {
            Ok(date) => Some(date),
            Err(e) => {
                errors.insert("occurred".into(), e.message());
                None
            }
        };
        let description = self.description.trim();
        if description.is_empty() {
            errors.insert("description".into(), Message::new("error-event-description"));
        } else if description.chars().count() > 5000 {
            errors.insert("description".into(), Message::new("error-too-long").number("max", 5000));
        }
        match (kind, occurred) {
            (Some(kind), Some(occurred)) if errors.is_empty() => {
                Ok(EventDoc { kind, occurred, description: description.to_owned() })
            }
            _ => Err(errors),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/event_form.html")]
struct EventPage {
    layout: Layout,
    user: User,
    csrf_token: String,
    person_id: i64,
    person_name: String,
    id: Option<i64>,
    form: EventForm,
    errors: FieldErrors,
    conflict: Option<Vec<FieldChange>>,
    citations: Vec<StoredCitation>,
}

impl EventPage {
    fn summary(&self) -> ErrorSummary {
        ErrorSummary::new(self.layout.lang)
            .conflict(self.conflict.is_some())
            .fields(&self.errors, &["kind", "occurred", "description"])
    }

    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field).map(|m| self.layout.message(m))
    }

    fn kinds(&self) -> &'static [EventKind] {
        EventKind::ALL
    }

    fn action(&self) -> String {
        match self.id {
            Some(id) => format!("/admin/events/{id}/edit"),
            None => format!("/admin/people/{}/events/new", self.person_id),
        }
    }
}

struct Parts {
    person_id: i64,
    id: Option<i64>,
    form: EventForm,
    errors: FieldErrors,
    conflict: Option<Vec<FieldChange>>,
    status: StatusCode,
}

async fn page(state: &AppState, user: User, session: &Session, parts: Parts) -> AppResult<Response> {
    let person =
        edit_people::load(&mut *state.db.acquire().await?, parts.person_id).await?.ok_or(AppError::NotFound)?;
    let action = parts.id.map_or_else(
        || format!("/admin/people/{}/events/new", parts.person_id),
        |id| format!("/admin/events/{id}/edit"),
    );
    let citations = super::records::citations(&mut *state.db.acquire().await?, parts.id.map(Subject::Event)).await?;
    let page = EventPage {
        citations,
        layout: super::layout(state, &action),
        user,
        csrf_token: csrf::token(session).await?,
        person_id: parts.person_id,
        person_name: person.doc.names.first().map_or(person.doc.slug.clone(), |n| n.name.clone()),
        id: parts.id,
        form: parts.form,
        errors: parts.errors,
        conflict: parts.conflict,
    };
    let mut response = render(&page)?;
    *response.status_mut() = parts.status;
    Ok(response)
}

async fn new_event_form(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path(person_id): Path<i64>,
) -> AppResult<Response> {
    let parts = Parts {
        person_id,
        id: None,
        form: EventForm::default(),
        errors: FieldErrors::new(),
        conflict: None,
        status: StatusCode::OK,
    };
    page(&state, user, &session, parts).await
}

async fn create_event(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path(person_id): Path<i64>,
    Form(form): Form<EventForm>,
) -> AppResult<Response> {
    csrf::verify(&session, form.csrf_token.as_deref()).await?;
    edit_people::load(&mut *state.db.acquire().await?, person_id).await?.ok_or(AppError::NotFound)?;
    let doc = match form.validate() {
        Ok(doc) => doc,
        Err(errors) => {
            let parts =
                Parts { person_id, id: None, form, errors, conflict: None, status: StatusCode::UNPROCESSABLE_ENTITY };
            return page(&state, user, &session, parts).await;
        }
    };
    let mut tx = state.db.begin().await?;
    let id = edit_events::insert(&mut tx, person_id, &doc).await?;
    revisions::record(&mut tx, user.id, id, Some(person_id), Action::Create, None, &doc).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    Ok(super::redirect_to(&format!("/admin/people/{person_id}/edit?saved=1")).into_response())
}

async fn stored(state: &AppState, id: i64) -> AppResult<StoredEvent> {
    edit_events::load(&mut *state.db.acquire().await?, id).await?.ok_or(AppError::NotFound)
}

async fn edit_event_form(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let event = stored(&state, id).await?;
    let form = EventForm::from_doc(&event.doc, event.version);
    let parts = Parts {
        person_id: event.person_id,
        id: Some(id),
        form,
        errors: FieldErrors::new(),
        conflict: None,
        status: StatusCode::OK,
    };
    page(&state, user, &session, parts).await
}

async fn update_event(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path(id): Path<i64>,
    Form(mut form): Form<EventForm>,
) -> AppResult<Response> {
    csrf::verify(&session, form.csrf_token.as_deref()).await?;
    let event = stored(&state, id).await?;
    let person_id = event.person_id;
    let doc = match form.validate() {
        Ok(doc) => doc,
        Err(errors) => {
            let parts = Parts {
                person_id,
                id: Some(id),
                form,
                errors,
                conflict: None,
                status: StatusCode::UNPROCESSABLE_ENTITY,
            };
            return page(&state, user, &session, parts).await;
        }
    };
    let version = form.version.ok_or_else(|| AppError::BadRequest(Message::new("refusal-form-version")))?;
    let mut tx = state.db.begin().await?;
    if edit_events::update(&mut tx, id, version, &doc).await?.is_none() {
        tx.rollback().await?;
        let current = stored(&state, id).await?;
        form.version = Some(current.version);
        let conflict = Some(diff(Some(&current.doc), &doc));
        let parts =
            Parts { person_id, id: Some(id), form, errors: FieldErrors::new(), conflict, status: StatusCode::CONFLICT };
        return page(&state, user, &session, parts).await;
    }
    revisions::record(&mut tx, user.id, id, Some(person_id), Action::Update, Some(&event.doc), &doc).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    Ok(super::redirect_to(&format!("/admin/people/{person_id}/edit?saved=1")).into_response())
}

async fn restore_event(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path((id, revision)): Path<(i64, i64)>,
    Form(form): Form<TokenForm>,
) -> AppResult<Response> {
    csrf::verify(&session, form.csrf_token.as_deref()).await?;
    let event = stored(&state, id).await?;
    let history = revisions::for_record(&mut *state.db.acquire().await?, RecordKind::Event, id).await?;
    let target = history.into_iter().find(|r| r.id == revision).ok_or(AppError::NotFound)?;
    let doc: EventDoc = target.after_as().ok_or(AppError::NotFound)?;
    let mut tx = state.db.begin().await?;
    if edit_events::update(&mut tx, id, event.version, &doc).await?.is_none() {
        return Err(AppError::BadRequest(Message::new("refusal-restore-changed")));
    }
    revisions::record(&mut tx, user.id, id, Some(event.person_id), Action::Restore, Some(&event.doc), &doc).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    Ok(super::redirect_to(&format!("/admin/people/{}/history", event.person_id)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_needs_a_kind_a_date_and_words() {
        let form = EventForm {
            kind: "hunger_strike".into(),
            occurred: "March 2021".into(),
            description: "Began a hunger strike in the pre-trial detention centre.".into(),
            ..EventForm::default()
        };
        let doc = form.validate().unwrap();
        assert_eq!((doc.kind, doc.occurred.iso().as_str()), (EventKind::HungerStrike, "2021-03"));
        let errors = EventForm { kind: "party".into(), occurred: "".into(), description: " ".into(), ..form }
            .validate()
            .unwrap_err();
        assert_eq!(errors.keys().map(String::as_str).collect::<Vec<_>>(), ["description", "kind", "occurred"]);
    }
}
