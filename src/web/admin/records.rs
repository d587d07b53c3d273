//! One set of handlers for the smaller records: sources, citations, recognitions, facilities and
//! reported figures. Each kind ([`Kind`]) says what its fields are, how a typed form becomes its
//! document and how it is stored; the handlers here do the rest under the rules of every admin
//! form: mistakes come back with 422 and everything typed, a save over a newer version is a 409
//! with both versions, every save is a revision, each record has a history with restore.
//!
//! Deleting ([`Deletable`]) is for admins, for these kinds and for people, detentions, events and
//! waves alike: a confirmation page, then a revision that keeps the whole record.

use std::collections::BTreeMap;
use std::future::Future;

use askama::Template;
use axum::extract::{Extension, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use sqlx::{PgConnection, Postgres, Transaction};
use tower_sessions::Session;

use super::person_form::FieldErrors;
use super::summary::ErrorSummary;
use super::{CurrentUser, auth};
use crate::app::AppState;
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

/// A kind of record that admins may delete.
pub trait Deletable: Document + Clone + Send + Sync + 'static {
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

    /// A short name for headings and lists.
    /// The record's name on its pages, with any date in the words of the request's language.
    fn title(&self) -> String;
}

/// A kind of record edited by the generic form.
pub trait Kind: Deletable {
    const FIELDS: &'static [Field];
    /// Shown in lists, besides the title.
    const LIST_FIELDS: &'static [&'static str] = &[];
    /// Whether the kind has a list page (kinds that belong to another record are listed there).
    const LISTED: bool = true;
    /// Whether sources may be cited for it (a "Sources" block on its form).
    const CITABLE: bool = false;

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

    /// The record a new one belongs to, from the form's query string (`?person=7`); `Ok(None)` for
    /// kinds that stand alone.
    fn parent(query: &Values) -> Result<Option<Subject>, AppError>;

    /// The records of the kind for its list page, filtered by `query`.
    fn list(_conn: &mut PgConnection, _query: &str) -> impl Future<Output = sqlx::Result<Vec<Stored<Self>>>> + Send {
        async { Ok(Vec::new()) }
    }

    fn insert(
        tx: &mut Transaction<'static, Postgres>,
        parent: Option<Subject>,
        doc: &Self,
    ) -> impl Future<Output = sqlx::Result<i64>> + Send;

    /// Saves over the record if it is still at `version`; `None` when someone saved first.
    fn update(
        tx: &mut Transaction<'static, Postgres>,
        id: i64,
        version: i32,
        doc: &Self,
    ) -> impl Future<Output = sqlx::Result<Option<i32>>> + Send;

    /// Restoring an old version must not publish or unpublish behind an admin's back.
    fn keep_publication(&mut self, _current: &Self) {}
}

/// Every route of kind `K`.
pub fn routes<K: Kind>() -> Router<AppState> {
    let base = format!("/admin/{}", K::KIND.path());
    Router::new()
        .route(&base, get(list::<K>))
        .route(&format!("{base}/new"), get(new_form::<K>).post(create::<K>))
        .route(&format!("{base}/{{id}}/edit"), get(edit_form::<K>).post(update::<K>))
        .route(&format!("{base}/{{id}}/history"), get(history::<K>))
        .route(&format!("{base}/{{id}}/restore/{{revision}}"), post(restore::<K>))
}

