//! The schema: migrations apply, and the database itself guards the invariants.

use prisoner_tracker::db::MIGRATOR;
use prisoner_tracker::domain::PartialDate;

use crate::helpers::{TestApp, TestDb};

#[tokio::test]
async fn migrations_apply_to_an_empty_database_and_a_second_run_is_a_no_op() {
    let db = TestDb::empty().await;
    let pool = db.pool().await;

    MIGRATOR.run(&pool).await.expect("migrations apply to an empty database");
    MIGRATOR.run(&pool).await.expect("running them again changes nothing");

    let applied: i64 =
        sqlx::query_scalar("select count(*) from _sqlx_migrations where success").fetch_one(&pool).await.unwrap();
    assert_eq!(applied as usize, MIGRATOR.iter().count());
    let countries: i64 = sqlx::query_scalar("select count(*) from countries").fetch_one(&pool).await.unwrap();
    assert!(countries >= 249, "every ISO 3166 country is there");
}

/// Runs `sql` and returns the constraint that refused it.
async fn refused_by(pool: &sqlx::PgPool, sql: &str) -> String {
    let error = sqlx::raw_sql(sql).execute(pool).await.expect_err(sql);
    let db_error = error.as_database_error().unwrap_or_else(|| panic!("{sql}: {error}"));
    db_error.constraint().map(str::to_owned).unwrap_or_else(|| db_error.message().to_owned())
}

#[tokio::test]
async fn the_database_refuses_records_that_break_an_invariant() {
    let app = TestApp::new().await;
    sqlx::raw_sql(
        "insert into people (id, slug) values (1, 'a-person');
         insert into detentions (person_id, country, started_on, started_precision, ended_on, ended_precision, release_mechanism)
         values (1, 'BY', '2020-03-01', 'day', '2021-01-01', 'year', 'pardon');",
    )
    .execute(&app.pool)
    .await
    .unwrap();

    let cases = [
        ("insert into people (slug) values ('Not A Slug')", "people_slug_check", "slugs are lower-case words"),
        ("insert into people (slug) values ('a-person')", "people_slug_key", "slugs are unique"),
        (
            "insert into people (slug, born_on, born_precision) values ('b', '1990-05-02', 'month')",
            "people_born_is_partial_date",
            "a month-precision date starts on the 1st",
        ),
        (
            "insert into people (slug, born_on) values ('c', '1990-05-01')",
            "people_born_is_partial_date",
            "a date needs its precision",
        ),
        (
            "insert into detentions (person_id, country, started_on, started_precision) values (1, 'BY', '2020-06-01', 'month')",
            "detentions_no_overlap",
            "one person is not held twice at once",
        ),
        (
            "insert into detentions (person_id, country) values (1, 'XX')",
            "detentions_country_fkey",
            "countries are ISO 3166 codes",
        ),
        (
            "insert into detentions (person_id, country, started_on, started_precision, ended_on, ended_precision)
             values (1, 'BY', '2023-05-01', 'day', '2022-01-01', 'day')",
            "detentions_ends_after_start",
            "a detention does not end before it starts",
        ),
        (
            "insert into person_names (person_id, name, lang, script, kind, search_key) values (1, ' padded ', 'en', 'Latn', 'primary', 'padded')",
            "person_names_name_check",
            "names are trimmed",
        ),
        (
            "insert into sources (slug, title, url) values ('s', 'T', 'javascript:alert(1)')",
            "sources_url_check",
            "source links are http or https",
        ),
        (
            "insert into sources (id, slug, title) values (5, 's2', 'T');
             insert into citations (source_id) values (5)",
            "citations_one_subject",
            "a citation supports exactly one record",
        ),
        (
            "insert into waves (slug, name, started_on, started_precision, country, mechanism, reported_count_qualifier)
             values ('w', 'W', '2024-06-01', 'season', 'BY', 'pardon', 'more_than')",
            "waves_qualifier_needs_count",
            "a qualifier needs a number",
        ),
    ];
    for (sql, constraint, why) in cases {
        assert_eq!(refused_by(&app.pool, sql).await, constraint, "{why}");
    }

    // A re-arrest after release is fine.
    sqlx::raw_sql(
        "insert into detentions (person_id, country, started_on, started_precision) values (1, 'BY', '2021-06-01', 'month')",
    )
    .execute(&app.pool)
    .await
    .expect("a later detention is accepted");
}

