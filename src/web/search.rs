//! `/prisoners`: search and browse people; `/prisoners.csv` and `/prisoners.xlsx`: the same
//! result set for spreadsheets.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;

use crate::app::AppState;
use crate::db::changes::Changes;
use crate::db::search::{self, FilterOptions, Results, Suggestion};
use crate::domain::{PartialDate, PersonStatus, ReleaseMechanism, Sex, Slug};
use crate::search::query::{PAGE_SIZE, Search, SearchForm, Sort, StatusFilter};
use crate::web::Layout;
use crate::web::cache::{GenerationCache, Rendered};
use crate::web::download::{self, Cell, ForExcel, Table};
use crate::web::error::{AppError, AppResult};
use crate::web::locale::Locale;

/// The search filters' choices, kept until the data changes (`AppState::filter_options`).
pub(crate) type OptionsCache = GenerationCache<Arc<FilterOptions>>;

pub(crate) fn options_cache(changes: Changes) -> OptionsCache {
    // One entry, of a few kilobytes.
    GenerationCache::new(changes, 1024 * 1024, |_| 16 * 1024)
}

/// The choices of the search filters: every public country and citizenship and every published
/// wave. Reading them takes a scan of the detentions (about 0.2 s at 100,000 people), so they
/// are read once per data generation.
async fn filter_options(state: &AppState) -> AppResult<Arc<FilterOptions>> {
    state
        .filter_options
        .get_or_compute(String::new(), || async {
            Ok(Arc::new(search::filter_options(&mut *state.db.acquire().await?).await?))
        })
        .await
}

/// Most rows one CSV download carries.
const EXPORT_LIMIT: i64 = 200_000;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/prisoners", get(list_prisoners))
        .route("/prisoners.csv", get(export_prisoners_csv))
        .route("/prisoners.xlsx", get(export_prisoners_xlsx))
}

fn parse(form: &SearchForm) -> AppResult<Search> {
    Search::parse(form).map_err(|e| AppError::BadRequest(e.message()))
}

#[derive(Template)]
#[template(path = "prisoners/list.html")]
struct PrisonersPage {
    layout: Layout,
    search: Search,
    results: Results,
    options: Arc<FilterOptions>,
    suggestions: Vec<Suggestion>,
    /// People of the list counted but not named (withheld), on the lists the home counts link
    /// to only (`Search::is_a_count_list`); 0 elsewhere.
    not_named: i64,
}

