//! `/admin/{people,waves,events}/{id}/texts`: a record's texts in other languages
//! (issue 9). The record's own form edits its original text; this page says which language that
//! is and holds one fieldset per language for the translations.
//!
//! The rules of every admin form hold: the anti-forgery token, 422 with everything typed and a
//! message per field, a save over a newer version refused with 409 and both versions shown, a
//! revision per save (who, when, before, after), and the caches told.

use std::collections::BTreeMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::history::HistoryLine;
use super::summary::ErrorSummary;
use crate::app::AppState;
use crate::db::revisions::{self, Action, Document, FieldChange, diff};
use crate::db::texts::{self, EventTexts, Owner, PersonTexts, Saved, StoredTexts, TextsDoc, WaveTexts};
use crate::db::users::User;
use crate::i18n::{Lang, Message};
use crate::records::{self, Values};
use crate::web::error::{AppError, AppResult};
use crate::web::extract::{Posted, Staff};
use crate::web::{Layout, format, render_with};

/// The translations of one kind of record, as their revisions store them. The handlers are
/// written once, for any of them.
trait Translations: Document + Send + Sync + 'static {
    const OWNER: Owner;

    fn wrap(doc: TextsDoc) -> Self;
}

/// `Translations` for each kind with texts: its owner, and its newtype over [`TextsDoc`].
macro_rules! translations {
    ($($texts:ident: $owner:ident),+) => {$(
        impl Translations for $texts {
            const OWNER: Owner = Owner::$owner;

            fn wrap(doc: TextsDoc) -> Self {
                $texts(doc)
            }
        }
    )+};
}

translations!(PersonTexts: Person, WaveTexts: Wave, EventTexts: Event);

pub(super) fn router() -> Router<AppState> {
    Router::new().merge(routes::<PersonTexts>()).merge(routes::<WaveTexts>()).merge(routes::<EventTexts>())
}

fn routes<T: Translations>() -> Router<AppState> {
    let path = format!("/admin/{}/{{id}}/texts", T::OWNER.path());
    Router::new().route(&path, get(texts_form::<T>).post(save_texts::<T>))
}

/// One text field of one language, as the template shows it.
struct Input {
    /// The form's name for it: `biography_be`.
    key: &'static str,
    /// The field: `biography`.
    field: &'static str,
    long: bool,
    value: String,
    error: Option<String>,
}

/// The translations of one language.
struct Fieldset {
    lang: Lang,
    /// The version of the stored translation (0: none yet), which the form sends back.
    version: i32,
    inputs: Vec<Input>,
}

