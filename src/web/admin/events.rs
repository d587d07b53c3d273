//! The events of a person's case (arrest, trial, verdict, transfer, hunger strike, …): the event
//! form, its checks and its page. Creating, saving over a version, restoring, history and
//! deleting are the editor's of [`super::records`], at `/admin/events/new?person=ID` and
//! `/admin/events/{id}/…`.

use askama::Template;
use axum::response::Response;
use sqlx::PgConnection;

use super::person_form::FieldErrors;
use super::record_kinds::subject;
use super::records::{Context, Editing, Editor, Record, Values};
use super::summary::ErrorSummary;
use crate::app::AppState;
use crate::db::Tx;
use crate::db::edit_events::{self, EventDoc};
use crate::db::edit_sources::{Stored, StoredCitation, Subject};
use crate::db::revisions::FieldChange;
use crate::db::users::User;
use crate::domain::{EventKind, PartialDate, RecordKind};
use crate::error::AppResult;
use crate::i18n::Message;
use crate::web::Layout;

/// The event form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventForm {
    pub kind: String,
    pub occurred: String,
    pub description: String,
}

impl EventForm {
    pub fn validate(&self) -> Result<EventDoc, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = EventKind::from_key(self.kind.trim());
        if kind.is_none() {
            errors.insert("kind".into(), Message::new("error-event-kind"));
        }
        let occurred = match self.occurred.trim().parse::<PartialDate>() {
            Ok(date) => Some(date),
            Err(e) => {
                errors.insert("occurred".into(), e.message());
                None
            }
        };
        let description = self.description.trim();
        if description.is_empty() {
            errors.insert("description".into(), Message::new("error-event-description"));
        } else if description.chars().count() > 5000 {
            errors.insert("description".into(), Message::new("error-too-long").number("max", 5000));
        }
        match (kind, occurred) {
            (Some(kind), Some(occurred)) if errors.is_empty() => {
                Ok(EventDoc { kind, occurred, description: description.to_owned() })
            }
            _ => Err(errors),
        }
    }
}

impl Record for EventDoc {
    const CITABLE: bool = true;

    async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Stored<Self>>> {
        Ok(edit_events::load(conn, id).await?.map(|e| Stored {
            id,
            version: e.version,
            person_id: Some(e.person_id),
            owner: Some(Subject::Person(e.person_id)),
            doc: e.doc,
        }))
    }

    fn title(&self) -> String {
        crate::web::locale::current().date(&self.occurred)
    }

    fn parent(query: &Values) -> AppResult<Option<Subject>> {
        subject(query, &[RecordKind::Person]).map(Some)
    }

    async fn insert(tx: &mut Tx, parent: Option<Subject>, doc: &Self) -> sqlx::Result<i64> {
        let Some(Subject::Person(person_id)) = parent else {
            return Err(sqlx::Error::Protocol("an event needs its person".into()));
        };
        edit_events::insert(tx, person_id, doc).await
    }

    async fn update(tx: &mut Tx, id: i64, version: i32, doc: &Self) -> sqlx::Result<Option<i32>> {
        edit_events::update(tx, id, version, doc).await
    }
}

impl Editor for EventDoc {
    type Form = EventForm;
    const DUPLICATE_FIELD: &'static str = "description";

    fn read(mut values: Values) -> EventForm {
        let mut take = |name: &str| values.remove(name).unwrap_or_default();
        EventForm { kind: take("kind"), occurred: take("occurred"), description: take("description") }
    }

    fn form(&self) -> EventForm {
        EventForm {
            kind: self.kind.as_str().to_owned(),
            occurred: self.occurred.iso(),
            description: self.description.clone(),
        }
    }

    async fn validate(
        _conn: &mut PgConnection,
        form: &EventForm,
        _context: &Context,
        _current: Option<&Self>,
        _id: Option<i64>,
    ) -> sqlx::Result<Result<Self, FieldErrors>> {
        Ok(form.validate())
    }

    async fn page(state: &AppState, editing: Editing<Self>) -> AppResult<Response> {
        let citations = editing.citations(state).await?.unwrap_or_default();
        let (person_id, person_name) = super::records::owner_person(state, editing.owner).await?;
        let layout = super::layout(state, &editing.action);
        let summary = ErrorSummary::new(layout.lang)
            .conflict(editing.conflict.is_some())
            .fields(&editing.errors, &["kind", "occurred", "description"]);
        let page = EventPage {
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
            conflict: editing.conflict.clone(),
            citations,
            saved: editing.saved,
        };
        editing.respond(&page)
    }
}

#[derive(Template)]
#[template(path = "admin/event_form.html")]
struct EventPage {
    layout: Layout,
    user: User,
    csrf_token: String,
    person_id: i64,
    person_name: String,
    id: Option<i64>,
    action: String,
    version: Option<i32>,
    form: EventForm,
    errors: FieldErrors,
    summary: ErrorSummary,
    conflict: Option<Vec<FieldChange>>,
    citations: Vec<StoredCitation>,
    saved: bool,
}

impl EventPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field).map(|m| self.layout.message(m))
    }

    fn kinds(&self) -> &'static [EventKind] {
        EventKind::ALL
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_needs_a_kind_a_date_and_words() {
        let form = EventForm {
            kind: "hunger_strike".into(),
            occurred: "March 2021".into(),
            description: "Began a hunger strike in the pre-trial detention centre.".into(),
        };
        let doc = form.validate().unwrap();
        assert_eq!((doc.kind, doc.occurred.iso().as_str()), (EventKind::HungerStrike, "2021-03"));
        let errors =
            EventForm { kind: "party".into(), occurred: "".into(), description: " ".into() }.validate().unwrap_err();
        assert_eq!(errors.keys().map(String::as_str).collect::<Vec<_>>(), ["description", "kind", "occurred"]);
        assert_eq!(EventForm::validate(&doc.form()), Ok(doc), "the form of a stored event saves it unchanged");
    }
}
