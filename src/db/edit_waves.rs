//! Writing release waves through the admin forms, and marking many people released in a wave.

use serde::{Deserialize, Serialize};
use sqlx::{PgConnection, Postgres, Transaction};

use super::edit_detentions::{self, DetentionDoc, StoredDetention};
use super::revisions::{Document, RecordKind};
use crate::domain::{CountQualifier, PartialDate, PublicationState, ReleaseMechanism};

/// Everything the wave form edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaveDoc {
    pub slug: String,
    pub name: String,
    pub started: PartialDate,
    pub ended: Option<PartialDate>,
    pub country: String,
    pub mechanism: ReleaseMechanism,
    pub location: Option<String>,
    pub counterparty: Option<String>,
    pub traded: Option<String>,
    pub reported_released_count: Option<i32>,
    pub reported_count_qualifier: Option<CountQualifier>,
    pub notes: Option<String>,
    pub publication: PublicationState,
}

impl Document for WaveDoc {
    const KIND: RecordKind = RecordKind::Wave;

    fn fields(&self) -> Vec<(&'static str, String)> {
        let text = |t: &Option<String>| t.clone().unwrap_or_default();
        let reported = match (self.reported_count_qualifier, self.reported_released_count) {
            (Some(q), Some(n)) if q != CountQualifier::Exactly => format!("{} {n}", q.as_str()),
            (_, Some(n)) => n.to_string(),
            _ => String::new(),
        };
        vec![
            ("wave_name", self.name.clone()),
            ("slug", self.slug.clone()),
            ("publication", self.publication.as_str().to_owned()),
            ("started", self.started.to_string()),
            ("ended", self.ended.map(|d| d.to_string()).unwrap_or_default()),
            ("country", self.country.clone()),
            ("release_mechanism", self.mechanism.as_str().to_owned()),
            ("location", text(&self.location)),
            ("counterparty", text(&self.counterparty)),
            ("traded", text(&self.traded)),
            ("reported", reported),
            ("notes", text(&self.notes)),
        ]
    }
}

#[derive(Debug, Clone)]
pub struct StoredWave {
    pub id: i64,
    pub doc: WaveDoc,
    pub version: i32,
}

pub async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<StoredWave>> {
    Ok(fetch(conn, Some(id)).await?.pop())
}

/// Waves for the admin list, newest first.
pub async fn list(conn: &mut PgConnection) -> sqlx::Result<Vec<StoredWave>> {
    fetch(conn, None).await
}

/// One wave by id, or the latest 500: one statement either way.
async fn fetch(conn: &mut PgConnection, id: Option<i64>) -> sqlx::Result<Vec<StoredWave>> {
    let rows = sqlx::query!(
        r#"
        select id, slug, name, country, version,
               partial_date_iso(started_on, started_precision) as "started!",
               partial_date_iso(ended_on, ended_precision) as ended,
               mechanism as "mechanism: ReleaseMechanism", location, counterparty, traded,
               reported_released_count, reported_count_qualifier as "reported_count_qualifier: CountQualifier",
               notes, publication as "publication: PublicationState"
        from waves
        where $1::bigint is null or id = $1
        order by started_on desc, id desc
        limit 500
        "#,
        id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(StoredWave {
                id: r.id,
                version: r.version,
                doc: WaveDoc {
                    slug: r.slug,
                    name: r.name,
                    started: r.started.parse().ok()?,
                    ended: super::parse_date(r.ended),
                    country: r.country,
                    mechanism: r.mechanism,
                    location: r.location,
                    counterparty: r.counterparty,
                    traded: r.traded,
                    reported_released_count: r.reported_released_count,
                    reported_count_qualifier: r.reported_count_qualifier,
                    notes: r.notes,
                    publication: r.publication,
                },
            })
        })
        .collect())
}

