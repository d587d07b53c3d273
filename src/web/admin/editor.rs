//! **The one editor**: creating a record of any kind and saving it over a version, written once
//! for every kind under the rules of every admin form. Mistakes come back with 422 and
//! everything typed; a save over a newer version is a 409 with both versions; a unique
//! constraint a racing save won is a message on the form; every save is a revision, then one
//! signal that the data changed, then a redirect (303) to the form saying it was saved.
//!
//! What a kind says about itself lives in `crate::records` ([`Record`], [`Editor`]); here it
//! only adds its page ([`Page`]). History and restore are in `history.rs`, deleting in
//! `delete.rs`, the pages of the kinds edited by the field form in `fields.rs`.

use std::future::Future;
use std::ops::Deref;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower_sessions::Session;

use super::history;
use super::review;
use super::summary::ErrorSummary;
use crate::app::AppState;
use crate::db::revisions::{self, Action, FieldChange, diff};
use crate::db::users::{AuditAction, User};
use crate::domain::{RecordKind, visibility};
use crate::i18n::Message;
use crate::records::citation::{self, StoredCitation};
use crate::records::person::{self, PersonDoc};
use crate::records::{self, Context, Editor, FieldErrors, Record, Stored, Subject, Values};
use crate::web::error::{AppError, AppResult};
use crate::web::extract::{Posted, Staff};
use crate::web::{Layout, csrf, locale, render_with};

/// A kind's form page: what it shows besides what every form shows ([`Editing`]).
pub(crate) trait Page: Editor {
    fn page(state: &AppState, editing: Editing<Self>) -> impl Future<Output = AppResult<Response>> + Send;
}

/// Every route of the editor of `K`: new, edit, history and restore (delete is for admins:
/// `delete::routes`).
pub(crate) fn routes<K: Page>() -> Router<AppState> {
    let base = format!("/admin/{}", K::KIND.path());
    Router::new()
        .route(&format!("{base}/new"), get(new_form::<K>).post(create::<K>))
        .route(&format!("{base}/{{id}}/edit"), get(edit_form::<K>).post(update::<K>))
        .route(&format!("{base}/{{id}}/history"), get(history::history::<K>))
        .route(
            &format!("{base}/{{id}}/restore/{{revision}}"),
            get(history::confirm_restore::<K>).post(history::restore::<K>),
        )
        .route(&format!("{base}/review/{{id}}/approve"), post(review::approve::<K>))
}

/// What a form page shows, whatever the kind: a kind's page holds it and derefs to it, so that
/// its template names these fields directly (`id`, `form`, `conflict`, `error("slug")`).
pub(crate) struct Editing<K: Editor> {
    pub layout: Layout,
    pub user: User,
    pub csrf_token: String,
    /// `None` for a new record.
    pub id: Option<i64>,
    /// The record it belongs to: from the query string of a new one, as stored for the others.
    pub owner: Option<Subject>,
    pub title: String,
    /// Where the form is posted, and where the page's links lead back to.
    pub action: String,
    pub back: String,
    pub version: Option<i32>,
    pub form: K::Form,
    pub errors: FieldErrors,
    /// The fields where the version saved meanwhile differs from the one typed (409).
    pub conflict: Option<Vec<FieldChange>>,
    pub saved: bool,
    /// A change to the record that waits for an admin's review (`review`).
    pub pending: Option<review::PendingNote>,
    /// The query string of the page (`?released=12` after a wave's bulk release).
    pub query: Values,
    /// The box that confirms publishing a record no source is cited for is ticked.
    pub publish_unsourced: bool,
    pub status: StatusCode,
}

