//! The admin area in Belarusian (`/be/admin/…`) and Russian (`/ru/admin/…`): every page type in
//! its language with links and forms that stay in it, field errors in the page's language with
//! everything typed kept, redirects after login and save, and the 409 conflict page.

use prisoner_tracker::accounts::Role;

use crate::helpers::{PASSWORD, TestApp, TestResponse, Visitor, current_code, logged_in, staff_account};

/// One id of `table`, for the pages about one record.
async fn any_id(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn has_cyrillic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// What every admin page in `lang` must show: its language, no missing message, the interface's
/// own words translated, and links and forms that stay in the language.
fn assert_in_language(page: &TestResponse, lang: &str, uri: &str) {
    assert_eq!(page.attr("html", "lang").as_deref(), Some(lang), "{uri}");
    assert!(!page.body.contains('⟦'), "{uri} lacks a message: {}", page.body);
    // The interface's words: labels, buttons, legends, column heads, hints, the admin menu and
    // the title. Record content (names, wave titles) may be in any language; these may not.
    for selector in ["title", "label", "button", "legend", "thead th", "p.hint", "nav.admin-nav a", "caption"] {
        for text in page.texts(selector) {
            let text = text.trim();
            if text.is_empty() || text == "IP" {
                continue;
            }
            assert!(has_cyrillic(text), "{uri}: “{text}” ({selector}) is not translated");
        }
    }
    let prefix = format!("/{lang}/");
    let html = page.html();
    let links = scraper::Selector::parse("a[href^='/']:not([hreflang])").unwrap();
    for link in html.select(&links) {
        let href = link.value().attr("href").unwrap();
        assert!(href.starts_with(&prefix), "{uri}: the link {href} leaves the language");
    }
    let forms = scraper::Selector::parse("form[action]").unwrap();
    for form in html.select(&forms) {
        let action = form.value().attr("action").unwrap();
        assert!(action.starts_with(&prefix), "{uri}: the form posts to {action}, out of the language");
    }
}

#[tokio::test]
async fn every_admin_page_type_renders_in_belarusian_and_russian() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let person = any_id(&app, "select person_id from detentions order by id limit 1").await;
    let detention = any_id(&app, "select id from detentions order by id limit 1").await;
    let wave = any_id(&app, "select id from waves order by id limit 1").await;
    let source = any_id(&app, "select id from sources order by id limit 1").await;
    let facility = any_id(&app, "select id from facilities order by id limit 1").await;
    // An event added through the form, so that the person's history has a revision.
    let event = admin
        .submit(
            &format!("/admin/events/new?person={person}"),
            &[("kind", "transfer"), ("occurred", "2024-03"), ("description", "Пераведзены ў іншую калонію.")],
        )
        .await;
    assert_eq!(event.status, 303, "{}", event.body);
    let event = any_id(&app, "select id from events order by id desc limit 1").await;

    let pages = [
        "/admin".to_owned(),
        "/admin/people".to_owned(),
        "/admin/people?q=nobody-is-called-this".to_owned(),
        "/admin/people/new".to_owned(),
        format!("/admin/people/{person}/edit"),
        format!("/admin/people/{person}/history"),
        format!("/admin/people/{person}/texts"),
        format!("/admin/people/{person}/photo"),
        format!("/admin/people/{person}/delete"),
        format!("/admin/detentions/new?person={person}"),
        format!("/admin/detentions/{detention}/edit"),
        format!("/admin/detentions/{detention}/delete"),
        format!("/admin/events/new?person={person}"),
        format!("/admin/events/{event}/edit"),
        format!("/admin/events/{event}/texts"),
        "/admin/waves".to_owned(),
        "/admin/waves/new".to_owned(),
        format!("/admin/waves/{wave}/edit"),
        format!("/admin/waves/{wave}/history"),
        format!("/admin/waves/{wave}/texts"),
        format!("/admin/waves/{wave}/delete"),
        "/admin/sources".to_owned(),
        "/admin/sources/new".to_owned(),
        format!("/admin/sources/{source}/edit"),
        format!("/admin/sources/{source}/history"),
        format!("/admin/sources/{source}/delete"),
        "/admin/facilities".to_owned(),
        format!("/admin/facilities/{facility}/edit"),
        "/admin/figures".to_owned(),
        "/admin/figures/new".to_owned(),
        format!("/admin/recognitions/new?person={person}"),
        format!("/admin/citations/new?person={person}"),
        "/admin/import".to_owned(),
        "/admin/users".to_owned(),
        "/admin/audit".to_owned(),
    ];
    for (lang, word) in [("be", "Адміністраванне"), ("ru", "Администрирование")] {
        for uri in &pages {
            let english = admin.get(uri).await;
            let translated_uri = format!("/{lang}{uri}");
            let page = admin.get(&translated_uri).await;
            assert!(matches!(page.status.as_u16(), 200 | 409), "{translated_uri}: {}", page.status);
            assert_eq!(page.status, english.status, "{translated_uri} answers as the English page does");
            assert_in_language(&page, lang, &translated_uri);
            assert!(page.body.contains(word), "{translated_uri}");
            assert_eq!(page.header("cache-control"), english.header("cache-control"), "{translated_uri}");
            let switcher = page.attr("nav.languages a[hreflang=en]", "href");
            assert_eq!(switcher.as_deref(), Some(uri.as_str()), "{translated_uri}: the switcher offers English");
        }
    }
}

