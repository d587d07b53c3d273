//! `seed-demo`: the real records load, every one cites its source, and a second run changes nothing.

use prisoner_tracker::seed::demo;

use crate::helpers::{TestApp, table_counts};

#[tokio::test]
async fn seed_demo_twice_gives_the_same_counts_and_touches_nothing() {
    let app = TestApp::new().await;

    let first = demo::seed(&app.pool).await.unwrap();
    assert_eq!((first.people_added, first.waves_added, first.figures_added), (9, 5, 1));
    let counts = table_counts(&app.pool).await;
    let stamp: time::OffsetDateTime =
        sqlx::query_scalar("select max(updated_at) from people").fetch_one(&app.pool).await.unwrap();

    let second = demo::seed(&app.pool).await.unwrap();
    assert_eq!((second.people_added, second.waves_added, second.figures_added), (0, 0, 0));
    assert_eq!(second.already_present, 15);
    assert_eq!(table_counts(&app.pool).await, counts, "a second run adds no row anywhere");
    let stamp_after: time::OffsetDateTime =
        sqlx::query_scalar("select max(updated_at) from people").fetch_one(&app.pool).await.unwrap();
    assert_eq!(stamp, stamp_after, "and updates none");
}

#[tokio::test]
async fn every_demo_record_cites_its_source_and_has_the_right_status() {
    let app = TestApp::with_demo().await;
    let uncited: Vec<String> = sqlx::query_scalar(
        "select slug from people p where not exists (select from citations c where c.person_id = p.id)
         union all
         select slug from waves w where not exists (select from citations c where c.wave_id = w.id)
         union all
         select 'detention of ' || p.slug from detentions d join people p on p.id = d.person_id
          where not exists (select from citations c where c.detention_id = d.id)",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert!(uncited.is_empty(), "records without a source: {uncited:?}");

    let statuses: Vec<(String, String)> =
        sqlx::query_as("select slug, status::text from people order by slug").fetch_all(&app.pool).await.unwrap();
    let held = ["ihar-karney", "ihar-losik", "yuri-zenkovich"];
    for (slug, status) in &statuses {
        let expected = if held.contains(&slug.as_str()) { "in_custody" } else { "released" };
        assert_eq!(status, expected, "{slug}");
    }

    let documented: i64 = sqlx::query_scalar(
        "select count(*) from detentions d join waves w on w.id = d.wave_id where w.slug = 'handover-2025-02-12-vilnius'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(documented, 3, "the three people of the Vilnius handover are linked to it");
}
