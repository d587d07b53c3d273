//! Record content in several languages (issue 9): the admin page of a record's translations, and
//! the public pages showing the text in their language or another with a note.

use prisoner_tracker::accounts::Role;
use scraper::Selector;

use crate::helpers::{TestApp, TestResponse, Visitor, logged_in};

/// A published person typed in English, with an occupation and a biography; their id.
async fn test_person(app: &TestApp) -> i64 {
    let id: i64 = sqlx::query_scalar(
        "insert into people (slug, publication, occupation, biography, naming_basis)
         values ('test-person', 'published', 'Test occupation', 'Original biography in English.', 'public_sources')
         returning id",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    app.change(&format!(
        "insert into person_names (person_id, name, lang, script, kind, search_key)
         values ({id}, 'Test Person', 'en', 'Latn', 'primary', 'test person')"
    ))
    .await;
    id
}

/// Every field of the form on `page` as it would be sent (hidden fields, text, text areas,
/// the selected option), with `changes` replacing or adding values; and where it posts.
fn form_fields(page: &TestResponse, changes: &[(&str, &str)]) -> (String, Vec<(String, String)>) {
    let html = page.html();
    let form = html.select(&Selector::parse("form.texts-form").unwrap()).next().expect("the texts form");
    let mut fields: Vec<(String, String)> = Vec::new();
    for input in form.select(&Selector::parse("input").unwrap()) {
        let name = input.value().attr("name").unwrap_or_default();
        fields.push((name.to_owned(), input.value().attr("value").unwrap_or_default().to_owned()));
    }
    for area in form.select(&Selector::parse("textarea").unwrap()) {
        fields.push((area.value().attr("name").unwrap().to_owned(), area.text().collect()));
    }
    for select in form.select(&Selector::parse("select").unwrap()) {
        let chosen = select.select(&Selector::parse("option[selected]").unwrap()).next();
        let value = chosen.and_then(|o| o.value().attr("value")).unwrap_or_default();
        fields.push((select.value().attr("name").unwrap().to_owned(), value.to_owned()));
    }
    for (name, value) in changes {
        fields.retain(|(n, _)| n != name);
        fields.push(((*name).to_owned(), (*value).to_owned()));
    }
    (form.value().attr("action").unwrap().to_owned(), fields)
}

/// Loads the texts page at `uri` and sends its form with `changes`.
pub(crate) async fn save(visitor: &mut Visitor<'_>, uri: &str, changes: &[(&str, &str)]) -> TestResponse {
    let page = visitor.get(uri).await;
    assert_eq!(page.status, 200, "{uri}: {}", page.body);
    send(visitor, &page, changes).await
}

async fn send(visitor: &mut Visitor<'_>, page: &TestResponse, changes: &[(&str, &str)]) -> TestResponse {
    let (action, fields) = form_fields(page, changes);
    let fields: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    visitor.post(&action, &fields).await
}

