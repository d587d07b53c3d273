//! Writing sources, and the citations that tie a source to the record it supports, through the
//! admin forms.

use serde::{Deserialize, Serialize};
use sqlx::{PgConnection, Postgres, Transaction};

use super::revisions::{Document, RecordKind};
use crate::domain::{PartialDate, SourceKind};

/// Everything the source form edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceDoc {
    pub slug: String,
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub published: Option<PartialDate>,
    pub kind: SourceKind,
    pub notes: Option<String>,
}

impl Document for SourceDoc {
    const KIND: RecordKind = RecordKind::Source;

    fn fields(&self) -> Vec<(&'static str, String)> {
        let text = |t: &Option<String>| t.clone().unwrap_or_default();
        vec![
            ("title", self.title.clone()),
            ("slug", self.slug.clone()),
            ("publisher", text(&self.publisher)),
            ("url", text(&self.url)),
            ("published", self.published.map(|d| d.to_string()).unwrap_or_default()),
            ("source_kind", self.kind.as_str().to_owned()),
            ("notes", text(&self.notes)),
        ]
    }
}

/// A stored record of any kind: its id, the version it is at, and (for records that are part of
/// a person's case) the person.
#[derive(Debug, Clone)]
pub struct Stored<D> {
    pub id: i64,
    pub version: i32,
    pub person_id: Option<i64>,
    /// The record it belongs to: a recognition's person, a citation's subject.
    pub owner: Option<Subject>,
    pub doc: D,
}

pub async fn load_source(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Stored<SourceDoc>>> {
    Ok(fetch_sources(conn, Some(id), "").await?.pop())
}

/// Sources whose title, publisher or address contains `query` (all when it is empty), newest first.
pub async fn list_sources(conn: &mut PgConnection, query: &str) -> sqlx::Result<Vec<Stored<SourceDoc>>> {
    fetch_sources(conn, None, query).await
}

async fn fetch_sources(conn: &mut PgConnection, id: Option<i64>, query: &str) -> sqlx::Result<Vec<Stored<SourceDoc>>> {
    let rows = sqlx::query!(
        r#"
        select id, version, slug, title, publisher, url, kind as "kind: SourceKind", notes,
               partial_date_iso(published_on, published_precision) as published
        from sources
        where ($1::bigint is null or id = $1)
          and ($2 = '' or strpos(lower(title || ' ' || coalesce(publisher, '') || ' ' || slug), lower($2)) > 0)
        order by id desc
        limit 500
        "#,
        id,
        query
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Stored {
            id: r.id,
            version: r.version,
            person_id: None,
            owner: None,
            doc: SourceDoc {
                slug: r.slug,
                title: r.title,
                publisher: r.publisher,
                url: r.url,
                published: r.published.and_then(|d| d.parse().ok()),
                kind: r.kind,
                notes: r.notes,
            },
        })
        .collect())
}

pub async fn insert_source(tx: &mut Transaction<'_, Postgres>, doc: &SourceDoc) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        r#"
        insert into sources (slug, title, publisher, url, published_on, published_precision, kind, notes)
        values ($1, $2, $3, $4, $5, $6, $7, $8)
        returning id
        "#,
        doc.slug,
        doc.title,
        doc.publisher,
        doc.url,
        doc.published.map(|d| d.start()),
        doc.published.map(|d| d.precision()) as _,
        doc.kind as SourceKind,
        doc.notes,
    )
    .fetch_one(&mut **tx)
    .await
}

/// Saves `doc` over the source if it is still at `version`; `None` when someone saved first.
pub async fn update_source(
    tx: &mut Transaction<'_, Postgres>,
    id: i64,
    version: i32,
    doc: &SourceDoc,
) -> sqlx::Result<Option<i32>> {
    sqlx::query_scalar!(
        r#"
        update sources set slug = $3, title = $4, publisher = $5, url = $6, published_on = $7,
               published_precision = $8, kind = $9, notes = $10, version = version + 1
        where id = $1 and version = $2
        returning version
        "#,
        id,
        version,
        doc.slug,
        doc.title,
        doc.publisher,
        doc.url,
        doc.published.map(|d| d.start()),
        doc.published.map(|d| d.precision()) as _,
        doc.kind as SourceKind,
        doc.notes,
    )
    .fetch_optional(&mut **tx)
    .await
}

/// How many records cite the source (a cited source cannot be deleted).
pub async fn citation_count(conn: &mut PgConnection, source_id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar!(r#"select count(*) as "n!" from citations where source_id = $1"#, source_id)
        .fetch_one(conn)
        .await
}

pub async fn slug_taken(conn: &mut PgConnection, slug: &str, except: Option<i64>) -> sqlx::Result<bool> {
    sqlx::query_scalar!(
        r#"select exists (select from sources where slug = $1 and id is distinct from $2) as "taken!""#,
        slug,
        except
    )
    .fetch_one(conn)
    .await
}

/// The record a citation supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    Person(i64),
    Detention(i64),
    Event(i64),
    Wave(i64),
    Recognition(i64),
    Figure(i64),
}

