//! `/prisoners/{slug}`: the public page of one person.

use std::collections::HashSet;

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;

use crate::app::AppState;
use crate::db::people::{self, CustodyDays, PersonProfile};
use crate::db::search::{self, Suggestion};
use crate::db::trash;
use crate::domain::{NameKind, PartialDate, Slug};
use crate::web::cache::Rendered;
use crate::web::error::{AppError, AppResult};
use crate::web::locale::Locale;
use crate::web::{Layout, format, moved_permanently, render_with};

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/prisoners/{slug}", get(show_prisoner))
}

#[derive(Template)]
#[template(path = "prisoners/show.html")]
struct PrisonerPage {
    layout: Layout,
    person: PersonProfile,
    custody: Option<CustodyDays>,
    /// Today in UTC, for "accessed" in the citation.
    today: time::Date,
    /// schema.org `Person` as JSON, safe to place inside a `<script>` element.
    json_ld: String,
    /// The absolute address of the person's photo, for link previews.
    photo_url: Option<String>,
    /// What the status is "as of": the newest publication date of the sources cited for the
    /// person, their detentions and events (what the status rests on), never a date of ours.
    as_of: Option<PartialDate>,
    /// The footnote of that source.
    as_of_note: Vec<usize>,
    /// Whether any source is cited for those facts at all (dated or not).
    sourced: bool,
}

/// The newest dated source among those cited for the person, their detentions and events, and
/// its footnote number (its place in `person.sources`); and whether any of them is cited.
fn status_basis(person: &PersonProfile) -> (Option<(PartialDate, usize)>, bool) {
    let cited: HashSet<i64> = person
        .source_ids
        .iter()
        .chain(person.detentions.iter().flat_map(|d| d.source_ids.iter()))
        .chain(person.events.iter().flat_map(|e| e.source_ids.iter()))
        .copied()
        .collect();
    let newest = person
        .sources
        .iter()
        .enumerate()
        .filter(|(_, s)| cited.contains(&s.id))
        .filter_map(|(i, s)| s.published.map(|date| (date, i + 1)))
        // Chronological order (`PartialDate`'s: first day, then precision); of equal dates the
        // first footnote.
        .max_by(|(a, i), (b, j)| a.cmp(b).then(j.cmp(i)));
    (newest, !cited.is_empty())
}

impl PrisonerPage {
    /// What a change in the public change log did, from the message `change-{record}-{action}`.
    fn change(&self, record: impl AsRef<str>, action: impl AsRef<str>) -> String {
        let record = match record.as_ref() {
            r @ ("detention" | "event" | "recognition" | "citation" | "photo") => r,
            _ => "person",
        };
        let action = match action.as_ref() {
            a @ ("create" | "restore" | "delete") => a,
            _ => "update",
        };
        self.layout.t(&format!("change-{record}-{action}"))
    }

    /// The day the facts were last checked, in the page's language.
    fn checked_day(&self) -> String {
        self.person.last_checked.map(|day| self.layout.lang.day(day)).unwrap_or_default()
    }

    /// Today, for "accessed" in the citation, in the page's language.
    fn accessed(&self) -> String {
        self.layout.lang.day(self.today)
    }

    /// The day of a change (`2025-02-12`) in the page's language.
    fn change_day(&self, day: impl AsRef<str>) -> String {
        let day = day.as_ref();
        match time::Date::parse(day, time::macros::format_description!("[year]-[month]-[day]")) {
            Ok(date) => self.layout.lang.day(date),
            Err(_) => day.to_owned(),
        }
    }

    /// The footnote numbers of sources on this page: their positions in the page's source list.
    fn notes(&self, source_ids: &[i64]) -> Vec<usize> {
        source_ids.iter().filter_map(|id| self.person.sources.iter().position(|s| s.id == *id)).map(|i| i + 1).collect()
    }

    /// The footnotes after a status: the person's own sources and the one it is "as of", each
    /// once, in order.
    fn status_notes(&self) -> Vec<usize> {
        let mut notes = self.notes(&self.person.source_ids);
        notes.extend(&self.as_of_note);
        notes.sort_unstable();
        notes.dedup();
        notes
    }
}

