//! The read-only JSON API under `/api/v1`, its OpenAPI document at `/api/openapi.json` (made
//! from these handlers' annotations by utoipa) and the page that explains it, `/api`.
//!
//! Published data only, as on the pages. Every answer is JSON, errors too (`types::Error`);
//! answers are cached until the data changes and carry an ETag and Last-Modified, so clients
//! revalidate with a 304; any site may read them (CORS for GET).

pub mod types;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use tower_http::cors::{Any, CorsLayer};
use utoipa::OpenApi;

use crate::app::AppState;
use crate::charts::ChartName;
use crate::db::{people, search, stats, waves};
use crate::domain::Slug;
use crate::domain::chart_filter::{ChartFilter, ChartForm};
use crate::i18n::Lang;
use crate::search::query::{COUNT_CAP, PAGE_SIZE, Search, SearchForm};
use crate::web::cache::Rendered;
use crate::web::error::AppError;
use crate::web::{Layout, render};
use types::{ErrorBody, Figure, Links, Page, Person, PersonItem, Stats, Wave, WaveItem};

const JSON: &str = "application/json";

/// Most waves one list returns; there are far fewer.
const WAVE_LIMIT: i64 = 1000;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Prisoner Tracker API",
        version = "1",
        description = "Read-only access to the published records: political prisoners, their detentions and release, release waves, the chart series and reported figures. Data licensed under CC BY 4.0.",
        license(name = "CC BY 4.0 (data)", url = "https://creativecommons.org/licenses/by/4.0/")
    ),
    paths(list_prisoners, show_prisoner, list_waves, show_wave, show_stats, list_figures),
    tags((name = "records", description = "People and release waves"), (name = "numbers", description = "Chart series and reported figures"))
)]
pub struct ApiDoc;

pub fn router() -> Router<AppState> {
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::HEAD])
        .allow_headers([header::IF_NONE_MATCH, header::IF_MODIFIED_SINCE])
        .expose_headers([header::ETAG, header::LAST_MODIFIED]);
    let api = Router::new()
        .route("/api/v1/prisoners", get(list_prisoners))
        .route("/api/v1/prisoners/{slug}", get(show_prisoner))
        .route("/api/v1/waves", get(list_waves))
        .route("/api/v1/waves/{slug}", get(show_wave))
        .route("/api/v1/stats/{chart}", get(show_stats))
        .route("/api/v1/figures", get(list_figures))
        .route("/api/openapi.json", get(openapi))
        .route("/api/v1", get(|| async { ApiError(AppError::NotFound) }))
        .route("/api/v1/{*rest}", get(|| async { ApiError(AppError::NotFound) }))
        .method_not_allowed_fallback(|| async { error(StatusCode::METHOD_NOT_ALLOWED, "only GET is allowed here") })
        .layer(cors);
    Router::new().route("/api", get(api_page)).merge(api)
}

/// An error as JSON with its status.
pub struct ApiError(AppError);

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        ApiError(error)
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> Self {
        ApiError(error.into())
    }
}

/// A JSON error answer; `web::friendly_errors` gives the framework's refusals under `/api/` this form.
pub(crate) fn error(status: StatusCode, message: &str) -> Response {
    let body = types::Error { error: ErrorBody { status: status.as_u16(), message: message.to_owned() } };
    (status, Json(body)).into_response()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match self.0 {
            AppError::NotFound => error(StatusCode::NOT_FOUND, "no published record here"),
            AppError::BadRequest(message) => error(StatusCode::BAD_REQUEST, &message.to_string()),
            AppError::Forbidden => error(StatusCode::FORBIDDEN, "forbidden"),
            AppError::Unavailable(e) => {
                tracing::warn!(error = %e, "database unavailable");
                let mut response =
                    error(StatusCode::SERVICE_UNAVAILABLE, "the database is unavailable; try again in a minute");
                response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
                response
            }
            AppError::Internal(e) => {
                tracing::error!(error = ?e, "internal error");
                error(StatusCode::INTERNAL_SERVER_ERROR, "something went wrong on our side")
            }
        }
    }
}

type ApiResult = Result<Response, ApiError>;

/// Caches the JSON of `value` under `key` until the data changes, and answers the request
/// (304 when the client's copy is current).
async fn cached<F, Fut, T>(state: &AppState, headers: &HeaderMap, key: String, compute: F) -> ApiResult
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<T, AppError>>,
    T: serde::Serialize,
{
    let rendered = state
        .cache
        .get_or_compute(key, || async {
            let value = compute().await?;
            let body = serde_json::to_vec(&value).map_err(anyhow::Error::from)?;
            Ok(Rendered::validated(JSON, body))
        })
        .await?;
    let mut response = rendered.respond(headers);
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=60"));
    Ok(response)
}

/// `found`, or when no record has the address, a 301 to the current address of the record that
/// used to have it (`current` looks it up among old addresses).
async fn or_moved<F, Fut>(found: ApiResult, base: String, current: F) -> ApiResult
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<Option<String>, AppError>>,
{
    match found {
        Err(ApiError(AppError::NotFound)) => match current().await? {
            Some(slug) => Ok(moved(format!("{base}/{slug}"))),
            None => Err(ApiError(AppError::NotFound)),
        },
        other => other,
    }
}

