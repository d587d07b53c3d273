//! A citation: a source tied to the one record it supports, with where in the source (a page, a
//! paragraph). Its field form, its checks and its SQL, and the citations a record's form lists.

use serde::{Deserialize, Serialize};
use sqlx::PgConnection;

use super::{At, Context, Field, FieldErrors, Kind, Reader, Record, Stored, Subject, Values, field_error};
use crate::db::Tx;
use crate::db::revisions::{Document, RecordKind};
use crate::i18n::{Lang, Message};

/// A citation as its form edits it: which source (by its address) and where in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitationDoc {
    pub source: String,
    pub locator: Option<String>,
}

impl Document for CitationDoc {
    const KIND: RecordKind = RecordKind::Citation;

    fn fields(&self) -> Vec<(&'static str, String)> {
        super::kind_fields(self, &[])
    }
}

/// A stored citation with what the forms show of it.
#[derive(Debug, Clone)]
pub struct StoredCitation {
    pub stored: Stored<CitationDoc>,
    pub source_id: i64,
    pub source_title: String,
}

/// The subject's column among the six of `citations` ([`Subject::CITED`]), the others `None`.
fn columns(subject: Subject) -> [Option<i64>; 6] {
    Subject::CITED.map(|kind| (kind == subject.kind).then_some(subject.id))
}

/// Whether the subject exists, and the person whose case it belongs to (if any).
pub async fn subject_person(conn: &mut PgConnection, subject: Subject) -> sqlx::Result<Option<Option<i64>>> {
    let [person, detention, event, wave, recognition, figure] = columns(subject);
    let row = sqlx::query!(
        r#"
        select coalesce((select id from people where id = $1),
                        (select person_id from detentions where id = $2),
                        (select person_id from events where id = $3),
                        (select person_id from recognitions where id = $5)) as person_id,
               exists (select from people where id = $1) or exists (select from detentions where id = $2)
               or exists (select from events where id = $3) or exists (select from waves where id = $4)
               or exists (select from recognitions where id = $5)
               or exists (select from reported_figures where id = $6) as "exists!"
        "#,
        person,
        detention,
        event,
        wave,
        recognition,
        figure
    )
    .fetch_one(conn)
    .await?;
    Ok(row.exists.then_some(row.person_id))
}

/// Whether any source is cited for `subject`; for a person, for anything in their case (the
/// person, a detention, an event, a recognition), which is what their public page cites.
pub async fn has_sources(conn: &mut PgConnection, subject: Subject) -> sqlx::Result<bool> {
    let [person, detention, event, wave, recognition, figure] = columns(subject);
    sqlx::query_scalar!(
        r#"
        select exists (
            select from citations c
            where c.person_id = $1 or c.detention_id = $2 or c.event_id = $3 or c.wave_id = $4
               or c.recognition_id = $5 or c.figure_id = $6
               or c.detention_id in (select id from detentions where person_id = $1)
               or c.event_id in (select id from events where person_id = $1)
               or c.recognition_id in (select id from recognitions where person_id = $1)
        ) as "cited!"
        "#,
        person,
        detention,
        event,
        wave,
        recognition,
        figure
    )
    .fetch_one(conn)
    .await
}

/// The citations of one record, in the order they were added.
pub async fn citations_of(conn: &mut PgConnection, subject: Subject) -> sqlx::Result<Vec<StoredCitation>> {
    fetch(conn, None, Some(subject)).await
}

