//! `/prisoners` and `/prisoners.csv`: any spelling finds the person; filters, order, pages
//! and the CSV agree.

use crate::helpers::TestApp;

/// The slugs of the people listed on a results page, in order.
fn listed(page: &crate::helpers::TestResponse) -> Vec<String> {
    let selector = scraper::Selector::parse("ol.hits li > a").unwrap();
    page.html()
        .select(&selector)
        .filter_map(|a| a.value().attr("href"))
        .map(|href| href.trim_start_matches("/prisoners/").to_owned())
        .collect()
}

fn query(q: &str) -> String {
    format!("/prisoners?q={}", url::form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>())
}

#[tokio::test]
async fn every_spelling_finds_its_person() {
    let app = TestApp::with_demo().await;
    let cases = [
        ("Кузнечык", "andrey-kuznechyk", "Belarusian Cyrillic"),
        ("Кузнечик", "andrey-kuznechyk", "Russian Cyrillic"),
        ("Kuznechyk", "andrey-kuznechyk", "the press"),
        ("Kuznechik", "andrey-kuznechyk", "a passport"),
        ("Kuzniečyk", "andrey-kuznechyk", "the national romanisation"),
        ("Андрей Кузнечик", "andrey-kuznechyk", "full Russian name"),
        ("kuznetchik", "andrey-kuznechyk", "a wrong letter"),
        ("Kuznchyk", "andrey-kuznechyk", "a missing letter"),
        ("Ігар Лосік", "ihar-losik", "Belarusian"),
        ("Игорь Лосик", "ihar-losik", "Russian"),
        ("Ihar Losik", "ihar-losik", "the press"),
        ("Igor Losik", "ihar-losik", "a passport"),
        ("Карней", "ihar-karney", "Cyrillic"),
        ("Karney", "ihar-karney", "the press"),
        ("Karnei", "ihar-karney", "a passport"),
        ("Зянковіч", "yuri-zenkovich", "Belarusian vowels"),
        ("Зенкович", "yuri-zenkovich", "Russian vowels"),
        ("Yury Zenkovich", "yuri-zenkovich", "another given-name spelling"),
        ("Шугаев", "nikolai-shugayev", "Russian"),
        ("Nikolay Shugaev", "nikolai-shugayev", "another romanisation"),
        ("Movshuk", "yelena-movshuk", "Latin"),
        ("Елена Мовшук", "yelena-movshuk", "Cyrillic"),
        ("Anastasiya Nufer", "anastasia-nufer", "iotated ending"),
        ("Фогель", "marc-fogel", "Cyrillic of a Latin name"),
        ("Krieger", "rico-krieger", "Latin"),
        ("Radio Liberty", "ihar-karney", "words of the occupation"),
        ("coup", "yuri-zenkovich", "words of a charge"),
    ];
    for (q, slug, why) in cases {
        let page = app.get(&query(q)).await;
        assert_eq!(page.status, 200, "{q}");
        let found = listed(&page);
        assert!(found.iter().any(|s| s == slug), "{why}: {q:?} should find {slug}, found {found:?}");
    }

    let losik = listed(&app.get(&query("Losik")).await);
    assert_eq!(losik, ["ihar-losik"], "a surname finds only its bearer");
    let ihar = listed(&app.get(&query("Ihar")).await);
    assert_eq!(ihar.len(), 2, "a given name finds both Ihars: {ihar:?}");
}

#[tokio::test]
async fn filters_narrow_the_list() {
    let app = TestApp::with_demo().await;
    let cases: [(&str, &[&str]); 10] = [
        ("status=held", &["ihar-karney", "ihar-losik", "yuri-zenkovich"]),
        ("mechanism=exchange", &["marc-fogel", "rico-krieger"]),
        ("citizenship=US", &["anastasia-nufer", "marc-fogel", "nikolai-shugayev", "yuri-zenkovich"]),
        ("wave=handover-2025-02-12-vilnius", &["andrey-kuznechyk", "nikolai-shugayev", "yelena-movshuk"]),
        ("country=RU", &["marc-fogel"]),
        ("detained_from=2024", &["anastasia-nufer"]),
        ("detained_to=2021", &["yuri-zenkovich"]),
        ("released_to=2024", &["rico-krieger"]),
        ("charge=coup", &["yuri-zenkovich"]),
        ("status=released&citizenship=DE", &["rico-krieger"]),
    ];
    for (filter, expected) in cases {
        let page = app.get(&format!("/prisoners?{filter}")).await;
        assert_eq!(page.status, 200, "{filter}");
        let mut found = listed(&page);
        found.sort();
        assert_eq!(found, expected, "{filter}");
    }
    let released_2025 = listed(&app.get("/prisoners?released_from=2025").await);
    assert_eq!(released_2025.len(), 5, "{released_2025:?}");
}

