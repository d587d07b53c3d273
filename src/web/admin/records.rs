//! One set of handlers for the smaller records: sources, citations, recognitions, facilities and
//! reported figures. Each kind ([`Kind`]) says what its fields are, how a typed form becomes its
//! document and how it is stored; the handlers here do the rest under the rules of every admin
//! form: mistakes come back with 422 and everything typed, a save over a newer version is a 409
//! with both versions, every save is a revision, each record has a history with restore.
//!
//! Deleting ([`Record`]) is for admins, for these kinds and for people, detentions, events and
//! waves alike: a confirmation page, then a revision that keeps the whole record.

use std::collections::BTreeMap;
use std::future::Future;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use sqlx::PgConnection;
use tower_sessions::Session;

use super::auth;
use super::person_form::FieldErrors;
use super::request::{Posted, Staff};
use super::summary::ErrorSummary;
use crate::app::AppState;
use crate::db::Tx;
use crate::db::edit_people;
use crate::db::edit_sources::{self, Stored, StoredCitation, Subject};
use crate::db::revisions::{self, Action, Document, FieldChange, RecordKind, Revision, diff};
use crate::db::users::User;
use crate::error::{AppError, AppResult};
use crate::i18n::Message;
use crate::web::{Layout, csrf, format, render};

/// A form as typed: field name → text.
pub type Values = BTreeMap<String, String>;

/// How a field is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Text,
    LongText,
    /// One of these keys; `set` names the labels in `templates/admin/record_parts.html`.
    Select {
        set: &'static str,
        keys: &'static [&'static str],
    },
    /// Draft or published (admins choose).
    Publication,
}

/// A field of a kind's form; words for `name` (label, hint) live in the templates.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub input: Input,
    pub hint: bool,
}

/// What validation may need besides the form.
#[derive(Debug, Clone)]
pub struct Context {
    pub countries: Vec<String>,
    pub may_publish: bool,
    /// The record as stored, when editing.
    pub current: Option<Values>,
}

/// A kind of record as it is stored: loaded, created, saved over a version, and deleted by
/// admins (when nothing else still points at it).
pub trait Record: Document + Clone + Send + Sync + 'static {
    /// Whether sources may be cited for it (a "Sources" block on its form).
    const CITABLE: bool = false;

    fn load(conn: &mut PgConnection, id: i64) -> impl Future<Output = sqlx::Result<Option<Stored<Self>>>> + Send;

    /// Why the record cannot be deleted yet (other records still point at it), as a message key
    /// with a count.
    fn in_use(_conn: &mut PgConnection, _id: i64) -> impl Future<Output = sqlx::Result<i64>> + Send {
        async { Ok(0) }
    }

    /// Where to go once it is saved or deleted: its list, or the record it belongs to.
    fn back(stored: &Stored<Self>) -> String {
        stored.owner.map_or_else(|| format!("/admin/{}", Self::KIND.path()), Subject::edit_path)
    }

    /// The record's name on its pages, with any date in the words of the request's language.
    fn title(&self) -> String;

    /// The record a new one belongs to, from the form's query string (`?person=7`); `Ok(None)`
    /// for kinds that stand alone.
    fn parent(query: &Values) -> Result<Option<Subject>, AppError>;

    fn insert(tx: &mut Tx, parent: Option<Subject>, doc: &Self) -> impl Future<Output = sqlx::Result<i64>> + Send;

    /// Saves over the record if it is still at `version`; `None` when someone saved first.
    fn update(tx: &mut Tx, id: i64, version: i32, doc: &Self)
    -> impl Future<Output = sqlx::Result<Option<i32>>> + Send;
}

