//! The language of a request, from its address: `/be/…` is Belarusian, `/ru/…` Russian,
//! everything else English (so every address that existed before the translation still means
//! what it meant).
//!
//! [`localise`] runs before routing (`app::router` wraps the whole router in it): it strips the
//! prefix, so the same handlers answer `/prisoners/x`, `/be/prisoners/x` and `/ru/prisoners/x`,
//! and puts the [`Locale`] in the request's extensions for handlers to extract. Only the pages
//! whose words are all translated ([`is_translated`]) exist under a prefix; any other prefixed
//! address is a 404 (in the prefix's language), never a page half in English.
//!
//! Accept-Language never redirects: it only makes an English page offer the reader's language
//! (`Locale::hint`), so a shared link always shows what its sender saw.

use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Uri, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::i18n::Lang;

tokio::task_local! {
    /// The language of the request being served, for the error pages, which are rendered deep
    /// in middleware and extractors that know nothing of the request's address.
    static CURRENT: Lang;
}

/// The language of the request being served; English outside a request.
pub fn current() -> Lang {
    CURRENT.try_with(|lang| *lang).unwrap_or_default()
}

/// The language of a page, and the language its reader's browser prefers when that is another
/// one the page exists in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Locale {
    pub lang: Lang,
    /// Set only on English pages whose reader prefers Belarusian or Russian.
    pub hint: Option<Lang>,
}