#[tokio::test]
async fn a_biography_in_belarusian_shows_on_the_belarusian_page_and_others_fall_back_with_a_note() {
    // Editors' translations go live at once here; review is tested in review.rs.
    let app = TestApp::unreviewed().await;
    let id = test_person(&app).await;
    let uri = format!("/admin/people/{id}/texts");
    // Read before the save, so that a stale cached page would show.
    let before = app.get("/be/prisoners/test-person").await;
    assert_eq!(before.attr(".biography", "lang").as_deref(), Some("en"), "untranslated: marked English");
    assert_eq!(before.texts(".text-fallback").len(), 2, "a note for the occupation and one for the biography");

    let mut editor = logged_in(&app, "editor@example.org", Role::Editor).await;
    let saved = save(
        &mut editor,
        &uri,
        &[("biography_be", "  Беларуская біяграфія <script>alert(1)</script>  "), ("region_ru", "Гомельская область")],
    )
    .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(saved.header("location"), format!("{uri}?saved=1"));

    // Belarusian: the translation, in the page's language, without a note.
    let be = app.get("/be/prisoners/test-person").await;
    assert_eq!(be.attr("html", "lang").as_deref(), Some("be"));
    assert_eq!(be.text(".biography"), "Беларуская біяграфія <script>alert(1)</script>", "trimmed, shown as text");
    assert_eq!(be.attr(".biography", "lang"), None, "in the page's language");
    assert!(!be.body.contains("<script>alert"), "escaped");
    assert_eq!(be.attr(".occupation span", "lang").as_deref(), Some("en"), "the occupation is English only");
    assert_eq!(be.texts(".occupation .text-fallback"), ["(Гэты тэкст ёсць толькі па-англійску.)"]);
    assert_eq!(be.attr(".region span", "lang").as_deref(), Some("ru"));
    assert_eq!(be.texts(".region .text-fallback"), ["(Гэты тэкст ёсць толькі па-руску.)"]);
    assert!(be.html().select(&Selector::parse(".biography + .text-fallback").unwrap()).next().is_none(), "no note");

    // Russian: no Russian biography, so the original, marked English, with a note in Russian.
    let ru = app.get("/ru/prisoners/test-person").await;
    assert_eq!(ru.text(".biography"), "Original biography in English.");
    assert_eq!(ru.attr(".biography", "lang").as_deref(), Some("en"));
    assert_eq!(
        ru.text(".biography + .text-fallback"),
        "Этот текст ещё не переведён на русский язык; он показан на английском."
    );
    assert_eq!(ru.text(".region"), "Гомельская область", "the Russian region, without a note");

    // English: the original, as before.
    let en = app.get("/prisoners/test-person").await;
    assert_eq!(en.text(".biography"), "Original biography in English.");
    assert_eq!(en.attr(".biography", "lang"), None);
    assert!(en.texts(".biography + .text-fallback").is_empty());
    assert!(en.text(".region").starts_with("Гомельская область"), "the only region there is");
    assert_eq!(en.texts(".region .text-fallback"), ["(This text is available only in Russian.)"]);

    // Who changed what: a revision, shown on the texts page, the person's history and their public log.
    let revisions: Vec<(String, String, Vec<String>)> = sqlx::query_as(
        "select r.record_type, u.email, r.changed from revisions r join users u on u.id = r.user_id
         where r.record_id = $1",
    )
    .bind(id)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        revisions,
        [("person_texts".into(), "editor@example.org".into(), vec!["biography_be".into(), "region_ru".into()])]
    );
    let page = editor.get(&format!("{uri}?saved=1")).await;
    assert_eq!(page.text("[role=status]"), "Saved.");
    assert!(page.text(".history").contains("Editor (test)"), "{}", page.text(".history"));
    assert!(page.text(".history").contains("Biography in Belarusian"));
    assert_eq!(page.text("#biography_be"), "Беларуская біяграфія <script>alert(1)</script>");
    let history = editor.get(&format!("/admin/people/{id}/history")).await;
    assert!(history.text(".history").contains("Беларуская біяграфія"), "{}", history.text(".history"));
    let log = app.get("/prisoners/test-person").await;
    assert!(log.text(".changes").contains("Biography in Belarusian"), "{}", log.text(".changes"));

    // Emptying a translation removes it; the Belarusian page falls back again.
    assert_eq!(save(&mut editor, &uri, &[("biography_be", "")]).await.status, 303);
    let be = app.get("/be/prisoners/test-person").await;
    assert_eq!(be.attr(".biography", "lang").as_deref(), Some("en"));
    let rows: i64 = sqlx::query_scalar("select count(*) from person_texts where person_id = $1 and lang = 'be'")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(rows, 0);
}

