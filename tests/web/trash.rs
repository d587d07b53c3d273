//! Addresses that forgive and the trash (issue 19): a mistyped prisoner address offers the
//! names nearest to its words; deleting a person moves their whole case to a trash that admins
//! restore from for 30 days, and their public address answers 410 meanwhile and after.

use prisoner_tracker::accounts::Role;

use crate::fixtures::{self, saved};
use crate::helpers::{TestApp, TestResponse, Visitor, display_name, logged_in};

/// Every row of person `id`'s case (`person_case`, migration 0021), without the `updated_at`
/// stamps the triggers move when rows are inserted back.
async fn case_of(app: &TestApp, id: i64) -> serde_json::Value {
    let mut case: serde_json::Value =
        sqlx::query_scalar("select person_case($1)").bind(id).fetch_one(&app.pool).await.unwrap();
    for rows in case.as_object_mut().unwrap().values_mut() {
        for row in rows.as_array_mut().unwrap() {
            row.as_object_mut().unwrap().remove("updated_at");
        }
    }
    case
}

/// Deletes person `id` through the admins' confirmation page.
async fn delete_person(admin: &mut Visitor<'_>, id: i64) -> TestResponse {
    let uri = format!("/admin/people/{id}/delete");
    let confirm = admin.get(&uri).await;
    assert_eq!(confirm.status, 200, "{}", confirm.body);
    let token = confirm.attr("input[name=csrf_token]", "value").unwrap();
    let version = confirm.attr("input[name=version]", "value").unwrap();
    admin.post(&uri, &[("csrf_token", &token), ("version", &version)]).await
}

/// The trash page's restore button for the entry of person `id`, posted.
async fn restore_from_trash(app: &TestApp, admin: &mut Visitor<'_>, id: i64) -> TestResponse {
    let entry: i64 = sqlx::query_scalar("select id from trash where person_id = $1 order by id desc limit 1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let token = admin.token("/admin/trash").await;
    admin.post(&format!("/admin/trash/{entry}/restore"), &[("csrf_token", &token)]).await
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.pool).await.unwrap()
}

/// A held person with a second address, a translated text, a cited detention with a charge,
/// an event with a translation, a recognition and a photo; their id.
async fn whole_case(app: &TestApp, admin: &mut Visitor<'_>) -> i64 {
    let id = fixtures::held_person(app, admin, "Trashenka Testavy").await;
    app.change(&format!("update people set slug = 'trashenka-testavy-new' where id = {id}")).await;
    let (_, source) = fixtures::source(app, admin, "A synthetic report on a trashed case").await;
    saved(admin, &format!("/admin/citations/new?person={id}"), &[("source", &source), ("locator", "page 7")]).await;
    saved(
        admin,
        &format!("/admin/events/new?person={id}"),
        &[("kind", "hunger_strike"), ("occurred", "2021-09-02"), ("description", "Began an invented hunger strike.")],
    )
    .await;
    app.change(&format!(
        "insert into detention_charges (detention_id, article, description)
             select id, '342', 'An invented charge' from detentions where person_id = {id};
         insert into event_texts (event_id, lang, description)
             select id, 'ru', 'Выдуманная голодовка' from events where person_id = {id};
         insert into recognitions (person_id, organisation) values ({id}, 'Invented Rights Centre');
         insert into person_texts (person_id, lang, occupation) values ({id}, 'ru', 'выдуманный инженер');
         insert into photos (person_id, content_type, bytes, width, height, sha256, alt_text, credit)
         values ({id}, 'image/jpeg', '\\xffd8ffd9', 1, 1, encode(sha256('\\xffd8ffd9'::bytea), 'hex'),
                 'An invented portrait', 'Invented Credit');"
    ))
    .await;
    id
}

