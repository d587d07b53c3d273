//! Release waves: the wave form and its checks, its page (with the form that marks many people
//! released in a wave at once), and the list of waves. Creating, saving over a version,
//! restoring, history and deleting are the editor's of [`super::records`], at `/admin/waves/…`.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use sqlx::PgConnection;

use super::person_form::FieldErrors;
use super::records::{self, Context, Editing, Editor, Record, Values};
use super::request::{Posted, Staff};
use super::summary::ErrorSummary;
use crate::accounts::Role;
use crate::app::AppState;
use crate::db::Tx;
use crate::db::edit_detentions;
use crate::db::edit_sources::{Stored, StoredCitation, Subject};
use crate::db::edit_waves::{self, StoredWave, WaveDoc};
use crate::db::revisions::{self, Action, FieldChange};
use crate::db::users::User;
use crate::domain::{CountQualifier, PartialDate, PublicationState, ReleaseMechanism, Slug};
use crate::error::{AppError, AppResult};
use crate::i18n::Message;
use crate::web::{Layout, csrf, render};

/// The list of waves and the bulk release; the rest is [`records::routes`].
pub fn router() -> Router<AppState> {
    Router::new().route("/admin/waves", get(list_waves)).route("/admin/waves/{id}/release", post(release_people))
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
}

impl WaveForm {
    fn from_doc(doc: &WaveDoc) -> Self {
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

impl Record for WaveDoc {
    const CITABLE: bool = true;

    async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Stored<Self>>> {
        Ok(edit_waves::load(conn, id).await?.map(|w| Stored {
            id,
            version: w.version,
            person_id: None,
            owner: None,
            doc: w.doc,
        }))
    }

    async fn in_use(conn: &mut PgConnection, id: i64) -> sqlx::Result<i64> {
        edit_waves::detention_count(conn, id).await
    }

    fn title(&self) -> String {
        self.name.clone()
    }

    fn parent(_query: &Values) -> AppResult<Option<Subject>> {
        Ok(None)
    }

    async fn insert(tx: &mut Tx, _parent: Option<Subject>, doc: &Self) -> sqlx::Result<i64> {
        edit_waves::insert(tx, doc).await
    }

    async fn update(tx: &mut Tx, id: i64, version: i32, doc: &Self) -> sqlx::Result<Option<i32>> {
        edit_waves::update(tx, id, version, doc).await
    }
}

impl Editor for WaveDoc {
    type Form = WaveForm;
    const DUPLICATE_FIELD: &'static str = "slug";

    fn read(values: Values) -> WaveForm {
        // Every field is text, so the typed values always read as a form.
        serde_urlencoded::from_str(&serde_urlencoded::to_string(values).unwrap_or_default()).unwrap_or_default()
    }

    fn form(&self) -> WaveForm {
        WaveForm::from_doc(self)
    }

    async fn validate(
        conn: &mut PgConnection,
        form: &WaveForm,
        context: &Context,
        current: Option<&Self>,
        id: Option<i64>,
    ) -> sqlx::Result<Result<Self, FieldErrors>> {
        let result = form.validate(&context.countries, context.may_publish, current.map(|w| w.publication));
        if let Ok(doc) = &result
            && edit_waves::slug_taken(conn, &doc.slug, id).await?
        {
            return Ok(Err(FieldErrors::from([("slug".to_owned(), Message::new("error-wave-slug-taken"))])));
        }
        Ok(result)
    }

    /// An old version keeps the wave's publication (unless an admin restores it) and its
    /// address when another wave has taken the old one since.
    async fn restoring(
        conn: &mut PgConnection,
        id: i64,
        old: &mut Self,
        current: &Self,
        may_publish: bool,
    ) -> sqlx::Result<()> {
        if !may_publish {
            old.publication = current.publication;
        }
        if edit_waves::slug_taken(conn, &old.slug, Some(id)).await? {
            old.slug = current.slug.clone();
        }
        Ok(())
    }

    async fn page(state: &AppState, editing: Editing<Self>) -> AppResult<Response> {
        wave_page(state, editing, ReleaseForm::default(), Vec::new()).await
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

async fn list_waves(State(state): State<AppState>, Staff { user, session }: Staff) -> AppResult<Response> {
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
    action: String,
    version: Option<i32>,
    form: WaveForm,
    errors: FieldErrors,
    summary: ErrorSummary,
    conflict: Option<Vec<FieldChange>>,
    saved: bool,
    /// How many people the bulk release just marked released.
    released: Option<i64>,
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
}

/// The wave's page: its form, and under it the bulk release with what was typed there.
async fn wave_page(
    state: &AppState,
    editing: Editing<WaveDoc>,
    release: ReleaseForm,
    release_errors: Vec<Message>,
) -> AppResult<Response> {
    let citations = editing.citations(state).await?.unwrap_or_default();
    let layout = super::layout(state, &editing.action);
    let summary =
        ErrorSummary::new(layout.lang).conflict(editing.conflict.is_some()).fields(&editing.errors, &WAVE_FIELDS);
    // The release form below the wave's: each line it could not take, linked to the list.
    let summary = release_errors.iter().fold(summary, |summary, problem| summary.block(true, "people", problem));
    let mut form = editing.form.clone();
    if editing.id.is_none() && form.publication.is_empty() {
        form.publication = PublicationState::Draft.as_str().to_owned();
    }
    let page = WaveFormPage {
        layout,
        user: editing.user.clone(),
        csrf_token: editing.csrf_token.clone(),
        id: editing.id,
        action: editing.action.clone(),
        version: editing.version,
        form,
        errors: editing.errors.clone(),
        summary,
        conflict: editing.conflict.clone(),
        saved: editing.saved,
        released: editing.query.get("released").and_then(|n| n.parse().ok()),
        release,
        release_errors,
        citations,
    };
    editing.respond(&page)
}

/// The bulk form: one person per line (address or admin id), and the day of release.
#[derive(Debug, Clone, Default)]
pub struct ReleaseForm {
    pub people: String,
    pub released: String,
}

impl ReleaseForm {
    fn read(mut values: Values) -> Self {
        let mut take = |name: &str| values.remove(name).unwrap_or_default();
        ReleaseForm { people: take("people"), released: take("released") }
    }
}

/// Marks everyone listed as released in the wave: their ongoing detention ends on the day given
/// (or the wave's date) with the wave's mechanism. All or nothing: one bad line and nothing is
/// written, and every bad line is named.
async fn release_people(
    State(state): State<AppState>,
    Staff { user, session }: Staff,
    Path(id): Path<i64>,
    Posted(values): Posted,
) -> AppResult<Response> {
    let release = ReleaseForm::read(values);
    let wave = edit_waves::load(&mut *state.db.acquire().await?, id).await?.ok_or(AppError::NotFound)?;
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
        let mut editing = records::stored_form::<WaveDoc>(&state, user, id, Values::new()).await?;
        editing.csrf_token = csrf::token(&session).await?;
        editing.status = StatusCode::UNPROCESSABLE_ENTITY;
        return wave_page(&state, editing, release, problems).await;
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
    Ok(super::redirect_to(&format!("/admin/waves/{id}/edit?released={}", releases.len())).into_response())
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
