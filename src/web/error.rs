//! One error type for every handler, rendered as a friendly HTML page with the right status.
//! Details of server errors go to the log, never to the visitor.

use askama::Template;
use axum::http::StatusCode;

use crate::i18n::Message;
use axum::response::{Html, IntoResponse, Response};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// The request cannot be served as asked; the message is shown to the visitor.
    #[error("bad request: {0}")]
    BadRequest(Message),
    /// Not allowed: a role that lacks the right, or a form without its anti-forgery token.
    #[error("forbidden")]
    Forbidden,
    #[error("the database is unavailable: {0}")]
    Unavailable(#[source] sqlx::Error),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        if crate::db::is_unavailable(&error) {
            AppError::Unavailable(error)
        } else if crate::db::is_unstorable_text(&error) {
            // Text PostgreSQL cannot hold (a NUL character) that got past validation: the
            // request's fault, not the server's.
            AppError::BadRequest(Message::new("refusal-nul"))
        } else {
            AppError::Internal(error.into())
        }
    }
}

impl From<askama::Error> for AppError {
    fn from(error: askama::Error) -> Self {
        AppError::Internal(error.into())
    }
}

/// The error page. `kind` selects the text in the template, so all wording stays translatable.
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage<'a> {
    pub layout: super::Layout,
    pub status: u16,
    pub kind: &'a str,
    pub message: Option<&'a Message>,
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// Renders the error page for a status; used by handlers' errors and by the fallbacks.
pub fn error_page(status: StatusCode, message: Option<&Message>) -> Response {
    let kind = match status {
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::BAD_REQUEST => "bad_request",
        StatusCode::FORBIDDEN => "forbidden",
        StatusCode::SERVICE_UNAVAILABLE => "unavailable",
        StatusCode::REQUEST_TIMEOUT => "timeout",
        StatusCode::PAYLOAD_TOO_LARGE => "too_large",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        _ => "internal",
    };
    let page = ErrorPage { layout: super::Layout::plain(), status: status.as_u16(), kind, message };
    let mut response = match page.render() {
        Ok(html) => Html(html).into_response(),
        Err(error) => {
            tracing::error!(%error, "cannot render the error page");
            status.canonical_reason().unwrap_or("Error").to_owned().into_response()
        }
    };
    *response.status_mut() = status;
    if status == StatusCode::SERVICE_UNAVAILABLE {
        response.headers_mut().insert(axum::http::header::RETRY_AFTER, axum::http::HeaderValue::from_static("10"));
    }
    response
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match &self {
            AppError::Internal(error) => tracing::error!(error = format!("{error:#}"), "request failed"),
            AppError::Unavailable(error) => tracing::warn!(%error, "database unavailable"),
            AppError::NotFound | AppError::BadRequest(_) | AppError::Forbidden => {}
        }
        let message = match &self {
            AppError::BadRequest(message) => Some(message),
            _ => None,
        };
        error_page(self.status(), message)
    }
}

pub type AppResult<T> = Result<T, AppError>;
