//! What the JSON API returns. These names are the API's contract: fields are added, never
//! renamed or removed, within `/api/v1`. Stored keys (`release_to_foreign_government`) are
//! returned as they are; dates carry their precision.

use serde::Serialize;
use time::OffsetDateTime;
use utoipa::ToSchema;

use crate::db::people::{self, PersonProfile, PersonSummary};
use crate::db::search::Hit;
use crate::db::stats::ReportedFigure;
use crate::db::waves::WaveProfile;
use crate::domain::{self, PartialDate, WaveSummary};
use crate::web::format;

/// A date known to a day, a month, a season or a year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Date {
    /// As precisely as known: `2025-02-12`, `2025-02`, `2024-summer` or `2024`.
    #[schema(example = "2024-summer")]
    pub date: String,
    /// `day`, `month`, `season` or `year`.
    #[schema(example = "season")]
    pub precision: String,
    /// The first day the date can mean (ISO 8601).
    #[schema(example = "2024-06-01")]
    pub earliest: String,
    /// The last day the date can mean (ISO 8601).
    #[schema(example = "2024-08-31")]
    pub latest: String,
}

impl From<PartialDate> for Date {
    fn from(date: PartialDate) -> Self {
        Date {
            date: date.iso(),
            precision: date.precision().as_str().to_owned(),
            earliest: date.start().to_string(),
            latest: date.end().to_string(),
        }
    }
}

fn date(date: Option<PartialDate>) -> Option<Date> {
    date.map(Date::from)
}

fn timestamp(at: &OffsetDateTime) -> String {
    format::rfc3339(at)
}

/// A country by its ISO 3166-1 alpha-2 code.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Country {
    #[schema(example = "BY")]
    pub code: String,
    #[schema(example = "Belarus")]
    pub name: String,
}

impl From<domain::Country> for Country {
    fn from(c: domain::Country) -> Self {
        Country { code: c.code, name: c.name }
    }
}

/// One page of a list, with the links to its neighbours.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Page<T> {
    pub data: Vec<T>,
    pub page: i64,
    pub per_page: i64,
    /// Matches counted up to 1,000; see `total_is_capped`.
    pub total: i64,
    /// True when there are more matches than `total` says.
    pub total_is_capped: bool,
    pub links: Links,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Links {
    #[serde(rename = "self")]
    pub this: String,
    pub next: Option<String>,
    pub prev: Option<String>,
    /// The same list as a page for people.
    pub html: String,
}

/// A person in a list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PersonItem {
    #[schema(example = "andrey-kuznechyk")]
    pub slug: String,
    #[schema(example = "Andrey Kuznechyk")]
    pub name: String,
    /// `awaiting_trial`, `serving_sentence`, `in_custody`, `released`, `died_in_custody` or `unknown`.
    #[schema(example = "released")]
    pub status: String,
    pub status_since: Option<Date>,
    /// ISO 3166-1 alpha-2 codes.
    pub citizenships: Vec<String>,
    pub url: String,
    pub api_url: String,
}

impl PersonItem {
    pub fn from_hit(hit: Hit, origin: &str) -> Self {
        let status_since = date(hit.since());
        PersonItem {
            url: format!("{origin}/prisoners/{}", hit.slug),
            api_url: format!("{origin}/api/v1/prisoners/{}", hit.slug),
            slug: hit.slug,
            name: hit.display_name,
            status: hit.status.as_str().to_owned(),
            status_since,
            citizenships: hit.citizenships,
        }
    }