#[tokio::test]
async fn a_stale_save_shows_both_versions_and_mistakes_keep_everything_typed() {
    // Editors' translations go live at once here; review is tested in review.rs.
    let app = TestApp::unreviewed().await;
    let id = test_person(&app).await;
    let uri = format!("/admin/people/{id}/texts");
    let mut first = logged_in(&app, "first@example.org", Role::Editor).await;
    let mut second = logged_in(&app, "second@example.org", Role::Admin).await;

    // Mistakes: the original's language, too long, control characters. Nothing is written.
    let long = "я".repeat(501);
    let wrong = save(
        &mut first,
        &uri,
        &[
            ("biography_en", "Not here"),
            ("occupation_ru", &long),
            ("region_be", "Мінск\u{7}"),
            ("biography_ru", "Kept"),
        ],
    )
    .await;
    assert_eq!(wrong.status, 422, "{}", wrong.body);
    for field in ["biography_en", "occupation_ru", "region_be"] {
        assert_eq!(wrong.attr(&format!("#{field}"), "aria-invalid").as_deref(), Some("true"), "{field}");
        assert!(!wrong.text(&format!("#{field}-error")).is_empty(), "{field} has its message");
    }
    assert!(wrong.text("#occupation_ru-error").contains("500"), "{}", wrong.text("#occupation_ru-error"));
    assert_eq!(wrong.text("#biography_en"), "Not here", "typed text kept");
    assert_eq!(wrong.attr("#occupation_ru", "value").as_deref(), Some(long.as_str()));
    assert_eq!(wrong.text("#biography_ru"), "Kept");
    assert!(wrong.body.find('⟦').is_none(), "every message exists");
    let count: i64 = sqlx::query_scalar("select count(*) from person_texts").fetch_one(&app.pool).await.unwrap();
    assert_eq!(count, 0);
    // The language of the original must be one of the site's.
    let bad_lang = save(&mut first, &uri, &[("text_lang", "de")]).await;
    assert_eq!(bad_lang.status, 422);
    assert_eq!(bad_lang.attr("#text_lang", "aria-invalid").as_deref(), Some("true"));

    // Two editors open the page; the second saves first.
    let stale = first.get(&uri).await;
    assert_eq!(save(&mut second, &uri, &[("biography_be", "Версія другога")]).await.status, 303);
    let conflict =
        send(&mut first, &stale, &[("biography_be", "Версія першага"), ("occupation_be", "Настаўнік")]).await;
    assert_eq!(conflict.status, 409, "{}", conflict.body);
    let row = |field: &str| {
        let html = conflict.html();
        let sel = Selector::parse(".conflict tbody tr").unwrap();
        html.select(&sel)
            .map(|tr| tr.text().collect::<Vec<_>>().join("|"))
            .find(|t| t.contains(field))
            .unwrap_or_default()
    };
    assert!(row("Biography in Belarusian").contains("Версія другога|Версія першага"), "{}", row("Biography"));
    assert!(row("Occupation in Belarusian").contains("|Настаўнік"), "{}", row("Occupation"));
    assert_eq!(conflict.text("#biography_be"), "Версія першага", "nothing typed is lost");
    assert_eq!(conflict.attr("input[name=version_be]", "value").as_deref(), Some("1"), "now at the newer version");
    let stored: String =
        sqlx::query_scalar("select biography from person_texts where lang = 'be'").fetch_one(&app.pool).await.unwrap();
    assert_eq!(stored, "Версія другога", "the stale save wrote nothing");

    // Saving again, knowingly, puts the first editor's version in place.
    assert_eq!(send(&mut first, &conflict, &[]).await.status, 303);
    let (biography, version): (String, i32) =
        sqlx::query_as("select biography, version from person_texts where lang = 'be'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!((biography.as_str(), version), ("Версія першага", 2));

    // A form without its versions, or without the anti-forgery token, is refused.
    let token = first.token(&uri).await;
    let incomplete = first.post(&uri, &[("csrf_token", &token), ("text_lang", "en")]).await;
    assert_eq!(incomplete.status, 400);
    let forged = first.post(&uri, &[("text_lang", "en"), ("original_was", "en")]).await;
    assert_eq!(forged.status, 403);
    assert_eq!(app.get(&uri).await.status, 303, "visitors are sent to log in");
    assert_eq!(first.get("/admin/people/999999/texts").await.status, 404);
}

#[tokio::test]
async fn a_waves_name_in_another_language_shows_on_its_page_and_in_a_persons_detention() {
    let app = TestApp::new().await;
    let person = test_person(&app).await;
    let wave: i64 = sqlx::query_scalar(
        "insert into waves (slug, name, started_on, started_precision, country, mechanism, publication)
         values ('test-wave', 'Test wave', '2025-03-01', 'month', 'BY', 'pardon', 'published') returning id",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    app.change(&format!(
        "insert into detentions (person_id, country, started_on, started_precision, ended_on, ended_precision,
                                 release_mechanism, wave_id)
         values ({person}, 'BY', '2021-01-01', 'year', '2025-03-01', 'month', 'pardon', {wave})"
    ))
    .await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let edit = admin.get(&format!("/admin/waves/{wave}/edit")).await;
    assert_eq!(edit.attr(".texts-link a", "href"), Some(format!("/admin/waves/{wave}/texts")), "linked from its form");
    let saved = save(
        &mut admin,
        &format!("/admin/waves/{wave}/texts"),
        &[("wave_name_be", "Тэставая хваля"), ("notes_ru", "Заметки только по-русски")],
    )
    .await;
    assert_eq!(saved.status, 303, "{}", saved.body);

    let be = app.get("/be/waves/test-wave").await;
    assert_eq!(be.text("h1"), "Тэставая хваля");
    assert_eq!(be.attr("h1", "lang"), None);
    assert!(be.text("title").starts_with("Тэставая хваля"));
    assert_eq!(be.attr(".notes", "lang").as_deref(), Some("ru"), "the only notes there are");
    assert_eq!(be.text(".notes + .text-fallback"), "Гэты тэкст ёсць толькі па-руску.");

    let ru = app.get("/ru/waves/test-wave").await;
    assert_eq!(ru.text("h1"), "Test wave");
    assert_eq!(ru.attr("h1", "lang").as_deref(), Some("en"));
    assert_eq!(
        ru.text("h1 + .text-fallback"),
        "Этот текст ещё не переведён на русский язык; он показан на английском."
    );
    assert_eq!(ru.attr(".notes", "lang"), None);

    let person_be = app.get("/be/prisoners/test-person").await;
    assert_eq!(person_be.text(".detention a[href='/be/waves/test-wave']"), "Тэставая хваля");
    assert_eq!(person_be.attr(".detention a[href='/be/waves/test-wave']", "lang"), None);
    let person_ru = app.get("/ru/prisoners/test-person").await;
    assert_eq!(person_ru.attr(".detention a[href='/ru/waves/test-wave']", "lang").as_deref(), Some("en"));

    // The record says what language its own text is in; the API gives it.
    let api = app.get("/api/v1/waves/test-wave").await;
    let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    assert_eq!((json["name"].as_str(), json["text_lang"].as_str()), (Some("Test wave"), Some("en")));

    // Saying the original is Russian: the Russian page shows it without a note.
    let revised = save(
        &mut admin,
        &format!("/admin/waves/{wave}/texts"),
        &[("text_lang", "ru"), ("notes_ru", ""), ("wave_name_en", "Test wave in English")],
    )
    .await;
    assert_eq!(revised.status, 303, "{}", revised.body);
    let ru = app.get("/ru/waves/test-wave").await;
    assert_eq!((ru.text("h1"), ru.attr("h1", "lang")), ("Test wave".to_owned(), None));
    let en = app.get("/waves/test-wave").await;
    assert_eq!(en.text("h1"), "Test wave in English");
    let changed: Vec<String> = sqlx::query_scalar(
        "select unnest(changed) from revisions where record_type = 'wave_texts' order by id desc, 1",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert!(changed.contains(&"text_lang".to_owned()) && changed.contains(&"wave_name_en".to_owned()), "{changed:?}");
}

