//! The rules every record kind's editor keeps, tested once over every kind: a save over a newer
//! version is refused (409) with both versions shown and nothing lost, the history lists each
//! save and restores an earlier version, and only admins delete, over the version they saw.
//! What is special to one kind (a likely duplicate, overlapping detentions, a wave's bulk
//! release, the slug and the publication a restore keeps) has a test of its own below.

use prisoner_tracker::accounts::Role;

use crate::fixtures;
use crate::helpers::{TestApp, Visitor, logged_in};

/// What a kind's record belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Parent {
    None,
    /// A person (`?person=ID` on its new form), whose history lists its revisions too, under
    /// this name ("Detention: Changed").
    Person(&'static str),
}

/// One record kind, as the generic test drives it.
struct Case {
    /// Its admin addresses: `/admin/{path}/…`.
    path: &'static str,
    /// Its `record_type` in the revisions.
    record_type: &'static str,
    parent: Parent,
    /// A valid form. `SOURCE` stands for the address of a source made for the test.
    form: &'static [(&'static str, &'static str)],
    /// A text field of the form and the other value a second save gives it.
    probe: (&'static str, &'static str),
}

const SOURCE: &str = "<source>";

const CASES: &[Case] = &[
    Case {
        path: "people",
        record_type: "person",
        parent: Parent::None,
        form: &[("name_0", "Barys Exampleedit"), ("lang_0", "en"), ("kind_0", "primary"), ("occupation", "Tester")],
        probe: ("occupation", "Sample engineer"),
    },
    Case {
        path: "detentions",
        record_type: "detention",
        parent: Parent::Person("Detention"),
        form: &[("country", "BY"), ("started", "2021-03"), ("trial_stage", "convicted")],
        probe: ("started", "2021-04"),
    },
    Case {
        path: "events",
        record_type: "event",
        parent: Parent::Person("Event"),
        form: &[("kind", "hunger_strike"), ("occurred", "2021-05"), ("description", "Began a test hunger strike.")],
        probe: ("occurred", "2021-06"),
    },
    Case {
        path: "waves",
        record_type: "wave",
        parent: Parent::None,
        form: &[
            ("name", "Test pardon of samples"),
            ("started", "2025-07-03"),
            ("country", "BY"),
            ("mechanism", "pardon"),
            ("qualifier", "at_least"),
            ("reported", "23"),
        ],
        probe: ("reported", "25"),
    },
    Case {
        path: "sources",
        record_type: "source",
        parent: Parent::None,
        form: &[
            ("title", "A test article about samples"),
            ("publisher", "Test Gazette"),
            ("published", "2025-03-04"),
            ("source_kind", "news_article"),
        ],
        probe: ("publisher", "Sample Herald"),
    },
    Case {
        path: "citations",
        record_type: "citation",
        parent: Parent::Person("Source cited"),
        form: &[("source", SOURCE), ("locator", "page 1")],
        probe: ("locator", "page 2"),
    },
    Case {
        path: "recognitions",
        record_type: "recognition",
        parent: Parent::Person("Recognition"),
        form: &[("organisation", "Test Rights Centre"), ("recognised", "2021-05")],
        probe: ("organisation", "Sample Rights Centre"),
    },
    Case {
        path: "facilities",
        record_type: "facility",
        parent: Parent::None,
        form: &[
            ("facility_name", "Test colony No. 1"),
            ("facility_kind", "penal_colony"),
            ("facility_country", "BY"),
            ("location", "Testograd"),
        ],
        probe: ("location", "Samplegrad"),
    },
    Case {
        path: "figures",
        record_type: "figure",
        parent: Parent::None,
        form: &[
            ("figure_country", "by"),
            ("metric", "prisoners_held"),
            ("qualifier", "about"),
            ("value", "1234"),
            ("as_of", "2026-01-01"),
        ],
        probe: ("value", "1235"),
    },
];

/// The people the generic test acts as, and what the records it makes belong to.
struct World<'a> {
    app: &'a TestApp,
    admin: Visitor<'a>,
    other: Visitor<'a>,
    editor: Visitor<'a>,
    person: i64,
    source: String,
}