/// A kind of record edited by the generic form.
pub trait Kind: Record {
    const FIELDS: &'static [Field];
    /// Shown in lists, besides the title.
    const LIST_FIELDS: &'static [&'static str] = &[];
    /// Whether the kind has a list page (kinds that belong to another record are listed there).
    const LISTED: bool = true;
    /// The form as stored.
    fn values(&self) -> Values;

    /// The typed form as a document, or a message per field.
    fn validate(values: &Values, context: &Context) -> Result<Self, FieldErrors>;

    /// Checks that need the database (an address already taken, a source that does not exist).
    fn check(
        _conn: &mut PgConnection,
        _doc: &Self,
        _id: Option<i64>,
    ) -> impl Future<Output = sqlx::Result<FieldErrors>> + Send {
        async { Ok(FieldErrors::new()) }
    }

    /// The records of the kind for its list page, filtered by `query`.
    fn list(_conn: &mut PgConnection, _query: &str) -> impl Future<Output = sqlx::Result<Vec<Stored<Self>>>> + Send {
        async { Ok(Vec::new()) }
    }

    /// Restoring an old version must not publish or unpublish behind an admin's back.
    fn keep_publication(&mut self, _current: &Self) {}
}

/// The one editor: what a kind of record says about itself so that creating, saving over a
/// version (409 on a stale one), restoring, its history and deleting are written once, in this
/// module, for every kind. Kinds whose form is a list of simple fields implement [`Kind`] and
/// get this trait from it; kinds with a form of their own (repeating rows, a page of their own)
/// implement it directly.
pub trait Editor: Record {
    /// The form as typed, kept whole when it is refused.
    type Form: Send + Sync + 'static;
    /// The field on which a save refused by a unique constraint is reported (a racing twin).
    const DUPLICATE_FIELD: &'static str;

    /// The posted fields as the kind's form (the token and the version are read apart).
    fn read(values: Values) -> Self::Form;

    /// The form filled from a stored record.
    fn form(&self) -> Self::Form;

    /// The typed form as a document, or a message per field; may read the database (an address
    /// already taken, a detention that overlaps another). `current` is the record as stored.
    fn validate(
        conn: &mut PgConnection,
        form: &Self::Form,
        context: &Context,
        current: Option<&Self>,
        id: Option<i64>,
    ) -> impl Future<Output = sqlx::Result<Result<Self, FieldErrors>>> + Send;

    /// Rules for an old version coming back over `current`, before it is validated like a typed
    /// one: that it does not publish or unpublish behind an admin's back, that it keeps an
    /// address now taken by someone else.
    fn restoring(
        _conn: &mut PgConnection,
        _id: i64,
        _old: &mut Self,
        _current: &Self,
        _may_publish: bool,
    ) -> impl Future<Output = sqlx::Result<()>> + Send {
        async { Ok(()) }
    }

    /// A save the database refused that the form can explain (a unique constraint a racing save
    /// won): a message per field. Other errors stay errors.
    fn refused(error: &sqlx::Error) -> Option<FieldErrors> {
        let duplicate = error.as_database_error()?.code().as_deref() == Some("23505");
        duplicate
            .then(|| FieldErrors::from([(Self::DUPLICATE_FIELD.to_owned(), Message::new("error-record-duplicate"))]))
    }

    /// The revisions its history page lists, newest first: its own, or (a person) the whole case.
    fn revisions(conn: &mut PgConnection, id: i64) -> impl Future<Output = sqlx::Result<Vec<Revision>>> + Send {
        revisions::for_record(conn, Self::KIND, id)
    }

    /// The form page.
    fn page(state: &AppState, editing: Editing<Self>) -> impl Future<Output = AppResult<Response>> + Send;
}

/// What an editor's form page shows, whatever the kind.
pub struct Editing<K: Editor> {
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
    /// The query string of the page (`?released=12` after a wave's bulk release).
    pub query: Values,
    pub status: StatusCode,
}

impl<K: Editor> Editing<K> {
    /// The citations of the record, for kinds that have them.
    pub async fn citations(&self, state: &AppState) -> AppResult<Option<Vec<StoredCitation>>> {
        match (K::CITABLE, self.id) {
            (true, Some(id)) => {
                let subject = Subject::of(K::KIND, id).ok_or(AppError::NotFound)?;
                Ok(Some(edit_sources::citations_of(&mut *state.db.acquire().await?, subject).await?))
            }
            _ => Ok(None),
        }
    }

