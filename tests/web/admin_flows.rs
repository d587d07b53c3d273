//! Admin chores of issue 19: a restore that keeps a record on the site at its address and shows
//! what it will change first; marking people released in a wave by name (any spelling) or from
//! the list of those held, and the wave's own list of its people; the admin list found with the
//! public search's forgiving matcher; publishing with no source cited asks first.

use prisoner_tracker::accounts::Role;

use crate::fixtures;
use crate::helpers::{TestApp, TestResponse, Visitor, logged_in};

async fn scalar(app: &TestApp, sql: &str, id: i64) -> String {
    sqlx::query_scalar(sql).bind(id).fetch_one(&app.pool).await.unwrap()
}

/// The confirmation page's form: its action and fields (token and version).
fn confirmation(page: &TestResponse) -> (String, Vec<(String, String)>) {
    let action = page.attr("form.restore-form", "action").expect("the confirmation has its form");
    let fields = ["csrf_token", "version"]
        .map(|name| (name.to_owned(), page.attr(&format!("form.restore-form input[name={name}]"), "value").unwrap()));
    (action, fields.to_vec())
}

async fn post_owned(visitor: &mut Visitor<'_>, action: &str, fields: &[(String, String)]) -> TestResponse {
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    visitor.post(action, &fields).await
}

#[tokio::test]
async fn restoring_the_first_version_of_a_published_person_keeps_them_published_at_their_address() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    // First a draft, then published under another address with another occupation.
    let draft = [("name_0", "Restora Testperson"), ("lang_0", "en"), ("kind_0", "primary"), ("occupation", "Tester")];
    let id = fixtures::saved(&mut admin, "/admin/people/new", &draft).await;
    let edit = format!("/admin/people/{id}/edit");
    let published = [
        &draft[..3],
        &[
            ("occupation", "Sample engineer"),
            ("slug", "restora-renamed"),
            ("publication", "published"),
            ("naming_basis", "public_sources"),
            ("publish_unsourced", "yes"),
        ],
    ]
    .concat();
    assert_eq!(admin.submit(&edit, &published).await.status, 303);
    assert_eq!(app.get("/prisoners/restora-renamed").await.status, 200);

    // The history's button leads to a confirmation that shows what the restore will change.
    let history = admin.get(&format!("/admin/people/{id}/history")).await;
    let first = history.attr(".revision:last-child form", "action").expect("the first version can be restored");
    let confirm = admin.get(&first).await;
    assert_eq!(confirm.status, 200, "{}", confirm.body);
    let rows = confirm.texts(".table-wrap tbody tr");
    assert_eq!(rows.len(), 1, "only the occupation changes, not the address or publication: {rows:?}");
    assert!(rows[0].contains("Sample engineer") && rows[0].contains("Tester"), "{rows:?}");
    assert_eq!(confirm.text("td.before"), "Sample engineer", "from the record as it is now");
    assert_eq!(confirm.text("td.after"), "Tester", "to what the restore writes");
    assert_eq!(scalar(&app, "select occupation from people where id = $1", id).await, "Sample engineer");

    let (action, fields) = confirmation(&confirm);
    let restored = post_owned(&mut admin, &action, &fields).await;
    assert_eq!(restored.status, 303, "{}", restored.body);
    assert_eq!(scalar(&app, "select publication::text from people where id = $1", id).await, "published");
    assert_eq!(scalar(&app, "select slug from people where id = $1", id).await, "restora-renamed");
    let page = app.get("/prisoners/restora-renamed").await;
    assert_eq!(page.status, 200, "still on the site, at the same address");
    assert!(page.text("main").contains("Tester"), "showing the restored version");
    let actions = sqlx::query_scalar::<_, String>(
        "select action::text from revisions where record_type = 'person' and record_id = $1 order by id",
    )
    .bind(id)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(actions, ["create", "update", "restore"], "saved as a new revision");
}

