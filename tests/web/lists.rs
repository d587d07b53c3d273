//! Lists (issue 19): the search CSV's dates as real days beside their precision, and a file
//! name that says what it holds.

use std::collections::HashMap;

use prisoner_tracker::accounts::Role;

use crate::fixtures::{self, saved};
use crate::helpers::{TestApp, logged_in};

/// The rows of a CSV as maps from column to cell.
fn rows(body: &str) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    reader.records().map(|r| headers.iter().cloned().zip(r.unwrap().iter().map(str::to_owned)).collect()).collect()
}

#[tokio::test]
async fn every_partial_date_in_the_csv_has_its_first_and_last_day_beside_it() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    // Held since a month; released on a day after a season; held since a year; and no date.
    let month = fixtures::held_person(&app, &mut admin, "Mesiats Testova").await;
    let season = fixtures::person(&app, &mut admin, "Sezon Testova").await;
    saved(
        &mut admin,
        &format!("/admin/detentions/new?person={season}"),
        &[("country", "BY"), ("started", "winter 2023"), ("ended", "2024-02-29"), ("release_mechanism", "pardon")],
    )
    .await;
    let year = fixtures::person(&app, &mut admin, "Hod Testova").await;
    saved(&mut admin, &format!("/admin/detentions/new?person={year}"), &[("country", "BY"), ("started", "2019")]).await;
    fixtures::person(&app, &mut admin, "Nidata Testova").await;
    assert!(month > 0);

    let csv = app.get("/prisoners.csv").await;
    assert_eq!(csv.status, 200);
    let rows = rows(&csv.body);
    let row = |name: &str| rows.iter().find(|r| r["name"] == name).unwrap_or_else(|| panic!("{name} in the CSV"));
    fn cells<'a>(row: &'a HashMap<String, String>, column: &str) -> [&'a str; 3] {
        [&row[column], &row[&format!("{column}_earliest")], &row[&format!("{column}_latest")]].map(String::as_str)
    }
    let cases = [
        (
            "Mesiats Testova",
            "first_detained",
            ["2021-05", "2021-05-01", "2021-05-31"],
            "a month: its first and last day",
        ),
        ("Mesiats Testova", "status_since", ["2021-05", "2021-05-01", "2021-05-31"], "the status's date too"),
        (
            "Sezon Testova",
            "first_detained",
            ["2023-winter", "2023-12-01", "2024-02-29"],
            "a winter: into the next year",
        ),
        ("Sezon Testova", "last_released", ["2024-02-29", "2024-02-29", "2024-02-29"], "a day: itself twice"),
        ("Hod Testova", "first_detained", ["2019", "2019-01-01", "2019-12-31"], "a year: 1 January to 31 December"),
        ("Nidata Testova", "first_detained", ["", "", ""], "no date: three empty cells"),
        ("Nidata Testova", "last_released", ["", "", ""], "no release"),
    ];
    for (name, column, expected, why) in cases {
        assert_eq!(cells(row(name), column), expected, "{name} {column}: {why}");
    }
    // Each date column is followed by its two days.
    let header = csv.body.lines().next().unwrap();
    assert!(header.contains("first_detained,first_detained_earliest,first_detained_latest"), "{header}");
}

