//! `/photos/{id}-{tag}.jpg`: the photo of a published person. The tag is the start of the
//! image's SHA-256, so a replaced photo has a new address and each address always shows the
//! same image: browsers and proxies may keep it for a year without asking again. A draft's
//! photo, an old tag or an unknown id are all a plain 404.
//!
//! Removing a photo or unpublishing its person takes it off this site at once; copies that
//! readers' browsers or a CDN kept are beyond reach (purge the CDN when it matters).

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::app::AppState;
use crate::db::photos::{self, PhotoFile};
use crate::web::error::{AppError, AppResult};

pub fn router() -> Router<AppState> {
    Router::new().route("/photos/{file}", get(show_photo))
}

/// `{id}-{tag}.jpg` → (id, tag), where the tag is 16 lower-case hex digits.
fn parse_file_name(name: &str) -> Option<(i64, &str)> {
    let (id, tag) = name.strip_suffix(".jpg")?.split_once('-')?;
    let tag_ok = tag.len() == 16 && tag.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    let id_ok = !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit());
    (tag_ok && id_ok).then_some(())?;
    Some((id.parse().ok()?, tag))
}

async fn show_photo(
    State(state): State<AppState>,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let (id, tag) = parse_file_name(&name).ok_or(AppError::NotFound)?;
    let file = photos::published_file(&mut *state.db.acquire().await?, id).await?.ok_or(AppError::NotFound)?;
    if !file.sha256.starts_with(tag) {
        return Err(AppError::NotFound);
    }
    let etag = format!("\"{}\"", file.sha256);
    let unchanged = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|candidate| candidate.trim().trim_start_matches("W/") == etag));
    if unchanged {
        let mut response = StatusCode::NOT_MODIFIED.into_response();
        response.headers_mut().insert(header::ETAG, HeaderValue::from_str(&etag).map_err(anyhow::Error::from)?);
        return Ok(response);
    }
    Ok(image_response(file, "public, max-age=31536000, immutable"))
}

/// An image with its type, an ETag, and a file name for "save as": the person's address.
/// `X-Content-Type-Options: nosniff` comes with every response (`web::headers`), so browsers
/// take the type as given and never run an image as anything else.
pub fn image_response(file: PhotoFile, cache_control: &'static str) -> Response {
    let header_value = |s: String| HeaderValue::from_str(&s).ok();
    let mut response = file.bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache_control));
    // The stored type is checked by the database (`image/jpeg`); the slug by its own check
    // (lower-case letters, digits, hyphens), so neither can break out of its header.
    if let Some(value) = header_value(file.content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    if let Some(value) = header_value(format!("\"{}\"", file.sha256)) {
        headers.insert(header::ETAG, value);
    }
    if let Some(value) = header_value(format!("inline; filename=\"{}.jpg\"", file.slug)) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photo_addresses_are_an_id_and_a_tag() {
        assert_eq!(parse_file_name("12-0123456789abcdef.jpg"), Some((12, "0123456789abcdef")));
        let refused = [
            ("12-0123456789abcdef.png", "another extension"),
            ("12-0123456789ABCDEF.jpg", "upper-case hex"),
            ("12-0123456789abcde.jpg", "a short tag"),
            ("-12-0123456789abcdef.jpg", "a negative id"),
            ("x-0123456789abcdef.jpg", "an id that is not a number"),
            ("99999999999999999999-0123456789abcdef.jpg", "an id beyond bigint"),
            ("12.jpg", "no tag"),
        ];
        for (name, why) in refused {
            assert_eq!(parse_file_name(name), None, "{why}");
        }
    }
}
