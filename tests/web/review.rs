//! The review queue (issue 18): an editor's change to a published record waits for an admin,
//! the public keeps the approved version, the editor sees the pending one.

use prisoner_tracker::accounts::Role;

use crate::fixtures::{self, saved};
use crate::helpers::{TestApp, Visitor, display_name, logged_in};

/// The fields of the person form for a published, named person called `name`, with `occupation`.
fn person_form<'a>(name: &'a str, occupation: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name_0", name),
        ("lang_0", "en"),
        ("kind_0", "primary"),
        ("publication", "published"),
        ("publish_unsourced", "yes"),
        ("naming_basis", "public_sources"),
        ("occupation", occupation),
    ]
}

async fn slug_of(app: &TestApp, id: i64) -> String {
    sqlx::query_scalar("select slug from people where id = $1").bind(id).fetch_one(&app.pool).await.unwrap()
}

async fn waiting(app: &TestApp) -> i64 {
    sqlx::query_scalar("select count(*) from pending_changes").fetch_one(&app.pool).await.unwrap()
}

/// The form that approves or rejects the only change on the review page.
async fn decide(admin: &mut Visitor<'_>, button: usize) -> crate::helpers::TestResponse {
    let page = admin.get("/admin/review").await;
    let token = page.attr("input[name=csrf_token]", "value").unwrap();
    let html = page.html();
    let forms = scraper::Selector::parse("li.pending-change form").unwrap();
    let action = html.select(&forms).nth(button).unwrap().value().attr("action").unwrap().to_owned();
    admin.post(&action, &[("csrf_token", &token)]).await
}

