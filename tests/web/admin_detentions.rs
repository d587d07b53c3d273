//! The detention and event forms: adding and editing a detention with its charges, sentence and release,
//! overlaps and mistakes, stale versions, history and restore.

use prisoner_tracker::accounts::{self, Role};

use crate::helpers::{TestApp, Visitor};

const PASSWORD: &str = "correct horse battery staple";

async fn admin(app: &TestApp) -> Visitor<'_> {
    accounts::create_user(&app.pool, "admin@example.org", Role::Admin, PASSWORD.into()).await.unwrap();
    let mut visitor = Visitor::new(app);
    assert_eq!(visitor.log_in("admin@example.org", PASSWORD).await.status, 303);
    visitor
}

/// A published person with no detention; returns their id.
async fn person(app: &TestApp, visitor: &mut Visitor<'_>) -> i64 {
    let fields = [("name_0", "Symon Testavy"), ("lang_0", "en"), ("publication", "published")];
    let created = visitor.submit("/admin/people/new", &fields).await;
    assert_eq!(created.status, 303, "{}", created.body);
    let _ = app;
    created.header("location").trim_start_matches("/admin/people/").split('/').next().unwrap().parse().unwrap()
}

const DETENTION: &[(&str, &str)] = &[
    ("country", "BY"),
    ("started", "2021-03-04"),
    ("ended", "2025-02-12"),
    ("trial_stage", "convicted"),
    ("sentence_kind", "imprisonment"),
    ("sentence_months", "60"),
    ("release_mechanism", "release_to_foreign_government"),
    ("wave", "handover-2025-02-12-vilnius"),
    ("article_0", "342"),
    ("part_0", "1"),
    ("description_0", "Organising actions that grossly violate public order"),
];

#[tokio::test]
async fn a_detention_added_through_the_form_shows_on_the_person_the_wave_and_the_charts() {
    let app = TestApp::with_demo().await;
    let mut admin = admin(&app).await;
    let id = person(&app, &mut admin).await;
    let saved = admin.submit(&format!("/admin/detentions/new?person={id}"), DETENTION).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let location = saved.header("location");
    assert!(location.starts_with("/admin/detentions/") && location.ends_with("/edit?saved=1"), "{location}");
    assert_eq!(admin.get(location).await.text("[role=status]"), "Saved.");
    let edit = admin.get(&format!("/admin/people/{id}/edit")).await;
    assert_eq!(edit.texts(".detentions tbody tr").len(), 1);

    let page = app.get("/prisoners/symon-testavy").await;
    assert!(page.text(".status").contains("Released"), "{}", page.text(".status"));
    assert!(page.body.contains("342"), "the charge is shown");
    let wave = app.get("/waves/handover-2025-02-12-vilnius").await;
    assert!(wave.body.contains("Symon Testavy"), "the wave lists the person");
    let csv = app.get("/charts/waves.csv").await;
    assert!(csv.body.contains("handover-2025-02-12-vilnius,Handover of three prisoners to a US State Department delegation,BY,release_to_foreign_government,2025-02-12,,false,3,exactly,4,"), "{}", csv.body);
}

