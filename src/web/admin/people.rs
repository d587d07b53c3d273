//! People: the list of people, and a person's page (`records::person` has the form, its checks
//! and SQL) with their whole case under the form: detentions, events, recognitions, sources and
//! photo.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use sqlx::PgConnection;

use super::editor::{Editing, Page, page};
use super::photos::PhotoSection;
use super::summary::ErrorSummary;
use crate::app::AppState;
use crate::db::revisions::{self, FieldChange};
use crate::db::users::User;
use crate::domain::{ConsentGiver, NameKind, NamingBasis, PersonIdentity, PublicationState, RecordKind, Sex};
use crate::i18n::Message;
use crate::records::citation::{self, StoredCitation};
use crate::records::detention::{self, DetentionDoc};
use crate::records::event::{self, EventDoc};
use crate::records::person::{self, CONFIRM_DUPLICATE, Listed, Lookalike, PersonDoc};
use crate::records::recognition::{self, RecognitionDoc};
use crate::records::{Stored, Subject, Values};
use crate::web::error::AppResult;
use crate::web::extract::Staff;
use crate::web::{Layout, csrf, format, render};

/// The list of people; the rest is the editor's.
pub(super) fn router() -> Router<AppState> {
    Router::new().route("/admin/people", get(list_people))
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
    Staff { user, session }: Staff,
    Query(query): Query<Values>,
) -> AppResult<Response> {
    let q = query.get("q").map_or("", |q| q.trim()).chars().take(200).collect::<String>();
    let people = person::find(&mut *state.db.acquire().await?, &q).await?;
    let csrf_token = csrf::token(&session).await?;
    let layout = super::layout(&state, &super::searched("/admin/people", &q));
    render(&PeoplePage { layout, user, csrf_token, q, people })
}

page! {
    #[derive(Template)]
    #[template(path = "admin/person_form.html")]
    struct PersonFormPage<PersonDoc> {
        summary: ErrorSummary,
        lookalikes: Vec<Lookalike>,
        /// Set on the conflict page: the version saved meanwhile, and what differs from yours.
        conflict: Option<Conflict>,
        /// The person's detentions, events, recognitions, citations and photo (edits only).
        case: Case,
    }
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

/// The languages a name row offers (codes with a `language-*` message), after "automatic".
const NAME_LANGUAGES: [&str; 7] = ["be", "ru", "en", "uk", "pl", "lt", "de"];
/// The scripts a name row offers (codes with a `script-*` message), after "automatic".
const NAME_SCRIPTS: [&str; 2] = ["Cyrl", "Latn"];

impl PersonFormPage {
    fn name_error(&self, i: &usize) -> Option<String> {
        ["name", "lang", "script", "kind"].iter().find_map(|f| self.error(&format!("{f}_{i}")))
    }

    /// A name row's choices of language or script (`group` is `language` or `script`): the
    /// known ones by name, and the row's own value as typed if it is another, so that a stored
    /// or mistyped code is shown and kept, not silently replaced.
    fn name_choices(&self, group: &str, typed: &str) -> Vec<(String, String)> {
        let known: &[&str] = if group == "language" { &NAME_LANGUAGES } else { &NAME_SCRIPTS };
        let lang = self.layout.lang;
        let mut choices: Vec<(String, String)> =
            known.iter().map(|code| ((*code).to_owned(), lang.t(&format!("{group}-{code}")))).collect();
        let typed = typed.trim();
        if !typed.is_empty() && !known.iter().any(|code| code.eq_ignore_ascii_case(typed)) {
            choices.push((typed.to_owned(), typed.to_owned()));
        }
        choices
    }

    /// Whether `code` is the choice `typed` names (a language typed in capitals is the same).
    fn chosen(&self, typed: &str, code: &str) -> bool {
        typed.trim().eq_ignore_ascii_case(code)
    }
}

/// The parts of a person's case listed under their form, read over one connection.
#[derive(Default)]
struct Case {
    detentions: Vec<Stored<DetentionDoc>>,
    events: Vec<Stored<EventDoc>>,
    recognitions: Vec<Stored<RecognitionDoc>>,
    citations: Vec<StoredCitation>,
    photo: Option<PhotoSection>,
}

impl Case {
    async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Case> {
        Ok(Case {
            detentions: detention::list(conn, None, Some(id)).await?,
            events: event::list(conn, None, Some(id)).await?,
            recognitions: recognition::list(conn, None, Some(id)).await?,
            citations: citation::citations_of(conn, Subject::person(id)).await?,
            photo: Some(PhotoSection::load(conn, id).await?),
        })
    }
}

/// Who saved the person's version a form conflicts with, and when.
async fn last_saved(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Message>> {
    let history = revisions::for_person(conn, id).await?;
    Ok(history.iter().find(|r| r.record_type == RecordKind::Person).map(|r| match &r.editor {
        Some(editor) => Message::new("conflict-saved-by").arg("editor", editor).arg("at", format::moment(&r.at)),
        None => Message::new("conflict-saved-by-deleted").arg("at", format::moment(&r.at)),
    }))
}

impl Page for PersonDoc {
    async fn page(state: &AppState, mut editing: Editing<Self>) -> AppResult<Response> {
        let mut conn = state.db.acquire().await?;
        let case = match editing.id {
            Some(id) => Case::load(&mut conn, id).await?,
            None => Case::default(),
        };
        let lookalikes = match editing.errors.remove(CONFIRM_DUPLICATE) {
            Some(_) => person::lookalikes(&mut conn, &editing.form).await?,
            None => Vec::new(),
        };
        let conflict = match (editing.conflict.take(), editing.id) {
            (Some(changes), Some(id)) => Some(Conflict { editor_note: last_saved(&mut conn, id).await?, changes }),
            _ => None,
        };
        drop(conn);
        let summary = ErrorSummary::new(editing.layout.lang)
            .conflict(conflict.is_some())
            .lookalikes(!lookalikes.is_empty())
            .fields(&editing.errors, &PERSON_FIELDS);
        if editing.id.is_none() && editing.form.publication.is_empty() {
            editing.form.publication = PublicationState::Draft.as_str().to_owned();
        }
        Editing::respond(&PersonFormPage { editing, summary, lookalikes, conflict, case })
    }
}
