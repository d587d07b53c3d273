//! The person form: creating and editing people, validation that keeps what was typed, likely
//! duplicates, a restore on the public page, and who may publish. Stale versions, history,
//! restore and delete are tested for every kind at once in `admin_kinds`.

use prisoner_tracker::accounts::Role;

use crate::helpers::{TestApp, Visitor, logged_in};

fn id_from(location: &str) -> i64 {
    location.trim_start_matches("/admin/people/").split('/').next().unwrap().parse().unwrap()
}

const NEW_PERSON: &[(&str, &str)] = &[
    ("name_0", "Сымон Тэставы"),
    ("lang_0", "be"),
    ("kind_0", "primary"),
    ("name_1", "Symon Testavy"),
    ("lang_1", "en"),
    ("kind_1", "primary"),
    ("born", "summer 1990"),
    ("citizenships", "by"),
    ("occupation", "Teacher"),
    ("publication", "published"),
    ("publish_unsourced", "yes"),
    ("naming_basis", "public_sources"),
];

#[tokio::test]
async fn an_admin_adds_a_person_who_then_appears_on_the_public_site() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let saved = admin.submit("/admin/people/new", NEW_PERSON).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let edit = admin.get(saved.header("location")).await;
    assert_eq!(edit.text("[role=status]"), "Saved.");
    assert_eq!(edit.attr("#slug", "value").as_deref(), Some("symon-testavy"), "the address comes from the first name");

    let page = app.get("/prisoners/symon-testavy").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.text("h1"), "Symon Testavy");
    let found = app.get("/prisoners?q=Symon+Testavi").await;
    assert!(found.texts("ol.hits li > a").contains(&"Symon Testavy".to_owned()), "found by a misspelling");
    let revisions: i64 = sqlx::query_scalar("select count(*) from revisions").fetch_one(&app.pool).await.unwrap();
    assert_eq!(revisions, 1);
}

#[tokio::test]
async fn a_form_with_mistakes_comes_back_with_everything_typed_and_a_message_per_field() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let answer = admin
        .submit(
            "/admin/people/new",
            &[
                ("name_0", "Сымон Тэставы"),
                ("name_1", "<script>alert(1)</script>"),
                ("lang_1", "english"),
                ("born", "1990-13"),
                ("citizenships", "BY, Atlantis"),
                ("occupation", "Teacher"),
                ("biography", "Line one\nLine two"),
            ],
        )
        .await;
    assert_eq!(answer.status, 422);
    assert_eq!(answer.attr("#name_0", "value").as_deref(), Some("Сымон Тэставы"));
    assert_eq!(answer.attr("#name_1", "value").as_deref(), Some("<script>alert(1)</script>"), "kept, as text");
    assert!(!answer.body.contains("<script>alert(1)"), "and escaped");
    assert_eq!(answer.attr("#born", "value").as_deref(), Some("1990-13"));
    assert_eq!(answer.attr("#occupation", "value").as_deref(), Some("Teacher"));
    assert_eq!(answer.text("#biography"), "Line one Line two");
    assert!(answer.text("#born-error").contains("no month 13"));
    assert!(answer.text("#citizenships-error").contains("ATLANTIS"));
    assert!(answer.text("#name_1-error").contains("language"));
    assert_eq!(answer.attr("#born", "aria-invalid").as_deref(), Some("true"));
    let people: i64 = sqlx::query_scalar("select count(*) from people").fetch_one(&app.pool).await.unwrap();
    assert_eq!(people, 0, "nothing was saved");
}

/// Found by the hostile-input sampler: the second person with the same odd name was refused by
/// the likely-duplicate warning alone, which no summary named.
#[tokio::test]
async fn the_error_summary_names_a_likely_duplicate() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let name = "&:\u{10b1c}X{\u{1cf43}&%\u{23a}\u{113d8}\u{1d5be}B\u{1093f}\u{1f5c3}b^5\u{fc7}\\r\u{bf6}\u{1f5b}\u{9bf}${`\u{1128d}";
    let first = admin.submit("/admin/people/new", &[("name_0", name)]).await;
    assert_eq!(first.status, 303, "{}", first.body);
    let second = admin.submit("/admin/people/new", &[("name_0", name)]).await;
    assert_eq!(second.status, 422);
    crate::hostile::assert_says_why(&second, "the same name twice");
    assert_eq!(
        second.texts(".error-summary li a"),
        ["This may be someone already recorded: open their record, or confirm that this is a different person"]
    );
    assert_eq!(second.attr(".error-summary li a", "href").as_deref(), Some("#lookalikes-heading"));
    assert_eq!(second.attr(".error-summary", "autofocus").as_deref(), Some(""), "focused when the page loads");
    assert_eq!(second.attr("#name_0", "value").as_deref(), Some(name), "what was typed is kept");
    let people: i64 = sqlx::query_scalar("select count(*) from people").fetch_one(&app.pool).await.unwrap();
    assert_eq!(people, 1, "the second was not saved");
}

#[tokio::test]
async fn a_likely_duplicate_is_flagged_before_it_is_created() {
    let app = TestApp::with_demo().await;
    let mut editor = logged_in(&app, "editor@example.org", Role::Editor).await;
    let fields = [("name_0", "Игорь Лосик"), ("born", "1992")];
    let warned = editor.submit("/admin/people/new", &fields).await;
    assert_eq!(warned.status, 422);
    let links = warned.texts(".lookalikes li a");
    assert_eq!(links, ["Ihar Losik"], "the recorded person with a similar name is offered");
    assert!(warned.attr(".lookalikes li a", "href").unwrap().ends_with("/edit"));

    let mut confirmed = fields.to_vec();
    confirmed.push(("confirm_duplicate", "yes"));
    let created = editor.submit("/admin/people/new", &confirmed).await;
    assert_eq!(created.status, 303, "{}", created.body);
    let slug: String = sqlx::query_scalar("select slug from people where id = $1")
        .bind(id_from(created.header("location")))
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(slug, "igor-losik");
}

