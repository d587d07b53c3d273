//! `seed-demo`: loads the real, sourced demo records from `data/demo.json` (embedded in the
//! binary).
//!
//! Idempotent in the strongest sense: a record whose key (slug, or country + metric + date for
//! figures) already exists is left exactly as it is, children and timestamps included. So a
//! second run changes nothing, and a re-run never overwrites what an editor has since corrected.

use std::collections::HashMap;
use std::fmt;

use anyhow::Context;
use serde::Deserialize;
use sqlx::{PgConnection, PgPool};

use crate::domain::{
    CountQualifier, EventKind, FacilityKind, FigureMetric, NameKind, PartialDate, ReleaseMechanism, SentenceKind,
    SourceKind, TrialStage,
};
use crate::search::key::name_key;

const DEMO_JSON: &str = include_str!("../../data/demo.json");

#[derive(Debug, Deserialize)]
pub struct DemoData {
    pub sources: Vec<DemoSource>,
    pub facilities: Vec<DemoFacility>,
    pub waves: Vec<DemoWave>,
    pub people: Vec<DemoPerson>,
    pub figures: Vec<DemoFigure>,
}

#[derive(Debug, Deserialize)]
pub struct DemoSource {
    pub slug: String,
    pub title: String,
    pub publisher: Option<String>,
    pub published: Option<PartialDate>,
    pub url: Option<String>,
    pub kind: SourceKind,
}

#[derive(Debug, Deserialize)]
pub struct DemoFacility {
    pub key: String,
    pub name: String,
    pub kind: FacilityKind,
    pub country: String,
    pub location: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct DemoWave {
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
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct DemoPerson {
    pub slug: String,
    pub names: Vec<DemoName>,
    pub citizenships: Vec<String>,
    pub occupation: Option<String>,
    pub detentions: Vec<DemoDetention>,
    pub events: Vec<DemoEvent>,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct DemoName {
    pub name: String,
    pub lang: Option<String>,
    pub script: String,
    pub kind: NameKind,
}

#[derive(Debug, Deserialize)]
pub struct DemoDetention {
    pub country: String,
    pub started: Option<PartialDate>,
    pub ended: Option<PartialDate>,
    pub facility: Option<String>,
    pub trial_stage: Option<TrialStage>,
    pub sentence_kind: Option<SentenceKind>,
    pub charges: Vec<DemoCharge>,
    pub release_mechanism: Option<ReleaseMechanism>,
    pub wave: Option<String>,
    pub notes: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct DemoCharge {
    pub article: Option<String>,
    pub part: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct DemoEvent {
    pub kind: EventKind,
    pub occurred: PartialDate,
    pub description: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct DemoFigure {
    pub country: String,
    pub metric: FigureMetric,
    pub value: i32,
    pub qualifier: CountQualifier,
    pub as_of: PartialDate,
    pub notes: Option<String>,
    pub sources: Vec<String>,
}

/// The demo data as shipped.
pub fn data() -> DemoData {
    serde_json::from_str(DEMO_JSON).expect("data/demo.json is valid (checked by a unit test)")
}

/// What a run added; records that were already there are counted apart.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SeedReport {
    pub people_added: usize,
    pub waves_added: usize,
    pub figures_added: usize,
    pub already_present: usize,
}

impl fmt::Display for SeedReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "demo data: {} people, {} waves and {} figures added; {} records were already present and left as they are",
            self.people_added, self.waves_added, self.figures_added, self.already_present
        )
    }
}

/// Loads the demo records in one transaction.
pub async fn seed(pool: &PgPool) -> anyhow::Result<SeedReport> {
    let data = data();
    let mut tx = pool.begin().await?;
    let report = seed_data(&mut tx, &data).await?;
    tx.commit().await?;
    Ok(report)
}

async fn seed_data(conn: &mut PgConnection, data: &DemoData) -> anyhow::Result<SeedReport> {
    let mut report = SeedReport::default();

    let mut sources = HashMap::new();
    for s in &data.sources {
        let (on, precision) = split(s.published);
        sqlx::query!(
            r#"
            insert into sources (slug, title, publisher, url, published_on, published_precision, kind)
            values ($1, $2, $3, $4, $5, $6, $7)
            on conflict (slug) do nothing
            "#,
            s.slug,
            s.title,
            s.publisher,
            s.url,
            on,
            precision as _,
            s.kind as _,
        )
        .execute(&mut *conn)
        .await?;
        let id = sqlx::query_scalar!("select id from sources where slug = $1", s.slug).fetch_one(&mut *conn).await?;
        sources.insert(s.slug.as_str(), id);
    }
    let source = |key: &str| sources.get(key).copied().with_context(|| format!("unknown source {key}"));

    let mut facilities = HashMap::new();
    for f in &data.facilities {
        sqlx::query!(
            r#"
            insert into facilities (name, kind, country, location) values ($1, $2, $3, $4)
            on conflict (country, name) do nothing
            "#,
            f.name,
            f.kind as _,
            f.country,
            f.location,
        )
        .execute(&mut *conn)
        .await?;
        let id = sqlx::query_scalar!("select id from facilities where country = $1 and name = $2", f.country, f.name)
            .fetch_one(&mut *conn)
            .await?;
        facilities.insert(f.key.as_str(), id);
    }

    for w in &data.waves {
        let (ended_on, ended_precision) = split(w.ended);
        let inserted = sqlx::query_scalar!(
            r#"
            insert into waves (slug, name, started_on, started_precision, ended_on, ended_precision, country,
                               mechanism, location, counterparty, traded, reported_released_count,
                               reported_count_qualifier, notes, publication)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'published')
            on conflict (slug) do nothing
            returning id
            "#,
            w.slug,
            w.name,
            w.started.start(),
            w.started.precision() as _,
            ended_on,
            ended_precision as _,
            w.country,
            w.mechanism as _,
            w.location,
            w.counterparty,
            w.traded,
            w.reported_released_count,
            w.reported_count_qualifier as _,
            w.notes,
        )
        .fetch_optional(&mut *conn)
        .await?;
        match inserted {
            Some(id) => {
                for key in &w.sources {
                    cite(conn, source(key)?, Subject::Wave(id)).await?;
                }
                report.waves_added += 1;
            }
            None => report.already_present += 1,
        }
    }
    let waves: HashMap<String, i64> = sqlx::query!("select slug, id from waves")
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|r| (r.slug, r.id))
        .collect();

