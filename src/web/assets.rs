//! Static files from `static/`, embedded in the binary. Pages link them with a content hash in
//! the URL (`/static/style.css?v=1a2b3c4d`), so they can be cached for a year and still change
//! the moment a new version is deployed. Only embedded files exist: no path reaches the disk.

use std::collections::HashMap;
use std::sync::LazyLock;

use axum::Router;
use axum::extract::{Path, Query};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use rust_embed::Embed;
use serde::Deserialize;

use crate::app::AppState;
use crate::web::error::error_page;

#[derive(Embed)]
#[folder = "static/"]
struct Files;

/// File name → `/static/name?v=hash`, computed once.
static URLS: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    Files::iter()
        .filter_map(|name| {
            let file = Files::get(&name)?;
            let url = format!("/static/{name}?v={}", version(&file));
            Some((name.into_owned(), &*Box::leak(url.into_boxed_str())))
        })
        .collect()
});

fn version(file: &rust_embed::EmbeddedFile) -> String {
    file.metadata.sha256_hash()[..6].iter().map(|b| format!("{b:02x}")).collect()
}

/// The cache-busting URL of a static file. Panics on a name that is not in `static/`: that is
/// a bug in a template, caught by any test that renders it.
pub fn url(name: &str) -> &'static str {
    URLS.get(name).copied().unwrap_or_else(|| panic!("no static file {name}"))
}

pub fn router() -> Router<AppState> {
    Router::new().route("/static/{*path}", get(serve_static))
}

#[derive(Deserialize)]
struct VersionQuery {
    v: Option<String>,
}

async fn serve_static(Path(path): Path<String>, Query(query): Query<VersionQuery>, headers: HeaderMap) -> Response {
    let Some(file) = Files::get(&path) else {
        return error_page(StatusCode::NOT_FOUND, None);
    };
    let version = version(&file);
    let etag = format!("\"{version}\"");
    // With the right version in the URL the content can never change; without it, revalidate.
    let cache = if query.v.as_deref() == Some(version.as_str()) {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=0, must-revalidate"
    };
    let mime = mime_guess::from_path(&path).first_or_octet_stream();
    let mut response = if headers.get(header::IF_NONE_MATCH).is_some_and(|v| v.as_bytes() == etag.as_bytes()) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, mime.as_ref().to_owned())], file.data.into_owned()).into_response()
    };
    let response_headers = response.headers_mut();
    response_headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Ok(value) = HeaderValue::from_str(&etag) {
        response_headers.insert(header::ETAG, value);
    }
    response
}
