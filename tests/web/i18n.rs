//! The site in English (unprefixed), Belarusian (`/be/…`) and Russian (`/ru/…`).

use axum::body::Body;
use axum::http::Request;

use crate::helpers::{ORIGIN, TestApp, TestResponse};

/// Every translated page type, by its unprefixed address, with the status it answers.
const PAGES: [(&str, u16); 9] = [
    ("/", 200),
    ("/prisoners", 200),
    ("/prisoners?q=Losik", 200),
    ("/prisoners?q=nobody-is-called-this", 200),
    ("/prisoners/ihar-losik", 200),
    ("/waves", 200),
    ("/waves/handover-2025-02-12-vilnius", 200),
    ("/api", 200),
    ("/nowhere", 404),
];

/// Words of the site's own (not of records) that must not be left in English on a
/// Belarusian or Russian page.
const ENGLISH: [&str; 20] = [
    "Skip to content",
    "Prisoner Tracker",
    "Release waves",
    "Political prisoners",
    "Sources",
    "Search",
    "Names",
    "Detentions",
    "days in custody",
    "held since",
    "Cite this page",
    "Last updated",
    "Reported released",
    "Documented here",
    "Filters and order",
    "No one matches",
    "Page not found",
    "Go to the home page",
    "Released",
    "Open data",
];

fn in_lang(lang: &str, uri: &str) -> String {
    match lang {
        "en" => uri.to_owned(),
        _ => format!("/{lang}{uri}"),
    }
}

/// The page's `<title>` and the text of its body (the JSON-LD block is in the head).
fn visible_text(page: &TestResponse) -> String {
    format!("{} {}", page.texts("title").join(" "), page.texts("body").join(" "))
}

#[tokio::test]
async fn every_translated_page_type_renders_in_every_language() {
    let app = TestApp::with_demo().await;
    for (uri, status) in PAGES {
        for (lang, site_name) in
            [("en", "Prisoner Tracker"), ("be", "Трэкер палітвязняў"), ("ru", "Трекер политзаключённых")]
        {
            let address = in_lang(lang, uri);
            let page = app.get(&address).await;

            assert_eq!(page.status.as_u16(), status, "{address}");
            assert_eq!(page.attr("html", "lang").as_deref(), Some(lang), "{address}");
            assert!(!page.body.contains('⟦'), "{address} has a missing message: {}", page.body);
            assert!(page.text("title").ends_with(&format!("· {site_name}")), "{address}: {}", page.text("title"));
            assert_eq!(page.texts("h1").len(), 1, "{address}");
            if lang != "en" {
                let text = visible_text(&page);
                for english in ENGLISH {
                    assert!(!text.contains(english), "{address} still says “{english}”: {text}");
                }
            }
            if status == 200 {
                assert_eq!(page.header("content-language"), lang, "{address}");
                for (hreflang, prefix) in [("en", ""), ("be", "/be"), ("ru", "/ru"), ("x-default", "")] {
                    let href = page.attr(&format!("link[rel=alternate][hreflang={hreflang}]"), "href");
                    assert!(
                        href.as_deref().is_some_and(|h| h.starts_with(&format!("{ORIGIN}{prefix}/"))),
                        "{address}: hreflang {hreflang} is {href:?}"
                    );
                }
                let canonical = page.attr("link[rel=canonical]", "href").unwrap();
                assert!(canonical.starts_with(&format!("{ORIGIN}{}", in_lang(lang, "/"))), "{address}: {canonical}");
                assert_eq!(page.texts("nav.languages a").len(), 3, "{address}: a switcher with every language");
                assert_eq!(
                    page.attr("nav.languages a[aria-current]", "lang").as_deref(),
                    Some(lang),
                    "{address}: the switcher marks the page's language"
                );
            }
        }
    }
}

#[tokio::test]
async fn demo_names_are_shown_in_the_script_of_the_page() {
    let app = TestApp::with_demo().await;
    for (lang, name, other) in [
        ("en", "Andrey Kuznechyk", "Андрэй Кузнечык"),
        ("be", "Андрэй Кузнечык", "Andrey Kuznechyk"),
        ("ru", "Андрей Кузнечик", "Андрэй Кузнечык"),
    ] {
        let page = app.get(&in_lang(lang, "/prisoners/andrey-kuznechyk")).await;
        assert_eq!(page.text("h1"), name, "{lang}");
        let names = page.texts(".names .name");
        assert_eq!(names.first().map(String::as_str), Some(name), "{lang}: the page's variant first");
        assert!(names.iter().any(|n| n == other), "{lang}: the other variants are listed: {names:?}");
        assert_eq!(names.len(), 3, "{lang}: {names:?}");

        let search = app.get(&in_lang(lang, "/prisoners?q=Kuznechik")).await;
        assert_eq!(search.text(".hits li a"), name, "{lang}: search results name people in the page's script");
    }
    let wave = app.get("/ru/waves/handover-2025-02-12-vilnius").await;
    let people = wave.texts(".people li");
    assert!(people.contains(&"Андрей Кузнечик".to_owned()), "{people:?}");
    let home = app.get("/be/").await;
    assert!(home.texts(".people li a").iter().any(|n| n == "Андрэй Кузнечык"), "home lists names in Belarusian");

    for (lang, name) in [("en", "Yelena Movshuk"), ("be", "Елена Мовшук"), ("ru", "Елена Мовшук")]
    {
        let page = app.get(&in_lang(lang, "/prisoners/yelena-movshuk")).await;
        assert_eq!(page.text("h1"), name, "{lang}: without a Belarusian name, the Cyrillic one rather than the Latin");
        assert_eq!(page.text(".names .name"), name, "{lang}: and it heads the list of names");
    }
}