impl Case {
    /// `form` with `source` for the source's address, and the probe field set to `probe` when
    /// given.
    fn fields<'a>(&self, source: &'a str, probe: Option<&'static str>) -> Vec<(&'static str, &'a str)> {
        self.form
            .iter()
            .map(|&(name, value)| match probe {
                Some(probe) if name == self.probe.0 => (name, probe),
                _ if value == SOURCE => (name, source),
                _ => (name, value),
            })
            .collect()
    }

    fn original(&self) -> &'static str {
        self.form.iter().find(|(name, _)| *name == self.probe.0).map(|(_, value)| *value).unwrap()
    }

    fn new_form(&self, person: i64) -> String {
        match self.parent {
            Parent::None => format!("/admin/{}/new", self.path),
            Parent::Person(_) => format!("/admin/{}/new?person={person}", self.path),
        }
    }

    /// Where a deleted record goes back to: its list, or its person.
    fn back(&self, person: i64) -> String {
        match self.parent {
            Parent::None => format!("/admin/{}", self.path),
            Parent::Person(_) => format!("/admin/people/{person}/edit"),
        }
    }
}

/// Each version of a record as its revisions keep it: action, and the record after it (before
/// it, for a deletion).
async fn versions(app: &TestApp, case: &Case, id: i64) -> Vec<(String, serde_json::Value)> {
    sqlx::query_as(
        "select action, coalesce(after, before) from revisions where record_type = $1 and record_id = $2 order by id",
    )
    .bind(case.record_type)
    .bind(id)
    .fetch_all(&app.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn every_kind_refuses_stale_saves_restores_from_its_history_and_lets_only_admins_delete() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let person = fixtures::person(&app, &mut admin, "Alesia Testfixture").await;
    let (_, source) = fixtures::source(&app, &mut admin, "A synthetic source to cite").await;
    let mut world = World {
        app: &app,
        admin,
        other: logged_in(&app, "other@example.org", Role::Admin).await,
        editor: logged_in(&app, "editor@example.org", Role::Editor).await,
        person,
        source,
    };
    for case in CASES {
        stale_saves_are_refused_and_restores_and_deletes_follow_the_rules(&mut world, case).await;
    }
}

async fn stale_saves_are_refused_and_restores_and_deletes_follow_the_rules(world: &mut World<'_>, case: &Case) {
    let (kind, person, source) = (case.path, world.person, world.source.clone());
    let (mine, theirs) = (case.fields(&source, None), case.fields(&source, Some(case.probe.1)));
    let id = fixtures::saved(&mut world.admin, &case.new_form(person), &mine).await;
    let edit = format!("/admin/{kind}/{id}/edit");

    // Two admins open the same form; the other saves first.
    let stale = world.admin.get(&edit).await;
    let (token, version) =
        (stale.attr("input[name=csrf_token]", "value").unwrap(), stale.attr("input[name=version]", "value").unwrap());
    assert_eq!(world.other.submit(&edit, &theirs).await.status, 303, "{kind}: their save");
    let mut posted = vec![("csrf_token", token.as_str()), ("version", version.as_str())];
    posted.extend(mine.iter().copied());
    let conflict = world.admin.post(&edit, &posted).await;
    assert_eq!(conflict.status, 409, "{kind}: a save over a newer version");
    if kind == "people" {
        // The person form alone says who saved meanwhile (the case has many editors).
        assert!(conflict.text(".conflict").contains("Other (test)"), "{kind}: the conflict names who saved");
        assert!(!conflict.body.contains("other@example.org"), "{kind}: by their display name, not their address");
    }
    assert!(!conflict.texts(".conflict tbody tr").is_empty(), "{kind}: and what differs");
    let probe = format!("#{}", case.probe.0);
    assert_eq!(conflict.attr(&probe, "value").as_deref(), Some(case.original()), "{kind}: what was typed is kept");
    let newer = conflict.attr("input[name=version]", "value").unwrap();
    assert_ne!(newer, version, "{kind}: the form now carries the version saved meanwhile");
    assert_eq!(world.admin.get(&edit).await.attr(&probe, "value").as_deref(), Some(case.probe.1), "{kind}: theirs");
    // Saving the conflict page's form puts mine in place, knowingly.
    let token = conflict.attr("input[name=csrf_token]", "value").unwrap();
    let mut again = vec![("csrf_token", token.as_str()), ("version", newer.as_str())];
    again.extend(mine.iter().copied());
    assert_eq!(world.admin.post(&edit, &again).await.status, 303, "{kind}: the knowing save");

    // The history lists the three saves, newest first, and restores theirs.
    let history = world.admin.get(&format!("/admin/{kind}/{id}/history")).await;
    assert_eq!(history.status, 200, "{kind}: history");
    assert_eq!(history.texts(".revision strong"), ["Changed", "Changed", "Created"], "{kind}: history");
    assert!(history.texts(".revision")[1].contains("by Other (test)"), "{kind}: who saved each");
    assert!(!history.body.contains("other@example.org"), "{kind}: e-mail addresses are for the accounts page");
    let restore = history.attr(".revision:nth-child(2) form", "action").expect("an earlier version can be restored");
    assert_eq!(world.admin.post(&restore, &[]).await.status, 403, "{kind}: a restore without the token");
    let restored = fixtures::restore(&mut world.admin, &restore).await;
    assert_eq!(restored.status, 303, "{kind}: restore: {}", restored.body);
    assert_eq!(restored.header("location"), format!("/admin/{kind}/{id}/history"), "{kind}");
    assert_eq!(world.admin.get(&edit).await.attr(&probe, "value").as_deref(), Some(case.probe.1), "{kind}: restored");
    let saved = versions(world.app, case, id).await;
    let actions: Vec<&str> = saved.iter().map(|(action, _)| action.as_str()).collect();
    assert_eq!(actions, ["create", "update", "update", "restore"], "{kind}");
    assert_eq!(saved[3].1, saved[1].1, "{kind}: the restored version is theirs, field for field");
    if let Parent::Person(label) = case.parent {
        let case_history = world.admin.get(&format!("/admin/people/{person}/history")).await;
        let line = format!("{label}: Restored an earlier version");
        assert_eq!(case_history.texts(".revision strong").first(), Some(&line), "{kind}: the person's history");
    }

    // Only admins delete, with the token, over the version they were shown.
    let delete = format!("/admin/{kind}/{id}/delete");
    assert_eq!(world.editor.get(&delete).await.status, 403, "{kind}: an editor's delete page");
    let token = world.editor.token("/admin").await;
    let by_editor = world.editor.post(&delete, &[("csrf_token", &token), ("version", "1")]).await;
    assert_eq!(by_editor.status, 403, "{kind}: an editor's delete");
    let confirm = world.admin.get(&delete).await;
    assert_eq!(confirm.status, 200, "{kind}: the confirmation");
    let (token, version) = (
        confirm.attr("input[name=csrf_token]", "value").unwrap(),
        confirm.attr("input[name=version]", "value").unwrap(),
    );
    assert_eq!(world.admin.post(&delete, &[("version", &version)]).await.status, 403, "{kind}: without the token");
    let stale = world.admin.post(&delete, &[("csrf_token", &token), ("version", "1")]).await;
    assert_eq!(stale.status, 409, "{kind}: a delete over a newer version shows the record again");
    assert_eq!(stale.attr("input[name=version]", "value"), Some(version.clone()), "{kind}: as it is now");
    let deleted = world.admin.post(&delete, &[("csrf_token", &token), ("version", &version)]).await;
    assert_eq!(deleted.status, 303, "{kind}: delete: {}", deleted.body);
    assert_eq!(deleted.header("location"), format!("{}?deleted=1", case.back(person)), "{kind}");
    assert_eq!(world.admin.get(&edit).await.status, 404, "{kind}: gone");
    let saved = versions(world.app, case, id).await;
    assert_eq!(saved.last().map(|(action, _)| action.as_str()), Some("delete"), "{kind}");
    assert_eq!(saved[4].1, saved[3].1, "{kind}: the deleted record is kept in its revision");
}

/// Every form the admin area takes, posted as it was filled in but without its token, or with
/// another session's: each is refused before it changes anything, whatever the handler.
#[tokio::test]
async fn no_admin_form_is_taken_without_its_token() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let person = fixtures::person(&app, &mut admin, "Alesia Testfixture").await;
    let (_, source) = fixtures::source(&app, &mut admin, "A synthetic source to cite").await;
    let foreign = Visitor::new(&app).token("/login").await;
    let mut posts: Vec<(String, Vec<(&str, &str)>)> = Vec::new();
    for case in CASES {
        let fields = case.fields(&source, None);
        let id = fixtures::saved(&mut admin, &case.new_form(person), &fields).await;
        let revision: i64 =
            sqlx::query_scalar("select id from revisions where record_type = $1 and record_id = $2 order by id")
                .bind(case.record_type)
                .bind(id)
                .fetch_one(&app.pool)
                .await
                .unwrap();
        let with_version = [fields.as_slice(), &[("version", "1")]].concat();
        posts.extend([
            (case.new_form(person), fields.clone()),
            (format!("/admin/{}/{id}/edit", case.path), with_version.clone()),
            (format!("/admin/{}/{id}/restore/{revision}", case.path), Vec::new()),
            (format!("/admin/{}/{id}/delete", case.path), vec![("version", "1")]),
        ]);
    }
    let (wave, _) = fixtures::wave(&app, &mut admin, "Test pardon of tokens", "2025-07-04").await;
    let event: i64 = sqlx::query_scalar("select id from events").fetch_one(&app.pool).await.unwrap();
    let texts = [("text_lang", "en"), ("original_was", "en"), ("version_en", "0"), ("version_be", "0")];
    posts.extend([
        (format!("/admin/people/{person}/texts"), texts.to_vec()),
        (format!("/admin/waves/{wave}/texts"), texts.to_vec()),
        (format!("/admin/events/{event}/texts"), texts.to_vec()),
        (format!("/admin/waves/{wave}/release"), vec![("people", "alesia-testfixture"), ("released", "")]),
        (format!("/admin/people/{person}/photo/remove"), vec![("photo_id", "1"), ("photo_version", "1")]),
        ("/admin/import".to_owned(), vec![("csv", "name_en\nTestimport Person\n")]),
        ("/admin/import/apply".to_owned(), vec![("csv", "name_en\nTestimport Person\n"), ("fingerprint", "x")]),
        ("/logout".to_owned(), Vec::new()),
    ]);
    let before = (crate::helpers::table_counts(&app.pool).await, revisions(&app).await);
    for (uri, fields) in &posts {
        assert_eq!(admin.post(uri, fields).await.status, 403, "{uri} without a token");
        let forged = [fields.as_slice(), &[("csrf_token", foreign.as_str())]].concat();
        assert_eq!(admin.post(uri, &forged).await.status, 403, "{uri} with another session's token");
    }
    let photo = [crate::helpers::Part::Text("alt_text", "A test photo")];
    let upload = admin.post_multipart(&format!("/admin/people/{person}/photo"), &photo).await;
    assert_eq!(upload.status, 403, "a photo without a token");
    assert_eq!((crate::helpers::table_counts(&app.pool).await, revisions(&app).await), before, "nothing changed");
    assert_eq!(admin.get("/admin").await.status, 200, "and the session was not ended");
}

