//! `/admin/waves…`: release waves (list, create, edit, history with restore), and the form that
//! marks many people released in a wave at once. The same rules as the other forms: a message
//! per field (422), saves only over the version loaded (409), a revision per save.

use askama::Template;
use axum::extract::{Extension, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use tower_sessions::Session;

use super::person_form::FieldErrors;
use super::summary::ErrorSummary;
use super::{CurrentUser, TokenForm};
use crate::accounts::Role;
use crate::app::AppState;
use crate::db::edit_sources::{StoredCitation, Subject};
use crate::db::edit_waves::{self, StoredWave, WaveDoc};
use crate::db::revisions::{self, Action, FieldChange, RecordKind, Revision, diff};
use crate::db::users::User;
use crate::db::{edit_detentions, edit_people};
use crate::domain::{CountQualifier, PartialDate, PublicationState, ReleaseMechanism, Slug};
use crate::error::{AppError, AppResult};
use crate::i18n::Message;
use crate::web::{Layout, csrf, format, render};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/waves", get(list_waves))
        .route("/admin/waves/new", get(new_wave_form).post(create_wave))
        .route("/admin/waves/{id}/edit", get(edit_wave_form).post(update_wave))
        .route("/admin/waves/{id}/history", get(show_history))
        .route("/admin/waves/{id}/restore/{revision}", post(restore_wave))
        .route("/admin/waves/{id}/release", post(release_people))
}

/// The wave form as typed.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct WaveForm {
    pub slug: String,
    pub name: String,
    pub started: String,
    pub ended: String,
    pub country: String,
    pub mechanism: String,
    pub location: String,
    pub counterparty: String,
    pub traded: String,
    pub reported: String,
    pub qualifier: String,
    pub notes: String,
    pub publication: String,
    pub version: Option<i32>,
    pub csrf_token: Option<String>,
}

impl WaveForm {
    fn from_doc(doc: &WaveDoc, version: i32) -> Self {
        let text = |t: &Option<String>| t.clone().unwrap_or_default();
        WaveForm {
            slug: doc.slug.clone(),
            name: doc.name.clone(),
            started: doc.started.iso(),
            ended: doc.ended.map(|d| d.iso()).unwrap_or_default(),
            country: doc.country.clone(),
            mechanism: doc.mechanism.as_str().to_owned(),
            location: text(&doc.location),
            counterparty: text(&doc.counterparty),
            traded: text(&doc.traded),
            reported: doc.reported_released_count.map(|n| n.to_string()).unwrap_or_default(),
            qualifier: doc.reported_count_qualifier.map(|q| q.as_str().to_owned()).unwrap_or_default(),
            notes: text(&doc.notes),
            publication: doc.publication.as_str().to_owned(),
            version: Some(version),
            csrf_token: None,
        }
    }

