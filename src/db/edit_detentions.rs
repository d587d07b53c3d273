//! Writing detentions through the admin forms: a detention with its charges as one document,
//! saved only over the version it was loaded at.

use serde::{Deserialize, Serialize};
use sqlx::types::Json;
use sqlx::{PgConnection, Postgres, Transaction};

use super::revisions::{Document, RecordKind};
use crate::domain::{PartialDate, ReleaseMechanism, SentenceKind, TrialStage};

/// Everything the detention form edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetentionDoc {
    /// The state holding the person (ISO 3166 code).
    pub country: String,
    pub started: Option<PartialDate>,
    pub ended: Option<PartialDate>,
    pub facility_id: Option<i64>,
    pub trial_stage: Option<TrialStage>,
    pub sentenced: Option<PartialDate>,
    pub sentence_kind: Option<SentenceKind>,
    pub sentence_months: Option<i32>,
    pub release_mechanism: Option<ReleaseMechanism>,
    /// The release wave, by slug.
    pub wave: Option<String>,
    pub notes: Option<String>,
    pub charges: Vec<ChargeDoc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChargeDoc {
    pub article: Option<String>,
    pub part: Option<String>,
    pub description: Option<String>,
}

impl Document for DetentionDoc {
    const KIND: RecordKind = RecordKind::Detention;

    fn fields(&self) -> Vec<(&'static str, String)> {
        let date = |d: Option<PartialDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let charges = self
            .charges
            .iter()
            .map(|c| {
                let article = c.article.as_deref().unwrap_or("");
                let part = c.part.as_deref().map(|p| format!(" part {p}")).unwrap_or_default();
                let description = c.description.as_deref().map(|d| format!(" {d}")).unwrap_or_default();
                format!("{article}{part}{description}").trim().to_owned()
            })
            .collect::<Vec<_>>()
            .join("; ");
        vec![
            ("country", self.country.clone()),
            ("started", date(self.started)),
            ("ended", date(self.ended)),
            ("facility", self.facility_id.map(|f| f.to_string()).unwrap_or_default()),
            ("trial_stage", self.trial_stage.map(|t| t.as_str().to_owned()).unwrap_or_default()),
            ("sentenced", date(self.sentenced)),
            ("sentence_kind", self.sentence_kind.map(|k| k.as_str().to_owned()).unwrap_or_default()),
            ("sentence_months", self.sentence_months.map(|m| m.to_string()).unwrap_or_default()),
            ("release_mechanism", self.release_mechanism.map(|m| m.as_str().to_owned()).unwrap_or_default()),
            ("wave", self.wave.clone().unwrap_or_default()),
            ("notes", self.notes.clone().unwrap_or_default()),
            ("charges", charges),
        ]
    }
}

#[derive(Debug, Clone)]
pub struct StoredDetention {
    pub id: i64,
    pub person_id: i64,
    pub doc: DetentionDoc,
    pub version: i32,
}

pub async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<StoredDetention>> {
    Ok(fetch(conn, Some(id), None).await?.pop())
}

/// A person's detentions, for the person's form, in date order.
pub async fn list_for_person(conn: &mut PgConnection, person_id: i64) -> sqlx::Result<Vec<StoredDetention>> {
    fetch(conn, None, Some(person_id)).await
}

/// One detention by id, or all of a person's: one statement either way.
async fn fetch(conn: &mut PgConnection, id: Option<i64>, person_id: Option<i64>) -> sqlx::Result<Vec<StoredDetention>> {
    let rows = sqlx::query!(
        r#"
        select d.id, d.person_id, d.country, d.version,
               partial_date_iso(d.started_on, d.started_precision) as started,
               partial_date_iso(d.ended_on, d.ended_precision) as ended,
               d.facility_id, d.trial_stage as "trial_stage: TrialStage",
               partial_date_iso(d.sentenced_on, d.sentenced_precision) as sentenced,
               d.sentence_kind as "sentence_kind: SentenceKind", d.sentence_months,
               d.release_mechanism as "release_mechanism: ReleaseMechanism",
               w.slug as "wave?", d.notes,
               (select coalesce(json_agg(json_build_object(
                        'article', c.article, 'part', c.part, 'description', c.description) order by c.id), '[]')
                from detention_charges c where c.detention_id = d.id) as "charges!: Json<Vec<ChargeDoc>>"
        from detentions d left join waves w on w.id = d.wave_id
        where ($1::bigint is null or d.id = $1) and ($2::bigint is null or d.person_id = $2)
        order by d.started_on nulls first, d.id
        "#,
        id,
        person_id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| StoredDetention {
            id: r.id,
            person_id: r.person_id,
            version: r.version,
            doc: DetentionDoc {
                country: r.country,
                started: super::parse_date(r.started),
                ended: super::parse_date(r.ended),
                facility_id: r.facility_id,
                trial_stage: r.trial_stage,
                sentenced: super::parse_date(r.sentenced),
                sentence_kind: r.sentence_kind,
                sentence_months: r.sentence_months,
                release_mechanism: r.release_mechanism,
                wave: r.wave,
                notes: r.notes,
                charges: r.charges.0,
            },
        })
        .collect())
}