async fn fetch(
    conn: &mut PgConnection,
    id: Option<i64>,
    subject: Option<Subject>,
) -> sqlx::Result<Vec<StoredCitation>> {
    let [person, detention, event, wave, recognition, figure] = subject.map(columns).unwrap_or_default();
    let rows = sqlx::query!(
        r#"
        select c.id, c.version, s.id as source_id, s.slug, s.title, c.locator,
               c.person_id, c.detention_id, c.event_id, c.wave_id, c.recognition_id, c.figure_id,
               coalesce(c.person_id, d.person_id, e.person_id, r.person_id) as case_of
        from citations c
        join sources s on s.id = c.source_id
        left join detentions d on d.id = c.detention_id
        left join events e on e.id = c.event_id
        left join recognitions r on r.id = c.recognition_id
        where ($1::bigint is null or c.id = $1)
          and ($2::bigint is null or c.person_id = $2) and ($3::bigint is null or c.detention_id = $3)
          and ($4::bigint is null or c.event_id = $4) and ($5::bigint is null or c.wave_id = $5)
          and ($6::bigint is null or c.recognition_id = $6) and ($7::bigint is null or c.figure_id = $7)
          and ($1::bigint is not null or num_nonnulls($2::bigint, $3::bigint, $4::bigint, $5::bigint, $6::bigint, $7::bigint) = 1)
        order by c.id
        "#,
        id,
        person,
        detention,
        event,
        wave,
        recognition,
        figure
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let ids = [r.person_id, r.detention_id, r.event_id, r.wave_id, r.recognition_id, r.figure_id];
            let subject = Subject::CITED.into_iter().zip(ids).find_map(|(kind, id)| Some(Subject { kind, id: id? }))?;
            Some(StoredCitation {
                stored: Stored {
                    id: r.id,
                    version: r.version,
                    person_id: r.case_of,
                    owner: Some(subject),
                    doc: CitationDoc { source: r.slug, locator: r.locator },
                },
                source_id: r.source_id,
                source_title: r.title,
            })
        })
        .collect())
}

impl Record for CitationDoc {
    const PARENTS: &'static [RecordKind] = &Subject::CITED;

    async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Stored<Self>>> {
        Ok(fetch(conn, Some(id), None).await?.pop().map(|c| c.stored))
    }

    fn title(&self, _lang: Lang) -> String {
        self.source.clone()
    }

    async fn save(tx: &mut Tx, over: Option<At>, parent: Option<Subject>, doc: &Self) -> sqlx::Result<Option<At>> {
        let subject = match (parent, over) {
            (Some(subject), None) => columns(subject),
            (_, Some(_)) => [None; 6],
            (None, None) => return Err(sqlx::Error::Protocol("a new citation needs its subject".into())),
        };
        let [person, detention, event, wave, recognition, figure] = subject;
        let (id, version) = super::over(over);
        let saved = sqlx::query!(
            r#"
            with updated as (
                update citations set source_id = (select id from sources where slug = $3), locator = $4,
                       version = version + 1
                where id = $1 and version = $2
                returning id, version
            ), inserted as (
                insert into citations (source_id, locator, person_id, detention_id, event_id, wave_id, recognition_id, figure_id)
                select (select id from sources where slug = $3), $4, $5, $6, $7, $8, $9, $10 where $1::bigint is null
                returning id, version
            )
            select id as "id!", version as "version!" from updated union all select id, version from inserted
            "#,
            id,
            version,
            doc.source,
            doc.locator,
            person,
            detention,
            event,
            wave,
            recognition,
            figure
        )
        .fetch_optional(&mut **tx)
        .await?;
        Ok(saved.map(|s| (s.id, s.version)))
    }
}

impl Kind for CitationDoc {
    const FIELDS: &'static [Field] = &[Field::hinted("source"), Field::hinted("locator")];
    const LISTED: bool = false;

    fn validate(values: &Values, _context: &Context) -> Result<Self, FieldErrors> {
        let mut r = Reader::new(values);
        let source = r.required("source", 200, Message::new("error-citation-source"));
        let locator = r.optional("locator", 1000);
        r.finish(Some(CitationDoc { source, locator }))
    }

    /// The source must exist.
    async fn check(conn: &mut PgConnection, doc: &Self, _id: Option<i64>) -> sqlx::Result<FieldErrors> {
        let source =
            sqlx::query_scalar!("select id from sources where slug = $1", doc.source).fetch_optional(conn).await?;
        Ok(if source.is_none() { field_error("source", "error-source-unknown") } else { FieldErrors::new() })
    }
}