#[tokio::test]
async fn results_sort_by_name_or_date_and_count() {
    let app = TestApp::with_demo().await;

    let by_name = app.get("/prisoners").await;
    assert_eq!(by_name.text("#results-heading"), "9 people");
    assert_eq!(listed(&by_name).first().map(String::as_str), Some("marc-fogel"), "Fogel sorts first: by surname");

    let by_release = listed(&app.get("/prisoners?sort=released").await);
    assert!(
        by_release[..3]
            .iter()
            .all(|s| ["andrey-kuznechyk", "nikolai-shugayev", "yelena-movshuk"].contains(&s.as_str()))
    );
    assert_eq!(by_release[3], "marc-fogel", "released a day earlier");

    let by_detention = listed(&app.get("/prisoners?sort=detained").await);
    assert_eq!(by_detention[..2], ["anastasia-nufer", "yuri-zenkovich"]);
}

#[tokio::test]
async fn pages_keep_every_filter_and_stay_in_range() {
    let app = TestApp::with_demo().await;
    prisoner_tracker::seed::synthetic::generate(&app.pool, 140, 5).await.unwrap();

    let first = app.get("/prisoners?status=released").await;
    let count: usize = first.text("#results-heading").split_whitespace().next().unwrap().parse().unwrap();
    assert!(count > 50, "enough released people for several pages: {count}");
    assert_eq!(listed(&first).len(), 50);
    let next = first.attr("a[rel=next]", "href").unwrap();
    assert_eq!(next, "/prisoners?status=released&page=2", "the next link keeps the filter");

    let mut all = listed(&first);
    let mut page = 2;
    loop {
        let response = app.get(&format!("/prisoners?status=released&page={page}")).await;
        let hits = listed(&response);
        all.extend(hits);
        if response.attr("a[rel=next]", "href").is_none() {
            break;
        }
        page += 1;
    }
    let unique: std::collections::HashSet<&String> = all.iter().collect();
    assert_eq!((all.len(), unique.len()), (count, count), "pages cover every result exactly once");

    let beyond = app.get("/prisoners?status=released&page=999").await;
    assert_eq!(beyond.status, 200);
    assert!(beyond.body.contains("There is no page 999"));
    assert_eq!(app.get("/prisoners?page=99999999999999").await.status, 200, "absurd pages are clamped");
}

#[tokio::test]
async fn the_csv_holds_the_same_people_as_the_page() {
    let app = TestApp::with_demo().await;
    for search in ["", "q=Ihar", "status=released&sort=released", "citizenship=US"] {
        let page = app.get(&format!("/prisoners?{search}")).await;
        let csv = app.get(&format!("/prisoners.csv?{search}")).await;
        assert_eq!(csv.status, 200);
        assert!(csv.header("content-type").starts_with("text/csv"));
        let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
        let slugs: Vec<String> =
            reader.records().map(|r| r.unwrap()[1].rsplit('/').next().unwrap().to_owned()).collect();
        assert_eq!(slugs, listed(&page), "{search}");
    }
}

#[tokio::test]
async fn csv_cells_cannot_run_as_formulas() {
    let app = TestApp::with_demo().await;
    sqlx::query("update people set occupation = '=HYPERLINK(\"http://evil\")' where slug = 'ihar-losik'")
        .execute(&app.pool)
        .await
        .unwrap();
    let csv = app.get("/prisoners.csv?q=Losik").await;
    let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
    let occupation = reader.headers().unwrap().iter().position(|h| h == "occupation").unwrap();
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[occupation], "'=HYPERLINK(\"http://evil\")");
}

#[tokio::test]
async fn nothing_found_suggests_near_names() {
    let app = TestApp::with_demo().await;
    let page = app.get(&query("Kuznechyk Fogel")).await;
    assert!(listed(&page).is_empty());
    assert_eq!(page.text("#results-heading"), "0 people");
    let suggestions = page.texts(".suggestions li");
    assert!(suggestions.contains(&"Andrey Kuznechyk".to_owned()), "{suggestions:?}");
    assert!(suggestions.contains(&"Marc Fogel".to_owned()), "{suggestions:?}");
}