#[tokio::test]
async fn a_restore_confirmed_over_a_record_changed_meanwhile_shows_the_changes_again() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let id = fixtures::person(&app, &mut admin, "Restora Stalecase").await;
    let edit = format!("/admin/people/{id}/edit");
    let form = [("name_0", "Restora Stalecase"), ("lang_0", "en"), ("kind_0", "primary")];
    let published = [("publication", "published"), ("naming_basis", "public_sources")];
    let with = |occupation| [&form[..], &published, &[("occupation", occupation)]].concat();
    assert_eq!(admin.submit(&edit, &with("Sample engineer")).await.status, 303);
    let history = admin.get(&format!("/admin/people/{id}/history")).await;
    let first = history.attr(".revision:last-child form", "action").unwrap();
    let (action, fields) = confirmation(&admin.get(&first).await);

    // Someone saves between the confirmation and the click.
    assert_eq!(admin.submit(&edit, &with("Test pilot")).await.status, 303);
    let again = post_owned(&mut admin, &action, &fields).await;
    assert_eq!(again.status, 409, "not restored over a version not shown");
    assert!(again.text("[role=alert]").contains("changed the record"), "{}", again.text("main"));
    assert_eq!(again.text("td.before"), "Test pilot", "the changes as they are now");
    assert_eq!(scalar(&app, "select occupation from people where id = $1", id).await, "Test pilot");
    let (action, fields) = confirmation(&again);
    assert_eq!(post_owned(&mut admin, &action, &fields).await.status, 303, "confirmed knowingly");
    assert_eq!(scalar(&app, "select coalesce(occupation, '') from people where id = $1", id).await, "");
}

#[tokio::test]
async fn an_editors_restore_of_a_published_person_waits_for_review() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let mut editor = logged_in(&app, "editor@example.org", Role::Editor).await;
    let id = fixtures::person(&app, &mut admin, "Restora Reviewcase").await;
    let form = [("name_0", "Restora Reviewcase"), ("lang_0", "en"), ("kind_0", "primary")];
    let published = [("publication", "published"), ("naming_basis", "public_sources")];
    let changed = [&form[..], &published, &[("occupation", "Sample engineer")]].concat();
    assert_eq!(admin.submit(&format!("/admin/people/{id}/edit"), &changed).await.status, 303);

    let history = editor.get(&format!("/admin/people/{id}/history")).await;
    let first = history.attr(".revision:last-child form", "action").unwrap();
    let (action, fields) = confirmation(&editor.get(&first).await);
    let held = post_owned(&mut editor, &action, &fields).await;
    assert_eq!(held.status, 303, "{}", held.body);
    assert!(held.header("location").ends_with("?pending=1"), "{}", held.header("location"));
    let waiting: i64 = sqlx::query_scalar("select count(*) from pending_changes").fetch_one(&app.pool).await.unwrap();
    assert_eq!(waiting, 1, "the restore waits for an admin");
    assert!(
        app.get("/prisoners/restora-reviewcase").await.text("main").contains("Sample engineer"),
        "public unchanged"
    );
}

#[tokio::test]
async fn the_admin_list_finds_any_spelling_of_a_name_drafts_and_withheld_people_included() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let names = |page: &TestResponse| page.texts("tbody tr td:first-child a");
    for query in ["Kuznetchik", "Кузнечик", "kuzniecyk"] {
        let found = names(&admin.get(&format!("/admin/people?q={}", urlencode(query))).await);
        assert!(found.iter().any(|n| n.contains("Kuznechyk")), "{query} finds Kuznechyk: {found:?}");
    }
    // A draft and a withheld person: the public search finds neither, the admin list both.
    let draft = [("name_0", "Barys Testachyk"), ("lang_0", "en"), ("kind_0", "primary")];
    fixtures::saved(&mut admin, "/admin/people/new", &draft).await;
    let withheld = [
        ("name_0", "Alena Testachyk"),
        ("lang_0", "en"),
        ("kind_0", "primary"),
        ("identity", "withheld"),
        ("publication", "published"),
        ("publish_unsourced", "yes"),
        ("confirm_duplicate", "yes"),
    ];
    fixtures::saved(&mut admin, "/admin/people/new", &withheld).await;
    let found = names(&admin.get("/admin/people?q=Testatchik").await);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().any(|n| n.contains("Barys")) && found.iter().any(|n| n.contains("Alena")), "{found:?}");
    let public = app.get("/prisoners?q=Testatchik").await;
    assert!(!public.body.contains("Testachyk"), "the public search shows neither");
    let by_address = names(&admin.get("/admin/people?q=andrey-kuzne").await);
    assert!(by_address.iter().any(|n| n.contains("Kuznechyk")), "part of an address still finds: {by_address:?}");
}

