//! Release waves: the list of waves, a wave's page (`records::wave` has its form, checks and
//! SQL) with the form that marks many people released in a wave at once (ticked in the list of
//! the people held, or typed by name, address or number), that bulk release, and the people
//! released in the wave.

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
use crate::db::search;
use crate::db::users::User;
use crate::domain::{CountQualifier, PartialDate, PublicationState, ReleaseMechanism};
use crate::i18n::Message;
use crate::records::citation::StoredCitation;
use crate::records::detention::DetentionDoc;
use crate::records::wave::{self, WaveDoc, WavePerson};
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
        /// The people held now, to tick (those looked for first), and how many more are held.
        held_people: Vec<WavePerson>,
        held_more: i64,
        /// The people released in this wave.
        people: Vec<WavePerson>,
    }
}

impl WaveFormPage {
    /// Whether the person `id` is ticked in the list of those held.
    fn chosen(&self, id: &i64) -> bool {
        self.release.chosen.contains(id)
    }

    /// Whether the person `id` is one of those looked for (found by name, or meant by a line).
    fn matched(&self, id: &i64) -> bool {
        self.release.first.contains(id)
    }
}

/// How many of the people held the release form lists besides those looked for.
const HELD_LISTED: i64 = 200;

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
    let (released, held_back) = (count("released"), count("held"));
    let mut release = release;
    let (mut held, mut held_more, mut people) = (Vec::new(), 0, Vec::new());
    if let Some(id) = editing.id {
        let lang = editing.layout.lang;
        let mut conn = state.db.acquire().await?;
        if let Some(find) = editing.query.get("find").filter(|f| !f.trim().is_empty()) {
            release.find = find.chars().take(200).collect();
        }
        if !release.find.trim().is_empty() {
            let named = search::people_named(&mut conn, &release.find, HELD_LISTED).await?;
            let ids: Vec<i64> = named.iter().map(|m| m.person_id).collect();
            release.first.extend(wave::only_held(&mut conn, &ids).await?);
        }
        // Those looked for, then those ticked, then everyone else held, by name.
        let mut first = release.first.clone();
        first.extend(release.chosen.iter().filter(|id| !release.first.contains(id)));
        let (listed, total) = wave::held(&mut conn, &first, lang, HELD_LISTED + first.len() as i64).await?;
        held_more = total - listed.len() as i64;
        held = listed;
        people = wave::released_in(&mut conn, id, lang).await?;
    }
    Editing::respond(&WaveFormPage {
        editing,
        summary,
        released,
        held: held_back,
        release,
        release_errors,
        citations,
        held_people: held,
        held_more,
        people,
    })
}

/// The bulk form: the people ticked in the list of those held, and lines typed (a name in any
/// spelling, an address or an admin id), and the day of release.
#[derive(Debug, Clone, Default)]
pub(super) struct ReleaseForm {
    pub people: String,
    pub released: String,
    /// The ids of the people ticked.
    pub chosen: Vec<i64>,
    /// What was looked for by name, and the people listed first: those it found, and those a
    /// typed name could mean.
    pub find: String,
    pub first: Vec<i64>,
}

/// The field of a person in the list of those held: `held_7` for the person 7.
const HELD_FIELD: &str = "held_";

/// Who a name typed in the bulk form means, among the people held now.
enum Named {
    /// One person held, clearly.
    One(i64),
    /// Several could be meant, or only a distant likeness: those, to tick.
    Unsure(Vec<i64>),
    /// Only people not held have a name like it.
    NotHeld,
    NoOne,
}

/// How close a typed name must be (the mean similarity of its words, 1 for the same words) to
/// pick a person by itself: closer than a likeness that also finds other surnames ("Testatchik"
/// is 0.58 from Testachyk, but only 0.36 from Testovich).
const CLEARLY_CLOSE: f32 = 0.5;
/// How much closer than the next person held the closest must be to be picked by itself.
const CLEARLY_CLOSER: f32 = 1.5;

/// The person held now whom `line` names, matched as the public search matches names: the one
/// close match clearly closer than any other.
async fn held_named(conn: &mut sqlx::PgConnection, line: &str) -> sqlx::Result<Named> {
    let named = search::people_named(conn, line, 50).await?;
    if named.is_empty() {
        return Ok(Named::NoOne);
    }
    let ids: Vec<i64> = named.iter().map(|m| m.person_id).collect();
    let held_ids = wave::only_held(conn, &ids).await?;
    let held: Vec<_> = named.into_iter().filter(|m| held_ids.contains(&m.person_id)).collect();
    Ok(match held.as_slice() {
        [] => Named::NotHeld,
        [best, rest @ ..]
            if best.closeness >= CLEARLY_CLOSE
                && rest.first().is_none_or(|next| best.closeness >= next.closeness * CLEARLY_CLOSER) =>
        {
            Named::One(best.person_id)
        }
        unsure => Named::Unsure(unsure.iter().map(|m| m.person_id).collect()),
    })
}

/// Marks everyone ticked or listed as released in the wave: their ongoing detention ends on the
/// day given (or the wave's date) with the wave's mechanism. A line is an address, an admin id,
/// or a name matched as the public search matches names, among the people held now: a name
/// that could mean several of them names them first in the list, to tick. All or nothing: one
/// bad line and nothing is written, and every bad line is named.
async fn release_people(
    State(state): State<AppState>,
    Staff { user, session }: Staff,
    Path(id): Path<i64>,
    Posted(mut values): Posted,
) -> AppResult<Response> {
    let chosen: Vec<i64> = values
        .iter()
        .filter(|(field, value)| field.starts_with(HELD_FIELD) && *value == "yes")
        .filter_map(|(field, _)| field[HELD_FIELD.len()..].parse().ok())
        .collect();
    let mut take = |name: &str| values.remove(name).unwrap_or_default();
    let mut release = ReleaseForm {
        people: take("people"),
        released: take("released"),
        find: take("find"),
        chosen,
        first: Vec::new(),
    };
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
    let ticked: Vec<String> = release.chosen.iter().map(i64::to_string).collect();
    if lines.is_empty() && ticked.is_empty() {
        problems.push(Message::new("error-release-none"));
    }
    if lines.len() + ticked.len() > 1000 {
        problems.push(Message::new("error-release-too-many").number("max", 1000));
    }
    let mut conn = state.db.acquire().await?;
    let mut releases = Vec::new();
    for line in ticked.iter().map(String::as_str).chain(lines.iter().copied()).take(1000) {
        let found = match wave::ongoing_detention(&mut conn, line).await? {
            Some(found) => Some(found),
            None => match held_named(&mut conn, line).await? {
                Named::One(person) => wave::ongoing_detention(&mut conn, &person.to_string()).await?,
                Named::NoOne => None,
                Named::NotHeld => {
                    problems.push(Message::new("error-release-not-held-named").arg("line", line));
                    continue;
                }
                Named::Unsure(people) => {
                    problems.push(Message::new("error-release-unsure").arg("line", line));
                    let new: Vec<i64> = people.into_iter().filter(|id| !release.first.contains(id)).collect();
                    release.first.extend(new);
                    continue;
                }
            },
        };
        match found {
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
