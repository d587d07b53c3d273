//! The queries of the open dataset (`crate::dataset`): what is published, table by table, as
//! JSON rows whose keys are the dataset's column names; and the inserts of an import, one
//! statement per table over the JSON rows the import checked (`jsonb_populate_recordset`).
//!
//! The readers take a transaction that the caller opened as a repeatable-read snapshot
//! ([`begin_snapshot`]), so that every file describes the same moment.

use serde_json::{Map, Value};
use sqlx::types::Json;
use sqlx::{PgConnection, PgPool, Postgres, Transaction};
use time::OffsetDateTime;

/// One row: column name → value.
pub type Row = Map<String, Value>;

/// A read-only, repeatable-read transaction: every query in it sees the same snapshot.
pub async fn begin_snapshot(pool: &PgPool) -> sqlx::Result<Transaction<'static, Postgres>> {
    let mut tx = pool.begin().await?;
    sqlx::query!("set transaction isolation level repeatable read, read only").execute(&mut *tx).await?;
    Ok(tx)
}

/// The moment the snapshot was taken (the transaction's start).
pub async fn snapshot_time(conn: &mut PgConnection) -> sqlx::Result<OffsetDateTime> {
    sqlx::query_scalar!(r#"select now() as "now!""#).fetch_one(conn).await
}

pub async fn people(conn: &mut PgConnection) -> sqlx::Result<Vec<Row>> {
    let rows = sqlx::query_scalar!(
        r#"
        select coalesce(json_agg(t order by t.id), '[]') as "rows!: Json<Vec<Row>>"
        from (
            select p.id, p.public_id, p.slug, p.sex,
                   partial_date_iso(p.born_on, p.born_precision) as born, p.born_precision,
                   p.occupation, p.region, p.biography, p.text_lang, p.synthetic, p.status,
                   partial_date_iso(p.status_since, p.status_since_precision) as status_since,
                   p.status_since_precision, p.last_checked
            from people p
            where p.public
        ) t
        "#
    )
    .fetch_one(conn)
    .await?;
    Ok(rows.0)
}

/// How many published people are counted without being named (withheld): the dataset says
/// how many, never who.
pub async fn people_not_named(conn: &mut PgConnection) -> sqlx::Result<i64> {
    sqlx::query_scalar!(r#"select count(*) as "n!" from people where publication = 'published' and not public"#)
        .fetch_one(conn)
        .await
}

/// Translations of published people's texts.
pub async fn person_texts(conn: &mut PgConnection) -> sqlx::Result<Vec<Row>> {
    let rows = sqlx::query_scalar!(
        r#"
        select coalesce(json_agg(t order by t.person_id, t.lang), '[]') as "rows!: Json<Vec<Row>>"
        from (
            select t.person_id, t.lang, t.occupation, t.region, t.biography
            from person_texts t join people p on p.id = t.person_id
            where p.public
        ) t
        "#
    )
    .fetch_one(conn)
    .await?;
    Ok(rows.0)
}

/// Translations of published people's events.
pub async fn event_texts(conn: &mut PgConnection) -> sqlx::Result<Vec<Row>> {
    let rows = sqlx::query_scalar!(
        r#"
        select coalesce(json_agg(t order by t.event_id, t.lang), '[]') as "rows!: Json<Vec<Row>>"
        from (
            select t.event_id, t.lang, t.description
            from event_texts t join events e on e.id = t.event_id join people p on p.id = e.person_id
            where p.public
        ) t
        "#
    )
    .fetch_one(conn)
    .await?;
    Ok(rows.0)
}

/// Translations of published waves' texts.
pub async fn wave_texts(conn: &mut PgConnection) -> sqlx::Result<Vec<Row>> {
    let rows = sqlx::query_scalar!(
        r#"
        select coalesce(json_agg(t order by t.wave_id, t.lang), '[]') as "rows!: Json<Vec<Row>>"
        from (
            select t.wave_id, t.lang, t.name, t.notes
            from wave_texts t join waves w on w.id = t.wave_id
            where w.publication = 'published'
        ) t
        "#
    )
    .fetch_one(conn)
    .await?;
    Ok(rows.0)
}

pub async fn person_names(conn: &mut PgConnection) -> sqlx::Result<Vec<Row>> {
    let rows = sqlx::query_scalar!(
        r#"
        select coalesce(json_agg(t order by t.id), '[]') as "rows!: Json<Vec<Row>>"
        from (
            select n.id, n.person_id, n.name, n.lang, n.script, n.kind
            from person_names n join people p on p.id = n.person_id
            where p.public
        ) t
        "#
    )
    .fetch_one(conn)
    .await?;
    Ok(rows.0)
}

pub async fn person_citizenships(conn: &mut PgConnection) -> sqlx::Result<Vec<Row>> {
    let rows = sqlx::query_scalar!(
        r#"
        select coalesce(json_agg(t order by t.person_id, t.country), '[]') as "rows!: Json<Vec<Row>>"
        from (
            select c.person_id, c.country
            from person_citizenships c join people p on p.id = c.person_id
            where p.public
        ) t
        "#
    )
    .fetch_one(conn)
    .await?;
    Ok(rows.0)
}

/// A draft wave stays unknown: the detention's `wave_id` is empty then.
pub async fn detentions(conn: &mut PgConnection) -> sqlx::Result<Vec<Row>> {
    let rows = sqlx::query_scalar!(
        r#"
        select coalesce(json_agg(t order by t.id), '[]') as "rows!: Json<Vec<Row>>"
        from (
            select d.id, d.person_id, d.country,
                   partial_date_iso(d.started_on, d.started_precision) as started, d.started_precision,
                   partial_date_iso(d.ended_on, d.ended_precision) as ended, d.ended_precision,
                   d.facility_id, d.trial_stage,
                   partial_date_iso(d.sentenced_on, d.sentenced_precision) as sentenced, d.sentenced_precision,
                   d.sentence_kind, d.sentence_months, d.release_mechanism,
                   case when w.publication = 'published' then d.wave_id end as wave_id,
                   d.notes
            from detentions d
            join people p on p.id = d.person_id
            left join waves w on w.id = d.wave_id
            where p.public
        ) t
        "#
    )
    .fetch_one(conn)
    .await?;
    Ok(rows.0)
}

pub async fn detention_charges(conn: &mut PgConnection) -> sqlx::Result<Vec<Row>> {
    let rows = sqlx::query_scalar!(
        r#"
        select coalesce(json_agg(t order by t.id), '[]') as "rows!: Json<Vec<Row>>"
        from (
            select ch.id, ch.detention_id, ch.article, ch.part, ch.description
            from detention_charges ch
            join detentions d on d.id = ch.detention_id
            join people p on p.id = d.person_id
            where p.public
        ) t
        "#
    )
    .fetch_one(conn)
    .await?;
    Ok(rows.0)
}

/// An event's detention is given only when it is published too (a detention of the same
/// published person, in every record the forms make).
pub async fn events(conn: &mut PgConnection) -> sqlx::Result<Vec<Row>> {
    let rows = sqlx::query_scalar!(
        r#"
        select coalesce(json_agg(t order by t.id), '[]') as "rows!: Json<Vec<Row>>"
        from (
            select e.id, e.person_id,
                   case when dp.public then e.detention_id end as detention_id,
                   e.kind, partial_date_iso(e.occurred_on, e.occurred_precision) as occurred,
                   e.occurred_precision, e.description, e.text_lang
            from events e
            join people p on p.id = e.person_id
            left join detentions d on d.id = e.detention_id
            left join people dp on dp.id = d.person_id
            where p.public
        ) t
        "#
    )
    .fetch_one(conn)
    .await?;
    Ok(rows.0)
}

pub async fn recognitions(conn: &mut PgConnection) -> sqlx::Result<Vec<Row>> {
    let rows = sqlx::query_scalar!(
        r#"
        select coalesce(json_agg(t order by t.id), '[]') as "rows!: Json<Vec<Row>>"
        from (
            select r.id, r.person_id, r.organisation,
                   partial_date_iso(r.recognised_on, r.recognised_precision) as recognised,
                   r.recognised_precision, r.url
            from recognitions r join people p on p.id = r.person_id
            where p.public
        ) t
        "#
    )
    .fetch_one(conn)
    .await?;
    Ok(rows.0)
}

pub async fn waves(conn: &mut PgConnection) -> sqlx::Result<Vec<Row>> {
    let rows = sqlx::query_scalar!(
        r#"
        select coalesce(json_agg(t order by t.id), '[]') as "rows!: Json<Vec<Row>>"
        from (
            select w.id, w.slug, w.name,
                   partial_date_iso(w.started_on, w.started_precision) as started, w.started_precision,
                   partial_date_iso(w.ended_on, w.ended_precision) as ended, w.ended_precision,
                   w.country, w.mechanism, w.location, w.counterparty, w.traded,
                   w.reported_released_count, w.reported_count_qualifier, w.notes, w.text_lang, w.synthetic
            from waves w
            where w.publication = 'published'
        ) t
        "#
    )
    .fetch_one(conn)
    .await?;
    Ok(rows.0)
}

/// The facilities with these ids (those the published detentions name).
pub async fn facilities(conn: &mut PgConnection, ids: &[i64]) -> sqlx::Result<Vec<Row>> {
    let rows = sqlx::query_scalar!(
        r#"
        select coalesce(json_agg(t order by t.id), '[]') as "rows!: Json<Vec<Row>>"
        from (
            select f.id, f.name, f.kind, f.country, f.location, f.synthetic
            from facilities f
            where f.id = any($1)
        ) t
        "#,
        ids
    )
    .fetch_one(conn)
    .await?;
    Ok(rows.0)
}

pub async fn reported_figures(conn: &mut PgConnection) -> sqlx::Result<Vec<Row>> {
    let rows = sqlx::query_scalar!(
        r#"
        select coalesce(json_agg(t order by t.id), '[]') as "rows!: Json<Vec<Row>>"
        from (
            select f.id, f.country, f.metric, f.value, f.qualifier,
                   partial_date_iso(f.as_of, f.as_of_precision) as as_of, f.as_of_precision, f.notes
            from reported_figures f
            where f.publication = 'published'
        ) t
        "#
    )
    .fetch_one(conn)
    .await?;
    Ok(rows.0)
}

/// Citations of published records (a record of a draft person or a draft wave or figure is not).
pub async fn citations(conn: &mut PgConnection) -> sqlx::Result<Vec<Row>> {
    let rows = sqlx::query_scalar!(
        r#"
        with published_people as (select id from people where public)
        select coalesce(json_agg(t order by t.id), '[]') as "rows!: Json<Vec<Row>>"
        from (
            select c.id, c.source_id, c.person_id, c.detention_id, c.event_id, c.wave_id,
                   c.recognition_id, c.figure_id
            from citations c
            where c.person_id in (select id from published_people)
               or c.detention_id in (select d.id from detentions d
                                     where d.person_id in (select id from published_people))
               or c.event_id in (select e.id from events e where e.person_id in (select id from published_people))
               or c.recognition_id in (select r.id from recognitions r
                                       where r.person_id in (select id from published_people))
               or c.wave_id in (select w.id from waves w where w.publication = 'published')
               or c.figure_id in (select f.id from reported_figures f where f.publication = 'published')
        ) t
        "#
    )
    .fetch_one(conn)
    .await?;
    Ok(rows.0)
}

/// The sources with these ids (those the published citations name).
pub async fn sources(conn: &mut PgConnection, ids: &[i64]) -> sqlx::Result<Vec<Row>> {
    let rows = sqlx::query_scalar!(
        r#"
        select coalesce(json_agg(t order by t.id), '[]') as "rows!: Json<Vec<Row>>"
        from (
            select s.id, s.slug, s.title, s.publisher, s.url,
                   partial_date_iso(s.published_on, s.published_precision) as published, s.published_precision,
                   s.kind, s.synthetic
            from sources s
            where s.id = any($1)
        ) t
        "#,
        ids
    )
    .fetch_one(conn)
    .await?;
    Ok(rows.0)
}

/// The words of published people's photos and the address of the image (as `web::photos`
/// serves it: the id and the first 16 hex digits of the hash).
pub async fn photos(conn: &mut PgConnection) -> sqlx::Result<Vec<Row>> {
    let rows = sqlx::query_scalar!(
        r#"
        select coalesce(json_agg(t order by t.id), '[]') as "rows!: Json<Vec<Row>>"
        from (
            select ph.id, ph.person_id, '/photos/' || ph.id || '-' || left(ph.sha256, 16) || '.jpg' as path,
                   ph.width, ph.height, ph.sha256, ph.alt_text, ph.credit
            from photos ph join people p on p.id = ph.person_id
            where p.public
        ) t
        "#
    )
    .fetch_one(conn)
    .await?;
    Ok(rows.0)
}

pub async fn countries(conn: &mut PgConnection) -> sqlx::Result<Vec<Row>> {
    let rows = sqlx::query_scalar!(
        r#"
        select coalesce(json_agg(t order by t.code), '[]') as "rows!: Json<Vec<Row>>"
        from (select c.code, c.name from countries c) t
        "#
    )
    .fetch_one(conn)
    .await?;
    Ok(rows.0)
}

/// Whether the database holds any record an import could collide with.
pub async fn holds_records(conn: &mut PgConnection) -> sqlx::Result<bool> {
    sqlx::query_scalar!(
        r#"
        select exists (select from people) or exists (select from waves) or exists (select from sources)
            or exists (select from facilities) or exists (select from reported_figures) as "holds!"
        "#
    )
    .fetch_one(conn)
    .await
}

/// Writes the checked rows of `table` (keys: the database's column names), keeping their ids.
/// `table` is one of [`crate::dataset::IMPORT_ORDER`]. Published tables are written published.
pub async fn insert(tx: &mut Transaction<'_, Postgres>, table: &str, rows: Vec<Row>) -> sqlx::Result<u64> {
    let rows = Value::Array(rows.into_iter().map(Value::Object).collect());
    let conn = &mut **tx;
    let done = match table {
        "sources" => {
            sqlx::query!(
                r#"
            insert into sources (id, slug, title, publisher, url, published_on, published_precision, kind, synthetic)
            select id, slug, title, publisher, url, published_on, published_precision, kind, synthetic
            from jsonb_populate_recordset(null::sources, $1)
            "#,
                rows
            )
            .execute(conn)
            .await?
        }
        "facilities" => {
            sqlx::query!(
                r#"
            insert into facilities (id, name, kind, country, location, synthetic)
            select id, name, kind, country, location, synthetic
            from jsonb_populate_recordset(null::facilities, $1)
            "#,
                rows
            )
            .execute(conn)
            .await?
        }
        "waves" => {
            sqlx::query!(
                r#"
            insert into waves (id, slug, name, started_on, started_precision, ended_on, ended_precision, country,
                               mechanism, location, counterparty, traded, reported_released_count,
                               reported_count_qualifier, notes, text_lang, synthetic, publication)
            select id, slug, name, started_on, started_precision, ended_on, ended_precision, country,
                   mechanism, location, counterparty, traded, reported_released_count,
                   reported_count_qualifier, notes, text_lang, synthetic, 'published'
            from jsonb_populate_recordset(null::waves, $1)
            "#,
                rows
            )
            .execute(conn)
            .await?
        }
        "reported_figures" => {
            sqlx::query!(
                r#"
            insert into reported_figures (id, country, metric, value, qualifier, as_of, as_of_precision, notes,
                                          publication)
            select id, country, metric, value, qualifier, as_of, as_of_precision, notes, 'published'
            from jsonb_populate_recordset(null::reported_figures, $1)
            "#,
                rows
            )
            .execute(conn)
            .await?
        }
        "people" => {
            sqlx::query!(
                r#"
            insert into people (id, public_id, slug, sex, born_on, born_precision, occupation, region, biography,
                                text_lang, synthetic, publication, naming_basis, last_checked)
            select id, public_id, slug, sex, born_on, born_precision, occupation, region, biography,
                   text_lang, synthetic, 'published', 'public_sources', last_checked
            from jsonb_populate_recordset(null::people, $1)
            "#,
                rows
            )
            .execute(conn)
            .await?
        }
        "person_names" => {
            sqlx::query!(
                r#"
            insert into person_names (id, person_id, name, lang, script, kind, search_key)
            select id, person_id, name, lang, script, kind, search_key
            from jsonb_populate_recordset(null::person_names, $1)
            "#,
                rows
            )
            .execute(conn)
            .await?
        }
        "person_texts" => {
            sqlx::query!(
                r#"
            insert into person_texts (person_id, lang, occupation, region, biography)
            select person_id, lang, occupation, region, biography
            from jsonb_populate_recordset(null::person_texts, $1)
            "#,
                rows
            )
            .execute(conn)
            .await?
        }
        "event_texts" => {
            sqlx::query!(
                r#"
            insert into event_texts (event_id, lang, description)
            select event_id, lang, description
            from jsonb_populate_recordset(null::event_texts, $1)
            "#,
                rows
            )
            .execute(conn)
            .await?
        }
        "wave_texts" => {
            sqlx::query!(
                r#"
            insert into wave_texts (wave_id, lang, name, notes)
            select wave_id, lang, name, notes
            from jsonb_populate_recordset(null::wave_texts, $1)
            "#,
                rows
            )
            .execute(conn)
            .await?
        }
        "person_citizenships" => {
            sqlx::query!(
                r#"
            insert into person_citizenships (person_id, country)
            select person_id, country
            from jsonb_populate_recordset(null::person_citizenships, $1)
            "#,
                rows
            )
            .execute(conn)
            .await?
        }
        "detentions" => {
            sqlx::query!(
                r#"
            insert into detentions (id, person_id, country, started_on, started_precision, ended_on,
                                    ended_precision, facility_id, trial_stage, sentenced_on, sentenced_precision,
                                    sentence_kind, sentence_months, release_mechanism, wave_id, notes)
            select id, person_id, country, started_on, started_precision, ended_on,
                   ended_precision, facility_id, trial_stage, sentenced_on, sentenced_precision,
                   sentence_kind, sentence_months, release_mechanism, wave_id, notes
            from jsonb_populate_recordset(null::detentions, $1)
            "#,
                rows
            )
            .execute(conn)
            .await?
        }
        "detention_charges" => {
            sqlx::query!(
                r#"
            insert into detention_charges (id, detention_id, article, part, description)
            select id, detention_id, article, part, description
            from jsonb_populate_recordset(null::detention_charges, $1)
            "#,
                rows
            )
            .execute(conn)
            .await?
        }
        "events" => {
            sqlx::query!(
                r#"
            insert into events (id, person_id, detention_id, kind, occurred_on, occurred_precision, description,
                                text_lang)
            select id, person_id, detention_id, kind, occurred_on, occurred_precision, description, text_lang
            from jsonb_populate_recordset(null::events, $1)
            "#,
                rows
            )
            .execute(conn)
            .await?
        }
        "recognitions" => {
            sqlx::query!(
                r#"
            insert into recognitions (id, person_id, organisation, recognised_on, recognised_precision, url)
            select id, person_id, organisation, recognised_on, recognised_precision, url
            from jsonb_populate_recordset(null::recognitions, $1)
            "#,
                rows
            )
            .execute(conn)
            .await?
        }
        "citations" => {
            sqlx::query!(
                r#"
            insert into citations (id, source_id, person_id, detention_id, event_id, wave_id, recognition_id,
                                   figure_id)
            select id, source_id, person_id, detention_id, event_id, wave_id, recognition_id, figure_id
            from jsonb_populate_recordset(null::citations, $1)
            "#,
                rows
            )
            .execute(conn)
            .await?
        }
        other => return Err(sqlx::Error::Protocol(format!("the dataset has no table {other} to import"))),
    };
    Ok(done.rows_affected())
}

/// Moves each id sequence past the ids an import kept, so that records added later get new ones.
pub async fn reset_id_sequences(tx: &mut Transaction<'_, Postgres>) -> sqlx::Result<()> {
    sqlx::query!(
        r#"
        select setval(pg_get_serial_sequence(t.name, 'id'), coalesce(t.top, 0) + 1, false)
        from (values
            ('sources', (select max(id) from sources)),
            ('facilities', (select max(id) from facilities)),
            ('waves', (select max(id) from waves)),
            ('reported_figures', (select max(id) from reported_figures)),
            ('people', (select max(id) from people)),
            ('person_names', (select max(id) from person_names)),
            ('detentions', (select max(id) from detentions)),
            ('detention_charges', (select max(id) from detention_charges)),
            ('events', (select max(id) from events)),
            ('recognitions', (select max(id) from recognitions)),
            ('citations', (select max(id) from citations))
        ) as t(name, top)
        "#
    )
    .fetch_all(&mut **tx)
    .await?;
    Ok(())
}

/// The ids of the people and waves a transaction wrote, for their revisions.
pub async fn people_and_wave_ids(conn: &mut PgConnection) -> sqlx::Result<(Vec<i64>, Vec<i64>)> {
    let people = sqlx::query_scalar!("select id from people order by id").fetch_all(&mut *conn).await?;
    let waves = sqlx::query_scalar!("select id from waves order by id").fetch_all(&mut *conn).await?;
    Ok((people, waves))
}
