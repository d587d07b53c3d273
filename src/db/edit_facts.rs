//! Writing recognitions (an organisation recognising a person as a political prisoner),
//! facilities (prisons, colonies, detention centres) and reported figures (country totals as
//! published) through the admin forms.

use serde::{Deserialize, Serialize};
use sqlx::{PgConnection, Postgres, Transaction};

use super::edit_sources::{Stored, Subject};
use super::revisions::{Document, RecordKind};
use crate::domain::{CountQualifier, FacilityKind, FigureMetric, PartialDate, PublicationState};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecognitionDoc {
    pub organisation: String,
    pub recognised: Option<PartialDate>,
    pub url: Option<String>,
}

impl Document for RecognitionDoc {
    const KIND: RecordKind = RecordKind::Recognition;

    fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("organisation", self.organisation.clone()),
            ("recognised", self.recognised.map(|d| d.to_string()).unwrap_or_default()),
            ("url", self.url.clone().unwrap_or_default()),
        ]
    }
}

pub async fn load_recognition(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Stored<RecognitionDoc>>> {
    Ok(fetch_recognitions(conn, Some(id), None).await?.pop())
}

/// A person's recognitions, oldest first.
pub async fn recognitions_of(conn: &mut PgConnection, person_id: i64) -> sqlx::Result<Vec<Stored<RecognitionDoc>>> {
    fetch_recognitions(conn, None, Some(person_id)).await
}

async fn fetch_recognitions(
    conn: &mut PgConnection,
    id: Option<i64>,
    person_id: Option<i64>,
) -> sqlx::Result<Vec<Stored<RecognitionDoc>>> {
    let rows = sqlx::query!(
        r#"
        select id, version, person_id, organisation, url,
               partial_date_iso(recognised_on, recognised_precision) as recognised
        from recognitions
        where ($1::bigint is null or id = $1) and ($2::bigint is null or person_id = $2)
        order by recognised_on nulls last, id
        "#,
        id,
        person_id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Stored {
            id: r.id,
            version: r.version,
            person_id: Some(r.person_id),
            owner: Some(Subject::Person(r.person_id)),
            doc: RecognitionDoc {
                organisation: r.organisation,
                recognised: r.recognised.and_then(|d| d.parse().ok()),
                url: r.url,
            },
        })
        .collect())
}

pub async fn insert_recognition(
    tx: &mut Transaction<'_, Postgres>,
    person_id: i64,
    doc: &RecognitionDoc,
) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        r#"
        insert into recognitions (person_id, organisation, recognised_on, recognised_precision, url)
        values ($1, $2, $3, $4, $5)
        returning id
        "#,
        person_id,
        doc.organisation,
        doc.recognised.map(|d| d.start()),
        doc.recognised.map(|d| d.precision()) as _,
        doc.url,
    )
    .fetch_one(&mut **tx)
    .await
}

pub async fn update_recognition(
    tx: &mut Transaction<'_, Postgres>,
    id: i64,
    version: i32,
    doc: &RecognitionDoc,
) -> sqlx::Result<Option<i32>> {
    sqlx::query_scalar!(
        r#"
        update recognitions set organisation = $3, recognised_on = $4, recognised_precision = $5, url = $6,
               version = version + 1
        where id = $1 and version = $2
        returning version
        "#,
        id,
        version,
        doc.organisation,
        doc.recognised.map(|d| d.start()),
        doc.recognised.map(|d| d.precision()) as _,
        doc.url,
    )
    .fetch_optional(&mut **tx)
    .await
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacilityDoc {
    pub name: String,
    pub kind: FacilityKind,
    pub country: String,
    pub location: Option<String>,
}

impl Document for FacilityDoc {
    const KIND: RecordKind = RecordKind::Facility;

    fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("facility_name", self.name.clone()),
            ("facility_kind", self.kind.as_str().to_owned()),
            ("facility_country", self.country.clone()),
            ("location", self.location.clone().unwrap_or_default()),
        ]
    }
}

pub async fn load_facility(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Stored<FacilityDoc>>> {
    Ok(fetch_facilities(conn, Some(id)).await?.pop())
}

/// Every facility, by country and name.
pub async fn list_facilities(conn: &mut PgConnection) -> sqlx::Result<Vec<Stored<FacilityDoc>>> {
    fetch_facilities(conn, None).await
}

async fn fetch_facilities(conn: &mut PgConnection, id: Option<i64>) -> sqlx::Result<Vec<Stored<FacilityDoc>>> {
    let rows = sqlx::query!(
        r#"
        select id, version, name, kind as "kind: FacilityKind", country, location
        from facilities
        where $1::bigint is null or id = $1
        order by country, name
        "#,
        id
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
            doc: FacilityDoc { name: r.name, kind: r.kind, country: r.country, location: r.location },
        })
        .collect())
}

pub async fn insert_facility(tx: &mut Transaction<'_, Postgres>, doc: &FacilityDoc) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        "insert into facilities (name, kind, country, location) values ($1, $2, $3, $4) returning id",
        doc.name,
        doc.kind as FacilityKind,
        doc.country,
        doc.location,
    )
    .fetch_one(&mut **tx)
    .await
}