#[tokio::test]
async fn the_login_page_and_its_refusal_speak_the_language() {
    let app = TestApp::new().await;
    prisoner_tracker::accounts::create_user(&app.pool, "editor@example.org", Role::Editor, PASSWORD.into())
        .await
        .unwrap();
    for (lang, heading, refused) in [("be", "Уваход", "Няправільны"), ("ru", "Вход", "Неверный")]
    {
        let mut visitor = Visitor::new(&app);
        let uri = format!("/{lang}/login");
        let page = visitor.get(&uri).await;
        assert_eq!(page.status, 200);
        assert_in_language(&page, lang, &uri);
        assert_eq!(page.text("h1"), heading);
        let token = page.attr("input[name=csrf_token]", "value").unwrap();
        let answer = visitor
            .post(
                &uri,
                &[("csrf_token", &token), ("email", "editor@example.org"), ("password", "wrong"), ("next", "/admin")],
            )
            .await;
        assert_eq!(answer.status, 401);
        assert_in_language(&answer, lang, &uri);
        assert!(answer.text("[role=alert]").starts_with(refused), "{}", answer.text("[role=alert]"));
    }
}

#[tokio::test]
async fn an_anonymous_visitor_to_a_belarusian_admin_page_comes_back_to_it_after_login() {
    let app = TestApp::new().await;
    staff_account(&app.pool, "editor@example.org", Role::Editor).await;
    let mut visitor = Visitor::new(&app);
    let sent = visitor.get("/be/admin/people").await;
    assert_eq!(sent.status, 303);
    let login = sent.header("location").to_owned();
    assert_eq!(login, "/be/login?next=%2Fadmin%2Fpeople");
    let form = visitor.get(&login).await;
    assert_eq!(form.attr("html", "lang").as_deref(), Some("be"));
    assert_eq!(form.attr("input[name=next]", "value").as_deref(), Some("/admin/people"));
    let token = form.attr("input[name=csrf_token]", "value").unwrap();
    let answer = visitor
        .post(
            "/be/login",
            &[
                ("csrf_token", &token),
                ("email", "editor@example.org"),
                ("password", PASSWORD),
                ("next", "/admin/people"),
            ],
        )
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(answer.header("location"), "/be/login/code", "the second step, in Belarusian");
    let code_form = visitor.get("/be/login/code").await;
    assert_eq!(code_form.attr("html", "lang").as_deref(), Some("be"));
    let token = code_form.attr("input[name=csrf_token]", "value").unwrap();
    let code = current_code(&app.pool, "editor@example.org").await;
    let answer = visitor.post("/be/login/code", &[("csrf_token", &token), ("code", &code)]).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(answer.header("location"), "/be/admin/people");
    let people = visitor.get("/be/admin/people").await;
    assert_eq!(people.status, 200);
    assert_eq!(people.text("h1"), "Людзі");

    // Logging out from a Belarusian page leads to the Belarusian login form.
    let token = people.attr("nav.admin-nav input[name=csrf_token]", "value").unwrap();
    let out = visitor.post("/be/logout", &[("csrf_token", &token)]).await;
    assert_eq!(out.status, 303);
    assert_eq!(out.header("location"), "/be/login");
}