impl<K: Editor> Editing<K> {
    /// The form of a new record that belongs to `parent`, or (`stored`) of a stored record,
    /// holding `form` over the version given.
    fn new(
        state: &AppState,
        user: User,
        parent: Option<Subject>,
        stored: Option<(&Stored<K>, i32)>,
        form: K::Form,
        status: StatusCode,
    ) -> Self {
        let action = match stored {
            Some((stored, _)) => format!("/admin/{}/{}/edit", K::KIND.path(), stored.id),
            None => {
                let query = parent.map(Subject::param).map(|(name, id)| format!("?{name}={id}")).unwrap_or_default();
                format!("/admin/{}/new{query}", K::KIND.path())
            }
        };
        let owner = stored.map_or(parent, |(stored, _)| stored.owner);
        Editing {
            layout: super::layout(state, &action),
            user,
            csrf_token: String::new(),
            id: stored.map(|(stored, _)| stored.id),
            owner,
            title: stored.map(|(stored, _)| stored.doc.title(locale::current())).unwrap_or_default(),
            action,
            back: K::back(owner),
            version: stored.map(|(_, version)| version),
            form,
            errors: FieldErrors::new(),
            conflict: None,
            saved: false,
            pending: None,
            query: Values::new(),
            publish_unsourced: false,
            status,
        }
    }

    /// Who may see `field` (`domain::visibility`): `public`, `restricted` or `internal`.
    pub(super) fn visibility(&self, field: &str) -> &'static str {
        visibility::of(K::KIND, field).as_str()
    }

    /// The message on `field`, in the page's language.
    pub(super) fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field).map(|m| self.layout.message(m))
    }

    /// Whether the user may publish and delete.
    pub(super) fn may_publish(&self) -> bool {
        self.user.role.is_admin()
    }

    /// The summary of a refused form, its fields in the order the page shows them.
    pub(super) fn summary(&self, order: &[&str]) -> ErrorSummary {
        ErrorSummary::new(self.layout.lang).conflict(self.conflict.is_some()).fields(&self.errors, order)
    }

    /// The citations of the record, for kinds that have them.
    pub(super) async fn citations(&self, state: &AppState) -> AppResult<Option<Vec<StoredCitation>>> {
        match (K::CITABLE, self.id) {
            (true, Some(id)) => {
                let subject = Subject::of(K::KIND, id).ok_or(AppError::NotFound)?;
                Ok(Some(citation::citations_of(&mut *state.db.acquire().await?, subject).await?))
            }
            _ => Ok(None),
        }
    }

    /// The answer with `page`, under the status of the flow (200, 409, 422).
    pub(super) fn respond<P: Template + Deref<Target = Self>>(page: &P) -> AppResult<Response> {
        render_with(page.status, page)
    }
}