    /// Checks every field; `current` is the stored publication (editors keep it).
    pub fn validate(
        &self,
        countries: &[String],
        may_publish: bool,
        current: Option<PublicationState>,
    ) -> Result<WaveDoc, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut text = |field: &str, value: &str, max: usize| -> Option<String> {
            let value = value.trim();
            if value.chars().count() > max {
                errors.insert(field.into(), Message::new("error-too-long").number("max", max));
            }
            (!value.is_empty()).then(|| value.to_owned())
        };
        let name = text("name", &self.name, 300);
        let location = text("location", &self.location, 500);
        let counterparty = text("counterparty", &self.counterparty, 500);
        let traded = text("traded", &self.traded, 2000);
        let notes = text("notes", &self.notes, 20_000);
        if name.is_none() {
            errors.insert("name".into(), Message::new("error-wave-name"));
        }
        let started = match self.started.trim().parse::<PartialDate>() {
            Ok(date) => Some(date),
            Err(e) => {
                errors.insert("started".into(), e.message());
                None
            }
        };
        let ended = match self.ended.trim() {
            "" => None,
            typed => match typed.parse::<PartialDate>() {
                Ok(date) => Some(date),
                Err(e) => {
                    errors.insert("ended".into(), e.message());
                    None
                }
            },
        };
        if let (Some(s), Some(e)) = (started, ended)
            && e.start() < s.start()
        {
            errors.insert("ended".into(), Message::new("error-ends-before-start").date("ended", e).date("started", s));
        }
        let country = self.country.trim().to_ascii_uppercase();
        if !countries.contains(&country) {
            errors.insert("country".into(), Message::new("error-wave-country"));
        }
        let mechanism = ReleaseMechanism::ALL.iter().copied().find(|m| m.as_str() == self.mechanism.trim());
        if mechanism.is_none() {
            errors.insert("mechanism".into(), Message::new("error-wave-mechanism"));
        }
        let reported = match self.reported.trim().replace([',', ' '], "").as_str() {
            "" => None,
            typed => match typed.parse::<i32>() {
                Ok(n) if n >= 0 => Some(n),
                _ => {
                    errors.insert("reported".into(), Message::new("error-wave-reported"));
                    None
                }
            },
        };
        let qualifier = match self.qualifier.trim() {
            "" => None,
            key => CountQualifier::ALL.iter().copied().find(|q| q.as_str() == key),
        };
        if !self.qualifier.trim().is_empty() && qualifier.is_none() {
            errors.insert("reported".into(), Message::new("error-choose"));
        } else if qualifier.is_some() && reported.is_none() && !errors.contains_key("reported") {
            errors.insert("reported".into(), Message::new("error-wave-qualifier"));
        }
        let slug = match self.slug.trim() {
            "" => name.as_deref().and_then(|n| {
                let started = started.map(|s| s.iso()).unwrap_or_default();
                super::person_form::slug_from_text(&format!("{n} {started}"))
            }),
            typed => match typed.parse::<Slug>() {
                Ok(slug) => Some(slug.to_string()),
                Err(e) => {
                    errors.insert("slug".into(), e.message());
                    None
                }
            },
        };
        let publication = super::person_form::publication(&self.publication, may_publish, current, &mut errors);
        match (errors.is_empty(), slug, name, started, mechanism) {
            (true, Some(slug), Some(name), Some(started), Some(mechanism)) => Ok(WaveDoc {
                slug,
                name,
                started,
                ended,
                country,
                mechanism,
                location,
                counterparty,
                traded,
                reported_released_count: reported,
                reported_count_qualifier: qualifier.or(reported.map(|_| CountQualifier::Exactly)),
                notes,
                publication,
            }),
            (true, ..) => {
                errors.insert("slug".into(), Message::new("error-wave-slug-from-name"));
                Err(errors)
            }
            _ => Err(errors),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/waves.html")]
struct WavesPage {
    layout: Layout,
    user: User,
    csrf_token: String,
    waves: Vec<StoredWave>,
}

async fn list_waves(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
) -> AppResult<Response> {
    let waves = edit_waves::list(&mut *state.db.acquire().await?).await?;
    let csrf_token = csrf::token(&session).await?;
    render(&WavesPage { layout: super::layout(&state, "/admin/waves"), user, csrf_token, waves })
}

#[derive(Template)]
#[template(path = "admin/wave_form.html")]
struct WaveFormPage {
    layout: Layout,
    user: User,
    csrf_token: String,
    id: Option<i64>,
    form: WaveForm,
    errors: FieldErrors,
    conflict: Option<Vec<FieldChange>>,
    saved: Option<String>,
    /// The bulk release form: the lines typed, the day, and a message per bad line.
    release: ReleaseForm,
    release_errors: Vec<Message>,
    citations: Vec<StoredCitation>,
}

/// The wave form's fields in the order it shows them, for the error summary.
const WAVE_FIELDS: [&str; 13] = [
    "name",
    "slug",
    "started",
    "ended",
    "country",
    "mechanism",
    "qualifier",
    "reported",
    "location",
    "counterparty",
    "traded",
    "notes",
    "publication",
];

impl WaveFormPage {
    fn summary(&self) -> ErrorSummary {
        let summary =
            ErrorSummary::new(self.layout.lang).conflict(self.conflict.is_some()).fields(&self.errors, &WAVE_FIELDS);
        // The release form below the wave's: each line it could not take, linked to the list.
        self.release_errors.iter().fold(summary, |summary, problem| summary.block(true, "people", problem))
    }

    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field).map(|m| self.layout.message(m))
    }