impl Subject {
    /// The subject of kind `kind` with id `id`, if records of that kind may be cited.
    pub fn of(kind: RecordKind, id: i64) -> Option<Subject> {
        Some(match kind {
            RecordKind::Person => Subject::Person(id),
            RecordKind::Detention => Subject::Detention(id),
            RecordKind::Event => Subject::Event(id),
            RecordKind::Wave => Subject::Wave(id),
            RecordKind::Recognition => Subject::Recognition(id),
            RecordKind::Figure => Subject::Figure(id),
            _ => return None,
        })
    }

    /// The kind of the record and its id.
    pub fn kind(self) -> (RecordKind, i64) {
        match self {
            Subject::Person(id) => (RecordKind::Person, id),
            Subject::Detention(id) => (RecordKind::Detention, id),
            Subject::Event(id) => (RecordKind::Event, id),
            Subject::Wave(id) => (RecordKind::Wave, id),
            Subject::Recognition(id) => (RecordKind::Recognition, id),
            Subject::Figure(id) => (RecordKind::Figure, id),
        }
    }

    /// `detention` and 5 for `Detention(5)`: the query parameter that names it.
    pub fn param(self) -> (&'static str, i64) {
        let (kind, id) = self.kind();
        (kind.key(), id)
    }

    /// The admin page where the subject is edited.
    pub fn edit_path(self) -> String {
        let (kind, id) = self.kind();
        format!("/admin/{}/{id}/edit", kind.path())
    }

    fn columns(self) -> [Option<i64>; 6] {
        let mut columns = [None; 6];
        let (index, id) = match self {
            Subject::Person(id) => (0, id),
            Subject::Detention(id) => (1, id),
            Subject::Event(id) => (2, id),
            Subject::Wave(id) => (3, id),
            Subject::Recognition(id) => (4, id),
            Subject::Figure(id) => (5, id),
        };
        columns[index] = Some(id);
        columns
    }
}

/// A citation as its form edits it: which source (by its address) and where in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitationDoc {
    pub source: String,
    pub locator: Option<String>,
}

impl Document for CitationDoc {
    const KIND: RecordKind = RecordKind::Citation;

    fn fields(&self) -> Vec<(&'static str, String)> {
        vec![("source", self.source.clone()), ("locator", self.locator.clone().unwrap_or_default())]
    }
}

/// A stored citation with what the forms show of it.
#[derive(Debug, Clone)]
pub struct StoredCitation {
    pub stored: Stored<CitationDoc>,
    pub source_id: i64,
    pub source_title: String,
}

/// Whether the subject exists, and the person whose case it belongs to (if any).
pub async fn subject_person(conn: &mut PgConnection, subject: Subject) -> sqlx::Result<Option<Option<i64>>> {
    let [person, detention, event, wave, recognition, figure] = subject.columns();
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

pub async fn load_citation(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<StoredCitation>> {
    Ok(fetch_citations(conn, Some(id), None).await?.pop())
}

/// The citations of one record, in the order they were added.
pub async fn citations_of(conn: &mut PgConnection, subject: Subject) -> sqlx::Result<Vec<StoredCitation>> {
    fetch_citations(conn, None, Some(subject)).await
}

async fn fetch_citations(
    conn: &mut PgConnection,
    id: Option<i64>,
    subject: Option<Subject>,
) -> sqlx::Result<Vec<StoredCitation>> {
    let [person, detention, event, wave, recognition, figure] = subject.map(Subject::columns).unwrap_or_default();
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
            let subject = [
                r.person_id.map(Subject::Person),
                r.detention_id.map(Subject::Detention),
                r.event_id.map(Subject::Event),
                r.wave_id.map(Subject::Wave),
                r.recognition_id.map(Subject::Recognition),
                r.figure_id.map(Subject::Figure),
            ]
            .into_iter()
            .flatten()
            .next()?;
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

/// The id of the source with this address.
pub async fn source_id(conn: &mut PgConnection, slug: &str) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar!("select id from sources where slug = $1", slug).fetch_optional(conn).await
}

pub async fn insert_citation(
    tx: &mut Transaction<'_, Postgres>,
    subject: Subject,
    doc: &CitationDoc,
) -> sqlx::Result<i64> {
    let [person, detention, event, wave, recognition, figure] = subject.columns();
    sqlx::query_scalar!(
        r#"
        insert into citations (source_id, locator, person_id, detention_id, event_id, wave_id, recognition_id, figure_id)
        values ((select id from sources where slug = $1), $2, $3, $4, $5, $6, $7, $8)
        returning id
        "#,
        doc.source,
        doc.locator,
        person,
        detention,
        event,
        wave,
        recognition,
        figure
    )
    .fetch_one(&mut **tx)
    .await
}

pub async fn update_citation(
    tx: &mut Transaction<'_, Postgres>,
    id: i64,
    version: i32,
    doc: &CitationDoc,
) -> sqlx::Result<Option<i32>> {
    sqlx::query_scalar!(
        r#"
        update citations set source_id = (select id from sources where slug = $3), locator = $4,
               version = version + 1
        where id = $1 and version = $2
        returning version
        "#,
        id,
        version,
        doc.source,
        doc.locator,
    )
    .fetch_optional(&mut **tx)
    .await
}
