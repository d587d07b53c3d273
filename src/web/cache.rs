//! Values kept in memory until the data changes: rendered responses, and the chart data they
//! are drawn from.
//!
//! Entries carry the data generation ([`Changes`]) they were computed from. A stale entry is
//! computed again, one request per key at a time (the others wait for it); when the database is
//! unavailable a stale entry is served rather than an error page, since old figures beat none
//! during an outage; but never one computed before something was unpublished or deleted
//! ([`Changes::may_serve_stale`]).

use std::sync::Arc;

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use moka::future::Cache;
use moka::ops::compute::Op;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::db::changes::Changes;
use crate::web::error::{AppError, AppResult};

/// A response body with its type, as cached; with validators, clients may revalidate it.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub content_type: &'static str,
    pub body: Bytes,
    pub validators: Option<Validators>,
}

/// What a client sends back to ask whether its copy is still good: a strong ETag (from the
/// body's SHA-256) and the time the body was made (the data it shows changed no later).
#[derive(Debug, Clone)]
pub struct Validators {
    pub etag: String,
    pub last_modified: OffsetDateTime,
}

impl Rendered {
    pub fn new(content_type: &'static str, body: impl Into<Bytes>) -> Self {
        Rendered { content_type, body: body.into(), validators: None }
    }

    /// A body with an ETag and Last-Modified, for [`Rendered::respond`].
    pub fn validated(content_type: &'static str, body: impl Into<Bytes>) -> Self {
        let body = body.into();
        let digest = Sha256::digest(&body);
        let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        let last_modified =
            OffsetDateTime::now_utc().replace_nanosecond(0).unwrap_or_else(|_| OffsetDateTime::now_utc());
        Rendered { content_type, body, validators: Some(Validators { etag: format!("\"{hex}\""), last_modified }) }
    }

    /// The response to a request with these headers: 304 without a body when the client's copy
    /// is current (`If-None-Match`, else `If-Modified-Since`), the body otherwise.
    pub fn respond(self, request: &HeaderMap) -> Response {
        let Some(validators) = &self.validators else { return self.into_response() };
        let fresh = match request.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) {
            Some(tags) => {
                tags.split(',').map(str::trim).any(|tag| tag == "*" || tag.trim_start_matches("W/") == validators.etag)
            }
            None => request
                .get(header::IF_MODIFIED_SINCE)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| httpdate::parse_http_date(v).ok())
                .is_some_and(|since| OffsetDateTime::from(since) >= validators.last_modified),
        };
        if fresh {
            let mut response = StatusCode::NOT_MODIFIED.into_response();
            validators.insert(response.headers_mut());
            response
        } else {
            self.into_response()
        }
    }
}

impl Validators {
    fn insert(&self, headers: &mut HeaderMap) {
        if let Ok(etag) = HeaderValue::from_str(&self.etag) {
            headers.insert(header::ETAG, etag);
        }
        let date = httpdate::fmt_http_date(self.last_modified.into());
        if let Ok(date) = HeaderValue::from_str(&date) {
            headers.insert(header::LAST_MODIFIED, date);
        }
    }
}

impl IntoResponse for Rendered {
    fn into_response(self) -> Response {
        let mut response =
            ([(header::CONTENT_TYPE, HeaderValue::from_static(self.content_type))], self.body).into_response();
        if let Some(validators) = &self.validators {
            validators.insert(response.headers_mut());
        }
        response
    }
}

#[derive(Debug)]
struct Entry<V> {
    generation: u64,
    value: V,
}

/// Values kept until the data changes, at most `capacity` by the weights the cache is built
/// with. [`RenderCache`] is one of rendered responses.
pub struct GenerationCache<V> {
    entries: Cache<String, Arc<Entry<V>>>,
    changes: Changes,
}

impl<V> Clone for GenerationCache<V> {
    fn clone(&self) -> Self {
        GenerationCache { entries: self.entries.clone(), changes: self.changes.clone() }
    }
}

impl<V: Clone + Send + Sync + 'static> GenerationCache<V> {
    pub fn new(changes: Changes, capacity: u64, weigh: fn(&V) -> usize) -> Self {
        let entries = Cache::builder()
            .weigher(move |key: &String, entry: &Arc<Entry<V>>| {
                u32::try_from(key.len() + weigh(&entry.value)).unwrap_or(u32::MAX)
            })
            .max_capacity(capacity)
            .build();
        GenerationCache { entries, changes }
    }

    pub fn changes(&self) -> &Changes {
        &self.changes
    }

    /// The cached value of `key` if it is current, else `compute`'s, which is then cached.
    pub async fn get_or_compute<F, Fut>(&self, key: String, compute: F) -> AppResult<V>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = AppResult<V>>,
    {
        let Some(generation) = self.changes.current() else {
            // Changes cannot be seen: nothing cached can be trusted, nothing computed kept.
            return match compute().await {
                Err(AppError::Unavailable(error)) => match self.entries.get(&key).await {
                    Some(stale) if self.changes.may_serve_stale(stale.generation) => Ok(stale.value.clone()),
                    _ => Err(AppError::Unavailable(error)),
                },
                other => other,
            };
        };
        if let Some(entry) = self.entries.get(&key).await
            && entry.generation == generation
        {
            return Ok(entry.value.clone());
        }
        let changes = &self.changes;
        let result = self
            .entries
            .entry(key)
            .and_try_compute_with(|current| async move {
                let current = current.map(|e| e.into_value());
                // Another request may have computed it while this one waited.
                if current.as_ref().is_some_and(|e| e.generation == generation) {
                    return Ok(Op::Nop);
                }
                match compute().await {
                    Ok(value) => Ok(Op::Put(Arc::new(Entry { generation, value }))),
                    Err(AppError::Unavailable(error)) => match current {
                        Some(stale) if changes.may_serve_stale(stale.generation) => Ok(Op::Nop),
                        _ => Err(AppError::Unavailable(error)),
                    },
                    Err(error) => Err(error),
                }
            })
            .await?;
        match result.into_entry() {
            Some(entry) => Ok(entry.into_value().value.clone()),
            None => Err(AppError::Internal(anyhow::anyhow!("the cache kept nothing for a computed value"))),
        }
    }
}

/// Rendered responses, by path and canonical query string.
pub type RenderCache = GenerationCache<Rendered>;

/// Bytes of rendered responses kept at most.
pub const RENDER_CAPACITY_BYTES: u64 = 32 * 1024 * 1024;

impl RenderCache {
    pub fn rendered(changes: Changes) -> Self {
        GenerationCache::new(changes, RENDER_CAPACITY_BYTES, |r: &Rendered| r.body.len())
    }
}