    fn may_publish(&self) -> bool {
        self.user.role == Role::Admin
    }

    fn mechanisms(&self) -> &'static [ReleaseMechanism] {
        ReleaseMechanism::ALL
    }

    fn qualifiers(&self) -> &'static [CountQualifier] {
        CountQualifier::ALL
    }

    fn action(&self) -> String {
        match self.id {
            Some(id) => format!("/admin/waves/{id}/edit"),
            None => "/admin/waves/new".to_owned(),
        }
    }
}

struct Parts {
    id: Option<i64>,
    form: WaveForm,
    errors: FieldErrors,
    conflict: Option<Vec<FieldChange>>,
    saved: Option<String>,
    release: ReleaseForm,
    release_errors: Vec<Message>,
    status: StatusCode,
}

impl Parts {
    fn form(id: Option<i64>, form: WaveForm) -> Self {
        Parts {
            id,
            form,
            errors: FieldErrors::new(),
            conflict: None,
            saved: None,
            release: ReleaseForm::default(),
            release_errors: Vec::new(),
            status: StatusCode::OK,
        }
    }
}

async fn page(state: &AppState, user: User, session: &Session, parts: Parts) -> AppResult<Response> {
    let path = parts.id.map_or_else(|| "/admin/waves/new".to_owned(), |id| format!("/admin/waves/{id}/edit"));
    let citations = super::records::citations(&mut *state.db.acquire().await?, parts.id.map(Subject::Wave)).await?;
    let page = WaveFormPage {
        citations,
        layout: super::layout(state, &path),
        user,
        csrf_token: csrf::token(session).await?,
        id: parts.id,
        form: parts.form,
        errors: parts.errors,
        conflict: parts.conflict,
        saved: parts.saved,
        release: parts.release,
        release_errors: parts.release_errors,
    };
    let mut response = render(&page)?;
    *response.status_mut() = parts.status;
    Ok(response)
}

async fn check(
    state: &AppState,
    form: &WaveForm,
    user: &User,
    id: Option<i64>,
    current: Option<PublicationState>,
) -> AppResult<Result<WaveDoc, FieldErrors>> {
    let mut conn = state.db.acquire().await?;
    let countries = edit_people::country_codes(&mut conn).await?;
    let result = form.validate(&countries, user.role == Role::Admin, current);
    if let Ok(doc) = &result
        && edit_waves::slug_taken(&mut conn, &doc.slug, id).await?
    {
        let mut errors = FieldErrors::new();
        errors.insert("slug".into(), Message::new("error-wave-slug-taken"));
        return Ok(Err(errors));
    }
    Ok(result)
}

async fn new_wave_form(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
) -> AppResult<Response> {
    let form = WaveForm { publication: "draft".into(), ..WaveForm::default() };
    page(&state, user, &session, Parts::form(None, form)).await
}

async fn create_wave(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Form(form): Form<WaveForm>,
) -> AppResult<Response> {
    csrf::verify(&session, form.csrf_token.as_deref()).await?;
    let doc = match check(&state, &form, &user, None, None).await? {
        Ok(doc) => doc,
        Err(errors) => {
            let parts = Parts { errors, status: StatusCode::UNPROCESSABLE_ENTITY, ..Parts::form(None, form) };
            return page(&state, user, &session, parts).await;
        }
    };
    let mut tx = state.db.begin().await?;
    let id = edit_waves::insert(&mut tx, &doc).await?;
    revisions::record(&mut tx, user.id, id, None, Action::Create, None, &doc).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    Ok(super::redirect_to(&format!("/admin/waves/{id}/edit?saved=wave")).into_response())
}

