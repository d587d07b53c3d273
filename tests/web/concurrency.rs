//! Many admins saving the same record at the same moment: exactly one wins per version, the
//! others get the conflict page with the winner's values beside theirs, and nothing is lost.

use prisoner_tracker::accounts::Role;

use crate::helpers::{TestApp, TestResponse, Visitor, logged_in};
use crate::hostile::form_fields;

const ADMINS: usize = 8;

/// `ADMINS` admins load the form at `form_uri` at the same version, each types their own
/// value into `field`, and all save at once. Returns each admin's value and answer.
async fn race(admins: &mut [Visitor<'_>], form_uri: &str, field: &str) -> Vec<(String, TestResponse)> {
    let mut posts = Vec::new();
    for (i, admin) in admins.iter_mut().enumerate() {
        let page = admin.get(form_uri).await;
        assert_eq!(page.status, 200, "{form_uri}");
        let token = page.attr("input[name=csrf_token]", "value").unwrap();
        let version = page.attr("input[name=version]", "value").unwrap();
        let action = page.attr("form.record-form", "action").unwrap();
        let mut fields: Vec<(String, String)> = form_fields(&page).into_iter().filter(|(n, _)| n != field).collect();
        let mine = format!("Typed by admin {i} of {ADMINS}");
        fields.extend([
            ("csrf_token".to_owned(), token),
            ("version".to_owned(), version),
            (field.to_owned(), mine.clone()),
        ]);
        posts.push((admin, action, fields, mine));
    }
    futures_util::future::join_all(posts.into_iter().map(|(admin, action, fields, mine)| async move {
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        (mine, admin.post(&action, &pairs).await)
    }))
    .await
}

/// What the form on a conflict page shows in `field`.
fn typed(page: &TestResponse, field: &str) -> String {
    page.attr(&format!("input[name={field}]"), "value")
        .unwrap_or_else(|| page.texts(&format!("textarea[name={field}]")).join(""))
}

/// Exactly one 303; every other answer a 409 that shows the winner's value and keeps the
/// loser's. Returns the winner's value.
fn one_winner(answers: &[(String, TestResponse)], field: &str) -> String {
    let winners: Vec<&String> = answers.iter().filter(|(_, a)| a.status == 303).map(|(mine, _)| mine).collect();
    assert_eq!(
        winners.len(),
        1,
        "exactly one save wins: {:?}",
        answers.iter().map(|(_, a)| a.status).collect::<Vec<_>>()
    );
    let winner = winners[0].clone();
    for (mine, answer) in answers.iter().filter(|(_, a)| a.status != 303) {
        assert_eq!(answer.status, 409, "{mine}: {}", answer.body.chars().take(500).collect::<String>());
        let conflict = answer.text(".conflict");
        assert!(conflict.contains(&winner), "{mine}: the winner's value is shown: {conflict}");
        assert!(conflict.contains(mine.as_str()), "{mine}: beside mine: {conflict}");
        assert_eq!(&typed(answer, field), mine, "what I typed is kept in the form");
        crate::hostile::assert_says_why(answer, mine);
        assert_eq!(answer.attr(".error-summary li a", "href").as_deref(), Some("#conflict-heading"), "{mine}");
    }
    winner
}

async fn revisions(app: &TestApp, record_type: &str, id: i64) -> i64 {
    sqlx::query_scalar("select count(*) from revisions where record_type = $1 and record_id = $2 and action = 'update'")
        .bind(record_type)
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_admins_saving_one_record_at_once_give_one_winner_and_conflict_pages_for_the_rest() {
    let app = TestApp::with_demo().await;
    let mut admins = Vec::new();
    for i in 0..ADMINS {
        admins.push(logged_in(&app, &format!("admin{i}@example.org"), Role::Admin).await);
    }
    let cases = [
        ("person", "people", "slug = 'ihar-losik'", "occupation"),
        ("wave", "waves", "slug = 'handover-2025-02-12-vilnius'", "notes"),
        ("source", "sources", "id = (select min(id) from sources)", "publisher"),
    ];
    for (record_type, table, which, field) in cases {
        let (id, version): (i64, i32) = sqlx::query_as(&format!("select id, version from {table} where {which}"))
            .fetch_one(&app.pool)
            .await
            .unwrap();
        let before = revisions(&app, record_type, id).await;

        let answers = race(&mut admins, &format!("/admin/{table}/{id}/edit"), field).await;
        let winner = one_winner(&answers, field);

        let (stored, now): (Option<String>, i32) =
            sqlx::query_as(&format!("select {field}, version from {table} where id = $1"))
                .bind(id)
                .fetch_one(&app.pool)
                .await
                .unwrap();
        assert_eq!(stored.as_deref(), Some(winner.as_str()), "{table}: the winner's value is stored");
        assert_eq!(now, version + 1, "{table}: one save, one new version");
        assert_eq!(revisions(&app, record_type, id).await, before + 1, "{table}: one revision for one save");
    }
}