fn moved(to: String) -> Response {
    let mut response = error(StatusCode::MOVED_PERMANENTLY, "moved; follow the Location header");
    if let Ok(location) = HeaderValue::from_str(&to) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

/// Search and browse published people, with the parameters of the search page.
#[utoipa::path(
    get,
    path = "/api/v1/prisoners",
    tag = "records",
    params(
        ("q" = Option<String>, Query, description = "A name in any script or spelling, an occupation, a charge", example = "Kuznechik"),
        ("status" = Option<String>, Query, description = "`held` (any kind of custody), `awaiting_trial`, `serving_sentence`, `in_custody`, `released`, `died_in_custody` or `unknown`"),
        ("country" = Option<String>, Query, description = "The detaining state (ISO 3166 code)", example = "BY"),
        ("citizenship" = Option<String>, Query, description = "ISO 3166 code"),
        ("sex" = Option<String>, Query, description = "`female`, `male` or `other`"),
        ("mechanism" = Option<String>, Query, description = "How custody ended: `pardon`, `exchange`, …"),
        ("wave" = Option<String>, Query, description = "A release wave's slug"),
        ("charge" = Option<String>, Query, description = "An article of a criminal code, such as `342`"),
        ("detained_from" = Option<i32>, Query, description = "Year"),
        ("detained_to" = Option<i32>, Query, description = "Year"),
        ("released_from" = Option<i32>, Query, description = "Year"),
        ("released_to" = Option<i32>, Query, description = "Year"),
        ("sort" = Option<String>, Query, description = "`relevance` (with `q`), `name`, `detained` or `released`"),
        ("page" = Option<i64>, Query, description = "1-based; 50 people a page"),
    ),
    responses(
        (status = 200, description = "One page of people", body = Page<PersonItem>),
        (status = 400, description = "A parameter the search cannot use", body = types::Error),
    )
)]
async fn list_prisoners(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(form): Query<SearchForm>,
) -> ApiResult {
    let search = Search::parse(&form).map_err(|e| AppError::BadRequest(e.message()))?;
    let query = search.query_string(search.page, search.sort);
    let origin = state.origin.clone();
    cached(&state, &headers, format!("/api/v1/prisoners?{query}"), || async {
        let results = search::search(&mut *state.db.acquire().await?, &search, Lang::En).await?;
        let total = results.count.min(COUNT_CAP);
        let link = |page: i64| format!("{origin}/api/v1/prisoners?{}", search.query_string(page, search.sort));
        let last_page = (total + PAGE_SIZE - 1) / PAGE_SIZE;
        Ok(Page {
            page: search.page,
            per_page: PAGE_SIZE,
            total,
            total_is_capped: results.count_is_capped(),
            links: Links {
                this: link(search.page),
                next: (search.page < last_page || results.count_is_capped() && results.hits.len() as i64 == PAGE_SIZE)
                    .then(|| link(search.page + 1)),
                prev: (search.page > 1).then(|| link(search.page - 1)),
                html: format!("{origin}/prisoners?{}", search.query_string(search.page, search.sort)),
            },
            data: results.hits.into_iter().map(|hit| PersonItem::from_hit(hit, &origin)).collect(),
        })
    })
    .await
}

/// One published person with everything their page shows. An old slug answers 301.
#[utoipa::path(
    get,
    path = "/api/v1/prisoners/{slug}",
    tag = "records",
    params(("slug" = String, Path, description = "The person's address", example = "andrey-kuznechyk")),
    responses(
        (status = 200, description = "The person", body = Person),
        (status = 301, description = "The person's address changed; see Location", body = types::Error),
        (status = 404, description = "No published person has this address", body = types::Error),
    )
)]
async fn show_prisoner(State(state): State<AppState>, headers: HeaderMap, Path(slug): Path<String>) -> ApiResult {
    let slug: Slug = slug.parse().map_err(|_| AppError::NotFound)?;
    let origin = state.origin.clone();
    let found = cached(&state, &headers, format!("/api/v1/prisoners/{slug}"), || async {
        let person = people::find_published_profile(&mut *state.db.acquire().await?, slug.as_str(), Lang::En).await?;
        person.map(|p| Person::new(p, &origin)).ok_or(AppError::NotFound)
    })
    .await;
    or_moved(found, format!("{origin}/api/v1/prisoners"), || async {
        Ok(people::find_redirect(&mut *state.db.acquire().await?, slug.as_str()).await?)
    })
    .await
}

