//! `/admin/people/{id}/detentions/new` and `/admin/detentions/{id}/edit`: a detention with its
//! charges, sentence, and how and in which wave it ended. Same rules as the person form: a
//! message per field (422), saves only over the version loaded (409), a revision per save.

use askama::Template;
use axum::extract::{Extension, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use tower_sessions::Session;

use super::person_form::FieldErrors;
use super::summary::ErrorSummary;
use super::{CurrentUser, TokenForm};
use crate::app::AppState;
use crate::db::edit_detentions::{self, ChargeDoc, DetentionDoc, StoredDetention};
use crate::db::edit_people;
use crate::db::edit_sources::{StoredCitation, Subject};
use crate::db::revisions::{self, Action, FieldChange, diff};
use crate::db::users::User;
use crate::domain::{PartialDate, ReleaseMechanism, SentenceKind, TrialStage};
use crate::error::{AppError, AppResult};
use crate::i18n::Message;
use crate::web::{Layout, csrf, render};

/// Charge rows a form carries.
pub const MAX_CHARGES: usize = 8;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/people/{id}/detentions/new", get(new_detention_form).post(create_detention))
        .route("/admin/detentions/{id}/edit", get(edit_detention_form).post(update_detention))
        .route("/admin/detentions/{id}/restore/{revision}", post(restore_detention))
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChargeRow {
    pub article: String,
    pub part: String,
    pub description: String,
}

/// The detention form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DetentionForm {
    pub country: String,
    pub started: String,
    pub ended: String,
    pub facility: String,
    pub trial_stage: String,
    pub sentenced: String,
    pub sentence_kind: String,
    pub sentence_months: String,
    pub release_mechanism: String,
    pub wave: String,
    pub notes: String,
    pub charges: Vec<ChargeRow>,
    pub version: Option<i32>,
    pub csrf_token: Option<String>,
}