#[tokio::test]
async fn a_deleted_case_answers_410_and_comes_back_whole_from_the_trash() {
    // Arrange: a published person with something in every part of their case.
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let id = whole_case(&app, &mut admin).await;
    let before = case_of(&app, id).await;
    for table in ["person_names", "person_slug_redirects", "detentions", "detention_charges", "events", "event_texts"] {
        assert!(!before[table].as_array().unwrap().is_empty(), "the case has {table}");
    }
    assert_eq!(before["citations"].as_array().unwrap().len(), 1);
    assert_eq!(before["photos"].as_array().unwrap().len(), 1);
    let page = app.get("/prisoners/trashenka-testavy-new").await;
    assert_eq!(page.status, 200);

    // Act: delete.
    let deleted = delete_person(&mut admin, id).await;
    assert_eq!(deleted.status, 303, "{}", deleted.body);

    // The rows are gone, the copy is in the trash.
    assert_eq!(count(&app, &format!("select count(*) from people where id = {id}")).await, 0);
    assert_eq!(count(&app, &format!("select count(*) from detentions where person_id = {id}")).await, 0);
    assert_eq!(count(&app, &format!("select count(*) from person_tokens where person_id = {id}")).await, 0);
    // Its addresses, current and old, answer 410 with the day only, in every language.
    let today = time::OffsetDateTime::now_utc().date();
    for (prefix, day) in [("", app_day(today, "en")), ("/be", app_day(today, "be")), ("/ru", app_day(today, "ru"))] {
        for slug in ["trashenka-testavy-new", "trashenka-testavy"] {
            let gone = app.get(&format!("{prefix}/prisoners/{slug}")).await;
            assert_eq!(gone.status, 410, "{prefix}/{slug}");
            assert!(gone.text("p.gone").contains(&day), "{prefix}/{slug}: says the day: {}", gone.text("p.gone"));
            let lower = gone.body.to_lowercase();
            for detail in ["trashenka", "testavy", "invented", "выдуман"] {
                let typed = lower.replace(slug, "");
                assert!(!typed.contains(detail), "{prefix}/{slug} shows {detail:?}");
            }
            assert_eq!(gone.attr("input[name=q]", "value").as_deref(), Some(""), "no name in the search box");
        }
    }
    // Nowhere in a search.
    assert!(!app.get("/prisoners?q=Trashenka").await.body.contains("trashenka-testavy"));

    // The trash lists them, with who deleted them.
    let trash = admin.get("/admin/trash").await;
    assert_eq!(trash.status, 200);
    let row = trash.text("tbody tr");
    assert!(row.contains("Trashenka Testavy") && row.contains(&display_name("admin@example.org")), "{row}");

    // Act: restore.
    let restored = restore_from_trash(&app, &mut admin, id).await;
    assert_eq!(restored.status, 303, "{}", restored.body);
    assert_eq!(restored.header("location"), format!("/admin/trash?restored={id}"));

    // Assert: the case is back row for row, with its ids and slugs, and the trash is empty.
    assert_eq!(case_of(&app, id).await, before, "every row back as it was");
    assert_eq!(count(&app, "select count(*) from trash").await, 0);
    assert!(admin.get("/admin/trash").await.texts("tbody tr").is_empty());
    let page = app.get("/prisoners/trashenka-testavy-new").await;
    assert_eq!(page.status, 200, "the public page is back");
    assert!(page.attr(".portrait img", "src").is_some(), "with the photo");
    assert!(page.body.contains("Began an invented hunger strike."), "with the event");
    assert!(page.body.contains("A synthetic report on a trashed case"), "with the source");
    assert_eq!(app.get("/prisoners/trashenka-testavy").await.status, 301, "the old address redirects again");
    assert!(app.get("/prisoners?q=Trashenka").await.body.contains("trashenka-testavy-new"), "found again");
    let history = admin.get(&format!("/admin/people/{id}/history")).await;
    let lines = history.texts(".revision strong");
    assert_eq!(lines.first().map(String::as_str), Some("Restored from the trash"), "{lines:?}");
    assert!(lines.iter().any(|l| l == "Removed"), "the deletion stays in the history: {lines:?}");
}