impl Locale {
    /// The start of a cache key for a page rendered in this locale.
    pub fn cache_key(&self) -> String {
        match self.hint {
            Some(hint) => format!("{}+{}:", self.lang.code(), hint.code()),
            None => format!("{}:", self.lang.code()),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Locale {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(parts.extensions.get::<Locale>().copied().unwrap_or_default())
    }
}

/// Whether the page at `path` (without a prefix) is translated, and so exists under `/be` and
/// `/ru`. Add a page here once no English is left in it.
pub fn is_translated(path: &str) -> bool {
    let one_segment = |prefix: &str| {
        path.strip_prefix(prefix).is_some_and(|rest| !rest.is_empty() && !rest.contains('/') && !rest.contains('.'))
    };
    let chart_file = path
        .strip_prefix("/charts/")
        .is_some_and(|file| !file.contains('/') && [".svg", ".png"].iter().any(|extension| file.ends_with(extension)));
    let person_feed = path
        .strip_prefix("/prisoners/")
        .and_then(|rest| rest.strip_suffix("/feed.atom"))
        .is_some_and(|slug| !slug.is_empty() && !slug.contains('/') && !slug.contains('.'));
    matches!(
        path,
        "/" | "/prisoners" | "/waves" | "/api" | "/charts" | "/data" | "/feeds/releases.atom" | "/prisoners.atom"
    ) || one_segment("/prisoners/")
        || one_segment("/waves/")
        || chart_file
        || person_feed
        || is_admin(path)
}

/// The admin area, its login and the account pages: every page of it is translated, behind the
/// same session.
fn is_admin(path: &str) -> bool {
    matches!(path, "/admin" | "/login" | "/login/code" | "/logout" | "/account")
        || path.starts_with("/admin/")
        || path.starts_with("/account/")
}

/// `/be/prisoners` → (Belarusian, `/prisoners`); `/be` and `/be/` → (Belarusian, `/`);
/// `/prisoners` and `/bel` → (English, unchanged).
pub fn split_prefix(path: &str) -> (Lang, &str) {
    for lang in [Lang::Be, Lang::Ru] {
        if let Some(rest) = path.strip_prefix(lang.prefix()) {
            if rest.is_empty() {
                return (lang, "/");
            }
            if rest.starts_with('/') {
                return (lang, rest);
            }
        }
    }
    (Lang::En, path)
}

/// The site language the reader's browser prefers most, from `Accept-Language`
/// (`be-BY,be;q=0.9,ru;q=0.8,en;q=0.5`). Unknown tags are skipped.
pub fn preferred(accept_language: &str) -> Option<Lang> {
    let mut best: Option<(Lang, f32)> = None;
    for item in accept_language.split(',').take(32) {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or("").trim();
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        let Some(lang) = Lang::from_code(&primary) else { continue };
        let q = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
            .filter(|q| q.is_finite() && *q > 0.0);
        if let Some(q) = q
            && best.is_none_or(|(_, b)| q > b)
        {
            best = Some((lang, q));
        }
    }
    best.map(|(lang, _)| lang)
}

/// Where a prefixed address of a page that is not translated goes: no route answers it.
const UNTRANSLATED: &str = "/.untranslated";

/// Strips the language prefix before routing and serves the request in its language.
pub async fn localise(mut request: Request, next: Next) -> Response {
    let (lang, rest) = split_prefix(request.uri().path());
    let translated = is_translated(rest);
    if lang != Lang::En {
        // A page that is not translated is sent to an address no route has, so that its 404
        // passes through every layer of the site (security headers, request id) like any other.
        let path_and_query = match (translated, request.uri().query()) {
            (false, _) => UNTRANSLATED.to_owned(),
            (true, Some(query)) => format!("{rest}?{query}"),
            (true, None) => rest.to_owned(),
        };
        *request.uri_mut() = path_and_query.parse::<Uri>().unwrap_or_else(|_| Uri::from_static(UNTRANSLATED));
    }
    let hint = if lang == Lang::En && translated {
        request
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(preferred)
            .filter(|preferred| *preferred != Lang::En)
    } else {
        None
    };
    request.extensions_mut().insert(Locale { lang, hint });
    let mut response = CURRENT.scope(lang, next.run(request)).await;
    if translated {
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.code()));
        if lang == Lang::En {
            // The English page carries an offer of the reader's language.
            headers.append(header::VARY, HeaderValue::from_static("accept-language"));
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_split_only_at_a_segment() {
        for (path, lang, rest) in [
            ("/", Lang::En, "/"),
            ("/prisoners", Lang::En, "/prisoners"),
            ("/be", Lang::Be, "/"),
            ("/be/", Lang::Be, "/"),
            ("/be/prisoners/x", Lang::Be, "/prisoners/x"),
            ("/ru/waves", Lang::Ru, "/waves"),
            ("/bel", Lang::En, "/bel"),
            ("/en/prisoners", Lang::En, "/en/prisoners"),
        ] {
            assert_eq!(split_prefix(path), (lang, rest), "{path}");
        }
    }

    #[test]
    fn only_translated_pages_exist_under_a_prefix() {
        for (path, translated) in [
            ("/", true),
            ("/prisoners", true),
            ("/prisoners/andrey-kuznechyk", true),
            ("/waves", true),
            ("/waves/x", true),
            ("/prisoners/x/feed.atom", true),
            ("/prisoners//feed.atom", false),
            ("/prisoners.atom", true),
            ("/charts", true),
            ("/charts/waves.svg", true),
            ("/charts/waves.csv", false),
            ("/charts/a/waves.svg", false),
            ("/data", true),
            ("/data/prisoner-tracker.zip", false),
            ("/sitemap.xml", false),
            ("/feeds/releases.atom", true),
            ("/prisoners.csv", false),
            ("/prisoners/", false),
            ("/admin", true),
            ("/admin/people/12/edit", true),
            ("/login", true),
            ("/login/code", true),
            ("/account/two-factor", true),
            ("/accounting", false),
            ("/administrator", false),
            ("/api/v1/waves", false),
            ("/api", true),
        ] {
            assert_eq!(is_translated(path), translated, "{path}");
        }
    }

    #[test]
    fn accept_language_picks_the_most_preferred_site_language() {
        for (header, lang) in [
            ("be-BY,be;q=0.9,ru;q=0.8,en;q=0.5", Some(Lang::Be)),
            ("ru", Some(Lang::Ru)),
            ("en-GB,en;q=0.9,ru;q=0.5", Some(Lang::En)),
            ("de, ru;q=0.4, be;q=0.6", Some(Lang::Be)),
            ("de, fr", None),
            ("ru;q=0, en;q=abc", None),
            ("", None),
        ] {
            assert_eq!(preferred(header), lang, "{header}");
        }
    }
}
