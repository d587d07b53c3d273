//! What the handlers of staff sessions (`/admin`, `/account`, `/logout`) take from their request,
//! as extractors: who is asking ([`Staff`]: the account and its session) and a posted form whose
//! anti-forgery token is already checked ([`Posted`]), so that a handler cannot forget the check.
//!
//! The two multipart forms (a photo, a CSV import) are read by their handlers, field by field,
//! because a body cut at its limit must still give back the fields sent before the cut. What
//! they read is an [`Unchecked`] form: its contents come out only through [`Staff::verify`],
//! which checks the token first.

use axum::Form;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

use crate::db::users::User;
use crate::records::Values;
use crate::web::csrf;
use crate::web::error::{AppError, AppResult};

/// The account making a request behind the login, put there by `admin::require_login`.
#[derive(Clone, Debug)]
pub struct CurrentUser(pub User);

/// The account making a request behind the login and its session.
pub struct Staff {
    pub user: User,
    pub session: Session,
}

impl Staff {
    /// A new anti-forgery token for a form on the page being made.
    pub async fn token(&self) -> AppResult<String> {
        csrf::token(&self.session).await
    }

    /// The contents of a form read by hand, once its token is found to be this session's (403
    /// otherwise).
    pub async fn verify<T>(&self, form: Unchecked<T>) -> AppResult<T> {
        csrf::verify(&self.session, form.token.as_deref()).await?;
        Ok(form.contents)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Staff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Response> {
        // Only routes behind `require_login` take a `Staff`: without an account it is a bug in
        // the router, refused rather than served.
        let Some(CurrentUser(user)) = parts.extensions.get::<CurrentUser>().cloned() else {
            return Err(AppError::Forbidden.into_response());
        };
        let session = Session::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
        Ok(Staff { user, session })
    }
}

/// A posted form whose `csrf_token` matched the session's.
pub struct Posted(pub Values);

impl<S: Send + Sync> FromRequest<S> for Posted {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Response> {
        let (mut parts, body) = request.into_parts();
        let session = Session::from_request_parts(&mut parts, state).await.map_err(IntoResponse::into_response)?;
        let Form(values) = Form::<Values>::from_request(Request::from_parts(parts, body), state)
            .await
            .map_err(IntoResponse::into_response)?;
        csrf::verify(&session, values.get("csrf_token").map(String::as_str))
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(Posted(values))
    }
}

/// A form a handler read itself (multipart), whose token is not checked yet. Nothing of it can be
/// used before [`Staff::verify`] checks the token, except whether one was sent at all.
pub struct Unchecked<T> {
    token: Option<String>,
    contents: T,
}

impl<T> Unchecked<T> {
    pub fn new(token: Option<String>, contents: T) -> Self {
        Unchecked { token, contents }
    }

    /// Whether the form carried a token (one read before the body was cut at its limit).
    pub fn has_token(&self) -> bool {
        self.token.is_some()
    }
}
