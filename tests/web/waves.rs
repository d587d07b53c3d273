//! `/waves/{slug}`: the reported number kept apart from the people documented here.

use crate::helpers::TestApp;

#[tokio::test]
async fn a_wave_page_shows_reported_and_documented_numbers() {
    let app = TestApp::with_demo().await;

    let vilnius = app.get("/waves/handover-2025-02-12-vilnius").await;
    assert_eq!(vilnius.status, 200);
    assert_eq!(vilnius.text("[data-count=reported]"), "3");
    assert_eq!(vilnius.text("[data-count=documented]"), "3");
    let people = vilnius.texts(".people li");
    assert_eq!(people, ["Andrey Kuznechyk", "Nikolai Shugayev", "Yelena Movshuk"]);

    let pardons = app.get("/waves/pardons-2024-07-to-2025-02").await;
    assert_eq!(pardons.text("[data-count=reported]"), "more than 200");
    assert_eq!(pardons.text("[data-count=documented]"), "0");

    let exchange = app.get("/waves/exchange-2024-summer").await;
    assert_eq!(exchange.text("[data-count=reported]"), "not reported");
    assert!(exchange.text(".facts").contains("summer 2024 (approximate)"));
}

#[tokio::test]
async fn an_unknown_wave_is_404() {
    let app = TestApp::with_demo().await;
    assert_eq!(app.get("/waves/no-such-wave").await.status, 404);
}
