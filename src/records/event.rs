//! An event of a person's case (arrest, trial, verdict, transfer, hunger strike, …): its form,
//! its checks and its SQL.

use serde::{Deserialize, Serialize};
use sqlx::PgConnection;
use sqlx::types::Json;

use super::{At, Context, Editor, FieldErrors, Reader, Record, Stored, Subject, Values};
use crate::db::Tx;
use crate::db::revisions::{Document, RecordKind};
use crate::domain::{EventKind, PartialDate};
use crate::i18n::{Lang, Message};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDoc {
    pub kind: EventKind,
    pub occurred: PartialDate,
    pub description: String,
    /// Restricted: staff only (`domain::visibility`).
    #[serde(default)]
    pub medical: Option<String>,
    /// Internal: staff only, never exported.
    #[serde(default)]
    pub internal_notes: Option<String>,
}

impl Document for EventDoc {
    const KIND: RecordKind = RecordKind::Event;

    fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("event_kind", self.kind.as_str().to_owned()),
            ("occurred", self.occurred.to_string()),
            ("description", self.description.clone()),
            ("medical", self.medical.clone().unwrap_or_default()),
            ("internal_notes", self.internal_notes.clone().unwrap_or_default()),
        ]
    }
}

/// The event form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct EventForm {
    pub kind: String,
    pub occurred: String,
    pub description: String,
    pub medical: String,
    pub internal_notes: String,
}

impl EventForm {
    pub fn validate(&self) -> Result<EventDoc, FieldErrors> {
        let mut r = Reader::default();
        let kind = EventKind::from_key(self.kind.trim());
        if kind.is_none() {
            r.fail("kind", Message::new("error-event-kind"));
        }
        let occurred = r.date_in("occurred", &self.occurred);
        let description = r.text("description", &self.description, 5000);
        if description.is_none() {
            r.fail("description", Message::new("error-event-description"));
        }
        let medical = r.text("medical", &self.medical, super::NOTES_MAX);
        let internal_notes = r.text("internal_notes", &self.internal_notes, super::NOTES_MAX);
        r.finish(kind.zip(occurred).zip(description).map(|((kind, occurred), description)| EventDoc {
            kind,
            occurred,
            description,
            medical,
            internal_notes,
        }))
    }
}

/// A person's events, in date order (one by `id`, or all of `person_id`'s).
pub async fn list(
    conn: &mut PgConnection,
    id: Option<i64>,
    person_id: Option<i64>,
) -> sqlx::Result<Vec<Stored<EventDoc>>> {
    let rows = sqlx::query!(
        r#"
        select id, person_id, version, to_jsonb(e) || jsonb_build_object('occurred', partial_date_iso(occurred_on, occurred_precision)) as "doc!: Json<EventDoc>"
        from events e
        where ($1::bigint is null or id = $1) and ($2::bigint is null or person_id = $2)
        order by occurred_on, id
        "#,
        id,
        person_id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| Stored::of_person(r.id, r.version, r.person_id, r.doc.0)).collect())
}

impl Record for EventDoc {
    const CITABLE: bool = true;
    const PARENTS: &'static [RecordKind] = &[RecordKind::Person];

    async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Stored<Self>>> {
        Ok(list(conn, Some(id), None).await?.pop())
    }

    fn title(&self, lang: Lang) -> String {
        lang.date(&self.occurred)
    }

    async fn save(tx: &mut Tx, over: Option<At>, parent: Option<Subject>, doc: &Self) -> sqlx::Result<Option<At>> {
        let person_id = Subject::new_part(parent, over, Self::KIND)?;
        let (id, version) = super::over(over);
        let saved = sqlx::query!(
            r#"
            with updated as (
                update events set kind = $4, occurred_on = $5, occurred_precision = $6, description = $7,
                       medical = $8, internal_notes = $9, version = version + 1
                where id = $1 and version = $2
                returning id, version
            ), inserted as (
                insert into events (person_id, kind, occurred_on, occurred_precision, description, medical,
                                    internal_notes)
                select $3, $4, $5, $6, $7, $8, $9 where $1::bigint is null
                returning id, version
            )
            select id as "id!", version as "version!" from updated union all select id, version from inserted
            "#,
            id,
            version,
            person_id,
            doc.kind as EventKind,
            doc.occurred.start(),
            doc.occurred.precision() as _,
            doc.description,
            doc.medical,
            doc.internal_notes,
        )
        .fetch_optional(&mut **tx)
        .await?;
        Ok(saved.map(|s| (s.id, s.version)))
    }
}

impl Editor for EventDoc {
    type Form = EventForm;
    const DUPLICATE_FIELD: &'static str = "description";

    fn read(values: Values) -> EventForm {
        super::typed(&values)
    }

    fn form(&self) -> EventForm {
        super::typed(&super::form_values(self, &[]))
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
            medical: "Synthetic: lost 12 kg.".into(),
            internal_notes: String::new(),
        };
        let doc = form.validate().unwrap();
        assert_eq!((doc.kind, doc.occurred.iso().as_str()), (EventKind::HungerStrike, "2021-03"));
        assert_eq!((doc.medical.as_deref(), doc.internal_notes.as_deref()), (Some("Synthetic: lost 12 kg."), None));
        let errors =
            EventForm { kind: "party".into(), description: " ".into(), ..EventForm::default() }.validate().unwrap_err();
        assert_eq!(errors.keys().map(String::as_str).collect::<Vec<_>>(), ["description", "kind", "occurred"]);
        crate::records::tests::assert_classified(&doc);
        assert_eq!(EventForm::validate(&doc.form()), Ok(doc), "the form of a stored event saves it unchanged");
    }
}