#[tokio::test]
async fn an_editors_change_to_a_published_person_waits_for_an_admin() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let mut editor = logged_in(&app, "editor@example.org", Role::Editor).await;
    let id = fixtures::person(&app, &mut admin, "Invented Reviewed Person").await;
    let slug = slug_of(&app, id).await;
    let edit = format!("/admin/people/{id}/edit");

    let mut form = person_form("Invented Reviewed Person", "Invented Occupation");
    form.extend([("sex", "female"), ("born", "1990-03")]);
    let answer = editor.submit(&edit, &form).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert!(answer.header("location").ends_with("?pending=1"), "{}", answer.header("location"));
    assert_eq!(waiting(&app).await, 1);
    assert!(!app.get(&format!("/prisoners/{slug}")).await.body.contains("Invented Occupation"), "not public yet");

    // The editor sees their pending version; the admin sees the record as it is, told of it.
    let mine = editor.get(&edit).await;
    assert_eq!(mine.attr("#occupation", "value").as_deref(), Some("Invented Occupation"));
    assert!(mine.text(".pending").contains(&display_name("editor@example.org")), "{}", mine.text(".pending"));
    let theirs = admin.get(&edit).await;
    assert_eq!(theirs.attr("#occupation", "value").as_deref(), Some(""));
    assert!(!theirs.text(".pending").is_empty());

    // The queue shows the change field by field; only an admin may approve it.
    let queue = admin.get("/admin/review").await;
    assert!(queue.text("li.pending-change").contains("Invented Occupation"), "{}", queue.text("main"));
    // Values in words, as the form and the history show them, not as stored.
    let after = queue.texts("li.pending-change td.after");
    assert!(after.iter().any(|v| v == "Female") && after.iter().any(|v| v == "March 1990"), "{after:?}");
    let ru = admin.get("/ru/admin/review").await;
    assert!(
        ru.texts("li.pending-change td.after").iter().any(|v| v == "Женский" || v == "женский"),
        "{}",
        ru.text("main")
    );
    assert_eq!(editor.get("/admin/review").await.status, 403);
    let page = admin.get("/admin/review").await;
    let action = page.attr("li.pending-change form", "action").unwrap();
    let token = editor.token(&edit).await;
    assert_eq!(editor.post(&action, &[("csrf_token", &token)]).await.status, 403, "editors cannot approve");

    let approved = decide(&mut admin, 0).await;
    assert_eq!(approved.status, 303, "{}", approved.body);
    assert_eq!(waiting(&app).await, 0);
    assert!(app.get(&format!("/prisoners/{slug}")).await.body.contains("Invented Occupation"), "public now");
    let history = admin.get(&format!("/admin/people/{id}/history")).await;
    assert!(history.text("li.revision").contains(&display_name("editor@example.org")), "saved in the editor's name");
    let audited: i64 = sqlx::query_scalar("select count(*) from audit_log where action = 'change_approved'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn a_new_part_of_a_published_case_waits_and_a_rejected_change_is_gone() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let mut editor = logged_in(&app, "editor@example.org", Role::Editor).await;
    let id = fixtures::person(&app, &mut admin, "Invented Case Person").await;
    let slug = slug_of(&app, id).await;
    let event = [("kind", "trial"), ("occurred", "2023-04"), ("description", "Invented hearing in review.")];
    let answer = editor.submit(&format!("/admin/events/new?person={id}"), &event).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let events: i64 = sqlx::query_scalar("select count(*) from events where person_id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!((events, waiting(&app).await), (0, 1), "the event waits");
    assert_eq!(decide(&mut admin, 0).await.status, 303);
    assert!(app.get(&format!("/prisoners/{slug}")).await.body.contains("Invented hearing in review."));

    // Rejected: nothing changes.
    let edit = format!("/admin/people/{id}/edit");
    editor.submit(&edit, &person_form("Invented Case Person", "Rejected Occupation")).await;
    assert_eq!(decide(&mut admin, 1).await.status, 303);
    assert_eq!(waiting(&app).await, 0);
    assert_eq!(admin.get(&edit).await.attr("#occupation", "value").as_deref(), Some(""));
    assert!(!app.get(&format!("/prisoners/{slug}")).await.body.contains("Rejected Occupation"));
}

#[tokio::test]
async fn drafts_change_at_once_and_a_stale_change_cannot_be_approved() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let mut editor = logged_in(&app, "editor@example.org", Role::Editor).await;
    let draft = saved(
        &mut editor,
        "/admin/people/new",
        &[("name_0", "Synthdraft Ambervale"), ("lang_0", "en"), ("kind_0", "primary")],
    )
    .await;
    let edit = format!("/admin/people/{draft}/edit");
    let fields = [
        ("name_0", "Synthdraft Ambervale"),
        ("lang_0", "en"),
        ("kind_0", "primary"),
        ("publication", "draft"),
        ("occupation", "Drafted"),
    ];
    assert_eq!(editor.submit(&edit, &fields).await.status, 303);
    assert_eq!(waiting(&app).await, 0, "a draft is not published: no review");
    assert_eq!(admin.get(&edit).await.attr("#occupation", "value").as_deref(), Some("Drafted"));

    // An admin's save meanwhile makes the waiting change stale: approving it is refused.
    let id = fixtures::person(&app, &mut admin, "Invented Stale Person").await;
    let edit = format!("/admin/people/{id}/edit");
    editor.submit(&edit, &person_form("Invented Stale Person", "Editor's Occupation")).await;
    assert_eq!(admin.submit(&edit, &person_form("Invented Stale Person", "Admin's Occupation")).await.status, 303);
    let refused = decide(&mut admin, 0).await;
    assert_eq!(refused.status, 400, "{}", refused.body);
    assert!(refused.text("main").contains("reject"), "{}", refused.text("main"));
    assert_eq!(admin.get(&edit).await.attr("#occupation", "value").as_deref(), Some("Admin's Occupation"));
}

#[tokio::test]
async fn with_review_off_editors_changes_go_live_at_once() {
    let app = TestApp::configured(|state| state.with_review_edits(false)).await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let mut editor = logged_in(&app, "editor@example.org", Role::Editor).await;
    let id = fixtures::person(&app, &mut admin, "Invented Unreviewed Person").await;
    let answer =
        editor.submit(&format!("/admin/people/{id}/edit"), &person_form("Invented Unreviewed Person", "Live")).await;
    assert_eq!(answer.status, 303);
    assert_eq!(waiting(&app).await, 0);
    assert!(app.get(&format!("/prisoners/{}", slug_of(&app, id).await)).await.body.contains("Live"));
}

