//! Detentions of a person: the detention form (with its charges, sentence, and how and in
//! which wave it ended), its checks against the countries, facilities and waves that exist, and
//! its page. The editor of [`super::records`] does the rest, at `/admin/detentions/new?person=ID`
//! and `/admin/detentions/{id}/…`.

use askama::Template;
use axum::response::Response;
use sqlx::PgConnection;

use super::person_form::FieldErrors;
use super::record_kinds::subject;
use super::records::{Context, Editing, Editor, Record, Values};
use super::summary::ErrorSummary;
use crate::app::AppState;
use crate::db::Tx;
use crate::db::edit_detentions::{self, ChargeDoc, DetentionDoc};
use crate::db::edit_sources::{Stored, StoredCitation, Subject};
use crate::db::revisions::FieldChange;
use crate::db::users::User;
use crate::domain::{PartialDate, RecordKind, ReleaseMechanism, SentenceKind, TrialStage};
use crate::error::AppResult;
use crate::i18n::Message;
use crate::web::Layout;

/// Charge rows a form carries.
pub const MAX_CHARGES: usize = 8;

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
}

impl DetentionForm {
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> Self {
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

    pub fn from_doc(doc: &DetentionDoc) -> Self {
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

impl Record for DetentionDoc {
    const CITABLE: bool = true;

    async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Stored<Self>>> {
        Ok(edit_detentions::load(conn, id).await?.map(|d| Stored {
            id,
            version: d.version,
            person_id: Some(d.person_id),
            owner: Some(Subject::Person(d.person_id)),
            doc: d.doc,
        }))
    }

    fn title(&self) -> String {
        match self.started {
            Some(started) => format!("{} {}", self.country, crate::web::locale::current().date(&started)),
            None => self.country.clone(),
        }
    }

    fn parent(query: &Values) -> AppResult<Option<Subject>> {
        subject(query, &[RecordKind::Person]).map(Some)
    }

    async fn insert(tx: &mut Tx, parent: Option<Subject>, doc: &Self) -> sqlx::Result<i64> {
        let Some(Subject::Person(person_id)) = parent else {
            return Err(sqlx::Error::Protocol("a detention needs its person".into()));
        };
        edit_detentions::insert(tx, person_id, doc).await
    }

    async fn update(tx: &mut Tx, id: i64, version: i32, doc: &Self) -> sqlx::Result<Option<i32>> {
        edit_detentions::update(tx, id, version, doc).await
    }
}

impl Editor for DetentionDoc {
    type Form = DetentionForm;
    const DUPLICATE_FIELD: &'static str = "started";

    fn read(values: Values) -> DetentionForm {
        DetentionForm::from_pairs(values)
    }

    fn form(&self) -> DetentionForm {
        DetentionForm::from_doc(self)
    }

    /// Checked against the countries, facilities and waves that exist.
    async fn validate(
        conn: &mut PgConnection,
        form: &DetentionForm,
        context: &Context,
        _current: Option<&Self>,
        _id: Option<i64>,
    ) -> sqlx::Result<Result<Self, FieldErrors>> {
        let (facilities, waves) = edit_detentions::choices(conn).await?;
        let facility_ids: Vec<i64> = facilities.into_iter().map(|f| f.0).collect();
        let wave_slugs: Vec<String> = waves.into_iter().map(|w| w.0).collect();
        Ok(form.validate(&context.countries, &facility_ids, &wave_slugs))
    }

    /// The database refuses overlapping detentions of one person: say so beside the dates.
    fn refused(error: &sqlx::Error) -> Option<FieldErrors> {
        let constraint = error.as_database_error()?.constraint()?;
        (constraint == "detentions_no_overlap")
            .then(|| FieldErrors::from([("started".to_owned(), Message::new("error-detention-overlap"))]))
    }

    async fn page(state: &AppState, editing: Editing<Self>) -> AppResult<Response> {
        let citations = editing.citations(state).await?.unwrap_or_default();
        let (person_id, person_name) = super::records::owner_person(state, editing.owner).await?;
        let (facilities, waves) = edit_detentions::choices(&mut *state.db.acquire().await?).await?;
        let layout = super::layout(state, &editing.action);
        let summary = ErrorSummary::new(layout.lang)
            .conflict(editing.conflict.is_some())
            .fields(&editing.errors, &DETENTION_FIELDS);
        let page = DetentionPage {
            layout,
            user: editing.user.clone(),
            csrf_token: editing.csrf_token.clone(),
            person_id,
            person_name,
            id: editing.id,
            action: editing.action.clone(),
            version: editing.version,
            form: editing.form.clone(),
            errors: editing.errors.clone(),
            summary,
            facilities,
            waves,
            conflict: editing.conflict.clone(),
            citations,
            saved: editing.saved,
        };
        editing.respond(&page)
    }
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
    action: String,
    version: Option<i32>,
    form: DetentionForm,
    errors: FieldErrors,
    summary: ErrorSummary,
    facilities: Vec<(i64, String)>,
    waves: Vec<(String, String)>,
    conflict: Option<Vec<FieldChange>>,
    citations: Vec<StoredCitation>,
    saved: bool,
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
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field).map(|m| self.layout.message(m))
    }

    fn charge_error(&self, i: &usize) -> Option<String> {
        self.errors.get(&format!("article_{i}")).map(|m| self.layout.message(m))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> DetentionForm {
        DetentionForm::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
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