#[tokio::test]
async fn hostile_input_is_escaped_and_bad_parameters_are_a_400() {
    let app = TestApp::with_demo().await;
    sqlx::query(
        "insert into person_names (person_id, name, lang, script, kind, search_key)
         select id, '<script>alert(\"x\")</script> & ''Co''', null, 'Latn', 'alias', 'script alert' from people where slug = 'ihar-losik'",
    )
    .execute(&app.pool)
    .await
    .unwrap();

    let page = app.get(&query("<script>alert(\"x\")</script>")).await;
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("<script>alert"), "the query is escaped");
    assert_eq!(page.attr("#q", "value").as_deref(), Some("<script>alert(\"x\")</script>"));

    let person = app.get("/prisoners/ihar-losik").await;
    assert!(!person.body.contains("<script>alert"));
    assert!(person.texts(".names .name").contains(&"<script>alert(\"x\")</script> & 'Co'".to_owned()));

    for bad in ["status=free", "page=two", "country=Belarus", "sort=random", "detained_from=abc"] {
        let response = app.get(&format!("/prisoners?{bad}")).await;
        assert_eq!(response.status, 400, "{bad}");
        assert!(
            response.text(".message").contains(bad.split('=').next().unwrap()),
            "{bad}: the message names the field"
        );
    }
    let injection = app.get(&query("'; drop table people; --")).await;
    assert_eq!(injection.status, 200);
    assert_eq!(app.get("/prisoners/ihar-losik").await.status, 200, "nothing was dropped");
}

/// Every slug of every page of a search.
async fn all_pages(app: &TestApp, search: &str) -> Vec<String> {
    let mut all = Vec::new();
    for page in 1.. {
        let response = app.get(&format!("/prisoners?{search}&page={page}")).await;
        all.extend(listed(&response));
        if response.attr("a[rel=next]", "href").is_none() {
            return all;
        }
    }
    unreachable!()
}

#[tokio::test]
async fn a_common_surname_pages_the_same_people_whichever_way_it_is_read() {
    let app = TestApp::new().await;
    prisoner_tracker::seed::synthetic::generate(&app.pool, 900, 11).await.unwrap();

    // Relevance and name order read the most common surname's people page by page from an
    // index; release-date order reads them all at once. Both must list the same people.
    let by_relevance = all_pages(&app, "q=Testavich").await;
    let by_name = all_pages(&app, "q=Testavich&sort=name").await;
    let by_release = all_pages(&app, "q=Testavich&sort=released").await;
    assert!(by_relevance.len() > 50, "several pages: {}", by_relevance.len());
    let set = |v: &Vec<String>| v.iter().cloned().collect::<std::collections::BTreeSet<_>>();
    assert_eq!(set(&by_relevance).len(), by_relevance.len(), "no one twice");
    assert_eq!(set(&by_relevance), set(&by_release));
    assert_eq!(set(&by_name), set(&by_release));

    let first = app.get("/prisoners?q=Testavich&sort=name").await;
    let count: usize = first.text("#results-heading").split_whitespace().next().unwrap().parse().unwrap();
    assert_eq!(count, by_name.len(), "the count is exact below the cap");
    let names = first.texts("ol.hits li > a");
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted, "name order");

    // A page past the last one (an old link) lists no one but still tells how many there are.
    let past = app.get("/prisoners?q=Testavich&sort=name&page=90").await;
    assert_eq!(past.status, 200);
    assert!(listed(&past).is_empty());
    assert_eq!(past.text("#results-heading"), first.text("#results-heading"));
}