#[tokio::test]
async fn the_csv_file_is_named_after_its_filters_and_the_day() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let (_, wave) = fixtures::wave(&app, &mut admin, "Invented Pardon", "2025-07-03").await;
    let today = time::OffsetDateTime::now_utc().date();
    let cases = [
        ("", format!("prisoners_{today}.csv"), "no filter"),
        ("status=held", format!("prisoners_status-held_{today}.csv"), "one filter"),
        (
            &*format!("status=held&wave={wave}&sort=detained&page=2"),
            format!("prisoners_status-held_wave-{wave}_{today}.csv"),
            "filters in the search's order; order and page are not filters",
        ),
        (
            "q=Kuznechyk+%22x%22/..%5C&detained_from=2021",
            format!("prisoners_q-kuznechyk-x_detained-from-2021_{today}.csv"),
            "quotes, dots and slashes gone",
        ),
    ];
    for (query, expected, why) in cases {
        let csv = app.get(&format!("/prisoners.csv?{query}")).await;
        assert_eq!(csv.status, 200, "{query}");
        assert_eq!(csv.header("content-disposition"), format!("attachment; filename=\"{expected}\""), "{query}: {why}");
    }
    let cyrillic = app.get("/prisoners.csv?q=%D0%9A%D1%83%D0%B7%D0%BD%D0%B5%D1%87%D1%8B%D0%BA").await;
    let name = cyrillic.header("content-disposition");
    assert!(name.starts_with("attachment; filename=\"prisoners_q-kuz") && name.is_ascii(), "romanised: {name}");
    let long = "a".repeat(150);
    let csv = app.get(&format!("/prisoners.csv?q={long}")).await;
    let name = csv.header("content-disposition").to_owned();
    assert!(name.len() < 100, "a long search makes a short name: {name}");
    assert!(
        name.trim_start_matches("attachment; filename=\"")
            .trim_end_matches('"')
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)),
        "{name}"
    );
}

/// The people's addresses as the list at `uri` shows them, in its order.
async fn listed(app: &TestApp, uri: &str) -> Vec<String> {
    let page = app.get(uri).await;
    assert_eq!(page.status, 200, "{uri}");
    let selector = scraper::Selector::parse("ol.hits li > a").unwrap();
    page.html()
        .select(&selector)
        .filter_map(|a| a.value().attr("href"))
        .map(|href| href.rsplit('/').next().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn name_order_is_by_surname_in_the_pages_script() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    // Invented people, each with a name in English, Belarusian and Russian but the last, who
    // has only a Latin one; the Russian official form (surname, given name, patronymic) too.
    let people: [&[(&str, &str)]; 4] = [
        &[("Aleh Zhuk", "en"), ("Алег Жук", "be"), ("Жук Олег Петрович", "ru")],
        &[("Yana Baranava", "en"), ("Яна Баранава", "be"), ("Яна Баранова", "ru")],
        &[("Ivan Ivanou", "en"), ("Іван Іваноў", "be"), ("Иван Иванов", "ru")],
        &[("Marco Testlatin", "en")],
    ];
    for names in people {
        let mut fields: Vec<(String, String)> =
            vec![("publication".into(), "published".into()), ("naming_basis".into(), "public_sources".into())];
        fields.push(("publish_unsourced".into(), "yes".into()));
        for (i, (name, lang)) in names.iter().enumerate() {
            fields.extend([
                (format!("name_{i}"), (*name).to_owned()),
                (format!("lang_{i}"), (*lang).to_owned()),
                (format!("kind_{i}"), "primary".to_owned()),
            ]);
        }
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        saved(&mut admin, "/admin/people/new", &fields).await;
    }

    let cases = [
        ("/prisoners", ["yana-baranava", "ivan-ivanou", "marco-testlatin", "aleh-zhuk"], "Latin surnames"),
        ("/be/prisoners", ["yana-baranava", "aleh-zhuk", "ivan-ivanou", "marco-testlatin"], "Б, Ж, І; Latin after"),
        ("/ru/prisoners", ["yana-baranava", "aleh-zhuk", "ivan-ivanou", "marco-testlatin"], "Б, Ж, И; Latin after"),
    ];
    for (uri, expected, why) in cases {
        assert_eq!(listed(&app, uri).await, expected, "{uri}: {why}");
    }
    // The keys follow a renamed person.
    let ivan: i64 =
        sqlx::query_scalar("select id from people where slug = 'ivan-ivanou'").fetch_one(&app.pool).await.unwrap();
    app.change(&format!("update person_names set name = 'Иван Абрамов' where person_id = {ivan} and lang = 'ru'"))
        .await;
    assert_eq!(listed(&app, "/ru/prisoners").await[0], "ivan-ivanou", "Абрамов comes first now");
}