#[tokio::test]
async fn an_editors_bulk_release_of_published_people_waits_for_an_admin() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let mut editor = logged_in(&app, "editor@example.org", Role::Editor).await;
    let (wave, _) = fixtures::wave(&app, &mut admin, "Invented Reviewed Pardon", "2025-07-09").await;
    let person = fixtures::held_person(&app, &mut admin, "Invented Held Person").await;
    let slug = slug_of(&app, person).await;
    let token = editor.token(&format!("/admin/waves/{wave}/edit")).await;
    let done = editor
        .post(&format!("/admin/waves/{wave}/release"), &[("csrf_token", &token), ("people", &slug), ("released", "")])
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    let page = editor.get(done.header("location")).await;
    assert!(page.text(".pending").contains("waits for an admin's review"), "{}", page.text("main"));
    let ended: Option<String> = sqlx::query_scalar("select ended_on::text from detentions where person_id = $1")
        .bind(person)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!((ended, waiting(&app).await), (None, 1), "still held until an admin approves");
    assert_eq!(decide(&mut admin, 0).await.status, 303);
    let wave_of: Option<i64> = sqlx::query_scalar("select wave_id from detentions where person_id = $1")
        .bind(person)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(wave_of, Some(wave), "released in the wave once approved");
}

#[tokio::test]
async fn an_editors_import_changes_published_people_only_through_review() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let mut editor = logged_in(&app, "editor@example.org", Role::Editor).await;
    let id = fixtures::person(&app, &mut admin, "Invented Imported Reviewed").await;
    let slug = slug_of(&app, id).await;
    let csv = format!("slug,occupation\n{slug},Imported Occupation\n");
    let checked = crate::admin_import::check(&mut editor, &csv).await;
    assert_eq!(checked.status, 200, "{}", checked.texts(".import-errors").join(" | "));
    let done = crate::admin_import::apply(&mut editor, &checked).await;
    assert_eq!(done.status, 303, "{}", done.body);
    let page = editor.get(done.header("location")).await;
    assert!(page.text("[role=status]").contains("wait for an admin's review"), "{}", page.text("[role=status]"));
    assert_eq!(waiting(&app).await, 1);
    assert!(!app.get(&format!("/prisoners/{slug}")).await.body.contains("Imported Occupation"));
    assert_eq!(decide(&mut admin, 0).await.status, 303);
    assert!(app.get(&format!("/prisoners/{slug}")).await.body.contains("Imported Occupation"));
}

#[tokio::test]
async fn while_review_is_on_only_admins_change_translations_of_published_records() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let mut editor = logged_in(&app, "editor@example.org", Role::Editor).await;
    let id = fixtures::person(&app, &mut admin, "Invented Translated Person").await;
    let uri = format!("/admin/people/{id}/texts");
    let fields = [("biography_be", "Выдуманая біяграфія.")];
    let refused = crate::texts::save(&mut editor, &uri, &fields).await;
    assert_eq!(refused.status, 400, "{}", refused.body);
    assert!(refused.text("main").contains("ask an admin"), "{}", refused.text("main"));
    assert_eq!(crate::texts::save(&mut admin, &uri, &fields).await.status, 303, "an admin may");
}

#[tokio::test]
async fn a_release_into_a_draft_wave_waits_for_the_wave() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let mut editor = logged_in(&app, "editor@example.org", Role::Editor).await;
    let draft =
        [("name", "Invented Draft Pardon"), ("started", "2025-08-01"), ("country", "BY"), ("mechanism", "pardon")];
    let wave = saved(&mut admin, "/admin/waves/new", &draft).await;
    let person = fixtures::held_person(&app, &mut admin, "Invented Waiting Person").await;
    let slug = slug_of(&app, person).await;
    let token = editor.token(&format!("/admin/waves/{wave}/edit")).await;
    let release = [("csrf_token", token.as_str()), ("people", slug.as_str()), ("released", "")];
    assert_eq!(editor.post(&format!("/admin/waves/{wave}/release"), &release).await.status, 303);
    let refused = decide(&mut admin, 0).await;
    assert_eq!(refused.status, 400, "{}", refused.body);
    assert!(refused.text("main").contains("publish the wave first"), "{}", refused.text("main"));
    assert_eq!(waiting(&app).await, 1, "the release still waits");

    let mut published = draft.to_vec();
    published.extend([("publication", "published"), ("publish_unsourced", "yes")]);
    assert_eq!(admin.submit(&format!("/admin/waves/{wave}/edit"), &published).await.status, 303);
    assert_eq!(decide(&mut admin, 0).await.status, 303, "once the wave is published");
    assert_eq!(waiting(&app).await, 0);
}
