//! Anti-forgery tokens for forms, on top of the Origin / Sec-Fetch-Site check that refuses
//! cross-site POSTs outright (`tower_http::csrf::CsrfLayer` in `app::router`).
//!
//! Each session holds one secret. Every form carries it *masked* with a fresh random pad
//! (pad ‖ pad⊕secret, in hex), so the token differs on every page: compressed responses that
//! also reflect input cannot leak it byte by byte (BREACH).

use rand::RngCore;
use tower_sessions::Session;

use crate::error::{AppError, AppResult};

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

/// A token for a form of this session.
pub async fn token(session: &Session) -> AppResult<String> {
    let secret = secret(session).await?;
    let mut pad = [0u8; LEN];
    rand::rng().fill_bytes(&mut pad);
    let masked: Vec<u8> = pad.iter().zip(&secret).map(|(p, s)| p ^ s).collect();
    Ok(format!("{}{}", hex(&pad), hex(&masked)))
}

/// Refuses (403) a form whose token is missing or not this session's.
pub async fn verify(session: &Session, submitted: Option<&str>) -> AppResult<()> {
    let stored: Option<String> = session.get(KEY).await.map_err(internal)?;
    let secret = stored.as_deref().and_then(unhex).ok_or(AppError::Forbidden)?;
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