/// A date as the pages write a day, in `lang`.
fn app_day(day: time::Date, lang: &str) -> String {
    prisoner_tracker::i18n::Lang::from_code(lang).unwrap().day(day)
}

#[tokio::test]
async fn after_30_days_a_case_is_purged_audited_and_its_address_stays_gone() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let id = fixtures::held_person(&app, &mut admin, "Expira Testovich").await;
    let recent = fixtures::person(&app, &mut admin, "Recenta Testovich").await;
    assert_eq!(delete_person(&mut admin, id).await.status, 303);
    assert_eq!(delete_person(&mut admin, recent).await.status, 303);
    sqlx::query("update trash set deleted_at = now() - interval '30 days 1 minute' where person_id = $1")
        .bind(id)
        .execute(&app.pool)
        .await
        .unwrap();

    // The visit purges the expired case only, and says so in the audit log.
    let trash = admin.get("/admin/trash").await;
    let rows = trash.texts("tbody tr");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].contains("Recenta Testovich"), "{rows:?}");
    let (rows, title): (Option<serde_json::Value>, Option<String>) =
        sqlx::query_as("select rows, title from trash where person_id = $1")
            .bind(id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!((rows, title), (None, None), "the case and its name are gone");
    let audited: i64 = sqlx::query_scalar(
        "select count(*) from audit_log where action = 'trash_purged' and (detail ->> 'person')::bigint = $1",
    )
    .bind(id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(audited, 1);
    assert!(admin.get("/admin/audit").await.body.contains(&format!("person {id}")), "the audit page names it");

    // It cannot come back; its address still answers 410.
    let refused = restore_from_trash(&app, &mut admin, id).await;
    assert_eq!(refused.status, 404);
    assert!(refused.text("[role=alert]").contains("no longer in the trash"), "{}", refused.text("[role=alert]"));
    assert_eq!(app.get("/prisoners/expira-testovich").await.status, 410);

    // The server's own sweep purges too, with no one's name on the line.
    sqlx::query("update trash set deleted_at = now() - interval '31 days' where person_id = $1")
        .bind(recent)
        .execute(&app.pool)
        .await
        .unwrap();
    let purged =
        prisoner_tracker::db::trash::purge_expired(&mut app.pool.acquire().await.unwrap(), None).await.unwrap();
    assert_eq!(purged, vec![recent]);
    assert_eq!(
        count(&app, "select count(*) from audit_log where action = 'trash_purged' and user_id is null").await,
        1
    );
    assert_eq!(app.get("/prisoners/recenta-testovich").await.status, 410);
}

#[tokio::test]
async fn editors_can_neither_see_nor_use_the_trash() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let mut editor = logged_in(&app, "editor@example.org", Role::Editor).await;
    let id = fixtures::person(&app, &mut admin, "Hidina Testova").await;
    assert_eq!(delete_person(&mut admin, id).await.status, 303);
    let entry: i64 = sqlx::query_scalar("select id from trash").fetch_one(&app.pool).await.unwrap();

    assert_eq!(editor.get("/admin/trash").await.status, 403);
    let token = editor.token("/admin").await;
    let refused = editor.post(&format!("/admin/trash/{entry}/restore"), &[("csrf_token", &token)]).await;
    assert_eq!(refused.status, 403);
    assert_eq!(count(&app, "select count(*) from people").await, 0, "still deleted");
    assert!(editor.get("/admin").await.attr("a[href='/admin/trash']", "href").is_none(), "no link to it");
    assert!(admin.get("/admin").await.attr("a[href='/admin/trash']", "href").is_some(), "admins have one");
}

