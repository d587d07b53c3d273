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
    "as of",
    "Cite this page",
    "Record last edited",
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

    // Her Cyrillic name is Russian: a Belarusian page takes the Latin one rather than a Russian
    // spelling.
    for (lang, name) in [("en", "Yelena Movshuk"), ("be", "Yelena Movshuk"), ("ru", "Елена Мовшук")] {
        let page = app.get(&in_lang(lang, "/prisoners/yelena-movshuk")).await;
        assert_eq!(page.text("h1"), name, "{lang}: the page's script, else Latin, never Russian on a Belarusian page");
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
    let not_found = app.get("/be/data/prisoner-tracker.zip").await;
    assert_eq!(not_found.status, 404, "what exists only in English (the dataset's files) has no prefix");
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

/// The English words of a page type that must not be left on its Belarusian or Russian twin.
const CHART_AND_DATA_ENGLISH: [&str; 12] = [
    "Arrests and releases per month",
    "People held over time",
    "Embed this chart",
    "Download:",
    "All countries",
    "approximate date",
    "Reading the files",
    "Files and columns",
    "The chart’s data",
    "Per month",
    "Open data",
    "Licence",
];

#[tokio::test]
async fn the_charts_and_data_pages_render_in_every_language() {
    let app = TestApp::with_demo().await;
    for (uri, words) in [
        ("/charts", [("en", "Charts"), ("be", "Графікі"), ("ru", "Графики")]),
        ("/charts?country=BY&from=2024", [("en", "Charts"), ("be", "Графікі"), ("ru", "Графики")]),
        ("/data", [("en", "Open data"), ("be", "Адкрытыя даныя"), ("ru", "Открытые данные")]),
    ] {
        for (lang, h1) in words {
            let address = in_lang(lang, uri);
            let page = app.get(&address).await;
            assert_eq!(page.status, 200, "{address}");
            assert_eq!(page.attr("html", "lang").as_deref(), Some(lang), "{address}");
            assert!(!page.body.contains('⟦'), "{address} has a missing message");
            assert_eq!(page.text("h1"), h1, "{address}");
            assert_eq!(page.header("content-language"), lang, "{address}");
            let href = page.attr("link[rel=alternate][hreflang=ru]", "href").unwrap_or_default();
            assert!(href.starts_with(&format!("{ORIGIN}/ru/")), "{address}: {href}");
            if lang != "en" {
                let text = visible_text(&page);
                for english in CHART_AND_DATA_ENGLISH {
                    assert!(!text.contains(english), "{address} still says “{english}”");
                }
            }
        }
    }

    let be = app.get("/be/charts?country=BY").await;
    assert_eq!(be.attr("form.chart-filter", "action").as_deref(), Some("/be/charts"));
    assert!(be.attr("a[type='image/svg+xml']", "href").unwrap().starts_with("/be/charts/waves.svg?country=BY"));
    let waves: Vec<String> = be
        .html()
        .select(&scraper::Selector::parse("#waves table a").unwrap())
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    assert!(
        !waves.is_empty()
            && waves.iter().all(|href| href.starts_with("/be/waves/") || href.starts_with("/be/prisoners?wave=")),
        "the waves table links to the waves in the page's language: {waves:?}"
    );
    assert!(be.text("select#country option[selected]").contains("Беларусь"), "{}", be.text("select#country"));

    for lang in ["be", "ru"] {
        let home = app.get(&in_lang(lang, "/")).await;
        let hrefs: Vec<String> = home
            .html()
            .select(&scraper::Selector::parse("a").unwrap())
            .filter_map(|a| a.value().attr("href").map(str::to_owned))
            .collect();
        for page in ["/charts", "/data"] {
            assert!(hrefs.contains(&in_lang(lang, page)), "{lang}: the frame links to {page} in its language");
        }
    }

    let data = app.get("/ru/data").await;
    assert!(data.text(".note").contains("на английском"), "the page says the files stay in English");
    assert_eq!(data.attr("a[href='/data/prisoner-tracker.zip']", "download").as_deref(), Some(""));
    let files = data.text("main ul");
    assert!(files.contains(" КБ)") || files.contains(" МБ)"), "sizes in Russian: {files}");
    assert!(!files.contains("kB") && !files.contains("MB"), "{files}");
    assert_eq!(
        data.attr("a[rel=license]", "href").as_deref(),
        Some("https://creativecommons.org/licenses/by/4.0/deed.ru")
    );
    assert_eq!(data.text("a[rel=license]"), "Creative Commons «Атрибуция 4.0 Международная»");
    assert_eq!(data.attr("a[href='https://datapackage.org/']", "lang").as_deref(), Some("en"));
}

#[tokio::test]
async fn chart_files_are_drawn_in_every_language_and_the_csv_stays_one_file() {
    let app = TestApp::with_demo().await;
    for (lang, title, desc) in [
        ("en", "Release waves", "Bar chart of"),
        ("be", "Хвалі вызваленняў", "Слупковая дыяграма"),
        ("ru", "Волны освобождений", "Столбчатая диаграмма"),
    ] {
        for name in ["waves", "flows", "held", "mechanisms", "citizenship"] {
            let address = in_lang(lang, &format!("/charts/{name}.svg"));
            let svg = app.get(&address).await;
            assert_eq!(svg.status, 200, "{address}");
            assert!(!svg.body.contains('⟦'), "{address}: {}", svg.body);
            roxmltree::Document::parse(&svg.body).unwrap_or_else(|e| panic!("{address}: {e}"));
        }
        let address = in_lang(lang, "/charts/waves.svg");
        let svg = app.get(&address).await;
        let xml = roxmltree::Document::parse(&svg.body).unwrap();
        let child = |tag: &str| {
            xml.root_element().children().find(|n| n.has_tag_name(tag)).and_then(|n| n.text()).unwrap_or_default()
        };
        assert!(child("title").starts_with(title), "{address}: {}", child("title"));
        assert!(child("desc").starts_with(desc), "{address}: {}", child("desc"));
        let links: Vec<&str> =
            xml.descendants().filter(|n| n.has_tag_name("a")).filter_map(|n| n.attribute("href")).collect();
        assert!(
            !links.is_empty() && links.iter().all(|l| l.starts_with(&format!("{ORIGIN}{}", in_lang(lang, "/waves/"))))
        );
    }
    let png = app.get("/be/charts/mechanisms.png").await;
    assert_eq!(png.status, 200);
    assert_eq!(png.header("content-type"), "image/png");

    // The CSV's columns and keys are identifiers, one file in every language: like the
    // dataset's files it has no prefixed address, and the translated page links the one file.
    assert_eq!(app.get("/charts/citizenship.csv").await.status, 200);
    for lang in ["be", "ru"] {
        let csv = app.get(&format!("/{lang}/charts/citizenship.csv")).await;
        assert_eq!(csv.status, 404, "{lang}");
        let page = app.get(&format!("/{lang}/charts?country=BY")).await;
        assert_eq!(
            page.attr("#citizenship a[type='text/csv']", "href").as_deref(),
            Some("/charts/citizenship.csv?country=BY"),
            "{lang}"
        );
        assert!(page.attr("#citizenship a[type='image/svg+xml']", "href").unwrap().starts_with(&format!("/{lang}/")));
    }
}

#[tokio::test]
async fn feeds_of_a_person_and_of_a_search_are_in_every_language() {
    let app = TestApp::with_demo().await;
    app.change(
        "with saved as (update people set occupation = 'Blogger' where slug = 'andrey-kuznechyk' returning id)
         insert into revisions (record_type, record_id, person_id, action, before, after, changed, public_changed)
         select 'person', id, id, 'update', '{}', '{}', '{occupation}', '{occupation}' from saved",
    )
    .await;
    for (lang, name, change, status) in [
        ("en", "Andrey Kuznechyk", "Record changed", "Released"),
        // His sex is not recorded: the neutral noun, not the masculine.
        ("be", "Андрэй Кузнечык", "Запіс зменены", "Вызваленне"),
        ("ru", "Андрей Кузнечик", "Запись изменена", "Освобождение"),
    ] {
        let own = format!("{ORIGIN}{}", in_lang(lang, "/"));
        for address in
            [in_lang(lang, "/prisoners/andrey-kuznechyk/feed.atom"), in_lang(lang, "/prisoners.atom?q=Kuznechik")]
        {
            let feed = app.get(&address).await;
            assert_eq!(feed.status, 200, "{address}");
            assert!(!feed.body.contains('⟦'), "{address}: {}", feed.body);
            let xml = roxmltree::Document::parse(&feed.body).unwrap();
            let root = xml.root_element();
            assert_eq!(root.attribute(("http://www.w3.org/XML/1998/namespace", "lang")), Some(lang), "{address}");
            let texts = |tag: &str| -> Vec<String> {
                xml.descendants()
                    .filter(|n| n.has_tag_name("entry"))
                    .flat_map(|e| e.children().filter(|n| n.has_tag_name(tag)).filter_map(|n| n.text()))
                    .map(str::to_owned)
                    .collect()
            };
            let links: Vec<&str> =
                xml.descendants().filter(|n| n.has_tag_name("link")).filter_map(|n| n.attribute("href")).collect();
            assert!(links.iter().all(|l| l.starts_with(&own)), "{address}: {links:?}");
            if address.contains("feed.atom") {
                assert!(
                    root.children().any(|n| n.has_tag_name("title") && n.text().is_some_and(|t| t.contains(name))),
                    "{address}"
                );
                assert_eq!(texts("title"), [change], "{address}");
            } else {
                assert_eq!(texts("title"), [name], "{address}");
                assert!(texts("summary")[0].starts_with(status), "{address}: {:?}", texts("summary"));
            }
        }
        let page = app.get(&in_lang(lang, "/prisoners/andrey-kuznechyk")).await;
        let feed = in_lang(lang, "/prisoners/andrey-kuznechyk/feed.atom");
        assert_eq!(page.attr("link[type='application/atom+xml']", "href"), Some(feed.clone()), "{lang}");
        assert!(
            page.html().select(&scraper::Selector::parse("a").unwrap()).any(|a| a.value().attr("href") == Some(&feed))
        );
        let search = app.get(&in_lang(lang, "/prisoners?q=Kuznechik")).await;
        let href = search.attr("link[type='application/atom+xml']", "href").unwrap();
        assert!(href.starts_with(&in_lang(lang, "/prisoners.atom?")), "{lang}: {href}");
    }
}

#[tokio::test]
async fn the_sitemap_lists_every_language_with_hreflang_alternates() {
    let app = TestApp::with_demo().await;
    let xhtml = "http://www.w3.org/1999/xhtml";
    let mut urls = Vec::new();
    for path in ["/sitemaps/pages.xml", "/sitemaps/waves-0.xml", "/sitemaps/people-0.xml"] {
        let sitemap = app.get(path).await;
        assert_eq!(sitemap.status, 200, "{path}");
        let xml = roxmltree::Document::parse(&sitemap.body).unwrap();
        for url in xml.descendants().filter(|n| n.has_tag_name("url")) {
            let loc = url.children().find(|n| n.has_tag_name("loc")).and_then(|n| n.text()).unwrap().to_owned();
            let alternates: Vec<(String, String)> = url
                .children()
                .filter(|n| n.has_tag_name((xhtml, "link")) && n.attribute("rel") == Some("alternate"))
                .map(|n| (n.attribute("hreflang").unwrap().to_owned(), n.attribute("href").unwrap().to_owned()))
                .collect();
            let langs: Vec<&str> = alternates.iter().map(|(l, _)| l.as_str()).collect();
            assert_eq!(langs, ["en", "be", "ru", "x-default"], "{loc}");
            assert!(alternates.iter().any(|(_, href)| *href == loc), "{loc} is among its own alternates");
            urls.push(loc);
        }
    }
    for path in ["/", "/charts", "/data", "/prisoners/andrey-kuznechyk", "/waves/handover-2025-02-12-vilnius"] {
        for lang in ["en", "be", "ru"] {
            let url = format!("{ORIGIN}{}", in_lang(lang, path));
            assert!(urls.contains(&url), "{url} is listed");
        }
    }
}

#[tokio::test]
async fn public_refusals_speak_the_page_language_and_the_api_stays_english() {
    let app = TestApp::with_demo().await;
    for (uri, says) in [
        ("/prisoners?page=abc", "page: “abc” is not a page number"),
        ("/be/prisoners?page=abc", "page: «abc» — гэта не нумар старонкі"),
        ("/ru/prisoners?page=abc", "page: «abc» — это не номер страницы"),
        ("/be/prisoners?status=nonsense", "status: «nonsense» няма сярод варыянтаў"),
        ("/ru/prisoners?country=Belarus", "country: страна указывается двухбуквенным кодом ISO 3166, например BY"),
        ("/ru/prisoners?q=%00", "q: содержит символ NUL, по которому нельзя искать"),
        ("/be/charts?from=yesterday", "from: «yesterday» — гэта не дата"),
        ("/ru/charts?country=ZZ", "country: нет опубликованных записей из страны ZZ"),
        ("/ru/charts/waves.svg?from=2025&to=2024", "to: период заканчивается (2024) раньше, чем начинается (2025)"),
        ("/be/prisoners.atom?page=x", "page: «x» — гэта не нумар старонкі"),
        ("/be/prisoners?q=a&q=b", "Параметр гэтага адраса або поле формы няправільнае"),
        ("/ru/charts?from=a&from=b", "Параметр этого адреса или поле формы неверно"),
    ] {
        let page = app.get(uri).await;
        assert_eq!(page.status, 400, "{uri}");
        // A refused chart filter is shown beside its field on the chart page.
        let message = page.text(".message, .field-error");
        assert!(message.starts_with(says), "{uri}: {message}");
        assert!(page.attr(".message, .field-error", "lang").is_none(), "{uri}: no English left to mark");
    }
    let api = app.get("/api/v1/prisoners?page=abc").await;
    assert_eq!(api.status, 400);
    let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    assert_eq!(json["error"]["message"], "page: “abc” is not a page number");
    let api = app.get("/api/v1/prisoners?q=a&q=b").await;
    let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    assert!(json["error"]["message"].as_str().unwrap().starts_with("A parameter of this address"), "{json}");
}

#[tokio::test]
async fn a_persons_status_agrees_with_their_sex() {
    let app = TestApp::new().await;
    app.change(
        "insert into people (slug, publication, synthetic, sex, naming_basis) values
             ('synthetic-released-woman', 'published', true, 'female', 'public_sources'),
             ('synthetic-released-man', 'published', true, 'male', 'public_sources'),
             ('synthetic-released-unrecorded', 'published', true, null, 'public_sources');
         insert into person_names (person_id, name, lang, script, kind, search_key)
         select id, 'Synthetic ' || slug, 'en', 'Latn', 'primary', 'synthetic ' || slug from people;
         insert into detentions (person_id, country, started_on, started_precision, ended_on, ended_precision, release_mechanism)
         select id, 'BY', '2022-03-01', 'day', '2024-07-03', 'day', 'pardon' from people;
         insert into person_names (person_id, name, lang, script, kind, search_key)
         select id, 'Alias ' || slug, 'en', 'Latn', 'alias', 'alias ' || slug from people",
    )
    .await;
    // The home page's list of recent releases and the "also known as" of a name agree too; an
    // unrecorded sex is worded neutrally, never as a man.
    for (lang, woman, man, unrecorded) in [
        (
            "en",
            ["released on 3 July 2024", "also known as"],
            ["released on 3 July 2024", "also known as"],
            ["released on 3 July 2024", "also known as"],
        ),
        (
            "be",
            ["вызваленая 3 ліпеня 2024", "таксама вядомая як"],
            ["вызвалены 3 ліпеня 2024", "таксама вядомы як"],
            ["вызваленне: 3 ліпеня 2024", "іншае імя"],
        ),
        (
            "ru",
            ["освобождена 3 июля 2024", "также известна как"],
            ["освобождён 3 июля 2024", "также известен как"],
            ["освобождение: 3 июля 2024", "другое имя"],
        ),
    ] {
        let home = app.get(&in_lang(lang, "/")).await;
        let items = home.texts("#released-heading + ul li");
        for (slug, [released, alias]) in [
            ("synthetic-released-woman", woman),
            ("synthetic-released-man", man),
            ("synthetic-released-unrecorded", unrecorded),
        ] {
            let item = items.iter().find(|li| li.contains(slug)).unwrap_or_else(|| panic!("{lang} {slug}: {items:?}"));
            assert!(item.ends_with(released), "{lang} {slug}: {item}");
            let page = app.get(&in_lang(lang, &format!("/prisoners/{slug}"))).await;
            assert!(
                page.texts(".name-kind").iter().any(|k| k.contains(alias)),
                "{lang} {slug}: {:?}",
                page.texts(".name-kind")
            );
        }
    }
    for (slug, sex, en, be, ru) in [
        (
            "synthetic-released-woman",
            Some("female"),
            "Released on",
            "Вызваленая 3 ліпеня 2024",
            "Освобождена 3 июля 2024",
        ),
        ("synthetic-released-man", Some("male"), "Released on", "Вызвалены 3 ліпеня 2024", "Освобождён 3 июля 2024"),
        (
            "synthetic-released-unrecorded",
            None,
            "Released on",
            "Вызваленне: 3 ліпеня 2024",
            "Освобождение: 3 июля 2024",
        ),
    ] {
        for (lang, word) in [("en", en), ("be", be), ("ru", ru)] {
            let page = app.get(&in_lang(lang, &format!("/prisoners/{slug}"))).await;
            assert_eq!(page.status, 200, "{lang} {slug}");
            assert!(page.text(".status").starts_with(word), "{lang} {slug}: {}", page.text(".status"));
            let Some(sex) = sex else { continue };
            let search = app.get(&in_lang(lang, &format!("/prisoners?sex={sex}"))).await;
            assert_eq!(search.texts(".hit-status").len(), 1, "{lang} {sex}");
            assert!(search.text(".hit-status").starts_with(word), "{lang} {slug}: {}", search.text(".hit-status"));
            let feed = app.get(&in_lang(lang, &format!("/prisoners.atom?sex={sex}"))).await;
            assert!(feed.body.contains(&format!("<summary>{word}")), "{lang} {slug}: {}", feed.body);
        }
    }
}

#[tokio::test]
async fn a_charts_period_takes_the_case_its_preposition_asks_for() {
    let app = TestApp::with_demo().await;
    for (address, title) in [
        ("/be/charts?from=2024&to=2024-winter", "Вызваленні паводле грамадзянства, з 2024 года па зіму 2024/25"),
        ("/ru/charts?from=2024&to=2025-spring", "Освобождения по гражданству, с 2024 года по весну 2025"),
        ("/ru/charts?to=2025", "Освобождения по гражданству, по 2025 год"),
        ("/be/charts?to=2025-03", "Вызваленні паводле грамадзянства, па сакавік 2025"),
        ("/charts?from=2024&to=2025-spring", "Releases by citizenship, from 2024 to spring 2025"),
    ] {
        let page = app.get(address).await;
        assert_eq!(page.status, 200, "{address}");
        assert_eq!(page.text("#citizenship-title"), title, "{address}");
        let svg = app.get(&address.replace("charts?", "charts/citizenship.svg?")).await;
        let xml = roxmltree::Document::parse(&svg.body).unwrap();
        let text = xml.root_element().children().find(|n| n.has_tag_name("title")).and_then(|n| n.text());
        assert_eq!(text, Some(title), "{address}");
    }
}