#[tokio::test]
async fn several_common_words_find_the_same_people_whichever_way_they_are_read() {
    let app = TestApp::new().await;
    prisoner_tracker::seed::synthetic::generate(&app.pool, 900, 12).await.unwrap();
    // The two tokens most often carried together beside the commonest surname (a first name
    // in two spellings): with two or three words, the rarest drives and the others are checked.
    let (first, second): (String, String) = sqlx::query_as(
        "select a.token, b.token from person_tokens s \
         join person_tokens a using (person_id) join person_tokens b using (person_id) \
         where s.token = 'testavic' and a.token <> s.token and b.token <> s.token and a.token < b.token \
         group by 1, 2 order by count(*) desc, 1, 2 limit 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    for q in [format!("{first} Testavich"), format!("{first} {second} Testavich")] {
        let q = url::form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>();
        let by_relevance = all_pages(&app, &format!("q={q}")).await;
        let by_name = all_pages(&app, &format!("q={q}&sort=name")).await;
        let by_release = all_pages(&app, &format!("q={q}&sort=released")).await;
        assert!(!by_release.is_empty(), "{q} finds someone");
        let set = |v: &Vec<String>| v.iter().cloned().collect::<std::collections::BTreeSet<_>>();
        assert_eq!(set(&by_relevance).len(), by_relevance.len(), "{q}: no one twice");
        assert_eq!(set(&by_relevance), set(&by_release), "{q}");
        assert_eq!(set(&by_name), set(&by_release), "{q}");
    }
}

#[tokio::test]
async fn every_stored_spelling_of_synthetic_people_finds_them() {
    let app = TestApp::new().await;
    prisoner_tracker::seed::synthetic::generate(&app.pool, 200, 21).await.unwrap();
    // Each synthetic person carries Belarusian and Russian Cyrillic, the press's, the national
    // and the passport's Latin spellings; the least common surnames make the sharpest test.
    let names: Vec<(String, String, String)> = sqlx::query_as(
        "select p.slug, n.name, n.lang || '/' || n.script || '/' || n.kind::text
         from people p join person_names n on n.person_id = p.id
         where p.id in (select person_id from person_tokens group by person_id order by min(token) desc limit 12)",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert!(names.len() >= 12 * 4, "several spellings each: {}", names.len());
    for (slug, name, variant) in names {
        let csv = app
            .get(&format!(
                "/prisoners.csv?q={}",
                url::form_urlencoded::byte_serialize(name.as_bytes()).collect::<String>()
            ))
            .await;
        let found = csv.body.contains(&format!("/prisoners/{slug},"));
        assert!(found, "{variant} spelling {name:?} should find {slug}");
    }
}

/// Drafts are invisible to the public search in every part of it: the filter choices offer no
/// country or citizenship that only a draft has, and drafts' names, however near to what was
/// typed, never take a suggestion's place from a published person.
#[tokio::test]
async fn drafts_leak_into_neither_filters_nor_suggestions() {
    let app = TestApp::with_demo().await;
    let draft_names = ["Kuznechyqa", "Kuznechyqb", "Kuznechyqc", "Kuznechyqd", "Kuznechyqe", "Kuznechyqf"];
    for (i, surname) in draft_names.iter().enumerate() {
        app.change(&format!(
            "with p as (insert into people (slug, publication, synthetic) values ('synthetic-draft-{i}', 'draft', true) returning id)
             insert into person_names (person_id, name, script, kind, search_key)
             select id, 'Synthetic {surname}', 'Latn', 'primary', 'synthetic {key}' from p;
             insert into person_citizenships (person_id, country)
             select id, 'NZ' from people where slug = 'synthetic-draft-{i}';
             insert into detentions (person_id, country, started_on, started_precision)
             select id, 'NZ', '2024-01-0{day}', 'day' from people where slug = 'synthetic-draft-{i}';",
            key = surname.to_lowercase(),
            day = i + 1,
        ))
        .await;
    }

    let page = app.get("/prisoners").await;
    assert_eq!(page.status, 200);
    let countries: Vec<String> = ["#country option", "#citizenship option"]
        .iter()
        .flat_map(|selector| {
            page.html()
                .select(&scraper::Selector::parse(selector).unwrap())
                .filter_map(|o| o.value().attr("value").map(str::to_owned))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(countries.iter().any(|c| c == "BY"), "the choices are there: {countries:?}");
    assert!(!countries.iter().any(|c| c == "NZ"), "only drafts hold or have NZ: {countries:?}");

    let page = app.get(&query("Kuznechyq Fogel")).await;
    assert!(listed(&page).is_empty());
    let suggestions = page.texts(".suggestions li");
    assert!(suggestions.contains(&"Andrey Kuznechyk".to_owned()), "nearer drafts push nobody out: {suggestions:?}");
    assert!(!suggestions.iter().any(|s| s.contains("Synthetic")), "{suggestions:?}");
}
