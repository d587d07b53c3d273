//! Writing one run in a transaction: removing what earlier runs wrote, then the catalogue and
//! batches of people through `COPY`, with ids reserved from the identity sequences first.

use std::time::Instant;

use anyhow::{Context, bail};
use sqlx::PgConnection;

use super::catalogue::{Catalogue, WaveName};
use super::copy::CopyWriter;
use super::people::{Description, Person};
use super::{Scope, SyntheticReport};

/// Deletes the records earlier runs wrote, children first in set-based statements: left to
/// `on delete cascade`, PostgreSQL deletes children with one statement per parent row.
///
/// Detentions and their people go in one statement. The status trigger on detentions then runs
/// after the people are gone and rewrites nothing; deleting detentions alone would first set a
/// hundred thousand doomed people to `unknown` (11 of 21 seconds at that size).
pub(super) async fn remove_previous(conn: &mut PgConnection, report: &mut SyntheticReport) -> anyhow::Result<()> {
    let blocking = sqlx::query_scalar!(
        r#"
        select count(*) as "count!" from (
            select d.id from detentions d join people p on p.id = d.person_id
            where not p.synthetic
              and (d.wave_id in (select id from waves where synthetic)
                   or d.facility_id in (select id from facilities where synthetic))
            union all
            select c.id from citations c
            where c.source_id in (select id from sources where synthetic)
              and not coalesce((select p.synthetic from people p where p.id = c.person_id),
                               (select w.synthetic from waves w where w.id = c.wave_id),
                               false)
        ) refs
        "#
    )
    .fetch_one(&mut *conn)
    .await?;
    if blocking > 0 {
        bail!(
            "records that are not synthetic refer to synthetic waves, facilities or sources ({blocking} \
             references); point them elsewhere before generating again"
        );
    }

    let clock = Instant::now();
    sqlx::query!("delete from events where person_id in (select id from people where synthetic)")
        .execute(&mut *conn)
        .await?;
    report.removed_people = sqlx::query!(
        r#"
        with detentions_gone as (
            delete from detentions where person_id in (select id from people where synthetic)
        )
        delete from people where synthetic
        "#
    )
    .execute(&mut *conn)
    .await?
    .rows_affected();
    report.removed_waves = sqlx::query!("delete from waves where synthetic").execute(&mut *conn).await?.rows_affected();
    report.removed_facilities =
        sqlx::query!("delete from facilities where synthetic").execute(&mut *conn).await?.rows_affected();
    sqlx::query!("delete from sources where synthetic").execute(&mut *conn).await?;
    tracing::info!(
        people = report.removed_people,
        waves = report.removed_waves,
        facilities = report.removed_facilities,
        elapsed_ms = clock.elapsed().as_millis(),
        "earlier synthetic records removed"
    );
    Ok(())
}

/// Database ids of the catalogue, by index.
pub(super) struct Refs {
    source: i64,
    facilities: Vec<i64>,
    waves: Vec<i64>,
}