/// The delete routes of `K`, for the admins-only router.
pub fn delete_routes<K: Deletable>() -> Router<AppState> {
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
    /// The message `prefix-path` for this kind of record (`record-add-sources`): each kind has
    /// its own messages, since Belarusian and Russian decline the record's name differently in
    /// each sentence.
    fn key(&self, prefix: &str) -> String {
        format!("{prefix}-{}", self.kind.path())
    }
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

struct FormState {
    id: Option<i64>,
    title: String,
    action: String,
    back: String,
    version: Option<i32>,
    values: Values,
    errors: FieldErrors,
    conflict: Option<Vec<FieldChange>>,
    status: StatusCode,
    saved: bool,
}

async fn form_page<K: Kind>(state: &AppState, user: User, session: &Session, form: FormState) -> AppResult<Response> {
    let citations = match (K::CITABLE, form.id) {
        (true, Some(id)) => {
            let subject = Subject::of(K::KIND, id).ok_or(AppError::NotFound)?;
            Some(edit_sources::citations_of(&mut *state.db.acquire().await?, subject).await?)
        }
        _ => None,
    };
    let layout = super::layout(state, &form.action);
    let order: Vec<&str> = K::FIELDS.iter().map(|f| f.name).collect();
    let summary = ErrorSummary::new(layout.lang).conflict(form.conflict.is_some()).fields(&form.errors, &order);
    let page = FormPage {
        layout,
        user,
        csrf_token: csrf::token(session).await?,
        kind: K::KIND,
        id: form.id,
        title: form.title,
        action: form.action,
        back: form.back,
        version: form.version,
        fields: views(K::FIELDS, &form.values, &form.errors),
        summary,
        conflict: form.conflict,
        citations,
        saved: form.saved,
    };
    let mut response = render(&page)?;
    *response.status_mut() = form.status;
    Ok(response)
}

async fn context(state: &AppState, user: &User, current: Option<Values>) -> AppResult<Context> {
    let countries = edit_people::country_codes(&mut *state.db.acquire().await?).await?;
    Ok(Context { countries, may_publish: auth::is_admin(user), current })
}

/// Where a new record of `K` is created, with its parent in the query string.
fn new_action<K: Kind>(parent: Option<Subject>) -> String {
    match parent {
        Some(subject) => {
            let (name, id) = subject.param();
            format!("/admin/{}/new?{name}={id}", K::KIND.path())
        }
        None => format!("/admin/{}/new", K::KIND.path()),
    }
}

async fn load<K: Deletable>(state: &AppState, id: i64) -> AppResult<Stored<K>> {
    K::load(&mut *state.db.acquire().await?, id).await?.ok_or(AppError::NotFound)
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

impl ListPage {
    /// The message `prefix-path` for this kind of record (`record-add-sources`): each kind has
    /// its own messages, since Belarusian and Russian decline the record's name differently in
    /// each sentence.
    fn key(&self, prefix: &str) -> String {
        format!("{prefix}-{}", self.kind.path())
    }
}

async fn list<K: Kind>(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
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

async fn new_form<K: Kind>(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Query(query): Query<Values>,
) -> AppResult<Response> {
    let parent = K::parent(&query)?;
    parent_person(&state, parent).await?;
    let back = parent.map_or_else(|| format!("/admin/{}", K::KIND.path()), Subject::edit_path);
    // A citation form may arrive with its source chosen (from the source's page).
    let values = K::FIELDS.iter().filter_map(|f| Some((f.name.to_owned(), query.get(f.name)?.clone()))).collect();
    let form = FormState {
        id: None,
        title: String::new(),
        action: new_action::<K>(parent),
        back,
        version: None,
        values,
        errors: FieldErrors::new(),
        conflict: None,
        status: StatusCode::OK,
        saved: false,
    };
    form_page::<K>(&state, user, &session, form).await
}

/// Validation, then the checks that need the database; `Err` is the form's messages.
async fn checked<K: Kind>(
    state: &AppState,
    values: &Values,
    context: &Context,
    id: Option<i64>,
) -> AppResult<Result<K, FieldErrors>> {
    let doc = match K::validate(values, context) {
        Ok(doc) => doc,
        Err(errors) => return Ok(Err(errors)),
    };
    let errors = K::check(&mut *state.db.acquire().await?, &doc, id).await?;
    Ok(if errors.is_empty() { Ok(doc) } else { Err(errors) })
}

async fn create<K: Kind>(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Query(query): Query<Values>,
    Form(values): Form<Values>,
) -> AppResult<Response> {
    csrf::verify(&session, values.get("csrf_token").map(String::as_str)).await?;
    let parent = K::parent(&query)?;
    let person_id = parent_person(&state, parent).await?;
    let context = context(&state, &user, None).await?;
    let refused = |values, errors| FormState {
        id: None,
        title: String::new(),
        action: new_action::<K>(parent),
        back: parent.map_or_else(|| format!("/admin/{}", K::KIND.path()), Subject::edit_path),
        version: None,
        values,
        errors,
        conflict: None,
        status: StatusCode::UNPROCESSABLE_ENTITY,
        saved: false,
    };
    let doc = match checked::<K>(&state, &values, &context, None).await? {
        Ok(doc) => doc,
        Err(errors) => return form_page::<K>(&state, user, &session, refused(values, errors)).await,
    };
    let mut tx = state.db.begin().await?;
    let id = match K::insert(&mut tx, parent, &doc).await {
        Ok(id) => id,
        Err(error) => {
            let errors = duplicate::<K>(&error).ok_or(error)?;
            tx.rollback().await?;
            return form_page::<K>(&state, user, &session, refused(values, errors)).await;
        }
    };
    revisions::record(&mut tx, user.id, id, person_id, Action::Create, None, &doc).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    Ok(super::redirect_to(&format!("/admin/{}/{id}/edit?saved=1", K::KIND.path())).into_response())
}

async fn edit_form<K: Kind>(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path(id): Path<i64>,
    Query(query): Query<Values>,
) -> AppResult<Response> {
    let stored = load::<K>(&state, id).await?;
    let form = FormState {
        id: Some(id),
        title: stored.doc.title(),
        action: format!("/admin/{}/{id}/edit", K::KIND.path()),
        back: K::back(&stored),
        version: Some(stored.version),
        values: stored.doc.values(),
        errors: FieldErrors::new(),
        conflict: None,
        status: StatusCode::OK,
        saved: query.contains_key("saved"),
    };
    form_page::<K>(&state, user, &session, form).await
}

async fn update<K: Kind>(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path(id): Path<i64>,
    Form(values): Form<Values>,
) -> AppResult<Response> {
    csrf::verify(&session, values.get("csrf_token").map(String::as_str)).await?;
    let stored = load::<K>(&state, id).await?;
    let version = values
        .get("version")
        .and_then(|v| v.parse::<i32>().ok())
        .ok_or_else(|| AppError::BadRequest(Message::new("refusal-form-version")))?;
    let context = context(&state, &user, Some(stored.doc.values())).await?;
    let mut form = FormState {
        id: Some(id),
        title: stored.doc.title(),
        action: format!("/admin/{}/{id}/edit", K::KIND.path()),
        back: K::back(&stored),
        version: Some(version),
        values,
        errors: FieldErrors::new(),
        conflict: None,
        status: StatusCode::UNPROCESSABLE_ENTITY,
        saved: false,
    };
    let doc = match checked::<K>(&state, &form.values, &context, Some(id)).await? {
        Ok(doc) => doc,
        Err(errors) => {
            form.errors = errors;
            return form_page::<K>(&state, user, &session, form).await;
        }
    };
    let mut tx = state.db.begin().await?;
    let updated = match K::update(&mut tx, id, version, &doc).await {
        Ok(updated) => updated,
        Err(error) => {
            form.errors = duplicate::<K>(&error).ok_or(error)?;
            tx.rollback().await?;
            return form_page::<K>(&state, user, &session, form).await;
        }
    };
    if updated.is_none() {
        tx.rollback().await?;
        let current = load::<K>(&state, id).await?;
        form.version = Some(current.version);
        form.conflict = Some(diff(Some(&current.doc), &doc));
        form.status = StatusCode::CONFLICT;
        return form_page::<K>(&state, user, &session, form).await;
    }
    revisions::record(&mut tx, user.id, id, stored.person_id, Action::Update, Some(&stored.doc), &doc).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    Ok(super::redirect_to(&format!("/admin/{}/{id}/edit?saved=1", K::KIND.path())).into_response())
}

/// A record the database refuses as a duplicate (a unique constraint that `Kind::check` did
/// not foresee, or a save that raced another): a message on the form's first field, not a 500.
fn duplicate<K: Kind>(error: &sqlx::Error) -> Option<FieldErrors> {
    let db = error.as_database_error()?;
    (db.code().as_deref() == Some("23505")).then(|| {
        let mut errors = FieldErrors::new();
        errors.insert(K::FIELDS[0].name.to_owned(), Message::new("error-record-duplicate"));
        errors
    })
}

/// A revision as a history page shows it.
pub struct HistoryLine {
    pub revision: Revision,
    pub changes: Vec<FieldChange>,
    pub restorable: bool,
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

impl HistoryPage {
    /// The message `prefix-path` for this kind of record (`record-add-sources`): each kind has
    /// its own messages, since Belarusian and Russian decline the record's name differently in
    /// each sentence.
    fn key(&self, prefix: &str) -> String {
        format!("{prefix}-{}", self.kind.path())
    }
}

async fn history<K: Kind>(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let stored = load::<K>(&state, id).await?;
    let history = revisions::for_record(&mut *state.db.acquire().await?, K::KIND, id).await?;
    let lines = history
        .into_iter()
        .enumerate()
        .map(|(i, revision)| HistoryLine {
            changes: revision.changes_as::<K>().unwrap_or_default(),
            restorable: i > 0 && revision.after.is_some(),
            revision,
        })
        .collect();
    let page = HistoryPage {
        layout: super::layout(&state, &format!("/admin/{}/{id}/history", K::KIND.path())),
        user,
        csrf_token: csrf::token(&session).await?,
        kind: K::KIND,
        id,
        title: stored.doc.title(),
        lines,
    };
    render(&page)
}

async fn restore<K: Kind>(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path((id, revision)): Path<(i64, i64)>,
    Form(values): Form<Values>,
) -> AppResult<Response> {
    csrf::verify(&session, values.get("csrf_token").map(String::as_str)).await?;
    let stored = load::<K>(&state, id).await?;
    let history = revisions::for_record(&mut *state.db.acquire().await?, K::KIND, id).await?;
    let target = history.into_iter().find(|r| r.id == revision).ok_or(AppError::NotFound)?;
    let mut doc: K = target.after_as().ok_or(AppError::NotFound)?;
    if !auth::is_admin(&user) {
        doc.keep_publication(&stored.doc);
    }
    let errors = K::check(&mut *state.db.acquire().await?, &doc, Some(id)).await?;
    if let Some((field, message)) = errors.into_iter().next() {
        return Err(AppError::BadRequest(
            Message::new("refusal-restore-invalid")
                .arg_message("field", Message::label("field", field))
                .arg_message("problem", message),
        ));
    }
    let mut tx = state.db.begin().await?;
    if K::update(&mut tx, id, stored.version, &doc).await?.is_none() {
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

impl DeletePage {
    /// The message `prefix-path` for this kind of record (`record-add-sources`): each kind has
    /// its own messages, since Belarusian and Russian decline the record's name differently in
    /// each sentence.
    fn key(&self, prefix: &str) -> String {
        format!("{prefix}-{}", self.kind.path())
    }
}

async fn delete_page<K: Deletable>(
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

async fn confirm_delete<K: Deletable>(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let stored = load::<K>(&state, id).await?;
    delete_page(&state, user, &session, stored, false).await
}

async fn delete<K: Deletable>(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path(id): Path<i64>,
    Form(values): Form<Values>,
) -> AppResult<Response> {
    csrf::verify(&session, values.get("csrf_token").map(String::as_str)).await?;
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