/// A kind's page type: its [`Editing`] and its own parts, named as the template's fields.
macro_rules! page {
    ($(#[$meta:meta])* struct $name:ident<$kind:ty> { $($(#[$doc:meta])* $field:ident: $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        struct $name {
            editing: $crate::web::admin::editor::Editing<$kind>,
            $($(#[$doc])* $field: $ty),*
        }

        impl std::ops::Deref for $name {
            type Target = $crate::web::admin::editor::Editing<$kind>;

            fn deref(&self) -> &Self::Target {
                &self.editing
            }
        }
    };
}
pub(crate) use page;

/// The person a record belongs to, with the name its pages show: `owner` must be a person.
pub(super) async fn owner_person(state: &AppState, owner: Option<Subject>) -> AppResult<(i64, String)> {
    let id = owner.and_then(Subject::person_id).ok_or(AppError::NotFound)?;
    let person = PersonDoc::load(&mut *state.db.acquire().await?, id).await?.ok_or(AppError::NotFound)?;
    Ok((id, person.doc.title(locale::current())))
}

/// What validation needs besides the form: the countries, and whether the user may publish.
pub(super) async fn context(state: &AppState, user: &User) -> AppResult<Context> {
    let countries = person::country_codes(&mut *state.db.acquire().await?).await?;
    Ok(Context { countries, may_publish: user.role.is_admin(), current: None })
}

pub(super) async fn load<K: Record>(state: &AppState, id: i64) -> AppResult<Stored<K>> {
    K::load(&mut *state.db.acquire().await?, id).await?.ok_or(AppError::NotFound)
}

/// A save the database refuses as a duplicate (a unique constraint that validation did not
/// foresee, or a save that raced another): a message on the form, not a 500. Any other error
/// stays an error.
pub(super) fn racing<K: Editor>(error: sqlx::Error) -> Result<FieldErrors, sqlx::Error> {
    K::refused(&error).ok_or(error)
}

/// The form page of `K` with `editing`'s state, its token filled in.
pub(super) async fn show<K: Page>(state: &AppState, session: &Session, mut editing: Editing<K>) -> AppResult<Response> {
    editing.csrf_token = csrf::token(session).await?;
    K::page(state, editing).await
}

/// The new record's parent from the query string, checked to exist; and the person whose case
/// it is part of.
async fn parent<K: Record>(state: &AppState, query: &Values) -> AppResult<(Option<Subject>, Option<i64>)> {
    let parent = records::parent::<K>(query).map_err(|_| AppError::NotFound)?;
    let Some(subject) = parent else { return Ok((None, None)) };
    let person = citation::subject_person(&mut *state.db.acquire().await?, subject).await?;
    Ok((parent, person.ok_or(AppError::NotFound)?))
}

async fn new_form<K: Page>(
    State(state): State<AppState>,
    Staff { user, session }: Staff,
    Query(query): Query<Values>,
) -> AppResult<Response> {
    let (parent, _) = parent::<K>(&state, &query).await?;
    // A form may arrive with fields chosen (a citation's source, from the source's page).
    let editing = Editing::<K>::new(&state, user, parent, None, K::read(query), StatusCode::OK);
    show(&state, &session, editing).await
}

async fn create<K: Page>(
    State(state): State<AppState>,
    Staff { user, session }: Staff,
    Query(query): Query<Values>,
    Posted(values): Posted,
) -> AppResult<Response> {
    let (parent, person_id) = parent::<K>(&state, &query).await?;
    let publish_unsourced = ticked_unsourced(&values);
    let mut editing = Editing::<K>::new(&state, user, parent, None, K::read(values), StatusCode::UNPROCESSABLE_ENTITY);
    editing.publish_unsourced = publish_unsourced;
    save(&state, &session, editing, None, person_id).await
}

/// Whether the posted form confirms publishing without a source.
fn ticked_unsourced(values: &Values) -> bool {
    values.get(records::PUBLISH_UNSOURCED).is_some_and(|v| v == "yes")
}

/// Checks the typed form and writes it, as a new record (`stored` is `None`) or over the
/// version it was loaded at, in one transaction: what the checks read is what is written over.
/// Mistakes, a racing duplicate and a version saved meanwhile (409) come back on the form with
/// everything typed; a save is a revision, then one signal, then the form saying it was saved.
async fn save<K: Page>(
    state: &AppState,
    session: &Session,
    mut editing: Editing<K>,
    stored: Option<Stored<K>>,
    person_id: Option<i64>,
) -> AppResult<Response> {
    let context = context(state, &editing.user).await?;
    let current = stored.as_ref().map(|s| &s.doc);
    let over = stored.as_ref().zip(editing.version).map(|(s, version)| (s.id, version));
    let mut tx = state.db.begin().await?;
    let mut validated = K::validate(&mut tx, &editing.form, &context, current, editing.id).await?;
    // Publishing a record that cites no source asks first (the form again, with a box to tick).
    if let Ok(doc) = &validated
        && K::CITABLE
        && !editing.publish_unsourced
        && records::publishes(current, doc)
        && !cited::<K>(&mut tx, editing.id).await?
    {
        validated = Err(records::field_error(records::PUBLISH_UNSOURCED, "error-publish-unsourced"));
    }
    // An editor's change to a published record waits for an admin; a stale one gets the 409.
    let fresh = stored.as_ref().is_none_or(|s| Some(s.version) == editing.version);
    if let Ok(doc) = &validated
        && fresh
        && review::needed(state, &mut tx, &editing.user, stored.as_ref(), person_id).await?
    {
        let next = review::hold(&mut tx, &editing, stored.as_ref(), person_id, doc).await?;
        tx.commit().await?;
        return Ok(super::redirect_to(&next).into_response());
    }
    let written = match validated {
        Ok(doc) => K::save(&mut tx, over, editing.owner, &doc).await.map(|saved| (saved, doc)).map_err(racing::<K>),
        Err(errors) => Err(Ok(errors)),
    };
    let (saved, doc) = match written {
        Ok(written) => written,
        Err(refused) => {
            tx.rollback().await?;
            editing.errors = refused?;
            return show(state, session, editing).await;
        }
    };
    let Some((id, _)) = saved else {
        tx.rollback().await?;
        let current = load::<K>(state, editing.id.ok_or(AppError::NotFound)?).await?;
        editing.version = Some(current.version);
        // Both versions in the admin's language, as the form and the history show values.
        let mut changes = diff(Some(&current.doc), &doc);
        let references =
            super::shown::References::load(&mut *state.db.acquire().await?, &[(K::KIND, changes.as_slice())]).await?;
        super::shown::show_changes(crate::web::locale::current(), K::KIND, &mut changes, &references);
        editing.conflict = Some(changes);
        editing.status = StatusCode::CONFLICT;
        return show(state, session, editing).await;
    };
    // A person's revisions belong to the person's own case.
    let person_id = person_id.or((K::KIND == RecordKind::Person).then_some(id));
    let action = if current.is_some() { Action::Update } else { Action::Create };
    revisions::record(&mut tx, editing.user.id, id, person_id, action, current, &doc).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    Ok(super::redirect_to(&format!("/admin/{}/{id}/edit?saved=1", K::KIND.path())).into_response())
}

/// Whether a source is cited for the record `id` of kind `K` (a new one has none yet).
async fn cited<K: Record>(conn: &mut sqlx::PgConnection, id: Option<i64>) -> sqlx::Result<bool> {
    match id.and_then(|id| Subject::of(K::KIND, id)) {
        Some(subject) => citation::has_sources(conn, subject).await,
        None => Ok(false),
    }
}

/// The form of the stored record `id`, as its edit page first shows it.
pub(super) async fn stored_form<K: Editor>(
    state: &AppState,
    user: User,
    id: i64,
    query: Values,
) -> AppResult<Editing<K>> {
    let stored = load::<K>(state, id).await?;
    let fields = stored.doc.fields().into_iter().filter(|(_, value)| !value.is_empty()).map(|(field, _)| field);
    audit_view(state, &user, K::KIND, id, fields).await?;
    let mut editing =
        Editing::new(state, user, None, Some((&stored, stored.version)), stored.doc.form(), StatusCode::OK);
    editing.saved = query.contains_key("saved");
    editing.query = query;
    review::show_pending(state, &mut editing).await?;
    Ok(editing)
}

/// Writes to the audit log that `user` is shown record `id`'s restricted or internal
/// `fields` (those of them that are), if any: who saw what, when.
pub(super) async fn audit_view(
    state: &AppState,
    user: &User,
    kind: RecordKind,
    id: i64,
    fields: impl Iterator<Item = &'static str>,
) -> AppResult<()> {
    let mut hidden: Vec<&str> = fields.filter(|field| !visibility::is_public(kind, field)).collect();
    hidden.sort_unstable();
    hidden.dedup();
    if hidden.is_empty() {
        return Ok(());
    }
    let detail = serde_json::json!({ "record": kind.key(), "id": id, "fields": hidden });
    super::audit_action(state, user, AuditAction::RestrictedViewed, detail).await
}

async fn edit_form<K: Page>(
    State(state): State<AppState>,
    Staff { user, session }: Staff,
    Path(id): Path<i64>,
    Query(query): Query<Values>,
) -> AppResult<Response> {
    let editing = stored_form::<K>(&state, user, id, query).await?;
    show(&state, &session, editing).await
}

async fn update<K: Page>(
    State(state): State<AppState>,
    Staff { user, session }: Staff,
    Path(id): Path<i64>,
    Posted(values): Posted,
) -> AppResult<Response> {
    let stored = load::<K>(&state, id).await?;
    let version = values
        .get("version")
        .and_then(|v| v.parse::<i32>().ok())
        .ok_or_else(|| AppError::BadRequest(Message::new("refusal-form-version")))?;
    let publish_unsourced = ticked_unsourced(&values);
    let form = K::read(values);
    let mut editing =
        Editing::new(&state, user, None, Some((&stored, version)), form, StatusCode::UNPROCESSABLE_ENTITY);
    editing.publish_unsourced = publish_unsourced;
    let person_id = stored.person_id;
    save(&state, &session, editing, Some(stored), person_id).await
}