#[tokio::test]
async fn dates_numbers_and_counts_follow_the_language() {
    let app = TestApp::with_demo().await;

    let be = app.get("/be/waves/handover-2025-02-12-vilnius").await;
    assert!(be.text(".facts time").starts_with("12 лютага 2025"), "{}", be.text(".facts time"));
    let ru = app.get("/ru/waves/handover-2025-02-12-vilnius").await;
    assert!(ru.text(".facts time").starts_with("12 февраля 2025"), "{}", ru.text(".facts time"));

    let home = app.get("/ru/").await;
    assert!(home.body.contains("более 1\u{a0}200</strong>"), "a no-break space groups digits");
    assert!(home.text(".figures li").contains("1 200 политзаключённых под стражей"), "{}", home.text(".figures li"));

    for (lang, held, all) in
        [("en", "3 people", "9 people"), ("be", "3 чалавекі", "9 чалавек"), ("ru", "3 человека", "9 человек")]
    {
        let page = app.get(&in_lang(lang, "/prisoners?status=held")).await;
        assert_eq!(page.text("#results-heading"), held, "{lang}");
        let page = app.get(&in_lang(lang, "/prisoners")).await;
        assert_eq!(page.text("#results-heading"), all, "{lang}");
    }

    let zenkovich = app.get("/be/prisoners/yuri-zenkovich").await;
    assert!(zenkovich.text(".status").starts_with("Пад вартай"), "{}", zenkovich.text(".status"));
    assert!(
        zenkovich.text(".status").contains("з 2021 года"),
        "since takes the genitive: {}",
        zenkovich.text(".status")
    );
}

#[tokio::test]
async fn unprefixed_addresses_stay_english_and_other_prefixes_are_404() {
    let app = TestApp::with_demo().await;

    for uri in ["/xx/prisoners", "/en/prisoners", "/bel/", "/be/administrator", "/ru/api/v1/waves", "/be/prisoners.csv"]
    {
        let page = app.get(uri).await;
        assert_eq!(page.status, 404, "{uri}");
    }
    // The admin area is translated: its login form takes the visitor in the prefix's language.
    let admin = app.get("/be/admin").await;
    assert_eq!(admin.status, 303);
    assert_eq!(admin.header("location"), "/be/login?next=%2Fadmin");
    let not_found = app.get("/be/prisoners/ihar-losik/feed.atom").await;
    assert_eq!(not_found.status, 404, "pages not yet translated exist only in English");
    assert_eq!(not_found.attr("html", "lang").as_deref(), Some("be"), "the 404 speaks the prefix's language");
    assert_eq!(not_found.text("h1"), "Старонка не знойдзеная");
    assert!(!not_found.header("content-security-policy").is_empty(), "with the site's security headers");

    for uri in ["/prisoners/ihar-losik/feed.atom", "/charts", "/data", "/api", "/api/v1/waves"] {
        assert_eq!(app.get(uri).await.status, 200, "{uri} is unchanged");
    }
    let be = app.get("/be").await;
    assert_eq!(be.status, 200);
    assert_eq!(be.attr("html", "lang").as_deref(), Some("be"));
}

#[tokio::test]
async fn accept_language_only_offers_the_readers_language() {
    let app = TestApp::with_demo().await;
    let ask = |uri: &str, accept: &str| {
        Request::builder().uri(uri.to_owned()).header("accept-language", accept).body(Body::empty()).unwrap()
    };

    let page = app.request(ask("/prisoners/ihar-losik", "be-BY,be;q=0.9,en;q=0.5")).await;
    assert_eq!(page.status, 200, "never a redirect");
    assert_eq!(page.attr("html", "lang").as_deref(), Some("en"), "the shared link shows what its sender saw");
    assert_eq!(page.attr(".language-hint a", "href").as_deref(), Some("/be/prisoners/ihar-losik"));
    assert_eq!(page.text(".language-hint"), "Гэтая старонка ёсць па-беларуску.");
    let vary: Vec<_> = page.headers.get_all("vary").iter().map(|v| v.to_str().unwrap().to_ascii_lowercase()).collect();
    assert!(vary.iter().any(|v| v.contains("accept-language")), "{vary:?}");

    let cached = app.get("/prisoners/ihar-losik").await;
    assert!(cached.texts(".language-hint").is_empty(), "the offer is not cached for other readers");

    let page = app.request(ask("/ru/prisoners/ihar-losik", "en")).await;
    assert_eq!(page.attr("html", "lang").as_deref(), Some("ru"), "a prefixed address is what it says");
    assert!(page.texts(".language-hint").is_empty());
}

