//! `/data`: the open dataset. The page explains it; `/data/prisoner-tracker.zip` (a CSV file
//! per table, the manifest and a README) and `/data/prisoner-tracker.json` are the downloads.
//!
//! The dataset is made on the first request after the data changes, from one snapshot, and kept
//! in memory (`state.dataset`) until the next change: the page, the zip and the JSON always
//! describe the same moment. Downloads carry an ETag (SHA-256 of the bytes) and answer a
//! matching `If-None-Match` with 304.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use bytes::Bytes;
use sha2::{Digest, Sha256};

use crate::app::AppState;
use crate::dataset::export::{self, Dataset};
use crate::dataset::{ATTRIBUTION, LICENCE_NAME, Table};
use crate::db::changes::Changes;
use crate::i18n::Lang;
use crate::web::cache::GenerationCache;
use crate::web::error::{AppError, AppResult};
use crate::web::locale::Locale;
use crate::web::{Layout, render};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/data", get(show_data))
        .route("/data/prisoner-tracker.zip", get(download_zip))
        .route("/data/prisoner-tracker.json", get(download_json))
}

/// Browsers and proxies may keep a download this long, then ask again with its ETag.
const CACHE_CONTROL: &str = "public, max-age=300";

/// The dataset as served, kept until the data changes.
pub type DatasetCache = GenerationCache<Arc<Published>>;

pub fn cache(changes: Changes) -> DatasetCache {
    // One entry, weighed by its bytes. A dataset larger than this is made again per request.
    GenerationCache::new(changes, 1024 * 1024 * 1024, |p: &Arc<Published>| p.zip.body.len() + p.json.body.len())
}

/// A download: its bytes and their ETag.
pub struct Download {
    pub body: Bytes,
    /// `W/"<sha256 hex>"`.
    pub etag: String,
}

impl Download {
    fn new(body: Vec<u8>) -> Self {
        let digest = Sha256::digest(&body);
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        // Weak: the JSON is sent compressed when the client accepts it, so the bytes on the
        // wire differ from those hashed.
        Download { body: body.into(), etag: format!("W/\"{hex}\"") }
    }

    /// `1.2 MB`, `340 kB`; `1,2 МБ`, `340 КБ` in Belarusian and Russian.
    fn size(&self, lang: Lang) -> String {
        let bytes = self.body.len() as f64;
        if bytes >= 1e6 {
            let n = format!("{:.1}", bytes / 1e6);
            let n = if lang == Lang::En { n } else { n.replace('.', ",") };
            lang.t1("data-size-mb", "n", n)
        } else {
            lang.t1("data-size-kb", "n", lang.number((bytes / 1e3).ceil() as i64))
        }
    }
}

/// What the page says about one file.
pub struct FileSummary {
    pub table: &'static Table,
    pub rows: i64,
}

/// The dataset made at one moment, as the page and the downloads need it.
pub struct Published {
    pub generated_at: String,
    pub schema_version: i64,
    pub files: Vec<FileSummary>,
    /// Published people counted without being named (no row of theirs is in any file).
    pub people_not_named: i64,
    pub zip: Download,
    pub json: Download,
}

impl Published {
    fn new(dataset: &Dataset) -> anyhow::Result<Self> {
        Ok(Published {
            generated_at: dataset.generated_at_text(),
            schema_version: dataset.schema_version,
            files: dataset.tables.iter().map(|t| FileSummary { table: t.table, rows: t.rows.len() as i64 }).collect(),
            people_not_named: dataset.people_not_named,
            zip: Download::new(dataset.zip()?),
            json: Download::new(dataset.json()?),
        })
    }
}

/// The current dataset, from memory or made now.
async fn published(state: &AppState) -> AppResult<Arc<Published>> {
    let db = state.db.clone();
    state
        .dataset
        .get_or_compute("/data".to_owned(), || async move {
            let dataset = export::read(&db).await?;
            // Writing CSV, JSON and the zip is CPU work: off the async threads.
            let published = tokio::task::spawn_blocking(move || Published::new(&dataset))
                .await
                .map_err(|e| AppError::Internal(e.into()))??;
            Ok(Arc::new(published))
        })
        .await
}

#[derive(Template)]
#[template(path = "data/show.html")]
struct DataPage {
    layout: Layout,
    published: Arc<Published>,
    licence_name: &'static str,
    attribution: &'static str,
}

async fn show_data(State(state): State<AppState>, locale: Locale) -> AppResult<Response> {
    let published = published(&state).await?;
    render(&DataPage {
        layout: Layout::localised(&state, locale, "/data"),
        published,
        licence_name: LICENCE_NAME,
        attribution: ATTRIBUTION,
    })
}

async fn download_zip(State(state): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    let published = published(&state).await?;
    Ok(download(&headers, &published.zip, "application/zip", "prisoner-tracker.zip"))
}

async fn download_json(State(state): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    let published = published(&state).await?;
    Ok(download(&headers, &published.json, "application/json", "prisoner-tracker.json"))
}

/// The file as an attachment, or 304 when the client holds these bytes already.
fn download(request: &HeaderMap, file: &Download, content_type: &'static str, name: &'static str) -> Response {
    let etag = HeaderValue::from_str(&file.etag).expect("hex in quotes is a header value");
    let cache_control = HeaderValue::from_static(CACHE_CONTROL);
    if matches_etag(request, &file.etag) {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag), (header::CACHE_CONTROL, cache_control)])
            .into_response();
    }
    let disposition = format!("attachment; filename=\"{name}\"");
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).expect("a plain file name")),
            (header::ETAG, etag),
            (header::CACHE_CONTROL, cache_control),
        ],
        file.body.clone(),
    )
        .into_response()
}

/// `If-None-Match` by weak comparison (RFC 9110 13.1.2): a list of tags, `W/` ignored, or `*`.
fn matches_etag(request: &HeaderMap, etag: &str) -> bool {
    let opaque = etag.trim_start_matches("W/");
    request.get_all(header::IF_NONE_MATCH).iter().filter_map(|v| v.to_str().ok()).any(|value| {
        value
            .split(',')
            .map(str::trim)
            .any(|candidate| candidate == "*" || candidate.trim_start_matches("W/") == opaque)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_compares_weakly_and_accepts_lists_and_a_star() {
        let etag = "W/\"abc\"";
        for (header, matches) in [
            ("\"abc\"", true),
            ("W/\"abc\"", true),
            ("\"x\", \"abc\"", true),
            ("*", true),
            ("\"abd\"", false),
            ("abc", false),
        ] {
            let mut headers = HeaderMap::new();
            headers.insert(header::IF_NONE_MATCH, HeaderValue::from_str(header).unwrap());
            assert_eq!(matches_etag(&headers, etag), matches, "{header}");
        }
        assert!(!matches_etag(&HeaderMap::new(), etag), "no header");
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(Download::new(vec![0; 1_500_000]).size(Lang::En), "1.5 MB");
        assert_eq!(Download::new(vec![0; 2_100]).size(Lang::En), "3 kB");
        assert_eq!(Download::new(vec![0; 1_500_000]).size(Lang::Be), "1,5 МБ");
        assert_eq!(Download::new(vec![0; 340_000]).size(Lang::Ru), "340 КБ");
    }
}