impl DetentionForm {
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut form = DetentionForm { charges: vec![ChargeRow::default(); MAX_CHARGES], ..Default::default() };
        for (key, value) in pairs {
            match key.as_str() {
                "country" => form.country = value,
                "started" => form.started = value,
                "ended" => form.ended = value,
                "facility" => form.facility = value,
                "trial_stage" => form.trial_stage = value,
                "sentenced" => form.sentenced = value,
                "sentence_kind" => form.sentence_kind = value,
                "sentence_months" => form.sentence_months = value,
                "release_mechanism" => form.release_mechanism = value,
                "wave" => form.wave = value,
                "notes" => form.notes = value,
                "version" => form.version = value.trim().parse().ok(),
                "csrf_token" => form.csrf_token = Some(value),
                _ => {
                    let Some((field, index)) = key.rsplit_once('_') else { continue };
                    let Some(row) = index.parse::<usize>().ok().and_then(|i| form.charges.get_mut(i)) else { continue };
                    match field {
                        "article" => row.article = value,
                        "part" => row.part = value,
                        "description" => row.description = value,
                        _ => {}
                    }
                }
            }
        }
        // Trailing rows left empty go (the form adds fresh ones); a row with anything typed in
        // it, even spaces, stays, so that a refused form shows exactly what was sent.
        while form.charges.last().is_some_and(|c| [&c.article, &c.part, &c.description].iter().all(|f| f.is_empty())) {
            form.charges.pop();
        }
        form
    }

    pub fn from_doc(doc: &DetentionDoc, version: Option<i32>) -> Self {
        let date = |d: Option<PartialDate>| d.map(|d| d.iso()).unwrap_or_default();
        DetentionForm {
            country: doc.country.clone(),
            started: date(doc.started),
            ended: date(doc.ended),
            facility: doc.facility_id.map(|f| f.to_string()).unwrap_or_default(),
            trial_stage: doc.trial_stage.map(|t| t.as_str().to_owned()).unwrap_or_default(),
            sentenced: date(doc.sentenced),
            sentence_kind: doc.sentence_kind.map(|k| k.as_str().to_owned()).unwrap_or_default(),
            sentence_months: doc.sentence_months.map(|m| m.to_string()).unwrap_or_default(),
            release_mechanism: doc.release_mechanism.map(|m| m.as_str().to_owned()).unwrap_or_default(),
            wave: doc.wave.clone().unwrap_or_default(),
            notes: doc.notes.clone().unwrap_or_default(),
            charges: doc
                .charges
                .iter()
                .map(|c| ChargeRow {
                    article: c.article.clone().unwrap_or_default(),
                    part: c.part.clone().unwrap_or_default(),
                    description: c.description.clone().unwrap_or_default(),
                })
                .collect(),
            version,
            csrf_token: None,
        }
    }

    pub fn rows(&self) -> Vec<ChargeRow> {
        let mut rows = self.charges.clone();
        rows.extend(std::iter::repeat_n(ChargeRow::default(), 2));
        rows.truncate(MAX_CHARGES);
        rows
    }

    /// Checks everything against the choices that exist (countries, facilities, waves).
    pub fn validate(
        &self,
        countries: &[String],
        facilities: &[i64],
        waves: &[String],
    ) -> Result<DetentionDoc, FieldErrors> {
        let mut errors = FieldErrors::new();
        let country = self.country.trim().to_ascii_uppercase();
        if country.is_empty() {
            errors.insert("country".into(), Message::new("error-detention-country-missing"));
        } else if !countries.contains(&country) {
            errors.insert("country".into(), Message::new("error-country-code").arg("code", &country));
        }
        let mut date = |field: &str, typed: &str| -> Option<PartialDate> {
            let typed = typed.trim();
            if typed.is_empty() {
                return None;
            }
            typed.parse::<PartialDate>().map_err(|e| errors.insert(field.into(), e.message())).ok()
        };
        let started = date("started", &self.started);
        let ended = date("ended", &self.ended);
        let sentenced = date("sentenced", &self.sentenced);
        if let (Some(s), Some(e)) = (started, ended)
            && e.start() < s.start()
        {
            errors.insert("ended".into(), Message::new("error-ends-before-start").date("ended", e).date("started", s));
        }
        fn key_of<T: Copy>(all: &[T], key: fn(T) -> &'static str, typed: &str) -> Result<Option<T>, ()> {
            let typed = typed.trim();
            if typed.is_empty() {
                return Ok(None);
            }
            all.iter().copied().find(|v| key(*v) == typed).map(Some).ok_or(())
        }
        let trial_stage = key_of(TrialStage::ALL, TrialStage::as_str, &self.trial_stage)
            .map_err(|_| errors.insert("trial_stage".into(), Message::new("error-choose")))
            .unwrap_or(None);
        let sentence_kind = key_of(SentenceKind::ALL, SentenceKind::as_str, &self.sentence_kind)
            .map_err(|_| errors.insert("sentence_kind".into(), Message::new("error-choose")))
            .unwrap_or(None);
        let release_mechanism = key_of(ReleaseMechanism::ALL, ReleaseMechanism::as_str, &self.release_mechanism)
            .map_err(|_| errors.insert("release_mechanism".into(), Message::new("error-choose")))
            .unwrap_or(None);
        let sentence_months = match self.sentence_months.trim() {
            "" => None,
            typed => match typed.parse::<i32>() {
                Ok(m) if (1..=1200).contains(&m) => {
                    let counts_months = matches!(
                        sentence_kind,
                        Some(
                            SentenceKind::Imprisonment
                                | SentenceKind::RestrictedFreedom
                                | SentenceKind::HomeConfinement
                                | SentenceKind::CompulsoryTreatment
                                | SentenceKind::Other
                        )
                    );
                    if !counts_months {
                        errors.insert("sentence_months".into(), Message::new("error-sentence-length-kind"));
                    }
                    Some(m)
                }
                _ => {
                    errors.insert("sentence_months".into(), Message::new("error-sentence-months"));
                    None
                }
            },
        };
        let facility_id = match self.facility.trim() {
            "" => None,
            typed => match typed.parse::<i64>().ok().filter(|id| facilities.contains(id)) {
                Some(id) => Some(id),
                None => {
                    errors.insert("facility".into(), Message::new("error-choose"));
                    None
                }
            },
        };
        let wave = match self.wave.trim() {
            "" => None,
            slug if waves.iter().any(|w| w == slug) => Some(slug.to_owned()),
            _ => {
                errors.insert("wave".into(), Message::new("error-choose"));
                None
            }
        };
        if wave.is_some() && release_mechanism.is_none() && !errors.contains_key("release_mechanism") {
            errors.insert("release_mechanism".into(), Message::new("error-wave-needs-mechanism"));
        }
        let notes = self.notes.trim();
        if notes.chars().count() > 5000 {
            errors.insert("notes".into(), Message::new("error-too-long").number("max", 5000));
        }
        let mut charges = Vec::new();
        for (i, row) in self.charges.iter().enumerate() {
            let (article, part, description) = (row.article.trim(), row.part.trim(), row.description.trim());
            if article.is_empty() && part.is_empty() && description.is_empty() {
                continue;
            }
            let article_ok = article.is_empty() || is_article(article);
            let part_ok = part.is_empty() || (is_number(part) && !article.is_empty());
            if !article_ok {
                errors.insert(format!("article_{i}"), Message::new("error-charge-article"));
            } else if !part_ok {
                errors.insert(format!("article_{i}"), Message::new("error-charge-part"));
            } else if article.is_empty() && description.is_empty() {
                errors.insert(format!("article_{i}"), Message::new("error-charge-empty"));
            } else if description.chars().count() > 500 {
                errors.insert(format!("article_{i}"), Message::new("error-charge-description").number("max", 500));
            } else {
                let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
                charges.push(ChargeDoc { article: some(article), part: some(part), description: some(description) });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(DetentionDoc {
            country,
            started,
            ended,
            facility_id,
            trial_stage,
            sentenced,
            sentence_kind,
            sentence_months,
            release_mechanism,
            wave,
            notes: (!notes.is_empty()).then(|| notes.to_owned()),
            charges,
        })
    }
}

fn is_number(text: &str) -> bool {
    let mut parts = text.splitn(2, '.');
    parts.all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

fn is_article(text: &str) -> bool {
    let (number, suffix) = text.split_once('-').unwrap_or((text, ""));
    is_number(number) && (suffix.is_empty() || suffix.bytes().all(|b| b.is_ascii_digit())) && !text.ends_with('-')
}

#[derive(Template)]
#[template(path = "admin/detention_form.html")]
struct DetentionPage {
    layout: Layout,
    user: User,
    csrf_token: String,
    person_id: i64,
    person_name: String,
    /// `None` for a new detention.
    id: Option<i64>,
    form: DetentionForm,
    errors: FieldErrors,
    facilities: Vec<(i64, String)>,
    waves: Vec<(String, String)>,
    conflict: Option<Vec<FieldChange>>,
    citations: Vec<StoredCitation>,
}

/// The detention form's fields in the order it shows them, for the error summary.
const DETENTION_FIELDS: [&str; 14] = [
    "country",
    "started",
    "ended",
    "facility",
    "trial_stage",
    "sentenced",
    "sentence_kind",
    "sentence_months",
    "release_mechanism",
    "wave",
    "article",
    "part",
    "description",
    "notes",
];

impl DetentionPage {
    fn summary(&self) -> ErrorSummary {
        ErrorSummary::new(self.layout.lang).conflict(self.conflict.is_some()).fields(&self.errors, &DETENTION_FIELDS)
    }

    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field).map(|m| self.layout.message(m))
    }

    fn charge_error(&self, i: &usize) -> Option<String> {
        self.errors.get(&format!("article_{i}")).map(|m| self.layout.message(m))
    }

    fn action(&self) -> String {
        match self.id {
            Some(id) => format!("/admin/detentions/{id}/edit"),
            None => format!("/admin/people/{}/detentions/new", self.person_id),
        }
    }

    fn trial_stages(&self) -> &'static [TrialStage] {
        TrialStage::ALL
    }

    fn sentence_kinds(&self) -> &'static [SentenceKind] {
        SentenceKind::ALL
    }

    fn mechanisms(&self) -> &'static [ReleaseMechanism] {
        ReleaseMechanism::ALL
    }

    fn facility_selected(&self, id: &i64) -> bool {
        self.form.facility == id.to_string()
    }
}