async fn revisions(app: &TestApp) -> i64 {
    sqlx::query_scalar("select count(*) from revisions").fetch_one(&app.pool).await.unwrap()
}

fn case(path: &str) -> &'static Case {
    CASES.iter().find(|case| case.path == path).unwrap()
}

/// The address of the record whose form is at `edit`.
async fn slug(visitor: &mut Visitor<'_>, edit: &str) -> String {
    visitor.get(edit).await.attr("#slug", "value").expect("the form shows the address")
}

#[tokio::test]
async fn an_editors_restore_keeps_what_an_admin_published() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let mut editor = logged_in(&app, "editor@example.org", Role::Editor).await;
    let publication = |table: &str, id: i64| {
        let sql = format!("select publication::text from {table} where id = $1");
        let pool = app.pool.clone();
        async move { sqlx::query_scalar::<_, String>(&sql).bind(id).fetch_one(&pool).await.unwrap() }
    };
    // The kinds with a publication: the kind, its table, the form an editor saves, a field.
    let cases = [
        (
            "people",
            "people",
            &[("name_0", "Cezary Samplepub"), ("occupation", "Tester"), ("naming_basis", "public_sources")][..],
            "occupation",
        ),
        ("waves", "waves", case("waves").form, "reported"),
        ("figures", "reported_figures", case("figures").form, "value"),
    ];
    for (kind, table, form, probe) in cases {
        let id = fixtures::saved(&mut editor, &format!("/admin/{kind}/new"), form).await;
        assert_eq!(publication(table, id).await, "draft", "{kind}: an editor's record is a draft");
        let edit = format!("/admin/{kind}/{id}/edit");
        let mut published: Vec<(&str, &str)> = form.iter().filter(|(name, _)| *name != probe).copied().collect();
        published.extend([(probe, "42"), ("publication", "published"), ("publish_unsourced", "yes")]);
        assert_eq!(admin.submit(&edit, &published).await.status, 303, "{kind}: the admin publishes");
        assert_eq!(publication(table, id).await, "published", "{kind}");

        let history = editor.get(&format!("/admin/{kind}/{id}/history")).await;
        let first = history.attr(".revision:last-child form", "action").expect("the draft can be restored");
        assert_eq!(fixtures::restore(&mut editor, &first).await.status, 303, "{kind}: the editor restores");
        let before = form.iter().find(|(name, _)| *name == probe).unwrap().1;
        assert_eq!(editor.get(&edit).await.attr(&format!("#{probe}"), "value").as_deref(), Some(before), "{kind}");
        assert_eq!(publication(table, id).await, "published", "{kind}: a restore by an editor does not unpublish");
    }
    assert_eq!(app.get("/prisoners/cezary-samplepub").await.status, 200, "the person is still on the site");
}