#[tokio::test]
async fn links_keep_the_language_and_the_switcher_keeps_the_query() {
    let app = TestApp::with_demo().await;

    let page = app.get("/be/prisoners?q=Losik&status=held").await;
    let switcher: Vec<String> = page
        .html()
        .select(&scraper::Selector::parse("nav.languages a").unwrap())
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect();
    assert_eq!(switcher.len(), 3);
    assert!(switcher[0].starts_with("/prisoners?") && switcher[0].contains("q=Losik"), "{switcher:?}");
    assert!(switcher[1].starts_with("/be/prisoners?") && switcher[1].contains("status=held"), "{switcher:?}");
    assert!(switcher[2].starts_with("/ru/prisoners?"), "{switcher:?}");
    assert_eq!(page.attr(".hits li a", "href").as_deref(), Some("/be/prisoners/ihar-losik"));
    assert_eq!(page.attr("form.search", "action").as_deref(), Some("/be/prisoners"));

    sqlx::query("update people set slug = 'igor-losik' where slug = 'ihar-losik'").execute(&app.pool).await.unwrap();
    let old = app.get("/ru/prisoners/ihar-losik").await;
    assert_eq!(old.status, 301);
    assert_eq!(old.header("location"), "/ru/prisoners/igor-losik", "an old address redirects within its language");
}

#[tokio::test]
async fn the_releases_feed_is_in_every_language() {
    let app = TestApp::with_demo().await;
    for (lang, wave_title, person) in [
        ("en", "Release wave: ", "Andrey Kuznechyk released (12 February 2025)"),
        ("be", "Хваля вызваленняў: ", "Андрэй Кузнечык: вызваленне (12 лютага 2025)"),
        ("ru", "Волна освобождений: ", "Андрей Кузнечик: освобождение (12 февраля 2025)"),
    ] {
        let address = in_lang(lang, "/feeds/releases.atom");
        let feed = app.get(&address).await;
        assert_eq!(feed.status, 200, "{address}");
        assert!(!feed.body.contains('⟦'), "{address}: {}", feed.body);
        let xml = roxmltree::Document::parse(&feed.body).unwrap();
        let root = xml.root_element();
        assert_eq!(root.attribute(("http://www.w3.org/XML/1998/namespace", "lang")), Some(lang), "{address}");
        let titles: Vec<&str> =
            xml.descendants().filter(|n| n.has_tag_name("title")).filter_map(|n| n.text()).collect();
        assert!(titles.iter().any(|t| t.starts_with(wave_title)), "{address}: {titles:?}");
        assert!(titles.contains(&person), "{address}: {titles:?}");
        let links: Vec<&str> = xml
            .descendants()
            .filter(|n| n.has_tag_name("link") && n.attribute("rel") == Some("alternate"))
            .filter_map(|n| n.attribute("href"))
            .collect();
        let own = format!("{ORIGIN}{}", in_lang(lang, "/"));
        assert!(
            links.iter().all(|l| l.starts_with(&own)),
            "{address}: entries link to pages in its language: {links:?}"
        );

        let home = app.get(&in_lang(lang, "/")).await;
        assert_eq!(
            home.attr("link[type='application/atom+xml']", "href"),
            Some(address),
            "the page announces its feed"
        );
    }
}

#[tokio::test]
async fn bad_input_under_a_prefix_is_refused_in_that_language_never_a_500() {
    let app = TestApp::with_demo().await;
    for (uri, status, lang) in [
        ("/be/prisoners?page=abc", 400, "be"),
        ("/ru/prisoners?q=%00", 400, "ru"),
        ("/be/prisoners?q=a&q=b", 400, "be"),
        ("/be/%C0%AF", 404, "be"),
        ("/be//prisoners", 404, "be"),
        ("/ru/prisoners/x%2Fy", 404, "ru"),
        ("/ru/waves/%E2%80%AE", 404, "ru"),
        ("/be/prisoners/..%2F..%2Fadmin", 404, "be"),
    ] {
        let page = app.get(uri).await;
        assert_eq!(page.status.as_u16(), status, "{uri}");
        assert_eq!(page.attr("html", "lang").as_deref(), Some(lang), "{uri}");
        assert!(!page.body.contains('⟦'), "{uri}");
    }
    let post = app.send(axum::http::Method::POST, "/be/prisoners", Body::empty()).await;
    assert!(post.status.is_client_error(), "{}", post.status);
}