impl PrisonersPage {
    fn statuses(&self) -> &'static [PersonStatus] {
        PersonStatus::ALL
    }

    fn mechanisms(&self) -> &'static [ReleaseMechanism] {
        ReleaseMechanism::ALL
    }

    fn sexes(&self) -> &'static [Sex] {
        Sex::ALL
    }

    fn sorts(&self) -> &'static [Sort] {
        &Sort::ALL
    }

    fn status_key(&self) -> &str {
        self.search.status.map_or("", |s| s.key())
    }

    /// The link to this search on `page` in the current order, in the page's language.
    fn page_link(&self, page: i64) -> String {
        self.layout.link(&format!("/prisoners?{}", self.search.query_string(page, self.search.sort)))
    }

    /// The countries of the "held by" filter, named in the page's language, in its order.
    fn countries(&self) -> Vec<(String, String)> {
        self.named(&self.options.countries)
    }

    fn citizenships(&self) -> Vec<(String, String)> {
        self.named(&self.options.citizenships)
    }

    fn named(&self, countries: &[(String, String)]) -> Vec<(String, String)> {
        let mut named: Vec<_> =
            countries.iter().map(|(code, name)| (code.clone(), self.layout.country(code, name))).collect();
        named.sort_by(|a, b| a.1.cmp(&b.1));
        named
    }

    /// A result's citizenships, named in the page's language.
    fn citizenship_names(&self, hit: &crate::db::search::Hit) -> String {
        let names: Vec<_> = hit
            .citizenship_codes
            .iter()
            .zip(&hit.citizenships)
            .map(|(code, name)| self.layout.country(code, name))
            .collect();
        names.join(", ")
    }

    fn feed_link(&self) -> String {
        self.layout.link(&format!("/prisoners.atom?{}", self.search.query_string(1, self.search.sort)))
    }

    fn csv_link(&self) -> String {
        self.download_link("csv", false)
    }

    /// The same result set as a file of `extension` (`csv`, `xlsx`); `excel` adds `bom=1`.
    fn download_link(&self, extension: &str, excel: bool) -> String {
        let query = self.search.query_string(1, self.search.sort);
        let bom = if excel { "bom=1" } else { "" };
        let joint = if !query.is_empty() && excel { "&" } else { "" };
        format!("/prisoners.{extension}?{query}{joint}{bom}")
    }

    fn last_page(&self) -> i64 {
        ((self.results.count.min(crate::search::query::COUNT_CAP) + PAGE_SIZE - 1) / PAGE_SIZE).max(1)
    }

    fn has_next(&self) -> bool {
        self.results.hits.len() as i64 == PAGE_SIZE
    }

    fn first_shown(&self) -> i64 {
        (self.search.page - 1) * PAGE_SIZE + 1
    }

    fn last_shown(&self) -> i64 {
        (self.search.page - 1) * PAGE_SIZE + self.results.hits.len() as i64
    }

    /// The filters in force, each as a chip: what it is, in words, and the link to this search
    /// without it.
    fn chips(&self) -> Vec<Chip> {
        let layout = &self.layout;
        let search = &self.search;
        let country_name = |options: &[(String, String)], code: &Option<String>| {
            let code = code.as_deref().unwrap_or_default();
            let name = options.iter().find(|(c, _)| c == code).map_or(code, |(_, name)| name.as_str());
            layout.country(code, name)
        };
        let from = |year: Option<i32>| layout.t1("search-chip-from", "year", year.unwrap_or_default());
        let to = |year: Option<i32>| layout.t1("search-chip-to", "year", year.unwrap_or_default());
        search
            .active_filters()
            .into_iter()
            .map(|parameter| {
                let (name, value) = match parameter {
                    "status" => (
                        layout.t("search-status"),
                        match search.status {
                            Some(StatusFilter::Is(status)) => layout.label_of("status", status.as_str(), None),
                            _ => layout.t("search-held-now"),
                        },
                    ),
                    "country" => (layout.t("search-held-by"), country_name(&self.options.countries, &search.country)),
                    "citizenship" => {
                        (layout.t("person-citizenship"), country_name(&self.options.citizenships, &search.citizenship))
                    }
                    "sex" => (layout.t("person-sex"), layout.label("sex", search.sex.map_or("", |s| s.as_str()))),
                    "mechanism" => (
                        layout.t("search-released-by"),
                        layout.label("mechanism", search.mechanism.map_or("", |m| m.as_str())),
                    ),
                    "wave" => {
                        let slug = search.wave.as_deref().unwrap_or_default();
                        let name = self.options.waves.iter().find(|(s, _)| s == slug).map_or(slug, |(_, n)| n.as_str());
                        (layout.t("field-wave"), name.to_owned())
                    }
                    "charge" => (layout.t("search-charge"), search.charge.clone().unwrap_or_default()),
                    "detained_from" => (layout.t("search-detained"), from(search.detained_from)),
                    "detained_to" => (layout.t("search-detained"), to(search.detained_to)),
                    "released_from" => (layout.t("search-released"), from(search.released_from)),
                    _ => (layout.t("search-released"), to(search.released_to)),
                };
                let wider = search.without(parameter);
                let query = wider.query_string(1, wider.sort);
                let href = if query.is_empty() {
                    layout.link("/prisoners")
                } else {
                    layout.link(&format!("/prisoners?{query}"))
                };
                Chip { label: layout.t2("search-chip", "name", name, "value", value), href }
            })
            .collect()
    }

    fn year(&self, value: &Option<i32>) -> String {
        value.map(|y| y.to_string()).unwrap_or_default()
    }
}

/// A filter in force on a results page, shown as a link that removes it.
struct Chip {
    label: String,
    href: String,
}

/// Result pages are kept in memory until the data change, by their canonical query: the
/// searches everyone runs after a headline (a surname in the news) are answered from there.
async fn list_prisoners(
    State(state): State<AppState>,
    headers: HeaderMap,
    locale: Locale,
    Query(form): Query<SearchForm>,
) -> AppResult<Response> {
    let search = parse(&form)?;
    let canonical = match search.query_string(search.page, search.sort) {
        query if query.is_empty() => "/prisoners".to_owned(),
        query => format!("/prisoners?{query}"),
    };
    let page = state
        .cache
        .get_or_compute(format!("{}{canonical}", locale.cache_key()), || async {
            let mut conn = state.db.acquire().await?;
            let results = search::search(&mut conn, &search, locale.lang).await?;
            let suggestions = if results.hits.is_empty() && !search.q.is_empty() {
                search::suggestions(&mut conn, &search.q, locale.lang).await?
            } else {
                Vec::new()
            };
            let options = filter_options(&state).await?;
            let not_named =
                if search.is_a_count_list() { search::not_named(&mut conn, search.status).await? } else { 0 };
            let layout = Layout::localised(&state, locale, &canonical);
            let page = PrisonersPage { layout, search: search.clone(), results, options, suggestions, not_named };
            Ok(Rendered::validated("text/html; charset=utf-8", page.render()?))
        })
        .await?;
    Ok(page.respond(&headers))
}