fn urlencode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

async fn detention_wave(app: &TestApp, person: i64) -> Option<i64> {
    sqlx::query_scalar("select wave_id from detentions where person_id = $1")
        .bind(person)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn people_are_marked_released_by_name_or_from_the_list_of_those_held() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let symon = fixtures::held_person(&app, &mut admin, "Symon Testachyk").await;
    let alena = fixtures::held_person(&app, &mut admin, "Alena Testavaya").await;
    let pavel = fixtures::held_person(&app, &mut admin, "Pavel Testovich").await;
    // A namesake: added knowingly past the likely-duplicate warning.
    let namesake =
        [("name_0", "Piotr Testovich"), ("lang_0", "en"), ("kind_0", "primary"), ("confirm_duplicate", "yes")];
    let piotr = fixtures::saved(&mut admin, "/admin/people/new", &namesake).await;
    let held_since = [("country", "BY"), ("started", "2021-05")];
    fixtures::saved(&mut admin, &format!("/admin/detentions/new?person={piotr}"), &held_since).await;
    let (wave_id, _) = fixtures::wave(&app, &mut admin, "Test pardon of names", "2025-07-03").await;
    let edit = format!("/admin/waves/{wave_id}/edit");
    let release = format!("/admin/waves/{wave_id}/release");

    // Everyone held is listed to tick; what was looked for by name comes first.
    let page = admin.get(&edit).await;
    assert_eq!(page.texts(".held-people li").len(), 4, "{}", page.text(".held-people"));
    assert!(page.text(".wave-people").contains("No one is recorded"), "nobody released in it yet");
    let found = admin.get(&format!("{edit}?find=Testatchik")).await;
    assert_eq!(found.attr("#find", "value").as_deref(), Some("Testatchik"));
    assert!(found.texts(".held-people li")[0].contains("Symon Testachyk"), "{:?}", found.texts(".held-people li"));
    assert!(!found.texts(".held-people li.match").is_empty(), "what was found is marked");

    // A name that could mean two people held names them first, and nothing is written.
    let token = page.attr("input[name=csrf_token]", "value").unwrap();
    let ambiguous = admin.post(&release, &[("csrf_token", &token), ("people", "Testovich"), ("released", "")]).await;
    assert_eq!(ambiguous.status, 422);
    assert!(ambiguous.text(".release .form-error").contains("“Testovich”: not sure who is meant"));
    let first: Vec<String> = ambiguous.texts(".held-people li");
    assert!(first[..2].iter().all(|li| li.contains("Testovich")), "both come first: {first:?}");
    assert!(ambiguous.texts(".held-people li.match").len() >= 2);
    assert_eq!(ambiguous.text("#people"), "Testovich", "what was typed is kept");
    for person in [symon, alena, pavel, piotr] {
        assert_eq!(detention_wave(&app, person).await, None, "nothing written");
    }

    // A misspelt name in Latin, one in Cyrillic, and a person ticked in the list.
    let ticked = format!("held_{pavel}");
    let lines = "Testatchik\nАлена Тэставая";
    let done = admin
        .post(&release, &[("csrf_token", &token), ("people", lines), (ticked.as_str(), "yes"), ("released", "")])
        .await;
    assert_eq!(done.status, 303, "{}", done.text(".release"));
    assert!(admin.get(done.header("location")).await.text("[role=status]").contains("3 people marked released"));
    for person in [symon, alena, pavel] {
        assert_eq!(detention_wave(&app, person).await, Some(wave_id), "{person} released in the wave");
    }
    assert_eq!(detention_wave(&app, piotr).await, None, "the other Testovich is still held");

    // The wave's page lists its people, each linked to their admin page; the list to tick
    // keeps only those still held.
    let page = admin.get(&edit).await;
    let listed = page.texts(".wave-people tbody tr");
    assert_eq!(listed.len(), 3, "{listed:?}");
    let alena_row = listed.iter().find(|row| row.contains("Alena Testavaya")).expect("Alena is listed");
    assert!(alena_row.contains("3 July 2025"), "with the day of release: {listed:?}");
    let links: Vec<String> = page
        .html()
        .select(&scraper::Selector::parse(".wave-people a").unwrap())
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    assert!(links.contains(&format!("/admin/people/{symon}/edit")), "{links:?}");
    assert_eq!(page.texts(".held-people li").len(), 1);
    assert!(page.text(".held-people").contains("Piotr Testovich"));
}

