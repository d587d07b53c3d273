//! The page of an event of a person's case (`records::event` has its form, checks and SQL),
//! at `/admin/events/new?person=ID` and `/admin/events/{id}/edit`.

use askama::Template;
use axum::response::Response;

use super::editor::{Editing, Page, owner_person, page};
use super::summary::ErrorSummary;
use crate::app::AppState;
use crate::domain::EventKind;
use crate::records::citation::StoredCitation;
use crate::records::event::EventDoc;
use crate::web::error::AppResult;

page! {
    #[derive(Template)]
    #[template(path = "admin/event_form.html")]
    struct EventPage<EventDoc> {
        summary: ErrorSummary,
        person_id: i64,
        person_name: String,
        citations: Vec<StoredCitation>,
    }
}

impl Page for EventDoc {
    async fn page(state: &AppState, editing: Editing<Self>) -> AppResult<Response> {
        let citations = editing.citations(state).await?.unwrap_or_default();
        let (person_id, person_name) = owner_person(state, editing.owner).await?;
        let summary = editing.summary(&["kind", "occurred", "description"]);
        Editing::respond(&EventPage { editing, summary, person_id, person_name, citations })
    }
}
