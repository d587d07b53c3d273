//! Issue 19's admin chores: dates typed as Belarusian and Russian sources write them, a refused
//! chart filter shown on the chart page, sentence lengths in years and months, history in
//! labels, name rows whose language follows the letters, "cite" links and the source picker.

use prisoner_tracker::accounts::Role;

use crate::fixtures;
use crate::helpers::{TestApp, logged_in};

#[tokio::test]
async fn a_refused_chart_filter_shows_the_chart_page_with_the_message_beside_its_field() {
    let app = TestApp::new().await;
    for (uri, field, message, typed, why) in [
        ("/charts?from=31.02.2025&to=2025", "from", "February 2025 has no day 31", "31.02.2025", "an impossible day"),
        ("/charts?from=2024&to=13.2025", "to", "there is no month 13", "13.2025", "an impossible month"),
        ("/charts?from=2025&to=2024", "to", "ends (2024) before it starts (2025)", "2024", "a reversed range"),
        (
            "/ru/charts?from=%D1%84%D0%B5%D0%B2%D1%80%D0%B0%D0%BB%D1%8C",
            "from",
            "без года",
            "февраль",
            "no year, in Russian",
        ),
        ("/be/charts?to=%3Cb%3Ex", "to", "не дата", "<b>x", "markup typed, in Belarusian"),
    ] {
        let page = app.get(uri).await;
        assert_eq!(page.status, 400, "{why}: {uri}");
        assert_eq!(page.texts("h1").len(), 1, "{why}: the chart page, not a bare error page");
        assert!(!page.texts("#waves svg, #waves figure").is_empty(), "{why}: the charts are still there");
        assert!(
            page.text(&format!("#{field}-error")).contains(message),
            "{why}: {}",
            page.text(&format!("#{field}-error"))
        );
        assert_eq!(page.attr(&format!("input#{field}"), "value").as_deref(), Some(typed), "{why}: the value as typed");
        assert_eq!(page.attr(&format!("input#{field}"), "aria-invalid").as_deref(), Some("true"), "{why}");
        assert!(page.texts("[role=alert]").len() == 1, "{why}: a summary says the filter was not applied");
        assert!(!page.body.contains("<b>x"), "{why}: what was typed is escaped");
    }
    // The forms of the sources are accepted and read back in the canonical form.
    let page = app.get("/charts?from=02.2025&to=%D0%BB%D0%B5%D1%82%D0%BE%202025").await;
    assert_eq!(page.status, 200, "02.2025 and лето 2025 are dates");
    assert_eq!(page.attr("input#from", "value").as_deref(), Some("2025-02"));
    assert_eq!(page.attr("input#to", "value").as_deref(), Some("2025-summer"));
}

#[tokio::test]
async fn the_forms_take_dates_as_belarusian_and_russian_sources_write_them() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let id = fixtures::person(&app, &mut admin, "Symon Testavy").await;
    let uri = format!("/admin/detentions/new?person={id}");
    let cases = [
        ("12.02.2019", "07.2019", ["2019-02-12", "day", "2019-07-01", "month"]),
        ("лета 2020", "у лютым 2021", ["2020-06-01", "season", "2021-02-01", "month"]),
        ("весной 2022", "12 февраля 2023 г.", ["2022-03-01", "season", "2023-02-12", "day"]),
    ];
    for (started, ended, _) in cases {
        let saved = admin.submit(&uri, &[("country", "BY"), ("started", started), ("ended", ended)]).await;
        assert_eq!(saved.status, 303, "{started} – {ended}: {}", saved.body);
    }
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "select started_on::text, started_precision::text, ended_on::text, ended_precision::text
         from detentions where person_id = $1 order by started_on",
    )
    .bind(id)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let expected: Vec<(String, String, String, String)> =
        cases.iter().map(|(_, _, [a, b, c, d])| (a.to_string(), b.to_string(), c.to_string(), d.to_string())).collect();
    assert_eq!(rows, expected);

    let refused = admin.submit(&uri, &[("country", "BY"), ("started", "31.04.2024")]).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text("#started-error").contains("April 2024 has no day 31"), "{}", refused.text("#started-error"));
    assert_eq!(refused.attr("input#started", "value").as_deref(), Some("31.04.2024"), "nothing typed is lost");
}