/// Choices for the form: facilities (id, name) and published or draft waves (slug, name).
pub async fn choices(conn: &mut PgConnection) -> sqlx::Result<(Vec<(i64, String)>, Vec<(String, String)>)> {
    let facilities = sqlx::query!("select id, name from facilities order by name limit 2000")
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect();
    let waves = sqlx::query!("select slug, name from waves order by started_on desc limit 2000")
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|r| (r.slug, r.name))
        .collect();
    Ok((facilities, waves))
}

async fn write_charges(tx: &mut Transaction<'_, Postgres>, id: i64, doc: &DetentionDoc) -> sqlx::Result<()> {
    sqlx::query!("delete from detention_charges where detention_id = $1", id).execute(&mut **tx).await?;
    for c in &doc.charges {
        sqlx::query!(
            "insert into detention_charges (detention_id, article, part, description) values ($1, $2, $3, $4)",
            id,
            c.article,
            c.part,
            c.description
        )
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

pub async fn insert(tx: &mut Transaction<'_, Postgres>, person_id: i64, doc: &DetentionDoc) -> sqlx::Result<i64> {
    let id = sqlx::query_scalar!(
        r#"
        insert into detentions (person_id, country, started_on, started_precision, ended_on, ended_precision,
                                facility_id, trial_stage, sentenced_on, sentenced_precision, sentence_kind,
                                sentence_months, release_mechanism, wave_id, notes)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
                (select id from waves where slug = $14), $15)
        returning id
        "#,
        person_id,
        doc.country,
        doc.started.map(|d| d.start()),
        doc.started.map(|d| d.precision()) as _,
        doc.ended.map(|d| d.start()),
        doc.ended.map(|d| d.precision()) as _,
        doc.facility_id,
        doc.trial_stage as Option<TrialStage>,
        doc.sentenced.map(|d| d.start()),
        doc.sentenced.map(|d| d.precision()) as _,
        doc.sentence_kind as Option<SentenceKind>,
        doc.sentence_months,
        doc.release_mechanism as Option<ReleaseMechanism>,
        doc.wave,
        doc.notes,
    )
    .fetch_one(&mut **tx)
    .await?;
    write_charges(tx, id, doc).await?;
    Ok(id)
}

/// Saves `doc` over the detention if it is still at `version`; `None` when someone saved first.
pub async fn update(
    tx: &mut Transaction<'_, Postgres>,
    id: i64,
    version: i32,
    doc: &DetentionDoc,
) -> sqlx::Result<Option<i32>> {
    let saved = sqlx::query_scalar!(
        r#"
        update detentions set country = $3, started_on = $4, started_precision = $5, ended_on = $6,
               ended_precision = $7, facility_id = $8, trial_stage = $9, sentenced_on = $10,
               sentenced_precision = $11, sentence_kind = $12, sentence_months = $13,
               release_mechanism = $14, wave_id = (select id from waves where slug = $15), notes = $16,
               version = version + 1
        where id = $1 and version = $2
        returning version
        "#,
        id,
        version,
        doc.country,
        doc.started.map(|d| d.start()),
        doc.started.map(|d| d.precision()) as _,
        doc.ended.map(|d| d.start()),
        doc.ended.map(|d| d.precision()) as _,
        doc.facility_id,
        doc.trial_stage as Option<TrialStage>,
        doc.sentenced.map(|d| d.start()),
        doc.sentenced.map(|d| d.precision()) as _,
        doc.sentence_kind as Option<SentenceKind>,
        doc.sentence_months,
        doc.release_mechanism as Option<ReleaseMechanism>,
        doc.wave,
        doc.notes,
    )
    .fetch_optional(&mut **tx)
    .await?;
    if saved.is_some() {
        write_charges(tx, id, doc).await?;
    }
    Ok(saved)
}
