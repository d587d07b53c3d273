//! People: the person form (names in every spelling, repeated rows) with its checks (an address
//! of their own, likely duplicates), its page with the person's whole case under it, and the list
//! of people. Creating, saving over a version, restoring, history (the whole case's) and deleting
//! are the editor's of [`super::records`], at `/admin/people/…`.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use serde::Deserialize;
use sqlx::PgConnection;

use super::person_form::{FieldChange, FieldErrors, PersonForm};
use super::photos::PhotoSection;
use super::records::{Context, Editing, Editor, Record, Values};
use super::request::Staff;
use super::summary::ErrorSummary;
use crate::accounts::Role;
use crate::app::AppState;
use crate::db::Tx;
use crate::db::edit_detentions::{self, StoredDetention};
use crate::db::edit_events::{self, StoredEvent};
use crate::db::edit_facts::{self, RecognitionDoc};
use crate::db::edit_people::{self, Listed, Lookalike, PersonDoc};
use crate::db::edit_sources::{self, Stored, StoredCitation, Subject};
use crate::db::revisions::{self, Revision};
use crate::db::users::User;
use crate::domain::{NameKind, PartialDate, PublicationState, RecordKind, Sex};
use crate::error::AppResult;
use crate::i18n::Message;
use crate::search::key::name_key;
use crate::web::{Layout, csrf, format, render};

/// The list of people; the rest is [`super::records::routes`].
pub fn router() -> Router<AppState> {
    Router::new().route("/admin/people", get(list_people))
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
    Staff { user, session }: Staff,
    Query(query): Query<ListQuery>,
) -> AppResult<Response> {
    let q = query.q.unwrap_or_default().trim().chars().take(200).collect::<String>();
    let key = name_key(&q);
    let people = edit_people::find(&mut *state.db.acquire().await?, &key, &q.to_lowercase()).await?;
    let csrf_token = csrf::token(&session).await?;
    let layout = super::layout(&state, &super::searched("/admin/people", &q));
    render(&PeoplePage { layout, user, csrf_token, q, people })
}

/// The field of a refusal that is the likely-duplicate warning: the box that confirms them.
const CONFIRM_DUPLICATE: &str = "confirm_duplicate";

impl Record for PersonDoc {
    const CITABLE: bool = true;

    async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Stored<Self>>> {
        Ok(edit_people::load(conn, id).await?.map(|p| Stored {
            id,
            version: p.version,
            person_id: Some(id),
            owner: None,
            doc: p.doc,
        }))
    }

    fn title(&self) -> String {
        self.names.first().map_or_else(|| self.slug.clone(), |n| n.name.clone())
    }

    fn parent(_query: &Values) -> AppResult<Option<Subject>> {
        Ok(None)
    }

    async fn insert(tx: &mut Tx, _parent: Option<Subject>, doc: &Self) -> sqlx::Result<i64> {
        edit_people::insert(tx, doc).await
    }

    async fn update(tx: &mut Tx, id: i64, version: i32, doc: &Self) -> sqlx::Result<Option<i32>> {
        edit_people::update(tx, id, version, doc).await
    }
}

impl Editor for PersonDoc {
    type Form = PersonForm;
    const DUPLICATE_FIELD: &'static str = "slug";

    fn read(values: Values) -> PersonForm {
        PersonForm::from_pairs(values)
    }

    fn form(&self) -> PersonForm {
        PersonForm::from_doc(self)
    }

    /// The form against the countries and the addresses in use (an address made up from the
    /// names that is taken gets a number: ihar-losik-2), and a new person against the people
    /// already recorded, unless the editor has confirmed that this is someone else.
    async fn validate(
        conn: &mut PgConnection,
        form: &PersonForm,
        context: &Context,
        current: Option<&Self>,
        id: Option<i64>,
    ) -> sqlx::Result<Result<Self, FieldErrors>> {
        let mut doc = match form.validate(&context.countries, context.may_publish, current.map(|p| p.publication)) {
            Ok(doc) => doc,
            Err(errors) => return Ok(Err(errors)),
        };
        if edit_people::slug_taken(conn, &doc.slug, id).await? {
            if !form.slug.trim().is_empty() {
                return Ok(Err(FieldErrors::from([("slug".to_owned(), Message::new("error-person-slug-taken"))])));
            }
            let base = doc.slug.clone();
            let mut n = 2;
            while edit_people::slug_taken(conn, &doc.slug, id).await? {
                doc.slug = format!("{base}-{n}");
                n += 1;
            }
        }
        if id.is_none() && !form.confirm_duplicate && !lookalikes(conn, form).await?.is_empty() {
            return Ok(Err(FieldErrors::from([(
                CONFIRM_DUPLICATE.to_owned(),
                Message::new("error-summary-lookalikes"),
            )])));
        }
        Ok(Ok(doc))
    }

