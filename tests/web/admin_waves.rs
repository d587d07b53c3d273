//! The wave form and the form that releases many people in a wave at once. Stale versions,
//! history, restore and delete are tested for every kind at once in `admin_kinds`.

use prisoner_tracker::accounts::Role;

use crate::fixtures;
use crate::helpers::{TestApp, logged_in};

const WAVE: &[(&str, &str)] = &[
    ("name", "Pardon of 23 people"),
    ("started", "2025-07-03"),
    ("country", "BY"),
    ("mechanism", "pardon"),
    ("qualifier", "at_least"),
    ("reported", "23"),
    ("publication", "published"),
    ("publish_unsourced", "yes"),
];

#[tokio::test]
async fn an_admin_adds_a_wave_that_appears_on_the_site_and_in_the_charts() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let saved = admin.submit("/admin/waves/new", WAVE).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert!(admin.get(saved.header("location")).await.text("[role=status]").contains("Saved."));

    let page = app.get("/waves/pardon-of-23-people-2025-07-03").await;
    assert_eq!(page.status, 200);
    assert!(page.text("main").contains("at least 23"), "{}", page.text("main"));
    let csv = app.get("/charts/waves.csv").await;
    assert!(
        csv.body
            .contains("pardon-of-23-people-2025-07-03,Pardon of 23 people,BY,pardon,2025-07-03,,false,23,at_least,0,")
    );
}

#[tokio::test]
async fn wave_mistakes_come_back_with_everything_typed() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let wrong = admin
        .submit("/admin/waves/new", &[("name", "A wave"), ("started", "soon"), ("country", "ZZ"), ("reported", "many")])
        .await;
    assert_eq!(wrong.status, 422);
    for field in ["started", "country", "mechanism", "reported"] {
        assert!(wrong.attr(&format!("#{field}"), "aria-invalid").is_some(), "{field} is marked");
    }
    assert_eq!(wrong.attr("#name", "value").as_deref(), Some("A wave"));
    assert_eq!(wrong.attr("#reported", "value").as_deref(), Some("many"));
}

#[tokio::test]
async fn many_people_are_released_in_a_wave_at_once_or_not_at_all() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    for name in ["Symon Testavy", "Alena Testavaya"] {
        fixtures::held_person(&app, &mut admin, name).await;
    }
    let (wave_id, wave) = fixtures::wave(&app, &mut admin, "Pardon of 23 people", "2025-07-03").await;
    let edit = format!("/admin/waves/{wave_id}/edit");
    let release = format!("/admin/waves/{wave_id}/release");

    let page = admin.get(&edit).await;
    let token = page.attr("input[name=csrf_token]", "value").unwrap();
    let refused = admin
        .post(&release, &[("csrf_token", &token), ("people", "symon-testavy\nno-such-person\n"), ("released", "")])
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.text(".release .form-error").contains("“no-such-person”: no person has this address"));
    assert_eq!(refused.text("#people"), "symon-testavy no-such-person", "the list typed is kept");
    let released: i64 = sqlx::query_scalar("select count(*) from detentions where wave_id is not null")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(released, 0, "one bad line and nothing is written");

    let done = admin
        .post(&release, &[("csrf_token", &token), ("people", "symon-testavy\nalena-testavaya\n"), ("released", "")])
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert!(admin.get(done.header("location")).await.text("[role=status]").contains("2 people marked released"));
    let rows: Vec<(String, String)> = sqlx::query_as(
        "select partial_date_iso(ended_on, ended_precision), release_mechanism::text from detentions order by id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(rows, [("2025-07-03".into(), "pardon".into()), ("2025-07-03".into(), "pardon".into())]);
    let person = app.get("/prisoners/symon-testavy").await;
    assert!(person.text(".status").contains("Released"));
    assert!(app.get(&format!("/waves/{wave}")).await.body.contains("Alena Testavaya"));
    let again = admin.post(&release, &[("csrf_token", &token), ("people", "symon-testavy"), ("released", "")]).await;
    assert!(again.text(".release .form-error").contains("no detention of this person is still going on"));
}