async fn export_prisoners_csv(
    State(state): State<AppState>,
    Query(form): Query<SearchForm>,
    Query(excel): Query<ForExcel>,
) -> AppResult<Response> {
    let search = parse(&form)?;
    let table = export_table(&state, &search).await?;
    let name = file_name(&search, time::OffsetDateTime::now_utc().date(), "csv");
    let body = tokio::task::spawn_blocking(move || table.csv()).await.map_err(anyhow::Error::from)??;
    Ok(download::attachment(download::CSV, &name, excel.csv(body.into())))
}

/// The same result set as `/prisoners.csv`, as an Excel workbook.
async fn export_prisoners_xlsx(State(state): State<AppState>, Query(form): Query<SearchForm>) -> AppResult<Response> {
    let search = parse(&form)?;
    let table = export_table(&state, &search).await?;
    let name = file_name(&search, time::OffsetDateTime::now_utc().date(), "xlsx");
    let body = tokio::task::spawn_blocking(move || table.xlsx("prisoners")).await.map_err(anyhow::Error::from)??;
    Ok(download::attachment(download::XLSX, &name, body))
}

/// Every result of `search` (up to [`EXPORT_LIMIT`]) as the downloads' table: one English
/// table whatever the page's language (its columns and keys are identifiers).
async fn export_table(state: &AppState, search: &Search) -> AppResult<Table> {
    let mut conn = state.db.acquire().await?;
    let rows = search::export(&mut conn, search, EXPORT_LIMIT).await?;
    let rows = rows
        .into_iter()
        .map(|row| {
            let [since, since_earliest, since_latest] = date_cells(row.status_since);
            let [detained, detained_earliest, detained_latest] = date_cells(row.first_detained);
            let [released, released_earliest, released_latest] = date_cells(row.last_released);
            vec![
                Cell::Text(row.public_id.to_string()),
                Cell::Url(format!("{}/prisoners/{}", state.origin, row.slug)),
                Cell::Text(row.display_name),
                Cell::Text(row.names.join(" | ")),
                Cell::Text(row.status.as_str().to_owned()),
                since,
                since_earliest,
                since_latest,
                Cell::Text(row.citizenships.join(" ")),
                Cell::Text(row.detention_countries.join(" ")),
                detained,
                detained_earliest,
                detained_latest,
                released,
                released_earliest,
                released_latest,
                Cell::Text(row.release_mechanisms.join(" ")),
                Cell::Text(row.waves.join(" ")),
                Cell::Text(row.occupation.unwrap_or_default()),
            ]
        })
        .collect();
    let columns = vec![
        "public_id",
        "url",
        "name",
        "all_names",
        "status",
        "status_since",
        "status_since_earliest",
        "status_since_latest",
        "citizenships",
        "detention_countries",
        "first_detained",
        "first_detained_earliest",
        "first_detained_latest",
        "last_released",
        "last_released_earliest",
        "last_released_latest",
        "release_mechanisms",
        "waves",
        "occupation",
    ];
    Ok(Table { columns, rows })
}

/// A partial date of the export as its three cells: as stored (`2025-02`, `2024-summer`, `2021`),
/// then the first and the last day it may be (`2025-02-01`, `2025-02-28`), so that spreadsheets
/// can sort and filter on real dates whatever the precision.
fn date_cells(iso: Option<String>) -> [Cell; 3] {
    let Some(iso) = iso else { return [Cell::Text(String::new()), Cell::Day(None), Cell::Day(None)] };
    match iso.parse::<PartialDate>() {
        Ok(date) => [Cell::Text(iso), Cell::Day(Some(date.start())), Cell::Day(Some(date.end()))],
        // Every date the export reads is made by `partial_date_iso`; keep it as it came if not.
        Err(_) => [Cell::Text(iso), Cell::Day(None), Cell::Day(None)],
    }
}

/// The export's file name: what was searched for and filtered on, and the day, in letters,
/// digits and `-` / `_` only: `prisoners_status-held_wave-pardon-2025-07-03_2026-12-03.csv`
/// (or `.xlsx`: `extension`).
/// Typed text is romanised (`q=Кузнечык` → `q-kuznechyk`) and each value cut at 40 characters.
fn file_name(search: &Search, today: time::Date, extension: &str) -> String {
    let mut name = String::from("prisoners");
    let query = search.query_string(1, search.sort);
    for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
        if key == "sort" || key == "page" {
            continue;
        }
        let Some(value) = Slug::from_text(&value) else { continue };
        let value: String = value.as_str().chars().take(40).collect();
        name.push('_');
        name.push_str(&key.replace('_', "-"));
        name.push('-');
        name.push_str(value.trim_end_matches('-'));
    }
    format!("{name}_{today}.{extension}")
}
