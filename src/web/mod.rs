//! The HTTP layer: one module per area, each with its own `router()`, merged here.

pub mod admin;
pub mod api;
pub mod assets;
pub mod cache;
pub mod charts;
pub mod csrf;
pub mod data;
mod feeds;
pub mod format;
pub mod headers;
mod health;
mod home;
pub mod photos;
mod prisoners;
pub(crate) mod search;
mod waves;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

use crate::app::AppState;
use crate::error::{AppResult, error_page};

/// What every page's frame (`base.html`) needs.
#[derive(Debug, Clone)]
pub struct Layout {
    pub stylesheet: &'static str,
    /// The absolute URL of the page, for `<link rel="canonical">` and link previews.
    pub canonical: Option<String>,
}

impl Layout {
    /// A frame without a canonical link (error pages).
    pub fn plain() -> Self {
        Layout { stylesheet: assets::url("style.css"), canonical: None }
    }

    /// A frame for the page at `path` (which starts with `/`).
    pub fn for_path(state: &AppState, path: &str) -> Self {
        Layout { canonical: Some(format!("{}{path}", state.origin)), ..Layout::plain() }
    }
}

/// Renders a page template as an HTML response.
pub fn render(page: &impl askama::Template) -> AppResult<Response> {
    Ok(Html(page.render()?).into_response())
}

/// 301 to `path`: old addresses of records answer with this so that links in published articles
/// keep working and search engines move to the new address.
pub fn moved_permanently(path: &str) -> Response {
    (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, path.to_owned())]).into_response()
}

pub fn router(state: &AppState) -> Router<AppState> {
    Router::new()
        .merge(admin::router(state))
        .merge(home::router())
        .merge(prisoners::router())
        .merge(photos::router())
        .merge(search::router())
        .merge(waves::router())
        .merge(charts::router())
        .merge(data::router())
        .merge(feeds::router())
        .merge(api::router())
        .merge(health::router())
        .merge(assets::router())
        .fallback(|| async { error_page(StatusCode::NOT_FOUND, None) })
}

/// The routes that accept large request bodies (photo uploads): `app::router` keeps them out
/// of the site-wide body limit, and each sets its own.
pub fn upload_router(state: &AppState) -> Router<AppState> {
    admin::upload_router(state)
}

/// Gives bare error responses from the framework and middleware (405 from routing, 408 from the
/// timeout, 413 from the body limit) the same friendly page as the handlers' errors.
pub async fn friendly_errors(response: Response) -> Response {
    let status = response.status();
    // tower-http's body limit answers 413 in plain text; the others send no body at all.
    let content_type = response.headers().get(header::CONTENT_TYPE);
    let bare = content_type.is_none()
        || (status == StatusCode::PAYLOAD_TOO_LARGE
            && content_type.is_some_and(|v| v.as_bytes().starts_with(b"text/plain")));
    if (status.is_client_error() || status.is_server_error()) && bare {
        let mut page = error_page(status, None);
        if let Some(allow) = response.headers().get(header::ALLOW) {
            page.headers_mut().insert(header::ALLOW, allow.clone());
        }
        page
    } else {
        response
    }
}