pub(super) async fn write_catalogue(
    conn: &mut PgConnection,
    catalogue: &Catalogue,
    report: &mut SyntheticReport,
) -> anyhow::Result<Refs> {
    let source = sqlx::query_scalar!(
        r#"
        insert into sources (slug, title, publisher, kind, notes, synthetic)
        values ('synthetic-source', 'Synthetic source for scale tests', 'prisoner-tracker generate-synthetic',
                'other', 'Invented by the generator: it supports no real fact.', true)
        returning id
        "#
    )
    .fetch_one(&mut *conn)
    .await
    .context("cannot write the synthetic source (is the slug synthetic-source taken by a real one?)")?;

    let facilities = reserve_ids(conn, "facilities", catalogue.facilities.len()).await?;
    let mut copy = CopyWriter::start(conn, "facilities", "id, name, kind, country, location, synthetic").await?;
    for (f, id) in catalogue.facilities.iter().zip(&facilities) {
        copy.row(|csv| {
            csv.raw(id).text(&f.name).raw(f.kind).raw(f.country).text(&f.location).raw("true");
        })
        .await?;
    }
    report.facilities = copy.finish().await?;

    let waves = reserve_ids(conn, "waves", catalogue.waves.len()).await?;
    let columns = "id, slug, name, started_on, started_precision, ended_on, ended_precision, country, mechanism, \
                   location, counterparty, traded, reported_released_count, reported_count_qualifier, notes, \
                   publication, synthetic";
    let mut copy = CopyWriter::start(conn, "waves", columns).await?;
    for (w, id) in catalogue.waves.iter().zip(&waves) {
        copy.row(|csv| {
            csv.raw(id)
                .raw(format_args!("synthetic-wave-{}", w.number))
                .text(WaveName(w))
                .date(Some(w.started))
                .date(w.ended)
                .raw(w.country)
                .raw(w.mechanism)
                .opt_text(w.location.as_deref())
                .opt_text(w.counterparty.as_deref())
                .opt_text(w.traded)
                .opt_raw(w.reported.map(|(count, _)| count))
                .opt_raw(w.reported.map(|(_, qualifier)| qualifier))
                .text("Synthetic wave for scale tests: no such release took place.")
                .raw("published")
                .raw("true");
        })
        .await?;
    }
    report.waves = copy.finish().await?;
    report.citations += sqlx::query!(
        "insert into citations (source_id, wave_id) select $1::bigint, unnest($2::bigint[])",
        source,
        &waves[..]
    )
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(Refs { source, facilities, waves })
}

/// Writes one batch of people with everything that hangs off them.
pub(super) async fn write_people(
    conn: &mut PgConnection,
    catalogue: &Catalogue,
    refs: &Refs,
    people: &[Person],
    seed: u64,
    scope: Scope,
    report: &mut SyntheticReport,
) -> anyhow::Result<()> {
    let person_ids = reserve_ids(conn, "people", people.len()).await?;
    write_names(conn, catalogue, people, &person_ids, seed, report).await?;
    if scope == Scope::NamesOnly {
        return Ok(());
    }
    let detention_ids = reserve_ids(conn, "detentions", people.iter().map(|p| p.detentions.len()).sum()).await?;
    // The ids of each person's detentions, in order.
    let mut detention_ids_of = Vec::with_capacity(people.len());
    let mut next = 0;
    for p in people {
        detention_ids_of.push(&detention_ids[next..next + p.detentions.len()]);
        next += p.detentions.len();
    }
    let columns = "id, person_id, country, started_on, started_precision, ended_on, ended_precision, facility_id, \
                   trial_stage, sentenced_on, sentenced_precision, sentence_kind, sentence_months, \
                   release_mechanism, wave_id";
    let mut copy = CopyWriter::start(conn, "detentions", columns).await?;
    for ((p, id), ids) in people.iter().zip(&person_ids).zip(&detention_ids_of) {
        for (d, detention_id) in p.detentions.iter().zip(*ids) {
            copy.row(|csv| {
                csv.raw(detention_id)
                    .raw(id)
                    .raw(d.country)
                    .date(Some(d.started))
                    .date(d.ended)
                    .raw(refs.facilities[d.facility])
                    .opt_raw(d.trial_stage)
                    .date(d.sentenced)
                    .opt_raw(d.sentence.map(|(kind, _)| kind))
                    .opt_raw(d.sentence.and_then(|(_, months)| months))
                    .opt_raw(d.release)
                    .opt_raw(d.wave.map(|w| refs.waves[w]));
            })
            .await?;
        }
    }
    report.detentions += copy.finish().await?;

    let mut copy = CopyWriter::start(conn, "detention_charges", "detention_id, article, part").await?;
    for (p, ids) in people.iter().zip(&detention_ids_of) {
        for (d, detention_id) in p.detentions.iter().zip(*ids) {
            for c in &d.charges {
                copy.row(|csv| {
                    csv.raw(detention_id).raw(c.article).opt_raw(c.part);
                })
                .await?;
            }
        }
    }
    report.charges += copy.finish().await?;

    let columns = "person_id, detention_id, kind, occurred_on, occurred_precision, description";
    let mut copy = CopyWriter::start(conn, "events", columns).await?;
    for ((p, id), ids) in people.iter().zip(&person_ids).zip(&detention_ids_of) {
        for e in &p.events {
            let detention = &p.detentions[e.detention];
            copy.row(|csv| {
                csv.raw(id).raw(ids[e.detention]).raw(e.kind).date(Some(e.on)).text(Description {
                    catalogue,
                    event: e,
                    detention,
                });
            })
            .await?;
        }
    }
    report.events += copy.finish().await?;

    report.citations += sqlx::query!(
        "insert into citations (source_id, person_id) select $1::bigint, unnest($2::bigint[])",
        refs.source,
        &person_ids[..]
    )
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(())
}

