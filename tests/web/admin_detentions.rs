//! The detention and event forms: adding a detention with its charges, sentence and release,
//! overlaps and mistakes, and events of the case. Stale versions, history, restore and delete
//! are tested for every kind at once in `admin_kinds`.

use prisoner_tracker::accounts::Role;

use crate::fixtures;
use crate::helpers::{TestApp, logged_in};

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
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let id = fixtures::person(&app, &mut admin, "Symon Testavy").await;
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
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let id = fixtures::person(&app, &mut admin, "Symon Testavy").await;
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
async fn events_of_the_case_are_checked_and_shown_on_the_timeline() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let id = fixtures::person(&app, &mut admin, "Symon Testavy").await;
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
}