async fn stored(state: &AppState, id: i64) -> AppResult<StoredWave> {
    edit_waves::load(&mut *state.db.acquire().await?, id).await?.ok_or(AppError::NotFound)
}

#[derive(Debug, Default, Deserialize)]
struct EditQuery {
    saved: Option<String>,
}

async fn edit_wave_form(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path(id): Path<i64>,
    Query(query): Query<EditQuery>,
) -> AppResult<Response> {
    let wave = stored(&state, id).await?;
    let parts = Parts { saved: query.saved, ..Parts::form(Some(id), WaveForm::from_doc(&wave.doc, wave.version)) };
    page(&state, user, &session, parts).await
}

async fn update_wave(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path(id): Path<i64>,
    Form(mut form): Form<WaveForm>,
) -> AppResult<Response> {
    csrf::verify(&session, form.csrf_token.as_deref()).await?;
    let wave = stored(&state, id).await?;
    let doc = match check(&state, &form, &user, Some(id), Some(wave.doc.publication)).await? {
        Ok(doc) => doc,
        Err(errors) => {
            let parts = Parts { errors, status: StatusCode::UNPROCESSABLE_ENTITY, ..Parts::form(Some(id), form) };
            return page(&state, user, &session, parts).await;
        }
    };
    let version = form.version.ok_or_else(|| AppError::BadRequest(Message::new("refusal-form-version")))?;
    let mut tx = state.db.begin().await?;
    if edit_waves::update(&mut tx, id, version, &doc).await?.is_none() {
        tx.rollback().await?;
        let current = stored(&state, id).await?;
        form.version = Some(current.version);
        let conflict = Some(diff(Some(&current.doc), &doc));
        let parts = Parts { conflict, status: StatusCode::CONFLICT, ..Parts::form(Some(id), form) };
        return page(&state, user, &session, parts).await;
    }
    revisions::record(&mut tx, user.id, id, None, Action::Update, Some(&wave.doc), &doc).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    Ok(super::redirect_to(&format!("/admin/waves/{id}/edit?saved=wave")).into_response())
}

/// The bulk form: one person per line (address or admin id), and the day of release.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ReleaseForm {
    pub people: String,
    pub released: String,
    pub csrf_token: Option<String>,
}

/// Marks everyone listed as released in the wave: their ongoing detention ends on the day given
/// (or the wave's date) with the wave's mechanism. All or nothing: one bad line and nothing is
/// written, and every bad line is named.
async fn release_people(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path(id): Path<i64>,
    Form(release): Form<ReleaseForm>,
) -> AppResult<Response> {
    csrf::verify(&session, release.csrf_token.as_deref()).await?;
    let wave = stored(&state, id).await?;
    let mut problems = Vec::new();
    let day = match release.released.trim() {
        "" => wave.doc.started,
        typed => typed.parse::<PartialDate>().unwrap_or_else(|e| {
            problems.push(Message::new("error-release-day").arg_message("problem", e.message()));
            wave.doc.started
        }),
    };
    let lines: Vec<&str> = release.people.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if lines.is_empty() {
        problems.push(Message::new("error-release-none"));
    }
    if lines.len() > 1000 {
        problems.push(Message::new("error-release-too-many").number("max", 1000));
    }
    let mut conn = state.db.acquire().await?;
    let mut releases = Vec::new();
    for line in lines.iter().take(1000) {
        match edit_waves::ongoing_detention(&mut conn, line).await? {
            None => problems.push(Message::new("error-release-unknown").arg("line", line)),
            Some((_, None)) => problems.push(Message::new("error-release-not-held").arg("line", line)),
            Some((person_id, Some(detention))) => {
                if releases.iter().any(|(p, _)| *p == person_id) {
                    continue;
                }
                releases.push((person_id, detention));
            }
        }
    }
    drop(conn);
    if !problems.is_empty() {
        let parts = Parts {
            release,
            release_errors: problems,
            status: StatusCode::UNPROCESSABLE_ENTITY,
            ..Parts::form(Some(id), WaveForm::from_doc(&wave.doc, wave.version))
        };
        return page(&state, user, &session, parts).await;
    }
    let mut tx = state.db.begin().await?;
    for (person_id, detention) in &releases {
        let after = edit_waves::released(&detention.doc, &wave.doc, day);
        let saved = edit_detentions::update(&mut tx, detention.id, detention.version, &after).await?;
        if saved.is_none() {
            return Err(AppError::BadRequest(Message::new("refusal-release-changed")));
        }
        revisions::record(
            &mut tx,
            user.id,
            detention.id,
            Some(*person_id),
            Action::Update,
            Some(&detention.doc),
            &after,
        )
        .await?;
    }
    tx.commit().await?;
    state.cache.changes().bump();
    Ok(super::redirect_to(&format!("/admin/waves/{id}/edit?saved={}", releases.len())).into_response())
}

