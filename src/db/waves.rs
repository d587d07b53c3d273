//! Reading release waves for the public pages. Only published records are ever returned.

use sqlx::PgConnection;
use sqlx::types::Json;
use time::OffsetDateTime;

use super::people::{PersonSummary, Source};
use super::texts::{self, Shown};
use crate::domain::chart_filter::ChartFilter;
use crate::domain::{CountQualifier, Country, ReleaseMechanism, WaveSummary};
use crate::i18n::Lang;

/// A translation of a wave's texts, as the profile query returns it.
#[derive(Debug, Clone, serde::Deserialize)]
struct TextRow {
    lang: String,
    name: Option<String>,
    notes: Option<String>,
}

/// A wave with everything its page shows.
#[derive(Debug, Clone)]
pub struct WaveProfile {
    pub summary: WaveSummary,
    pub location: Option<String>,
    pub counterparty: Option<String>,
    pub traded: Option<String>,
    pub notes: Option<String>,
    /// The language of the wave's own texts (`summary.name`, `notes`).
    pub text_lang: Lang,
    /// The name and notes to show on a page in one language (see [`texts::choose`]).
    pub shown_name: Shown,
    pub shown_notes: Option<Shown>,
    pub synthetic: bool,
    pub updated_at: OffsetDateTime,
    /// The people shown by name; `summary.documented` also counts the `not_named` ones.
    pub people: Vec<PersonSummary>,
    /// Published people documented in the wave whose identity is withheld: a number only.
    pub not_named: i64,
    pub sources: Vec<Source>,
    /// The published waves within this one's period, oldest first, when it is an aggregate
    /// (`WaveSummary::spans` counts them).
    pub spanned: Vec<WaveLink>,
}

/// Another wave, named and linked.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct WaveLink {
    pub slug: String,
    pub name: String,
}

/// Published waves whose period overlaps `filter` (country, dates), newest first.
pub async fn list_published(
    conn: &mut PgConnection,
    filter: &ChartFilter,
    limit: i64,
) -> sqlx::Result<Vec<WaveSummary>> {
    let rows = sqlx::query!(
        r#"
        select w.slug, w.name,
               partial_date_iso(w.started_on, w.started_precision) as "started!",
               partial_date_iso(w.ended_on, w.ended_precision) as ended,
               w.country, c.name as country_name,
               w.mechanism as "mechanism: ReleaseMechanism",
               w.reported_released_count,
               w.reported_count_qualifier as "reported_count_qualifier: CountQualifier",
               (select count(*) from detentions d join people p on p.id = d.person_id
                where d.wave_id = w.id and p.publication = 'published') as "documented!",
               (select count(*) from waves o
                where o.publication = 'published' and o.id <> w.id and o.country = w.country
                  and w.ended_on is not null and o.started_on >= w.started_on
                  and coalesce(partial_date_last_day(o.ended_on, o.ended_precision),
                               partial_date_last_day(o.started_on, o.started_precision))
                      <= partial_date_last_day(w.ended_on, w.ended_precision)) as "spans!"
        from waves w join countries c on c.code = w.country
        where w.publication = 'published'
          and ($1::text is null or w.country = $1)
          and ($2::date is null
               or coalesce(partial_date_last_day(w.ended_on, w.ended_precision),
                           partial_date_last_day(w.started_on, w.started_precision)) >= $2)
          and ($3::date is null or w.started_on <= $3)
        order by w.started_on desc, w.id desc
        limit $4
        "#,
        filter.country,
        filter.from_day(),
        filter.to_day(),
        limit
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(WaveSummary {
                slug: r.slug,
                name: r.name,
                started: r.started.parse().ok()?,
                ended: super::parse_date(r.ended),
                country: Country { code: r.country, name: r.country_name },
                mechanism: r.mechanism,
                reported_released_count: r.reported_released_count,
                reported_count_qualifier: r.reported_count_qualifier,
                documented: r.documented,
                spans: r.spans,
            })
        })
        .collect())
}