#[tokio::test]
async fn status_is_derived_from_detentions() {
    let app = TestApp::new().await;
    let pool = &app.pool;
    let status = || async {
        sqlx::query_as::<_, (String, Option<String>)>(
            "select status::text, partial_date_iso(status_since, status_since_precision) from people where id = 1",
        )
        .fetch_one(pool)
        .await
        .unwrap()
    };
    sqlx::raw_sql("insert into people (id, slug) values (1, 'p')").execute(pool).await.unwrap();
    assert_eq!(status().await, ("unknown".into(), None), "no detention: unknown");

    sqlx::raw_sql("insert into detentions (id, person_id, country, started_on, started_precision) values (1, 1, 'BY', '2021-01-01', 'year')")
        .execute(pool)
        .await
        .unwrap();
    assert_eq!(status().await, ("in_custody".into(), Some("2021".into())), "held, stage not recorded");

    sqlx::raw_sql("update detentions set trial_stage = 'awaiting_trial' where id = 1").execute(pool).await.unwrap();
    assert_eq!(status().await.0, "awaiting_trial");

    sqlx::raw_sql("update detentions set sentence_kind = 'imprisonment', sentence_months = 36 where id = 1")
        .execute(pool)
        .await
        .unwrap();
    assert_eq!(status().await.0, "serving_sentence", "a sentence means serving it");

    sqlx::raw_sql("update detentions set ended_on = '2024-06-01', ended_precision = 'season', release_mechanism = 'pardon' where id = 1")
        .execute(pool)
        .await
        .unwrap();
    assert_eq!(status().await, ("released".into(), Some("2024-summer".into())));

    sqlx::raw_sql("insert into detentions (id, person_id, country, started_on, started_precision) values (2, 1, 'BY', '2025-02-03', 'day')")
        .execute(pool)
        .await
        .unwrap();
    assert_eq!(status().await, ("in_custody".into(), Some("2025-02-03".into())), "re-arrested");

    sqlx::raw_sql("update detentions set ended_on = '2025-03-01', ended_precision = 'month', release_mechanism = 'death_in_custody' where id = 2")
        .execute(pool)
        .await
        .unwrap();
    assert_eq!(status().await.0, "died_in_custody");

    sqlx::raw_sql("delete from detentions").execute(pool).await.unwrap();
    assert_eq!(status().await, ("unknown".into(), None), "deleting detentions resets the status");
}

#[tokio::test]
async fn dates_read_back_from_the_database_as_they_were_entered() {
    let app = TestApp::new().await;
    for text in ["2025-02-12", "2025-01", "2024-summer", "2024-winter", "2021"] {
        let date: PartialDate = text.parse().unwrap();
        let (iso, ok, last_day): (String, bool, time::Date) =
            sqlx::query_as("select partial_date_iso($1, $2), partial_date_ok($1, $2), partial_date_last_day($1, $2)")
                .bind(date.start())
                .bind(date.precision())
                .fetch_one(&app.pool)
                .await
                .unwrap();
        assert_eq!(iso, text, "SQL and Rust agree on the canonical form");
        assert!(ok, "{text} is a valid pair");
        assert_eq!(last_day, date.end(), "SQL and Rust agree on the last day of {text}");
    }
}

#[tokio::test]
async fn an_old_slug_cannot_be_taken_by_another_record() {
    let app = TestApp::new().await;
    sqlx::raw_sql(
        "insert into people (slug) values ('first'); update people set slug = 'renamed' where slug = 'first';",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let error = sqlx::raw_sql("insert into people (slug) values ('first')").execute(&app.pool).await.unwrap_err();
    assert_eq!(error.as_database_error().unwrap().code().as_deref(), Some("23505"));
}

/// `RecordKind` spells each kind once in Rust; the CHECK constraint on `revisions.record_type`
/// is the other spelling, in SQL. They list the same keys.
#[tokio::test]
async fn the_revisions_constraint_lists_exactly_the_record_kinds() {
    use prisoner_tracker::domain::RecordKind;
    let app = TestApp::new().await;
    let definition: String = sqlx::query_scalar(
        "select pg_get_constraintdef(oid) from pg_constraint where conname = 'revisions_record_type_check'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let mut listed: Vec<&str> = definition.split('\'').skip(1).step_by(2).collect();
    listed.sort_unstable();
    let mut kinds: Vec<&str> = RecordKind::ALL.iter().map(|k| k.key()).collect();
    kinds.sort_unstable();
    assert_eq!(listed, kinds, "{definition}");
    // And each kind reads back from a stored revision.
    for kind in RecordKind::ALL {
        let read: RecordKind = sqlx::query_scalar("select $1::text").bind(kind).fetch_one(&app.pool).await.unwrap();
        assert_eq!(read, kind);
    }
}