#[tokio::test]
async fn a_sentence_is_typed_in_years_and_months_and_shown_back_so() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let id = fixtures::person(&app, &mut admin, "Symon Testavy").await;
    let fields = |length: &'static str| {
        [("country", "BY"), ("started", "2021-03"), ("sentence_kind", "imprisonment"), ("sentence_months", length)]
    };
    let detention =
        fixtures::saved(&mut admin, &format!("/admin/detentions/new?person={id}"), &fields("2 years 6 months")).await;
    let months = || async {
        sqlx::query_scalar::<_, Option<i32>>("select sentence_months from detentions where id = $1")
            .bind(detention)
            .fetch_one(&app.pool)
            .await
            .unwrap()
    };
    assert_eq!(months().await, Some(30), "stored as months, as before");
    let edit = format!("/admin/detentions/{detention}/edit");
    let page = admin.get(&edit).await;
    assert_eq!(page.attr("#sentence_months", "value").as_deref(), Some("2 years 6 months"));
    let page = admin.get(&format!("/ru{edit}")).await;
    assert_eq!(page.attr("#sentence_months", "value").as_deref(), Some("2 года 6 месяцев"), "in the admin's language");

    for (typed, stored) in [("3 года", 36), ("2 гады 6 месяцаў", 30), ("5 лет", 60), ("18", 18), ("1 year", 12)]
    {
        let saved = admin.submit(&edit, &fields(typed)).await;
        assert_eq!(saved.status, 303, "{typed}: {}", saved.body);
        assert_eq!(months().await, Some(stored), "{typed}");
    }
    let page = admin.get(&format!("/be{edit}")).await;
    assert_eq!(page.attr("#sentence_months", "value").as_deref(), Some("1 год"));

    for typed in ["3 weeks", "1.5 years", "101 years", "0"] {
        let refused = admin.submit(&edit, &fields(typed)).await;
        assert_eq!(refused.status, 422, "{typed}");
        assert!(refused.text("#sentence_months-error").contains("3 years"), "{typed}: says what to type");
        assert_eq!(refused.attr("#sentence_months", "value").as_deref(), Some(typed), "{typed}: kept as typed");
    }
    assert_eq!(months().await, Some(12), "nothing refused was saved");
}

#[tokio::test]
async fn history_shows_labels_and_names_in_the_admins_language_not_stored_codes() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let id = fixtures::person(&app, &mut admin, "Symon Testavy").await;
    let (_, wave) = fixtures::wave(&app, &mut admin, "Test pardon of invented people", "2025-07-03").await;
    let uri = format!("/admin/detentions/new?person={id}");
    let detention = fixtures::saved(
        &mut admin,
        &uri,
        &[
            ("country", "BY"),
            ("started", "2021-03"),
            ("ended", "2025-07-03"),
            ("trial_stage", "convicted"),
            ("sentence_kind", "imprisonment"),
            ("sentence_months", "36"),
            ("release_mechanism", "pardon"),
            ("wave", wave.as_str()),
        ],
    )
    .await;
    let (_, source) = fixtures::source(&app, &mut admin, "Invented report on test prisoners").await;
    fixtures::saved(&mut admin, &format!("/admin/citations/new?detention={detention}"), &[("source", source.as_str())])
        .await;

    let history = admin.get(&format!("/admin/detentions/{detention}/history")).await;
    assert_eq!(history.status, 200);
    let after = history.texts("td.after");
    for shown in
        ["Pardon", "3 years", "Test pardon of invented people", "Imprisonment", "Convicted", "Belarus", "July 2025"]
    {
        assert!(after.iter().any(|v| v.contains(shown)), "{shown} in {after:?}");
    }
    for stored in ["pardon", "36", wave.as_str(), "imprisonment", "convicted", "BY"] {
        assert!(!after.iter().any(|v| v == stored), "the stored code {stored} in {after:?}");
    }
    let person = admin.get(&format!("/ru/admin/people/{id}/history")).await;
    let after = person.texts("td.after");
    for shown in ["Помилование", "3 года", "Invented report on test prisoners", "Беларусь"] {
        assert!(after.iter().any(|v| v.contains(shown)), "{shown} in {after:?}");
    }
    assert!(!after.contains(&source), "the citation names its source by title: {after:?}");
}