#[tokio::test]
async fn a_name_no_one_held_has_is_named_and_nothing_is_written() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let free = fixtures::person(&app, &mut admin, "Ivan Testfreed").await;
    let held = fixtures::held_person(&app, &mut admin, "Symon Testachyk").await;
    let (wave_id, _) = fixtures::wave(&app, &mut admin, "Test pardon of names", "2025-07-03").await;
    let token = admin.token(&format!("/admin/waves/{wave_id}/edit")).await;
    let lines = "Symon Testachyk\nIvan Testfreed\nZzyzx Qwerty";
    let refused = admin
        .post(
            &format!("/admin/waves/{wave_id}/release"),
            &[("csrf_token", &token), ("people", lines), ("released", "")],
        )
        .await;
    assert_eq!(refused.status, 422);
    let problems = refused.texts(".release .form-error li");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("“Ivan Testfreed”: no one with a name like this is held now"), "{problems:?}");
    assert!(problems[1].contains("“Zzyzx Qwerty”: no person has this address"), "{problems:?}");
    assert_eq!(detention_wave(&app, held).await, None);
    let _ = free;
}

#[tokio::test]
async fn publishing_a_person_with_no_source_asks_first_and_keeps_everything_typed() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let form = [
        ("name_0", "Unsourca Testperson"),
        ("lang_0", "en"),
        ("kind_0", "primary"),
        ("occupation", "Sample engineer"),
        ("born", "1990"),
        ("publication", "published"),
        ("naming_basis", "public_sources"),
    ];
    let asked = admin.submit("/admin/people/new", &form).await;
    assert_eq!(asked.status, 422, "{}", asked.text("main"));
    assert!(asked.text("#publish_unsourced-error").contains("No source is cited"), "{}", asked.text("main"));
    assert!(asked.attr("#publish_unsourced", "checked").is_none(), "the box is there, not ticked");
    assert!(asked.text(".error-summary").contains("No source is cited"), "{}", asked.text(".error-summary"));
    for (field, value) in [("#name_0", "Unsourca Testperson"), ("#occupation", "Sample engineer"), ("#born", "1990")] {
        assert_eq!(asked.attr(field, "value").as_deref(), Some(value), "{field} kept");
    }
    let people: i64 = sqlx::query_scalar("select count(*) from people").fetch_one(&app.pool).await.unwrap();
    assert_eq!(people, 0, "nothing saved");

    let confirmed = admin.submit("/admin/people/new", &[&form[..], &[("publish_unsourced", "yes")]].concat()).await;
    assert_eq!(confirmed.status, 303, "{}", confirmed.text("main"));
    assert_eq!(app.get("/prisoners/unsourca-testperson").await.status, 200);

    // A draft whose case cites a source is published without a question; a later edit of a
    // published record is not asked again.
    let draft = [("name_0", "Citeda Draftperson"), ("lang_0", "en"), ("kind_0", "primary")];
    let id = fixtures::saved(&mut admin, "/admin/people/new", &draft).await;
    let (_, source) = fixtures::source(&app, &mut admin, "A synthetic source to cite").await;
    let detention = fixtures::saved(
        &mut admin,
        &format!("/admin/detentions/new?person={id}"),
        &[("country", "BY"), ("started", "2021-05")],
    )
    .await;
    let cite = format!("/admin/citations/new?detention={detention}");
    fixtures::saved(&mut admin, &cite, &[("source", source.as_str())]).await;
    let publish = [&draft[..], &[("publication", "published"), ("naming_basis", "public_sources")]].concat();
    let published = admin.submit(&format!("/admin/people/{id}/edit"), &publish).await;
    assert_eq!(published.status, 303, "a source of a detention is a source of the case: {}", published.text("main"));
    let unsourced: i64 = sqlx::query_scalar("select id from people where slug = 'unsourca-testperson'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let mut edited: Vec<(&str, &str)> = form.iter().filter(|(field, _)| *field != "occupation").copied().collect();
    edited.push(("occupation", "Tester"));
    let again = admin.submit(&format!("/admin/people/{unsourced}/edit"), &edited).await;
    assert_eq!(again.status, 303, "already published, not asked again: {}", again.text("main"));
}

