//! The aggregates behind `/charts`. Published people and waves only; every query takes the
//! chart filter (country, first day, last day). Results are cached by the web layer until the
//! data changes (`db::changes`), so these read whole tables without shame.

use sqlx::PgConnection;
use time::Date;

use crate::domain::chart_filter::ChartFilter;
use crate::domain::counts::{CitizenshipCount, Flows, HeldChanges, MechanismCount, MonthFlow};
use crate::domain::{Country, ReleaseMechanism, WaveSummary};

/// Published waves whose period overlaps the filter, oldest first.
pub async fn waves(conn: &mut PgConnection, filter: &ChartFilter) -> sqlx::Result<Vec<WaveSummary>> {
    let mut waves = super::waves::list_published(conn, filter, i64::MAX).await?;
    waves.reverse();
    Ok(waves)
}

/// Arrests (detentions begun) and releases (detentions ended by a release, not by death) per
/// month within `from`..=`to` (first days of months).
pub async fn flows(conn: &mut PgConnection, country: Option<&str>, from: Date, to: Date) -> sqlx::Result<Flows> {
    let rows = sqlx::query!(
        r#"
        with d as (
            select d.started_on, d.started_precision, d.ended_on, d.ended_precision
            from detentions d join people p on p.id = d.person_id
            where p.publication = 'published' and ($1::text is null or d.country = $1)
        ), ended as (
            select ended_on, ended_precision from detentions d join people p on p.id = d.person_id
            where p.publication = 'published' and ($1::text is null or d.country = $1)
              and d.release_mechanism <> 'death_in_custody'
        )
        select 'arrests' as "kind!",
               case when started_precision in ('day', 'month') then date_trunc('month', started_on)::date end as month,
               count(*) as "n!"
        from d
        where started_on <= partial_date_last_day($3, 'month')
          and partial_date_last_day(started_on, started_precision) >= $2
        group by 2
        union all
        select 'releases',
               case when ended_precision in ('day', 'month') then date_trunc('month', ended_on)::date end,
               count(*)
        from ended
        where ended_on <= partial_date_last_day($3, 'month')
          and partial_date_last_day(ended_on, ended_precision) >= $2
        group by 2
        "#,
        country,
        from,
        to,
    )
    .fetch_all(conn)
    .await?;
    let mut flows = Flows::default();
    let mut months = std::collections::BTreeMap::<Date, MonthFlow>::new();
    for r in rows {
        let arrests = r.kind == "arrests";
        match r.month {
            Some(month) => {
                let entry = months.entry(month).or_insert(MonthFlow { month, arrests: 0, releases: 0 });
                if arrests { entry.arrests += r.n } else { entry.releases += r.n }
            }
            None if arrests => flows.unplaced_arrests += r.n,
            None => flows.unplaced_releases += r.n,
        }
    }
    flows.months = months.into_values().collect();
    Ok(flows)
}

/// Monthly changes in the number held, over all time (the count in any month depends on every
/// detention begun before it). A detention is placed when its start is known and it is either
/// still going on or its end is known; a date known to a season or year counts from the start
/// of that period.
pub async fn held_changes(conn: &mut PgConnection, country: Option<&str>) -> sqlx::Result<HeldChanges> {
    let rows = sqlx::query!(
        r#"
        with d as (
            select d.started_on, d.ended_on,
                   d.started_on is not null and (d.ended_on is not null or d.release_mechanism is null) as placed
            from detentions d join people p on p.id = d.person_id
            where p.publication = 'published' and ($1::text is null or d.country = $1)
        )
        select month, sum(delta)::bigint as "delta!"
        from (
            select date_trunc('month', started_on)::date as month, 1 as delta from d where placed
            union all
            select date_trunc('month', ended_on)::date, -1 from d where placed and ended_on is not null
            union all
            select null, 1 from d where not placed
        ) changes
        group by month
        order by month nulls last
        "#,
        country,
    )
    .fetch_all(conn)
    .await?;
    let mut held = HeldChanges::default();
    for r in rows {
        match r.month {
            Some(month) => held.deltas.push((month, r.delta)),
            None => held.unplaced = r.delta,
        }
    }
    Ok(held)
}

