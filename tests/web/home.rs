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
