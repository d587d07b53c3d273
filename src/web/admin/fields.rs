//! The pages of the kinds edited by the field form (`records::Kind`: sources, citations,
//! recognitions, facilities, reported figures): the form drawn from the kind's fields, and the
//! list of a kind's records.

use std::ops::Deref;

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;

use super::editor::{Editing, Page};
use super::summary::ErrorSummary;
use crate::app::AppState;
use crate::db::users::User;
use crate::domain::RecordKind;
use crate::records::citation::StoredCitation;
use crate::records::{Field, FieldErrors, Input, Kind, Values};
use crate::web::error::{AppError, AppResult};
use crate::web::extract::Staff;
use crate::web::{Layout, csrf, locale, render};

/// The list page of a kind edited by the field form.
pub(crate) fn list_routes<K: Kind>() -> Router<AppState> {
    Router::new().route(&format!("/admin/{}", K::KIND.path()), get(list::<K>))
}

/// A field as a template shows it.
#[derive(Debug, Clone)]
pub(super) struct FieldView {
    pub name: &'static str,
    pub input: Input,
    pub hint: bool,
    pub value: String,
    pub error: Option<String>,
    /// `public`, `restricted` or `internal` (`domain::visibility`).
    pub visibility: &'static str,
}

impl FieldView {
    pub(super) fn options(&self) -> &'static [&'static str] {
        match self.input {
            Input::Select { keys, .. } => keys,
            _ => &[],
        }
    }

    pub(super) fn name(&self) -> &'static str {
        self.name
    }

    pub(super) fn is(&self, key: &str) -> bool {
        self.value == key
    }

    /// The kind of label (`Lang::label`) of the options of a select field.
    pub(super) fn option_kind(&self) -> &'static str {
        match self.input {
            Input::Select { set, .. } => set,
            _ => "option",
        }
    }

    pub(super) fn kind(&self) -> &'static str {
        match self.input {
            Input::Text => "text",
            Input::LongText => "long",
            Input::Select { .. } => "select",
            Input::Publication => "publication",
        }
    }
}

fn views(kind: RecordKind, fields: &[Field], values: &Values, errors: &FieldErrors) -> Vec<FieldView> {
    let lang = locale::current();
    fields
        .iter()
        .map(|f| FieldView {
            name: f.name,
            input: f.input,
            hint: f.hint,
            value: values.get(f.name).cloned().unwrap_or_default(),
            error: errors.get(f.name).map(|m| lang.message(m)),
            visibility: crate::domain::visibility::of(kind, f.name).as_str(),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "admin/record_form.html")]
struct FormPage<K: Kind> {
    editing: Editing<K>,
    kind: RecordKind,
    fields: Vec<FieldView>,
    summary: ErrorSummary,
    citations: Option<Vec<StoredCitation>>,
}

impl<K: Kind> Deref for FormPage<K> {
    type Target = Editing<K>;

    fn deref(&self) -> &Editing<K> {
        &self.editing
    }
}

impl<K: Kind> FormPage<K> {
    fn may_delete(&self) -> bool {
        self.id.is_some() && self.may_publish()
    }

    /// The query parameter that names this record to the citation form.
    fn cite_param(&self) -> &str {
        self.kind.key()
    }
}

/// The form page of a kind edited by the field form: its fields, drawn from [`Kind::FIELDS`].
impl<K: Kind> Page for K {
    async fn page(state: &AppState, editing: Editing<Self>) -> AppResult<Response> {
        let order: Vec<&str> = K::FIELDS.iter().map(|f| f.name).collect();
        let summary = editing.summary(&order);
        let citations = editing.citations(state).await?;
        let fields = views(K::KIND, K::FIELDS, &editing.form, &editing.errors);
        Editing::respond(&FormPage { editing, kind: K::KIND, fields, summary, citations })
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
    let lang = locale::current();
    let rows = records
        .into_iter()
        .map(|r| (r.id, r.doc.title(lang), views(K::KIND, &fields, &r.doc.values(), &FieldErrors::new())))
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