#[tokio::test]
async fn mistakes_and_overlaps_come_back_with_the_form_as_typed() {
    let app = TestApp::new().await;
    let mut admin = admin(&app).await;
    let id = person(&app, &mut admin).await;
    let uri = format!("/admin/detentions/new?person={id}");
    let wrong = admin
        .submit(
            &uri,
            &[
                ("country", "BY"),
                ("started", "2024"),
                ("ended", "2023"),
                ("wave", "no-such-wave"),
                ("article_0", "abc"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.text("#ended-error").contains("before it began"));
    assert!(wrong.text("#article_0-error").contains("342"));
    assert_eq!(wrong.attr("#article_0", "value").as_deref(), Some("abc"));
    assert_eq!(wrong.attr("#started", "value").as_deref(), Some("2024"));

    assert_eq!(
        admin.submit(&uri, &[("country", "BY"), ("started", "2021-01-01"), ("ended", "2022-01-01")]).await.status,
        303
    );
    let overlapping =
        admin.submit(&uri, &[("country", "BY"), ("started", "2021-06-01"), ("ended", "2021-07-01")]).await;
    assert_eq!(overlapping.status, 422, "{}", overlapping.body);
    assert!(overlapping.text("#started-error").contains("overlaps"));
    let count: i64 = sqlx::query_scalar("select count(*) from detentions").fetch_one(&app.pool).await.unwrap();
    assert_eq!(count, 1);
}

#[tokio::test]
async fn a_stale_detention_save_is_refused_and_the_history_restores_it() {
    let app = TestApp::new().await;
    let mut admin = admin(&app).await;
    let id = person(&app, &mut admin).await;
    let created =
        admin.submit(&format!("/admin/detentions/new?person={id}"), &[("country", "BY"), ("started", "2021")]).await;
    assert_eq!(created.status, 303);
    let detention: i64 = sqlx::query_scalar("select id from detentions").fetch_one(&app.pool).await.unwrap();
    let uri = format!("/admin/detentions/{detention}/edit");

    let stale = admin.get(&uri).await;
    let token = stale.attr("input[name=csrf_token]", "value").unwrap();
    let version = stale.attr("input[name=version]", "value").unwrap();
    assert_eq!(admin.submit(&uri, &[("country", "BY"), ("started", "2021-03")]).await.status, 303);
    let conflict = admin
        .post(&uri, &[("csrf_token", &token), ("version", &version), ("country", "BY"), ("started", "2021-04")])
        .await;
    assert_eq!(conflict.status, 409);
    assert_eq!(conflict.texts(".conflict td.before"), ["March 2021"]);
    assert_eq!(conflict.texts(".conflict td.after"), ["April 2021"]);
    assert_eq!(conflict.attr("#started", "value").as_deref(), Some("2021-04"), "what was typed is kept");

    let history = admin.get(&format!("/admin/people/{id}/history")).await;
    let lines = history.texts(".revision strong");
    assert_eq!(lines, ["Detention: Changed", "Detention: Created", "Created"]);
    let token = history.attr("input[name=csrf_token]", "value").unwrap();
    let restore = history.attr("#revision-2 form, .revision:nth-child(2) form", "action").unwrap();
    assert!(restore.starts_with(&format!("/admin/detentions/{detention}/restore/")), "{restore}");
    assert_eq!(admin.post(&restore, &[("csrf_token", &token)]).await.status, 303);
    let started: String = sqlx::query_scalar("select partial_date_iso(started_on, started_precision) from detentions")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(started, "2021", "back as first recorded");
    let log = app.get("/prisoners/symon-testavy").await.texts("details.changes li");
    assert!(log[0].ends_with("detention an earlier version restored (Detained)"), "{log:?}");
}

#[tokio::test]
async fn events_of_the_case_are_added_checked_and_kept_in_the_history() {
    let app = TestApp::new().await;
    let mut admin = admin(&app).await;
    let id = person(&app, &mut admin).await;
    let uri = format!("/admin/events/new?person={id}");
    let wrong = admin
        .submit(&uri, &[("kind", "hunger_strike"), ("occurred", "spring"), ("description", "Began a hunger strike.")])
        .await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.text("#occurred-error").contains("spring"));
    assert_eq!(wrong.text("#description"), "Began a hunger strike.", "what was typed is kept");

    let saved = admin
        .submit(
            &uri,
            &[("kind", "hunger_strike"), ("occurred", "spring 2021"), ("description", "Began a hunger strike.")],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let page = app.get("/prisoners/symon-testavy").await;
    assert!(
        page.texts(".timeline li").iter().any(|e| e.contains("Began a hunger strike.")),
        "{:?}",
        page.texts(".timeline li")
    );
    let edit = admin.get(&format!("/admin/people/{id}/edit")).await;
    let link = edit.attr(".events a[href^='/admin/events/']", "href").unwrap();
    assert_eq!(
        admin
            .submit(
                &link,
                &[("kind", "hunger_strike"), ("occurred", "2021-04"), ("description", "Began a hunger strike.")]
            )
            .await
            .status,
        303
    );
    let history = admin.get(&format!("/admin/people/{id}/history")).await;
    assert_eq!(history.texts(".revision strong")[..2], ["Event: Changed", "Event: Created"]);
    assert_eq!(history.texts(".revision:first-child td.before"), ["spring 2021"]);
}
