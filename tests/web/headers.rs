//! Security headers on every kind of response, and pages that a strict CSP does not break.

use crate::helpers::{ORIGIN, TestApp};

/// A page of every kind, and the status it answers with.
const PAGES: [(&str, u16); 9] = [
    ("/", 200),
    ("/prisoners", 200),
    ("/prisoners?q=Kuznechyk", 200),
    ("/prisoners/andrey-kuznechyk", 200),
    ("/waves", 200),
    ("/waves/handover-2025-02-12-vilnius", 200),
    ("/charts", 200),
    ("/login", 200),
    ("/no-such-page", 404),
];

#[tokio::test]
async fn every_page_forbids_framing_sniffing_referrers_and_foreign_code() {
    let app = TestApp::with_demo().await;
    for (path, status) in PAGES {
        let page = app.get(path).await;
        assert_eq!(page.status, status, "{path}: the headers of the page it should be");
        let csp = page.header("content-security-policy");
        for directive in ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"] {
            assert!(csp.contains(directive), "{path}: {directive} in {csp}");
        }
        assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), "{path}: {csp}");
        assert_eq!(page.header("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(page.header("referrer-policy"), "no-referrer", "{path}");
        assert_eq!(page.header("x-frame-options"), "DENY", "{path}");
        assert!(page.header("strict-transport-security").contains("max-age="), "{path}: the origin is https");
    }
}

#[tokio::test]
async fn pages_carry_no_inline_code_or_style_and_nothing_from_other_sites() {
    let app = TestApp::with_demo().await;
    for (path, status) in PAGES {
        let page = app.get(path).await;
        assert_eq!(page.status, status, "{path}");
        let html = page.html();
        let all = scraper::Selector::parse("*").unwrap();
        for element in html.select(&all) {
            let e = element.value();
            assert!(e.attr("style").is_none(), "{path}: <{}> has a style attribute", e.name());
            assert!(!e.attrs().any(|(name, _)| name.starts_with("on")), "{path}: <{}> has an event handler", e.name());
            assert_ne!(e.name(), "style", "{path}: a <style> element");
            if e.name() == "script" {
                assert_eq!(e.attr("type"), Some("application/ld+json"), "{path}: only data, never code");
            }
            for attribute in ["src", "href"] {
                if let Some(url) = e.attr(attribute)
                    && (e.name() == "link" || e.name() == "img" || e.name() == "script")
                {
                    let own = url.starts_with('/') || url.starts_with(ORIGIN);
                    assert!(own, "{path}: <{}> points at {url}, another site", e.name());
                }
            }
        }
    }
}

#[tokio::test]
async fn chart_files_may_be_embedded_anywhere() {
    let app = TestApp::with_demo().await;
    for path in ["/charts/waves.svg", "/charts/held.png", "/charts/flows.csv"] {
        let file = app.get(path).await;
        assert_eq!(file.status, 200, "{path}");
        assert!(file.header("content-security-policy").contains("frame-ancestors *"), "{path}");
        assert_eq!(file.header("cross-origin-resource-policy"), "cross-origin", "{path}");
        assert_eq!(file.header("x-frame-options"), "", "{path}");
        assert_eq!(file.header("x-content-type-options"), "nosniff", "{path}");
    }
}

/// Staff pages stay in no cache on the way (a shared computer, a proxy, a CDN), in every
/// language, and logging out makes the browser forget what the account saw.
#[tokio::test]
async fn staff_pages_are_never_stored_and_logout_clears_the_browser() {
    use crate::helpers::{Visitor, logged_in};
    let app = TestApp::with_demo().await;
    for path in ["/login", "/be/login", "/admin", "/ru/admin/people"] {
        let page = app.get(path).await;
        assert!(matches!(page.status.as_u16(), 200 | 303), "{path}: {}", page.status);
        assert_eq!(page.header("cache-control"), "private, no-store", "{path}");
    }
    let mut staff = logged_in(&app, "editor@example.org", prisoner_tracker::accounts::Role::Editor).await;
    for path in ["/admin", "/admin/people", "/admin/sources"] {
        let page = staff.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        assert_eq!(page.header("cache-control"), "private, no-store", "{path}");
    }
    let token = staff.token("/admin").await;
    let out = staff.post("/logout", &[("csrf_token", &token)]).await;
    assert_eq!(out.status, 303);
    assert_eq!(out.header("clear-site-data"), "\"cache\", \"cookies\", \"storage\"");
    assert_eq!(out.header("cache-control"), "private, no-store");

    let public = Visitor::new(&app).get("/prisoners/andrey-kuznechyk").await;
    assert_eq!(public.status, 200);
    assert_ne!(public.header("cache-control"), "private, no-store", "public pages are not the staff's");
    assert_eq!(public.header("clear-site-data"), "");
}