pub async fn slug_taken(conn: &mut PgConnection, slug: &str, except: Option<i64>) -> sqlx::Result<bool> {
    sqlx::query_scalar!(
        r#"
        select exists (select from waves where slug = $1 and id is distinct from $2)
            or exists (select from wave_slug_redirects where slug = $1 and wave_id is distinct from $2)
            as "taken!"
        "#,
        slug,
        except
    )
    .fetch_one(conn)
    .await
}

pub async fn insert(tx: &mut Transaction<'_, Postgres>, doc: &WaveDoc) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        r#"
        insert into waves (slug, name, started_on, started_precision, ended_on, ended_precision, country,
                           mechanism, location, counterparty, traded, reported_released_count,
                           reported_count_qualifier, notes, publication)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
        returning id
        "#,
        doc.slug,
        doc.name,
        doc.started.start(),
        doc.started.precision() as _,
        doc.ended.map(|d| d.start()),
        doc.ended.map(|d| d.precision()) as _,
        doc.country,
        doc.mechanism as ReleaseMechanism,
        doc.location,
        doc.counterparty,
        doc.traded,
        doc.reported_released_count,
        doc.reported_count_qualifier as Option<CountQualifier>,
        doc.notes,
        doc.publication as PublicationState,
    )
    .fetch_one(&mut **tx)
    .await
}

/// Saves `doc` over the wave if it is still at `version`; `None` when someone saved first.
pub async fn update(
    tx: &mut Transaction<'_, Postgres>,
    id: i64,
    version: i32,
    doc: &WaveDoc,
) -> sqlx::Result<Option<i32>> {
    sqlx::query_scalar!(
        r#"
        update waves set slug = $3, name = $4, started_on = $5, started_precision = $6, ended_on = $7,
               ended_precision = $8, country = $9, mechanism = $10, location = $11, counterparty = $12,
               traded = $13, reported_released_count = $14, reported_count_qualifier = $15, notes = $16,
               publication = $17, version = version + 1
        where id = $1 and version = $2
        returning version
        "#,
        id,
        version,
        doc.slug,
        doc.name,
        doc.started.start(),
        doc.started.precision() as _,
        doc.ended.map(|d| d.start()),
        doc.ended.map(|d| d.precision()) as _,
        doc.country,
        doc.mechanism as ReleaseMechanism,
        doc.location,
        doc.counterparty,
        doc.traded,
        doc.reported_released_count,
        doc.reported_count_qualifier as Option<CountQualifier>,
        doc.notes,
        doc.publication as PublicationState,
    )
    .fetch_optional(&mut **tx)
    .await
}

/// The person behind a line of the bulk form (an address or an admin id), and their detention
/// that is still going on, if any.
pub async fn ongoing_detention(
    conn: &mut PgConnection,
    person: &str,
) -> sqlx::Result<Option<(i64, Option<StoredDetention>)>> {
    let id = sqlx::query_scalar!(
        "select id from people where slug = $1 or id::text = $1 or id = (select person_id from person_slug_redirects where slug = $1)",
        person
    )
    .fetch_optional(&mut *conn)
    .await?;
    let Some(person_id) = id else { return Ok(None) };
    let detention = sqlx::query_scalar!(
        r#"
        select id from detentions
        where person_id = $1 and ended_on is null and release_mechanism is null
        order by started_on desc nulls last limit 1
        "#,
        person_id
    )
    .fetch_optional(&mut *conn)
    .await?;
    let detention = match detention {
        Some(id) => edit_detentions::load(conn, id).await?,
        None => None,
    };
    Ok(Some((person_id, detention)))
}

/// The detention as released in `wave` on `day`.
pub fn released(detention: &DetentionDoc, wave: &WaveDoc, day: PartialDate) -> DetentionDoc {
    DetentionDoc {
        ended: Some(day),
        release_mechanism: Some(wave.mechanism),
        wave: Some(wave.slug.clone()),
        ..detention.clone()
    }
}

/// How many detentions ended in the wave (a wave with people in it cannot be deleted).
pub async fn detention_count(conn: &mut PgConnection, id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar!(r#"select count(*) as "n!" from detentions where wave_id = $1"#, id).fetch_one(conn).await
}
