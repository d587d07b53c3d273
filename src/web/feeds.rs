//! Feeds and addresses for machines: Atom feeds of releases and waves (`/feeds/releases.atom`),
//! of the changes to one person (`/prisoners/{slug}/feed.atom`) and of any search
//! (`/prisoners.atom?…`); `/sitemap.xml` (an index of `/sitemaps/*.xml` files of at most 50,000
//! addresses each) and `/robots.txt`. Everything is cached until the data changes.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use time::OffsetDateTime;

use crate::app::AppState;
use crate::db::feeds::{self, Change, PersonFeed, RECORDS_PER_SITEMAP, Release};
use crate::db::search::{self, Hit};
use crate::domain::Slug;
use crate::i18n::Lang;
use crate::search::query::{Search, SearchForm};
use crate::web::cache::Rendered;
use crate::web::error::{AppError, AppResult};
use crate::web::format;
use crate::web::locale::Locale;

/// Entries in the releases feed.
const RELEASES: i64 = 50;
/// Changes in a person's feed.
const CHANGES: i64 = 50;

const ATOM: &str = "application/atom+xml; charset=utf-8";
const XML: &str = "application/xml; charset=utf-8";

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/robots.txt", get(robots))
        .route("/sitemap.xml", get(sitemap_index))
        .route("/sitemaps/{file}", get(sitemap))
        .route("/feeds/releases.atom", get(releases_feed))
        .route("/prisoners/{slug}/feed.atom", get(person_feed))
        .route("/prisoners.atom", get(search_feed))
}

/// Feeds and sitemaps may be kept by readers and proxies for a few minutes.
fn cached(rendered: Rendered) -> Response {
    let mut response = rendered.into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("public, max-age=300"));
    response
}

/// The newest of `times`, or the epoch for an empty feed (a fixed value keeps it cacheable).
fn newest(times: impl Iterator<Item = OffsetDateTime>) -> OffsetDateTime {
    times.max().unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

#[derive(Template)]
#[template(path = "feeds/robots.txt", escape = "none")]
struct Robots<'a> {
    origin: &'a str,
}

async fn robots(State(state): State<AppState>) -> AppResult<Response> {
    let body = Robots { origin: &state.origin }.render()?;
    Ok(cached(Rendered::new("text/plain; charset=utf-8", body)))
}

#[derive(Template)]
#[template(path = "feeds/sitemap_index.xml", escape = "xml")]
struct SitemapIndex<'a> {
    origin: &'a str,
    wave_parts: i64,
    people_parts: i64,
}

async fn sitemap_index(State(state): State<AppState>) -> AppResult<Response> {
    let rendered = state
        .cache
        .get_or_compute("/sitemap.xml".into(), || async {
            let mut conn = state.db.acquire().await?;
            let parts = |n: i64| (n + RECORDS_PER_SITEMAP - 1) / RECORDS_PER_SITEMAP;
            let wave_parts = parts(feeds::published_waves(&mut conn).await?);
            let people_parts = parts(feeds::published_people(&mut conn).await?);
            let page = SitemapIndex { origin: &state.origin, wave_parts, people_parts };
            Ok(Rendered::new(XML, page.render()?))
        })
        .await?;
    Ok(cached(rendered))
}

/// The site's pages that exist in every language and are worth indexing, besides the records.
const SITE_PAGES: [&str; 6] = ["/", "/prisoners", "/waves", "/charts", "/data", "/api"];

/// One sitemap file: every address in every language of the site, each `<url>` naming its
/// translations with `xhtml:link rel="alternate" hreflang` (Google's format), so
/// `RECORDS_PER_SITEMAP` records make at most `SITEMAP_SIZE` addresses.
#[derive(Template)]
#[template(path = "feeds/sitemap.xml", escape = "xml")]
struct Sitemap<'a> {
    origin: &'a str,
    /// Addresses without a language prefix, with their last change when known.
    entries: Vec<(String, Option<OffsetDateTime>)>,
    langs: &'a [Lang],
}