    pub fn from_summary(person: PersonSummary, origin: &str) -> Self {
        PersonItem {
            url: format!("{origin}/prisoners/{}", person.slug),
            api_url: format!("{origin}/api/v1/prisoners/{}", person.slug),
            slug: person.slug,
            name: person.display_name,
            status: person.status.as_str().to_owned(),
            status_since: date(person.status_since),
            citizenships: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Name {
    pub name: String,
    /// ISO 639-1 language, when the name belongs to one.
    pub lang: Option<String>,
    /// ISO 15924 script: `Latn`, `Cyrl`.
    pub script: String,
    /// `primary`, `transliteration`, `alias` or `former`.
    pub kind: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Facility {
    pub name: String,
    pub kind: String,
    pub location: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WaveRef {
    pub slug: String,
    pub name: String,
    pub api_url: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Charge {
    pub article: Option<String>,
    pub part: Option<String>,
    pub description: Option<String>,
}

/// A period in custody, from detention to release (or until now).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Detention {
    /// The state holding the person.
    pub country: Country,
    pub started: Option<Date>,
    pub ended: Option<Date>,
    pub facility: Option<Facility>,
    /// `awaiting_trial` or `convicted`.
    pub trial_stage: Option<String>,
    pub sentenced: Option<Date>,
    pub sentence_kind: Option<String>,
    pub sentence_months: Option<i32>,
    /// How custody ended: `pardon`, `release_to_foreign_government`, `exchange`, …
    pub release_mechanism: Option<String>,
    pub wave: Option<WaveRef>,
    pub notes: Option<String>,
    pub charges: Vec<Charge>,
    /// Ids of the entries of `sources` that support this detention.
    pub source_ids: Vec<i64>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Event {
    /// `arrest`, `trial`, `verdict`, `transfer`, `hunger_strike`, `release`, …
    pub kind: String,
    pub occurred: Date,
    pub description: String,
    pub source_ids: Vec<i64>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Recognition {
    pub organisation: String,
    pub recognised: Option<Date>,
    pub url: Option<String>,
    pub source_ids: Vec<i64>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Source {
    pub id: i64,
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub published: Option<Date>,
    /// `news_article`, `report`, `official_statement`, `court_document`, …
    pub kind: String,
}

impl From<people::Source> for Source {
    fn from(s: people::Source) -> Self {
        Source {
            id: s.id,
            title: s.title,
            publisher: s.publisher,
            url: s.url,
            published: date(s.published),
            kind: s.kind.as_str().to_owned(),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Photo {
    pub url: String,
    pub width: i32,
    pub height: i32,
    /// What the photo shows, for people who cannot see it.
    pub alt_text: String,
    pub credit: Option<String>,
}

/// Everything the person's page shows.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Person {
    /// Never changes and is never reused.
    #[schema(example = "0b8e2f6a-3c3e-4c51-9a5e-2f5d0c1b7a10")]
    pub public_id: String,
    pub slug: String,
    pub name: String,
    pub names: Vec<Name>,
    /// `female`, `male` or `other`.
    pub sex: Option<String>,
    pub born: Option<Date>,
    pub occupation: Option<String>,
    pub region: Option<String>,
    pub biography: Option<String>,
    /// The language of `occupation`, `region` and `biography` as recorded (`en`, `be` or `ru`);
    /// translations are in the open dataset (`person_texts`).
    #[schema(example = "en")]
    pub text_lang: String,
    pub status: String,
    pub status_since: Option<Date>,
    pub citizenships: Vec<Country>,
    pub detentions: Vec<Detention>,
    pub events: Vec<Event>,
    pub recognitions: Vec<Recognition>,
    pub sources: Vec<Source>,
    /// Ids of the entries of `sources` that support the record as a whole.
    pub source_ids: Vec<i64>,
    pub photo: Option<Photo>,
    /// True for invented records made for scale tests.
    pub synthetic: bool,
    /// The day an editor last checked the facts against the sources (`YYYY-MM-DD`); not when
    /// the record was last edited (`updated_at`).
    pub last_checked: Option<String>,
    /// RFC 3339: when the record was last edited, which is not a check of its facts.
    pub updated_at: String,
    pub url: String,
}

impl Person {
    pub fn new(p: PersonProfile, origin: &str) -> Self {
        let wave = |w: people::WaveRef| WaveRef {
            api_url: format!("{origin}/api/v1/waves/{}", w.slug),
            slug: w.slug,
            name: w.name,
        };
        Person {
            public_id: p.public_id.to_string(),
            url: format!("{origin}/prisoners/{}", p.slug),
            slug: p.slug,
            name: p.display_name,
            names: p
                .names
                .into_iter()
                .map(|n| Name { name: n.name, lang: n.lang, script: n.script, kind: n.kind.as_str().to_owned() })
                .collect(),
            sex: p.sex.map(|s| s.as_str().to_owned()),
            born: date(p.born),
            occupation: p.occupation,
            region: p.region,
            biography: p.biography,
            text_lang: p.text_lang.code().to_owned(),
            status: p.status.as_str().to_owned(),
            status_since: date(p.status_since),
            citizenships: p.citizenships.into_iter().map(Country::from).collect(),
            detentions: p
                .detentions
                .into_iter()
                .map(|d| Detention {
                    country: d.country.into(),
                    started: date(d.started),
                    ended: date(d.ended),
                    facility: d.facility.map(|f| Facility {
                        name: f.name,
                        kind: f.kind.as_str().to_owned(),
                        location: f.location,
                    }),
                    trial_stage: d.trial_stage.map(|t| t.as_str().to_owned()),
                    sentenced: date(d.sentenced),
                    sentence_kind: d.sentence_kind.map(|k| k.as_str().to_owned()),
                    sentence_months: d.sentence_months,
                    release_mechanism: d.release_mechanism.map(|m| m.as_str().to_owned()),
                    wave: d.wave.map(wave),
                    notes: d.notes,
                    charges: d
                        .charges
                        .into_iter()
                        .map(|c| Charge { article: c.article, part: c.part, description: c.description })
                        .collect(),
                    source_ids: d.source_ids,
                })
                .collect(),
            events: p
                .events
                .into_iter()
                .map(|e| Event {
                    kind: e.kind.as_str().to_owned(),
                    occurred: e.occurred.into(),
                    description: e.description,
                    source_ids: e.source_ids,
                })
                .collect(),
            recognitions: p
                .recognitions
                .into_iter()
                .map(|r| Recognition {
                    organisation: r.organisation,
                    recognised: date(r.recognised),
                    url: r.url,
                    source_ids: r.source_ids,
                })
                .collect(),
            sources: p.sources.into_iter().map(Source::from).collect(),
            source_ids: p.source_ids,
            photo: p.photo.map(|ph| Photo {
                url: format!("{origin}{}", ph.path()),
                width: ph.width,
                height: ph.height,
                alt_text: ph.alt_text,
                credit: ph.credit,
            }),
            synthetic: p.synthetic,
            last_checked: p.last_checked.map(|d| d.to_string()),
            updated_at: timestamp(&p.updated_at),
        }
    }
}

/// A release wave in a list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WaveItem {
    #[schema(example = "handover-2025-02-12-vilnius")]
    pub slug: String,
    pub name: String,
    pub started: Date,
    pub ended: Option<Date>,
    /// The releasing state.
    pub country: Country,
    pub mechanism: String,
    /// The number released as reported (see `reported_qualifier`).
    pub reported_released: Option<i32>,
    /// `exactly`, `about`, `at_least`, `more_than`, `up_to` or `fewer_than`.
    pub reported_qualifier: Option<String>,
    /// How many of them are documented individually here.
    pub documented: i64,
    pub url: String,
    pub api_url: String,
}

impl WaveItem {
    pub fn new(w: WaveSummary, origin: &str) -> Self {
        WaveItem {
            url: format!("{origin}/waves/{}", w.slug),
            api_url: format!("{origin}/api/v1/waves/{}", w.slug),
            slug: w.slug,
            name: w.name,
            started: w.started.into(),
            ended: date(w.ended),
            country: w.country.into(),
            mechanism: w.mechanism.as_str().to_owned(),
            reported_released: w.reported_released_count,
            reported_qualifier: w.reported_count_qualifier.map(|q| q.as_str().to_owned()),
            documented: w.documented,
        }
    }
}

/// A wave with everything its page shows.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Wave {
    #[serde(flatten)]
    pub summary: WaveItem,
    pub location: Option<String>,
    /// Which government or official received the prisoners or negotiated the release.
    pub counterparty: Option<String>,
    /// What was reportedly given in return.
    pub traded: Option<String>,
    pub notes: Option<String>,
    /// The language of `name` and `notes` as recorded (`en`, `be` or `ru`); translations are in
    /// the open dataset (`wave_texts`).
    #[schema(example = "en")]
    pub text_lang: String,
    /// The people documented as released in this wave, shown by name.
    pub people: Vec<PersonItem>,
    /// How many of the `documented` are not named (their identity is withheld to protect them):
    /// counted, never listed.
    pub not_named: i64,
    pub sources: Vec<Source>,
    pub synthetic: bool,
    pub updated_at: String,
}

impl Wave {
    pub fn new(w: WaveProfile, origin: &str) -> Self {
        Wave {
            summary: WaveItem::new(w.summary, origin),
            location: w.location,
            counterparty: w.counterparty,
            traded: w.traded,
            notes: w.notes,
            text_lang: w.text_lang.code().to_owned(),
            people: w.people.into_iter().map(|p| PersonItem::from_summary(p, origin)).collect(),
            not_named: w.not_named,
            sources: w.sources.into_iter().map(Source::from).collect(),
            synthetic: w.synthetic,
            updated_at: timestamp(&w.updated_at),
        }
    }
}

/// A country total as a human-rights group published it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Figure {
    pub country: String,
    /// `prisoners_held`, `prisoners_released` or `arrests`.
    pub metric: String,
    pub value: i32,
    pub qualifier: String,
    pub as_of: Date,
    pub notes: Option<String>,
    pub sources: Vec<Source>,
}

impl From<ReportedFigure> for Figure {
    fn from(f: ReportedFigure) -> Self {
        Figure {
            country: f.country_name,
            metric: f.metric.as_str().to_owned(),
            value: f.value,
            qualifier: f.qualifier.as_str().to_owned(),
            as_of: f.as_of.into(),
            notes: f.notes,
            sources: f.sources.into_iter().map(Source::from).collect(),
        }
    }
}

/// An error: the status again, and what was wrong in words.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Error {
    pub error: ErrorBody,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ErrorBody {
    #[schema(example = 400)]
    pub status: u16,
    #[schema(example = "status: not one of the statuses")]
    pub message: String,
}

/// The series behind one chart, with the filter it was computed for.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Stats {
    /// `waves`, `flows`, `held`, `mechanisms` or `citizenship`.
    pub chart: String,
    pub country: Option<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// For `flows` and `held`: records whose date is known only to a season or a year, which
    /// no month can hold (per series: arrests and releases, or changes in the number held).
    pub unplaced: Vec<i64>,
    pub rows: Vec<StatsRow>,
}

/// One row of a chart's data. Which fields are set depends on the chart: `waves` rows describe
/// a wave; `flows` and `held` rows a month; `mechanisms` and `citizenship` rows a category.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct StatsRow {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wave: Option<WaveItem>,
    /// `2025-02`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arrests: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub releases: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_at_month_end: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mechanism: Option<String>,
    /// ISO code; `other` for the countries grouped together, empty when not recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citizenship: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documented_released: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reported_released: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reported_qualifier: Option<String>,
}