#[tokio::test]
async fn editors_keep_drafts_drafts_and_drafts_stay_off_the_public_site() {
    let app = TestApp::new().await;
    let mut editor = logged_in(&app, "editor@example.org", Role::Editor).await;
    let new = editor.get("/admin/people/new").await;
    assert!(new.attr("select#publication", "name").is_none(), "editors get no publication choice");
    let saved = editor.submit("/admin/people/new", &NEW_PERSON[..9]).await;
    assert_eq!(saved.status, 303);
    let forged =
        editor.submit(saved.header("location"), &[("name_0", "Symon Testavy"), ("publication", "published")]).await;
    assert_eq!(forged.status, 422);
    assert!(forged.text("#publication-error").contains("only admins"));

    for path in ["/prisoners/symon-testavy", "/prisoners?q=Symon", "/prisoners.csv?q=Symon", "/charts"] {
        let page = app.get(path).await;
        assert!(!page.body.contains("Symon Testavy"), "{path} shows a draft");
    }
}

/// The history and restore themselves are tested for every kind in `admin_kinds`; a person's
/// restore also reaches the public page and its change log.
#[tokio::test]
async fn a_restored_version_reaches_the_public_page_whose_change_log_names_no_one() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let created = admin.submit("/admin/people/new", NEW_PERSON).await;
    let id = id_from(created.header("location"));
    let edit_uri = format!("/admin/people/{id}/edit");
    let mut changed: Vec<(&str, &str)> = NEW_PERSON.to_vec();
    changed.retain(|(k, _)| *k != "occupation");
    changed.push(("occupation", "Journalist"));
    assert_eq!(admin.submit(&edit_uri, &changed).await.status, 303);
    assert!(app.get("/prisoners/symon-testavy").await.body.contains("Journalist"));

    let history = admin.get(&format!("/admin/people/{id}/history")).await;
    let restore = history.attr(".revision:last-child form", "action").unwrap();
    assert_eq!(crate::fixtures::restore(&mut admin, &restore).await.status, 303);
    let page = app.get("/prisoners/symon-testavy").await;
    assert!(
        page.body.contains("Teacher") && !page.body.contains("Journalist"),
        "the public page shows the restored version"
    );
    let log = page.texts("details.changes li");
    assert_eq!(log.len(), 3, "the public change log lists every save: {log:?}");
    assert!(log[0].ends_with("an earlier version restored (Occupation)") && log[2].ends_with("added"), "{log:?}");
    assert!(!page.text("details.changes").contains("admin@example.org"), "and names no one");
}

#[tokio::test]
async fn person_forms_need_a_login_and_their_token() {
    let app = TestApp::new().await;
    let mut anonymous = Visitor::new(&app);
    assert_eq!(anonymous.get("/admin/people/new").await.status, 303);
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let no_token = admin.post("/admin/people/new", NEW_PERSON).await;
    assert_eq!(no_token.status, 403);
    assert_eq!(admin.get("/admin/people/999999/edit").await.status, 404);
    assert_eq!(admin.get("/admin/people/not-a-number/edit").await.status, 400);
}

#[tokio::test]
async fn the_day_the_facts_were_checked_is_kept_apart_from_the_last_edit() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let saved = admin.submit("/admin/people/new", NEW_PERSON).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let edit = saved.header("location").to_owned();
    let page = app.get("/prisoners/symon-testavy").await;
    assert_eq!(
        page.text(".last-checked"),
        "Facts last checked against the sources: not recorded.",
        "saving is no check"
    );

    let tomorrow = (time::OffsetDateTime::now_utc().date() + time::Duration::days(2)).to_string();
    for (typed, says) in [("2025-02", "a whole day"), (tomorrow.as_str(), "a day still to come"), ("yesterday", "")] {
        let mut fields: Vec<(&str, &str)> = NEW_PERSON.to_vec();
        fields.push(("last_checked", typed));
        let refused = admin.submit(&edit, &fields).await;
        assert_eq!(refused.status, 422, "{typed}");
        assert!(refused.text("#last_checked-error").contains(says), "{typed}: {}", refused.text("#last_checked-error"));
        assert_eq!(refused.attr("#last_checked", "value").as_deref(), Some(typed), "what was typed is kept");
    }
    let mut fields = NEW_PERSON.to_vec();
    fields.push(("last_checked", "2025-02-14"));
    assert_eq!(admin.submit(&edit, &fields).await.status, 303);

    let page = app.get("/prisoners/symon-testavy").await;
    assert_eq!(page.text(".last-checked"), "Facts last checked against the sources: 14 February 2025.");
    assert_eq!(page.attr(".last-checked time", "datetime").as_deref(), Some("2025-02-14"));
    let ru = app.get("/ru/prisoners/symon-testavy").await;
    assert_eq!(ru.text(".last-checked"), "Факты последний раз сверены с источниками: 14 февраля 2025.");
    let api: serde_json::Value = serde_json::from_str(&app.get("/api/v1/prisoners/symon-testavy").await.body).unwrap();
    assert_eq!(api["last_checked"], "2025-02-14");
    let changed: Vec<String> = sqlx::query_scalar(
        "select unnest(changed) from revisions where record_type = 'person' order by id desc limit 1",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(changed, ["last_checked"], "the revision records the check");
}