#[derive(Template)]
#[template(path = "admin/texts.html")]
struct TextsPage {
    layout: Layout,
    user: User,
    csrf_token: String,
    action: String,
    /// The record's own form.
    edit: String,
    title: String,
    public_path: Option<String>,
    /// The language chosen for the original text, and the one the form was loaded with.
    original_lang: String,
    original_was: String,
    original_error: Option<String>,
    /// The record's own text, field by field.
    original: Vec<(&'static str, Option<String>)>,
    fieldsets: Vec<Fieldset>,
    summary: ErrorSummary,
    conflict: Option<Vec<FieldChange>>,
    saved: bool,
    history: Vec<HistoryLine>,
}

/// What a page is made from besides the stored texts.
struct FormState {
    values: Option<Values>,
    versions: BTreeMap<String, i32>,
    original_was: String,
    errors: BTreeMap<String, Message>,
    conflict: Option<Vec<FieldChange>>,
    saved: bool,
    status: StatusCode,
}

impl FormState {
    /// The form as loaded at these versions, nothing typed yet.
    fn at(original_was: String, versions: BTreeMap<String, i32>, status: StatusCode) -> Self {
        FormState {
            values: None,
            versions,
            original_was,
            errors: BTreeMap::new(),
            conflict: None,
            saved: false,
            status,
        }
    }
}

async fn page<T: Translations>(
    state: &AppState,
    staff: Staff,
    id: i64,
    stored: StoredTexts,
    form: FormState,
) -> AppResult<Response> {
    let owner = T::OWNER;
    let action = format!("/admin/{}/{id}/texts", owner.path());
    let layout = super::layout(state, &action);
    let lang = layout.lang;
    let value = |key: &str, lang_: Lang, field: &str| match &form.values {
        Some(values) => values.get(key).cloned().unwrap_or_default(),
        None => stored.doc.get(lang_, field).unwrap_or_default().to_owned(),
    };
    let fieldsets = Lang::ALL
        .into_iter()
        .map(|l| Fieldset {
            lang: l,
            version: form.versions.get(l.code()).copied().unwrap_or(0),
            inputs: owner
                .fields()
                .iter()
                .map(|f| Input {
                    key: f.key(l),
                    field: f.name,
                    long: f.long,
                    value: value(f.key(l), l, f.name),
                    error: form.errors.get(f.key(l)).map(|m| lang.message(m)),
                })
                .collect(),
        })
        .collect();
    let order: Vec<&str> = std::iter::once("text_lang")
        .chain(Lang::ALL.into_iter().flat_map(|l| owner.fields().iter().map(move |f| f.key(l))))
        .collect();
    let summary = ErrorSummary::new(lang).conflict(form.conflict.is_some()).fields(&form.errors, &order);
    let original_lang =
        form.values.as_ref().and_then(|v| v.get("text_lang").cloned()).unwrap_or_else(|| stored.doc.original.clone());
    let history = revisions::for_record(&mut *state.db.acquire().await?, owner.kind(), id).await?;
    // Translations come back by saving again, not from the history.
    let history = history
        .into_iter()
        .map(|revision| HistoryLine { changes: records::changes(&revision), revision, restorable: false })
        .collect();
    let page = TextsPage {
        csrf_token: staff.token().await?,
        action: layout.link(&action),
        edit: layout.link(&format!("/admin/{}/{id}/edit", owner.path())),
        title: stored.title,
        public_path: stored.public_path.map(|path| layout.link(&path)),
        original_lang,
        original_was: form.original_was,
        original_error: form.errors.get("text_lang").map(|m| lang.message(m)),
        original: stored.original,
        fieldsets,
        summary,
        conflict: form.conflict,
        saved: form.saved,
        history,
        layout,
        user: staff.user,
    };
    render_with(form.status, &page)
}

async fn load(state: &AppState, owner: Owner, id: i64) -> AppResult<StoredTexts> {
    texts::load(&mut *state.db.acquire().await?, owner, id, false).await?.ok_or(AppError::NotFound)
}

async fn texts_form<T: Translations>(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Query(query): Query<Values>,
) -> AppResult<Response> {
    let stored = load(&state, T::OWNER, id).await?;
    let form = FormState {
        saved: query.contains_key("saved"),
        ..FormState::at(stored.doc.original.clone(), stored.versions.clone(), StatusCode::OK)
    };
    page::<T>(&state, staff, id, stored, form).await
}

/// The typed form as the record's translations, or a message per field.
fn validate(owner: Owner, values: &Values) -> Result<TextsDoc, BTreeMap<String, Message>> {
    let mut errors = BTreeMap::new();
    let original = values.get("text_lang").map(|v| v.trim()).unwrap_or_default();
    if Lang::from_code(original).is_none() {
        errors.insert("text_lang".to_owned(), Message::new("texts-error-language"));
    }
    let mut doc = TextsDoc { original: original.to_owned(), texts: BTreeMap::new() };
    for lang in Lang::ALL {
        for field in owner.fields() {
            let key = field.key(lang);
            let text = values.get(key).map(|v| v.trim()).unwrap_or_default();
            if text.is_empty() {
                continue;
            }
            let count = text.chars().count();
            if lang.code() == original {
                errors.insert(key.to_owned(), Message::new("texts-error-original-language"));
            } else if text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
                errors.insert(key.to_owned(), Message::new("texts-error-characters"));
            } else if count > field.max_chars {
                let error = Message::new("texts-error-too-long").arg("max", field.max_chars).arg("count", count);
                errors.insert(key.to_owned(), error);
            } else {
                doc.texts.entry(lang.code().to_owned()).or_default().insert(field.name.to_owned(), text.to_owned());
            }
        }
    }
    if errors.is_empty() { Ok(doc) } else { Err(errors) }
}

