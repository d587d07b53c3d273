//! `/prisoners/{slug}`: a person's page, permanent links, and what is never shown.

use crate::helpers::{ORIGIN, TestApp};

#[tokio::test]
async fn a_prisoner_page_shows_names_status_detentions_and_sources() {
    let app = TestApp::with_demo().await;

    let page = app.get("/prisoners/andrey-kuznechyk").await;

    assert_eq!(page.status, 200);
    assert_eq!(page.text("h1"), "Andrey Kuznechyk");
    let names = page.texts(".names .name");
    assert!(names.contains(&"Андрэй Кузнечык".to_owned()), "{names:?}");
    assert!(names.contains(&"Андрей Кузнечик".to_owned()), "{names:?}");
    assert_eq!(page.attr(".names li[lang=be]", "lang").as_deref(), Some("be"));
    assert!(page.text(".status").starts_with("Released on 12 February 2025"), "{}", page.text(".status"));
    let detention = page.text(".detention");
    assert!(detention.contains("Release to a foreign government"), "{detention}");
    assert_eq!(
        page.attr(".detention dd a", "href").as_deref(),
        Some("/waves/handover-2025-02-12-vilnius"),
        "the detention links to its wave"
    );
    assert!(page.text(".sources li").starts_with("Analysis: a US-Belarus deal on political prisoners and sanctions"));
    assert_eq!(page.attr("sup.cite a", "href").as_deref(), Some("#source-1"), "facts point at their source");
    assert_eq!(page.attr("link[rel=canonical]", "href"), Some(format!("{ORIGIN}/prisoners/andrey-kuznechyk")));
}

#[tokio::test]
async fn dates_keep_their_precision_on_the_page() {
    let app = TestApp::with_demo().await;

    let krieger = app.get("/prisoners/rico-krieger").await;
    assert!(krieger.text(".status").contains("Released in summer 2024"), "{}", krieger.text(".status"));
    assert!(krieger.text(".detention").contains("Death penalty"));

    let zenkovich = app.get("/prisoners/yuri-zenkovich").await;
    assert!(zenkovich.text(".status").starts_with("In custody since 2021"), "{}", zenkovich.text(".status"));
    let detention = zenkovich.text(".detention");
    assert!(detention.contains("Plotting a coup"), "{detention}");
    assert!(detention.contains("Penal colony"), "{detention}");
    let timeline = zenkovich.texts(".timeline li");
    assert_eq!(timeline.len(), 2);
    assert!(timeline[0].starts_with("September 2024 · Media appearance"), "{timeline:?}");
}

#[tokio::test]
async fn an_unknown_prisoner_gets_a_friendly_404() {
    let app = TestApp::with_demo().await;

    for uri in ["/prisoners/nobody-here", "/prisoners/NOT_A_SLUG", "/prisoners/%3Cscript%3E", "/no/such/page"] {
        let page = app.get(uri).await;
        assert_eq!(page.status, 404, "{uri}");
        assert_eq!(page.text("h1"), "Page not found", "{uri}");
        assert!(!page.body.contains("<script>"), "{uri}: input is never reflected unescaped");
    }
}

#[tokio::test]
async fn a_changed_slug_redirects_permanently_to_the_new_one() {
    let app = TestApp::with_demo().await;
    sqlx::query("update people set slug = 'andrei-kuznechik' where slug = 'andrey-kuznechyk'")
        .execute(&app.pool)
        .await
        .unwrap();

    let old = app.get("/prisoners/andrey-kuznechyk").await;
    assert_eq!(old.status, 301);
    assert_eq!(old.header("location"), "/prisoners/andrei-kuznechik");

    let new = app.get("/prisoners/andrei-kuznechik").await;
    assert_eq!(new.status, 200);
    assert_eq!(new.attr("link[rel=canonical]", "href"), Some(format!("{ORIGIN}/prisoners/andrei-kuznechik")));
}

#[tokio::test]
async fn drafts_are_never_shown() {
    let app = TestApp::with_demo().await;
    sqlx::query("update people set publication = 'draft' where slug = 'ihar-losik'").execute(&app.pool).await.unwrap();

    assert_eq!(app.get("/prisoners/ihar-losik").await.status, 404);
    assert_eq!(app.get("/").await.text("[data-count=held]"), "2", "nor counted on the home page");
    let found = |page: crate::helpers::TestResponse| page.texts("ol.hits li > a");
    assert!(found(app.get("/prisoners?q=Losik").await).is_empty(), "nor found by name");

    // Published again, they are found again (search reads publication from its own index).
    sqlx::query("update people set publication = 'published' where slug = 'ihar-losik'")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(found(app.get("/prisoners?q=Losik&sort=name").await), ["Ihar Losik"]);
}

#[tokio::test]
async fn text_from_the_database_is_escaped() {
    let app = TestApp::with_demo().await;
    sqlx::query("update people set occupation = '<script>alert(1)</script>' where slug = 'ihar-losik'")
        .execute(&app.pool)
        .await
        .unwrap();

    let page = app.get("/prisoners/ihar-losik").await;

    assert_eq!(page.status, 200);
    assert!(!page.body.contains("<script>alert(1)</script>"));
    assert!(page.text(".facts").contains("<script>alert(1)</script>"), "shown as text");
}

