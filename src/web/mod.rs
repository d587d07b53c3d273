//! The HTTP layer: one module per area, each with its own `router()`, merged here.

pub mod account;
pub mod admin;
pub mod api;
pub mod assets;
pub mod cache;
pub mod charts;
pub mod client;
pub mod csrf;
pub mod data;
pub mod download;
pub mod error;
pub mod extract;
mod feeds;
pub mod format;
pub mod headers;
mod health;
mod home;
pub mod locale;
pub mod login;
pub mod photos;
mod prisoners;
pub(crate) mod search;
pub mod throttle;
mod waves;
mod xml;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

use crate::app::AppState;
use crate::i18n::{Lang, Message};
use crate::web::error::{AppResult, error_page};
use crate::web::locale::Locale;

/// What every page's frame (`base.html`) needs, and what every page uses to speak its
/// language: `layout.t("key")` and the other methods below.
#[derive(Debug, Clone)]
pub struct Layout {
    pub stylesheet: &'static str,
    /// The absolute URL of the page, for `<link rel="canonical">` and link previews.
    pub canonical: Option<String>,
    pub lang: Lang,
    /// The language the reader's browser prefers, offered on an English page.
    pub hint: Option<Lang>,
    /// The page's address without a language prefix (with its query string), on pages that
    /// exist in every language: the switcher and the `hreflang` alternates link to it.
    pub translations: Option<String>,
    origin: Option<std::sync::Arc<str>>,
}

/// The same page in one language, for the switcher and `hreflang`.
#[derive(Debug, Clone)]
pub struct Alternate {
    pub lang: &'static str,
    /// The language's own name for itself.
    pub name: String,
    pub href: String,
    /// Absolute, as `hreflang` links must be.
    pub url: String,
    pub current: bool,
}

impl Layout {
    /// A frame without a canonical link (error pages), in the language of the request.
    pub fn plain() -> Self {
        Layout {
            stylesheet: assets::url("style.css"),
            canonical: None,
            lang: locale::current(),
            hint: None,
            translations: None,
            origin: None,
        }
    }

    /// A frame for a translated page at `path` (without a language prefix, with the query
    /// string if any), in the locale's language.
    pub fn localised(state: &AppState, locale: Locale, path: &str) -> Self {
        Layout {
            canonical: Some(format!("{}{}", state.origin, locale.lang.path(path))),
            lang: locale.lang,
            hint: locale.hint,
            translations: Some(path.to_owned()),
            origin: Some(state.origin.clone()),
            ..Layout::plain()
        }
    }

    /// This page in each language (empty on an error page, whose frame is `plain`).
    pub fn alternates(&self) -> Vec<Alternate> {
        let Some(path) = &self.translations else { return Vec::new() };
        let origin = self.origin.as_deref().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .map(|lang| Alternate {
                lang: lang.code(),
                name: lang.t("language-self"),
                href: lang.path(path),
                url: format!("{origin}{}", lang.path(path)),
                current: lang == self.lang,
            })
            .collect()
    }

    /// The English page's absolute address, the `x-default` for search engines.
    pub fn default_url(&self) -> Option<String> {
        let path = self.translations.as_ref()?;
        Some(format!("{}{path}", self.origin.as_deref().unwrap_or_default()))
    }

    /// The offer shown on an English page to a reader who prefers another language.
    pub fn hint_link(&self) -> Option<(Lang, String)> {
        let hint = self.hint?;
        Some((hint, hint.path(self.translations.as_deref()?)))
    }
}

/// A page speaks its language through its frame: `layout.t("key")`, `layout.t1(…)`,
/// `layout.tn(…)`, `layout.number(…)`, `layout.date(…)`, `layout.link("/path")` and the rest of
/// [`Lang`]'s methods.
impl std::ops::Deref for Layout {
    type Target = Lang;

    fn deref(&self) -> &Lang {
        &self.lang
    }
}

/// Renders a page template as an HTML response.
pub fn render(page: &impl askama::Template) -> AppResult<Response> {
    Ok(Html(page.render()?).into_response())
}

/// `page` answered with `status`: a form sent back (422), a conflict (409), a refused login.
pub fn render_with(status: StatusCode, page: &impl askama::Template) -> AppResult<Response> {
    let mut response = render(page)?;
    *response.status_mut() = status;
    Ok(response)
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
/// timeout, 413 from the body limit) the same friendly page as the handlers' errors, and the
/// extractors' plain-text refusals (a parameter given twice, a query string that is not UTF-8)
/// the friendly page with their message, or under `/api/` the API's JSON error.
pub async fn friendly_errors(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let content_type = response.headers().get(header::CONTENT_TYPE);
    let plain = content_type.is_some_and(|v| v.as_bytes().starts_with(b"text/plain"));
    if content_type.is_some() && !plain {
        return response;
    }
    let allow = response.headers().get(header::ALLOW).cloned();
    // tower-http's body limit answers 413 in plain text; the others send no body at all. An
    // extractor's rejection (axum's own English, naming serde's types) goes to the log; the
    // reader gets a translated reason.
    let message = if plain && status != StatusCode::PAYLOAD_TOO_LARGE {
        let reason = axum::body::to_bytes(response.into_body(), 4096)
            .await
            .ok()
            .map(|bytes| String::from_utf8_lossy(&bytes).trim().to_owned())
            .filter(|m| !m.is_empty());
        reason.map(|reason| {
            tracing::info!(%reason, status = status.as_u16(), "request refused by an extractor");
            Message::new("refusal-malformed")
        })
    } else {
        None
    };
    let mut page = if api {
        let message = message.map(|m| m.to_string());
        api::error(status, message.as_deref().or(status.canonical_reason()).unwrap_or("error"))
    } else {
        error_page(status, message.as_ref())
    };
    if let Some(allow) = allow {
        page.headers_mut().insert(header::ALLOW, allow);
    }
    page
}

/// PostgreSQL text cannot hold the NUL character, so a form value carrying one (`%00`) would
/// fail at the database. Form bodies get U+FFFD in its place, as an HTML parser shows a NUL:
/// the value is refused or saved like any other, and a form shown again keeps what was typed.
/// (Query strings are left alone: their parameters are refused with a 400 that names them.)
pub async fn replace_nul_in_forms(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let is_form = request
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/x-www-form-urlencoded"));
    if !is_form {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    // The body limit outside this layer bounds what is read here.
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => bytes,
        Err(error) => {
            let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&error);
            let mut too_large = false;
            while let Some(e) = cause {
                too_large |= e.is::<http_body_util::LengthLimitError>();
                cause = e.source();
            }
            let status = if too_large { StatusCode::PAYLOAD_TOO_LARGE } else { StatusCode::BAD_REQUEST };
            return error_page(status, None);
        }
    };
    let body = if bytes.windows(3).any(|w| w == b"%00") || bytes.contains(&0) {
        let text = String::from_utf8_lossy(&bytes).replace("%00", "%EF%BF%BD").replace('\0', "\u{fffd}");
        axum::body::Body::from(text)
    } else {
        axum::body::Body::from(bytes)
    };
    next.run(axum::extract::Request::from_parts(parts, body)).await
}

/// Writes `entry` to the audit log, on a connection of its own.
pub(crate) async fn audit(state: &AppState, entry: crate::db::users::AuditEntry<'_>) -> AppResult<()> {
    Ok(crate::db::users::audit(&mut *state.db.acquire().await?, entry).await?)
}