#[tokio::test]
async fn a_restore_keeps_the_current_address_when_the_old_one_belongs_to_someone_else() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let first = [
        ("name_0", "Testslug Firstova"),
        ("occupation", "Tester"),
        ("publication", "published"),
        ("publish_unsourced", "yes"),
        ("naming_basis", "public_sources"),
    ];
    let id = fixtures::saved(&mut admin, "/admin/people/new", &first).await;
    let edit = format!("/admin/people/{id}/edit");
    assert_eq!(slug(&mut admin, &edit).await, "testslug-firstova");
    let renamed =
        [&first[..1], &[("slug", "testslug-renamed"), ("occupation", "Sample engineer")], &first[2..]].concat();
    assert_eq!(admin.submit(&edit, &renamed).await.status, 303);
    // No form gives away an old address (it keeps redirecting), but the database does not forbid
    // it: the old address passes to someone else.
    let other = fixtures::person(&app, &mut admin, "Examplo Otherova").await;
    sqlx::raw_sql(&format!(
        "delete from person_slug_redirects where slug = 'testslug-firstova';
         update people set slug = 'testslug-firstova' where id = {other}"
    ))
    .execute(&app.pool)
    .await
    .unwrap();

    let history = admin.get(&format!("/admin/people/{id}/history")).await;
    let restore = history.attr(".revision:last-child form", "action").unwrap();
    let restored = fixtures::restore(&mut admin, &restore).await;
    assert_eq!(restored.status, 303, "{}", restored.body);
    let form = admin.get(&edit).await;
    assert_eq!(form.attr("#occupation", "value").as_deref(), Some("Tester"), "the earlier version is back");
    assert_eq!(form.attr("#slug", "value").as_deref(), Some("testslug-renamed"), "but not its address");
    assert!(app.get("/prisoners/testslug-renamed").await.text("main").contains("Tester"));
    assert!(app.get("/prisoners/testslug-firstova").await.text("h1").contains("Examplo Otherova"));
}