/// The absolute address of `path` in `lang`: the site's origin and the path with its prefix.
fn absolute(origin: &str, lang: Lang, path: &str) -> String {
    format!("{origin}{}", lang.path(path))
}

impl Sitemap<'_> {
    fn lastmod(&self, at: &OffsetDateTime) -> String {
        format::rfc3339(at)
    }

    /// The absolute address of `path` in `lang`.
    fn url(&self, lang: &Lang, path: &str) -> String {
        absolute(self.origin, *lang, path)
    }
}

/// `/sitemaps/pages.xml` (the site's pages), `/sitemaps/waves-N.xml` or `/sitemaps/people-N.xml`.
async fn sitemap(State(state): State<AppState>, Path(file): Path<String>) -> AppResult<Response> {
    let part = |prefix: &str| {
        file.strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(".xml"))
            .and_then(|n| n.parse::<i64>().ok())
            .filter(|n| (0..10_000).contains(n))
    };
    let section = match file.as_str() {
        "pages.xml" => None,
        _ => Some(match (part("waves-"), part("people-")) {
            (Some(n), _) => ("waves", n),
            (_, Some(n)) => ("prisoners", n),
            _ => return Err(AppError::NotFound),
        }),
    };
    let rendered = state
        .cache
        .get_or_compute(format!("/sitemaps/{file}"), || async {
            let entries = match section {
                None => SITE_PAGES.iter().map(|page| (page.to_string(), None)).collect(),
                Some((section, part)) => {
                    let mut conn = state.db.acquire().await?;
                    let records = match section {
                        "waves" => feeds::wave_addresses(&mut conn, part).await?,
                        _ => feeds::people_addresses(&mut conn, part).await?,
                    };
                    if records.is_empty() && part > 0 {
                        return Err(AppError::NotFound);
                    }
                    records.into_iter().map(|(slug, at)| (format!("/{section}/{slug}"), Some(at))).collect()
                }
            };
            let page = Sitemap { origin: &state.origin, entries, langs: &Lang::ALL };
            Ok(Rendered::new(XML, page.render()?))
        })
        .await?;
    Ok(cached(rendered))
}

#[derive(Template)]
#[template(path = "feeds/releases.atom", escape = "xml")]
struct ReleasesFeed<'a> {
    origin: &'a str,
    updated: String,
    releases: Vec<Release>,
    lang: Lang,
}

impl ReleasesFeed<'_> {
    fn time(&self, at: &OffsetDateTime) -> String {
        format::rfc3339(at)
    }

    /// The absolute address of `path` in the feed's language.
    fn url(&self, path: &str) -> String {
        absolute(self.origin, self.lang, path)
    }
}

/// The feed of releases, in each language of the site (`/be/feeds/releases.atom`).
async fn releases_feed(State(state): State<AppState>, locale: Locale) -> AppResult<Response> {
    let lang = locale.lang;
    let rendered = state
        .cache
        .get_or_compute(format!("{}:/feeds/releases.atom", lang.code()), || async {
            let releases = feeds::releases(&mut *state.db.acquire().await?, RELEASES, lang).await?;
            let updated = format::rfc3339(&newest(releases.iter().map(|r| r.updated_at)));
            let feed = ReleasesFeed { origin: &state.origin, updated, releases, lang };
            Ok(Rendered::new(ATOM, feed.render()?))
        })
        .await?;
    Ok(cached(rendered))
}

#[derive(Template)]
#[template(path = "feeds/person.atom", escape = "xml")]
struct PersonAtom<'a> {
    origin: &'a str,
    person: PersonFeed,
    updated: String,
    lang: Lang,
}

