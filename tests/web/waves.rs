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

#[tokio::test]
async fn the_waves_page_lists_every_published_wave() {
    let app = TestApp::with_demo().await;
    sqlx::query("update waves set publication = 'draft' where slug = 'exchange-2024-summer'")
        .execute(&app.pool)
        .await
        .unwrap();

    let page = app.get("/waves").await;

    assert_eq!(page.status, 200);
    let rows = page.texts("table tbody tr");
    assert_eq!(rows.len(), 4, "drafts are left out: {rows:?}");
    assert!(rows[0].contains("Handover of three prisoners") && rows[0].ends_with("3 3"), "{}", rows[0]);
    assert!(
        rows.iter().any(|r| r.contains("Pardon waves since July 2024") && r.ends_with("more than 200 0")),
        "{rows:?}"
    );
}

#[tokio::test]
async fn a_renamed_wave_redirects_and_hostile_names_stay_escaped_on_every_list() {
    let app = TestApp::with_demo().await;
    sqlx::query("update waves set slug = 'vilnius-handover' where slug = 'handover-2025-02-12-vilnius'")
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query("update person_names set name = '<b>Andrey</b> \"&\" Kuznechyk' where name = 'Andrey Kuznechyk'")
        .execute(&app.pool)
        .await
        .unwrap();

    let old = app.get("/waves/handover-2025-02-12-vilnius").await;
    assert_eq!((old.status.as_u16(), old.header("location")), (301, "/waves/vilnius-handover"));

    for uri in ["/waves/vilnius-handover", "/", "/prisoners", "/prisoners?q=Kuznechyk"] {
        let page = app.get(uri).await;
        assert_eq!(page.status, 200, "{uri}");
        assert!(!page.body.contains("<b>Andrey</b>"), "{uri}: markup in a name is escaped");
        assert!(page.body.contains("Kuznechyk"), "{uri}: the person is listed");
    }
}