#[tokio::test]
async fn a_refused_person_form_shows_its_errors_in_the_language_and_keeps_every_value() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    for (lang, born_error, country_error, summary) in [
        ("be", "няма месяца 13", "не код краіны", "Не захавана: звярніце ўвагу на 2 пункты"),
        ("ru", "нет месяца 13", "не код страны", "Не сохранено: обратите внимание на 2 пункта"),
    ] {
        let uri = format!("/{lang}/admin/people/new");
        let answer = admin
            .submit(
                &uri,
                &[
                    ("name_0", "Сымон Тэставы"),
                    ("lang_0", "be"),
                    ("born", "1990-13"),
                    ("citizenships", "BY, Atlantis"),
                    ("occupation", "Настаўнік"),
                    ("biography", "Радок першы\nРадок другі"),
                ],
            )
            .await;
        assert_eq!(answer.status, 422, "{}", answer.body);
        assert_in_language(&answer, lang, &uri);
        assert!(answer.text("#born-error").contains(born_error), "{}", answer.text("#born-error"));
        assert!(answer.text("#citizenships-error").contains(country_error), "{}", answer.text("#citizenships-error"));
        assert!(answer.text("#citizenships-error").contains("ATLANTIS"));
        assert!(answer.text(".error-summary h2").contains(summary), "{}", answer.text(".error-summary"));
        assert_eq!(answer.attr("#name_0", "value").as_deref(), Some("Сымон Тэставы"));
        assert_eq!(answer.attr("#lang_0 option[selected]", "value").as_deref(), Some("be"));
        assert_eq!(answer.attr("#born", "value").as_deref(), Some("1990-13"));
        assert_eq!(answer.attr("#citizenships", "value").as_deref(), Some("BY, Atlantis"));
        assert_eq!(answer.attr("#occupation", "value").as_deref(), Some("Настаўнік"));
        assert_eq!(answer.text("#biography"), "Радок першы Радок другі");
    }
    let people: i64 = sqlx::query_scalar("select count(*) from people").fetch_one(&app.pool).await.unwrap();
    assert_eq!(people, 0, "nothing was saved");
}

#[tokio::test]
async fn refused_wave_and_detention_forms_speak_the_language() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let person = any_id(&app, "select person_id from detentions order by id limit 1").await;
    for (lang, name_error, day_error) in [
        ("be", "хвалі патрэбна назва", "люты 2025: няма 30-га чысла"),
        ("ru", "волне нужно название", "февраль 2025: нет 30-го числа"),
    ] {
        let uri = format!("/{lang}/admin/waves/new");
        let answer = admin.submit(&uri, &[("started", "2025-02-30"), ("country", "BY"), ("mechanism", "pardon")]).await;
        assert_eq!(answer.status, 422, "{}", answer.body);
        assert_in_language(&answer, lang, &uri);
        assert!(answer.text("#name-error").contains(name_error), "{}", answer.text("#name-error"));
        assert_eq!(answer.text("#started-error"), day_error);
        assert_eq!(answer.attr("#started", "value").as_deref(), Some("2025-02-30"));

        let uri = format!("/{lang}/admin/detentions/new?person={person}");
        let answer =
            admin.submit(&uri, &[("country", "BY"), ("started", "2022"), ("ended", "2021"), ("article_0", "x")]).await;
        assert_eq!(answer.status, 422, "{}", answer.body);
        assert_in_language(&answer, lang, &uri);
        assert!(answer.text("#ended-error").contains("2021"), "{}", answer.text("#ended-error"));
        assert!(has_cyrillic(&answer.text("#ended-error")));
        assert!(has_cyrillic(&answer.text("#article_0-error")));
        assert_eq!(answer.attr("#ended", "value").as_deref(), Some("2021"));
    }
}