/// Documented releases by mechanism (deaths in custody excluded) whose end date overlaps the
/// filter; a release with an unknown date counts only when the filter sets no dates.
pub async fn releases_by_mechanism(conn: &mut PgConnection, filter: &ChartFilter) -> sqlx::Result<Vec<MechanismCount>> {
    let rows = sqlx::query!(
        r#"
        select d.release_mechanism as "mechanism!: ReleaseMechanism", count(*) as "n!"
        from detentions d join people p on p.id = d.person_id
        where p.publication = 'published' and d.release_mechanism is not null
          and d.release_mechanism <> 'death_in_custody'
          and ($1::text is null or d.country = $1)
          and ($2::date is null or partial_date_last_day(d.ended_on, d.ended_precision) >= $2)
          and ($3::date is null or d.ended_on <= $3)
        group by 1
        order by 2 desc, 1
        "#,
        filter.country,
        filter.from_day(),
        filter.to_day(),
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| MechanismCount { mechanism: r.mechanism, documented: r.n }).collect())
}

/// People released (as in [`releases_by_mechanism`]) by citizenship; a person with two
/// citizenships counts under each.
pub async fn releases_by_citizenship(
    conn: &mut PgConnection,
    filter: &ChartFilter,
) -> sqlx::Result<Vec<CitizenshipCount>> {
    let rows = sqlx::query!(
        r#"
        select c.code as "code?", c.name as "name?", count(distinct p.id) as "n!"
        from detentions d
        join people p on p.id = d.person_id
        left join person_citizenships pc on pc.person_id = p.id
        left join countries c on c.code = pc.country
        where p.publication = 'published' and d.release_mechanism is not null
          and d.release_mechanism <> 'death_in_custody'
          and ($1::text is null or d.country = $1)
          and ($2::date is null or partial_date_last_day(d.ended_on, d.ended_precision) >= $2)
          and ($3::date is null or d.ended_on <= $3)
        group by c.code, c.name
        order by 3 desc, c.name nulls last
        "#,
        filter.country,
        filter.from_day(),
        filter.to_day(),
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| CitizenshipCount {
            country: r.code.zip(r.name).map(|(code, name)| Country { code, name }),
            released: r.n,
        })
        .collect())
}

/// The first day any published detention or wave is dated: where time charts start by default.
pub async fn first_date(conn: &mut PgConnection, country: Option<&str>) -> sqlx::Result<Option<Date>> {
    sqlx::query_scalar!(
        r#"
        select least(
            (select min(d.started_on) from detentions d join people p on p.id = d.person_id
             where p.publication = 'published' and ($1::text is null or d.country = $1)),
            (select min(w.started_on) from waves w
             where w.publication = 'published' and ($1::text is null or w.country = $1)))
        "#,
        country,
    )
    .fetch_one(conn)
    .await
}

/// Countries that have published detentions or waves: the choices of the country filter.
/// The few countries that hold anyone are found by skipping through the country index (a
/// plain `exists` per country made the planner scan every person for each of 250 countries).
pub async fn countries(conn: &mut PgConnection) -> sqlx::Result<Vec<Country>> {
    sqlx::query_as!(
        Country,
        r#"
        with recursive held(country) as (
            (select country from detentions order by country limit 1)
            union all
            select (select d.country from detentions d where d.country > held.country order by d.country limit 1)
            from held where held.country is not null
        )
        select c.code, c.name from countries c
        where (c.code in (select country from held)
               and exists (select from detentions d where d.country = c.code
                           and exists (select from people p where p.id = d.person_id and p.publication = 'published')))
           or exists (select from waves w where w.country = c.code and w.publication = 'published')
        order by c.name
        "#
    )
    .fetch_all(conn)
    .await
}
