//! Reading people for the public pages. Only published records are ever returned.

use serde::Deserialize;
use sqlx::PgConnection;
use sqlx::types::Json;
use time::OffsetDateTime;
use uuid::Uuid;

use super::texts::{self, Shown};
use crate::domain::{
    Country, EventKind, FacilityKind, NameKind, PartialDate, PersonStatus, ReleaseMechanism, SentenceKind, Sex,
    SourceKind, TrialStage,
};
use crate::i18n::Lang;

#[derive(Debug, Clone, Deserialize)]
pub struct PersonName {
    pub name: String,
    pub lang: Option<String>,
    pub script: String,
    pub kind: NameKind,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Facility {
    pub name: String,
    pub kind: FacilityKind,
    pub location: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct WaveRef {
    pub slug: String,
    /// In the page's language when the wave has it there, else its original.
    pub name: String,
    /// The language `name` is in.
    pub lang: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Charge {
    pub article: Option<String>,
    pub part: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Detention {
    pub country: Country,
    pub started: Option<PartialDate>,
    pub ended: Option<PartialDate>,
    pub facility: Option<Facility>,
    pub trial_stage: Option<TrialStage>,
    pub sentenced: Option<PartialDate>,
    pub sentence_kind: Option<SentenceKind>,
    pub sentence_months: Option<i32>,
    pub release_mechanism: Option<ReleaseMechanism>,
    pub wave: Option<WaveRef>,
    pub notes: Option<String>,
    pub charges: Vec<Charge>,
    pub source_ids: Vec<i64>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Event {
    pub kind: EventKind,
    pub occurred: PartialDate,
    /// As recorded, in `text_lang`.
    pub description: String,
    pub text_lang: String,
    /// Its translations, as the query returns them.
    texts: Vec<EventText>,
    /// The description the page shows (set once read, see [`texts::choose`]).
    #[serde(skip)]
    pub shown: Option<Shown>,
    pub source_ids: Vec<i64>,
}

#[derive(Debug, Clone, Deserialize)]
struct EventText {
    lang: String,
    description: String,
}

impl Event {
    fn choose(&mut self, want: Lang) {
        let original = (Lang::from_code(&self.text_lang).unwrap_or_default(), Some(self.description.as_str()));
        let translations = self.texts.iter().map(|t| (t.lang.as_str(), Some(t.description.as_str())));
        self.shown = texts::choose(want, original, translations);
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Recognition {
    pub organisation: String,
    pub recognised: Option<PartialDate>,
    pub url: Option<String>,
    pub source_ids: Vec<i64>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Source {
    pub id: i64,
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub published: Option<PartialDate>,
    pub kind: SourceKind,
}

/// Everything the public page of a person shows, read in one statement.
#[derive(Debug, Clone)]
pub struct PersonProfile {
    pub public_id: Uuid,
    pub slug: String,
    pub display_name: String,
    pub sex: Option<Sex>,
    pub born: Option<PartialDate>,
    /// The record's own texts, in `text_lang`.
    pub occupation: Option<String>,
    pub region: Option<String>,
    pub biography: Option<String>,
    pub text_lang: Lang,
    /// The texts to show on the page: in its language, else in another (see [`texts::choose`]).
    pub shown: ShownTexts,
    pub status: PersonStatus,
    pub status_since: Option<PartialDate>,
    pub synthetic: bool,
    pub updated_at: OffsetDateTime,
    /// The day an editor last checked the facts against the sources.
    pub last_checked: Option<time::Date>,
    pub names: Vec<PersonName>,
    pub citizenships: Vec<Country>,
    pub detentions: Vec<Detention>,
    pub events: Vec<Event>,
    pub recognitions: Vec<Recognition>,
    /// Every source cited by the person or by any of their facts, in citation order.
    pub sources: Vec<Source>,
    /// Sources cited for the person as a whole.
    pub source_ids: Vec<i64>,
    /// The latest changes made through the admin forms, newest first.
    pub changes: Vec<PublicChange>,
    pub photo: Option<ProfilePhoto>,
}

/// A person's texts as a page in one language shows them.
#[derive(Debug, Clone, Default)]
pub struct ShownTexts {
    pub occupation: Option<Shown>,
    pub region: Option<Shown>,
    pub biography: Option<Shown>,
}

/// A translation of a person's texts, as the profile query returns it.
#[derive(Debug, Clone, Deserialize)]
struct TextRow {
    lang: String,
    occupation: Option<String>,
    region: Option<String>,
    biography: Option<String>,
}

impl ShownTexts {
    fn choose(want: Lang, original_lang: Lang, original: [Option<&str>; 3], rows: &[TextRow]) -> Self {
        let pick = |i: usize, of: fn(&TextRow) -> Option<&str>| {
            texts::choose(want, (original_lang, original[i]), rows.iter().map(|r| (r.lang.as_str(), of(r))))
        };
        ShownTexts {
            occupation: pick(0, |r| r.occupation.as_deref()),
            region: pick(1, |r| r.region.as_deref()),
            biography: pick(2, |r| r.biography.as_deref()),
        }
    }
}

/// A person's photo as their page shows it.
#[derive(Debug, Clone, Deserialize)]
pub struct ProfilePhoto {
    pub id: i64,
    pub sha256: String,
    pub width: i32,
    pub height: i32,
    pub alt_text: String,
    pub credit: Option<String>,
}

impl ProfilePhoto {
    /// Its address: a new image gets a new one, so the file may be cached for good.
    pub fn path(&self) -> String {
        format!("/photos/{}-{}.jpg", self.id, &self.sha256[..16])
    }
}

/// A change to a record as the public change log shows it: when, what kind, which fields;
/// never who.
#[derive(Debug, Clone, Deserialize)]
pub struct PublicChange {
    /// The day in UTC, `2025-02-12`.
    pub day: String,
    /// `person` or `detention`.
    pub record: String,
    pub action: String,
    pub changed: Vec<String>,
}

/// A published person by their current slug, with the name they go by in `lang` (its script)
/// first: the one to show on a page in that language.
pub async fn find_published_profile(
    conn: &mut PgConnection,
    slug: &str,
    lang: Lang,
) -> sqlx::Result<Option<PersonProfile>> {
    let row = sqlx::query!(
        r#"
        select
            p.public_id, p.slug, p.sex as "sex: Sex",
            partial_date_iso(p.born_on, p.born_precision) as born,
            p.occupation, p.region, p.biography, p.text_lang,
            -- Every translation (at most three rows, read by the primary key); the page picks.
            (select coalesce(json_agg(json_build_object(
                        'lang', t.lang, 'occupation', t.occupation, 'region', t.region, 'biography', t.biography)), '[]')
             from person_texts t where t.person_id = p.id) as "texts!: Json<Vec<TextRow>>",
            p.status as "status: PersonStatus",
            partial_date_iso(p.status_since, p.status_since_precision) as status_since,
            p.synthetic, p.updated_at, p.last_checked,
            coalesce(person_display_name(p.id, $2), p.slug) as "display_name!",
            (select coalesce(json_agg(json_build_object(
                        'name', n.name, 'lang', n.lang, 'script', n.script, 'kind', n.kind)
                        order by coalesce(n.lang = $2, false) desc, n.kind, n.lang nulls last, n.id), '[]')
             from person_names n where n.person_id = p.id) as "names!: Json<Vec<PersonName>>",
            (select coalesce(json_agg(json_build_object('code', c.code, 'name', c.name) order by c.name), '[]')
             from person_citizenships pc join countries c on c.code = pc.country
             where pc.person_id = p.id) as "citizenships!: Json<Vec<Country>>",
            (select coalesce(json_agg(json_build_object(
                        'country', json_build_object('code', dc.code, 'name', dc.name),
                        'started', partial_date_iso(d.started_on, d.started_precision),
                        'ended', partial_date_iso(d.ended_on, d.ended_precision),
                        'facility', case when f.id is not null then json_build_object(
                            'name', f.name, 'kind', f.kind, 'location', f.location) end,
                        'trial_stage', d.trial_stage,
                        'sentenced', partial_date_iso(d.sentenced_on, d.sentenced_precision),
                        'sentence_kind', d.sentence_kind,
                        'sentence_months', d.sentence_months,
                        'release_mechanism', d.release_mechanism,
                        'wave', case when w.id is not null then json_build_object(
                            'slug', w.slug, 'name', coalesce(wt.name, w.name),
                            'lang', case when wt.name is not null then $2 else w.text_lang end) end,
                        'notes', d.notes,
                        'charges', (select coalesce(json_agg(json_build_object(
                                        'article', ch.article, 'part', ch.part, 'description', ch.description)
                                        order by ch.id), '[]')
                                    from detention_charges ch where ch.detention_id = d.id),
                        'source_ids', (select coalesce(json_agg(c.source_id order by c.source_id), '[]')
                                       from citations c where c.detention_id = d.id))
                        order by d.started_on nulls first, d.ended_on nulls last, d.id), '[]')
             from detentions d
             join countries dc on dc.code = d.country
             left join facilities f on f.id = d.facility_id
             left join waves w on w.id = d.wave_id and w.publication = 'published'
             left join wave_texts wt on wt.wave_id = w.id and wt.lang = $2 and w.text_lang <> $2
             where d.person_id = p.id) as "detentions!: Json<Vec<Detention>>",
            (select coalesce(json_agg(json_build_object(
                        'kind', e.kind,
                        'occurred', partial_date_iso(e.occurred_on, e.occurred_precision),
                        'description', e.description, 'text_lang', e.text_lang,
                        'texts', (select coalesce(json_agg(json_build_object('lang', t.lang, 'description', t.description)), '[]')
                                  from event_texts t where t.event_id = e.id),
                        'source_ids', (select coalesce(json_agg(c.source_id order by c.source_id), '[]')
                                       from citations c where c.event_id = e.id))
                        order by e.occurred_on, e.occurred_precision, e.id), '[]')
             from events e where e.person_id = p.id) as "events!: Json<Vec<Event>>",
            (select coalesce(json_agg(json_build_object(
                        'organisation', r.organisation,
                        'recognised', partial_date_iso(r.recognised_on, r.recognised_precision),
                        'url', r.url,
                        'source_ids', (select coalesce(json_agg(c.source_id order by c.source_id), '[]')
                                       from citations c where c.recognition_id = r.id))
                        order by r.recognised_on nulls last, r.id), '[]')
             from recognitions r where r.person_id = p.id) as "recognitions!: Json<Vec<Recognition>>",
            (select coalesce(json_agg(source_json(s) order by s.id), '[]')
             from sources s
             where s.id in (
                 -- One index lookup per kind of fact (an OR across the columns would scan).
                 select c.source_id from citations c where c.person_id = p.id
                 union select c.source_id from detentions d join citations c on c.detention_id = d.id
                   where d.person_id = p.id
                 union select c.source_id from events e join citations c on c.event_id = e.id
                   where e.person_id = p.id
                 union select c.source_id from recognitions r join citations c on c.recognition_id = r.id
                   where r.person_id = p.id
             )) as "sources!: Json<Vec<Source>>",
            array(select c.source_id from citations c where c.person_id = p.id order by c.source_id)
                as "source_ids!",
            (select coalesce(json_agg(json_build_object(
                        'day', to_char(r.at at time zone 'UTC', 'YYYY-MM-DD'), 'record', r.record_type,
                        'action', r.action, 'changed', r.changed)
                        order by r.number desc), '[]')
             from (select * from person_public_revisions(p.id) r
                   order by r.number desc limit 20) r) as "changes!: Json<Vec<PublicChange>>",
            (select json_build_object('id', ph.id, 'sha256', ph.sha256, 'width', ph.width, 'height', ph.height,
                                      'alt_text', ph.alt_text, 'credit', ph.credit)
             from photos ph where ph.person_id = p.id) as "photo: Json<ProfilePhoto>"
        from people p
        where p.slug = $1 and p.public
        "#,
        slug,
        lang.code()
    )
    .fetch_optional(conn)
    .await?;

    Ok(row.map(|row| {
        let text_lang = Lang::from_code(&row.text_lang).unwrap_or_default();
        let original = [row.occupation.as_deref(), row.region.as_deref(), row.biography.as_deref()];
        let shown = ShownTexts::choose(lang, text_lang, original, &row.texts.0);
        let mut events = row.events.0;
        for event in &mut events {
            event.choose(lang);
        }
        PersonProfile {
            public_id: row.public_id,
            slug: row.slug,
            display_name: row.display_name,
            sex: row.sex,
            born: super::parse_date(row.born),
            occupation: row.occupation,
            region: row.region,
            biography: row.biography,
            text_lang,
            shown,
            status: row.status,
            status_since: super::parse_date(row.status_since),
            synthetic: row.synthetic,
            updated_at: row.updated_at,
            last_checked: row.last_checked,
            names: row.names.0,
            citizenships: row.citizenships.0,
            detentions: row.detentions.0,
            events,
            recognitions: row.recognitions.0,
            sources: row.sources.0,
            source_ids: row.source_ids,
            changes: row.changes.0,
            photo: row.photo.map(|photo| photo.0),
        }
    }))
}

/// The current slug of the published person who once had `old_slug`.
pub async fn find_redirect(conn: &mut PgConnection, old_slug: &str) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar!(
        r#"
        select p.slug
        from person_slug_redirects r
        join people p on p.id = r.person_id
        where r.slug = $1 and p.public
        "#,
        old_slug
    )
    .fetch_optional(conn)
    .await
}

/// A person in a list: name, status and the date it holds from.
#[derive(Debug, Clone, Deserialize)]
pub struct PersonSummary {
    pub slug: String,
    pub display_name: String,
    pub status: PersonStatus,
    /// For the words of the status, which agree with it in Belarusian and Russian.
    #[serde(default)]
    pub sex: Option<Sex>,
    pub status_since: Option<PartialDate>,
}

/// A summary as a query returns it: the date still in its canonical text.
struct SummaryRow {
    slug: String,
    display_name: String,
    status: PersonStatus,
    sex: Option<Sex>,
    status_since: Option<String>,
}

impl From<SummaryRow> for PersonSummary {
    fn from(row: SummaryRow) -> Self {
        PersonSummary {
            slug: row.slug,
            display_name: row.display_name,
            status: row.status,
            sex: row.sex,
            status_since: super::parse_date(row.status_since),
        }
    }
}

/// The most recently released published people, newest first.
pub async fn recently_released(conn: &mut PgConnection, limit: i64, lang: Lang) -> sqlx::Result<Vec<PersonSummary>> {
    let rows = sqlx::query_as!(
        SummaryRow,
        r#"
        select p.slug, coalesce(person_display_name(p.id, $2), p.slug) as "display_name!",
               p.status as "status: PersonStatus", p.sex as "sex: Sex",
               partial_date_iso(p.status_since, p.status_since_precision) as status_since
        from people p
        where p.public and p.status = 'released'
        order by p.status_since desc nulls last, p.id desc
        limit $1
        "#,
        limit,
        lang.code()
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(PersonSummary::from).collect())
}

/// The most recently changed published people, newest first.
pub async fn recently_updated(conn: &mut PgConnection, limit: i64, lang: Lang) -> sqlx::Result<Vec<PersonSummary>> {
    let rows = sqlx::query_as!(
        SummaryRow,
        r#"
        select p.slug, coalesce(person_display_name(p.id, $2), p.slug) as "display_name!",
               p.status as "status: PersonStatus", p.sex as "sex: Sex",
               partial_date_iso(p.status_since, p.status_since_precision) as status_since
        from people p
        where p.public
        order by p.updated_at desc, p.id desc
        limit $1
        "#,
        limit,
        lang.code()
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(PersonSummary::from).collect())
}

/// Time in custody, summed over the detentions whose start is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CustodyDays {
    pub days: i64,
    /// Some date involved is known only to a month, season or year.
    pub approximate: bool,
    /// Some detention has no known start and is left out of the sum.
    pub incomplete: bool,
}

impl PersonProfile {
    /// Days from each detention's start to its end (or to `today` while it lasts). An imprecise
    /// date counts from the middle of its period, and the result is marked approximate.
    pub fn custody_days(&self, today: time::Date) -> Option<CustodyDays> {
        let middle = |d: &PartialDate| d.start() + (d.end() - d.start()) / 2;
        let mut total = CustodyDays { days: 0, approximate: false, incomplete: false };
        let mut any = false;
        for d in &self.detentions {
            let Some(start) = &d.started else {
                total.incomplete = true;
                continue;
            };
            let end = match (&d.ended, d.release_mechanism) {
                (Some(end), _) => middle(end),
                (None, None) => today,
                (None, Some(_)) => {
                    total.incomplete = true;
                    continue;
                }
            };
            total.approximate |= start.is_approximate() || d.ended.as_ref().is_some_and(PartialDate::is_approximate);
            total.days += (end - middle(start)).whole_days().max(0);
            any = true;
        }
        any.then_some(total)
    }
}