struct PageParts {
    person_id: i64,
    id: Option<i64>,
    form: DetentionForm,
    errors: FieldErrors,
    conflict: Option<Vec<FieldChange>>,
    status: StatusCode,
}

async fn page(state: &AppState, user: User, session: &Session, parts: PageParts) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let person = edit_people::load(&mut conn, parts.person_id).await?.ok_or(AppError::NotFound)?;
    let (facilities, waves) = edit_detentions::choices(&mut conn).await?;
    let path = parts.id.map_or_else(
        || format!("/admin/people/{}/detentions/new", parts.person_id),
        |id| format!("/admin/detentions/{id}/edit"),
    );
    let citations = super::records::citations(&mut conn, parts.id.map(Subject::Detention)).await?;
    let page = DetentionPage {
        citations,
        layout: super::layout(state, &path),
        user,
        csrf_token: csrf::token(session).await?,
        person_id: parts.person_id,
        person_name: person.doc.names.first().map_or(person.doc.slug.clone(), |n| n.name.clone()),
        id: parts.id,
        form: parts.form,
        errors: parts.errors,
        facilities,
        waves,
        conflict: parts.conflict,
    };
    let mut response = render(&page)?;
    *response.status_mut() = parts.status;
    Ok(response)
}

/// The form checked against what exists in the database.
async fn check(state: &AppState, form: &DetentionForm) -> AppResult<Result<DetentionDoc, FieldErrors>> {
    let mut conn = state.db.acquire().await?;
    let countries = edit_people::country_codes(&mut conn).await?;
    let (facilities, waves) = edit_detentions::choices(&mut conn).await?;
    let facility_ids: Vec<i64> = facilities.into_iter().map(|f| f.0).collect();
    let wave_slugs: Vec<String> = waves.into_iter().map(|w| w.0).collect();
    Ok(form.validate(&countries, &facility_ids, &wave_slugs))
}