struct HistoryLine {
    revision: Revision,
    changes: Vec<FieldChange>,
    restorable: bool,
}

#[derive(Template)]
#[template(path = "admin/wave_history.html")]
struct HistoryPage {
    layout: Layout,
    user: User,
    csrf_token: String,
    wave: StoredWave,
    lines: Vec<HistoryLine>,
}

async fn show_history(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let wave = stored(&state, id).await?;
    let history = revisions::for_record(&mut *state.db.acquire().await?, RecordKind::Wave, id).await?;
    let lines = history
        .into_iter()
        .enumerate()
        .map(|(i, revision)| HistoryLine {
            changes: revision.changes_as::<WaveDoc>().unwrap_or_default(),
            revision,
            restorable: i > 0,
        })
        .collect();
    let page = HistoryPage {
        layout: super::layout(&state, &format!("/admin/waves/{id}/history")),
        user,
        csrf_token: csrf::token(&session).await?,
        wave,
        lines,
    };
    render(&page)
}

async fn restore_wave(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path((id, revision)): Path<(i64, i64)>,
    Form(form): Form<TokenForm>,
) -> AppResult<Response> {
    csrf::verify(&session, form.csrf_token.as_deref()).await?;
    let wave = stored(&state, id).await?;
    let history = revisions::for_record(&mut *state.db.acquire().await?, RecordKind::Wave, id).await?;
    let target = history.into_iter().find(|r| r.id == revision).ok_or(AppError::NotFound)?;
    let mut doc: WaveDoc = target.after_as().ok_or(AppError::NotFound)?;
    if user.role != Role::Admin {
        doc.publication = wave.doc.publication;
    }
    if edit_waves::slug_taken(&mut *state.db.acquire().await?, &doc.slug, Some(id)).await? {
        doc.slug = wave.doc.slug.clone();
    }
    let mut tx = state.db.begin().await?;
    if edit_waves::update(&mut tx, id, wave.version, &doc).await?.is_none() {
        return Err(AppError::BadRequest(Message::new("refusal-restore-changed")));
    }
    revisions::record(&mut tx, user.id, id, None, Action::Restore, Some(&wave.doc), &doc).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    Ok(super::redirect_to(&format!("/admin/waves/{id}/history")).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wave_is_checked_field_by_field() {
        let form = WaveForm {
            name: "Pardon of 23 people".into(),
            started: "2024-07-03".into(),
            country: "by".into(),
            mechanism: "pardon".into(),
            reported: "23".into(),
            publication: "published".into(),
            ..WaveForm::default()
        };
        let doc = form.validate(&["BY".into()], true, None).unwrap();
        assert_eq!(doc.slug, "pardon-of-23-people-2024-07-03");
        assert_eq!(doc.reported_count_qualifier, Some(CountQualifier::Exactly));
        assert_eq!(doc.publication, PublicationState::Published);

        let bad = WaveForm { started: "soon".into(), qualifier: "more_than".into(), mechanism: "magic".into(), ..form };
        let errors = bad.validate(&["BY".into()], false, None).unwrap_err();
        let fields: Vec<&str> = errors.keys().map(String::as_str).collect();
        assert_eq!(fields, ["mechanism", "publication", "started"]);
    }
}
