//! Security headers on every response. Pages may load nothing from anywhere but this site and
//! run no inline code; nothing may frame them; no visited address leaks to the sites of the
//! sources a reader follows (a reader of a prisoner's page may be in danger themselves).
//! Chart files are the deliberate exception: they are made to be embedded elsewhere.

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::app::AppState;

/// For pages: this site only, no inline script or style, no framing.
pub const PAGE_POLICY: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
     object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// For chart files: nothing to load, and any site may embed them.
pub const EMBED_POLICY: &str = "default-src 'none'; img-src data:; frame-ancestors *";

fn is_embeddable(path: &str) -> bool {
    path.starts_with("/charts/")
}

/// The staff's pages: what they show is for one account, and must stay in no cache on the way
/// (a shared computer's browser, a proxy, a CDN).
fn is_staff(path: &str) -> bool {
    ["/admin", "/login", "/logout", "/account"]
        .iter()
        .any(|area| path.strip_prefix(area).is_some_and(|rest| rest.is_empty() || rest.starts_with('/')))
}

pub async fn security_headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let (embeddable, staff, logout) = (is_embeddable(path), is_staff(path), path == "/logout");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if staff {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    }
    if logout {
        // The browser forgets what this account saw and held, not only the session cookie.
        headers.insert(
            HeaderName::from_static("clear-site-data"),
            HeaderValue::from_static("\"cache\", \"cookies\", \"storage\""),
        );
    }
    let mut set = |name: HeaderName, value: &'static str| {
        headers.entry(name).or_insert(HeaderValue::from_static(value));
    };
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, "no-referrer");
    set(HeaderName::from_static("permissions-policy"), "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    if embeddable {
        set(header::CONTENT_SECURITY_POLICY, EMBED_POLICY);
        set(HeaderName::from_static("cross-origin-resource-policy"), "cross-origin");
    } else {
        set(header::CONTENT_SECURITY_POLICY, PAGE_POLICY);
        set(header::X_FRAME_OPTIONS, "DENY");
        set(HeaderName::from_static("cross-origin-opener-policy"), "same-origin");
        set(HeaderName::from_static("cross-origin-resource-policy"), "same-origin");
    }
    if state.origin.starts_with("https://") {
        set(header::STRICT_TRANSPORT_SECURITY, "max-age=31536000; includeSubDomains");
    }
    response
}
