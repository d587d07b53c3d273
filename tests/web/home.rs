//! `/`: the headline counts come from the database.

use crate::helpers::TestApp;

#[tokio::test]
async fn home_shows_the_demo_counts() {
    let app = TestApp::with_demo().await;

    let page = app.get("/").await;

    assert_eq!(page.status, 200);
    assert_eq!(page.text("[data-count=held]"), "3", "Zenkovich, Karney and Losik are held");
    assert_eq!(page.text("[data-count=released]"), "6");
    assert_eq!(page.text("[data-count=waves]"), "5");
    assert_eq!(page.text("[data-count=people]"), "9");
    let figures = page.text(".figures li");
    assert!(figures.contains("more than 1,200"), "the reported figure keeps its qualifier: {figures}");
    assert!(figures.contains("Source: Analysis: a US-Belarus deal"), "and cites its source: {figures}");
    let waves = page.texts("table tbody tr");
    assert_eq!(waves.len(), 5);
    assert!(waves[0].starts_with("12 February 2025"), "newest wave first: {waves:?}");
    assert_eq!(page.attr("link[rel=canonical]", "href").as_deref(), Some("https://prisoners.example.org/"));
}

#[tokio::test]
async fn home_works_on_an_empty_database() {
    let app = TestApp::new().await;

    let page = app.get("/").await;

    assert_eq!(page.status, 200);
    assert_eq!(page.text("[data-count=held]"), "0");
    assert!(page.body.contains("No release wave has been published yet."));
}

#[tokio::test]
async fn every_page_type_has_one_h1_a_title_a_language_and_no_third_party_requests() {
    let app = TestApp::with_demo().await;
    for uri in [
        "/",
        "/prisoners",
        "/prisoners?q=Losik",
        "/prisoners/ihar-losik",
        "/waves",
        "/waves/handover-2025-02-12-vilnius",
        "/nowhere",
    ] {
        let page = app.get(uri).await;
        assert_eq!(page.texts("h1").len(), 1, "{uri}: one h1");
        assert!(page.text("title").ends_with("· Prisoner Tracker"), "{uri}: {}", page.text("title"));
        assert!(!page.text("title").contains('<'), "{uri}: the title is text only");
        assert_eq!(page.attr("html", "lang").as_deref(), Some("en"), "{uri}");
        for (selector, attribute) in [("script[src]", "src"), ("link[href]", "href"), ("img[src]", "src")] {
            let selector_ = scraper::Selector::parse(selector).unwrap();
            for element in page.html().select(&selector_) {
                let target = element.value().attr(attribute).unwrap();
                assert!(
                    target.starts_with('/') || target.starts_with(crate::helpers::ORIGIN),
                    "{uri}: {target} is off-site"
                );
            }
        }
    }
    let home = app.get("/").await;
    assert_eq!(home.attr("form[role=search]", "action").as_deref(), Some("/prisoners"), "home has the search box");
}

/// Each headline count links to the list it counts, in the page's language, and the list
/// holds that many people.
#[tokio::test]
async fn home_counts_link_to_their_lists() {
    let app = TestApp::with_demo().await;

    for prefix in ["", "/be", "/ru"] {
        let page = app.get(&format!("{prefix}/")).await;
        for (count, path) in [
            ("held", "/prisoners?status=held"),
            ("released", "/prisoners?status=released"),
            ("people", "/prisoners"),
            ("waves", "/waves"),
        ] {
            let selector = format!("a[data-count={count}]");
            let href = page.attr(&selector, "href").unwrap_or_else(|| panic!("{prefix}: the {count} count is a link"));
            assert_eq!(href, format!("{prefix}{path}"), "{prefix}: {count}");
            let number = page.text(&selector);
            let list = app.get(&href).await;
            assert_eq!(list.status, 200, "{href}");
            let listed = if count == "waves" { list.texts("table.waves tbody tr") } else { list.texts("ol.hits li") };
            assert_eq!(listed.len().to_string(), number, "{href} lists what the {count} count says");
        }
    }
}
