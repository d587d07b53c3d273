//! Release waves: the list of waves, a wave's page (`records::wave` has its form, checks and
//! SQL) with the form that marks many people released in a wave at once, and that bulk release.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::editor::{Editing, Page, page, stored_form};
use super::review;
use super::summary::ErrorSummary;
use crate::app::AppState;
use crate::db::revisions::{self, Action};
use crate::db::users::User;
use crate::domain::{CountQualifier, PartialDate, PublicationState, ReleaseMechanism};
use crate::i18n::Message;
use crate::records::citation::StoredCitation;
use crate::records::detention::DetentionDoc;
use crate::records::wave::{self, WaveDoc};
use crate::records::{Record, Stored, Values};
use crate::web::error::{AppError, AppResult};
use crate::web::extract::{Posted, Staff};
use crate::web::{Layout, csrf, render};

/// The list of waves and the bulk release; the rest is the editor's.
pub(super) fn router() -> Router<AppState> {
    Router::new().route("/admin/waves", get(list_waves)).route("/admin/waves/{id}/release", post(release_people))
}

#[derive(Template)]
#[template(path = "admin/waves.html")]
struct WavesPage {
    layout: Layout,
    user: User,
    csrf_token: String,
    waves: Vec<Stored<WaveDoc>>,
}

async fn list_waves(State(state): State<AppState>, Staff { user, session }: Staff) -> AppResult<Response> {
    let waves = wave::list(&mut *state.db.acquire().await?, None).await?;
    let csrf_token = csrf::token(&session).await?;
    render(&WavesPage { layout: super::layout(&state, "/admin/waves"), user, csrf_token, waves })
}

page! {
    #[derive(Template)]
    #[template(path = "admin/wave_form.html")]
    struct WaveFormPage<WaveDoc> {
        summary: ErrorSummary,
        /// How many people the bulk release just marked released, and how many of those
        /// releases wait for review.
        released: Option<i64>,
        held: Option<i64>,
        /// The bulk release form: the lines typed, the day, and a message per bad line.
        release: ReleaseForm,
        release_errors: Vec<Message>,
        citations: Vec<StoredCitation>,
    }
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

impl Page for WaveDoc {
    async fn page(state: &AppState, editing: Editing<Self>) -> AppResult<Response> {
        wave_page(state, editing, ReleaseForm::default(), Vec::new()).await
    }
}

/// The wave's page: its form, and under it the bulk release with what was typed there.
async fn wave_page(
    state: &AppState,
    mut editing: Editing<WaveDoc>,
    release: ReleaseForm,
    release_errors: Vec<Message>,
) -> AppResult<Response> {
    let citations = editing.citations(state).await?.unwrap_or_default();
    // The release form below the wave's: each line it could not take, linked to the list.
    let summary = release_errors
        .iter()
        .fold(editing.summary(&WAVE_FIELDS), |summary, problem| summary.block(true, "people", problem));
    if editing.id.is_none() && editing.form.publication.is_empty() {
        editing.form.publication = PublicationState::Draft.as_str().to_owned();
    }
    let count = |key: &str| editing.query.get(key).and_then(|n| n.parse().ok()).filter(|n: &i64| *n > 0);
    let (released, held) = (count("released"), count("held"));
    Editing::respond(&WaveFormPage { editing, summary, released, held, release, release_errors, citations })
}

/// The bulk form: one person per line (address or admin id), and the day of release.
#[derive(Debug, Clone, Default)]
pub(super) struct ReleaseForm {
    pub people: String,
    pub released: String,
}

/// Marks everyone listed as released in the wave: their ongoing detention ends on the day given
/// (or the wave's date) with the wave's mechanism. All or nothing: one bad line and nothing is
/// written, and every bad line is named.
async fn release_people(
    State(state): State<AppState>,
    Staff { user, session }: Staff,
    Path(id): Path<i64>,
    Posted(mut values): Posted,
) -> AppResult<Response> {
    let mut take = |name: &str| values.remove(name).unwrap_or_default();
    let release = ReleaseForm { people: take("people"), released: take("released") };
    let wave = WaveDoc::load(&mut *state.db.acquire().await?, id).await?.ok_or(AppError::NotFound)?;
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
        match wave::ongoing_detention(&mut conn, line).await? {
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
        let mut editing = stored_form::<WaveDoc>(&state, user, id, Values::new()).await?;
        editing.csrf_token = csrf::token(&session).await?;
        editing.status = StatusCode::UNPROCESSABLE_ENTITY;
        return wave_page(&state, editing, release, problems).await;
    }
    let mut tx = state.db.begin().await?;
    let mut held = 0;
    for (person_id, detention) in &releases {
        let after = wave::released(&detention.doc, &wave.doc, day);
        // An editor's release of someone published waits for review like any change of theirs.
        if review::needed(&state, &mut tx, &user, Some(detention), Some(*person_id)).await? {
            review::hold_change(&mut tx, &user, detention, Some(*person_id), &after).await?;
            held += 1;
            continue;
        }
        let saved = DetentionDoc::update(&mut tx, detention.id, detention.version, &after).await?;
        if saved.is_none() {
            return Err(AppError::BadRequest(Message::new("refusal-release-changed")));
        }
        let before = Some(&detention.doc);
        revisions::record(&mut tx, user.id, detention.id, Some(*person_id), Action::Update, before, &after).await?;
    }
    tx.commit().await?;
    state.cache.changes().bump();
    let released = releases.len() - held;
    Ok(super::redirect_to(&format!("/admin/waves/{id}/edit?released={released}&held={held}")).into_response())
}