    /// An old version keeps the person's publication (unless an admin restores it) and their
    /// address when someone else has taken the old one since.
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
        if edit_people::slug_taken(conn, &old.slug, Some(id)).await? {
            old.slug = current.slug.clone();
        }
        Ok(())
    }

    fn revisions(conn: &mut PgConnection, id: i64) -> impl Future<Output = sqlx::Result<Vec<Revision>>> + Send {
        revisions::for_person(conn, id)
    }

    async fn page(state: &AppState, editing: Editing<Self>) -> AppResult<Response> {
        let mut conn = state.db.acquire().await?;
        let case = match editing.id {
            Some(id) => Case::load(&mut conn, id).await?,
            None => Case::default(),
        };
        let lookalikes = match editing.errors.contains_key(CONFIRM_DUPLICATE) {
            true => lookalikes(&mut conn, &editing.form).await?,
            false => Vec::new(),
        };
        let conflict = match (&editing.conflict, editing.id) {
            (Some(changes), Some(id)) => {
                Some(Conflict { editor_note: last_saved(&mut conn, id).await?, changes: changes.clone() })
            }
            _ => None,
        };
        drop(conn);
        let mut errors = editing.errors.clone();
        errors.remove(CONFIRM_DUPLICATE);
        let layout = super::layout(state, &editing.action);
        let summary = ErrorSummary::new(layout.lang)
            .conflict(conflict.is_some())
            .lookalikes(!lookalikes.is_empty())
            .fields(&errors, &PERSON_FIELDS);
        let mut form = editing.form.clone();
        if editing.id.is_none() && form.publication.is_empty() {
            form.publication = PublicationState::Draft.as_str().to_owned();
        }
        let page = PersonFormPage {
            layout,
            user: editing.user.clone(),
            csrf_token: editing.csrf_token.clone(),
            id: editing.id,
            action: editing.action.clone(),
            version: editing.version,
            form,
            errors,
            summary,
            lookalikes,
            conflict,
            saved: editing.saved,
            case,
        };
        editing.respond(&page)
    }
}

/// People already recorded under one of the typed names (in any spelling), born the same year
/// when a birth date is typed.
async fn lookalikes(conn: &mut PgConnection, form: &PersonForm) -> sqlx::Result<Vec<Lookalike>> {
    let keys: Vec<String> = form.names.iter().map(|n| n.name.trim()).filter(|n| !n.is_empty()).map(name_key).collect();
    let year = form.born.trim().parse::<PartialDate>().ok().map(|d| d.start().year());
    edit_people::lookalikes(conn, &keys, year, None).await
}

/// Who saved the person's version a form conflicts with, and when.
async fn last_saved(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Message>> {
    let history = revisions::for_person(conn, id).await?;
    Ok(history.iter().find(|r| r.record_type == RecordKind::Person).map(|r| match &r.editor {
        Some(editor) => Message::new("conflict-saved-by").arg("editor", editor).arg("at", format::moment(&r.at)),
        None => Message::new("conflict-saved-by-deleted").arg("at", format::moment(&r.at)),
    }))
}

#[derive(Template)]
#[template(path = "admin/person_form.html")]
struct PersonFormPage {
    layout: Layout,
    user: User,
    csrf_token: String,
    /// `None` for a new person.
    id: Option<i64>,
    action: String,
    version: Option<i32>,
    form: PersonForm,
    errors: FieldErrors,
    summary: ErrorSummary,
    lookalikes: Vec<Lookalike>,
    /// Set on the conflict page: the version saved meanwhile, and what differs from yours.
    conflict: Option<Conflict>,
    saved: bool,
    /// The person's detentions, events, recognitions, citations and photo (edits only).
    case: Case,
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

impl Case {
    async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Case> {
        Ok(Case {
            detentions: edit_detentions::list_for_person(conn, id).await?,
            events: edit_events::list_for_person(conn, id).await?,
            recognitions: edit_facts::recognitions_of(conn, id).await?,
            citations: edit_sources::citations_of(conn, Subject::Person(id)).await?,
            photo: Some(PhotoSection::load(conn, id).await?),
        })
    }
}
