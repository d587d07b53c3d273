//! The generic record forms (sources, citations, recognitions, facilities, reported figures) and
//! deleting records.

use prisoner_tracker::accounts::Role;

use crate::fixtures::{self, id_in};
use crate::helpers::{TestApp, logged_in};

async fn person_id(app: &TestApp, slug: &str) -> i64 {
    sqlx::query_scalar("select id from people where slug = $1").bind(slug).fetch_one(&app.pool).await.unwrap()
}

const SOURCE: &[(&str, &str)] = &[
    ("title", "Court hears the case of a test person"),
    ("publisher", "Test Gazette"),
    ("url", "https://example.org/test-gazette/1"),
    ("published", "2025-03-04"),
    ("source_kind", "news_article"),
];

#[tokio::test]
async fn a_source_cited_for_a_person_and_a_recognition_appear_on_their_page() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let person = person_id(&app, "andrey-kuznechyk").await;

    let saved = admin.submit("/admin/sources/new", SOURCE).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let source = admin.get(saved.header("location")).await;
    assert!(source.text("[role=status]").contains("Saved."));
    assert_eq!(source.attr("#slug", "value").as_deref(), Some("court-hears-the-case-of-a-test-person"));
    assert!(admin.get("/admin/sources?q=gazette").await.text("main").contains("Court hears the case"));

    let cite = format!("/admin/citations/new?person={person}");
    let cited =
        admin.submit(&cite, &[("source", "court-hears-the-case-of-a-test-person"), ("locator", "paragraph 3")]).await;
    assert_eq!(cited.status, 303, "{}", cited.body);
    let form = admin.get(&format!("/admin/people/{person}/edit")).await;
    assert!(form.text(".citations").contains("Court hears the case of a test person: paragraph 3"));

    let recognised = admin
        .submit(
            &format!("/admin/recognitions/new?person={person}"),
            &[("organisation", "Test Rights Centre"), ("recognised", "2021-05"), ("url", "https://example.org/r")],
        )
        .await;
    assert_eq!(recognised.status, 303, "{}", recognised.body);

    let page = app.get("/prisoners/andrey-kuznechyk").await;
    let sources = page.text(".sources");
    assert!(sources.contains("Court hears the case of a test person. Test Gazette, 4 March 2025"), "{sources}");
    assert!(page.text("section[aria-labelledby=recognitions-heading]").contains("Test Rights Centre"));
    let history = admin.get(&format!("/admin/people/{person}/history")).await;
    assert!(history.text("main").contains("Source cited: Created"), "{}", history.text("main"));
    assert!(history.text("main").contains("Recognition: Created"));
}

#[tokio::test]
async fn record_forms_keep_what_was_typed_and_name_each_mistake() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let wrong = admin
        .submit(
            "/admin/sources/new",
            &[
                ("title", ""),
                ("publisher", "Kept <b>publisher</b>"),
                ("url", "javascript:alert(1)"),
                ("published", "someday"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 422);
    for field in ["title", "url", "published", "source_kind"] {
        assert_eq!(wrong.attr(&format!("#{field}"), "aria-invalid").as_deref(), Some("true"), "{field}");
    }
    assert_eq!(wrong.attr("#publisher", "value").as_deref(), Some("Kept <b>publisher</b>"));
    assert!(!wrong.body.contains("<b>publisher</b>"), "typed text is escaped");

    let figure = admin
        .submit(
            "/admin/figures/new",
            &[("figure_country", "ZZ"), ("metric", "prisoners_held"), ("value", "many"), ("as_of", "2025-02-01")],
        )
        .await;
    assert_eq!(figure.status, 422);
    for field in ["figure_country", "qualifier", "value"] {
        assert_eq!(figure.attr(&format!("#{field}"), "aria-invalid").as_deref(), Some("true"), "{field}");
    }
    assert_eq!(figure.attr("#value", "value").as_deref(), Some("many"));

    let person = person_id(&app, "ihar-losik").await;
    let cite = admin.submit(&format!("/admin/citations/new?person={person}"), &[("source", "no-such-source")]).await;
    assert_eq!(cite.status, 422);
    assert!(cite.text("#source-error").contains("no source has this address"));
    assert_eq!(admin.get("/admin/citations/new?person=999999").await.status, 404);
    assert_eq!(admin.get("/admin/recognitions/new").await.status, 404);
}

#[tokio::test]
async fn figures_published_by_admins_reach_the_home_page_and_editors_only_make_drafts() {
    let app = TestApp::with_demo().await;
    let mut editor = logged_in(&app, "editor@example.org", Role::Editor).await;
    let figure = [
        ("figure_country", "by"),
        ("metric", "prisoners_held"),
        ("qualifier", "about"),
        ("value", "4,321"),
        ("as_of", "2026-01-01"),
        ("publication", "published"),
        ("publish_unsourced", "yes"),
    ];
    let refused = editor.submit("/admin/figures/new", &figure).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text("#publication-error").contains("only admins"));
    let draft = editor.submit("/admin/figures/new", &[&figure[..5], &[("publication", "draft")]].concat()).await;
    assert_eq!(draft.status, 303, "{}", draft.body);
    assert!(!app.get("/").await.text("main").contains("4,321"));

    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let edit = draft.header("location").replace("?saved=1", "");
    let published = admin.submit(&edit, &figure).await;
    assert_eq!(published.status, 303, "{}", published.body);
    assert!(app.get("/").await.text("main").contains("about 4,321"), "{}", app.get("/").await.text("main"));
    let list = admin.get("/admin/figures").await;
    assert!(list.text("main").contains("political prisoners held"));
}