/// A published wave by its current slug, with its documented people and sources.
/// The people's names are the ones they go by in `lang`.
pub async fn find_published_profile(
    conn: &mut PgConnection,
    slug: &str,
    lang: Lang,
) -> sqlx::Result<Option<WaveProfile>> {
    let row = sqlx::query!(
        r#"
        select w.slug, w.name,
               partial_date_iso(w.started_on, w.started_precision) as "started!",
               partial_date_iso(w.ended_on, w.ended_precision) as ended,
               w.country, c.name as country_name,
               w.mechanism as "mechanism: ReleaseMechanism",
               w.reported_released_count,
               w.reported_count_qualifier as "reported_count_qualifier: CountQualifier",
               w.location, w.counterparty, w.traded, w.notes, w.synthetic, w.updated_at, w.text_lang,
               (select coalesce(json_agg(json_build_object('lang', t.lang, 'name', t.name, 'notes', t.notes)), '[]')
                from wave_texts t where t.wave_id = w.id) as "texts!: Json<Vec<TextRow>>",
               (select coalesce(json_agg(json_build_object(
                        'slug', p.slug,
                        'display_name', coalesce(person_display_name(p.id, $2), p.slug),
                        'status', p.status,
                        'sex', p.sex,
                        'status_since', partial_date_iso(p.status_since, p.status_since_precision))
                        order by person_display_name(p.id, $2)), '[]')
                from people p
                where p.public
                  and p.id in (select d.person_id from detentions d where d.wave_id = w.id))
                   as "people!: Json<Vec<PersonSummary>>",
               (select count(*) from people p
                where p.publication = 'published' and not p.public
                  and p.id in (select d.person_id from detentions d where d.wave_id = w.id)) as "not_named!",
               (select coalesce(json_agg(source_json(s) order by s.id), '[]')
                from sources s
                where s.id in (select ci.source_id from citations ci where ci.wave_id = w.id))
                   as "sources!: Json<Vec<Source>>",
               (select coalesce(json_agg(json_build_object('slug', o.slug, 'name', o.name)
                        order by o.started_on, o.id), '[]')
                from waves o
                where o.publication = 'published' and o.id <> w.id and o.country = w.country
                  and w.ended_on is not null and o.started_on >= w.started_on
                  and coalesce(partial_date_last_day(o.ended_on, o.ended_precision),
                               partial_date_last_day(o.started_on, o.started_precision))
                      <= partial_date_last_day(w.ended_on, w.ended_precision))
                   as "spanned!: Json<Vec<WaveLink>>"
        from waves w join countries c on c.code = w.country
        where w.slug = $1 and w.publication = 'published'
        "#,
        slug,
        lang.code()
    )
    .fetch_optional(conn)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let people = r.people.0;
    let Ok(started) = r.started.parse() else { return Ok(None) };
    let text_lang = Lang::from_code(&r.text_lang).unwrap_or_default();
    let pick = |original: Option<&str>, of: fn(&TextRow) -> Option<&str>| {
        texts::choose(lang, (text_lang, original), r.texts.0.iter().map(|t| (t.lang.as_str(), of(t))))
    };
    let shown_name = pick(Some(&r.name), |t| t.name.as_deref()).unwrap_or_else(|| Shown {
        text: r.name.clone(),
        lang: text_lang,
        foreign: text_lang != lang,
        only: true,
    });
    let shown_notes = pick(r.notes.as_deref(), |t| t.notes.as_deref());
    Ok(Some(WaveProfile {
        summary: WaveSummary {
            slug: r.slug,
            name: r.name,
            started,
            ended: super::parse_date(r.ended),
            country: Country { code: r.country, name: r.country_name },
            mechanism: r.mechanism,
            reported_released_count: r.reported_released_count,
            reported_count_qualifier: r.reported_count_qualifier,
            documented: people.len() as i64 + r.not_named,
            spans: r.spanned.0.len() as i64,
        },
        location: r.location,
        counterparty: r.counterparty,
        traded: r.traded,
        notes: r.notes,
        text_lang,
        shown_name,
        shown_notes,
        synthetic: r.synthetic,
        updated_at: r.updated_at,
        people,
        not_named: r.not_named,
        sources: r.sources.0,
        spanned: r.spanned.0,
    }))
}

/// The current slug of the published wave that once had `old_slug`.
pub async fn find_redirect(conn: &mut PgConnection, old_slug: &str) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar!(
        r#"
        select w.slug
        from wave_slug_redirects r
        join waves w on w.id = r.wave_id
        where r.slug = $1 and w.publication = 'published'
        "#,
        old_slug
    )
    .fetch_optional(conn)
    .await
}