#[tokio::test]
async fn an_events_description_in_another_language_shows_in_the_timeline() {
    // Editors' translations go live at once here; review is tested in review.rs.
    let app = TestApp::unreviewed().await;
    let person = test_person(&app).await;
    let event: i64 = sqlx::query_scalar(
        "insert into events (person_id, kind, occurred_on, occurred_precision, description)
         values ($1, 'arrest', '2021-05-01', 'month', 'Detained at home.') returning id",
    )
    .bind(person)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let mut editor = logged_in(&app, "editor@example.org", Role::Editor).await;
    let edit = editor.get(&format!("/admin/events/{event}/edit")).await;
    assert_eq!(
        edit.attr(".texts-link a", "href"),
        Some(format!("/admin/events/{event}/texts")),
        "linked from its form"
    );
    let uri = format!("/admin/events/{event}/texts");
    let saved = save(&mut editor, &uri, &[("description_be", "Затрыманы дома.")]).await;
    assert_eq!(saved.status, 303, "{}", saved.body);

    let be = app.get("/be/prisoners/test-person").await;
    assert_eq!(be.text(".timeline .description"), "Затрыманы дома.");
    assert!(be.texts(".timeline .text-fallback").is_empty());
    let ru = app.get("/ru/prisoners/test-person").await;
    assert_eq!(ru.attr(".timeline .description span", "lang").as_deref(), Some("en"));
    assert!(ru.text(".timeline .description").starts_with("Detained at home. ("), "{}", ru.text(".timeline"));
    assert_eq!(
        ru.text(".timeline .text-fallback"),
        "(Этот текст ещё не переведён на русский язык; он показан на английском.)"
    );

    // The revision belongs to the person's case: it shows in their history.
    let history = editor.get(&format!("/admin/people/{person}/history")).await;
    assert!(history.text(".history").contains("Затрыманы дома."), "{}", history.text(".history"));
    let kind: String = sqlx::query_scalar("select record_type from revisions where person_id = $1")
        .bind(person)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(kind, "event_texts");
}
