//! `generate-synthetic` against a real database: flagged, obviously synthetic, never mixed
//! with the demo records, and repeatable.

use prisoner_tracker::seed::synthetic;

use crate::helpers::{TestApp, table_counts};

#[tokio::test]
async fn synthetic_people_are_flagged_and_leave_the_demo_records_alone() {
    let app = TestApp::with_demo().await;
    let demo_before: Vec<(String, time::OffsetDateTime)> =
        sqlx::query_as("select slug, updated_at from people where not synthetic order by slug")
            .fetch_all(&app.pool)
            .await
            .unwrap();

    let report = synthetic::generate(&app.pool, 300, 7).await.unwrap();
    assert_eq!(report.people, 300);

    let (synthetic_people, badly_named): (i64, i64) = sqlx::query_as(
        "select count(*), count(*) filter (where slug not like 'synthetic-%') from people where synthetic",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((synthetic_people, badly_named), (300, 0));
    let without_primaries: i64 = sqlx::query_scalar(
        "select count(*) from people p where synthetic and (select count(*) from person_names n
          where n.person_id = p.id and n.kind = 'primary' and n.lang in ('be', 'ru', 'en')) <> 3",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(without_primaries, 0, "every synthetic person has be, ru and en names");
    let wrong_status: i64 =
        sqlx::query_scalar("select count(*) from people p, derive_person_status(p.id) d where p.status <> d.status")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(wrong_status, 0, "statuses agree with the detentions");
    let demo_after: Vec<(String, time::OffsetDateTime)> =
        sqlx::query_as("select slug, updated_at from people where not synthetic order by slug")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(demo_after, demo_before, "the demo records are untouched");

    let page = app.get(&format!("/prisoners/{}", first_synthetic_slug(&app).await)).await;
    assert_eq!(page.status, 200);
    assert!(page.text(".synthetic").contains("Synthetic record"), "synthetic pages say so");
}

async fn first_synthetic_slug(app: &TestApp) -> String {
    sqlx::query_scalar("select slug from people where synthetic order by id limit 1")
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_same_seed_writes_the_same_data_again() {
    let app = TestApp::new().await;
    let fingerprint = || async {
        sqlx::query_scalar::<_, String>("select md5(string_agg(n.name, ',' order by n.name)) from person_names n")
            .fetch_one(&app.pool)
            .await
            .unwrap()
    };

    synthetic::generate(&app.pool, 120, 3).await.unwrap();
    let (first, counts) = (fingerprint().await, table_counts(&app.pool).await);
    let again = synthetic::generate(&app.pool, 120, 3).await.unwrap();

    assert_eq!(again.removed_people, 120, "a re-run replaces the earlier synthetic records");
    assert_eq!(fingerprint().await, first);
    assert_eq!(table_counts(&app.pool).await, counts);
}

#[tokio::test]
async fn names_only_people_are_found_by_name_and_have_no_case_records() {
    let app = TestApp::new().await;
    let report = synthetic::generate_scoped(&app.pool, 120, 4, synthetic::Scope::NamesOnly).await.unwrap();
    assert_eq!((report.people, report.detentions, report.events), (120, 0, 0));
    assert!(report.names >= 120 * 3, "names in three languages at least: {}", report.names);
    let counts: std::collections::HashMap<_, _> = table_counts(&app.pool).await.into_iter().collect();
    assert_eq!((counts["detentions"], counts["events"]), (0, 0));
    let cited: i64 = sqlx::query_scalar("select count(*) from citations where person_id is not null")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(cited, 0, "only the catalogue's waves are cited");

    let (slug, surname): (String, String) = sqlx::query_as(
        "select p.slug, split_part(n.name, ' ', 2) from people p join person_names n on n.person_id = p.id
          where p.synthetic and n.lang = 'en' and n.kind = 'primary' order by p.id limit 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let found = app.get(&format!("/prisoners?q={surname}&sort=name")).await;
    let hrefs = found.html();
    let selector = scraper::Selector::parse("ol.hits li > a").unwrap();
    let listed: Vec<_> = hrefs.select(&selector).filter_map(|a| a.value().attr("href")).collect();
    assert!(listed.contains(&format!("/prisoners/{slug}").as_str()), "{surname}: {listed:?}");
}