    for p in &data.people {
        let inserted = sqlx::query_scalar!(
            r#"
            insert into people (slug, occupation, publication, naming_basis) values ($1, $2, 'published', 'public_sources')
            on conflict (slug) do nothing
            returning id
            "#,
            p.slug,
            p.occupation,
        )
        .fetch_optional(&mut *conn)
        .await?;
        let Some(person_id) = inserted else {
            report.already_present += 1;
            continue;
        };
        for n in &p.names {
            sqlx::query!(
                r#"
                insert into person_names (person_id, name, lang, script, kind, search_key)
                values ($1, $2, $3, $4, $5, $6)
                "#,
                person_id,
                n.name,
                n.lang,
                n.script,
                n.kind as _,
                name_key(&n.name),
            )
            .execute(&mut *conn)
            .await?;
        }
        for country in &p.citizenships {
            sqlx::query!("insert into person_citizenships (person_id, country) values ($1, $2)", person_id, country)
                .execute(&mut *conn)
                .await?;
        }
        for d in &p.detentions {
            let detention_id = insert_detention(conn, person_id, d, &facilities, &waves).await?;
            for key in &d.sources {
                cite(conn, source(key)?, Subject::Detention(detention_id)).await?;
            }
        }
        for e in &p.events {
            let event_id = sqlx::query_scalar!(
                r#"
                insert into events (person_id, kind, occurred_on, occurred_precision, description)
                values ($1, $2, $3, $4, $5)
                returning id
                "#,
                person_id,
                e.kind as _,
                e.occurred.start(),
                e.occurred.precision() as _,
                e.description,
            )
            .fetch_one(&mut *conn)
            .await?;
            for key in &e.sources {
                cite(conn, source(key)?, Subject::Event(event_id)).await?;
            }
        }
        for key in &p.sources {
            cite(conn, source(key)?, Subject::Person(person_id)).await?;
        }
        report.people_added += 1;
    }