#[tokio::test]
async fn a_name_left_on_automatic_takes_the_language_its_letters_show() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let form = admin.get("/admin/people/new").await;
    assert_eq!(form.texts("select#lang_0").len(), 1, "the language is a select");
    assert_eq!(
        form.text("select#lang_0 option[selected], select#lang_0 option:first-child"),
        "Automatic (from the letters)"
    );
    assert_eq!(form.texts("select#script_0").len(), 1, "the script is a select");
    assert!(form.attr("input#lang_0", "placeholder").is_none(), "no grey placeholder that looks like a value");

    let id = fixtures::saved(
        &mut admin,
        "/admin/people/new",
        &[
            ("name_0", "Сымон Тэставы"),
            ("name_1", "Симон Тестовый"),
            ("name_2", "Symon Testavy"),
            ("publication", "published"),
            ("naming_basis", "public_sources"),
            ("publish_unsourced", "yes"),
        ],
    )
    .await;
    let names: Vec<(String, Option<String>, String, String)> =
        sqlx::query_as("select name, lang, script, kind::text from person_names where person_id = $1 order by id")
            .bind(id)
            .fetch_all(&app.pool)
            .await
            .unwrap();
    let expected = [("Сымон Тэставы", "be", "Cyrl"), ("Симон Тестовый", "ru", "Cyrl"), ("Symon Testavy", "en", "Latn")];
    for ((name, lang, script, kind), (e_name, e_lang, e_script)) in names.iter().zip(expected) {
        assert_eq!(
            (name.as_str(), lang.as_deref(), script.as_str(), kind.as_str()),
            (e_name, Some(e_lang), e_script, "primary")
        );
    }
    let page = app.get("/prisoners/symon-testavy").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.text("h1"), "Symon Testavy", "the English page names the person in Latin letters");
    assert!(!page.body.contains("()"), "no empty brackets after a name");

    let edit = admin.get(&format!("/admin/people/{id}/edit")).await;
    assert_eq!(
        edit.attr("select#lang_0 option[selected]", "value").as_deref(),
        Some("be"),
        "the language saved is shown"
    );
    assert_eq!(edit.attr("select#lang_2 option[selected]", "value").as_deref(), Some("en"));
}

#[tokio::test]
async fn cite_beside_each_detention_and_event_leads_to_a_citation_form_with_a_source_picker() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let id = fixtures::held_person(&app, &mut admin, "Symon Testavy").await;
    let event = fixtures::saved(
        &mut admin,
        &format!("/admin/events/new?person={id}"),
        &[("kind", "arrest"), ("occurred", "2021-05"), ("description", "Detained at an invented address")],
    )
    .await;
    let (_, slug) = fixtures::source(&app, &mut admin, "Invented chronicle of test arrests").await;
    fixtures::source(&app, &mut admin, "Another invented bulletin").await;
    let detention: i64 = sqlx::query_scalar("select id from detentions where person_id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap();

    let person = admin.get(&format!("/admin/people/{id}/edit")).await;
    let cites: Vec<String> = person
        .html()
        .select(&scraper::Selector::parse("a.cite").unwrap())
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    assert_eq!(
        cites,
        [format!("/admin/citations/new?detention={detention}"), format!("/admin/citations/new?event={event}")],
        "one cite link beside each detention and each event"
    );

    let form = admin.get(&cites[0]).await;
    assert_eq!(form.status, 200);
    assert_eq!(form.attr("form.source-search", "method").as_deref(), Some("get"), "a plain search, no script");
    assert_eq!(form.attr("form.source-search input[name=detention]", "value"), Some(detention.to_string()));
    let found = admin.get(&format!("/admin/citations/new?detention={detention}&source_q=chronicle")).await;
    assert_eq!(found.status, 200);
    let choices: Vec<String> = found
        .html()
        .select(&scraper::Selector::parse("input[type=radio][name=source]").unwrap())
        .filter_map(|i| i.value().attr("value").map(str::to_owned))
        .collect();
    assert_eq!(choices, std::slice::from_ref(&slug), "the search by title offers the matching source only");
    assert!(found.text(".source-choices label").contains("Invented chronicle of test arrests"), "chosen by title");
    let none = admin.get(&format!("/admin/citations/new?detention={detention}&source_q=nothing-like-it")).await;
    assert!(none.text("#source_q-hint").contains("nothing-like-it"), "an empty search says so");

    let saved = admin
        .submit(
            &format!("/admin/citations/new?detention={detention}&source_q=chronicle"),
            &[("source", slug.as_str()), ("locator", "p. 2")],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let cited: i64 = sqlx::query_scalar(
        "select count(*) from citations c join sources s on s.id = c.source_id where c.detention_id = $1 and s.slug = $2",
    )
    .bind(detention)
    .bind(&slug)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(cited, 1, "the detention cites the source chosen");
}
