//! Anti-forgery tokens for forms, on top of the Origin / Sec-Fetch-Site check that refuses
//! cross-site POSTs outright (`tower_http::csrf::CsrfLayer` in `app::router`).
//!
//! Each session holds one secret. Every form carries it *masked* with a fresh random pad
//! (pad ‖ pad⊕secret, in hex), so the token differs on every page: compressed responses that
//! also reflect input cannot leak it byte by byte (BREACH).
//!
//! The login form is shown to anyone, so its secret is not kept in the session store (every
//! visit would write a row): it lives in a cookie of its own ([`LoginCookie`]), and the form's
//! token must match it (a double-submit check, behind the same cross-site refusal).

use rand::RngCore;
use tower_sessions::Session;

use crate::web::error::{AppError, AppResult};

const KEY: &str = "csrf_secret";
const LEN: usize = 32;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok()).collect()
}

async fn secret(session: &Session) -> AppResult<Vec<u8>> {
    let stored: Option<String> = session.get(KEY).await.map_err(internal)?;
    if let Some(secret) = stored.as_deref().and_then(unhex).filter(|s| s.len() == LEN) {
        return Ok(secret);
    }
    let mut secret = vec![0u8; LEN];
    rand::rng().fill_bytes(&mut secret);
    session.insert(KEY, hex(&secret)).await.map_err(internal)?;
    Ok(secret)
}

fn internal(error: tower_sessions::session::Error) -> AppError {
    AppError::Internal(anyhow::anyhow!("session: {error}"))
}

/// `secret` masked with a fresh pad: a token.
fn masked(secret: &[u8]) -> String {
    let mut pad = [0u8; LEN];
    rand::rng().fill_bytes(&mut pad);
    let masked: Vec<u8> = pad.iter().zip(secret).map(|(p, s)| p ^ s).collect();
    format!("{}{}", hex(&pad), hex(&masked))
}

/// A token for a form of this session.
pub async fn token(session: &Session) -> AppResult<String> {
    Ok(masked(&secret(session).await?))
}

/// Refuses (403) a form whose token is missing or not this session's.
pub async fn verify(session: &Session, submitted: Option<&str>) -> AppResult<()> {
    let stored: Option<String> = session.get(KEY).await.map_err(internal)?;
    matches(stored.as_deref().and_then(unhex), submitted)
}

/// Whether `submitted` is `secret` masked (403 otherwise).
fn matches(secret: Option<Vec<u8>>, submitted: Option<&str>) -> AppResult<()> {
    let secret = secret.ok_or(AppError::Forbidden)?;
    let token = submitted.and_then(unhex).filter(|t| t.len() == 2 * LEN).ok_or(AppError::Forbidden)?;
    let (pad, masked) = token.split_at(LEN);
    // Compared in constant time: every byte is looked at whatever the first difference.
    let difference = pad.iter().zip(masked).zip(&secret).fold(0u8, |acc, ((p, m), s)| acc | (p ^ m ^ s));
    if difference == 0 && secret.len() == LEN { Ok(()) } else { Err(AppError::Forbidden) }
}

/// Replaces the session's secret, so that tokens issued before (say, before login) stop working.
pub async fn rotate(session: &Session) -> AppResult<()> {
    session.remove::<String>(KEY).await.map_err(internal)?;
    secret(session).await.map(|_| ())
}

/// The cookie holding the login form's secret.
pub const LOGIN_COOKIE: &str = "pt_login";

/// The login form's secret, from its cookie (see the module's notes); `None` before the first
/// visit to the form.
pub struct LoginCookie(Option<Vec<u8>>);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for LoginCookie {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _: &S) -> Result<Self, Self::Rejection> {
        let secret = parts
            .headers
            .get_all(axum::http::header::COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|cookies| cookies.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == LOGIN_COOKIE)
            .and_then(|(_, value)| unhex(value))
            .filter(|secret| secret.len() == LEN);
        Ok(LoginCookie(secret))
    }
}

impl LoginCookie {
    /// A token for the login form, and the `Set-Cookie` value when the visitor has no secret yet
    /// (HttpOnly, SameSite=Strict, Secure under https, for a day).
    pub fn token(&self, secure: bool) -> (String, Option<String>) {
        if let Some(secret) = &self.0 {
            return (masked(secret), None);
        }
        let mut secret = vec![0u8; LEN];
        rand::rng().fill_bytes(&mut secret);
        let secure = if secure { "; Secure" } else { "" };
        let cookie =
            format!("{LOGIN_COOKIE}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age=86400{secure}", hex(&secret));
        (masked(&secret), Some(cookie))
    }

    /// Refuses (403) a login form whose token does not match the cookie.
    pub fn verify(&self, submitted: Option<&str>) -> AppResult<()> {
        matches(self.0.clone(), submitted)
    }
}