#[tokio::test]
async fn a_restore_over_a_taken_address_is_refused_and_nothing_is_lost() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let id = fixtures::person(&app, &mut admin, "Dubla Testova").await;
    assert_eq!(delete_person(&mut admin, id).await.status, 303);
    // Someone new takes the address meanwhile: it is theirs now, not a 410.
    let other = fixtures::person(&app, &mut admin, "Dubla Testova").await;
    assert_eq!(app.get("/prisoners/dubla-testova").await.status, 200);

    let refused = restore_from_trash(&app, &mut admin, id).await;
    assert_eq!(refused.status, 409);
    assert!(refused.text("[role=alert]").contains("address now belongs to someone else"));
    assert_eq!(count(&app, "select count(*) from trash where rows is not null").await, 1, "still in the trash");

    // Once the newcomer moves, the case comes back.
    app.change(&format!("update people set slug = 'dubla-testova-2' where id = {other}")).await;
    app.change(&format!("delete from person_slug_redirects where person_id = {other}")).await;
    assert_eq!(restore_from_trash(&app, &mut admin, id).await.status, 303);
    assert_eq!(app.get("/prisoners/dubla-testova").await.status, 200);
}

#[tokio::test]
async fn a_deleted_draft_or_withheld_persons_address_stays_a_plain_404() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let draft = saved(
        &mut admin,
        "/admin/people/new",
        &[("name_0", "Drafta Testova"), ("lang_0", "en"), ("kind_0", "primary"), ("publication", "draft")],
    )
    .await;
    let withheld = saved(
        &mut admin,
        "/admin/people/new",
        &[
            ("name_0", "Hiddena Testova"),
            ("lang_0", "en"),
            ("kind_0", "primary"),
            ("identity", "withheld"),
            ("publication", "published"),
            ("publish_unsourced", "yes"),
        ],
    )
    .await;
    for id in [draft, withheld] {
        assert_eq!(delete_person(&mut admin, id).await.status, 303);
    }
    let nobody = app.get("/prisoners/no-such-testova").await;
    for slug in ["drafta-testova", "hiddena-testova"] {
        let answer = app.get(&format!("/prisoners/{slug}")).await;
        assert_eq!(answer.status, 404, "{slug}");
        assert_eq!(answer.text("h1"), nobody.text("h1"), "{slug}: like an address nobody had");
        assert!(answer.texts("p.gone").is_empty(), "{slug}: no day of removal");
    }
    assert_eq!(admin.get("/admin/trash").await.texts("tbody tr").len(), 2, "both restorable all the same");
}

#[tokio::test]
async fn a_mistyped_address_suggests_published_names_in_every_language() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    fixtures::person(&app, &mut admin, "Andrei Testoslavsky").await;
    saved(
        &mut admin,
        "/admin/people/new",
        &[
            ("name_0", "Andrei Testoslavskaya"),
            ("lang_0", "en"),
            ("kind_0", "primary"),
            ("publication", "draft"),
            ("confirm_duplicate", "yes"),
        ],
    )
    .await;

    for prefix in ["", "/be", "/ru"] {
        let missing = app.get(&format!("{prefix}/prisoners/andrey-testoslavski")).await;
        assert_eq!(missing.status, 404, "{prefix}");
        let links: Vec<Option<String>> = missing
            .html()
            .select(&scraper::Selector::parse("ul.suggestions a").unwrap())
            .map(|a| a.value().attr("href").map(str::to_owned))
            .collect();
        assert_eq!(
            links,
            [Some(format!("{prefix}/prisoners/andrei-testoslavsky"))],
            "{prefix}: the published one only"
        );
        assert_eq!(missing.text("ul.suggestions a"), "Andrei Testoslavsky");
        assert_eq!(missing.attr("form[role=search]", "action"), Some(format!("{prefix}/prisoners")), "{prefix}");
        assert_eq!(missing.attr("input[name=q]", "value").as_deref(), Some("andrey testoslavski"), "{prefix}");
        assert!(
            !missing.text("h2").is_empty() && !missing.text("h2").contains('⟦'),
            "{prefix}: {}",
            missing.text("h2")
        );
    }

    // Nothing near: a 404 with the search box alone.
    let nothing = app.get("/prisoners/qqqq-xxxx").await;
    assert_eq!(nothing.status, 404);
    assert!(nothing.texts("ul.suggestions a").is_empty());
    assert!(nothing.attr("input[name=q]", "name").is_some());
}
