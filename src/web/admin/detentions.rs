//! The page of a detention of a person (`records::detention` has its form, checks and SQL), at
//! `/admin/detentions/new?person=ID` and `/admin/detentions/{id}/edit`.

use askama::Template;
use axum::response::Response;

use super::editor::{Editing, Page, owner_person, page};
use super::summary::ErrorSummary;
use crate::app::AppState;
use crate::domain::{ReleaseMechanism, SentenceKind, TrialStage, sentence};
use crate::records::citation::StoredCitation;
use crate::records::detention::{self, DetentionDoc};
use crate::web::error::AppResult;

page! {
    #[derive(Template)]
    #[template(path = "admin/detention_form.html")]
    struct DetentionPage<DetentionDoc> {
        summary: ErrorSummary,
        person_id: i64,
        person_name: String,
        facilities: Vec<(i64, String)>,
        waves: Vec<(String, String)>,
        citations: Vec<StoredCitation>,
    }
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
    fn charge_error(&self, i: &usize) -> Option<String> {
        self.error(&format!("article_{i}"))
    }

    fn facility_selected(&self, id: &i64) -> bool {
        self.form.facility == id.to_string()
    }

    /// The sentence's length as the field shows it: a stored number of months as years and
    /// months in the admin's language ("3 года"), which the form reads back; anything else as
    /// typed.
    fn sentence_length(&self) -> String {
        let typed = self.form.sentence_months.trim();
        match typed.parse::<i64>() {
            Ok(months) if (1..=i64::from(sentence::MAX_MONTHS)).contains(&months) => {
                super::shown::months(self.layout.lang, months)
            }
            _ => typed.to_owned(),
        }
    }
}

impl Page for DetentionDoc {
    async fn page(state: &AppState, editing: Editing<Self>) -> AppResult<Response> {
        let citations = editing.citations(state).await?.unwrap_or_default();
        let (person_id, person_name) = owner_person(state, editing.owner).await?;
        let (facilities, waves) = detention::choices(&mut *state.db.acquire().await?).await?;
        let summary = editing.summary(&DETENTION_FIELDS);
        Editing::respond(&DetentionPage { editing, summary, person_id, person_name, facilities, waves, citations })
    }
}