/// The versions the form was loaded at: a form without them is not one of ours.
fn loaded_versions(values: &Values) -> AppResult<(String, BTreeMap<String, i32>)> {
    let incomplete = || AppError::BadRequest(Message::new("texts-form-incomplete"));
    let original_was = values.get("original_was").cloned().ok_or_else(incomplete)?;
    let mut versions = BTreeMap::new();
    for lang in Lang::ALL {
        let version: i32 =
            values.get(&format!("version_{}", lang.code())).and_then(|v| v.parse().ok()).ok_or_else(incomplete)?;
        if version > 0 {
            versions.insert(lang.code().to_owned(), version);
        }
    }
    Ok((original_was, versions))
}

async fn save_texts<T: Translations>(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Posted(values): Posted,
) -> AppResult<Response> {
    let owner = T::OWNER;
    let stored = load(&state, owner, id).await?;
    let person_id = stored.person_id;
    let wave = matches!(owner, Owner::Wave).then_some(id);
    super::review::refuse_unheld(&state, &staff.user, person_id, wave).await?;
    let (original_was, versions) = loaded_versions(&values)?;
    let mut form = FormState::at(original_was, versions, StatusCode::UNPROCESSABLE_ENTITY);
    let doc = match validate(owner, &values) {
        Ok(doc) => doc,
        Err(errors) => {
            form.errors = errors;
            form.values = Some(values);
            return page::<T>(&state, staff, id, stored, form).await;
        }
    };
    let mut tx = state.db.begin().await?;
    let before = match texts::save(&mut tx, owner, id, &form.original_was, &form.versions, &doc).await? {
        Saved::Done(before) => before,
        Saved::NotFound => return Err(AppError::NotFound),
        Saved::Stale(current) => {
            tx.rollback().await?;
            // The form now carries the versions saved meanwhile: saving again is a knowing choice.
            form.conflict = Some(diff(Some(&T::wrap(current.doc.clone())), &T::wrap(doc)));
            form.versions = current.versions.clone();
            form.original_was = current.doc.original.clone();
            form.values = Some(values);
            form.status = StatusCode::CONFLICT;
            return page::<T>(&state, staff, id, current, form).await;
        }
    };
    let (before, after) = (T::wrap(before.doc), T::wrap(doc));
    revisions::record(&mut tx, staff.user.id, id, person_id, Action::Update, Some(&before), &after).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    Ok(super::redirect_to(&format!("/admin/{}/{id}/texts?saved=1", owner.path())).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::tests::typed as values;

    #[test]
    fn a_form_becomes_translations_and_each_mistake_gets_its_message() {
        let doc = validate(
            Owner::Person,
            &values(&[("text_lang", "en"), ("biography_be", "  Біяграфія  "), ("occupation_ru", "")]),
        )
        .unwrap();
        assert_eq!(doc.get(Lang::Be, "biography"), Some("Біяграфія"), "trimmed");
        assert_eq!(doc.texts.len(), 1, "an empty field is no translation");

        let long = "я".repeat(501);
        let errors = validate(
            Owner::Person,
            &values(&[("text_lang", "en"), ("biography_en", "x"), ("occupation_be", &long), ("region_ru", "a\u{0}b")]),
        )
        .unwrap_err();
        assert_eq!(errors["biography_en"].key(), Some("texts-error-original-language"));
        assert_eq!(errors["occupation_be"].key(), Some("texts-error-too-long"), "counted in characters");
        assert_eq!(errors["region_ru"].key(), Some("texts-error-characters"));
        let errors = validate(Owner::Wave, &values(&[("text_lang", "de")])).unwrap_err();
        assert_eq!(errors["text_lang"].key(), Some("texts-error-language"));
    }
}