    for f in &data.figures {
        let inserted = sqlx::query_scalar!(
            r#"
            insert into reported_figures (country, metric, value, qualifier, as_of, as_of_precision, notes, publication)
            values ($1, $2, $3, $4, $5, $6, $7, 'published')
            on conflict (country, metric, as_of) do nothing
            returning id
            "#,
            f.country,
            f.metric as _,
            f.value,
            f.qualifier as _,
            f.as_of.start(),
            f.as_of.precision() as _,
            f.notes,
        )
        .fetch_optional(&mut *conn)
        .await?;
        match inserted {
            Some(id) => {
                for key in &f.sources {
                    cite(conn, source(key)?, Subject::Figure(id)).await?;
                }
                report.figures_added += 1;
            }
            None => report.already_present += 1,
        }
    }
    Ok(report)
}

async fn insert_detention(
    conn: &mut PgConnection,
    person_id: i64,
    d: &DemoDetention,
    facilities: &HashMap<&str, i64>,
    waves: &HashMap<String, i64>,
) -> anyhow::Result<i64> {
    let facility_id = d
        .facility
        .as_deref()
        .map(|key| facilities.get(key).copied().with_context(|| format!("unknown facility {key}")))
        .transpose()?;
    let wave_id = d
        .wave
        .as_deref()
        .map(|key| waves.get(key).copied().with_context(|| format!("unknown wave {key}")))
        .transpose()?;
    let (started_on, started_precision) = split(d.started);
    let (ended_on, ended_precision) = split(d.ended);
    let id = sqlx::query_scalar!(
        r#"
        insert into detentions (person_id, country, started_on, started_precision, ended_on, ended_precision,
                                facility_id, trial_stage, sentence_kind, release_mechanism, wave_id, notes)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        returning id
        "#,
        person_id,
        d.country,
        started_on,
        started_precision as _,
        ended_on,
        ended_precision as _,
        facility_id,
        d.trial_stage as _,
        d.sentence_kind as _,
        d.release_mechanism as _,
        wave_id,
        d.notes,
    )
    .fetch_one(&mut *conn)
    .await?;
    for c in &d.charges {
        sqlx::query!(
            "insert into detention_charges (detention_id, article, part, description) values ($1, $2, $3, $4)",
            id,
            c.article,
            c.part,
            c.description,
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(id)
}

/// The record a citation supports.
#[derive(Debug, Clone, Copy)]
pub enum Subject {
    Person(i64),
    Detention(i64),
    Event(i64),
    Wave(i64),
    Figure(i64),
}

async fn cite(conn: &mut PgConnection, source_id: i64, subject: Subject) -> sqlx::Result<()> {
    let (person, detention, event, wave, figure) = match subject {
        Subject::Person(id) => (Some(id), None, None, None, None),
        Subject::Detention(id) => (None, Some(id), None, None, None),
        Subject::Event(id) => (None, None, Some(id), None, None),
        Subject::Wave(id) => (None, None, None, Some(id), None),
        Subject::Figure(id) => (None, None, None, None, Some(id)),
    };
    sqlx::query!(
        r#"
        insert into citations (source_id, person_id, detention_id, event_id, wave_id, figure_id)
        values ($1, $2, $3, $4, $5, $6)
        "#,
        source_id,
        person,
        detention,
        event,
        wave,
        figure,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// A nullable partial date as its two columns.
fn split(date: Option<PartialDate>) -> (Option<time::Date>, Option<crate::domain::Precision>) {
    (date.map(|d| d.start()), date.map(|d| d.precision()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_file_holds_the_nine_people_and_five_waves_of_the_fixture() {
        let data = data();
        assert_eq!(data.people.len(), 9);
        assert_eq!(data.waves.len(), 5);
        assert_eq!(data.figures.len(), 1);
        let sources: Vec<&str> = data.sources.iter().map(|s| s.slug.as_str()).collect();
        for p in &data.people {
            assert!(!p.sources.is_empty(), "{} cites a source", p.slug);
            assert!(p.sources.iter().all(|s| sources.contains(&s.as_str())));
            assert!(p.names.iter().any(|n| n.kind == NameKind::Primary && n.lang.as_deref() == Some("en")));
        }
        for w in &data.waves {
            assert!(!w.sources.is_empty(), "{} cites a source", w.slug);
        }
    }
}
