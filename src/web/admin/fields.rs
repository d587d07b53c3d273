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
use crate::records::source::SourceDoc;
use crate::records::{Field, FieldErrors, Input, Kind, Subject, Values};
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
    /// The citation form's search of sources by title (citations only).
    picker: Option<SourcePicker>,
}

/// The sources a citation form offers instead of typing a source's address: a plain GET search
/// (`source_q`) whose results become the choices of the `source` field.
struct SourcePicker {
    /// Where the search goes: the form's own page, without its query string.
    path: String,
    /// What the search carries so that the page it leads to is the same form: the record cited
    /// (a new citation) and the source and locator as they were shown.
    hidden: Vec<(String, String)>,
    q: String,
    /// Found sources: (address, "title · publisher, date").
    found: Vec<(String, String)>,
}

/// One source the citation form offers.
struct SourceChoice {
    slug: String,
    label: String,
    chosen: bool,
}

/// The most sources a search offers; a narrower search finds the rest.
const PICKER_RESULTS: usize = 20;

impl SourcePicker {
    async fn load<K: Kind>(state: &AppState, editing: &Editing<K>, form: &Values) -> AppResult<SourcePicker> {
        let q = form.get("source_q").or_else(|| editing.query.get("source_q")).map_or("", |q| q.trim());
        let q: String = q.chars().take(200).collect();
        let found = if q.is_empty() {
            Vec::new()
        } else {
            let lang = locale::current();
            <SourceDoc as Kind>::list(&mut *state.db.acquire().await?, &q)
                .await?
                .into_iter()
                .take(PICKER_RESULTS)
                .map(|s| {
                    let mut label = s.doc.title.clone();
                    let about: Vec<String> =
                        s.doc.publisher.iter().cloned().chain(s.doc.published.map(|d| lang.date(&d))).collect();
                    if !about.is_empty() {
                        label = format!("{label} · {}", about.join(", "));
                    }
                    (s.doc.slug, label)
                })
                .collect()
        };
        let path = editing.action.split('?').next().unwrap_or_default().to_owned();
        let mut hidden: Vec<(String, String)> = Vec::new();
        if editing.id.is_none()
            && let Some((name, id)) = editing.owner.map(Subject::param)
        {
            hidden.push((name.to_owned(), id.to_string()));
        }
        if editing.id.is_none() {
            for name in ["source", "locator"] {
                if let Some(value) = form.get(name).filter(|v| !v.is_empty()) {
                    hidden.push((name.to_owned(), value.clone()));
                }
            }
        }
        Ok(SourcePicker { path, hidden, q, found })
    }
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

    /// The choices of the citation's `source` field after a search: (address, label, chosen).
    /// The source already chosen stays first, so that a search never loses it. Empty without a
    /// search: the field is then the address typed.
    fn source_choices(&self, current: &str) -> Vec<SourceChoice> {
        let Some(picker) = self.picker.as_ref().filter(|p| !p.found.is_empty()) else { return Vec::new() };
        let mut choices: Vec<SourceChoice> = Vec::new();
        if !current.is_empty() && !picker.found.iter().any(|(slug, _)| slug == current) {
            choices.push(SourceChoice { slug: current.to_owned(), label: current.to_owned(), chosen: true });
        }
        choices.extend(picker.found.iter().map(|(slug, label)| SourceChoice {
            slug: slug.clone(),
            label: label.clone(),
            chosen: slug == current,
        }));
        choices
    }
}

/// The form page of a kind edited by the field form: its fields, drawn from [`Kind::FIELDS`].
impl<K: Kind> Page for K {
    async fn page(state: &AppState, editing: Editing<Self>) -> AppResult<Response> {
        let order: Vec<&str> = K::FIELDS.iter().map(|f| f.name).collect();
        let summary = editing.summary(&order);
        let citations = editing.citations(state).await?;
        let fields = views(K::KIND, K::FIELDS, &editing.form, &editing.errors);
        let picker = match K::KIND {
            RecordKind::Citation => Some(SourcePicker::load(state, &editing, &editing.form).await?),
            _ => None,
        };
        Editing::respond(&FormPage { editing, kind: K::KIND, fields, summary, citations, picker })
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