impl PersonAtom<'_> {
    fn time(&self, at: &OffsetDateTime) -> String {
        format::rfc3339(at)
    }

    /// The absolute address of `path` in the feed's language.
    fn url(&self, path: &str) -> String {
        absolute(self.origin, self.lang, path)
    }

    /// An entry's title: what changed in which part of the record ("Detention added").
    fn title(&self, change: &Change) -> String {
        let record = match change.record.as_str() {
            r @ ("detention" | "event" | "recognition" | "citation" | "photo") => r,
            _ => "person",
        };
        let action = match change.action.as_str() {
            a @ ("create" | "restore" | "delete") => a,
            _ => "update",
        };
        self.lang.t1(&format!("feed-change-{record}"), "action", action)
    }

    /// An entry's summary: the fields it changed.
    fn summary(&self, change: &Change) -> String {
        if change.changed.is_empty() {
            return self.lang.t("feed-change-none");
        }
        let fields: Vec<String> = change.changed.iter().map(|field| self.lang.label("field", field)).collect();
        self.lang.t1("feed-change-fields", "fields", fields.join(", "))
    }
}

/// The changes to one person's record, in each language of the site.
async fn person_feed(State(state): State<AppState>, locale: Locale, Path(slug): Path<String>) -> AppResult<Response> {
    let slug: Slug = slug.parse().map_err(|_| AppError::NotFound)?;
    let lang = locale.lang;
    let rendered = state
        .cache
        .get_or_compute(format!("{}:/prisoners/{slug}/feed.atom", lang.code()), || async {
            let person = feeds::person(&mut *state.db.acquire().await?, slug.as_str(), CHANGES, lang)
                .await?
                .ok_or(AppError::NotFound)?;
            let updated = format::rfc3339(&newest(person.changes.iter().map(|c| c.at).chain([person.updated_at])));
            Ok(Rendered::new(ATOM, PersonAtom { origin: &state.origin, person, updated, lang }.render()?))
        })
        .await?;
    Ok(cached(rendered))
}

#[derive(Template)]
#[template(path = "feeds/search.atom", escape = "xml")]
struct SearchAtom<'a> {
    origin: &'a str,
    /// The search as a query string, for the feed's own address and the page it mirrors.
    query: String,
    search: &'a Search,
    updated: String,
    hits: Vec<(Hit, String)>,
    lang: Lang,
}

impl SearchAtom<'_> {
    /// The absolute address of `path` in the feed's language.
    fn url(&self, path: &str) -> String {
        absolute(self.origin, self.lang, path)
    }

    /// `?query`, or nothing for a search of everyone.
    fn suffix(&self) -> String {
        if self.query.is_empty() { String::new() } else { format!("?{}", self.query) }
    }
}

/// Any search as a feed, in each language of the site (`/be/prisoners.atom?q=…`).
async fn search_feed(
    State(state): State<AppState>,
    locale: Locale,
    Query(form): Query<SearchForm>,
) -> AppResult<Response> {
    let lang = locale.lang;
    let mut search = Search::parse(&form).map_err(|e| AppError::BadRequest(e.message()))?;
    // A feed is the first page of its search: the newest entries a reader has not seen.
    search.page = 1;
    let query = search.query_string(1, search.sort);
    let rendered = state
        .cache
        .get_or_compute(format!("{}:/prisoners.atom?{query}", lang.code()), || async {
            let mut conn = state.db.acquire().await?;
            let results = search::search(&mut conn, &search, lang).await?;
            let slugs: Vec<String> = results.hits.iter().map(|h| h.slug.clone()).collect();
            let times = feeds::updated_at(&mut conn, &slugs).await?;
            let hits: Vec<(Hit, OffsetDateTime)> = results
                .hits
                .into_iter()
                .filter_map(|hit| {
                    let at = times.iter().find(|(slug, _)| *slug == hit.slug)?.1;
                    Some((hit, at))
                })
                .collect();
            let updated = format::rfc3339(&newest(hits.iter().map(|(_, at)| *at)));
            let hits = hits.into_iter().map(|(hit, at)| (hit, format::rfc3339(&at))).collect();
            let feed = SearchAtom { origin: &state.origin, query: query.clone(), search: &search, updated, hits, lang };
            Ok(Rendered::new(ATOM, feed.render()?))
        })
        .await?;
    Ok(cached(rendered))
}