pub async fn update_facility(
    tx: &mut Transaction<'_, Postgres>,
    id: i64,
    version: i32,
    doc: &FacilityDoc,
) -> sqlx::Result<Option<i32>> {
    sqlx::query_scalar!(
        r#"
        update facilities set name = $3, kind = $4, country = $5, location = $6, version = version + 1
        where id = $1 and version = $2
        returning version
        "#,
        id,
        version,
        doc.name,
        doc.kind as FacilityKind,
        doc.country,
        doc.location,
    )
    .fetch_optional(&mut **tx)
    .await
}

/// How many detentions name the facility (a facility in use cannot be deleted).
pub async fn facility_use(conn: &mut PgConnection, id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar!(r#"select count(*) as "n!" from detentions where facility_id = $1"#, id).fetch_one(conn).await
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureDoc {
    pub country: String,
    pub metric: FigureMetric,
    pub value: i32,
    pub qualifier: CountQualifier,
    pub as_of: PartialDate,
    pub notes: Option<String>,
    pub publication: PublicationState,
}

impl Document for FigureDoc {
    const KIND: RecordKind = RecordKind::Figure;

    fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("figure_country", self.country.clone()),
            ("metric", self.metric.as_str().to_owned()),
            ("value", self.value.to_string()),
            ("qualifier", self.qualifier.as_str().to_owned()),
            ("as_of", self.as_of.to_string()),
            ("notes", self.notes.clone().unwrap_or_default()),
            ("publication", self.publication.as_str().to_owned()),
        ]
    }
}

pub async fn load_figure(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Stored<FigureDoc>>> {
    Ok(fetch_figures(conn, Some(id)).await?.pop())
}

/// Every figure, newest first.
pub async fn list_figures(conn: &mut PgConnection) -> sqlx::Result<Vec<Stored<FigureDoc>>> {
    fetch_figures(conn, None).await
}

async fn fetch_figures(conn: &mut PgConnection, id: Option<i64>) -> sqlx::Result<Vec<Stored<FigureDoc>>> {
    let rows = sqlx::query!(
        r#"
        select id, version, country, metric as "metric: FigureMetric", value,
               qualifier as "qualifier: CountQualifier",
               partial_date_iso(as_of, as_of_precision) as "as_of!", notes,
               publication as "publication: PublicationState"
        from reported_figures
        where $1::bigint is null or id = $1
        order by as_of desc, country, metric
        "#,
        id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(Stored {
                id: r.id,
                version: r.version,
                person_id: None,
                owner: None,
                doc: FigureDoc {
                    country: r.country,
                    metric: r.metric,
                    value: r.value,
                    qualifier: r.qualifier,
                    as_of: r.as_of.parse().ok()?,
                    notes: r.notes,
                    publication: r.publication,
                },
            })
        })
        .collect())
}

pub async fn insert_figure(tx: &mut Transaction<'_, Postgres>, doc: &FigureDoc) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        r#"
        insert into reported_figures (country, metric, value, qualifier, as_of, as_of_precision, notes, publication)
        values ($1, $2, $3, $4, $5, $6, $7, $8)
        returning id
        "#,
        doc.country,
        doc.metric as FigureMetric,
        doc.value,
        doc.qualifier as CountQualifier,
        doc.as_of.start(),
        doc.as_of.precision() as _,
        doc.notes,
        doc.publication as PublicationState,
    )
    .fetch_one(&mut **tx)
    .await
}

pub async fn update_figure(
    tx: &mut Transaction<'_, Postgres>,
    id: i64,
    version: i32,
    doc: &FigureDoc,
) -> sqlx::Result<Option<i32>> {
    sqlx::query_scalar!(
        r#"
        update reported_figures set country = $3, metric = $4, value = $5, qualifier = $6, as_of = $7,
               as_of_precision = $8, notes = $9, publication = $10, version = version + 1
        where id = $1 and version = $2
        returning version
        "#,
        id,
        version,
        doc.country,
        doc.metric as FigureMetric,
        doc.value,
        doc.qualifier as CountQualifier,
        doc.as_of.start(),
        doc.as_of.precision() as _,
        doc.notes,
        doc.publication as PublicationState,
    )
    .fetch_optional(&mut **tx)
    .await
}

pub async fn facility_taken(
    conn: &mut PgConnection,
    country: &str,
    name: &str,
    except: Option<i64>,
) -> sqlx::Result<bool> {
    sqlx::query_scalar!(
        r#"select exists (select from facilities where country = $1 and name = $2 and id is distinct from $3) as "taken!""#,
        country,
        name,
        except
    )
    .fetch_one(conn)
    .await
}

/// Whether another figure has the same country, metric and date (one number per day and count).
pub async fn figure_taken(conn: &mut PgConnection, doc: &FigureDoc, except: Option<i64>) -> sqlx::Result<bool> {
    sqlx::query_scalar!(
        r#"
        select exists (select from reported_figures
                       where country = $1 and metric = $2 and as_of = $3 and id is distinct from $4) as "taken!"
        "#,
        doc.country,
        doc.metric as FigureMetric,
        doc.as_of.start(),
        except
    )
    .fetch_one(conn)
    .await
}