#[tokio::test]
async fn a_save_in_belarusian_leads_to_a_belarusian_page() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let saved = admin
        .submit(
            "/be/admin/people/new",
            &[("name_0", "Сымон Тэставы"), ("lang_0", "be"), ("name_1", "Symon Testavy"), ("lang_1", "en")],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let location = saved.header("location").to_owned();
    assert!(location.starts_with("/be/admin/people/") && location.ends_with("/edit?saved=1"), "{location}");
    let page = admin.get(&location).await;
    assert_eq!(page.text("[role=status]"), "Захавана.");
    assert_in_language(&page, "be", &location);

    let source = admin
        .submit(
            "/ru/admin/sources/new",
            &[("title", "Доклад"), ("source_kind", "report"), ("url", "https://example.org/r")],
        )
        .await;
    assert_eq!(source.status, 303, "{}", source.body);
    assert!(source.header("location").starts_with("/ru/admin/sources/"), "{}", source.header("location"));
}

#[tokio::test]
async fn a_stale_edit_in_russian_gets_the_conflict_page_in_russian() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let person = any_id(&app, "select id from people order by id limit 1").await;
    let uri = format!("/ru/admin/people/{person}/edit");
    let form = admin.get(&uri).await;
    let token = form.attr("input[name=csrf_token]", "value").unwrap();
    let version = form.attr("input[name=version]", "value").unwrap();
    let mut fields: Vec<(String, String)> = vec![("csrf_token".into(), token), ("version".into(), version)];
    for (i, name) in form.html().select(&scraper::Selector::parse("input[name^=name_]").unwrap()).enumerate() {
        fields.push((format!("name_{i}"), name.value().attr("value").unwrap_or_default().to_owned()));
    }
    let first: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .chain([("occupation", "Первый"), ("sex", "male")])
        .collect();
    assert_eq!(admin.post(&uri, &first).await.status, 303);
    let second: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .chain([("occupation", "Второй"), ("sex", "female")])
        .collect();
    let conflict = admin.post(&uri, &second).await;
    assert_eq!(conflict.status, 409, "{}", conflict.body);
    assert_in_language(&conflict, "ru", &uri);
    assert_eq!(conflict.text("#conflict-heading"), "Пока вы редактировали, кто-то сохранил этого человека");
    assert_eq!(conflict.attr("#occupation", "value").as_deref(), Some("Второй"), "nothing typed is lost");
    assert!(conflict.texts(".conflict th[scope=row]").contains(&"Род занятий".to_owned()));
    // Both versions in words of the page, not as stored ("male", "female").
    assert!(conflict.texts(".conflict td.before").contains(&"Мужской".to_owned()), "{}", conflict.text(".conflict"));
    assert!(conflict.texts(".conflict td.after").contains(&"Женский".to_owned()), "{}", conflict.text(".conflict"));
}

#[tokio::test]
async fn refusals_in_the_admin_area_are_in_the_language() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let person = any_id(&app, "select id from people order by id limit 1").await;
    let uri = format!("/be/admin/people/{person}/edit");
    let token = admin.token(&uri).await;
    // A form without the version it was loaded at.
    let answer = admin.post(&uri, &[("csrf_token", &token), ("name_0", "Імя")]).await;
    assert_eq!(answer.status, 400, "{}", answer.body);
    assert_eq!(answer.attr("html", "lang").as_deref(), Some("be"));
    assert!(answer.body.contains("у форме няма версіі"), "{}", answer.body);
    assert!(!answer.body.contains('⟦'));
}