/// The page is kept in memory until the data change (or the day does: it counts days in
/// custody), so a spike of readers after a headline costs one query per person, not one per view.
async fn show_prisoner(
    State(state): State<AppState>,
    headers: HeaderMap,
    locale: Locale,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let slug: Slug = slug.parse().map_err(|_| AppError::NotFound)?;
    let today = time::OffsetDateTime::now_utc().date();
    let page = state
        .cache
        .get_or_compute(format!("{}/prisoners/{slug}@{today}", locale.cache_key()), || async {
            let person = people::find_published_profile(&mut *state.db.acquire().await?, slug.as_str(), locale.lang)
                .await?
                .ok_or(AppError::NotFound)?;
            // The name the page goes by heads the list of names, the other variants after it.
            let mut person = person;
            let shown = person.display_name.clone();
            person.names.sort_by_key(|n| n.name != shown);
            let layout = Layout::localised(&state, locale, &format!("/prisoners/{}", person.slug));
            let custody = person.custody_days(today);
            let photo_url = person.photo.as_ref().map(|photo| format!("{}{}", state.origin, photo.path()));
            let json_ld = json_ld(&person, layout.canonical.as_deref().unwrap_or_default(), photo_url.as_deref());
            let (newest, sourced) = status_basis(&person);
            let (as_of, as_of_note) = match newest {
                Some((date, note)) => (Some(date), vec![note]),
                None => (None, Vec::new()),
            };
            let page = PrisonerPage { layout, person, custody, today, json_ld, photo_url, as_of, as_of_note, sourced };
            Ok(Rendered::validated("text/html; charset=utf-8", page.render()?))
        })
        .await;
    match page {
        Ok(page) => Ok(page.respond(&headers)),
        Err(AppError::NotFound) => no_one_at(&state, locale, slug.as_str()).await,
        Err(other) => Err(other),
    }
}

#[derive(Template)]
#[template(path = "prisoners/missing.html")]
struct MissingPage {
    layout: Layout,
    status: u16,
    /// The day the person who answered here was deleted, in the page's words (410); `None`
    /// for a mistyped address.
    gone: Option<String>,
    suggestions: Vec<Suggestion>,
    /// The words of the address, for the search box (empty on a 410: they may be a name).
    query: String,
}

/// An address where no one shown by name answers. An old slug sends readers (and search
/// engines) to the current one for good; the address of a person deleted while shown by name
/// answers 410 with the day only; anything else (a typo, a draft, a withheld person) is a 404
/// offering the published names nearest to the address's words. Not cached: each costs a few
/// indexed lookups, like a search that finds nothing.
async fn no_one_at(state: &AppState, locale: Locale, slug: &str) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    if let Some(current) = people::find_redirect(&mut conn, slug).await? {
        return Ok(moved_permanently(&locale.lang.path(&format!("/prisoners/{current}"))));
    }
    let layout = Layout::plain();
    if let Some(deleted_at) = trash::gone_since(&mut conn, slug).await? {
        let page = MissingPage {
            layout,
            status: 410,
            gone: Some(locale.lang.day(deleted_at.to_offset(time::UtcOffset::UTC).date())),
            suggestions: Vec::new(),
            query: String::new(),
        };
        return render_with(StatusCode::GONE, &page);
    }
    let query = slug.replace('-', " ");
    let suggestions = search::suggestions(&mut conn, &query, locale.lang).await?;
    let page = MissingPage { layout, status: 404, gone: None, suggestions, query };
    render_with(StatusCode::NOT_FOUND, &page)
}

/// schema.org `Person` for search engines and link previews. `<`, `>` and `&` are escaped as
/// JSON unicode escapes, so no text in a record can close the `<script>` element.
fn json_ld(person: &PersonProfile, url: &str, photo_url: Option<&str>) -> String {
    let value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Person",
        "@id": url,
        "url": url,
        "identifier": person.public_id.to_string(),
        "name": person.display_name,
        "alternateName": person.names.iter().map(|n| n.name.as_str()).filter(|n| *n != person.display_name).collect::<Vec<_>>(),
        "nationality": person.citizenships.iter().map(|c| serde_json::json!({"@type": "Country", "name": c.name})).collect::<Vec<_>>(),
        // The texts the page shows, in its language when the record has them there.
        "jobTitle": person.shown.occupation.as_ref().map(|s| &s.text),
        "description": person.shown.biography.as_ref().map(|s| &s.text),
        "image": photo_url,
    });
    value.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}