    /// The answer with the page, under the status of the flow (200, 409, 422).
    pub fn respond(&self, page: &impl Template) -> AppResult<Response> {
        let mut response = render(page)?;
        *response.status_mut() = self.status;
        Ok(response)
    }
}

impl<K: Kind> Editor for K {
    type Form = Values;
    const DUPLICATE_FIELD: &'static str = K::FIELDS[0].name;

    fn read(values: Values) -> Values {
        values
    }

    fn form(&self) -> Values {
        self.values()
    }

    async fn validate(
        conn: &mut PgConnection,
        form: &Values,
        context: &Context,
        current: Option<&Self>,
        id: Option<i64>,
    ) -> sqlx::Result<Result<Self, FieldErrors>> {
        let context = Context { current: current.map(Kind::values), ..context.clone() };
        let doc = match <K as Kind>::validate(form, &context) {
            Ok(doc) => doc,
            Err(errors) => return Ok(Err(errors)),
        };
        let errors = K::check(conn, &doc, id).await?;
        Ok(if errors.is_empty() { Ok(doc) } else { Err(errors) })
    }

    async fn restoring(
        _conn: &mut PgConnection,
        _id: i64,
        old: &mut Self,
        current: &Self,
        may_publish: bool,
    ) -> sqlx::Result<()> {
        if !may_publish {
            old.keep_publication(current);
        }
        Ok(())
    }

    async fn page(state: &AppState, editing: Editing<Self>) -> AppResult<Response> {
        field_form_page(state, editing).await
    }
}

/// The list page of a kind edited by the generic form.
pub fn list_routes<K: Kind>() -> Router<AppState> {
    Router::new().route(&format!("/admin/{}", K::KIND.path()), get(list::<K>))
}

/// Every route of the editor of `K`: new, edit, history and restore (delete is for admins:
/// [`delete_routes`]).
pub fn routes<K: Editor>() -> Router<AppState> {
    let base = format!("/admin/{}", K::KIND.path());
    Router::new()
        .route(&format!("{base}/new"), get(new_form::<K>).post(create::<K>))
        .route(&format!("{base}/{{id}}/edit"), get(edit_form::<K>).post(update::<K>))
        .route(&format!("{base}/{{id}}/history"), get(history::<K>))
        .route(&format!("{base}/{{id}}/restore/{{revision}}"), post(restore::<K>))
}

/// The delete routes of `K`, for the admins-only router.
pub fn delete_routes<K: Record>() -> Router<AppState> {
    Router::new().route(&format!("/admin/{}/{{id}}/delete", K::KIND.path()), get(confirm_delete::<K>).post(delete::<K>))
}

/// The citations of a record for its form (none before it is first saved).
pub async fn citations(conn: &mut PgConnection, subject: Option<Subject>) -> sqlx::Result<Vec<StoredCitation>> {
    match subject {
        Some(subject) => edit_sources::citations_of(conn, subject).await,
        None => Ok(Vec::new()),
    }
}

/// A field as a template shows it.
#[derive(Debug, Clone)]
pub struct FieldView {
    pub name: &'static str,
    pub input: Input,
    pub hint: bool,
    pub value: String,
    pub error: Option<String>,
}

impl FieldView {
    pub fn options(&self) -> &'static [&'static str] {
        match self.input {
            Input::Select { keys, .. } => keys,
            _ => &[],
        }
    }

    pub fn set(&self) -> &'static str {
        match self.input {
            Input::Select { set, .. } => set,
            _ => "",
        }
    }

    pub fn name(&self) -> &'static str {
        self.name
    }

    pub fn is(&self, key: &str) -> bool {
        self.value == key
    }

    /// The kind of label (`Lang::label`) of the options of a select field.
    pub fn option_kind(&self) -> &'static str {
        match self.set() {
            "source_kind" => "source-kind",
            "facility" => "facility-kind",
            "metric" => "figure-metric",
            "qualifier" => "qualifier",
            _ => "option",
        }
    }

    pub fn kind(&self) -> &'static str {
        match self.input {
            Input::Text => "text",
            Input::LongText => "long",
            Input::Select { .. } => "select",
            Input::Publication => "publication",
        }
    }
}