/// Every published release wave, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/waves",
    tag = "records",
    params(
        ("country" = Option<String>, Query, description = "The releasing state (ISO 3166 code)"),
        ("from" = Option<String>, Query, description = "Waves overlapping this date or later: `2024`, `2024-07`, `2024-07-03`"),
        ("to" = Option<String>, Query, description = "Waves overlapping this date or earlier"),
    ),
    responses(
        (status = 200, description = "The waves", body = Vec<WaveItem>),
        (status = 400, description = "A parameter that cannot be used", body = types::Error),
    )
)]
async fn list_waves(State(state): State<AppState>, headers: HeaderMap, Query(form): Query<ChartForm>) -> ApiResult {
    let filter = ChartFilter::parse(&form).map_err(|e| AppError::BadRequest(e.message()))?;
    let origin = state.origin.clone();
    cached(&state, &headers, format!("/api/v1/waves{}", filter.query_suffix()), || async {
        let waves = waves::list_published(&mut *state.db.acquire().await?, &filter, WAVE_LIMIT).await?;
        Ok(waves.into_iter().map(|w| WaveItem::new(w, &origin)).collect::<Vec<_>>())
    })
    .await
}

/// One published wave with the people documented as released in it.
#[utoipa::path(
    get,
    path = "/api/v1/waves/{slug}",
    tag = "records",
    params(("slug" = String, Path, description = "The wave's address", example = "handover-2025-02-12-vilnius")),
    responses(
        (status = 200, description = "The wave", body = Wave),
        (status = 301, description = "The wave's address changed; see Location", body = types::Error),
        (status = 404, description = "No published wave has this address", body = types::Error),
    )
)]
async fn show_wave(State(state): State<AppState>, headers: HeaderMap, Path(slug): Path<String>) -> ApiResult {
    let slug: Slug = slug.parse().map_err(|_| AppError::NotFound)?;
    let origin = state.origin.clone();
    let found = cached(&state, &headers, format!("/api/v1/waves/{slug}"), || async {
        let wave = waves::find_published_profile(&mut *state.db.acquire().await?, slug.as_str(), Lang::En).await?;
        wave.map(|w| Wave::new(w, &origin)).ok_or(AppError::NotFound)
    })
    .await;
    or_moved(found, format!("{origin}/api/v1/waves"), || async {
        Ok(waves::find_redirect(&mut *state.db.acquire().await?, slug.as_str()).await?)
    })
    .await
}

/// The series behind one chart of `/charts`, with the same filter.
#[utoipa::path(
    get,
    path = "/api/v1/stats/{chart}",
    tag = "numbers",
    params(
        ("chart" = String, Path, description = "`waves`, `flows`, `held`, `mechanisms` or `citizenship`"),
        ("country" = Option<String>, Query, description = "ISO 3166 code"),
        ("from" = Option<String>, Query, description = "`2024`, `2024-07` or `2024-07-03`"),
        ("to" = Option<String>, Query, description = "`2025`, `2025-02` or `2025-02-12`"),
    ),
    responses(
        (status = 200, description = "The chart's rows", body = Stats),
        (status = 400, description = "A parameter that cannot be used", body = types::Error),
        (status = 404, description = "No such chart", body = types::Error),
    )
)]
async fn show_stats(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(chart): Path<String>,
    Query(form): Query<ChartForm>,
) -> ApiResult {
    let name = ChartName::parse(&chart).ok_or(AppError::NotFound)?;
    let filter = ChartFilter::parse(&form).map_err(|e| AppError::BadRequest(e.message()))?;
    let origin = state.origin.clone();
    cached(&state, &headers, format!("/api/v1/stats/{}{}", name.as_str(), filter.query_suffix()), || async {
        let charts = crate::web::charts::charts_for(&state, &filter).await?;
        let (rows, unplaced) = charts.stats_rows(name, &origin);
        Ok(Stats {
            chart: name.as_str().to_owned(),
            country: filter.country.clone(),
            from: filter.from.map(Into::into),
            to: filter.to.map(Into::into),
            unplaced,
            rows,
        })
    })
    .await
}

/// The latest published figure for each country and count.
#[utoipa::path(
    get,
    path = "/api/v1/figures",
    tag = "numbers",
    responses((status = 200, description = "The figures", body = Vec<Figure>))
)]
async fn list_figures(State(state): State<AppState>, headers: HeaderMap) -> ApiResult {
    cached(&state, &headers, "/api/v1/figures".into(), || async {
        let figures = stats::latest_figures(&mut *state.db.acquire().await?).await?;
        Ok(figures.into_iter().map(Figure::from).collect::<Vec<_>>())
    })
    .await
}

/// The OpenAPI 3 document of the API, made from the code.
async fn openapi(State(state): State<AppState>, headers: HeaderMap) -> ApiResult {
    let mut doc = ApiDoc::openapi();
    doc.servers = Some(vec![utoipa::openapi::Server::new(state.origin.to_string())]);
    let body = serde_json::to_vec_pretty(&doc).map_err(|e| AppError::Internal(e.into()))?;
    let mut response = Rendered::validated(JSON, body).respond(&headers);
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600"));
    Ok(response)
}

#[derive(Template)]
#[template(path = "api.html")]
struct ApiPage {
    layout: Layout,
    origin: String,
}

async fn api_page(State(state): State<AppState>, locale: crate::web::locale::Locale) -> Result<Response, AppError> {
    render(&ApiPage { layout: Layout::localised(&state, locale, "/api"), origin: state.origin.to_string() })
}