/// Takes `count` values from the identity sequence of `table` (a constant of ours, never input),
/// so rows can carry their ids and reference each other in the same `COPY` round. Values taken
/// with `nextval` are never handed out again, even to concurrent writers.
async fn reserve_ids(conn: &mut PgConnection, table: &str, count: usize) -> anyhow::Result<Vec<i64>> {
    let ids = sqlx::query_scalar!(
        r#"
        select coalesce(array_agg(nextval(pg_get_serial_sequence($1, 'id'))), '{}') as "ids!"
        from generate_series(1, $2::bigint)
        "#,
        table,
        i64::try_from(count)?
    )
    .fetch_one(&mut *conn)
    .await
    .with_context(|| format!("cannot reserve ids for {table}"))?;
    if ids.len() != count {
        bail!("reserved {} ids for {table}, wanted {count}", ids.len());
    }
    Ok(ids)
}

/// Writes one batch of people with their names and citizenships.
async fn write_names(
    conn: &mut PgConnection,
    catalogue: &Catalogue,
    people: &[Person],
    person_ids: &[i64],
    seed: u64,
    report: &mut SyntheticReport,
) -> anyhow::Result<()> {
    let names = &catalogue.names;
    let columns = "id, slug, sex, born_on, born_precision, occupation, region, biography, publication, synthetic, \
                   status, status_since, status_since_precision, naming_basis";
    let mut copy = CopyWriter::start(conn, "people", columns).await?;
    for (p, id) in people.iter().zip(person_ids) {
        let (status, since) = p.status();
        copy.row(|csv| {
            csv.raw(id)
                .raw(names.slug(p))
                .raw(p.sex)
                .date(p.born)
                .opt_text(p.occupation)
                .opt_text(p.region)
                .text(format_args!(
                    "Synthetic person number {} of seed {seed}, invented for scale tests: not a real person.",
                    p.number
                ))
                .raw("published")
                .raw("true")
                .raw(status)
                .date(since)
                // Invented people, "named" from the invented sources they are cited by.
                .raw("public_sources");
        })
        .await?;
    }
    report.people += copy.finish().await?;

    let mut copy = CopyWriter::start(conn, "person_names", "person_id, name, lang, script, kind, search_key").await?;
    for (p, id) in people.iter().zip(person_ids) {
        for n in names.rows(p) {
            copy.row(|csv| {
                csv.raw(id).text(&n.name).raw(n.lang).raw(n.script).raw(n.kind).text(&n.key);
            })
            .await?;
        }
    }
    report.names += copy.finish().await?;

    let mut copy = CopyWriter::start(conn, "person_citizenships", "person_id, country").await?;
    for (p, id) in people.iter().zip(person_ids) {
        for country in p.citizenships {
            copy.row(|csv| {
                csv.raw(id).raw(country);
            })
            .await?;
        }
    }
    report.citizenships += copy.finish().await?;

    Ok(())
}