#[tokio::test]
async fn link_previews_structured_data_and_citation_are_correct() {
    let app = TestApp::with_demo().await;
    let page = app.get("/prisoners/andrey-kuznechyk").await;
    let url = format!("{ORIGIN}/prisoners/andrey-kuznechyk");

    assert_eq!(page.attr("meta[property='og:title']", "content").as_deref(), Some("Andrey Kuznechyk"));
    assert_eq!(page.attr("meta[property='og:url']", "content"), Some(url.clone()));
    assert_eq!(page.attr("meta[property='og:type']", "content").as_deref(), Some("profile"));
    assert_eq!(page.attr("meta[name='twitter:card']", "content").as_deref(), Some("summary"));
    let description = page.attr("meta[property='og:description']", "content").unwrap();
    assert!(description.starts_with("Released on 12 February 2025 (as of February 2025)"), "{description}");

    let json: serde_json::Value = serde_json::from_str(&page.text("script[type='application/ld+json']")).unwrap();
    assert_eq!(json["@type"], "Person");
    assert_eq!(json["name"], "Andrey Kuznechyk");
    assert_eq!(json["url"], url.as_str());
    let alternates: Vec<&str> = json["alternateName"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
    assert!(alternates.contains(&"Андрэй Кузнечык") && alternates.contains(&"Андрей Кузнечик"), "{alternates:?}");
    assert_eq!(json["nationality"][0]["name"], "Belarus");

    let citation = page.text(".citation");
    assert!(citation.starts_with("“Andrey Kuznechyk.” Prisoner Tracker."), "{citation}");
    assert!(citation.contains(&url), "{citation}");
    assert!(citation.contains("Record last edited") && citation.contains("Accessed"), "{citation}");
}

#[tokio::test]
async fn days_in_custody_honour_the_precision_of_dates() {
    let app = TestApp::with_demo().await;

    let zenkovich = app.get("/prisoners/yuri-zenkovich").await;
    let custody = zenkovich.text(".custody");
    assert!(custody.starts_with("About "), "held since 2021, a year: approximate: {custody}");
    let days: i64 = custody.trim_start_matches("About ").split(' ').next().unwrap().replace(',', "").parse().unwrap();
    assert!(days > 365 * 5, "{days}");

    let nufer = app.get("/prisoners/anastasia-nufer").await;
    let custody = nufer.text(".custody");
    assert!(custody.starts_with("About 31 days"), "December 2024 to January 2025, mid-month to mid-month: {custody}");

    let kuznechyk = app.get("/prisoners/andrey-kuznechyk").await;
    assert!(kuznechyk.texts(".custody").is_empty(), "no start date: nothing to compute");
}

#[tokio::test]
async fn a_hostile_name_cannot_break_out_of_the_structured_data() {
    let app = TestApp::with_demo().await;
    sqlx::query(
        "update person_names set name = 'Ihar </script><script>alert(1)</script> & \"Losik\"'
         where name = 'Ihar Losik'",
    )
    .execute(&app.pool)
    .await
    .unwrap();

    let page = app.get("/prisoners/ihar-losik").await;

    assert!(!page.body.contains("</script><script>"), "no raw script anywhere");
    let json: serde_json::Value = serde_json::from_str(&page.text("script[type='application/ld+json']")).unwrap();
    assert_eq!(json["name"], "Ihar </script><script>alert(1)</script> & \"Losik\"");
    assert_eq!(page.text("h1"), "Ihar </script><script>alert(1)</script> & \"Losik\"");
}

#[tokio::test]
async fn a_cached_prisoner_page_shows_an_edit_on_the_very_next_request() {
    let app = TestApp::with_demo().await;
    let first = app.get("/prisoners/andrey-kuznechyk").await;
    assert_eq!(first.status, 200);
    let etag = first.header("etag").to_owned();
    let revalidated = app
        .request(
            axum::http::Request::builder()
                .uri("/prisoners/andrey-kuznechyk")
                .header("if-none-match", &etag)
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(revalidated.status, 304, "an unchanged page is not sent again");

    app.change("update people set occupation = 'Occupation changed for the test' where slug = 'andrey-kuznechyk'")
        .await;
    let next = app.get("/prisoners/andrey-kuznechyk").await;
    assert!(next.text("main").contains("Occupation changed for the test"));
    assert_ne!(next.header("etag"), etag);

    app.change("update people set publication = 'draft' where slug = 'andrey-kuznechyk'").await;
    assert_eq!(app.get("/prisoners/andrey-kuznechyk").await.status, 404, "unpublishing takes it off at once");
}

#[tokio::test]
async fn a_status_says_since_when_and_as_of_which_source() {
    let app = TestApp::with_demo().await;

    // Ihar Losik's detention has no start in the sources; the one source is from February 2025.
    let losik = app.get("/prisoners/ihar-losik").await;
    let status = losik.text(".status");
    assert!(status.starts_with("In custody, date of arrest not recorded"), "the missing fact is said: {status}");
    assert_eq!(losik.text(".status .as-of"), "as of February 2025", "{status}");
    assert!(status.ends_with("· as of February 2025 [1]"), "the footnote once, after the date: {status}");
    assert_eq!(losik.attr(".status sup.cite a", "href").as_deref(), Some("#source-1"), "the newest source's note");
    let footer = losik.text("footer.record");
    assert!(
        footer.starts_with("Facts last checked against the sources: not recorded. Record last edited:"),
        "{footer}"
    );
    let ru = app.get("/ru/prisoners/ihar-losik").await;
    assert!(ru.text(".status").starts_with("Под стражей, дата задержания не указана"), "{}", ru.text(".status"));
    assert_eq!(ru.text(".status .as-of"), "по состоянию на февраль 2025");
    let be = app.get("/be/prisoners/ihar-losik").await;
    assert_eq!(be.text(".status .as-of"), "паводле стану на люты 2025");
    // A list says the same of each person it shows.
    let list = app.get("/prisoners?q=Losik").await;
    assert_eq!(list.text(".hits .hit-status"), "In custody, date of arrest not recorded · as of February 2025");
    let list = app.get("/ru/prisoners?status=released&sort=name").await;
    assert!(
        list.texts(".hits .hit-status").iter().all(|s| s.ends_with("по состоянию на февраль 2025")),
        "{:?}",
        list.texts(".hits .hit-status")
    );
    // The sex and the date of birth are not recorded for anyone in the demo: said so.
    assert_eq!(losik.texts(".facts dd.unknown"), ["not recorded", "not recorded"]);

    for (lang, said) in [
        ("", "Figures as of February 2025: the date of the newest source they rest on."),
        ("/ru", "Данные по состоянию на февраль 2025 — дата самого нового источника, на котором они основаны."),
        ("/be", "Звесткі паводле стану на люты 2025 — дата найноўшай крыніцы, на якой яны грунтуюцца."),
    ] {
        let home = app.get(&format!("{lang}/")).await;
        assert_eq!(home.text(".as-of"), said, "{lang}");
    }
}

#[tokio::test]
async fn a_person_of_unrecorded_sex_is_worded_neutrally_in_russian_and_belarusian() {
    let app = TestApp::with_demo().await;

    // The demo does not record Yelena Movshuk's sex.
    for (lang, shown, never) in [
        ("ru", "Освобождение: 12 февраля 2025", "Освобождён"),
        ("be", "Вызваленне: 12 лютага 2025", "Вызвалены"),
        ("en", "Released on 12 February 2025", "Released,"),
    ] {
        let page = app.get(&format!("/{lang}/prisoners/yelena-movshuk").replace("/en/", "/")).await;
        assert_eq!(page.status, 200, "{lang}");
        let status = page.text(".status");
        assert!(status.starts_with(shown), "{lang}: {status}");
        assert!(!page.body.contains(never), "{lang}: {status}");
    }
    let home = app.get("/ru/").await;
    assert!(
        home.texts("#released-heading + ul li").iter().any(|li| li == "Елена Мовшук — освобождение: 12 февраля 2025"),
        "{:?}",
        home.texts("#released-heading + ul li")
    );
}

#[tokio::test]
async fn names_are_shown_in_the_pages_script() {
    let app = TestApp::with_demo().await;

    // Nikolai Shugayev has a Russian and a Latin name: the Belarusian page takes the Latin one.
    for (lang, slug, shown) in [
        ("/be", "nikolai-shugayev", "Nikolai Shugayev"),
        ("/ru", "nikolai-shugayev", "Николай Шугаев"),
        ("", "nikolai-shugayev", "Nikolai Shugayev"),
        ("/be", "ihar-losik", "Ігар Лосік"),
        ("/ru", "ihar-losik", "Игорь Лосик"),
    ] {
        let page = app.get(&format!("{lang}/prisoners/{slug}")).await;
        assert_eq!(page.text("h1"), shown, "{lang} {slug}");
    }

    // A name typed without its language and a Latin transliteration of it.
    app.change(
        "insert into people (slug, publication, synthetic, naming_basis) values
             ('synthetic-cyrillic-only', 'published', true, 'public_sources');
         insert into person_names (person_id, name, lang, script, kind, search_key)
         select id, 'Сінтэтычны Прыклад', null, 'Cyrl', 'primary'::name_kind, 'sintetychny pryklad' from people
         where slug = 'synthetic-cyrillic-only'
         union all
         select id, 'Sintetychny Pryklad', null, 'Latn', 'transliteration'::name_kind, 'sintetychny pryklad' from people
         where slug = 'synthetic-cyrillic-only'",
    )
    .await;
    let page = app.get("/prisoners/synthetic-cyrillic-only").await;
    assert_eq!(page.text("h1"), "Sintetychny Pryklad", "the Latin spelling on an English page");
    assert!(page.texts(".name-kind").iter().all(|kind| kind != "()"), "{:?}", page.texts(".name-kind"));
    assert_eq!(page.texts(".names li").len(), 2);
    let page = app.get("/ru/prisoners/synthetic-cyrillic-only").await;
    assert_eq!(page.text("h1"), "Сінтэтычны Прыклад");
}