fn views(fields: &[Field], values: &Values, errors: &FieldErrors) -> Vec<FieldView> {
    fields
        .iter()
        .map(|f| FieldView {
            name: f.name,
            input: f.input,
            hint: f.hint,
            value: values.get(f.name).cloned().unwrap_or_default(),
            error: errors.get(f.name).map(|m| crate::web::locale::current().message(m)),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "admin/record_form.html")]
struct FormPage {
    layout: Layout,
    user: User,
    csrf_token: String,
    kind: RecordKind,
    id: Option<i64>,
    title: String,
    action: String,
    back: String,
    version: Option<i32>,
    fields: Vec<FieldView>,
    summary: ErrorSummary,
    conflict: Option<Vec<FieldChange>>,
    citations: Option<Vec<StoredCitation>>,
    saved: bool,
}

impl FormPage {
    fn may_delete(&self) -> bool {
        self.id.is_some() && auth::is_admin(&self.user)
    }

    /// The query parameter that names this record to the citation form.
    fn cite_param(&self) -> &str {
        self.kind.key()
    }
}

/// The form page of a kind edited by the generic form: its fields, drawn from [`Kind::FIELDS`].
async fn field_form_page<K: Kind>(state: &AppState, editing: Editing<K>) -> AppResult<Response> {
    let citations = editing.citations(state).await?;
    let layout = super::layout(state, &editing.action);
    let order: Vec<&str> = K::FIELDS.iter().map(|f| f.name).collect();
    let summary = ErrorSummary::new(layout.lang).conflict(editing.conflict.is_some()).fields(&editing.errors, &order);
    let page = FormPage {
        layout,
        kind: K::KIND,
        id: editing.id,
        title: editing.title.clone(),
        action: editing.action.clone(),
        back: editing.back.clone(),
        version: editing.version,
        fields: views(K::FIELDS, &editing.form, &editing.errors),
        summary,
        conflict: editing.conflict.clone(),
        citations,
        saved: editing.saved,
        csrf_token: editing.csrf_token.clone(),
        user: editing.user.clone(),
    };
    editing.respond(&page)
}

async fn context(state: &AppState, user: &User) -> AppResult<Context> {
    let countries = edit_people::country_codes(&mut *state.db.acquire().await?).await?;
    Ok(Context { countries, may_publish: auth::is_admin(user), current: None })
}

/// Where a new record of `K` is created, with its parent in the query string.
fn new_action<K: Editor>(parent: Option<Subject>) -> String {
    match parent {
        Some(subject) => {
            let (name, id) = subject.param();
            format!("/admin/{}/new?{name}={id}", K::KIND.path())
        }
        None => format!("/admin/{}/new", K::KIND.path()),
    }
}

async fn load<K: Record>(state: &AppState, id: i64) -> AppResult<Stored<K>> {
    K::load(&mut *state.db.acquire().await?, id).await?.ok_or(AppError::NotFound)
}

/// The person a record belongs to, with the name its pages show: `owner` must be a person.
pub(super) async fn owner_person(state: &AppState, owner: Option<Subject>) -> AppResult<(i64, String)> {
    let Some(Subject::Person(id)) = owner else { return Err(AppError::NotFound) };
    let person = edit_people::load(&mut *state.db.acquire().await?, id).await?.ok_or(AppError::NotFound)?;
    Ok((id, person.doc.title()))
}

/// Checks that the parent exists; the person whose case it is part of.
async fn parent_person(state: &AppState, parent: Option<Subject>) -> AppResult<Option<i64>> {
    match parent {
        Some(subject) => {
            edit_sources::subject_person(&mut *state.db.acquire().await?, subject).await?.ok_or(AppError::NotFound)
        }
        None => Ok(None),
    }
}

#[derive(Template)]
#[template(path = "admin/record_list.html")]
struct ListPage {
    layout: Layout,
    user: User,
    csrf_token: String,
    kind: RecordKind,
    query: String,
    rows: Vec<(i64, String, Vec<FieldView>)>,
}

async fn list<K: Kind>(
    State(state): State<AppState>,
    Staff { user, session }: Staff,
    Query(query): Query<Values>,
) -> AppResult<Response> {
    if !K::LISTED {
        return Err(AppError::NotFound);
    }
    let text = query.get("q").map(|q| q.trim().to_owned()).unwrap_or_default();
    let records = K::list(&mut *state.db.acquire().await?, &text).await?;
    let fields: Vec<Field> =
        K::LIST_FIELDS.iter().filter_map(|name| K::FIELDS.iter().find(|f| f.name == *name).copied()).collect();
    let rows = records
        .into_iter()
        .map(|r| (r.id, r.doc.title(), views(&fields, &r.doc.values(), &FieldErrors::new())))
        .collect();
    let page = ListPage {
        layout: super::layout(&state, &super::searched(&format!("/admin/{}", K::KIND.path()), &text)),
        user,
        csrf_token: csrf::token(&session).await?,
        kind: K::KIND,
        query: text,
        rows,
    };
    render(&page)
}

/// The form page of `K` with `editing`'s state, its token filled in.
async fn show<K: Editor>(state: &AppState, session: &Session, mut editing: Editing<K>) -> AppResult<Response> {
    editing.csrf_token = csrf::token(session).await?;
    K::page(state, editing).await
}

/// Where a record goes back to: its list, or the record it belongs to.
fn back_to<K: Editor>(owner: Option<Subject>) -> String {
    owner.map_or_else(|| format!("/admin/{}", K::KIND.path()), Subject::edit_path)
}

async fn new_form<K: Editor>(
    State(state): State<AppState>,
    Staff { user, session }: Staff,
    Query(query): Query<Values>,
) -> AppResult<Response> {
    let parent = K::parent(&query)?;
    parent_person(&state, parent).await?;
    // A form may arrive with fields chosen (a citation's source, from the source's page).
    let prefilled = query.clone();
    let editing = Editing::<K> {
        user,
        csrf_token: String::new(),
        id: None,
        owner: parent,
        title: String::new(),
        action: new_action::<K>(parent),
        back: back_to::<K>(parent),
        version: None,
        form: K::read(prefilled),
        errors: FieldErrors::new(),
        conflict: None,
        saved: false,
        query: Values::new(),
        status: StatusCode::OK,
    };
    show(&state, &session, editing).await
}

async fn create<K: Editor>(
    State(state): State<AppState>,
    Staff { user, session }: Staff,
    Query(query): Query<Values>,
    Posted(values): Posted,
) -> AppResult<Response> {
    let parent = K::parent(&query)?;
    let person_id = parent_person(&state, parent).await?;
    let context = context(&state, &user).await?;
    let form = K::read(values);
    let mut tx = state.db.begin().await?;
    // Validation and the write in one transaction: what the checks read is what is written over.
    let checked = K::validate(&mut tx, &form, &context, None, None).await?;
    let inserted = match checked {
        Ok(doc) => K::insert(&mut tx, parent, &doc).await.map(|id| (id, doc)).map_err(|e| racing::<K>(e)),
        Err(errors) => Err(Ok(errors)),
    };
    let (id, doc) = match inserted {
        Ok(inserted) => inserted,
        Err(refused) => {
            tx.rollback().await?;
            let editing = Editing::<K> {
                user,
                csrf_token: String::new(),
                id: None,
                owner: parent,
                title: String::new(),
                action: new_action::<K>(parent),
                back: back_to::<K>(parent),
                version: None,
                form,
                errors: refused?,
                conflict: None,
                saved: false,
                query: Values::new(),
                status: StatusCode::UNPROCESSABLE_ENTITY,
            };
            return show(&state, &session, editing).await;
        }
    };
    // A person's revisions belong to the person's own case.
    let person_id = person_id.or((K::KIND == RecordKind::Person).then_some(id));
    revisions::record(&mut tx, user.id, id, person_id, Action::Create, None, &doc).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    Ok(super::redirect_to(&saved_path::<K>(id)).into_response())
}

/// Where every editor goes after a save: the record's form, saying it was saved.
fn saved_path<K: Editor>(id: i64) -> String {
    format!("/admin/{}/{id}/edit?saved=1", K::KIND.path())
}

/// The form of the stored record `id`, as its edit page first shows it.
pub(super) async fn stored_form<K: Editor>(
    state: &AppState,
    user: User,
    id: i64,
    query: Values,
) -> AppResult<Editing<K>> {
    let stored = load::<K>(state, id).await?;
    Ok(Editing::<K> {
        user,
        csrf_token: String::new(),
        id: Some(id),
        owner: stored.owner,
        title: stored.doc.title(),
        action: format!("/admin/{}/{id}/edit", K::KIND.path()),
        back: K::back(&stored),
        version: Some(stored.version),
        form: stored.doc.form(),
        errors: FieldErrors::new(),
        conflict: None,
        saved: query.contains_key("saved"),
        query,
        status: StatusCode::OK,
    })
}

async fn edit_form<K: Editor>(
    State(state): State<AppState>,
    Staff { user, session }: Staff,
    Path(id): Path<i64>,
    Query(query): Query<Values>,
) -> AppResult<Response> {
    let editing = stored_form::<K>(&state, user, id, query).await?;
    show(&state, &session, editing).await
}

async fn update<K: Editor>(
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
    let context = context(&state, &user).await?;
    let mut editing = Editing::<K> {
        user,
        csrf_token: String::new(),
        id: Some(id),
        owner: stored.owner,
        title: stored.doc.title(),
        action: format!("/admin/{}/{id}/edit", K::KIND.path()),
        back: K::back(&stored),
        version: Some(version),
        form: K::read(values),
        errors: FieldErrors::new(),
        conflict: None,
        saved: false,
        query: Values::new(),
        status: StatusCode::UNPROCESSABLE_ENTITY,
    };
    let mut tx = state.db.begin().await?;
    let doc = match K::validate(&mut tx, &editing.form, &context, Some(&stored.doc), Some(id)).await? {
        Ok(doc) => doc,
        Err(errors) => {
            tx.rollback().await?;
            editing.errors = errors;
            return show(&state, &session, editing).await;
        }
    };
    let updated = match K::update(&mut tx, id, version, &doc).await {
        Ok(updated) => updated,
        Err(error) => {
            tx.rollback().await?;
            editing.errors = racing::<K>(error)?;
            return show(&state, &session, editing).await;
        }
    };
    if updated.is_none() {
        tx.rollback().await?;
        let current = load::<K>(&state, id).await?;
        editing.version = Some(current.version);
        editing.conflict = Some(diff(Some(&current.doc), &doc));
        editing.status = StatusCode::CONFLICT;
        return show(&state, &session, editing).await;
    }
    revisions::record(&mut tx, editing.user.id, id, stored.person_id, Action::Update, Some(&stored.doc), &doc).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    Ok(super::redirect_to(&saved_path::<K>(id)).into_response())
}

/// A save the database refuses as a duplicate (a unique constraint that validation did not
/// foresee, or a save that raced another): a message on the form, not a 500. Any other error
/// stays an error.
fn racing<K: Editor>(error: sqlx::Error) -> Result<FieldErrors, sqlx::Error> {
    K::refused(&error).ok_or(error)
}

/// A revision as a history page shows it.
pub struct HistoryLine {
    pub revision: Revision,
    pub changes: Vec<FieldChange>,
    /// An older version of a record that still exists: restoring it would change something.
    pub restorable: bool,
}

impl HistoryLine {
    /// Where its restore button posts (the record may be another kind than the page's: a
    /// person's history lists their whole case).
    pub fn restore_action(&self) -> String {
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
            HistoryLine { changes: revision.changes(), revision, restorable }
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

async fn history<K: Editor>(
    State(state): State<AppState>,
    Staff { user, session }: Staff,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let stored = load::<K>(&state, id).await?;
    let history = K::revisions(&mut *state.db.acquire().await?, id).await?;
    let page = HistoryPage {
        layout: super::layout(&state, &format!("/admin/{}/{id}/history", K::KIND.path())),
        user,
        csrf_token: csrf::token(&session).await?,
        kind: K::KIND,
        id,
        title: stored.doc.title(),
        lines: history_lines(history),
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

async fn restore<K: Editor>(
    State(state): State<AppState>,
    Staff { user, .. }: Staff,
    Path((id, revision)): Path<(i64, i64)>,
    _: Posted,
) -> AppResult<Response> {
    let stored = load::<K>(&state, id).await?;
    let history = revisions::for_record(&mut *state.db.acquire().await?, K::KIND, id).await?;
    let target = history.into_iter().find(|r| r.id == revision).ok_or(AppError::NotFound)?;
    let mut old: K = target.after_as().ok_or(AppError::NotFound)?;
    // An old version is checked like a typed one: the rules may have changed since, and what it
    // names (an address, a facility) may be taken or gone.
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

#[derive(Template)]
#[template(path = "admin/record_delete.html")]
struct DeletePage {
    layout: Layout,
    user: User,
    csrf_token: String,
    kind: RecordKind,
    id: i64,
    title: String,
    version: i32,
    back: String,
    fields: Vec<(&'static str, String)>,
    in_use: i64,
    conflict: bool,
}

async fn delete_page<K: Record>(
    state: &AppState,
    user: User,
    session: &Session,
    stored: Stored<K>,
    conflict: bool,
) -> AppResult<Response> {
    let in_use = K::in_use(&mut *state.db.acquire().await?, stored.id).await?;
    let status = if conflict || in_use > 0 { StatusCode::CONFLICT } else { StatusCode::OK };
    let page = DeletePage {
        layout: super::layout(state, &format!("/admin/{}/{}/delete", K::KIND.path(), stored.id)),
        user,
        csrf_token: csrf::token(session).await?,
        kind: K::KIND,
        id: stored.id,
        title: stored.doc.title(),
        version: stored.version,
        back: K::back(&stored),
        fields: stored.doc.fields().into_iter().filter(|(_, v)| !v.is_empty()).collect(),
        in_use,
        conflict,
    };
    let mut response = render(&page)?;
    *response.status_mut() = status;
    Ok(response)
}

async fn confirm_delete<K: Record>(
    State(state): State<AppState>,
    Staff { user, session }: Staff,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let stored = load::<K>(&state, id).await?;
    delete_page(&state, user, &session, stored, false).await
}

async fn delete<K: Record>(
    State(state): State<AppState>,
    Staff { user, session }: Staff,
    Path(id): Path<i64>,
    Posted(values): Posted,
) -> AppResult<Response> {
    let stored = load::<K>(&state, id).await?;
    let changed = values.get("version").and_then(|v| v.parse::<i32>().ok()) != Some(stored.version);
    if changed || K::in_use(&mut *state.db.acquire().await?, id).await? > 0 {
        // Changed since the confirmation was shown, or still in use: show it again as it is now.
        return delete_page(&state, user, &session, stored, changed).await;
    }
    let mut tx = state.db.begin().await?;
    if !revisions::delete_record(&mut tx, K::KIND, id, stored.version).await? {
        tx.rollback().await?;
        let stored = load::<K>(&state, id).await?;
        return delete_page(&state, user, &session, stored, true).await;
    }
    revisions::record_deletion(&mut tx, user.id, id, stored.person_id, &stored.doc).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    let back = K::back(&stored);
    let separator = if back.contains('?') { '&' } else { '?' };
    Ok(super::redirect_to(&format!("{back}{separator}deleted=1")).into_response())
}
