//! What the Atom feeds and the sitemap list: releases and waves, the public changes to one
//! person, and the addresses of every published record. Published records only.

use sqlx::PgConnection;
use time::OffsetDateTime;

use crate::domain::{CountQualifier, PartialDate, Precision, ReleaseMechanism};

/// A release for the releases feed: one person's custody ending, or a whole wave.
#[derive(Debug, Clone)]
pub struct Release {
    /// `person` or `wave`: which page the entry links to.
    pub kind: String,
    pub slug: String,
    pub name: String,
    pub on: Option<PartialDate>,
    pub mechanism: Option<ReleaseMechanism>,
    /// The wave a person was released in.
    pub wave_name: Option<String>,
    pub reported: Option<i32>,
    pub qualifier: Option<CountQualifier>,
    pub updated_at: OffsetDateTime,
}

/// The latest releases of published people and the latest published waves, newest first.
/// The latest releases of people and waves, people named as they are in `lang`.
pub async fn releases(conn: &mut PgConnection, limit: i64, lang: crate::i18n::Lang) -> sqlx::Result<Vec<Release>> {
    let rows = sqlx::query!(
        r#"
        select kind as "kind!", slug as "slug!", name as "name!", on_date, on_precision as "on_precision: Precision",
               mechanism as "mechanism: ReleaseMechanism", wave_name, reported,
               qualifier as "qualifier: CountQualifier", updated_at as "updated_at!"
        from (
            (select 'person' as kind, p.slug, coalesce(person_display_name(p.id, $2), p.slug) as name,
                    d.ended_on as on_date, d.ended_precision as on_precision, d.release_mechanism as mechanism,
                    w.name as wave_name, null::integer as reported, null::count_qualifier as qualifier,
                    greatest(d.updated_at, p.updated_at) as updated_at
             from detentions d
             join people p on p.id = d.person_id and p.public
             left join waves w on w.id = d.wave_id and w.publication = 'published'
             where d.ended_on is not null and d.release_mechanism is distinct from 'death_in_custody'
             order by d.ended_on desc, d.id desc
             limit $1)
            union all
            (select 'wave', w.slug, w.name, w.started_on, w.started_precision, w.mechanism, null,
                    w.reported_released_count, w.reported_count_qualifier, w.updated_at
             from waves w
             where w.publication = 'published'
             order by w.started_on desc, w.id desc
             limit $1)
        ) r
        order by on_date desc nulls last, kind desc, slug
        limit $1
        "#,
        limit,
        lang.code()
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Release {
            kind: r.kind,
            slug: r.slug,
            name: r.name,
            on: PartialDate::from_columns(r.on_date, r.on_precision),
            mechanism: r.mechanism,
            wave_name: r.wave_name,
            reported: r.reported,
            qualifier: r.qualifier,
            updated_at: r.updated_at,
        })
        .collect())
}

/// A saved change as the public feed of a person shows it: never who made it, nothing from
/// before they were published.
#[derive(Debug, Clone)]
pub struct Change {
    /// Counts this person's public changes from 1: stable, and silent about other records.
    pub number: i64,
    pub at: OffsetDateTime,
    pub record: String,
    pub action: String,
    pub changed: Vec<String>,
}

/// A published person with their latest public changes.
#[derive(Debug, Clone)]
pub struct PersonFeed {
    pub slug: String,
    pub name: String,
    pub updated_at: OffsetDateTime,
    pub changes: Vec<Change>,
}

pub async fn person(
    conn: &mut PgConnection,
    slug: &str,
    limit: i64,
    lang: crate::i18n::Lang,
) -> sqlx::Result<Option<PersonFeed>> {
    let Some(person) = sqlx::query!(
        r#"
        select id, slug, coalesce(person_display_name(id, $2), slug) as "name!", updated_at
        from people where slug = $1 and public
        "#,
        slug,
        lang.code()
    )
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let changes = sqlx::query_as!(
        Change,
        r#"
        select number as "number!", at as "at!", record_type as "record!", action as "action!",
            changed as "changed!"
        from person_public_revisions($1)
        order by number desc
        limit $2
        "#,
        person.id,
        limit
    )
    .fetch_all(conn)
    .await?;
    Ok(Some(PersonFeed { slug: person.slug, name: person.name, updated_at: person.updated_at, changes }))
}

/// When each of these published people last changed.
pub async fn updated_at(conn: &mut PgConnection, slugs: &[String]) -> sqlx::Result<Vec<(String, OffsetDateTime)>> {
    let rows = sqlx::query!("select slug, updated_at from people where slug = any($1) and public", slugs)
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(|r| (r.slug, r.updated_at)).collect())
}

/// The most addresses one sitemap file may list (the sitemaps.org limit).
pub const SITEMAP_SIZE: i64 = 50_000;

/// The most records one sitemap file may list: each record's page is listed in every language
/// of the site (one `<url>` each), and every `<url>` counts towards [`SITEMAP_SIZE`].
pub const RECORDS_PER_SITEMAP: i64 = SITEMAP_SIZE / crate::i18n::Lang::ALL.len() as i64;

/// How many published people there are, for the sitemap index.
pub async fn published_people(conn: &mut PgConnection) -> sqlx::Result<i64> {
    sqlx::query_scalar!(r#"select count(*) as "n!" from people where public"#).fetch_one(conn).await
}

/// How many published waves there are, for the sitemap index.
pub async fn published_waves(conn: &mut PgConnection) -> sqlx::Result<i64> {
    sqlx::query_scalar!(r#"select count(*) as "n!" from waves where publication = 'published'"#).fetch_one(conn).await
}

/// The `part`-th slice of published people's addresses, in id order.
pub async fn people_addresses(conn: &mut PgConnection, part: i64) -> sqlx::Result<Vec<(String, OffsetDateTime)>> {
    let rows = sqlx::query!(
        r#"
        select slug, updated_at from people where public
        order by id offset $1 limit $2
        "#,
        part * RECORDS_PER_SITEMAP,
        RECORDS_PER_SITEMAP
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.slug, r.updated_at)).collect())
}

/// The `part`-th slice of published waves' addresses, in date order.
pub async fn wave_addresses(conn: &mut PgConnection, part: i64) -> sqlx::Result<Vec<(String, OffsetDateTime)>> {
    let rows = sqlx::query!(
        r#"
        select slug, updated_at from waves where publication = 'published'
        order by started_on, id offset $1 limit $2
        "#,
        part * RECORDS_PER_SITEMAP,
        RECORDS_PER_SITEMAP
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.slug, r.updated_at)).collect())
}
