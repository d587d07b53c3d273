//! Headline numbers for the home page.

use sqlx::PgConnection;

use super::people::Source;
use crate::domain::{CountQualifier, FigureMetric, PartialDate};

/// Counts of documented, published records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadlineCounts {
    pub people: i64,
    pub held: i64,
    pub released: i64,
    pub waves: i64,
    /// What the counts are "as of": the newest publication date of the sources cited for the
    /// published people, their detentions and events (what their statuses rest on).
    pub as_of: Option<PartialDate>,
}

pub async fn headline_counts(conn: &mut PgConnection) -> sqlx::Result<HeadlineCounts> {
    let row = sqlx::query!(
        r#"
        select count(*) as "people!",
               count(*) filter (where status in ('awaiting_trial', 'serving_sentence', 'in_custody')) as "held!",
               count(*) filter (where status = 'released') as "released!",
               (select count(*) from waves where publication = 'published') as "waves!"
        from people
        where publication = 'published'
        "#
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(HeadlineCounts {
        people: row.people,
        held: row.held,
        released: row.released,
        waves: row.waves,
        as_of: newest_source(conn, None).await?,
    })
}

/// What the published facts are "as of": the newest publication date of the sources cited for
/// the published people, their detentions and events (what their statuses rest on); with
/// `country`, only for people detained in that country. Never a date of ours (an import, an
/// edit): a status is as old as its newest source.
pub async fn newest_source(conn: &mut PgConnection, country: Option<&str>) -> sqlx::Result<Option<PartialDate>> {
    let newest = sqlx::query_scalar!(
        r#"
        select partial_date_iso(s.published_on, s.published_precision)
        from sources s
        where s.published_on is not null
          and exists (
              select from citations c
              left join detentions d on d.id = c.detention_id
              left join events e on e.id = c.event_id
              join people cp on cp.id = coalesce(c.person_id, d.person_id, e.person_id)
              where c.source_id = s.id and cp.publication = 'published'
                and ($1::text is null
                     or exists (select from detentions dc where dc.person_id = cp.id and dc.country = $1)))
        order by s.published_on desc, s.published_precision desc
        limit 1
        "#,
        country,
    )
    .fetch_optional(conn)
    .await?;
    Ok(super::parse_date(newest.flatten()))
}

/// A country-level number as published by others, with its sources.
#[derive(Debug, Clone)]
pub struct ReportedFigure {
    pub country: String,
    pub country_name: String,
    pub metric: FigureMetric,
    pub value: i32,
    pub qualifier: CountQualifier,
    pub as_of: PartialDate,
    pub notes: Option<String>,
    pub sources: Vec<Source>,
}

/// The latest published figure for each country and metric.
pub async fn latest_figures(conn: &mut PgConnection) -> sqlx::Result<Vec<ReportedFigure>> {
    let rows = sqlx::query!(
        r#"
        select distinct on (f.country, f.metric)
               f.country, c.name as country_name, f.metric as "metric: FigureMetric", f.value,
               f.qualifier as "qualifier: CountQualifier",
               partial_date_iso(f.as_of, f.as_of_precision) as "as_of!",
               f.notes,
               (select coalesce(json_agg(source_json(s) order by s.id), '[]')
                from sources s
                where s.id in (select ci.source_id from citations ci where ci.figure_id = f.id))
                   as "sources!: sqlx::types::Json<Vec<Source>>"
        from reported_figures f join countries c on c.code = f.country
        where f.publication = 'published'
        order by f.country, f.metric, f.as_of desc
        "#
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(ReportedFigure {
                country: r.country,
                country_name: r.country_name,
                metric: r.metric,
                value: r.value,
                qualifier: r.qualifier,
                as_of: r.as_of.parse().ok()?,
                notes: r.notes,
                sources: r.sources.0,
            })
        })
        .collect())
}