/// The database refuses overlapping detentions of one person; say so beside the dates.
fn overlap(error: &sqlx::Error) -> Option<FieldErrors> {
    let constraint = error.as_database_error()?.constraint()?;
    (constraint == "detentions_no_overlap").then(|| {
        let mut errors = FieldErrors::new();
        errors.insert("started".into(), Message::new("error-detention-overlap"));
        errors
    })
}

async fn new_detention_form(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path(person_id): Path<i64>,
) -> AppResult<Response> {
    let parts = PageParts {
        person_id,
        id: None,
        form: DetentionForm::default(),
        errors: FieldErrors::new(),
        conflict: None,
        status: StatusCode::OK,
    };
    page(&state, user, &session, parts).await
}

async fn create_detention(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path(person_id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let form = DetentionForm::from_pairs(pairs);
    csrf::verify(&session, form.csrf_token.as_deref()).await?;
    edit_people::load(&mut *state.db.acquire().await?, person_id).await?.ok_or(AppError::NotFound)?;
    let invalid = |form: DetentionForm, errors: FieldErrors| PageParts {
        person_id,
        id: None,
        form,
        errors,
        conflict: None,
        status: StatusCode::UNPROCESSABLE_ENTITY,
    };
    let doc = match check(&state, &form).await? {
        Ok(doc) => doc,
        Err(errors) => return page(&state, user, &session, invalid(form, errors)).await,
    };
    let mut tx = state.db.begin().await?;
    let id = match edit_detentions::insert(&mut tx, person_id, &doc).await {
        Ok(id) => id,
        Err(error) => match overlap(&error) {
            Some(errors) => return page(&state, user, &session, invalid(form, errors)).await,
            None => return Err(error.into()),
        },
    };
    revisions::record(&mut tx, user.id, id, Some(person_id), Action::Create, None, &doc).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    Ok(super::redirect_to(&format!("/admin/people/{person_id}/edit?saved=1")).into_response())
}

async fn stored(state: &AppState, id: i64) -> AppResult<StoredDetention> {
    edit_detentions::load(&mut *state.db.acquire().await?, id).await?.ok_or(AppError::NotFound)
}

async fn edit_detention_form(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let detention = stored(&state, id).await?;
    let form = DetentionForm::from_doc(&detention.doc, Some(detention.version));
    let parts = PageParts {
        person_id: detention.person_id,
        id: Some(id),
        form,
        errors: FieldErrors::new(),
        conflict: None,
        status: StatusCode::OK,
    };
    page(&state, user, &session, parts).await
}

async fn update_detention(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let mut form = DetentionForm::from_pairs(pairs);
    csrf::verify(&session, form.csrf_token.as_deref()).await?;
    let detention = stored(&state, id).await?;
    let person_id = detention.person_id;
    let invalid = |form: DetentionForm, errors: FieldErrors| PageParts {
        person_id,
        id: Some(id),
        form,
        errors,
        conflict: None,
        status: StatusCode::UNPROCESSABLE_ENTITY,
    };
    let doc = match check(&state, &form).await? {
        Ok(doc) => doc,
        Err(errors) => return page(&state, user, &session, invalid(form, errors)).await,
    };
    let version = form.version.ok_or_else(|| AppError::BadRequest(Message::new("refusal-form-version")))?;
    let mut tx = state.db.begin().await?;
    let saved = match edit_detentions::update(&mut tx, id, version, &doc).await {
        Ok(saved) => saved,
        Err(error) => match overlap(&error) {
            Some(errors) => return page(&state, user, &session, invalid(form, errors)).await,
            None => return Err(error.into()),
        },
    };
    if saved.is_none() {
        tx.rollback().await?;
        let current = stored(&state, id).await?;
        form.version = Some(current.version);
        let conflict = Some(diff(Some(&current.doc), &doc));
        let parts = PageParts {
            person_id,
            id: Some(id),
            form,
            errors: FieldErrors::new(),
            conflict,
            status: StatusCode::CONFLICT,
        };
        return page(&state, user, &session, parts).await;
    }
    revisions::record(&mut tx, user.id, id, Some(person_id), Action::Update, Some(&detention.doc), &doc).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    Ok(super::redirect_to(&format!("/admin/people/{person_id}/edit?saved=1")).into_response())
}

/// Puts the detention back as it was after `revision`, as a new revision of its own.
async fn restore_detention(
    State(state): State<AppState>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    session: Session,
    Path((id, revision)): Path<(i64, i64)>,
    Form(form): Form<TokenForm>,
) -> AppResult<Response> {
    csrf::verify(&session, form.csrf_token.as_deref()).await?;
    let detention = stored(&state, id).await?;
    let history = revisions::for_person(&mut *state.db.acquire().await?, detention.person_id).await?;
    let target = history.into_iter().find(|r| r.id == revision && r.record_id == id).ok_or(AppError::NotFound)?;
    let doc: DetentionDoc = target.after_as().ok_or(AppError::NotFound)?;
    let mut tx = state.db.begin().await?;
    let restored = edit_detentions::update(&mut tx, id, detention.version, &doc).await;
    match restored {
        Ok(Some(_)) => {}
        Ok(None) => {
            return Err(AppError::BadRequest(Message::new("refusal-restore-changed")));
        }
        Err(error) if overlap(&error).is_some() => {
            return Err(AppError::BadRequest(Message::new("refusal-restore-overlap")));
        }
        Err(error) => return Err(error.into()),
    }
    revisions::record(&mut tx, user.id, id, Some(detention.person_id), Action::Restore, Some(&detention.doc), &doc)
        .await?;
    tx.commit().await?;
    state.cache.changes().bump();
    Ok(super::redirect_to(&format!("/admin/people/{}/history", detention.person_id)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> DetentionForm {
        DetentionForm::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    #[test]
    fn a_charge_row_of_spaces_is_shown_again_as_typed() {
        // Found by the property test over every admin form: the spaces came back empty.
        let typed = form(&[("country", "by"), ("part_1", " ")]);
        assert_eq!(typed.charges.len(), 2);
        assert_eq!(typed.charges[1].part, " ");
        assert_eq!(form(&[("country", "by"), ("part_1", "")]).charges.len(), 0, "empty rows still go");
    }

    #[test]
    fn a_detention_with_charges_and_a_release_in_a_wave() {
        let doc = form(&[
            ("country", "by"),
            ("started", "2020-05-29"),
            ("ended", "2025-02-12"),
            ("trial_stage", "convicted"),
            ("sentence_kind", "imprisonment"),
            ("sentence_months", "180"),
            ("release_mechanism", "release_to_foreign_government"),
            ("wave", "handover"),
            ("article_0", "342"),
            ("part_0", "1"),
            ("description_1", "Organising actions that grossly violate public order"),
        ])
        .validate(&["BY".into()], &[], &["handover".into()])
        .unwrap();
        assert_eq!(doc.country, "BY");
        assert_eq!(doc.charges.len(), 2);
        assert_eq!(doc.sentence_months, Some(180));
        assert_eq!(doc.wave.as_deref(), Some("handover"));
    }

    #[test]
    fn mistakes_are_named_field_by_field() {
        let errors = form(&[
            ("country", "Belarus"),
            ("started", "2025"),
            ("ended", "2024"),
            ("sentence_kind", "fine"),
            ("sentence_months", "12"),
            ("wave", "handover"),
            ("article_0", "three-four-two"),
            ("part_1", "2"),
        ])
        .validate(&["BY".into()], &[], &["handover".into()])
        .unwrap_err();
        let fields: Vec<&str> = errors.keys().map(String::as_str).collect();
        assert_eq!(fields, ["article_0", "article_1", "country", "ended", "release_mechanism", "sentence_months"]);
    }

    #[test]
    fn articles_and_parts_follow_the_code_numbering() {
        for good in ["342", "361-1", "130.1", "23.34"] {
            assert!(is_article(good), "{good}");
        }
        for bad in ["", "a", "342-", "-1", "3 42", "1..2"] {
            assert!(!is_article(bad), "{bad}");
        }
    }
}