#[tokio::test]
async fn nothing_cited_disappears_and_a_deleted_person_takes_their_case_off_the_site() {
    let app = TestApp::with_demo().await;
    let person = person_id(&app, "ihar-losik").await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    // A demo source is cited: it cannot go while records rest on it.
    let source: i64 =
        sqlx::query_scalar("select source_id from citations order by id limit 1").fetch_one(&app.pool).await.unwrap();
    let confirm = admin.get(&format!("/admin/sources/{source}/delete")).await;
    assert_eq!(confirm.status, 409);
    assert!(
        confirm.text("[role=alert]").contains("cite this source")
            || confirm.text("[role=alert]").contains("cites this source")
    );
    assert!(confirm.html().select(&scraper::Selector::parse("form[action$=delete]").unwrap()).next().is_none());

    // A person goes with their whole case.
    let page = admin.get(&format!("/admin/people/{person}/delete")).await;
    assert_eq!(page.status, 200);
    assert!(page.text("main").contains("Their whole case (names, texts, detentions"));
    let version = page.attr("input[name=version]", "value").unwrap();
    let token = page.attr("input[name=csrf_token]", "value").unwrap();
    let deleted =
        admin.post(&format!("/admin/people/{person}/delete"), &[("csrf_token", &token), ("version", &version)]).await;
    assert_eq!(deleted.status, 303);
    assert_eq!(app.get("/prisoners/ihar-losik").await.status, 410, "gone: the address was public");
    assert!(!app.get("/prisoners?q=losik").await.text("main").contains("Losik"));
    let detentions: i64 = sqlx::query_scalar("select count(*) from detentions where person_id = $1")
        .bind(person)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(detentions, 0);
}

#[tokio::test]
async fn a_facility_added_through_its_form_shows_where_a_person_is_held() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let facility = admin
        .submit(
            "/admin/facilities/new",
            &[
                ("facility_name", "Test colony No. 7"),
                ("facility_kind", "penal_colony"),
                ("facility_country", "BY"),
                ("location", "Testograd"),
            ],
        )
        .await;
    assert_eq!(facility.status, 303, "{}", facility.body);
    let facility_id = id_in(facility.header("location")).to_string();
    assert!(admin.get("/admin/facilities").await.text("main").contains("Test colony No. 7"));
    let twin = admin
        .submit(
            "/admin/facilities/new",
            &[("facility_name", "Test colony No. 7"), ("facility_kind", "prison"), ("facility_country", "BY")],
        )
        .await;
    assert_eq!(twin.status, 422, "one name per country");

    let person = fixtures::person(&app, &mut admin, "Testa Facilitova").await;
    let detention = admin
        .submit(
            &format!("/admin/detentions/new?person={person}"),
            &[("country", "BY"), ("started", "2022-05"), ("facility", &facility_id)],
        )
        .await;
    assert_eq!(detention.status, 303, "{}", detention.body);
    let page = app.get("/prisoners/testa-facilitova").await;
    assert!(page.text("main").contains("Test colony No. 7, Testograd"), "{}", page.text("main"));

    // A facility that a detention names cannot be deleted.
    let confirm = admin.get(&format!("/admin/facilities/{facility_id}/delete")).await;
    assert_eq!(confirm.status, 409);
    assert!(confirm.text("[role=alert]").contains("1 detention names this facility"));
}

#[tokio::test]
async fn control_characters_are_refused_beside_the_field_in_every_kind_of_form() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let person = fixtures::person(&app, &mut admin, "Invented Control Person").await;
    /// A form, what is typed in it, and the field with the control character.
    type Case<'a> = (String, Vec<(&'a str, &'a str)>, &'a str);
    let cases: [Case<'_>; 4] = [
        (
            "/admin/people/new".to_owned(),
            vec![("name_0", "Invented\u{b}Pasted"), ("lang_0", "en"), ("kind_0", "primary")],
            "name_0",
        ),
        (
            format!("/admin/events/new?person={person}"),
            vec![("kind", "trial"), ("occurred", "2022"), ("description", "A hearing\u{1} (invented).")],
            "description",
        ),
        ("/admin/sources/new".to_owned(), vec![("title", "Invented\u{7f} title"), ("source_kind", "report")], "title"),
        (
            "/admin/waves/new".to_owned(),
            vec![
                ("name", "Invented wave"),
                ("started", "2025"),
                ("country", "BY"),
                ("mechanism", "pardon"),
                ("notes", "a\u{1b}b"),
            ],
            "notes",
        ),
    ];
    for (uri, fields, field) in cases {
        let answer = admin.submit(&uri, &fields).await;
        assert_eq!(answer.status, 422, "{uri}: {}", answer.body);
        let message = answer.text(&format!("#{field}-error"));
        assert!(message.contains("control character (U+"), "{uri}: {message:?}");
        let typed = fields.iter().find(|(name, _)| *name == field).unwrap().1;
        let shown = answer.attr(&format!("#{field}"), "value").unwrap_or_else(|| answer.text(&format!("#{field}")));
        assert_eq!(shown, typed, "{uri}: what was typed is kept");
    }
    let count: i64 = sqlx::query_scalar("select count(*) from people").fetch_one(&app.pool).await.unwrap();
    assert_eq!(count, 1, "nothing was saved");
}
