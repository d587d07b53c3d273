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
    assert!(pardons.text(".coverage").starts_with("0 of more than 200"), "{}", pardons.text(".coverage"));

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
    assert!(rows[0].contains("Handover of three prisoners"), "{}", rows[0]);
    let reported = page.texts("tbody [data-count=reported]");
    let documented = page.texts("tbody [data-count=documented]");
    assert_eq!((reported[0].as_str(), documented[0].as_str()), ("3", "3"));
    let pardons = rows.iter().position(|r| r.contains("Pardon waves since July 2024")).expect("the pardons are listed");
    assert_eq!((reported[pardons].as_str(), documented[pardons].as_str()), ("more than 200", "0"));
}

/// Each wave's documented number, in the page's language, leads to the list of those people
/// and to the same list as CSV; the list holds as many people as the number says.
#[tokio::test]
async fn every_wave_number_links_to_its_list_and_csv_in_the_pages_language() {
    let app = TestApp::with_demo().await;

    for (prefix, of) in [("", "of"), ("/be", "з"), ("/ru", "из")] {
        let page = app.get(&format!("{prefix}/waves")).await;
        assert_eq!(page.status, 200, "{prefix}/waves");
        let html = page.html();
        let row = scraper::Selector::parse("table.waves tbody tr").unwrap();
        let wave_link = scraper::Selector::parse("td a[href*='/waves/']").unwrap();
        let list_link = scraper::Selector::parse("a[data-count=documented]").unwrap();
        let csv_link = scraper::Selector::parse("a[download]").unwrap();
        let mut rows = 0;
        for tr in html.select(&row) {
            rows += 1;
            let href = tr.select(&wave_link).next().unwrap().value().attr("href").unwrap();
            let slug = href.rsplit('/').next().unwrap();
            let list = tr.select(&list_link).next().expect("the documented number is a link");
            let number: String = list.text().collect();
            assert_eq!(list.value().attr("href"), Some(format!("{prefix}/prisoners?wave={slug}").as_str()));
            let csv = tr.select(&csv_link).next().expect("a CSV link");
            assert_eq!(csv.value().attr("href"), Some(format!("/prisoners.csv?wave={slug}").as_str()));

            let listed = app.get(&format!("{prefix}/prisoners?wave={slug}")).await;
            assert_eq!(listed.status, 200);
            assert_eq!(
                listed.texts("ol.hits li").len().to_string(),
                number,
                "{prefix} {slug}: the list holds the number"
            );
            let file = app.get(&format!("/prisoners.csv?wave={slug}")).await;
            assert_eq!(file.status, 200);
            assert_eq!(file.body.lines().count() - 1, listed.texts("ol.hits li").len(), "{slug}: the CSV, a row each");
        }
        assert_eq!(rows, 5, "{prefix}: every published wave");
        let pardons = page.texts("tr.aggregate td:last-child");
        assert_eq!(pardons.len(), 1, "{prefix}: only the pardon total is an aggregate");
        assert!(pardons[0].starts_with(&format!("0 {of} ")), "{prefix}: coverage reads {:?}", pardons[0]);
    }
}

/// A total over a period is marked on the list and on its page, which names the waves it holds;
/// a wave of another country or one that starts before the period is not among them.
#[tokio::test]
async fn an_aggregate_wave_is_marked_and_names_the_waves_it_holds() {
    let app = TestApp::with_demo().await;

    let list = app.get("/waves").await;
    let marks = list.texts("tr.aggregate .aggregate-mark");
    assert_eq!(marks, ["total over a period, holding 2 other waves"]);
    assert!(list.text("tr.aggregate").contains("Pardon waves since July 2024"));

    let pardons = app.get("/waves/pardons-2024-07-to-2025-02").await;
    let held: Vec<String> = pardons.texts(".aggregate-note .spanned li");
    assert_eq!(
        held,
        [
            "Release of US citizen after the US presidential inauguration",
            "Handover of three prisoners to a US State Department delegation"
        ],
        "the Belarusian waves dated inside July 2024 – February 2025, oldest first"
    );
    assert!(app.get("/waves/handover-2025-02-12-vilnius").await.texts(".aggregate-note").is_empty());

    let ru = app.get("/ru/waves").await;
    assert_eq!(ru.texts("tr.aggregate .aggregate-mark"), ["общее число за период, включает 2 другие волны"]);
}

/// /waves and every wave page say what "reported released", "documented here", the gap and a
/// total over a period mean, in the page's language.
#[tokio::test]
async fn the_waves_pages_define_their_numbers() {
    let app = TestApp::with_demo().await;

    for (uri, terms) in [
        ("/waves", ["Reported released", "Documented here", "The gap", "Total over a period"]),
        ("/waves/exchange-2024-summer", ["Reported released", "Documented here", "The gap", "Total over a period"]),
        (
            "/ru/waves/handover-2025-02-12-vilnius",
            ["Сообщалось об освобождении", "Задокументировано здесь", "Разница", "Общее число за период"],
        ),
        ("/be/waves", ["Паведамлялася пра вызваленне", "Задакументавана тут", "Розніца", "Агульная лічба за перыяд"]),
    ] {
        let page = app.get(uri).await;
        assert_eq!(page.status, 200, "{uri}");
        assert_eq!(page.texts(".definitions dt"), terms, "{uri}");
        let definitions = page.texts(".definitions dd");
        assert_eq!(definitions.len(), 4, "{uri}");
        assert!(definitions.iter().all(|d| d.len() > 40 && !d.contains('⟦')), "{uri}: {definitions:?}");
    }
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
