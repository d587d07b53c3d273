//! What every admin handler takes from its request, as extractors: who is asking ([`Staff`]: the
//! account and its session) and a posted form whose anti-forgery token is already checked
//! ([`Posted`]), so that a handler cannot forget the check.

use axum::Form;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

use super::CurrentUser;
use crate::db::users::User;
use crate::error::AppError;
use crate::records::Values;
use crate::web::csrf;

/// The account making a request under `/admin` (put there by `require_login`) and its session.
pub struct Staff {
    pub user: User,
    pub session: Session,
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

/// A posted form (field name → text) whose `csrf_token` matched the session's.
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