#[tokio::test]
async fn publishing_a_wave_with_no_source_asks_first() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let wave = [
        ("name", "Test pardon unsourced"),
        ("started", "2025-07-03"),
        ("country", "BY"),
        ("mechanism", "pardon"),
        ("publication", "published"),
    ];
    let asked = admin.submit("/admin/waves/new", &wave).await;
    assert_eq!(asked.status, 422);
    assert!(asked.attr("#publish_unsourced", "type").is_some(), "the box to confirm");
    assert_eq!(asked.attr("#name", "value").as_deref(), Some("Test pardon unsourced"), "kept");
    let confirmed = admin.submit("/admin/waves/new", &[&wave[..], &[("publish_unsourced", "yes")]].concat()).await;
    assert_eq!(confirmed.status, 303);
    let draft = admin
        .submit(
            "/admin/waves/new",
            &[("name", "Test draft wave"), ("started", "2025-08"), ("country", "BY"), ("mechanism", "pardon")],
        )
        .await;
    assert_eq!(draft.status, 303, "a draft needs no source");
}

#[tokio::test]
async fn the_confirmations_and_the_release_lists_speak_belarusian_and_russian() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let id = fixtures::held_person(&app, &mut admin, "Symon Testachyk").await;
    let (wave, _) = fixtures::wave(&app, &mut admin, "Test pardon of languages", "2025-07-03").await;
    let form = [("name_0", "Symon Testachyk"), ("lang_0", "en"), ("kind_0", "primary")];
    let changed = [&form[..], &[("publication", "published"), ("naming_basis", "public_sources")]].concat();
    let changed = [&changed[..], &[("occupation", "Sample engineer")]].concat();
    assert_eq!(admin.submit(&format!("/admin/people/{id}/edit"), &changed).await.status, 303);
    let cyrillic = |text: &str| text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
    for lang in ["be", "ru"] {
        let history = admin.get(&format!("/{lang}/admin/people/{id}/history")).await;
        let first = history.attr(".revision:last-child form", "action").unwrap();
        assert!(first.starts_with(&format!("/{lang}/admin/")), "{first}");
        let confirm = admin.get(&first).await;
        assert_eq!(confirm.status, 200);
        assert!(!confirm.body.contains('⟦'), "{lang}: every word is there");
        assert!(cyrillic(&confirm.text("h1")) && cyrillic(&confirm.text("form.restore-form button")), "{lang}");

        let new = format!("/{lang}/admin/people/new");
        let asked = admin
            .submit(
                &new,
                &[("name_0", "Unsourca Testperson"), ("publication", "published"), ("naming_basis", "public_sources")],
            )
            .await;
        assert_eq!(asked.status, 422);
        assert!(!asked.body.contains('⟦'), "{lang}");
        assert!(cyrillic(&asked.text("#publish_unsourced-error")), "{lang}: {}", asked.text("main"));

        let page = admin.get(&format!("/{lang}/admin/waves/{wave}/edit")).await;
        assert!(!page.body.contains('⟦'), "{lang}");
        assert!(cyrillic(&page.text(".held-people legend")) && cyrillic(&page.text(".wave-people h2")), "{lang}");
        let token = page.attr("input[name=csrf_token]", "value").unwrap();
        let refused = admin
            .post(
                &format!("/{lang}/admin/waves/{wave}/release"),
                &[("csrf_token", &token), ("people", "Zzyzx Qwerty"), ("released", "")],
            )
            .await;
        assert_eq!(refused.status, 422);
        assert!(!refused.body.contains('⟦'), "{lang}");
        assert!(cyrillic(&refused.text(".release .form-error")), "{lang}");
    }
}
